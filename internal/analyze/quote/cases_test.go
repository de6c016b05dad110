package quote

import "github.com/parallax-news/parallax/internal/model"

// usEnts are the entities of the hand-written test texts.
var usEnts = []ent{
	person("Mayor", "Karen Bass", "Bass"),
	person("Gov.", "Gavin Newsom", "Newsom"),
	person("Fire Chief", "Kristin Crowley", "Crowley"),
	person("spokeswoman", "Maria Lopez", "Lopez"),
	person("coach", "Andy Reid", "Reid"),
	person("quarterback", "Patrick Mahomes", "Mahomes"),
	person("Sen.", "Chuck Schumer", "Schumer"),
	person("Speaker", "Mike Johnson", "Johnson"),
	person("Treasury Secretary", "Janet Yellen", "Yellen"),
	person("", "Tom Hardy", "Hardy"),
	person("attorney", "Ben Crump", "Crump"),
	person("Police Chief", "Michel Moore", "Moore"),
	person("President", "Joe Biden", "Biden"),
	person("", "John Smith", "Smith"),
	person("", "Jane Doe", "Doe"),
	org("Department of Justice", "Justice Department"),
	org("Federal Reserve", "Fed"),
	org("Ministry of Health", "Health Ministry"),
	org("Kansas City Chiefs", "Chiefs"),
	org("Apple"),
	place("Los Angeles"), place("California"), place("Washington"), place("Texas"),
}

// wantQ is an expected quote: exact Text, kind and speaker.
type wantQ struct {
	text    string
	kind    model.QuoteKind
	speaker string
}

type findCase struct {
	name string
	text string
	want []wantQ
	// exact: no other quotes may be found.
	exact bool
}

var findCases = []findCase{
	{name: "curly after", text: "“We will rebuild this city,” Bass said.", exact: true,
		want: []wantQ{{"We will rebuild this city,", model.Direct, "Karen Bass"}}},
	{name: "straight after inverted", text: `"The fire is 40% contained," said Fire Chief Kristin Crowley.`, exact: true,
		want: []wantQ{{"The fire is 40% contained,", model.Direct, "Kristin Crowley"}}},
	{name: "colon before", text: `Newsom said: "We are not going to leave anyone behind."`, exact: true,
		want: []wantQ{{"We are not going to leave anyone behind.", model.Direct, "Gavin Newsom"}}},
	{name: "single marks", text: "Reid told reporters: ‘We didn’t play our best game, and that’s on me.’", exact: true,
		want: []wantQ{{"We didn’t play our best game, and that’s on me.", model.Direct, "Andy Reid"}}},
	{name: "straight single", text: `Mahomes said, 'I don't think we're done yet.'`, exact: true,
		want: []wantQ{{"I don't think we're done yet.", model.Direct, "Patrick Mahomes"}}},
	{name: "guillemets", text: "« Nous sommes prêts », a dit Smith. Smith said later: «We are ready.»",
		want: []wantQ{{"We are ready.", model.Direct, "John Smith"}}},
	{name: "german marks", text: "Doe said: „Das ist gut.“", exact: true,
		want: []wantQ{{"Das ist gut.", model.Direct, "Jane Doe"}}},
	{name: "split quote", text: "“The economy is strong,” Yellen said, “but inflation remains too high.”", exact: true,
		want: []wantQ{{"The economy is strong,", model.Direct, "Janet Yellen"}, {"but inflation remains too high.", model.Direct, "Janet Yellen"}}},
	{name: "multi sentence", text: "“We lost. We will be back. Nobody should doubt that,” Reid said.", exact: true,
		want: []wantQ{{"We lost. We will be back. Nobody should doubt that,", model.Direct, "Andy Reid"}}},
	{name: "multi paragraph", text: "Schumer said: “The bill is dead. We have to start again.\n“And we will start tomorrow morning with both parties at the table.”\nJohnson disagreed.", exact: true,
		want: []wantQ{{"The bill is dead. We have to start again.", model.Direct, "Chuck Schumer"}, {"And we will start tomorrow morning with both parties at the table.", model.Direct, "Chuck Schumer"}}},
	{name: "partial", text: "Yellen warned of “real risks” to the banking system.", exact: true,
		want: []wantQ{{"real risks", model.Mixed, "Janet Yellen"}}},
	{name: "mixed inverted", text: "The city “is doing everything it can to help families”, said Mayor Karen Bass.", exact: true,
		want: []wantQ{{"The city “is doing everything it can to help families", model.Mixed, "Karen Bass"}}},
	{name: "said that", text: "Newsom said on Tuesday that the state would send 500 more firefighters.", exact: true,
		want: []wantQ{{"the state would send 500 more firefighters", model.Indirect, "Gavin Newsom"}}},
	{name: "said clause", text: "Crowley said the winds were expected to pick up overnight.", exact: true,
		want: []wantQ{{"the winds were expected to pick up overnight", model.Indirect, "Kristin Crowley"}}},
	{name: "clause then said", text: "The winds were expected to pick up overnight, Crowley said.", exact: true,
		want: []wantQ{{"The winds were expected to pick up overnight", model.Indirect, "Kristin Crowley"}}},
	{name: "according to end", text: "More than 10,000 structures were destroyed, according to Crowley.", exact: true,
		want: []wantQ{{"More than 10,000 structures were destroyed", model.Indirect, "Kristin Crowley"}}},
	{name: "according to start", text: "According to the Justice Department, the probe began in March.", exact: true,
		want: []wantQ{{"the probe began in March", model.Indirect, "Department of Justice"}}},
	{name: "told that", text: "Crump told CNN on Monday that the family wanted answers.", exact: true,
		want: []wantQ{{"the family wanted answers", model.Indirect, "Ben Crump"}}},
	{name: "stressed that", text: "Schumer stressed that the deal was not final.", exact: true,
		want: []wantQ{{"the deal was not final", model.Indirect, "Chuck Schumer"}}},
	{name: "pronoun", text: "Police Chief Michel Moore met with residents on Friday.\n“We are stretched thin,” he said.", exact: true,
		want: []wantQ{{"We are stretched thin,", model.Direct, "Michel Moore"}}},
	{name: "pronoun skips object", text: "Biden spoke with Newsom on Sunday. He said the federal government would cover the costs.",
		want: []wantQ{{"the federal government would cover the costs", model.Indirect, "Joe Biden"}}},
	{name: "role noun", text: "Health Ministry spokeswoman Maria Lopez confirmed two new cases on Monday.\nThe patients are in stable condition, the spokeswoman said.", exact: true,
		want: []wantQ{{"The patients are in stable condition", model.Indirect, "Maria Lopez"}}},
	{name: "the ministry", text: "The Ministry of Health reported two new cases.\nThe patients are in stable condition, the ministry said.", exact: true,
		want: []wantQ{{"The patients are in stable condition", model.Indirect, "Ministry of Health"}}},
	{name: "unknown speaker", text: "“This is a disaster for the whole neighborhood,” one resident said.", exact: true,
		want: []wantQ{{"This is a disaster for the whole neighborhood,", model.Direct, ""}}},
	{name: "officials said", text: "Officials said the road would reopen on Friday.", exact: true,
		want: []wantQ{{"the road would reopen on Friday", model.Indirect, ""}}},
	{name: "appositive", text: "Maria Lopez, a spokeswoman for the Health Ministry, said that no one had been hurt.", exact: true,
		want: []wantQ{{"no one had been hurt", model.Indirect, "Maria Lopez"}}},
	{name: "parenthetical", text: "As has happened before, Yellen said, the markets will adjust to higher rates.", exact: true,
		want: []wantQ{{"the markets will adjust to higher rates", model.Indirect, "Janet Yellen"}}},
	{name: "participle", text: "Hardy criticized the decision, saying it would hurt small businesses.", exact: true,
		want: []wantQ{{"it would hurt small businesses", model.Indirect, "Tom Hardy"}}},
	{name: "quote after adding that", text: "Reid praised the defense, adding that “they played their hearts out.”", exact: true,
		want: []wantQ{{"they played their hearts out.", model.Direct, "Andy Reid"}}},
	{name: "apostrophes", text: "Rock 'n' roll isn't dead, and the students’ union says it won't close 'til June. The '90s were great; the players’ lounge isn't.", exact: true,
		want: []wantQ{{"it won't close 'til June", model.Indirect, ""}}},
	{name: "apostrophes only", text: "The Smiths’ house and the Joneses’ garden weren't damaged in the '20s flood, rock 'n' roll fans didn't care.", exact: true},
	{name: "scare quotes", text: "The so-called “deal” was never signed, and the “plan” remains unclear.", exact: true},
	{name: "title quotes", text: "The film, titled “Home Again,” opened on Friday.", exact: true},
	{name: "unbalanced", text: "“This never closes and keeps going on and on, Smith said.", exact: false},
}

var moreCases = []findCase{
	{name: "they near org", text: "The Justice Department declined to comment on Monday. They said the review was ongoing.", exact: true,
		want: []wantQ{{"the review was ongoing", model.Indirect, "Department of Justice"}}},
	{name: "they far", text: "Police arrived at the scene shortly after midnight and closed the street for several hours while investigators searched the area for evidence, neighbors watched from porches and the sky slowly brightened over the quiet neighborhood again. They said nobody was hurt.", exact: true,
		want: []wantQ{{"nobody was hurt", model.Indirect, ""}}},
	{name: "indefinite role", text: "Coach Andy Reid spoke first. “We were lucky,” an assistant coach said.", exact: true,
		want: []wantQ{{"We were lucky,", model.Direct, ""}}},
	{name: "dash attribution", text: "Smith — “I never saw it coming,” he said — left the room.",
		want: []wantQ{{"I never saw it coming,", model.Direct, "John Smith"}}},
	{name: "says present", text: "Doe says the new rules are unfair to renters.", exact: true,
		want: []wantQ{{"the new rules are unfair to renters", model.Indirect, "Jane Doe"}}},
	{name: "question", text: "“Why did nobody warn us?” asked Jane Doe.", exact: true,
		want: []wantQ{{"Why did nobody warn us?", model.Direct, "Jane Doe"}}},
	{name: "continuation paragraph", text: "“We are heartbroken,” Bass said.\n“Every family that lost a home will get help from this city.”", exact: true,
		want: []wantQ{{"We are heartbroken,", model.Direct, "Karen Bass"}, {"Every family that lost a home will get help from this city.", model.Direct, "Karen Bass"}}},
	{name: "age appositive", text: "“We’re done here,” Smith, 45, said.", exact: true,
		want: []wantQ{{"We’re done here,", model.Direct, "John Smith"}}},
	{name: "long appositive after quote", text: "“We're done,” Jane Doe, a spokeswoman for the Health Ministry, said in an email.", exact: true,
		want: []wantQ{{"We're done,", model.Direct, "Jane Doe"}}},
	{name: "according after quote", text: "“The review is ongoing,” according to a statement from the Justice Department.", exact: true,
		want: []wantQ{{"The review is ongoing,", model.Direct, "Department of Justice"}}},
	{name: "headline colon", text: "Biden: ‘We will not back down’", exact: true,
		want: []wantQ{{"We will not back down", model.Direct, "Joe Biden"}}},
	{name: "statement unknown", text: "“It was a mistake,” the statement said.", exact: true,
		want: []wantQ{{"It was a mistake,", model.Direct, ""}}},
	{name: "in a statement", text: "In a statement, the Justice Department said it would not seek the death penalty.", exact: true,
		want: []wantQ{{"it would not seek the death penalty", model.Indirect, "Department of Justice"}}},
	{name: "relative appositive", text: "Smith, who lost his home in the fire, told reporters: “We have nothing left.”", exact: true,
		want: []wantQ{{"We have nothing left.", model.Direct, "John Smith"}}},
	{name: "no quote", text: "The senator’s office didn’t respond to a request for comment.", exact: true},
	{name: "according unrecognized", text: "He has scored 31 goals this season, the most in the league, according to Opta Sports & Data.", exact: true,
		want: []wantQ{{"He has scored 31 goals this season, the most in the league", model.Indirect, "Opta Sports & Data"}}},
}
