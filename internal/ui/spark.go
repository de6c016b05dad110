package ui

import (
	"strconv"
	"strings"
	"time"

	"github.com/parallax-news/parallax/internal/storage"
)

// Sparkline size, in SVG user units.
const (
	sparkW    = 64
	sparkH    = 16
	sparkBins = 32
)

// spark is a story's coverage as a small line: articles per day (or per
// span of days when the story lasts longer than sparkBins days), from its
// first dated article to its last.
type spark struct {
	// Points is the polyline's points, numbers only.
	Points string
	// Label says what the line shows.
	Label string
}

// newSpark draws days (in day order); nil when there is none.
func newSpark(days []storage.DayCount) *spark {
	if len(days) == 0 {
		return nil
	}
	first, err1 := time.Parse(time.DateOnly, days[0].Day)
	last, err2 := time.Parse(time.DateOnly, days[len(days)-1].Day)
	if err1 != nil || err2 != nil {
		return nil
	}
	span := int(last.Sub(first).Hours()/24) + 1
	bins := min(span, sparkBins)
	per := (span + bins - 1) / bins
	bins = (span + per - 1) / per
	counts := make([]int, max(bins, 2))
	total := 0
	for _, d := range days {
		t, err := time.Parse(time.DateOnly, d.Day)
		if err != nil {
			continue
		}
		counts[int(t.Sub(first).Hours()/24)/per] += d.Articles
		total += d.Articles
	}
	if bins == 1 {
		counts[1] = counts[0] // one day: a level line
	}
	top := 1
	for _, c := range counts {
		top = max(top, c)
	}
	var b strings.Builder
	for i, c := range counts {
		if i > 0 {
			b.WriteByte(' ')
		}
		x := float64(i) * sparkW / float64(len(counts)-1)
		y := sparkH - 1 - float64(c)*(sparkH-2)/float64(top)
		b.WriteString(strconv.FormatFloat(x, 'f', 1, 64) + "," + strconv.FormatFloat(y, 'f', 1, 64))
	}
	unit := "day"
	if per > 1 {
		unit = strconv.Itoa(per) + " days"
	}
	label := strconv.Itoa(total) + " dated articles, " + days[0].Day
	if span > 1 {
		label += " to " + days[len(days)-1].Day
	}
	return &spark{Points: b.String(), Label: label + "; at most " + strconv.Itoa(top) + " a " + unit}
}
