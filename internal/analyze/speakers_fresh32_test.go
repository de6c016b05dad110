package analyze

import "testing"

// TestSpeakersPostNominalSetOff checks a counsel's rank or an honour set
// off by commas after a name ("Kelechi Amodu, SAN, said"): the person
// speaks, not the letters.
func TestSpeakersPostNominalSetOff(t *testing.T) {
	tests := []articleCase{
		{name: "senior advocate",
			text:   "His lead counsel, Kelechi Amodu, SAN, said the tribunal had \"set the bar too high.\"\n",
			quotes: []wantQuote{{"set the bar", "Kelechi Amodu"}}},
		{name: "king's counsel",
			text:   "Counsel for the council, Moira Pendlebury-Hart, KC, told the hearing the plan was \"lawful in every respect.\"\n",
			quotes: []wantQuote{{"lawful in every", "Moira Pendlebury-Hart"}}},
		{name: "control: an organisation set off",
			text:   "Oriel Banda, a member of the group, said PCAN, which filed the case, had been \"vindicated.\"\n",
			quotes: []wantQuote{{"vindicated", "Oriel Banda"}}},
	}
	checkArticleCases(t, tests)
}
