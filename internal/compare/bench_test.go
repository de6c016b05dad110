package compare

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/analyze"
	"github.com/parallax-news/parallax/internal/model"
)

// benchStory builds a story of n articles from the test texts of this
// package and of the date resolver, analysed once.
func benchStory(b *testing.B, n int) []Doc {
	files, _ := filepath.Glob("testdata/dam/*.txt")
	more, _ := filepath.Glob("../analyze/dates/testdata/*/*.txt")
	files = append(files, more...)
	var texts []string
	for _, f := range files {
		bs, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, strings.NewReplacer("[[", "", "]]", "", "|", " ").Replace(string(bs)))
	}
	an := analyze.New()
	docs := make([]Doc, n)
	day := time.Date(2025, 4, 16, 0, 0, 0, 0, time.UTC)
	for i := range docs {
		a := &model.Article{ID: int64(i + 1), ExternalID: fmt.Sprintf("a%03d", i), Outlet: fmt.Sprintf("Outlet %d", i%40),
			Text: texts[i%len(texts)], Published: day.Add(time.Duration(i) * time.Hour)}
		res := an.Analyze(a)
		docs[i] = Doc{Article: a, Analysis: &res}
	}
	return docs
}

// BenchmarkCompare100 compares one story of 100 articles (facts, quotes,
// conflicts, numbers, timeline).
func BenchmarkCompare100(b *testing.B) {
	docs := benchStory(b, 100)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Compare(context.Background(), model.Story{ID: 1}, docs, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAlign100 aligns the clauses of a 100-article story.
func BenchmarkAlign100(b *testing.B) {
	docs := benchStory(b, 100)
	b.ReportAllocs()
	for b.Loop() {
		cp, err := newComparer(model.Story{ID: 1}, docs, Options{})
		if err != nil {
			b.Fatal(err)
		}
		units := cp.clauseUnits()
		w := weights(units, len(cp.feats.ids))
		align(units, w, cp.feats.isEntities(), factThreshold, clauseSim, nil)
	}
}
