package quote

// newsArticlesBlind were written last and measured once before any change
// (first run: see the package report); later fixes may tune to them.
var newsArticlesBlind = []newsArticle{
	{
		text: `Hospital strike ends after nurses approve contract
MINNEAPOLIS — Nurses at three Minneapolis hospitals voted Sunday to ratify a new contract, ending a five-day strike that had forced the hospitals to divert ambulances.
"We stood together, and we won," said Mary Turner, president of the Minnesota Nurses Association, at a rally outside Abbott Northwestern Hospital. "This contract puts patients first."
The agreement includes raises of 18 percent over three years, the union said.
Allina Health, which runs two of the hospitals, said in a statement that it was "pleased to welcome our nurses back" and that care had continued safely throughout the strike.
Some nurses said the deal did not go far enough on staffing. "We'll be back at the table in three years — and we'll remember this," said Jamal Reed, an ICU nurse who has worked at the hospital for 11 years.
Asked whether more strikes were likely, Turner was blunt: "That depends on them."
Hospital officials had argued that the union's demands would cost more than $100 million a year.
Gov. Tim Walz, who had urged both sides to keep talking, called the deal "a win for Minnesota's patients and the people who care for them."`,
		ents: []ent{person("president", "Mary Turner", "Turner"), org("Minnesota Nurses Association"), org("Abbott Northwestern Hospital"),
			org("Allina Health"), person("nurse", "Jamal Reed", "Reed"), person("Gov.", "Tim Walz", "Walz"), place("MINNEAPOLIS"), place("Minneapolis"), place("Minnesota")},
		direct: [][2]string{
			{"We stood together, and we won,", "Mary Turner"},
			{"This contract puts patients first.", "Mary Turner"},
			{"pleased to welcome our nurses back", "Allina Health"},
			{"We'll be back at the table in three years — and we'll remember this,", "Jamal Reed"},
			{"That depends on them.", "Mary Turner"},
			{"a win for Minnesota's patients and the people who care for them.", "Tim Walz"},
		},
		indirect: [][2]string{
			{"The agreement includes raises of 18 percent over three years", "Minnesota Nurses Association"},
			{"the deal did not go far enough on staffing", ""},
			{"the union's demands would cost more than $100 million a year", ""},
		},
	},
	{
		text: `Ukraine says drone attack hit Russian oil depot
KYIV, Ukraine — Ukrainian drones struck an oil depot in Russia's Bryansk region overnight, a Ukrainian security official said Tuesday, in the latest in a series of attacks on Russian energy infrastructure.
The official, who spoke on condition of anonymity because he was not authorized to speak publicly, said the depot supplied fuel to Russian troops.
Bryansk Gov. Alexander Bogomaz said on Telegram that there were no casualties. He wrote that firefighters were "working to put out the blaze."
Russia's Defense Ministry said air defenses had shot down 27 Ukrainian drones over several regions.
In his nightly video address, President Volodymyr Zelenskyy thanked the country's air defenders. «Every day we are making Russia feel what this war means», he said.
Kremlin spokesman Dmitry Peskov told reporters the attacks "will not go unanswered."
"The Ukrainians are trying to draw attention away from the front," Peskov said, "where they are losing."`,
		ents: []ent{place("Ukraine"), place("Russia"), place("Bryansk"), person("Gov.", "Alexander Bogomaz", "Bogomaz"), org("Telegram"),
			org("Defense Ministry"), person("President", "Volodymyr Zelenskyy", "Zelenskyy"), person("Kremlin spokesman", "Dmitry Peskov", "Peskov"),
			org("Kremlin"), place("KYIV")},
		direct: [][2]string{
			{"working to put out the blaze.", "Alexander Bogomaz"},
			{"Every day we are making Russia feel what this war means", "Volodymyr Zelenskyy"},
			{"will not go unanswered.", "Dmitry Peskov"},
			{"The Ukrainians are trying to draw attention away from the front,", "Dmitry Peskov"},
			{"where they are losing.", "Dmitry Peskov"},
		},
		indirect: [][2]string{
			{"Ukrainian drones struck an oil depot in Russia's Bryansk region overnight", ""},
			{"the depot supplied fuel to Russian troops", ""},
			{"there were no casualties", "Alexander Bogomaz"},
			{"air defenses had shot down 27 Ukrainian drones over several regions", "Defense Ministry"},
		},
	},
	{
		text: `School board delays vote on cellphone ban
The Fairfax County School Board on Thursday postponed a vote on a proposal to ban cellphones during the school day, after more than 60 parents and students signed up to speak.
Superintendent Michelle Reid, who proposed the ban, told board members that phones had become "the single biggest distraction in our classrooms."
"Teachers tell me every week that they are competing with TikTok for their students' attention," Reid said.
But several students argued that they needed phones for emergencies. "What if there's a shooting?" asked Ava Chen, a junior at McLean High School. "How am I supposed to text my mom?"
Board chair Karl Frisch said the board would take up the proposal again in January.
"We want to get this right," Frisch said. "There's no rush."
Parent Derek Simmons said he supported the ban. "My son's grades went up the week his phone broke," he said, drawing laughter.`,
		ents: []ent{org("Fairfax County School Board"), person("Superintendent", "Michelle Reid", "Reid"), person("", "Ava Chen", "Chen"),
			org("McLean High School"), person("Board chair", "Karl Frisch", "Frisch"), person("Parent", "Derek Simmons", "Simmons"), org("TikTok")},
		direct: [][2]string{
			{"the single biggest distraction in our classrooms.", "Michelle Reid"},
			{"Teachers tell me every week that they are competing with TikTok for their students' attention,", "Michelle Reid"},
			{"What if there's a shooting?", "Ava Chen"},
			{"How am I supposed to text my mom?", "Ava Chen"},
			{"We want to get this right,", "Karl Frisch"},
			{"There's no rush.", "Karl Frisch"},
			{"My son's grades went up the week his phone broke,", "Derek Simmons"},
		},
		indirect: [][2]string{
			{"they needed phones for emergencies", ""},
			{"the board would take up the proposal again in January", "Karl Frisch"},
			{"he supported the ban", "Derek Simmons"},
		},
	},
}
