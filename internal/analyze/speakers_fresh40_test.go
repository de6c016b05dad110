package analyze

import "testing"

// TestSpeakersLocalNewsUnnamed checks sources a local news story keeps
// unnamed in the paragraph before a quotation that opens its own
// paragraph ("who asked that his name not be used", "declined to give
// her name", "who identified herself only as a grandmother"), and a
// capitalised organiser's title before a name, with controls where the
// paragraph before names the speaker or the note of anonymity stands
// before a named source.
func TestSpeakersLocalNewsUnnamed(t *testing.T) {
	tests := []articleCase{
		{name: "a name not to be used, in the paragraph before",
			text: "“It went up fast,” said Battalion Chief Dale Orrick.\n\n" +
				"Another neighbor, a retired mechanic who asked that his name not be used, said he had seen smoke by the garage.\n\n" +
				"“It started on the left side. By the time I got my shoes on it had gone all the way across,” he said.\n",
			quotes: []wantQuote{{"It went up fast", "Dale Orrick"}, {"It started on the left side", ""}}},
		{name: "declined to give her name, in the paragraph before",
			text: "“I have never walked a picket line,” said nurse Tomas Vellacott.\n\n" +
				"A younger nurse beside him, who declined to give her name because she feared for her job, said she was looking elsewhere.\n\n" +
				"“Half the people I started with are gone. They just quit,” she said.\n",
			quotes: []wantQuote{{"Half the people I started with", ""}}},
		{name: "identified herself only as",
			text: "“We already lose kids to away games,” said coach Bill Varga.\n\n" +
				"One speaker, who identified herself only as a grandmother of two students, told the board it was wasting time.\n\n" +
				"“We walked to school and we turned out fine,” she said.\n",
			quotes: []wantQuote{{"We walked to school", ""}}},
		{name: "a named speaker in the paragraph before",
			text: "A neighbor, who asked that his name not be used, said the road was icy.\n\n" +
				"Township trustee Dan Kowal said the township had asked for a study.\n\n" +
				"“We keep asking and we keep getting told no,” he said.\n",
			quotes: []wantQuote{{"We keep asking", "Dan Kowal"}}},
		{name: "an organizer's title",
			text: "A fundraiser is planned for Saturday. Organizer Denny Hallam said restaurants had donated food.\n\n" +
				"“Come hungry and bring your checkbook,” Hallam said.\n",
			quotes: []wantQuote{{"Come hungry", "Denny Hallam"}}},
	}
	checkArticleCases(t, tests)
}
