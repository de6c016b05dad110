package analyze

import "testing"

// TestSpeakersDocumentsQuoted checks reports that quote documents and
// messages: a role set off before a name ("the mine's chief engineer,
// X, to the chief executive, Y") is the named one's, not the words after
// the name that go on the sentence, so that "the engineer wrote" is
// theirs; "Advocate" before a name is a title; and "It adds" opening a
// sentence after "The letter, signed by X, says: “…”" is the signer's.
func TestSpeakersDocumentsQuoted(t *testing.T) {
	tests := []articleCase{
		{name: "the engineer who sent a message to the chief executive",
			text: "The filing quotes a message sent by the plant’s chief engineer, Tomasz Vlieland-Okoro, to the managing director, Greta Ashdown-Pike. " +
				"“The north wall is cracking. We must lower the level now,” the engineer wrote.\n",
			quotes: []wantQuote{{"north wall is cracking", "Tomasz Vlieland-Okoro"}}},
		{name: "an advocate's title",
			text: "A lawyer for the mayor, Advocate Zanele Hartzenberg-Moyo, said her client had done nothing wrong. " +
				"“The claims are a fraction of the story,” Hartzenberg-Moyo told the Herald.\n",
			quotes: []wantQuote{{"fraction of the story", "Zanele Hartzenberg-Moyo"}}},
		{name: "it adds after a letter's signer",
			text: "The tenants received a letter from the council last week.\n\n" +
				"The letter, signed by the council’s director of housing, Dr Lucinda Marsh-Adebayo, says: “We know the works are disruptive. We are sorry.”\n\n" +
				"It adds that residents will be offered “a weekly meeting with the builders” while the work goes on.\n",
			quotes: []wantQuote{{"works are disruptive", "Lucinda Marsh-Adebayo"}, {"weekly meeting", "Lucinda Marsh-Adebayo"}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersBroadcaster checks "broadcaster" as a role word: "the
// broadcaster X" is a person, and "the veteran broadcaster says" is hers
// though her daughter spoke before.
func TestSpeakersBroadcaster(t *testing.T) {
	tests := []articleCase{
		{name: "the veteran broadcaster",
			text: "Her mother, the broadcaster Moana Teirney, was a fixture of radio in the 1990s. Aroha Teirney-Vane grew up in the studio.\n\n" +
				"“I thought everyone’s mum had a microphone,” Teirney-Vane says.\n\n" +
				"“She has never needed my advice,” the veteran broadcaster says.\n",
			quotes: []wantQuote{{"needed my advice", "Moana Teirney"}}},
	}
	checkArticleCases(t, tests)
}
