package sqlite

import (
	"context"
	"fmt"

	"github.com/parallax-news/parallax/internal/model"
	"github.com/parallax-news/parallax/internal/storage"
)

// Analyses implements storage.Reader. It reads the articles a window at a
// time, and the window's mentions, quotes and stances in one query each.
func (s *Store) Analyses(ctx context.Context, f storage.ArticleFilter, fn func(*model.Article, *model.Analysis) error) error {
	return storage.AnalysesInWindows(ctx, f, s.Articles, s.readAnalysis, fn)
}

func (s *Store) readAnalysis(ctx context.Context, lo, hi int64, byID map[int64]*model.Analysis) error {
	queries := []string{
		`SELECT article_id, start_at, end_at, text, type, role, key, '' FROM mentions WHERE article_id BETWEEN $1 AND $2 ORDER BY article_id, seq`,
		`SELECT article_id, start_at, end_at, text, kind, speaker, speaker_mention, cue FROM quotes WHERE article_id BETWEEN $1 AND $2 ORDER BY article_id, seq`,
		`SELECT article_id, start_at, end_at, holder, stance, qualifier, text, proposition FROM stances WHERE article_id BETWEEN $1 AND $2 ORDER BY article_id, seq`,
	}
	for i, q := range queries {
		rows, err := s.db.QueryContext(ctx, q, lo, hi)
		if err != nil {
			return fmt.Errorf("read analysis: %w", err)
		}
		for rows.Next() {
			var aid int64
			var sp model.Span
			var a, b, c, d, e string
			if err := rows.Scan(&aid, &sp.Start, &sp.End, &a, &b, &c, &d, &e); err != nil {
				rows.Close()
				return fmt.Errorf("read analysis: %w", err)
			}
			an := byID[aid]
			if an == nil {
				continue // an article outside the filtered story
			}
			switch i {
			case 0:
				an.Mentions = append(an.Mentions, model.Mention{Span: sp, Text: a, Type: model.EntityType(b), Role: c, Key: d})
			case 1:
				an.Quotes = append(an.Quotes, model.Quote{ArticleID: aid, Span: sp, Text: a, Kind: model.QuoteKind(b), Speaker: c, SpeakerMention: d, Cue: e})
			case 2:
				an.Stances = append(an.Stances, model.StanceMention{ArticleID: aid, Span: sp, Holder: a, Stance: model.Stance(b), Qualifier: c, Text: d, Proposition: e})
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("read analysis: %w", err)
		}
	}
	return nil
}
