package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/parallax-news/parallax/internal/model"
	"github.com/parallax-news/parallax/internal/storage"
)

// migrationPages keeps the boilerplate cleaning removed from each new
// article, and indexes what the outlet pages and the stories' coverage
// lines read: articles by outlet with their story, day and near-copy
// mark, and by story with their day, so neither reads article rows.
const migrationPages = `
CREATE TABLE boilerplate (
	article_id INTEGER PRIMARY KEY,
	lines      TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX articles_outlet_stats ON articles(lower(outlet), outlet, story_id, published, duplicate_of);
CREATE INDEX articles_story_day ON articles(story_id, published);
`

// insertBoilerplate stores the removed lines of new articles, many rows
// a statement.
func insertBoilerplate(ctx context.Context, tx *sql.Tx, c *stmtCache, arts []*model.Article) error {
	ins := newRowWriter(ctx, tx, c, `INSERT INTO boilerplate(article_id, lines)`, ` ON CONFLICT(article_id) DO UPDATE SET lines = excluded.lines`, 2)
	defer ins.close()
	for _, a := range arts {
		if len(a.Removed) == 0 {
			continue
		}
		b, err := json.Marshal(a.Removed)
		if err != nil {
			return fmt.Errorf("article %s: boilerplate: %w", a.ExternalID, err)
		}
		if err := ins.add(a.ID, string(b)); err != nil {
			return fmt.Errorf("boilerplate (through article %s): %w", a.ExternalID, err)
		}
	}
	if err := ins.flush(); err != nil {
		return fmt.Errorf("boilerplate: %w", err)
	}
	return nil
}

// replaceBoilerplate replaces the removed lines stored for updated
// articles: an update without removed lines leaves none.
func replaceBoilerplate(ctx context.Context, tx *sql.Tx, arts []*model.Article) error {
	if len(arts) == 0 {
		return nil
	}
	del, err := tx.PrepareContext(ctx, `DELETE FROM boilerplate WHERE article_id = $1`)
	if err != nil {
		return err
	}
	defer del.Close()
	for _, a := range arts {
		if _, err := del.ExecContext(ctx, a.ID); err != nil {
			return fmt.Errorf("article %d: boilerplate: %w", a.ID, err)
		}
	}
	return insertBoilerplate(ctx, tx, nil, arts)
}

// Boilerplate implements storage.Reader.
func (s *Store) Boilerplate(ctx context.Context, id int64) ([]string, error) {
	var lines string
	err := s.db.QueryRowContext(ctx, `SELECT lines FROM boilerplate WHERE article_id = $1`, id).Scan(&lines)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("boilerplate of article %d: %w", id, err)
	}
	var out []string
	if err := json.Unmarshal([]byte(lines), &out); err != nil {
		return nil, fmt.Errorf("boilerplate of article %d: %w", id, err)
	}
	if len(out) == 0 {
		return nil, nil
	}
	return out, nil
}

// Outlets implements storage.Reader.
func (s *Store) Outlets(ctx context.Context) ([]storage.OutletRow, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT MIN(outlet), COUNT(*), SUM(duplicate_of != 0), COUNT(DISTINCT NULLIF(story_id, 0)),
		substr(COALESCE(MIN(NULLIF(published, '')), ''), 1, 10), substr(MAX(published), 1, 10)
		FROM articles WHERE outlet != '' GROUP BY lower(outlet)`)
	if err != nil {
		return nil, fmt.Errorf("list outlets: %w", err)
	}
	var out []storage.OutletRow
	for rows.Next() {
		var o storage.OutletRow
		if err := rows.Scan(&o.Name, &o.Articles, &o.Copies, &o.Stories, &o.First, &o.Last); err != nil {
			rows.Close()
			return nil, fmt.Errorf("list outlets: %w", err)
		}
		out = append(out, o)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list outlets: %w", err)
	}
	excl := map[string]int{}
	err = s.eachPair(ctx, `SELECT json_extract(outlets, '$[0]'), COUNT(*) FROM stories WHERE json_array_length(outlets) = 1 GROUP BY 1`,
		func(name string, n int64) error {
			excl[model.OutletKey(name)] += int(n)
			return nil
		})
	if err != nil {
		return nil, fmt.Errorf("list outlets: %w", err)
	}
	return storage.FoldOutlets(out, excl), nil
}

// Verbs implements storage.Reader.
func (s *Store) Verbs(ctx context.Context, outlet string, limit int) ([]storage.VerbCount, error) {
	var p params
	q := `SELECT lower(q.cue), COUNT(*) FROM quotes q`
	if outlet != "" {
		q += ` JOIN articles a ON a.id = q.article_id WHERE lower(a.outlet) = ` + p.add(model.OutletKey(outlet)) + ` AND q.cue != ''`
	} else {
		q += ` WHERE q.cue != ''`
	}
	q += ` GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ` + p.add(storage.VerbLimit(limit))
	rows, err := s.db.QueryContext(ctx, q, p...)
	if err != nil {
		return nil, fmt.Errorf("reporting verbs: %w", err)
	}
	defer rows.Close()
	var out []storage.VerbCount
	for rows.Next() {
		var v storage.VerbCount
		if err := rows.Scan(&v.Verb, &v.Count); err != nil {
			return nil, fmt.Errorf("reporting verbs: %w", err)
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// StoryDays implements storage.Reader.
func (s *Store) StoryDays(ctx context.Context, stories []int64) ([]storage.DayCount, error) {
	var out []storage.DayCount
	for _, ch := range chunks(len(stories), 500) {
		var p params
		rows, err := s.db.QueryContext(ctx, `SELECT story_id, substr(published, 1, 10), COUNT(*) FROM articles
			WHERE story_id IN (`+list(&p, stories[ch[0]:ch[1]])+`) AND published != '' GROUP BY 1, 2 ORDER BY 1, 2`, p...)
		if err != nil {
			return nil, fmt.Errorf("story days: %w", err)
		}
		for rows.Next() {
			var d storage.DayCount
			if err := rows.Scan(&d.Story, &d.Day, &d.Articles); err != nil {
				rows.Close()
				return nil, fmt.Errorf("story days: %w", err)
			}
			out = append(out, d)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("story days: %w", err)
		}
	}
	return out, nil
}
