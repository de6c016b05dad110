package analyze

import "testing"

// TestSpeakersDescribedThenNamed checks speakers a news story describes
// first and names afterwards ("A woman who lives above the shop … “…,”
// she said. ¶ The woman, Ann Roe, 58, said …"), with a control where the
// name that follows is someone else's and reports nothing.
func TestSpeakersDescribedThenNamed(t *testing.T) {
	tests := []articleCase{
		{name: "a woman described, then named",
			text: "Police are appealing for witnesses to the attack.\n\n" +
				"“Somebody saw what happened,” said Det Sgt Owen Marrick.\n\n" +
				"A woman who lives in a flat above a neighbouring shop said she heard shouting.\n\n" +
				"“I looked out and there was a lad on the ground,” she said. “Then everyone was on their phones.”\n\n" +
				"The woman, Dolly Achterfeld, 58, said she had lived on the street for 17 years.\n",
			quotes: []wantQuote{{"Somebody saw", "Owen Marrick"}, {"I looked out", "Dolly Achterfeld"}, {"Then everyone", "Dolly Achterfeld"}}},
		{name: "a parent described by another noun, then named",
			text: "The board heard from dozens of families.\n\n" +
				"“It took her two years to feel safe there,” said Keisha Amberwood, whose daughter attends the school.\n\n" +
				"Another parent, a father of three who moved to the area for the school, accused the board of bias.\n\n" +
				"“Look at the map,” he said.\n\n" +
				"The father, Tobin Reinhardt, later handed board members a petition he said had 2,200 signatures.\n",
			quotes: []wantQuote{{"Look at the map", "Tobin Reinhardt"}}},
		{name: "control: a name after the unnamed speaker, reporting nothing",
			text: "Police are appealing for witnesses to the attack.\n\n" +
				"A woman who lives nearby said she heard shouting.\n\n" +
				"“There was a lad on the ground,” she said.\n\n" +
				"The woman, Ann Roe, 34, was taken to hospital with cuts.\n",
			quotes: []wantQuote{{"There was a lad", ""}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersEverydayNews checks forms of everyday local news: an
// unnamed speaker introduced as "Another mother" or as "a fifth-grader"
// whose sex a possessive gives, a surname after "Miss", a detective
// constable's rank, "the statement said" after "praised the vote in a
// statement", a department's name over "and" before "spokesperson", a
// body writing "in a letter … dated Oct. 3", "what they called" after
// plural people, a given name that is also a month, and the one whose
// relative a sentence opens with, named again as its object.
func TestSpeakersEverydayNews(t *testing.T) {
	tests := []articleCase{
		{name: "another mother, unnamed",
			text: "Parents said the report confirmed their fears.\n\n" +
				"“Nobody ever rang me back,” said Natalie Brockway, whose son is in Year 10.\n\n" +
				"Another mother, waiting in her car, said she had moved her daughter to another school.\n\n" +
				"“It costs me £40 a week in petrol,” she said.\n",
			quotes: []wantQuote{{"Nobody ever rang", "Natalie Brockway"}, {"It costs me", ""}}},
		{name: "a fifth-grader whose possessive gives her sex",
			text: "The board heard from parents for four hours.\n\n" +
				"“Those are the numbers,” said Superintendent Renata Oosterbeek.\n\n" +
				"Near the end of the night, a fifth-grader from Bexley Park stepped up to the microphone, standing on her toes to reach it.\n\n" +
				"“Please don't close my school,” she said.\n",
			quotes: []wantQuote{{"Those are the numbers", "Renata Oosterbeek"}, {"Please don't close", ""}}},
		{name: "Miss and a surname",
			text: "Kilbourne pleaded guilty at an earlier hearing.\n\n" +
				"Defending, Rebecca Tranmere said her client had built up large debts.\n\n" +
				"“She makes no excuses,” Miss Tranmere said.\n",
			quotes: []wantQuote{{"She makes no excuses", "Rebecca Tranmere"}}},
		{name: "a detective constable's rank",
			text: "The care home manager was jailed on Friday.\n\n" +
				"Outside court, Det Con Graham Leybourne, of Ramsgill Police, said families should check statements.\n\n" +
				"“Ask questions,” he said.\n",
			quotes: []wantQuote{{"Ask questions", "Graham Leybourne"}}},
		{name: "the statement of the one who praised in a statement",
			text: "The council voted 9-4 for the bus lanes.\n\n" +
				"Mayor Anton Whitfield-Reyes, who had endorsed the plan, praised the vote in a statement.\n\n" +
				"“Tonight the council chose the riders,” the statement said.\n",
			quotes: []wantQuote{{"Tonight the council chose", "Anton Whitfield-Reyes"}}},
		{name: "a department's name over and",
			text: "The trust apologised to patients.\n\n" +
				"A Department of Health and Social Care spokesperson said: “We recognise the pressure services are under this winter.”\n",
			quotes: []wantQuote{{"We recognise the pressure", "Department of Health and Social Care"}}},
		{name: "a body writing in a letter dated Oct. 3",
			text: "Riders will lose weekend service.\n\n" +
				"The Federal Transit Administration, in a letter to the authority dated Oct. 3, said its track inspections had been \"inconsistent and poorly documented.\"\n",
			quotes: []wantQuote{{"inconsistent and poorly documented", "Federal Transit Administration"}}},
		{name: "what plural people called",
			text: "Riders on the Red Line will lose weekend service, the Lakemont Regional Transit Authority said Thursday.\n\n" +
				"The announcement came a week after federal inspectors found what they called \"significant defects\" on the line.\n",
			quotes: []wantQuote{{"significant defects", ""}}},
		{name: "a given name that is also a month",
			text: "Mabel Trethewey celebrated her 100th birthday on Wednesday.\n\n" +
				"Her daughter, June Haskins, 76, said her mother still did the crossword every morning.\n\n" +
				"“She does it in pen,” Mrs Haskins said.\n\n" +
				"Her grandson, Simon Haskins, said the family had travelled far. “My cousin flew for 14 hours,” he said.\n",
			quotes: []wantQuote{{"She does it in pen", "June Haskins"}, {"My cousin flew", "Simon Haskins"}}},
		{name: "the one whose relative opens the sentence, named again as its object",
			text: "Mabel Trethewey celebrated her 100th birthday on Wednesday.\n\n" +
				"Her daughter, Joan Haskins, said her mother still did the crossword. “She does it in pen,” Mrs Haskins said.\n\n" +
				"Mrs Trethewey's great-grandson Ollie, 7, presented her with a cake.\n\n" +
				"“I told him about the switchboard when he was small,” she said.\n",
			quotes: []wantQuote{{"I told him about the switchboard", "Mabel Trethewey"}}},
	}
	checkArticleCases(t, tests)
}
