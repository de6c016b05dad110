package postgres_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/parallax-news/parallax/internal/model"
	"github.com/parallax-news/parallax/internal/storage"
	"github.com/parallax-news/parallax/internal/storage/postgres"
	"github.com/parallax-news/parallax/internal/storage/postgres/pgtest"
)

// BenchmarkCommit commits batches of 1,000 articles of about 2.5 kB, as
// the SQLite store's BenchmarkCommit does.
func BenchmarkCommit(b *testing.B) {
	ctx := context.Background()
	s, err := postgres.Open(ctx, pgtest.DSN(b))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	text := "A paragraph of article text that is about as long as a real one. " + "More words follow here to make the body a couple of kilobytes long. "
	for len(text) < 2500 {
		text += text
	}
	const batch = 1000
	id := int64(0)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		arts := make([]*model.Article, batch)
		for j := range arts {
			id++
			arts[j] = &model.Article{ID: id, ExternalID: fmt.Sprintf("e%d", id), Hash: "h", Text: text, StoryID: id/3 + 1}
		}
		if err := s.Commit(ctx, &storage.Batch{Articles: arts}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N*batch)/b.Elapsed().Seconds(), "articles/s")
}
