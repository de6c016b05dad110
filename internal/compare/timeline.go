package compare

import (
	"cmp"
	"slices"
	"strings"

	"github.com/parallax-news/parallax/internal/analyze/dates"
	"github.com/parallax-news/parallax/internal/model"
)

// timeline lists the story's dated sentences in date order, each date
// expression resolved against its article's publication date (or the
// story's first date). Expressions that cannot be resolved come last,
// with an empty date and a note. Sentences aligned to one fact but dated
// differently by different outlets are marked disputed.
func (c *comparer) timeline(out *model.Comparison) {
	out.Timeline = []model.TimelineEntry{}
	for di, d := range c.docs {
		text := d.Article.Text
		for _, ref := range dates.Find(text, d.sents, d.anchor) {
			si := d.sentenceOf(ref.Start)
			s := d.sents[si]
			e := model.TimelineEntry{
				Date: ref.Value, Precision: ref.Precision, Text: ref.Text, Note: ref.Note,
				Evidence: strings.TrimSpace(text[s.Start:s.End]), ID: d.Article.ExternalID,
				Start: d.chars.At(ref.Start), End: d.chars.At(ref.End),
			}
			if fs := c.factOf[[2]int{di, si}]; len(fs) > 0 {
				e.Fact = fs[0]
			}
			out.Timeline = append(out.Timeline, e)
		}
	}
	// A fact two articles date with no compatible value in common.
	byFact := map[string]map[string][]int{} // fact -> article -> entries
	for i, e := range out.Timeline {
		if e.Fact != "" && e.Date != "" {
			if byFact[e.Fact] == nil {
				byFact[e.Fact] = map[string][]int{}
			}
			byFact[e.Fact][e.ID] = append(byFact[e.Fact][e.ID], i)
		}
	}
	for _, arts := range byFact {
		for a, ia := range arts {
			for b, ib := range arts {
				if a < b && !anyCompatible(out.Timeline, ia, ib) {
					for _, i := range append(ia, ib...) {
						out.Timeline[i].Disputed = true
					}
				}
			}
		}
	}
	slices.SortStableFunc(out.Timeline, func(a, b model.TimelineEntry) int {
		switch {
		case (a.Date == "") != (b.Date == ""):
			if a.Date == "" {
				return 1
			}
			return -1
		}
		as, ae, _ := dates.Interval(a.Date)
		bs, be, _ := dates.Interval(b.Date)
		if c := as.Compare(bs); c != 0 {
			return c
		}
		// The longer period first: 2022-12 before 2022-12-01.
		if c := be.Compare(ae); c != 0 {
			return c
		}
		return cmp.Compare(a.Date, b.Date)
	})
}

// compatible reports whether two date values can name the same date: their
// periods overlap (2022-12 and 2022-12-04, 2024-W10 and 2024-03-07).
func compatible(a, b string) bool {
	as, ae, aok := dates.Interval(a)
	bs, be, bok := dates.Interval(b)
	if !aok || !bok {
		return strings.HasPrefix(a, b) || strings.HasPrefix(b, a)
	}
	return as.Before(be) && bs.Before(ae)
}

// anyCompatible reports whether some entry of ia and some of ib can name
// the same date.
func anyCompatible(t []model.TimelineEntry, ia, ib []int) bool {
	for _, i := range ia {
		for _, j := range ib {
			if compatible(t[i].Date, t[j].Date) {
				return true
			}
		}
	}
	return false
}
