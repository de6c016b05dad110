package entity

import (
	"testing"

	"github.com/parallax-news/parallax/internal/model"
)

// TestGivenNameAlone checks that a given name written alone joins the one
// person named in full before with that given name, and only then: not
// when two people share it, not before the full name, and not when the
// full name is not typed a person's (a firm's short name).
func TestGivenNameAlone(t *testing.T) {
	tests := []mentionCase{
		{"a given name alone joins the person named in full",
			"Daniel Halloran has piloted ships for years. Daniel shrugged at the offer. \"It is an insult,\" Daniel said.",
			[]wantMention{{"Daniel Halloran", model.Person, "", "Daniel Halloran"}, {"Daniel", model.Person, "", "Daniel Halloran"}},
			nil},
		{"two people of one given name: the name alone joins neither",
			"Daniel Halloran and Daniel Voss walked out. \"We are done,\" Daniel said.",
			[]wantMention{{"Daniel", model.Person, "", "Daniel"}},
			nil},
		{"a surname alone still goes to its full name",
			"Daniel Halloran met Grace Daniel on Monday. Daniel said the meeting went well.",
			[]wantMention{{"Grace Daniel", model.Person, "", "Grace Daniel"}, {"Daniel", model.Person, "", "Grace Daniel"}},
			nil},
		{"a firm's first word alone is not folded as a given name",
			"Its operator, Westfirth Ferries, said a part was on its way. Westfirth said it would consider claims.",
			[]wantMention{{"Westfirth", model.Person, "", "Westfirth"}},
			nil},
	}
	checkMentionCases(t, tests)
}
