package postgres

import (
	"context"

	"github.com/jackc/pgx/v5"
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
