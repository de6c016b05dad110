package ui

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"github.com/parallax-news/parallax/internal/model"
	"github.com/parallax-news/parallax/internal/storage"
)

// storyView is what the story page shows.
type storyView struct {
	Story    model.Story
	Articles []*model.Article
	// IDs maps the comparison's article ids (external) to store ids.
	IDs map[string]int64
	C   *model.Comparison
	// Matrix has one row per fact reported by more than one outlet, with a
	// cell per outlet of the comparison.
	Matrix []factRow
	// PerArticle holds each article's unique details and omissions.
	PerArticle []articleFacts
	Chart      chart
}

// factRow is one fact with the outlets that report it. Fact.Renderings
// holds at most maxRenderings of them; More counts the others.
type factRow struct {
	Fact  model.Fact
	Cells []bool
	Total int
	More  int
}

// maxRenderings is how many renderings of a fact a story page shows (the
// comparison's JSON has them all): a widely reported fact has one per
// article, and a large story's page would weigh too much with them all.
const maxRenderings = 4

// factRef is a fact named by id with its text.
type factRef struct{ ID, Text string }

// articleFacts is one article's unique details and omissions.
type articleFacts struct {
	Article model.CompareArticle
	Unique  []factRef
	Omitted []factRef
}

func newStoryView(s model.Story, arts []*model.Article, c *model.Comparison) storyView {
	v := storyView{Story: s, Articles: arts, IDs: map[string]int64{}, C: c}
	var times []time.Time
	for _, a := range arts {
		v.IDs[a.ExternalID] = a.ID
		times = append(times, a.Published)
	}
	v.Chart = dayChart(times)
	if c == nil {
		return v
	}
	text := map[string]string{}
	for _, f := range c.Facts {
		text[f.ID] = f.Text
		if f.Coverage == model.CoverageOne {
			continue
		}
		row := factRow{Fact: f, Total: len(f.Renderings)}
		if row.Total > maxRenderings {
			row.Fact.Renderings, row.More = f.Renderings[:maxRenderings:maxRenderings], row.Total-maxRenderings
		}
		for _, o := range c.Coverage.Outlets {
			row.Cells = append(row.Cells, slices.Contains(f.Outlets, o))
		}
		v.Matrix = append(v.Matrix, row)
	}
	refs := func(ids []string) []factRef {
		var out []factRef
		for _, id := range ids {
			out = append(out, factRef{ID: id, Text: text[id]})
		}
		return out
	}
	for _, a := range c.Articles {
		v.PerArticle = append(v.PerArticle, articleFacts{Article: a, Unique: refs(c.Unique[a.ID]), Omitted: refs(c.Omissions[a.ID])})
	}
	return v
}

// entityView is what the entity page shows.
type entityView struct {
	Entity    model.Entity
	Articles  []storage.ArticleRef
	More      bool
	Stories   []int64
	Outlets   []string
	Quotes    []storage.QuoteRow
	Claims    []storage.ClaimRow
	Chart     chart
	ChartUnit string
}

func newEntityView(e model.Entity, refs []storage.ArticleRef, more bool, quotes []storage.QuoteRow, claims []storage.ClaimRow) entityView {
	v := entityView{Entity: e, Articles: refs, More: more, Quotes: quotes, Claims: claims}
	var times []time.Time
	for _, r := range refs {
		if r.StoryID != 0 && !slices.Contains(v.Stories, r.StoryID) {
			v.Stories = append(v.Stories, r.StoryID)
		}
		if r.Outlet != "" && !slices.Contains(v.Outlets, r.Outlet) {
			v.Outlets = append(v.Outlets, r.Outlet)
		}
		t, _ := time.Parse(time.DateOnly, r.Published)
		times = append(times, t)
	}
	slices.Sort(v.Outlets)
	v.Chart = dayChart(times)
	return v
}

// mentionKey is the entity key a mention was folded into.
func mentionKey(m model.Mention) string {
	if m.Key != "" {
		return m.Key
	}
	return m.Text
}

// chart is a bar chart of counts over time, drawn as SVG by the template.
type chart struct {
	Width, Height int
	Bars          []bar
	From, To      string
	Max           int
	Unit          string
}

// bar is one bar of a chart.
type bar struct {
	X, Y, W, H int
	Label      string
}

// dayChart counts dated items per day (per week or month over long
// spans); zero times are left out.
func dayChart(times []time.Time) chart {
	var ts []time.Time
	for _, t := range times {
		if !t.IsZero() {
			ts = append(ts, t.UTC())
		}
	}
	c := chart{Width: 600, Height: 80}
	if len(ts) == 0 {
		return c
	}
	slices.SortFunc(ts, func(a, b time.Time) int { return a.Compare(b) })
	first, last := ts[0], ts[len(ts)-1]
	span := last.Sub(first)
	bucket := func(t time.Time) time.Time { return t.Truncate(24 * time.Hour) }
	step := func(t time.Time) time.Time { return t.AddDate(0, 0, 1) }
	c.Unit = "day"
	switch {
	case span > 2*365*24*time.Hour:
		bucket = func(t time.Time) time.Time { return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC) }
		step = func(t time.Time) time.Time { return t.AddDate(0, 1, 0) }
		c.Unit = "month"
	case span > 120*24*time.Hour:
		bucket = func(t time.Time) time.Time {
			d := t.Truncate(24 * time.Hour)
			return d.AddDate(0, 0, -int(d.Weekday()))
		}
		step = func(t time.Time) time.Time { return t.AddDate(0, 0, 7) }
		c.Unit = "week"
	}
	counts := map[time.Time]int{}
	for _, t := range ts {
		counts[bucket(t)]++
	}
	var keys []time.Time
	for t := bucket(first); !t.After(bucket(last)) && len(keys) < 400; t = step(t) {
		keys = append(keys, t)
	}
	for _, n := range counts {
		c.Max = max(c.Max, n)
	}
	w := max(1, c.Width/max(len(keys), 1))
	for i, k := range keys {
		n := counts[k]
		hgt := n * (c.Height - 4) / max(c.Max, 1)
		if n > 0 {
			hgt = max(hgt, 2)
		}
		label := k.Format(time.DateOnly) + ": " + itoa(int64(n))
		c.Bars = append(c.Bars, bar{X: i * w, Y: c.Height - hgt, W: max(w-1, 1), H: hgt, Label: label})
	}
	c.From, c.To = first.Format(time.DateOnly), last.Format(time.DateOnly)
	return c
}

// articleView is what the article page shows.
type articleView struct {
	Article    *model.Article
	Paragraphs [][]segment
	Quotes     []model.Quote
	Entities   []entityLink
	NearCopies []*model.Article
	// Link is the article's address when it is a web address.
	Link string
	// Removed are the lines cleaning removed as boilerplate.
	Removed []string
}

// entityLink is an entity named in the article.
type entityLink struct {
	Name  string
	Type  model.EntityType
	ID    int64
	Count int
}

// segment is a run of article text with what covers it.
type segment struct {
	Text    string
	Quote   bool
	Speaker string
	Entity  bool
	Type    model.EntityType
	ID      int64 // entity id when the mention resolved to one
}

func newArticleView(a *model.Article, an *model.Analysis, copies []*model.Article, ids map[string]int64) articleView {
	v := articleView{Article: a, Quotes: an.Quotes, NearCopies: copies, Paragraphs: segments(a.Text, an, ids)}
	if u := strings.TrimSpace(a.URL); strings.HasPrefix(strings.ToLower(u), "https://") || strings.HasPrefix(strings.ToLower(u), "http://") {
		v.Link = u
	}
	byKey := map[string]*entityLink{}
	for _, m := range an.Mentions {
		k := mentionKey(m)
		if e := byKey[k]; e != nil {
			e.Count++
			continue
		}
		byKey[k] = &entityLink{Name: k, Type: m.Type, ID: ids[k], Count: 1}
	}
	for _, e := range byKey {
		v.Entities = append(v.Entities, *e)
	}
	slices.SortFunc(v.Entities, func(x, y entityLink) int {
		return cmp.Or(cmp.Compare(y.Count, x.Count), cmp.Compare(x.Name, y.Name))
	})
	return v
}

// segments cuts text into paragraphs (one a line) of segments, each
// covered by the same quote and mention.
func segments(text string, an *model.Analysis, ids map[string]int64) [][]segment {
	valid := func(s model.Span) bool { return s.Start >= 0 && s.End <= len(text) && s.Start < s.End }
	cuts := []int{0, len(text)}
	for _, q := range an.Quotes {
		if valid(q.Span) {
			cuts = append(cuts, q.Start, q.End)
		}
	}
	for _, m := range an.Mentions {
		if valid(m.Span) {
			cuts = append(cuts, m.Start, m.End)
		}
	}
	for i := range len(text) {
		if text[i] == '\n' {
			cuts = append(cuts, i, i+1)
		}
	}
	slices.Sort(cuts)
	cuts = slices.Compact(cuts)
	var paras [][]segment
	var cur []segment
	for i := 0; i+1 < len(cuts); i++ {
		lo, hi := cuts[i], cuts[i+1]
		if text[lo:hi] == "\n" {
			if len(cur) > 0 {
				paras = append(paras, cur)
			}
			cur = nil
			continue
		}
		seg := segment{Text: clean(text[lo:hi])}
		for _, q := range an.Quotes {
			if valid(q.Span) && q.Start <= lo && hi <= q.End {
				seg.Quote, seg.Speaker = true, q.Speaker
				break
			}
		}
		for _, m := range an.Mentions {
			if valid(m.Span) && m.Start <= lo && hi <= m.End {
				seg.Entity, seg.Type, seg.ID = true, m.Type, ids[mentionKey(m)]
				break
			}
		}
		cur = append(cur, seg)
	}
	if len(cur) > 0 {
		paras = append(paras, cur)
	}
	return paras
}
