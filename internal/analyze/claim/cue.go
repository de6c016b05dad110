// Stance cues: verbs ("deny", "accuse"), passives ("was accused by"), and
// words that brand a claim false ("baseless").

package claim

import (
	"strings"

	"github.com/parallax-news/parallax/internal/model"
	tk "github.com/parallax-news/parallax/internal/tokenize"
)

// verbCue handles the cue a.toks[i:j] of class cls.
func (a *analysis) verbCue(s sentRange, cu cue) {
	t := a.toks[cu.i]
	stance := model.Assert
	switch cu.cls {
	case vDeny:
		stance = model.Deny
	case vAdmit:
		stance = model.Admit
	}
	if a.negated(s.lo, cu.i) {
		if cu.cls != vDeny {
			return
		}
		stance = model.NotDenied
	}
	// Nouns and adjectives that share a form with a cue verb.
	if prev := a.prevWord(s.lo, cu.i); prev >= 0 {
		pw := a.toks[prev].w
		if (t.w == "claim" || t.w == "claims" || t.w == "warning" || t.w == "report" || t.w == "charge" ||
			t.w == "charges" || t.w == "denial") && !a.subjectLike(prev) {
			return
		}
		if determiner(pw) && prev == cu.i-1 {
			return // "the alleged attack", "a warning"
		}
		if beForm(pw) && strings.HasSuffix(t.w, "ed") {
			a.passiveCue(s, cu, stance)
			return
		}
	}
	if (t.w == "claim" || t.w == "claims") && cu.i == s.lo {
		return
	}
	c := cand{sent: a.sents[s.i], pos: int(t.s), stance: stance}
	h, ok := a.subject(s, cu.i)
	inverted := false
	if !ok && cu.i > s.lo && (a.toks[cu.i-1].p == pComma || a.toks[cu.i-1].p == pClose) {
		h, ok = a.holderRight(s, cu.j)
		inverted = ok
		h.start = cu.i
	}
	if !ok && cu.i > s.lo && a.toks[cu.i-1].p == pComma && strings.HasSuffix(t.w, "ing") {
		// a participle after the main clause takes its subject: "Dana
		// Holt blasted the owners, claiming they ignored warnings"
		h, ok = a.clauseSubject(s, cu.i)
		h.start = cu.i
		if ok && a.deniedInSentence(s.i, h.keys) {
			// "rejected the allegations, noting that it had sent
			// none": the participle only backs the denial
			return
		}
	}
	if !ok {
		return
	}
	hs, person := h.keys, h.person
	c.holders, c.person = hs, person

	propFrom, propEnd := a.complement(s, cu, &c, h, inverted)
	if propEnd > propFrom && c.prop == "" {
		// "had received information indicating that X": the claim is X
		for m := propFrom; m+1 < propEnd; m++ {
			switch a.toks[m].w {
			case "indicating", "showing", "suggesting", "proving":
				if a.toks[m+1].w == "that" && propEnd > m+2 {
					propFrom = m + 2
				}
			}
		}
		c.prop = a.span(propFrom, propEnd)
	}
	if c.prop == "" && !c.anaphor {
		return
	}
	if propEnd > propFrom && c.prop != "" {
		c.prop = a.subjectPronoun(c.prop, hs, person)
		if stance != model.Assert || cu.cls == vSay {
			qual, limited := a.qualifier(propFrom, propEnd, s.hi)
			if cu.cls == vSay && limited {
				c.stance = model.Admit
			}
			if c.stance != model.Assert {
				c.qual = qual
			}
		}
		// asserting that no X happened is denying that X happened:
		// "insisting that no warning had been ignored"
		if c.stance == model.Assert && (a.toks[propFrom].isWord() && negativeDeterminer(a.toks[propFrom].w) || a.negatedClause(propFrom, propEnd)) {
			c.stance = model.Deny
		}
	}
	a.cands = append(a.cands, c)
}

// negatedClause reports whether the clause toks[from:end] negates its
// verb right after a short subject: "the company had not known",
// "Velden never tested". Asserting it denies the clause without the
// negation.
func (a *analysis) negatedClause(from, end int) bool {
	for m := from; m < end && m-from < 6; m++ {
		t := a.toks[m]
		if t.p == pPoss {
			continue
		}
		if !t.isWord() {
			return false
		}
		if m > from && (t.w == "never" || auxiliary(t.w) && m+1 < end && (a.toks[m+1].w == "not" || a.toks[m+1].w == "n't" || a.toks[m+1].w == "never")) {
			return true
		}
		if m > from && (auxiliary(t.w) || verbClassOf(t.w) || npStop(t.w)) {
			return false
		}
	}
	return false
}

// negativeDeterminer reports the words that open a noun phrase denying
// what the clause says of it ("no warning", "none of the money").
func negativeDeterminer(w string) bool {
	switch w {
	case "no", "none", "nothing", "nobody", "neither":
		return true
	}
	return false
}

// complement finds the proposition of the cue cu whose holder is h: it sets
// c.prop (or c.anaphor) directly, or returns the token range
// [propFrom, propEnd) of a clause to take it from. inverted tells that the
// holder follows the cue ("…, said the spokesman").
func (a *analysis) complement(s sentRange, cu cue, c *cand, h holder, inverted bool) (propFrom, propEnd int) {
	propEnd = -1
	k := a.skipAdjuncts(cu.j, s.hi)
	switch {
	case cu.cls == vSay && (inverted || h.start > s.lo && a.toks[h.start-1].p == pClose):
		// "“…,” Shaaban said" or "…, said the spokesman"
		q := h.start - 1
		if inverted {
			q = cu.i - 1
			if a.toks[q].p == pComma && q-1 >= s.lo && a.toks[q-1].p == pClose {
				q--
			}
		}
		if a.toks[q].p == pClose && a.match[q] >= 0 && int(a.match[q]) >= s.lo {
			c.prop = a.span(int(a.match[q])+1, q)
		} else if inverted {
			c.prop = a.span(s.lo, q)
		}
	case k < s.hi && a.toks[k].w == "that":
		propFrom = k + 1
		propEnd = a.clauseEnd(propFrom, s.hi)
	case cu.cls == vSay:
		if k < s.hi && (a.toks[k].p == pColon || a.toks[k].p == pComma) && k+1 < s.hi && a.toks[k+1].p == pOpen {
			k++
		}
		if k < s.hi && a.toks[k].p == pOpen && a.match[k] > int32(k) {
			c.prop = a.span(k+1, int(a.match[k]))
			break
		}
		if cu.lemma == "tell" || cu.lemma == "warn" {
			if m := a.findWord(k, s.hi, 6, "that"); m > 0 {
				propFrom = m + 1
				propEnd = a.clauseEnd(propFrom, s.hi)
			}
			break
		}
		if k >= s.hi || !a.toks[k].isWord() {
			break
		}
		if cu.needThat {
			// "insisted the company had not known": only a clause
			// with a subject and an auxiliary
			if w := a.toks[k]; (determiner(w.w) || a.mentAt[k] >= 0 || pronoun(w.w) != prNone) && a.bareClause(k, s.hi) {
				propFrom = k
				propEnd = a.clauseEnd(k, s.hi)
			}
			break
		}
		if w := a.toks[k]; w.up || pronoun(w.w) != prNone || determiner(w.w) || a.mentAt[k] >= 0 || a.bareClause(k, s.hi) {
			propFrom = k
			propEnd = a.clauseEnd(k, s.hi)
		}
	case cu.lemma == "accuse" || cu.lemma == "warn":
		if k < s.hi && a.toks[k].w == "of" {
			propFrom = k + 1
			propEnd = a.clauseEnd(propFrom, s.hi)
			break
		}
		if m := a.findWord(k, s.hi, 8, "of", "that", "over", "for"); m > 0 {
			obj := a.span(k, m)
			end := a.clauseEnd(m+1, s.hi)
			if end > m+1 {
				c.prop = obj + " " + a.span(m+1, end)
				propFrom, propEnd = m+1, end
				if a.toks[m].w == "that" {
					c.prop = a.span(m+1, end)
				}
			}
		}
	case cu.cls == vAssert && cu.lemma != "concern" && cu.needThat:
		// "insisted the company had not known": a clause without "that"
		if k < s.hi && a.toks[k].isWord() && (determiner(a.toks[k].w) || a.mentAt[k] >= 0) && a.bareClause(k, s.hi) {
			propFrom = k
			propEnd = a.clauseEnd(k, s.hi)
		}
	case cu.cls == vAssert:
		if k < s.hi && a.toks[k].isWord() {
			propFrom = k
			propEnd = a.clauseEnd(k, s.hi)
		}
	default: // deny, admit, not_denied
		if k >= s.hi || !a.toks[k].isWord() {
			// "…, which he did not deny": the antecedent clause
			if c.stance == model.NotDenied || c.stance == model.Deny {
				if p := a.relativeAntecedent(s.lo, h.start); p != "" {
					c.prop = p
				}
			}
			break
		}
		w := a.toks[k].w
		if n := a.claimNounAt(k, s.hi); n >= 0 {
			a.claimObject(s, c, k, n)
			propFrom = -1
			break
		}
		switch w {
		case "it", "this", "that", "them", "these", "those", "so":
			c.anaphor = true
		default:
			propFrom = k
			propEnd = a.clauseEnd(k, s.hi)
			if strings.HasSuffix(w, "ing") && len(h.keys) > 0 && !a.toks[k].up {
				c.prop = h.keys[0] + " " + a.span(k, propEnd)
			}
		}
	}
	return propFrom, propEnd
}

// bareClause reports whether a clause without "that" starts at token k
// with a plain noun phrase: a few words, then an auxiliary ("said
// teachers' wages had been cut", "said prices were rising").
func (a *analysis) bareClause(k, hi int) bool {
	for m := k; m < hi && m-k < 5; m++ {
		t := a.toks[m]
		if t.p == pPoss {
			continue
		}
		if !t.isWord() || verbClassOf(t.w) {
			return false
		}
		if m > k && auxiliary(t.w) {
			return true
		}
		if npStop(t.w) && m > k {
			return false
		}
	}
	return false
}

// auxiliary reports the auxiliary verbs that open a finite verb group.
func auxiliary(w string) bool {
	switch w {
	case "had", "has", "have", "was", "were", "is", "are", "will", "would", "could", "can", "should", "must", "might", "may":
		return true
	}
	return false
}

// deniedInSentence reports whether a holder in keys already denies
// something in sentence si.
func (a *analysis) deniedInSentence(si int, keys []string) bool {
	for k := len(a.cands) - 1; k >= 0 && a.cands[k].sent == a.sents[si]; k-- {
		c := a.cands[k]
		if c.stance != model.Deny && c.stance != model.NotDenied {
			continue
		}
		for _, h := range c.holders {
			for _, g := range keys {
				if h == g {
					return true
				}
			}
		}
	}
	return false
}

// clauseSubject returns the holder named first in the sentence before token
// i, when no verb comes before it: the subject of the sentence's main
// clause ("Furious union chief Dana Holt blasted …").
func (a *analysis) clauseSubject(s sentRange, i int) (holder, bool) {
	for k := s.lo; k < i && k-s.lo < 10; k++ {
		t := a.toks[k]
		if mi := a.mentAt[k]; mi >= 0 {
			e := k
			for e+1 < i && a.mentAt[e+1] == mi {
				e++
			}
			if e+1 < i && a.toks[e+1].p == pPoss {
				return holder{start: i}, false // "Holt's owners": not the subject
			}
			if k == s.lo && e == k && tk.AllCaps(a.text[t.s:t.e]) && e+1 < i && a.toks[e+1].isWord() && !a.toks[e+1].up {
				continue // a tabloid's capitalised first word ("FURIOUS teachers")
			}
			return a.mentionHolder(s, e, mi)
		}
		if t.p == pPoss {
			continue // "Drivers' champion Dana Holt"
		}
		if !t.isWord() || verbClassOf(t.w) || !t.up && strings.HasSuffix(t.w, "ed") {
			break
		}
	}
	return holder{start: i}, false
}

// passiveCue handles "X was accused by Y of Z": the holder is the agent.
func (a *analysis) passiveCue(s sentRange, cu cue, stance model.Stance) {
	by := a.findWord(cu.j, s.hi, 6, "by")
	if by < 0 || by+1 >= s.hi {
		return
	}
	end := by + 1
	for end < s.hi && end-by < 8 && a.toks[end].isWord() && !(end > by+1 && npStop(a.toks[end].w)) {
		end++
	}
	agent, ok := a.holderAt(sentRange{i: s.i, lo: by + 1, hi: s.hi}, end-1)
	if !ok {
		return
	}
	c := cand{sent: a.sents[s.i], pos: int(a.toks[cu.i].s), stance: stance, holders: agent.keys, person: agent.person}
	// the patient is the subject before the verb
	subj := ""
	if p, ok := a.subject(s, cu.i); ok && len(p.keys) > 0 {
		subj = p.keys[0]
	}
	k := end
	if k < s.hi && (a.toks[k].w == "of" || a.toks[k].w == "that") {
		k++
	}
	pe := a.clauseEnd(k, s.hi)
	if pe <= k {
		return
	}
	c.prop = a.span(k, pe)
	if subj != "" && a.toks[k-1].w == "of" {
		c.prop = subj + " " + c.prop
	}
	a.cands = append(a.cands, c)
}

// nominalDeny handles a sentence whose denial is carried by a word such as
// "baseless" or "propaganda": the holder is the sentence's speaker, the
// proposition an earlier claim.
func (a *analysis) nominalDeny(s sentRange, at int) {
	var h holder
	ok := false
	for i := s.lo; i < s.hi && !ok; i++ {
		if cls, _, _ := verbClass(a.toks[i].w); cls == vSay || cls == vAssert || a.toks[i].w == "considered" ||
			a.toks[i].w == "called" || a.toks[i].w == "described" {
			if claimNoun(a.toks[i].w) {
				// "their baseless political claims": a noun, not a verb
				if p := a.prevWord(s.lo, i); p < 0 || !a.subjectLike(p) {
					continue
				}
			}
			h, ok = a.subject(s, i)
			if !ok && i > s.lo && (a.toks[i-1].p == pComma || a.toks[i-1].p == pClose) {
				h, ok = a.holderRight(s, i+1)
			}
		}
	}
	if !ok {
		return
	}
	c := cand{sent: a.sents[s.i], pos: int(a.toks[at].s), stance: model.Deny, holders: h.keys, person: h.person, anaphor: true}
	// "Burns' allegations are baseless"
	for i := s.lo; i < s.hi; i++ {
		if claimNoun(a.toks[i].w) && i-1 > s.lo && a.toks[i-1].p == pPoss {
			if owner, ok := a.holderAt(s, i-2); ok && len(owner.keys) > 0 {
				c.hint = owner.keys[0]
			}
			break
		}
	}
	a.cands = append(a.cands, c)
}

// negated reports whether the verb at i is negated ("did not deny",
// "declined to deny", "stopped short of denying", "neither confirm nor deny").
func (a *analysis) negated(lo, i int) bool {
	for k, n := i-1, 0; k >= lo && n < 4; k, n = k-1, n+1 {
		t := a.toks[k]
		if !t.isWord() {
			return false
		}
		switch {
		case negation(t.w):
			return true
		case t.w == "to":
			return k-1 >= lo && refusal(a.toks[k-1].w)
		case t.w == "of":
			return k-1 >= lo && a.toks[k-1].w == "short"
		case skippable(t.w):
			continue
		default:
			return false
		}
	}
	return false
}

// prevWord returns the index of the nearest word before i that is not an
// adverb, or -1.
func (a *analysis) prevWord(lo, i int) int {
	for k := i - 1; k >= lo; k-- {
		t := a.toks[k]
		if !t.isWord() {
			if t.p == pPoss {
				return k
			}
			return -1
		}
		if isAdverb(t.w) || t.w == "also" || t.w == "not" || t.w == "n't" || t.w == "never" {
			continue
		}
		return k
	}
	return -1
}

// subjectLike reports whether the token at k can end a subject.
func (a *analysis) subjectLike(k int) bool {
	t := a.toks[k]
	if a.mentAt[k] >= 0 || pronoun(t.w) != prNone || t.w == "who" {
		return true
	}
	if t.p == pWord && t.up {
		return true
	}
	return roleNoun(t.w) || orgNoun(t.w) || strings.HasSuffix(t.w, "ies") || t.w == "officials" || t.w == "countries"
}

func weekday(w string) bool {
	switch w {
	case "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday", "today", "tonight":
		return true
	}
	return false
}

// findWord returns the index of the first of words within n tokens from k,
// not crossing a punctuation mark other than quotes and parentheses, or -1.
func (a *analysis) findWord(k, hi, n int, words ...string) int {
	for m := k; m < hi && m-k < n; m++ {
		t := a.toks[m]
		if !t.isWord() {
			if t.p == pOpen || t.p == pClose || t.p == pParenL || t.p == pParenR || t.p == pPoss {
				continue
			}
			return -1
		}
		for _, w := range words {
			if t.w == w {
				return m
			}
		}
		if m > k {
			if cls, _, _ := verbClass(t.w); cls != vNone {
				return -1
			}
		}
	}
	return -1
}

func verbClassOf(w string) bool {
	cls, _, _ := verbClass(w)
	return cls != vNone
}
