package analyze

import "testing"

// TestSpeakersPersonOfBodyWithClause checks a subject written as a person
// "of" or "at" a body and set off by a relative clause before its verb
// ("Ann Roe of Holbrook Partners, who covers the industry, said"), as
// business copy names analysts; with the forms that must keep their
// speaker.
func TestSpeakersPersonOfBodyWithClause(t *testing.T) {
	tests := []articleCase{
		{name: "a person of a body with a who clause, then he said",
			text: "\"Demand is soft,\" said Priya Ostrander, an analyst at Holbrook Partners.\n\n" +
				"Simon Achterlow of Garner Heath Securities, who rates the stock a sell, said the company had lost ground. " +
				"\"Rivals are growing,\" he said.\n",
			quotes: []wantQuote{{"Demand is soft", "Priya Ostrander"}, {"Rivals are growing", "Simon Achterlow"}}},
		{name: "the same after But",
			text: "\"Demand is soft,\" said Priya Ostrander, an analyst at Holbrook Partners.\n\n" +
				"But Simon Achterlow-Reyes of Garner Heath Securities, who rates the stock a sell, said the company had lost ground. " +
				"\"Rivals are growing,\" he said.\n",
			quotes: []wantQuote{{"Rivals are growing", "Simon Achterlow-Reyes"}}},
		{name: "a person at a body with a who clause",
			text: "\"Demand is soft,\" said Priya Ostrander, an analyst at Holbrook Partners.\n\n" +
				"Another analyst, Simon Achterlow at Garner Heath Securities, who follows retailers, said margins would shrink. " +
				"\"Rivals are growing,\" he said.\n",
			quotes: []wantQuote{{"Rivals are growing", "Simon Achterlow"}}},
		{name: "control: a person of a body without a clause",
			text: "\"Demand is soft,\" said Priya Ostrander, an analyst at Holbrook Partners.\n\n" +
				"Simon Achterlow of Garner Heath Securities said the company had lost ground. \"Rivals are growing,\" he said.\n",
			quotes: []wantQuote{{"Rivals are growing", "Simon Achterlow"}}},
		{name: "control: a person's relative of a body stays unnamed",
			text: "\"Demand is soft,\" said Priya Ostrander, an analyst at Holbrook Partners.\n\n" +
				"The head of Garner Heath Securities, who asked not to be named, said the company had lost ground. " +
				"\"Rivals are growing,\" he said.\n",
			quotes: []wantQuote{{"Rivals are growing", ""}}},
	}
	checkArticleCases(t, tests)
}
