package analyze

import "testing"

// TestSpeakersGivenNameGender checks that a given name used almost only
// for men or only for women rules out a pronoun of the other gender when
// the text gives that person none ("The critic Lionel Dorrance …
// “…,” she says" is not Lionel's), with the forms that must keep their
// speaker.
func TestSpeakersGivenNameGender(t *testing.T) {
	tests := []articleCase{
		{name: "she is not the man named just before",
			text: "Ellen Ferrant designed the Harwick library in 1998.\n\n" +
				"\u201cIt leaks,\u201d she says.\n\n" +
				"The critic Lionel Dorrance once described her library as \u201ca fine answer to nothing\u201d. Does that still sting?\n\n" +
				"\u201cLionel was right about the roof,\u201d she says. \u201cHe was wrong about everything else.\u201d\n",
			quotes: []wantQuote{{"Lionel was right about the roof", "Ellen Ferrant"}, {"He was wrong about everything else", "Ellen Ferrant"}}},
		{name: "he is not the woman named just before",
			text: "Soap star Jax Rowell has split from singer Kiki Arden, his spokeswoman confirmed.\n\n" +
				"A spokeswoman for the singer's label, Sadie Orme-Bright, said: \"There will be no further comment.\"\n\n" +
				"The pair met in January, and Jax Rowell gushed about his new love on a chat show in April. \"She's the funniest person I've ever met,\" he said at the time.\n",
			quotes: []wantQuote{{"She's the funniest person", "Jax Rowell"}}},
		{name: "control: she after a man's name, with his niece named before",
			text: "The man at the wheel is Fergus Tallack, who has skippered the ferry for years.\n\n" +
				"\"There are forty people left,\" he said.\n\n" +
				"His niece, Kirsty Tallack, runs the shop. She is thirty-four.\n\n" +
				"\"If the boat goes, we go,\" she said.\n",
			quotes: []wantQuote{{"There are forty people left", "Fergus Tallack"}, {"If the boat goes", "Kirsty Tallack"}}},
		{name: "control: a woman's name and she",
			text:   "\"It leaks,\" said Margaret Holroyd, the librarian. \"It always has,\" she added.\n",
			quotes: []wantQuote{{"It always has", "Margaret Holroyd"}}},
		{name: "control: a man's name and he after a woman's quote",
			text:   "\"We will appeal,\" said Helen Marwood. Her lawyer, Dennis Corbel, agreed. \"The ruling is wrong,\" he said.\n",
			quotes: []wantQuote{{"We will appeal", "Helen Marwood"}, {"The ruling is wrong", "Dennis Corbel"}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersPlayersDescribed checks players named by their position or
// age after the name ("said the loose forward" for a captain, "said the
// 23-year-old" after the sentence naming him, "Roe's halfback, Ari
// Tane, … he said"), with the forms that must keep their speaker.
func TestSpeakersPlayersDescribed(t *testing.T) {
	tests := []articleCase{
		{name: "a captain called by his position",
			text: "\"I got mine early,\" Toby Arkwright said.\n\n" +
				"Falcons captain Sione Vaka-Hollis, who scored two tries, said the defeat stung.\n\n" +
				"\"We came here to win,\" said the loose forward. \"Close gets you nothing.\"\n",
			quotes: []wantQuote{{"We came here to win", "Sione Vaka-Hollis"}, {"Close gets you nothing", "Sione Vaka-Hollis"}}},
		{name: "said the 23-year-old after a bowler named in the sentence before",
			text: "\"I got mine early,\" Toby Arkwright said.\n\n" +
				"Castlemere's opening bowler Imran Qadir-Lowe, who took three for 52, felt his side had let them off.\n\n" +
				"\"We bowled beautifully for an hour,\" said the 23-year-old.\n",
			quotes: []wantQuote{{"We bowled beautifully", "Imran Qadir-Lowe"}}},
		{name: "a halfback named after his team-mate's name",
			text: "\"I got mine early,\" Rangi Te Horo said.\n\n" +
				"\"It's hard to take,\" said Falcons coach Dallas Ngaio.\n\n" +
				"Te Horo's halfback, Kauri Pomana, was making his 50th appearance. Asked about the milestone, he said:\n\n" +
				"\"Fifty's a nice number.\"\n",
			quotes: []wantQuote{{"Fifty's a nice number", "Kauri Pomana"}}},
		{name: "control: a coach is not the forward",
			text: "Falcons coach Marty Ngaio said the defeat stung.\n\n" +
				"\"We came here to win,\" said the loose forward.\n",
			quotes: []wantQuote{{"We came here to win", ""}}},
		{name: "control: the 23-year-old before the verb",
			text: "Castlemere's Imran Qadir-Lowe took three for 52.\n\n" +
				"\"We bowled beautifully,\" the 23-year-old said.\n",
			quotes: []wantQuote{{"We bowled beautifully", "Imran Qadir-Lowe"}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersPossessiveSpokesperson checks "His spokeswoman said" and a
// later "she said" of that spokeswoman, credited to the person the
// possessive stands for, with the forms that must keep their speaker.
func TestSpeakersPossessiveSpokesperson(t *testing.T) {
	tests := []articleCase{
		{name: "his spokeswoman, then she said",
			text: "\"The families who drive these roads can't wait,\" said Janine Obuya, a White House spokeswoman.\n\n" +
				"Senator Curtis Lamberth, Republican of Georgia, said the fight was a distraction. \"We are arguing about a shrinking pie,\" he said.\n\n" +
				"His spokeswoman said later that Mr. Lamberth would offer an amendment. \"He's not going to let this drop,\" she said.\n",
			quotes: []wantQuote{{"He's not going to let this drop", "Curtis Lamberth"}}},
		{name: "his spokeswoman said: after an unnamed pal",
			text: "Soap star Jax Dellaney was spotted looking glum outside a gym yesterday.\n\n" +
				"\"Jax has been putting on a brave face,\" said a pal.\n\n" +
				"His spokeswoman said: \"Jax asks that his privacy be respected.\"\n",
			quotes: []wantQuote{{"Jax asks that his privacy be respected", "Jax Dellaney"}}},
		{name: "her spokesman said",
			text: "Mayor Ruth Annaby toured the flooded streets on Monday.\n\n" +
				"Her spokesman said: \"The mayor will ask for federal help.\"\n",
			quotes: []wantQuote{{"The mayor will ask for federal help", "Ruth Annaby"}}},
		{name: "control: a spokeswoman for a body",
			text: "Mayor Ruth Annaby toured the flooded streets on Monday.\n\n" +
				"A spokeswoman for the Harwell Water Authority said: \"Supplies are safe.\"\n",
			quotes: []wantQuote{{"Supplies are safe", "Harwell Water Authority"}}},
		{name: "control: his brother is not him",
			text: "Jax Dellaney was spotted outside a gym yesterday.\n\n" +
				"His brother said: \"He's fine and he will be back at work soon.\"\n",
			quotes: []wantQuote{{"He's fine", ""}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersIndefiniteMember checks "One senior Conservative said", a
// party's member left unnamed, with the forms that must keep their
// speaker.
func TestSpeakersIndefiniteMember(t *testing.T) {
	tests := []articleCase{
		{name: "one senior Conservative",
			text: "Gideon Ashfield-Pell told MPs the timetable was reliable.\n\n" +
				"Outside the chamber, one senior Conservative said: \"Gideon is the only person who thinks this is going well.\"\n",
			quotes: []wantQuote{{"Gideon is the only person", ""}}},
		{name: "a leading Democrat",
			text: "Governor Ann Roebuck defended the budget.\n\n" +
				"\"It will not survive the summer,\" a leading Democrat said.\n",
			quotes: []wantQuote{{"It will not survive the summer", ""}}},
		{name: "control: a named member",
			text:   "Outside the chamber, the Conservative backbencher Hamish Ardross said: \"This is going well for nobody.\"\n",
			quotes: []wantQuote{{"This is going well for nobody", "Hamish Ardross"}}},
		{name: "control: a surname alone",
			text:   "Ruth Annaby led the campaign.\n\n\"We will win this,\" Annaby said.\n",
			quotes: []wantQuote{{"We will win this", "Ruth Annaby"}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersNameGivenAs checks a person who "gave her name only as" a
// given name, who is the speaker under that name, with the forms that
// must keep their speaker.
func TestSpeakersNameGivenAs(t *testing.T) {
	tests := []articleCase{
		{name: "who gave her name only as, then she said",
			text: "Police spokeswoman Lorna Beckley said officers were called shortly after 9 p.m.\n\n" +
				"A clerk at the store, who gave her name only as Yesenia, said she heard \"four or five pops\" outside.\n\n" +
				"\"I got down behind the counter and called 911,\" she said.\n",
			quotes: []wantQuote{{"four or five pops", "Yesenia"}, {"I got down behind the counter", "Yesenia"}}},
		{name: "who gave his name only as, then he said",
			text: "\"We'll be better for it,\" said coach Murray Fitzgibbon.\n\n" +
				"Outside the ground, one fan, who gave his name only as Trev, said he had been coming for forty years. " +
				"\"Best finish I've seen here,\" he said.\n",
			quotes: []wantQuote{{"Best finish I've seen here", "Trev"}}},
		{name: "who was identified only as",
			text:   "A neighbour, who was identified only as Marguerite, said: \"The shouting went on all night.\"\n",
			quotes: []wantQuote{{"The shouting went on all night", "Marguerite"}}},
		{name: "control: who asked not to be named",
			text: "\"We'll be better for it,\" said coach Murray Fitzgibbon.\n\n" +
				"One fan, who asked not to be named, said: \"Best finish I've seen here.\"\n",
			quotes: []wantQuote{{"Best finish I've seen here", ""}}},
		{name: "control: a name given in an appositive",
			text:   "The store's owner, Raj Pillai, said: \"Nobody listens until somebody gets hurt.\"\n",
			quotes: []wantQuote{{"Nobody listens", "Raj Pillai"}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersRoleThenLowerRoleName checks a role in apposition whose
// name follows a lower-case role ("Rolley's attorney, public defender
// Gary Mendel, declined to comment, saying only, …"), with the forms
// that must keep their speaker.
func TestSpeakersRoleThenLowerRoleName(t *testing.T) {
	tests := []articleCase{
		{name: "declined to comment, saying only",
			text: "Deshawn Rolland was arrested on Sunday.\n\n" +
				"Rolland's attorney, public defender Gary Mendel, declined to comment, saying only, \"We will address the allegations in court.\"\n",
			quotes: []wantQuote{{"We will address the allegations in court", "Gary Mendel"}}},
		{name: "a chief executive in apposition",
			text:   "The company's founder, chief executive Priya Ramsay-Holt, announced the launch, saying: \"Tessera closes that gap.\"\n",
			quotes: []wantQuote{{"Tessera closes that gap", "Priya Ramsay-Holt"}}},
		{name: "control: the role's name without a lower-case role",
			text: "Deshawn Rolland was arrested on Sunday.\n\n" +
				"His attorney, Gary Mendel, declined to comment, saying only, \"We will address the allegations in court.\"\n",
			quotes: []wantQuote{{"We will address the allegations in court", "Gary Mendel"}}},
		{name: "control: an unnamed attorney",
			text: "Deshawn Rolland was arrested on Sunday.\n\n" +
				"Rolland's attorney declined to comment, saying only, \"We will address the allegations in court.\"\n",
			quotes: []wantQuote{{"We will address the allegations in court", ""}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersSecondRolePhrase checks a subject whose name follows two
// role phrases in apposition ("Her long-time collaborator, the structural
// engineer Desmond Aalders, remembers …"), with the forms that must keep
// their speaker.
func TestSpeakersSecondRolePhrase(t *testing.T) {
	tests := []articleCase{
		{name: "a collaborator, the engineer X",
			text: "\u201cMost people wait for buses,\u201d says the architect Margaret Olande.\n\n" +
				"Her long-time collaborator, the structural engineer Desmond Aalders, remembers their first project together.\n\n" +
				"\u201cShe turned up with a model made of cereal boxes,\u201d he says.\n",
			quotes: []wantQuote{{"She turned up with a model", "Desmond Aalders"}}},
		{name: "control: one role phrase",
			text: "\u201cMost people wait for buses,\u201d says the architect Margaret Olande.\n\n" +
				"Her colleague, Desmond Aalders, remembers their first project together.\n\n" +
				"\u201cShe turned up with a model made of cereal boxes,\u201d he says.\n",
			quotes: []wantQuote{{"She turned up with a model", "Desmond Aalders"}}},
		{name: "control: she stays with the architect",
			text: "\u201cMost people wait for buses,\u201d says the architect Margaret Olande.\n\n" +
				"Her long-time collaborator, the structural engineer Desmond Aalders, remembers their first project together.\n\n" +
				"\u201cDesmond was right about the roof,\u201d she says.\n",
			quotes: []wantQuote{{"Desmond was right about the roof", "Margaret Olande"}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersDatelineLead checks that a sentence opening with a dateline
// has the person after it as its subject ("LOS ALMENDROS - At nine
// o'clock, Begoña Urza unlocks …"), with the forms that must keep their
// speaker.
func TestSpeakersDatelineLead(t *testing.T) {
	tests := []articleCase{
		{name: "a dateline with a spaced hyphen and a time phrase",
			text: "The last school\n\n" +
				"LOS ALMENDROS DEL RÍO - At nine o'clock every morning, Begoña Urza Salcedo unlocks the door of the school.\n\n" +
				"«Now there are seven, and two of them are my nephews», she says with a laugh.\n",
			quotes: []wantQuote{{"Now there are seven", "Begoña Urza Salcedo"}}},
		{name: "a dateline with a dash",
			text: "The last school\n\n" +
				"VILLASECA — At dawn, Begoña Urza Salcedo unlocks the door of the school.\n\n" +
				"«Now there are seven, and two of them are my nephews», she says with a laugh.\n",
			quotes: []wantQuote{{"Now there are seven", "Begoña Urza Salcedo"}}},
		{name: "control: no dateline",
			text: "The last school\n\n" +
				"At nine o'clock every morning, Begoña Urza Salcedo unlocks the door of the school.\n\n" +
				"«Now there are seven, and two of them are my nephews», she says with a laugh.\n",
			quotes: []wantQuote{{"Now there are seven", "Begoña Urza Salcedo"}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersRoleLeadAfterUnnamed checks that a role opening the sentence
// before a pronoun ("The mayor is not convinced. «…», he says") names its
// holder even after an unnamed speaker, with the forms that must keep
// their speaker.
func TestSpeakersRoleLeadAfterUnnamed(t *testing.T) {
	tests := []articleCase{
		{name: "the mayor after an unnamed department",
			text: "«A school keeps a village alive», says the mayor, Eusebio Carrano Mendes, 63, who has led the campaign against the closure.\n\n" +
				"The department told this newspaper that it would study «each case individually» before September.\n\n" +
				"The mayor is not convinced. «They said the same about the health centre», he says.\n",
			quotes: []wantQuote{{"They said the same about the health centre", "Eusebio Carrano Mendes"}}},
		{name: "control: the unnamed speaker's own pronoun",
			text: "«A school keeps a village alive», says the mayor, Eusebio Carrano Mendes, 63, who has led the campaign against the closure.\n\n" +
				"One father, who asked not to be named, signed the petition. «If the school goes, I go too», he says.\n",
			quotes: []wantQuote{{"If the school goes", ""}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersNorthernNigerianTitles checks the titles Hajiya, Alhaja,
// Alhaji and Mallam before a name, which make it a person's and give its
// gender, with the forms that must keep their speaker.
func TestSpeakersNorthernNigerianTitles(t *testing.T) {
	tests := []articleCase{
		{name: "Hajiya, then she said",
			text: "The Governor, Dr. Olufemi Adeyemi-Nwosu, said funds had been set aside.\n\n" +
				"The Oru State Emergency Management Agency, through its Executive Secretary, Hajiya Zainab Bello-Dauda, advised residents to stay away from the river.\n\n" +
				"\"We have already recorded two near-drownings,\" she said.\n",
			quotes: []wantQuote{{"We have already recorded two near-drownings", "Zainab Bello-Dauda"}}},
		{name: "Mallam, then he said",
			text: "Hajiya Zainab Bello-Dauda said relief would arrive on Friday.\n\n" +
				"The chairman of the traders' union, Mallam Sani Garba-Kura, disagreed.\n\n" +
				"\"We have heard this before,\" he said.\n",
			quotes: []wantQuote{{"We have heard this before", "Sani Garba-Kura"}}},
		{name: "control: Chief, then he said",
			text: "The President-General, Chief Ikenna Obi-Anyanwu, said the bridge had been weak for years.\n\n" +
				"\"Nobody came,\" he said.\n",
			quotes: []wantQuote{{"Nobody came", "Ikenna Obi-Anyanwu"}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersCompanySpokesman checks "a company spokesman said" after a
// sentence reporting what a firm said, with the forms that must keep
// their speaker.
func TestSpeakersCompanySpokesman(t *testing.T) {
	tests := []articleCase{
		{name: "a company spokesman after a rival's statement",
			text: "Shares in Kestral Mining Ltd fell 9% after it cut its forecast.\n\n" +
				"Kestral's neighbour Brolgan Resources, whose ore travels on a separate line, said it had not been affected. " +
				"\"Our operations are running at normal rates,\" a company spokesman said.\n",
			quotes: []wantQuote{{"Our operations are running at normal rates", "Brolgan Resources"}}},
		{name: "a firm spokeswoman",
			text:   "Corvale Systems said on Tuesday it would cut 200 jobs. \"The decision was not taken lightly,\" a firm spokeswoman said.\n",
			quotes: []wantQuote{{"The decision was not taken lightly", "Corvale Systems"}}},
		{name: "control: a company spokesman with no firm reported before",
			text:   "The price was not disclosed. \"Pricing depends on the size of the installation,\" a company spokesman said.\n",
			quotes: []wantQuote{{"Pricing depends on the size", ""}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersAskedAside checks a quotation filling a paragraph after a
// one-sentence aside "Asked whether …, she pauses …" that follows the
// speaker's quotation, with the forms that must keep their speaker.
func TestSpeakersAskedAside(t *testing.T) {
	tests := []articleCase{
		{name: "asked whether, she pauses",
			text: "\u201cLionel was right about the roof,\u201d says Marguerite Olander.\n\n" +
				"Asked whether she has any regrets, she pauses for a long time.\n\n" +
				"\u201cI said yes to too many competitions in my forties. You don\u2019t get those years back.\u201d\n",
			quotes: []wantQuote{{"I said yes to too many competitions", "Marguerite Olander"}}},
		{name: "control: she pauses",
			text: "\u201cLionel was right about the roof,\u201d says Marguerite Olander.\n\n" +
				"She pauses for a long time.\n\n" +
				"\u201cI said yes to too many competitions in my forties. You don\u2019t get those years back.\u201d\n",
			quotes: []wantQuote{{"I said yes to too many competitions", "Marguerite Olander"}}},
		{name: "control: asked about a man, he pauses",
			text: "\u201cLionel was right about the roof,\u201d says Marguerite Olander.\n\n" +
				"Asked whether he has any regrets, he pauses for a long time.\n\n" +
				"\u201cI said yes to too many competitions in my forties. You don\u2019t get those years back.\u201d\n",
			quotes: []wantQuote{{"I said yes to too many competitions", ""}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersAgeBeforeName checks a sentence opening with an age before
// the name ("Eight-year-old Martina, asked …, does not hesitate"), whose
// subject a later pronoun means, with the forms that must keep their
// speaker.
func TestSpeakersAgeBeforeName(t *testing.T) {
	tests := []articleCase{
		{name: "eight-year-old and a given name",
			text: "One mother, Inmaculada Sotelo Herranz, explains why. «If the school goes, I go too.»\n\n" +
				"Eight-year-old Martina, asked what she likes best about her school, does not hesitate. «The playground, because it is all ours», she says.\n",
			quotes: []wantQuote{{"The playground, because it is all ours", "Martina"}}},
		{name: "control: no age",
			text: "One mother, Inmaculada Sotelo Herranz, explains why. «If the school goes, I go too.»\n\n" +
				"Her daughter Martina, asked what she likes best about her school, does not hesitate. «The playground, because it is all ours», she says.\n",
			quotes: []wantQuote{{"The playground, because it is all ours", "Martina"}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersQuestionAnswerTurns checks unattributed paragraphs of
// quotation in an exchange of questions and answers between two named
// people, which take turns, with the forms that must keep their speaker.
func TestSpeakersQuestionAnswerTurns(t *testing.T) {
	tests := []articleCase{
		{name: "cross-examination: question, answer, question, answer",
			text: "Under cross-examination by defence barrister Celeste Arruda SC, Mr Kavan agreed that the bay was poorly lit.\n\n" +
				"\"So you didn't see his face?\" Ms Arruda asked.\n\n" +
				"\"No, I didn't see his face,\" Mr Kavan replied.\n\n" +
				"\"You saw a man, in the dark, at a distance of perhaps 40 metres?\"\n\n" +
				"\"Yes. But I knew it was him.\"\n",
			quotes: []wantQuote{{"You saw a man, in the dark", "Celeste Arruda"}, {"Yes. But I knew it was him", "Kavan"}}},
		{name: "control: a speaker's answer runs on",
			text: "\"So you didn't see his face?\" Ms Arruda asked.\n\n" +
				"\"No, I didn't see his face,\" Mr Kavan replied.\n\n" +
				"\"It was too dark to see anything at all that night.\"\n",
			quotes: []wantQuote{{"It was too dark to see anything", "Kavan"}}},
		{name: "control: one speaker without a question",
			text: "\"The bay was dark,\" Mr Kavan said.\n\n" +
				"\"I knew it was him,\" he added.\n\n" +
				"\"I had worked with him for six years.\"\n",
			quotes: []wantQuote{{"I had worked with him for six years", "Kavan"}}},
	}
	checkArticleCases(t, tests)
}
