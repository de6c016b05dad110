package storage

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/parallax-news/parallax/internal/model"
)

// Cursor encodes the sort key of the last record of a page, for
// implementations whose keys are numbers.
func Cursor(vals ...int64) string {
	parts := make([]string, len(vals))
	for i, v := range vals {
		parts[i] = strconv.FormatInt(v, 10)
	}
	return strings.Join(parts, ".")
}

// ParseCursor decodes a Cursor of n numbers; "" gives ok false.
func ParseCursor(c string, n int) (vals []int64, ok bool, err error) {
	if c == "" {
		return nil, false, nil
	}
	parts := strings.Split(c, ".")
	if len(parts) != n {
		return nil, false, fmt.Errorf("bad page cursor %q", c)
	}
	out := make([]int64, n)
	for i, p := range parts {
		v, err := strconv.ParseInt(p, 10, 64)
		if err != nil {
			return nil, false, fmt.Errorf("bad page cursor %q", c)
		}
		out[i] = v
	}
	return out, true, nil
}

// TrimPage cuts a result fetched with one record more than limit to the
// page, and reports whether more records follow.
func TrimPage[T any](rows []T, limit int) ([]T, bool) {
	if limit > 0 && len(rows) > limit {
		return rows[:limit], true
	}
	return rows, false
}

// StorySummary accumulates a story's summary row from its articles, added
// in article order: the count, the distinct outlets, the date range and
// the headline model.ChooseHeadline picks.
type StorySummary struct {
	Articles    int
	First, Last string // RFC 3339, "" when no article is dated
	outlets     []string
	heads       []model.HeadlineCandidate
}

// Add adds one article: its title, the start of its text, its outlet, its
// publication time (RFC 3339 or "") and whether it is a near-copy.
func (g *StorySummary) Add(title, lead, outlet, published string, copy bool) {
	g.Articles++
	g.outlets = append(g.outlets, outlet)
	if published != "" {
		if g.First == "" || published < g.First {
			g.First = published
		}
		if published > g.Last {
			g.Last = published
		}
	}
	g.heads = append(g.heads, model.HeadlineCandidate{Title: title, Lead: lead, Copy: copy})
}

// Headline returns the story's headline.
func (g *StorySummary) Headline() string { return model.ChooseHeadline(g.heads) }

// Outlets returns the story's distinct outlets.
func (g *StorySummary) Outlets() []string { return model.Outlets(g.outlets) }

// FormatTime formats a time as stores keep it: RFC 3339 in UTC, "" for the
// zero time.
func FormatTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

// ParseTime parses a time kept by FormatTime ("" and bad text give the
// zero time).
func ParseTime(s string) time.Time {
	if s == "" {
		return time.Time{}
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return time.Time{}
	}
	return t
}

// LeadChars is how much of an article's text a story summary reads for
// its headline.
const LeadChars = 400
