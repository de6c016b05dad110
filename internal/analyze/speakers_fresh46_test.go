package analyze

import "testing"

// TestSpeakersCounselRank checks a counsel's rank or an honour written
// right after a name without commas ("X KC told", "X SC said", "X OBE
// said"): the person speaks, not the rank; with a control for the rank
// set off by commas.
func TestSpeakersCounselRank(t *testing.T) {
	tests := []articleCase{
		{name: "KC told the court",
			text:   "Opening the case, prosecutor Nicholas Thewlis KC told Leeds Crown Court the killing had been “sudden, savage and entirely unprovoked.”\n",
			quotes: []wantQuote{{"sudden, savage", "Nicholas Thewlis"}}},
		{name: "SC said",
			text:   "The accused pleaded not guilty.\n\nDefence counsel Orla Brennan-Tighe SC said her client “accepts the verdict with sorrow.”\n",
			quotes: []wantQuote{{"accepts the verdict", "Orla Brennan-Tighe"}}},
		{name: "OBE said",
			text:   "The charity opened a new ward.\n\nIts founder, Ambrose Ellingworth OBE said the ward was “twenty years in the making.”\n",
			quotes: []wantQuote{{"twenty years", "Ambrose Ellingworth"}}},
		{name: "control: KC set off by commas",
			text:   "The hearing lasted two days.\n\nHarriet Moyes, KC, told the jury the case was “built on sand.”\n",
			quotes: []wantQuote{{"built on sand", "Harriet Moyes"}}},
	}
	checkArticleCases(t, tests)
}
