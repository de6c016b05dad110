package entity

import (
	"testing"

	"github.com/parallax-news/parallax/internal/model"
)

// TestPartyWordsParticlesAndAdministrator checks a party's member written
// before a full name ("Republican Ann Roe") and as a description after a
// place ("the Tennessee Republican"), a family particle written with a
// capital inside a name ("Priscilla Van Tongeren"), and "Administrator" as
// a title; with a control for a party's body.
func TestPartyWordsParticlesAndAdministrator(t *testing.T) {
	tests := []mentionCase{
		{"a party's member before a full name is not part of it",
			"Democratic Rep. Alondra Quiroga and Republican Mitchell Oakfield met on Tuesday.",
			[]wantMention{{"Mitchell Oakfield", model.Person, "", "Mitchell Oakfield"}},
			[]string{"Republican Mitchell Oakfield"}},
		{"a Democrat before a full name",
			"Democrat Lorna Vaszary won the seat.",
			[]wantMention{{"Lorna Vaszary", model.Person, "", "Lorna Vaszary"}},
			[]string{"Democrat Lorna Vaszary"}},
		{"a place and a party's member describe someone, naming no one",
			"Sen. Wade Tillbrook spoke first. The Tennessee Republican, who is running second, has spent days in Iowa. A Florida Democrat disagreed.",
			[]wantMention{{"Wade Tillbrook", model.Person, "", "Wade Tillbrook"}},
			[]string{"Tennessee Republican", "Florida Democrat", "Republican", "Democrat"}},
		{"control: a party's committee keeps its name",
			"The Republican National Committee said it would appeal.",
			[]wantMention{{"Republican National Committee", model.Organization, "", "Republican National Committee"}},
			nil},
		{"a family particle with a capital inside a name",
			"The exchange came when Sen. Priscilla Van Tongeren pressed him. Marco Di Stefano and Anna De Luca agreed.",
			[]wantMention{{"Priscilla Van Tongeren", model.Person, "", "Priscilla Van Tongeren"},
				{"Marco Di Stefano", model.Person, "", "Marco Di Stefano"},
				{"Anna De Luca", model.Person, "", "Anna De Luca"}},
			[]string{"Tongeren", "Priscilla"}},
		{"an administrator's title is a role",
			"EPA Administrator Nathaniel Oyeleke-Fisk said the rule was final.",
			[]wantMention{{"Nathaniel Oyeleke-Fisk", model.Person, "EPA Administrator", "Nathaniel Oyeleke-Fisk"}},
			[]string{"Administrator Nathaniel Oyeleke-Fisk"}},
	}
	checkMentionCases(t, tests)
}

// TestSportBodiesAndNeighbours checks a sport's governing body named by
// the sport and a country ("Cricket Australia") and "Neighbour" opening a
// sentence before a name as a role; with a control for the sport's word
// alone.
func TestSportBodiesAndNeighbours(t *testing.T) {
	tests := []mentionCase{
		{"a sport and a country name its governing body",
			"A Cricket Australia spokesman said the body was aware of it. Rugby New Zealand agreed.",
			[]wantMention{{"Cricket Australia", model.Organization, "", "Cricket Australia"},
				{"Rugby New Zealand", model.Organization, "", "Rugby New Zealand"}},
			[]string{"Cricket"}},
		{"control: the sport alone before a place is no body",
			"He played cricket in Australia for a decade.",
			[]wantMention{{"Australia", model.Place, "", "Australia"}},
			[]string{"cricket in Australia"}},
		{"a neighbour opening a sentence is a role",
			"Neighbour Bridie Keily said the estate was in shock.",
			[]wantMention{{"Bridie Keily", model.Person, "Neighbour", "Bridie Keily"}},
			[]string{"Neighbour Bridie Keily"}},
	}
	checkMentionCases(t, tests)
}
