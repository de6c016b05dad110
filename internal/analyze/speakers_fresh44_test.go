package analyze

import "testing"

// TestSpeakersTabloidSport checks forms of tabloid sport and celebrity
// news: a regional or national noun ending in -lander or -ian ("the
// Icelander", "the Gibraltarian") for the one just named, "Another said"
// for one more unnamed member of a crowd, an age and a noun of a trade
// ("the 33-year-old quick"), an age before a relative clause ("The
// 31-year-old, who played his 250th game, added:"), "a pal of the
// defender" as an unnamed friend, and nouns of sport and show business
// ("the centre-back", "the podcast host"), with controls.
func TestSpeakersTabloidSport(t *testing.T) {
	tests := []articleCase{
		{name: "a nationality noun in -lander",
			text:   "Ashby boss Stefan Baldursson was a happier man. The Icelander said: ‘I told them at half-time to keep going.’\n",
			quotes: []wantQuote{{"I told them", "Stefan Baldursson"}}},
		{name: "a nationality noun in -ian",
			text:   "Vinnie Castellano, 29, was gracious in defeat. “Wes was the better player,” the Gibraltarian said.\n",
			quotes: []wantQuote{{"better player", "Vinnie Castellano"}}},
		{name: "control: the Guardian is a newspaper",
			text: "Gary Tollington spoke after the game. “We bottled it,” he said.\n\n" +
				"“The club is in crisis,” the Guardian said in an editorial.\n",
			quotes: []wantQuote{{"We bottled it", "Gary Tollington"}, {"in crisis", "Guardian"}}},
		{name: "another in a crowd",
			text:   "Viewers flooded social media to take sides. One wrote on X: “Chantelle telling it how it is.” Another said: “Dean is the only one with any sense.”\n",
			quotes: []wantQuote{{"telling it how", ""}, {"only one with", ""}}},
		{name: "an age and a noun",
			text: "Australia captain Mitch Harwood took 5-42 in the second innings.\n\n" +
				"“They play the way they play,” the 33-year-old quick said.\n",
			quotes: []wantQuote{{"the way they play", "Mitch Harwood"}}},
		{name: "an age before a relative clause",
			text: "Eels captain Toby Faleolo fronted the media. “It starts with me,” Faleolo said.\n\n" +
				"The 31-year-old, who played his 250th game, added: “We let a lot of people down tonight.”\n",
			quotes: []wantQuote{{"We let a lot", "Toby Faleolo"}}},
		{name: "a pal of the defender",
			text:   "Liam Burrows, 25, has not commented publicly. But a pal of the defender said: “Liam is gutted too.”\n",
			quotes: []wantQuote{{"Liam is gutted", ""}}},
		{name: "sport and show business nouns",
			text: "Liam Burrows later posted a message on Instagram. “Wishing her the best,” the centre-back wrote.\n\n" +
				"Robbie Stannard said the episode drew more messages than any other. “My inbox has gone mad,” the podcast host said.\n",
			quotes: []wantQuote{{"Wishing her", "Liam Burrows"}, {"My inbox", "Robbie Stannard"}}},
	}
	checkArticleCases(t, tests)
}
