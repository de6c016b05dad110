package cli

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/storage/postgres/pgtest"
)

// TestEnqueueAndWorker ingests the examples through the queue and a
// worker, and in one process: the listings and exports are the same.
func TestEnqueueAndWorker(t *testing.T) {
	pg := pgtest.DSN(t)
	file := filepath.Join(t.TempDir(), "p.db")
	if code, _, errs := run(t, "ingest", "-q", "--db", file, "../../examples"); code != 0 {
		t.Fatalf("ingest: exit %d: %s", code, errs)
	}
	code, _, errs := run(t, "ingest", "--enqueue", "--db", pg, "../../examples")
	if code != 0 || !strings.Contains(errs, "queued") {
		t.Fatalf("ingest --enqueue: exit %d: %s", code, errs)
	}
	if code, _, errs := run(t, "worker", "--drain", "--jobs", "2", "--db", pg); code != 0 {
		t.Fatalf("worker --drain: exit %d: %s", code, errs)
	}
	// Queued again and waited for: nothing new, every job done.
	code, _, errs = run(t, "ingest", "--enqueue", "--db", pg, "../../examples")
	if code != 0 {
		t.Fatalf("second ingest --enqueue: exit %d: %s", code, errs)
	}
	if code, _, errs := run(t, "worker", "--drain", "--db", pg); code != 0 {
		t.Fatalf("second worker --drain: exit %d: %s", code, errs)
	}
	for _, args := range [][]string{{"stories"}, {"export", "assignments"}, {"export", "articles"}, {"export", "claims"}} {
		_, want, _ := run(t, append(args, "--db", file)...)
		code, got, errs := run(t, append(args, "--db", pg)...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errs)
		}
		if got != want || len(want) < 20 {
			t.Errorf("%v differs:\none process:\n%s\nworker:\n%s", args, clipOutput(want), clipOutput(got))
		}
	}
	// SQLite has no queue.
	if code, _, errs := run(t, "ingest", "--enqueue", "--db", file, "../../examples"); code != ExitUsage || !strings.Contains(errs, "PostgreSQL") {
		t.Errorf("ingest --enqueue on SQLite: exit %d: %s", code, errs)
	}
	if code, _, _ := run(t, "worker", "--db", file); code != ExitUsage {
		t.Errorf("worker on SQLite: exit %d, want %d", code, ExitUsage)
	}
}
