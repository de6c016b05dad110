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

// TestSpeakersPersonOfCountryAppositive checks a person set off after the
// subject with the country they lead ("The new chairperson, President X
// of Teranga, said") or the firm they work for, with the subject after
// such a name as control.
func TestSpeakersPersonOfCountryAppositive(t *testing.T) {
	tests := []articleCase{
		{name: "a president of a country",
			text:   "The new chairperson, President Aminata Diallo-Sarr of Teranga, said in her acceptance speech that the year would be devoted to \"peace, trade and the young.\"\n",
			quotes: []wantQuote{{"peace, trade and the young", "Aminata Diallo-Sarr"}}},
		{name: "no title",
			text:   "The outgoing chairperson of the union, Kwabena Asante-Mensah of Oduya, told the closing session that the continent could \"no longer wait.\"\n",
			quotes: []wantQuote{{"no longer wait", "Kwabena Asante-Mensah"}}},
		{name: "control: the subject after a person of a country",
			text:   "In a letter to President Aminata Diallo-Sarr of Teranga, the union said the year had been \"wasted on travel and ceremonies.\"\n",
			quotes: []wantQuote{{"wasted on travel", ""}}},
		{name: "a person of a firm",
			text:   "The fund's biggest investor, Ann Roe of Holbrook Partners, said the fees were \"far too high for a fund of this size.\"\n",
			quotes: []wantQuote{{"far too high", "Ann Roe"}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersStyleOfAddress checks "His Highness said" and "Her
// Excellency said", and a pronoun after them, for the person named before
// with that style, with an excellency of the other sex named later as
// control.
func TestSpeakersStyleOfAddress(t *testing.T) {
	text := "His Highness Sheikh Rashid bin Omar Al-Kaabi, the Emir, received H.E. President Tomas Vekar-Lind at the palace.\n\n" +
		"In a statement, H.E. Minister of State Sheikha Mariam bint Saeed Al-Nuaimi said the talks were fruitful.\n\n" +
		"\"The agreements are the fruit of two years of work,\" Her Excellency said.\n\n" +
		"She added that \"the door is open to all companies.\"\n\n" +
		"At the banquet, His Highness said: \"We see in our guests partners who share our values.\"\n\n" +
		"He stressed the importance of \"dialogue and diplomatic means\" in the region.\n"
	tests := []articleCase{
		{name: "her excellency",
			text:   text,
			quotes: []wantQuote{{"fruit of two years", "Mariam bint Saeed Al-Nuaimi"}, {"the door is open", "Mariam bint Saeed Al-Nuaimi"}}},
		{name: "his highness",
			text:   text,
			quotes: []wantQuote{{"We see in our guests", "Rashid bin Omar Al-Kaabi"}, {"dialogue and diplomatic means", "Rashid bin Omar Al-Kaabi"}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersArabicArticleLowerCase checks names written with the Arabic
// article in lower case ("Liwa al-Fajr", "Abu Yasser al-Mahrouqi") as
// whole names, with the article written with a capital as control.
func TestSpeakersArabicArticleLowerCase(t *testing.T) {
	tests := []articleCase{
		{name: "a group",
			text:   "Liwa al-Fajr did not comment, but said on its channel that it \"holds the occupation fully responsible.\"\n",
			quotes: []wantQuote{{"holds the occupation", "Liwa al-Fajr"}}},
		{name: "a spokesman who gave his name",
			text:   "The spokesman for the Southern Brigades, who gave his name as Abu Yasser al-Mahrouqi, said the group was \"committed to the truce.\"\n",
			quotes: []wantQuote{{"committed to the truce", "Abu Yasser al-Mahrouqi"}}},
		{name: "control: the article with a capital",
			text:   "Dr. Ashraf Al-Qudsi, a ministry spokesman, said: \"There were no weapons in this house.\"\n",
			quotes: []wantQuote{{"There were no weapons", "Ashraf Al-Qudsi"}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersPersonsOffice checks a statement from a person's office
// ("A statement from Prime Minister X's office said"), and "the statement"
// after it, for that person, with a lower-case role's office as control.
func TestSpeakersPersonsOffice(t *testing.T) {
	tests := []articleCase{
		{name: "a statement from a prime minister's office",
			text: "A statement from Prime Minister Avner Shaltiel's office said the strike was \"a direct response\" to rocket fire.\n\n" +
				"\"Whoever fires on our citizens will pay a heavy price,\" the statement said.\n",
			quotes: []wantQuote{{"a direct response", "Avner Shaltiel"}, {"Whoever fires on our citizens", "Avner Shaltiel"}}},
		{name: "a president's office",
			text:   "President Salim Haddadin spoke to the mediators. Haddadin's office said the president \"condemns in the strongest terms\" the killing.\n",
			quotes: []wantQuote{{"condemns in the strongest terms", "Salim Haddadin"}}},
		{name: "control: the governor's office",
			text:   "The governor's office said the bridge would reopen \"as soon as it is safe.\"\n",
			quotes: []wantQuote{{"as soon as it is safe", "the governor's office"}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersPressNoun checks "the daily", "the newspaper" and "the
// paper" for the newspaper named before (introduced by a press noun,
// written with a masthead word, or opening a sentence of the paragraph),
// and a name that ends a relative clause after the subject ("The paper,
// which is owned by a businessman close to Prime Minister X, added"), with
// a research paper as control.
func TestSpeakersPressNoun(t *testing.T) {
	tests := []articleCase{
		{name: "the daily after a press noun",
			text: "The pro-government daily Ranny Kurier said in an editorial that the reform was \"painful but unavoidable.\"\n\n" +
				"\"No government enjoys asking people to work longer,\" the daily wrote.\n",
			quotes: []wantQuote{{"No government enjoys", "Ranny Kurier"}}},
		{name: "a relative clause naming a person",
			text: "The pro-government daily Ranny Kurier said the reform was unavoidable.\n\n" +
				"The paper, which is owned by a businessman close to Prime Minister Edvard Lisowski-Brenn, added that the strike \"will cost the economy more than the reform saves.\"\n",
			quotes: []wantQuote{{"will cost the economy", "Ranny Kurier"}}},
		{name: "a masthead",
			text:   "The state-run Haolin Daily said in a commentary that the dispute was a provocation. The paper wrote that \"the fishermen are victims of politicians.\"\n",
			quotes: []wantQuote{{"the fishermen are victims", "Haolin Daily"}}},
		{name: "the newspaper after a sentence it opens",
			text: "The pro-government daily Ranny Kurier backed the plan.\n\n" +
				"The left-leaning Glos Ludu took the opposite view. In a front-page commentary, the newspaper wrote that the government was \"balancing the budget on the backs of nurses.\"\n",
			quotes: []wantQuote{{"balancing the budget", "Glos Ludu"}}},
		{name: "control: a research paper",
			text: "Researchers at Holbrook University published their findings on Monday.\n\n" +
				"\"The effect was far larger than we expected,\" the paper said.\n",
			quotes: []wantQuote{{"The effect was far larger", ""}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersMemberTag checks a member named with party and seat in
// brackets before the verb ("Smt. X (People's Front, Kottur) said"), with
// a bracket that is not such a tag as control.
func TestSpeakersMemberTag(t *testing.T) {
	tests := []articleCase{
		{name: "party and seat",
			text:   "Opening the debate for the opposition, Smt. Kavitha Raghunandan (People's Front, Kottur) said the Bill \"does nothing for the farmer.\"\n",
			quotes: []wantQuote{{"does nothing for the farmer", "Kavitha Raghunandan"}}},
		{name: "party and seat, no title",
			text:   "Abdul Rasheed Pallikkal (Democratic Alliance, Vennakulam) said fishermen were paying \"the highest price for kerosene.\"\n",
			quotes: []wantQuote{{"the highest price for kerosene", "Abdul Rasheed Pallikkal"}}},
		{name: "control: a lower-case aside",
			text:   "The Bill (as amended in committee) said nothing about \"the highest price for kerosene.\" Kavitha Raghunandan said so.\n",
			quotes: []wantQuote{{"the highest price for kerosene", ""}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersPronounAfterLeadSpeaker checks "he said" after a sentence
// whose speaker opens it and names another man after the verb ("Later, the
// Petroleum Minister told reporters that he had respect for Mr. X"), with
// that other man as the subject as control.
func TestSpeakersPronounAfterLeadSpeaker(t *testing.T) {
	text := "Petroleum Minister Devraj Tripathi-Rao moved the Bill. Abdul Rasheed Pallikkal said fishermen were paying too much.\n\n" +
		"Later, the Petroleum Minister told reporters that he had \"great respect\" for Mr. Pallikkal. \"If anything I said hurt him, I am ready to speak to him,\" he said.\n"
	tests := []articleCase{
		{name: "the lead speaker",
			text:   text,
			quotes: []wantQuote{{"If anything I said hurt him", "Devraj Tripathi-Rao"}}},
		{name: "control: the other man opens the sentence",
			text: "Petroleum Minister Devraj Tripathi-Rao moved the Bill.\n\n" +
				"Later, Mr. Pallikkal told reporters that he had \"great respect\" for the minister. \"I am ready to speak to him,\" he said.\n",
			quotes: []wantQuote{{"I am ready to speak to him", "Pallikkal"}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersSlavicWomansSurname checks "She added" opening a paragraph
// for a woman whose family name has a Slavic woman's ending
// ("Zhuravleva"), not the man the article is about, with a family name
// in the man's form as control.
func TestSpeakersSlavicWomansSurname(t *testing.T) {
	tests := []articleCase{
		{name: "a woman's ending",
			text: "Talks on the grain corridor have reached a dead end, Deputy Foreign Minister Gennady Rudakovsky told the agency on Tuesday.\n\n" +
				"\"We see no readiness on the part of our partners,\" Rudakovsky said.\n\n" +
				"He said the proposals had been handed over \"in written form\" in September.\n\n" +
				"Tarsanian Foreign Minister Helga Brandt-Okafor said Vostrograd was \"using hunger as a weapon.\" The ministry's representative, Larisa Zhuravleva, said such statements were \"not worth commenting on.\"\n\n" +
				"\"Ms. Brandt-Okafor would do better to explain why the ships are idle,\" Zhuravleva said.\n\n" +
				"She added that the ministry \"has never refused dialogue\" with anyone.\n\n" +
				"Rudakovsky said the invitation was being studied.\n",
			quotes: []wantQuote{{"has never refused dialogue", "Larisa Zhuravleva"}}},
		{name: "control: the man's form",
			text: "Renata Sokolowski, a claims adjuster, said the damage was extensive.\n\n" +
				"She said homeowners should \"take pictures of everything\" before cleaning up.\n",
			quotes: []wantQuote{{"take pictures of everything", "Renata Sokolowski"}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersSetOffParticiple checks a speaker's name with a participle
// clause set off before the verb ("X, asked whether …, said", "X, reached
// by telephone, said").
func TestSpeakersSetOffParticiple(t *testing.T) {
	tests := []articleCase{
		{name: "asked whether",
			text: "Deputy Foreign Minister Gennady Rudakovsky spoke to the agency.\n\n" +
				"Rudakovsky, asked whether Vostrograd would take part in a conference on food security planned in Qadima in December, said the invitation was \"being studied.\" \"We do not refuse any format,\" he said.\n",
			quotes: []wantQuote{{"being studied", "Gennady Rudakovsky"}}},
		{name: "reached by telephone",
			text: "The paper's editor, Nursultan Zhanbolatov, declined to comment at first.\n\n" +
				"Zhanbolatov, reached by telephone on Friday evening, said the article had been removed \"for technical reasons.\"\n",
			quotes: []wantQuote{{"for technical reasons", "Nursultan Zhanbolatov"}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersRoleBodyThenName checks a role of a body set off before the
// name of its holder when the sentence's verb is followed by a participle
// ("The UN envoy for Dhuran, X, welcomed the truce, saying"), and Arabic
// names with a capitalised "Bin" ("Col. Nasser Bin Ghalib", "Bin Ghaleb,
// the spokesman, said").
func TestSpeakersRoleBodyThenName(t *testing.T) {
	tests := []articleCase{
		{name: "a body's envoy, then the name",
			text: "Amal Saeed, a mother of three, said the night was quiet.\n\n" +
				"The UN envoy for Dhuran, Benedikt Haraldsen-Mbeki, welcomed the truce, saying in a statement that it was \"a fragile opening that must not be wasted.\"\n",
			quotes: []wantQuote{{"a fragile opening", "Benedikt Haraldsen-Mbeki"}}},
		{name: "Bin inside a name",
			text:   "\"We will not hand over our weapons,\" the group's military spokesman, Col. Nasser Bin Ghalib, said in a video.\n",
			quotes: []wantQuote{{"We will not hand over our weapons", "Nasser Bin Ghalib"}}},
		{name: "Bin opening a family name",
			text:   "Bin Ghaleb, the Jabal Shield spokesman, said on Thursday that his group would \"watch and wait.\"\n",
			quotes: []wantQuote{{"watch and wait", "Bin Ghaleb"}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersLongDateline checks the subject after a dateline of a place
// of several words, its country, the date and the agency ("SAN ISIDRO DEL
// VALLE, Costaluna, June 9 (Meridian Press) - X on Monday defended …,
// telling"), not the dateline's place.
func TestSpeakersLongDateline(t *testing.T) {
	tests := []articleCase{
		{name: "a long dateline",
			text:   "SAN ISIDRO DEL VALLE, Costaluna, June 9 (Meridian Press) - Costaluna's President Aurelio Casaverde Ibarra on Monday defended his plan, telling his morning news conference that the measure would \"put an end to twenty years of speculation.\"\n",
			quotes: []wantQuote{{"put an end to twenty years", "Aurelio Casaverde Ibarra"}}},
		{name: "control: a short dateline",
			text:   "LYON, June 9 (Meridian Press) - Mayor Odile Pernaud-Fayet on Monday defended her plan, telling reporters that the measure would \"put an end to the jams.\"\n",
			quotes: []wantQuote{{"put an end to the jams", "Odile Pernaud-Fayet"}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersPersonOfNamedKindOfBody checks a person given with a body
// named after its kind ("X of the group Watchlight International said"),
// and "she said" after that sentence, for the person, whatever the
// recogniser typed the body.
func TestSpeakersPersonOfNamedKindOfBody(t *testing.T) {
	tests := []articleCase{
		{name: "the person and the pronoun after",
			text: "Non-governmental organisations were given two minutes each. Hadiza Bello-Umar of the group Watchlight International said her organisation had documented 84 cases. " +
				"\"Behind every number is a mother who waits at a police station,\" she said.\n",
			quotes: []wantQuote{{"Behind every number", "Hadiza Bello-Umar"}}},
		{name: "a partial quotation",
			text:   "Tomas Brenner of the charity Safe Harbour Trust said the cuts were \"a disgrace to a rich country.\"\n",
			quotes: []wantQuote{{"a disgrace to a rich country", "Tomas Brenner"}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersRelativeClauseQuote checks a quotation that ends a relative
// clause of its own speaker before the main clause's attribution ("remarks
// by X, who told lawmakers that the bloc “…,” Qiao said: “…”"), with the
// main clause's own quotation as control.
func TestSpeakersRelativeClauseQuote(t *testing.T) {
	text := "Asked about remarks by trade commissioner Margarethe Oosterhuis-Bell, who told lawmakers on Monday that the bloc \"will not hesitate to protect its industry,\" Qiao Mingyuan said: \"We hope the other side will keep its word.\"\n"
	tests := []articleCase{
		{name: "told … that",
			text:   text,
			quotes: []wantQuote{{"will not hesitate", "Margarethe Oosterhuis-Bell"}}},
		{name: "control: the main clause's quotation",
			text:   text,
			quotes: []wantQuote{{"We hope the other side", "Qiao Mingyuan"}}},
		{name: "a relative clause after an appositive",
			text:   "The session opened with a prayer led by Mullah Kazem Roshanzadeh, the Friday prayer leader of Daryabad, who urged deputies to \"put the interests of the people above the interests of factions.\"\n",
			quotes: []wantQuote{{"put the interests of the people", "Kazem Roshanzadeh"}}},
		{name: "urged … to",
			text:   "Responding to Senator Paloma Grijalva-Montes, who urged deputies to \"reject this leap into the void,\" the minister said the plan was sound.\n",
			quotes: []wantQuote{{"reject this leap into the void", "Paloma Grijalva-Montes"}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersSaidByMeans checks "said by telephone that …" as the
// speaker's own report, not a passive, with a passive as control.
func TestSpeakersSaidByMeans(t *testing.T) {
	tests := []articleCase{
		{name: "by telephone",
			text:   "A spokesman for the rebel Nkandi Liberation Front, Col. Samuel Tembwe, said by telephone that the group would \"study the communique\" but that \"the government has broken every ceasefire it has signed.\"\n",
			quotes: []wantQuote{{"study the communique", "Samuel Tembwe"}, {"the government has broken every ceasefire", "Samuel Tembwe"}}},
		{name: "control: a passive",
			text:   "Paloma Grijalva-Montes spoke first. It was said by some critics that the plan was \"a leap into the void.\"\n",
			quotes: []wantQuote{{"a leap into the void", ""}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersCountryNameBody checks "the ministry said" after "the
// Veldmark foreign ministry said" and "the embassy wrote" after "the Kesh
// embassy", a country's name used before the body, with a person's name
// before as control.
func TestSpeakersCountryNameBody(t *testing.T) {
	tests := []articleCase{
		{name: "a country's name before the body",
			text: "After the interview, the Veldmark foreign ministry said in a written comment that the remarks were \"a familiar mixture of denial and distortion.\"\n\n" +
				"\"The expelled diplomats were engaged in activities incompatible with their status,\" the ministry said.\n",
			quotes: []wantQuote{{"The expelled diplomats", "the foreign ministry"}}},
		{name: "a country's name before the noun alone",
			text: "Valmark summoned the ambassador after the Kesh embassy in Ostrel published a series of posts.\n\n" +
				"In a post in English on Sunday evening, the embassy wrote: \"We respect the people of Valmark. We do not respect lies.\"\n",
			quotes: []wantQuote{{"We respect the people of Valmark", "Kesh embassy"}}},
		{name: "control: nothing but a person's name before",
			text: "Ragnhild Omdal-Strand said the remarks were \"a familiar mixture of denial and distortion.\"\n\n" +
				"\"The expelled diplomats were engaged in activities incompatible with their status,\" the ministry said.\n",
			quotes: []wantQuote{{"The expelled diplomats", ""}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersReminded checks "reminded X to “…”" as speech of its
// subject, with the passive as control.
func TestSpeakersReminded(t *testing.T) {
	tests := []articleCase{
		{name: "a chair reminding speakers",
			text:   "The council's president, Ambassador Tomás Ilunga-Ferreira, reminded speakers to \"maintain the decorum of this chamber\" after a delegate interrupted.\n",
			quotes: []wantQuote{{"maintain the decorum", "Tomás Ilunga-Ferreira"}}},
		{name: "control: the passive",
			text:   "Tomás Ilunga-Ferreira opened the session. Delegates were reminded to \"maintain the decorum of this chamber\" by a notice on every desk.\n",
			quotes: []wantQuote{{"maintain the decorum", ""}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersPostInCity checks an embassy given with the city it is in
// ("The Valderran embassy in Al-Qiran said") whatever the recogniser typed
// the city's name, with a person in a city as control.
func TestSpeakersPostInCity(t *testing.T) {
	tests := []articleCase{
		{name: "an embassy in a city",
			text:   "The Valderran embassy in Al-Qiran said in a statement that the visit \"marks the beginning of a new chapter.\"\n",
			quotes: []wantQuote{{"marks the beginning", "Valderran embassy"}}},
		{name: "control: a named person in a city",
			text:   "Colm Brady in Harwood writes that the bypass \"will ruin the valley.\"\n",
			quotes: []wantQuote{{"will ruin the valley", "Colm Brady"}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersOfficeOfTwoWords checks a body's name with "of" and two
// capitalised words after a modifier ("Office of Foreign Asset Controls"),
// kept whole rather than split into a body and a person, with a person
// named after a body as control.
func TestSpeakersOfficeOfTwoWords(t *testing.T) {
	tests := []articleCase{
		{name: "an office of two words",
			text:   "The department's Office of Foreign Property Controls said in a statement that the network had \"evaded controls on three continents.\"\n",
			quotes: []wantQuote{{"evaded controls on three continents", "Office of Foreign Property Controls"}}},
		{name: "a bureau of two words",
			text:   "The Bureau of Foreign Asset Audits said the firms were \"fronts for the procurement network.\"\n",
			quotes: []wantQuote{{"fronts for the procurement network", "Bureau of Foreign Asset Audits"}}},
		{name: "control: a person after a body",
			text:   "The Office of Rail Safety director, Margaret Holloway, said the line was \"safe to reopen.\"\n",
			quotes: []wantQuote{{"safe to reopen", "Margaret Holloway"}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersRelativeByGivenName checks a son or a wife named by a given
// name alone after "His son," or "His wife," as that name and the
// family's, with someone else named by a given name as control.
func TestSpeakersRelativeByGivenName(t *testing.T) {
	tests := []articleCase{
		{name: "his son",
			text: "Elmer Vanderploeg has run the auction for forty years. His son, Dwight, 44, works the crowd as a ringman.\n\n" +
				"\"Dad can see a bid from a hundred yards,\" Dwight says.\n",
			quotes: []wantQuote{{"Dad can see a bid", "Dwight Vanderploeg"}}},
		{name: "his wife, and a pronoun after",
			text: "Elmer Vanderploeg says he has no plans to retire. His wife, Edna, has been after him to slow down.\n\n" +
				"\"He'll quit when they carry him off,\" Edna says. \"And then he'll try to sell the stretcher,\" she adds.\n",
			quotes: []wantQuote{{"He'll quit when they carry him off", "Edna Vanderploeg"}, {"And then he'll try", "Edna Vanderploeg"}}},
		{name: "control: his lawyer",
			text: "Elmer Vanderploeg has run the auction for forty years. His lawyer, Dwight, handles the contracts.\n\n" +
				"\"Dad can see a bid from a hundred yards,\" Dwight says.\n",
			quotes: []wantQuote{{"Dad can see a bid", "Dwight"}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersNationalityBeforeTitle checks a sentence opening with a
// country's word, a title and the person's name ("Lethovian Foreign
// Minister X, hosting …, opened by calling the talks “…”"), credited to
// the person, not the country's word.
func TestSpeakersNationalityBeforeTitle(t *testing.T) {
	tests := []articleCase{
		{name: "a nationality, a title, a name",
			text: "VARN, May 9 - The foreign ministers of Lethovia and Valmark pledged on Thursday to deepen cooperation, but disagreed over a pipeline.\n\n" +
				"Lethovian Foreign Minister Anzhela Rudenko-Vass, hosting her Valmark counterpart Teodor Ostrowiecki for the first visit in six years, opened by calling the talks \"long, honest and, I think, useful.\"\n\n" +
				"The Lethovian side later published a joint statement.\n",
			quotes: []wantQuote{{"long, honest and", "Anzhela Rudenko-Vass"}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersAppositiveFromUntypedPlace checks a speaker described as
// from a place the recogniser left untyped, then a relative clause, before
// the verb ("X, a deputy from the city of Sarabad, who leads a faction,
// said").
func TestSpeakersAppositiveFromUntypedPlace(t *testing.T) {
	tests := []articleCase{
		{name: "from the city of",
			text:   "Morteza Jalalvand, a hardline deputy from the city of Sarabad, who leads a faction critical of the talks, said after the speech that the speaker \"said the right things, but we will judge by deeds.\"\n",
			quotes: []wantQuote{{"said the right things", "Morteza Jalalvand"}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersPronounAfterQuotedParagraph checks "He pointed out" and "He
// also called for" opening a paragraph right after one that quoted
// someone other than the person the article is about.
func TestSpeakersPronounAfterQuotedParagraph(t *testing.T) {
	text := "Foreign Minister Sheikh Hamdan bin Rashed Al-Marzouqi received his Kaslani counterpart on Wednesday. Sheikh Hamdan stressed that relations were \"deeply rooted.\"\n\n" +
		"\"There can be no military solution,\" Sheikh Hamdan said.\n\n" +
		"Meanwhile, Dr. Khalifa Saeed Al-Nuaimi told the agency that the two countries would sign four memoranda.\n\n" +
		"\"The memoranda cover visa facilitation and maritime transport,\" Al-Nuaimi said.\n\n" +
		"He pointed out that a business forum will be held in the spring, \"with the participation of more than 200 companies.\"\n\n" +
		"Sheikh Hamdan later left for the airport.\n"
	tests := []articleCase{
		{name: "he pointed out",
			text:   text,
			quotes: []wantQuote{{"with the participation of more than 200 companies", "Khalifa Saeed Al-Nuaimi"}}},
		{name: "he also called for",
			text: "Foreign Minister Sheikh Hamdan bin Rashed Al-Marzouqi received the Kaslani minister on Wednesday. \"Dialogue is the only path,\" Sheikh Hamdan said.\n\n" +
				"The Speaker of the Federal Council, H.E. Saqr Mohammed Al-Dhaheri, received the minister later.\n\n" +
				"\"Parliamentary diplomacy is an essential pillar of relations,\" Al-Dhaheri said.\n\n" +
				"He also called for \"activating the parliamentary friendship committees\" on a regular basis.\n\n" +
				"Sheikh Hamdan later left for the airport.\n",
			quotes: []wantQuote{{"activating the parliamentary friendship committees", "Saqr Mohammed Al-Dhaheri"}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersReflexiveSubject checks a subject stressed by a reflexive
// ("The writer himself said", "Hale himself said") for the one named
// before, of the reflexive's sex, with a woman quoted just before "the
// writer himself" as control.
func TestSpeakersReflexiveSubject(t *testing.T) {
	tests := []articleCase{
		{name: "the writer himself, after his wife",
			text: "Niall Varga, 41, an engineer, and Jonas Petrauskis-Hale, 58, a travel writer, were flown home on Thursday.\n\n" +
				"Petrauskis-Hale's wife, Greta, said he had been allowed four calls. \"Now we will plant the garden again,\" she said.\n\n" +
				"The writer himself said he wanted \"a shower, a newspaper and a very long sleep.\"\n",
			quotes: []wantQuote{{"a shower, a newspaper", "Jonas Petrauskis-Hale"}}},
		{name: "a name and himself",
			text:   "The mayor, Tom Hale, opened the bridge on Monday. \"It is a good day for the valley,\" Hale himself said.\n",
			quotes: []wantQuote{{"It is a good day", "Tom Hale"}}},
		{name: "control: the reflexive of the other sex",
			text: "Greta Petrauskis said her husband had been allowed four calls. \"Now we will plant the garden again,\" she said.\n\n" +
				"The writer himself said he wanted \"a shower, a newspaper and a very long sleep.\"\n",
			quotes: []wantQuote{{"a shower, a newspaper", ""}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersOneOfThoseDescribed checks a short partial quotation of one
// of the people just described ("Several said … . One, who asked not to
// be identified, called it “a trophy purchase”"), found with no name,
// with a described person a later sentence names as control.
func TestSpeakersOneOfThoseDescribed(t *testing.T) {
	tests := []articleCase{
		{name: "one of several",
			text:   "Analysts were divided over the offer. Several said the price was too high. One, who asked not to be identified, called it \"a trophy purchase\" and left it there.\n",
			quotes: []wantQuote{{"a trophy purchase", ""}}},
		{name: "control: a daughter named after",
			text: "In a statement read to the court, the daughter of one resident described finding her mother \"thin as a bird\". " +
				"\"I still see her face when I close my eyes,\" wrote Susan Carraway, whose mother died months later.\n",
			quotes: []wantQuote{{"thin as a bird", "Susan Carraway"}}},
	}
	checkArticleCases(t, tests)
}
