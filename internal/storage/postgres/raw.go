package postgres

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"slices"

	"github.com/jackc/pgx/v5"

	"github.com/parallax-news/parallax/internal/storage"
)

var _ storage.RawReader = (*Store)(nil)

// rawPagesTable holds the raw pages.
var rawPagesTable = newTable("raw_pages", []string{"article_id", "url", "content_type", "fetched", "given", "data"},
	[]string{"bigint", "text", "text", "text", "text", "bytea"})

// insertRaw queues the storing of raw pages, replacing those stored for
// the same articles: one DELETE of the stored pages of the articles that
// are not new (fresh), then the pages.
func insertRaw(q *sendQueue, pages []storage.RawPage, fresh map[int64]bool) error {
	if len(pages) == 0 {
		return nil
	}
	last := make(map[int64]int, len(pages)) // of pages repeating an article, the last wins
	for i, r := range pages {
		last[r.ArticleID] = i
	}
	var stored, ids []int64
	var urls, types, fetched, givens []string
	var data [][]byte
	for i, r := range pages {
		if last[r.ArticleID] != i {
			continue
		}
		given, err := json.Marshal(r.Given)
		if err != nil {
			return fmt.Errorf("raw page of article %d: %w", r.ArticleID, err)
		}
		if !fresh[r.ArticleID] {
			stored = append(stored, r.ArticleID)
		}
		ids, urls, types = append(ids, r.ArticleID), append(urls, r.URL), append(types, r.ContentType)
		fetched, givens, data = append(fetched, storage.FormatTime(r.Fetched)), append(givens, string(given)), append(data, r.Data)
	}
	if len(stored) > 0 {
		q.add("store raw pages", `DELETE FROM raw_pages WHERE article_id = ANY($1)`, stored)
	}
	return q.insert("store raw pages", false, rawPagesTable, len(ids), ids, urls, types, fetched, givens, data)
}

// updateArticles queues the replacement of the extracted fields of stored
// articles, and of their search vectors (computed beforehand, see
// searchArgs); the stories of the articles are touched, and an article
// not stored fails the batch, once the queue was sent.
func (w *batchWriter) updateArticles() {
	arts := w.b.Updates
	if len(arts) == 0 {
		return
	}
	n := len(arts)
	ids := make([]int64, n)
	title, body, url, outlet, author, lang, pub := make([]string, n), make([]string, n), make([]string, n), make([]string, n), make([]string, n), make([]string, n), make([]string, n)
	for i, a := range arts {
		ids[i], title[i], body[i], url[i], outlet[i], author[i], lang[i], pub[i] = a.ID, a.Title, a.Text, a.URL, a.Outlet, a.Author, a.Language, storage.FormatTime(a.Published)
	}
	done := 0
	w.q.addRows("update articles", func(rows pgx.Rows) error {
		var id, story int64
		if err := rows.Scan(&id, &story); err != nil {
			return err
		}
		w.touched[story] = true
		done++
		return nil
	}, `UPDATE articles a SET title = v.title, body = v.body, url = v.url, outlet = v.outlet, author = v.author, language = v.language, published = v.published
		FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[]) AS v(id, title, body, url, outlet, author, language, published)
		WHERE a.id = v.id RETURNING a.id, a.story_id`, ids, title, body, url, outlet, author, lang, pub)
	w.q.afterSend(func() error {
		if done != n {
			return fmt.Errorf("update articles: %d of %d are not stored: %w", n-done, n, storage.ErrNotFound)
		}
		return nil
	})
	w.updated.queue(w.q)
}

// RawPages implements storage.RawReader.
func (s *Store) RawPages(ctx context.Context, ids []int64, fn func(*storage.RawPage) error) error {
	ids = slices.Clone(ids)
	slices.Sort(ids)
	ids = slices.Compact(ids)
	for start := 0; start < len(ids); start += 1000 {
		part := ids[start:min(start+1000, len(ids))]
		rows, err := s.pool.Query(ctx, `SELECT article_id, url, content_type, fetched, given, data FROM raw_pages WHERE article_id = ANY($1) ORDER BY article_id`, part)
		if err != nil {
			return fmt.Errorf("read raw pages: %w", err)
		}
		var stop error
		err = eachRow(rows, func() error {
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
				stop = err
				return err
			}
			return nil
		})
		if stop != nil {
			return stop
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// markCopies queues the marks of which stored articles are near-copies
// of which; their stories are touched, and an article not stored fails
// the batch, once the queue was sent.
func (w *batchWriter) markCopies() {
	copies := w.b.Copies
	if len(copies) == 0 {
		return
	}
	ids := slices.Sorted(maps.Keys(copies))
	of := make([]int64, len(ids))
	for i, id := range ids {
		of[i] = copies[id]
	}
	done := 0
	w.q.addRows("mark near-copies", func(rows pgx.Rows) error {
		var story int64
		if err := rows.Scan(&story); err != nil {
			return err
		}
		w.touched[story] = true
		done++
		return nil
	}, `UPDATE articles a SET duplicate_of = v.of FROM unnest($1::bigint[], $2::bigint[]) AS v(id, of) WHERE a.id = v.id RETURNING a.story_id`, ids, of)
	w.q.afterSend(func() error {
		if done != len(ids) {
			return fmt.Errorf("mark near-copies: %d of %d articles are not stored: %w", len(ids)-done, len(ids), storage.ErrNotFound)
		}
		return nil
	})
}
