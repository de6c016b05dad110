package entity

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/analyze/sentence"
)

// FuzzFind checks that the recognizer never panics and that its mentions
// are sorted, do not overlap and lie on character boundaries inside the
// text, whatever the text.
func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"",
		"Foreign Ministry spokesman Nasser Kanaani said on Monday that the CIA Director was wrong.",
		"kyiv\nKYIV KYIV\n\"Mr. O'Neil\", said the U.S. Special Envoy for Iran",
		"Central Intelligence Agency (CIA) officials met in São Paulo. Kan’ani — Kanani — KANAANI.",
		strings.Repeat("Acme Corp. ", 2000),
		"\xff\xfe Bad \xc3 bytes Mr",
	} {
		f.Add(s)
	}
	r := NewRecognizer()
	f.Fuzz(func(t *testing.T, text string) {
		ms := r.Find(text, sentence.Split(text))
		prev := 0
		for _, m := range ms {
			if m.Start < prev || m.End < m.Start || m.End > len(text) {
				t.Fatalf("mention %q at [%d,%d) out of order or bounds (prev end %d, len %d)", m.Text, m.Start, m.End, prev, len(text))
			}
			if utf8.ValidString(text) && (!utf8.RuneStart(text[m.Start]) || m.End < len(text) && !utf8.RuneStart(text[m.End])) {
				t.Fatalf("mention %q at [%d,%d) splits a character", m.Text, m.Start, m.End)
			}
			if m.Type == "" {
				t.Fatalf("mention %q without a type", m.Text)
			}
			prev = m.End
		}
	})
}
