package analyze

import (
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/model"
)

// TestSpeakersOfGenericSubjects checks, on invented articles analysed
// whole, who speaks: a generic plural or indefinite pronoun opening the
// sentence ("Geologists said", "Nobody said") is a described speaker (no
// speaker name, the words kept as the speaker mention), never a person
// entity; a surname, a courtesy title with a point and a role after a body
// still give the person; and the article's own outlet is an organisation.
func TestSpeakersOfGenericSubjects(t *testing.T) {
	type wantQuote struct {
		quote   string // a part of the quote text
		speaker string // "" for a described speaker
		mention string // the speaker mention
	}
	tests := []struct {
		name   string
		outlet string
		text   string
		quotes []wantQuote
		types  map[string]model.EntityType // mention text -> type
		not    []string                    // texts that must not be mentions
	}{
		{name: "generic plurals and pronouns",
			text: "Flooding closes the coast road\n" +
				"Geologists warned that the bank could give way. \"The soil is saturated,\" Geologists said.\n" +
				"Broadcasters said the river had peaked. \"They never listen to us,\" Nobody said, in a sign painted on a wall.\n" +
				"Residents said the water rose within minutes. \"We had nowhere to go,\" residents told reporters.\n",
			quotes: []wantQuote{
				{"the bank could give way", "", "Geologists"},
				{"The soil is saturated", "", "Geologists"},
				{"the river had peaked", "", "Broadcasters"},
				{"They never listen", "", "Nobody"},
				{"the water rose", "", "Residents"},
				{"nowhere to go", "", "residents"},
			},
			not: []string{"Geologists", "Broadcasters", "Nobody", "Residents"}},
		{name: "surnames at sentence start",
			text: "Tom Banks, the county engineer, inspected the bridge on Monday. Banks said the deck was sound.\n" +
				"Rivers said the council would meet on Friday. Mara Rivers chairs the council.\n",
			quotes: []wantQuote{
				{"the deck was sound", "Tom Banks", "Banks"},
				{"the council would meet", "Mara Rivers", "Rivers"},
			},
			types: map[string]model.EntityType{"Banks": model.Person, "Rivers": model.Person}},
		{name: "courtesy title with a point",
			text:   "Dara Holmqvist runs the bakery. “We are pleased with the quarter,” said Ms. Holmqvist.\n",
			quotes: []wantQuote{{"pleased with the quarter", "Dara Holmqvist", "Holmqvist"}}},
		{name: "role after a body in according to",
			text:   "Talks resumed on Tuesday. According to Foreign Ministry spokesman Nasim Talebi, the offer still stands.\n",
			quotes: []wantQuote{{"the offer still stands", "Nasim Talebi", "Nasim Talebi"}},
			types:  map[string]model.EntityType{"Foreign Ministry": model.Organization}},
		{name: "descriptor before a name",
			text:   "He rang his wife from the depot. Wife Sharon, 50, said: \"I told him to come home for his tea.\"\n",
			quotes: []wantQuote{{"come home for his tea", "Sharon", "Sharon"}}},
		{name: "own outlet",
			outlet: "Vexilla",
			text: "Port closes after storm\n" +
				"Vexilla reported on Monday that the port would close. Harbour master Ivo Dren confirmed it.\n" +
				"© 2025 Vexilla\n",
			quotes: []wantQuote{{"the port would close", "Vexilla", "Vexilla"}},
			types:  map[string]model.EntityType{"Vexilla": model.Organization, "Ivo Dren": model.Person}},
	}
	an := New()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := an.Document(&model.Article{ID: 1, Outlet: tc.outlet, Text: tc.text})
			for _, w := range tc.quotes {
				for _, q := range quotesContaining(t, d, w.quote) {
					if q.Speaker != w.speaker || q.SpeakerMention != w.mention {
						t.Errorf("quote %q: speaker %q (mention %q), want %q (mention %q)", w.quote, q.Speaker, q.SpeakerMention, w.speaker, w.mention)
					}
				}
			}
			for text, typ := range tc.types {
				found := false
				for _, m := range d.Mentions {
					if m.Text == text {
						found = true
						if m.Type != typ {
							t.Errorf("%q typed %s, want %s", text, m.Type, typ)
						}
					}
				}
				if !found {
					t.Errorf("no mention %q", text)
				}
			}
			for _, s := range tc.not {
				for _, m := range d.Mentions {
					if m.Text == s {
						t.Errorf("%q must not be a mention, got %+v", s, m)
					}
				}
			}
		})
	}
}

// quotesContaining returns the quotes of d whose text contains part and
// fails the test when there is none.
func quotesContaining(t *testing.T, d *Document, part string) []model.Quote {
	t.Helper()
	var out []model.Quote
	for _, q := range d.Quotes {
		if strings.Contains(q.Text, part) {
			out = append(out, q)
		}
	}
	if len(out) == 0 {
		t.Errorf("quote %q not found in %+v", part, d.Quotes)
	}
	return out
}
