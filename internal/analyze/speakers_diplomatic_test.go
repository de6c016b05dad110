package analyze

import "testing"

// TestSpeakersQuotedThroughOutlet checks reports that quote someone through a
// state outlet: "quoted a role, Name, as saying" credits the name set
// off after the role, "quoted an unnamed source as saying" stays
// unnamed even when a later clause of the sentence holds a naming verb,
// and a bracketed acronym after a body does not hide it as the subject.
func TestSpeakersQuotedThroughOutlet(t *testing.T) {
	tests := []articleCase{
		{name: "a role, then a titled name",
			text:   "State television quoted a naval commander, Rear Admiral Corvin Dashtani, as saying the vessel had carried \"more fuel than declared.\"\n",
			quotes: []wantQuote{{"more fuel than declared", "Corvin Dashtani"}}},
		{name: "a definite role, then a name",
			text:   "The agency quoted the provincial prosecutor, Helmut Arvani, as saying the case would be heard \"without delay.\"\n",
			quotes: []wantQuote{{"without delay", "Helmut Arvani"}}},
		{name: "an acronym in brackets after the body",
			text:   "The official Tessavar News Agency (TNA) said the passengers were \"safe and well.\"\n",
			quotes: []wantQuote{{"safe and well", "Tessavar News Agency"}}},
		{name: "an unnamed source, then a claim a company named",
			text: "The ferry's owner, Bellary Maritime, denied the charge.\n\n" +
				"The Morning Daily quoted an unnamed police source as saying the crew had \"admitted everything\" in custody, a claim the company called \"ridiculous.\"\n",
			quotes: []wantQuote{{"admitted everything", ""}, {"ridiculous", "Bellary Maritime"}}},
		{name: "control: a role with no name set off",
			text:   "State radio quoted a local official as saying the bridge was \"closed until further notice.\"\n",
			quotes: []wantQuote{{"closed until further notice", ""}}},
	}
	checkArticleCases(t, tests)
}
