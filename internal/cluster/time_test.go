package cluster

import (
	"fmt"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/dedupe"
)

func TestTimeFactor(t *testing.T) {
	c := New(DefaultConfig())
	day := func(d int32) int32 { return 20000 + d }
	tests := []struct {
		name       string
		aMin, aMax int32
		bMin, bMax int32
		want       func(float64) bool
		wantText   string
	}{
		{"undated", noDay, noDay, day(0), day(0), func(f float64) bool { return f == 1 }, "1"},
		{"same day", day(3), day(3), day(3), day(3), func(f float64) bool { return f == 1 }, "1"},
		{"next day", day(3), day(3), day(4), day(4), func(f float64) bool { return f == 1 }, "1"},
		{"three days", day(0), day(0), day(3), day(3), func(f float64) bool { return f > 0.3 && f < 1 }, "in (0.3, 1)"},
		{"past the window", day(0), day(0), day(8), day(8), func(f float64) bool { return f == 0 }, "0"},
		{"years apart", day(0), day(1), day(1100), day(1101), func(f float64) bool { return f == 0 }, "0"},
		{"span too long", day(0), day(12), day(13), day(15), func(f float64) bool { return f == 0 }, "0"},
	}
	// A group whose members are mostly undated is not held to the dates
	// of its few dated ones.
	if f := c.timeFactor(when{min: day(0), max: day(0), dated: 1, size: 1}, when{min: day(200), max: day(200), dated: 2, size: 9}); f != 1 {
		t.Errorf("mostly undated story: timeFactor = %v, want 1", f)
	}
	for _, tt := range tests {
		at := func(lo, hi int32) when {
			if lo == noDay {
				return when{min: noDay, max: noDay, size: 1}
			}
			return when{min: lo, max: hi, dated: 1, size: 1}
		}
		f := c.timeFactor(at(tt.aMin, tt.aMax), at(tt.bMin, tt.bMax))
		if !tt.want(f) {
			t.Errorf("%s: timeFactor = %v, want %s", tt.name, f, tt.wantText)
		}
	}
}

// TestYearsApartOneThread: reports of the same kind on one subject, years
// apart, are two stories of one thread.
func TestYearsApartOneThread(t *testing.T) {
	text := func(year int, n int) string {
		return fmt.Sprintf("Governor Elena Marchetti of Calvora signed the annual budget on Tuesday after a %d-day standoff with the Calvora State Assembly. "+
			"Marchetti said the %d budget protects schools and hospitals, while Assembly Speaker Victor Oyelaran called it a missed chance to cut taxes. "+
			"The Calvora budget totals %d billion dollars.", n, year, 40+n)
	}
	var docs []Doc
	id := int64(0)
	for _, year := range []int{2016, 2019} {
		for k := range 3 {
			id++
			docs = append(docs, Doc{ID: id, Title: fmt.Sprintf("Marchetti signs Calvora budget after standoff (%d)", k),
				Text: text(year, 10+k), Published: time.Date(year, 6, 10+k, 9, 0, 0, 0, time.UTC)})
		}
	}
	c := New(DefaultConfig())
	c.AddBatch(docs[:3])
	c.AddBatch(docs[3:])
	a, b := c.Story(1), c.Story(4)
	for i := range 3 {
		if c.Story(int64(i+1)) != a || c.Story(int64(i+4)) != b {
			t.Fatalf("each year's reports should form one story: %v", []int64{c.Story(1), c.Story(2), c.Story(3), c.Story(4), c.Story(5), c.Story(6)})
		}
	}
	if a == b {
		t.Fatalf("reports three years apart in one story %d", a)
	}
	th := c.Threads()
	if th[a] == 0 || th[a] != th[b] {
		t.Errorf("stories %d and %d in threads %d and %d, want one", a, b, th[a], th[b])
	}
}

// TestTemplatedPair: two reports from one template about different teams
// on the same day are neither near-copies nor one story, while a wire copy
// of one under a new headline is both.
func TestTemplatedPair(t *testing.T) {
	report := func(home, away, ground, scorer, coach string, a, b, crowd int) string {
		return fmt.Sprintf("%s beat %s %d-%d at %s on Saturday, moving up the table in the northern league.\n\n"+
			"Striker %s scored twice for %s before half-time, and the visitors never recovered.\n\n"+
			"A crowd of %d watched the match at %s.\n\n"+
			"%s coach %s said his team had not done enough and would need to improve quickly.",
			home, away, a, b, ground, scorer, home, crowd, ground, away, coach)
	}
	day := time.Date(2025, 9, 13, 18, 0, 0, 0, time.UTC)
	docs := []Doc{
		{ID: 1, Title: "Harlow United beat Dunmere City 3-1", Text: report("Harlow United", "Dunmere City", "Kestrel Park", "Tomas Varga", "Ilse Brandt", 3, 1, 21400), Published: day},
		{ID: 2, Title: "Pellham Rovers beat Ossington Town 2-0", Text: report("Pellham Rovers", "Ossington Town", "Marsh Lane", "Eli Sandoval", "Ruth Okafor", 2, 0, 9800), Published: day},
	}
	docs = append(docs, Doc{ID: 3, Title: "Varga double lifts Harlow past Dunmere", Text: docs[0].Text, Published: day.Add(2 * time.Hour)})
	dd := dedupe.New(dedupe.DefaultConfig())
	for i := range docs {
		docs[i].DuplicateOf = dd.Add(docs[i].ID, docs[i].Text)
	}
	if docs[1].DuplicateOf != 0 {
		t.Errorf("the other teams' report is a near-copy of %d", docs[1].DuplicateOf)
	}
	if docs[2].DuplicateOf != 1 {
		t.Errorf("the wire copy with a new headline is a near-copy of %d, want 1", docs[2].DuplicateOf)
	}
	c := New(DefaultConfig())
	c.AddBatch(docs)
	if c.Story(1) == c.Story(2) {
		t.Errorf("reports on different teams in one story %d", c.Story(1))
	}
	if c.Story(1) != c.Story(3) {
		t.Errorf("the wire copy in story %d, its original in %d", c.Story(3), c.Story(1))
	}
}

// TestInReach: inReach answers whether timeFactor is above zero, for
// dated, undated and mostly undated groups at every distance up to past
// the window and the span cap.
func TestInReach(t *testing.T) {
	c := New(DefaultConfig())
	const base = 20000
	groups := []when{
		{min: noDay, max: noDay, size: 1},
		{min: base, max: base, dated: 1, size: 1},
		{min: base, max: base + 5, dated: 3, size: 3},
		{min: base, max: base + 12, dated: 4, size: 4},
		{min: base, max: base + 1, dated: 1, size: 5}, // mostly undated
	}
	checked, out := 0, 0
	for _, a := range groups {
		for shift := int32(-20); shift <= 20; shift++ {
			for _, g := range groups {
				b := g
				if b.min != noDay {
					b.min, b.max = b.min+shift, b.max+shift
				}
				f, got := c.timeFactor(a, b), c.inReach(a, b)
				if got != (f > 0) {
					t.Errorf("inReach(%+v, %+v) = %v, timeFactor = %v", a, b, got, f)
				}
				checked++
				if !got {
					out++
				}
			}
		}
	}
	if out == 0 || out == checked {
		t.Fatalf("%d of %d pairs out of reach: the cases do not cover both answers", out, checked)
	}
}
