package quote

import (
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/model"
)

// TestBodiesAndChains covers speakers that a text names with common nouns
// ("the health ministry", "police"), with "it" after a body opening the
// sentence before, after their quotation ("That is X"), through a role
// opening the sentence before ("The judge rejected that"), and pronouns
// whose gender the text gives.
func TestBodiesAndChains(t *testing.T) {
	ents := []ent{
		person("", "Fergal Moss", "Moss"), {model.Other, "", []string{"Ailsa Moss"}},
		{model.Other, "", []string{"Nessa Quill"}}, person("Judge", "Corinne Blay", "Blay"),
		person("", "Hugo Tarrant", "Tarrant"), {model.Other, "", []string{"Delia Frome"}},
		person("Inspector", "Owen Rusk", "Rusk"), org("Dunmore Police"), org("Growers' Federation"),
		person("", "Alan Pryde", "Pryde"),
	}
	cases := []struct {
		name string
		text string
		want []wantQ
	}{
		{"a common-noun ministry",
			"The health ministry said in a statement that it was \"monitoring the situation closely\".",
			[]wantQ{{"monitoring the situation closely", model.Mixed, "the health ministry"}}},
		{"a police spokesman",
			"After the shooting, a police spokesman said the officer saw it \"from the angle I was at\".",
			[]wantQ{{"from the angle I was at", model.Mixed, "police"}}},
		{"police as a body",
			"Police said a man had been \"spoken to\" and enquiries were continuing.",
			[]wantQ{{"spoken to", model.Mixed, "police"}}},
		{"an official of a ministry named before",
			"In Norland, the energy ministry credits steady policy. \"We did not change the rules,\" a ministry official said.",
			[]wantQ{{"We did not change the rules,", model.Direct, "the energy ministry"}}},
		{"a bare ministry names nobody",
			"\"We did not change the rules,\" the ministry said.",
			[]wantQ{{"We did not change the rules,", model.Direct, ""}}},
		{"the ministry after a ministry named with its country",
			"Norland's defence ministry said nine drones were downed.\n\"All nine targets were destroyed,\" the ministry said in a statement.",
			[]wantQ{{"All nine targets were destroyed,", model.Direct, "the defence ministry"}}},
		{"it after a body opening the sentence before",
			"The Growers' Federation rejects that reading. In a statement, it said demand had been \"held back by myths\".",
			[]wantQ{{"held back by myths", model.Mixed, "Growers' Federation"}}},
		{"a speaker named in the next paragraph",
			"The ferry left at nine.\n\"I was born on the boat.\n\"So I was a cost once, too.\"\nThat is Nessa Quill, eighty-two, who walks to the slipway every morning.",
			[]wantQ{{"I was born on the boat.", model.Direct, "Nessa Quill"}, {"So I was a cost once, too.", model.Direct, "Nessa Quill"}}},
		{"a speaker described then named",
			"\"We take everybody across.\"\nThe man at the wheel is Fergal Moss, who has skippered the ferry for years.",
			[]wantQ{{"We take everybody across.", model.Direct, "Fergal Moss"}}},
		{"her pronoun after a niece",
			"Fergal Moss steers the boat. \"It is hard,\" Moss said.\nHis niece, Ailsa Moss, runs the shop. \"If the boat goes, we go,\" she said.\nShe paused, then added: \"The numbers are us.\"",
			[]wantQ{{"If the boat goes, we go,", model.Direct, "Ailsa Moss"}, {"The numbers are us.", model.Direct, "Ailsa Moss"}}},
		{"the judge after a reported subject",
			"Judge Corinne Blay said Tarrant had treated the home \"as a business\". \"That was a choice,\" she told him.\nHis barrister, Delia Frome, said he was sorry.\nThe judge rejected that. \"Sorry does not explain it,\" she said.",
			[]wantQ{{"That was a choice,", model.Direct, "Corinne Blay"}, {"Sorry does not explain it,", model.Direct, "Corinne Blay"}}},
		{"a person of a body before the cue",
			"Outside court, Inspector Owen Rusk of Dunmore Police said the families had shown \"extraordinary patience\".",
			[]wantQ{{"extraordinary patience", model.Mixed, "Owen Rusk"}}},
		{"a title after the role",
			"\"We need a decision this year,\" said its chair, Sir Alan Pryde.",
			[]wantQ{{"We need a decision this year,", model.Direct, "Alan Pryde"}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			qs := findWith(c.text, ents)
			checkQuotes(t, c.text, qs)
			checkSpeakers(t, qs, c.want)
		})
	}
}

// TestAskedCrowdsAndTranscripts covers a name inside an opening "Asked
// whether X …" phrase, the one asked answering, a role then a name opening
// the sentence, "the company" after a sentence opening with the company
// past a dateline, a crowd's chant, and transcripts with unlabelled
// paragraphs and labels that name no one.
func TestAskedCrowdsAndTranscripts(t *testing.T) {
	ents := []ent{
		person("", "Teodor Blask", "Blask"), person("", "Mira Ostrow", "Ostrow"),
		person("president", "Gloria Ashdown", "Ashdown"), person("Senator", "Marta Vell-Orr", "Vell-Orr", "VELL-ORR"),
		person("", "Hanna Dusset", "Dusset"), {model.Other, "", []string{"Halmer Stahl"}}, org("BRENNDORF"),
		person("", "Jurgen Falt", "Falt"),
	}
	cases := []struct {
		name string
		text string
		want []wantQ
	}{
		{"a name in an opening asked phrase",
			"Mira Ostrow conducts tonight. The manager, Teodor Blask, said a decision would come \"before the summer\". Asked whether Ostrow would be consulted, he laughed. \"She would be consulted whether we asked her or not.\"",
			[]wantQ{{"She would be consulted whether we asked her or not.", model.Direct, "Teodor Blask"}}},
		{"the one asked answers",
			"Sen. Marta Vell-Orr spoke first. The panel was led by Gloria Ashdown.\nAshdown asked the senator what she would do first.\n\"Hire. Hire, hire, hire,\" she said at one point.",
			[]wantQ{{"Hire. Hire, hire, hire,", model.Direct, "Marta Vell-Orr"}}},
		{"a role then a name opening the sentence",
			"LAVAR, 12 May — The mayor of Lavar, Hanna Dusset, on Monday defended her plan, telling the council that the city \"cannot wait another ten years\".",
			[]wantQ{{"cannot wait another ten years", model.Mixed, "Hanna Dusset"}}},
		{"the company after a dateline",
			"BRENNDORF (Tagespost) — The steelmaker Halmer Stahl will cut 1,200 jobs, the company said, blaming \"a market that no longer pays for quality\".",
			[]wantQ{{"a market that no longer pays for quality", model.Mixed, "Halmer Stahl"}}},
		{"a crowd's chant",
			"\"We will fight for every job,\" Jurgen Falt told the crowd of workers, who chanted \"Brenndorf stays!\" as he left.",
			[]wantQ{{"We will fight for every job,", model.Direct, "Jurgen Falt"}, {"Brenndorf stays!", model.Mixed, ""}}},
		{"a transcript with an unlabelled paragraph and an audience label",
			"Remarks by Sen. Marta Vell-Orr.\nVELL-ORR: Thank you. Please sit down. [LAUGHTER]\nI taught for nine years. [APPLAUSE] Nine years.\nAUDIENCE MEMBER: We love you, Marta!\nVELL-ORR: I love you too. [LAUGHTER]\nThe panel followed.",
			[]wantQ{{"I taught for nine years.", model.Direct, "Marta Vell-Orr"}, {"We love you, Marta!", model.Direct, ""},
				{"I love you too.", model.Direct, "Marta Vell-Orr"}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			qs := findWith(c.text, ents)
			checkQuotes(t, c.text, qs)
			checkSpeakers(t, qs, c.want)
			for _, w := range c.want {
				if !hasQuote(qs, w.text) {
					t.Errorf("missing %q", w.text)
				}
			}
		})
	}
}

// hasQuote reports whether a quote of qs that is not indirect holds text.
func hasQuote(qs []model.Quote, text string) bool {
	for _, q := range qs {
		if q.Kind != model.Indirect && strings.Contains(q.Text, text) {
			return true
		}
	}
	return false
}

// TestLeftoverConventions covers a moderator named with the body she works
// for, a lead sentence opening with "According to …", a name that only
// modifies a role ("The Democratic nominee"), a body's board, a body named
// in an appositive, and an unnamed heckler whose shout names the person
// addressed.
func TestLeftoverConventions(t *testing.T) {
	ents := []ent{
		person("", "Inez Sandor", "Sandor"), org("Horizon News Network"), person("Sen.", "Felix Yode", "Yode"),
		person("Gov.", "Leon Gaine", "Gaine", "Leon"), {model.Other, "", []string{"Democratic"}},
		org("Corvin Industries Inc", "Corvin"), org("Tellan"), person("", "Anton Vesk", "Vesk"),
		org("Farmers' League"),
	}
	cases := []struct {
		name string
		text string
		want []wantQ
	}{
		{"a moderator of a network",
			"\"Marcus, you voted against it,\" Yode shot back.\nThe moderator, Inez Sandor of the Horizon News Network, tried to steer the men back. \"Congressman, you have thirty seconds,\" she said at one point.",
			[]wantQ{{"Congressman, you have thirty seconds,", model.Direct, "Inez Sandor"}}},
		{"according to opening the sentence before",
			"Gov. Leon Gaine spoke for an hour.\nAccording to a transcript released by his campaign, Gaine then slowed down. \"My father carried a card from this local for thirty-one years.\"",
			[]wantQ{{"My father carried a card from this local for thirty-one years.", model.Direct, "Leon Gaine"}}},
		{"a name modifying a role is no speaker",
			"Gov. Leon Gaine came home.\nThe Democratic vice-presidential nominee spoke for an hour. He said the plan was long. \"Not once. Not one time. [BOOING]\"",
			[]wantQ{{"Not once. Not one time.", model.Direct, "Leon Gaine"}}},
		{"a body's board",
			"Corvin Industries Inc rejected the bid. \"Grossly inadequate\" is how the company's board described the offer in a letter to Tellan.",
			[]wantQ{{"Grossly inadequate", model.Mixed, "Corvin Industries Inc"}}},
		{"a body in an appositive",
			"\"A disgrace\" was how Vesk's coalition partner, the Farmers' League, described the defections.",
			[]wantQ{{"A disgrace", model.Mixed, "Farmers' League"}}},
		{"an unnamed heckler",
			"Gov. Leon Gaine spoke. \"I'll keep going,\" Gaine said.\nA man near the front shouted \"Tell 'em, Leon!\" and Gaine pointed at him.",
			[]wantQ{{"Tell 'em, Leon!", model.Direct, ""}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			qs := findWith(c.text, ents)
			checkQuotes(t, c.text, qs)
			checkSpeakers(t, qs, c.want)
			for _, w := range c.want {
				if !hasQuote(qs, w.text) {
					t.Errorf("missing %q", w.text)
				}
			}
		})
	}
}
