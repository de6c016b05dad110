package claim

import (
	"testing"

	"github.com/parallax-news/parallax/internal/model"
)

// TestGroupKnowledge checks the folds that come from the generated tables:
// a country's name, capital and demonym are one term (package geo), and
// WordNet synonyms are one term (package synonym), so propositions that
// differ only in those words group, and propositions that share only
// them do not.
func TestGroupKnowledge(t *testing.T) {
	tests := []struct {
		name string
		a, b string
		same bool
	}{
		{"capital for country", "Peru banned fishmeal exports to Chile", "Lima banned fishmeal exports to Santiago", true},
		{"demonym for country", "Bangladesh blamed India for the flooding upstream", "Bangladeshi officials blamed Indian engineers for the flooding upstream", true},
		{"official name", "the Republic of Chile suspended salmon imports", "Chile suspended salmon imports", true},
		{"two-word country", "South Korea imposed tariffs on steel", "Seoul imposed tariffs on steel", true},
		{"WordNet: forbid and prohibit", "the ministry prohibited rice imports", "the cabinet forbade rice", true},
		{"WordNet: perish joins die", "villagers perished in the landslide", "residents die in the landslide", true},
		{"WordNet: tribunal and court", "the tribunal annulled the licence", "the court revoked the licence", true},
		{"WordNet: treaty joins pact", "Ecuador signed a treaty", "Quito agreed a pact", true},
		{"WordNet: irregular forms", "the river rose overnight", "the river has risen", true},
		{"WordNet: irregular form joins a family", "shells struck the depot", "a drone attacked the depot", true},
		{"un- negation: unrepaired and not repaired", "the embankment had gone unrepaired since 2018", "the embankment had not been repaired since 2018", true},
		{"un- negation: unconstitutional and constitutional", "the levy is unconstitutional", "the levy is constitutional", true},
		{"un- is part of the stem", "the union was united", "the unit was under water", false},
		{"give way is to collapse", "the embankment gave way after the rain", "the embankment collapsed after the rain", true},
		{"breaking and violating an agreement", "the ban broke the free trade agreement", "the measure violated the agreement", true},
		{"treaty and agreement", "the ban violated the treaty", "the ban violated the agreement", true},
		{"vote and election", "the vote had been rigged", "the elections were rigged", true},
		{"money and funds", "the association had misused the funds", "the association misused public money", true},
		{"WordNet: a unit of money is money", "not a single cedi had been misused", "the association misused public money", true},
		{"WordNet: units of money are one term", "the dam cost 40 million dollars", "the dam cost 40 million euros", true},
		{"per cent is no coin", "rents rose by 20 per cent", "the money rose again", false},
		{"mark is no unit of money", "the levy marked a turning point", "the levy cost the funds dearly", false},
		{"without is no content word", "the ministry released the money without contracts", "India released water without warning", false},
		{"knowing and being aware", "Velden had known about the brake fault", "Velden had been aware of the brake fault", true},
		{"pay and salaries, slashed and cut", "the government had slashed teachers' pay", "the government cut teachers' salaries", true},
		{"WordNet: shared court only", "the tribunal annulled the licence", "the court upheld the election result", false},
		{"different countries only", "Peru banned fishmeal exports", "Kenya raised fuel taxes", false},
		{"shared country, different claim", "Chile suspended salmon imports", "Santiago hosted the football final", false},
	}
	for _, tc := range tests {
		gs := Group([]model.StanceMention{sm(1, "A", model.Assert, tc.a), sm(2, "B", model.Assert, tc.b)})
		if same := len(gs) == 1; same != tc.same {
			t.Errorf("%s: %q / %q grouped %v, want %v", tc.name, tc.a, tc.b, same, tc.same)
		}
	}
}

// TestStemKeepsAtion checks that nouns in "-ation" keep their ending, so
// they fold with their plural but not with a shorter word.
func TestStemKeepsAtion(t *testing.T) {
	if stem("stations") != stem("station") || stem("station") == stem("state") || stem("nations") == stem("nate") {
		t.Errorf("stem: stations %q, station %q, state %q, nations %q", stem("stations"), stem("station"), stem("state"), stem("nations"))
	}
}
