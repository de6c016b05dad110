// Package claim finds who puts forward, denies, admits or declines to deny a
// proposition in news text, and groups the same proposition told in other
// words across articles into claims.
//
// Find works on one article with shallow, rule-based parsing: it looks for
// stance cues (verbs such as "accuse", "deny", "admit", phrases such as
// "raised concerns about" or "did not deny", and words that brand a claim
// false such as "baseless"), finds their subject (an entity mention, a
// pronoun, a title such as "the spokesman", or a group noun phrase such as
// "Western countries") and their complement (a that-clause, "accuse X of Y",
// a claim noun with its content, or an earlier claim the cue refers back to).
//
// Holders are entity keys from the article's mentions; pronouns ("he",
// "it") and titles ("the spokesman") are resolved to the nearest fitting
// mention, and a capital standing for its country ("Tehran denied") to the
// country when the article names it.
//
// Group clusters stance mentions from many articles by the similarity of
// their propositions: stemmed content words with light synonym folding,
// weighted by rarity, names counting less than other words, average link
// over candidate pairs drawn from an inverted index.
package claim

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/analyze/sentence"
	"github.com/parallax-news/parallax/internal/model"
)

// cand is a stance found in a sentence, before anaphora are resolved.
type cand struct {
	sent    model.Span
	pos     int // byte offset of the cue
	stance  model.Stance
	holders []string
	person  bool
	prop    string
	anaphor bool
	hint    string
	qual    string
}

// analysis holds the state of one Find call.
type analysis struct {
	text, low string
	toks      []token
	sents     []model.Span
	sentTok   [][2]int
	ments     []model.Mention
	mentAt    []int32 // token index -> mention index, -1 if none
	match     []int32 // quote token -> matching quote token, -1 if none
	inQuote   []int32 // token index -> enclosing open-quote token, -1 if none
	keyRoles  map[string]string
	cands     []cand
	// lazily built indexes for the resolvers
	lastPersonAt, lastThingAt []int32 // mention index -> last such mention at or before it
	roled                     []int32 // mentions whose key has a role, in text order
}

// Find returns the stance mentions in one article: for each stance cue, the
// holder (an entity key from mentions, or a group noun phrase such as
// "Western countries", reduced to its first head for "X and its allies"),
// the stance (assert, deny, admit, not_denied), a qualifier when the text
// carries one ("before the war", "a limited number") and the proposition.
//
// sents are the article's sentences (see package sentence); when empty,
// Find splits text itself.
// mentions are the article's entity mentions with Key set; they may be nil,
// in which case capitalised words stand in for them. Offsets in the result
// are byte offsets into text; ArticleID is left zero for the caller to set.
func Find(text string, sents []model.Span, mentions []model.Mention) []model.StanceMention {
	if len(text) == 0 {
		return nil
	}
	if len(sents) == 0 {
		sents = sentence.Split(text)
	}
	a := &analysis{text: text, low: asciiLower(text)}
	a.toks = dropInnerDots(tokenize(text, a.low, make([]token, 0, len(text)/4+16)), sents)
	a.cands = make([]cand, 0, 16)
	a.prepare(sents, mentions)
	for si := range a.sents {
		a.sentence(si)
	}
	return a.finish()
}

func (a *analysis) prepare(sents []model.Span, mentions []model.Mention) {
	a.sents = make([]model.Span, 0, len(sents))
	a.sentTok = make([][2]int, 0, len(sents))
	for _, s := range sents {
		if s.Start < 0 {
			s.Start = 0
		}
		if s.End > len(a.text) {
			s.End = len(a.text)
		}
		if s.End <= s.Start {
			continue
		}
		x, y := tokenRange(a.toks, s.Start, s.End)
		if y <= x {
			continue
		}
		a.sents = append(a.sents, s)
		a.sentTok = append(a.sentTok, [2]int{x, y})
	}
	buf := make([]int32, 3*len(a.toks))
	a.mentAt, a.match, a.inQuote = buf[:len(a.toks)], buf[len(a.toks):2*len(a.toks)], buf[2*len(a.toks):]
	for i := range a.mentAt {
		a.mentAt[i] = -1
	}
	a.ments = make([]model.Mention, 0, len(mentions))
	for _, m := range mentions {
		if m.Start < 0 || m.End > len(a.text) || m.End <= m.Start {
			continue
		}
		if m.Key == "" {
			m.Key = m.Text
		}
		if m.Key == "" {
			m.Key = a.text[m.Start:m.End]
		}
		a.ments = append(a.ments, m)
	}
	if !sort.SliceIsSorted(a.ments, func(i, j int) bool { return a.ments[i].Start < a.ments[j].Start }) {
		sort.SliceStable(a.ments, func(i, j int) bool { return a.ments[i].Start < a.ments[j].Start })
	}
	for mi, m := range a.ments {
		x, y := tokenRange(a.toks, m.Start, m.End)
		for t := x; t < y; t++ {
			if a.toks[t].isWord() || a.toks[t].p == pPoss {
				a.mentAt[t] = int32(mi)
			}
		}
		if m.Role != "" {
			if a.keyRoles == nil {
				a.keyRoles = make(map[string]string)
			}
			if r := strings.ToLower(m.Role); !strings.Contains(a.keyRoles[m.Key], r) {
				a.keyRoles[m.Key] += " " + r
			}
		}
	}
	// Pair quotation marks.
	open := int32(-1)
	for i, t := range a.toks {
		a.match[i] = -1
		switch t.p {
		case pOpen:
			if open < 0 || t.w != "'" {
				open = int32(i)
			}
		case pClose:
			if open >= 0 && (t.w == "'") == (a.toks[open].w == "'") {
				a.match[i] = open
				a.match[open] = int32(i)
				open = -1
			}
		}
		if t.w == "\n" {
			open = -1
		}
	}
	cur := int32(-1)
	for i, t := range a.toks {
		if t.p == pOpen && a.match[i] >= 0 {
			cur = int32(i)
		}
		a.inQuote[i] = cur
		if t.p == pClose && a.match[i] >= 0 {
			cur = -1
		}
	}
}

// sentence finds the stance cues of sentence si.
func (a *analysis) sentence(si int) {
	lo, hi := a.sentTok[si][0], a.sentTok[si][1]
	first := len(a.cands)
	var nominal []int
	for i := lo; i < hi; i++ {
		t := a.toks[i]
		if !t.isWord() {
			continue
		}
		if n := phrasalAssert(a.toks, i, hi); n > 0 {
			a.verbCue(si, lo, hi, i, i+n, vAssert, "concern", false)
			i += n - 1
			continue
		}
		if n := phrasalDeny(a.toks, i, hi); n > 0 {
			a.verbCue(si, lo, hi, i, i+n, vDeny, "shrug", false)
			i += n - 1
			continue
		}
		if cls, lemma, needThat := verbClass(t.w); cls != vNone {
			a.verbCue(si, lo, hi, i, i+1, cls, lemma, needThat)
			continue
		}
		if denyWord(t.w) {
			nominal = append(nominal, i)
		}
	}
	if len(nominal) > 0 {
		for _, c := range a.cands[first:] {
			if c.stance == model.Deny || c.stance == model.NotDenied {
				return
			}
		}
		a.nominalDeny(si, lo, hi, nominal[0])
	}
}

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

// claimObject handles a deny/admit/not_denied cue whose object is a claim
// noun at n (the object starting at k): "denied claims that X", "rejected
// the allegations", "dismissed claims by Y accusing Z of W".
func (a *analysis) claimObject(si, lo, hi int, c *cand, k, n int) {
	// possessive owner: "Burns’ allegations", "Washington's claims"
	for m := k; m < n; m++ {
		if a.toks[m].p == pPoss && m > k-1 && m-1 >= lo {
			if hs, _, _, ok := a.holderAt(si, lo, m-1); ok && len(hs) > 0 {
				c.hint = hs[0]
			}
		}
	}
	m := n + 1
	if m >= hi || !a.toks[m].isWord() {
		c.anaphor = true
		return
	}
	switch a.toks[m].w {
	case "that", "of", "about", "over", "regarding", "on":
		end := a.clauseEnd(m+1, hi)
		if end > m+1 {
			c.prop = a.span(m+1, end)
			c.prop = a.subjectPronoun(c.prop, c.holders, c.person)
			if c.stance != model.Assert {
				c.qual, _ = a.qualifier(m+1, end, hi)
			}
			return
		}
	case "by", "from":
		// nested assertion: "claims by Y accusing Z of W"
		p := -1
		for q := m + 1; q < hi && q-m < 14; q++ {
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
			hs, person, _, ok := a.holderAt(si, m+1, p-1)
			if ok && len(hs) > 0 {
				c.hint = hs[0]
			}
			before := len(a.cands)
			if a.toks[p].w == "that" {
				end := a.clauseEnd(p+1, hi)
				if end > p+1 {
					c.prop = a.span(p+1, end)
					if ok {
						a.cands = append(a.cands, cand{sent: c.sent, pos: int(a.toks[p].s), stance: model.Assert, holders: hs, person: person, prop: c.prop})
					}
					return
				}
			} else {
				cls, lemma, needThat := verbClass(a.toks[p].w)
				a.verbCue(si, lo, hi, p, p+1, cls, lemma, needThat)
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
			a.verbCue(si, lo, hi, m, m+1, vAssert, "accuse", false)
			if len(a.cands) > before {
				c.prop = a.cands[len(a.cands)-1].prop
				return
			}
		}
	}
	c.anaphor = true
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
		}
	}
	return k
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

func verbClassOf(w string) bool {
	cls, _, _ := verbClass(w)
	return cls != vNone
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
		}
	}
	return hi
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

// relativeAntecedent returns the content of the phrase a ", which …"
// clause refers to: "reports that X, which he did not deny" → X.
func (a *analysis) relativeAntecedent(lo, subjStart int) string {
	r := subjStart - 1
	for r >= lo && a.toks[r].isWord() && relPronoun(a.toks[r].w) {
		r--
	}
	if r < lo || a.toks[r].p != pComma {
		return ""
	}
	comma := r
	for m := comma - 1; m > lo; m-- {
		if a.toks[m].w == "that" || a.toks[m].w == "of" || a.toks[m].w == "about" {
			if claimNoun(a.toks[m-1].w) {
				return a.span(m+1, comma)
			}
		}
	}
	return ""
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

// span returns the text of toks[from:to] without enclosing quotes and
// trailing punctuation.
func (a *analysis) span(from, to int) string {
	for from < to && (a.toks[from].p != pWord && a.toks[from].p != pParenL) {
		from++
	}
	for to > from && a.toks[to-1].p != pWord && a.toks[to-1].p != pParenR && a.toks[to-1].p != pPoss {
		to--
	}
	if to <= from {
		return ""
	}
	s := a.text[int(a.toks[from].s):int(a.toks[to-1].e)]
	if needsClean(s) {
		s = strings.Map(func(r rune) rune {
			switch r {
			case '“', '”', '"':
				return -1
			case '\n':
				return ' '
			}
			return r
		}, s)
	}
	return s
}

// finish resolves anaphoric propositions, drops duplicates and builds the
// result.
func (a *analysis) finish() []model.StanceMention {
	var out []model.StanceMention
	seen := make(map[string]bool)
	for ci := range a.cands {
		c := &a.cands[ci]
		if c.anaphor && c.prop == "" {
			c.prop = a.antecedent(ci)
		}
	}
	var keys map[string]bool
	for _, c := range a.cands {
		if c.prop == "" {
			continue
		}
		for _, h := range c.holders {
			// metonymy: "Tehran denied" is Iran's stance when the
			// article names Iran
			for _, country := range capitalOf(h) {
				if keys == nil {
					keys = make(map[string]bool, len(a.ments))
					for _, m := range a.ments {
						keys[m.Key] = true
					}
				}
				if keys[country] {
					h = country
					break
				}
			}
			key := h + "\x00" + string(c.stance) + "\x00" + c.prop
			if seen[key] {
				continue
			}
			seen[key] = true
			out = append(out, model.StanceMention{
				Span:        c.sent,
				Holder:      h,
				Stance:      c.stance,
				Qualifier:   c.qual,
				Text:        a.text[c.sent.Start:c.sent.End],
				Proposition: c.prop,
			})
		}
	}
	return out
}

// antecedent finds the claim an anaphoric stance refers to: the latest
// assertion before it by another holder (by the hinted holder when the text
// names one), else the first one after it.
func (a *analysis) antecedent(ci int) string {
	c := a.cands[ci]
	ok := func(p cand) bool {
		if p.stance != model.Assert || p.prop == "" || p.anaphor && p.prop == "" {
			return false
		}
		for _, h := range p.holders {
			for _, g := range c.holders {
				if h == g {
					return false
				}
			}
		}
		if c.hint != "" {
			found := false
			for _, h := range p.holders {
				if strings.Contains(strings.ToLower(h), strings.ToLower(c.hint)) ||
					strings.Contains(strings.ToLower(c.hint), strings.ToLower(h)) {
					found = true
				}
			}
			return found
		}
		return true
	}
	for pass := 0; pass < 2; pass++ {
		for k := ci - 1; k >= 0 && k >= ci-maxLookBack; k-- {
			if ok(a.cands[k]) {
				return a.cands[k].prop
			}
		}
		for k := ci + 1; k < len(a.cands) && k <= ci+maxLookBack; k++ {
			if ok(a.cands[k]) && a.cands[k].prop != "" {
				return a.cands[k].prop
			}
		}
		if c.hint == "" {
			break
		}
		c.hint = ""
	}
	return a.claimBefore(c.sent.Start, c.pos)
}

// claimBefore returns the content of a claim noun's clause before the cue
// in the same sentence: "Asked about reports that X, he did not deny it"
// → X.
func (a *analysis) claimBefore(start, pos int) string {
	lo, hi := tokenRange(a.toks, start, pos)
	for m := lo; m+1 < hi; m++ {
		if !claimNoun(a.toks[m].w) {
			continue
		}
		switch a.toks[m+1].w {
		case "that", "of", "about":
			if end := a.clauseEnd(m+2, hi); end > m+2 {
				return a.span(m+2, end)
			}
		}
	}
	return ""
}

// subject finds the holder of the verb at i: the noun phrase before it,
// past auxiliaries, adverbs and an appositive. npStart is the index where
// the subject starts.
func (a *analysis) subject(si, lo, i int) (hs []string, person bool, npStart int, ok bool) {
	j := i - 1
	for {
		for j >= lo && a.toks[j].isWord() && skippable(a.toks[j].w) {
			j--
		}
		if j-1 >= lo && a.toks[j].w == "to" && refusal(a.toks[j-1].w) {
			j -= 2
			continue
		}
		if j-2 >= lo && a.toks[j].w == "of" && a.toks[j-1].w == "short" {
			j -= 3
			continue
		}
		break
	}
	if j < lo {
		return nil, false, i, false
	}
	// appositive: "John Kirby, the spokesman for …, said"
	if a.toks[j].p == pComma {
		for c := j - 1; c > lo && j-c < 20; c-- {
			if a.toks[c].p == pComma {
				n := a.toks[c+1]
				if n.isWord() && (n.w == "the" || n.w == "a" || n.w == "an" || roleNoun(n.w) || n.w == "who") && c-1 >= lo && a.toks[c-1].isWord() {
					j = c - 1
				}
				break
			}
			if t := a.toks[c]; t.p == pEnd || t.p == pSemi || t.p == pClose || t.p == pOpen {
				break
			}
		}
	}
	if a.toks[j].p == pParenR {
		for c := j - 1; c > lo && j-c < 8; c-- {
			if a.toks[c].p == pParenL {
				j = c - 1
				break
			}
		}
	}
	if j < lo || (!a.toks[j].isWord() && a.toks[j].p != pPoss) {
		return nil, false, i, false
	}
	hs, person, npStart, ok = a.holderAt(si, lo, j)
	return
}

// holderAt resolves the noun phrase ending at token j.
func (a *analysis) holderAt(si, lo, j int) (hs []string, person bool, npStart int, ok bool) {
	if j < lo || j >= len(a.toks) {
		return nil, false, j, false
	}
	t := a.toks[j]
	if mi := a.mentAt[j]; mi >= 0 {
		m := a.ments[mi]
		start := j
		for start-1 >= lo && a.mentAt[start-1] == mi {
			start--
		}
		// "Iran’s Foreign Ministry spokesman" is handled below; a mention
		// followed by a role noun is not the subject.
		hs = []string{m.Key}
		person = m.Type == model.Person
		// coordination: "Both Iran and Russia"
		if start-2 >= lo && a.toks[start-1].w == "and" {
			if more, p2, s2, ok2 := a.holderAt(si, lo, start-2); ok2 && a.mentAt[start-2] >= 0 {
				hs = append(more, hs...)
				person = person && p2
				start = s2
			}
		}
		for start-1 >= lo && a.toks[start-1].isWord() && determiner(a.toks[start-1].w) {
			start--
		}
		// a mention inside a noun phrase: "the head of the CIA",
		// "prosecutors in Lyon"
		if p := start - 1; p-1 >= lo && len(hs) == 1 && a.toks[p].isWord() {
			switch a.toks[p].w {
			case "of", "in", "at", "from":
				n := a.toks[p-1]
				if !n.isWord() || n.up && p-1 != a.sentStartTok(si) || a.mentAt[p-1] >= 0 || npStop(n.w) || determiner(n.w) || verbClassOf(n.w) || isAdverb(n.w) {
					break
				}
				if roleNoun(n.w) {
					if h := a.roleMatch([]string{n.w, strings.ToLower(m.Key)}, int(n.s)); h != "" {
						return []string{h}, true, p - 1, true
					}
					break
				}
				if strings.HasSuffix(n.w, "s") && !strings.HasSuffix(n.w, "ss") {
					k := p - 1
					for k-1 >= lo && a.toks[k-1].isWord() && !npStop(a.toks[k-1].w) && !verbClassOf(a.toks[k-1].w) && !determiner(a.toks[k-1].w) && p-k < 4 {
						k--
					}
					h := a.span(k, j+1)
					if r, sz := utf8.DecodeRuneInString(h); unicode.IsLower(r) {
						h = string(unicode.ToUpper(r)) + h[sz:]
					}
					return []string{h}, false, k, true
				}
			}
		}
		return hs, person, start, true
	}
	if t.isWord() {
		switch pronoun(t.w) {
		case prPerson:
			if h := a.lastPerson(int(t.s)); h != "" {
				return []string{h}, true, j, true
			}
			return nil, false, j, false
		case prThing:
			if h, p := a.lastThing(int(t.s)); h != "" {
				return []string{h}, p, j, true
			}
			return nil, false, j, false
		}
		if t.w == "who" || t.w == "that" || t.w == "which" {
			k := j - 1
			if k >= lo && a.toks[k].p == pComma {
				k--
			}
			if k >= lo && k < j {
				return a.holderAt(si, lo, k)
			}
			return nil, false, j, false
		}
		if npStop(t.w) || determiner(t.w) || claimNoun(t.w) || verbClassOf(t.w) {
			return nil, false, j, false
		}
	} else if t.p != pPoss {
		return nil, false, j, false
	}
	// noun phrase walk
	k := j
	for k-1 >= lo && j-k < 8 {
		p := a.toks[k-1]
		if p.p == pPoss {
			k--
			continue
		}
		if !p.isWord() {
			break
		}
		if determiner(p.w) {
			k--
			break
		}
		if npStop(p.w) || verbClassOf(p.w) || (isAdverb(p.w) && !p.up) {
			break
		}
		k--
	}
	// coordination: "Kyiv and its Western backers" → Kyiv
	if k-2 >= lo && a.toks[k-1].w == "and" {
		if possDet(a.toks[k].w) {
			if hs, person, s, ok := a.holderAt(si, lo, k-2); ok {
				return hs, person, s, true
			}
		}
	}
	first := k
	for first < j && (determiner(a.toks[first].w) || a.toks[first].p == pPoss) {
		first++
	}
	head := t.w
	if t.p == pPoss {
		return nil, false, j, false
	}
	words := make([]string, 0, j-first+1)
	for m := first; m <= j; m++ {
		if a.toks[m].isWord() {
			words = append(words, a.toks[m].w)
		}
	}
	if roleNoun(head) {
		if h := a.resolveRole(si, words, int(t.s)); h != "" {
			return []string{h}, true, k, true
		}
	}
	if orgNoun(head) && !t.up || (orgNoun(head) && len(words) == 1) {
		if h := a.resolveOrg(head, int(t.s)); h != "" {
			return []string{h}, false, k, true
		}
	}
	if first > j {
		return nil, false, j, false
	}
	if weekday(head) || monthName(head) || head == "gmt" || head == "they've" || head == "we've" {
		return nil, false, j, false
	}
	// words that brand a claim false do not name a holder
	for m := first; m <= j; m++ {
		if denyWord(a.toks[m].w) {
			return nil, false, j, false
		}
	}
	// a noun phrase containing a mention but headed by a common noun
	h := a.span(first, j+1)
	if h == "" {
		return nil, false, j, false
	}
	if r, sz := utf8.DecodeRuneInString(h); unicode.IsLower(r) && first == a.sentStartTok(si) {
		h = string(unicode.ToUpper(r)) + h[sz:]
	}
	// a lone lower-case word that is not a plural noun is rarely a holder
	if len(words) == 1 && !t.up && !strings.HasSuffix(head, "s") && !roleNoun(head) && !(orgNoun(head) && first > k) && first != a.sentStartTok(si) {
		return nil, false, j, false
	}
	return []string{h}, roleNoun(head), k, true
}

func (a *analysis) sentStartTok(si int) int { return a.sentTok[si][0] }

// holderRight finds an inverted subject after the verb ("…, said
// spokesman Nasser Kanaani").
func (a *analysis) holderRight(si, j, hi int) ([]string, bool, bool) {
	if j < hi && a.toks[j].isWord() && pronoun(a.toks[j].w) == prPerson {
		if h := a.lastPerson(int(a.toks[j].s)); h != "" {
			return []string{h}, true, true
		}
	}
	for m := j; m < hi && m-j < 10; m++ {
		t := a.toks[m]
		if mi := a.mentAt[m]; mi >= 0 {
			e := m
			for e+1 < hi && a.mentAt[e+1] == mi {
				e++
			}
			// the last mention of a run of names and roles
			// ("Foreign Ministry spokesman Nasser Kanani")
			if e+1 < hi && a.mentAt[e+1] >= 0 {
				continue
			}
			r := e + 1
			for r < hi && r-e <= 3 && a.toks[r].isWord() && a.mentAt[r] < 0 && roleNoun(a.toks[r].w) {
				r++
			}
			if r > e+1 && r < hi && a.mentAt[r] >= 0 {
				m = r - 1
				continue
			}
			mm := a.ments[mi]
			return []string{mm.Key}, mm.Type == model.Person, true
		}
		if !t.isWord() && t.p != pPoss {
			break
		}
		if t.isWord() && !t.up && !determiner(t.w) && !roleNoun(t.w) && !orgNoun(t.w) && t.w != "foreign" && t.w != "ministry" {
			break
		}
	}
	// a role without a name: "said the spokesman"
	for m := j; m < hi && m-j < 6; m++ {
		if a.toks[m].isWord() && roleNoun(a.toks[m].w) && (m+1 >= hi || !a.toks[m+1].isWord()) {
			hs, p, _, ok := a.holderAt(si, j, m)
			return hs, p, ok
		}
	}
	return nil, false, false
}

// maxLookBack bounds how many earlier stances or mentions a resolver
// looks through, and maxReach how far back in bytes, so that work per
// article stays linear in its length.
const (
	maxLookBack = 256
	maxReach    = 50000
)

// mentionBefore returns the index of the last mention ending at or before
// pos, or -1.
func (a *analysis) mentionBefore(pos int) int {
	return sort.Search(len(a.ments), func(i int) bool { return a.ments[i].End > pos }) - 1
}

// lastOfKind returns the index of the last mention at or before index i
// satisfying is, using (and filling) the prefix table *last, or -1.
func (a *analysis) lastOfKind(last *[]int32, i int, is func(m *model.Mention) bool) int {
	if i < 0 {
		return -1
	}
	if *last == nil {
		t := make([]int32, len(a.ments))
		cur := int32(-1)
		for k := range a.ments {
			if is(&a.ments[k]) {
				cur = int32(k)
			}
			t[k] = cur
		}
		*last = t
	}
	return int((*last)[i])
}

func isPersonMention(m *model.Mention) bool {
	return m.Type == model.Person || m.Type == "" && strings.Contains(m.Key, " ")
}

func isThingMention(m *model.Mention) bool {
	return m.Type == model.Organization || m.Type == model.Place
}

// lastPerson returns the key of the last person mentioned before pos.
func (a *analysis) lastPerson(pos int) string {
	if k := a.lastOfKind(&a.lastPersonAt, a.mentionBefore(pos), isPersonMention); k >= 0 {
		return a.ments[k].Key
	}
	for i := len(a.cands) - 1; i >= 0 && i >= len(a.cands)-maxLookBack; i-- {
		if a.cands[i].person && len(a.cands[i].holders) == 1 && a.cands[i].pos < pos {
			return a.cands[i].holders[0]
		}
	}
	return ""
}

// lastThing returns the latest non-person holder before pos, or the latest
// organisation or place mentioned.
func (a *analysis) lastThing(pos int) (string, bool) {
	for i := len(a.cands) - 1; i >= 0 && i >= len(a.cands)-maxLookBack; i-- {
		if c := a.cands[i]; !c.person && len(c.holders) == 1 && c.pos < pos {
			return c.holders[0], false
		}
	}
	if k := a.lastOfKind(&a.lastThingAt, a.mentionBefore(pos), isThingMention); k >= 0 {
		return a.ments[k].Key, false
	}
	return "", false
}

// resolveRole finds the person a title refers to ("the spokesman", "The CIA
// director"): the nearest person whose recorded role contains the title,
// else the first person named in the next sentence.
func (a *analysis) resolveRole(si int, words []string, pos int) string {
	head := words[len(words)-1]
	if h := a.roleMatch(append([]string{head}, words[:len(words)-1]...), pos); h != "" {
		return h
	}
	return ""
}

// roleMatch returns the person whose recorded role contains the title
// words[0] (the head), best matching the other words, nearest pos, or "".
// It looks at the maxLookBack mentions with a role on either side of pos.
func (a *analysis) roleMatch(words []string, pos int) string {
	if a.keyRoles == nil {
		return ""
	}
	if a.roled == nil {
		a.roled = make([]int32, 0, 16)
		for i := range a.ments {
			if a.keyRoles[a.ments[i].Key] != "" {
				a.roled = append(a.roled, int32(i))
			}
		}
	}
	at := sort.Search(len(a.roled), func(i int) bool { return a.ments[a.roled[i]].Start >= pos })
	head := words[0]
	best, bestScore, bestDist := "", 0, 0
	for _, mi := range a.roled[max(0, at-maxLookBack):min(len(a.roled), at+maxLookBack)] {
		m := &a.ments[mi]
		roles := a.keyRoles[m.Key]
		if !strings.Contains(roles, head) {
			continue
		}
		score := 0
		for _, w := range words {
			if strings.Contains(roles, w) {
				score++
			}
		}
		d := pos - m.Start
		if d < 0 {
			d = -d * 2 // prefer a name given before
		}
		if score > bestScore || score == bestScore && d < bestDist {
			best, bestScore, bestDist = m.Key, score, d
		}
	}
	return best
}

// resolveOrg finds the organisation a common noun refers to ("the
// company"): the latest organisation mention before pos (within maxReach
// bytes) whose name contains the noun, else the latest organisation
// mention.
func (a *analysis) resolveOrg(noun string, pos int) string {
	fallback := ""
	for i := a.mentionBefore(pos); i >= 0; i-- {
		m := a.ments[i]
		if pos-m.Start > maxReach {
			break
		}
		if m.Type != model.Organization || m.Start >= pos {
			continue
		}
		if strings.Contains(strings.ToLower(m.Key), noun) || strings.Contains(strings.ToLower(m.Text), noun) {
			return m.Key
		}
		if fallback == "" {
			fallback = m.Key
		}
	}
	return fallback
}

// needsClean reports whether s holds a double quote mark or a line break.
func needsClean(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '"', '\n':
			return true
		case 0xE2: // “ ” are E2 80 9C, E2 80 9D
			if i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0x9C || s[i+2] == 0x9D) {
				return true
			}
		}
	}
	return false
}

func monthName(w string) bool {
	switch w {
	case "january", "february", "march", "april", "may", "june", "july", "august", "september",
		"october", "november", "december":
		return true
	}
	return false
}
