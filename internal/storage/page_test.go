package storage

import (
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/model"
)

func TestCursor(t *testing.T) {
	tests := []struct {
		in      string
		n       int
		want    []int64
		ok, bad bool
	}{
		{"", 2, nil, false, false},
		{"3.17", 2, []int64{3, 17}, true, false},
		{"-4", 1, []int64{-4}, true, false},
		{"3", 2, nil, false, true},
		{"3.x", 2, nil, false, true},
		{"1.2.3", 2, nil, false, true},
		{"99999999999999999999", 1, nil, false, true},
	}
	for _, tc := range tests {
		got, ok, err := ParseCursor(tc.in, tc.n)
		if (err != nil) != tc.bad || ok != tc.ok || !slices.Equal(got, tc.want) {
			t.Errorf("ParseCursor(%q, %d) = %v, %v, %v", tc.in, tc.n, got, ok, err)
		}
	}
	if c := Cursor(12, -3, 0); c != "12.-3.0" {
		t.Errorf("Cursor = %q", c)
	}
}

func FuzzParseCursor(f *testing.F) {
	for _, s := range []string{"", "1.2", "-1", "1..2", "+5.07", "a"} {
		f.Add(s, 2)
	}
	f.Fuzz(func(t *testing.T, s string, n int) {
		if n < 1 || n > 8 {
			return
		}
		vals, ok, err := ParseCursor(s, n)
		if err != nil || !ok {
			return
		}
		again, ok, err := ParseCursor(Cursor(vals...), n)
		if err != nil || !ok || !slices.Equal(again, vals) {
			t.Fatalf("%q: %v does not survive a round trip: %v, %v", s, vals, again, err)
		}
	})
}

func TestStorySummary(t *testing.T) {
	var g StorySummary
	g.Add("", "A lead sentence. More.", "Two", "2024-03-05T00:00:00Z", false)
	g.Add("Copy title", "", "one", "", true)
	g.Add("", "", "ONE", "2024-03-01T10:00:00Z", false)
	if g.Articles != 3 || g.First != "2024-03-01T10:00:00Z" || g.Last != "2024-03-05T00:00:00Z" {
		t.Errorf("summary = %+v", g)
	}
	if h := g.Headline(); h != "Copy title" {
		t.Errorf("headline = %q", h)
	}
	if o := g.Outlets(); !slices.Equal(o, []string{"one", "Two"}) {
		t.Errorf("outlets = %v", o)
	}
}

func TestTimeFormat(t *testing.T) {
	zone := time.FixedZone("x", -3600)
	in := time.Date(2024, 2, 29, 23, 30, 0, 0, zone)
	s := FormatTime(in)
	if s != "2024-03-01T00:30:00Z" || !ParseTime(s).Equal(in) {
		t.Errorf("FormatTime = %q, back %v", s, ParseTime(s))
	}
	if FormatTime(time.Time{}) != "" || !ParseTime("").IsZero() || !ParseTime("garbage").IsZero() {
		t.Error("zero and bad times")
	}
}

func TestIDRuns(t *testing.T) {
	arts := func(ids ...int64) []*model.Article {
		var out []*model.Article
		for _, id := range ids {
			out = append(out, &model.Article{ID: id})
		}
		return out
	}
	for _, tc := range []struct {
		ids  []int64
		want [][2]int64
	}{
		{nil, nil},
		{[]int64{5}, [][2]int64{{5, 5}}},
		{[]int64{1, 2, 3, 60}, [][2]int64{{1, 60}}},
		{[]int64{1, 2, 3 + RunGap + 1, 9000, 9001}, [][2]int64{{1, 2}, {3 + RunGap + 1, 3 + RunGap + 1}, {9000, 9001}}},
	} {
		if got := idRuns(arts(tc.ids...)); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("idRuns(%v) = %v, want %v", tc.ids, got, tc.want)
		}
	}
}
