package quote

// newsArticlesBlind2 is a second blind set with harder formats (dash
// attributions, present-tense "says", British single marks, multi-paragraph
// quotations, written statements).
var newsArticlesBlind2 = []newsArticle{
	{
		text: `PM vows to press on with migration bill
LONDON — Prime Minister Rishi Sunak on Monday vowed to push ahead with his plan to send asylum seekers to Rwanda, despite a rebellion on his own benches.
‘We will not be deterred,’ Mr Sunak told a press conference in Downing Street. ‘The British people want this stopped, and I will stop it.’
Labour leader Keir Starmer says the scheme is "an expensive gimmick" that will never work.
The Home Office said in a written statement that the first flights could leave "within weeks."
Conservative MP Robert Jenrick, who resigned as immigration minister last month, said the bill was still too weak. "It's a bill that will fail," he told the BBC.
"I'm not going anywhere," the prime minister added.`,
		ents: []ent{person("Prime Minister", "Rishi Sunak", "Sunak"), person("Labour leader", "Keir Starmer", "Starmer"), org("Home Office"),
			person("MP", "Robert Jenrick", "Jenrick"), org("BBC"), place("Rwanda"), place("LONDON"), place("Downing Street")},
		direct: [][2]string{
			{"We will not be deterred,", "Rishi Sunak"},
			{"The British people want this stopped, and I will stop it.", "Rishi Sunak"},
			{"an expensive gimmick", "Keir Starmer"},
			{"within weeks.", "Home Office"},
			{"It's a bill that will fail,", "Robert Jenrick"},
			{"I'm not going anywhere,", "Rishi Sunak"},
		},
		indirect: [][2]string{
			{"the bill was still too weak", "Robert Jenrick"},
		},
	},
	{
		text: `Coach defends fourth-down call
The decision to go for it on fourth-and-2 from their own 30 was the talk of the league on Monday.
"I'd do it again," coach Dan Campbell said. "I trust our offense. That's who we are.
"If we don't convert, that's on me. Not on Jared, not on anybody else."
Quarterback Jared Goff backed his coach — "We want to be aggressive," he said — but admitted the play call "wasn't our best."
Campbell has gone for it on fourth down 31 times this season, the most in the NFL, according to ESPN Stats & Information.
"You live by it, you die by it," one assistant coach said.`,
		ents: []ent{person("coach", "Dan Campbell", "Campbell"), person("Quarterback", "Jared Goff", "Goff", "Jared"), org("NFL"), org("ESPN Stats & Information")},
		direct: [][2]string{
			{"I'd do it again,", "Dan Campbell"},
			{"I trust our offense. That's who we are.", "Dan Campbell"},
			{"If we don't convert, that's on me. Not on Jared, not on anybody else.", "Dan Campbell"},
			{"We want to be aggressive,", "Jared Goff"},
			{"wasn't our best.", "Jared Goff"},
			{"You live by it, you die by it,", ""},
		},
		indirect: [][2]string{
			{"Campbell has gone for it on fourth down 31 times this season, the most in the NFL", "ESPN Stats & Information"},
		},
	},
}
