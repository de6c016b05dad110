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
	// A fact dated with incompatible values by different articles.
	byFact := map[string][]int{}
	for i, e := range out.Timeline {
		if e.Fact != "" && e.Date != "" {
			byFact[e.Fact] = append(byFact[e.Fact], i)
		}
	}
	for _, idx := range byFact {
		for _, i := range idx {
			for _, j := range idx {
				a, b := out.Timeline[i], out.Timeline[j]
				if a.ID != b.ID && !compatible(a.Date, b.Date) {
					out.Timeline[i].Disputed = true
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
		return cmp.Compare(a.Date, b.Date)
	})
}

// compatible reports whether two date values can name the same date (one
// is a prefix of the other: 2022-12 and 2022-12-04).
func compatible(a, b string) bool {
	return strings.HasPrefix(a, b) || strings.HasPrefix(b, a)
}
