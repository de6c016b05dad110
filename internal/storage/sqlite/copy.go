package sqlite

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/parallax-news/parallax/internal/storage"
)

var _ storage.Copier = (*Store)(nil)

// quoteCols returns cols as quoted identifiers separated by commas.
func quoteCols(cols []string) string {
	q := make([]string, len(cols))
	for i, c := range cols {
		q[i] = `"` + c + `"`
	}
	return strings.Join(q, ", ")
}

// CopyOut implements storage.Copier.
func (s *Store) CopyOut(ctx context.Context, table string, cols []string, fn func(row []any) error) error {
	order := "1"
	if len(cols) > 1 {
		order = "1, 2"
	}
	rows, err := s.db.QueryContext(ctx, `SELECT `+quoteCols(cols)+` FROM "`+table+`" ORDER BY `+order)
	if err != nil {
		return fmt.Errorf("copy out %s: %w", table, err)
	}
	defer rows.Close()
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return fmt.Errorf("copy out %s: %w", table, err)
		}
		if err := fn(vals); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("copy out %s: %w", table, err)
	}
	return nil
}

// CopyIn implements storage.Copier.
func (s *Store) CopyIn(ctx context.Context, table string, cols []string, rows [][]any) error {
	w, err := s.writer()
	if err != nil {
		return err
	}
	tx, err := w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("copy into %s: %w", table, err)
	}
	defer tx.Rollback()
	var p params
	marks := list(&p, make([]any, len(cols)))
	ins, err := tx.PrepareContext(ctx, `INSERT INTO "`+table+`" (`+quoteCols(cols)+`) VALUES (`+marks+`)`)
	if err != nil {
		return fmt.Errorf("copy into %s: %w", table, err)
	}
	defer ins.Close()
	idCol, seqCol := -1, -1
	switch table {
	case "articles":
		idCol = slices.Index(cols, "id")
	case "quotes":
		// a call may hold part of an article's quotes: the rows it
		// adds are indexed by their keys
		idCol, seqCol = slices.Index(cols, "article_id"), slices.Index(cols, "seq")
	}
	var ids []int64
	for _, r := range rows {
		if _, err := ins.ExecContext(ctx, r...); err != nil {
			return fmt.Errorf("copy into %s: %w", table, err)
		}
		if idCol >= 0 {
			id, ok := r[idCol].(int64)
			if !ok {
				return fmt.Errorf("copy into %s: id %v is not an integer", table, r[idCol])
			}
			if seqCol >= 0 {
				seq, ok := r[seqCol].(int64)
				if !ok {
					return fmt.Errorf("copy into %s: seq %v is not an integer", table, r[seqCol])
				}
				id = id*quoteKey + seq
			}
			ids = append(ids, id)
		}
	}
	// no trigger indexes new articles and quotes for search (see
	// indexArticles, indexQuotes)
	index := indexArticles
	if table == "quotes" {
		index = indexQuoteKeys
	}
	if err := index(ctx, tx, ids); err != nil {
		return fmt.Errorf("copy into %s: %w", table, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("copy into %s: %w", table, err)
	}
	return nil
}
