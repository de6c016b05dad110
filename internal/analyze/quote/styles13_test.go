package quote

import (
	"testing"

	"github.com/parallax-news/parallax/internal/analyze/sentence"
	"github.com/parallax-news/parallax/internal/model"
)

// TestStyles13 covers house styles of a thirteenth batch of dev articles:
// a radio phone-in transcript whose callers' labels carry a note, a
// statement read out on air, bodies named again by their noun, a
// translated interview of unlabelled questions, a relative introduced by
// kinship before the name, and a vicar named with a clergy title.
func TestStyles13(t *testing.T) {
	ents := []ent{
		person("", "Nell Orme", "Orme", "NELL ORME", "ORME"), person("", "Ravi Tannock", "Tannock", "TANNOCK"),
		person("", "Ed Roe", "Roe"), person("", "Alma Brisk", "Brisk"), person("Committee chairman", "Reverend Tam Hollis", "Hollis"),
		person("Committee chairman", "Tam Pike", "Pike"), person("mayor", "Vida Kovač", "Kovač"),
		org("Fenmoor Wetlands Trust"), org("Grain Growers Federation"),
	}
	cases := []struct {
		name string
		text string
		want []wantQ // kind not checked: only the span and the speaker
	}{
		{"a caller's label with a note names the caller the host named",
			"Ravi Tannock spoke to listeners.\nTANNOCK: Good morning. Bea is in Holt. Bea, go ahead.\nBEA (CALLER): We were never asked about the road.\nORME: I hear you. There were meetings.\nTANNOCK: Thank you, Bea.\nORME: We will hold more.",
			[]wantQ{{"We were never asked about the road.", model.Direct, "Bea"}, {"I hear you. There were meetings.", model.Direct, "Nell Orme"}}},
		{"a label with a note whose word the text never writes stays unnamed",
			"Ravi Tannock spoke to listeners.\nTANNOCK: Good morning. Go ahead, caller.\nLISTENER (CALLER): We were never asked about the road.\nORME: I hear you. There were meetings.\nTANNOCK: Thank you.\nORME: We will hold more.",
			[]wantQ{{"We were never asked about the road.", model.Direct, ""}}},
		{"a statement read out on air",
			"The Fenmoor Wetlands Trust, which manages the site, said in a statement read out on air that it was \"deeply concerned\" by the plan.",
			[]wantQ{{"deeply concerned", model.Mixed, "Fenmoor Wetlands Trust"}}},
		{"the trust said after the trust is named",
			"The Fenmoor Wetlands Trust opposed the plan. \"The marsh cannot be replaced,\" the trust said.",
			[]wantQ{{"The marsh cannot be replaced,", model.Direct, "Fenmoor Wetlands Trust"}}},
		{"the federation said after the federation is named",
			"The Grain Growers Federation said it had lobbied against the deal. \"Our members were squeezed,\" the federation said.",
			[]wantQ{{"Our members were squeezed,", model.Direct, "Grain Growers Federation"}}},
		{"the trust said with no trust named stays unnamed",
			"The Grain Growers Federation opposed the plan. \"The marsh cannot be replaced,\" the trust said.",
			[]wantQ{{"The marsh cannot be replaced,", model.Direct, ""}}},
		{"an answer after an unlabelled question",
			"Its mayor, Vida Kovač, receives us above the pharmacy.\n«People think a flood is one night,» she says. «It is not.»\nWhat do you mean?\n«The television leaves. Then nobody remembers us.»",
			[]wantQ{{"The television leaves. Then nobody remembers us.", model.Direct, "Vida Kovač"}}},
		{"an answer after a question of two sentences",
			"Its mayor, Vida Kovač, receives us above the pharmacy.\n«People think a flood is one night,» she says.\nThe government promised aid. How much has arrived?\n«Eleven million. I have the letters.»",
			[]wantQ{{"Eleven million. I have the letters.", model.Direct, "Vida Kovač"}}},
		{"a quotation after a question with nobody quoted before stays unnamed",
			"The town hall is still drying out.\nWhat do you mean?\n«The television leaves. Then nobody remembers us.»",
			[]wantQ{{"The television leaves. Then nobody remembers us.", model.Direct, ""}}},
		{"a relative introduced by kinship before the name",
			"The daughter of one resident, Alma Brisk, wrote to the court.\nThe son of another resident, Ed Roe, addressed the court in person. \"That is what you took,\" he said.",
			[]wantQ{{"That is what you took,", model.Direct, "Ed Roe"}}},
		{"the vicar is the one named Reverend",
			"Committee chairman Reverend Tam Hollis, 66, said judges would be careful.\n\"We are gardeners, not gangsters,\" said the vicar.",
			[]wantQ{{"We are gardeners, not gangsters,", model.Direct, "Reverend Tam Hollis"}}},
		{"the vicar with nobody named Reverend stays unnamed",
			"Committee chairman Tam Pike, 66, said judges would be careful.\n\"We are gardeners, not gangsters,\" said the vicar.",
			[]wantQ{{"We are gardeners, not gangsters,", model.Direct, ""}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			qs := findWith(c.text, ents)
			checkQuotes(t, c.text, qs)
			checkSpeakers(t, qs, c.want)
		})
	}
}

// TestPronounGenders checks the gender read from the possessive after a
// person's name and from a pronoun opening the next sentence, and the
// pronouns that give none.
func TestPronounGenders(t *testing.T) {
	cases := []struct {
		name string
		text string
		want byte // gender of the first mention
	}{
		{"a possessive after the name", "Orla Fenn, who ran the mill for thirty years, has died at her home.", genderFemale},
		{"his before any reporting verb", "When Piet Dray was injured, he lost his job.", genderMale},
		{"a pronoun opening the next sentence", "Orla Fenn was elected in May. She says the work never stops.", genderFemale},
		{"a pronoun after a reporting verb is someone else's", "Orla Fenn said she had refused to sign her name.", genderUnknown},
		{"an object pronoun gives none", "Orla Fenn accuses her of using the flood.", genderUnknown},
		{"a gendered noun before the possessive", "Orla Fenn met a woman in her seventies.", genderUnknown},
		{"a second person in the sentence", "Orla Fenn met Piet Dray at her house.", genderUnknown},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ms := testMentions(c.text, []ent{person("", "Orla Fenn"), person("", "Piet Dray")})
			f := findAll(c.text, sentence.Split(c.text), ms, nil, nil)
			got := genderUnknown
			if len(f.gender) > 0 {
				got = f.gender[0]
			}
			if got != c.want {
				t.Errorf("gender %d, want %d", got, c.want)
			}
		})
	}
}
