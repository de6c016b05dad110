package ui

import (
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/model"
)

func TestSegments(t *testing.T) {
	text := "Mayor Ada Lind said \"we rebuild\".\nSecond \xff line."
	an := &model.Analysis{
		Mentions: []model.Mention{{Span: model.Span{Start: 6, End: 14}, Text: "Ada Lind", Type: model.Person, Key: "Ada Lind"}, {Span: model.Span{Start: 40, End: 999}}},
		Quotes:   []model.Quote{{Span: model.Span{Start: 21, End: 31}, Speaker: "Ada Lind"}, {Span: model.Span{Start: 5, End: 2}}},
	}
	paras := segments(text, an, map[string]int64{"Ada Lind": 7})
	if len(paras) != 2 {
		t.Fatalf("got %d paragraphs, want 2: %+v", len(paras), paras)
	}
	var got []string
	for _, s := range paras[0] {
		tag := ""
		if s.Entity {
			tag += "E" + itoa(s.ID)
		}
		if s.Quote {
			tag += "Q"
		}
		got = append(got, tag+":"+s.Text)
	}
	want := []string{":Mayor ", "E7:Ada Lind", ": said \"", "Q:we rebuild", ":\"."}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("segments = %q, want %q", got, want)
	}
	joined := ""
	for _, s := range paras[1] {
		joined += s.Text
	}
	if joined != "Second \uFFFD line." {
		t.Errorf("second paragraph %q: want broken UTF-8 replaced", joined)
	}
}

func TestDayChart(t *testing.T) {
	d := func(s string) time.Time { t, _ := time.Parse(time.DateOnly, s); return t }
	for _, tc := range []struct {
		times []time.Time
		bars  int
		unit  string
		max   int
	}{
		{nil, 0, "", 0},
		{[]time.Time{{}, d("2025-01-01")}, 1, "day", 1},
		{[]time.Time{d("2025-01-01"), d("2025-01-03"), d("2025-01-03")}, 3, "day", 2},
		{[]time.Time{d("2025-01-01"), d("2025-12-31")}, 53, "week", 1},
		{[]time.Time{d("2020-01-15"), d("2025-01-15")}, 61, "month", 1},
	} {
		c := dayChart(tc.times)
		if len(c.Bars) != tc.bars || c.Unit != tc.unit || c.Max != tc.max {
			t.Errorf("dayChart(%v): %d bars per %q max %d, want %d per %q max %d", tc.times, len(c.Bars), c.Unit, c.Max, tc.bars, tc.unit, tc.max)
		}
		for _, b := range c.Bars {
			if b.Y < 0 || b.Y+b.H > c.Height || b.X+b.W > c.Width {
				t.Errorf("bar %+v outside the %dx%d chart", b, c.Width, c.Height)
			}
		}
	}
}

func TestCells(t *testing.T) {
	for in, want := range map[string]string{"=SUM(A1)": "'=SUM(A1)", "plain": "plain", "-1": "'-1", "": ""} {
		if got := csvCell(in); got != want {
			t.Errorf("csvCell(%q) = %q, want %q", in, got, want)
		}
	}
	if got := mdCell("a|b\n<script>[x](javascript:y)"); got != `a\|b &lt;script&gt;\[x\](javascript:y)` {
		t.Errorf("mdCell = %q", got)
	}
}

// TestStoryViewCapsRenderings shows a fact's first renderings and counts
// the rest, leaving the comparison as it was.
func TestStoryViewCapsRenderings(t *testing.T) {
	var rs []model.Rendering
	for i := range 6 {
		rs = append(rs, model.Rendering{ID: "a" + itoa(int64(i)), Text: "the dam opened"})
	}
	c := &model.Comparison{Facts: []model.Fact{
		{ID: "f1", Text: "the dam opened", Coverage: model.CoverageAll, Outlets: []string{"One", "Two"}, Renderings: rs},
		{ID: "f2", Text: "rain fell", Coverage: model.CoverageAll, Outlets: []string{"One", "Two"}, Renderings: rs[:2]},
	}}
	v := newStoryView(model.Story{ID: 1}, nil, c)
	if len(v.Matrix) != 2 {
		t.Fatalf("%d fact rows", len(v.Matrix))
	}
	if r := v.Matrix[0]; len(r.Fact.Renderings) != maxRenderings || r.Total != 6 || r.More != 6-maxRenderings {
		t.Errorf("first fact: %d shown, total %d, more %d", len(r.Fact.Renderings), r.Total, r.More)
	}
	if r := v.Matrix[1]; len(r.Fact.Renderings) != 2 || r.Total != 2 || r.More != 0 {
		t.Errorf("second fact: %d shown, total %d, more %d", len(r.Fact.Renderings), r.Total, r.More)
	}
	if len(c.Facts[0].Renderings) != 6 {
		t.Error("the comparison lost renderings")
	}
}
