// Package sqlite is the embedded Parallax store: one SQLite file, created and
// migrated on open, through the pure-Go modernc.org/sqlite driver.
package sqlite

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/parallax-news/parallax/internal/storage"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// Store is a storage.Store on one SQLite file.
//
// Writes go through one connection and reads through a pool of others.
// SQLite allows one writer at a time anyway, and a connection drops its
// whole page cache when it sees that another one has written: with a
// single writer, the writer's cache stays warm across batches. A store
// opened read-only has no writing connection and takes no lock.
type Store struct {
	path     string
	readOnly bool
	db       *sql.DB // reads
	w        *sql.DB // writes: one connection (nil when read-only)
	lock     *writerLock
	// stmts holds the prepared state reads (they run by the thousand).
	stmtMu sync.Mutex
	stmts  map[string]*sql.Stmt
	// wstmts holds the writing connection's bulk statements.
	wstmts stmtCache
	// ids hands out reserved ids without the writing connection.
	ids idCounters
}

// prepared returns q prepared on the read pool, once.
func (s *Store) prepared(ctx context.Context, q string) (*sql.Stmt, error) {
	s.stmtMu.Lock()
	defer s.stmtMu.Unlock()
	if st, ok := s.stmts[q]; ok {
		return st, nil
	}
	st, err := s.db.PrepareContext(ctx, q)
	if err != nil {
		return nil, err
	}
	if s.stmts == nil {
		s.stmts = map[string]*sql.Stmt{}
	}
	s.stmts[q] = st
	return st, nil
}

var _ storage.Store = (*Store)(nil)

// Path returns the file the store is kept in.
func (s *Store) Path() string { return s.path }

// SchemaVersion returns the schema version this package migrates to.
func SchemaVersion() int { return len(migrations) }

func (s *Store) migrate(ctx context.Context) error {
	if _, err := s.w.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)`); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	var v int
	if err := s.w.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&v); err != nil {
		return fmt.Errorf("migrate: read version: %w", err)
	}
	if v > len(migrations) {
		return fmt.Errorf("migrate: store has schema version %d, this parallax knows up to %d; upgrade parallax: %w", v, len(migrations), storage.ErrTooNew)
	}
	for i := v; i < len(migrations); i++ {
		tx, err := s.w.BeginTx(ctx, nil)
		if err != nil {
			return fmt.Errorf("migrate to %d: %w", i+1, err)
		}
		if _, err := tx.ExecContext(ctx, migrations[i]); err != nil {
			tx.Rollback()
			return fmt.Errorf("migrate to %d: %w", i+1, err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations(version, applied_at) VALUES ($1, $2)`, i+1, time.Now().UTC().Format(time.RFC3339)); err != nil {
			tx.Rollback()
			return fmt.Errorf("migrate to %d: %w", i+1, err)
		}
		if err := tx.Commit(); err != nil {
			return fmt.Errorf("migrate to %d: %w", i+1, err)
		}
	}
	// Mark the file as a Parallax store, and keep the schema version in
	// the header where a reader finds it without a table.
	if _, err := s.w.ExecContext(ctx, fmt.Sprintf(`PRAGMA application_id = %d`, ApplicationID)); err != nil {
		return fmt.Errorf("mark store: %w", err)
	}
	if _, err := s.w.ExecContext(ctx, fmt.Sprintf(`PRAGMA user_version = %d`, len(migrations))); err != nil {
		return fmt.Errorf("mark store: %w", err)
	}
	return nil
}

// Close closes the database and releases the writer lock.
func (s *Store) Close() error {
	var errs []error
	if s.w != nil {
		errs = append(errs, s.saveIDs(context.Background()))
	}
	s.stmtMu.Lock()
	for _, st := range s.stmts {
		errs = append(errs, st.Close())
	}
	s.stmts = nil
	s.stmtMu.Unlock()
	errs = append(errs, s.wstmts.close())
	if s.db != nil {
		errs = append(errs, s.db.Close())
	}
	if s.w != nil {
		errs = append(errs, s.w.Close())
	}
	errs = append(errs, s.lock.release())
	s.lock = nil
	return errors.Join(errs...)
}

// writer returns the writing connection, or an error on a read-only store.
func (s *Store) writer() (*sql.DB, error) {
	if s.w == nil {
		return nil, fmt.Errorf("%s: %w", s.path, storage.ErrReadOnly)
	}
	return s.w, nil
}

// Known implements storage.Store.
func (s *Store) Known(ctx context.Context, externalIDs, hashes []string) (map[string]bool, map[string]bool, error) {
	ids, err := s.inSet(ctx, "external_id", externalIDs)
	if err != nil {
		return nil, nil, err
	}
	hs, err := s.inSet(ctx, "hash", hashes)
	if err != nil {
		return nil, nil, err
	}
	return ids, hs, nil
}

func (s *Store) inSet(ctx context.Context, col string, vals []string) (map[string]bool, error) {
	found := map[string]bool{}
	for _, chunk := range chunks(len(vals), 500) {
		part := vals[chunk[0]:chunk[1]]
		var p params
		rows, err := s.db.QueryContext(ctx, `SELECT `+col+` FROM articles WHERE `+col+` IN (`+list(&p, part)+`)`, p...)
		if err != nil {
			return nil, fmt.Errorf("look up known %s: %w", col, err)
		}
		for rows.Next() {
			var v string
			if err := rows.Scan(&v); err != nil {
				rows.Close()
				return nil, fmt.Errorf("look up known %s: %w", col, err)
			}
			found[v] = true
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("look up known %s: %w", col, err)
		}
	}
	return found, nil
}

// ReadState implements storage.Store.
func (s *Store) ReadState(ctx context.Context, name string, fn func(data []byte) error) (bool, error) {
	found := false
	err := s.eachState(ctx, `SELECT name, data FROM state WHERE name = $1`, []any{name}, func(_ string, data []byte) error {
		found = true
		return fn(data)
	})
	if err != nil {
		return found, fmt.Errorf("load state %s: %w", name, err)
	}
	return found, nil
}

// TakeState implements storage.StateTaker. The driver copies each blob
// it reads into a new slice of its own (modernc.org/sqlite allocates one
// a value, which sql.RawBytes passes on as it is): that copy is handed
// over (TestTakeStateOwned checks that a later read leaves it alone).
func (s *Store) TakeState(ctx context.Context, name string) ([]byte, bool, error) {
	var out []byte
	found := false
	err := s.eachState(ctx, `SELECT name, data FROM state WHERE name = $1`, []any{name}, func(_ string, data []byte) error {
		out, found = data, true
		return nil
	})
	if err != nil {
		return nil, false, fmt.Errorf("load state %s: %w", name, err)
	}
	return out, found, nil
}

// ReadStates implements storage.Store.
func (s *Store) ReadStates(ctx context.Context, prefix string, fn func(name string, data []byte) error) error {
	if err := s.eachState(ctx, `SELECT name, data FROM state WHERE name >= $1 AND name < $2 ORDER BY name`, []any{prefix, prefixEnd(prefix)}, fn); err != nil {
		return fmt.Errorf("load states %s*: %w", prefix, err)
	}
	return nil
}

// ReadStatesPrefixed implements storage.State.
func (s *Store) ReadStatesPrefixed(ctx context.Context, prefixes []string, fn func(name string, data []byte) error) error {
	// A query a few dozen prefixes: an indexed range each, the ranges
	// merged in name order (each comes in index order: no sorting; the
	// merges chain, so a row passes up to one a range), so a batch's
	// thousands of prefixes cost a hundred statements, not thousands.
	ps := storage.DisjointPrefixes(prefixes)
	for _, ch := range chunks(len(ps), prefixesPerQuery) {
		part := ps[ch[0]:ch[1]]
		if len(part) == 1 {
			if err := s.ReadStates(ctx, part[0], fn); err != nil {
				return err
			}
			continue
		}
		var q strings.Builder
		args := make([]any, 0, 2*len(part))
		for i, p := range part {
			if i > 0 {
				q.WriteString(` UNION ALL `)
			}
			q.WriteString(`SELECT name, data FROM state WHERE name >= ? AND name < ?`)
			args = append(args, p, prefixEnd(p))
		}
		q.WriteString(` ORDER BY name`)
		if err := s.eachState(ctx, q.String(), args, fn); err != nil {
			return fmt.Errorf("load states %s… (%d prefixes): %w", part[0], len(part), err)
		}
	}
	return nil
}

// prefixesPerQuery is the number of name ranges ReadStatesPrefixed reads
// in one statement.
const prefixesPerQuery = 32

// ReadStatesNamed implements storage.State.
func (s *Store) ReadStatesNamed(ctx context.Context, names []string, fn func(name string, data []byte) error) error {
	names = slices.Sorted(slices.Values(names))
	for _, ch := range chunks(len(names), 500) {
		var p params
		// (see lookup.go)
		var rows *sql.Rows
		var err error
		if js, ok := textList(names[ch[0]:ch[1]]); ok {
			var st *sql.Stmt
			if st, err = s.prepared(ctx, stateByNames); err == nil {
				rows, err = st.QueryContext(ctx, js)
			}
		} else {
			rows, err = s.db.QueryContext(ctx, `SELECT name, data FROM state WHERE name IN (`+list(&p, names[ch[0]:ch[1]])+`) ORDER BY name`, p...)
		}
		if err != nil {
			return fmt.Errorf("load states: %w", err)
		}
		for rows.Next() {
			var name string
			var b sql.RawBytes
			if err := rows.Scan(&name, &b); err != nil {
				rows.Close()
				return fmt.Errorf("load states: %w", err)
			}
			if err := fn(name, b); err != nil {
				rows.Close()
				return err
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("load states: %w", err)
		}
	}
	return nil
}

// eachState calls fn with each (name, data) row of query. The data is the
// driver's copy (sql.RawBytes), handed to fn without copying it again:
// state blobs can be hundreds of megabytes.
func (s *Store) eachState(ctx context.Context, query string, args []any, fn func(name string, data []byte) error) error {
	st, err := s.prepared(ctx, query)
	if err != nil {
		return err
	}
	rows, err := st.QueryContext(ctx, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var name string
		var b sql.RawBytes
		if err := rows.Scan(&name, &b); err != nil {
			return err
		}
		if err := fn(name, b); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	return rows.Close()
}

// prefixEnd returns the least string above every string with prefix p, for
// a range scan of the primary key ("" when there is none).
func prefixEnd(p string) string {
	b := []byte(p)
	for i := len(b) - 1; i >= 0; i-- {
		if b[i] < 0xff {
			b[i]++
			return string(b[:i+1])
		}
	}
	return "\xff\xff\xff\xff"
}

// params collects the arguments of a query and hands out their numbered
// placeholders (?1, ?2, ...).
type params []any

// add appends v and returns its placeholder. SQLite gives a ?N
// placeholder its slot N directly, where it looks a $N up by name among
// the placeholders before it: preparing a statement of hundreds of $N
// (an IN list of a chunk of ids) cost the square of their number.
func (p *params) add(v any) string {
	*p = append(*p, v)
	return "?" + strconv.Itoa(len(*p))
}

// list appends vs and returns their placeholders separated by commas.
func list[T any](p *params, vs []T) string {
	var b []byte
	for i, v := range vs {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, p.add(v)...)
	}
	return string(b)
}

func chunks(n, size int) [][2]int {
	var out [][2]int
	for i := 0; i < n; i += size {
		out = append(out, [2]int{i, min(i+size, n)})
	}
	return out
}

func sortedKeys[K cmp.Ordered, V any](m map[K]V) []K {
	return slices.Sorted(maps.Keys(m))
}
