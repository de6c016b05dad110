package analyze

import "testing"

// TestSpeakersGivenNameGender checks that a given name used almost only
// for men or only for women rules out a pronoun of the other gender when
// the text gives that person none ("The critic Lionel Dorrance …
// “…,” she says" is not Lionel's), with the forms that must keep their
// speaker.
func TestSpeakersGivenNameGender(t *testing.T) {
	tests := []articleCase{
		{name: "she is not the man named just before",
			text: "Ellen Ferrant designed the Harwick library in 1998.\n\n" +
				"\u201cIt leaks,\u201d she says.\n\n" +
				"The critic Lionel Dorrance once described her library as \u201ca fine answer to nothing\u201d. Does that still sting?\n\n" +
				"\u201cLionel was right about the roof,\u201d she says. \u201cHe was wrong about everything else.\u201d\n",
			quotes: []wantQuote{{"Lionel was right about the roof", "Ellen Ferrant"}, {"He was wrong about everything else", "Ellen Ferrant"}}},
		{name: "he is not the woman named just before",
			text: "Soap star Jax Rowell has split from singer Kiki Arden, his spokeswoman confirmed.\n\n" +
				"A spokeswoman for the singer's label, Sadie Orme-Bright, said: \"There will be no further comment.\"\n\n" +
				"The pair met in January, and Jax Rowell gushed about his new love on a chat show in April. \"She's the funniest person I've ever met,\" he said at the time.\n",
			quotes: []wantQuote{{"She's the funniest person", "Jax Rowell"}}},
		{name: "control: she after a man's name, with his niece named before",
			text: "The man at the wheel is Fergus Tallack, who has skippered the ferry for years.\n\n" +
				"\"There are forty people left,\" he said.\n\n" +
				"His niece, Kirsty Tallack, runs the shop. She is thirty-four.\n\n" +
				"\"If the boat goes, we go,\" she said.\n",
			quotes: []wantQuote{{"There are forty people left", "Fergus Tallack"}, {"If the boat goes", "Kirsty Tallack"}}},
		{name: "control: a woman's name and she",
			text:   "\"It leaks,\" said Margaret Holroyd, the librarian. \"It always has,\" she added.\n",
			quotes: []wantQuote{{"It always has", "Margaret Holroyd"}}},
		{name: "control: a man's name and he after a woman's quote",
			text:   "\"We will appeal,\" said Helen Marwood. Her lawyer, Dennis Corbel, agreed. \"The ruling is wrong,\" he said.\n",
			quotes: []wantQuote{{"We will appeal", "Helen Marwood"}, {"The ruling is wrong", "Dennis Corbel"}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersPlayersDescribed checks players named by their position or
// age after the name ("said the loose forward" for a captain, "said the
// 23-year-old" after the sentence naming him, "Roe's halfback, Ari
// Tane, … he said"), with the forms that must keep their speaker.
func TestSpeakersPlayersDescribed(t *testing.T) {
	tests := []articleCase{
		{name: "a captain called by his position",
			text: "\"I got mine early,\" Toby Arkwright said.\n\n" +
				"Falcons captain Sione Vaka-Hollis, who scored two tries, said the defeat stung.\n\n" +
				"\"We came here to win,\" said the loose forward. \"Close gets you nothing.\"\n",
			quotes: []wantQuote{{"We came here to win", "Sione Vaka-Hollis"}, {"Close gets you nothing", "Sione Vaka-Hollis"}}},
		{name: "said the 23-year-old after a bowler named in the sentence before",
			text: "\"I got mine early,\" Toby Arkwright said.\n\n" +
				"Castlemere's opening bowler Imran Qadir-Lowe, who took three for 52, felt his side had let them off.\n\n" +
				"\"We bowled beautifully for an hour,\" said the 23-year-old.\n",
			quotes: []wantQuote{{"We bowled beautifully", "Imran Qadir-Lowe"}}},
		{name: "a halfback named after his team-mate's name",
			text: "\"I got mine early,\" Rangi Te Horo said.\n\n" +
				"\"It's hard to take,\" said Falcons coach Dallas Ngaio.\n\n" +
				"Te Horo's halfback, Kauri Pomana, was making his 50th appearance. Asked about the milestone, he said:\n\n" +
				"\"Fifty's a nice number.\"\n",
			quotes: []wantQuote{{"Fifty's a nice number", "Kauri Pomana"}}},
		{name: "control: a coach is not the forward",
			text: "Falcons coach Marty Ngaio said the defeat stung.\n\n" +
				"\"We came here to win,\" said the loose forward.\n",
			quotes: []wantQuote{{"We came here to win", ""}}},
		{name: "control: the 23-year-old before the verb",
			text: "Castlemere's Imran Qadir-Lowe took three for 52.\n\n" +
				"\"We bowled beautifully,\" the 23-year-old said.\n",
			quotes: []wantQuote{{"We bowled beautifully", "Imran Qadir-Lowe"}}},
	}
	checkArticleCases(t, tests)
}
