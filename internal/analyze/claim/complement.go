// Complements: the proposition a cue puts forward (a that-clause, "accuse
// X of Y", a claim noun with its content) and its qualifier.

package claim

import (
	"strings"

	"github.com/parallax-news/parallax/internal/model"
)

// claimObject handles a deny/admit/not_denied cue whose object is a claim
// noun at n (the object starting at k): "denied claims that X", "rejected
// the allegations", "dismissed claims by Y accusing Z of W".
func (a *analysis) claimObject(s sentRange, c *cand, k, n int) {
	// possessive owner: "Burns’ allegations", "Washington's claims"
	for m := k; m < n; m++ {
		if a.toks[m].p == pPoss && m > k-1 && m-1 >= s.lo {
			if h, ok := a.holderAt(s, m-1); ok && len(h.keys) > 0 {
				c.hint = h.keys[0]
			}
		}
	}
	m := n + 1
	if m >= s.hi || !a.toks[m].isWord() {
		c.anaphor = true
		return
	}
	switch a.toks[m].w {
	case "that", "of", "about", "over", "regarding", "on":
		end := a.clauseEnd(m+1, s.hi)
		if end > m+1 {
			c.prop = a.span(m+1, end)
			c.prop = a.subjectPronoun(c.prop, c.holders, c.person)
			if c.stance != model.Assert {
				c.qual, _ = a.qualifier(m+1, end, s.hi)
			}
			return
		}
	case "by", "from":
		// nested assertion: "claims by Y accusing Z of W"
		p := -1
		for q := m + 1; q < s.hi && q-m < 14; q++ {
			w := a.toks[q]
			if w.p == pComma || w.p == pEnd || w.p == pSemi {
				break
			}
			if cls, lemma, _ := verbClass(w.w); cls == vAssert || cls == vSay || w.w == "that" {
				_ = lemma
				p = q
				break
			}
		}
		if p > m+1 {
			h, ok := a.holderAt(sentRange{i: s.i, lo: m + 1, hi: s.hi}, p-1)
			if ok && len(h.keys) > 0 {
				c.hint = h.keys[0]
			}
			before := len(a.cands)
			if a.toks[p].w == "that" {
				end := a.clauseEnd(p+1, s.hi)
				if end > p+1 {
					c.prop = a.span(p+1, end)
					if ok {
						a.cands = append(a.cands, cand{sent: c.sent, pos: int(a.toks[p].s), stance: model.Assert, holders: h.keys, person: h.person, prop: c.prop})
					}
					return
				}
			} else {
				cls, lemma, needThat := verbClass(a.toks[p].w)
				a.verbCue(s, cue{i: p, j: p + 1, cls: cls, lemma: lemma, needThat: needThat})
			}
			if len(a.cands) > before {
				c.prop = a.cands[len(a.cands)-1].prop
				if !ok {
					a.cands = a.cands[:before]
				}
				return
			}
		}
	default:
		if cls, _, _ := verbClass(a.toks[m].w); cls == vAssert {
			// "claims accusing Z of W"
			before := len(a.cands)
			a.verbCue(s, cue{i: m, j: m + 1, cls: vAssert, lemma: "accuse"})
			if len(a.cands) > before {
				c.prop = a.cands[len(a.cands)-1].prop
				return
			}
		}
	}
	c.anaphor = true
}

// skipAdjuncts skips adverbs and short time or place phrases after a verb
// when a that-clause follows ("said on Sunday that", "acknowledged in
// November that"). It returns the index of the next significant token.
func (a *analysis) skipAdjuncts(k, hi int) int {
	for k < hi && a.toks[k].isWord() && (isAdverb(a.toks[k].w) || a.toks[k].w == "also" || weekday(a.toks[k].w)) {
		k++
	}
	if k < hi && a.toks[k].isWord() {
		switch a.toks[k].w {
		case "on", "in", "at", "during", "last", "this", "earlier", "late", "to", "through", "via", "with", "before":
			if m := a.findWord(k, hi, 7, "that"); m > 0 {
				return m
			}
		case "the", "a":
			// "affirmed the day before that", "said a week ago that"
			if k+1 < hi && timeUnit(a.toks[k+1].w) {
				if m := a.findWord(k, hi, 5, "that"); m > 0 {
					return m
				}
			}
		}
	}
	return k
}

// claimNounAt returns the index of a claim noun heading the object noun
// phrase that starts at k ("the allegations", "Burns’ allegations",
// "recent claims"), or -1.
func (a *analysis) claimNounAt(k, hi int) int {
	for m := k; m < hi && m-k < 6; m++ {
		t := a.toks[m]
		if t.p == pPoss {
			continue
		}
		if !t.isWord() {
			return -1
		}
		if claimNoun(t.w) {
			// "report of", "reports that": the noun must end the phrase
			if m+1 < hi && a.toks[m+1].isWord() && claimNoun(a.toks[m+1].w) {
				continue
			}
			return m
		}
		if m > k && (npStop(t.w) || verbClassOf(t.w)) {
			return -1
		}
	}
	return -1
}

// clauseEnd returns the end (exclusive) of the clause starting at k.
func (a *analysis) clauseEnd(k, hi int) int {
	if k >= hi {
		return k
	}
	q := a.inQuote[k]
	if a.toks[k].p == pOpen {
		q = -1
	}
	for m := k; m < hi; m++ {
		t := a.toks[m]
		switch t.p {
		case pSemi, pColon:
			return m
		case pEnd:
			if t.w == "." || m+1 >= hi {
				return m
			}
		case pClose:
			if q >= 0 && a.match[m] == q {
				return m
			}
		case pComma:
			if m+1 < hi {
				n := a.toks[m+1]
				if n.isWord() && clauseCut(n.w) {
					return m
				}
				if n.p == pClose && q < 0 && m+2 < hi && a.toks[m+2].isWord() {
					return m
				}
			}
		case pWord:
			if m > k && (t.w == "but" || t.w == "whereas") {
				return m
			}
			if m > k && t.w == "and" && a.andStartsClause(m, hi) {
				return m
			}
		}
	}
	return hi
}

// andStartsClause reports whether the "and" at m joins a new clause
// rather than two words of one: a second that-clause ("said X and that
// Y"), a second cue of the holder ("denied X and recalled that Y"), a new
// subject after a comma (", and her officials are preparing …") or a second
// predicate after a comma (", and promised an inquiry").
func (a *analysis) andStartsClause(m, hi int) bool {
	if m+1 >= hi || !a.toks[m+1].isWord() {
		return false
	}
	n := a.toks[m+1]
	if n.w == "that" || verbClassOf(n.w) && !claimNoun(n.w) {
		return true
	}
	if strings.HasSuffix(n.w, "ed") && m+2 < hi && a.toks[m+2].w == "that" {
		return true // "… and recalled that …"
	}
	if a.toks[m-1].p != pComma || n.up {
		return false
	}
	return possDet(n.w) || pronoun(n.w) != prNone || len(n.w) > 4 && strings.HasSuffix(n.w, "ed")
}

// qualifier extracts the qualifier of an admission or denial whose
// proposition is toks[from:end]: a limiting phrase inside it ("a limited
// number", "months before the war") and a clause after it ("but …",
// "stressing that …"). limited reports a quantity limiter, which turns a
// plain statement into an admission.
func (a *analysis) qualifier(from, end, hi int) (string, bool) {
	var parts []string
	limited := false
	for m := from; m < end; m++ {
		w := a.toks[m].w
		if w == "a" && m+2 < end && a.toks[m+2].isWord() {
			switch a.toks[m+1].w + " " + a.toks[m+2].w {
			case "limited number", "small number", "limited amount", "small amount", "limited quantity",
				"small quantity", "handful of", "tiny number", "few dozen":
				n := 3
				if a.toks[m+1].w == "handful" {
					n = 2
				}
				parts = append(parts, a.span(m, m+n))
				limited = true
				m += n - 1
				continue
			}
		}
		if w == "only" && m+1 < end {
			e := m + 1
			for e < end && e-m <= 4 && a.toks[e].isWord() && !npStop(a.toks[e].w) {
				e++
			}
			parts = append(parts, a.span(m, e))
			continue
		}
		if w == "before" || (w == "prior" && m+1 < end && a.toks[m+1].w == "to") {
			s := m
			for s-1 >= from && a.toks[s-1].isWord() && (timeUnit(a.toks[s-1].w) || isNumberWord(a.toks[s-1].w)) {
				s--
			}
			parts = append(parts, a.span(s, end))
			break
		}
	}
	// a qualifying clause after the proposition
	m := end
	if m < hi && a.toks[m].p == pComma {
		m++
	}
	if m < hi && a.toks[m].isWord() {
		lead := a.toks[m].w
		switch {
		case lead == "but" || lead == "although" || lead == "though":
			m++
			if m < hi && a.toks[m].isWord() && (verbClassOf(a.toks[m].w) || strings.HasSuffix(a.toks[m].w, "ed")) {
				m++
			}
			if m < hi && a.toks[m].w == "that" {
				m++
			}
			if q := a.narrow(m, a.clauseEnd(m, hi)); q != "" {
				parts = append(parts, q)
			}
		case qualifierLead(lead):
			m++
			if m < hi && a.toks[m].w == "that" {
				m++
			}
			if q := a.narrow(m, a.clauseEnd(m, hi)); q != "" {
				parts = append(parts, q)
			}
		case lead == "before" || lead == "only":
			if q := a.span(m, a.clauseEnd(m+1, hi)); q != "" {
				parts = append(parts, q)
			}
		}
	}
	return strings.Join(parts, ", "), limited
}

// narrow returns the limiting part of a qualifying clause ("before the
// offensive" in "these deliveries had taken place before the offensive"),
// or the whole clause.
func (a *analysis) narrow(from, end int) string {
	for m := from; m < end; m++ {
		if w := a.toks[m].w; limitWord(w) || w == "after" || w == "limited" {
			s := m
			for s-1 >= from && a.toks[s-1].isWord() && (timeUnit(a.toks[s-1].w) || isNumberWord(a.toks[s-1].w)) {
				s--
			}
			if w == "limited" && s-1 >= from && a.toks[s-1].w == "a" {
				s--
			}
			return a.span(s, end)
		}
	}
	return a.span(from, end)
}

func isNumberWord(w string) bool {
	if w == "" {
		return false
	}
	if w[0] >= '0' && w[0] <= '9' {
		return true
	}
	switch w {
	case "a", "few", "several", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "many", "some":
		return true
	}
	return false
}

// subjectPronoun replaces a leading pronoun of a proposition that refers to
// the holder ("it had supplied …" → "Tehran had supplied …").
func (a *analysis) subjectPronoun(prop string, hs []string, person bool) string {
	if len(hs) != 1 {
		return prop
	}
	sp := strings.IndexByte(prop, ' ')
	if sp <= 0 {
		return prop
	}
	switch strings.ToLower(prop[:sp]) {
	case "it":
		if person {
			return prop
		}
	case "he", "she":
		if !person {
			return prop
		}
	default:
		return prop
	}
	return hs[0] + prop[sp:]
}

func monthName(w string) bool {
	switch w {
	case "january", "february", "march", "april", "may", "june", "july", "august", "september",
		"october", "november", "december":
		return true
	}
	return false
}
