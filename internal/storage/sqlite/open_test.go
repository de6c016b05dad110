package sqlite

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/model"
	"github.com/parallax-news/parallax/internal/storage"
)

func TestReadOnlyOpenOfMissingStore(t *testing.T) {
	path := filepath.Join(t.TempDir(), "missing.db")
	_, err := OpenWith(context.Background(), path, Options{ReadOnly: true})
	if !errors.Is(err, storage.ErrNoStore) || !strings.Contains(err.Error(), "no Parallax store at "+path) {
		t.Errorf("err = %v, want ErrNoStore naming the file", err)
	}
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a read created %s", path)
	}
}

func TestMarksStoreAndRefusesOthers(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s, path := open(t)
	var app, ver int
	s.db.QueryRowContext(ctx, `PRAGMA application_id`).Scan(&app)
	s.db.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&ver)
	if app != ApplicationID || ver != SchemaVersion() {
		t.Errorf("application_id %#x, user_version %d; want %#x, %d", app, ver, ApplicationID, SchemaVersion())
	}
	s.Close()

	other := filepath.Join(dir, "other.sqlite")
	db, err := sql.Open("sqlite", other)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes(body) VALUES ('keep me')`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	marked := filepath.Join(dir, "marked.sqlite")
	db, _ = sql.Open("sqlite", marked)
	if _, err := db.Exec(`PRAGMA application_id = 7; CREATE TABLE articles (id INTEGER)`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	notSQLite := filepath.Join(dir, "notes.txt")
	os.WriteFile(notSQLite, []byte(strings.Repeat("plain text, not a database\n", 100)), 0o644)

	for _, p := range []string{other, marked, notSQLite} {
		before, _ := os.ReadFile(p)
		for _, ro := range []bool{false, true} {
			_, err := OpenWith(ctx, p, Options{ReadOnly: ro})
			if !errors.Is(err, storage.ErrNotParallax) {
				t.Errorf("%s (read-only %v): err = %v, want ErrNotParallax", filepath.Base(p), ro, err)
			}
		}
		after, _ := os.ReadFile(p)
		if !bytes.Equal(before, after) {
			t.Errorf("%s was modified", filepath.Base(p))
		}
		for _, side := range []string{"-wal", "-shm"} {
			if _, err := os.Stat(p + side); err == nil {
				t.Errorf("%s%s was created", filepath.Base(p), side)
			}
		}
	}
	// The real store still opens, read-only too.
	r, err := OpenWith(ctx, path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	r.Close()
}

func TestReadOnlyStoreRefusesWrites(t *testing.T) {
	ctx := context.Background()
	s, path := open(t)
	if err := s.Commit(ctx, &storage.Batch{Articles: []*model.Article{{ID: 1, ExternalID: "a", Hash: "h", Text: "x", StoryID: 1}}}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	os.Chmod(path, 0o444)
	r, err := OpenWith(ctx, path, Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("read-only open of a read-only file: %v", err)
	}
	defer r.Close()
	if c, err := r.Counts(ctx); err != nil || c.Articles != 1 {
		t.Errorf("Counts = %+v, %v", c, err)
	}
	if err := r.Commit(ctx, &storage.Batch{}); !errors.Is(err, storage.ErrReadOnly) {
		t.Errorf("Commit on a read-only store: %v, want ErrReadOnly", err)
	}
}

func TestDamageStopsWrites(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		name   string
		damage func(path string) error
	}{
		{"cut short", func(p string) error {
			fi, _ := os.Stat(p)
			return os.Truncate(p, fi.Size()-100)
		}},
		{"page size", func(p string) error {
			f, err := os.OpenFile(p, os.O_RDWR, 0)
			if err != nil {
				return err
			}
			defer f.Close()
			_, err = f.WriteAt([]byte{0x03, 0x00}, 16)
			return err
		}},
		{"flipped bytes", func(p string) error {
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			for i := 4096 + 200; i < len(b); i += 4096 {
				for j := 0; j < 64 && i+j < len(b); j++ {
					b[i+j] ^= 0x5a
				}
			}
			return os.WriteFile(p, b, 0o644)
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "s.db")
			s, err := Open(ctx, path)
			if err != nil {
				t.Fatal(err)
			}
			var arts []*model.Article
			for i := 1; i <= 200; i++ {
				arts = append(arts, &model.Article{ID: int64(i), ExternalID: "a" + strconv.Itoa(i), Hash: "h", Title: "Title", Text: strings.Repeat("Some article text. ", 40), StoryID: int64(i%7 + 1)})
			}
			if err := s.Commit(ctx, &storage.Batch{Articles: arts}); err != nil {
				t.Fatal(err)
			}
			s.Close()
			if err := tc.damage(path); err != nil {
				t.Fatal(err)
			}
			_, err = Open(ctx, path)
			if !errors.Is(err, storage.ErrDamaged) || !strings.Contains(err.Error(), "parallax check") || !strings.Contains(err.Error(), "parallax repair") {
				t.Fatalf("open of a damaged store: %v; want ErrDamaged naming parallax check and repair", err)
			}
			// check still opens it and reports the damage.
			c, err := OpenWith(ctx, path, Options{ReadOnly: true, SkipCheck: true})
			if err != nil {
				return // too damaged for SQLite to open: check reports that
			}
			defer c.Close()
			if problems, _ := c.Check(ctx); len(problems) == 0 {
				t.Error("Check found nothing")
			}
		})
	}
}

func TestWriterLock(t *testing.T) {
	ctx := context.Background()
	s, path := open(t)
	_, err := OpenWith(ctx, path, Options{NoWait: true})
	var le *storage.LockedError
	if !errors.As(err, &le) || le.PID != os.Getpid() || !strings.Contains(err.Error(), "another parallax process (pid "+strconv.Itoa(os.Getpid())+") is writing to "+path) {
		t.Fatalf("second writer: %v", err)
	}
	// Readers never wait.
	r, err := OpenWith(ctx, path, Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("reader while a writer holds the lock: %v", err)
	}
	r.Close()
	// A waiting writer is told once and gets the lock when it is freed.
	told := make(chan *storage.LockedError, 1)
	done := make(chan error, 1)
	go func() {
		w, err := OpenWith(ctx, path, Options{OnWait: func(e *storage.LockedError) { told <- e }})
		if err == nil {
			w.Close()
		}
		done <- err
	}()
	if e := <-told; e.PID != os.Getpid() {
		t.Errorf("waiting on pid %d", e.PID)
	}
	s.Close()
	if err := <-done; err != nil {
		t.Errorf("waiting writer: %v", err)
	}
}

// TestKilledCheckpointIsNotDamage: a process killed during a checkpoint
// leaves a file whose header counts pages it has not written yet, beside a
// WAL that holds them. That is not damage: SQLite replays the WAL on open.
func TestKilledCheckpointIsNotDamage(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path, copyPath := filepath.Join(dir, "s.db"), filepath.Join(dir, "copy.db")
	articles := func(from, to int) []*model.Article {
		var arts []*model.Article
		for i := from; i <= to; i++ {
			arts = append(arts, &model.Article{ID: int64(i), ExternalID: "a" + strconv.Itoa(i), Hash: "h" + strconv.Itoa(i), Title: "Title", Text: strings.Repeat("Some article text. ", 40), StoryID: int64(i%7 + 1)})
		}
		return arts
	}
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Commit(ctx, &storage.Batch{Articles: articles(1, 100)}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err = Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.db.ExecContext(ctx, `PRAGMA wal_autocheckpoint = 0`); err != nil {
		t.Fatal(err)
	}
	if err := s.Commit(ctx, &storage.Batch{Articles: articles(101, 600)}); err != nil {
		t.Fatal(err)
	}
	// The state a kill leaves: the file before the checkpoint, its WAL and
	// shared memory ...
	for _, suffix := range []string{"", "-wal", "-shm"} {
		b, err := os.ReadFile(path + suffix)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(copyPath+suffix, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// ... with the first page the checkpoint wrote first.
	if _, err := s.db.ExecContext(ctx, `PRAGMA wal_checkpoint(FULL)`); err != nil {
		t.Fatal(err)
	}
	after, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.OpenFile(copyPath, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	pageSize := int(after[16])<<8 | int(after[17])
	if _, err := f.WriteAt(after[:pageSize], 0); err != nil {
		t.Fatal(err)
	}
	f.Close()
	if err := checkHeader(copyPath); err != nil {
		t.Fatalf("header check with a WAL to replay: %v", err)
	}
	c, err := Open(ctx, copyPath)
	if err != nil {
		t.Fatalf("open after a killed checkpoint: %v", err)
	}
	defer c.Close()
	n, err := c.Counts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if n.Articles != 600 {
		t.Errorf("%d articles after the WAL replay, want 600", n.Articles)
	}
	if problems, err := c.Check(ctx); err != nil || len(problems) > 0 {
		t.Errorf("check after the replay: %v %v", problems, err)
	}
}

// TestPageSize checks that a new store takes the page size of new stores,
// that a store made with SQLite's default keeps it, and that either
// checkpoints its log at the same size in bytes.
func TestPageSize(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name     string
		existing int // page size of an empty database made beforehand; 0: none
		want     int
	}{
		{"new", 0, newPageSize},
		{"empty file", -1, newPageSize},
		{"default pages", 4096, 4096},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "p.db")
			switch {
			case tt.existing < 0:
				if err := os.WriteFile(path, nil, 0o644); err != nil {
					t.Fatal(err)
				}
			case tt.existing > 0:
				db, err := sql.Open("sqlite", "file:"+path)
				if err != nil {
					t.Fatal(err)
				}
				for _, q := range []string{"PRAGMA page_size = " + strconv.Itoa(tt.existing), "PRAGMA journal_mode = WAL"} {
					if _, err := db.Exec(q); err != nil {
						t.Fatal(err)
					}
				}
				db.Close()
			}
			s, err := Open(ctx, path)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			var size, ckpt int
			if err := s.w.QueryRowContext(ctx, `PRAGMA page_size`).Scan(&size); err != nil {
				t.Fatal(err)
			}
			if err := s.w.QueryRowContext(ctx, `PRAGMA wal_autocheckpoint`).Scan(&ckpt); err != nil {
				t.Fatal(err)
			}
			if size != tt.want || ckpt*size != walCheckpointBytes {
				t.Errorf("page size %d, checkpoint every %d pages; want %d and %d bytes", size, ckpt, tt.want, walCheckpointBytes)
			}
			if headerPageSize(path) != tt.want {
				t.Errorf("header states %d, want %d", headerPageSize(path), tt.want)
			}
		})
	}
}

// TestCacheBytes checks the page caches a store's connections get: the
// writer's from CacheBytes (64 MiB by default), the readers' 8 MiB unless
// CacheBytes asks for less, then a quarter of it.
func TestCacheBytes(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		cache              int
		writerKiB, readKiB int
	}{
		{cache: 0, writerKiB: 64 << 10, readKiB: 8 << 10},
		{cache: 16 << 20, writerKiB: 16 << 10, readKiB: 4 << 10},
		{cache: 256 << 20, writerKiB: 256 << 10, readKiB: 8 << 10},
		{cache: 1 << 20, writerKiB: 1 << 10, readKiB: 1 << 10},
	} {
		s, err := OpenWith(ctx, filepath.Join(t.TempDir(), "c.db"), Options{CacheBytes: tc.cache})
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range []struct {
			name string
			db   *sql.DB
			want int
		}{{"writer", s.w, tc.writerKiB}, {"reader", s.db, tc.readKiB}} {
			var got int
			if err := c.db.QueryRowContext(ctx, `PRAGMA cache_size`).Scan(&got); err != nil {
				t.Fatal(err)
			}
			if got != -c.want {
				t.Errorf("CacheBytes %d: %s cache_size %d, want %d", tc.cache, c.name, got, -c.want)
			}
		}
		s.Close()
	}
}
