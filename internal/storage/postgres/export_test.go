package postgres

import (
	"context"
	"slices"

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
