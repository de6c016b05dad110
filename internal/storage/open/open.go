// Package open opens a Parallax store from a --db value: a postgres:// or
// postgresql:// connection string selects the PostgreSQL store, anything
// else is the path of a SQLite file (the default).
package open

import (
	"context"
	"os"

	"github.com/parallax-news/parallax/internal/storage"
	"github.com/parallax-news/parallax/internal/storage/postgres"
	"github.com/parallax-news/parallax/internal/storage/sqlite"
)

// EnvDB is the environment variable naming the store when --db is not
// given.
const EnvDB = "PARALLAX_DB"

// DefaultDB is the store used when neither --db nor PARALLAX_DB is given.
const DefaultDB = "parallax.db"

// Default returns the --db value to use when the flag is not given:
// PARALLAX_DB if set, else DefaultDB.
func Default() string {
	if v := os.Getenv(EnvDB); v != "" {
		return v
	}
	return DefaultDB
}

// Options say how a store is opened.
type Options struct {
	// ReadOnly opens an existing store for reading: nothing is created,
	// migrated, locked or written.
	ReadOnly bool
	// NoWait makes a writer fail at once with a *storage.LockedError when
	// another process writes to the store.
	NoWait bool
	// OnWait is called once when a writer starts waiting for another
	// process's lock.
	OnWait func(e *storage.LockedError)
	// SkipCheck opens a store that failed its open checks (for `parallax
	// check` and `parallax repair`).
	SkipCheck bool
	// CacheBytes bounds a SQLite store's page cache for writing (0: its
	// default; see sqlite.Options). PostgreSQL ignores it.
	CacheBytes int
}

// Store is an opened store with its maintenance operations.
type Store interface {
	storage.Store
	// Check runs the store's consistency checks and returns what they
	// found (nothing when the store is sound).
	Check(ctx context.Context) ([]string, error)
	// Rebuild recomputes what the store derives from the articles it
	// holds (story summaries, indexes).
	Rebuild(ctx context.Context) error
}

// IsPostgres reports whether db names a PostgreSQL store.
func IsPostgres(db string) bool { return postgres.IsURL(db) }

// Open opens the store db names as opts say.
func Open(ctx context.Context, db string, opts Options) (Store, error) {
	if IsPostgres(db) {
		return postgres.OpenWith(ctx, db, postgres.Options{ReadOnly: opts.ReadOnly, NoWait: opts.NoWait, OnWait: opts.OnWait})
	}
	return sqlite.OpenWith(ctx, db, sqlite.Options{ReadOnly: opts.ReadOnly, NoWait: opts.NoWait, OnWait: opts.OnWait, SkipCheck: opts.SkipCheck, CacheBytes: opts.CacheBytes})
}
