package analyze

import (
	"testing"

	"github.com/parallax-news/parallax/internal/model"
)

// TestSpeakersGivenNameLabels checks a transcript whose answers open with
// a given name and a colon ("Isolde: Very."): each answer is the named
// person's, the longest name opening with that word, with a control where
// the label names no one in the text.
func TestSpeakersGivenNameLabels(t *testing.T) {
	tests := []articleCase{
		{name: "two sisters",
			text: "The folk duo Wrenfield, sisters Carys and Elowen Tregannon-Ashby, spoke to us at home.\n\n" +
				"Do you still enjoy touring together?\n\n" +
				"Carys: Mostly. We have separate rooms now and it has saved the band.\n\n" +
				"Elowen: It saved my sanity. She sings in the shower.\n\n" +
				"Is the new album quieter?\n\n" +
				"Elowen: Very. We wanted to come back to two voices and a guitar.\n\n" +
				"Carys: And it worked. I think it is our best record.\n",
			quotes: []wantQuote{{"separate rooms", "Carys"}, {"saved my sanity", "Elowen Tregannon-Ashby"},
				{"two voices", "Elowen Tregannon-Ashby"}, {"our best record", "Carys"}}},
	}
	checkArticleCases(t, tests)
	a := New().Analyze(&model.Article{ID: 1, Text: "The ferry timetable changes on Monday.\n\n" +
		"Note: Sailings after 9pm are cancelled. Check before you travel.\n\n" +
		"Note: The café on board will close early. Bring your own food.\n"})
	for _, q := range a.Quotes {
		if q.Kind == model.Direct {
			t.Errorf("labels naming no one: got quote %q (%q)", q.Text, q.Speaker)
		}
	}
}

// TestSpeakersDialogueAddressee checks bare lines of dialogue after a
// line that calls someone by name: the one called answers ("“Mrs. Roe,”
// he says. “What did it do?”" ¶ "“It flickers.”"), and the run goes on
// alternating between the two; a control without a name keeps the other
// party who spoke before.
func TestSpeakersDialogueAddressee(t *testing.T) {
	tests := []articleCase{
		{name: "a courtesy title and a name opening the line",
			text: "Bogdan Ferenczy runs the repair shop with his brother.\n\n" +
				"“Mrs. Albescu,” Bogdan says to a woman holding a lamp. “What did it do this time?”\n\n" +
				"“It flickers. Then it stops.”\n\n" +
				"“Then it starts again?”\n\n" +
				"“Then it starts again.”\n",
			quotes: []wantQuote{{"It flickers", "Albescu"}, {"Then it starts again?", "Bogdan Ferenczy"}, {"Then it starts again.", "Albescu"}}},
		{name: "a name closing a question",
			text: "The coach, Ottilie Marchbank, stopped the scrimmage again.\n\n" +
				"“Feet!” she shouted. “Where are your feet, Bronagh?”\n\n" +
				"“Under me, Coach.”\n\n" +
				"Bronagh is Bronagh Keeley-Osei, a sophomore forward.\n",
			quotes: []wantQuote{{"Under me", "Bronagh"}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersExchangeAfterNarrative checks a run of bare questions and
// answers after a paragraph that quotes no one in full: the first person
// that paragraph names asks and the last other speaker answers, even in
// lines too long for talk; the one a line calls by name answers it; a
// paragraph opening with a subordinate clause names no asker.
func TestSpeakersExchangeAfterNarrative(t *testing.T) {
	tests := []articleCase{
		{name: "cross-examination",
			text: "\"I saw him run at Liam,\" Jarrod Pellowe-Nunn told the court.\n\n" +
				"Cross-examining, defence barrister Ainsley Carrow-Mbeki put it to the witness that he had told police he \"saw nothing\".\n\n" +
				"\"That's right, isn't it? That's what you told the detective at 4am?\"\n\n" +
				"\"I was in shock.\"\n\n" +
				"\"You were in shock. And three weeks later, after a long conversation with the dead man's cousin at a pub in town, you remembered a great deal more.\"\n\n" +
				"\"That's not why.\"\n",
			quotes: []wantQuote{{"That's right", "Ainsley Carrow-Mbeki"}, {"I was in shock", "Jarrod Pellowe-Nunn"},
				{"three weeks later", "Ainsley Carrow-Mbeki"}, {"That's not why", "Jarrod Pellowe-Nunn"}}},
		{name: "a name in the first line",
			text: "\"I never saw a knife,\" Jarrod Pellowe-Nunn told the court.\n\n" +
				"Mr Carrow-Mbeki moved on. He took the witness through the footage frame by frame.\n\n" +
				"\"Show me the knife, Mr Pellowe-Nunn.\"\n\n" +
				"\"I can't see it there.\"\n",
			quotes: []wantQuote{{"Show me the knife", "Carrow-Mbeki"}, {"can't see it", "Jarrod Pellowe-Nunn"}}},
		{name: "control: a subordinate clause first",
			text: "\"We need the boat,\" Ysolde Farraday says.\n\n" +
				"When Ysolde's brother, Piran, announces he is leaving, their mother does not look up.\n\n" +
				"\"Does he have a boat?\"\n\n" +
				"\"He has a bicycle.\"\n",
			quotes: []wantQuote{{"Does he have a boat", ""}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersDialoguePartner checks a run of bare lines whose other
// party last traded lines with the anchor's speaker earlier in the
// article, though someone else was quoted since.
func TestSpeakersDialoguePartner(t *testing.T) {
	tests := []articleCase{
		{name: "the earlier partner",
			text: "Daniel Halloran greets every customer by name. His younger brother, Peter, does not look up.\n\n" +
				"“That's the switch,” Peter says. “Thursday.”\n\n" +
				"Daniel has read the letter many times. “We have been here for thirty years,” he says.\n\n" +
				"Peter snorts. “He practised that one.”\n\n" +
				"“I did not practise it.”\n\n" +
				"“He practised it in the car.”\n\n" +
				"A spokeswoman for the landlord, Marisol Ekwueme-Grant, said in an email that the offer was generous. “We wish them well,” she added.\n\n" +
				"At closing time the brothers sweep the floor.\n\n" +
				"“Where would we even go?” Halloran asks.\n\n" +
				"“Pell Avenue. The old shoe place.”\n\n" +
				"“The shoe place has no window.”\n\n" +
				"“We need a bench, not a window.”\n",
			quotes: []wantQuote{{"Pell Avenue", "Peter"}, {"no window", "Daniel Halloran"}, {"need a bench", "Peter"}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersPronounAfterSetOffPossessive checks that a possessive in a
// relative clause after a name ("Dr X, who supervised her doctorate,")
// does not give the name that pronoun's gender when the sentence before
// opens with it for someone else, with a control where nothing does.
func TestSpeakersPronounAfterSetOffPossessive(t *testing.T) {
	tests := []articleCase{
		{name: "her already taken",
			text: "By Casimir Oduya-Lindholm\n\n" +
				"Wilhelmina Ostrander-Bako has counted the bilbies for twenty years. \"I just wrote it down,\" she says.\n\n" +
				"Her colleagues tell a different story. Dr Faruq Anandappa, who supervised her doctorate, says the fence was built because of her numbers. " +
				"\"She walked into the meeting with a graph,\" he says.\n",
			quotes: []wantQuote{{"walked into the meeting", "Faruq Anandappa"}}},
		{name: "control: her of the one named",
			text:   "Rosalind Achterberg-Moy, who lost her husband in 2019, says the charity saved her. \"They listened,\" she says.\n",
			quotes: []wantQuote{{"They listened", "Rosalind Achterberg-Moy"}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersSpokesForNounBody checks "A spokeswoman for the council
// said …" and then "she said": the body named before by that noun, though
// a woman was named after it; a control names no council.
func TestSpeakersSpokesForNounBody(t *testing.T) {
	tests := []articleCase{
		{name: "the council named before",
			text: "Tarrowby District Council said the work would start in April.\n\n" +
				"Councillor Philippa Oduro-Strand said she understood the frustration.\n\n" +
				"A spokeswoman for the council said the first phase would end in December. \"We will keep residents informed,\" she said.\n",
			quotes: []wantQuote{{"keep residents informed", "Tarrowby District Council"}}},
		{name: "control: no council named",
			text: "Philippa Oduro-Strand said she understood the frustration.\n\n" +
				"A spokeswoman for the council said the first phase would end in December. \"We will keep residents informed,\" she said.\n",
			quotes: []wantQuote{{"keep residents informed", ""}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersStatementFarBack checks "The statement described …" some
// sentences after a body "said in a statement": the body; a notice,
// further back, is not looked for.
func TestSpeakersStatementFarBack(t *testing.T) {
	tests := []articleCase{
		{name: "the company's statement",
			text: "Brackwater Mills Corp. will add 140 jobs at its plant, the company said in a statement Monday.\n\n" +
				"The project will add a second line. Construction starts in spring.\n\n" +
				"\"This reflects our confidence in the people who work here,\" Odalys Verhoeven-Pike, the chief executive, said in the release. \"We intend to stay.\"\n\n" +
				"The statement described the expansion as \"the largest investment in our history.\"\n",
			quotes: []wantQuote{{"largest investment", "Brackwater Mills Corp"}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersWhoseOffice checks a subject "whose department warned" or
// "whose report described" after a person or a body set off by a comma:
// that person or body, and a pronoun after goes on with the person.
func TestSpeakersWhoseOffice(t *testing.T) {
	tests := []articleCase{
		{name: "whose department",
			text: "The Treasurer, Marguerite Achebe-Lund, whose department warned in its budget papers that big projects faced \"significant cost risks\", was more cautious. " +
				"\"Every project looks cheap on a whiteboard,\" she said.\n",
			quotes: []wantQuote{{"significant cost risks", "Marguerite Achebe-Lund"}, {"cheap on a whiteboard", "Marguerite Achebe-Lund"}}},
		{name: "whose report",
			text:   "Senator Hollis Drummond-Kay said she had met engineers from the Fastlink Research Institute, whose report in August described the link as \"technically straightforward\".\n",
			quotes: []wantQuote{{"technically straightforward", "Fastlink Research Institute"}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersKinLeadUnnamed checks "His wife is more direct. “…,” she
// says": the wife, unnamed, not a woman quoted before; a control names
// her.
func TestSpeakersKinLeadUnnamed(t *testing.T) {
	tests := []articleCase{
		{name: "his wife unnamed",
			text: "\"You're safe now,\" said the coxswain, Morag Penhaligon-Uzo.\n\n" +
				"\"I shall send a cheque,\" says Gervase Lamb-Oduya, 68. His wife is more direct. \"He will send a large cheque,\" she says.\n",
			quotes: []wantQuote{{"large cheque", ""}}},
		{name: "control: his wife named",
			text: "\"You're safe now,\" said the coxswain, Morag Penhaligon-Uzo.\n\n" +
				"\"I shall send a cheque,\" says Gervase Lamb-Oduya, 68. His wife, Eunice Lamb-Oduya, is more direct. \"He will send a large cheque,\" she says.\n",
			quotes: []wantQuote{{"large cheque", "Eunice Lamb-Oduya"}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersSmallCues checks cues this batch of features used: "as X
// puts it" before a quotation and "as she put it" after one, a lead of
// manner before a colon ("Then, after a pause:"), "X, cabinet member for
// housing, said", "Councilmember X" and "she whispers".
func TestSpeakersSmallCues(t *testing.T) {
	tests := []articleCase{
		{name: "as X puts it",
			text:   "Radomir Kastelic opened the shop in 1994 with, as Radomir puts it, \"a screwdriver set and a lot of nerve.\"\n",
			quotes: []wantQuote{{"screwdriver set", "Radomir Kastelic"}}},
		{name: "as she put it after",
			text:   "Rachel Okafor-Lunde is 5-foot-3 \"on a good day,\" as she put it, and leads the state in assists.\n",
			quotes: []wantQuote{{"on a good day", "Rachel Okafor-Lunde"}}},
		{name: "after a pause",
			text:   "Ambrose Kettering-Ayo shrugs this off. \"She says that to everybody,\" he says. Then, after a pause: \"No, she doesn't, actually.\"\n",
			quotes: []wantQuote{{"No, she doesn't", "Ambrose Kettering-Ayo"}}},
		{name: "cabinet member",
			text:   "Councillor Saoirse Bell-Anand (Lab), cabinet member for housing, said the council had \"listened carefully\" to residents.\n",
			quotes: []wantQuote{{"listened carefully", "Saoirse Bell-Anand"}}},
		{name: "councilmember",
			text:   "Councilmember Lysander Obi-Hartnell said the shop was \"exactly the kind of business we want.\"\n",
			quotes: []wantQuote{{"exactly the kind", "Lysander Obi-Hartnell"}}},
		{name: "whispers",
			text:   "It is an hour after sunset and Sarah Thornquist-Adu is lying in the sand.\n\n\"Patience is most of the job,\" she whispers.\n",
			quotes: []wantQuote{{"Patience is most", "Sarah Thornquist-Adu"}}},
	}
	checkArticleCases(t, tests)
}
