package analyze

import "testing"

// TestSpeakersDialogueRun checks bare lines of dialogue, a run of short
// paragraphs each a quotation alone, after an attributed one: they
// alternate between its speaker and the one who spoke before, while a
// single bare paragraph still goes on with the last speaker.
func TestSpeakersDialogueRun(t *testing.T) {
	tests := []articleCase{
		{name: "a husband and wife at lunch",
			text: "\"I had to look it up,\" Marit Olsbakken says.\n\n" +
				"Her husband, Torolf, a retired fisherman, meets us for lunch.\n\n" +
				"\"She will go mad on land,\" he says.\n\n" +
				"\"I will not go mad.\"\n\n" +
				"\"You went mad on holiday.\"\n\n" +
				"\"He had the timetable wrong.\"\n",
			quotes: []wantQuote{{"She will go mad on land", "Torolf"}, {"I will not go mad", "Marit Olsbakken"},
				{"You went mad on holiday", "Torolf"}, {"He had the timetable wrong", "Marit Olsbakken"}}},
		{name: "cross-examination after the witness replied",
			text: "Kasimir Dolvenko, 46, was testifying on the third day of the trial.\n\n" +
				"\"You kept this note for eight months?\" Lucan Ferrabee asked.\n\n" +
				"\"I was frightened,\" the witness replied. \"I had two children.\"\n\n" +
				"\"Or you wrote it yourself.\"\n\n" +
				"\"No. I did not write it.\"\n",
			quotes: []wantQuote{{"I was frightened", "Kasimir Dolvenko"}, {"Or you wrote it yourself", "Lucan Ferrabee"},
				{"No. I did not write it", "Kasimir Dolvenko"}}},
		{name: "control: one bare paragraph goes on with the speaker",
			text: "\"We moved,\" Maeve Castellin said. \"They did not.\"\n\n" +
				"Orrin Haldane, the director, disagreed. \"We moved too,\" he said.\n\n" +
				"\"We will meet again on Monday.\"\n",
			quotes: []wantQuote{{"We will meet again on Monday", "Orrin Haldane"}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersThatStudent checks that a sentence opening "That student,
// X," has X as the subject the next sentence's pronoun continues, rather
// than the speaker quoted before.
func TestSpeakersThatStudent(t *testing.T) {
	tests := []articleCase{
		{name: "a student named after the senior author",
			text: "The study's senior author, Professor Kwabena Ostrander, said the team had not set out to look at breeding. " +
				"\"We put the loggers on to map where they went,\" he said.\n\n" +
				"That student, Mireille Vantongeren, is now a co-author. She recalled spending two summers weighing chicks. " +
				"\"You get pecked a lot,\" she said.\n",
			quotes: []wantQuote{{"We put the loggers on", "Kwabena Ostrander"}, {"You get pecked a lot", "Mireille Vantongeren"}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersOpeningQuestionPhrase checks a bare quotation after a
// sentence that opens with "Asked whether …," or "Then, as …," before
// its pronoun or role subject.
func TestSpeakersOpeningQuestionPhrase(t *testing.T) {
	tests := []articleCase{
		{name: "asked, with a name in apposition, the coach",
			text: "Castrow head coach Oksana Vidmark said her side had been timid.\n\n" +
				"Asked whether she regretted leaving her top scorer, Aleksander Moyano, on the bench, the coach was blunt. " +
				"\"No. He had a knock in training.\"\n",
			quotes: []wantQuote{{"No. He had a knock in training.", "Oksana Vidmark"}}},
		{name: "asked, she rejected the suggestion",
			text: "Heloise Marchand told the newspaper the project was late.\n\n" +
				"Asked whether her country was steering the work, she rejected the suggestion. \"Not at all. What matters is that it is shared.\"\n",
			quotes: []wantQuote{{"Not at all. What matters is that it is shared.", "Heloise Marchand"}}},
		{name: "then, as the quay comes up",
			text: "Signe Haldorsen has run the ferry for forty years.\n\n" +
				"Then, as the quay comes up, she speaks without taking her eyes off it. \"You know what I will miss? The faces.\"\n",
			quotes: []wantQuote{{"You know what I will miss? The faces.", "Signe Haldorsen"}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersUpdateAndKin checks "the update said" as the agency that
// published it, and a name in apposition after a relative's noun ("the
// dead worker's mother, Fatima Roe") as a person whom "she" stands for.
func TestSpeakersUpdateAndKin(t *testing.T) {
	tests := []articleCase{
		{name: "the update said",
			text: "Most of the cases are in children, the National Health Protection Agency said in its weekly update. " +
				"\"The outbreak has not yet peaked,\" the update said.\n",
			quotes: []wantQuote{{"The outbreak has not yet peaked", "National Health Protection Agency"}}},
		{name: "a mother after the jury heard from her",
			text: "Earlier, the jury heard from the dead worker's mother, Fatima Lindgaard-Amadi. " +
				"Speaking quietly, she told the court that her son had complained about the brakes.\n\n" +
				"\"He said it was only a matter of time,\" she said.\n",
			quotes: []wantQuote{{"He said it was only a matter of time", "Fatima Lindgaard-Amadi"}}},
		{name: "a researcher before a relative clause",
			text: "That claim drew scepticism from Halima Strandmark, a researcher at the Digital Rights Forum in Port Alvery who has studied the software. " +
				"\"I will believe it when a lab has looked,\" she said.\n",
			quotes: []wantQuote{{"I will believe it when a lab has looked", "Halima Strandmark"}}},
	}
	checkArticleCases(t, tests)
}
