package quote

import (
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
	for _, c := range append(append([]findCase{}, findCases...), moreCases...) {
		t.Run(c.name, func(t *testing.T) {
			qs := findWith(c.text, usEnts)
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
