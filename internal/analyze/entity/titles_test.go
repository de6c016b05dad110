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
	tests := []mentionCase{
		{"a whip's title and a detective constable's are roles",
			"Senate Majority Whip Calla Drummond spoke first. Detective Constable Owain Breck said the car was found.",
			[]wantMention{{"Calla Drummond", model.Person, "Senate Majority Whip", "Calla Drummond"},
				{"Owain Breck", model.Person, "Detective Constable", "Owain Breck"}},
			[]string{"Majority Whip Calla Drummond", "Constable Owain Breck"}},
		{"two particles inside a name",
			"Harwick signed Joris van den Akker on Monday.",
			[]wantMention{{"Joris van den Akker", model.Other, "", "Joris van den Akker"}},
			[]string{"Akker", "Joris"}},
		{"one particle still joins as before",
			"Officials met Pieter de Wolde in Utrecht.",
			[]wantMention{{"Pieter de Wolde", model.Other, "", "Pieter de Wolde"}},
			nil},
		{"a describing word opening a sentence is not part of the name",
			"Marnie Coyle wept. Heartbroken Marnie left the court. Experienced Tarrow captain Ben Osgood agreed.",
			[]wantMention{{"Marnie Coyle", model.Other, "", "Marnie Coyle"},
				{"Ben Osgood", model.Person, "Experienced Tarrow captain", "Ben Osgood"}},
			[]string{"Heartbroken Marnie", "Experienced Tarrow"}},
		{"a given name opening a sentence stays in the name",
			"Mohammed Rastegar said the talks would resume. Rastegar did not say when.",
			[]wantMention{{"Mohammed Rastegar", model.Person, "", "Mohammed Rastegar"}},
			nil},
		{"a name before a lower-case union is the union's",
			"The Holm Dock Workers union called a strike.",
			[]wantMention{{"Holm Dock Workers", model.Organization, "", "Holm Dock Workers"}},
			[]string{"Holm Dock"}},
		{"a person's name before a lower-case noun stays a person's",
			"Ada Lindqvist union rules were read out by Ada Lindqvist.",
			nil,
			[]string{"Ada Lindqvist union"}},
	}
	checkMentionCases(t, tests)
}
