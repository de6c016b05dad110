package claim

import (
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/analyze/sentence"
	"github.com/parallax-news/parallax/internal/model"
)

// TestFindOrgNounHolders checks organisation nouns as holders: a noun
// phrase names the latest organisation whose name holds all its words; an
// institution's noun ("the ministry", "the commission") never names an
// organisation whose name lacks it, and is then its own holder; a generic
// noun ("the company") names the organisation just before it.
func TestFindOrgNounHolders(t *testing.T) {
	tests := []struct {
		name   string
		text   string
		es     []ent
		holder string
	}{
		{"ministry does not name an unrelated board",
			"The Coastal Works Board said the levee was sound. India's foreign ministry denied that it had failed to warn Bangladesh.",
			[]ent{{key: "Coastal Works Board", typ: model.Organization}, {key: "India", typ: model.Place}, {key: "Bangladesh", typ: model.Place}},
			"India's foreign ministry"},
		{"commission does not name a court",
			"Her lawyers went to the Supreme Court. The electoral commission dismissed the allegation that the election had been rigged.",
			[]ent{{key: "Supreme Court", typ: model.Organization}},
			"electoral commission"},
		{"commission names the commission",
			"The Malawi Electoral Commission met on Monday. The electoral commission dismissed the allegation that the vote had been rigged.",
			[]ent{{key: "Malawi Electoral Commission", typ: model.Organization}},
			"Malawi Electoral Commission"},
		{"ruling party does not name a union",
			"The European Union sent observers. The ruling party denied that it had used state vehicles.",
			[]ent{{key: "European Union", typ: model.Organization}},
			"ruling party"},
		{"a generic noun names the organisation before it",
			"Halvorsen Freight was fined on Monday. The company denied that it had dumped waste in the river.",
			[]ent{{key: "Halvorsen Freight", typ: model.Organization}},
			"Halvorsen Freight"},
	}
	for _, tc := range tests {
		ss := Find(tc.text, sentence.Split(tc.text), mentionsOf(tc.text, tc.es...))
		found := false
		for _, s := range ss {
			if s.Stance == model.Deny {
				found = true
				if s.Holder != tc.holder {
					t.Errorf("%s: holder %q, want %q", tc.name, s.Holder, tc.holder)
				}
			}
		}
		if !found {
			t.Errorf("%s: no denial in %s", tc.name, dump(ss))
		}
	}
}

// TestFindClauseEnds checks that a proposition ends where "and" starts a
// new clause: a second that-clause, a second cue, a new subject or a second
// predicate after a comma; and that it runs on over "and" joining words.
func TestFindClauseEnds(t *testing.T) {
	tests := []struct {
		text, prop string
	}{
		{"Ana Ruiz said the ban broke the agreement and that Santiago would file a complaint.", "the ban broke the agreement"},
		{"Ana Ruiz accused Peru of breaking the agreement, and her officials are preparing a case.", "Peru breaking the agreement"},
		{"Ana Ruiz denied that the measure violated the treaty and recalled that the treaty permits limits.", "the measure violated the treaty"},
		{"Ana Ruiz denied that the citizens were not consulted and assured that hearings took place.", "the citizens were not consulted"},
		{"Ana Ruiz acknowledged that the dam had not been repaired, and promised an inquiry.", "the dam had not been repaired"},
		{"Ana Ruiz said that officials had handed out cash and fertiliser at polling stations.", "officials had handed out cash and fertiliser at polling stations"},
	}
	for _, tc := range tests {
		ss := Find(tc.text, sentence.Split(tc.text), mentionsOf(tc.text, ent{key: "Ana Ruiz", typ: model.Person}, ent{key: "Peru", typ: model.Place}))
		if len(ss) == 0 || ss[0].Proposition != tc.prop {
			t.Errorf("%q: got %s, want the proposition %q", tc.text, dump(ss), tc.prop)
		}
	}
}

// TestFindDayBeforeVerb checks that a day between the subject and its verb,
// or between the verb and its that-clause, hides neither.
func TestFindDayBeforeVerb(t *testing.T) {
	for _, text := range []string{
		"The opposition party on Saturday accused the ruling party of buying votes.",
		"The opposition party yesterday accused the ruling party of buying votes.",
		"The opposition party had claimed the day before that the ruling party was buying votes.",
	} {
		ss := Find(text, sentence.Split(text), nil)
		if len(ss) != 1 || ss[0].Holder != "opposition party" || !strings.HasPrefix(ss[0].Proposition, "the ruling party") || !strings.HasSuffix(ss[0].Proposition, "buying votes") {
			t.Errorf("%q: got %s", text, dump(ss))
		}
	}
}

// TestFindParticipleClause checks a participle after a main clause: it
// takes the main clause's subject as holder, an asserted "no X" is a
// denial, and a participle that only backs a denial of the same holder
// adds no stance.
func TestFindParticipleClause(t *testing.T) {
	tests := []struct {
		text   string
		holder string
		stance model.Stance
		prop   string
		n      int
	}{
		{"Furious union chief Dana Holt blasted the owners, claiming they ignored warnings about the roof.",
			"Dana Holt", model.Assert, "they ignored warnings about the roof", 1},
		{"But Halvorsen Freight hit back, insisting that no warning had ever been ignored.",
			"Halvorsen Freight", model.Deny, "no warning had ever been ignored", 1},
		{"Dana Holt said Halvorsen Freight had dumped waste in the river. Halvorsen Freight rejected the allegations, noting that it had not dumped any waste.",
			"Dana Holt", model.Assert, "Halvorsen Freight had dumped waste in the river", 2},
	}
	for _, tc := range tests {
		ss := Find(tc.text, sentence.Split(tc.text), mentionsOf(tc.text,
			ent{key: "Dana Holt", typ: model.Person}, ent{key: "Halvorsen Freight", typ: model.Organization}))
		if len(ss) != tc.n {
			t.Errorf("%q: %d stances, want %d:\n%s", tc.text, len(ss), tc.n, dump(ss))
			continue
		}
		s := ss[0]
		if s.Holder != tc.holder || s.Stance != tc.stance || s.Proposition != tc.prop {
			t.Errorf("%q: got %s", tc.text, dump(ss))
		}
		if tc.n == 2 && (ss[1].Holder != "Halvorsen Freight" || ss[1].Stance != model.Deny || ss[1].Proposition != tc.prop) {
			t.Errorf("%q: want only Halvorsen Freight's denial of the claim after it, got %s", tc.text, dump(ss))
		}
	}
}

// TestFindBareClauses checks clauses without "that": after "said", a noun
// phrase then an auxiliary; after a verb that otherwise needs "that"
// ("insisted"), only a clause with a subject and an auxiliary; and that
// asserting a clause whose verb is negated is a denial.
func TestFindBareClauses(t *testing.T) {
	tests := []struct {
		text   string
		stance model.Stance
		prop   string
	}{
		{"Dana Holt said teachers' wages had been cut by a fifth.", model.Assert, "teachers' wages had been cut by a fifth"},
		{"Dana Holt insisted the company had not known about the fault.", model.Deny, "the company had not known about the fault"},
		{"Dana Holt said the regulator never tested the brakes.", model.Deny, "the regulator never tested the brakes"},
		{"Dana Holt insisted on a recount.", "", ""},
		{"Dana Holt said prices rose.", "", ""},
	}
	for _, tc := range tests {
		ss := Find(tc.text, sentence.Split(tc.text), mentionsOf(tc.text, ent{key: "Dana Holt", typ: model.Person}))
		if tc.stance == "" {
			if len(ss) != 0 {
				t.Errorf("%q: want no stance, got %s", tc.text, dump(ss))
			}
			continue
		}
		if len(ss) != 1 || ss[0].Holder != "Dana Holt" || ss[0].Stance != tc.stance || ss[0].Proposition != tc.prop {
			t.Errorf("%q: got %s, want %s %q", tc.text, dump(ss), tc.stance, tc.prop)
		}
	}
}

// TestFindTabloidLead checks that a capitalised first word of a tabloid
// paragraph ("FURIOUS teachers …") is not taken for the subject of a
// participle, and that a possessive before the subject's name is skipped.
func TestFindTabloidLead(t *testing.T) {
	text := "FURIOUS teachers walked out yesterday, claiming the government had slashed their pay. Drivers' champion Dana Holt slammed the firm, saying it had hidden the fault."
	ss := Find(text, sentence.Split(text), mentionsOf(text, ent{key: "FURIOUS", typ: model.Other}, ent{key: "Dana Holt", typ: model.Person}))
	for _, s := range ss {
		if s.Holder == "FURIOUS" {
			t.Errorf("holder FURIOUS: %s", dump(ss))
		}
	}
	found := false
	for _, s := range ss {
		found = found || s.Holder == "Dana Holt" && s.Proposition == "it had hidden the fault"
	}
	if !found {
		t.Errorf("want Dana Holt asserting it had hidden the fault, got %s", dump(ss))
	}
}
