package extract

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestRealPagesExport extracts every page of the shared extraction
// evaluation (../shared/eval/extraction/pages) and writes one JSON line a
// page, {"id", "title", "text", "removed", "author", "site", "language",
// "url", "published"} (removed: the lines the cleaning dropped; published in
// RFC 3339, "" when unknown), to the file named by PARALLAX_EXTRACT_EXPORT:
// the
// input of the evaluation's score.py, without an ingest and an export. It
// skips when the variable is unset.
func TestRealPagesExport(t *testing.T) {
	out := os.Getenv("PARALLAX_EXTRACT_EXPORT")
	if out == "" {
		t.Skip("PARALLAX_EXTRACT_EXPORT not set")
	}
	files, _ := filepath.Glob("../../../shared/eval/extraction/pages/*.html.gz")
	if len(files) == 0 {
		t.Skip("../../../shared/eval/extraction/pages not present")
	}
	results := make([]Result, len(files))
	var wg sync.WaitGroup
	next := make(chan int)
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				page, err := readEvalPage(files[i])
				if err != nil {
					t.Error(err)
					continue
				}
				res, err := HTMLContext(context.Background(), page, "")
				if err == nil {
					results[i] = res
				}
			}
		}()
	}
	for i := range files {
		next <- i
	}
	close(next)
	wg.Wait()
	f, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	enc := json.NewEncoder(f)
	for i, name := range files {
		id := strings.TrimSuffix(filepath.Base(name), ".html.gz")
		res := results[i]
		var published string
		if !res.Published.IsZero() {
			published = res.Published.Format(time.RFC3339)
		}
		line := map[string]any{"id": id, "title": res.Title, "text": res.Text, "removed": res.Removed,
			"author": res.Author, "site": res.SiteName, "language": res.Language, "url": res.URL, "published": published}
		if err := enc.Encode(line); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}
