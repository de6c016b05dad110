package postgres

import (
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/parallax-news/parallax/internal/storage"
)

// TestFold folds as fold_accents does: decomposed, without combining
// diacritical marks.
func TestFold(t *testing.T) {
	for _, tc := range []struct {
		in, want string
		from     []int
	}{
		{"São", "Sao", []int{0, 1, 3}},
		{"Zoë Ångström", "Zoe Angstrom", nil},
		{"Sa\u0303o", "Sao", []int{0, 1, 4}},
		{"й ü", "и u", nil},
		{"한", "\u1112\u1161\u11AB", []int{0, 0, 0}},
		{"plain", "plain", []int{0, 1, 2, 3, 4}},
		{"", "", nil},
	} {
		got, from := foldRunes(tc.in)
		if string(got) != tc.want {
			t.Errorf("fold(%q) = %q, want %q", tc.in, string(got), tc.want)
		}
		if tc.from != nil && !slices.Equal(from, tc.from) {
			t.Errorf("fold(%q) offsets %v, want %v", tc.in, from, tc.from)
		}
	}
	if quoteKeySQL != "1048576" || quoteKey != 1048576 {
		t.Error("quoteKeySQL differs from quoteKey")
	}
}

func TestUnfold(t *testing.T) {
	ms, me := storage.MarkStart, storage.MarkEnd
	for _, tc := range []struct {
		name, snippet, orig, delim, want string
	}{
		{"nothing to fold", "Rain on " + ms + "Sao" + me, "", "", "Rain on " + ms + "Sao" + me},
		{"whole text", "Rain on " + ms + "Sao" + me + " " + ms + "Paulo" + me, "Rain on São Paulo", "", "Rain on " + ms + "São" + me + " " + ms + "Paulo" + me},
		{"combining marks kept", ms + "Sao" + me + " Jose", "Sa\u0303o Jose\u0301", "", ms + "Sa\u0303o" + me + " Jose\u0301"},
		{"fragments", ms + "Sao" + me + " fell … in " + ms + "Sao" + me, "Rain on Curaçao. São fell on the hills; later in São Paulo", " … ",
			ms + "São" + me + " fell … in " + ms + "São" + me},
		{"a fragment not found stays folded", "zzz … " + ms + "Sao" + me, "São", " … ", "zzz … " + ms + "São" + me},
		{"not found at all", ms + "Zoa" + me, "Zoë Ångström", "", ms + "Zoa" + me},
		{"a decomposed syllable", ms + "\u1112\u1161\u11AB" + me + " x", "한 x", "", ms + "한" + me + " x"},
		{"mark at the end", "x " + ms + "Zoe" + me, "x Zoë", "", "x " + ms + "Zoë" + me},
	} {
		if got := unfold(tc.snippet, tc.orig, tc.delim); got != tc.want {
			t.Errorf("%s: unfold(%q, %q) = %q, want %q", tc.name, tc.snippet, tc.orig, got, tc.want)
		}
	}
}

// FuzzUnfold checks that a whole folded text, marked anywhere, unfolds
// to the text as written with the same marks (combining marks before its
// first letter aside).
func FuzzUnfold(f *testing.F) {
	f.Add("Rain on São Paulo", 8, 11)
	f.Add("Sa\u0303o Jose\u0301 Ångström", 0, 3)
	f.Add("\xff broken é", 1, 4)
	f.Fuzz(func(t *testing.T, orig string, a, b int) {
		orig = storage.StripMarks(strings.ToValidUTF8(orig, ""))
		folded, _ := foldRunes(orig)
		if a < 0 || b < a || b > len(folded) {
			return
		}
		snippet := string(folded[:a]) + storage.MarkStart + string(folded[a:b]) + storage.MarkEnd + string(folded[b:])
		got := unfold(snippet, orig, "")
		// Marks before the first letter belong to none.
		if want := strings.TrimLeftFunc(orig, isDroppedMark); storage.StripMarks(got) != want {
			t.Fatalf("unfold(%q) = %q, want %q with marks", snippet, got, want)
		}
		if strings.Count(got, storage.MarkStart) != 1 || strings.Count(got, storage.MarkEnd) != 1 {
			t.Fatalf("unfold(%q) = %q: marks lost", snippet, got)
		}
	})
}

// TestPlainRanges checks that the characters fold_accents returns as they
// are without decomposing them are their own NFD and no dropped marks.
func TestPlainRanges(t *testing.T) {
	n := 0
	for _, rg := range plainRanges {
		for r := rg[0]; r <= rg[1]; r++ {
			n++
			s := string(r)
			if norm.NFD.String(s) != s || isDroppedMark(r) {
				t.Errorf("U+%04X is in plainRanges but folds to %q", r, norm.NFD.String(s))
			}
			if got, _ := foldRunes(s); string(got) != s {
				t.Errorf("foldRunes(U+%04X) = %q", r, string(got))
			}
		}
	}
	if n < 180 {
		t.Errorf("plainRanges hold %d characters, want ASCII, Latin-1 punctuation and more", n)
	}
	for _, r := range []rune{0xC0, 0xE9, 0x2000, 0x2126, 0x300} {
		if strings.ContainsRune(plainClass(), r) {
			t.Errorf("plainClass %q holds U+%04X, which NFD changes", plainClass(), r)
		}
	}
}
