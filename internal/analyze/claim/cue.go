// Stance cues: verbs ("deny", "accuse"), passives ("was accused by"), and
// words that brand a claim false ("baseless").

package claim

import (
	"strings"

	"github.com/parallax-news/parallax/internal/model"
)

// verbCue handles the cue a.toks[i:j] of class cls.
func (a *analysis) verbCue(si, lo, hi, i, j, cls int, lemma string, needThat bool) {
	t := a.toks[i]
	stance := model.Assert
	switch cls {
	case vDeny:
		stance = model.Deny
	case vAdmit:
		stance = model.Admit
	}
	if a.negated(lo, i) {
		if cls != vDeny {
			return
		}
		stance = model.NotDenied
	}
	// Nouns and adjectives that share a form with a cue verb.
	if prev := a.prevWord(lo, i); prev >= 0 {
		pw := a.toks[prev].w
		if (t.w == "claim" || t.w == "claims" || t.w == "warning" || t.w == "report" || t.w == "charge" ||
			t.w == "charges" || t.w == "denial") && !a.subjectLike(prev) {
			return
		}
		if determiner(pw) && prev == i-1 {
			return // "the alleged attack", "a warning"
		}
		if beForm(pw) && strings.HasSuffix(t.w, "ed") {
			a.passiveCue(si, lo, hi, i, j, stance)
			return
		}
	}
	if (t.w == "claim" || t.w == "claims") && i == lo {
		return
	}
	c := cand{sent: a.sents[si], pos: int(t.s), stance: stance}
	hs, person, npStart, ok := a.subject(si, lo, i)
	inverted := false
	if !ok && i > lo && (a.toks[i-1].p == pComma || a.toks[i-1].p == pClose) {
		hs, person, ok = a.holderRight(si, j, hi)
		inverted = ok
		npStart = i
	}
	if !ok {
		return
	}
	c.holders, c.person = hs, person

	// Complement.
	propEnd := -1
	var propFrom int
	k := a.skipAdjuncts(j, hi)
	switch {
	case cls == vSay && (inverted || npStart > lo && a.toks[npStart-1].p == pClose):
		// "“…,” Kanaani said" or "…, said the spokesman"
		q := npStart - 1
		if inverted {
			q = i - 1
			if a.toks[q].p == pComma && q-1 >= lo && a.toks[q-1].p == pClose {
				q--
			}
		}
		if a.toks[q].p == pClose && a.match[q] >= 0 && int(a.match[q]) >= lo {
			c.prop = a.span(int(a.match[q])+1, q)
		} else if inverted {
			c.prop = a.span(lo, q)
		}
	case k < hi && a.toks[k].w == "that":
		propFrom = k + 1
		propEnd = a.clauseEnd(propFrom, hi)
	case cls == vSay:
		if k < hi && (a.toks[k].p == pColon || a.toks[k].p == pComma) && k+1 < hi && a.toks[k+1].p == pOpen {
			k++
		}
		if k < hi && a.toks[k].p == pOpen && a.match[k] > int32(k) {
			c.prop = a.span(k+1, int(a.match[k]))
			break
		}
		if lemma == "tell" || lemma == "warn" {
			if m := a.findWord(k, hi, 6, "that"); m > 0 {
				propFrom = m + 1
				propEnd = a.clauseEnd(propFrom, hi)
			}
			break
		}
		if needThat || k >= hi || !a.toks[k].isWord() {
			break
		}
		if w := a.toks[k]; w.up || pronoun(w.w) != prNone || determiner(w.w) || a.mentAt[k] >= 0 {
			propFrom = k
			propEnd = a.clauseEnd(k, hi)
		}
	case lemma == "accuse" || lemma == "warn":
		if k < hi && a.toks[k].w == "of" {
			propFrom = k + 1
			propEnd = a.clauseEnd(propFrom, hi)
			break
		}
		if m := a.findWord(k, hi, 8, "of", "that", "over", "for"); m > 0 {
			obj := a.span(k, m)
			end := a.clauseEnd(m+1, hi)
			if end > m+1 {
				c.prop = obj + " " + a.span(m+1, end)
				propFrom, propEnd = m+1, end
				if a.toks[m].w == "that" {
					c.prop = a.span(m+1, end)
				}
			}
		}
	case cls == vAssert && lemma != "concern" && needThat:
	case cls == vAssert:
		if k < hi && a.toks[k].isWord() {
			propFrom = k
			propEnd = a.clauseEnd(k, hi)
		}
	default: // deny, admit, not_denied
		if k >= hi || !a.toks[k].isWord() {
			// "…, which he did not deny": the antecedent clause
			if stance == model.NotDenied || stance == model.Deny {
				if p := a.relativeAntecedent(lo, npStart); p != "" {
					c.prop = p
				}
			}
			break
		}
		w := a.toks[k].w
		if n := a.claimNounAt(k, hi); n >= 0 {
			a.claimObject(si, lo, hi, &c, k, n)
			propFrom = -1
			break
		}
		switch w {
		case "it", "this", "that", "them", "these", "those", "so":
			c.anaphor = true
		default:
			propFrom = k
			propEnd = a.clauseEnd(k, hi)
			if strings.HasSuffix(w, "ing") && len(hs) > 0 && !a.toks[k].up {
				c.prop = hs[0] + " " + a.span(k, propEnd)
			}
		}
	}
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
		if stance != model.Assert || cls == vSay {
			qual, limited := a.qualifier(propFrom, propEnd, hi)
			if cls == vSay && limited {
				c.stance = model.Admit
			}
			if c.stance != model.Assert {
				c.qual = qual
			}
		}
	}
	a.cands = append(a.cands, c)
}

// passiveCue handles "X was accused by Y of Z": the holder is the agent.
func (a *analysis) passiveCue(si, lo, hi, i, j int, stance model.Stance) {
	by := a.findWord(j, hi, 6, "by")
	if by < 0 || by+1 >= hi {
		return
	}
	end := by + 1
	for end < hi && end-by < 8 && a.toks[end].isWord() && !(end > by+1 && npStop(a.toks[end].w)) {
		end++
	}
	hs, person, _, ok := a.holderAt(si, by+1, end-1)
	if !ok {
		return
	}
	c := cand{sent: a.sents[si], pos: int(a.toks[i].s), stance: stance, holders: hs, person: person}
	// the patient is the subject before the verb
	subj := ""
	if s, _, _, ok := a.subject(si, lo, i); ok && len(s) > 0 {
		subj = s[0]
	}
	k := end
	if k < hi && (a.toks[k].w == "of" || a.toks[k].w == "that") {
		k++
	}
	pe := a.clauseEnd(k, hi)
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
func (a *analysis) nominalDeny(si, lo, hi, at int) {
	var hs []string
	person := false
	ok := false
	for i := lo; i < hi && !ok; i++ {
		if cls, _, _ := verbClass(a.toks[i].w); cls == vSay || cls == vAssert || a.toks[i].w == "considered" ||
			a.toks[i].w == "called" || a.toks[i].w == "described" {
			if claimNoun(a.toks[i].w) {
				// "their baseless political claims": a noun, not a verb
				if p := a.prevWord(lo, i); p < 0 || !a.subjectLike(p) {
					continue
				}
			}
			hs, person, _, ok = a.subject(si, lo, i)
			if !ok && i > lo && (a.toks[i-1].p == pComma || a.toks[i-1].p == pClose) {
				hs, person, ok = a.holderRight(si, i+1, hi)
			}
		}
	}
	if !ok {
		return
	}
	c := cand{sent: a.sents[si], pos: int(a.toks[at].s), stance: model.Deny, holders: hs, person: person, anaphor: true}
	// "Burns' allegations are baseless"
	for i := lo; i < hi; i++ {
		if claimNoun(a.toks[i].w) && i-1 > lo && a.toks[i-1].p == pPoss {
			if h, _, _, ok := a.holderAt(si, lo, i-2); ok && len(h) > 0 {
				c.hint = h[0]
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
