package compare

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/model"
	"github.com/parallax-news/parallax/internal/outlet"
)

var updateVersion = flag.Bool("update-version", false, "record the comparison output hash for a bumped version")

// versionFile records the comparison version and the hash of its output on
// the stories in testdata/version.
const versionFile = "testdata/version.golden"

// versionStory is a story with its articles analysed once, kept as JSON so
// that the hash follows the comparison code, not the analysis.
type versionStory struct {
	Story model.Story  `json:"story"`
	Docs  []versionDoc `json:"docs"`
}

type versionDoc struct {
	Article  *model.Article  `json:"article"`
	Analysis *model.Analysis `json:"analysis"`
}

// comparisonHash compares every story in testdata/version and hashes the
// results.
func comparisonHash(t *testing.T) string {
	t.Helper()
	files, err := filepath.Glob("testdata/version/*.json")
	if err != nil || len(files) == 0 {
		t.Fatalf("no stories in testdata/version: %v", err)
	}
	sort.Strings(files)
	reg := outlet.New([]model.Outlet{{Name: "Wire Service", Domains: []string{"wire.example"}, Country: "XX"}})
	h := sha256.New()
	for _, fn := range files {
		b, err := os.ReadFile(fn)
		if err != nil {
			t.Fatal(err)
		}
		var vs versionStory
		if err := json.Unmarshal(b, &vs); err != nil {
			t.Fatalf("%s: %v", fn, err)
		}
		var docs []Doc
		for _, d := range vs.Docs {
			docs = append(docs, Doc{Article: d.Article, Analysis: d.Analysis})
		}
		c, err := Compare(context.Background(), vs.Story, docs, Options{Outlets: reg})
		if err != nil {
			t.Fatalf("%s: %v", fn, err)
		}
		out, err := json.Marshal(c)
		if err != nil {
			t.Fatal(err)
		}
		h.Write([]byte(filepath.Base(fn) + "\n"))
		h.Write(out)
		h.Write([]byte("\n"))
	}
	return hex.EncodeToString(h.Sum(nil))
}

// TestVersionTracksOutput fails when the comparison output on the fixed
// stories changes while the version constant stays the same, so that
// stored comparisons are never kept under a version that no longer
// describes them. After a bump, record the new output with
//
//	go test ./internal/compare -run TestVersionTracksOutput -update-version
func TestVersionTracksOutput(t *testing.T) {
	got := comparisonHash(t)
	b, err := os.ReadFile(versionFile)
	if err != nil && !*updateVersion {
		t.Fatalf("read %s: %v", versionFile, err)
	}
	fields := strings.Fields(string(b))
	if len(fields) != 2 && !*updateVersion {
		t.Fatalf("%s: want \"VERSION HASH\", got %q", versionFile, b)
	}
	var recVersion, recHash string
	if len(fields) == 2 {
		recVersion, recHash = fields[0], fields[1]
	}
	switch {
	case recVersion == version && recHash == got:
		return
	case recVersion == version:
		t.Fatalf("the comparison output changed (hash %s, recorded %s) but the version is still %q: "+
			"bump version in version.go, then run this test with -update-version", got, recHash, version)
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

// TestFingerprint checks that the fingerprint changes with every input a
// comparison reads, and not with the order articles come in.
func TestFingerprint(t *testing.T) {
	day := time.Date(2024, 3, 2, 9, 0, 0, 0, time.UTC)
	story := model.Story{ID: 7, Headline: "Dam opens", First: day}
	arts := func() []*model.Article {
		return []*model.Article{
			{ID: 1, ExternalID: "a", Title: "Dam opens", Text: "The dam opened on Monday.", Outlet: "North Post", URL: "https://north.example/a", Published: day},
			{ID: 2, ExternalID: "b", Text: "The dam opened on Monday, officials said.", Outlet: "South Wire", DuplicateOf: 1},
		}
	}
	basis := Basis("analyze-1", nil)
	base := Fingerprint(basis, story, arts())
	if got := Fingerprint(basis, story, []*model.Article{arts()[1], arts()[0]}); got != base {
		t.Errorf("article order changed the fingerprint")
	}
	reg := outlet.New([]model.Outlet{{Name: "North Post", Domains: []string{"north.example"}}})
	changes := []struct {
		name string
		fp   func() string
	}{
		{"analysis version", func() string { return Fingerprint(Basis("analyze-2", nil), story, arts()) }},
		{"outlet registry", func() string { return Fingerprint(Basis("analyze-1", reg), story, arts()) }},
		{"story headline", func() string { s := story; s.Headline = "Dam shut"; return Fingerprint(basis, s, arts()) }},
		{"story first date", func() string { s := story; s.First = day.Add(time.Hour); return Fingerprint(basis, s, arts()) }},
		{"article added", func() string {
			return Fingerprint(basis, story, append(arts(), &model.Article{ID: 3, ExternalID: "c", Text: "x"}))
		}},
		{"article moved out", func() string { return Fingerprint(basis, story, arts()[:1]) }},
		{"text", func() string { a := arts(); a[0].Text += " More."; return Fingerprint(basis, story, a) }},
		{"title", func() string { a := arts(); a[1].Title = "Dam"; return Fingerprint(basis, story, a) }},
		{"published", func() string { a := arts(); a[1].Published = day; return Fingerprint(basis, story, a) }},
		{"near-copy mark", func() string { a := arts(); a[1].DuplicateOf = 0; return Fingerprint(basis, story, a) }},
		{"outlet", func() string { a := arts(); a[1].Outlet = "East Times"; return Fingerprint(basis, story, a) }},
		{"url", func() string { a := arts(); a[1].URL = "https://south.example/b"; return Fingerprint(basis, story, a) }},
		{"fields run together", func() string {
			a := arts()
			a[0].Title, a[0].Text = "Dam opens The", "dam opened on Monday."
			return Fingerprint(basis, story, a)
		}},
	}
	seen := map[string]string{base: "base"}
	for _, c := range changes {
		fp := c.fp()
		if prev, ok := seen[fp]; ok {
			t.Errorf("%s: fingerprint %s same as %s", c.name, fp, prev)
		}
		seen[fp] = c.name
	}
}
