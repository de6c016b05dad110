// Package migrate copies a whole Parallax store into an empty store of
// another implementation (SQLite to PostgreSQL and back), table by table
// through storage.Copier, and checks that the copy holds what the source
// holds.
package migrate

import (
	"bytes"
	"context"
	"errors"
	"fmt"

	"github.com/parallax-news/parallax/internal/storage"
)

// Store is a store that can be copied.
type Store interface {
	storage.Store
	storage.Copier
}

// ErrNotEmpty is returned when the target store already holds articles or
// state.
var ErrNotEmpty = errors.New("the target store is not empty")

// batchRows and batchBytes bound the rows sent in one transaction.
const (
	batchRows  = 2000
	batchBytes = 32 << 20
)

// Copy copies every table of from into to, which must be empty, and
// returns the number of rows copied per table. progress, when not nil, is
// called after each batch.
func Copy(ctx context.Context, from, to Store, progress func(table string, rows int)) (map[string]int, error) {
	if err := empty(ctx, to); err != nil {
		return nil, err
	}
	copied := map[string]int{}
	for _, t := range storage.Tables {
		var batch [][]any
		size := 0
		flush := func() error {
			if len(batch) == 0 {
				return nil
			}
			if err := to.CopyIn(ctx, t.Name, t.Cols, batch); err != nil {
				return err
			}
			copied[t.Name] += len(batch)
			if progress != nil {
				progress(t.Name, copied[t.Name])
			}
			batch, size = nil, 0
			return nil
		}
		err := from.CopyOut(ctx, t.Name, t.Cols, func(row []any) error {
			r := make([]any, len(row))
			for i, v := range row {
				switch x := v.(type) {
				case []byte:
					r[i] = bytes.Clone(x)
					size += len(x)
				case string:
					r[i] = x
					size += len(x)
				default:
					r[i] = v
				}
			}
			batch = append(batch, r)
			if len(batch) >= batchRows || size >= batchBytes {
				return flush()
			}
			return nil
		})
		if err == nil {
			err = flush()
		}
		if err != nil {
			return copied, fmt.Errorf("copy %s: %w", t.Name, err)
		}
	}
	if a, ok := to.(analyzer); ok {
		if err := a.Analyze(ctx); err != nil {
			return copied, err
		}
	}
	return copied, nil
}

// analyzer is a store whose query planner needs fresh statistics after a
// bulk load.
type analyzer interface {
	Analyze(ctx context.Context) error
}

// empty checks that s holds no articles and no state.
func empty(ctx context.Context, s Store) error {
	c, err := s.Counts(ctx)
	if err != nil {
		return err
	}
	states := 0
	if err := s.ReadStates(ctx, "", func(string, []byte) error { states++; return nil }); err != nil {
		return err
	}
	if c.Articles > 0 || c.Stories > 0 || states > 0 {
		return fmt.Errorf("%d articles, %d stories and %d state blobs: %w", c.Articles, c.Stories, states, ErrNotEmpty)
	}
	return nil
}

// Verify compares the row counts of every table of two stores and reports
// each difference.
func Verify(ctx context.Context, a, b Store) error {
	var errs []error
	for _, t := range storage.Tables {
		na, err := count(ctx, a, t)
		if err != nil {
			return err
		}
		nb, err := count(ctx, b, t)
		if err != nil {
			return err
		}
		if na != nb {
			errs = append(errs, fmt.Errorf("%s: %d rows in the source, %d in the copy", t.Name, na, nb))
		}
	}
	return errors.Join(errs...)
}

func count(ctx context.Context, s Store, t storage.Table) (int, error) {
	n := 0
	err := s.CopyOut(ctx, t.Name, t.Cols[:1], func([]any) error { n++; return nil })
	return n, err
}
