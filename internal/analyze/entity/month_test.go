package entity

import (
	"testing"

	"github.com/parallax-news/parallax/internal/analyze/sentence"
	tk "github.com/parallax-news/parallax/internal/tokenize"
)

// TestMonthGiven checks which months before a capitalised word open a
// person's name ("Her daughter, June Haskett") and which stay dates.
func TestMonthGiven(t *testing.T) {
	tests := []struct {
		text string
		want bool // whether the month token opens a name
	}{
		{"Her daughter, June Haskett, said so.", true},
		{"Her aunt April Dunmore said so.", true},
		{"In June Haskett sold the shop.", false},
		{"The sale closed last May Tremayne said.", false},
		{"He left on June 5 for good.", false},
		{"The June Council meeting was short.", false},
		{"The report came out in July Haskett said.", false},
	}
	f := new(finder)
	for _, tc := range tests {
		f.text = tc.text
		toks := f.tokenize(tc.text, sentence.Split(tc.text), tk.ScanLines(tc.text, nil), nil)
		got := false
		for i, x := range toks {
			switch x.low {
			case "june", "april", "may", "july":
				got = got || monthGiven(toks, i)
			}
		}
		if got != tc.want {
			t.Errorf("%q: month opens a name = %v, want %v", tc.text, got, tc.want)
		}
	}
}
