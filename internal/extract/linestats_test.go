package extract

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
)

func TestLineStatsCounts(t *testing.T) {
	s := NewLineStats()
	if s.Docs() != 0 {
		t.Fatalf("new stats: Docs() = %d", s.Docs())
	}
	// A line repeated inside one document counts once; case, spacing and
	// punctuation do not matter.
	s.Add("Share this story\nShare this story\n" + bodyA1)
	s.Add("SHARE  this — story\n" + bodyA2)
	s.Add("share this story\n" + bodyA1)
	if got := s.Docs(); got != 3 {
		t.Errorf("Docs() = %d, want 3", got)
	}
	if got := s.count("Share this story"); got != 3 {
		t.Errorf("count(share line) = %d, want 3", got)
	}
	// Sentences are never dropped for recurring, so they are not counted.
	if got := s.count(bodyA1); got != 0 {
		t.Errorf("count(bodyA1) = %d, want 0", got)
	}
	// Nor are long lines.
	long := strings.Repeat("word ", 40)
	s.Add(long)
	if got := s.count(long); got != 0 {
		t.Errorf("count(long line) = %d, want 0", got)
	}
	// The zero value works too.
	var z LineStats
	z.Add("Next Article")
	if z.Docs() != 1 || z.count("next article") != 1 {
		t.Errorf("zero LineStats: Docs %d, count %d", z.Docs(), z.count("next article"))
	}
}

func TestLineStatsMarshal(t *testing.T) {
	s := NewLineStats()
	for i := 0; i < 20; i++ {
		s.Add(fmt.Sprintf("Back to top\nStory number %d\n%s", i, bodyB1))
	}
	data, err := s.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	var r LineStats
	if err := r.UnmarshalBinary(data); err != nil {
		t.Fatalf("UnmarshalBinary: %v", err)
	}
	if r.Docs() != 20 {
		t.Errorf("Docs() = %d, want 20", r.Docs())
	}
	for _, l := range []string{"Back to top", "Story number 7", "Story number 21"} {
		if a, b := s.count(l), r.count(l); a != b {
			t.Errorf("count(%q): %d before, %d after round trip", l, a, b)
		}
	}
	again, _ := r.MarshalBinary()
	if string(again) != string(data) {
		t.Errorf("encoding is not stable")
	}

	bad := map[string][]byte{
		"empty":         nil,
		"bad magic":     []byte("XXXX\x01\x00\x00"),
		"bad version":   append([]byte("PXLS"), 9, 0, 0),
		"truncated":     data[:len(data)-1],
		"trailing":      append(append([]byte{}, data...), 0),
		"huge count":    append([]byte("PXLS"), 1, 1, 0xff, 0xff, 0xff, 0xff, 0x0f),
		"count > docs":  append([]byte("PXLS"), 1, 1, 1, 5, 2),
		"missing count": append([]byte("PXLS"), 1, 1),
	}
	for name, b := range bad {
		var x LineStats
		err := x.UnmarshalBinary(b)
		if err == nil {
			t.Errorf("%s: UnmarshalBinary accepted %q", name, b)
			continue
		}
		if !strings.HasPrefix(err.Error(), "extract: line stats:") {
			t.Errorf("%s: error %q lacks context", name, err)
		}
	}
}

// TestLineStatsBounded checks that memory stays bounded however many
// documents are added, and that frequent lines survive pruning.
func TestLineStatsBounded(t *testing.T) {
	s := NewLineStats()
	s.MaxLines = 1000
	for i := 0; i < 5000; i++ {
		s.Add(fmt.Sprintf("Spread the love\nUnique line %d\nAnother one-off %d\nPrevious Article", i, i))
		if n := len(s.counts); n > s.MaxLines {
			t.Fatalf("after %d documents %d lines are held, bound %d", i+1, n, s.MaxLines)
		}
	}
	if got := s.count("Spread the love"); got != 5000 {
		t.Errorf("frequent line count = %d, want 5000", got)
	}
	if got := s.count("Previous Article"); got != 5000 {
		t.Errorf("frequent line count = %d, want 5000", got)
	}
}

// TestLineStatsManyDocs adds 120,000 documents at the default bound: the
// held lines stay within DefaultMaxLines and site furniture is still known.
func TestLineStatsManyDocs(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: 120,000 documents")
	}
	s := NewLineStats()
	for i := 0; i < 120000; i++ {
		s.Add(fmt.Sprintf("Site %d Home\nBy reporter %d\nTopic %d-%d\n%s\nFollow us", i%40, i, i, i%7, bodyA1))
	}
	if n := len(s.counts); n > DefaultMaxLines {
		t.Errorf("%d lines held, bound %d", n, DefaultMaxLines)
	}
	if got := s.count("Site 3 Home"); got != 3000 {
		t.Errorf("site line count = %d, want 3000", got)
	}
	data, err := s.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("120000 documents: %d lines held, %d bytes persisted", len(s.counts), len(data))
}

// TestTextHashes checks that a text split once by SplitText gives the line
// hashes LineHashes gives for the text as CapLines cuts it, and that the
// cleaning from the split text is Clean's.
func TestTextHashes(t *testing.T) {
	long := strings.Repeat("a sentence of the report that goes on. ", 20)
	tests := []struct{ name, text string }{
		{"empty", ""},
		{"furniture and body", "Share this story\nBy Mara Lind | Harbor Post\n" + long + "\nRead more\n"},
		{"repeated lines", "Most read\nWeather\nMost read\n  Weather  \n"},
		{"long lines", strings.Repeat("x", 401) + "\n" + strings.Repeat("y ", 350) + "\nSubscribe now\n"},
		{"quotes and sentences", "\u201cWe will rebuild,\u201d she said.\nA line that ends a sentence.\nNo full stop here\n"},
		{"CRLF and controls", "Top stories\r\nSign up\x07 today\r\n\r\n" + long},
		{"over MaxLines", strings.Repeat("Breaking news\nline two\n", MaxLines)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			capped, _ := CapLines(tt.text)
			want := LineHashes(capped)
			got := SplitText(tt.text).Hashes()
			if !slices.Equal(got, want) {
				t.Errorf("Hashes %v, want %v", got, want)
			}
			var c Cleaner
			if got, want := c.cleanLines(newLines(SplitText(tt.text).lines), len(capped)), c.Clean(capped); !reflect.DeepEqual(got, want) {
				t.Errorf("cleaned %+v, want %+v", got, want)
			}
		})
	}
}
