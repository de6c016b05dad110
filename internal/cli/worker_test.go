package cli

import (
	"fmt"
	"path/filepath"
	"slices"
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

// TestWatchEnqueue polls sources with watch --enqueue on a PostgreSQL
// store and lets a worker store the pages: the same articles as watch
// ingesting in its own process, each page fetched once.
func TestWatchEnqueue(t *testing.T) {
	o := newFakeOutlet(t)
	pg := pgtest.DSN(t)
	net := []string{"--delay", "0", "--allow-private"}
	run(t, append(append([]string{"sources", "add", "--db", pg}, net...), o.URL+"/", o.URL+"/atom", o.URL+"/sitemap-news.xml")...)
	code, _, stderr := run(t, append([]string{"watch", "--once", "--enqueue", "--db", pg}, net...)...)
	if code != 0 || !strings.Contains(stderr, "polled 3 sources: 5 new items, 4 queued for the workers, 1 failed") {
		t.Fatalf("watch --enqueue: code %d\n%s", code, stderr)
	}
	if code, _, errs := run(t, "worker", "--drain", "--db", pg); code != 0 {
		t.Fatalf("worker --drain: exit %d: %s", code, errs)
	}
	_, out, _ := run(t, "export", "articles", "--db", pg)
	var ids []string
	for _, l := range jsonLines(t, out) {
		ids = append(ids, fmt.Sprint(l["id"]))
		if l["story"] == nil || fmt.Sprint(l["story"]) == "0" {
			t.Errorf("article without a story: %v", l)
		}
	}
	slices.Sort(ids)
	want := []string{o.URL + "/a/museum", o.URL + "/a/tram", o.URL + "/b/harbour", o.URL + "/c/bridge"}
	if !slices.Equal(ids, want) {
		t.Errorf("stored %v, want %v", ids, want)
	}
	run(t, "sources", "retry", "--db", pg)
	code, _, stderr = run(t, append([]string{"watch", "--once", "--enqueue", "--db", pg}, net...)...)
	if code != 0 || !strings.Contains(stderr, "polled 3 sources: 0 new items") {
		t.Fatalf("second round: code %d\n%s", code, stderr)
	}
	for _, p := range []string{"/a/tram", "/a/museum", "/b/harbour", "/c/bridge"} {
		if n := o.count(p); n != 1 {
			t.Errorf("%s fetched %d times, want 1", p, n)
		}
	}
}
