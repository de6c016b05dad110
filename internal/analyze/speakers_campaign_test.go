package analyze

import "testing"

// TestSpeakersCampaignsAndOffices checks that a candidate's campaign
// speaks as a company does ("the Ruvalcaba campaign said", "Halloway’s
// campaign said in a statement", "her campaign said", "a campaign
// spokesperson said", "“…,” it said" after the campaign), that "his
// office said" after a titled officeholder is that office, and that a
// campaign or office that is another subject's object stays apart.
func TestSpeakersCampaignsAndOffices(t *testing.T) {
	tests := []articleCase{
		{name: "the X campaign said in a statement",
			text: "Sen. Dario Quillfeather lost the vote on Tuesday.\n\n" +
				"In a written statement Wednesday morning, the Quillfeather campaign said the senator had “no regrets” about the race.\n",
			quotes: []wantQuote{{"no regrets", "Quillfeather campaign"}}},
		{name: "X’s campaign said, then a second quotation",
			text: "Gov. Annelise Brackwater spoke in Dover on Monday.\n\n" +
				"“Tonight voters saw a leader and a talker,” Brackwater’s campaign said in a statement. “Only one of them has ever balanced a budget.”\n",
			quotes: []wantQuote{{"a leader and a talker", "Brackwater campaign"}, {"balanced a budget", "Brackwater campaign"}}},
		{name: "her campaign said, then the statement said",
			text: "Gov. Annelise Brackwater answered the attack within the hour.\n\n" +
				"Her campaign said in a statement that the claim was “a desperate lie.” “The governor will protect every pension,” the statement said.\n",
			quotes: []wantQuote{{"a desperate lie", "Brackwater campaign"}, {"every pension", "Brackwater campaign"}}},
		{name: "it said after the campaign",
			text: "Sen. Dario Quillfeather spent the week in Ames.\n\n" +
				"Quillfeather’s campaign said Saturday that it had raised $1.4 million in a week, “our best week yet,” it said in an email to supporters.\n",
			quotes: []wantQuote{{"our best week yet", "Quillfeather campaign"}}},
		{name: "a campaign spokesperson in a campaign story",
			text: "Gov. Annelise Brackwater is back on the campaign trail.\n\n" +
				"Brackwater has made the claim six times this month. A campaign spokesperson said the governor was “speaking about the big cities,” but named none.\n",
			quotes: []wantQuote{{"speaking about the big cities", "Brackwater campaign"}}},
		{name: "a person close to her campaign is unnamed",
			text: "Gov. Annelise Brackwater answered the attack within the hour.\n\n" +
				"That line, a person close to her campaign said, was “not an accident.”\n",
			quotes: []wantQuote{{"not an accident", ""}}},
		{name: "his office said after a governor",
			text: "Gov. Tobias Wrenfield has defended the law as “common sense.” In a statement, his office said the law “makes it easy to vote and hard to cheat” and said more.\n\n" +
				"“The governor is proud of this law,” the statement said.\n",
			quotes: []wantQuote{{"common sense", "Tobias Wrenfield"}, {"hard to cheat", "governor's office"}, {"proud of this law", "governor's office"}}},
	}
	checkArticleCases(t, tests)
}
