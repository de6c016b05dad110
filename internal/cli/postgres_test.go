package cli

import (
	"path/filepath"
	"testing"

	"github.com/parallax-news/parallax/internal/storage/postgres/pgtest"
)

// TestPostgresSameResults runs the same commands on a SQLite file and on a
// PostgreSQL schema: every listing and export must be the same.
func TestPostgresSameResults(t *testing.T) {
	pg := pgtest.DSN(t)
	file := filepath.Join(t.TempDir(), "p.db")
	for _, db := range []string{file, pg} {
		if code, _, errs := run(t, "ingest", "-q", "--db", db, "../../examples"); code != 0 {
			t.Fatalf("ingest --db %s: exit %d: %s", db, code, errs)
		}
	}
	// A second ingest adds nothing to either store.
	if code, _, errs := run(t, "ingest", "-q", "--db", pg, "../../examples"); code != 0 {
		t.Fatalf("second ingest: exit %d: %s", code, errs)
	}
	for _, args := range [][]string{
		{"stories"}, {"threads"}, {"story", "1"}, {"entities"}, {"quotes"}, {"claims"},
		{"export", "assignments"}, {"export", "articles"}, {"export", "entities"}, {"export", "quotes"}, {"export", "claims"},
	} {
		code, want, errs := run(t, append(args, "--db", file)...)
		if code != 0 {
			t.Fatalf("%v on SQLite: exit %d: %s", args, code, errs)
		}
		code, got, errs := run(t, append(args, "--db", pg)...)
		if code != 0 {
			t.Fatalf("%v on PostgreSQL: exit %d: %s", args, code, errs)
		}
		if got != want {
			t.Errorf("%v differs between the stores:\nSQLite:\n%s\nPostgreSQL:\n%s", args, clipOutput(want), clipOutput(got))
		}
		if len(want) < 20 {
			t.Errorf("%v printed almost nothing: %q", args, want)
		}
	}
	if code, out, errs := run(t, "check", "--db", pg); code != 0 {
		t.Errorf("check --db postgres: exit %d: %s %s", code, out, errs)
	}
}

func clipOutput(s string) string {
	if len(s) > 2000 {
		return s[:2000] + "…"
	}
	return s
}
