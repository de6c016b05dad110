package analyze

import "testing"

// TestSpeakersNicknameInName checks a nickname in quotation marks inside
// a person's name ("KIERAN “The Kilkenny Cat” Doyle", "Brad “Hammer”
// Kellaway"): no quotation, and the surname, a pronoun and the nickname
// alone later are that person's, not a relative's of the same surname.
func TestSpeakersNicknameInName(t *testing.T) {
	tests := []articleCase{
		{name: "a given name in capitals, then the surname alone",
			text: "KIERAN “The Kilkenny Cat” Doyle vowed to “send Marcus Okafor to sleep inside six” at the weigh-in.\n\n" +
				"“Saturday night, it stops,” Doyle, 31, told the crowd.\n\n" +
				"His dad and trainer agreed. “He’s never looked sharper,” said Pat Doyle.\n",
			quotes: []wantQuote{{"send Marcus Okafor", "Kieran Doyle"}, {"it stops", "Kieran Doyle"}, {"never looked sharper", "Pat Doyle"}}},
		{name: "the nickname alone, then a pronoun",
			text: "Sharks enforcer Brad “Hammer” Kellaway scored two tries.\n\n" +
				"Former halfback Nathan Coombe was blunt. “That was bad,” Coombe said.\n\n" +
				"The Hammer was more interested in celebrating. “Beers are on me,” he laughed.\n",
			quotes: []wantQuote{{"That was bad", "Nathan Coombe"}, {"Beers are on me", "Brad Kellaway"}}},
	}
	checkArticleCases(t, tests)
}
