package quote

// newsArticlesBlind3 is a third blind set with messier formatting: straight
// quotes among apostrophes, nested quotes, open multi-paragraph quotations.
var newsArticlesBlind3 = []newsArticle{
	{
		text: `Small-town diner closes after 60 years
ELKHART, Ind. — For six decades, Rosie's Diner served eggs, hash browns and gossip on Main Street. On Sunday, it served its last meal.
"It's the end of an era," said owner Linda Perez, 71, who took over from her mother in 1989. "But my knees aren't what they used to be, and none of the kids want it."
Regulars lined up before dawn. Tom O'Malley, a retired machinist, said he'd eaten breakfast there "pretty much every day since the '70s."
"She'd have your coffee poured before you sat down," O'Malley said. "You don't get that at a drive-thru."
Perez said the building had been sold to a developer, who plans to open a coffee shop.
"People keep asking me, 'Linda, what are you going to do now?'" she said, laughing. "I'm going to sleep in."
The town's mayor, Rod Roberson, called the diner "the heart of downtown."`,
		ents: []ent{person("owner", "Linda Perez", "Perez", "Linda"), person("", "Tom O'Malley", "O'Malley"), person("mayor", "Rod Roberson", "Roberson"),
			place("ELKHART"), place("Main Street"), org("Rosie's Diner")},
		direct: [][2]string{
			{"It's the end of an era,", "Linda Perez"},
			{"But my knees aren't what they used to be, and none of the kids want it.", "Linda Perez"},
			{"pretty much every day since the '70s.", "Tom O'Malley"},
			{"She'd have your coffee poured before you sat down,", "Tom O'Malley"},
			{"You don't get that at a drive-thru.", "Tom O'Malley"},
			{"People keep asking me, 'Linda, what are you going to do now?'", "Linda Perez"},
			{"I'm going to sleep in.", "Linda Perez"},
			{"the heart of downtown.", "Rod Roberson"},
		},
		indirect: [][2]string{
			{"the building had been sold to a developer, who plans to open a coffee shop", "Linda Perez"},
		},
	},
	{
		text: `Transcript shows CEO knew of defect, lawmakers say
WASHINGTON — Internal messages released Wednesday by a House committee show that the chief executive of Vantage Motors was told of a brake defect months before the company issued a recall, lawmakers said.
In one message, engineer Priya Nair wrote to CEO Mark Halvorsen: "We have at least 14 reports of brake failure. I think we need to stop shipments.
"If we don't act, someone is going to get hurt."
Halvorsen replied the next day that the company would "monitor the situation."
Rep. Susan Kim, the committee's chair, said the messages were "damning." "They knew, and they chose profits over people," Kim said at a hearing.
A Vantage spokesperson said the company "acted promptly once the scope of the issue was understood."
Halvorsen is scheduled to testify next month.`,
		ents: []ent{org("House committee"), org("Vantage Motors", "Vantage"), person("engineer", "Priya Nair", "Nair"), person("CEO", "Mark Halvorsen", "Halvorsen"),
			person("Rep.", "Susan Kim", "Kim"), place("WASHINGTON")},
		direct: [][2]string{
			{"We have at least 14 reports of brake failure. I think we need to stop shipments.", "Priya Nair"},
			{"If we don't act, someone is going to get hurt.", "Priya Nair"},
			{"monitor the situation.", "Mark Halvorsen"},
			{"damning.", "Susan Kim"},
			{"They knew, and they chose profits over people,", "Susan Kim"},
			{"acted promptly once the scope of the issue was understood.", ""},
		},
		indirect: [][2]string{
			{"the company would", "Mark Halvorsen"},
		},
	},
}
