package analyze

import "testing"

// TestSpeakersPossessiveBody checks "Its defence ministry" after the
// country it stands for, as "the defence ministry", and "the statement"
// and "the ministry" after it, with a country's body named by its
// possessive as control.
func TestSpeakersPossessiveBody(t *testing.T) {
	tests := []articleCase{
		{name: "its ministry",
			text: "The remarks drew a sharp reply from Tarsania. Its defence ministry said in a statement that the drills were \"routine and lawful.\"\n\n" +
				"\"Tarsania will not be told where its ships may sail,\" the statement said.\n",
			quotes: []wantQuote{{"routine and lawful", "the defence ministry"}, {"Tarsania will not be told", "the defence ministry"}}},
		{name: "their ministry, then the ministry",
			text: "The Orvanese answered within hours. Their foreign ministry said the claims were \"baseless.\"\n\n" +
				"\"Nobody will dictate our policy,\" the ministry said.\n",
			quotes: []wantQuote{{"baseless", "the foreign ministry"}, {"Nobody will dictate our policy", "the foreign ministry"}}},
		{name: "control: a country's possessive",
			text:   "Tarsania's defence ministry said the drills were \"routine and lawful.\"\n",
			quotes: []wantQuote{{"routine and lawful", "the defence ministry"}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersInstitutionOf checks a body whose name has "of" or "for"
// inside, the words before it named alone by the recogniser ("The
// Costaluna Chamber of Commerce said"), with a person of a place as
// control.
func TestSpeakersInstitutionOf(t *testing.T) {
	tests := []articleCase{
		{name: "chamber of commerce",
			text:   "The Costaluna Chamber of Commerce said in a statement that it \"takes note\" of the plan.\n",
			quotes: []wantQuote{{"takes note", "Costaluna Chamber of Commerce"}}},
		{name: "institute for",
			text:   "The Harwick Institute for Fiscal Studies said the plan was \"not costed.\"\n",
			quotes: []wantQuote{{"not costed", "Harwick Institute for Fiscal Studies"}}},
		{name: "control: a person of a place",
			text:   "President Amara Kollie-Tane of Velunga said the plan was \"not costed.\"\n",
			quotes: []wantQuote{{"not costed", "Amara Kollie-Tane"}}},
	}
	checkArticleCases(t, tests)
}
