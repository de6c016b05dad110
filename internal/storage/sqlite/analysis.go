package sqlite

import (
	"context"

	"github.com/parallax-news/parallax/internal/model"
	"github.com/parallax-news/parallax/internal/storage"
)

// Analyses implements storage.Reader. It reads the articles a window at a
// time, and the window's mentions, quotes and stances in one query each.
func (s *Store) Analyses(ctx context.Context, f storage.ArticleFilter, fn func(*model.Article, *model.Analysis) error) error {
	return storage.AnalysesInWindows(ctx, f, s.Articles, s.readAnalysis, fn)
}

func (s *Store) readAnalysis(ctx context.Context, lo, hi int64, byID map[int64]*model.Analysis) error {
	return storage.ReadAnalysisRows(ctx, func(ctx context.Context, q string, lo, hi int64) (storage.Rows, func(), error) {
		rows, err := s.db.QueryContext(ctx, q, lo, hi)
		if err != nil {
			return nil, nil, err
		}
		return rows, func() { rows.Close() }, nil
	}, lo, hi, byID)
}
