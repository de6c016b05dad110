package cli

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"

	"github.com/parallax-news/parallax/internal/model"
	"github.com/parallax-news/parallax/internal/pipeline"
	"github.com/parallax-news/parallax/internal/source"
	"github.com/parallax-news/parallax/internal/storage"
)

func (a *app) analyzeCmd() *cobra.Command {
	var min, limit int
	cmd := &cobra.Command{
		Use:   "analyze PATH...",
		Short: "Ingest files and folders, run the whole pipeline and print the stories",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			st, err := a.openStore()
			if err != nil {
				return err
			}
			defer st.Close()
			if err := a.ingest(st, args); err != nil {
				return err
			}
			return a.printStories(st, storage.StoryFilter{MinArticles: min, Page: storage.Page{Limit: limit}})
		},
	}
	cmd.Flags().IntVar(&min, "min", 0, "only stories with at least this many articles")
	cmd.Flags().IntVar(&limit, "limit", 0, "print at most this many stories")
	return cmd
}

func (a *app) ingestCmd() *cobra.Command {
	var enqueue, wait bool
	cmd := &cobra.Command{
		Use:   "ingest PATH...",
		Short: "Ingest files and folders (.txt, .html, .json, .jsonl, optionally .gz) into the store",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if enqueue {
				return a.enqueue(args, wait)
			}
			st, err := a.openStore()
			if err != nil {
				return err
			}
			defer st.Close()
			return a.ingest(st, args)
		},
	}
	cmd.Flags().BoolVar(&enqueue, "enqueue", false, "PostgreSQL store: queue the articles for the store's workers (parallax worker) instead of ingesting them here")
	cmd.Flags().BoolVar(&wait, "wait", false, "with --enqueue: wait until the workers have stored the articles")
	return cmd
}

// ingest runs the pipeline over paths and prints a one-line summary and the
// skipped inputs to stderr.
func (a *app) ingest(st storage.Store, paths []string) error {
	files, listed := source.Files(paths)
	var total int64
	for _, f := range files {
		total += f.Size
	}
	opts := pipeline.Options{Logger: a.log, Analyzer: newAnalyzer()}
	var bar *progressbar.ProgressBar
	if !a.quiet && isTerminal(a.stderr) && total > 1<<20 {
		bar = progressbar.NewOptions64(total,
			progressbar.OptionSetWriter(a.stderr),
			progressbar.OptionSetDescription("ingest"),
			progressbar.OptionShowBytes(true),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionClearOnFinish())
		opts.Progress = barProgress{bar}
	}
	p, err := a.openPipeline(st, opts)
	if err != nil {
		return err
	}
	rep, err := p.IngestFiles(a.ctx, files, listed)
	if bar != nil {
		bar.Finish()
	}
	printProblems(a.stderr, rep)
	if err != nil {
		return err
	}
	fmt.Fprintf(a.stderr, "ingested %d files: %d articles read, %d added, %d already stored, %d near-copies, %d inputs skipped (%.1fs)\n",
		len(files), rep.Read, rep.Added, rep.Known, rep.Duplicates, rep.Failed, rep.Elapsed.Seconds())
	if rep.Failed > 0 {
		a.partial = true
	}
	return nil
}

// printProblems prints each skipped input and each warning once.
func printProblems(w io.Writer, rep pipeline.Report) {
	for _, e := range rep.Errors {
		fmt.Fprintln(w, "skipped:", e)
	}
	for _, e := range rep.Warnings {
		fmt.Fprintln(w, "warning:", e)
	}
}

type barProgress struct{ b *progressbar.ProgressBar }

func (p barProgress) Add(n int64) { p.b.Add64(n) }

func (a *app) storiesCmd() *cobra.Command {
	var min, limit int
	var latest bool
	cmd := &cobra.Command{
		Use:   "stories",
		Short: "List stories, largest first (or latest first)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			st, err := a.openReader()
			if err != nil {
				return err
			}
			defer st.Close()
			return a.printStories(st, storage.StoryFilter{MinArticles: min, Latest: latest, Page: storage.Page{Limit: limit}})
		},
	}
	cmd.Flags().IntVar(&min, "min", 0, "only stories with at least this many articles")
	cmd.Flags().BoolVar(&latest, "latest", false, "latest first: by the publication of each story's last article")
	cmd.Flags().IntVar(&limit, "limit", 0, "print at most this many stories")
	return cmd
}

func (a *app) printStories(st storage.Store, f storage.StoryFilter) error {
	stories, next, err := st.Stories(a.ctx, f)
	if err != nil {
		return err
	}
	c, err := st.Counts(a.ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(a.stdout, "%d stories, %d threads, %d articles (%d near-copies)\n\n", c.Stories, c.Threads, c.Articles, c.Duplicates)
	tw := tabwriter.NewWriter(a.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "STORY\tTHREAD\tARTICLES\tOUTLETS\tDATES\tHEADLINE")
	for _, s := range stories {
		fmt.Fprintf(tw, "%d\t%s\t%d\t%d\t%s\t%s\n", s.ID, idOrDash(s.ThreadID), s.Articles, len(s.Outlets), dateRange(s.First, s.Last), clip(s.Headline, 90))
		if len(s.Outlets) > 0 {
			fmt.Fprintf(tw, "\t\t\t\t\t  outlets: %s\n", clip(strings.Join(s.Outlets, ", "), 120))
		}
	}
	a.nextPage(next)
	return tw.Flush()
}

func (a *app) storyCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "story ID",
		Short: "Show one story: its articles with outlet, date, headline and near-copies",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			var id int64
			if _, err := fmt.Sscan(args[0], &id); err != nil {
				return errUsage{fmt.Errorf("story id %q is not a number", args[0])}
			}
			st, err := a.openReader()
			if err != nil {
				return err
			}
			defer st.Close()
			s, err := st.Story(a.ctx, id)
			if err != nil {
				return err
			}
			fmt.Fprintf(a.stdout, "Story %d: %s\n", s.ID, s.Headline)
			fmt.Fprintf(a.stdout, "%d articles from %d outlets, %s", s.Articles, len(s.Outlets), dateRange(s.First, s.Last))
			if s.ThreadID != 0 {
				fmt.Fprintf(a.stdout, ", thread %d", s.ThreadID)
			}
			fmt.Fprintln(a.stdout)
			if len(s.Outlets) > 0 {
				fmt.Fprintf(a.stdout, "outlets: %s\n", strings.Join(s.Outlets, ", "))
			}
			fmt.Fprintln(a.stdout)
			ext := map[int64]string{}
			var arts []*model.Article
			if err := st.Articles(a.ctx, storage.ArticleFilter{StoryID: id}, func(ar *model.Article) error {
				ext[ar.ID] = ar.ExternalID
				arts = append(arts, ar)
				return nil
			}); err != nil {
				return err
			}
			tw := tabwriter.NewWriter(a.stdout, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "ARTICLE\tOUTLET\tDATE\tHEADLINE\tNEAR-COPY OF")
			for _, ar := range arts {
				dup := ""
				if ar.DuplicateOf != 0 {
					dup = ext[ar.DuplicateOf]
					if dup == "" {
						dup = fmt.Sprintf("#%d", ar.DuplicateOf)
					}
				}
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", ar.ExternalID, orDash(ar.Outlet), dateOrDash(ar.Published), clip(headline(ar), 80), dup)
			}
			return tw.Flush()
		},
	}
}

func (a *app) threadsCmd() *cobra.Command {
	var page storage.Page
	cmd := &cobra.Command{
		Use:   "threads",
		Short: "List threads: stories of the same saga",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			st, err := a.openReader()
			if err != nil {
				return err
			}
			defer st.Close()
			threads, next, err := st.Threads(a.ctx, storage.ThreadFilter{Page: page})
			if err != nil {
				return err
			}
			for _, t := range threads {
				fmt.Fprintf(a.stdout, "Thread %d: %d stories, %s\n", t.ID, len(t.StoryIDs), dateRange(t.First, t.Last))
				for _, s := range t.Stories {
					fmt.Fprintf(a.stdout, "  story %d  %s  %d articles  %s\n", s.ID, dateRange(s.First, s.Last), s.Articles, clip(s.Headline, 80))
				}
			}
			a.nextPage(next)
			return nil
		},
	}
	pageFlags(cmd, &page, 0)
	return cmd
}

func headline(ar *model.Article) string {
	if ar.Title != "" {
		return ar.Title
	}
	line, _, _ := strings.Cut(ar.Text, "\n")
	return line
}

func dateRange(first, last time.Time) string {
	switch {
	case first.IsZero():
		return "date unknown"
	case first.Format(time.DateOnly) == last.Format(time.DateOnly) || last.IsZero():
		return first.Format(time.DateOnly)
	}
	return first.Format(time.DateOnly) + " … " + last.Format(time.DateOnly)
}

func dateOrDash(t time.Time) string {
	if t.IsZero() {
		return "-"
	}
	return t.Format(time.DateOnly)
}

func idOrDash(id int64) string {
	if id == 0 {
		return "-"
	}
	return fmt.Sprint(id)
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}

var _ io.Writer = (*tabwriter.Writer)(nil)
