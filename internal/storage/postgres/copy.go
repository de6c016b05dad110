package postgres

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/parallax-news/parallax/internal/storage"
)

var _ storage.Copier = (*Store)(nil)

// timeCols are columns kept as timestamps here and as RFC 3339 text in the
// logical schema.
var timeCols = map[string]bool{"ingested_at": true}

// CopyOut implements storage.Copier.
func (s *Store) CopyOut(ctx context.Context, table string, cols []string, fn func(row []any) error) error {
	sel := make([]string, len(cols))
	for i, c := range cols {
		sel[i] = pgx.Identifier{c}.Sanitize()
		if timeCols[c] {
			sel[i] = `to_char(` + sel[i] + ` AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`
		}
	}
	if table == "mentions" {
		return s.copyOutMentions(ctx, cols, fn)
	}
	order := "1"
	if len(cols) > 1 {
		order = "1, 2"
	}
	rows, err := s.pool.Query(ctx, `SELECT `+strings.Join(sel, ", ")+` FROM `+pgx.Identifier{table}.Sanitize()+` ORDER BY `+order)
	if err != nil {
		return fmt.Errorf("copy out %s: %w", table, err)
	}
	var fnErr error
	err = eachRow(rows, func() error {
		vals, err := rows.Values()
		if err != nil {
			return err
		}
		for i, v := range vals {
			switch x := v.(type) {
			case int32:
				vals[i] = int64(x)
			case int16:
				vals[i] = int64(x)
			}
		}
		fnErr = fn(vals)
		return fnErr
	})
	if fnErr != nil {
		return fnErr
	}
	if err != nil {
		return fmt.Errorf("copy out %s: %w", table, err)
	}
	return nil
}

// CopyIn implements storage.Copier.
func (s *Store) CopyIn(ctx context.Context, table string, cols []string, rows [][]any) error {
	if err := s.writable(); err != nil {
		return err
	}
	for i, c := range cols {
		if !timeCols[c] {
			continue
		}
		for _, r := range rows {
			t, err := time.Parse(time.RFC3339, fmt.Sprint(r[i]))
			if err != nil {
				t = time.Now()
			}
			r[i] = t
		}
	}
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return fmt.Errorf("copy into %s: %w", table, err)
	}
	defer tx.Rollback(ctx)
	if table == "mentions" {
		err = copyInMentions(ctx, tx, cols, rows)
	} else {
		err = copyRows(ctx, tx, table, cols, rows)
	}
	if err != nil {
		return err
	}
	if table == "articles" || table == "quotes" {
		idCol, index := "id", indexCopied
		if table == "quotes" {
			idCol, index = "article_id", indexStoredQuotes
		}
		ids, err := copiedIDs(cols, rows, idCol)
		if err == nil {
			err = index(ctx, tx, ids)
		}
		if err != nil {
			return fmt.Errorf("copy into %s: %w", table, err)
		}
	}
	if err := tx.Commit(ctx); err != nil {
		return fmt.Errorf("copy into %s: %w", table, err)
	}
	return nil
}

// Analyze refreshes the planner's statistics of the store's tables, as
// after a bulk load (the server's autovacuum does so only later).
func (s *Store) Analyze(ctx context.Context) error {
	for _, t := range storage.Tables {
		names := []string{t.Name}
		if t.Name == "mentions" {
			names = mentionsTables
		}
		for _, name := range names {
			if _, err := s.pool.Exec(ctx, `ANALYZE `+pgx.Identifier{name}.Sanitize()); err != nil {
				return fmt.Errorf("analyze %s: %w", name, err)
			}
		}
	}
	return nil
}

// copiedIDs returns the distinct values of the column col of rows.
func copiedIDs(cols []string, rows [][]any, col string) ([]int64, error) {
	at := slices.Index(cols, col)
	if at < 0 {
		return nil, fmt.Errorf("no %s column", col)
	}
	ids := make([]int64, len(rows))
	for i, r := range rows {
		switch id := r[at].(type) {
		case int64:
			ids[i] = id
		case int32:
			ids[i] = int64(id)
		case int:
			ids[i] = int64(id)
		default:
			return nil, fmt.Errorf("%s %v is a %T", col, r[at], r[at])
		}
	}
	slices.Sort(ids)
	return slices.Compact(ids), nil
}
