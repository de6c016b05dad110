package analyze

import (
	"testing"

	"github.com/parallax-news/parallax/internal/model"
)

// TestSpeakersTitlesAndBodies checks, on invented articles analysed whole,
// speakers behind long titles, name particles, party tags, a body's
// written note or communiqué, a body known by its nationality word or by a
// lower-case noun after its name, a spokesperson for a person or for the
// body of the sentence before, a pronoun whose gender an appositive gives,
// and a two-word headline quotation; and the cases that must stay unnamed.
func TestSpeakersTitlesAndBodies(t *testing.T) {
	tests := []articleCase{
		{name: "a long title before the name",
			text: "Senate Minority Whip Odile Branagh said the vote would slip. \"We are nowhere close,\" Branagh said.\n" +
				"Detective Constable Rhian Pugh said: \"Somebody saw this car.\"\n",
			quotes: []wantQuote{{"nowhere close", "Odile Branagh"}, {"Somebody saw this car", "Rhian Pugh"}}},
		{name: "two name particles",
			text:   "Harwick signed midfielder Joris van den Akker on Monday. \"I waited a long time for this,\" Van den Akker said.\n",
			quotes: []wantQuote{{"waited a long time", "Joris van den Akker"}}},
		{name: "a club's name before a lower-case role",
			text:   "The fee was not disclosed. Harwick sporting director Teun Blom said the deal took a month. \"We never gave up,\" he said.\n",
			quotes: []wantQuote{{"never gave up", "Teun Blom"}}},
		{name: "a party tag then an appositive",
			text:   "Rep. Cormac Delane, D-Ore., ranking member of the Rivers Caucus, said the plan was \"dead on arrival.\"\n",
			quotes: []wantQuote{{"dead on arrival", "Cormac Delane"}}},
		{name: "the note of a ministry named before",
			text: "The Ministry of Foreign Affairs of Talvia summoned the ambassador on Friday.\n" +
				"\"The detention is unacceptable,\" reads the note of the ministry.\n",
			quotes: []wantQuote{{"detention is unacceptable", "Ministry of Foreign Affairs"}}},
		{name: "the note of a body never named stays unnamed",
			text:   "Talks resumed on Friday.\n\"The detention is unacceptable,\" reads the note of the embassy.\n",
			quotes: []wantQuote{{"detention is unacceptable", ""}}},
		{name: "the communiqué of the body quoted the sentence before",
			text: "The Dunmerian interior ministry said in a communiqué that the ship was stopped \"in a routine inspection\" and released.\n" +
				"\"No cargo was seized,\" the communiqué states.\n",
			quotes: []wantQuote{{"No cargo was seized", "Dunmerian interior ministry"}}},
		{name: "the communiqué and the note of a body named by a phrase",
			text: "The Varnese trade ministry said in a communiqué that talks would resume.\n" +
				"\"No date has been set,\" the communiqué states. \"The owners must come back,\" reads the note of the ministry.\n",
			quotes: []wantQuote{{"No date has been set", "Varnese trade ministry"}, {"owners must come back", "Varnese trade ministry"}}},
		{name: "a communiqué nobody was said to issue stays unnamed",
			text:   "The ship was held for two days.\n\"No cargo was seized,\" the communiqué states.\n",
			quotes: []wantQuote{{"No cargo was seized", ""}}},
		{name: "a body known by its nationality word",
			text:   "The Varnese health ministry said the outbreak was \"under control\".\n",
			quotes: []wantQuote{{"under control", "Varnese health ministry"}}},
		{name: "a nationality word and the body named in full before",
			text:   "The Varnesian Ministry of Health ordered more tests.\nLater, the Varnese health ministry said the outbreak was \"under control\".\n",
			quotes: []wantQuote{{"under control", "Varnesian Ministry of Health"}}},
		{name: "a name before a lower-case union, then its spokesman",
			text:   "The Holm Dock Workers union said it would strike. A union spokesman said members were \"fed up\".\n",
			quotes: []wantQuote{{"fed up", "Holm Dock Workers"}}},
		{name: "a union spokesman after a person's words stays unnamed",
			text:   "Ivo Stenner, a docker, said he would strike. A union spokesman said members were \"fed up\".\n",
			quotes: []wantQuote{{"fed up", ""}}},
		{name: "a person's spokeswoman speaks for her",
			text:   "Singer Marla Quist cancelled the tour. Quist's spokeswoman said: \"Marla needs rest and will be back.\"\n",
			quotes: []wantQuote{{"needs rest", "Marla Quist"}}},
		{name: "an appositive gives the pronoun's gender",
			text: "\"We open at six,\" says Wenna Trask, who runs the bakery.\n" +
				"Not everyone stayed. Jory Pascoe, Wenna's nephew, moved to Leeds. He visits at Easter.\n" +
				"\"I miss the smell of bread,\" he told me.\n",
			quotes: []wantQuote{{"smell of bread", "Jory Pascoe"}}},
		{name: "a body named by a lower-case service",
			text:   "The regional water service warned of shortages. \"Reservoirs are at forty percent,\" the service said.\n",
			quotes: []wantQuote{{"Reservoirs are at forty", "the regional water service"}}},
	}
	checkArticleCases(t, tests)
}

// TestHeadlineTwoWordQuote checks that a two-word quotation in a headline is
// a quote of the speaker whose later words repeat it, and that two quoted
// words in the body with no such echo are not.
func TestHeadlineTwoWordQuote(t *testing.T) {
	text := "'Never again': ferry captain quits after storm crossing\n" +
		"Captain Tamsin Roke resigned on Monday. \"Never again will I take passengers out in that,\" Roke said.\n" +
		"Passengers called the crossing 'pretty rough' on social media.\n"
	d := New().Document(&model.Article{ID: 1, Text: text})
	var head, body bool
	for _, q := range d.Quotes {
		switch q.Text {
		case "Never again":
			head = true
			if q.Speaker != "Tamsin Roke" {
				t.Errorf("headline quote speaker %q, want Tamsin Roke", q.Speaker)
			}
		case "pretty rough":
			body = q.Kind != model.Indirect && q.Speaker != ""
		}
	}
	if !head {
		t.Errorf("headline quote not found in %+v", d.Quotes)
	}
	if body {
		t.Errorf("two quoted words in the body were given a speaker")
	}
}
