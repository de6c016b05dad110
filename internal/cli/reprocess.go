package cli

import (
	"fmt"
	"strconv"
	"time"

	"github.com/spf13/cobra"

	"github.com/parallax-news/parallax/internal/pipeline"
)

func (a *app) reprocessCmd() *cobra.Command {
	var f pipeline.ReprocessFilter
	cmd := &cobra.Command{
		Use:   "reprocess [--since DATE] [--outlet NAME] [ID...]",
		Short: "Extract stored articles again from their kept raw pages and re-analyse what changed (resumable)",
		Long: `Extract the stored HTML articles again from the raw pages kept with them,
without fetching anything, after an upgrade of the extraction. Articles
whose title, text or metadata changed are stored again and re-analysed;
stories' summaries, entities, quotes and claims follow. Each article keeps
its story and near-copy mark (run ` + "`parallax repair`" + ` to rebuild the
near-copy index and the stories from the new texts).

IDs are store ids (the article ids of the HTTP API); without IDs every article is read, or those of
--outlet and --since (publication day, YYYY-MM-DD). Articles stored
without a raw page (plain text, JSON) are left as they are. Running it
twice changes nothing the second time; an interrupted run resumes.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			for _, s := range args {
				id, err := strconv.ParseInt(s, 10, 64)
				if err != nil || id <= 0 {
					return usage(fmt.Errorf("article id %q: want a positive number", s))
				}
				f.IDs = append(f.IDs, id)
			}
			if f.Since != "" {
				if _, err := time.Parse(time.DateOnly, f.Since); err != nil {
					return usage(fmt.Errorf("--since %q: want a day as YYYY-MM-DD", f.Since))
				}
			}
			st, err := a.openStore()
			if err != nil {
				return err
			}
			defer st.Close()
			p, err := a.openPipeline(st, pipeline.Options{Logger: a.log, Analyzer: newAnalyzer()})
			if err != nil {
				return err
			}
			t := time.Now()
			rep, err := p.Reprocess(a.ctx, f, func(done int) {
				if !a.quiet {
					a.log.Info("reprocess", "articles", done)
				}
			})
			for _, e := range rep.Errors {
				fmt.Fprintf(a.stderr, "%v\n", e)
			}
			if err != nil {
				return fmt.Errorf("%w (run the same `parallax reprocess` again to resume)", err)
			}
			resumed := ""
			if rep.Resumed {
				resumed = ", resumed"
			}
			fmt.Fprintf(a.stderr, "reprocessed %d articles: %d with a raw page, %d changed, %d failed (%.1fs%s)\n",
				rep.Read, rep.Pages, rep.Changed, len(rep.Errors), time.Since(t).Seconds(), resumed)
			if len(rep.Errors) > 0 {
				a.partial = true
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&f.Outlet, "outlet", "", "only this outlet's articles (any case)")
	cmd.Flags().StringVar(&f.Since, "since", "", "only articles published on or after this day (YYYY-MM-DD)")
	return cmd
}
