package analyze

import "testing"

// TestSpeakersKinGivenName checks a given name set off by commas after a
// relative named with a possessive ("Halloway's husband, Grant,") as the
// person a later "he" stands for, rather than a relative with a full
// name named earlier.
func TestSpeakersKinGivenName(t *testing.T) {
	tests := []articleCase{
		{name: "a husband by given name after a brother-in-law named in full",
			text: "The paper said the firm is owned by her husband's brother, Curtis Halloway.\n\n" +
				"Curtis Halloway did not respond to a request for comment.\n\n" +
				"Halloway's husband, Grant, who stood beside her at the news conference, did not speak. " +
				"Asked afterward whether he had discussed the contracts with his brother, he paused. \"We talk about the Steelers,\" he said.\n",
			quotes: []wantQuote{{"We talk about the Steelers", "Grant"}}},
		{name: "a son by given name",
			text: "Dorian Vell ran the mill for years.\n\n" +
				"His son, Everett, a lawyer, was more blunt. \"It is a lot of money,\" he said.\n",
			quotes: []wantQuote{{"It is a lot of money", "Everett Vell"}}},
		{name: "control: the father speaks after the son is named",
			text: "Dorian Vell ran the mill for years. His son, Everett, is a lawyer.\n\n" +
				"Dorian Vell shrugged. \"It is a lot of money,\" he said.\n",
			quotes: []wantQuote{{"It is a lot of money", "Dorian Vell"}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersAnotherOfTheRole checks "the analyst said" after "Another
// analyst, who declined to be identified, …" standing for that unnamed
// analyst rather than the one named before, and "the purchasing director
// of a large maker" left unnamed, with the named holder that must keep
// the role.
func TestSpeakersAnotherOfTheRole(t *testing.T) {
	tests := []articleCase{
		{name: "another analyst introduced unnamed",
			text: "\"He buys them to take them apart,\" said Margery Lindqvist, an analyst at Pettibone, Hale & Co.\n\n" +
				"Another analyst, who declined to be identified, called the price \"a lowball.\" \"He is pricing it just high enough,\" the analyst said.\n",
			quotes: []wantQuote{{"He is pricing it just high enough", ""}, {"He buys them", "Margery Lindqvist"}}},
		{name: "control: the analyst named before",
			text: "\"He buys them to take them apart,\" said Margery Lindqvist, an analyst at Pettibone, Hale & Co.\n\n" +
				"Traders called the price \"a lowball.\" \"He is pricing it just high enough,\" the analyst said.\n",
			quotes: []wantQuote{{"He is pricing it just high enough", "Margery Lindqvist"}}},
		{name: "a role at an employer left unnamed",
			text: "\"Management told us the worst was over,\" said Anselm Drinkwater, an analyst at Coventry & Pryce.\n\n" +
				"\"Why would I buy now?\" said the purchasing director of a large computer maker, who asked not to be named.\n",
			quotes: []wantQuote{{"Why would I buy now", ""}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersFirmSpokespeople checks a spokesman "for the company" as
// the business the text is about, even when its full name came well
// before and only a possessive named it since, and "a Halvorsen
// spokeswoman" as the partnership named for that person, with a person's
// spokeswoman who speaks for the person.
func TestSpeakersFirmSpokespeople(t *testing.T) {
	tests := []articleCase{
		{name: "a spokesman for the company",
			text: "Wexcombe Electronics Corp. said third-quarter net income fell 58%, hurt by a glut of memory chips that has driven prices down by as much as half since the spring. " +
				"The maker of semiconductors and disk-drive controllers earned $11.2 million, or 31 cents a share, compared with $26.7 million, or 74 cents a share, a year earlier. " +
				"Revenue slipped 9% to $287.4 million from $315.9 million, below the estimates of most analysts.\n\n" +
				"The company said it expects fourth-quarter earnings to be lower. Its chairman declined to say how much lower, and analysts were divided on how long the slump would last. " +
				"Several said they expected prices to keep falling into next year, and some cut their estimates for the year by a third or more.\n\n" +
				"Ms. Hargreave said Wexcombe's disk-controller business remained \"healthy and growing.\"\n\n" +
				"Anselm Drinkwater, an analyst at Coventry & Pryce in New York, called the quarter \"a disappointment.\"\n\n" +
				"Asked about that criticism, a spokesman for the company said Wexcombe had \"given the best information available at the time.\"\n",
			quotes: []wantQuote{{"given the best information", "Wexcombe Electronics Corp"}}},
		{name: "a spokeswoman named by the surname of the firm's founder",
			text: "Halvorsen Partners L.P., the investment partnership run by Tremont Halvorsen, bid for the company.\n\n" +
				"Corliss said it had filed suit. A Halvorsen spokeswoman called the suit \"a delaying tactic.\"\n",
			quotes: []wantQuote{{"a delaying tactic", "Halvorsen Partners L.P."}}},
		{name: "control: a candidate's spokeswoman",
			text: "Senate hopeful Brock Tillford spoke for an hour.\n\n" +
				"\"He has no plan,\" a Tillford spokeswoman said.\n",
			quotes: []wantQuote{{"He has no plan", "Brock Tillford"}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersWhatTheyCalled checks a short quotation after "what X
// described as" or "what one X called", found and credited to the
// unnamed X, with the named speaker that keeps it.
func TestSpeakersWhatTheyCalled(t *testing.T) {
	tests := []articleCase{
		{name: "what traders described as",
			text:   "The offer set off what traders described as \"a feeding frenzy\" in the stock.\n",
			quotes: []wantQuote{{"a feeding frenzy", ""}}},
		{name: "what one dealer called",
			text:   "Lisbet Marr, the fund's manager, was calm. British gilts fell on what one London dealer called \"sympathy selling.\"\n",
			quotes: []wantQuote{{"sympathy selling", ""}}},
		{name: "control: what a named analyst called",
			text:   "The offer set off what Margery Lindqvist, an analyst at Pettibone, called \"a feeding frenzy\" in the stock.\n",
			quotes: []wantQuote{{"a feeding frenzy", "Margery Lindqvist"}}},
	}
	checkArticleCases(t, tests) // (a quotation not found fails too)
}

// TestSpeakersCourtRuling checks a court's ruling as a cue ("blocked the
// merger, ruling that the board had acted “…”"), "a Delaware judge"
// read as an unnamed judge rather than the state, named by the next
// sentence's vice chancellor, and "the judge" for a vice chancellor or an
// associate justice.
func TestSpeakersCourtRuling(t *testing.T) {
	tests := []articleCase{
		{name: "a judge named in the next sentence as vice chancellor",
			text: "WILMINGTON, Del. -- A Delaware judge temporarily blocked the merger, ruling that the directors had acted \"with unseemly haste\" in turning aside a rival.\n\n" +
				"In a 46-page opinion, Vice Chancellor Ignatius Merriweather of the Delaware Chancery Court said the board had failed in its duty.\n\n" +
				"\"Having put the company up for sale, the directors were not free to pick the buyer they liked best,\" the judge wrote.\n",
			quotes: []wantQuote{{"with unseemly haste", "Ignatius Merriweather"}, {"Having put the company up for sale", "Ignatius Merriweather"}}},
		{name: "an associate justice",
			text:   "Associate Justice Henrietta Morrow-Bates dissented.\n\n\"The Court will come to regret it,\" the judge wrote.\n",
			quotes: []wantQuote{{"The Court will come to regret it", "Henrietta Morrow-Bates"}}},
		{name: "control: a federal judge nobody names",
			text:   "A federal judge blocked the law, ruling that it was \"plainly unconstitutional.\"\n",
			quotes: []wantQuote{{"plainly unconstitutional", ""}}},
		{name: "control: a vice chancellor is no mayor",
			text:   "Vice Chancellor Ann Roe spoke first.\n\n\"We will rebuild,\" the mayor said.\n",
			quotes: []wantQuote{{"We will rebuild", ""}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersBodiesAbroad checks "Kestria's embassy" as a speaker named
// by its country, a body followed by the city it speaks from ("the
// Electronic Industries Association of Japan in Washington said"),
// "welcomed the pause as “…”", and a coordinated cue after a naming cue
// whose subject the naming cue could not read.
func TestSpeakersBodiesAbroad(t *testing.T) {
	tests := []articleCase{
		{name: "a country's embassy",
			text:   "Kestria's embassy in Washington said in a statement that it \"welcomes the pause as a constructive step.\"\n",
			quotes: []wantQuote{{"welcomes the pause", "Kestria's embassy"}}},
		{name: "a country's embassy in a city after the country's minister",
			text: "She declined to say whether the president had spoken with Kestria's prime minister, Arvid Solheimsen.\n\n" +
				"Kestria's embassy in Washington said in a statement that it \"welcomes the pause as a constructive step.\"\n",
			quotes: []wantQuote{{"welcomes the pause", "Kestria's embassy"}}},
		{name: "a body and the city it speaks from",
			text: "A spokesman for the Electronic Industries Association of Japan in Washington said its members " +
				"\"follow the law in every market where they sell\" and called the charge \"an old song.\"\n",
			quotes: []wantQuote{{"follow the law", "Electronic Industries Association of Japan"}, {"an old song", "Electronic Industries Association of Japan"}}},
		{name: "control: a person in a city",
			text:   "Officials in Washington said the talks were \"close on most of the big issues.\"\n",
			quotes: []wantQuote{{"close on most", ""}}},
		{name: "welcomed as",
			text: "Senate Finance Committee Chairman Horatio Blackwood, R-Iowa, whose state's farmers have been hit by retaliation, " +
				"welcomed the pause as \"a little breathing room for people who badly need it.\"\n",
			quotes: []wantQuote{{"a little breathing room", "Horatio Blackwood"}}},
		{name: "praised but warned",
			text:   "The Wenlow Chamber of Commerce praised a freeze in parking charges but warned that businesses were \"at breaking point\".\n",
			quotes: []wantQuote{{"at breaking point", "Wenlow Chamber of Commerce"}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersPronounChainPastObject checks "she" going on to mean the
// press secretary whose "She declined to say whether … the prime
// minister, Arvid Solheimsen" named him after her pronoun, with the
// control of a woman the text calls "she" before.
func TestSpeakersPronounChainPastObject(t *testing.T) {
	tests := []articleCase{
		{name: "a man of no given gender named after her pronoun",
			text: "\"The president doesn't make trade policy based on one bad week,\" press secretary Marguerite Oduya-Finch said.\n\n" +
				"She declined to say whether the president had spoken with Kestria's prime minister, Arvid Solheimsen, saying only that contacts had taken place \"at many levels.\"\n\n" +
				"One reporter asked if the administration had a deadline for a deal. \"Sixty days,\" she replied.\n",
			quotes: []wantQuote{{"Sixty days", "Marguerite Oduya-Finch"}}},
		{name: "control: a woman named after her pronoun",
			text: "\"The president doesn't make trade policy based on one bad week,\" press secretary Marguerite Oduya-Finch said.\n\n" +
				"She declined to say whether the president had spoken with the prime minister, Ingrid Solheimsen, who said last week she was hopeful.\n\n" +
				"Later the prime minister spoke to reporters. \"Sixty days,\" she replied.\n",
			quotes: []wantQuote{{"Sixty days", "Ingrid Solheimsen"}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersRoleLeadThenPronoun checks "The mayor was unconvinced. He
// said … “…”" for the mayor named before, though a man the text calls
// "Mr." is named between them, with the control of a man named after the
// role's sentence.
func TestSpeakersRoleLeadThenPronoun(t *testing.T) {
	tests := []articleCase{
		{name: "the mayor after Mr. X",
			text: "\"They closed it inside of two years,\" said Wilbur Steadman, the mayor.\n\n" +
				"Mr. Halvorsen rejected the comparison. \"I have no plans to close a single mill,\" he said.\n\n" +
				"The mayor was unconvinced. He said he had written to both senators asking them to \"keep an eye on this.\"\n",
			quotes: []wantQuote{{"keep an eye on this", "Wilbur Steadman"}, {"I have no plans", "Halvorsen"}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersRelativeClauseCue checks a cue whose subject is "who"
// after a name, past an appositive ("his wife, Jolene, a former teacher,
// who told the crowd her husband “…”").
func TestSpeakersRelativeClauseCue(t *testing.T) {
	tests := []articleCase{
		{name: "a wife by given name and an appositive",
			text: "Senate hopeful Brock Tillford spoke.\n\n" +
				"Tillford was introduced by his wife, Jolene, a former high school teacher, who told the crowd her husband \"doesn't know how to quit.\"\n",
			quotes: []wantQuote{{"know how to quit", "Jolene Tillford"}}},
		{name: "a full name",
			text:   "Tillford was introduced by Jolene Marsh, who told the crowd he \"doesn't know how to quit.\"\n",
			quotes: []wantQuote{{"know how to quit", "Jolene Marsh"}}},
		{name: "control: the sentence's own subject",
			text:   "Brock Tillford, a trucking executive, told the crowd he \"doesn't know how to quit.\"\n",
			quotes: []wantQuote{{"know how to quit", "Brock Tillford"}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersHeadlineSecondVerb checks a headline's second verb after a
// comma ("White House defends tariff pause, says talks ‘…’") as said by
// the headline's subject.
func TestSpeakersHeadlineSecondVerb(t *testing.T) {
	tests := []articleCase{
		{name: "White House says",
			text: "White House defends tariff pause, says talks with Kestria 'moving in the right direction'\n\n" +
				"WASHINGTON — The White House on Tuesday defended its decision to pause new tariffs.\n",
			quotes: []wantQuote{{"moving in the right direction", "White House"}}},
		{name: "control: said after a comma in a sentence of the story",
			text: "Tariffs paused\n\n" +
				"The pause came after a drop in the market, says a report that called the talks \"moving in the right direction.\"\n",
			quotes: []wantQuote{{"moving in the right direction", ""}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersUnnamedGroups checks a short quotation credited to an
// unnamed group named with whom it acts for ("Lawyers for the investors
// called the decision “…”") or one of them before a relative clause
// ("One, who asked not to be identified, called it “…”"), found and left
// unnamed, with the group of a body's own people that the body speaks
// through, and a spokesman "for X in Portland" whom the recogniser read
// the city as a person's name for.
func TestSpeakersUnnamedGroups(t *testing.T) {
	tests := []articleCase{
		{name: "lawyers for the investors",
			text:   "Lawyers for the investors called the decision ``a major victory.''\n",
			quotes: []wantQuote{{"a major victory", ""}}},
		{name: "one who asked not to be identified",
			text:   "German analysts were divided. One, who asked not to be identified, called it ``a trophy purchase'' and said the price was high.\n",
			quotes: []wantQuote{{"a trophy purchase", ""}}},
		{name: "control: officials with a body",
			text: "The National Weather Service said the tornado was on the ground for 23 miles.\n" +
				"\"Eighteen minutes is a lifetime in this business,\" officials with the weather service said in a statement.\n",
			quotes: []wantQuote{{"Eighteen minutes", "National Weather Service"}}},
		{name: "a spokesman for a firm in a city",
			text: "Ashgrove, a unit of Consolidated Timberlands Inc. of Portland, Ore., says the concessions are needed.\n\n" +
				"A spokesman for Consolidated Timberlands in Portland said the company saw ``no point in mediation until the union is prepared to talk.''\n",
			quotes: []wantQuote{{"no point in mediation", "Consolidated Timberlands Inc"}}},
	}
	checkArticleCases(t, tests) // (a quotation not found fails too)
}

// TestSpeakersOpinionAndFirmSurname checks an opinion put in the
// speaker's words ("He thinks the stock is worth “…”"), and a surname
// shared by a business and its chairman read as the business when what
// it says opens with "it" ("Corliss said that it had filed suit"), with
// the chairman who keeps his own words.
func TestSpeakersOpinionAndFirmSurname(t *testing.T) {
	tests := []articleCase{
		{name: "he thinks",
			text: "Percival Thorngate is a portfolio manager at Ellsworth Capital.\n\n" +
				"Mr. Thorngate figures Dorrington will earn $3.20 a share. He thinks the stock is worth ``at least $45 on fundamentals alone.''\n",
			quotes: []wantQuote{{"at least $45", "Percival Thorngate"}}},
		{name: "the business by its first word",
			text: "Corliss Mills Inc. rejected the bid. Its chairman, Lucius Corliss, called it low.\n\n" +
				"Corliss said late yesterday that it had filed suit, charging that the filings were ``false and misleading.''\n",
			quotes: []wantQuote{{"false and misleading", "Corliss Mills Inc"}}},
		{name: "control: the chairman by surname",
			text: "Corliss Mills Inc. rejected the bid. Its chairman, Lucius Corliss, called it low.\n\n" +
				"Corliss said late yesterday that he would not tender, calling the price ``an insult to the family.''\n",
			quotes: []wantQuote{{"an insult to the family", "Lucius Corliss"}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersCountryBodies checks "the embassy wrote" for "the Kesh
// embassy" named before by a country's one-word name, and "it said" for
// a country's body that the sentence before opens with though the
// recogniser named no body there, with a bare body that names nobody.
func TestSpeakersCountryBodies(t *testing.T) {
	tests := []articleCase{
		{name: "the embassy after the Kesh embassy",
			text:   "Valmark summoned the ambassador after the Kesh embassy in Ostrel published a series of posts.\n\nIn a post on Sunday, the embassy wrote: \"We respect the people of Valmark.\"\n",
			quotes: []wantQuote{{"We respect the people", "Kesh embassy"}}},
		{name: "it after a country's ministry by its possessive",
			text:   "Tarvand's defence ministry denied the report. \"No aircraft crossed the border,\" it said in a statement.\n",
			quotes: []wantQuote{{"No aircraft crossed", "Tarvand's defence ministry"}}},
		{name: "it after the Tarvish foreign ministry",
			text:   "The Tarvish foreign ministry issued a statement on Monday. \"We reject these claims,\" it said.\n",
			quotes: []wantQuote{{"We reject these claims", "Tarvish foreign ministry"}}},
		{name: "control: a bare ministry",
			text:   "\"We did not change the rules,\" the ministry said.\n",
			quotes: []wantQuote{{"We did not change the rules", ""}}},
		{name: "control: a person between",
			text:   "Tarvand's defence ministry denied the report. Its spokesman, Arvo Linn, was more cautious. \"No aircraft crossed the border,\" it said.\n",
			quotes: []wantQuote{{"No aircraft crossed", ""}}},
	}
	checkArticleCases(t, tests)
}
