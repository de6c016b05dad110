package entity

import (
	"reflect"
	"testing"

	"github.com/parallax-news/parallax/internal/analyze/sentence"
	tk "github.com/parallax-news/parallax/internal/tokenize"
)

// TestTokenize checks how the recognizer refines the shared tokenizer's
// words for names: compounds split where a name meets a lower-case word,
// initials keep their final dot, a possessive is left out and marked, and
// a name written with any apostrophe is one word.
func TestTokenize(t *testing.T) {
	tests := []struct {
		text  string
		words []string
		poss  []string // words marked possessive
	}{
		{"Iranian-made drones", []string{"Iranian", "made", "drones"}, nil},
		{"anti-Iran protests", []string{"Iran", "protests"}, nil},
		{"Abdel-Rahman met al-Assad", []string{"Abdel-Rahman", "met", "al-Assad"}, nil},
		{"an anti-Iran and al-Qudsi", []string{"an", "Iran", "and", "al-Qudsi"}, nil},
		{"the U.S.-led talks", []string{"the", "U.S.", "led", "talks"}, nil},
		{"AT&T paid 3.5 million", []string{"AT", "T", "paid", "3", "5", "million"}, nil},
		{"Iran's envoy and Burns’ remarks", []string{"Iran", "envoy", "and", "Burns", "remarks"}, []string{"Iran", "Burns"}},
		{"Nasser Kan‘ani and Sha’ban", []string{"Nasser", "Kan‘ani", "and", "Sha’ban"}, nil},
		{"rock 'n' roll 'til dawn", []string{"rock", "n", "roll", "til", "dawn"}, nil},
	}
	f := new(finder)
	for _, tc := range tests {
		f.text = tc.text
		toks := f.tokenize(tc.text, sentence.Split(tc.text), tk.ScanLines(tc.text, nil), nil)
		var words, poss []string
		for _, w := range toks {
			words = append(words, w.text)
			if w.poss {
				poss = append(poss, w.text)
			}
			if tc.text[w.s:w.e] != w.text {
				t.Errorf("%q: token %q has span %d:%d", tc.text, w.text, w.s, w.e)
			}
		}
		if !reflect.DeepEqual(words, tc.words) || !reflect.DeepEqual(poss, tc.poss) {
			t.Errorf("%q: words %q possessive %q, want %q %q", tc.text, words, poss, tc.words, tc.poss)
		}
	}
}
