package compare

import (
	"slices"
	"strings"

	"github.com/parallax-news/parallax/internal/model"
)

// quoteUnit is a quote as an alignment unit.
type quoteUnit struct {
	q       model.Quote
	speaker string // canonical
}

// quotes groups the quotes of different articles that render one
// statement of one speaker, and diffs each rendering against the first.
func (c *comparer) quotes(out *model.Comparison) {
	var units []unit
	var qs []quoteUnit
	for di, d := range c.docs {
		text := d.Article.Text
		for _, q := range d.Analysis.Quotes {
			if q.Start < 0 || q.End > len(text) || q.Start >= q.End {
				continue
			}
			for _, sp := range c.quotePieces(d, q.Span) {
				fs := c.features(d, sp)
				if len(fs) < minFeatures {
					continue
				}
				units = append(units, unit{doc: di, span: sp, feats: fs, sent: d.sentenceOf(sp.Start), people: c.people(d, sp)})
				qs = append(qs, quoteUnit{q: q, speaker: c.corpus.Canonical(q.Speaker)})
			}
		}
	}
	w := weights(units, len(c.feats.ids))
	sameSpeaker := func(i, j int) bool {
		a, b := qs[i].speaker, qs[j].speaker
		return a == "" || b == "" || strings.EqualFold(a, b)
	}
	out.Quotes = []model.QuoteGroup{}
	for _, g := range align(units, w, c.feats.isEntities(), quoteThreshold, quoteSim, sameSpeaker) {
		docs := map[int]bool{}
		for _, ui := range g {
			docs[units[ui].doc] = true
		}
		if len(docs) < 2 {
			continue
		}
		qg := model.QuoteGroup{Speaker: groupSpeaker(qs, g), Changes: []model.QuoteChange{}}
		for _, ui := range g {
			u, q := units[ui], qs[ui].q
			qg.Renderings = append(qg.Renderings, model.QuoteRendering{Rendering: c.rendering(c.docs[u.doc], u.span), Kind: q.Kind, Cue: q.Cue})
		}
		first := qg.Renderings[0]
		for _, r := range qg.Renderings[1:] {
			diff, flags := diffWords(first.Text, r.Text)
			qg.Changes = append(qg.Changes, model.QuoteChange{From: first.ID, To: r.ID, Diff: diff, Flags: flags})
		}
		out.Quotes = append(out.Quotes, qg)
	}
	slices.SortStableFunc(out.Quotes, func(a, b model.QuoteGroup) int { return len(b.Renderings) - len(a.Renderings) })
}

// quotePieces cuts a quote at its sentence ends: outlets quote a statement
// a sentence at a time, one the first sentence, another the second, so
// each sentence of a quote is aligned on its own. A piece with fewer than
// minFeatures features stays with the piece before it.
func (c *comparer) quotePieces(d *doc, q model.Span) []model.Span {
	var out []model.Span
	for si := d.sentenceOf(q.Start); si < len(d.sents) && d.sents[si].Start < q.End; si++ {
		s := d.sents[si]
		p := model.Span{Start: max(q.Start, s.Start), End: min(q.End, s.End)}
		if p.End <= p.Start {
			continue
		}
		if n := len(out); n > 0 && (len(c.features(d, p)) < minFeatures || len(c.features(d, out[n-1])) < minFeatures) {
			out[n-1].End = p.End
			continue
		}
		out = append(out, p)
	}
	if len(out) == 0 {
		out = append(out, q)
	}
	return out
}

// groupSpeaker returns the speaker most of a group's quotes name.
func groupSpeaker(qs []quoteUnit, g []int) string {
	count := map[string]int{}
	best := ""
	for _, ui := range g {
		s := qs[ui].speaker
		if s == "" {
			continue
		}
		count[s]++
		if count[s] > count[best] || count[s] == count[best] && s < best {
			best = s
		}
	}
	return best
}

// framing lists, per speaker quoted by at least two outlets, the reporting
// verbs each outlet uses.
func (c *comparer) framing(out *model.Comparison) {
	type key struct{ speaker, outlet string }
	cues := map[key][]string{}
	outletsOf := map[string][]string{}
	var speakers []string
	for _, d := range c.docs {
		for _, q := range d.Analysis.Quotes {
			s := c.corpus.Canonical(q.Speaker)
			cue := strings.ToLower(strings.TrimSpace(q.Cue))
			if s == "" || cue == "" {
				continue
			}
			k := key{s, d.outlet}
			if _, ok := outletsOf[s]; !ok {
				speakers = append(speakers, s)
			}
			if !slices.Contains(outletsOf[s], d.outlet) {
				outletsOf[s] = append(outletsOf[s], d.outlet)
			}
			if !slices.Contains(cues[k], cue) {
				cues[k] = append(cues[k], cue)
			}
		}
	}
	out.Framing = []model.Framing{}
	for _, s := range speakers {
		if len(outletsOf[s]) < 2 {
			continue
		}
		f := model.Framing{Speaker: s}
		for _, o := range outletsOf[s] {
			f.Outlets = append(f.Outlets, model.OutletFraming{Outlet: o, Cues: cues[key{s, o}]})
		}
		out.Framing = append(out.Framing, f)
	}
}
