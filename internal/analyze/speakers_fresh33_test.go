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
