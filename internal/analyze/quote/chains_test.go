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
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			checkSpeakers(t, findWith(c.text, ents), c.want)
		})
	}
}
