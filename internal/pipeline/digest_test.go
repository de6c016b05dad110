package pipeline

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"testing"

	"github.com/parallax-news/parallax/internal/model"
)

// fmtDigest is entityDigest as it was first written, with fmt.
func fmtDigest(e model.Entity, articles int) string {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%q", e.Canonical, e.Aliases)
	name := hex.EncodeToString(h.Sum(nil)[:8])
	fmt.Fprintf(h, "\x00%s\x00%d\x00%d\x00%q", e.Type, e.Mentions, articles, e.Roles)
	return name + "." + hex.EncodeToString(h.Sum(nil)[:8])
}

func TestEntityDigestMatchesFmt(t *testing.T) {
	tests := []struct {
		name     string
		e        model.Entity
		articles int
	}{
		{"empty", model.Entity{}, 0},
		{"plain", model.Entity{Canonical: "Mara Velden", Type: model.Person, Aliases: []string{"Mara Velden", "Velden"}, Roles: []string{"minister"}, Mentions: 12}, 3},
		{"no lists", model.Entity{Canonical: "Ostrava Water Board", Type: model.Organization, Mentions: 1}, 1},
		{"empty lists", model.Entity{Canonical: "X", Aliases: []string{}, Roles: []string{}}, 0},
		{"quotes and escapes", model.Entity{Canonical: "Café \"Nord\"", Type: model.Place, Aliases: []string{"Café \"Nord\"", "a\\b", "tab\there", "nl\n", "\x00"}, Mentions: -1}, -5},
		{"non-printable and invalid", model.Entity{Canonical: "\u200bZed", Aliases: []string{"\xff\xfe", "日本", "\u00a0x", "emoji 😀"}, Roles: []string{"\u2028"}}, 1 << 40},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got, want := entityDigest(tt.e, tt.articles), fmtDigest(tt.e, tt.articles); got != want {
				t.Errorf("entityDigest = %s, want %s", got, want)
			}
		})
	}
}

func TestLookupNamesSortedUnique(t *testing.T) {
	got := lookupNames(model.Entity{Canonical: "Mara Velden", Aliases: []string{"Mara Velden", "M. Velden", "Velden"}})
	if len(got) == 0 {
		t.Fatal("no lookup names")
	}
	for i := 1; i < len(got); i++ {
		if got[i-1] >= got[i] {
			t.Errorf("names not sorted and unique: %q", got)
		}
	}
}
