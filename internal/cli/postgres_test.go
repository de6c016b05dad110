package cli

import (
	"path/filepath"
	"strings"
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

// readOuts runs the read commands on db and returns their outputs.
func readOuts(t *testing.T, db string) map[string]string {
	t.Helper()
	outs := map[string]string{}
	for _, args := range [][]string{
		{"stories"}, {"threads"}, {"entities"}, {"quotes"}, {"claims"},
		{"export", "assignments"}, {"export", "articles"}, {"export", "entities"}, {"export", "quotes"}, {"export", "claims"},
	} {
		code, out, errs := run(t, append(args, "--db", db)...)
		if code != 0 {
			t.Fatalf("%v --db %s: exit %d: %s", args, db, code, errs)
		}
		outs[strings.Join(args, " ")] = out
	}
	return outs
}

func TestMigrateThereAndBack(t *testing.T) {
	dir := t.TempDir()
	file, back := filepath.Join(dir, "a.db"), filepath.Join(dir, "back.db")
	pg := pgtest.DSN(t)
	if code, _, errs := run(t, "ingest", "-q", "--db", file, "../../examples"); code != 0 {
		t.Fatalf("ingest: exit %d: %s", code, errs)
	}
	want := readOuts(t, file)
	for _, step := range [][2]string{{file, pg}, {pg, back}} {
		code, out, errs := run(t, "migrate", "-q", "--from", step[0], "--to", step[1])
		if code != 0 || !strings.HasPrefix(out, "copied ") {
			t.Fatalf("migrate %s → %s: exit %d: %s %s", step[0], step[1], code, out, errs)
		}
		got := readOuts(t, step[1])
		for k, w := range want {
			if got[k] != w {
				t.Errorf("%s after migrating to %s differs:\nwant\n%s\ngot\n%s", k, step[1], clipOutput(w), clipOutput(got[k]))
			}
		}
	}
	// Ingesting the same files into the copy again changes nothing.
	if code, _, errs := run(t, "ingest", "-q", "--db", pg, "../../examples"); code != 0 {
		t.Fatalf("ingest into the copy: exit %d: %s", code, errs)
	}
	if got := readOuts(t, pg)["export assignments"]; got != want["export assignments"] {
		t.Errorf("re-ingesting into the copy changed it:\n%s", clipOutput(got))
	}
	// A target that is not empty is refused.
	if code, _, errs := run(t, "migrate", "-q", "--from", file, "--to", back); code == 0 || !strings.Contains(errs, "not empty") {
		t.Errorf("migrate into a non-empty store: exit %d: %s", code, errs)
	}
}
