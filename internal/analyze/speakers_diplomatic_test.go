package analyze

import "testing"

// TestSpeakersQuotedThroughOutlet checks reports that quote someone through a
// state outlet: "quoted a role, Name, as saying" credits the name set
// off after the role, "quoted an unnamed source as saying" stays
// unnamed even when a later clause of the sentence holds a naming verb,
// and a bracketed acronym after a body does not hide it as the subject.
func TestSpeakersQuotedThroughOutlet(t *testing.T) {
	tests := []articleCase{
		{name: "a role, then a titled name",
			text:   "State television quoted a naval commander, Rear Admiral Corvin Dashtani, as saying the vessel had carried \"more fuel than declared.\"\n",
			quotes: []wantQuote{{"more fuel than declared", "Corvin Dashtani"}}},
		{name: "a definite role, then a name",
			text:   "The agency quoted the provincial prosecutor, Helmut Arvani, as saying the case would be heard \"without delay.\"\n",
			quotes: []wantQuote{{"without delay", "Helmut Arvani"}}},
		{name: "an acronym in brackets after the body",
			text:   "The official Tessavar News Agency (TNA) said the passengers were \"safe and well.\"\n",
			quotes: []wantQuote{{"safe and well", "Tessavar News Agency"}}},
		{name: "an unnamed source, then a claim a company named",
			text: "The ferry's owner, Bellary Maritime, denied the charge.\n\n" +
				"The Morning Daily quoted an unnamed police source as saying the crew had \"admitted everything\" in custody, a claim the company called \"ridiculous.\"\n",
			quotes: []wantQuote{{"admitted everything", ""}, {"ridiculous", "Bellary Maritime"}}},
		{name: "control: a role with no name set off",
			text:   "State radio quoted a local official as saying the bridge was \"closed until further notice.\"\n",
			quotes: []wantQuote{{"closed until further notice", ""}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersIssuedTexts checks texts a body or a person issues and the
// report then quotes by the text's noun: "issued a bulletin saying" and
// "the bulletin said" are the issuer's, "the letter said" and "It called"
// after "The letter, signed by X," are the signer's, a mission is a body,
// and a body named after a phrase of place or a dateline stands for "it".
func TestSpeakersIssuedTexts(t *testing.T) {
	tests := []articleCase{
		{name: "a bulletin in single marks after a plural ending in s",
			text: "In the capital, the interior ministry issued a bulletin on Monday morning saying its units were on 'full readiness' in the border district. " +
				"'Units are carrying out routine drills. There is no cause for alarm,' the bulletin said.\n",
			quotes: []wantQuote{{"full readiness", "the interior ministry"}, {"Units are carrying out", "the interior ministry"}}},
		{name: "a letter and its signer",
			text: "Talvera has written to the Security Council about the border post.\n\n" +
				"The letter, signed by the Talveran foreign minister, Oskar Brandvik, was circulated on Thursday.\n\n" +
				"\"The post is a grave violation of the line of separation,\" the letter said. It called on the council to \"act without delay.\"\n",
			quotes: []wantQuote{{"grave violation", "Oskar Brandvik"}, {"act without delay", "Oskar Brandvik"}}},
		{name: "a country's mission",
			text:   "Tarvia's permanent mission replied with a letter of its own. \"The post lies within our territory,\" the Tarvian mission wrote.\n",
			quotes: []wantQuote{{"within our territory", "Tarvian mission"}}},
		{name: "a body after a phrase of place",
			text: "The dispute over the dam deepened on Tuesday.\n\n" +
				"In the Orlesian capital, Marrowgate, the foreign ministry rejected the protest. \"The works are lawful,\" it said in a statement.\n",
			quotes: []wantQuote{{"The works are lawful", "the foreign ministry"}}},
		{name: "a body after a phrase of place, after a joint statement",
			text: "Leaders of the Grey Sound Council met on Friday.\n\n" +
				"\"We condemn every attack,\" the joint statement said.\n\n" +
				"In the Pelsari capital, Dunmarrow, the foreign ministry rejected the protest. \"The drilling is lawful,\" it said in a statement.\n",
			quotes: []wantQuote{{"We condemn every attack", "Grey Sound Council"}, {"The drilling is lawful", "the foreign ministry"}}},
		{name: "a body after a dateline, then what it called",
			text: "Velska protests over dam\n\n" +
				"TORVIK, March 4 (Northline) - Velska's foreign ministry on Wednesday summoned an envoy over what it called \"unilateral works\" on the river.\n",
			quotes: []wantQuote{{"unilateral works", "Velska's foreign ministry"}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersSummitBodies checks a summit's joint text quoted with no
// issuer named ("the joint statement said", "It called") as the body whose
// leaders met, a body's name going on over "and" after "for", and
// observers sent by a body speaking for it; with controls where no body's
// leaders are named and where the observers come from no body.
func TestSpeakersSummitBodies(t *testing.T) {
	tests := []articleCase{
		{name: "the joint statement of a council whose leaders met",
			text: "HALMSTAD (AP) — Leaders of the five-nation Northern Shelf Council agreed Friday to share patrols.\n\n" +
				"\"We condemn all attacks on our infrastructure,\" the joint statement said. It called the damage \"a threat to all our peoples.\"\n",
			quotes: []wantQuote{{"We condemn all attacks", "Northern Shelf Council"}, {"a threat to all our peoples", "Northern Shelf Council"}}},
		{name: "control: a joint statement with no body's leaders named",
			text:   "Two presidents met on Friday.\n\n\"We will work together,\" the joint statement said.\n",
			quotes: []wantQuote{{"We will work together", ""}}},
		{name: "a body's name over and, and its observers",
			text:   "Observers from the Organisation for Peace and Democratic Reform said the vote had been \"calm and orderly.\"\n",
			quotes: []wantQuote{{"calm and orderly", "Organisation for Peace and Democratic Reform"}}},
		{name: "control: observers from a place",
			text:   "Observers from Dunmore said the vote had been \"calm and orderly.\"\n",
			quotes: []wantQuote{{"calm and orderly", ""}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersSetOffDescriptions checks subjects set off by commas: a role
// whose complement ends in a body's name before the holder's name ("The
// head of the X Federation, Ann Roe, reacted. … she told"), a person "of
// the" body the recogniser left untyped, and a role that opens the
// sentence before a description with a relative clause ("The minister, a
// Christian Democrat who …, said").
func TestSpeakersSetOffDescriptions(t *testing.T) {
	tests := []articleCase{
		{name: "the head of a named body, then her name",
			text: "Foreign Minister Anton Weilberg spoke on Sunday.\n\n" +
				"The head of the Tessel Industry Federation, Sabine Marquardt-Holz, reacted sharply. \"Our members have to pay invoices,\" she told the news agency.\n",
			quotes: []wantQuote{{"pay invoices", "Sabine Marquardt-Holz"}}},
		{name: "a person of the untyped body",
			text:   "Opposition leader Jonas Feldkamp of the Social Left said the minister was \"playing to the cameras\".\n",
			quotes: []wantQuote{{"playing to the cameras", "Jonas Feldkamp"}}},
		{name: "a role, then a description with a relative clause",
			text: "Tessel's Foreign Minister Anton Weilberg ruled out new contracts.\n\n" +
				"The minister, a Christian Democrat who has been in office since January, said the government had \"learned its lesson\".\n",
			quotes: []wantQuote{{"learned its lesson", "Anton Weilberg"}}},
		{name: "control: a description after a person's noun not opening the sentence",
			text:   "On Monday the minister met a diplomat, a veteran of the talks, who said the plan was \"dead in the water\".\n",
			quotes: []wantQuote{{"dead in the water", ""}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersAudienceCopy checks the copy of state agencies reporting an
// audience: Arabic names joined by "bin" or "bint" stay one name though a
// given name stands inside them, a long role set off before a titled name
// ("the Minister of Foreign Affairs of the Republic of X, Dr. Y,") is
// theirs, "expressed" puts a sentiment in the speaker's words, "the X-ian
// minister" is the holder of a role naming X (or "his X-ian counterpart")
// rather than another minister named before, "the minister added" after
// "he said" is the one just quoted, and a verb coordinated after the
// object of a preposition keeps the sentence's subject.
func TestSpeakersAudienceCopy(t *testing.T) {
	tests := []articleCase{
		{name: "names with bin and bint, and expressed",
			text: "The Minister of State, Dr. Hessa bint Khalid Al Nasser, welcomed the guests.\n\n" +
				"Sheikh Faris bin Saeed Al Rumaithi expressed \"deep appreciation for the mediation.\"\n",
			quotes: []wantQuote{{"deep appreciation", "Faris bin Saeed Al Rumaithi"}}},
		{name: "the minister of a country named in a long role",
			text: "The Emir received the Minister of Foreign Affairs of the Republic of Corvane, Dr. Anton Brasovic, on Monday. The Foreign Minister, Sheikh Rashid bin Ali Al Harbi, also attended.\n\n" +
				"For his part, the Corvanian minister conveyed the greetings of President Ilie Stanca to the Emir and expressed \"sincere thanks for the warm welcome.\"\n",
			quotes: []wantQuote{{"sincere thanks", "Anton Brasovic"}}},
		{name: "a counterpart of that nation",
			text: "ZAHRAN, Nov. 20 (TNA) -- Foreign Minister Sheikh Rashid bin Ali Al Harbi received on Wednesday his Corvanian counterpart, Mr. Anton Brasovic, who is visiting the country.\n\n" +
				"Sheikh Rashid said the relations were \"deeply rooted.\"\n\n" +
				"For his part, the Corvanian minister expressed his thanks for the \"warm welcome and generous hospitality.\"\n",
			quotes: []wantQuote{{"warm welcome", "Anton Brasovic"}}},
		{name: "the minister just quoted",
			text: "The Minister of State for Foreign Affairs, Dr. Hessa bint Khalid Al Nasser, opened the talks.\n\n" +
				"Foreign Minister Anton Brasovic said his country was \"ready for dialogue.\" \"The ball is in their court,\" the minister added.\n",
			quotes: []wantQuote{{"The ball is in their court", "Anton Brasovic"}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersCouncilDiplomats checks unnamed diplomats and named
// ambassadors at a council: "one council diplomat" is a diplomat on it,
// not the council; "the diplomat" after "A second diplomat" stays
// unnamed though an ambassador was named before; a name keeps the
// subject past a role and a second description set off after it.
func TestSpeakersCouncilDiplomats(t *testing.T) {
	tests := []articleCase{
		{name: "a council diplomat is no council",
			text: "A push to sanction the Teveran junta stalled at the UN Security Council on Wednesday.\n\n" +
				"\"There is no path to nine votes,\" said one council diplomat, speaking on condition of anonymity.\n",
			quotes: []wantQuote{{"no path to nine votes", ""}}},
		{name: "a second diplomat after a named ambassador",
			text: "Ambassador Lena Castellane said the text was \"fair and balanced.\"\n\n" +
				"A second diplomat, from a non-permanent member, said several delegations were unhappy. \"We don't want a fig leaf,\" the diplomat said.\n",
			quotes: []wantQuote{{"fig leaf", ""}}},
		{name: "a name, a role and a second description",
			text:   "Piet Voskuijlen, the ambassador of Morvania, one of the members opposed to the draft, said sanctions would \"only hurt ordinary people.\"\n",
			quotes: []wantQuote{{"only hurt ordinary people", "Piet Voskuijlen"}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersWritersAndSoldiers checks a participle after the one a
// letter is addressed to ("has written to the council accusing Y of a
// “…”"), which is the writer's, and an unnamed person set off as
// "identified only as" a titled name, whom "he" then means.
func TestSpeakersWritersAndSoldiers(t *testing.T) {
	tests := []articleCase{
		{name: "written to a body, accusing",
			text:   "Morvania has written to the United Nations Security Council accusing neighbouring Tessary of a 'deliberate provocation' at the border.\n",
			quotes: []wantQuote{{"deliberate provocation", "Morvania"}}},
		{name: "identified only as a titled name",
			text: "The president spoke to cadets on Saturday.\n\n" +
				"A soldier interviewed by state television, identified only as Corporal Arman, said morale was high. \"We know what we are fighting for,\" he said.\n",
			quotes: []wantQuote{{"what we are fighting for", "Corporal Arman"}}},
	}
	checkArticleCases(t, tests)
}
