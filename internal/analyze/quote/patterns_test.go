package quote

import (
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/model"
)

// patternEnts are the entities of the newspaper-pattern cases.
var patternEnts = []ent{
	person("", "Lena Ferrante", "Ferrante"), person("", "Dana Holt", "Holt"),
	person("Mayor", "Tom Reyes", "Reyes"), person("", "Ines Vogt", "Vogt"),
	{model.Other, "", []string{"Kim Farrow", "Kim"}}, person("", "Ray Dunmore", "Dunmore"),
	org("Dockers Union"), place("PORTVILLE"),
	org("Brightline Labs", "Brightline"), org("Harbor Transit Authority"),
	place("Dayton"), place("Ohio"), place("Marseille"),
}

// TestNewspaperPatterns covers quotation styles common in print: split
// quotes around an appositive, doubled apostrophes and TeX marks, runs over
// several paragraphs, long appositives and short quoted phrases with a
// source.
func TestNewspaperPatterns(t *testing.T) {
	cases := []struct {
		name string
		text string
		want []wantQ
	}{
		{"split around appositive",
			`"She never doubted the plan," said Ferrante, a former campaign manager. "She knew exactly what she wanted."`,
			[]wantQ{{"She never doubted the plan,", model.Direct, "Lena Ferrante"}, {"She knew exactly what she wanted.", model.Direct, "Lena Ferrante"}}},
		{"double apostrophes", `''We are not done yet,'' Reyes said at the meeting.`,
			[]wantQ{{"We are not done yet,", model.Direct, "Tom Reyes"}}},
		{"double apostrophes before", `Reyes told the council: ''The budget is balanced for the first time in ten years.''`,
			[]wantQ{{"The budget is balanced for the first time in ten years.", model.Direct, "Tom Reyes"}}},
		{"tex marks", "``We are not done yet,'' Reyes said at the meeting.",
			[]wantQ{{"We are not done yet,", model.Direct, "Tom Reyes"}}},
		{"tex marks split", "``The trains will run,'' Vogt said. ``But not on time.''",
			[]wantQ{{"The trains will run,", model.Direct, "Ines Vogt"}, {"But not on time.", model.Direct, "Ines Vogt"}}},
		{"guillemets", `Vogt said: «We will not cut the budget this year.»`,
			[]wantQ{{"We will not cut the budget this year.", model.Direct, "Ines Vogt"}}},
		{"german low-high", `Vogt sagte, dann fügte sie hinzu: „Wir sind bereit.“ Vogt said: „We are ready for the vote.“`,
			[]wantQ{{"We are ready for the vote.", model.Direct, "Ines Vogt"}}},
		{"single curly", `Reyes said: ‘We will not cut the budget this year.’`,
			[]wantQ{{"We will not cut the budget this year.", model.Direct, "Tom Reyes"}}},
		{"run announced by a cue",
			"Reyes said the city would appeal.\n\"We think the ruling is wrong. We will say so in court.\n\"The law is on our side.\n\"And we will win.\"",
			[]wantQ{{"We think the ruling is wrong. We will say so in court.", model.Direct, "Tom Reyes"},
				{"The law is on our side.", model.Direct, "Tom Reyes"}, {"And we will win.", model.Direct, "Tom Reyes"}}},
		{"run after a split quote",
			"\"I went back every day,\" Holt said. \"I had nowhere else to go.\n\"Then one morning the gates were locked.\n\"That was the end of it.\"",
			[]wantQ{{"Then one morning the gates were locked.", model.Direct, "Dana Holt"}, {"That was the end of it.", model.Direct, "Dana Holt"}}},
		{"run announced by a colon",
			"In a letter to members, Vogt wrote:\n\"Our network is older than any of us. It needs money.\n\"We ask for your patience.\"",
			[]wantQ{{"Our network is older than any of us. It needs money.", model.Direct, "Ines Vogt"}, {"We ask for your patience.", model.Direct, "Ines Vogt"}}},
		{"long apposition after",
			`"Nobody listened to us," said Dana Holt, 54, a former line supervisor who worked at the plant for eleven years in Dayton, Ohio, until it closed in 2019.`,
			[]wantQ{{"Nobody listened to us,", model.Direct, "Dana Holt"}}},
		{"long apposition before",
			`Dana Holt, who worked at the plant for eleven years in Dayton, Ohio, until it closed in 2019, said the company "never listened to its workers."`,
			[]wantQ{{"never listened to its workers.", model.Mixed, "Dana Holt"}}},
		{"long apposition then quote",
			`Dana Holt, who moved to Marseille in 2003, later to Dayton, Ohio, and back again, said: "I never stopped thinking about it."`,
			[]wantQ{{"I never stopped thinking about it.", model.Direct, "Dana Holt"}}},
		{"described as", `Reyes described the audit as "a wake-up call."`,
			[]wantQ{{"a wake-up call.", model.Mixed, "Tom Reyes"}}},
		{"called it", `Reyes called it "the worst budget in a generation."`,
			[]wantQ{{"the worst budget in a generation.", model.Mixed, "Tom Reyes"}}},
		{"subject line", `Brightline sent staff a note with the subject line "Changes to your benefits."`,
			[]wantQ{{"Changes to your benefits.", model.Mixed, "Brightline Labs"}}},
		{"sign that read", `The Harbor Transit Authority put up signs that read "Service suspended until further notice."`,
			[]wantQ{{"Service suspended until further notice.", model.Mixed, "Harbor Transit Authority"}}},
		{"spaced guillemets", `« Nous ne partirons pas », a déclaré Vogt. Vogt declared: « We are not leaving ».`,
			[]wantQ{{"We are not leaving", model.Direct, "Ines Vogt"}}},
		{"tabloid verb inverted", `"It's a disgrace," raged Reyes. "Absolutely shameful!"`,
			[]wantQ{{"It's a disgrace,", model.Direct, "Tom Reyes"}, {"Absolutely shameful!", model.Direct, "Tom Reyes"}}},
		{"tabloid verb after pronoun", "Kim Farrow said the rent had doubled.\n\"We can't pay it,\" she fumed. \"Nobody can.\"",
			[]wantQ{{"We can't pay it,", model.Direct, "Kim Farrow"}}},
		{"pronoun skips a person inside a relative clause",
			"Kim, who split from Ray Dunmore last year, said she was moving on.\n\"I feel free,\" she said.",
			[]wantQ{{"I feel free,", model.Direct, "Kim Farrow"}}},
		{"age after a name", "Kim Farrow has run the stall for two decades.\nThe 46-year-old said: \"I am not going anywhere.\"",
			[]wantQ{{"I am not going anywhere.", model.Direct, "Kim Farrow"}}},
		{"one of them", `Officials said the money was lost. "It wasn't stolen," one of them said.`,
			[]wantQ{{"It wasn't stolen,", model.Direct, ""}}},
		{"name as appositive", `The dockworkers' union, Dockers Union, called the offer « an insult ».`,
			[]wantQ{{"an insult", model.Mixed, "Dockers Union"}}},
		{"dateline is not the subject", `PORTVILLE (AP) — A judge blocked the law on Monday, saying it would "impose a severe burden" on voters.`,
			[]wantQ{{"impose a severe burden", model.Mixed, ""}}},
		{"inverted role then name", `„We have no choice“, said the chairman of the drivers' union, Ray Dunmore, in Portville.`,
			[]wantQ{{"We have no choice", model.Direct, "Ray Dunmore"}}},
		{"unnamed speaker after a named one",
			"Reyes promised more beds.\nOne senior nurse, who asked not to be named, said the promise had been made before.\n\"We were told the same thing last year,\" she said.",
			[]wantQ{{"We were told the same thing last year,", model.Direct, ""}}},
		{"subject of the sentence before",
			"\"Without him this could have been a tragedy,\" Reyes said.\nKim, who has a son of her own, shrugged off the praise.\n\"Anyone would have done the same,\" she insisted.",
			[]wantQ{{"Anyone would have done the same,", model.Direct, "Kim Farrow"}}},
		{"abbreviated title inverted", `"Turn around, don't drown," said Lt. Ray Dunmore of the county sheriff's office.`,
			[]wantQ{{"Turn around, don't drown,", model.Direct, "Ray Dunmore"}}},
		{"British title inverted then name", `«Safety comes first», declared the regional health councillor, Ines Vogt, at a briefing.`,
			[]wantQ{{"Safety comes first", model.Direct, "Ines Vogt"}}},
		{"subject after a conjunction",
			"Vogt said: \"We should sell.\"\nBut Kim insists she will stay.\n\"This is home,\" she said.",
			[]wantQ{{"This is home,", model.Direct, "Kim Farrow"}}},
		{"tokenized treebank text", "`` The market is nervous , '' said Reyes . `` Nobody wants to be last . ''",
			[]wantQ{{"The market is nervous ,", model.Direct, "Tom Reyes"}, {"Nobody wants to be last .", model.Direct, "Tom Reyes"}}},
		{"tokenized straight marks", `Reyes said : " The budget is balanced . " He added : " We kept every promise . "`,
			[]wantQ{{"The budget is balanced .", model.Direct, "Tom Reyes"}, {"We kept every promise .", model.Direct, "Tom Reyes"}}},
		{"question closing a quote, name after",
			`"What if they sting the customers?" Reyes recalls. "She said, they have better things to do."`,
			[]wantQ{{"What if they sting the customers?", model.Direct, "Tom Reyes"}, {"She said, they have better things to do.", model.Direct, "Tom Reyes"}}},
		{"exclamation closing a quote", `"Not again!" Kim Farrow shouted. "Not on my street."`,
			[]wantQ{{"Not again!", model.Direct, "Kim Farrow"}, {"Not on my street.", model.Direct, "Kim Farrow"}}},
		{"statement announced by a colon", "Reyes said in a statement:\n\"We will appeal the ruling.\"",
			[]wantQ{{"We will appeal the ruling.", model.Direct, "Tom Reyes"}}},
		{"age, role and place before a relative clause",
			`Kim Farrow, 61, a nurse from Dayton, Ohio, who has worked nights for twenty years, said: "I am tired."`,
			[]wantQ{{"I am tired.", model.Direct, "Kim Farrow"}}},
		{"object of an opening phrase is not the subject",
			`After meeting Reyes, the staff, who had waited for hours in Dayton, Ohio, said they were "not impressed at all."`,
			[]wantQ{{"not impressed at all.", model.Mixed, ""}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			qs := findWith(c.text, patternEnts)
			checkQuotes(t, c.text, qs)
			for _, w := range c.want {
				found := false
				for _, q := range qs {
					if q.Text == w.text || q.Kind == model.Mixed && strings.Contains(q.Text, w.text) {
						found = true
						if q.Kind != w.kind || q.Speaker != w.speaker {
							t.Errorf("%q: kind %s speaker %q, want %s %q", w.text, q.Kind, q.Speaker, w.kind, w.speaker)
						}
					}
				}
				if !found {
					t.Errorf("missing %q; got %+v", w.text, qs)
				}
			}
		})
	}
}
