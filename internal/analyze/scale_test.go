package analyze

import (
	"strconv"
	"testing"

	"github.com/parallax-news/parallax/internal/analyze/claim"
	"github.com/parallax-news/parallax/internal/analyze/entity"
	"github.com/parallax-news/parallax/internal/analyze/quote"
	"github.com/parallax-news/parallax/internal/analyze/sentence"
	"github.com/parallax-news/parallax/internal/hostile"
	"github.com/parallax-news/parallax/internal/model"
)

// BenchmarkStages runs each analysis stage on one generated document of
// 1, 2, 4 and 8 MB: the time per byte (MB/s) stays flat when the stage is
// linear in the size of the document.
//
//	go test -run '^$' -bench Stages -benchtime 3x ./internal/analyze/
func BenchmarkStages(b *testing.B) {
	rec := entity.NewRecognizer()
	stages := []struct {
		name string
		run  func(text string, sents []model.Span, ms []model.Mention)
	}{
		{"sentence", func(text string, _ []model.Span, _ []model.Mention) { sentence.Split(text) }},
		{"entity", func(text string, sents []model.Span, _ []model.Mention) { rec.Find(text, sents) }},
		{"quote", func(text string, sents []model.Span, ms []model.Mention) { quote.Find(text, sents, ms) }},
		{"claim", func(text string, sents []model.Span, ms []model.Mention) { claim.Find(text, sents, ms) }},
		{"all", func(text string, _ []model.Span, _ []model.Mention) {
			New().Analyze(&model.Article{Text: text})
		}},
	}
	for _, mb := range []int{1, 2, 4, 8} {
		text := string(hostile.Prose(mb << 20))
		sents := sentence.Split(text)
		ms := rec.Find(text, sents)
		for _, st := range stages {
			if st.name == "all" && mb<<20 > MaxTextBytes {
				continue // an article past MaxTextBytes is analysed only up to it
			}
			b.Run(st.name+"/"+strconv.Itoa(mb)+"MB", func(b *testing.B) {
				b.SetBytes(int64(len(text)))
				for b.Loop() {
					st.run(text, sents, ms)
				}
			})
		}
	}
}
