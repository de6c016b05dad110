package resolve

import (
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/model"
)

// mentionsIn builds mentions for the given names, at their first place in
// text after the previous one.
func mentionsIn(text string, ms ...model.Mention) []model.Mention {
	off := 0
	for i := range ms {
		k := strings.Index(text[off:], ms[i].Text) + off
		ms[i].Span = model.Span{Start: k, End: k + len(ms[i].Text)}
		if ms[i].Key == "" {
			ms[i].Key = ms[i].Text
		}
		off = ms[i].End
	}
	return ms
}

func TestIndex(t *testing.T) {
	text := "Governor Mara Tellin of the Lesk Water Agency met Pavel Okoro in Darvani. The spokeswoman said the agency would act. Ilse Marv, a ministry spokesman, left. Kuan Rakhim, an envoy, spoke."
	ms := mentionsIn(text,
		model.Mention{Text: "Mara Tellin", Type: model.Person, Role: "Governor"},
		model.Mention{Text: "Lesk Water Agency", Type: model.Organization},
		model.Mention{Text: "Pavel Okoro", Type: model.Person},
		model.Mention{Text: "Darvani", Type: model.Place},
		model.Mention{Text: "Ilse Marv", Type: model.Person, Role: "ministry spokesman"},
		model.Mention{Text: "Kuan Rakhim", Type: model.Other, Role: "envoy"},
	)
	x := New(len(text), ms)
	at := func(s string) int { return strings.Index(text, s) }
	key := func(i int) string {
		if i < 0 {
			return ""
		}
		return x.Mention(i).Key
	}
	tests := []struct {
		name, got, want string
	}{
		{"last person before the title", key(x.Last(at("The spokeswoman"), Person)), "Pavel Okoro"},
		{"last thing", key(x.Last(at("The spokeswoman"), Thing)), "Darvani"},
		{"untyped name", key(x.Nearest(len(text), 50000, Untyped, nil)), "Kuan Rakhim"},
		{"no untyped name before", key(x.Nearest(at("Kuan Rakhim"), 50000, Untyped, nil)), ""},
		{"an untyped name is no person", key(x.Last(len(text), Person)), "Ilse Marv"},
		{"nothing before the text", key(x.Last(0, Person)), ""},
		{"title with a role named before", key(x.WithRole(at("said the agency"), 50000, RoleStem("governor"))), "Mara Tellin"},
		{"title never resolved forward", key(x.WithRole(at("The spokeswoman"), 50000, RoleStem("spokeswoman"))), ""},
		{"title resolved once named", key(x.WithRole(len(text), 50000, RoleStem("spokesperson"))), "Ilse Marv"},
		{"title out of reach", key(x.WithRole(at("said the agency"), 10, RoleStem("governor"))), ""},
		{"organisation noun", key(x.OrgNamed(at("the agency would"), 50000, "agency")), "Lesk Water Agency"},
		{"organisation noun not named", key(x.OrgNamed(at("the agency would"), 50000, "ministry")), ""},
	}
	for _, tc := range tests {
		if tc.got != tc.want {
			t.Errorf("%s: got %q, want %q", tc.name, tc.got, tc.want)
		}
	}
}

func TestOutOfTextMentionsIgnored(t *testing.T) {
	ms := []model.Mention{{Span: model.Span{Start: -3, End: 2}, Type: model.Person, Key: "A"},
		{Span: model.Span{Start: 4, End: 90}, Type: model.Person, Key: "B"}}
	x := New(10, ms)
	if i := x.Nearest(10, 100, Person, nil); i >= 0 {
		t.Errorf("got mention %d outside the text", i)
	}
}

func TestRoleStem(t *testing.T) {
	for _, tc := range []struct{ a, b string }{
		{"spokesman", "spokeswoman"}, {"sen", "senator"}, {"chairwoman", "chair"}, {"advisor", "adviser"},
		{"skipper", "captain"}, {"councilor", "councillor"},
	} {
		if RoleStem(tc.a) != RoleStem(tc.b) {
			t.Errorf("RoleStem(%q) = %q, RoleStem(%q) = %q", tc.a, RoleStem(tc.a), tc.b, RoleStem(tc.b))
		}
	}
	if !HasRole("Foreign Ministry spokeswoman", RoleStem("spokesman")) || HasRole("assistant coach", "spokes") ||
		!HasRole("Rovers captain", RoleStem("skipper")) || HasRole("Rovers manager", RoleStem("skipper")) {
		t.Error("HasRole")
	}
}

// TestOrgCalled checks which organisation a common noun phrase names.
func TestOrgCalled(t *testing.T) {
	text := "The Lesk Water Board met Halvorsen Freight and the Darvani Electoral Commission. The company, the commission, the electoral commission, the foreign ministry, the board and the ruling party spoke."
	ms := mentionsIn(text,
		model.Mention{Text: "Lesk Water Board", Type: model.Organization},
		model.Mention{Text: "Halvorsen Freight", Type: model.Organization},
		model.Mention{Text: "Darvani Electoral Commission", Type: model.Organization},
	)
	x := New(len(text), ms)
	pos := strings.Index(text, "The company")
	tests := []struct {
		words []string
		want  string
	}{
		{[]string{"company"}, "Halvorsen Freight"},               // generic noun: the organisation before it
		{[]string{"commission"}, "Darvani Electoral Commission"}, // named by its noun
		{[]string{"electoral", "commission"}, "Darvani Electoral Commission"},
		{[]string{"board"}, "Lesk Water Board"},
		{[]string{"foreign", "ministry"}, ""}, // an institution's noun never names another organisation
		{[]string{"ruling", "party"}, ""},
		{[]string{"water", "commission"}, ""}, // every word must be in the name
		{nil, ""},
	}
	for _, tc := range tests {
		got := ""
		if i := x.OrgCalled(pos, 50000, 1500, tc.words); i >= 0 {
			got = x.Mention(i).Key
		}
		if got != tc.want {
			t.Errorf("OrgCalled(%v) = %q, want %q", tc.words, got, tc.want)
		}
	}
	if x.OrgCalled(pos, 50000, 10, []string{"company"}) >= 0 {
		t.Errorf("a generic noun named an organisation beyond near")
	}
}
