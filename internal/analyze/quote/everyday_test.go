package quote

import (
	"testing"

	"github.com/parallax-news/parallax/internal/model"
)

// TestEverydayConventions covers conventions of everyday news copy: a
// one-sentence aside about the speaker between two of her paragraphs, and
// a speech opened with "X began".
func TestEverydayConventions(t *testing.T) {
	ents := []ent{
		person("", "Edna Farrow", "Farrow"), person("", "Walt Pruett", "Pruett"),
	}
	cases := []struct {
		name string
		text string
		want []wantQ // kind not checked: only the span and the speaker
	}{
		{"aside with her pronoun",
			"\"We had no power for a week,\" Edna Farrow said.\n\"Nobody came,\" she said.\nShe paused, looking at the river.\n\"We just waited. That was all we could do.\"",
			[]wantQ{{"We just waited. That was all we could do.", model.Direct, "Edna Farrow"}}},
		{"aside with his pronoun",
			"Walt Pruett runs the hardware store.\n\"Prices went up twice,\" Pruett said.\nHe shrugged and rang up a sale.\n\"What else can you do? You pay it.\"",
			[]wantQ{{"What else can you do? You pay it.", model.Direct, "Walt Pruett"}}},
		{"aside whose pronoun does not fit is not the speaker's",
			"Mrs. Edna Farrow lives by the river.\n\"We had no power for a week,\" Farrow said.\nHe paused, looking at the river.\n\"We just waited. That was all we could do.\"",
			[]wantQ{{"We just waited. That was all we could do.", model.Direct, ""}}},
		{"a speech opening",
			"\"Thank you all. Please sit down,\" Walt Pruett began, as the hall filled.",
			[]wantQ{{"Thank you all. Please sit down,", model.Direct, "Walt Pruett"}}},
		{"a speech opening at the end of the sentence",
			"\"Good evening, and thank you for coming out in the rain,\" Pruett began.",
			[]wantQ{{"Good evening, and thank you for coming out in the rain,", model.Direct, "Walt Pruett"}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			qs := findWith(c.text, ents)
			checkQuotes(t, c.text, qs)
			checkSpeakers(t, qs, c.want)
		})
	}
}
