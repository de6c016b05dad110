package analyze

import "testing"

// TestSpeakersSignedCalledAndIntroduced checks speakers given in ways the
// finder missed: readers' messages signed after them in a live blog, a
// crowd's cry, an unnamed speaker with a noun before their trade ("a
// government backbencher"), a person introduced by role before the name
// ("The witness, X,"), a body called by its common noun before "it", and
// someone else's lawyer; with the forms that must keep their speaker.
func TestSpeakersSignedCalledAndIntroduced(t *testing.T) {
	tests := []articleCase{
		{name: "readers' messages signed after them",
			text: "8:31 p.m.\nSome of your messages:\n\"A tree came through the porch roof. Everyone's fine.\" — Rosalba, Tennick\n\n" +
				"\"Three hours in the car so the baby can sleep.\" — Ewart in Mossgiel\n",
			quotes: []wantQuote{{"porch roof", "Rosalba"}, {"baby can sleep", "Ewart"}}},
		{name: "a quotation with a dash and a clause after it is not signed",
			text:   "Ilse Marten spoke first. \"We will be back,\" she said. \"Next year\" — Marten paused — \"we will win.\"\n",
			quotes: []wantQuote{{"We will be back", "Ilse Marten"}}},
		{name: "a crowd's cry after a speaker's cue",
			text: "The Premier, Ilse Marten, rose. \"That is a government getting on with the job,\" she said, to cries of " +
				"\"Hear, hear!\" from her own benches.\n",
			quotes: []wantQuote{{"getting on with the job", "Ilse Marten"}, {"Hear, hear", ""}}},
		{name: "an unnamed speaker with a body's noun before the trade",
			text:   "Ilse Marten rose. \"Shame on you!\" called a government backbencher.\n",
			quotes: []wantQuote{{"Shame on you", ""}}},
		{name: "a person introduced by role before the name",
			text: "The witness, Corvin Aldous, 34 years old, is the government's chief witness. His lawyer, Ruth Penhale, sat behind him.\n" +
				"\"You would say anything, wouldn't you?\" Ms. Penhale asked.\n\"No. I'm telling the truth,\" the witness replied.\n",
			quotes: []wantQuote{{"telling the truth", "Corvin Aldous"}}},
		{name: "someone else's lawyer is not the lawyer named before",
			text:   "Mr. Brandt's lawyer, Ruth Penhale, spoke first. Mr. Oswin's lawyer said his client \"will tell the truth when called.\"\n",
			quotes: []wantQuote{{"tell the truth", ""}}},
		{name: "a body called by its common noun before it",
			text: "Tamsin Rook, a meteorologist with the Harrowmere Weather Service, said the rain would stop. " +
				"\"The ice isn't going anywhere,\" she said.\nThe weather service has extended its warning. In its latest bulletin, it says travel is " +
				"\"extremely dangerous\" across the region.\n",
			quotes: []wantQuote{{"ice isn't going", "Tamsin Rook"}, {"extremely dangerous", "Harrowmere Weather Service"}}},
		{name: "a team opening the sentence before is not he",
			text: "\"He is different,\" Mariners coach Dayo Okafor said.\n\nOkafor was less pleased with the start. The Mariners led by 17 early.\n\n" +
				"\"We got comfortable,\" he said.\n",
			quotes: []wantQuote{{"got comfortable", "Dayo Okafor"}}},
	}
	checkArticleCases(t, tests)
}
