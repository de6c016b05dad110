package sqlite

import (
	"context"
	"database/sql"
	"strings"
)

// rowWriter inserts rows many to a statement: SQLite runs one statement
// of 64 rows far faster than 64 of one row, each a call into the engine
// (and, in the driver, a goroutine watching the context).
type rowWriter struct {
	ctx        context.Context
	tx         *sql.Tx
	head, tail string // "INSERT INTO t(a, b)" and what follows the values
	cols, per  int
	args       []any
	n          int
	full       *sql.Stmt // the statement of per rows, once prepared
}

// newRowWriter returns a writer of rows of cols values into head ... tail.
func newRowWriter(ctx context.Context, tx *sql.Tx, head, tail string, cols int) *rowWriter {
	// at most 64 rows and 900 variables (below SQLite's oldest limit)
	return &rowWriter{ctx: ctx, tx: tx, head: head, tail: tail, cols: cols, per: max(1, min(64, 900/cols))}
}

// query returns the statement inserting n rows.
func (w *rowWriter) query(n int) string {
	var b strings.Builder
	b.WriteString(w.head)
	b.WriteString(" VALUES ")
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteByte('(')
		for c := range w.cols {
			if c > 0 {
				b.WriteByte(',')
			}
			// positional: the driver looks each named parameter up
			// in a list, which costs the square of their number
			b.WriteByte('?')
		}
		b.WriteByte(')')
	}
	b.WriteString(w.tail)
	return b.String()
}

// add adds one row of values.
func (w *rowWriter) add(vals ...any) error {
	w.args = append(w.args, vals...)
	w.n++
	if w.n == w.per {
		return w.flush()
	}
	return nil
}

// flush writes the rows added since the last flush.
func (w *rowWriter) flush() error {
	if w.n == 0 {
		return nil
	}
	var err error
	if w.n == w.per {
		if w.full == nil {
			if w.full, err = w.tx.PrepareContext(w.ctx, w.query(w.per)); err != nil {
				return err
			}
		}
		_, err = w.full.ExecContext(w.ctx, w.args...)
	} else {
		_, err = w.tx.ExecContext(w.ctx, w.query(w.n), w.args...)
	}
	w.args, w.n = w.args[:0], 0
	return err
}

// close releases the writer's statement; call flush first.
func (w *rowWriter) close() {
	if w.full != nil {
		w.full.Close()
	}
}
