package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"

	"github.com/parallax-news/parallax/internal/model"
	"github.com/parallax-news/parallax/internal/storage"
)

var _ storage.RawReader = (*Store)(nil)

// insertRaw stores raw pages, replacing those stored for the same
// articles.
func insertRaw(ctx context.Context, tx *sql.Tx, pages []storage.RawPage) error {
	if len(pages) == 0 {
		return nil
	}
	ins, err := tx.PrepareContext(ctx, `INSERT INTO raw_pages(article_id, url, content_type, fetched, given, data) VALUES ($1,$2,$3,$4,$5,$6)
		ON CONFLICT(article_id) DO UPDATE SET url = excluded.url, content_type = excluded.content_type, fetched = excluded.fetched, given = excluded.given, data = excluded.data`)
	if err != nil {
		return err
	}
	defer ins.Close()
	for _, r := range pages {
		given, err := json.Marshal(r.Given)
		if err != nil {
			return fmt.Errorf("raw page of article %d: %w", r.ArticleID, err)
		}
		if _, err := ins.ExecContext(ctx, r.ArticleID, r.URL, r.ContentType, storage.FormatTime(r.Fetched), string(given), r.Data); err != nil {
			return fmt.Errorf("store raw page of article %d: %w", r.ArticleID, err)
		}
	}
	return nil
}

// updateArticles replaces the extracted fields of stored articles.
func updateArticles(ctx context.Context, tx *sql.Tx, arts []*model.Article, touched map[int64]bool) error {
	if len(arts) == 0 {
		return nil
	}
	upd, err := tx.PrepareContext(ctx, `UPDATE articles SET title = $1, body = $2, url = $3, outlet = $4, author = $5, language = $6, published = $7 WHERE id = $8 RETURNING story_id`)
	if err != nil {
		return err
	}
	defer upd.Close()
	for _, a := range arts {
		var story int64
		if err := upd.QueryRowContext(ctx, a.Title, a.Text, a.URL, a.Outlet, a.Author, a.Language, storage.FormatTime(a.Published), a.ID).Scan(&story); err != nil {
			return fmt.Errorf("update article %d: %w", a.ID, err)
		}
		touched[story] = true
	}
	return nil
}

// RawPages implements storage.RawReader.
func (s *Store) RawPages(ctx context.Context, ids []int64, fn func(*storage.RawPage) error) error {
	ids = slices.Clone(ids)
	slices.Sort(ids)
	ids = slices.Compact(ids)
	for _, c := range chunks(len(ids), 400) {
		var p params
		rows, err := s.db.QueryContext(ctx, `SELECT article_id, url, content_type, fetched, given, data FROM raw_pages WHERE article_id IN (`+list(&p, ids[c[0]:c[1]])+`) ORDER BY article_id`, p...)
		if err != nil {
			return fmt.Errorf("read raw pages: %w", err)
		}
		err = func() error {
			defer rows.Close()
			for rows.Next() {
				var r storage.RawPage
				var fetched, given string
				if err := rows.Scan(&r.ArticleID, &r.URL, &r.ContentType, &fetched, &given, &r.Data); err != nil {
					return fmt.Errorf("read raw pages: %w", err)
				}
				r.Fetched = storage.ParseTime(fetched)
				if err := json.Unmarshal([]byte(given), &r.Given); err != nil {
					return fmt.Errorf("raw page of article %d: %w", r.ArticleID, err)
				}
				if err := fn(&r); err != nil {
					return err
				}
			}
			return rows.Err()
		}()
		if err != nil {
			return err
		}
	}
	return nil
}
