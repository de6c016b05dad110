package postgres

// Names the external tests use.
var (
	Migrate   = migrate
	Redact    = redact
	PrefixEnd = prefixEnd
)

// LockBackend returns the server process holding s's writer lock.
func LockBackend(s *Store) uint32 { return s.lock.conn.PgConn().PID() }

// Fold folds s as fold_accents does.
func Fold(s string) string {
	f, _ := foldRunes(s)
	return string(f)
}
