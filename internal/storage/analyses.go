package storage

import (
	"context"
	"errors"

	"github.com/parallax-news/parallax/internal/model"
)

// AnalysisWindow is how many articles AnalysesInWindows reads at a time.
const AnalysisWindow = 2000

// AnalysesInWindows implements Reader.Analyses for a store: it reads the
// articles f selects through articles, a window at a time, fills in each
// window's analysis with read (given the window's id range and an empty
// analysis per article), and calls fn in article order.
func AnalysesInWindows(ctx context.Context, f ArticleFilter,
	articles func(context.Context, ArticleFilter, func(*model.Article) error) error,
	read func(ctx context.Context, lo, hi int64, byID map[int64]*model.Analysis) error,
	fn func(*model.Article, *model.Analysis) error) error {
	after := f.AfterID
	errFull := errors.New("window full")
	for {
		var arts []*model.Article
		err := articles(ctx, ArticleFilter{StoryID: f.StoryID, ThreadID: f.ThreadID, Outlet: f.Outlet, Dates: f.Dates, AfterID: after}, func(a *model.Article) error {
			arts = append(arts, a)
			if len(arts) == AnalysisWindow {
				return errFull
			}
			return nil
		})
		if err != nil && !errors.Is(err, errFull) {
			return err
		}
		if len(arts) == 0 {
			return nil
		}
		lo, hi := arts[0].ID, arts[len(arts)-1].ID
		byID := make(map[int64]*model.Analysis, len(arts))
		for _, a := range arts {
			byID[a.ID] = &model.Analysis{ArticleID: a.ID}
		}
		if err := read(ctx, lo, hi, byID); err != nil {
			return err
		}
		for _, a := range arts {
			if err := fn(a, byID[a.ID]); err != nil {
				return err
			}
		}
		if len(arts) < AnalysisWindow {
			return nil
		}
		after = hi
	}
}
