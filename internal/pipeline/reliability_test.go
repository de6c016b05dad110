package pipeline_test

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/hostile"
	"github.com/parallax-news/parallax/internal/model"
	"github.com/parallax-news/parallax/internal/pipeline"
	"github.com/parallax-news/parallax/internal/source"
	"github.com/parallax-news/parallax/internal/storage"
)

func writeAll(t *testing.T, dir string, files map[string][]byte) {
	t.Helper()
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// find returns the problem about the file called base, or nil.
func find(errs []*source.Error, base string) *source.Error {
	for _, e := range errs {
		if strings.HasPrefix(filepath.Base(e.Path), base) {
			return e
		}
	}
	return nil
}

// TestHostileInputsDoNotStopTheRun ingests, in one run, pages and files
// built to exhaust the extractor next to a good article and a missing
// argument: every one ends with a warning or an error naming its file, and
// the good article is stored.
func TestHostileInputsDoNotStopTheRun(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	writeAll(t, dir, map[string][]byte{
		"deep.html":     hostile.NestedDivs(100_000),
		"nested.html":   hostile.NestedDivs(10_000),
		"long.html":     hostile.ManyParagraphs(200_000),
		"bomb.jsonl.gz": hostile.GzipRepeat([]byte("\n"), 256<<20),
		"lines.txt":     []byte(strings.Repeat("a short line\n", 300_000)),
		"good.txt": []byte("Harbour bridge reopens after repairs\n\nThe harbour bridge reopened on Monday " +
			"after three months of repairs, the city council said. Traffic was light in the morning."),
	})
	st := openStore(t)
	p, err := pipeline.Open(ctx, st, pipeline.Options{BatchSize: 2})
	if err != nil {
		t.Fatal(err)
	}
	rep, err := p.Ingest(ctx, []string{filepath.Join(dir, "missing"), dir})
	if err != nil {
		t.Fatal(err)
	}
	for base, want := range map[string]string{"deep.html": "without layout analysis", "long.html": "without layout analysis", "nested.html": "flattened", "lines.txt": "only the first 100000 of its"} {
		w := find(rep.Warnings, base)
		if w == nil || !slices.ContainsFunc(strings.Split(want, "|"), func(s string) bool { return strings.Contains(w.Error(), s) }) {
			t.Errorf("warning for %s = %v, want one saying %q", base, w, want)
		}
	}
	for base, want := range map[string]string{"bomb.jsonl.gz": "compression bomb", "missing": "no such file"} {
		if e := find(rep.Errors, base); e == nil || !strings.Contains(e.Error(), want) {
			t.Errorf("error for %s = %v, want one saying %q", base, e, want)
		}
	}
	stored := map[string]bool{}
	if err := st.Articles(ctx, storage.ArticleFilter{}, func(a *model.Article) error {
		stored[a.ExternalID] = true
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"good", "deep", "nested", "long", "lines"} {
		if !stored[id] {
			t.Errorf("%s not stored (stored: %v)", id, stored)
		}
	}
}

// TestDuplicateIDs checks that ids are strings with numbers in canonical
// form, and that an id met twice in a run is reported with both places.
func TestDuplicateIDs(t *testing.T) {
	dir := t.TempDir()
	body := `"text":"The harbour bridge reopened on Monday after three months of repairs."`
	writeAll(t, dir, map[string][]byte{
		"a.jsonl": []byte(`{"id":12,` + body + "}\n" + `{"id":12.5,` + body + "}\n"),
		"b.json":  []byte(`[{"id":"12",` + body + `},` + "\n" + `{"id":1.2e1,` + body + `}]`),
	})
	st := openStore(t)
	rep := ingest(t, st, dir)
	if rep.Added != 2 || len(rep.Warnings) != 2 {
		t.Fatalf("added %d, warnings %v; want 2 added and 2 warnings", rep.Added, rep.Warnings)
	}
	a := filepath.Join(dir, "a.jsonl")
	for i, place := range []string{filepath.Join(dir, "b.json") + ":1", filepath.Join(dir, "b.json") + ":2"} {
		w := rep.Warnings[i].Error()
		if !strings.HasPrefix(w, place+": duplicate id \"12\"") || !strings.Contains(w, "first at "+a+":1") {
			t.Errorf("warning %q, want it at %s naming %s:1", w, place, a)
		}
	}
}
