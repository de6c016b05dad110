package tokenize

import (
	"reflect"
	"testing"
)

// scanned returns the text of each token of s and its kind as a letter:
// w word, p punctuation, m mark.
func scanned(s string) (words []string, kinds string) {
	for _, t := range Scan(s, 0, len(s), nil) {
		words = append(words, s[t.Start:t.End])
		kinds += string("wpm"[t.Kind])
	}
	return words, kinds
}

func TestScan(t *testing.T) {
	tests := []struct {
		in    string
		words []string
		kinds string
	}{
		{"Kan’ani said “no.”", []string{"Kan’ani", "said", "“", "no", ".", "”"}, "wwmwpm"},
		{"the U.S. rate rose 3.5% at AT&T", []string{"the", "U.S", ".", "rate", "rose", "3.5", "%", "at", "AT&T"}, "wwpwwwpww"},
		{"Iran's and Burns’ claims", []string{"Iran's", "and", "Burns", "’", "claims"}, "wwwmw"},
		{"rock 'n' roll 'til dawn", []string{"rock", "'n'", "roll", "'til", "dawn"}, "wwwww"},
		{"Iranian-made drones, end.Next", []string{"Iranian-made", "drones", ",", "end", ".", "Next"}, "wwpwpw"},
	}
	for _, tc := range tests {
		words, kinds := scanned(tc.in)
		if !reflect.DeepEqual(words, tc.words) || kinds != tc.kinds {
			t.Errorf("Scan(%q) = %q %s, want %q %s", tc.in, words, kinds, tc.words, tc.kinds)
		}
	}
}

func TestScanFlags(t *testing.T) {
	s := "Iran's Burns’ claims “Go” 'til 90"
	toks := Scan(s, 0, len(s), nil)
	flag := func(word string) uint8 {
		for _, t := range toks {
			if s[t.Start:t.End] == word {
				return t.Flags
			}
		}
		t.Fatalf("no token %q", word)
		return 0
	}
	for _, tc := range []struct {
		word       string
		has, hasNo uint8
	}{
		{"Iran's", Cap | Poss, Lower},
		{"Burns", Cap | Poss, Lower},
		{"claims", Lower, Cap | Poss},
		{"“", CanOpen, CanClose},
		{"”", CanClose, CanOpen},
		{"'til", Lower | Elided, Cap},
		{"90", Digit, Lower | Cap},
	} {
		if f := flag(tc.word); f&tc.has != tc.has || f&tc.hasNo != 0 {
			t.Errorf("%q flags %06b, want %06b set and %06b clear", tc.word, f, tc.has, tc.hasNo)
		}
	}
}

func FuzzScan(f *testing.F) {
	f.Add("Rock 'n' roll 'til the '90s, the players’ union said “no.” U.S.-led AT&T 3.5")
	f.Add("’n’ 'n ' n' ‘til ’em ‘ \xff\xfe «»„“")
	f.Fuzz(func(t *testing.T, s string) {
		prev := 0
		for _, tk := range Scan(s, 0, len(s), nil) {
			if int(tk.Start) < prev || tk.End <= tk.Start || int(tk.End) > len(s) {
				t.Fatalf("bad token %d..%d after %d", tk.Start, tk.End, prev)
			}
			prev = int(tk.End)
		}
	})
}

func TestAllCaps(t *testing.T) {
	for _, c := range []struct {
		w    string
		want bool
	}{
		{"NATO", true},
		{"U.S.", true},
		{"ÉTAT", true},
		{"ACME-2", true},
		{"A", false},    // one letter
		{"Nato", false}, // a lower-case letter
		{"123", false},  // no letter
		{"東京", false},   // letters without case
		{"IPhone", false},
	} {
		if got := AllCaps(c.w); got != c.want {
			t.Errorf("AllCaps(%q) = %v, want %v", c.w, got, c.want)
		}
	}
}
