package postgres

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgtype"
)

// Statements that do not depend on each other's results are sent
// together, in one round trip (pgx.Batch), instead of each waiting for the
// one before. Each round trip costs more than its work when the client is
// busy: in one traced run of a worker with one core on 990 real pages
// (load average 5), statements with nothing to do (savepoints, SET LOCAL)
// took 15–20 ms each while the worker prepared pages beside the commit,
// as the answer waits for the scheduler to run the committing goroutine
// again, and under 1 ms when it did not. A batch of articles used to be
// committed in about 30 statements and COPYs one after the other (one
// worker's batch of 25 real pages); it is now sent in two groups (see
// sendQueue), and a COPY for each table receiving thousands of rows.

// stmt is one statement of a pipelined group: its SQL, its arguments and
// what it does, for errors.
type stmt struct {
	sql  string
	args []any
	what string
}

// execAll runs stmts in order on tx, all sent before any answer is read.
// The first that fails ends the group (tx is then aborted, as it would be
// after that statement alone).
func execAll(ctx context.Context, tx pgx.Tx, stmts ...stmt) error {
	switch len(stmts) {
	case 0:
		return nil
	case 1:
		if _, err := tx.Exec(ctx, stmts[0].sql, stmts[0].args...); err != nil {
			return fmt.Errorf("%s: %w", stmts[0].what, err)
		}
		return nil
	}
	var b pgx.Batch
	for _, s := range stmts {
		b.Queue(s.sql, s.args...)
	}
	br := tx.SendBatch(ctx, &b)
	for _, s := range stmts {
		if _, err := br.Exec(); err != nil {
			br.Close()
			return fmt.Errorf("%s: %w", s.what, err)
		}
	}
	if err := br.Close(); err != nil {
		return fmt.Errorf("%s: %w", stmts[len(stmts)-1].what, err)
	}
	return nil
}

// sendQueue collects the statements of a commit and sends them together
// (see send): a batch is committed in two or three round trips whatever
// it holds, instead of one a statement. Statements that read (a RETURNING
// clause, a SELECT) give their rows to a function when the answers are
// read, so that later statements can be built from them once the queue
// was sent.
type sendQueue struct {
	ctx   context.Context
	conn  *pgx.Conn
	batch pgx.Batch
	items []queuedStmt
	after []func() error
	// bytes counts the blob bytes queued (see stateWriter.add), so that
	// a caller can bound the memory a queue holds.
	bytes int
	// last are the COPYs left for sendLast, lastDone whether it ran.
	last     []func() error
	lastDone bool
}

// queuedStmt is what a queued statement does, for errors, and what reads
// its answer.
type queuedStmt struct {
	what string
	// hinted: a plain INSERT of rows the writer said are new (see
	// errStaleHint).
	hinted bool
	// row, when set, is called with each row of the answer.
	row func(pgx.Rows) error
	// tag, when set, is called with the answer's command tag.
	tag func(pgconn.CommandTag) error
}

// queue queues sql with its arguments, it saying what reads its answer.
func (q *sendQueue) queue(it queuedStmt, sql string, args []any) {
	q.batch.Queue(sql, args...)
	q.items = append(q.items, it)
}

// add queues a statement that answers no rows.
func (q *sendQueue) add(what, sql string, args ...any) {
	q.queue(queuedStmt{what: what}, sql, args)
}

// addHinted queues a plain INSERT of rows the writer said are new: when
// one of them is stored after all, send fails with errStaleHint.
func (q *sendQueue) addHinted(what, sql string, args ...any) {
	q.queue(queuedStmt{what: what, hinted: true}, sql, args)
}

// addRows queues a statement whose answer's rows are given to row.
func (q *sendQueue) addRows(what string, row func(pgx.Rows) error, sql string, args ...any) {
	q.queue(queuedStmt{what: what, row: row}, sql, args)
}

// addTag queues a statement whose command tag is given to tag.
func (q *sendQueue) addTag(what string, tag func(pgconn.CommandTag) error, sql string, args ...any) {
	q.queue(queuedStmt{what: what, tag: tag}, sql, args)
}

// afterSend runs fn once the statements queued so far have all answered
// (a check of what their answers gave).
func (q *sendQueue) afterSend(fn func() error) {
	q.after = append(q.after, fn)
}

// errStaleHint says that a row a writer said was new (storage.Batch.NewState
// and the like) was stored already: the transaction is then aborted, and
// the batch is committed again with upserts (see Store.Commit).
var errStaleHint = errors.New("a row said to be new is stored")

// send sends the queued statements, all before any answer is read (one
// round trip), then reads the answers in order and runs the checks given
// to afterSend. The first statement that fails ends it (the transaction
// is then aborted) and is named in the error.
func (q *sendQueue) send() error {
	if len(q.items) == 0 {
		return nil
	}
	batch, items, after := q.batch, q.items, q.after
	q.batch, q.items, q.after, q.bytes = pgx.Batch{}, nil, nil, 0
	br := q.conn.SendBatch(q.ctx, &batch)
	for _, it := range items {
		var err error
		switch {
		case it.row != nil:
			var rows pgx.Rows
			if rows, err = br.Query(); err == nil {
				err = eachRow(rows, func() error { return it.row(rows) })
			}
		default:
			var tag pgconn.CommandTag
			if tag, err = br.Exec(); err == nil && it.tag != nil {
				err = it.tag(tag)
			}
		}
		if err != nil {
			br.Close()
			return stmtErr(it.what, it.hinted, err)
		}
	}
	if err := br.Close(); err != nil {
		return fmt.Errorf("%s: %w", items[len(items)-1].what, err)
	}
	for _, fn := range after {
		if err := fn(); err != nil {
			return err
		}
	}
	return nil
}

// copyMinRows is the number of rows from which a table receives a
// batch's rows with COPY rather than with an INSERT of unnested arrays
// queued with the other statements. COPY costs a round trip of its own,
// and saves server CPU only on many rows: the server's CPU a row
// inserted, measured once on a table like state (a text key, a 150-byte
// blob) in batches of 300 rows, was the same both ways (2.6–3.2 µs); in
// batches of 3,000 rows, 1.6–2.3 µs with COPY against 2.8–2.9 µs; on a
// table like entity_keys (a text key, a number, two indexes) the same
// both ways in batches of 300 and 3,000 rows (2.0–3.5 µs). One
// worker's batch of 25 real pages writes about 2,900 new state rows and
// 1,000–1,700 rows to each of the entity tables.
const copyMinRows = 2000

// table is a table's name and the columns a batch's rows are stored in,
// with their types, for rows given column by column (a slice a column:
// []int64, []string, [][]byte or []pgtype.TSVector).
type table struct {
	name        string
	cols, types []string
	// insert is the INSERT of the rows as unnested arrays.
	insert string
}

func newTable(name string, cols, types []string) table {
	return table{name: name, cols: cols, types: types, insert: unnestInsert(name, cols, types)}
}

// insert stores n rows into t, given column by column: with an INSERT
// queued after the statements queued so far, or, for copyMinRows rows or
// more, with COPY once they are sent. With hinted, the rows are ones the
// writer said are new (see addHinted).
func (q *sendQueue) insert(what string, hinted bool, t table, n int, cols ...any) error {
	if n == 0 {
		return nil
	}
	if n < copyMinRows {
		q.queue(queuedStmt{what: what, hinted: hinted}, t.insert, cols)
		return nil
	}
	// The statements queued before the rows run before them.
	if err := q.send(); err != nil {
		return err
	}
	return q.copy(what, hinted, t, n, cols)
}

// insertLast is insert for rows no later statement of the transaction
// reads or changes: their COPY waits until sendLast, so that the
// statements queued after them are sent with those before. Once sendLast
// ran, it is insert.
func (q *sendQueue) insertLast(what string, hinted bool, t table, n int, cols ...any) error {
	if n == 0 {
		return nil
	}
	if n < copyMinRows || q.lastDone {
		return q.insert(what, hinted, t, n, cols...)
	}
	q.last = append(q.last, func() error { return q.copy(what, hinted, t, n, cols) })
	return nil
}

// sendLast sends the queued statements, then the COPYs insertLast left
// for the end.
func (q *sendQueue) sendLast() error {
	if err := q.send(); err != nil {
		return err
	}
	q.lastDone = true
	for _, fn := range q.last {
		if err := fn(); err != nil {
			return err
		}
	}
	q.last = nil
	return nil
}

// copy sends n rows given column by column to t with COPY.
func (q *sendQueue) copy(what string, hinted bool, t table, n int, cols []any) error {
	if _, err := q.conn.CopyFrom(q.ctx, pgx.Identifier{t.name}, t.cols, &columnRows{n: n, cols: cols, row: make([]any, len(cols)), i: -1}); err != nil {
		return stmtErr(what, hinted, err)
	}
	return nil
}

// stmtErr names the statement or COPY that failed with err: with
// errStaleHint too when it stored rows the writer said are new (hinted)
// and one of them was stored already.
func stmtErr(what string, hinted bool, err error) error {
	var pgErr *pgconn.PgError
	if hinted && errors.As(err, &pgErr) && pgErr.Code == uniqueViolation {
		return fmt.Errorf("%s: %w: %w", what, errStaleHint, err)
	}
	return fmt.Errorf("%s: %w", what, err)
}

// columnRows is a pgx.CopyFromSource of n rows given column by column.
type columnRows struct {
	n, i int
	cols []any
	row  []any
	err  error
}

func (r *columnRows) Next() bool {
	r.i++
	return r.i < r.n && r.err == nil
}

func (r *columnRows) Values() ([]any, error) {
	for c, col := range r.cols {
		switch v := col.(type) {
		case []int64:
			r.row[c] = v[r.i]
		case []string:
			r.row[c] = v[r.i]
		case [][]byte:
			r.row[c] = v[r.i]
		case []pgtype.TSVector:
			r.row[c] = v[r.i]
		default:
			r.err = fmt.Errorf("column %d: a %T", c, col)
			return nil, r.err
		}
	}
	return r.row, nil
}

func (r *columnRows) Err() error { return r.err }

// unnestInsert returns an INSERT into table of the columns cols from
// array parameters of the types types ($1, $2, …), a row an element.
func unnestInsert(table string, cols, types []string) string {
	var b strings.Builder
	b.WriteString("INSERT INTO " + table + "(" + strings.Join(cols, ", ") + ") SELECT * FROM unnest(")
	for i, t := range types {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "$%d::%s[]", i+1, t)
	}
	b.WriteString(")")
	return b.String()
}
