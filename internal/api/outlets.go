package api

import (
	"context"
	"fmt"
	"math"
	"net/http"
	"strings"

	"github.com/parallax-news/parallax/internal/model"
	"github.com/parallax-news/parallax/internal/outlet"
	"github.com/parallax-news/parallax/internal/storage"
)

// OutletPage is what one outlet's page shows: how much it covers, what it
// covers alone, and the reporting verbs it uses next to every outlet's.
type OutletPage struct {
	storage.OutletRow
	// Registry is the outlet as the registry describes it (Known false
	// when the registry does not name it).
	Registry model.Outlet
	Known    bool
	// AllStories is the number of stories in the store.
	AllStories int
	// Exclusive are its largest stories no other outlet has, Latest its
	// latest stories.
	Exclusive, Latest []model.Story
	// Verbs are its most used reporting verbs, with each verb's share of
	// its quotes and of every outlet's.
	Verbs []VerbShare
}

// VerbShare is a reporting verb's use by one outlet and by all.
type VerbShare struct {
	Verb          string
	Count         int
	Share, AllPct float64 // percent of the outlet's, of all outlets', quotes with a verb
	// More is set when the outlet uses the verb at least half again as
	// often as the outlets together.
	More bool
}

// Outlets sums up every outlet's articles, most articles first.
func (d *Data) Outlets(ctx context.Context) ([]storage.OutletRow, error) {
	v, err := d.memo.get(ctx, d.r, "outlets", func() (any, error) { return d.r.Outlets(ctx) })
	if err != nil {
		return nil, fmt.Errorf("outlets: %w", err)
	}
	return v.([]storage.OutletRow), nil
}

// Registry returns the outlet registry (nil when there is none).
func (d *Data) Registry(ctx context.Context) (*outlet.Registry, error) {
	if d.outlets == nil {
		return nil, nil
	}
	reg, err := d.outlets(ctx)
	if err != nil {
		return nil, fmt.Errorf("outlet registry: %w", err)
	}
	return reg, nil
}

// Outlet returns one outlet's page, or an error wrapping
// storage.ErrNotFound when no article names the outlet.
func (d *Data) Outlet(ctx context.Context, name string) (*OutletPage, error) {
	v, err := d.memo.get(ctx, d.r, "outlet:"+model.OutletKey(name), func() (any, error) { return d.outletPage(ctx, name) })
	if err != nil {
		return nil, err
	}
	return v.(*OutletPage), nil
}

func (d *Data) outletPage(ctx context.Context, name string) (*OutletPage, error) {
	rows, err := d.Outlets(ctx)
	if err != nil {
		return nil, err
	}
	p := &OutletPage{}
	found := false
	for _, r := range rows {
		if model.OutletKey(r.Name) == model.OutletKey(name) {
			p.OutletRow, found = r, true
		}
	}
	if !found {
		return nil, fmt.Errorf("outlet %q: %w", clip(name, 60), storage.ErrNotFound)
	}
	if reg, err := d.Registry(ctx); err != nil {
		return nil, err
	} else if reg != nil {
		p.Registry, p.Known = reg.ByName(p.Name)
	}
	c, err := d.r.Counts(ctx)
	if err != nil {
		return nil, fmt.Errorf("outlet %q: %w", p.Name, err)
	}
	p.AllStories = c.Stories
	if p.Exclusive, _, err = d.r.Stories(ctx, storage.StoryFilter{Outlet: p.Name, Exclusive: true, Page: storage.Page{Limit: 10}}); err != nil {
		return nil, fmt.Errorf("outlet %q: %w", p.Name, err)
	}
	if p.Latest, _, err = d.r.Stories(ctx, storage.StoryFilter{Outlet: p.Name, Latest: true, Page: storage.Page{Limit: 10}}); err != nil {
		return nil, fmt.Errorf("outlet %q: %w", p.Name, err)
	}
	own, err := d.r.Verbs(ctx, p.Name, 15)
	if err != nil {
		return nil, fmt.Errorf("outlet %q: %w", p.Name, err)
	}
	all, err := d.memo.get(ctx, d.r, "verbs", func() (any, error) { return d.r.Verbs(ctx, "", storage.MaxOutletVerbs) })
	if err != nil {
		return nil, fmt.Errorf("outlet %q: %w", p.Name, err)
	}
	p.Verbs = verbShares(own, all.([]storage.VerbCount))
	return p, nil
}

// verbShares sets each of an outlet's verbs beside its share among all
// outlets. Shares are of the quotes counted: the outlet's top verbs and
// all outlets' MaxOutletVerbs top ones.
func verbShares(own, all []storage.VerbCount) []VerbShare {
	total := func(vs []storage.VerbCount) int {
		n := 0
		for _, v := range vs {
			n += v.Count
		}
		return max(n, 1)
	}
	allBy := map[string]int{}
	for _, v := range all {
		allBy[v.Verb] = v.Count
	}
	ot, at := total(own), total(all)
	out := make([]VerbShare, 0, len(own))
	for _, v := range own {
		s := VerbShare{Verb: v.Verb, Count: v.Count, Share: 100 * float64(v.Count) / float64(ot), AllPct: 100 * float64(allBy[v.Verb]) / float64(at)}
		s.More = s.Share >= 1.5*s.AllPct && v.Count >= 3
		out = append(out, s)
	}
	return out
}

// StoryDays returns the dated articles of each of the given stories per
// day, in day order.
func (d *Data) StoryDays(ctx context.Context, ids []int64) (map[int64][]storage.DayCount, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	days, err := d.r.StoryDays(ctx, ids)
	if err != nil {
		return nil, fmt.Errorf("story days: %w", err)
	}
	out := map[int64][]storage.DayCount{}
	for _, dc := range days {
		out[dc.Story] = append(out[dc.Story], dc)
	}
	return out, nil
}

// Boilerplate returns the lines cleaning removed from an article.
func (d *Data) Boilerplate(ctx context.Context, id int64) ([]string, error) {
	lines, err := d.r.Boilerplate(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("article %d: %w", id, err)
	}
	return lines, nil
}

// OutletSummary is one outlet in the API: its articles and stories.
type OutletSummary struct {
	Name      string `json:"name"`
	Articles  int    `json:"articles"`
	Copies    int    `json:"copies"`
	Stories   int    `json:"stories"`
	Exclusive int    `json:"exclusive"`
	First     string `json:"first"`
	Last      string `json:"last"`
}

// OutletDetail is what an outlet's page shows, in the API.
type OutletDetail struct {
	OutletSummary
	// Registry is the outlet as the outlet registry describes it, null
	// when the registry does not name it.
	Registry   *model.Outlet `json:"registry"`
	AllStories int           `json:"all_stories"`
	// ExclusiveStories are its largest stories no other outlet has,
	// LatestStories its latest stories.
	ExclusiveStories []Story    `json:"exclusive_stories"`
	LatestStories    []Story    `json:"latest_stories"`
	Verbs            []VerbJSON `json:"verbs"`
}

// VerbJSON is a reporting verb's use by an outlet and by all outlets.
type VerbJSON struct {
	Verb   string  `json:"verb"`
	Count  int     `json:"count"`
	Share  float64 `json:"share"`
	AllPct float64 `json:"all_pct"`
	More   bool    `json:"more"`
}

// OutletSummaryJSON converts an outlet's row.
func OutletSummaryJSON(r storage.OutletRow) OutletSummary {
	return OutletSummary{Name: r.Name, Articles: r.Articles, Copies: r.Copies, Stories: r.Stories, Exclusive: r.Exclusive, First: r.First, Last: r.Last}
}

// OutletDetailJSON converts an outlet's page.
func OutletDetailJSON(p *OutletPage) OutletDetail {
	out := OutletDetail{OutletSummary: OutletSummaryJSON(p.OutletRow), AllStories: p.AllStories,
		ExclusiveStories: []Story{}, LatestStories: []Story{}, Verbs: []VerbJSON{}}
	if p.Known {
		reg := p.Registry
		out.Registry = &reg
	}
	for _, s := range p.Exclusive {
		out.ExclusiveStories = append(out.ExclusiveStories, StoryJSON(s))
	}
	for _, s := range p.Latest {
		out.LatestStories = append(out.LatestStories, StoryJSON(s))
	}
	for _, v := range p.Verbs {
		out.Verbs = append(out.Verbs, VerbJSON{Verb: v.Verb, Count: v.Count, Share: round1(v.Share), AllPct: round1(v.AllPct), More: v.More})
	}
	return out
}

func round1(f float64) float64 { return math.Round(f*10) / 10 }

// outlets lists the outlets, most articles first, a page at a time; the
// cursor is the number of outlets already listed.
func (h *handler) outlets(r *http.Request) (any, error) {
	limit, after, err := parsePage(r.URL.Query())
	if err != nil {
		return nil, err
	}
	skip := 0
	if after != "" {
		v, _, err := storage.ParseCursor(after, 1)
		if err != nil || v[0] < 0 || v[0] > math.MaxInt32 {
			return nil, badRequest("after %q is not a page cursor", clip(after, 40))
		}
		skip = int(v[0])
	}
	rows, err := h.d.Outlets(r.Context())
	if err != nil {
		return nil, err
	}
	out := List[OutletSummary]{Items: []OutletSummary{}}
	rows = rows[min(skip, len(rows)):]
	if len(rows) > limit {
		rows = rows[:limit]
		out.Next = storage.Cursor(int64(skip + limit))
	}
	for _, row := range rows {
		out.Items = append(out.Items, OutletSummaryJSON(row))
	}
	return out, nil
}

func (h *handler) outlet(r *http.Request) (any, error) {
	name := strings.TrimSpace(r.PathValue("name"))
	if name == "" || len(name) > 200 {
		return nil, badRequest("outlet name: want 1 to 200 bytes")
	}
	p, err := h.d.Outlet(r.Context(), name)
	if err != nil {
		return nil, err
	}
	return OutletDetailJSON(p), nil
}
