package cli

import (
	"fmt"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"

	"github.com/parallax-news/parallax/internal/pipeline"
	"github.com/parallax-news/parallax/internal/storage"
	"github.com/parallax-news/parallax/internal/storage/open"
)

// openPipeline opens a writing pipeline on st and first brings a stale
// stored analysis up to date (see reanalyzeIfStale).
func (a *app) openPipeline(st storage.Store, opts pipeline.Options) (*pipeline.Pipeline, error) {
	p, err := pipeline.Open(a.ctx, st, opts)
	if err != nil {
		return nil, err
	}
	if err := a.reanalyzeIfStale(p); err != nil {
		return nil, err
	}
	return p, nil
}

// reanalyzeIfStale recomputes a stale stored analysis in batches, with a
// progress bar, before a writing run goes on.
func (a *app) reanalyzeIfStale(p *pipeline.Pipeline) error {
	stale, have, err := p.Stale(a.ctx)
	if err != nil || !stale {
		return err
	}
	if have == "" {
		have = "none"
	}
	fmt.Fprintf(a.stderr, "the stored analysis is stale (made by %s); re-analysing every article first\n", have)
	return a.reanalyze(p)
}

// reanalyze runs the pipeline's re-analysis with progress on stderr.
func (a *app) reanalyze(p *pipeline.Pipeline) error {
	var bar *progressbar.ProgressBar
	t := time.Now()
	err := p.Reanalyze(a.ctx, func(done, total int) {
		switch {
		case a.quiet:
		case isTerminal(a.stderr):
			if bar == nil {
				bar = progressbar.NewOptions(total, progressbar.OptionSetWriter(a.stderr), progressbar.OptionSetDescription("reanalyze"),
					progressbar.OptionThrottle(100*time.Millisecond), progressbar.OptionClearOnFinish())
			}
			bar.Set(done)
		default:
			fmt.Fprintf(a.stderr, "reanalyze: %d of %d articles\n", done, total)
		}
	})
	if bar != nil {
		bar.Finish()
	}
	if err != nil {
		return fmt.Errorf("%w (run `parallax reanalyze --db %s` again to resume)", err, a.dbPath)
	}
	fmt.Fprintf(a.stderr, "re-analysed the stored articles (%.1fs)\n", time.Since(t).Seconds())
	return nil
}

func (a *app) reanalyzeCmd() *cobra.Command {
	var force bool
	cmd := &cobra.Command{
		Use:   "reanalyze",
		Short: "Recompute the stored entities, quotes and claims with this version's analysis (resumable)",
		Long: `Recompute the analysis of every stored article, and the entities, quotes and
claims built on it, a batch per transaction. Reads report a store whose
analysis was made by another version as stale until this has run; an
interrupted run resumes where it stopped. The next ingest does the same
when it finds the analysis stale.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			st, err := a.openStore()
			if err != nil {
				return err
			}
			defer st.Close()
			// Checked before the pipeline opens: opening it loads the
			// entity registry of a current analysis.
			if stale, _, err := pipeline.AnalysisStale(a.ctx, st, newAnalyzer().Version()); err != nil || (!stale && !force) {
				if err == nil {
					fmt.Fprintf(a.stderr, "the stored analysis is current (%s); --force recomputes it anyway\n", newAnalyzer().Version())
				}
				return err
			}
			p, err := pipeline.Open(a.ctx, st, pipeline.Options{Logger: a.log, Analyzer: newAnalyzer()})
			if err != nil {
				return err
			}
			return a.reanalyze(p)
		},
	}
	cmd.Flags().BoolVar(&force, "force", false, "recompute even when the stored analysis is current")
	return cmd
}

func (a *app) checkCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "check",
		Short: "Check the store for damage (SQLite's integrity check and Parallax's own consistency checks)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			st, err := a.open(open.Options{ReadOnly: true, SkipCheck: true})
			if err != nil {
				return err
			}
			defer st.Close()
			t := time.Now()
			problems, err := st.Check(a.ctx)
			if err != nil {
				return err
			}
			for _, p := range problems {
				fmt.Fprintln(a.stdout, p)
			}
			if len(problems) > 0 {
				return fmt.Errorf("%s: %d problems found; `parallax repair --db %s` rebuilds what can be rebuilt: %w", a.dbPath, len(problems), a.dbPath, storage.ErrDamaged)
			}
			fmt.Fprintf(a.stdout, "%s: no damage found (%.1fs)\n", a.dbPath, time.Since(t).Seconds())
			return nil
		},
	}
}

func (a *app) repairCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "repair",
		Short: "Rebuild the learned state and the read model from the stored articles",
		Long: `Rebuild everything derived from the stored articles: the learned state
(recurring lines, near-copy index, story clusterer), the stories' summaries
and the analysis with its entities, quotes and claims. Articles themselves
are kept as stored; a store whose articles are damaged beyond what SQLite
can read needs a re-ingest of the inputs into a new store.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			st, err := a.open(open.Options{SkipCheck: true})
			if err != nil {
				return err
			}
			defer st.Close()
			t := time.Now()
			if err := st.Rebuild(a.ctx); err != nil {
				return err
			}
			p, err := pipeline.Repair(a.ctx, st, pipeline.Options{Logger: a.log, Analyzer: newAnalyzer()})
			if err != nil {
				return err
			}
			if err := a.reanalyze(p); err != nil {
				return err
			}
			problems, err := st.Check(a.ctx)
			if err != nil {
				return err
			}
			for _, p := range problems {
				fmt.Fprintln(a.stdout, p)
			}
			if len(problems) > 0 {
				return fmt.Errorf("%s: %d problems remain after repair: %w", a.dbPath, len(problems), storage.ErrDamaged)
			}
			fmt.Fprintf(a.stdout, "%s: repaired (%.1fs)\n", a.dbPath, time.Since(t).Seconds())
			return nil
		},
	}
}
