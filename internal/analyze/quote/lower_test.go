package quote

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// TestMayOpenLower checks the first-byte filter against strings.ToLower:
// it must never turn away a word whose lower case opens with one of the
// letters.
func TestMayOpenLower(t *testing.T) {
	tests := []struct {
		w, firsts string
		want      bool
	}{
		{"examined", "ecq", true},
		{"Examined", "ecq", true},
		{"CROSS-EXAMINED", "ecq", true},
		{"Questioning", "ecq", true},
		{"said", "ecq", false},
		{"Bell", "ecq", false},
		{"", "ecq", false},
		{"İmam", "ecq", true}, // non-ASCII: left to strings.ToLower
		{"Émile", "e", true},
		{"7pm", "ecq", false},
	}
	for _, tt := range tests {
		if got := mayOpenLower(tt.w, tt.firsts); got != tt.want {
			t.Errorf("mayOpenLower(%q, %q) = %v, want %v", tt.w, tt.firsts, got, tt.want)
		}
	}
	// Every opening rune: a word that lower-cases to one opening with a
	// letter of firsts passes.
	const firsts = "ecq"
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if !utf8.ValidRune(r) {
			continue
		}
		w := string(r) + "xamin"
		low := strings.ToLower(w)
		if low != "" && strings.IndexByte(firsts, low[0]) >= 0 && !mayOpenLower(w, firsts) {
			t.Fatalf("mayOpenLower(%q) = false, but it lower-cases to %q", w, low)
		}
	}
}

// TestLowerToASCII pins what the lower-casing shortcuts of the finder
// rely on: the only runes besides ASCII letters that strings.ToLower
// turns into ASCII are U+0130 (to "i") and U+212A, the Kelvin sign (to
// "k"), so a word's last ASCII byte tells the last byte of its lower
// case, and a word ending in a non-ASCII rune lower-cases to one ending
// in "i", "k" or a non-ASCII rune.
func TestLowerToASCII(t *testing.T) {
	want := map[rune]rune{0x130: 'i', 0x212A: 'k'}
	for r := rune(utf8.RuneSelf); r <= unicode.MaxRune; r++ {
		if !utf8.ValidRune(r) {
			continue
		}
		low := []rune(strings.ToLower(string(r)))
		if len(low) != 1 || low[0] >= utf8.RuneSelf {
			continue
		}
		if want[r] != low[0] {
			t.Errorf("strings.ToLower(%U) = %q, an ASCII rune", r, low[0])
		}
	}
}

// TestSurnameGenderShortcut checks surnameGender on endings the shortcut
// skips and keeps, against the rule spelled out without it.
func TestSurnameGenderShortcut(t *testing.T) {
	tests := []struct {
		rest string
		want byte
	}{
		{"Zhuravleva", genderFemale},
		{"Anna ZHURAVLEVA", genderFemale},
		{"Prilutskaya", genderFemale},
		{"Nowacka", genderFemale},
		{"Smith-Nowacka", genderFemale},
		{"Nowacka-Smith", genderFemale},
		{"Villanueva", genderUnknown},
		{"Rudakovsky", genderUnknown},
		{"Nova", genderUnknown},
		{"Petrová", genderUnknown},
		{"", genderUnknown},
		{"Ivanov-", genderUnknown},
	}
	for _, tt := range tests {
		if got := surnameGender(tt.rest); got != tt.want {
			t.Errorf("surnameGender(%q) = %d, want %d", tt.rest, got, tt.want)
		}
	}
	// every ending of one to three letters, ASCII or not, in either case
	letters := []string{"a", "A", "o", "O", "v", "V", "e", "E", "u", "k", "K", "s", "y", "c", "C", "á", "İ", "\u212a", "ß", "\xff"}
	for _, a := range letters {
		for _, b := range letters {
			for _, c := range letters {
				for _, rest := range []string{"Iv" + a + b + c, "Kowal" + a + b + c, "Ann Zhur-" + b + c + a} {
					if got, want := surnameGender(rest), surnameGenderLowered(rest); got != want {
						t.Errorf("surnameGender(%q) = %d, lower-casing every part: %d", rest, got, want)
					}
				}
			}
		}
	}
}

// surnameGenderLowered is surnameGender lower-casing every part.
func surnameGenderLowered(rest string) byte {
	last := rest
	if i := strings.LastIndexByte(rest, ' '); i >= 0 {
		last = rest[i+1:]
	}
	for part := range strings.SplitSeq(last, "-") {
		w := strings.ToLower(part)
		if len(w) < 5 || w[0] < 'a' || w[0] > 'z' {
			continue
		}
		if strings.HasSuffix(w, "ova") || strings.HasSuffix(w, "eva") && !strings.HasSuffix(w, "ueva") || strings.HasSuffix(w, "skaya") ||
			strings.HasSuffix(w, "ska") || strings.HasSuffix(w, "cka") {
			return genderFemale
		}
	}
	return genderUnknown
}
