package analyze

import "testing"

// TestSpeakersNoteOfAnalysts checks a note written by analysts at a firm
// and quoted as "the note said" in the same sentence or the next: the
// firm speaks, with a control where the note has no named writer.
func TestSpeakersNoteOfAnalysts(t *testing.T) {
	tests := []articleCase{
		{name: "analysts at a firm",
			text: "The central bank of Dovrenia held its key rate at 4.25 percent on Tuesday.\n\n" +
				"Analysts at Kestrel Marlow wrote in a note to clients that they expected a further rise in June. \"The balance of risks points to one more move,\" the note said.\n",
			quotes: []wantQuote{{"balance of risks", "Kestrel Marlow"}}},
		{name: "economists at a bank",
			text:   "Economists at Perrin Vale Bank said in a note on Friday that growth had stalled. \"We see little reason for optimism before the autumn,\" the note said.\n",
			quotes: []wantQuote{{"little reason", "Perrin Vale Bank"}}},
		{name: "control: residents at a place",
			text:   "Residents at Kelmouth Bay wrote in a letter to the council that the road was unsafe. \"We have asked for years,\" the letter said.\n",
			quotes: []wantQuote{{"asked for years", ""}}},
		{name: "control: a note nobody is said to have written",
			text:   "A note was found on the door on Friday. \"Back in five minutes,\" the note said.\n",
			quotes: []wantQuote{{"Back in five", ""}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersBodyNamedHeadFirst checks a body whose name is written in a
// language that puts the head first ("Banco Central de …"): "the bank
// said" and "It said" after it stand for it, with a control where the
// head word opens no such name.
func TestSpeakersBodyNamedHeadFirst(t *testing.T) {
	tests := []articleCase{
		{name: "the bank and it",
			text: "The board of the Banco Central de Tarvesa voted four to one for the increase, the bank said in a statement. It said that prices had \"risen far too fast\" since June.\n\n" +
				"Finance Minister Tomas Arrieta Vidal said the increase was \"painful.\"\n\n" +
				"The bank said the board would \"watch wages closely\" in the months ahead.\n",
			quotes: []wantQuote{{"risen far too fast", "Banco Central de Tarvesa"}, {"watch wages closely", "Banco Central de Tarvesa"}}},
		{name: "the ministry",
			text:   "The Ministerio de Obras Publicas of Tarvesa closed the bridge on Monday. \"The structure is not safe,\" the ministry said.\n",
			quotes: []wantQuote{{"not safe", "Ministerio de Obras Publicas"}}},
		{name: "control: a surname, not a head",
			text:   "Lucia Banco de la Vega, a teacher, said the school was \"falling apart.\"\n",
			quotes: []wantQuote{{"falling apart", "Lucia Banco de la Vega"}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersClericAfterOffice checks an office set off before the name
// of its holder styled as a cleric's ("The Dean of Tessel, the Very Rev.
// X, said"): the cleric speaks, not the office; with a control where the
// appositive is a role, not a styled name.
func TestSpeakersClericAfterOffice(t *testing.T) {
	tests := []articleCase{
		{name: "the very rev.",
			text:   "The Dean of Harlow, the Very Rev. Ansel Whitcombe, said in a statement that the cathedral had lost \"a voice like no other.\"\n",
			quotes: []wantQuote{{"a voice like", "Ansel Whitcombe"}}},
		{name: "the rev.",
			text:   "The Bishop of Harlow, the Rev. Corin Ashdale, said the closure was \"a grief to the whole diocese.\"\n",
			quotes: []wantQuote{{"a grief to", "Corin Ashdale"}}},
		{name: "control: a role set off after the name",
			text:   "Ansel Whitcombe, the dean of the cathedral, said the choir had lost \"a voice like no other.\"\n",
			quotes: []wantQuote{{"a voice like", "Ansel Whitcombe"}}},
	}
	checkArticleCases(t, tests)
}
