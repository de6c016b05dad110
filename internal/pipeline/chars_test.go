package pipeline

import (
	"slices"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/model"
	"github.com/parallax-news/parallax/internal/storage"
)

func TestAddChars(t *testing.T) {
	// "Zoë" and "Mañara" take one byte more than their characters each
	text := "Zoë Quell said “we will stay”. Mañara Tovin disagreed."
	at := func(s string) model.Span {
		i := strings.Index(text, s)
		return model.Span{Start: i, End: i + len(s)}
	}
	chars := func(start, end int) model.Span { return model.Span{Start: start, End: end} }
	tests := []struct {
		name        string
		quotes      []model.Span
		stances     []model.Span
		wantQuotes  []model.Span
		wantStances []model.Span
	}{
		{name: "none"},
		{
			name:       "quote after a two-byte letter",
			quotes:     []model.Span{at("we will stay")},
			wantQuotes: []model.Span{chars(16, 28)},
		},
		{
			name:        "stances out of order",
			stances:     []model.Span{at("Mañara Tovin"), at("Zoë Quell")},
			wantStances: []model.Span{chars(31, 43), chars(0, 9)},
		},
		{
			name:        "offsets past the text are clamped",
			quotes:      []model.Span{at("Zoë"), {Start: len(text) - 1, End: len(text) + 8}},
			stances:     []model.Span{at("disagreed")},
			wantQuotes:  []model.Span{chars(0, 3), chars(53, 54)},
			wantStances: []model.Span{chars(44, 53)},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out storage.Analysis
			for _, s := range tt.quotes {
				out.Quotes = append(out.Quotes, model.Quote{Span: s})
			}
			for _, s := range tt.stances {
				out.Stances = append(out.Stances, model.StanceMention{Span: s})
			}
			addChars(text, &out)
			if !slices.Equal(out.QuoteChars, tt.wantQuotes) {
				t.Errorf("quote chars %v, want %v", out.QuoteChars, tt.wantQuotes)
			}
			if !slices.Equal(out.StanceChars, tt.wantStances) {
				t.Errorf("stance chars %v, want %v", out.StanceChars, tt.wantStances)
			}
			// what the runes of the text say, for the spans inside it
			for i, s := range tt.quotes {
				if s.End <= len(text) && out.QuoteChars[i].End != len([]rune(text[:s.End])) {
					t.Errorf("quote %d ends at character %d, the text says %d", i, out.QuoteChars[i].End, len([]rune(text[:s.End])))
				}
			}
		})
	}
}
