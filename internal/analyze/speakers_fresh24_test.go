package analyze

import (
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/model"
)

// TestSpeakersCompanyFormPoint checks a company's name ending in the point
// of its form ("Inc.", "Corp.") right before the verb, before the comma
// of an appositive or relative clause, or before a possessive written
// apart ("Inc.'s board", "Industries' board"), with the forms that must
// keep their speaker.
func TestSpeakersCompanyFormPoint(t *testing.T) {
	tests := []articleCase{
		{name: "the point before the verb",
			text:   "Marrowfield Instruments Inc. said the bid was ``grossly inadequate'' and would be rejected.\n",
			quotes: []wantQuote{{"grossly inadequate", "Marrowfield Instruments Inc"}}},
		{name: "a spokeswoman for a body whose name ends in a point",
			text:   "A spokeswoman for the Delmont Savings Corp. said the branches would reopen ``by early next week.''\n",
			quotes: []wantQuote{{"by early next week", "Delmont Savings Corp"}}},
		{name: "a relative clause after the point",
			text:   "A spokeswoman for the Delmont Savings Corp., which will run the branches, said the bank hoped to find a buyer ``by early next year.''\n",
			quotes: []wantQuote{{"by early next year", "Delmont Savings Corp"}}},
		{name: "a possessive after the point",
			text:   "Marrowfield Instruments Inc.'s board said the bid was ``grossly inadequate'' and would be rejected.\n",
			quotes: []wantQuote{{"grossly inadequate", "Marrowfield Instruments Inc"}}},
		{name: "a bare apostrophe after a plural",
			text:   "Marrowfield Industries' board said the bid was ``grossly inadequate'' and would be rejected.\n",
			quotes: []wantQuote{{"grossly inadequate", "Marrowfield Industries"}}},
		{name: "control: a name without a point",
			text:   "Marrowfield Instruments Corp said the bid was ``grossly inadequate'' and would be rejected.\n",
			quotes: []wantQuote{{"grossly inadequate", "Marrowfield Instruments Corp"}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersBareRoleAppositive checks a subject set off by a role
// without an article ("X, chemicals analyst for Y Inc., called …") and a
// point before a comma, which ends a word rather than the sentence, with
// the forms that must keep their speaker.
func TestSpeakersBareRoleAppositive(t *testing.T) {
	tests := []articleCase{
		{name: "a role with a modifier and no article",
			text:   "Odile Brackenbury, chemicals analyst for Halberd-Rowe Securities, called the move ``overdue'' and left.\n",
			quotes: []wantQuote{{"overdue", "Odile Brackenbury"}}},
		{name: "a company form's point before the comma",
			text:   "Odile Brackenbury, an analyst for Halberd-Rowe Securities Inc., called the move ``overdue'' and left.\n",
			quotes: []wantQuote{{"overdue", "Odile Brackenbury"}}},
		{name: "both",
			text:   "Odile Brackenbury, chemicals analyst for Halberd-Rowe Securities Inc., called the move ``overdue.'' She said more.\n",
			quotes: []wantQuote{{"overdue", "Odile Brackenbury"}}},
		{name: "a body read as a judge's title before",
			text:   "Renata Ilievska-Morrow, president of the Fair Ballot Justice Project, called the remarks \"a dog whistle you could hear from space.\"\n",
			quotes: []wantQuote{{"a dog whistle", "Renata Ilievska-Morrow"}}},
		{name: "control: an appositive with an article",
			text:   "Odile Brackenbury, an analyst, called the move ``overdue'' and left.\n",
			quotes: []wantQuote{{"overdue", "Odile Brackenbury"}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersTokenizedText checks treebank text tokenized into words
// ("We are n't", "Hallworth 's board", marks spaced off): a clitic split off
// its word opens no quotation, and "'s" is the possessive of the word
// before, with the forms that must keep their speaker.
func TestSpeakersTokenizedText(t *testing.T) {
	tests := []articleCase{
		{name: "control: a possessive clitic before the quotation",
			text:   "Marrowfield 's general counsel , Idris Pennock-Salt , said the plan was `` a routine step that many boards have taken '' and denied it was aimed at anyone .\n",
			quotes: []wantQuote{{"a routine step", "Idris Pennock-Salt"}}},
		{name: "clitics inside a quotation after a possessive",
			text:   "Harald Szekely , who follows the sector for Strand Securities Corp. , said the company 's earnings `` have n't justified the stock 's run-up '' this year .\n",
			quotes: []wantQuote{{"have n't justified", "Harald Szekely"}}},
		{name: "a possessive clitic after a company form's point",
			text:   "Marrowfield Instruments Inc. 's board rejected the offer , calling the bid `` inadequate '' and `` not in the best interests of shareholders . ''\n",
			quotes: []wantQuote{{"inadequate", "Marrowfield Instruments Inc"}, {"not in the best interests", "Marrowfield Instruments Inc"}}},
		{name: "control: a contraction inside a word",
			text:   "`` We are n't selling , '' said Idris Pennock-Salt , the chairman . `` Not at this price . ''\n",
			quotes: []wantQuote{{"We are n't selling", "Idris Pennock-Salt"}, {"Not at this price", "Idris Pennock-Salt"}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersPlaceBeforePronoun checks a sentence opening with a time
// and a place given as city and state before its subject ("On Monday in
// Dunmore, Pennsylvania, he went further, urging …"), and a participle
// after "by" ("closed by urging"), with the forms that must keep their
// speaker.
func TestSpeakersPlaceBeforePronoun(t *testing.T) {
	tests := []articleCase{
		{name: "a city and state before the pronoun",
			text: "Corvin Lassiter-Hale has spent weeks attacking the count.\n\n" +
				"On Monday night in Wilkes-Barre Heights, Pennsylvania, he went a step further, urging the crowd to go \"watch\" polling places in \"certain areas\" of the city.\n",
			quotes: []wantQuote{{"watch", "Corvin Lassiter-Hale"}, {"certain areas", "Corvin Lassiter-Hale"}}},
		{name: "a participle after by",
			text:   "Corvin Lassiter-Hale closed by urging supporters to bring \"five friends, ten friends\" to the polls.\n",
			quotes: []wantQuote{{"five friends", "Corvin Lassiter-Hale"}}},
		{name: "control: a city alone before the pronoun",
			text: "Corvin Lassiter-Hale has spent weeks attacking the count.\n\n" +
				"In Dunmore, he said the crowd should go \"watch\" polling places in \"certain areas\" of the city.\n",
			quotes: []wantQuote{{"certain areas", "Corvin Lassiter-Hale"}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersReflexiveBeforeColon checks a name the recogniser leaves
// untyped, used before as a campaign's ("The Tanager campaign"), followed
// by a reflexive and a colon before the quotation ("Ostrowe herself
// weighed in on Twitter: “…”"), with the forms that must keep their
// speaker.
func TestSpeakersReflexiveBeforeColon(t *testing.T) {
	tests := []articleCase{
		{name: "a reflexive after the name",
			text: "The Ostrowe campaign wasted no time. \"He is trying to scare people,\" campaign spokeswoman Priya Desrosiers-Lam said in a statement. \"It won't work.\"\n\n" +
				"Ostrowe herself weighed in on Twitter Tuesday morning: \"Nobody should be afraid to vote. Make a plan, and vote. —MO\"\n",
			quotes: []wantQuote{{"Nobody should be afraid", "Ostrowe"}}},
		{name: "control: a campaign before the colon",
			text: "The Ostrowe campaign wasted no time. \"He is trying to scare people,\" campaign spokeswoman Priya Desrosiers-Lam said in a statement.\n\n" +
				"The Ostrowe campaign weighed in on Twitter: \"Nobody should be afraid to vote.\"\n",
			quotes: []wantQuote{{"Nobody should be afraid", ""}}},
	}
	checkArticleCases(t, tests)
}

// TestQuotesProgrammeTitle checks that a programme's title in title case
// with lower-case joining words, after "on", is no quotation ("told
// CNB's X on “State of the Nation.”"), while a quotation of speech after
// "on" stays one.
func TestQuotesProgrammeTitle(t *testing.T) {
	tests := []struct {
		name, text, part string
		quote            bool
	}{
		{"a title with joining words", "\"This is a man who picks fights at three in the morning,\" Tomas Abelard-Reyes told CNB's Dana Whitlow on \"State of the Nation.\" \"Do you want that?\"\n", "State of the Nation", false},
		{"a title in capitals only", "\"It was a nothing day,\" Tomas Abelard-Reyes said on \"Morning Desk.\"\n", "Morning Desk", false},
		{"control: speech after on", "Tomas Abelard-Reyes insisted on \"a fair count in every county, and soon.\"\n", "a fair count", true},
	}
	an := New()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := an.Document(&model.Article{ID: 1, Text: tc.text})
			found := false
			for _, q := range d.Quotes {
				if q.Kind != model.Indirect && strings.Contains(q.Text, tc.part) {
					found = true
				}
			}
			if found != tc.quote {
				t.Errorf("%q as a quotation: %v, want %v (quotes %+v)", tc.part, found, tc.quote, d.Quotes)
			}
		})
	}
}

// TestSpeakersCrowdChant checks a speaker's quotations around a crowd's
// chant ("“…!” Voss thundered as the crowd chanted “…” “…”"): the chant
// is the crowd's and the speaker resumes after it, with the forms that
// must keep their speaker.
func TestSpeakersCrowdChant(t *testing.T) {
	tests := []articleCase{
		{name: "the speaker resumes after the chant",
			text: "Senate nominee Harlan Drummond-Pike spoke for an hour in Tampa Bluffs.\n\n" +
				"\"She deleted the files. Every one of them!\" Drummond-Pike thundered as the crowd chanted \"Send her home!\" \"If you did that, you would be in jail. Folks, she belongs in a courtroom.\"\n",
			quotes: []wantQuote{{"She deleted the files", "Harlan Drummond-Pike"}, {"Send her home", ""},
				{"If you did that", "Harlan Drummond-Pike"}}},
		{name: "a chant alone",
			text: "Senate nominee Harlan Drummond-Pike spoke for an hour in Tampa Bluffs.\n\n" +
				"Outside, the crowd chanted \"Send her home!\" for several minutes.\n",
			quotes: []wantQuote{{"Send her home", ""}}},
		{name: "control: a named speaker between",
			text:   "\"We will win,\" Harlan Drummond-Pike said as Mara Quillon-Voss shouted \"Never!\" \"We will win by a lot.\"\n",
			quotes: []wantQuote{{"We will win,", "Harlan Drummond-Pike"}, {"We will win by a lot", "Mara Quillon-Voss"}}},
	}
	checkArticleCases(t, tests)
}
