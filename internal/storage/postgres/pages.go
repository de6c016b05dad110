package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/parallax-news/parallax/internal/model"
	"github.com/parallax-news/parallax/internal/storage"
)

// migrationPages keeps the boilerplate cleaning removed from each new
// article, and indexes what the outlet pages and the stories' coverage
// lines read.
const migrationPages = `
CREATE TABLE boilerplate (
	article_id BIGINT PRIMARY KEY,
	lines      TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX articles_story_day ON articles(story_id, published);
`

// insertBoilerplate queues the storing of the removed lines of new
// articles.
func insertBoilerplate(q *sendQueue, arts []*model.Article) error {
	var ids []int64
	var lines []string
	for _, a := range arts {
		if len(a.Removed) == 0 {
			continue
		}
		b, err := json.Marshal(a.Removed)
		if err != nil {
			return fmt.Errorf("article %s: boilerplate: %w", a.ExternalID, err)
		}
		ids, lines = append(ids, a.ID), append(lines, string(b))
	}
	return q.insert("store boilerplate", false, boilerplateTable, len(ids), ids, lines)
}

// boilerplateTable holds the removed lines.
var boilerplateTable = newTable("boilerplate", []string{"article_id", "lines"}, []string{"bigint", "text"})

// replaceBoilerplate queues the replacement of the removed lines stored
// for updated articles: an update without removed lines leaves none.
func replaceBoilerplate(q *sendQueue, arts []*model.Article) error {
	if len(arts) == 0 {
		return nil
	}
	ids := make([]int64, len(arts))
	for i, a := range arts {
		ids[i] = a.ID
	}
	q.add("replace boilerplate", `DELETE FROM boilerplate WHERE article_id = ANY($1)`, ids)
	return insertBoilerplate(q, arts)
}

// Boilerplate implements storage.Reader.
func (s *Store) Boilerplate(ctx context.Context, id int64) ([]string, error) {
	var lines string
	err := s.pool.QueryRow(ctx, `SELECT lines FROM boilerplate WHERE article_id = $1`, id).Scan(&lines)
	if errors.Is(err, pgx.ErrNoRows) {
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
	rows, err := s.pool.Query(ctx, `SELECT MIN(outlet), COUNT(*), COUNT(*) FILTER (WHERE duplicate_of != 0), COUNT(DISTINCT NULLIF(story_id, 0)),
		left(COALESCE(MIN(NULLIF(published, '')), ''), 10), left(MAX(published), 10)
		FROM articles WHERE outlet != '' GROUP BY lower(outlet)`)
	if err != nil {
		return nil, fmt.Errorf("list outlets: %w", err)
	}
	var out []storage.OutletRow
	err = eachRow(rows, func() error {
		var o storage.OutletRow
		err := rows.Scan(&o.Name, &o.Articles, &o.Copies, &o.Stories, &o.First, &o.Last)
		out = append(out, o)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("list outlets: %w", err)
	}
	excl := map[string]int{}
	rows, err = s.pool.Query(ctx, `SELECT outlets::json->>0, COUNT(*) FROM stories WHERE json_array_length(outlets::json) = 1 GROUP BY 1`)
	if err != nil {
		return nil, fmt.Errorf("list outlets: %w", err)
	}
	err = eachRow(rows, func() error {
		var name string
		var n int
		err := rows.Scan(&name, &n)
		excl[model.OutletKey(name)] += n
		return err
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
	rows, err := s.pool.Query(ctx, q, p...)
	if err != nil {
		return nil, fmt.Errorf("reporting verbs: %w", err)
	}
	var out []storage.VerbCount
	err = eachRow(rows, func() error {
		var v storage.VerbCount
		err := rows.Scan(&v.Verb, &v.Count)
		out = append(out, v)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("reporting verbs: %w", err)
	}
	return out, nil
}

// StoryDays implements storage.Reader.
func (s *Store) StoryDays(ctx context.Context, stories []int64) ([]storage.DayCount, error) {
	rows, err := s.pool.Query(ctx, `SELECT story_id, left(published, 10), COUNT(*) FROM articles
		WHERE story_id = ANY($1) AND published != '' GROUP BY 1, 2 ORDER BY 1, 2`, stories)
	if err != nil {
		return nil, fmt.Errorf("story days: %w", err)
	}
	var out []storage.DayCount
	err = eachRow(rows, func() error {
		var d storage.DayCount
		err := rows.Scan(&d.Story, &d.Day, &d.Articles)
		out = append(out, d)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("story days: %w", err)
	}
	return out, nil
}
