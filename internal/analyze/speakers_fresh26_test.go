package analyze

import (
	"testing"

	"github.com/parallax-news/parallax/internal/model"
)

// TestSpeakersSetOffSubject checks a subject parted from its verb by a
// sentence adverb set off by commas ("Analysts, however, called …") or by
// an age written in full before a relative clause ("Mr. X, 67 years old,
// whose …, said"), with the forms that must keep their speaker.
func TestSpeakersSetOffSubject(t *testing.T) {
	tests := []articleCase{
		{name: "however between subject and verb",
			text:   "Some analysts, however, called the drop ``a healthy correction'' after the rally.\n",
			quotes: []wantQuote{{"a healthy correction", ""}}},
		{name: "however before a named subject's verb",
			text:   "Marta Kellaway, however, said the plan was ``dead on arrival'' in the Senate.\n",
			quotes: []wantQuote{{"dead on arrival", "Marta Kellaway"}}},
		{name: "an age in full before a relative clause",
			text:   "Mr. Oxley, 67 years old, whose grandfather founded the company, said he had ``no interest whatsoever'' in selling.\n",
			quotes: []wantQuote{{"no interest whatsoever", "Oxley"}}},
		{name: "a short age before a relative clause after a courtesy title",
			text:   "Mrs. Tamsett, 58, who runs the bank, said the offer was ``not even close'' to fair.\n",
			quotes: []wantQuote{{"not even close", "Tamsett"}}},
		{name: "control: an age in full alone",
			text:   "Mr. Oxley, 67 years old, said he had ``no interest whatsoever'' in selling.\n",
			quotes: []wantQuote{{"no interest whatsoever", "Oxley"}}},
		{name: "control: a full name, an age and a relative clause",
			text:   "Dorian Oxley, 67, who runs the company, said he had ``no interest whatsoever'' in selling.\n",
			quotes: []wantQuote{{"no interest whatsoever", "Dorian Oxley"}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersNamedAsShort checks a quotation of two words that is what an
// unnamed group called or described something ("officials described as
// “wildly optimistic”"), which is a partial quotation, not a label, with
// the one-word label that stays unquoted.
func TestSpeakersNamedAsShort(t *testing.T) {
	tests := []articleCase{
		{name: "described as",
			text:   "The staff put the cost at $25 million, a figure that industry officials described as ``wildly optimistic.''\n",
			quotes: []wantQuote{{"wildly optimistic", ""}}},
		{name: "called the thing",
			text:   "Several traders called the selling ``orderly, relentless'' and went home early.\n",
			quotes: []wantQuote{{"orderly, relentless", ""}}},
	}
	checkArticleCases(t, tests)
	d := New().Document(&model.Article{ID: 1, Text: "Some shops welcome the replacement workers, whom the strikers call ``scabs.''\n"})
	for _, q := range d.Quotes {
		if q.Text == "scabs" || q.Text == "scabs." {
			t.Errorf("a one-word label was taken as a quotation: %+v", q)
		}
	}
}

// TestSpeakersBriefsHead checks "the company" and "a company spokesman"
// in a briefs entry that opens with the company's name in capitals before
// its city in brackets, with the entry that names its company in the
// ordinary way.
func TestSpeakersBriefsHead(t *testing.T) {
	tests := []articleCase{
		{name: "the company said",
			text: "BRIEFS\n\nWESTFALL AUTO PARTS INC. (Toledo, Ohio) -- The parts maker rejected an offer from an investor group. " +
				"``The offer substantially undervalues the company,'' the company said.\n",
			quotes: []wantQuote{{"The offer substantially undervalues", "Westfall Auto Parts Inc."}}},
		{name: "a company spokesman said",
			text: "BRIEFS\n\nCORNHILL FOODS CORP. (Omaha, Neb.) -- The meat packer said it would close its plant. " +
				"A company spokesman said the plant was ``simply too old to compete.''\n",
			quotes: []wantQuote{{"simply too old to compete", "Cornhill Foods Corp."}}},
		{name: "an ampersand in the head",
			text: "BRIEFS\n\nALDRIDGE & BOYD INC. (New York) -- The agency lost an account. " +
				"``We are sorry to lose a good client,'' the company said.\n",
			quotes: []wantQuote{{"sorry to lose a good client", "Aldridge & Boyd Inc."}}},
		{name: "control: a head without a place in brackets",
			text: "WESTFALL AUTO PARTS -- The parts maker rejected an offer. " +
				"``The offer substantially undervalues the company,'' the company said.\n",
			quotes: []wantQuote{{"The offer substantially undervalues", ""}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersInvertedSaidColon checks an inverted "Said X, chairman:"
// before a quotation, the verb taken into the name by the recogniser, and
// a name that only opens with "Said".
func TestSpeakersInvertedSaidColon(t *testing.T) {
	tests := []articleCase{
		{name: "said before the name and a colon",
			text:   "The company named a new treasurer. Said Ambrose Oakhill, chairman: ``Bert is going to help us get ready.''\n",
			quotes: []wantQuote{{"Bert is going to help", "Ambrose Oakhill"}}},
		{name: "says in a column",
			text:   "The stock has doubled. Says Lydia Farrow, a fund manager: ``It is still cheap.''\n",
			quotes: []wantQuote{{"It is still cheap", "Lydia Farrow"}}},
		{name: "control: a given name Said",
			text:   "``We will not leave,'' said Said Haddad, a shopkeeper.\n",
			quotes: []wantQuote{{"We will not leave", "Said Haddad"}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersNotIdentifiedThat checks a pronoun after an unnamed speaker
// who "spoke on condition that he not be identified", with a named speaker
// earlier in the text, and the plain named speaker it must not take from.
func TestSpeakersNotIdentifiedThat(t *testing.T) {
	tests := []articleCase{
		{name: "on condition that he not be identified",
			text: "Ezra Lindquist, the vice president, finance, said the company had cash. ``We have the balance sheet,'' Mr. Lindquist said.\n\n" +
				"One big institutional holder, who spoke on condition that he not be identified, said management needed ``new blood.'' " +
				"He added: ``Vivian built a great company. I'm not sure she's the one to fix it.''\n",
			quotes: []wantQuote{{"We have the balance sheet", "Ezra Lindquist"}, {"Vivian built a great company", ""}}},
		{name: "control: a named holder",
			text: "Ezra Lindquist, the vice president, finance, said the company had cash. ``We have the balance sheet,'' Mr. Lindquist said.\n\n" +
				"Lowell Pike, a big holder, said management needed ``new blood.'' " +
				"He added: ``Vivian built a great company. I'm not sure she's the one to fix it.''\n",
			quotes: []wantQuote{{"Vivian built a great company", "Lowell Pike"}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersPossessiveNotGendered checks that a man named only as a
// possessive in the sentence before ("coming to Mr. Roe's sales") does not
// take a pronoun from that sentence's subject, whose sex the text never
// gave, with a subject of the other sex as control.
func TestSpeakersPossessiveNotGendered(t *testing.T) {
	tests := []articleCase{
		{name: "a possessive courtesy title",
			text: "The crowd seems to agree. Lavern Mattox, a hog farmer from nearby Reinbeck, says he has been coming to Mr. Vanderhoek's sales since he was a boy. " +
				"``You get a fair shake with Elmer,'' he says.\n",
			quotes: []wantQuote{{"You get a fair shake", "Lavern Mattox"}}},
		{name: "control: the man named as an object",
			text: "The crowd seems to agree. Lavern Mattox, a hog farmer from nearby Reinbeck, says she has been coming to see Mr. Vanderhoek since she was a girl. " +
				"``You get a fair shake with Elmer,'' he says.\n",
			quotes: []wantQuote{{"You get a fair shake", "Vanderhoek"}}},
	}
	checkArticleCases(t, tests)
}
