package postgres

import (
	"context"
	"slices"
	"strings"
	"sync"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"
)

// Names the external tests use.
var (
	Migrate     = migrate
	Redact      = redact
	PrefixEnd   = prefixEnd
	SplitBySize = splitBySize
)

// LockBackend returns the server process holding s's writer lock.
func LockBackend(s *Store) uint32 { return s.lock.conn.PgConn().PID() }

// Fold folds s as fold_accents does.
func Fold(s string) string {
	f, _ := foldRunes(s)
	return string(f)
}

// MigrateTo brings the schema of conn to version n only, as an older
// parallax would.
func MigrateTo(ctx context.Context, conn *pgx.Conn, n int) error {
	all := migrations
	migrations = all[:n]
	defer func() { migrations = all }()
	return migrate(ctx, conn)
}

// BeforeArticleSearch is the schema version before the search vectors had
// tables of their own (migrationArticleSearch).
func BeforeArticleSearch() int { return slices.Index(migrations, migrationArticleSearch) }

// LocalVector is localVector.
var LocalVector = localVector

// VectorBuilder computes search vectors as localVector does, reusing its
// memory.
type VectorBuilder = vectorBuilder

// Vector is localVector.
func (v *VectorBuilder) Vector(a string, wa pgtype.TSVectorWeight, b string, wb pgtype.TSVectorWeight) (pgtype.TSVector, bool) {
	return v.vector(a, wa, b, wb)
}

// Names of the local search vectors the external tests use.
var (
	VectorProbe       = vectorProbe
	LocalVectorsAgree = localVectorsAgree
)

// LocalVectors reports whether s computes search vectors itself.
func LocalVectors(s *Store) bool { return s.localVectors }

// PieceVectors returns the search vectors of articles (title A, text)
// when quote is false, else of quotes (text A, speaker C), computed as
// commits compute them (pieceVectors) through conn, and whether each was.
func PieceVectors(ctx context.Context, conn *pgx.Conn, pairs [][2]string, quote bool) ([]pgtype.TSVector, []bool, error) {
	wb := pgtype.TSVectorWeightD
	if quote {
		wb = pgtype.TSVectorWeightC
	}
	tp := make([]textPair, len(pairs))
	for i, p := range pairs {
		tp[i] = textPair{a: p[0], wa: pgtype.TSVectorWeightA, b: p[1], wb: wb}
	}
	return pieceVectors(ctx, conn, tp)
}

// BeforeMentionLists is the schema version before an article's mentions
// were one row (migrationMentionLists).
func BeforeMentionLists() int { return slices.Index(migrations, migrationMentionLists) }

// ExecAll runs statements (sql, what) without arguments as commit does:
// all sent before any answer is read.
func ExecAll(ctx context.Context, tx pgx.Tx, stmts ...[2]string) error {
	ss := make([]stmt, len(stmts))
	for i, s := range stmts {
		ss[i] = stmt{sql: s[0], what: s[1]}
	}
	return execAll(ctx, tx, ss...)
}

// RoundTrips counts the exchanges a store's connections have with the
// server, each a message or group of messages sent and then waited for:
// a statement (Exec, Query, and so begin, commit and savepoints), a
// pgx.Batch, a COPY, a statement's preparation, and a ping (the pool's
// check of an idle connection, the writer lock's check). A batch's
// statements prepared together the first time a connection runs them are
// not seen (one exchange, once a connection).
type RoundTrips struct {
	mu sync.Mutex
	// on: counting (see Start).
	on    bool
	n     int
	kinds map[string]int
	conns map[uint32]int
}

var (
	_ pgx.QueryTracer    = (*RoundTrips)(nil)
	_ pgx.BatchTracer    = (*RoundTrips)(nil)
	_ pgx.CopyFromTracer = (*RoundTrips)(nil)
	_ pgx.PrepareTracer  = (*RoundTrips)(nil)
	_ pingTracer         = (*RoundTrips)(nil)
)

// OpenCounted opens the store at dsn for writing with its round trips
// counted by rt.
func OpenCounted(ctx context.Context, dsn string, rt *RoundTrips) (*Store, error) {
	return OpenWith(ctx, dsn, Options{tracer: rt})
}

// Start starts counting from zero.
func (r *RoundTrips) Start() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.on, r.n, r.kinds, r.conns = true, 0, map[string]int{}, map[uint32]int{}
}

// Stop stops counting and returns the round trips since Start, in all,
// by kind (the statement's first word, "batch", "copy TABLE", "prepare",
// "ping") and by connection (its server process).
func (r *RoundTrips) Stop() (n int, kinds map[string]int, conns map[uint32]int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.on = false
	return r.n, r.kinds, r.conns
}

func (r *RoundTrips) add(conn *pgx.Conn, kind string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if !r.on {
		return
	}
	r.n++
	r.kinds[kind]++
	if conn != nil {
		r.conns[conn.PgConn().PID()]++
	}

}

// TraceQueryStart implements pgx.QueryTracer.
func (r *RoundTrips) TraceQueryStart(ctx context.Context, conn *pgx.Conn, data pgx.TraceQueryStartData) context.Context {
	kind, _, _ := strings.Cut(strings.TrimSpace(data.SQL), " ")
	r.add(conn, strings.ToLower(kind))
	return ctx
}

// TraceQueryEnd implements pgx.QueryTracer.
func (r *RoundTrips) TraceQueryEnd(context.Context, *pgx.Conn, pgx.TraceQueryEndData) {}

// TraceBatchStart implements pgx.BatchTracer.
func (r *RoundTrips) TraceBatchStart(ctx context.Context, conn *pgx.Conn, _ pgx.TraceBatchStartData) context.Context {
	r.add(conn, "batch")
	return ctx
}

// TraceBatchQuery implements pgx.BatchTracer.
func (r *RoundTrips) TraceBatchQuery(context.Context, *pgx.Conn, pgx.TraceBatchQueryData) {}

// TraceBatchEnd implements pgx.BatchTracer.
func (r *RoundTrips) TraceBatchEnd(context.Context, *pgx.Conn, pgx.TraceBatchEndData) {}

// TraceCopyFromStart implements pgx.CopyFromTracer.
func (r *RoundTrips) TraceCopyFromStart(ctx context.Context, conn *pgx.Conn, data pgx.TraceCopyFromStartData) context.Context {
	r.add(conn, "copy "+strings.Join(data.TableName, "."))
	return ctx
}

// TraceCopyFromEnd implements pgx.CopyFromTracer.
func (r *RoundTrips) TraceCopyFromEnd(context.Context, *pgx.Conn, pgx.TraceCopyFromEndData) {}

// TracePrepareStart implements pgx.PrepareTracer.
func (r *RoundTrips) TracePrepareStart(ctx context.Context, conn *pgx.Conn, _ pgx.TracePrepareStartData) context.Context {
	r.add(conn, "prepare")
	return ctx
}

// TracePrepareEnd implements pgx.PrepareTracer.
func (r *RoundTrips) TracePrepareEnd(context.Context, *pgx.Conn, pgx.TracePrepareEndData) {}

// TracePing implements pingTracer.
func (r *RoundTrips) TracePing() { r.add(nil, "ping") }

// ErrStaleHint and CopyMinRows are errStaleHint and copyMinRows.
var (
	ErrStaleHint = errStaleHint
	CopyMinRows  = copyMinRows
)

// SendQueue is a sendQueue on a connection, for tests.
type SendQueue struct{ q *sendQueue }

// NewSendQueue returns a queue of statements sent on conn.
func NewSendQueue(ctx context.Context, conn *pgx.Conn) *SendQueue {
	return &SendQueue{&sendQueue{ctx: ctx, conn: conn}}
}

// Add queues a statement; hinted marks a plain insert of rows said to be
// new.
func (q *SendQueue) Add(what string, hinted bool, sql string, args ...any) {
	if hinted {
		q.q.addHinted(what, sql, args...)
	} else {
		q.q.add(what, sql, args...)
	}
}

// Insert stores n rows, given column by column, into the table name of
// the columns cols of the types types (insert, or insertLast with last).
func (q *SendQueue) Insert(what string, hinted, last bool, name string, cols, types []string, n int, vals ...any) error {
	t := newTable(name, cols, types)
	if last {
		return q.q.insertLast(what, hinted, t, n, vals...)
	}
	return q.q.insert(what, hinted, t, n, vals...)
}

// Send sends what is queued, then the COPYs left for the end.
func (q *SendQueue) Send() error { return q.q.sendLast() }
