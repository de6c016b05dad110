package analyze

import (
	"testing"

	"github.com/parallax-news/parallax/internal/model"
)

// TestSpeakersDashInterview checks a translated interview in dash
// dialogue: a dash paragraph with no attribution, after dialogue with one,
// is spoken whole by the one who last spoke a dialogue line (not by the
// one who asked a question just before), a dateline's place is no
// surname of an event named after it, and controls where no dialogue came
// before (a list of dashed items) or the paragraph reads as no sentence.
func TestSpeakersDashInterview(t *testing.T) {
	tests := []articleCase{
		{name: "bare dash answers after an attributed line",
			text: "PELMORA — The house of Marco Contarini-Mbeki sits above the bakery. Last year he fell on a descent. This spring he won the queen stage of the Giro di Pelmora.\n\n" +
				"He receives us in the kitchen.\n\n" +
				"— People think I am brave, — he says. — I am only stubborn.\n\n" +
				"Did he think of stopping?\n\n" +
				"— Every winter. Every winter I looked at flats in the city.\n",
			quotes: []wantQuote{{"only stubborn", "Marco Contarini-Mbeki"}, {"Every winter I looked", "Marco Contarini-Mbeki"}}},
		{name: "an answer to a question asked in dialogue",
			text: "— Is it hard? — asks Dario Menotti-Clay, her neighbour.\n\n" +
				"— Very hard, — Marco Contarini-Mbeki replies.\n\n" +
				"— And the customers?\n\n" +
				"— They come back every morning, and so do I.\n",
			quotes: []wantQuote{{"They come back every morning", "Marco Contarini-Mbeki"}}},
	}
	checkArticleCases(t, tests)

	// the dateline's place is no surname: the race named after it is no
	// person
	d := New().Document(&model.Article{ID: 1, Text: tests[0].text})
	for _, m := range d.Mentions {
		if m.Type == model.Person && m.Key != "Marco Contarini-Mbeki" {
			t.Errorf("person %q (key %q), want only Marco Contarini-Mbeki", m.Text, m.Key)
		}
	}

	// no dialogue before: dashed items of a list are no quotations
	d = New().Document(&model.Article{ID: 1, Text: "The council listed its priorities:\n\n— Repair the harbour wall before the winter storms.\n\n— Reopen the library on Saturdays.\n"})
	if len(d.Quotes) != 0 {
		t.Errorf("list items quoted: %+v", d.Quotes)
	}
}

// TestSpeakersBodySpokesperson checks a spokesperson named by no body in
// a paragraph opening with the quotation, after a paragraph whose last
// sentence reports what a body said ("The X Board said … ." ¶ "“…,” a
// spokeswoman said"), a spokesperson named by two lower-case words of the
// body's name ("a fire service spokeswoman"), a body's name of two words
// before "and" ("Rosslyn Fire and Rescue Service"), and "it said" after a
// body set off by an appositive; controls where the paragraph before
// reports a person, or the quotation does not open the paragraph.
func TestSpeakersBodySpokesperson(t *testing.T) {
	tests := []articleCase{
		{name: "a spokeswoman in the next paragraph",
			text: "In a statement, the Eastern Vale Health Board said it accepted that delays were too long.\n\n" +
				"\"We apologise to every patient who has waited,\" a spokeswoman said.\n",
			quotes: []wantQuote{{"We apologise", "Eastern Vale Health Board"}}},
		{name: "a fire service spokesman",
			text: "Carnmoor Fire and Rescue Service said crews had rescued 12 people from cars.\n\n" +
				"\"Never drive through floodwater,\" a fire service spokesman said.\n",
			quotes: []wantQuote{{"Never drive", "Carnmoor Fire and Rescue Service"}}},
		{name: "it said after an appositive",
			text:   "The Harbour Traders Alliance, an industry group, welcomed the plan. \"This is overdue,\" it said in a statement.\n",
			quotes: []wantQuote{{"overdue", "Harbour Traders Alliance"}}},
		{name: "control: a person reported before",
			text: "Councillor Edwina Balfour-Nkemelu said the scheme was unaffordable.\n\n" +
				"\"We will look again at the costs,\" a spokeswoman said.\n",
			quotes: []wantQuote{{"look again", ""}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersReportOfBody checks the report of an inspecting body as its
// speaker: "Its report, published yesterday, said" after a sentence
// opening with the body (past its acronym in brackets), and "the report
// said" after it; a control where no body opens the sentence before.
func TestSpeakersReportOfBody(t *testing.T) {
	tests := []articleCase{
		{name: "its report, the report",
			text: "The Schools Standards Agency (SSA) visited the academy in March. Its report, published on Tuesday, said teaching was \"too often dull\".\n\n" +
				"\"Pupils do not know how to improve their work,\" the report said.\n",
			quotes: []wantQuote{{"too often dull", "Schools Standards Agency"}, {"Pupils do not know", "Schools Standards Agency"}}},
		{name: "control: no body before",
			text:   "Inspectors visited in March. Its report said teaching was \"too often dull\".\n",
			quotes: []wantQuote{{"too often dull", ""}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersNamedLaterByRole checks a role word standing alone as the
// speaker of a headline or a lede ("Coroner warns of …", "A CORONER has
// warned") as the one person named later with that role, the family of
// a person speaking as "Mr X's family", "the statement said" after it,
// a body named by plain words before "Executive", and a role in an
// appositive after an age ("Ann Roe, 29, a nurse at …") taken up by "the
// nurse"; controls with two holders of the role, or a holder named first.
func TestSpeakersNamedLaterByRole(t *testing.T) {
	tests := []articleCase{
		{name: "coroner in headline and lede",
			text: "Coroner warns of 'complacency' on building sites\n\n" +
				"A CORONER has warned of \"a culture of complacency\" after a roofer fell to his death.\n\n" +
				"Senior Coroner Miriam Oyelaran-Thwaite recorded a conclusion of accidental death.\n",
			quotes: []wantQuote{{"complacency", "Miriam Oyelaran-Thwaite"}, {"culture of complacency", "Miriam Oyelaran-Thwaite"}}},
		{name: "control: two coroners",
			text: "A CORONER has warned of \"a culture of complacency\" on sites.\n\n" +
				"Senior Coroner Miriam Oyelaran-Thwaite and Assistant Coroner Philippa Gedge-Amadi sat together.\n",
			quotes: []wantQuote{{"culture of complacency", "CORONER"}}},
		{name: "family statement",
			text: "In a statement released after the hearing, Mr Tobin-Achebe's family described him as \"the kindest man we knew\".\n\n" +
				"\"He went to work and never came home,\" the statement said.\n\n" +
				"Darragh Tobin-Achebe, 31, had worked for the firm for six years.\n",
			quotes: []wantQuote{{"kindest man", "Tobin-Achebe family"}, {"never came home", "Tobin-Achebe family"}}},
		{name: "a body before Executive",
			text: "Inspector Colette Varga-Doyle, of the Site Safety Executive, gave evidence.\n\n" +
				"The Site Safety Executive said its inquiries were \"continuing\".\n",
			quotes: []wantQuote{{"continuing", "Site Safety Executive"}}},
		{name: "the nurse after an age",
			text: "His neighbour, Ifeyinwa Laverty, 29, a nurse at Kelbrook General, waded through the water to reach him.\n\n" +
				"Asked if she was a hero, the nurse laughed. \"No. I'm just a neighbour. That's what you do round here.\"\n",
			quotes: []wantQuote{{"just a neighbour", "Ifeyinwa Laverty"}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersBylineNotSpeaker checks that the writer named in a byline
// is no one a pronoun after a quotation stands for: "she said" after an
// unnamed expert in a column is unnamed, not the columnist.
func TestSpeakersBylineNotSpeaker(t *testing.T) {
	tests := []articleCase{
		{name: "columnist's byline",
			text: "By Rosalind Featherstone-Obi\n\n" +
				"The developers say the estate will be \"flood-resilient by design\". I asked one hydrologist what that means. \"It means the water comes in and the insurance doesn't,\" she said.\n",
			quotes: []wantQuote{{"insurance doesn't", ""}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersDescribedResidents checks the descriptions of tabloid and
// regional copy for someone just named: "the mother-of-two said" after
// "Two doors down, Ann Roe was woken …" (a short opening phrase before
// the subject), "said the retired postman" (a trade in "-man", a man's,
// though a woman was quoted just before; the subject of "Season-ticket
// holder X, 61, was calmer" whoever was), "the Portuguese-born coach"
// after "City boss X refused …" (a club's short name before a role
// noun), and "Pressed on whether he needed a new striker, X smiled" (no
// role in apposition); a control where the one named before is of the
// other sex and so is everyone else.
func TestSpeakersDescribedResidents(t *testing.T) {
	tests := []articleCase{
		{name: "mother-of-two after an opening phrase",
			text: "Glenys Armitage-Oduya, of Mill Row, had lived there for 41 years. \"The water came up the stairs,\" the 70-year-old said.\n\n" +
				"Two doors down, Kerensa Polglaze was woken by her son.\n\n" +
				"\"He said the carpet was wet,\" the mother-of-two said.\n",
			quotes: []wantQuote{{"came up the stairs", "Glenys Armitage-Oduya"}, {"carpet was wet", "Kerensa Polglaze"}}},
		{name: "the retired postman after a woman quoted",
			text: "\"Where will we find a striker now?\" said Gemma Ollerenshaw-Diaz, who chairs the supporters' trust.\n\n" +
				"Season-ticket holder Tudor Cranfield-Ebo, 61, was calmer. \"He gave us three good years,\" said the retired postman.\n",
			quotes: []wantQuote{{"three good years", "Tudor Cranfield-Ebo"}}},
		{name: "a club's short name before boss",
			text: "\"We were second best,\" said Jarrod Penhale-Addo, the Dockside captain.\n\n" +
				"Pressed on whether he needed a new striker, Rafael Tomasini-Holt smiled.\n\n" +
				"City boss Rafael Tomasini-Holt refused to be drawn on the deal.\n\n" +
				"\"I don't talk about other clubs' players,\" the Portuguese-born coach told reporters.\n",
			quotes: []wantQuote{{"other clubs' players", "Rafael Tomasini-Holt"}}},
		{name: "a compound describing the subject",
			text: "\"Where will we find a striker now?\" said Kerensa Polglaze-Amadi.\n\n" +
				"Season-ticket holder Tudor Cranfield-Ebo, 61, was calmer. \"He gave us three good years,\" said the retired postman.\n",
			quotes: []wantQuote{{"three good years", "Tudor Cranfield-Ebo"}}},
		{name: "control: a postman never named",
			text: "\"Where will we find a striker now?\" said Gemma Ollerenshaw-Diaz.\n\n" +
				"\"He gave us three good years,\" said the retired postman.\n",
			quotes: []wantQuote{{"three good years", ""}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersTabloidLede checks a tabloid lede whose first word is set
// in capitals ("MARTY Quaglia-Byrne branded …"): the name is one person's,
// and "the Rovers boss" is the one named with "his Kilbarra Rovers side",
// not the referee or the skipper named with the club since; and "he said"
// after "A bureau spokesman said" is the bureau's.
func TestSpeakersTabloidLede(t *testing.T) {
	tests := []articleCase{
		{name: "boss of his side",
			text: "Kelham Rovers 1 Dockside United 2\n\n" +
				"DESMOND Arkwright-Obi branded the decision \"a disgrace\" as his Kelham Rovers side slipped to a third defeat.\n\n" +
				"The penalty came after referee Tomas Lindqvist-Eze ruled that Rovers skipper Callum Ferris-Ade had handled.\n\n" +
				"\"It hits him on the shoulder,\" the Rovers boss told his press conference.\n",
			quotes: []wantQuote{{"disgrace", "DESMOND Arkwright-Obi"}, {"hits him on the shoulder", "DESMOND Arkwright-Obi"}}},
		{name: "a bureau spokesman, then he",
			text: "The National Rainfall Bureau had issued an amber warning on Monday.\n\n" +
				"A bureau spokesman said 94mm of rain had fallen, which he called \"exceptional\".\n\n" +
				"\"The ground was already saturated,\" he said.\n",
			quotes: []wantQuote{{"already saturated", "National Rainfall Bureau"}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersSetOffSubjects checks subjects the partial quotation of a
// report clause depends on: "A source close to the player said" (an
// unnamed source, whoever it is close to) and "A spokesman for X, the
// local authority, said" (the body named before its common noun set off
// by commas), with a control where a person's name is set off.
func TestSpeakersSetOffSubjects(t *testing.T) {
	tests := []articleCase{
		{name: "a source close to",
			text:   "A source close to the player said talks had been 'cordial but tough'.\n",
			quotes: []wantQuote{{"cordial but tough", ""}}},
		{name: "a body's noun set off",
			text:   "A spokesman for Wexcombe County Council, the local authority, said it would be 'working closely' with the school.\n",
			quotes: []wantQuote{{"working closely", "Wexcombe County Council"}}},
		{name: "control: a person set off",
			text:   "The club's chairman, Ronan Tivey-Mensah, said the offer was 'fair and final'.\n",
			quotes: []wantQuote{{"fair and final", "Ronan Tivey-Mensah"}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersUnnamedParent checks that "the mother said" after "another
// parent, who asked not to be named, said …" stays unnamed rather than
// going to the parent named before, with a control where no unnamed
// parent comes between.
func TestSpeakersUnnamedParent(t *testing.T) {
	tests := []articleCase{
		{name: "another parent",
			text: "Danielle Okonjo-Frayne, whose twins are in Year 2, said: \"My girls love it here.\"\n\n" +
				"But another parent, who asked not to be named, said she had raised concerns 'again and again'.\n\n" +
				"\"Nobody listened,\" the mother said.\n",
			quotes: []wantQuote{{"Nobody listened", ""}}},
		{name: "control: the mother just named",
			text: "Danielle Okonjo-Frayne, whose twins are in Year 2, was at the gate.\n\n" +
				"\"Nobody listened,\" the mother said.\n",
			quotes: []wantQuote{{"Nobody listened", "Danielle Okonjo-Frayne"}}},
	}
	checkArticleCases(t, tests)
}
