package cli

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"runtime"
	"slices"
	"strconv"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"github.com/parallax-news/parallax/internal/analyze/dates"
	"github.com/parallax-news/parallax/internal/analyze/sentence"
	"github.com/parallax-news/parallax/internal/compare"
	"github.com/parallax-news/parallax/internal/model"
	"github.com/parallax-news/parallax/internal/report"
	"github.com/parallax-news/parallax/internal/storage"
)

// withCompareExports adds the exports of the comparison stage ("dates",
// "comparisons") to the export command.
func (a *app) withCompareExports(cmd *cobra.Command) *cobra.Command {
	var minOutlets int
	cmd.Flags().IntVar(&minOutlets, "min-outlets", 2, "comparisons: only stories covered by at least this many outlets")
	cmd.ValidArgs = append(cmd.ValidArgs, "dates", "comparisons")
	cmd.Short = "Export assignments, articles, entities, quotes, claims, dates or comparisons as JSON lines"
	cmd.Long += `

  dates        {"id", "start", "end", "text", "value"}: every resolved date expression;
               value is YYYY, YYYY-MM or YYYY-MM-DD
  comparisons  one comparison per story of two or more articles (as "parallax
               compare --format json"); --min-outlets N skips stories with fewer
               outlets (an article without an outlet counts as one of its own)`
	inner := cmd.RunE
	cmd.RunE = func(c *cobra.Command, args []string) error {
		if len(args) != 1 || (args[0] != "dates" && args[0] != "comparisons") {
			return inner(c, args)
		}
		out, _ := c.Flags().GetString("output")
		if args[0] == "comparisons" {
			return a.withReadModel(func(st storage.Store) error {
				return a.withOutput(out, func(w io.Writer) error { return a.exportComparisons(st, w, minOutlets) })
			})
		}
		st, err := a.openReader()
		if err != nil {
			return err
		}
		defer st.Close()
		return a.withOutput(out, func(w io.Writer) error { return a.exportDates(st, w) })
	}
	return cmd
}

// dateRecord is one exported date expression; offsets count characters of
// the exported article text.
type dateRecord struct {
	ID    string `json:"id"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	Value string `json:"value"`
}

// exportDates writes every resolved date expression of every article.
func (a *app) exportDates(st storage.Store, w io.Writer) error {
	var storyFirst map[int64]time.Time // loaded when an article has no date
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return st.Articles(a.ctx, storage.ArticleFilter{}, func(ar *model.Article) error {
		anchor := ar.Published
		if anchor.IsZero() && ar.StoryID != 0 {
			if storyFirst == nil {
				stories, _, err := st.Stories(a.ctx, storage.StoryFilter{})
				if err != nil {
					return fmt.Errorf("export dates: %w", err)
				}
				storyFirst = make(map[int64]time.Time, len(stories))
				for _, s := range stories {
					storyFirst[s.ID] = s.First
				}
			}
			anchor = storyFirst[ar.StoryID]
		}
		chars := compare.NewChars(ar.Text)
		for _, d := range dates.Find(ar.Text, sentence.Split(ar.Text), anchor) {
			if !d.Resolved() {
				continue
			}
			rec := dateRecord{ID: ar.ExternalID, Start: chars.At(d.Start), End: chars.At(d.End), Text: d.Text, Value: d.Value}
			if err := enc.Encode(rec); err != nil {
				return err
			}
		}
		return nil
	})
}

func (a *app) compareCmd() *cobra.Command {
	var format, out string
	cmd := &cobra.Command{
		Use:   "compare STORY",
		Short: "Compare one story across its outlets: facts, quotes, conflicts, numbers, timeline",
		Long: `Compare one story side by side across the outlets that covered it.

STORY is a story id (see "parallax stories") or the id of one of its articles.
The comparison shows coverage (who, when, near-copies), facts aligned across
articles (reported by all, some or one outlet), each article's unique details
and omissions, quote renderings with word diffs and meaning-change flags,
conflicting stances, figures that differ, attribution verbs and a timeline.
Offsets are character offsets into the exported article text.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if !slices.Contains(report.Formats, format) {
				return errUsage{fmt.Errorf("--format %q: want text, md, html or json", format)}
			}
			return a.withReadModel(func(st storage.Store) error {
				story, err := a.findStory(st, args[0])
				if err != nil {
					return err
				}
				reg, err := a.loadOutlets(st)
				if err != nil {
					return err
				}
				c, err := a.compareStory(st, story, compare.Options{Outlets: reg})
				if err != nil {
					return err
				}
				return a.withOutput(out, func(w io.Writer) error { return report.Write(w, format, c) })
			})
		},
	}
	cmd.Flags().StringVar(&format, "format", "text", "output format: text, md, html or json")
	cmd.Flags().StringVarP(&out, "output", "o", "", "write to this file instead of standard output")
	return cmd
}

// findStory returns the story named by arg: a story id, or the external id
// of one of its articles.
func (a *app) findStory(st storage.Store, arg string) (model.Story, error) {
	if id, err := strconv.ParseInt(arg, 10, 64); err == nil {
		s, err := st.Story(a.ctx, id)
		if err == nil {
			return s, nil
		}
		if !errors.Is(err, storage.ErrNotFound) {
			return s, fmt.Errorf("story %d: %w", id, err)
		}
	}
	ids, _, err := st.Known(a.ctx, []string{arg}, nil)
	if err != nil {
		return model.Story{}, err
	}
	if !ids[arg] {
		return model.Story{}, fmt.Errorf("%q is neither a story id nor an article id: %w", arg, storage.ErrNotFound)
	}
	var storyID int64
	errFound := errors.New("found")
	err = st.Articles(a.ctx, storage.ArticleFilter{}, func(ar *model.Article) error {
		if ar.ExternalID == arg {
			storyID = ar.StoryID
			return errFound
		}
		return nil
	})
	if err != nil && !errors.Is(err, errFound) {
		return model.Story{}, err
	}
	if storyID == 0 {
		return model.Story{}, fmt.Errorf("article %q is in no story yet", arg)
	}
	return st.Story(a.ctx, storyID)
}

// storyDocs loads a story's articles and their analysis.
func (a *app) storyDocs(st storage.Store, s model.Story) ([]compare.Doc, error) {
	var docs []compare.Doc
	err := st.Analyses(a.ctx, storage.ArticleFilter{StoryID: s.ID}, func(ar *model.Article, an *model.Analysis) error {
		docs = append(docs, compare.Doc{Article: ar, Analysis: an})
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("story %d: %w", s.ID, err)
	}
	return docs, nil
}

// compareStory loads a story's articles and analysis and compares them.
func (a *app) compareStory(st storage.Store, s model.Story, opts compare.Options) (*model.Comparison, error) {
	docs, err := a.storyDocs(st, s)
	if err != nil {
		return nil, err
	}
	if len(docs) < 2 {
		return nil, fmt.Errorf("story %d has %d article(s): %w", s.ID, len(docs), compare.ErrTooFew)
	}
	return compare.Compare(a.ctx, s, docs, opts)
}

// exportComparisons writes one comparison per story of at least two
// articles and minOutlets outlets, in story id order. Stories are read in
// batches and each batch is compared on every core.
func (a *app) exportComparisons(st storage.Store, w io.Writer, minOutlets int) error {
	stories, _, err := st.Stories(a.ctx, storage.StoryFilter{MinArticles: 2})
	if err != nil {
		return fmt.Errorf("export comparisons: %w", err)
	}
	reg, err := a.loadOutlets(st)
	if err != nil {
		return err
	}
	opts := compare.Options{Outlets: reg}
	slices.SortFunc(stories, func(x, y model.Story) int { return cmp.Compare(x.ID, y.ID) })
	stories = slices.DeleteFunc(stories, func(s model.Story) bool { return s.Articles < minOutlets })
	workers := runtime.GOMAXPROCS(0)
	batch := 16 * workers
	for lo := 0; lo < len(stories); lo += batch {
		part := stories[lo:min(lo+batch, len(stories))]
		docs := make([][]compare.Doc, len(part))
		for i, s := range part {
			if docs[i], err = a.storyDocs(st, s); err != nil {
				return err
			}
		}
		out := make([]*model.Comparison, len(part))
		errs := make([]error, len(part))
		var wg sync.WaitGroup
		next := make(chan int)
		for range workers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := range next {
					out[i], errs[i] = compare.Compare(a.ctx, part[i], docs[i], opts)
				}
			}()
		}
		for i := range part {
			next <- i
		}
		close(next)
		wg.Wait()
		for i, c := range out {
			if errs[i] != nil {
				return errs[i]
			}
			if len(c.Coverage.Outlets) < minOutlets {
				continue
			}
			if err := report.JSON(w, c); err != nil {
				return err
			}
		}
	}
	return nil
}
