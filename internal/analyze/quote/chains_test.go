package quote

import (
	"testing"

	"github.com/parallax-news/parallax/internal/model"
)

// TestSpeakerChains checks speakers that newspapers name once and then
// refer back to: a given name after the full name, a descriptor of the
// person just quoted, a role given by a verb, participles of naming after
// a comma, and a naming verb inside a clause someone else reports.
func TestSpeakerChains(t *testing.T) {
	ents := []ent{
		person("", "Maureen Tolley", "Tolley"),
		{model.Other, "", []string{"Maureen"}},
		person("", "Ewan Brodie", "Brodie"),
		person("", "Ewan Pask", "Pask"),
		{model.Other, "", []string{"Ewan"}},
		person("", "Tobias Renwick", "Renwick"),
		person("", "Liam Carrow", "Carrow"),
		person("State Rep.", "Nadia Fenwright", "Fenwright"),
		person("", "Hollis Garvey", "Garvey"),
		org("Tidewater Authority"),
		org("Port Lannick Council"),
		{model.Other, "", []string{"Odile Marchand"}},
		person("mayor", "Bruno Tessier"),
		{model.Other, "", []string{"Jean-Luc Perrot"}},
		{model.Other, "", []string{"Kelmar"}},
		person("and their manager", "Colin Rusk"),
		person("Rovers captain", "Danny Wragg"),
		org("Voltra Energy"),
		org("Dorling Pension Fund"),
		person("minister", "Henrik Salo"),
		place("Norvania"),
		person("Prosecutor", "Imogen Fane"),
		person("", "Kieran Mott"),
		person("Judge", "Rachel Amble"),
		person("", "Susan Carrow"),
		person("Independent councillor", "Ray Sutton"),
		person("Coach", "Dana Pryor"),
	}
	cases := []struct {
		name string
		text string
		want []wantQ
	}{
		{name: "given name after full name", text: "Maureen Tolley, 68, was in the queue when the roof fell.\n" +
			"\"It sounded like thunder,\" she said.\n" +
			"A council spokesman said: \"Inspections will follow.\"\n" +
			"Meanwhile plucky Maureen is back in the shop. \"Nothing keeps me away,\" she laughed.",
			want: []wantQ{{"Nothing keeps me away,", model.Direct, "Maureen Tolley"}}},
		{name: "given name of two people stays apart", text: "Ewan Brodie and Ewan Pask run the yard.\n" +
			"\"We work all hours,\" said Ewan.",
			want: []wantQ{{"We work all hours,", model.Direct, "Ewan"}}},
		{name: "descriptor of the person just quoted", text: "Maureen Tolley, 68, was in the queue when the roof fell.\n" +
			"\"It sounded like thunder,\" she said.\n" +
			"The shaken pensioner added: \"I have never been so frightened.\"",
			want: []wantQ{{"I have never been so frightened.", model.Direct, "Maureen Tolley"}}},
		{name: "someone else's mum is not the person named", text: "Liam Carrow, 29, jumped into the canal.\n" +
			"\"I just jumped,\" said Carrow.\n" +
			"The little girl's mum, who asked not to be named, said: \"He saved her life.\"",
			want: []wantQ{{"He saved her life.", model.Direct, ""}}},
		{name: "role given by a verb", text: "The man at the wheel is Tobias Renwick, who has skippered the ferry for twenty years.\n" +
			"The board says it has no choice. \"Costs are too high,\" a board spokeswoman said.\n" +
			"Islanders call the grant an insult. \"They want us gone,\" the skipper said.\n" +
			"\"Maybe I will stay,\" he said.",
			want: []wantQ{{"They want us gone,", model.Direct, "Tobias Renwick"}, {"Maybe I will stay,", model.Direct, "Tobias Renwick"}}},
		{name: "a word for people the text need not name is not a role verb", text: "Tobias Renwick said the plan was a matter for the board, but a ministry official, who asked not to be named, disagreed.\n" +
			"\"It will not last a month,\" the official said.",
			want: []wantQ{{"It will not last a month,", model.Direct, ""}}},
		{name: "accusing after a comma", text: "State Rep. Nadia Fenwright, whose district includes the dam, was less forgiving, accusing the agency of \"sleeping on the job for a year\".",
			want: []wantQ{{"sleeping on the job for a year", model.Mixed, "Nadia Fenwright"}}},
		{name: "describing after a comma", text: "The Tidewater Authority published its review on Monday.\n" +
			"The authority itself has been more cautious, describing progress in its report as \"behind on every count\".",
			want: []wantQ{{"behind on every count", model.Mixed, "Tidewater Authority"}}},
		{name: "naming verb inside a reported clause", text: "Hollis Garvey pressed her on the cost, noting that the mayor's office had called the plan \"a wish list\".",
			want: []wantQ{{"a wish list", model.Mixed, "the mayor's office"}}},
		{name: "trade noun inverted, given by the person's own sentence", text: "Odile Marchand will bake her last loaf on Saturday. The shop will close.\n" +
			"«Nobody wanted it», confides the 66-year-old baker.\n" +
			"The mayor, Bruno Tessier, has looked for a buyer. «Nothing is signed», specifies the mayor prudently.\n" +
			"«I will cry, that is certain», laughs the baker.",
			want: []wantQ{{"Nobody wanted it", model.Direct, "Odile Marchand"}, {"Nothing is signed", model.Direct, "Bruno Tessier"},
				{"I will cry, that is certain", model.Direct, "Odile Marchand"}}},
		{name: "a possessive word for a person, then the name", text: "— It is the end of an era, — sighs her neighbour, Jean-Luc Perrot. — It is more than a shop.",
			want: []wantQ{{"It is the end of an era,", model.Direct, "Jean-Luc Perrot"}}},
		{name: "the boss of a team named with the person", text: "Kelmar had led before the break, and their manager, Colin Rusk, felt his side deserved a point.\n" +
			"\"We were the better team,\" the Kelmar boss said.",
			want: []wantQ{{"We were the better team,", model.Direct, "Colin Rusk"}}},
		{name: "the skipper is the captain", text: "Rovers captain Danny Wragg, who scored the penalty, was more measured. \"We can't keep leaving it this late,\" the skipper said.",
			want: []wantQ{{"We can't keep leaving it this late,", model.Direct, "Danny Wragg"}}},
		{name: "a body in apposition to a role noun", text: "The developer, Voltra Energy, paused construction in January, citing \"market conditions\" and the loss of a grant.",
			want: []wantQ{{"market conditions", model.Mixed, "Voltra Energy"}}},
		{name: "a word of a body's name before spokesman", text: "The Dorling Pension Fund was more patient. A fund spokesman said: \"We are long-term investors.\"",
			want: []wantQ{{"We are long-term investors.", model.Direct, "Dorling Pension Fund"}}},
		{name: "no body of that word", text: "The Dorling Pension Fund was more patient. A bank spokesman said: \"We are long-term investors.\"",
			want: []wantQ{{"We are long-term investors.", model.Direct, ""}}},
		{name: "an object inside a clause said without that", text: "Norvania's minister, Henrik Salo, said his country had offered \"a fair and generous package\".",
			want: []wantQ{{"a fair and generous package", model.Mixed, "Henrik Salo"}}},
		{name: "a person talked about in a reported clause", text: "Prosecutor Imogen Fane said phone records showed Kieran Mott had been streaming video. \"He was not looking at the road,\" she told the court.",
			want: []wantQ{{"He was not looking at the road,", model.Direct, "Imogen Fane"}}},
		{name: "the listener of told is not the next she", text: "Judge Rachel Amble told Kieran Mott: \"You chose to watch a video.\"\nShe added: \"No sentence will bring her back.\"",
			want: []wantQ{{"No sentence will bring her back.", model.Direct, "Rachel Amble"}}},
		{name: "a speaker named in the next quotation's attribution", text: "Kieran Mott was jailed on Friday.\n" +
			"In a statement read to the court, the daughter of one resident described finding her mother \"thin as a bird\". \"I still see her face,\" wrote Susan Carrow.",
			want: []wantQ{{"thin as a bird", model.Mixed, "Susan Carrow"}}},
		{name: "a spokesman stays unnamed when the next speaker is named", text: "The firm was fined on Friday. A spokesman said the firm was \"deeply sorry\". \"It is a disgrace,\" said Susan Carrow.",
			want: []wantQ{{"deeply sorry", model.Mixed, ""}, {"It is a disgrace,", model.Direct, "Susan Carrow"}}},
		{name: "a speaker named before is not named next", text: "Susan Carrow sat at the back. Her daughter described the home as \"a prison\". \"I still see her face,\" said Susan Carrow.",
			want: []wantQ{{"a prison", model.Mixed, ""}}},
		{name: "a judging adjective before a role", text: "Independent councillor Ray Sutton, who abstained, said both sides were \"playing games\". \"I have never seen it this bitter,\" the veteran councillor said.",
			want: []wantQ{{"I have never seen it this bitter,", model.Direct, "Ray Sutton"}}},
		{name: "a role adjective before a role is another person", text: "Coach Dana Pryor said the team was tired. \"We need rest,\" the assistant coach said.",
			want: []wantQ{{"We need rest,", model.Direct, ""}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			checkSpeakers(t, findWith(c.text, ents), c.want)
		})
	}
}
