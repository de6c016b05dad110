package analyze

import "testing"

// TestSpeakersFromContext checks, on invented articles analysed whole, the
// speakers that only the sentences around a quotation give: an abbreviated
// title for a role noun, a courtesy title after "according to", a quotation
// standing after a sentence of reported speech, an unnamed source named
// later in the paragraph, and a spokesman for the body just quoted.
func TestSpeakersFromContext(t *testing.T) {
	tests := []articleCase{
		{name: "abbreviated title read as the role",
			text: "Storm floods river towns\n" +
				"\"We lost everything in an hour,\" said Tomas Brevik, who runs a hardware shop.\n" +
				"Gov. Wilma Osterhout toured the valley by helicopter on Monday. \"I have not seen water like this in my life,\" the governor said.\n",
			quotes: []wantQuote{{"lost everything", "Tomas Brevik"}, {"water like this", "Wilma Osterhout"}}},
		{name: "title kept apart from another role",
			text: "Sen. Carla Whitmore, the committee chairwoman, opened the hearing on Tuesday.\n" +
				"\"Nobody leaves this room until we have a budget,\" the senator said.\n",
			quotes: []wantQuote{{"Nobody leaves this room", "Carla Whitmore"}}},
		{name: "courtesy title after according to",
			text:   "Edith Carlow follows the airlines for a broker. The unions, according to Ms. Carlow, \"know exactly what the carriers earn.\"\n",
			quotes: []wantQuote{{"know exactly what the carriers earn", "Edith Carlow"}}},
		{name: "quotation after reported speech",
			text:   "\"It sounded like a train,\" said Norma Pettigrew, 71. When she came up, she said, the roof was gone. \"The stairs just ended in sky.\"\n",
			quotes: []wantQuote{{"The stairs just ended in sky.", "Norma Pettigrew"}}},
		{name: "unnamed source named later in the paragraph",
			text: "Bonds slipped again on Friday.\n" +
				"\"Everybody was sitting on their hands,\" a trader at a large dealer said. The trader, Morris Quayle of Fenwick Securities, said volume was thin.\n",
			quotes: []wantQuote{{"sitting on their hands", "Morris Quayle"}}},
		{name: "an inverted cue before a clause, its speaker named in the next paragraph",
			text: "\"The water came in like a tap left running,\" said one resident as dozens were evacuated overnight.\n" +
				"That resident, Ottilie Brayfield, 72, was carried from her bungalow by firefighters.\n",
			quotes: []wantQuote{{"like a tap left running", "Ottilie Brayfield"}}},
		{name: "the verdict of a person named after the quotation",
			text: "Schools will ban phones in lessons from September.\n" +
				"\"The evidence points one way.\" That was the verdict of Professor Imelda Trask, who led the review. \"Pupils who can see a phone learn less.\"\n",
			quotes: []wantQuote{{"The evidence points one way.", "Imelda Trask"}, {"Pupils who can see a phone", "Imelda Trask"}}},
		{name: "an inverted cue with a common noun the lexicon lacks",
			text:   "Queues built on the approach road.\n\"It was awful,\" said one driver as the barrier stuck. That driver, Wendell Ashdown, said he crossed twice a day.\n",
			quotes: []wantQuote{{"It was awful", "Wendell Ashdown"}}},
		{name: "spokesman of an untyped body just quoted",
			text:   "Judge blocks river toll\nThe Northern Crossings Partnership said it would appeal. \"We respect the court but we think it got this wrong,\" a spokesman said.\n",
			quotes: []wantQuote{{"got this wrong", "Northern Crossings Partnership"}}},
		{name: "a name inside a quotation is not the antecedent of he",
			text: "Ada, 71, wants to sell the development rights. \"It's our land,\" Ada says.\n" +
				"At the general store, owner Milt Haney says opinion runs about even. \"Half the people in here think Ada's a saint,\" he says.\n",
			quotes: []wantQuote{{"think Ada's a saint", "Milt Haney"}}},
		{name: "an appositive subject with the body its holder works for",
			text: "Owner Milt Haney says opinion runs about even.\n" +
				"The developer, Curtis Vane of Vane Properties, has been patient. \"I'm not going anywhere,\" he said.\n",
			quotes: []wantQuote{{"not going anywhere", "Curtis Vane"}}},
		{name: "quoted as saying, passive and active",
			text: "State media quoted Interior Minister Rashid Qadri as saying the attackers had crossed the border. \"We will respond with full force,\" Qadri was quoted as saying.\n" +
				"The agency also quoted Defence Minister Leyla Amiri as saying the army would \"not rest until every attacker is found.\"\n",
			quotes: []wantQuote{{"the attackers had crossed", "Rashid Qadri"}, {"respond with full force", "Rashid Qadri"}, {"not rest until", "Leyla Amiri"}}},
		{name: "a different role named later stays unnamed",
			text: "Bonds slipped again on Friday.\n" +
				"\"Everybody was sitting on their hands,\" a trader at a large dealer said. The analyst, Morris Quayle of Fenwick Securities, said volume was thin.\n",
			quotes: []wantQuote{{"sitting on their hands", ""}}},
		{name: "spokesman of the body just quoted",
			text: "Tarrow Airways Corp. shares rose 4% on Monday.\n" +
				"Tarrow said its outlook was unchanged. \"We do not comment on our share price,\" a spokesman said.\n",
			quotes: []wantQuote{{"share price", "Tarrow Airways Corp"}}},
		{name: "spokesman after a person's words stays unnamed",
			text: "Tarrow Airways Corp. shares rose 4% on Monday.\n" +
				"Hilda Sorensen, an analyst, said the outlook was strong. \"We do not comment on rumours,\" a spokesman said.\n",
			quotes: []wantQuote{{"comment on rumours", ""}}},
		{name: "a cue inside the clause of a named speaker's cue",
			text:   "Judge Miriam Caddel wrote in a 40-page ruling that the county had offered \"no credible evidence\" of fraud.\n",
			quotes: []wantQuote{{"no credible evidence", "Miriam Caddel"}}},
		{name: "a role in the lede named in the next sentence",
			text: "DENVER (AP) — A federal judge on Monday blocked a state law, saying it would \"impose a severe burden\" on voters.\n" +
				"U.S. District Judge Miriam Caddel wrote that the law could not take effect.\n",
			quotes: []wantQuote{{"impose a severe burden", "Miriam Caddel"}}},
		{name: "a different role in the next sentence is not the speaker",
			text: "DENVER (AP) — A federal judge on Monday blocked a state law, saying it would \"impose a severe burden\" on voters.\n" +
				"Secretary of State Orrin Pask said he would appeal.\n",
			quotes: []wantQuote{{"impose a severe burden", ""}}},
		{name: "officials with a body named by common nouns",
			text: "The National Weather Service said the tornado stayed on the ground for 23 miles.\n" +
				"\"Eighteen minutes of warning is a lifetime,\" officials with the weather service said.\n",
			quotes: []wantQuote{{"Eighteen minutes", "National Weather Service"}}},
	}
	checkArticleCases(t, tests)
}
