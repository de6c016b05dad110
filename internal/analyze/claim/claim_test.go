package claim

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/analyze/sentence"
	"github.com/parallax-news/parallax/internal/model"
)

// ent describes a named thing for the test mention builder: every
// occurrence of each form in the text becomes a mention with Key key.
type ent struct {
	key  string
	typ  model.EntityType
	role string
	form []string
}

// mentionsOf builds mentions by finding the forms of es in text.
func mentionsOf(text string, es ...ent) []model.Mention {
	var out []model.Mention
	taken := make([]bool, len(text)+1)
	for _, e := range es {
		forms := e.form
		if len(forms) == 0 {
			forms = []string{e.key}
		}
		for _, f := range forms {
			for off := 0; ; {
				i := strings.Index(text[off:], f)
				if i < 0 {
					break
				}
				i += off
				off = i + len(f)
				if taken[i] {
					continue
				}
				for k := i; k < i+len(f); k++ {
					taken[k] = true
				}
				out = append(out, model.Mention{Span: model.Span{Start: i, End: i + len(f)}, Text: f, Type: e.typ, Role: e.role, Key: e.key})
			}
		}
	}
	return out
}

type want struct {
	holder, stance, qual, propHas string
}

func TestFind(t *testing.T) {
	iran := ent{key: "Iran", typ: model.Place}
	russia := ent{key: "Russia", typ: model.Place}
	tests := []struct {
		name string
		text string
		es   []ent
		want []want
	}{
		{
			name: "accuse of",
			text: "Poland accused Belarus of pushing migrants across the border.",
			es:   []ent{{key: "Poland", typ: model.Place}, {key: "Belarus", typ: model.Place}},
			want: []want{{"Poland", "assert", "", "pushing migrants across the border"}},
		},
		{
			name: "allege that",
			text: "Prosecutors in Lyon alleged that the mayor had taken bribes from two builders.",
			es:   []ent{{key: "Lyon", typ: model.Place}},
			want: []want{{"Prosecutors in Lyon", "assert", "", "the mayor had taken bribes"}},
		},
		{
			name: "say that with person",
			text: "Maria Lopez, the company's chief executive, said that sales fell by a third in March.",
			es:   []ent{{key: "Maria Lopez", typ: model.Person, role: "chief executive"}},
			want: []want{{"Maria Lopez", "assert", "", "sales fell by a third in March"}},
		},
		{
			name: "warn that",
			text: "The central bank warned that inflation would stay high next year.",
			es:   nil,
			want: []want{{"central bank", "assert", "", "inflation would stay high"}},
		},
		{
			name: "deny claims",
			text: "Acme Corp denied claims that it had dumped waste into the river.",
			es:   []ent{{key: "Acme Corp", typ: model.Organization}},
			want: []want{{"Acme Corp", "deny", "", "Acme Corp had dumped waste into the river"}},
		},
		{
			name: "reject allegations anaphoric",
			text: "Greenpeace accused Acme Corp of dumping waste into the river. The company rejected the allegations.",
			es:   []ent{{key: "Greenpeace", typ: model.Organization}, {key: "Acme Corp", typ: model.Organization}},
			want: []want{
				{"Greenpeace", "assert", "", "dumping waste into the river"},
				{"Acme Corp", "deny", "", "dumping waste into the river"},
			},
		},
		{
			name: "dismiss as baseless",
			text: "Greenpeace accused Acme Corp of dumping waste into the river. Acme Corp said the report was baseless.",
			es:   []ent{{key: "Greenpeace", typ: model.Organization}, {key: "Acme Corp", typ: model.Organization}},
			want: []want{
				{"Greenpeace", "assert", "", "dumping waste"},
				{"Acme Corp", "deny", "", "dumping waste"},
			},
		},
		{
			name: "admit with qualifier",
			text: "Iran admitted supplying drones to Russia, but said the deliveries took place before the war.",
			es:   []ent{iran, russia},
			want: []want{{"Iran", "admit", "before the war", "supplying drones to Russia"}},
		},
		{
			name: "acknowledge limited number",
			text: "The minister acknowledged that Iran had sent a small number of drones to Russia months before the war.",
			es:   []ent{iran, russia},
			want: []want{{"minister", "admit", "a small number, months before the war", "Iran had sent"}},
		},
		{
			name: "concede",
			text: "The coach conceded that his team had played badly.",
			want: []want{{"coach", "admit", "", "his team had played badly"}},
		},
		{
			name: "did not deny",
			text: "Asked about reports that the club would sell its stadium, John Hale did not deny it.",
			es:   []ent{{key: "John Hale", typ: model.Person}},
			want: []want{{"John Hale", "not_denied", "", "the club would sell its stadium"}},
		},
		{
			name: "declined to deny",
			text: "Senator Jane Moss declined to deny that she had met the lobbyist.",
			es:   []ent{{key: "Jane Moss", typ: model.Person, role: "Senator", form: []string{"Jane Moss"}}},
			want: []want{{"Jane Moss", "not_denied", "", "had met the lobbyist"}},
		},
		{
			name: "pronoun holder",
			text: "Tom Berg spoke to reporters on Monday. He denied that the firm had hidden losses.",
			es:   []ent{{key: "Tom Berg", typ: model.Person}},
			want: []want{{"Tom Berg", "deny", "", "the firm had hidden losses"}},
		},
		{
			name: "role holder",
			text: "Foreign ministry spokesman Ana Ruiz spoke on Sunday. The spokesman rejected reports that troops had crossed the border.",
			es:   []ent{{key: "Ana Ruiz", typ: model.Person, role: "Foreign ministry spokesman"}},
			want: []want{{"Ana Ruiz", "deny", "", "troops had crossed the border"}},
		},
		{
			name: "passive voice",
			text: "Iran was accused by Western countries of sending drones to Russia.",
			es:   []ent{iran, russia},
			want: []want{{"Western countries", "assert", "", "Iran sending drones to Russia"}},
		},
		{
			name: "inverted said",
			text: "“The talks failed because of the other side,” said Ana Ruiz.",
			es:   []ent{{key: "Ana Ruiz", typ: model.Person}},
			want: []want{{"Ana Ruiz", "assert", "", "The talks failed"}},
		},
		{
			name: "dismiss and confirm",
			text: "The union claimed that managers had cut wages. The firm dismissed the claims. Later the firm confirmed that some wages had been cut.",
			want: []want{
				{"union", "assert", "", "managers had cut wages"},
				{"firm", "deny", "", "managers had cut wages"},
				{"firm", "admit", "", "some wages had been cut"},
			},
		},
		{
			name: "rebuff",
			text: "Berlin rebuffed accusations that it was blocking the deal.",
			es:   []ent{{key: "Berlin", typ: model.Place}},
			want: []want{{"Berlin", "deny", "", "was blocking the deal"}},
		},
		{
			name: "negated assertion is no assertion",
			text: "The minister did not accuse anyone of fraud.",
			want: nil,
		},
		{
			name: "no stance",
			text: "The river rose by two metres overnight and the bridge was closed.",
			want: nil,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Find(tc.text, nil, mentionsOf(tc.text, tc.es...))
			for _, g := range got {
				if g.Start < 0 || g.End > len(tc.text) || g.Start > g.End || tc.text[g.Start:g.End] != g.Text {
					t.Errorf("bad span %+v", g)
				}
			}
			if len(tc.want) == 0 && len(got) > 0 {
				t.Errorf("want no stance, got %s", dump(got))
			}
			for _, w := range tc.want {
				found := false
				for _, g := range got {
					if g.Holder == w.holder && string(g.Stance) == w.stance && strings.Contains(g.Proposition, w.propHas) &&
						(w.qual == "" || g.Qualifier == w.qual) {
						found = true
					}
				}
				if !found {
					t.Errorf("missing %+v in\n%s", w, dump(got))
				}
			}
		})
	}
}

func dump(ss []model.StanceMention) string {
	var b strings.Builder
	for _, s := range ss {
		fmt.Fprintf(&b, "  %s %s P=%q Q=%q\n", s.Holder, s.Stance, s.Proposition, s.Qualifier)
	}
	return b.String()
}

func sm(id int64, holder string, st model.Stance, prop string) model.StanceMention {
	return model.StanceMention{ArticleID: id, Holder: holder, Stance: st, Proposition: prop, Text: prop}
}

func TestGroup(t *testing.T) {
	in := []model.StanceMention{
		sm(1, "Kyiv", model.Assert, "Iran supplied drones to Russia"),
		sm(2, "Washington", model.Assert, "Tehran sent UAVs to Moscow for use in Ukraine"),
		sm(3, "Iran", model.Admit, "it had provided a small number of drones to Russia"),
		sm(4, "Iran", model.Deny, "Iran delivering unmanned aerial vehicles to Russia"),
		sm(1, "Acme", model.Deny, "the company had dumped toxic waste into the river"),
		sm(5, "Greenpeace", model.Assert, "Acme dumping toxic waste in the river"),
		sm(6, "Russia", model.Assert, "Iran and Russia are building a defence partnership"),
		sm(7, "Moscow", model.Deny, "Iran was forming a military alliance with Russia"),
		sm(8, "Ana", model.Assert, "inflation will stay high next year"),
		sm(9, "Bob", model.Assert, "the river flooded the town"),
	}
	gs := Group(in)
	groupOf := map[string]int{}
	for gi, g := range gs {
		for _, s := range g.Stances {
			groupOf[s.Proposition] = gi
		}
	}
	same := func(a, b int) bool { return groupOf[in[a].Proposition] == groupOf[in[b].Proposition] }
	for _, p := range [][2]int{{0, 1}, {0, 2}, {0, 3}, {4, 5}, {6, 7}} {
		if !same(p[0], p[1]) {
			t.Errorf("want together: %q / %q", in[p[0]].Proposition, in[p[1]].Proposition)
		}
	}
	for _, p := range [][2]int{{0, 4}, {0, 6}, {4, 9}, {8, 0}, {8, 4}, {6, 4}} {
		if same(p[0], p[1]) {
			t.Errorf("want apart: %q / %q", in[p[0]].Proposition, in[p[1]].Proposition)
		}
	}
	if len(gs[0].Stances) != 4 || gs[0].Claim == "" {
		t.Errorf("largest group first, with a claim: %+v", gs[0])
	}
	// deterministic
	if again := Group(in); !reflect.DeepEqual(again, gs) {
		t.Errorf("Group is not deterministic")
	}
	if Group(nil) != nil {
		t.Errorf("Group(nil) should be nil")
	}
}

func TestStem(t *testing.T) {
	for _, ws := range [][]string{
		{"supplied", "supplying", "supplies", "supply"},
		{"drones", "drone"},
		{"provided", "provides", "providing"},
		{"partnership", "partnerships"},
	} {
		for _, w := range ws[1:] {
			if stem(w) != stem(ws[0]) {
				t.Errorf("stem(%q)=%q, stem(%q)=%q", w, stem(w), ws[0], stem(ws[0]))
			}
		}
	}
}

func FuzzFind(f *testing.F) {
	f.Add("Iran admitted supplying drones to Russia, but said it was before the war.", 0, 4)
	f.Add("“No,” he said. The spokesman did not deny it. Burns’ allegations are baseless.", 3, 5)
	f.Add("X was accused by Y of Z", 0, 1)
	f.Add("’s ’ “ ” \" ' , . ; : ( ) - — …", 1, 2)
	f.Fuzz(func(t *testing.T, text string, ms, me int) {
		var ments []model.Mention
		if ms >= 0 && me > ms && me <= len(text) {
			ments = append(ments, model.Mention{Span: model.Span{Start: ms, End: me}, Key: "K", Type: model.Person})
		}
		for _, s := range Find(text, nil, ments) {
			if s.Start < 0 || s.End > len(text) || s.Start > s.End || text[s.Start:s.End] != s.Text {
				t.Fatalf("span out of bounds: %+v", s)
			}
		}
		Group(Find(text, nil, nil))
	})
}

// benchText is a 4 KB news-like article.
func benchText() (string, []model.Mention) {
	para := "Western countries accused Iran of sending drones to Russia, and the foreign ministry spokesman Nasser Kanaani rejected the allegations. " +
		"Tehran acknowledged in November that it had supplied Moscow with a number of drones, stressing that this was before the war. " +
		"“Cooperation between the two countries is not against any third country,” he said in a statement on Sunday. " +
		"The CIA director also claimed that the defense partnership had affected the battlefield, which officials did not deny.\n"
	var b strings.Builder
	for b.Len() < 4000 {
		b.WriteString(para)
	}
	text := b.String()
	return text, mentionsOf(text,
		ent{key: "Iran", typ: model.Place, form: []string{"Iran", "Tehran"}},
		ent{key: "Russia", typ: model.Place, form: []string{"Russia", "Moscow"}},
		ent{key: "Nasser Kanaani", typ: model.Person, role: "foreign ministry spokesman"},
		ent{key: "CIA", typ: model.Organization})
}

func BenchmarkFind(b *testing.B) {
	text, ms := benchText()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Find(text, nil, ms)
	}
}

func BenchmarkGroup(b *testing.B) {
	// 10,000 stances over 500 distinct propositions of 20 topics.
	subjects := []string{"Iran", "the company", "the club", "police", "the minister", "the bank", "Russia", "the army", "the union", "the mayor"}
	verbs := []string{"supplied drones to", "sent weapons to", "paid bribes to", "hid losses from", "attacked", "sold shares of", "spied on", "threatened", "funded", "hacked"}
	objects := []string{"Russia", "the rebels", "the regulator", "investors", "the city", "journalists", "the opposition", "the neighbours", "the league", "the voters"}
	var in []model.StanceMention
	for i := 0; len(in) < 10000; i++ {
		p := fmt.Sprintf("%s %s %s in %d", subjects[i%10], verbs[(i/10)%10], objects[(i/100)%10], 2000+i%5)
		in = append(in, sm(int64(i), "H", model.Assert, p))
	}
	b.ResetTimer()
	for b.Loop() {
		Group(in)
	}
}

// TestFindAbbreviations checks that a proposition runs on past an
// abbreviation the sentence splitter keeps inside the sentence, whether
// the caller passes the sentences or leaves them to Find.
func TestFindAbbreviations(t *testing.T) {
	tests := []struct {
		text    string
		es      []ent
		holder  string
		propHas string
	}{
		{"Democrats accused Republicans of exploiting the Sept. 11 attacks for political gain.",
			[]ent{{key: "Democrats", typ: model.Organization}, {key: "Republicans", typ: model.Organization}},
			"Democrats", "Republicans exploiting the Sept. 11 attacks for political gain"},
		{"Party leaders said that puts Mr. Alvarez at odds with the governor.",
			[]ent{{key: "Alvarez", typ: model.Person}},
			"Party leaders", "puts Mr. Alvarez at odds with the governor"},
		{"The senator denied that Gen. Ruiz had ordered the strike on Jan. 5 near the U.S. border.",
			[]ent{{key: "Ruiz", typ: model.Person}},
			"senator", "Gen. Ruiz had ordered the strike on Jan. 5 near the U.S. border"},
		{"Ms. Ruiz said the U.S. embassy had warned Mr. Alvarez in Sept. 2024 and that talks would resume.",
			[]ent{{key: "Ruiz", typ: model.Person}, {key: "Alvarez", typ: model.Person}},
			"Ruiz", "the U.S. embassy had warned Mr. Alvarez in Sept. 2024"},
	}
	for _, tc := range tests {
		for _, sents := range [][]model.Span{nil, sentence.Split(tc.text)} {
			got := Find(tc.text, sents, mentionsOf(tc.text, tc.es...))
			found := false
			for _, g := range got {
				if strings.Contains(g.Proposition, tc.propHas) && strings.Contains(g.Holder, tc.holder) {
					found = true
				}
				for _, abbr := range []string{"Mr", "Sept", "Gen", "Jan", "U.S"} {
					if strings.HasSuffix(g.Proposition, abbr) {
						t.Errorf("proposition %q cut at the abbreviation %q", g.Proposition, abbr)
					}
				}
			}
			if !found {
				t.Errorf("%q: missing %s: %q in\n%s", tc.text, tc.holder, tc.propHas, dump(got))
			}
		}
	}
}
