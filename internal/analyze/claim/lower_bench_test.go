package claim

import (
	"strings"
	"testing"
)

func TestASCIILower(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"", ""},
		{"already lower", "already lower"},
		{"The Mayor SAID", "the mayor said"},
		{"Ünal Said „Nein“", "Ünal said „nein“"},
	} {
		if got := asciiLower(c.in); got != c.want {
			t.Errorf("asciiLower(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// BenchmarkASCIILower lower-cases a news-sized text.
func BenchmarkASCIILower(b *testing.B) {
	text := strings.Repeat("The Council of Ministers said on Tuesday that it would not deny the report. ", 40)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		asciiLower(text)
	}
}
