package cli

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"time"

	"github.com/spf13/cobra"

	"github.com/parallax-news/parallax/internal/analyze/dates"
	"github.com/parallax-news/parallax/internal/analyze/sentence"
	"github.com/parallax-news/parallax/internal/compare"
	"github.com/parallax-news/parallax/internal/compare/stored"
	"github.com/parallax-news/parallax/internal/model"
	"github.com/parallax-news/parallax/internal/report"
	"github.com/parallax-news/parallax/internal/storage"
	"github.com/parallax-news/parallax/internal/storage/open"
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
               value is YYYY, YYYY-MM or YYYY-MM-DD, or as TimeML writes a
               week (2024-W10, a weekend 2024-W10-WE), quarter (2024-Q1),
               half (2024-H2), season (2024-SU) or decade (199)
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
				src, err := a.comparisons(st)
				if err != nil {
					return err
				}
				c, err := src.Story(a.ctx, story)
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
	storyID, err := a.storyOf(st, arg)
	if errors.Is(err, storage.ErrNotFound) {
		return model.Story{}, fmt.Errorf("%q is neither a story id nor an article id: %w", arg, storage.ErrNotFound)
	}
	if err != nil {
		return model.Story{}, err
	}
	if storyID == 0 {
		return model.Story{}, fmt.Errorf("article %q is in no story yet", arg)
	}
	return st.Story(a.ctx, storyID)
}

// storyOf returns the story of the article with external id ext (0: none
// yet), or an error wrapping storage.ErrNotFound.
func (a *app) storyOf(st storage.Store, ext string) (int64, error) {
	if sl, ok := st.(storage.StoryLookup); ok {
		return sl.StoryOf(a.ctx, ext)
	}
	var storyID int64
	found := false
	errFound := errors.New("found")
	err := st.Articles(a.ctx, storage.ArticleFilter{}, func(ar *model.Article) error {
		if ar.ExternalID == ext {
			storyID, found = ar.StoryID, true
			return errFound
		}
		return nil
	})
	if err != nil && !errors.Is(err, errFound) {
		return 0, err
	}
	if !found {
		return 0, fmt.Errorf("article %q: %w", ext, storage.ErrNotFound)
	}
	return storyID, nil
}

// comparisons returns the source of story comparisons over st: stored
// ones are read while current, and new ones are stored when no other
// process is writing to the store.
func (a *app) comparisons(st storage.Store) (*stored.Source, error) {
	reg, err := a.loadOutlets(st)
	if err != nil {
		return nil, err
	}
	src := stored.New(st, newAnalyzer().Version(), compare.Options{Outlets: reg})
	src.Put = func(ctx context.Context, cs []storage.StoredComparison) error {
		return a.withComparisonWriter(ctx, func(w storage.Comparisons) error { return w.PutComparisons(ctx, cs) })
	}
	src.OnPutError = func(err error) { a.log.Debug("comparisons not stored", "err", err) }
	return src, nil
}

// withComparisonWriter opens the store for writing, without waiting for
// another writer, and runs fn on it. The open skips the store's full
// check: fn writes only comparisons, which are made again whenever lost,
// and the check would cost a large store seconds per command.
func (a *app) withComparisonWriter(ctx context.Context, fn func(storage.Comparisons) error) error {
	st, err := open.Open(ctx, a.dbPath, open.Options{NoWait: true, SkipCheck: true})
	if err != nil {
		return err
	}
	defer st.Close()
	w, ok := st.(storage.Comparisons)
	if !ok {
		return fmt.Errorf("%s keeps no comparisons", a.dbPath)
	}
	return fn(w)
}

// exportComparisons writes one comparison per story of at least two
// articles and minOutlets outlets, in story id order. Stored comparisons
// are read while current; the others are made on every core and stored.
func (a *app) exportComparisons(st storage.Store, w io.Writer, minOutlets int) error {
	stories, _, err := st.Stories(a.ctx, storage.StoryFilter{MinArticles: 2})
	if err != nil {
		return fmt.Errorf("export comparisons: %w", err)
	}
	src, err := a.comparisons(st)
	if err != nil {
		return err
	}
	slices.SortFunc(stories, func(x, y model.Story) int { return cmp.Compare(x.ID, y.ID) })
	all := make(map[int64]bool, len(stories))
	for _, s := range stories {
		all[s.ID] = true
	}
	stories = slices.DeleteFunc(stories, func(s model.Story) bool { return s.Articles < minOutlets })
	stats, err := src.Each(a.ctx, stories, func(s model.Story, outlets int, line []byte) error {
		if outlets < minOutlets {
			return nil
		}
		_, err := w.Write(line)
		return err
	})
	if err != nil {
		return fmt.Errorf("export comparisons: %w", err)
	}
	a.log.Info("comparisons", "read", stats.Read, "made", stats.Made, "stored", stats.Stored)
	if stats.Stored > 0 {
		// Drop the comparisons of stories that are gone (merged, split).
		err := a.withComparisonWriter(a.ctx, func(w storage.Comparisons) error {
			_, err := w.DeleteComparisons(a.ctx, func(id int64) bool { return all[id] })
			return err
		})
		if err != nil {
			a.log.Debug("old comparisons not deleted", "err", err)
		}
	}
	return nil
}
