package extract

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// evalPages reads up to n of the real web pages of the shared extraction
// evaluation (../shared/eval/extraction/pages); it skips without them.
func evalPages(b *testing.B, n int) [][]byte {
	b.Helper()
	files, _ := filepath.Glob("../../../shared/eval/extraction/pages/*.html.gz")
	if len(files) == 0 {
		b.Skip("../../../shared/eval/extraction/pages not present")
	}
	slices.Sort(files)
	var pages [][]byte
	for _, f := range files[:min(n, len(files))] {
		page, err := readEvalPage(f)
		if err != nil {
			b.Fatal(err)
		}
		pages = append(pages, page)
	}
	return pages
}

// readEvalPage reads one gzip-compressed page of the shared extraction
// evaluation.
func readEvalPage(name string) ([]byte, error) {
	raw, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	zr, err := gzip.NewReader(bytes.NewReader(raw))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	page, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return page, nil
}

// BenchmarkRealPages extracts 300 real web pages of many sites and
// languages, one after the other: pages/s is the rate of one core.
func BenchmarkRealPages(b *testing.B) {
	pages := evalPages(b, 300)
	ctx := context.Background()
	b.ResetTimer()
	for b.Loop() {
		for _, p := range pages {
			HTMLContext(ctx, p, "")
		}
	}
	b.ReportMetric(float64(len(pages)*b.N)/b.Elapsed().Seconds(), "pages/s")
}
