package sqlite

import (
	"context"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"time"

	"github.com/parallax-news/parallax/internal/storage"
)

// ApplicationID marks a SQLite file as a Parallax store (PRAGMA
// application_id): "PRLX".
const ApplicationID = 0x50524c58

// Options say how a store is opened.
type Options struct {
	// ReadOnly opens an existing store for reading: nothing is created,
	// migrated, locked or written, and a file without write permission
	// can be read.
	ReadOnly bool
	// NoWait makes a writer fail at once with a *storage.LockedError when
	// another process writes to the store, instead of waiting.
	NoWait bool
	// OnWait is called once when a writer starts waiting for another
	// process's lock.
	OnWait func(e *storage.LockedError)
	// SkipCheck opens a store that failed its open checks (for `parallax
	// check` and `parallax repair`).
	SkipCheck bool
	// CacheBytes bounds the page cache of the writing connection (0:
	// 64 MiB, see dsn), and, when set, that of each reading connection to
	// a quarter of it (at most their usual 8 MiB). Commands that write a
	// few pages a second (fetch, watch) keep their memory down with less.
	CacheBytes int
}

// Open opens (creating if needed) the SQLite store at path for writing,
// waiting for any other writer, and migrates its schema.
func Open(ctx context.Context, path string) (*Store, error) {
	return OpenWith(ctx, path, Options{})
}

// OpenWith opens the store at path as opts say.
func OpenWith(ctx context.Context, path string, opts Options) (*Store, error) {
	s, err := openWith(ctx, path, opts)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	return s, nil
}

func openWith(ctx context.Context, path string, opts Options) (*Store, error) {
	fi, statErr := os.Stat(path)
	exists := statErr == nil
	switch {
	case statErr != nil && !errors.Is(statErr, os.ErrNotExist):
		return nil, statErr
	case !exists && opts.ReadOnly:
		return nil, fmt.Errorf("no Parallax store at %s: %w", path, storage.ErrNoStore)
	case exists && fi.IsDir():
		return nil, fmt.Errorf("%s is a folder: %w", path, storage.ErrNotParallax)
	}
	s := &Store{path: path, readOnly: opts.ReadOnly}
	if !opts.ReadOnly {
		lk, err := lockWriter(ctx, path, opts)
		if err != nil {
			return nil, err
		}
		s.lock = lk
	}
	ok := false
	defer func() {
		if !ok {
			s.Close()
		}
	}()
	if exists {
		// Inspect the file through a read-only connection that sets no
		// pragma, so another program's database is refused untouched.
		if err := inspect(ctx, path, !opts.ReadOnly, opts.SkipCheck); err != nil {
			return nil, err
		}
	}
	var err error
	if !opts.ReadOnly {
		if !exists || fi.Size() == 0 {
			if err := create(ctx, path); err != nil {
				return nil, err
			}
		}
		if s.w, err = sql.Open("sqlite", dsn(path, false, false, opts.CacheBytes)); err != nil {
			return nil, err
		}
		s.w.SetMaxOpenConns(1)
		if err := s.migrate(ctx); err != nil {
			return nil, err
		}
	}
	if s.db, err = sql.Open("sqlite", dsn(path, true, opts.ReadOnly, opts.CacheBytes)); err != nil {
		return nil, err
	}
	s.db.SetMaxOpenConns(4)
	if opts.ReadOnly {
		var v int
		if err := s.db.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&v); err != nil {
			return nil, fmt.Errorf("read schema version: %w", err)
		}
		switch {
		case v > len(migrations):
			return nil, fmt.Errorf("schema version %d, this parallax knows up to %d: %w", v, len(migrations), storage.ErrTooNew)
		case v < len(migrations):
			return nil, fmt.Errorf("schema version %d is older than this parallax's %d; any writing command (parallax reanalyze) upgrades it: %w", v, len(migrations), storage.ErrStale)
		}
	}
	ok = true
	return s, nil
}

// dsn returns the connection string of a writing or a reading connection.
// The reading connections of a read-only store open the file read-only
// (mode=ro), so a file without write permission can be read; those of a
// writer are only query_only, so they can share the writer's WAL index.
// cacheBytes sets the writing connection's page cache (0: 64 MiB) and, when
// set, caps a reading connection's at a quarter of it (else 8 MiB).
func dsn(path string, readOnly, roFile bool, cacheBytes int) string {
	q := url.Values{}
	pragmas := []string{"busy_timeout(10000)", "foreign_keys(ON)"}
	if roFile {
		q.Set("mode", "ro")
	}
	if readOnly {
		readerCache := 8 << 20
		if cacheBytes > 0 {
			readerCache = min(readerCache, max(cacheBytes/4, 1<<20))
		}
		pragmas = append(pragmas, "query_only(1)", fmt.Sprintf("cache_size(-%d)", readerCache>>10))
	} else {
		// The one writing connection keeps more pages: a batch's inserts
		// land all over the indexes, and pages the cache cannot hold are
		// written to the log before the commit and read back. The log
		// is copied back into the file once it holds 128 MiB instead of
		// 4 MiB: a batch of articles writes more than 4 MiB, so the copy
		// ran at every commit, writing again the index pages that
		// every batch changes; and as the indexes grow, a batch's
		// inserts land on more of their pages, so a larger store wrote
		// more of its log at each copy (32 MiB, the size before 128,
		// gave a copy every few batches on a store of 400k articles).
		// With analysis a batch rewrites pages all over the registry's
		// state and the entity tables, so at 128 MiB the log was
		// copied every batch or two, each copy writing those pages
		// again and syncing the file twice; at 512 MiB a page changed
		// by several batches between two copies is copied once (see
		// walCheckpointBytes).
		// (wal_autocheckpoint counts pages, of the size the file's
		// header states.)
		if cacheBytes <= 0 {
			cacheBytes = 64 << 20
		}
		pragmas = append(pragmas, "journal_mode(WAL)", "synchronous(NORMAL)", fmt.Sprintf("cache_size(-%d)", max(cacheBytes>>10, 1)),
			fmt.Sprintf("wal_autocheckpoint(%d)", walCheckpointBytes/headerPageSize(path)))
		q.Set("_txlock", "immediate")
	}
	for _, p := range pragmas {
		q.Add("_pragma", p)
	}
	return "file:" + path + "?" + q.Encode()
}

// newPageSize is the page size of new stores. Pages of 16 KiB instead of
// SQLite's 4 KiB hold an article's row whole (a 4 KiB page spilled most
// bodies onto overflow pages), and a batch writes a quarter as many
// pages to the log, each with a frame header and a write of its own.
const newPageSize = 16384

// walCheckpointBytes is the size of the log past which it is copied back
// into the file (see dsn). A 40k-article bench with analysis wrote 3.52 GB
// with 128 MiB, 3.17 GB with 512 MiB and 3.06 GB with 1 GiB. The log
// takes up to this much disk beside the file while the store is open, is
// copied back when it closes, and is read whole by an open after a crash.
const walCheckpointBytes = 512 << 20

// create makes the empty database file of a new store with the page size
// of new stores, which only an empty database can take: the pragmas of a
// connection string would set it after the log mode, too late.
func create(ctx context.Context, path string) error {
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		return fmt.Errorf("create store: %w", err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	for _, q := range []string{fmt.Sprintf("PRAGMA page_size = %d", newPageSize), "PRAGMA journal_mode = WAL"} {
		if _, err := db.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("create store: %w", err)
		}
	}
	return db.Close()
}

// headerPageSize returns the page size the header of the database file at
// path states, or SQLite's default when it states none.
func headerPageSize(path string) int {
	const def = 4096
	f, err := os.Open(path)
	if err != nil {
		return def
	}
	defer f.Close()
	h := make([]byte, 18)
	if _, err := io.ReadFull(f, h); err != nil || string(h[:16]) != "SQLite format 3\x00" {
		return def
	}
	n := int(binary.BigEndian.Uint16(h[16:]))
	switch {
	case n == 1:
		return 65536
	case n < 512 || n&(n-1) != 0:
		return def
	}
	return n
}

// inspect checks that the file at path is a SQLite database marked as a
// Parallax store (or an unmarked store of an earlier version, or empty),
// and unless skip is set that it passes the damage checks: the header for
// every open, and a bounded quick check for a writer (full).
func inspect(ctx context.Context, path string, full, skip bool) error {
	if err := checkHeader(path); err != nil {
		if skip {
			return nil
		}
		return err
	}
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		return err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	var app int64
	if err := db.QueryRowContext(ctx, `PRAGMA application_id`).Scan(&app); err != nil {
		return damaged(path, err)
	}
	if app == ApplicationID {
		if skip || !full {
			return nil
		}
		return quickCheck(ctx, db, path)
	}
	if app != 0 {
		return fmt.Errorf("%s belongs to another program (application id %#x); it was left untouched: %w", path, app, storage.ErrNotParallax)
	}
	// Unmarked: an empty file, or a store of a version that did not mark
	// its files (it has the migrations table and articles).
	var tables int
	var ours int
	if err := db.QueryRowContext(ctx, `SELECT COUNT(*), COUNT(CASE WHEN name IN ('schema_migrations', 'articles', 'state') THEN 1 END) FROM sqlite_master WHERE type = 'table'`).Scan(&tables, &ours); err != nil {
		return damaged(path, err)
	}
	if tables > 0 && ours < 3 {
		return fmt.Errorf("%s is a SQLite database of another program; it was left untouched: %w", path, storage.ErrNotParallax)
	}
	return nil
}

func damaged(path string, err error) error {
	return fmt.Errorf("%v; writes are refused: run `parallax check --db %s` to see the damage and `parallax repair --db %s` to rebuild what can be: %w", err, path, path, storage.ErrDamaged)
}
