package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestProblemsPrintedOnce checks that each skipped input and each missing
// argument is printed once, with its file and line, and that the other
// inputs still go in.
func TestProblemsPrintedOnce(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"feed.jsonl": `{"id":"ok","title":"Bridge reopens","text":"The harbour bridge reopened on Monday after repairs."}` + "\n" + `{"id":"cut","text":"trunc`,
		"bin.txt":    "\x00\x01binary",
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	missing := filepath.Join(dir, "missing.txt")
	code, _, errs := run(t, "ingest", "-q", "--db", filepath.Join(t.TempDir(), "x.db"), missing, dir)
	if code != ExitFailure {
		t.Errorf("exit %d, want %d", code, ExitFailure)
	}
	for _, want := range []string{"feed.jsonl:2: invalid JSON", "bin.txt:1: binary", "missing.txt: no such file"} {
		if n := strings.Count(errs, want); n != 1 {
			t.Errorf("%q printed %d times:\n%s", want, n, errs)
		}
	}
	if !strings.Contains(errs, "1 added") {
		t.Errorf("the good record was not added:\n%s", errs)
	}
}
