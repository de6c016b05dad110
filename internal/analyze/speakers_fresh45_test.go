package analyze

import "testing"

// TestSpeakersBusinessFiling checks a body the recogniser may read as a
// person that speaks through a statement or a filing "that it" would do
// something: a following "the company said" is that body, not another
// company named before it; with controls for a person's statement.
func TestSpeakersBusinessFiling(t *testing.T) {
	tests := []articleCase{
		{name: "a statement that it",
			text: "Larkspur Systems said on Monday it would cut 200 jobs.\n\n" +
				"Tessellate said in a statement that it respected the rights of creators. “We will defend ourselves vigorously,” the company said.\n",
			quotes: []wantQuote{{"defend ourselves", "Tessellate"}}},
		{name: "a statement to the stock exchange that it",
			text: "Brenholt Capital owns 9% of the shares.\n\n" +
				"Telwave said in a statement to the stock exchange that it would credit affected customers. “We expect the cost to be immaterial,” the company said.\n",
			quotes: []wantQuote{{"cost to be immaterial", "Telwave"}}},
		{name: "a filing that it",
			text: "Larkspur Systems said on Monday it would cut 200 jobs.\n\n" +
				"Veridian said in a filing that it now expects production to begin in 2029. “We remain committed to Arizona,” the company said.\n",
			quotes: []wantQuote{{"remain committed", "Veridian"}}},
		{name: "control: a person's statement",
			text: "Larkspur Systems said on Monday it would cut 200 jobs.\n\n" +
				"Dana Kettleborough said in a statement that she was proud of the team. “We will come back stronger,” she said.\n",
			quotes: []wantQuote{{"come back stronger", "Dana Kettleborough"}}},
	}
	checkArticleCases(t, tests)
}
