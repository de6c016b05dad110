package analyze

import "testing"

// TestSpeakersVisitsAndObituaries checks speakers in forms of state-visit
// reports, obituaries, profiles and features: "the monarch said" for a
// King named before, "The King replied in kind" before "he said", a
// pronoun after a role phrase that names a speaker far from their name,
// "the Governor of X State, Prince Y" before "the Governor said", a
// paragraph opening "In 1966 she …" in an obituary after another
// speaker, a partial quotation after ", often telling trustees", a
// participle after "describes how X briefed …," and "For X, …" before
// "she said"; with the forms that must keep their speaker or none.
func TestSpeakersVisitsAndObituaries(t *testing.T) {
	tests := []articleCase{
		{name: "the monarch",
			text: "King Halvard IV of Brennmark opened the fair on Monday, the first visit by a Brennish monarch in a decade.\n\n" +
				"The president, Ottilie Marchand, greeted him at the hall.\n\n" +
				"In his speech the King recalled his first visit. \"I remember the coffee on the quayside,\" the monarch said.\n",
			quotes: []wantQuote{{"coffee on the quayside", "Halvard"}}},
		{name: "the monarch with nobody titled stays unnamed",
			text: "The president, Ottilie Marchand, opened the fair on Monday.\n\n" +
				"\"I remember the coffee on the quayside,\" the monarch said.\n",
			quotes: []wantQuote{{"coffee on the quayside", ""}}},
		{name: "the King replied",
			text: "King Halvard IV of Brennmark is on a state visit.\n\n" +
				"At the banquet, President Ottilie Marchand raised a toast to old friends. The King replied in kind. \"Let us promise to remember,\" he said.\n",
			quotes: []wantQuote{{"promise to remember", "Halvard"}}},
		{name: "a pronoun after the monarch named far back",
			text: "King Halvard IV of Brennmark opened the fair on Monday.\n\n" +
				"He was greeted by the mayor, Piet Oosterkamp. \"The door is open,\" Oosterkamp said.\n\n" +
				"\"I remember the coffee on the quayside,\" the monarch said.\n\n" +
				"He said trade had doubled. \"We are two hours apart by air,\" he said.\n",
			quotes: []wantQuote{{"two hours apart", "Halvard"}, {"door is open", "Piet Oosterkamp"}}},
		{name: "the Governor of a state, a prince",
			text: "He was greeted by the Governor of Velmora State, Prince Reza Halloran, a cousin of the King.\n\n" +
				"\"The door is open and will stay open,\" the Governor said.\n",
			quotes: []wantQuote{{"door is open", "Reza Halloran"}}},
		{name: "the governor named with a comma still",
			text: "He was greeted by the governor, Reza Halloran, at the airport.\n\n" +
				"\"The door is open,\" the governor said.\n",
			quotes: []wantQuote{{"door is open", "Reza Halloran"}}},
		{name: "an obituary's paragraph opening in a year",
			text: "Marguerite Okafor-Bell, who has died aged 91, was a surgeon who ran a rural hospital for forty years.\n\n" +
				"She was born in Leeds in 1934, the daughter of a seaman.\n\n" +
				"She qualified in 1958. A classmate, Dr Howard Pemberton, remembered her well. \"She asked questions nobody could answer,\" he said.\n\n" +
				"In 1966 she took a posting to the mission hospital. She stayed for four decades. Asked once why she had never gone home, she replied: \"Because every year there was a reason to stay.\"\n\n" +
				"Okafor-Bell never married. In retirement Okafor-Bell returned to Leeds.\n",
			quotes: []wantQuote{{"reason to stay", "Marguerite Okafor-Bell"}, {"nobody could answer", "Howard Pemberton"}}},
		{name: "a woman just quoted keeps the pronoun of a paragraph opening in a year",
			text: "Marguerite Okafor-Bell, who has died aged 91, was a surgeon who ran a rural hospital for forty years.\n\n" +
				"Her successor, Josephine Mwakasege, said she had learned everything there. \"I arrived knowing nothing,\" she said.\n\n" +
				"In 1998 she became medical director. \"It was the hardest job of my life,\" she said.\n",
			quotes: []wantQuote{{"hardest job", "Josephine Mwakasege"}}},
		{name: "a partial quotation after often telling",
			text: "Lorraine Tesselaar took over the school in 2007.\n\n" +
				"She spent three years fighting the plan, often telling trustees the closure would \"hollow out the town from the inside\".\n",
			quotes: []wantQuote{{"hollow out the town", "Lorraine Tesselaar"}}},
		{name: "a participle after the clause of a named doer",
			text:   "The notice describes how the firm's former project director, Gregor Lindqvist, briefed managers every Monday, often telling them work would \"catch up by the summer\".\n",
			quotes: []wantQuote{{"catch up by the summer", "Gregor Lindqvist"}}},
		{name: "a person in the object is no doer",
			text:   "The notice describes how the board briefed Gregor Lindqvist every Monday, often telling him work would \"catch up by the summer\".\n",
			quotes: []wantQuote{{"catch up by the summer", ""}}},
		{name: "for X before she said",
			text: "Nomvula Sithebe, 54, from Extension 7, has been buying water from a neighbour with a borehole.\n\n" +
				"The civic association, which organised the march, said it would return on Friday. \"We marched peacefully today. But we will march,\" said the association's secretary, Mandla Khumalo.\n\n" +
				"For Sithebe, Friday is a long way off. \"My children went to school dirty today,\" she said.\n",
			quotes: []wantQuote{{"school dirty", "Nomvula Sithebe"}, {"we will march", "Mandla Khumalo"}}},
		{name: "for a body keeps the woman just quoted",
			text: "Nomvula Sithebe, a mother of four, said she had been buying water. \"The hotline rings and rings,\" she said.\n\n" +
				"For the council, Friday is a long way off. \"My children went to school dirty today,\" she said.\n",
			quotes: []wantQuote{{"school dirty", "Nomvula Sithebe"}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersNamesAndPhrases checks speakers named through a nickname
// between given name and surname, an opening phrase before "she appealed
// …:", a source phrase before the quotation ("in her words,", "in the
// words of X,", "as she once put it,"), a role's initials ("the DPP
// asked" after "Deputy Public Prosecutor X"), "the judge" after "Mr
// Justice X", "it read" after "X released a statement" and a question
// that "came from" a reporter; with the forms that must keep their
// speaker or none.
func TestSpeakersNamesAndPhrases(t *testing.T) {
	tests := []articleCase{
		{name: "a nickname between given name and surname",
			text:   "\"Nobody wants to lose three days of income,\" said the union's national president, Rodolfo \"Dodong\" Alcaraz, at a rally.\n",
			quotes: []wantQuote{{"three days of income", "Rodolfo Alcaraz"}}},
		{name: "an opening phrase before a colon",
			text: "Mayor Eleanor Cristobal-Yap suspended classes on Monday.\n\n" +
				"In a Facebook post, she appealed to both sides: \"Let us talk, not shout.\"\n",
			quotes: []wantQuote{{"talk, not shout", "Eleanor Cristobal-Yap"}}},
		{name: "in her words",
			text: "Lorraine Tesselaar has run the school since 2007.\n\n" +
				"Former students describe a principal who would stop them in the hall to ask, in her words, \"what they were going to do with their one wild day\".\n",
			quotes: []wantQuote{{"one wild day", "Lorraine Tesselaar"}}},
		{name: "in the words of a person",
			text:   "The plan was dropped, in the words of Harriet Monkton, \"without a single meeting\".\n",
			quotes: []wantQuote{{"single meeting", "Harriet Monkton"}}},
		{name: "as she once put it",
			text: "Marguerite Okafor-Bell, who has died aged 91, ran the hospital for forty years.\n\n" +
				"She is survived by two sisters and, as she once put it, \"more godchildren than I can afford at Christmas\".\n",
			quotes: []wantQuote{{"more godchildren", "Marguerite Okafor-Bell"}}},
		{name: "a role's initials",
			text: "Deputy Public Prosecutor Nur Hidayah Rahmat challenged that account on Monday.\n\n" +
				"\"Who told you what quantities to put on them?\" the DPP asked.\n",
			quotes: []wantQuote{{"what quantities", "Nur Hidayah Rahmat"}}},
		{name: "the judge after Mr Justice",
			text: "Mr Justice Harold Penhaligon questioned defence counsel on Monday. The prosecutor, Ann Roe, objected.\n\n" +
				"\"Is it really your case that he signed whatever was put in front of him?\" the judge said.\n",
			quotes: []wantQuote{{"really your case", "Harold Penhaligon"}}},
		{name: "it read after a statement",
			text:   "Kelvinside chairman Derek Halloway released a brief statement after the match backing his manager. \"Gordon has the full support of the board,\" it read.\n",
			quotes: []wantQuote{{"full support of the board", "Derek Halloway"}}},
		{name: "it said after a body keeps the body",
			text:   "Harwick Foods said on Monday that it would close the plant. \"This was a very difficult decision,\" it said.\n",
			quotes: []wantQuote{{"very difficult decision", "Harwick Foods"}}},
		{name: "a question that came from a reporter",
			text: "Health Minister Desmond Achterfeld faced reporters on Thursday.\n\n" +
				"The first question came from Ruth Kellerby of the Daily Courier. \"Why should anyone believe your next promise?\"\n",
			quotes: []wantQuote{{"believe your next promise", "Ruth Kellerby"}}},
		{name: "a question that came from a reporter of an outlet",
			text: "Health Minister Desmond Achterfeld faced reporters on Thursday.\n\n" +
				"The next question came from Margot Fielding of the Evening Ledger. \"Will you still be in this job in six months?\"\n",
			quotes: []wantQuote{{"in six months", "Margot Fielding"}}},
		{name: "a cheer that came from a place stays unnamed",
			text: "Health Minister Desmond Achterfeld faced reporters on Thursday.\n\n" +
				"The loudest cheer came from Portaskaig. \"Will you still be in this job in six months?\"\n",
			quotes: []wantQuote{{"in six months", ""}}},
		{name: "a question that came from a body stays unnamed",
			text: "Health Minister Desmond Achterfeld faced reporters on Thursday.\n\n" +
				"The first question came from the back of the room. \"Why should anyone believe your next promise?\"\n",
			quotes: []wantQuote{{"believe your next promise", ""}}},
		{name: "initials nobody's role stand for themselves",
			text: "Deputy Public Prosecutor Nur Hidayah Rahmat opened the case.\n\n" +
				"\"We will appeal,\" the DPA said in a statement.\n",
			quotes: []wantQuote{{"We will appeal", "DPA"}}},
		{name: "a quotation after its own words stays unnamed",
			text: "Lorraine Tesselaar has run the school since 2007.\n\n" +
				"A sign on the door says, in capital letters, \"Still not allowed to leave.\"\n",
			quotes: []wantQuote{{"not allowed to leave", ""}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersKeptUnnamedAndRecalled checks a pronoun after a speaker the
// text keeps unnamed on purpose ("who asked not to be named", "on
// condition of anonymity") and a quotation after "as she liked to tell
// visitors," or "by her own count," and a speaker whose name the
// recogniser opened with an office ("Senior Counsel X"); with the forms
// that must keep their speaker.
func TestSpeakersKeptUnnamedAndRecalled(t *testing.T) {
	tests := []articleCase{
		{name: "who asked not to be named",
			text: "Themba Zungu, a taxi driver, said the tanker had come once in three days. \"It is always finished,\" he said.\n\n" +
				"The driver of the tanker, who asked not to be named because he was not authorised to speak, said he filled up three times a day. \"I am one man with one truck,\" he said.\n",
			quotes: []wantQuote{{"one man with one truck", ""}, {"always finished", "Themba Zungu"}}},
		{name: "on condition of anonymity",
			text: "Ray Vandermolen calls her stubborn. \"You walk out of her office thinking you won,\" he says.\n\n" +
				"A former colleague, speaking on condition of anonymity, said she had little time for procedure. \"That is lovely until the auditors come,\" he said.\n",
			quotes: []wantQuote{{"until the auditors come", ""}}},
		{name: "a person named after the anonymous one keeps the pronoun",
			text: "A former colleague, speaking on condition of anonymity, said she had little time for procedure.\n\n" +
				"Ray Vandermolen disagreed. \"You walk out of her office thinking you won,\" he said.\n",
			quotes: []wantQuote{{"thinking you won", "Ray Vandermolen"}}},
		{name: "as she liked to tell visitors",
			text: "Marguerite Okafor-Bell, who has died aged 91, ran a rural hospital for forty years.\n\n" +
				"It began life, as she liked to tell visitors, \"in a shed the goats had finished with\".\n",
			quotes: []wantQuote{{"goats had finished with", "Marguerite Okafor-Bell"}}},
		{name: "by her own count",
			text: "Marguerite Okafor-Bell, who has died aged 91, ran a rural hospital for forty years.\n\n" +
				"She trained, by her own count, \"about a thousand nurses and a hundred doctors\".\n",
			quotes: []wantQuote{{"a thousand nurses", "Marguerite Okafor-Bell"}}},
		{name: "an office at the head of a name",
			text:   "Opening the defence case, Senior Counsel Adrian Loke Sze Kiat said his client had signed \"hundreds of documents a month\" prepared by others.\n",
			quotes: []wantQuote{{"hundreds of documents", "Adrian Loke Sze Kiat"}}},
		{name: "a name of three words keeps its first",
			text:   "Opening the defence case, Adrian Loke Sze Kiat said his client had signed \"hundreds of documents a month\" prepared by others.\n",
			quotes: []wantQuote{{"hundreds of documents", "Adrian Loke Sze Kiat"}}},
		{name: "as she left stays without a reporting verb",
			text: "Marguerite Okafor-Bell, who has died aged 91, ran a rural hospital for forty years.\n\n" +
				"The board thanked her, and as she left, a nurse shouted \"come back soon\".\n",
			quotes: []wantQuote{{"come back soon", ""}}},
	}
	checkArticleCases(t, tests)
}
