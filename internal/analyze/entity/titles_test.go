package entity

import (
	"testing"

	"github.com/parallax-news/parallax/internal/model"
)

// TestTitlesParticlesAndLeads checks long titles before a name, names with
// two particles, a describing word opening a sentence before a name, and a
// body's name before a lower-case "union"; and that given names, one
// particle and a capitalised last word stay as they were.
func TestTitlesParticlesAndLeads(t *testing.T) {
	type want struct {
		text string
		typ  model.EntityType
		role string
		key  string
	}
	tests := []struct {
		name string
		text string
		want []want
		not  []string // surface forms that must not be mentions
	}{
		{"a whip's title and a detective constable's are roles",
			"Senate Majority Whip Calla Drummond spoke first. Detective Constable Owain Breck said the car was found.",
			[]want{{"Calla Drummond", model.Person, "Senate Majority Whip", "Calla Drummond"},
				{"Owain Breck", model.Person, "Detective Constable", "Owain Breck"}},
			[]string{"Majority Whip Calla Drummond", "Constable Owain Breck"}},
		{"two particles inside a name",
			"Harwick signed Joris van den Akker on Monday.",
			[]want{{"Joris van den Akker", model.Other, "", "Joris van den Akker"}},
			[]string{"Akker", "Joris"}},
		{"one particle still joins as before",
			"Officials met Pieter de Wolde in Utrecht.",
			[]want{{"Pieter de Wolde", model.Other, "", "Pieter de Wolde"}},
			nil},
		{"a describing word opening a sentence is not part of the name",
			"Marnie Coyle wept. Heartbroken Marnie left the court. Experienced Tarrow captain Ben Osgood agreed.",
			[]want{{"Marnie Coyle", model.Other, "", "Marnie Coyle"},
				{"Ben Osgood", model.Person, "Experienced Tarrow captain", "Ben Osgood"}},
			[]string{"Heartbroken Marnie", "Experienced Tarrow"}},
		{"a given name opening a sentence stays in the name",
			"Mohammed Rastegar said the talks would resume. Rastegar did not say when.",
			[]want{{"Mohammed Rastegar", model.Person, "", "Mohammed Rastegar"}},
			nil},
		{"a name before a lower-case union is the union's",
			"The Holm Dock Workers union called a strike.",
			[]want{{"Holm Dock Workers", model.Organization, "", "Holm Dock Workers"}},
			[]string{"Holm Dock"}},
		{"a person's name before a lower-case noun stays a person's",
			"Ada Lindqvist union rules were read out by Ada Lindqvist.",
			nil,
			[]string{"Ada Lindqvist union"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ms := find(tc.text)
			for _, w := range tc.want {
				m, ok := mentionOf(ms, w.text)
				if !ok {
					t.Errorf("no mention %q in %v", w.text, ms)
					continue
				}
				if m.Type != w.typ || m.Role != w.role || m.Key != w.key {
					t.Errorf("%q: got type=%s role=%q key=%q, want type=%s role=%q key=%q", w.text, m.Type, m.Role, m.Key, w.typ, w.role, w.key)
				}
			}
			for _, n := range tc.not {
				if _, ok := mentionOf(ms, n); ok {
					t.Errorf("unexpected mention %q", n)
				}
			}
		})
	}
}
