package analyze

import "testing"

// TestSpeakersEverydayStyles checks speakers in forms of everyday news
// copy: a business the recogniser took for a person or left untyped
// ("Pellham Energy said … . “…,” the company said"), the agency of a
// dateline, a trade word opening a sentence before a name, a live blog's
// "From X, on the scene in Y:" and readers' "from X:" leads, a public
// body's full name the recogniser missed, "he" after a sentence that
// opens with "He", a role introduced unnamed, a point inside a sentence,
// a body that "declined to comment" before its spokeswoman, "a source
// close to" someone, a star's age before a relative clause, a quotation
// after a colon and a few words, a business a person owns and an
// analyst's firm before "the company"; with the forms that must keep
// their speaker (a woman whose surname is a trade word, a notice after a
// colon).
func TestSpeakersEverydayStyles(t *testing.T) {
	tests := []articleCase{
		{name: "the agency of a dateline is not the company",
			text: "RIVERTON, May 2 (Coastline Wire) - Corvallen Brewing said on Tuesday it would close two plants.\n\n" +
				"\"We regret the decision,\" the company said. \"It was not taken lightly.\"\n",
			quotes: []wantQuote{{"regret the decision", "Corvallen Brewing"}, {"not taken lightly", "Corvallen Brewing"}}},
		{name: "a hospital is not the utility",
			text: "Kelso Power warned of outages on Monday.\n\n" +
				"The Glenmore General Hospital said its generators had been tested. \"We can run for days,\" said its director of nursing, Dr. Ivo Brandt.\n\n" +
				"\"We have never had to cut supply,\" the utility said.\n",
			quotes: []wantQuote{{"run for days", "Ivo Brandt"}, {"never had to cut", "Kelso Power"}}},
		{name: "a trade word opening the sentence is not part of the name",
			text:   "Florist Kerry-Ann Woolcott, 29, who worked at the market for six years, sobbed: \"We were told by text.\"\n",
			quotes: []wantQuote{{"told by text", "Kerry-Ann Woolcott"}}},
		{name: "a live blog's reporter and reader leads",
			text: "4:10 p.m.\nFrom our correspondent Tamsin Iredale, on the scene in Harlow Cross:\n" +
				"\"The road is closed in both directions and the smoke is drifting over the school.\"\n\n" +
				"3:55 p.m.\nReaders are writing in. This one is from Declan, who lives on Mill Row:\n" +
				"\"We lost power at six and the phones went soon after.\"\n",
			quotes: []wantQuote{{"road is closed", "Tamsin Iredale"}, {"lost power at six", "Declan"}}},
		{name: "a public body's full name and its spokeswoman",
			text: "The Department for Island Transport said the report was \"under active review\" and would be answered in May. " +
				"A department spokeswoman added: \"No decision has been made about the harbour.\"\n",
			quotes: []wantQuote{{"under active review", "Department for Island Transport"}, {"No decision", "Department for Island Transport"}}},
		{name: "he after a sentence opening with He",
			text: "Councillor Bram Oakes is furious. He has written to the housing minister, Elspeth Varga, asking her to step in. " +
				"\"This is a disgrace and everyone on the island knows it,\" he said.\n",
			quotes: []wantQuote{{"This is a disgrace", "Bram Oakes"}}},
		{name: "a role introduced unnamed after a named speaker",
			text: "Ruth Hale said the pit would stay shut.\n\nAn adviser to the delegation, speaking on condition of anonymity because the talks were confidential, said the sides had been close to a deal on a drought protocol on Thursday night. " +
				"\"We had a text,\" the adviser said.\n",
			quotes: []wantQuote{{"We had a text", ""}}},
		{name: "a saint's name inside the subject's appositive",
			text:   "Dr. Omar Lindqvist, a surgeon at St. Brendan's Hospital who was not involved in the study, called the results \"very promising indeed\".\n",
			quotes: []wantQuote{{"very promising", "Omar Lindqvist"}}},
		{name: "a body that declined to comment and its spokeswoman",
			text:   "Harwick declined to comment on the rents. A spokeswoman said the group \"respects all its tenants\".\n",
			quotes: []wantQuote{{"respects all its tenants", "Harwick"}}},
		{name: "a source close to the chef is unnamed",
			text:   "Chef Dario Fenn was in tears last night. A source close to the chef said: \"He is heartbroken about the staff.\"\n",
			quotes: []wantQuote{{"heartbroken", ""}}},
		{name: "the star with an age and a relative clause",
			text: "Singer Lola Crane has quit the talent show.\n\n" +
				"The star, 31, who won the show in 2019, fumed: \"I was pushed out by people who never liked me.\"\n",
			quotes: []wantQuote{{"pushed out", "Lola Crane"}}},
		{name: "a quotation after a colon and a few words",
			text:   "In the square the growers compared the damage. \"Who will pay for the new vines,\" asked Ottilie Marr. Then, quietly: \"Nobody, as always.\"\n",
			quotes: []wantQuote{{"Nobody, as always", "Ottilie Marr"}}},
		{name: "a notice after a colon is nobody's",
			text:   "\"Who pays for this,\" asked Bram Hale. The sign on the door: \"Closed until further notice, sorry.\"\n",
			quotes: []wantQuote{{"Closed until further notice", ""}}},
		{name: "an analyst's firm is not the company",
			text: "Kestrel Brewing cut its forecast on Monday. \"This is the first crack in the story,\" said Tom Roe, an analyst at Harwood Capital. " +
				"\"Demand is weak in every market,\" the company said.\n",
			quotes: []wantQuote{{"first crack", "Tom Roe"}, {"Demand is weak", "Kestrel Brewing"}}},
		{name: "a business a person owns is not he",
			text: "Celebrity baker Jon Tull watched his shops close one by one.\n\n" +
				"Tull's Bakeries collapsed into administration on Monday. He said: \"I am gutted for every one of the staff.\"\n",
			quotes: []wantQuote{{"gutted", "Jon Tull"}}},
		{name: "a person's own firm word name keeps her gender",
			text:   "Maeve Power, a nurse at the clinic, said the queue was long. \"We saw ninety people,\" she said.\n",
			quotes: []wantQuote{{"ninety people", "Maeve Power"}}},
		{name: "a spokeswoman after a person who declined keeps the person",
			text:   "Ilse Hagen declined to comment. A spokeswoman said Ms Hagen \"has nothing to add\".\n",
			quotes: []wantQuote{{"nothing to add", "Ilse Hagen"}}},
	}
	checkArticleCases(t, tests)
}
