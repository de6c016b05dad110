package analyze

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/model"
)

var updateVersion = flag.Bool("update-version", false, "record the analysis output hash for a bumped version")

// versionFile records the analysis version and the hash of what it finds in
// testdata/version/*.txt.
const versionFile = "testdata/version.golden"

// outputHash analyses every text in testdata/version and hashes the results.
func outputHash(t *testing.T) string {
	t.Helper()
	files, err := filepath.Glob("testdata/version/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no texts in testdata/version: %v", err)
	}
	sort.Strings(files)
	a := New()
	h := sha256.New()
	for i, fn := range files {
		b, err := os.ReadFile(fn)
		if err != nil {
			t.Fatal(err)
		}
		an := a.Analyze(&model.Article{ID: int64(i + 1), Text: string(b)})
		out, err := json.Marshal(an)
		if err != nil {
			t.Fatal(err)
		}
		h.Write([]byte(filepath.Base(fn) + "\n"))
		h.Write(out)
		h.Write([]byte("\n"))
	}
	return hex.EncodeToString(h.Sum(nil))
}

// TestVersionTracksOutput fails when the analysis output on the fixed texts
// changes while the version constant stays the same, so that stored
// analyses are never kept under a version that no longer describes them.
// After a bump, record the new output with
//
//	go test ./internal/analyze -run TestVersionTracksOutput -update-version
func TestVersionTracksOutput(t *testing.T) {
	got := outputHash(t)
	b, err := os.ReadFile(versionFile)
	if err != nil {
		t.Fatalf("read %s: %v", versionFile, err)
	}
	fields := strings.Fields(string(b))
	if len(fields) != 2 {
		t.Fatalf("%s: want \"VERSION HASH\", got %q", versionFile, b)
	}
	recVersion, recHash := fields[0], fields[1]
	switch {
	case recVersion == version && recHash == got:
		return
	case recVersion == version:
		t.Fatalf("the analysis output changed (hash %s, recorded %s) but the version is still %q: "+
			"bump version in analyze.go, then run this test with -update-version", got, recHash, version)
	case recHash == got:
		t.Fatalf("version %q was bumped from %q but the output did not change: revert the bump", version, recVersion)
	case !*updateVersion:
		t.Fatalf("version bumped to %q: record its output with -update-version", version)
	}
	if err := os.WriteFile(versionFile, []byte(version+" "+got+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("recorded %s %s", version, got)
}
