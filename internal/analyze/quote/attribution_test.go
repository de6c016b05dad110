package quote

import (
	"testing"

	"github.com/parallax-news/parallax/internal/model"
)

// attributionEnts are the entities of TestAttributions.
var attributionEnts = []ent{
	person("Professor", "Tilda Marsk", "Marsk"), person("", "Vera Olund", "Olund"), person("", "Brisa Tenne", "Tenne"),
	person("Transport Minister", "Ilka Sorvé-Dahl", "Sorvé-Dahl"), org("Weather Bureau"), org("Millers' Union"),
	{model.Other, "", []string{"Northgrid"}}, {model.Other, "", []string{"Dunmere"}}, {model.Other, "", []string{"Arlow"}},
	person("Arlow manager", "Ned Carrow", "Carrow"), person("", "Gil Penrose", "Penrose"), {model.Other, "", []string{"Ebbsford"}},
}

// TestAttributions covers "the former" and "the latter", a spokesperson
// named again after "a spokesperson for X" or "an X spokesman", answers
// labelled with the interviewee's name, a team named before a role, a role
// of a body in the possessive, a place name inside a quotation, a
// descriptor before a name after an opening place phrase, and a short
// quotation continuing an unnamed speaker's.
func TestAttributions(t *testing.T) {
	checkFindCases(t, []findCase{
		{name: "the former and the latter",
			text: "Tilda Marsk and Vera Olund both claim the find. Olund was blunt. Marsk disagreed. \"The dates hold,\" the former said. \"They do not,\" the latter said.",
			want: []wantQ{{"The dates hold,", model.Direct, "Tilda Marsk"}, {"They do not,", model.Direct, "Vera Olund"}}},
		{name: "the spokesperson after a spokesperson for an organization",
			text: "A spokesperson for the Weather Bureau warned of more rain.\n\"Stay away from rivers,\" the spokesperson said.",
			want: []wantQ{{"Stay away from rivers,", model.Direct, "Weather Bureau"}}},
		{name: "the spokesman of a plural possessive union",
			text: "A spokesman for the Millers' Union said it would seek talks. \"We welcome the jobs,\" the spokesman said.",
			want: []wantQ{{"We welcome the jobs,", model.Direct, "Millers' Union"}}},
		{name: "an organization before spokesman",
			text: "Power is out. \"Our crews are out,\" a Northgrid spokesman said.",
			want: []wantQ{{"Our crews are out,", model.Direct, "Northgrid"}}},
		{name: "an unnamed spokesperson stays unnamed",
			text: "Brisa Tenne spoke first. \"Nothing is decided,\" the spokesperson said.",
			want: []wantQ{{"Nothing is decided,", model.Direct, ""}}},
		{name: "answers labelled with the interviewee's name",
			text: "Ilka Sorvé-Dahl spoke to us.\nWhy are trains late?\nSorvé-Dahl: Because the signals are old.\nWill fares rise?\nSorvé-Dahl: By less than inflation.",
			want: []wantQ{{"Because the signals are old.", model.Direct, "Ilka Sorvé-Dahl"}, {"By less than inflation.", model.Direct, "Ilka Sorvé-Dahl"}}},
		{name: "a lone name label is no transcript",
			text: "Ilka Sorvé-Dahl spoke to us.\nSorvé-Dahl: a profile.",
			want: nil, exact: true},
		{name: "a team before a role picks that team's manager",
			text: "Arlow won. \"We were lucky,\" Carrow said. Dunmere were beaten. Their boss, Gil Penrose, was upset. \"It hurts,\" Penrose said. Asked about the penalty, the Dunmere manager was diplomatic: \"I will look again.\"",
			want: []wantQ{{"I will look again.", model.Direct, "Gil Penrose"}}},
		{name: "a role of a body in the possessive is someone new",
			text: "\"The river rose fast at the Ebbsford gauge,\" said Brisa Tenne. The county's chief fire officer said crews worked all night. \"I am proud of them,\" he said.",
			want: []wantQ{{"I am proud of them,", model.Direct, ""}}},
		{name: "a descriptor before the name after an opening place phrase",
			text: "In Dunmere, shopkeeper Gil Penrose was sweeping water out. \"Third time it's flooded,\" he said.",
			want: []wantQ{{"Third time it's flooded,", model.Direct, "Gil Penrose"}}},
		{name: "a short whole-sentence quotation after an unnamed speaker continues it",
			text: "\"We lost it on the bypass,\" a campaign source said. \"Simple as that.\"",
			want: []wantQ{{"We lost it on the bypass,", model.Direct, ""}, {"Simple as that.", model.Direct, ""}}, exact: true},
	}, attributionEnts)
}
