package analyze

import "testing"

// TestSpeakersRelatives checks relatives named once in apposition and
// then quoted by their relation ("her mother said", "the younger sister
// said", "his mother said" after "Roe's mother, Ann"), a relative the
// text leaves unnamed ("The girl's father, reached by phone, said …",
// "A volunteer who … said") read as unnamed rather than as the one quoted
// before, and controls where no relative of that kind was named.
func TestSpeakersRelatives(t *testing.T) {
	tests := []articleCase{
		{name: "her mother, named in apposition, then her mother said",
			text: "Tamsin Orrell was last seen on Friday, police said.\n\n" +
				"“She always calls,” said her mother, Bridget Orrell.\n\n" +
				"Sergeant Colm Varley said officers were checking cameras. “We need to hear from drivers,” Varley said.\n\n" +
				"“She would never just leave,” her mother said.\n",
			quotes: []wantQuote{{"She always calls", "Bridget Orrell"}, {"We need to hear", "Colm Varley"}, {"She would never just leave", "Bridget Orrell"}}},
		{name: "a brother named by a given name after a possessive surname",
			text: "Tamsin Orrell was last seen on Friday, police said.\n\n" +
				"Orrell's brother, Declan, drove down from Leeds.\n\n" +
				"“We've handed out 500 leaflets,” her brother said.\n",
			quotes: []wantQuote{{"We've handed out", "Declan Orrell"}}},
		{name: "the pronoun after a sentence opening with the relative",
			text: "Tamsin Orrell died in March.\n\n" +
				"Her mother, Bridget Orrell, read a statement in court.\n\n" +
				"“You took our girl,” she said.\n\n" +
				"The judge, Alma Crewe, said the case was grave. “This was no accident,” the judge said.\n\n" +
				"Her mother spoke briefly to reporters outside.\n\n" +
				"“We will keep saying her name,” she said.\n",
			quotes: []wantQuote{{"We will keep saying", "Bridget Orrell"}}},
		{name: "the younger sister for the younger daughter",
			text: "Marguerite Penrose ran the bookshop for 41 years.\n\n" +
				"Her daughter, Ruth Penrose, said the shop began by accident.\n\n" +
				"Her younger daughter, Ellen Marsh, remembered Saturday mornings.\n\n" +
				"“She paid us in books,” the younger sister said.\n\n" +
				"“She never once closed early,” her daughter said.\n",
			quotes: []wantQuote{{"She paid us in books", "Ellen Marsh"}, {"She never once closed early", "Ruth Penrose"}}},
		{name: "an unnamed father",
			text: "The photographer, Imke Strand, said she kept shooting. “Never this,” Strand said.\n\n" +
				"The boy's father, reached by phone, said his son was well.\n\n" +
				"“I can't thank that man enough,” the father said.\n",
			quotes: []wantQuote{{"Never this", "Imke Strand"}, {"I can't thank", ""}}},
		{name: "an unnamed volunteer",
			text: "The owner of the diner, Sal Verrone, said staff had cheered. “Half the kitchen cried,” Verrone said.\n\n" +
				"A volunteer who had searched with his dogs said he was relieved.\n\n" +
				"“Today we got it,” the volunteer said.\n",
			quotes: []wantQuote{{"Half the kitchen", "Sal Verrone"}, {"Today we got it", ""}}},
		{name: "no relative of that kind named",
			text: "Tamsin Orrell was last seen on Friday. Sergeant Colm Varley said officers were checking cameras.\n\n" +
				"“She would never just leave,” her mother said.\n",
			quotes: []wantQuote{{"She would never just leave", ""}}},
		{name: "a relative named with another relation",
			text: "Her son, Tom Alvey, said she read every night. “That was Mom,” he said.\n\n" +
				"“She was never still,” her brother said.\n",
			quotes: []wantQuote{{"That was Mom", "Tom Alvey"}, {"She was never still", ""}}},
	}
	checkArticleCases(t, tests)
}
