package claim

import (
	"testing"

	"github.com/parallax-news/parallax/internal/analyze/sentence"
	"github.com/parallax-news/parallax/internal/model"
)

// TestFindNameAfterRole checks holders named in apposition after their
// role, with or without a courtesy title, and that a comma-separated
// place is not taken for such a name.
func TestFindNameAfterRole(t *testing.T) {
	tests := []struct {
		text   string
		es     []ent
		holder string
		stance model.Stance
	}{
		{"Chile's trade minister, Ana Ruiz, said the ban broke the agreement.",
			[]ent{{key: "Chile", typ: model.Place}, {key: "Ana Ruiz", typ: model.Other}}, "Ana Ruiz", model.Assert},
		{"The minister, Mr. Omar Haddad, admitted on Wednesday that the dam had not been repaired.",
			[]ent{{key: "Omar Haddad", typ: model.Person}}, "Omar Haddad", model.Admit},
		{"Its chairwoman, Mrs. Rita Oyelaran, denied that the results had been altered.",
			[]ent{{key: "Rita Oyelaran", typ: model.Person}}, "Rita Oyelaran", model.Deny},
		{"In the capital, Lima, officials said that the ban was legal.",
			[]ent{{key: "Lima", typ: model.Place}}, "officials", model.Assert},
	}
	for _, tc := range tests {
		ss := Find(tc.text, sentence.Split(tc.text), mentionsOf(tc.text, tc.es...))
		if len(ss) != 1 {
			t.Errorf("%q: %d stances %+v, want 1", tc.text, len(ss), ss)
			continue
		}
		if ss[0].Holder != tc.holder || ss[0].Stance != tc.stance {
			t.Errorf("%q: holder %q %s, want %q %s", tc.text, ss[0].Holder, ss[0].Stance, tc.holder, tc.stance)
		}
	}
}
