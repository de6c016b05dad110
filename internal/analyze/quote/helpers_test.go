package quote

import (
	"sort"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/analyze/sentence"
	"github.com/parallax-news/parallax/internal/model"
)

// ent describes an entity for test mentions: every form is searched in the
// text (longest first, whole words); Key is the first form.
type ent struct {
	typ   model.EntityType
	role  string
	forms []string
}

func person(role string, forms ...string) ent { return ent{model.Person, role, forms} }
func org(forms ...string) ent                 { return ent{model.Organization, "", forms} }
func place(forms ...string) ent               { return ent{model.Place, "", forms} }

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

// testMentions finds the entities' forms in text.
func testMentions(text string, ents []ent) []model.Mention {
	type cand struct {
		form string
		e    int
	}
	var cs []cand
	for i, e := range ents {
		for _, f := range e.forms {
			cs = append(cs, cand{f, i})
		}
	}
	sort.SliceStable(cs, func(i, j int) bool { return len(cs[i].form) > len(cs[j].form) })
	taken := make([]bool, len(text))
	var ms []model.Mention
	for _, c := range cs {
		off := 0
		for {
			i := strings.Index(text[off:], c.form)
			if i < 0 {
				break
			}
			s := off + i
			e := s + len(c.form)
			off = e
			if s > 0 && isWordByte(text[s-1]) && text[s-1] < 0x80 || e < len(text) && isWordByte(text[e]) && text[e] < 0x80 {
				continue
			}
			free := true
			for k := s; k < e; k++ {
				if taken[k] {
					free = false
					break
				}
			}
			if !free {
				continue
			}
			for k := s; k < e; k++ {
				taken[k] = true
			}
			en := ents[c.e]
			ms = append(ms, model.Mention{Span: model.Span{Start: s, End: e}, Text: c.form, Type: en.typ, Role: en.role, Key: en.forms[0]})
		}
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].Start < ms[j].Start })
	return ms
}

func findWith(text string, ents []ent) []model.Quote {
	return Find(text, sentence.Split(text), testMentions(text, ents))
}

// checkSpeakers checks that every quote of qs that is not indirect and
// holds a wanted text has the wanted speaker, and that each wanted text
// given a speaker is found. Kinds are not checked.
func checkSpeakers(t *testing.T, qs []model.Quote, want []wantQ) {
	t.Helper()
	for _, w := range want {
		found := false
		for _, q := range qs {
			if q.Kind != model.Indirect && strings.Contains(q.Text, w.text) {
				found = true
				if q.Speaker != w.speaker {
					t.Errorf("%q: speaker %q, want %q", w.text, q.Speaker, w.speaker)
				}
			}
		}
		if !found && w.speaker != "" {
			t.Errorf("missing %q; got %+v", w.text, qs)
		}
	}
}
