package quote

import (
	"testing"

	"github.com/parallax-news/parallax/internal/model"
)

// TestStyles14 covers US newspaper conventions of a fourteenth batch of
// dev articles: an abbreviated military or civil title before the name
// of an inverted subject, and a dateline closed by a double hyphen, which
// is never the body "the company" stands for.
func TestStyles14(t *testing.T) {
	cases := []struct {
		name string
		ents []ent
		text string
		want []wantQ // kind not checked: only the span and the speaker
	}{
		{"said Capt. and a name",
			[]ent{person("", "Wendell Arno", "Arno")},
			"The crews will report for work. \"We will fly the routes,\" said Capt. Wendell Arno, head of the crews' committee.",
			[]wantQ{{"We will fly the routes,", model.Direct, "Wendell Arno"}}},
		{"said Supt. and a name",
			[]ent{person("", "Rhoda Venn", "Venn")},
			"The search went on overnight. \"We have not given up,\" said Supt. Rhoda Venn of the county police.",
			[]wantQ{{"We have not given up,", model.Direct, "Rhoda Venn"}}},
		{"said Lt. and a name, as before",
			[]ent{person("", "Carla Mendes", "Mendes")},
			"The fire was out by noon. \"Nobody was hurt,\" said Lt. Carla Mendes.",
			[]wantQ{{"Nobody was hurt,", model.Direct, "Carla Mendes"}}},
		{"said Ms. and a name, as before",
			[]ent{person("", "Nora Quill", "Quill")},
			"The vote was close. \"We expected that,\" said Ms. Nora Quill.",
			[]wantQ{{"We expected that,", model.Direct, "Nora Quill"}}},
		{"a dateline closed by a double hyphen after a state's abbreviation is not the company",
			[]ent{{model.Other, "", []string{"FORT ELLIS"}}, {model.Place, "", []string{"Md"}}, org("Tamberlane Freight")},
			"FORT ELLIS, Md. -- About 900 drivers walked off the job at Tamberlane Freight early yesterday, and the carrier said it would keep trading.\n\nThe strike began at midnight.\n\nThe company said its offer was \"generous and final.\"",
			[]wantQ{{"generous and final.", model.Mixed, "Tamberlane Freight"}}},
		{"a dateline closed by an em dash after a state's abbreviation is not the company",
			[]ent{{model.Other, "", []string{"FORT ELLIS"}}, {model.Place, "", []string{"Md"}}, org("Tamberlane Freight")},
			"FORT ELLIS, Md. — About 900 drivers walked off the job at Tamberlane Freight early yesterday, and the carrier said it would keep trading.\n\nThe strike began at midnight.\n\nThe company said its offer was \"generous and final.\"",
			[]wantQ{{"generous and final.", model.Mixed, "Tamberlane Freight"}}},
		{"a capitalised name opening a sentence after an abbreviation is still a speaker",
			[]ent{person("", "Ivo Brandt", "Brandt"), {model.Place, "", []string{"Md"}}},
			"Ivo Brandt moved to Easton, Md. in May.\n\nHe was hopeful. \"We start again,\" the 40-year-old said.",
			[]wantQ{{"We start again,", model.Direct, "Ivo Brandt"}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			qs := findWith(c.text, c.ents)
			checkQuotes(t, c.text, qs)
			checkSpeakers(t, qs, c.want)
		})
	}
}
