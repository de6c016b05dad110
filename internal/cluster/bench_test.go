package cluster

import (
	"testing"

	"github.com/parallax-news/parallax/internal/synth"
)

// synthDocs returns n synthetic articles as clusterer input.
func synthDocs(b *testing.B, n int) []Doc {
	cfg := synth.DefaultConfig()
	cfg.Articles = n
	var docs []Doc
	err := synth.Generate(cfg, func(a synth.Article) error {
		docs = append(docs, Doc{ID: int64(len(docs) + 1), Title: a.Title, Text: a.Text, Published: a.Published})
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	return docs
}

// BenchmarkAddBatch measures clustering throughput on a synthetic corpus
// fed in batches of 2,000 articles, as the pipeline does.
func BenchmarkAddBatch(b *testing.B) {
	docs := synthDocs(b, 10000)
	b.ResetTimer()
	for range b.N {
		c := New(DefaultConfig())
		for i := 0; i < len(docs); i += 2000 {
			c.AddBatch(docs[i:min(i+2000, len(docs))])
		}
	}
	b.ReportMetric(float64(b.N*len(docs))/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkCandidates measures the lookup of candidate stories for one
// article in a clusterer holding 10,000 articles.
func BenchmarkCandidates(b *testing.B) {
	docs := synthDocs(b, 10500)
	c := New(DefaultConfig())
	for i := 0; i < 10000; i += 2000 {
		c.AddBatch(docs[i : i+2000])
	}
	items := c.vectorize(docs[10000:])
	sc := c.newScratch()
	b.ResetTimer()
	for i := range b.N {
		c.candidatesOf(items[i%len(items)].top, items[i%len(items)].when(), 0, sc)
	}
}

// BenchmarkCount measures the counting of clustering features, one
// goroutine, over 2,000 synthetic articles per iteration.
func BenchmarkCount(b *testing.B) {
	docs := synthDocs(b, 2000)
	ct := newCounter(&Config{})
	cfg := DefaultConfig()
	ct.cfg = &cfg
	b.ReportAllocs()
	for b.Loop() {
		for i := range docs {
			ct.count(&docs[i])
		}
	}
}
