package analyze

import (
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/model"
)

// TestSpeakersCourtExamination checks the questions and answers of a court
// examination set out as "Q." and "A." paragraphs: the paragraph before
// them names who asks ("Under questioning by X", "Cross-examined by …, X",
// "X spent an hour on cross-examination") and who answers, so each
// question is the examiner's and each answer the witness's, even when
// someone else is named more often before; the witness stays the same
// when the paragraph of a later examination names only the examiner.
func TestSpeakersCourtExamination(t *testing.T) {
	tests := []articleCase{
		{name: "direct and cross",
			text: "Tomasz Verhallen-Ojo, 41, is accused of arson. Verhallen-Ojo denies the charge, and Verhallen-Ojo's lawyers say he was at home.\n\n" +
				"Under questioning by prosecutor Ines Maddox-Quayle, Corinne Abernethy-Rusk described the night of the fire.\n\n" +
				"Q. Where were you standing?\n\n" +
				"A. By the bus shelter, across the road.\n\n" +
				"Q. What did you see?\n\n" +
				"A. A man with a can, walking fast.\n\n" +
				"Defense attorney Harlan Oduya-Strand spent an hour on cross-examination, pressing her on the lighting.\n\n" +
				"Q. It was dark, wasn't it?\n\n" +
				"A. There is a streetlight right there.\n",
			quotes: []wantQuote{{"Where were you standing?", "Ines Maddox-Quayle"}, {"By the bus shelter", "Corinne Abernethy-Rusk"},
				{"What did you see?", "Ines Maddox-Quayle"}, {"A man with a can", "Corinne Abernethy-Rusk"},
				{"It was dark", "Harlan Oduya-Strand"}, {"streetlight right there", "Corinne Abernethy-Rusk"}}},
		{name: "cross-examined by a barrister named after a possessive",
			text: "Ruairi Stenhouse-Bakare told the jury he had been paid in cash.\n\n" +
				"Cross-examined by Delphine Ardagh-Moss's barrister, Conrad Whitby-Nnamdi, the witness agreed he had kept no records.\n\n" +
				"Q. Not one receipt in three years?\n\n" +
				"A. Not one. It was all cash.\n",
			quotes: []wantQuote{{"Not one receipt", "Conrad Whitby-Nnamdi"}, {"It was all cash", "Ruairi Stenhouse-Bakare"}}},
	}
	checkArticleCases(t, tests)

	// an interview names no examination: its questions are no one's
	// quotation and its answers are the interviewee's
	d := New().Document(&model.Article{ID: 1, Text: "Mireille Castaneda-Holt has run the Orrin Street bakery for 30 years. We asked her about the rent rise.\n\n" +
		"Q. Will you stay?\n\n" +
		"A. For now. I have nowhere else to go.\n"})
	for _, q := range d.Quotes {
		if strings.Contains(q.Text, "Will you stay") {
			t.Errorf("interview question quoted: %q (%q)", q.Text, q.Speaker)
		}
	}
	for _, q := range quotesContaining(t, d, "nowhere else") {
		if q.Speaker != "Mireille Castaneda-Holt" {
			t.Errorf("interview answer: speaker %q, want Mireille Castaneda-Holt", q.Speaker)
		}
	}
}

// TestSpeakersRankTitles checks ranks and offices written before a name in
// police, court, emergency and district reports ("Det Supt",
// "Brigadier", "District Collector", "Senior Coroner", "Forecaster"): the
// speaker of a later quotation is the person as first named, not the
// title and surname written together.
func TestSpeakersRankTitles(t *testing.T) {
	tests := []articleCase{
		{name: "abbreviated police ranks without points",
			text: "Detective Superintendent Morwenna Quist-Adair said the inquiry was at an early stage.\n\n" +
				"Det Supt Quist-Adair said two people had been arrested. \"We are keeping an open mind,\" she said.\n",
			quotes: []wantQuote{{"open mind", "Morwenna Quist-Adair"}}},
		{name: "brigadier",
			text: "Police spokesperson Brigadier Lindiwe Mathebula-Krige said 12 people were arrested.\n\n" +
				"\"We will not allow roads to be blocked,\" Brigadier Mathebula-Krige said.\n",
			quotes: []wantQuote{{"roads to be blocked", "Lindiwe Mathebula-Krige"}}},
		{name: "district collector",
			text: "District Collector Ishita Varadarajan-Kohli told reporters the injured were stable.\n\n" +
				"\"We will look at the condition of the road,\" Ms Varadarajan-Kohli said.\n",
			quotes: []wantQuote{{"condition of the road", "Ishita Varadarajan-Kohli"}}},
		{name: "forecaster",
			text:   "Forecaster Aoibheann Tully-Mensah said gusts of 130km/h were likely. \"This is a very intense system,\" she said.\n",
			quotes: []wantQuote{{"very intense system", "Aoibheann Tully-Mensah"}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersNamesNotPeople checks two names that are not what their
// spelling suggests: a family name with the Spanish ending "-ueva"
// ("Villanueva") says nothing of a woman, so "he" still means its
// bearer; and a place or school written like a full name ("Fairhaven
// Elementary") does not claim its first word used alone ("a Fairhaven
// parent") as a person, so the parent named there is who "he" means.
func TestSpeakersNamesNotPeople(t *testing.T) {
	tests := []articleCase{
		{name: "Spanish -ueva family name",
			text: "Rodrigo Castellanos-Pike said the stairs were full of smoke.\n\n" +
				"Another neighbour, Jorge Villanueva-Brandt, said he had run back inside. \"There is an old man on the top floor,\" he said.\n",
			quotes: []wantQuote{{"old man on the top floor", "Jorge Villanueva-Brandt"}}},
		{name: "school written like a full name",
			text: "Parents want the board to keep Fairhaven Elementary open.\n\n" +
				"Next was Tomas Esquivel-Park, a Fairhaven parent and PTA treasurer. \"We raised $38,000 last year for that school,\" he said.\n",
			quotes: []wantQuote{{"We raised", "Tomas Esquivel-Park"}}},
	}
	checkArticleCases(t, tests)
}
