package quote

import (
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/model"
)

// TestUSPoliticsConventions covers conventions of American political copy:
// a party-and-state tag after a legislator's name, programme titles in
// quotation marks, an interviewer pressing a question and "X shot back".
func TestUSPoliticsConventions(t *testing.T) {
	ents := []ent{
		person("Rep.", "Nora Castile", "Castile"), person("Sen.", "Abel Voss", "Voss"),
		person("", "Ida Marr", "Marr"),
		// The recogniser may type a party tag as a name of its own.
		{model.Other, "", []string{"R-Texas"}}, {model.Other, "", []string{"D-Md"}},
		org("Channel Nine"),
	}
	cases := []struct {
		name   string
		text   string
		want   []wantQ  // kind not checked: only the span and the speaker
		absent []string // quotations that are titles, not speech
	}{
		{"tag in parentheses before the cue",
			`"This bill is a mistake," Rep. Nora Castile (D-Md.) told reporters.`,
			[]wantQ{{"This bill is a mistake,", model.Direct, "Nora Castile"}}, nil},
		{"tag between commas before the cue",
			`Rep. Nora Castile, R-Texas, called the measure "a white flag" and left.`,
			[]wantQ{{"a white flag", model.Direct, "Nora Castile"}}, nil},
		{"tag with a point between commas",
			`Sen. Abel Voss, D-Md., said the vote was "long overdue."`,
			[]wantQ{{"long overdue.", model.Direct, "Abel Voss"}}, nil},
		{"programme title after a possessive",
			`"I have not decided," Voss told Channel Nine's "Morning Desk" program.`,
			[]wantQ{{"I have not decided,", model.Direct, "Abel Voss"}}, []string{"Morning Desk"}},
		{"programme title after on",
			`Voss said on "The Late Hour," a talk show, that he was "not going to get into it."`,
			[]wantQ{{"not going to get into it.", model.Direct, "Abel Voss"}}, []string{"The Late Hour,"}},
		{"an interviewer pressing",
			"Voss said he would wait. \"So will you run or not?\" Marr pressed.",
			[]wantQ{{"So will you run or not?", model.Direct, "Ida Marr"}}, nil},
		{"shot back",
			"\"You voted against it,\" Marr shot back. \"You cannot run from that.\"",
			[]wantQ{{"You voted against it,", model.Direct, "Ida Marr"}, {"You cannot run from that.", model.Direct, "Ida Marr"}}, nil},
		{"hit back after the name",
			"Voss spoke first. Marr hit back: \"That is not what the bill says.\"",
			[]wantQ{{"That is not what the bill says.", model.Direct, "Ida Marr"}}, nil},
		{"capitalised speech after a verb stays a quotation",
			`Marr said "Not Now" when asked.`,
			[]wantQ{{"Not Now", model.Direct, "Ida Marr"}}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			qs := findWith(c.text, ents)
			checkQuotes(t, c.text, qs)
			checkSpeakers(t, qs, c.want)
			for _, a := range c.absent {
				for _, q := range qs {
					if q.Kind != model.Indirect && strings.Contains(q.Text, a) {
						t.Errorf("title %q read as a quotation (%s, %q)", a, q.Kind, q.Speaker)
					}
				}
			}
		})
	}
}
