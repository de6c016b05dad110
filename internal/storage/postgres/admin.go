package postgres

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/url"

	"github.com/jackc/pgx/v5"
)

// WithSchema returns the connection string dsn with its search_path set to
// schema, so that a store opened with it lives in that schema.
func WithSchema(dsn, schema string) (string, error) {
	u, err := url.Parse(dsn)
	if err != nil {
		return "", fmt.Errorf("connection string: %w", err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String(), nil
}

// NewSchema creates a schema with a fresh name starting with prefix on the
// server at dsn, and returns a connection string naming it and a function
// that drops it with everything in it (for benchmarks and tests).
func NewSchema(ctx context.Context, dsn, prefix string) (string, func(context.Context) error, error) {
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		return "", nil, err
	}
	defer conn.Close(context.Background())
	b := make([]byte, 6)
	rand.Read(b)
	schema := pgx.Identifier{prefix + hex.EncodeToString(b)}.Sanitize()
	if _, err := conn.Exec(ctx, `CREATE SCHEMA `+schema); err != nil {
		return "", nil, fmt.Errorf("create schema: %w", err)
	}
	drop := func(ctx context.Context) error {
		conn, err := pgx.Connect(ctx, dsn)
		if err != nil {
			return fmt.Errorf("drop schema %s: %w", schema, err)
		}
		defer conn.Close(context.Background())
		if _, err := conn.Exec(ctx, `DROP SCHEMA `+schema+` CASCADE`); err != nil {
			return fmt.Errorf("drop schema %s: %w", schema, err)
		}
		return nil
	}
	withSchema, err := WithSchema(dsn, prefix+hex.EncodeToString(b))
	if err != nil {
		drop(ctx)
		return "", nil, err
	}
	return withSchema, drop, nil
}

// Check runs Parallax's consistency checks on the store and returns what
// they found (nothing when the store is sound). The server keeps its own
// pages consistent; these checks look at what the rows say.
func (s *Store) Check(ctx context.Context) ([]string, error) {
	var out []string
	for _, c := range []struct{ what, q string }{
		{"articles without a story", `SELECT COUNT(*) FROM articles WHERE story_id = 0`},
		{"articles whose story row is missing", `SELECT COUNT(*) FROM articles a WHERE a.story_id != 0 AND NOT EXISTS (SELECT 1 FROM stories s WHERE s.id = a.story_id)`},
		{"stories whose article count is wrong", `SELECT COUNT(*) FROM stories s WHERE s.articles != (SELECT COUNT(*) FROM articles a WHERE a.story_id = s.id)`},
		{"near-copies of a missing article", `SELECT COUNT(*) FROM articles a WHERE a.duplicate_of != 0 AND NOT EXISTS (SELECT 1 FROM articles b WHERE b.id = a.duplicate_of)`},
		{"articles without a search vector", `SELECT COUNT(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM article_search s WHERE s.id = a.id)`},
		{"entities without a search vector", `SELECT COUNT(*) FROM entities e WHERE NOT EXISTS (SELECT 1 FROM entity_search s WHERE s.id = e.id)`},
		{"quotes without a search vector", `SELECT COUNT(*) FROM quotes q WHERE NOT EXISTS (SELECT 1 FROM quote_search s WHERE s.article_id = q.article_id AND s.seq = q.seq)`},
	} {
		var n int
		if err := s.pool.QueryRow(ctx, c.q).Scan(&n); err != nil {
			out = append(out, fmt.Sprintf("%s: %v", c.what, err))
		} else if n > 0 {
			out = append(out, fmt.Sprintf("%d %s", n, c.what))
		}
	}
	return out, nil
}

// Rebuild recomputes every story's summary row from its articles, stores
// the search vectors of articles, quotes and entities that lack one and
// drops those of no article, quote or entity (for `parallax repair`).
func (s *Store) Rebuild(ctx context.Context) error {
	if err := s.writable(); err != nil {
		return err
	}
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return fmt.Errorf("rebuild stories: %w", err)
	}
	defer tx.Rollback(ctx)
	rows, err := tx.Query(ctx, `SELECT story_id FROM articles WHERE story_id != 0 UNION SELECT id FROM stories ORDER BY 1`)
	if err != nil {
		return fmt.Errorf("rebuild stories: %w", err)
	}
	var ids []int64
	err = eachRow(rows, func() error {
		var id int64
		err := rows.Scan(&id)
		ids = append(ids, id)
		return err
	})
	if err != nil {
		return fmt.Errorf("rebuild stories: %w", err)
	}
	if err := refreshStories(ctx, tx, ids); err != nil {
		return err
	}
	if _, err := tx.Exec(ctx, `INSERT INTO article_search(id, fts) SELECT a.id, `+searchVector("a.title", "a.body")+` FROM articles a
		WHERE NOT EXISTS (SELECT 1 FROM article_search s WHERE s.id = a.id)`); err != nil {
		return fmt.Errorf("rebuild search vectors: %w", err)
	}
	if _, err := tx.Exec(ctx, `DELETE FROM article_search s WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = s.id)`); err != nil {
		return fmt.Errorf("rebuild search vectors: %w", err)
	}
	if _, err := tx.Exec(ctx, `INSERT INTO quote_search(article_id, seq, fts) SELECT q.article_id, q.seq, `+quoteVector("q.text", "q.speaker")+` FROM quotes q
		WHERE NOT EXISTS (SELECT 1 FROM quote_search s WHERE s.article_id = q.article_id AND s.seq = q.seq)`); err != nil {
		return fmt.Errorf("rebuild search vectors: %w", err)
	}
	if _, err := tx.Exec(ctx, `DELETE FROM quote_search s WHERE NOT EXISTS (SELECT 1 FROM quotes q WHERE q.article_id = s.article_id AND q.seq = s.seq)`); err != nil {
		return fmt.Errorf("rebuild search vectors: %w", err)
	}
	if _, err := tx.Exec(ctx, `INSERT INTO entity_search(id, fts) SELECT e.id, `+entityVector("e.name", "e.aliases")+` FROM entities e
		WHERE NOT EXISTS (SELECT 1 FROM entity_search s WHERE s.id = e.id)`); err != nil {
		return fmt.Errorf("rebuild search vectors: %w", err)
	}
	if _, err := tx.Exec(ctx, `DELETE FROM entity_search s WHERE NOT EXISTS (SELECT 1 FROM entities e WHERE e.id = s.id)`); err != nil {
		return fmt.Errorf("rebuild search vectors: %w", err)
	}
	return tx.Commit(ctx)
}
