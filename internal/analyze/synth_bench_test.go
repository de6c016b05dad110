package analyze

import (
	"testing"

	"github.com/parallax-news/parallax/internal/model"
	"github.com/parallax-news/parallax/internal/synth"
)

// synthArticles returns the first n articles of the bench's generated
// corpus.
func synthArticles(tb testing.TB, n int) []*model.Article {
	tb.Helper()
	cfg := synth.DefaultConfig()
	cfg.Articles = n
	var arts []*model.Article
	if err := synth.Generate(cfg, func(a synth.Article) error {
		arts = append(arts, &model.Article{ID: int64(len(arts) + 1), Title: a.Title, Text: a.Text, Outlet: a.Outlet})
		return nil
	}); err != nil {
		tb.Fatal(err)
	}
	return arts
}

// BenchmarkDocumentSynth analyses the articles of the bench's generated
// corpus one after another, as the pipeline's workers do: the cost of
// analysis per article of `parallax bench`.
//
//	go test -run '^$' -bench DocumentSynth -cpu 1 ./internal/analyze/
func BenchmarkDocumentSynth(b *testing.B) {
	an := New()
	benchSynth(b, func(a *model.Article) { an.Document(a) })
}

// BenchmarkAnalyzeSynth is BenchmarkDocumentSynth through Analyze, which
// the pipeline calls: its working memory is reused from one article to
// the next.
//
//	go test -run '^$' -bench AnalyzeSynth -cpu 1 ./internal/analyze/
func BenchmarkAnalyzeSynth(b *testing.B) {
	an := New()
	benchSynth(b, func(a *model.Article) { an.Analyze(a) })
}

// benchSynth runs analyze over 2,000 of the bench's generated articles in
// turn, reporting bytes an article and allocations.
func benchSynth(b *testing.B, analyze func(*model.Article)) {
	arts := synthArticles(b, 2000)
	var bytes int64
	for _, a := range arts {
		bytes += int64(len(a.Text))
	}
	b.SetBytes(bytes / int64(len(arts)))
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		analyze(arts[i%len(arts)])
		i++
	}
}
