package compare

import (
	"fmt"
	"slices"

	"github.com/parallax-news/parallax/internal/model"
)

// clauseUnits returns the clauses of every article as alignment units;
// clauses with fewer than minFeatures features join the clause before them
// in their sentence (or after, for the first).
func (c *comparer) clauseUnits() []unit {
	var units []unit
	for di, d := range c.docs {
		text := d.Article.Text
		for si, s := range d.sents {
			var sent []unit
			for _, cl := range clauses(text, s.Start, s.End) {
				sent = append(sent, unit{doc: di, span: cl, sent: si})
			}
			sent = joinShort(c, d, sent)
			units = append(units, sent...)
		}
	}
	return units
}

// joinShort computes the features of a sentence's clauses and joins those
// too short to stand alone to a neighbour.
func joinShort(c *comparer, d *doc, cls []unit) []unit {
	feats := func(s model.Span) []int32 { return c.features(d, s) }
	var out []unit
	for _, u := range cls {
		u.feats = feats(u.span)
		u.people = c.people(d, u.span)
		if len(out) > 0 && (len(u.feats) < minFeatures || len(out[len(out)-1].feats) < minFeatures) {
			prev := &out[len(out)-1]
			prev.span.End = u.span.End
			prev.feats = feats(prev.span)
			prev.people = c.people(d, prev.span)
			continue
		}
		out = append(out, u)
	}
	if len(out) == 1 && len(out[0].feats) == 0 {
		return nil
	}
	return out
}

// facts aligns clauses across articles into facts, and lists each
// article's unique details and omissions.
func (c *comparer) facts(out *model.Comparison) {
	units := c.clauseUnits()
	w := weights(units, len(c.feats.ids))
	entity := c.feats.isEntities()
	c.clauses, c.clauseW, c.entity = units, w, entity
	groups := align(units, w, entity, factThreshold, clauseSim, nil)
	type scored struct {
		group   []int
		outlets []string
	}
	var fs []scored
	for _, g := range groups {
		fs = append(fs, scored{g, c.groupOutlets(units, g)})
	}
	// Most widely reported first, then in reading order.
	slices.SortStableFunc(fs, func(a, b scored) int { return len(b.outlets) - len(a.outlets) })
	c.factOf = map[[2]int][]string{}
	c.factIndex = make([]int, len(units))
	out.Facts = []model.Fact{}
	for k, f := range fs {
		id := fmt.Sprintf("f%d", k+1)
		fact := model.Fact{ID: id, Outlets: f.outlets, Coverage: c.coverageOf(len(f.outlets))}
		for _, ui := range f.group {
			u := units[ui]
			c.factIndex[ui] = k
			fact.Renderings = append(fact.Renderings, c.rendering(c.docs[u.doc], u.span))
			key := [2]int{u.doc, u.sent}
			if !slices.Contains(c.factOf[key], id) {
				c.factOf[key] = append(c.factOf[key], id)
			}
		}
		fact.Text = fact.Renderings[medoid(units, f.group, w, entity)].Text
		out.Facts = append(out.Facts, fact)
	}
	out.Unique, out.Omissions = c.uniqueAndOmitted(out.Facts)
}

// coverageOf names the coverage of a fact reported by n outlets.
func (c *comparer) coverageOf(n int) string {
	switch {
	case n >= len(c.outlets):
		return model.CoverageAll
	case n > 1:
		return model.CoverageSome
	}
	return model.CoverageOne
}

// groupOutlets lists the distinct outlets of a group's units.
func (c *comparer) groupOutlets(units []unit, g []int) []string {
	var outs []string
	for _, ui := range g {
		o := c.docs[units[ui].doc].outlet
		if !slices.Contains(outs, o) {
			outs = append(outs, o)
		}
	}
	return outs
}

// medoid returns the position in g of the unit most similar to the others.
func medoid(units []unit, g []int, w []float64, entity []bool) int {
	if len(g) <= 2 {
		return 0
	}
	best, bestSum := 0, -1.0
	for a, ui := range g {
		ta := total(units[ui].feats, w)
		sum := 0.0
		for _, uj := range g {
			if uj != ui {
				sum += similarity(units[ui].feats, units[uj].feats, w, entity, ta, total(units[uj].feats, w), clauseSim)
			}
		}
		if sum > bestSum {
			best, bestSum = a, sum
		}
	}
	return best
}

func total(fs []int32, w []float64) float64 {
	t := 0.0
	for _, f := range fs {
		t += w[f]
	}
	return t
}

// uniqueAndOmitted lists per article the facts only its outlet reports,
// and the facts reported by at least two other outlets and by more than
// half of them that its outlet leaves out.
func (c *comparer) uniqueAndOmitted(facts []model.Fact) (map[string][]string, map[string][]string) {
	unique, omitted := map[string][]string{}, map[string][]string{}
	for _, d := range c.docs {
		id := d.Article.ExternalID
		unique[id], omitted[id] = []string{}, []string{}
	}
	others := len(c.outlets) - 1
	for _, f := range facts {
		in := map[string]bool{}
		for _, r := range f.Renderings {
			in[r.ID] = true
		}
		for _, d := range c.docs {
			id := d.Article.ExternalID
			has := slices.Contains(f.Outlets, d.outlet)
			switch {
			case in[id] && len(f.Outlets) == 1 && others > 0:
				unique[id] = append(unique[id], f.ID)
			case !has && len(f.Outlets) >= 2 && 2*len(f.Outlets) > others:
				omitted[id] = append(omitted[id], f.ID)
			}
		}
	}
	return unique, omitted
}
