package analyze

import (
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/model"
)

// TestSpeakersPartyMembers checks a party's member before a full name
// ("Republican Ann Roe") and as a description ("the Tennessee Republican,
// who …, has spent …", "the California Democrat answered:", "said the
// Ohio Republican"): the one the text described so, else the one just
// named, speaks; an indefinite one is unnamed.
func TestSpeakersPartyMembers(t *testing.T) {
	tests := []articleCase{
		{name: "a party's member before a full name",
			text: "Democratic Rep. Alondra Quiroga and Republican Mitchell Oakfield met for an hour.\n\n" +
				"“I’ve said it a hundred times: this should be left to the states,” Oakfield said.\n",
			quotes: []wantQuote{{"a hundred times", "Mitchell Oakfield"}}},
		{name: "the Tennessee Republican, then he said",
			text: "Sen. Wade Tillbrook stood on a trailer in Ankeny on Saturday.\n\n" +
				"The Tennessee Republican, who is running second in most polls, has spent 11 of the last 14 days in Iowa.\n\n" +
				"“You know what a gallon of milk costs,” he said, drawing some laughter.\n",
			quotes: []wantQuote{{"gallon of milk", "Wade Tillbrook"}}},
		{name: "the California Democrat answered",
			text: "Rep. Lucía Melendro (D-Calif.) lost her cool on Tuesday.\n\n" +
				"When a reporter pressed her on the figures, the California Democrat answered: “Read a book.”\n",
			quotes: []wantQuote{{"Read a book", "Lucía Melendro"}}},
		{name: "said the Ohio Republican",
			text: "Rep. Annette Harkness (R-Ohio) voted against the bill.\n\n" +
				"“Nobody in my district wants a shutdown,” said the Ohio Republican.\n",
			quotes: []wantQuote{{"wants a shutdown", "Annette Harkness"}}},
		{name: "the one the text described so before, not the one quoted last",
			text: "Sen. Priscilla Van Tongeren, a Kansas Republican, pressed the agency’s head, Leonard Szczepan.\n\n" +
				"“Everything is on the table,” Szczepan said.\n\n" +
				"The Kansas Republican later told reporters the answer was “not good enough.”\n",
			quotes: []wantQuote{{"on the table", "Leonard Szczepan"}, {"not good enough", "Priscilla Van Tongeren"}}},
		{name: "an indefinite party's member is unnamed",
			text: "Rep. Annette Harkness (R-Ohio) voted against the bill.\n\n" +
				"“It was a mistake to bring it up,” a Texas Republican said.\n",
			quotes: []wantQuote{{"a mistake", ""}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersHearingLabels checks a transcript excerpt whose labels are
// a surname of two words in capitals ("VAN TONGEREN:"), and that a plural
// heading in capitals ("THE FACTS:") after a name's label is no speaker.
func TestSpeakersHearingLabels(t *testing.T) {
	tests := []articleCase{
		{name: "a surname of two words as a label",
			text: "Sen. Priscilla Van Tongeren, R-Kan., pressed FAA Administrator Leonard Szczepan on staffing. The exchange, in part:\n\n" +
				"VAN TONGEREN: How many controllers are you short at Newark today?\n\n" +
				"SZCZEPAN: Senator, I’d have to get you the exact number.\n\n" +
				"VAN TONGEREN: You don’t know?\n\n" +
				"SZCZEPAN: I know it’s too many.\n",
			quotes: []wantQuote{{"How many controllers", "Priscilla Van Tongeren"}, {"You don’t know?", "Priscilla Van Tongeren"},
				{"exact number", "Leonard Szczepan"}, {"too many", "Leonard Szczepan"}}},
	}
	checkArticleCases(t, tests)

	text := "President Lionel Straubridge and Marisa Hallett each made claims this week.\n\n" +
		"STRAUBRIDGE: “We’ve created more jobs in three years than anyone.” — speech in Pittsburgh, Tuesday.\n\n" +
		"THE FACTS: This is true only in raw numbers, and only because the economy was recovering.\n\n" +
		"HALLETT: “Violent crime is up 40 percent under this president.” — rally in Greenville, Monday.\n\n" +
		"THE FACTS: It isn’t. FBI data show violent crime fell in each of the last two years.\n"
	d := New().Document(&model.Article{ID: 1, Text: text})
	for _, q := range d.Quotes {
		if q.Kind != model.Indirect && (strings.Contains(q.Text, "raw numbers") || strings.Contains(q.Text, "FBI data")) {
			t.Errorf("a heading's paragraph read as a quotation: %q (%q)", q.Text, q.Speaker)
		}
	}
	for _, w := range []wantQuote{{"more jobs", "Lionel Straubridge"}, {"Violent crime", "Marisa Hallett"}} {
		for _, q := range quotesContaining(t, d, w.quote) {
			if q.Speaker != w.speaker {
				t.Errorf("quote %q: speaker %q, want %q", w.quote, q.Speaker, w.speaker)
			}
		}
	}
}

// TestSpeakersCampaignTrail checks a participle after ", and at one point"
// (the sentence's subject concedes), a named spokesman after "A X campaign
// spokesman," who goes on "saying only that …", "a spokesman for the
// congresswoman" (the woman the text titled "Rep."), a possessive before
// the verb of saying that gives a gender though someone else is named
// after it, and "EPA Administrator X" (the role stays out of the name).
func TestSpeakersCampaignTrail(t *testing.T) {
	tests := []articleCase{
		{name: "and at one point conceding that",
			text:   "President Lionel Straubridge took questions for 90 minutes Wednesday night from a room of undecided voters, fielding pointed questions on prices, and at one point conceding that “we haven’t done enough” on housing.\n",
			quotes: []wantQuote{{"done enough", "Lionel Straubridge"}}},
		{name: "a candidate's campaign spokesman, named, saying only",
			text: "Marisa Hallett has been coy about her choice.\n\n" +
				"A Hallett campaign spokesman, Desmond Fairley, declined to comment on the search, saying only that the governor would “make the choice that’s best for the country.”\n",
			quotes: []wantQuote{{"make the choice", "Desmond Fairley"}}},
		{name: "a spokesman for the congresswoman",
			text: "Rep. Lucía Melendro (D-Calif.) lost her cool on Tuesday.\n\n" +
				"“This is the arrogance of the radical left in one clip,” Rep. Brock Tallow (R-Ga.) wrote on X.\n\n" +
				"In a statement, a spokesman for the congresswoman said the clip had been “deceptively edited.”\n",
			quotes: []wantQuote{{"arrogance", "Brock Tallow"}, {"deceptively edited", "Lucía Melendro"}}},
		{name: "his record before the verb, another named after it",
			text: "Democratic Rep. Alondra Quiroga and former sheriff Mitchell Oakfield met for an hour.\n\n" +
				"Oakfield, who has made his 16 years in law enforcement the center of his campaign, said Quiroga had “never once” voted to fund more agents.\n\n" +
				"“Look at me when you say that,” Oakfield said, turning toward her.\n\n" +
				"“I am looking at you,” she replied.\n",
			quotes: []wantQuote{{"Look at me", "Mitchell Oakfield"}, {"I am looking", "Alondra Quiroga"}}},
		{name: "EPA Administrator",
			text: "“This rule says their lungs matter,” EPA Administrator Nathaniel Oyeleke-Fisk said in a statement.\n\n" +
				"In a call with reporters, Oyeleke-Fisk was asked about the timing. “The science doesn’t check the calendar,” he said.\n",
			quotes: []wantQuote{{"lungs matter", "Nathaniel Oyeleke-Fisk"}, {"science doesn’t", "Nathaniel Oyeleke-Fisk"}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersCourtAndSport checks the examiner of "Q." and "A."
// testimony named after a title of capitals the recogniser cut in two
// ("Assistant District Attorney Ann Roe"), "the Londoner said" for the
// one just named, a spokesman of a sport's governing body ("A Cricket
// Australia spokesman said"), and "Neighbour Ann Roe said:".
func TestSpeakersCourtAndSport(t *testing.T) {
	tests := []articleCase{
		{name: "Q. and A. after a title cut in two",
			text: "A former roommate testified Thursday.\n\n" +
				"Under direct examination by Assistant District Attorney Rosalind Achebe-Marr, Kayla Brisbane described the conversation. Parts of her testimony follow:\n\n" +
				"Q. Where were you when he told you this?\n\n" +
				"A. In the kitchen. He was making coffee like nothing happened.\n\n" +
				"Q. How did he seem?\n\n" +
				"A. Calm. Like it was funny.\n",
			quotes: []wantQuote{{"Where were you", "Rosalind Achebe-Marr"}, {"In the kitchen", "Kayla Brisbane"},
				{"How did he seem", "Rosalind Achebe-Marr"}, {"Calm.", "Kayla Brisbane"}}},
		{name: "the Londoner said",
			text:   "Marcus Okaford, unbeaten in 19 fights, laughed it off. “He says that every time,” the Londoner said.\n",
			quotes: []wantQuote{{"every time", "Marcus Okaford"}}},
		{name: "a sport's governing body's spokesman",
			text: "Riley Bolander struck the opener on the helmet.\n\n" +
				"A Cricket Australia spokesman said the governing body was “aware of the incident.”\n",
			quotes: []wantQuote{{"aware of the incident", "Cricket Australia"}}},
		{name: "Neighbour Ann Roe said",
			text: "A woman in her eighties was assaulted at her home.\n\n" +
				"Neighbour Bridie Keily said: “She’s the kindest woman you could meet.”\n",
			quotes: []wantQuote{{"kindest woman", "Bridie Keily"}}},
	}
	checkArticleCases(t, tests)
}
