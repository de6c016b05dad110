package entity

import (
	"testing"

	"github.com/parallax-news/parallax/internal/model"
)

// TestNicknameInName checks a nickname in quotation marks between a
// given name and a surname: one person named without the nickname (the
// given name in capitals written as a name), the surname alone and the
// nickname alone later that person's, and no quotation between other
// words taken for a name.
func TestNicknameInName(t *testing.T) {
	tests := []mentionCase{
		{"a given name in capitals and a nickname of three words",
			"KIERAN “The Kilkenny Cat” Doyle vowed to win. Doyle, 31, told the crowd. His father, Pat Doyle, agreed.",
			[]wantMention{{"KIERAN “The Kilkenny Cat” Doyle", model.Person, "", "Kieran Doyle"}, {"Doyle", model.Person, "", "Kieran Doyle"}},
			[]string{"KIERAN", "Kilkenny Cat"}},
		{"a one-word nickname in straight marks, then the nickname alone",
			"Sharks enforcer Brad \"Hammer\" Kellaway scored twice. The Hammer was more interested in celebrating.",
			[]wantMention{{"Brad \"Hammer\" Kellaway", model.Person, "", "Brad Kellaway"}, {"Hammer", model.Person, "", "Brad Kellaway"}},
			nil},
		{"a nickname of five words is no nickname",
			"Tomas “The Big Bad Wolf Himself” Reyne fought on.",
			nil,
			[]string{"Tomas “The Big Bad Wolf Himself” Reyne"}},
		{"a quotation after a function word is no nickname",
			"The “Green Deal” Coalition met on Monday.",
			nil,
			[]string{"The “Green Deal” Coalition"}},
		{"a lower-case word in the quotation is no nickname",
			"Marla “the fixer” Quintero said nothing.",
			nil,
			[]string{"Marla “the fixer” Quintero"}},
	}
	checkMentionCases(t, tests)
}
