package storage

import (
	"slices"
	"strings"

	"github.com/parallax-news/parallax/internal/model"
)

// OutletRow sums up the articles of one outlet. Outlets are told apart by
// name in any case ("North Post" and "NORTH POST" are one outlet).
type OutletRow struct {
	// Name is the outlet's name as its articles give it (the first in
	// byte order when they differ in case).
	Name string
	// Articles counts its articles, Copies those that are near-copies.
	Articles, Copies int
	// Stories counts the stories it has an article in, Exclusive those no
	// other outlet has an article in.
	Stories, Exclusive int
	// First and Last are the days of its first and last dated article
	// (YYYY-MM-DD, "" when none is dated).
	First, Last string
}

// VerbCount is how many quotes one reporting verb (a quote's cue, in
// lower case) introduces.
type VerbCount struct {
	Verb  string
	Count int
}

// DayCount is how many articles of a story were published on one day.
type DayCount struct {
	Story    int64
	Day      string // YYYY-MM-DD
	Articles int
}

// MaxOutletVerbs is the most verbs Verbs returns.
const MaxOutletVerbs = 200

// VerbLimit bounds a limit of Verbs: 1 to MaxOutletVerbs, 20 for 0.
func VerbLimit(limit int) int {
	switch {
	case limit <= 0:
		return 20
	case limit > MaxOutletVerbs:
		return MaxOutletVerbs
	}
	return limit
}

// FoldOutlets merges rows of outlets whose names are one outlet
// (model.OutletKey), adds their exclusive story counts (by outlet key),
// and sorts them most articles first, then by name.
func FoldOutlets(rows []OutletRow, exclusive map[string]int) []OutletRow {
	byKey := map[string]int{}
	var out []OutletRow
	for _, r := range rows {
		k := model.OutletKey(r.Name)
		i, ok := byKey[k]
		if !ok {
			byKey[k] = len(out)
			r.Exclusive = exclusive[k]
			out = append(out, r)
			continue
		}
		o := &out[i]
		o.Articles += r.Articles
		o.Copies += r.Copies
		o.Stories += r.Stories
		if r.Name < o.Name {
			o.Name = r.Name
		}
		if r.First != "" && (o.First == "" || r.First < o.First) {
			o.First = r.First
		}
		if r.Last > o.Last {
			o.Last = r.Last
		}
	}
	slices.SortFunc(out, func(a, b OutletRow) int {
		if a.Articles != b.Articles {
			return b.Articles - a.Articles
		}
		return strings.Compare(a.Name, b.Name)
	})
	return out
}
