package open

import (
	"context"
	"errors"
	"path/filepath"
	"testing"

	"github.com/parallax-news/parallax/internal/storage"
	"github.com/parallax-news/parallax/internal/storage/postgres"
	"github.com/parallax-news/parallax/internal/storage/postgres/pgtest"
	"github.com/parallax-news/parallax/internal/storage/sqlite"
)

func TestDefault(t *testing.T) {
	t.Setenv(EnvDB, "")
	if got := Default(); got != DefaultDB {
		t.Errorf("Default() = %q, want %q", got, DefaultDB)
	}
	t.Setenv(EnvDB, "postgres://h/db")
	if got := Default(); got != "postgres://h/db" {
		t.Errorf("Default() with %s set = %q", EnvDB, got)
	}
}

func TestOpenChoosesTheStore(t *testing.T) {
	ctx := context.Background()
	file := filepath.Join(t.TempDir(), "x.db")
	s, err := Open(ctx, file, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := s.(*sqlite.Store); !ok {
		t.Errorf("a file path opened a %T", s)
	}
	s.Close()
	if _, err := Open(ctx, filepath.Join(t.TempDir(), "missing.db"), Options{ReadOnly: true}); !errors.Is(err, storage.ErrNoStore) {
		t.Errorf("reading a missing file: err = %v, want ErrNoStore", err)
	}
	dsn := pgtest.DSN(t)
	p, err := Open(ctx, dsn, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	if _, ok := p.(*postgres.Store); !ok {
		t.Errorf("%s opened a %T", dsn, p)
	}
	if problems, err := p.Check(ctx); err != nil || len(problems) != 0 {
		t.Errorf("Check on a new store = %v, %v", problems, err)
	}
}
