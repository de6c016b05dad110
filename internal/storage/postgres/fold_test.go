package postgres

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/parallax-news/parallax/internal/storage"
)

// TestFoldTable checks the fold against Unicode: every Latin letter that
// decomposes to an ASCII letter and combining marks, and only those,
// folds to that letter.
func TestFoldTable(t *testing.T) {
	want := map[rune]rune{}
	for _, rg := range [][2]rune{{0xC0, 0x24F}, {0x1E00, 0x1EFF}} {
		for r := rg[0]; r <= rg[1]; r++ {
			d := []rune(norm.NFD.String(string(r)))
			if len(d) < 2 || d[0] > unicode.MaxASCII {
				continue
			}
			marks := true
			for _, m := range d[1:] {
				marks = marks && unicode.Is(unicode.Mn, m)
			}
			if marks {
				want[r] = d[0]
			}
		}
	}
	if len(foldMap) != len(want) || utf8.RuneCountInString(foldFrom) != utf8.RuneCountInString(foldTo) {
		t.Fatalf("fold table of %d letters, want %d", len(foldMap), len(want))
	}
	for r, base := range want {
		if foldMap[r] != base {
			t.Errorf("%q folds to %q, want %q", r, foldMap[r], base)
		}
	}
	from, to := foldSQL()
	if strings.ContainsAny(from+to, `'$\`) {
		t.Error("the fold's SQL literals hold a quote, dollar or backslash")
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
