package analyze

import "testing"

// TestSpeakersOlderUSPress checks speakers in the forms of older American
// newspaper copy: a legislator's party and state in parentheses with a
// point and a comma ("Rep. X (D., Mo.)"), "Mr. X asked" after a question,
// a state abbreviated inside a company's appositive ("based in Y, N.J.,"),
// a subject set off from its verb by a prepositional phrase, and "the
// company" said after analysts whose firms are named; with the forms that
// must keep their speaker.
func TestSpeakersOlderUSPress(t *testing.T) {
	tests := []articleCase{
		{name: "party and state apart in parentheses before said",
			text:   "\"The fund is nearly empty,\" Rep. Orla Brandvik (D., Mo.) said. \"We cannot wait.\"\n",
			quotes: []wantQuote{{"nearly empty", "Orla Brandvik"}, {"cannot wait", "Orla Brandvik"}}},
		{name: "party and state apart in parentheses, an appositive and told",
			text: "\"Every week the loss grows,\" Rep. Orla Brandvik (R., N.Y.), chairman of the oversight panel, told Tobin Vail, head of the deposit board. " +
				"\"You knew it.\"\n",
			quotes: []wantQuote{{"loss grows", "Orla Brandvik"}, {"You knew it", "Orla Brandvik"}}},
		{name: "party and a whole state name in parentheses",
			text:   "\"We will vote no,\" Sen. Kestrel Amundsen (R., Texas) said.\n",
			quotes: []wantQuote{{"vote no", "Kestrel Amundsen"}}},
		{name: "a joined party tag still read",
			text:   "\"We will vote no,\" Sen. Kestrel Amundsen (R-Texas) said.\n",
			quotes: []wantQuote{{"vote no", "Kestrel Amundsen"}}},
		{name: "a parenthesis that is not a party tag is not skipped",
			text:   "Ilse Marten chaired the panel. \"We will vote no,\" the committee (which met twice) said.\n",
			quotes: []wantQuote{{"vote no", ""}}},
		{name: "Mr. X asked after a question",
			text:   "Rep. Dunstan Orrery rose. \"Will the chairman yield?\" Mr. Orrery asked.\n",
			quotes: []wantQuote{{"chairman yield", "Dunstan Orrery"}}},
		{name: "Ms. X said after an exclamation",
			text:   "Halla Brisk, the clerk, waved. \"Not again!\" Ms. Brisk said.\n",
			quotes: []wantQuote{{"Not again", "Halla Brisk"}}},
		{name: "asked Mr. X after a question still read",
			text:   "Rep. Dunstan Orrery rose. \"Will the chairman yield?\" asked Mr. Orrery.\n",
			quotes: []wantQuote{{"chairman yield", "Dunstan Orrery"}}},
		{name: "a company based in a town and an abbreviated state",
			text: "Shares of Quellmark Pharmaceuticals Inc. fell.\n" +
				"Quellmark, which is based in Tarrow Point, N.J., said the request was routine. \"We are confident,\" the company said.\n",
			quotes: []wantQuote{{"We are confident", "Quellmark Pharmaceuticals Inc"}}},
		{name: "a company that a spokeswoman later speaks for keeps no gender",
			text: "Shares of Quellmark Pharmaceuticals Inc. fell.\n" +
				"Quellmark, which is based in Tarrow Point, said the request was routine. \"We are confident,\" the company said.\n" +
				"Ada Fenn, a spokeswoman for Quellmark, said the budget stood. \"We are here for the long term,\" she said.\n",
			quotes: []wantQuote{{"We are confident", "Quellmark Pharmaceuticals Inc"}, {"long term", "Ada Fenn"}}},
		{name: "a subject set off by a prepositional phrase",
			text: "The Grellin Relief Society opened six shelters. The society, in a statement issued late on Sunday night, said that it needed " +
				"\"blankets and volunteers.\"\n",
			quotes: []wantQuote{{"blankets and volunteers", "Grellin Relief Society"}}},
		{name: "the society for an organisation whose name ends so",
			text:   "The Grellin Relief Society opened six shelters. The society said in a statement that it needed \"blankets and volunteers.\"\n",
			quotes: []wantQuote{{"blankets and volunteers", "Grellin Relief Society"}}},
		{name: "the society with no society named stays unnamed",
			text:   "Volunteers opened six shelters. The society said in a statement that it needed \"blankets and volunteers.\"\n",
			quotes: []wantQuote{{"blankets and volunteers", ""}}},
		{name: "the union for a labour association named before",
			text: "The Association of Cabin Staff, which represents attendants at both airlines, said it feared cuts. " +
				"\"The bill ends up on our members' desks,\" the union said in a statement.\n",
			quotes: []wantQuote{{"members' desks", "Association of Cabin Staff"}}},
		{name: "the union is not a company named before",
			text:   "Harwen Freight Inc. said it feared cuts. \"The bill ends up on our members' desks,\" the union said in a statement.\n",
			quotes: []wantQuote{{"members' desks", ""}}},
		{name: "a named spokeswoman for a body is the speaker",
			text: "Shares of Quellmark Pharmaceuticals Inc. fell. Quellmark makes drugs.\n" +
				"Ada Fenn-Morrow, a spokeswoman for Quellmark, said the company had \"no plans to change its budget\" after the delay.\n",
			quotes: []wantQuote{{"no plans to change", "Ada Fenn-Morrow"}}},
		{name: "an unnamed spokeswoman for a body speaks for it",
			text: "Quellmark Pharmaceuticals Inc. makes drugs.\n" +
				"A spokeswoman for the Quellmark Drug Agency said the agency had \"no plans to change its budget\" after the delay.\n",
			quotes: []wantQuote{{"no plans to change", "Quellmark Drug Agency"}}},
		{name: "a body based somewhere, named before the appositive",
			text: "Skyreach Airways Inc. flies west. Skyreach, based in Tulare Bay, Calif., said within hours that it would match the fares " +
				"``on every route where we compete.''\n",
			quotes: []wantQuote{{"every route", "Skyreach Airways Inc"}}},
		{name: "a person based somewhere is the speaker",
			text:   "Ilse Marten, based in Tulare Bay, said the fares were \"too low to last.\"\n",
			quotes: []wantQuote{{"too low to last", "Ilse Marten"}}},
		{name: "the company is not an analyst's firm",
			text: "Ivo Marsh is chairman of Tolvane Foods Corp. \"He wants to stay,\" said Ruth Emmer, an analyst at Pardoe Lisle Inc. " +
				"The company said it expected the products to be \"in every store by spring.\"\n",
			quotes: []wantQuote{{"every store by spring", "Tolvane Foods Corp"}}},
		{name: "the company is not a commentator's firm named after the person with of",
			text: "Ivo Marsh is chairman of Tolvane Foods Corp. Halvard Quist of Brenning & Partners said the fall \"has gone too far\" " +
				"and that the business alone justified a higher price. \"We are confident,\" the company said.\n",
			quotes: []wantQuote{{"has gone too far", "Halvard Quist"}, {"We are confident", "Tolvane Foods Corp"}}},
		{name: "the company is not the exchange its shares trade on",
			text: "Ivo Marsh is chairman of Tolvane Foods Corp. Its shares closed at $38, down $2, in Gresham Stock Exchange composite trading. " +
				"\"We are confident,\" the company said.\n",
			quotes: []wantQuote{{"We are confident", "Tolvane Foods Corp"}}},
		{name: "the company a spokesman speaks for is still the company",
			text: "Ivo Marsh is chairman of Tolvane Foods Corp. \"Demand is weak,\" said Ruth Emmer, a spokesman for Pardoe Lisle Inc. " +
				"\"We will cut prices,\" the company said.\n",
			quotes: []wantQuote{{"cut prices", "Pardoe Lisle Inc"}}},
		{name: "Mr. X asked after a question when another spoke before",
			text: "Rep. Dunstan Orrery rose after Rep. Alma Fisk spoke. \"Some of them are victims,\" Ms. Fisk said. " +
				"\"Will the chairman yield?\" Mr. Orrery asked.\n",
			quotes: []wantQuote{{"victims", "Alma Fisk"}, {"chairman yield", "Dunstan Orrery"}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersAfterRolesAndUnnamed checks pronouns and role nouns after a
// person introduced by a role with its complement ("The United Nations
// envoy for the region, X,"), a woman called "chairman" as older American
// copy does, and unnamed speakers ("one of them", "the other diplomat")
// after a named one; with the forms that must keep their speaker.
func TestSpeakersAfterRolesAndUnnamed(t *testing.T) {
	tests := []articleCase{
		{name: "she after a role with its complement before the name",
			text: "Ivo Marsh, a minister, spoke first.\n\nThe United Nations envoy for the region, Farida Okonkwo-Ahl, welcomed the extension.\n\n" +
				"\"The situation is deteriorating,\" she said.\n",
			quotes: []wantQuote{{"deteriorating", "Farida Okonkwo-Ahl"}}},
		{name: "she after a woman called chairman",
			text: "\"It is a sign,\" said Rep. Anton Pell, D-Ore., who voted against it.\n\n" +
				"The committee's chairman, Rep. Dorothy Wainscott, D-Mo., said she was \"deeply disappointed\" by the vote.\n\n" +
				"\"We came within two votes,\" she told reporters.\n",
			quotes: []wantQuote{{"It is a sign", "Anton Pell"}, {"within two votes", "Dorothy Wainscott"}}},
		{name: "he after a man called chairman",
			text: "\"It is a sign,\" said Rep. Anna Pell, D-Ore., who voted against it.\n\n" +
				"The committee's chairman, Rep. Donald Wainscott, D-Mo., said he was \"deeply disappointed\" by the vote.\n\n" +
				"\"We came within two votes,\" he told reporters.\n",
			quotes: []wantQuote{{"within two votes", "Donald Wainscott"}}},
		{name: "he after a name in an opening phrase",
			text: "The plaintiffs called Howard Szabo, an engineer.\n\n\"The valve is defective,\" Dr. Szabo said. " +
				"Under questioning by Mr. Moody, he added that it \"could have been fixed for a dollar.\"\n",
			quotes: []wantQuote{{"valve is defective", "Howard Szabo"}, {"fixed for a dollar", "Howard Szabo"}}},
		{name: "he after a name that opens the sentence",
			text: "The plaintiffs called Howard Szabo, an engineer.\n\n\"The valve is defective,\" Dr. Szabo said. " +
				"Mr. Moody objected, and he added that it was \"a theory, not a fact.\"\n",
			quotes: []wantQuote{{"a theory, not a fact", "Moody"}}},
		{name: "a company's chairman and he after it",
			text: "\"We have been patient,\" said Gerald T. Marsk, Vorrland's chairman and chief executive officer.\n\n" +
				"Castlemoor's chairman, Lyle Pettibrook, said the board would meet.\n\n" +
				"\"The pill was designed to entrench management,\" said Harriet Colley, a lawyer for Vorrland.\n\n" +
				"Vorrland's chairman said the company had lined up bank financing. \"The money is there,\" he said.\n",
			quotes: []wantQuote{{"money is there", "Gerald T. Marsk"}}},
		{name: "another company's chairman is not he",
			text: "\"We have been patient,\" said Gerald T. Marsk, Vorrland's chairman and chief executive officer.\n\n" +
				"Castlemoor's chairman said the board would meet. \"We will decide,\" he said.\n",
			quotes: []wantQuote{{"We will decide", ""}}},
		{name: "the other diplomat is not the envoy named before",
			text: "The United Nations envoy for the region, Halida Brenk-Oyelaran, welcomed the extension.\n\n" +
				"\"The situation is deteriorating,\" she said.\n\n" +
				"Two diplomats briefed on the talks said the obstacle remained. \"Each side wants the other to move first,\" said one of them, " +
				"who asked not to be named.\n\n" +
				"The other diplomat said the mediators had floated a plan. \"It is not a new idea,\" the diplomat said.\n",
			quotes: []wantQuote{{"deteriorating", "Halida Brenk-Oyelaran"}, {"not a new idea", ""}}},
	}
	checkArticleCases(t, tests)
}
