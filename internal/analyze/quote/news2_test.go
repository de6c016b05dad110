package quote

// newsArticlesFresh were written after the rules were tuned on
// newsArticles, to measure how the finder does on text it was not tuned on.
var newsArticlesFresh = []newsArticle{
	{
		text: `Judge blocks Texas law on social media moderation
AUSTIN, Texas — A federal judge on Thursday blocked a Texas law that would have barred large social media platforms from removing posts based on a user's viewpoint.
U.S. District Judge Robert Pitman wrote that the law "is unconstitutional on its face" and that the state had failed to show any compelling interest.
Texas Attorney General Ken Paxton said he would appeal. "This ruling is wrong, and we will take it all the way to the Supreme Court if we have to," Paxton said in a statement.
NetChoice, the trade group that sued, welcomed the decision. "The First Amendment protects private companies from being forced to carry speech they find objectionable," said Chris Marchese, the group's litigation director.
The law's author, state Sen. Bryan Hughes, said the platforms had "become the public square" and should be treated like utilities.
Critics have called the law a "must-carry" mandate.
"We're disappointed," Hughes told the Austin American-Statesman on Friday. "But we're not surprised."
Legal experts said the case was likely to reach the Supreme Court.
The judge's 30-page opinion cited the platforms' "editorial discretion" several times.`,
		ents: []ent{person("District Judge", "Robert Pitman", "Pitman"), person("Attorney General", "Ken Paxton", "Paxton"), org("NetChoice"),
			person("litigation director", "Chris Marchese", "Marchese"), person("Sen.", "Bryan Hughes", "Hughes"), place("Texas"), place("AUSTIN"),
			org("Supreme Court"), org("Austin American-Statesman")},
		direct: [][2]string{
			{"is unconstitutional on its face", "Robert Pitman"},
			{"This ruling is wrong, and we will take it all the way to the Supreme Court if we have to,", "Ken Paxton"},
			{"The First Amendment protects private companies from being forced to carry speech they find objectionable,", "Chris Marchese"},
			{"become the public square", "Bryan Hughes"},
			{"We're disappointed,", "Bryan Hughes"},
			{"But we're not surprised.", "Bryan Hughes"},
		},
		indirect: [][2]string{
			{"he would appeal", "Ken Paxton"},
			{"the case was likely to reach the Supreme Court", ""},
		},
	},
	{
		text: `Apple unveils thinner iPhone as sales slow
CUPERTINO, Calif. — Apple on Tuesday introduced its thinnest iPhone yet, betting that a sleek new design will revive demand after two years of flat sales.
“This is the biggest leap forward in iPhone design since iPhone X,” Chief Executive Tim Cook told the audience at the company’s headquarters.
Cook said the new phone would ship on Sept. 19 and start at $999.
Analysts were cautious. “It’s a beautiful device, but I’m not sure it changes the upgrade math for most people,” said Carolina Milanesi, an analyst at Creative Strategies.
The company also said its Apple Intelligence features would arrive in more languages next year.
Greg Joswiak, Apple’s marketing chief, called the camera “a pro camera in your pocket.”
“We didn’t compromise on battery life,” he said, “not even a little.”
Shares fell 1.5% on the news, according to data from FactSet.
Apple’s ‘Glowtime’ event was streamed to millions of viewers.`,
		ents: []ent{org("Apple"), person("Chief Executive", "Tim Cook", "Cook"), person("analyst", "Carolina Milanesi", "Milanesi"),
			org("Creative Strategies"), person("marketing chief", "Greg Joswiak", "Joswiak"), org("FactSet"), place("CUPERTINO")},
		direct: [][2]string{
			{"This is the biggest leap forward in iPhone design since iPhone X,", "Tim Cook"},
			{"It’s a beautiful device, but I’m not sure it changes the upgrade math for most people,", "Carolina Milanesi"},
			{"a pro camera in your pocket.", "Greg Joswiak"},
			{"We didn’t compromise on battery life,", "Greg Joswiak"},
			{"not even a little.", "Greg Joswiak"},
		},
		indirect: [][2]string{
			{"the new phone would ship on Sept. 19 and start at $999", "Tim Cook"},
			{"its Apple Intelligence features would arrive in more languages next year", "Apple"},
			{"Shares fell 1.5% on the news", "FactSet"},
		},
	},
	{
		text: `Wildfire forces evacuations near Boulder
BOULDER, Colo. — A fast-moving wildfire forced the evacuation of about 3,000 homes west of Boulder on Monday, officials said.
Boulder County Sheriff Curtis Johnson said the fire had burned more than 1,200 acres by late afternoon and was zero percent contained.
"If you are told to leave, leave now," Johnson said. "Do not wait to see the flames."
Gov. Jared Polis declared a state of emergency Monday evening. He said state resources, including two air tankers, were on the way.
"Our hearts are with the families who are waiting tonight, not knowing whether they will have a home to return to," Polis said.
Resident Maria Gonzalez, 52, said she grabbed her dog and her father's ashes and drove off. "You could see the orange glow over the ridge," she said. "It was terrifying."
The National Weather Service issued a red flag warning through Tuesday. Forecaster Paul Schlatter said gusts could top 60 mph.
The cause of the fire is under investigation, the sheriff's office said.`,
		ents: []ent{person("Sheriff", "Curtis Johnson", "Johnson"), person("Gov.", "Jared Polis", "Polis"), person("", "Maria Gonzalez", "Gonzalez"),
			org("National Weather Service"), person("Forecaster", "Paul Schlatter", "Schlatter"), place("Boulder"), place("BOULDER"), org("Boulder County")},
		direct: [][2]string{
			{"If you are told to leave, leave now,", "Curtis Johnson"},
			{"Do not wait to see the flames.", "Curtis Johnson"},
			{"Our hearts are with the families who are waiting tonight, not knowing whether they will have a home to return to,", "Jared Polis"},
			{"You could see the orange glow over the ridge,", "Maria Gonzalez"},
			{"It was terrifying.", "Maria Gonzalez"},
		},
		indirect: [][2]string{
			{"the fire had burned more than 1,200 acres by late afternoon and was zero percent contained", "Curtis Johnson"},
			{"state resources, including two air tankers, were on the way", "Jared Polis"},
			{"she grabbed her dog and her father's ashes and drove off", "Maria Gonzalez"},
			{"gusts could top 60 mph", "Paul Schlatter"},
			{"The cause of the fire is under investigation", ""},
		},
	},
}
