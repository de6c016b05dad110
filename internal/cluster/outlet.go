package cluster

import (
	"cmp"
	"slices"
)

// An outlet's house template — a roundup's fixed framing and the outlet
// names it cites every time, a column's standing sentences, a wire's
// sign-off — is shared by its articles whatever event they report, and
// would pull those articles into one story. The clusterer keeps, for
// each outlet, the features of its recent dated articles, and weighs a
// word that many of them carry, and that other outlets' articles of the
// window hardly carry, down in that outlet's articles (see
// Config.TemplateShare).
//
// Only the word block is discounted: the name block (names and numbers)
// is what tells apart reports written from one template, and an
// outlet's own name, which its datelines and headlines repeat, is one
// name among the few that block holds. The discounted vector is not
// scaled back to unit length, so that its similarity with an article of
// another outlet, which does not carry the template, stays what it was;
// only what two articles of the outlet share through the template
// shrinks.

// outletDoc is one recent article of an outlet: its day and the words of
// its vector.
type outletDoc struct {
	day   int32
	feats []uint64
}

// outletWindow is an outlet's recent dated articles (at most
// Config.TemplateDocs, within Config.WindowDays of the newest) and how
// many of them carry each word.
type outletWindow struct {
	docs   []outletDoc
	counts *dfTable
	// feats is the number of words listed in docs, which bounds the
	// words counts holds above 0.
	feats int
	// newest and oldest are the latest and earliest days in docs.
	newest, oldest int32
}

// outlets holds the windows of the outlets with articles in the active
// window and how many of all those articles carry each word.
type outlets struct {
	byName map[string]*outletWindow
	total  *dfTable
	feats  int // words listed in all outlets' docs
}

func newOutlets() *outlets {
	return &outlets{byName: make(map[string]*outletWindow), total: newDFTable(0)}
}

// add counts an article of outlet name dated day with vector v, and
// returns the words it counted.
func (o *outlets) add(name string, day int32, v vec, cfg *Config) []uint64 {
	// Only words can be a template (see template).
	n := 0
	for _, f := range v {
		if !isName(f.h) {
			n++
		}
	}
	feats := make([]uint64, 0, n)
	for _, f := range v {
		if !isName(f.h) {
			feats = append(feats, f.h)
		}
	}
	o.addFeats(name, day, feats, cfg)
	return feats
}

// addFeats counts an article of outlet name dated day with these words
// (which it keeps).
func (o *outlets) addFeats(name string, day int32, feats []uint64, cfg *Config) {
	w := o.byName[name]
	if w == nil {
		w = &outletWindow{counts: newDFTable(0), newest: day, oldest: day}
		o.byName[name] = w
	}
	for _, h := range feats {
		w.counts.add(h, 1)
		o.total.add(h, 1)
	}
	w.feats += len(feats)
	o.feats += len(feats)
	w.docs = append(w.docs, outletDoc{day: day, feats: feats})
	w.newest = max(w.newest, day)
	w.oldest = min(w.oldest, day)
	if w.oldest < w.newest-cfg.WindowDays || len(w.docs) > cfg.TemplateDocs {
		o.evict(w, w.newest-cfg.WindowDays, cfg.TemplateDocs)
	}
}

// evict drops an outlet's articles dated before from, then its oldest
// (earliest day, then earliest added) beyond keep.
func (o *outlets) evict(w *outletWindow, from int32, keep int) {
	k := 0
	for _, d := range w.docs {
		if d.day < from {
			o.forget(w, d)
			continue
		}
		w.docs[k] = d
		k++
	}
	clear(w.docs[k:])
	w.docs = w.docs[:k]
	if keep > 0 && len(w.docs) > keep {
		// Stable: articles of one day leave in the order they came.
		slices.SortStableFunc(w.docs, func(a, b outletDoc) int { return cmp.Compare(a.day, b.day) })
		for _, d := range w.docs[:len(w.docs)-keep] {
			o.forget(w, d)
		}
		w.docs = append(w.docs[:0], w.docs[len(w.docs)-keep:]...)
	}
	w.oldest = w.newest
	for _, d := range w.docs {
		w.oldest = min(w.oldest, d.day)
	}
}

// forget uncounts an article.
func (o *outlets) forget(w *outletWindow, d outletDoc) {
	for _, h := range d.feats {
		w.counts.add(h, -1)
		o.total.add(h, -1)
	}
	w.feats -= len(d.feats)
	o.feats -= len(d.feats)
	// The tables keep the words counted down to 0: drop them once they
	// outnumber those counted.
	compact(w.counts, w.feats)
	compact(o.total, o.feats)
}

// compact drops the words counted down to 0 from t once it holds more
// than twice the live ones can be (live words listed) and a table's
// smallest size.
func compact(t *dfTable, live int) {
	if t.len() > 2*live+dfMinSlots/2 {
		t.keep(func(n int32) bool { return n > 0 })
	}
}

// expire drops the articles of every outlet dated more than WindowDays
// before horizon, and the outlets left with none.
func (o *outlets) expire(horizon int32, cfg *Config) {
	if horizon == noDay {
		return
	}
	for name, w := range o.byName {
		if w.newest >= horizon-cfg.WindowDays {
			continue
		}
		o.evict(w, horizon-cfg.WindowDays, cfg.TemplateDocs)
		if len(w.docs) == 0 {
			delete(o.byName, name)
		}
	}
}

// template returns the words of outlet name's template: those carried by
// at least TemplateMin of its recent articles and by at least
// TemplateShare of them, of which the outlet holds at least TemplateOwn
// of the window's occurrences (words of an event that several outlets
// report are no one outlet's template). It returns nil when there are
// none.
func (o *outlets) template(name string, cfg *Config) map[uint64]bool {
	w := o.byName[name]
	if w == nil || cfg.TemplateMin <= 0 || len(w.docs) < cfg.TemplateMin {
		return nil
	}
	need := max(int32(cfg.TemplateMin), int32(cfg.TemplateShare*float64(len(w.docs))+0.999999))
	var out map[uint64]bool
	w.counts.each(func(h uint64, n int32) {
		if !isName(h) && n >= need && float64(n) >= cfg.TemplateOwn*float64(o.total.get(h)) {
			if out == nil {
				out = make(map[uint64]bool)
			}
			out[h] = true
		}
	})
	return out
}

// discount multiplies the weight of v's template features by k.
func discount(v vec, tmpl map[uint64]bool, k float32) {
	for i := range v {
		if tmpl[v[i].h] {
			v[i].w *= k
		}
	}
}

// countOutlets adds the batch's dated articles that name their outlet to
// the outlets' windows, in the order of their days and ids (so that the
// windows do not depend on the order of the batch), and weighs their
// outlets' template features down in their vectors.
func (c *Clusterer) countOutlets(docs []Doc, items []item) {
	if c.cfg.TemplateMin <= 0 {
		return
	}
	var idx []int
	for i := range docs {
		if docs[i].Outlet != "" && items[i].day != noDay {
			idx = append(idx, i)
		}
	}
	if c.outlets == nil {
		if len(idx) == 0 {
			return
		}
		c.outlets = newOutlets()
	}
	c.outlets.expire(c.horizon, &c.cfg)
	c.logExpire(len(idx))
	if len(idx) == 0 {
		return
	}
	slices.SortFunc(idx, func(a, b int) int {
		return cmp.Or(cmp.Compare(items[a].day, items[b].day), cmp.Compare(items[a].id, items[b].id))
	})
	for _, i := range idx {
		feats := c.outlets.add(docs[i].Outlet, items[i].day, items[i].v, &c.cfg)
		c.logAdd(docs[i].Outlet, items[i].day, feats)
	}
	tmpl := make(map[string]map[uint64]bool)
	k := float32(c.cfg.TemplateWeight)
	for _, i := range idx {
		t, ok := tmpl[docs[i].Outlet]
		if !ok {
			t = c.outlets.template(docs[i].Outlet, &c.cfg)
			tmpl[docs[i].Outlet] = t
		}
		if t != nil {
			discount(items[i].v, t, k)
		}
	}
}
