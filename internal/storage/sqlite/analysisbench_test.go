package sqlite

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/parallax-news/parallax/internal/cputime"
	"github.com/parallax-news/parallax/internal/model"
	"github.com/parallax-news/parallax/internal/storage"
)

// benchAnalysis returns an analysis of article id with nq quotes and ns
// stances of about the size the bench corpus gives: four speakers and
// holders an article, and two quotes in five of no known speaker.
func benchAnalysis(id int64, nq, ns int) storage.Analysis {
	a := storage.Analysis{Analysis: model.Analysis{ArticleID: id}}
	people := []string{"Dana Holt", "Valley Water Board", "Ines Marrow", "Port Authority"}
	for i := range nq {
		sp := model.Span{Start: 100 * i, End: 100*i + 80}
		who := people[i%len(people)]
		a.Quotes = append(a.Quotes, model.Quote{ArticleID: id, Span: sp,
			Text: fmt.Sprintf("We will keep the river crossing open for as long as the water allows it, number %d", i), Kind: model.Direct,
			Speaker: who, SpeakerMention: who, Cue: "said"})
		a.QuoteChars = append(a.QuoteChars, sp)
		if i%5 < 2 {
			who = ""
		}
		a.SpeakerKeys = append(a.SpeakerKeys, who)
	}
	for i := range ns {
		sp := model.Span{Start: 90 * i, End: 90*i + 60}
		who := people[i%len(people)]
		a.Stances = append(a.Stances, model.StanceMention{ArticleID: id, Span: sp,
			Holder: who, Stance: model.Assert, Text: fmt.Sprintf("the board said the crossing would stay open through week %d", i),
			Proposition: fmt.Sprintf("the crossing would stay open through week %d", i)})
		a.StanceChars = append(a.StanceChars, sp)
		a.HolderKeys = append(a.HolderKeys, who)
	}
	return a
}

// BenchmarkCommitAnalysis commits batches of 500 new articles with their
// analyses (10 quotes and 8 stances each, as on the bench corpus): what
// the commit writes of an analysis, its rows and their search index. It
// reports the process's CPU time an operation besides the time, since
// the commit's statements wait on the disk as well.
func BenchmarkCommitAnalysis(b *testing.B) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	const batch = 500
	id := int64(0)
	cpu0 := cputime.Process()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		arts := make([]*model.Article, batch)
		as := make([]storage.Analysis, batch)
		for j := range arts {
			id++
			arts[j] = &model.Article{ID: id, ExternalID: fmt.Sprintf("e%d", id), Hash: "h", Text: "Short text.", StoryID: id/3 + 1}
			as[j] = benchAnalysis(id, 10, 8)
		}
		if err := s.Commit(ctx, &storage.Batch{Articles: arts, Analysis: as}); err != nil {
			b.Fatal(err)
		}
	}
	if cpu := cputime.Process(); cpu > 0 {
		b.ReportMetric(float64(cpu-cpu0)/float64(b.N), "cpu-ns/op")
	}
	b.ReportMetric(float64(b.N*batch)/b.Elapsed().Seconds(), "articles/s")
}
