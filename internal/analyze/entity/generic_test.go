package entity

import (
	"testing"

	"github.com/parallax-news/parallax/internal/model"
)

// TestSentenceStartNames checks that generic nouns and indefinite pronouns
// opening a sentence are not taken for names, while surnames that look
// like plural nouns, single names introduced earlier and organisations
// stay.
func TestSentenceStartNames(t *testing.T) {
	type want struct {
		text string
		typ  model.EntityType
		key  string
	}
	tests := []struct {
		name string
		text string
		want []want
		not  []string // surface forms that must not be mentions
	}{
		{"plural trade nouns before speech verbs",
			"Geologists warned that the slope could give way. Broadcasters cut into regular programming. Forecasters said more rain was due.",
			nil, []string{"Geologists", "Broadcasters", "Forecasters"}},
		{"plurals of role words and groups",
			"Investors said the plan was too costly. Unions said they would strike. Observers noted the low turnout. Diplomats said talks had stalled.",
			nil, []string{"Investors", "Unions", "Observers", "Diplomats"}},
		{"indefinite pronouns",
			"Nobody was hurt in the blaze. Everyone said the alarm came too late. \"Someone must pay,\" a neighbour said. Others said the firm had been warned.",
			nil, []string{"Nobody", "Everyone", "Someone", "Others"}},
		{"plural or gerund before a verb in the past",
			"Figures published this week show prices rose. Aftershocks rattled the town. Campaigning focused on jobs. Temperatures climbed again.",
			nil, []string{"Figures", "Aftershocks", "Campaigning", "Temperatures"}},
		{"plural-looking surname before a verb in the past, named in full",
			"Council leader Nia Rhodes met the minister. Rhodes admitted the plan had failed.",
			[]want{{"Rhodes", model.Person, "Nia Rhodes"}}, nil},
		{"name after a preposition whose surname is used alone later",
			"Two goals from Tiaro Brenn sealed it. Brenn, speaking through an interpreter, was modest. Fans came from Vell Harbour.",
			[]want{{"Tiaro Brenn", model.Person, "Tiaro Brenn"}, {"Brenn", model.Person, "Tiaro Brenn"}, {"Vell Harbour", model.Place, "Vell Harbour"}}, nil},
		{"plural with a trade suffix",
			"Seismologists said the tremor was shallow. Physicians said the ward was full.",
			nil, []string{"Seismologists", "Physicians"}},
		{"surname after its full name",
			"Tom Banks, the county engineer, inspected the bridge. Banks said the deck was sound.",
			[]want{{"Tom Banks", model.Person, "Tom Banks"}, {"Banks", model.Person, "Tom Banks"}}, nil},
		{"surname before its full name",
			"Rivers said the council would meet again. Mara Rivers chairs the council.",
			[]want{{"Rivers", model.Person, "Mara Rivers"}, {"Mara Rivers", model.Person, "Mara Rivers"}}, nil},
		{"plural-looking surnames stay",
			"Fields said the vote was fair. Sanders said the count was slow. Hughes said he would appeal. Jones said nothing.",
			[]want{{"Fields", model.Person, "Fields"}, {"Sanders", model.Person, "Sanders"}, {"Hughes", model.Person, "Hughes"}, {"Jones", model.Person, "Jones"}},
			nil},
		{"single name introduced earlier",
			"The singer Orlana released a new album on Friday. Orlana said the songs were written at sea.",
			[]want{{"Orlana", model.Person, "Orlana"}}, nil},
		{"generic noun also capitalised mid-sentence is kept",
			"A choir called the Observers sang at the opening. Observers said it was their last show.",
			[]want{{"Observers", model.Other, "Observers"}}, nil},
		{"organisation at sentence start",
			"Hamas said the talks were over. Velden Motors said the recall would cost millions.",
			[]want{{"Hamas", model.Organization, "Hamas"}, {"Velden Motors", model.Organization, "Velden Motors"}}, nil},
		{"sentence-initial descriptor before a name",
			"He rang his wife from the depot. Wife Sharon, 50, said she laughed. The ticket came from a local newsagent. Newsagent Raj Patel said he was delighted.",
			[]want{{"Sharon", model.Person, "Sharon"}, {"Raj Patel", model.Person, "Raj Patel"}},
			[]string{"Wife Sharon", "Newsagent Raj Patel"}},
		{"place words are no descriptors",
			"The port reopened on Monday. Port Arvo United won the cup. Across Vell County, roads were closed and traffic moved across the bridge.",
			nil, []string{"Arvo United", "Vell County"}},
		{"common first word kept before a lone surname",
			"Prices rose again in May. Rose Halloran said the shop would close.",
			[]want{{"Rose Halloran", model.Person, "Rose Halloran"}}, nil},
		{"generic plural in an organisation's name",
			"\"We will not give in,\" Employers' Federation Head Ilse Marr said. The Nurses' Union said its members would strike.",
			[]want{{"Employers' Federation", model.Organization, "Employers' Federation"}, {"Ilse Marr", model.Person, "Ilse Marr"},
				{"Nurses' Union", model.Organization, "Nurses' Union"}},
			[]string{"Employers", "Nurses"}},
		{"outlet names with name-like first words",
			"Amber Review reported that the mayor had resigned. The story was first told by the Kestrel Courier.",
			[]want{{"Amber Review", model.Organization, "Amber Review"}, {"Kestrel Courier", model.Organization, "Kestrel Courier"}}, nil},
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
				if m.Type != w.typ || m.Key != w.key {
					t.Errorf("%q: got type %s key %q, want %s %q", w.text, m.Type, m.Key, w.typ, w.key)
				}
			}
			for _, s := range tc.not {
				if m, ok := mentionOf(ms, s); ok {
					t.Errorf("%q must not be a mention, got %+v", s, m)
				}
			}
		})
	}
}

func TestGenericWord(t *testing.T) {
	tests := []struct {
		word string
		want bool
	}{
		{"Residents", true}, {"Nobody", true}, {"Geologists", true}, {"Broadcasters", true},
		{"Analysts", true}, {"Officials", true}, {"Authorities", true}, {"Witnesses", true},
		{"Spokesmen", false}, // a role word, handled as one
		{"Banks", false}, {"Rivers", false}, {"Fields", false}, {"Sanders", false},
		{"Hughes", false}, {"Jones", false}, {"Farmer", false}, {"Sellers", false},
		{"Orlana", false}, {"", false},
	}
	for _, tc := range tests {
		if got := GenericWord(tc.word); got != tc.want {
			t.Errorf("GenericWord(%q) = %v, want %v", tc.word, got, tc.want)
		}
	}
}

func TestMarkOutlet(t *testing.T) {
	text := "Teodora Vance told the Amber Review that the port would close. Vance said more later. Vexilla reported the same on Monday."
	tests := []struct {
		outlet string
		text   string
		typ    model.EntityType
		key    string
	}{
		{"The Amber Review", "Amber Review", model.Organization, "Amber Review"},
		{"amber review", "Amber Review", model.Organization, "Amber Review"},
		{"Vexilla", "Vexilla", model.Organization, "Vexilla"},
		{"Vexilla", "Teodora Vance", model.Person, "Teodora Vance"},
		{"", "Vance", model.Person, "Teodora Vance"},
	}
	for _, tc := range tests {
		ms := find(text)
		MarkOutlet(ms, tc.outlet)
		m, ok := mentionOf(ms, tc.text)
		if !ok {
			t.Errorf("outlet %q: no mention %q in %v", tc.outlet, tc.text, ms)
			continue
		}
		if m.Type != tc.typ || m.Key != tc.key || (m.Type == model.Organization && m.Role != "") {
			t.Errorf("outlet %q: %q got %s %q role %q, want %s %q", tc.outlet, tc.text, m.Type, m.Key, m.Role, tc.typ, tc.key)
		}
	}
}
