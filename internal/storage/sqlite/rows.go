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
	// bytes counts the text and blob bytes added since the last flush;
	// past maxBytes (when set) the writer flushes early, so a statement
	// never binds a copy of more than that
	bytes, maxBytes int
}

// newRowWriter returns a writer of rows of cols values into head ... tail.
func newRowWriter(ctx context.Context, tx *sql.Tx, head, tail string, cols int) *rowWriter {
	// at most 64 rows and 900 variables (below SQLite's oldest limit)
	return &rowWriter{ctx: ctx, tx: tx, head: head, tail: tail, cols: cols, per: max(1, min(64, 900/cols))}
}

const (
	// bulkVars is the number of variables a bulk writer binds to one
	// statement, below SQLite's limit of 32,766.
	bulkVars = 32000
	// bulkBytes bounds the text and blobs of a bulk writer's statement:
	// the driver copies them while the statement runs.
	bulkBytes = 8 << 20
)

// newBulkWriter returns a writer like newRowWriter's that puts thousands
// of rows in a statement. It suits tables written with many rows a batch
// whose statements cost more than their rows: a table with a full-text
// index, which FTS5 flushes to a new segment at every statement of a
// transaction (its savepoint), and merges later; or one whose statements
// each copy the pages they change to the statement journal.
func newBulkWriter(ctx context.Context, tx *sql.Tx, head, tail string, cols int) *rowWriter {
	w := newRowWriter(ctx, tx, head, tail, cols)
	w.per, w.maxBytes = max(1, bulkVars/cols), bulkBytes
	return w
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
	if w.maxBytes > 0 {
		for _, v := range vals {
			switch v := v.(type) {
			case string:
				w.bytes += len(v)
			case []byte:
				w.bytes += len(v)
			}
		}
	}
	if w.n == w.per || (w.maxBytes > 0 && w.bytes >= w.maxBytes) {
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
	clear(w.args) // let what the values held go
	w.args, w.n, w.bytes = w.args[:0], 0, 0
	return err
}

// close releases the writer's statement; call flush first.
func (w *rowWriter) close() {
	if w.full != nil {
		w.full.Close()
	}
}
