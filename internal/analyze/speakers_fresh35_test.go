package analyze

import "testing"

// TestSpeakersFirmStaffWrote checks the analysts of a firm quoted as one:
// "the X analysts wrote" and "“…,” analysts at X wrote" name the firm,
// whatever the recogniser typed its name, with a control where the
// analysts work at no named firm.
func TestSpeakersFirmStaffWrote(t *testing.T) {
	tests := []articleCase{
		{name: "the firm's analysts wrote",
			text: "Shares of Hollby Homes have fallen 38% since June.\n\n" +
				"Analysts at Wexmoor Strand wrote in a note to clients on Monday that the builder could face write-downs.\n\n" +
				"\"The market is treating its book value as a floor,\" the Wexmoor analysts wrote.\n",
			quotes: []wantQuote{{"treating its book", "Wexmoor"}}},
		{name: "analysts at the firm wrote",
			text: "Penbury Research argued in its own note last week that the worries were overdone.\n\n" +
				"\"Cancellations ran at 11% last quarter,\" analysts at Penbury Research wrote.\n",
			quotes: []wantQuote{{"Cancellations ran", "Penbury Research"}}},
		{name: "economists at the bank said before the quotation",
			text:   "Economists at Dunmere Bank said: \"Growth has stalled.\"\n",
			quotes: []wantQuote{{"Growth has stalled", "Dunmere Bank"}}},
		{name: "control: analysts at no named firm",
			text:   "\"The sector is cheap,\" analysts at several brokerages said.\n",
			quotes: []wantQuote{{"sector is cheap", ""}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersBodyOfficial checks an official or spokesman named only by
// a lower-case word of a body's name ("A bureau official", "a customs
// official"), interrupted or not by "speaking at …", and "the official"
// after them: the body speaks; controls where two bodies hold the word or
// none is named.
func TestSpeakersBodyOfficial(t *testing.T) {
	tests := []articleCase{
		{name: "a bureau official, speaking at",
			text: "Annual inflation quickened to 4.1 percent, the National Statistics Bureau said.\n\n" +
				"A bureau official, speaking at a briefing, said rents had risen \"at the fastest pace\" in the capital.\n\n" +
				"\"We do not comment on policy,\" the official said.\n",
			quotes: []wantQuote{{"fastest pace", "National Statistics Bureau"}, {"do not comment", "National Statistics Bureau"}}},
		{name: "a customs official told",
			text: "The surplus narrowed to 2.1 billion crowns, the Federal Customs Service said.\n\n" +
				"A customs official told a news conference that October had fewer working days, which had \"exaggerated the decline.\"\n\n" +
				"\"Adjusted for working days, the fall would be smaller,\" the official said.\n",
			quotes: []wantQuote{{"exaggerated", "Federal Customs Service"}, {"Adjusted for", "Federal Customs Service"}}},
		{name: "the bureau said",
			text: "Annual inflation quickened to 4.1 percent, the National Statistics Bureau said.\n\n" +
				"\"Price pressures broadened in February,\" the bureau said in its monthly release.\n",
			quotes: []wantQuote{{"Price pressures", "National Statistics Bureau"}}},
		{name: "the registry said",
			text: "According to the Land Registry, the average price fell 4.8 per cent.\n\n" +
				"'Sales volumes remain below average,' the registry said in its latest report.\n",
			quotes: []wantQuote{{"Sales volumes", "Land Registry"}}},
		{name: "control: two bodies hold the word",
			text: "The Eastern Statistics Bureau and the Western Statistics Bureau published figures on Monday.\n\n" +
				"A bureau official said the figures were \"provisional.\"\n",
			quotes: []wantQuote{{"provisional", ""}}},
		{name: "control: no body named",
			text:   "Prices rose again in March.\n\nA bureau official said the figures were \"provisional.\"\n",
			quotes: []wantQuote{{"provisional", ""}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersUnionOfTwoTrades checks a union named for its members and
// two trades ("Workers' Union of Metal and Machinery"): the name goes on
// over "and", and "the union" stands for it; with a control where a
// person's given name follows "and".
func TestSpeakersUnionOfTwoTrades(t *testing.T) {
	tests := []articleCase{
		{name: "the union",
			text: "About 1,800 workers began a strike on Monday. The Workers' Union of Metal and Machinery is seeking a rise of 8.5 per cent.\n\n" +
				"In a statement, the union accused management of \"playing chicken with livelihoods\".\n",
			quotes: []wantQuote{{"playing chicken", "Workers' Union of Metal and Machinery"}}},
		{name: "control: a person named after and",
			text:   "The Teachers' Union of Ostrava and Anna Holub said the talks had \"failed\".\n",
			quotes: []wantQuote{{"failed", "Anna Holub"}}},
	}
	checkArticleCases(t, tests)
}
