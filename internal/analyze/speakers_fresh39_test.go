package analyze

import (
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/model"
)

// TestSpeakersShortPartialQuotes checks one- and two-word partial
// quotations a naming verb gives a source ("dismissed the listing as
// “theatre.”", "condemned the sanctions as “economic terror.”") when the
// subject is set off by a note of another spelling of the name (", also
// spelt X in some outlets,") or by a participle of place after a body's
// common noun (", based in X,"), with controls of the plain forms
// ("called it “bullying”", "described the plan as “reckless”", two
// adjectives of a list).
func TestSpeakersShortPartialQuotes(t *testing.T) {
	tests := []articleCase{
		{name: "another spelling set off after the name",
			text:   "Deputy Foreign Minister Oskar Veldrani spoke to the agency on Friday. Veldrani, also spelt Veldranee in some Corvish outlets, dismissed the companies' listing as “theatre.”\n",
			quotes: []wantQuote{{"theatre.", "Oskar Veldrani"}}},
		{name: "another spelling without an adverb",
			text:   "Deputy Foreign Minister Oskar Veldrani spoke to the agency on Friday. Veldrani, spelt Veldranee by the wire services, called the move “piracy.”\n",
			quotes: []wantQuote{{"piracy.", "Oskar Veldrani"}}},
		{name: "a participle of place after a body's common noun",
			text:   "Tarvel imposed new tariffs on Monday. Ossmark's government, based in Velna, condemned the sanctions as “economic terror.”\n",
			quotes: []wantQuote{{"economic terror.", "Ossmark's government"}}},
		{name: "one word after called it",
			text:   "Deputy Foreign Minister Aliya Korsunbek, speaking to state television, called the remarks “bullying”.\n",
			quotes: []wantQuote{{"bullying", "Aliya Korsunbek"}}},
		{name: "one word after described as",
			text:   "Spokesman Evald Dornov described the expulsions as “reckless” and said Velna would respond.\n",
			quotes: []wantQuote{{"reckless", "Evald Dornov"}}},
		{name: "two adjectives of a list",
			text:   "Marta Oskevich, a former aide, described the envoy as “impatient,” and “abrasive.”\n",
			quotes: []wantQuote{{"impatient,", "Marta Oskevich"}, {"abrasive.", "Marta Oskevich"}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersWireTitles checks titles and names of wire copy: a
// commodore's title is no part of the name, a hyphenated given name
// written before the family name is one name ("Min-jun Park"), and a
// prefix of an English compound before a capitalised word is none.
func TestSpeakersWireTitles(t *testing.T) {
	tests := []articleCase{
		{name: "a commodore",
			text:   "Coast guard spokesman Commodore Andreas Kelafis told reporters the boats had been “harassed for hours” near the shoal.\n",
			quotes: []wantQuote{{"harassed for hours", "Andreas Kelafis"}}},
		{name: "a hyphenated given name first",
			text:   "Secretary-General Min-jun Park, in a statement issued by his spokesman, urged the council to act “without further delay”.\n",
			quotes: []wantQuote{{"without further delay", "Min-jun Park"}}},
	}
	checkArticleCases(t, tests)

	d := New().Document(&model.Article{ID: 1, Text: "Post-war Ardenne rebuilt slowly. Ex-wife Dana Roe said the house was sold.\n"})
	for _, m := range d.Mentions {
		if strings.HasPrefix(m.Text, "Post-war") || strings.HasPrefix(m.Text, "Ex-wife") {
			t.Errorf("mention %q (%s) holds a compound's prefix", m.Text, m.Type)
		}
	}
}

// TestSpeakersTranslatedAgencyCopy checks the forms of translated agency
// copy: "the diplomat" and "the spokesman" for one introduced as "the
// official representative of the ministry", a participle set off after a
// name (", quoted by state radio,"), "quoted the spokesman, whose name it
// spells X, as saying" and "quoted the foreign ministry as saying"; a
// control where "the diplomat" is an unnamed one introduced since.
func TestSpeakersTranslatedAgencyCopy(t *testing.T) {
	tests := []articleCase{
		{name: "the diplomat and the spokesman for the official representative",
			text: "VELNA, 4 June /OTA/. The ministry has called for talks, the official representative of the ministry, Piotr Zaslavets, said on Thursday.\n\n" +
				"“The proposals remain in force,” the diplomat said.\n\n" +
				"Answering a question about the detained reporter, the spokesman said that the ministry was “doing everything possible” to free him.\n",
			quotes: []wantQuote{{"The proposals remain in force", "Piotr Zaslavets"}, {"doing everything possible", "Piotr Zaslavets"}}},
		{name: "an unnamed diplomat introduced after the spokesman",
			text: "Foreign ministry spokesman Piotr Zaslavets said talks would resume.\n\n" +
				"A Western diplomat in Velna, speaking on condition of anonymity, said the dispute was “more noise than substance”. “Neither side wants this to go further,” the diplomat said.\n",
			quotes: []wantQuote{{"Neither side wants", ""}}},
		{name: "quoted by set off after the name",
			text:   "Foreign ministry spokeswoman Yelena Garvash, quoted by state radio, said the crew had been “deprived of consular access for three days.”\n",
			quotes: []wantQuote{{"deprived of consular access", "Yelena Garvash"}}},
		{name: "quoted the spokesman whose name it spells",
			text:   "Foreign ministry spokesman Yevgeny Dorovsky spoke on Thursday. The state news agency OTA quoted the spokesman, whose name it spells Evgeni Dorovski, as saying that the expulsions were “a gift to those who want the region to burn.”\n",
			quotes: []wantQuote{{"a gift to those", "Yevgeny Dorovsky"}}},
		{name: "quoted the foreign ministry",
			text:   "The state news agency VESTA quoted the foreign ministry as saying the detention of the ship was “an act of piracy under a legal disguise.”\n",
			quotes: []wantQuote{{"an act of piracy", "the foreign ministry"}}},
	}
	checkArticleCases(t, tests)
}
