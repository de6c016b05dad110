package entity

import (
	"sort"
	"strings"

	"github.com/parallax-news/parallax/internal/model"
)

// fullName is a multi-word person name found in the article.
type fullName struct {
	ci    int      // candidate index
	keys  []string // phonetic key of each word
	group int      // index of the group's representative fullName
}

func (f *finder) candText(c *cand) string {
	if c.be > 0 {
		return f.text[c.bs:c.be]
	}
	return f.text[f.toks[c.a].s:f.toks[c.b-1].e]
}

// subseq reports whether the words of short appear in long in order, with
// the same last word.
func subseq(short, long []string) bool {
	if len(short) > len(long) || short[len(short)-1] != long[len(long)-1] {
		return false
	}
	j := 0
	for _, w := range long {
		if j < len(short) && (w == short[j] || (len(short[j]) == 1 && w[0] == short[j][0])) {
			j++
		}
	}
	return j == len(short)
}

// fold folds candidates within the article: surname-only mentions join the
// full name, spelling variants share a key, acronyms join their expansion.
func (f *finder) fold() {
	if !sort.SliceIsSorted(f.cands, func(i, j int) bool { return f.cands[i].a < f.cands[j].a }) {
		f.sortCands()
	}
	cs := f.cands
	// full person names
	var full []fullName
	for i := range cs {
		c := &cs[i]
		if (c.typ == model.Person || c.maybePerson) && c.b-c.a >= 2 {
			words := strings.Fields(phoneticKey(f.candText(c)))
			if len(words) < 2 {
				continue
			}
			full = append(full, fullName{ci: i, keys: words, group: len(full)})
		}
	}
	// group variants: same key, or one name a sub-sequence of another
	for i := range full {
		for j := 0; j < i; j++ {
			if full[j].group != j {
				continue
			}
			if subseq(full[i].keys, full[j].keys) || subseq(full[j].keys, full[i].keys) {
				full[i].group = j
				if len(full[i].keys) > len(full[j].keys) {
					// the longer name becomes the representative
					for k := 0; k <= i; k++ {
						if full[k].group == j {
							full[k].group = i
						}
					}
				}
				break
			}
		}
	}
	for i := range full {
		rep := &full[full[i].group]
		cs[full[i].ci].key = f.candText(&cs[rep.ci])
	}
	// acronyms defined in brackets: "Central Intelligence Agency (CIA)"
	var acr map[string]string
	for i := 1; i < len(cs); i++ {
		c := &cs[i]
		t := &f.toks[c.a]
		if c.b-c.a != 1 || !t.upper || t.s == 0 || t.e >= len(f.text) || f.text[t.s-1] != '(' || f.text[t.e] != ')' {
			continue
		}
		p := &cs[i-1]
		if p.typ != model.Organization && p.typ != model.Other {
			continue
		}
		pe := f.toks[p.b-1].e
		if !onlySpace(f.text, pe, t.s-1) {
			continue
		}
		if acr == nil {
			acr = map[string]string{}
		}
		pk := p.key
		if pk == "" {
			pk = f.candText(p)
		}
		acr[t.text] = pk
		p.typ = model.Organization
	}
	// single words
	for i := range cs {
		c := &cs[i]
		if c.gaz || c.b-c.a != 1 || c.be > 0 {
			continue
		}
		t := &f.toks[c.a]
		if c.typ == model.Person && c.key != "" {
			continue
		}
		pk := phoneticKey(t.text)
		c.pk = pk
		if best := f.nearestFull(full, pk, c.a); best >= 0 && f.surnameOK(c, t, &cs[full[best].ci]) {
			c.typ = model.Person
			g := full[best].group
			c.key = f.candText(&cs[full[g].ci])
			c.weak, c.titleOnly = false, false
			for k := range full {
				if full[k].group == g {
					fc := &cs[full[k].ci]
					if fc.maybePerson {
						fc.typ, fc.maybePerson = model.Person, false
					}
				}
			}
			continue
		}
		if t.upper {
			if k, ok := acr[t.text]; ok {
				c.key, c.typ, c.weak, c.titleOnly = k, model.Organization, false, false
				continue
			}
			if k := f.expansion(t.text); k != "" {
				c.key, c.typ, c.weak, c.titleOnly = k, model.Organization, false, false
				continue
			}
		}
	}
	// words confirmed elsewhere in the article: firmly (known) or as an
	// unknown capitalised word in mid-sentence (seen)
	var known, seen map[string]int
	for i := range cs {
		c := &cs[i]
		if c.titleOnly || c.gaz || c.b-c.a != 1 {
			continue
		}
		if c.weak {
			if !f.toks[c.a].sent && !f.toks[c.a].lower {
				if seen == nil {
					seen = map[string]int{}
				}
				seen[f.candKey(c)] = i
			}
			continue
		}
		if known == nil {
			known = map[string]int{}
		}
		known[f.candKey(c)] = i
	}
	for i := range cs {
		c := &cs[i]
		if !c.weak && !c.titleOnly {
			continue
		}
		if k, ok := known[f.candKey(c)]; ok && (!f.toks[c.a].lower || cs[k].typ == model.Person) {
			c.typ, c.key, c.weak, c.titleOnly = cs[k].typ, cs[k].key, false, false
			continue
		}
		if k, ok := seen[f.candKey(c)]; ok && c.titleOnly && !f.toks[c.a].lower {
			// a sentence-initial word also capitalised mid-sentence
			c.typ, c.titleOnly = cs[k].typ, false
		}
		if c.titleOnly {
			c.drop = true
			continue
		}
		// a common word written in lower case elsewhere is no name
		low := f.toks[c.a].low
		if c.b-c.a == 1 && f.lowerElsewhere(low) {
			c.drop = true
		}
	}
	// keys
	for i := range cs {
		c := &cs[i]
		if c.key == "" {
			k := f.candText(c)
			if f.toks[c.a].lower {
				k = titleCase(k)
			}
			c.key = k
		}
	}
}

// candKey returns the phonetic key of a one-word candidate, computed once.
func (f *finder) candKey(c *cand) string {
	if c.pk == "" {
		c.pk = phoneticKey(f.candText(c))
	}
	return c.pk
}

// surnameOK reports whether the single word t of candidate c may join the
// full name fc by surname: it must be spelt the same up to case, diacritics,
// apostrophes and doubled letters, and lower-case words join only names
// known to be people.
func (f *finder) surnameOK(c *cand, t *token, fc *cand) bool {
	if t.lower && fc.maybePerson {
		return false
	}
	return lightKey(f.toks[fc.b-1].text) == lightKey(t.text)
}

// nearestFull returns the index in full of the person whose surname has
// phonetic key pk, nearest before token at (or after it when none is
// before), or -1.
func (f *finder) nearestFull(full []fullName, pk string, at int) int {
	best, bestD := -1, 1<<30
	for i := range full {
		ks := full[i].keys
		last := ks[len(ks)-1]
		if last != pk {
			continue
		}
		d := at - f.cands[full[i].ci].a
		if d < 0 {
			d = -d + 1<<20 // prefer names written before
		}
		if d < bestD {
			best, bestD = i, d
		}
	}
	return best
}

// expansion returns the key of the unique organisation candidate whose
// initials spell acronym, or "".
func (f *finder) expansion(acronym string) string {
	found := ""
	for i := range f.cands {
		c := &f.cands[i]
		if c.b-c.a < 2 || c.typ != model.Organization || len(acronym) < 3 {
			continue
		}
		name := c.key
		if name == "" {
			name = f.candText(c)
		}
		if initials(name) == acronym {
			if found != "" && found != name {
				return ""
			}
			found = name
		}
	}
	return found
}

// lowerElsewhere reports whether word w occurs in lower case in the text.
func (f *finder) lowerElsewhere(w string) bool {
	for i := range f.toks {
		if f.toks[i].lower && f.toks[i].low == w {
			return true
		}
	}
	return false
}

// mentions converts the surviving candidates.
func (f *finder) mentions() []model.Mention {
	n := 0
	for i := range f.cands {
		if !f.cands[i].drop {
			n++
		}
	}
	out := make([]model.Mention, 0, n)
	for i := range f.cands {
		c := &f.cands[i]
		if c.drop {
			continue
		}
		s, e := f.toks[c.a].s, f.toks[c.b-1].e
		if c.be > 0 {
			s, e = c.bs, c.be
		}
		out = append(out, model.Mention{Span: model.Span{Start: s, End: e}, Text: f.text[s:e], Type: c.typ, Role: c.role, Key: c.key})
	}
	if !sort.SliceIsSorted(out, func(i, j int) bool { return out[i].Start < out[j].Start }) {
		sort.SliceStable(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	}
	w := 0
	for _, m := range out {
		if w > 0 && m.Start < out[w-1].End {
			continue
		}
		out[w] = m
		w++
	}
	return out[:w]
}
