package analyze

import "testing"

// TestSpeakersHeadOfBody checks the words newspapers use for the head of a
// firm, club or gallery named before: "the Halvard chief" and "the Rovers
// boss" for one introduced as "Halvard boss X" or "boss X", "the gallery
// chief" for a "Gallery director", "Its chief" after the firm, and "the
// bakery boss" after "The company's chief said".
func TestSpeakersHeadOfBody(t *testing.T) {
	tests := []articleCase{
		{name: "a one-word firm before a head's word",
			text: "Halvard Ferries says the crossing will close in May.\n\n" +
				"Speaking to Coastline FM, Halvard boss Oren Castellucci-Bright said the decision was painful.\n\n" +
				"“The boats are half empty most of the year,” the Halvard chief said. “We cannot go on.”\n\n" +
				"Halvard says it will talk to the port. Its chief said: “We will look at every option.”\n",
			quotes: []wantQuote{{"half empty", "Oren Castellucci-Bright"}, {"cannot go on", "Oren Castellucci-Bright"}, {"every option", "Oren Castellucci-Bright"}}},
		{name: "the club's chief for a boss introduced without the club",
			text: "EXCLUSIVE: Wanderers ace Eldridge-Vane ‘wants out’\n\n" +
				"MIDFIELDER Tomas Eldridge-Vane has told Wanderers he wants a move.\n\n" +
				"The 27-year-old is understood to have told boss Gareth Pennock-Lyle on Tuesday.\n\n" +
				"Pennock-Lyle would not budge. “He has two years left on his deal,” the Wanderers chief said.\n",
			quotes: []wantQuote{{"two years left", "Gareth Pennock-Lyle"}}},
		{name: "a gallery's director called its chief",
			text: "The show fills four rooms. Gallery director Imelda Straker-Voss calls it “the show of the decade.”\n\n" +
				"“We have waited far too long for this,” the gallery chief says.\n",
			quotes: []wantQuote{{"waited far too long", "Imelda Straker-Voss"}}},
		{name: "the company's chief, then the bakery boss",
			text: "Managing director Rhona Pettigrew-Lamb said the plant would open in spring.\n\n" +
				"The company’s chief said orders had doubled.\n\n" +
				"“We have run the ovens flat out for a year,” the bakery boss added.\n",
			quotes: []wantQuote{{"flat out", "Rhona Pettigrew-Lamb"}}},
		{name: "a forecaster's title before the name",
			text: "WKPL 9 Chief Meteorologist Brent Solano said the storm was part of a line that moved through the state Tuesday evening. " +
				"“It came out of nowhere,” Solano said.\n",
			quotes: []wantQuote{{"out of nowhere", "Brent Solano"}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersDescribedAgainLater checks descriptions that stand for
// someone named before: "the 79-year-old" for the one the text gave that
// age though another spoke last, "the Conservative MP" for the MP named (not a
// name followed by "MP"), "the co-op" for a cooperative the recogniser
// left untyped, and a pronoun after a weekday's plural ("on Saturdays"),
// which is no one's name.
func TestSpeakersDescribedAgainLater(t *testing.T) {
	tests := []articleCase{
		{name: "an age given after the name",
			text: "A nurse from Pelham who does not drive says the bus is her only way to work. “I will lose my job,” Dana Kovacs-Reilly told us.\n\n" +
				"Widower Frank Lumsden, 79, from Ashby, uses it to reach the surgery. “It keeps me going,” the 79-year-old said.\n",
			quotes: []wantQuote{{"lose my job", "Dana Kovacs-Reilly"}, {"keeps me going", "Frank Lumsden"}}},
		{name: "a party's MP described",
			text: "The town’s MP, Harriet Ellingham-Cole, has written to Westmoor Buses asking it to wait.\n\n" +
				"“Villages are being forgotten,” the Conservative MP said.\n",
			quotes: []wantQuote{{"being forgotten", "Harriet Ellingham-Cole"}}},
		{name: "the co-op for an untyped cooperative",
			text: "The Prairie Valley Electric Cooperative said in a statement that crews from two states had arrived. " +
				"“Most members will have power by Friday,” the co-op said.\n",
			quotes: []wantQuote{{"power by Friday", "Prairie Valley Electric Cooperative"}}},
		{name: "a weekday's plural before a pronoun",
			text: "Yusuf Okonkwo-Hale grew up above a bakery. His uncle played cards in the square on Saturdays; his aunt, he says, called it “a waste of good daylight.”\n\n" +
				"“She had a point,” he says.\n",
			quotes: []wantQuote{{"waste of good daylight", "Yusuf Okonkwo-Hale"}, {"She had a point", "Yusuf Okonkwo-Hale"}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersPresentedAfter checks a feature's opening that describes
// its subject speaking before naming them ("The woman behind the counter
// … “…,” she says." then "This is Ann Roe"), and that a pronoun stays
// unnamed when the paragraph after presents no one.
func TestSpeakersPresentedAfter(t *testing.T) {
	tests := []articleCase{
		{name: "this is the one described",
			text: "The woman behind the counter of the tiny corner shop is weighing sweets by hand. “Nobody else does it like this,” she says. “Nobody else is this stubborn.”\n\n" +
				"This is Marjorie Feltham-Oduya, and for forty years she has sold bonbons to three generations of Elsby children.\n\n" +
				"“I started when I was twenty,” Feltham-Oduya says.\n",
			quotes: []wantQuote{{"Nobody else does it", "Marjorie Feltham-Oduya"}, {"this stubborn", "Marjorie Feltham-Oduya"}, {"when I was twenty", "Marjorie Feltham-Oduya"}}},
		{name: "no one presented",
			text: "A man who asked not to be named was sweeping glass. “It happens every month,” he said.\n\n" +
				"Police said Gordon Ashworth-Pike, 41, had been arrested.\n",
			quotes: []wantQuote{{"every month", ""}}},
	}
	checkArticleCases(t, tests)
}
