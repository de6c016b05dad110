package cli

import (
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
)

func TestReprocessCommand(t *testing.T) {
	var hits atomic.Int64
	s := newsSite(t, &hits)
	defer s.Close()
	dir := t.TempDir()
	db := filepath.Join(dir, "r.db")
	if code, _, stderr := run(t, "fetch", "--db", db, "--delay", "0", "--allow-private", s.URL+"/news/ferry", s.URL+"/news/market"); code != 0 {
		t.Fatalf("fetch: %d\n%s", code, stderr)
	}
	// A plain-text article has no raw page; an HTML file has one.
	os.WriteFile(filepath.Join(dir, "note.txt"), []byte("Council meets\n\nThe council meets on Monday to vote on the harbour budget.\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "page.html"), []byte(`<html><head><title>Bridge reopens</title></head><body><article><h1>Bridge reopens</h1><p>The old bridge reopened to traffic on Sunday after a year of repairs, the city said.</p></article></body></html>`), 0o644)
	if code, _, stderr := run(t, "ingest", "--db", db, filepath.Join(dir, "note.txt"), filepath.Join(dir, "page.html")); code != 0 {
		t.Fatalf("ingest: %d\n%s", code, stderr)
	}
	before := hits.Load()
	code, _, stderr := run(t, "reprocess", "--db", db)
	if code != 0 || !strings.Contains(stderr, "reprocessed 4 articles: 3 with a raw page, 0 changed, 0 failed") {
		t.Errorf("reprocess: code %d\n%s", code, stderr)
	}
	if hits.Load() != before {
		t.Errorf("reprocess made %d requests", hits.Load()-before)
	}
	code, _, stderr = run(t, "reprocess", "--db", db, "--since", "2000-01-01", "--outlet", "nowhere")
	if code != 0 || !strings.Contains(stderr, "reprocessed 0 articles") {
		t.Errorf("reprocess of no outlet: code %d\n%s", code, stderr)
	}
	code, _, stderr = run(t, "reprocess", "--db", db, "1", "4")
	if code != 0 || !strings.Contains(stderr, "reprocessed 2 articles: 2 with a raw page") {
		t.Errorf("reprocess 1 4: code %d\n%s", code, stderr)
	}
	for _, bad := range [][]string{{"--since", "yesterday"}, {"x1"}} {
		if code, _, _ := run(t, append([]string{"reprocess", "--db", db}, bad...)...); code != ExitUsage {
			t.Errorf("reprocess %v: code %d, want %d", bad, code, ExitUsage)
		}
	}
}
