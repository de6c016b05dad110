package quote

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/model"
)

// checkQuotes asserts the invariants every result must hold.
func checkQuotes(t *testing.T, text string, qs []model.Quote) {
	t.Helper()
	prev := -1
	valid := utf8.ValidString(text)
	for _, q := range qs {
		if q.Start < 0 || q.End > len(text) || q.Start >= q.End {
			t.Fatalf("span out of bounds: %d..%d of %d", q.Start, q.End, len(text))
		}
		if q.Text != text[q.Start:q.End] {
			t.Fatalf("Text %q != text[%d:%d]", q.Text, q.Start, q.End)
		}
		if valid && (!utf8.RuneStart(text[q.Start]) || q.End < len(text) && !utf8.RuneStart(text[q.End])) {
			t.Fatalf("span %d..%d cuts a rune", q.Start, q.End)
		}
		if q.Start < prev {
			t.Fatalf("quotes not sorted")
		}
		prev = q.Start
		switch q.Kind {
		case model.Direct, model.Mixed, model.Indirect:
		default:
			t.Fatalf("bad kind %q", q.Kind)
		}
	}
}

func TestFind(t *testing.T) {
	checkFindCases(t, append(append([]findCase{}, findCases...), moreCases...), usEnts)
}

// checkFindCases runs each case as a subtest: the quotes found in its text
// with the given entities must include every wanted one with its kind and
// speaker, and, when the case is exact, nothing else.
func checkFindCases(t *testing.T, cases []findCase, ents []ent) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			qs := findWith(c.text, ents)
			checkQuotes(t, c.text, qs)
			for _, w := range c.want {
				ok := false
				for _, q := range qs {
					if q.Text == w.text {
						ok = true
						if q.Kind != w.kind || q.Speaker != w.speaker {
							t.Errorf("%q: got kind %s speaker %q, want %s %q", w.text, q.Kind, q.Speaker, w.kind, w.speaker)
						}
					}
				}
				if !ok {
					t.Errorf("missing %q", w.text)
				}
			}
			if c.exact && len(qs) != len(c.want) {
				t.Errorf("got %d quotes, want %d", len(qs), len(c.want))
			}
			if t.Failed() {
				for _, q := range qs {
					t.Logf("found [%s] %q (%q/%q) %q", q.Kind, q.Speaker, q.SpeakerMention, q.Cue, q.Text)
				}
			}
		})
	}
}

func TestPairs(t *testing.T) {
	tests := []struct {
		text string
		want [][2]string // the text from each opening mark, and from its closing mark ("" when unclosed)
	}{
		{"He said “we will win” and left.", [][2]string{{"“we", "” and"}}},
		{"“Outer ‘inner’ end,” she said.", [][2]string{{"“Outer", "” she"}}},
		{"The players’ union said \"no\" on Monday.", [][2]string{{"\"no", "\" on"}}},
		{"“Unclosed at the end\nA new paragraph.", [][2]string{{"“Unclosed", ""}}},
		{"No quotation here, isn’t it?", nil},
	}
	for _, tc := range tests {
		got := Pairs(tc.text)
		if len(got) != len(tc.want) {
			t.Errorf("%q: %d pairs %+v, want %d", tc.text, len(got), got, len(tc.want))
			continue
		}
		for i, p := range got {
			if !strings.HasPrefix(tc.text[p.Open:], tc.want[i][0]) {
				t.Errorf("%q: pair %d opens at %q", tc.text, i, tc.text[p.Open:])
			}
			if tc.want[i][1] == "" && p.Close != -1 || tc.want[i][1] != "" && (p.Close < 0 || !strings.HasPrefix(tc.text[p.Close:], tc.want[i][1])) {
				t.Errorf("%q: pair %d closes at %d", tc.text, i, p.Close)
			}
		}
	}
}
