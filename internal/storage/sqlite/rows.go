package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"sync"
)

// rowWriter inserts rows many to a statement: SQLite runs one statement
// of 64 rows far faster than 64 of one row, each a call into the engine
// (and, in the driver, a goroutine watching the context).
//
// The batch's plain inserts are INSERT OR FAIL: a statement that may stop
// part way with ABORT (the default) keeps a statement journal, a copy of
// every page it changes as it was, to undo its own rows, and a bulk
// insert into indexed tables changes pages all over their indexes. A
// batch's transaction is rolled back whole at any error, so undoing one
// statement's rows first changes nothing. (An upsert's DO UPDATE aborts
// whatever the statement says, so those keep their journal, and so does
// an insert of several rows that sets an INTEGER PRIMARY KEY, as a test
// of this driver's SQLite showed: see insertArticles.)
//
// Binding the values is the cheaper way in: the same rows given as one
// JSON array a statement, taken apart by json_each and ->>, cost half as
// much CPU again on BenchmarkCommitAnalysis (165 against 110 ms a batch
// of 500 analysed articles), SQLite parsing each row's JSON once a column.
type rowWriter struct {
	ctx        context.Context
	tx         *sql.Tx
	cache      *stmtCache // nil: statements are prepared for tx alone
	head, tail string     // "INSERT INTO t(a, b)" and what follows the values
	cols, per  int
	args       []any
	n          int
	stmts      map[int]*sql.Stmt // the statements of n rows used in tx
	// bytes counts the text and blob bytes added since the last flush;
	// past maxBytes (when set) the writer flushes early, so a statement
	// never binds a copy of more than that
	bytes, maxBytes int
}

// newRowWriter returns a writer of rows of cols values into head ... tail.
// Its statements are taken from c (see stmtCache) when c is not nil.
func newRowWriter(ctx context.Context, tx *sql.Tx, c *stmtCache, head, tail string, cols int) *rowWriter {
	// at most 64 rows and 900 variables (below SQLite's oldest limit)
	return &rowWriter{ctx: ctx, tx: tx, cache: c, head: head, tail: tail, cols: cols, per: max(1, min(64, 900/cols))}
}

const (
	// bulkVars is the number of variables a bulk writer binds to one
	// statement, below SQLite's limit of 32,766. Preparing a statement
	// costs about what running it does, and more than linearly in its
	// size, so a writer's statements are prepared once (stmtCache); a
	// statement of 8,192 variables holds under 2 MB prepared, where one
	// of 32,000 held 3.2 MB.
	bulkVars = 8192
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
func newBulkWriter(ctx context.Context, tx *sql.Tx, c *stmtCache, head, tail string, cols int) *rowWriter {
	w := newRowWriter(ctx, tx, c, head, tail, cols)
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

// flush writes the rows added since the last flush. Without a cache, a
// full statement is prepared once and any other size for its one use.
// With one, the rows are written by statements of the sizes sizes gives,
// each prepared once for the store.
func (w *rowWriter) flush() error {
	if w.n == 0 {
		return nil
	}
	var err error
	switch {
	case w.cache == nil && w.n == w.per:
		var st *sql.Stmt
		if st, err = w.stmt(w.per); err == nil {
			_, err = st.ExecContext(w.ctx, w.args...)
		}
	case w.cache == nil:
		_, err = w.tx.ExecContext(w.ctx, w.query(w.n), w.args...)
	default:
		args := w.args
		for _, n := range w.sizes(w.n) {
			var st *sql.Stmt
			if st, err = w.stmt(n); err != nil {
				break
			}
			if _, err = st.ExecContext(w.ctx, args[:n*w.cols]...); err != nil {
				break
			}
			args = args[n*w.cols:]
		}
	}
	clear(w.args) // let what the values held go
	w.args, w.n, w.bytes = w.args[:0], 0, 0
	return err
}

// sizes returns the statement sizes that write n rows: as many of the
// largest as fit, then of a quarter of that size, and so on down to one
// row, so that a writer uses a few sizes whatever its row counts (at most
// three statements of each size below the largest).
func (w *rowWriter) sizes(n int) []int {
	var out []int
	for size := w.per; n > 0; size = max(1, size/4) {
		for ; n >= size; n -= size {
			out = append(out, size)
		}
	}
	return out
}

// stmt returns the statement of n rows for the writer's transaction.
func (w *rowWriter) stmt(n int) (*sql.Stmt, error) {
	if st := w.stmts[n]; st != nil {
		return st, nil
	}
	q := w.query(n)
	var st *sql.Stmt
	var err error
	if w.cache != nil {
		st, err = w.cache.stmt(w.ctx, w.tx, q)
	} else {
		st, err = w.tx.PrepareContext(w.ctx, q)
	}
	if err != nil {
		return nil, err
	}
	if w.stmts == nil {
		w.stmts = map[int]*sql.Stmt{}
	}
	w.stmts[n] = st
	return st, nil
}

// close releases the writer's statements; call flush first.
func (w *rowWriter) close() {
	for _, st := range w.stmts {
		st.Close()
	}
	w.stmts = nil
}

// stmtCache keeps a store's writing statements prepared on its writing
// connection across transactions. A statement is prepared there only
// between transactions, since the connection is the pool's only one: a
// transaction that finds a statement missing prepares it for itself and
// notes it, and prepare, called once the transaction is over, prepares
// what was noted.
type stmtCache struct {
	mu      sync.Mutex
	stmts   map[string]*sql.Stmt
	missing map[string]bool
}

// maxCachedStmts bounds the statements a cache holds (their prepared
// programs live in SQLite's memory); past it, further ones are prepared
// a transaction at a time, as without a cache.
const maxCachedStmts = 256

// stmt returns q for tx: the cached statement, or one prepared for tx.
func (c *stmtCache) stmt(ctx context.Context, tx *sql.Tx, q string) (*sql.Stmt, error) {
	c.mu.Lock()
	st := c.stmts[q]
	if st == nil && len(c.stmts)+len(c.missing) < maxCachedStmts {
		if c.missing == nil {
			c.missing = map[string]bool{}
		}
		c.missing[q] = true
	}
	c.mu.Unlock()
	if st != nil {
		return tx.StmtContext(ctx, st), nil
	}
	return tx.PrepareContext(ctx, q)
}

// prepare prepares on db the statements transactions found missing; db
// must have a connection free. It is called after a commit, which must
// not then fail: a statement it cannot prepare (the run cancelled, say)
// is left to the transactions, which prepare what they miss.
func (c *stmtCache) prepare(ctx context.Context, db *sql.DB) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for q := range c.missing {
		delete(c.missing, q)
		st, err := db.PrepareContext(ctx, q)
		if err != nil {
			continue
		}
		if c.stmts == nil {
			c.stmts = map[string]*sql.Stmt{}
		}
		c.stmts[q] = st
	}
}

// close closes the cached statements.
func (c *stmtCache) close() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	var errs []error
	for _, st := range c.stmts {
		errs = append(errs, st.Close())
	}
	c.stmts, c.missing = nil, nil
	return errors.Join(errs...)
}
