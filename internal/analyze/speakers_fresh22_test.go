package analyze

import "testing"

// TestSpeakersNameGivenBefore checks a pronoun after a sentence that
// closes with the name an unnamed person gave ("the next caller, who gave
// his name only as Tel. “…,” he said"), who is the speaker rather than
// someone named before, with the forms that must keep their speaker.
func TestSpeakersNameGivenBefore(t *testing.T) {
	tests := []articleCase{
		{name: "the name closes the sentence before",
			text: "Anjali, from the Old Town, said her household had halved its rubbish.\n\n" +
				"That drew a sharp response from the next caller, who gave his name only as Tel. \"That's lovely for her,\" he said. \"Some of us have got nappies.\"\n",
			quotes: []wantQuote{{"That's lovely for her", "Tel"}, {"Some of us have got nappies", "Tel"}}},
		{name: "the name in an appositive clause of the subject",
			text: "In the square, Rosetta Villani-Bruck, a retired teacher, said the boats were too loud.\n\n" +
				"A boatman standing nearby, who gave his name only as Pino, was more sympathetic. \u00abThey have mortgages like everyone\u00bb, he said.\n",
			quotes: []wantQuote{{"They have mortgages like everyone", "Pino"}}},
		{name: "who gave her first name as",
			text: "Gareth Pembury-Okoro, the presenter, said the line was open.\n\n" +
				"The first caller, who gave her first name as Deb, had waited an hour. \"It's the bins again,\" she said.\n",
			quotes: []wantQuote{{"It's the bins again", "Deb"}}},
		{name: "control: a pronoun of the other gender",
			text: "Harriet Lowdell-Byrne chairs the residents' group.\n\n" +
				"One caller, who gave his name only as Tel, rang in. Lowdell-Byrne listened. \"We hear that every week,\" she said.\n",
			quotes: []wantQuote{{"We hear that every week", "Harriet Lowdell-Byrne"}}},
		{name: "control: a person named since",
			text: "One caller, who gave his name only as Tel, rang in about the bins.\n\n" +
				"The presenter, Gareth Pembury-Okoro, was unimpressed. \"We've heard that all morning,\" he said.\n",
			quotes: []wantQuote{{"We've heard that all morning", "Gareth Pembury-Okoro"}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersNationalityFrom checks "the Australian said" after a
// sentence naming someone "of Australia" when another speaker was quoted
// just before, with the forms that must keep their speaker.
func TestSpeakersNationalityFrom(t *testing.T) {
	tests := []articleCase{
		{name: "the one named as from that country",
			text: "\"Sleep,\" Mira Oshiba-Kell said. \"And a lot of noodles.\"\n\n" +
				"In the heats, Declan Farrow-Imrie of Australia qualified fastest despite easing off.\n\n" +
				"\"That was about 80 per cent,\" the Australian said.\n",
			quotes: []wantQuote{{"That was about 80 per cent", "Declan Farrow-Imrie"}}},
		{name: "control: no one named as from there",
			text: "Declan Farrow-Imrie won the heat in Perth.\n\n" +
				"\"That was about 80 per cent,\" the Australian said.\n",
			quotes: []wantQuote{{"That was about 80 per cent", "Declan Farrow-Imrie"}}},
		{name: "control: someone of another country",
			text: "\"I was tired,\" said Declan Farrow-Imrie, who trains in Sydney.\n\n" +
				"Tomas Ibarreta-Solde of Spain was second. \"He was too strong,\" the Australian's rival said.\n\n" +
				"\"Next time,\" the Australian said.\n",
			quotes: []wantQuote{{"Next time", "Declan Farrow-Imrie"}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersCompanySpokesmanAfterFirm checks "a company spokesman"
// right after a sentence naming a business by a company form ("…
// is owned by Calder Quarrying Ltd. A company spokesman said …"), with
// the forms that must keep their speaker.
func TestSpeakersCompanySpokesmanAfterFirm(t *testing.T) {
	tests := []articleCase{
		{name: "the firm the sentence before names",
			text: "Councillor Imelda Rooke-Varga said residents had complained for years.\n\n" +
				"The quarry, off Hollin Lane, is owned by Brackwell Aggregates Ltd. A company spokesman said it was \"cooperating fully with the police\".\n",
			quotes: []wantQuote{{"cooperating fully with the police", "Brackwell Aggregates Ltd"}}},
		{name: "control: no firm in the sentence before",
			text: "Veltrane Systems Inc said it would cut 300 jobs.\n\n" +
				"Shares of the company fell 4% in extended trading.\n\n" +
				"Engineering teams would be \"largely protected,\" a company spokesperson said.\n",
			quotes: []wantQuote{{"largely protected", ""}}},
		{name: "control: two firms in the sentence before",
			text:   "The site is shared by Brackwell Aggregates Ltd and Ostley Haulage Ltd. A company spokesman said it was \"cooperating fully\".\n",
			quotes: []wantQuote{{"cooperating fully", ""}}},
	}
	checkArticleCases(t, tests)
}
