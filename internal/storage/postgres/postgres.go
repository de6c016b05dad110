// Package postgres is the Parallax store on a PostgreSQL server, through
// github.com/jackc/pgx/v5: the same interfaces and the same results as the
// embedded SQLite store, for stores shared by several processes and
// machines.
//
// A store is one schema: the first schema of the connection's search_path
// (public unless the connection string sets search_path). Its tables are
// created and migrated when a writer opens it.
package postgres

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/url"
	"os"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/parallax-news/parallax/internal/storage"
)

// Options say how a store is opened.
type Options struct {
	// ReadOnly opens an existing store for reading: nothing is created,
	// migrated, locked or written (the connections are read-only too).
	ReadOnly bool
	// NoWait makes a writer fail at once with a *storage.LockedError when
	// another process writes to the store, instead of waiting.
	NoWait bool
	// OnWait is called once when a writer starts waiting for another
	// process's lock.
	OnWait func(e *storage.LockedError)
	// MaxConns caps the connection pool (default 6: a commit takes
	// 1+indexParts of them while other stages of a run read).
	MaxConns int32
	// tracer, when set (by tests), sees every statement, batch, COPY and
	// statement preparation of the store's connections, and the pings of
	// connections taken from the pool (see pingTracer).
	tracer pgx.QueryTracer
}

// pingTracer is told of each ping the pool sends to check a connection
// it hands out.
type pingTracer interface {
	TracePing()
}

// Store is a storage.Store in one PostgreSQL schema.
type Store struct {
	name     string // the connection string without password, for messages
	readOnly bool
	pool     *pgxpool.Pool
	lock     *writerLock
	// localVectors: this server reads text as localVector does (see
	// localVectorsAgree), so search vectors may be computed here.
	localVectors bool
}

var _ storage.Store = (*Store)(nil)

// IsURL reports whether a --db value names a PostgreSQL server rather than
// a file.
func IsURL(s string) bool {
	return strings.HasPrefix(s, "postgres://") || strings.HasPrefix(s, "postgresql://")
}

// Open opens (creating and migrating if needed) the store at the
// connection string dsn for writing, waiting for any other writer.
func Open(ctx context.Context, dsn string) (*Store, error) {
	return OpenWith(ctx, dsn, Options{})
}

// OpenWith opens the store at dsn as opts say.
func OpenWith(ctx context.Context, dsn string, opts Options) (*Store, error) {
	name := redact(dsn)
	s, err := openWith(ctx, dsn, name, opts)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", name, err)
	}
	return s, nil
}

func openWith(ctx context.Context, dsn, name string, opts Options) (*Store, error) {
	cfg, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		return nil, err
	}
	plainLoopback(dsn, cfg.ConnConfig)
	connectDefaults(dsn, cfg.ConnConfig)
	cfg.MaxConns = 6
	if opts.MaxConns > 0 {
		cfg.MaxConns = opts.MaxConns
	}
	if opts.ReadOnly {
		cfg.ConnConfig.RuntimeParams["default_transaction_read_only"] = "on"
	}
	if opts.tracer != nil {
		cfg.ConnConfig.Tracer = opts.tracer
		if pt, ok := opts.tracer.(pingTracer); ok {
			// pgxpool's own rule, counted.
			cfg.ShouldPing = func(_ context.Context, p pgxpool.ShouldPingParams) bool {
				if p.IdleDuration > time.Second {
					pt.TracePing()
					return true
				}
				return false
			}
		}
	}
	s := &Store{name: name, readOnly: opts.ReadOnly}
	ok := false
	defer func() {
		if !ok {
			s.Close()
		}
	}()
	if !opts.ReadOnly {
		if s.lock, err = lockWriter(ctx, cfg.ConnConfig.Copy(), name, opts); err != nil {
			return nil, err
		}
		if err := migrate(ctx, s.lock.conn); err != nil {
			return nil, err
		}
		if err := s.lock.record(ctx); err != nil {
			return nil, err
		}
	}
	if s.pool, err = pgxpool.NewWithConfig(ctx, cfg); err != nil {
		return nil, err
	}
	if !opts.ReadOnly {
		if s.localVectors, err = localVectorsAgree(ctx, s.pool); err != nil {
			return nil, err
		}
	}
	if opts.ReadOnly {
		v, err := schemaVersion(ctx, s.pool)
		if err != nil {
			return nil, err
		}
		switch {
		case v == 0:
			return nil, fmt.Errorf("no Parallax store at %s: %w", name, storage.ErrNoStore)
		case v > len(migrations):
			return nil, fmt.Errorf("schema version %d, this parallax knows up to %d: %w", v, len(migrations), storage.ErrTooNew)
		case v < len(migrations):
			return nil, fmt.Errorf("schema version %d is older than this parallax's %d; any writing command (parallax reanalyze) upgrades it: %w", v, len(migrations), storage.ErrStale)
		}
	}
	ok = true
	return s, nil
}

// plainLoopback drops TLS from connections to a server on this machine
// (loopback address or Unix socket) when the connection string and
// PGSSLMODE ask nothing about it: pgx's default (sslmode=prefer) would
// encrypt what never leaves the machine, at a cost to both ends of every
// byte sent. An sslmode given keeps its meaning.
func plainLoopback(dsn string, cc *pgx.ConnConfig) {
	if strings.Contains(dsn, "sslmode") || os.Getenv("PGSSLMODE") != "" || cc.TLSConfig == nil || !isLoopback(cc.Host) {
		return
	}
	var fallbacks []*pgconn.FallbackConfig
	for _, fb := range cc.Fallbacks {
		if !isLoopback(fb.Host) {
			return
		}
		if fb.TLSConfig == nil && !(fb.Host == cc.Host && fb.Port == cc.Port) {
			fallbacks = append(fallbacks, fb)
		}
	}
	cc.TLSConfig, cc.Fallbacks = nil, fallbacks
}

// isLoopback reports whether host names this machine.
func isLoopback(host string) bool {
	if host == "localhost" || strings.HasPrefix(host, "/") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// redact returns a connection string without its password.
func redact(dsn string) string {
	u, err := url.Parse(dsn)
	if err != nil || u.User == nil {
		return dsn
	}
	if _, has := u.User.Password(); has {
		u.User = url.UserPassword(u.User.Username(), "xxxxx")
	}
	return u.String()
}

// Name returns the store's connection string without its password.
func (s *Store) Name() string { return s.name }

// Close closes the connections and releases the writer lock.
func (s *Store) Close() error {
	if s.pool != nil {
		s.pool.Close()
		s.pool = nil
	}
	err := s.lock.release()
	s.lock = nil
	return err
}

// writable returns an error on a read-only store.
func (s *Store) writable() error {
	if s.readOnly {
		return fmt.Errorf("%s: %w", s.name, storage.ErrReadOnly)
	}
	return nil
}

// Known implements storage.Writer.
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
	if len(vals) == 0 {
		return found, nil
	}
	rows, err := s.pool.Query(ctx, `SELECT DISTINCT `+col+` FROM articles WHERE `+col+` = ANY($1)`, vals)
	if err != nil {
		return nil, fmt.Errorf("look up known %s: %w", col, err)
	}
	err = eachRow(rows, func() error {
		var v string
		if err := rows.Scan(&v); err != nil {
			return err
		}
		found[v] = true
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("look up known %s: %w", col, err)
	}
	return found, nil
}

// eachRow calls fn for each row and closes rows.
func eachRow(rows pgx.Rows, fn func() error) error {
	defer rows.Close()
	for rows.Next() {
		if err := fn(); err != nil {
			return err
		}
	}
	return rows.Err()
}

// eachRowCall is eachRow for a caller's callback: scan reads the current
// row and call passes it on. An error of call is returned as it is, any
// other wrapped with what.
func eachRowCall(rows pgx.Rows, what string, scan, call func() error) error {
	var callErr error
	err := eachRow(rows, func() error {
		if err := scan(); err != nil {
			return err
		}
		callErr = call()
		return callErr
	})
	if callErr != nil {
		return callErr
	}
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	return nil
}

// ReserveArticleIDs implements storage.Writer.
func (s *Store) ReserveArticleIDs(ctx context.Context, n int) (int64, error) {
	return s.ReserveIDs(ctx, "article", n)
}

// idTables names the table whose largest id starts each id counter.
var idTables = map[string]string{"article": "articles", "entity": "entities", "claim": "claims"}

// ReserveIDs implements storage.Writer. One statement reads and advances
// the counter under its row lock, so concurrent workers never get the same
// ids; a missing counter starts above the table's largest id.
func (s *Store) ReserveIDs(ctx context.Context, kind string, n int) (int64, error) {
	table, ok := idTables[kind]
	if !ok {
		return 0, fmt.Errorf("reserve ids: unknown kind %q", kind)
	}
	if err := s.writable(); err != nil {
		return 0, err
	}
	var last int64
	err := s.pool.QueryRow(ctx, `INSERT INTO counters(name, value) VALUES ($1, (SELECT COALESCE(MAX(id), 0) FROM `+table+`) + $2)
		ON CONFLICT (name) DO UPDATE SET value = counters.value + $2 RETURNING value`, kind, int64(n)).Scan(&last)
	if err != nil {
		return 0, fmt.Errorf("reserve %s ids: %w", kind, err)
	}
	return last - int64(n) + 1, nil
}

// ReadState implements storage.State.
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

// ReadStates implements storage.State.
func (s *Store) ReadStates(ctx context.Context, prefix string, fn func(name string, data []byte) error) error {
	q, args := `SELECT name, data FROM state ORDER BY name`, []any(nil)
	if hi, ok := prefixEnd(prefix); ok {
		q, args = `SELECT name, data FROM state WHERE name >= $1 AND name < $2 ORDER BY name`, []any{prefix, hi}
	}
	if err := s.eachState(ctx, q, args, fn); err != nil {
		return fmt.Errorf("load states %s*: %w", prefix, err)
	}
	return nil
}

// ReadStatesPrefixed implements storage.State: each prefix is a range of
// names [prefix, prefixEnd(prefix)) read through the names' index, all in
// one statement that joins the ranges, given as arrays, to the names'
// index. (A LIKE pattern given as a parameter made the server plan each
// query anew, which cost more than running it; a statement per range, even
// sent in one batch, cost the server a statement's start and end for each
// of the tens of thousands of mostly empty ranges the entity read model
// asks for while workers store pages.)
func (s *Store) ReadStatesPrefixed(ctx context.Context, prefixes []string, fn func(name string, data []byte) error) error {
	ps := storage.DisjointPrefixes(prefixes)
	if len(ps) == 0 {
		return nil
	}
	// The prefixes are sorted and disjoint, so the names come in the
	// prefixes' order when sorted by name.
	var los, his []string
	var open string // a prefix without an end: the empty one, or one of only the last character
	for _, p := range ps {
		if hi, ok := prefixEnd(p); ok {
			los, his = append(los, p), append(his, hi)
		} else {
			open = p
			break // every name from it on starts with it: no prefix after it
		}
	}
	if len(los) > 0 {
		// The subquery is not pulled up (OFFSET 0), so that each range
		// is read through the index, the ranges' rows joined in a loop;
		// the server cannot tell how few names a range holds, and
		// without JIT compilation, which it would otherwise start for
		// a few thousand ranges and which takes longer than the reads.
		// Both statements are sent at once: the server runs them in one
		// implicit transaction, to whose end set_config's local
		// setting lasts (one round trip instead of four with BEGIN,
		// SET LOCAL and COMMIT).
		var b pgx.Batch
		b.Queue(`SELECT set_config('jit', 'off', true)`)
		b.Queue(`SELECT s.name, s.data FROM unnest($1::text[], $2::text[]) AS p(lo, hi)
				CROSS JOIN LATERAL (SELECT name, data FROM state WHERE name >= p.lo AND name < p.hi OFFSET 0) s ORDER BY s.name`, los, his)
		err := func() error {
			br := s.pool.SendBatch(ctx, &b)
			defer br.Close()
			if _, err := br.Exec(); err != nil {
				return err
			}
			rows, err := br.Query()
			if err != nil {
				return err
			}
			if err := eachStateRow(rows, fn); err != nil {
				return err
			}
			return br.Close()
		}()
		if err != nil {
			return fmt.Errorf("load states: %w", err)
		}
	}
	if len(los) < len(ps) {
		if err := s.eachState(ctx, `SELECT name, data FROM state WHERE name >= $1 ORDER BY name`, []any{open}, fn); err != nil {
			return fmt.Errorf("load states: %w", err)
		}
	}
	return nil
}

// prefixEnd returns the least string above every string starting with p
// in byte order (the order of the "C" collation): p with its last
// character replaced by the next one (UTF-8 keeps the order of code
// points, and no character's encoding is a prefix of another's). It
// reports false when there is none (p is empty or only U+10FFFF).
func prefixEnd(p string) (string, bool) {
	for p != "" {
		r, n := utf8.DecodeLastRuneInString(p)
		p = p[:len(p)-n]
		switch {
		case r == utf8.MaxRune:
			continue
		case r == 0xD7FF: // the surrogates are not characters
			r = 0xE000
		default:
			r++
		}
		return p + string(r), true
	}
	return "", false
}

// ReadStatesNamed implements storage.State.
func (s *Store) ReadStatesNamed(ctx context.Context, names []string, fn func(name string, data []byte) error) error {
	// Each name is looked up through the index, the lookups joined in a
	// loop (the subquery is not pulled up: OFFSET 0). With name = ANY
	// the server read the whole table once the batch asked for a few
	// hundred names, more than it estimated an index lookup to cost,
	// and the table grows with the store. A name asked for twice is
	// looked up once.
	names = slices.Clone(names)
	slices.Sort(names)
	names = slices.Compact(names)
	if names == nil {
		names = []string{}
	}
	if err := s.eachState(ctx, `SELECT s.name, s.data FROM unnest($1::text[]) AS n(name)
		CROSS JOIN LATERAL (SELECT name, data FROM state WHERE name = n.name OFFSET 0) s ORDER BY s.name`, []any{names}, fn); err != nil {
		return fmt.Errorf("load states: %w", err)
	}
	return nil
}

// eachState calls fn with each (name, data) row of query. The data is the
// row's bytes as received, handed to fn without a copy: state blobs can be
// hundreds of megabytes.
func (s *Store) eachState(ctx context.Context, query string, args []any, fn func(name string, data []byte) error) error {
	return eachStateOn(ctx, s.pool, query, args, fn)
}

// eachStateOn is eachState on q.
func eachStateOn(ctx context.Context, q querier, query string, args []any, fn func(name string, data []byte) error) error {
	rows, err := q.Query(ctx, query, args...)
	if err != nil {
		return err
	}
	return eachStateRow(rows, fn)
}

// eachStateRow calls fn with each (name, data) row of rows, as eachState.
func eachStateRow(rows pgx.Rows, fn func(name string, data []byte) error) error {
	return eachRow(rows, func() error {
		raw := rows.RawValues()
		fds := rows.FieldDescriptions()
		if len(raw) != 2 || fds[1].Format != pgx.BinaryFormatCode {
			var name string
			var data []byte
			if err := rows.Scan(&name, &data); err != nil {
				return err
			}
			return fn(name, data)
		}
		if raw[1] == nil {
			return errors.New("state blob is null")
		}
		return fn(string(raw[0]), raw[1])
	})
}
