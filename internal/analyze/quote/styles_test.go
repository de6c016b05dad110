package quote

import (
	"testing"

	"github.com/parallax-news/parallax/internal/model"
)

// styleEnts are the entities of the house-style test texts; Steph Iwobi is
// a name the recogniser could not type.
var styleEnts = []ent{
	person("", "Olga Brandt", "Brandt"),
	person("", "Karl Benn", "Benn"),
	person("", "Ruth Keane", "Keane"),
	person("boxer", "Marlow"),
	{model.Other, "", []string{"Steph Iwobi", "Iwobi"}},
	org("Dunmore Rovers", "Rovers"),
}

func TestFindStyles(t *testing.T) {
	cases := []findCase{
		{name: "dash dialogue", text: "— We have won, — Brandt told reporters. — Now we go home.", exact: true,
			want: []wantQ{{"We have won,", model.Direct, "Olga Brandt"}, {"Now we go home.", model.Direct, "Olga Brandt"}}},
		{name: "dash dialogue inverted", text: "Benn spoke first.\n— Who will pay for this? — asked Olga Brandt.", exact: true,
			want: []wantQ{{"Who will pay for this?", model.Direct, "Olga Brandt"}}},
		{name: "dash inside speech", text: "— We want peace — real peace — now, — Brandt said.", exact: true,
			want: []wantQ{{"We want peace — real peace — now,", model.Direct, "Olga Brandt"}}},
		{name: "dash closing attribution", text: "—We will not sign —said Brandt—. It is unacceptable.", exact: true,
			want: []wantQ{{"We will not sign", model.Direct, "Olga Brandt"}, {"It is unacceptable.", model.Direct, "Olga Brandt"}}},
		{name: "dash list", text: "The plan has two parts:\n— Lower fees for all students in the city\n— More buses on weekday evenings", exact: true},
		{name: "interview", text: "Olga Brandt spoke to us after the vote. Brandt has led the party since 2019.\nQ: Will you run again?\nA: Not this year, and maybe never.\nQ. Why?\nA. Because the party needs new faces.", exact: true,
			want: []wantQ{{"Not this year, and maybe never.", model.Direct, "Olga Brandt"}, {"Because the party needs new faces.", model.Direct, "Olga Brandt"}}},
		{name: "initial without question", text: "A. Brandt said the vote was close.", exact: true,
			want: []wantQ{{"the vote was close", model.Indirect, "Olga Brandt"}}},
		{name: "nickname", text: `Boxer Dev "Big Dev" Marlow says he will be back in the ring by June.`, exact: true,
			want: []wantQ{{"he will be back in the ring by June", model.Indirect, "Marlow"}}},
		{name: "subject past role phrase", text: "Karl Benn scored first for the Rovers. Rovers boss Steph Iwobi was more measured. “We deserved it,” she said.", exact: true,
			want: []wantQ{{"We deserved it,", model.Direct, "Steph Iwobi"}}},
		{name: "quote after a sentence of its speaker", text: "“We deserved it,” Benn said. He paused. “Next week will be harder.”", exact: true,
			want: []wantQ{{"We deserved it,", model.Direct, "Karl Benn"}, {"Next week will be harder.", model.Direct, "Karl Benn"}}},
		{name: "quote after a reported clause", text: "Benn said he was tired. “It was a very long season.”", exact: true,
			want: []wantQ{{"he was tired", model.Indirect, "Karl Benn"}, {"It was a very long season.", model.Direct, "Karl Benn"}}},
		{name: "quotation over paragraphs after an introduction", text: "His daughter, Ruth Keane, has mixed feelings about the road.\n“I grew up on that boat.\n“But I want the road built.”", exact: true,
			want: []wantQ{{"I grew up on that boat.", model.Direct, "Ruth Keane"}, {"But I want the road built.", model.Direct, "Ruth Keane"}}},
		{name: "headline quote then name", text: "‘We deserved a point’: Karl Benn on the defeat\nThe Rovers lost on Saturday.", exact: true,
			want: []wantQ{{"We deserved a point", model.Direct, "Karl Benn"}}},
		{name: "headline echoed in the body", text: "'We were robbed' - Rovers boss fumes\nThe Rovers lost 2-1.\n\"We were robbed, simple as that,\" Benn told reporters.", exact: true,
			want: []wantQ{{"We were robbed", model.Mixed, "Karl Benn"}, {"We were robbed, simple as that,", model.Direct, "Karl Benn"}}},
		{name: "nationality noun", text: "Karl Benn scored twice.\n“I just hit it,” said the Welshman. “It went in,” the Welshman added.", exact: true,
			want: []wantQ{{"I just hit it,", model.Direct, "Karl Benn"}, {"It went in,", model.Direct, "Karl Benn"}}},
		{name: "descriptive appositive", text: "Karl Benn, the Rovers captain, said: “We go again.”", exact: true,
			want: []wantQ{{"We go again.", model.Direct, "Karl Benn"}}},
		{name: "gender of a kinship noun", text: "Olga Brandt counted the birds. Her husband, Karl Benn, carried the chair.\n“She never misses a year,” he says.\nBrandt laughed. “He exaggerates.”\n“It was two weeks,” she said.", exact: true,
			want: []wantQ{{"She never misses a year,", model.Direct, "Karl Benn"}, {"He exaggerates.", model.Direct, "Olga Brandt"}, {"It was two weeks,", model.Direct, "Olga Brandt"}}},
		{name: "subject after an opening phrase", text: "Karl Benn spoke first.\nAt the café opposite the factory, Ruth Keane, who has worked there for years, holds back tears.\n— I do not know what I will do, — she says.", exact: true,
			want: []wantQ{{"I do not know what I will do,", model.Direct, "Ruth Keane"}}},
		{name: "given name alone", text: "Karl Benn married Ruth Keane on Saturday. Olga Brandt, a friend, gave a speech.\nKarl, 35, who met Ruth at school, admits he was nervous.\n“My hands were shaking,” he laughs.", exact: true,
			want: []wantQ{{"My hands were shaking,", model.Direct, "Karl Benn"}}},
		{name: "organization bosses", text: "Dunmore Rovers bosses say they are “delighted” for their captain.", exact: true,
			want: []wantQ{{"they are “delighted” for their captain", model.Mixed, "Dunmore Rovers"}}},
		{name: "unnamed kin", text: "Karl Benn pulled the girl from the canal.\nThe girl's mum, who asked not to be named, told how she had looked away “for just a second”.\n“He saved her life,” she said.", exact: true,
			want: []wantQ{{"for just a second", model.Mixed, ""}, {"He saved her life,", model.Direct, ""}}},
	}
	checkFindCases(t, cases, styleEnts)
}
