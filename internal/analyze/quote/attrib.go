package quote

import (
	"sort"
	"strings"

	"github.com/parallax-news/parallax/internal/analyze/resolve"
	"github.com/parallax-news/parallax/internal/model"
)

// cueText returns the cue phrase at token c.
func (f *finder) cueText(c int) string {
	return f.word(c)
}

// setQuote records an attribution on quotation qi.
func (f *finder) setQuote(qi int, sp speaker, cue string, kind model.QuoteKind) {
	f.noteSpeaker(sp)
	q := &f.quots[qi]
	q.done = true
	q.attributed = true
	q.speaker = sp.ment
	q.spName = sp.name
	q.spMention = sp.mention
	q.cue = cue
	q.kind = kind
}

// signedAfter reads the signature after quotation q when q opens its
// paragraph and a dash and a name end it: "“…” — Marisol, Eastbrook",
// "“…” — Devon in Kellsport", "“…” — Ann Roe".
func (f *finder) signedAfter(q *quotation) (speaker, bool) {
	if q.close < 0 || !f.opensParagraph(q.open) || !(f.isDashPunct(q.close+1) || f.isPunct(q.close+1, '-')) {
		return speaker{}, false
	}
	i := sort.Search(len(f.paras), func(i int) bool { return f.paras[i].hi > q.open })
	if i >= len(f.paras) {
		return speaker{}, false
	}
	hi := f.paras[i].hi
	n := q.close + 2
	if n >= hi || f.toks[n].kind != kWord || f.toks[n].flags&fCap == 0 || f.toks[n].lex.class != 0 {
		return speaker{}, false
	}
	e := n + 1
	if m := f.toks[n].ment; m >= 0 {
		if f.ms[m].Type != model.Person && f.ms[m].Type != model.Other || f.mentStart(n) != n {
			return speaker{}, false
		}
		e = f.mentEnd(n)
	}
	// the signature ends the paragraph, or a place follows it
	if e < hi && !f.isPunct(e, ',') && !f.isWord(e, "in") && !f.isWord(e, "from") && !(f.isPunct(e, '.') && e+1 == hi) {
		return speaker{}, false
	}
	for k := e; k < hi; k++ {
		if f.toks[k].q >= 0 || f.toks[k].kind == kWord && f.toks[k].flags&fCap == 0 && !f.isWord(k, "in") && !f.isWord(k, "from") {
			return speaker{}, false
		}
	}
	if m := f.toks[n].ment; m >= 0 {
		return f.fromMention(int(m), n, e), true
	}
	w := f.word(n)
	return speaker{ment: -1, name: w, mention: w, lo: n, hi: e, ok: true}, true
}

// crowdNoise reports whether w names what a crowd calls out, in "to
// cries of “…”" or "amid chants of “…”".
func crowdNoise(w string) bool {
	switch w {
	case "cries", "shouts", "chants", "cheers", "jeers", "boos", "calls", "chorus", "choruses", "roars", "murmurs", "heckles":
		return true
	}
	return false
}

// unnamedRelativeCue returns the unnamed person whose relative clause
// holds the verb of saying or naming right before quotation q ("one of
// the attendees, who described the secretary as “…”"), or false.
func (f *finder) unnamedRelativeCue(q *quotation, un unit) (speaker, bool) {
	for c := q.open - 1; c > un.lo && c >= q.open-8; c-- {
		if f.toks[c].q >= 0 || f.toks[c].kind == kMark || f.isEndPunct(c) {
			return speaker{}, false
		}
		if f.isCue(c) {
			if f.isWord(c-1, "who") {
				return f.unnamedAntecedent(c-1, un.lo)
			}
			return speaker{}, false
		}
	}
	return speaker{}, false
}

// passiveVerb reports whether w is a participle of asking or telling that
// takes an agent with "by" ("asked by", "warned by").
func passiveVerb(w string) bool {
	switch strings.ToLower(w) {
	case "asked", "warned", "told", "urged", "advised", "instructed", "ordered", "pressed",
		"questioned", "reminded", "cautioned", "assured", "promised":
		return true
	}
	return false
}

// passiveAgent returns the agent of a passive verb of asking or telling
// whose clause quotation q ends ("Asked by a voter whether her campaign
// was “in trouble,”", "warned by a supervisor not to “make trouble”",
// "told by Ann Roe, her manager, to “sit tight”"): someone unnamed after
// an indefinite article, or the person named there.
func (f *finder) passiveAgent(q *quotation, un unit) (speaker, bool) {
	by := -1
	for k := q.open - 1; k > un.lo && k >= q.open-16; k-- {
		tk := &f.toks[k]
		if tk.q >= 0 || tk.kind == kMark || f.isEndPunct(k) || f.isPunct(k, ':') {
			return speaker{}, false
		}
		if f.isWord(k, "by") && passiveVerb(f.word(k-1)) {
			by = k
			break
		}
		if f.isCue(k) {
			return speaker{}, false
		}
	}
	if by < 0 {
		return speaker{}, false
	}
	n := by + 1
	if n >= q.open || f.toks[n].kind != kWord {
		return speaker{}, false
	}
	// the clause reported: "whether …", "not to …", "to …", "that …",
	// "why …", "how …"
	clause := false
	for k := n + 1; k < q.open; k++ {
		if f.isWord(k, "whether") || f.isWord(k, "if") || f.isWord(k, "to") || f.isWord(k, "that") || f.isWord(k, "why") || f.isWord(k, "how") {
			clause = true
			break
		}
	}
	if !clause {
		return speaker{}, false
	}
	if m := f.toks[n].ment; m >= 0 {
		if f.mentStart(n) != n || f.ms[m].Type != model.Person && f.ms[m].Type != model.Other {
			return speaker{}, false
		}
		return f.fromMention(int(m), n, f.mentEnd(n)), true
	}
	switch strings.ToLower(f.word(n)) {
	case "a", "an", "one", "another":
	default:
		return speaker{}, false
	}
	e := n + 1
	for e < q.open && e < n+4 && f.toks[e].kind == kWord && f.toks[e].ment < 0 && f.toks[e].flags&fLower != 0 &&
		!f.isWord(e, "whether") && !f.isWord(e, "if") && !f.isWord(e, "to") && !f.isWord(e, "that") && !f.isWord(e, "not") {
		e++
	}
	if e == n+1 {
		return speaker{}, false
	}
	return speaker{ment: -1, mention: f.spanText(n, e), lo: n, hi: e, ok: true}, true
}

// doUnit finds the attributions of one sentence-like unit.
func (f *finder) doUnit(u int) {
	un := f.units[u]
	f.cur = un
	markUsed := func(t int) { f.toks[t].used = true }
	isUsed := func(t int) bool { return f.toks[t].used }

	// 1. Quotations with an adjacent attribution.
	for t := un.lo; t < un.hi; t++ {
		if f.toks[t].kind != kMark || f.toks[t].q < 0 {
			continue
		}
		qi := int(f.toks[t].q)
		q := &f.quots[qi]
		if q.open != t || q.done {
			continue
		}
		// "she said, to cries of “Hear, hear!” from her benches": a
		// crowd's cry, nobody named.
		if n := q.open - 2; n >= un.lo && f.isWord(q.open-1, "of") && crowdNoise(strings.ToLower(f.word(n))) {
			f.setQuote(qi, speaker{ment: -1, mention: f.word(n), lo: n, hi: n + 1, ok: true}, "", model.Direct)
			continue
		}
		// "Asked by a voter whether her campaign was “in trouble,” she
		// laughed": the words of the agent of a passive verb of asking
		// or telling, not of the sentence's subject.
		// The agent is not noted as the latest speaker: a pronoun after
		// the sentence goes on with its subject.
		if sp, ok := f.passiveAgent(q, un); ok {
			q.done, q.attributed = true, true
			q.speaker, q.spName, q.spMention, q.cue, q.kind = sp.ment, sp.name, sp.mention, "", model.Mixed
			continue
		}
		if sp, c, ok := f.attrAfter(q, un); ok {
			// "remarks by X, who told lawmakers that the bloc “…,” Qiao
			// said": the words of the relative clause's speaker
			if rs, rc, rok := f.relativeSpeaker(q, un); rok {
				sp, c = rs, rc
			}
			kind := model.Direct
			if f.toks[c].lex.cue.flags&cueNaming != 0 {
				kind = model.Mixed
			}
			markUsed(c)
			// Embedded: `Iran “is …”, said X` – report the whole clause.
			if p := q.open - 1; p >= un.lo && f.toks[p].kind == kWord && f.toks[p].q < 0 && !f.isCue(p) && !f.isDashMark(q.open) {
				s := p
				for s-1 >= un.lo && f.toks[s-1].q < 0 && !f.isPunct(s-1, ',') && !f.isPunct(s-1, ':') &&
					!f.isEndPunct(s-1) && f.toks[s-1].kind != kMark {
					s--
				}
				q.start = int(f.toks[s].start)
				kind = model.Mixed
			}
			f.setQuote(qi, sp, f.cueText(c), kind)
			continue
		}
		if sp, c, ok := f.attrBefore(q, un); ok {
			kind := model.Direct
			if f.toks[c].lex.cue.flags&cueNaming != 0 {
				kind = model.Mixed
			}
			markUsed(c)
			f.setQuote(qi, sp, f.cueText(c), kind)
			continue
		}
		if sp, c, ok := f.namingBefore(q, un); ok {
			markUsed(c)
			f.setQuote(qi, sp, f.cueText(c), model.Mixed)
			continue
		}
		// "to ask, in her words, “…”", "as she once put it, “…”": the
		// one whose words the phrase says they are
		if sp, ok := f.wordsOf(q.open, un); ok {
			f.setQuote(qi, sp, "", model.Mixed)
			continue
		}
		// "5-foot-3 “on a good day,” as she put it": the same phrase
		// after the quotation
		if sp, ok := f.putItAfter(q, un); ok {
			f.setQuote(qi, sp, "", model.Mixed)
			continue
		}
		// "‘Libraries are not a luxury’: Anneke Vos on …", "‘We were
		// robbed’ - Petrie": a headline's quotation, then its speaker.
		if q.open == un.lo && q.close >= 0 && (f.isPunct(q.close+1, ':') || f.isPunct(q.close+1, '-') || f.isDashPunct(q.close+1)) {
			if n := q.close + 2; n < un.hi && f.toks[n].kind == kWord && f.toks[n].ment >= 0 &&
				(f.ms[f.toks[n].ment].Type == model.Person || f.ms[f.toks[n].ment].Type == model.Other) && f.mentStart(n) == n &&
				!f.has(f.mentEnd(n), lxRole) && f.toks[f.mentEnd(n)-1].flags&fPoss == 0 {
				f.setQuote(qi, f.fromMention(int(f.toks[n].ment), n, f.mentEnd(n)), "", model.Direct)
				continue
			}
		}
		// "“Tree came through the porch roof.” — Marisol, Eastbrook": a
		// reader's message signed after it, the paragraph's whole text.
		if sp, ok := f.signedAfter(q); ok {
			f.setQuote(qi, sp, "", model.Direct)
			continue
		}
		// "sent staff a note with the subject line “…”", "a sign that
		// read “…”": a written message, the sentence's subject its source.
		if f.messageBefore(q.open) {
			if sp := f.unitSubject(un, q.open); sp.ok && sp.name != "" {
				f.setQuote(qi, sp, "", model.Mixed)
				continue
			}
		}
		// "Turner was blunt: “…”": a colon after a clause whose subject
		// is a person.
		if f.isPunct(q.open-1, ':') && (q.close < 0 || q.close >= un.hi-2 || f.endsSentence(q)) {
			// A pronoun may stand for a name the recogniser left untyped
			// ("His niece, Ann Roe, …" ¶ "She paused, then added: “…”").
			// A name the recogniser left untyped is a person's when a
			// reflexive follows it ("Tanager herself weighed in: “…”").
			if sp := f.unitSubject(un, q.open-1); sp.ok && sp.ment >= 0 && (f.ms[sp.ment].Type == model.Person ||
				f.ms[sp.ment].Type == model.Other && sp.hi == sp.lo+1 && f.has(sp.lo, lxPronoun) ||
				f.ms[sp.ment].Type == model.Other && (f.isWord(sp.hi, "herself") || f.isWord(sp.hi, "himself"))) {
				f.setQuote(qi, sp, "", model.Direct)
			}
		}
	}

	// 2. Cues with a subject and a reported clause.
	var unitSp speaker
	unitCue := ""
	for c := un.lo; c < un.hi; c++ {
		if f.isWord(c, "according") && f.isWord(c+1, "to") && f.toks[c].q < 0 {
			sp, ok := f.accordingTo(c, un)
			if ok && sp.name != "" && !unitSp.ok {
				unitSp, unitCue = sp, "according to"
			}
			continue
		}
		if !f.isCue(c) || isUsed(c) {
			if isUsed(c) && !unitSp.ok {
				// remember the speaker of the adjacent attribution
				qlo, qhi := f.unitQuots(un)
				for i := qlo; i < qhi; i++ {
					if f.quots[i].unit == u && f.quots[i].attributed && f.quots[i].cue == f.word(c) {
						unitSp = speaker{ment: f.quots[i].speaker, name: f.quots[i].spName, mention: f.quots[i].spMention, ok: true}
						unitCue = f.quots[i].cue
						break
					}
				}
			}
			continue
		}
		// Passives and infinitives: "was reported", "to say".
		if f.has(c-1, lxAux) || f.isWord(c-1, "to") || f.isWord(c+1, "by") && !f.byMeans(c+2) {
			continue
		}
		cf := f.toks[c].lex.cue.flags
		var sp speaker
		inverted := false
		afterComma := f.isPunct(c-1, ',') || c > 0 && f.toks[c-1].kind == kMark && f.isPunct(c-2, ',')
		if cf&cuePart != 0 && !afterComma {
			// "…, often telling trustees the closure would “…”": a
			// participle after an adverb of frequency or manner
			k := c - 1
			for k > un.lo && k > c-3 && f.mannerAdverb(k) {
				k--
			}
			afterComma = k < c-1 && f.isPunct(k, ',')
			// "…, fielding questions on prices, and at one point
			// conceding that “…”": a participle after a comma and "and",
			// a short phrase of time between
			if j := f.pointPhrase(k); !afterComma && f.isWord(j, "and") && f.isPunct(j-1, ',') && j-1 > un.lo {
				afterComma = true
			}
		}
		if (f.isWord(c-1, "and") || f.isWord(c-1, "but")) && cf&cuePart == 0 {
			// Coordinated verb: "X called it … and said …".
			if unitSp.ok && (unitSp.ment >= 0 || unitSp.name != "" || unitSp.mention != "") {
				sp = unitSp
			} else {
				sp = f.unitSubject(un, c)
			}
		} else if cf&cuePart != 0 {
			if qs, ok := f.quotedAs(c, un.lo); ok {
				sp = qs // "state media quoted Minister X as saying"
			} else if !afterComma {
				if f.isWord(c-1, "by") && c-2 > un.lo && f.toks[c-2].kind == kWord && f.toks[c-2].flags&fLower != 0 && f.verbLike(c-2) {
					// "X closed by urging …", "she responded by saying
					// …": the participle is the subject's own act
					sp = f.unitSubject(un, c)
				} else if m, s := f.withSubject(c); m >= 0 {
					sp = f.fromMention(m, s, c) // "with the union saying that"
				} else if f.addresseeBefore(c, un.lo) {
					// "X has written to the council accusing Y of a
					// “…”": the writer, not the one written to
					sp = f.unitSubject(un, c)
				} else if s, ok := f.npEndingAt(c-1, un.lo); ok && c > 0 && f.toks[c-1].ment >= 0 {
					sp = s // "with X alleging that"
				} else if f.issuedMedium(c-1, un.lo) {
					// "the ministry issued a bulletin saying …": the
					// issuer's words
					sp = f.unitSubject(un, c)
				} else {
					continue
				}
			} else if unitSp.ok {
				sp = unitSp
			} else {
				sp = f.unitSubject(un, c)
				// "The notice describes how X briefed managers, often
				// telling them …": the doer of the clause the participle
				// follows, when the sentence's own subject is no one
				// (not when the subject is someone unnamed by a role: "A
				// Delaware judge blocked …, ruling that …")
				if sp.ment < 0 && !(sp.ok && sp.lo < sp.hi && f.has(sp.hi-1, lxRole)) || sp.ment >= 0 && f.ms[sp.ment].Type != model.Person {
					if m, s, e := f.clauseDoer(c, un); m >= 0 {
						sp = f.fromMention(m, s, e)
					}
				}
			}
		} else if w := f.whatBefore(c, un.lo); w >= 0 {
			// "set off what traders described as “…”", "on what one
			// dealer called “…”": the words between "what" and the cue
			if w+1 == c-1 && f.toks[c-1].kind == kWord && f.toks[c-1].flags&fLower != 0 && f.toks[c-1].lex.class&^(lxRole|lxCommon) == 0 {
				sp = speaker{ment: -1, mention: f.word(c - 1), lo: c - 1, hi: c, ok: true}
			} else {
				sp = f.subjectBefore(c, w+1)
			}
		} else {
			sp = f.subjectBefore(c, un.lo)
			if o := f.firmBySurname(sp, c); o >= 0 {
				sp = f.fromMention(o, sp.lo, sp.hi) // "Corliss said that it had filed suit"
			}
			if !sp.ok && cf&cueInvert != 0 {
				sp = f.subjectAfter(c, un.hi)
				inverted = sp.ok
			}
			// a headline's second verb after a comma: "White House
			// defends tariff pause, says talks ‘moving in the right
			// direction’"
			if !sp.ok && f.isPunct(c-1, ',') && len(f.paras) > 1 && c < f.paras[0].hi && !f.isEndPunct(f.paras[0].hi-1) {
				if hs := f.unitSubject(un, c); hs.ok && hs.ment >= 0 && hs.lo == un.lo {
					sp = hs
				}
			}
		}
		if !sp.ok {
			continue
		}
		if !unitSp.ok || unitSp.name == "" && sp.name != "" {
			unitSp, unitCue = sp, f.cueText(c)
		}
		if cf&cueNaming != 0 {
			continue
		}
		lo, hi := -1, -1
		if !inverted {
			lo = f.clauseAfter(c, cf, un)
		}
		if lo >= 0 {
			hi = f.clauseEnd(lo, un)
		} else {
			// Cue at the end or in the middle: "…, he said(, …)".
			first := c
			if sp.lo < first && sp.lo >= un.lo {
				first = sp.lo
			}
			if !inverted {
				// include role words before the mention: ", Iranian spokesman X stated"
				for first-1 >= un.lo && f.toks[first-1].kind == kWord && f.toks[first-1].q < 0 &&
					(f.toks[first-1].flags&fCap != 0 || f.has(first-1, lxRole|lxDet)) && !f.has(first-1, lxCue) {
					first--
				}
			}
			if !f.isPunct(first-1, ',') {
				continue
			}
			last := c + 1
			if inverted {
				last = sp.hi
			}
			// Parenthetical: "As stated, he said, the cooperation …".
			k := last
			for k < un.hi && !f.isPunct(k, ',') && !f.isEndPunct(k) && f.toks[k].kind != kMark && k < last+6 {
				k++
			}
			if !(k >= un.hi || f.isEndPunct(k) || f.isPunct(k, ',')) {
				continue
			}
			if f.isPunct(k, ',') && f.wordsAtLeast(k+1, un.hi, 4) && !f.isCue(k+1) && !f.isWord(k+1, "according") &&
				!f.wordsAtLeast(max(un.lo, first-1-maxClause), first-1, f.wordsIn(k+1, min(un.hi, k+1+maxClause))) {
				lo, hi = k+1, f.clauseEnd(k+1, un)
			} else {
				lo, hi = un.lo, first-1
				// skip a leading dateline "TEHRAN:"
				for k := lo; k < hi && k < lo+4; k++ {
					if f.isPunct(k, ':') {
						lo = k + 1
						break
					}
				}
			}
		}
		f.emitClause(lo, hi, sp, f.cueText(c))
	}

	// 3. Partial quotations in a sentence with an attributed cue.
	if unitSp.ok {
		qlo, qhi := f.unitQuots(un)
		for i := qlo; i < qhi; i++ {
			q := &f.quots[i]
			if q.unit != u || q.done {
				continue
			}
			if unitSp.name == "" && q.close >= 0 && !f.wordsAtLeast(q.open, q.close, 3) &&
				(unitSp.mention == "" || f.orgPhrase(unitSp.mention, unitSp.lo) == "") &&
				!(f.wordsAtLeast(q.open, q.close, 2) && f.namingCueBefore(q.open, un.lo)) {
				// (a body named by a phrase speaks: "Qedaria's foreign
				// ministry rejected …, calling them “fabricated”")
				continue // a scare quote or a label: “must-carry”
			}
			if f.isWord(q.open-2, "the") && outletNoun(f.word(q.open-1)) && q.close >= 0 && !f.wordsAtLeast(q.open, q.close, 5) {
				continue // a name: "told the newspaper „Morgenbote“"
			}
			kind := model.Mixed
			if f.isDashMark(q.open) {
				kind = model.Direct // "—said X—. It is …": speech resumed
			}
			if sp, ok := f.unnamedRelativeCue(q, un); ok {
				// "…, according to one of the attendees, who described
				// the secretary as “…”": the unnamed one's words, not
				// noted as the latest speaker
				q.done, q.attributed = true, true
				q.speaker, q.spName, q.spMention, q.cue, q.kind = sp.ment, "", sp.mention, "", kind
				continue
			}
			if sp, ok := f.crowdSays(q.open); ok {
				// "told the crowd of workers, who chanted “…”": not
				// noted as the last speaker, whom "he said" still means
				q.done, q.attributed = true, true
				q.speaker, q.spName, q.spMention, q.cue, q.kind = sp.ment, "", sp.mention, f.word(q.open-1), kind
				continue
			}
			f.setQuote(i, unitSp, unitCue, kind)
		}
	}

	// 4. "She paused. “…”", "Petrie said he would appeal. “…”": a
	// quotation filling its unit, after a sentence of the same paragraph
	// that quotes nobody and whose subject is a person, is that person's.
	if u > 0 && !f.opensParagraph(un.lo) && f.toks[un.lo].q >= 0 {
		qi := int(f.toks[un.lo].q)
		if q := &f.quots[qi]; q.open == un.lo && !q.done && q.prev < 0 && f.wholeUnit(q) && !f.quotesIn(f.units[u-1]) {
			if sp := f.leadSpeaker(u - 1); sp.ok && sp.ment >= 0 {
				f.setQuote(qi, sp, "", model.Direct)
			}
		}
	}
}

// pastOpeningPhrase returns the token after the comma that closes the
// phrase opening at token t of unit un ("Asked whether he regretted
// leaving Ann Roe, his striker, out,"): the first comma within 40 tokens,
// before any quotation, that "he", "she" or "the" follows; t when none
// does.
func (f *finder) pastOpeningPhrase(t int, un unit) int {
	for j := t + 1; j+1 < un.hi && j < t+40; j++ {
		if f.toks[j].q >= 0 {
			break
		}
		if f.isPunct(j, ',') && (f.isWord(j+1, "he") || f.isWord(j+1, "she") || f.isWord(j+1, "the")) {
			return j + 1
		}
	}
	return t
}

// quotesIn reports whether unit un holds a quotation mark.
func (f *finder) quotesIn(un unit) bool {
	for t := un.lo; t < un.hi; t++ {
		if f.toks[t].q >= 0 {
			return true
		}
	}
	return false
}

// leadSpeaker returns the person that opens unit u as its subject: a name
// (see leadSubject) or a pronoun, resolved as it would be there.
func (f *finder) leadSpeaker(u int) speaker {
	un := f.units[u]
	t := un.lo
	if f.isWord(t, "but") || f.isWord(t, "and") || f.isWord(t, "then") {
		t++
	}
	// "Asked whether …, she rejected the suggestion.", "Then, as the
	// quay comes up, she speaks.": past an opening question phrase or
	// a "then" and the clause after it
	switch {
	case f.isWord(t, "asked"), f.isWord(t, "pressed"), f.isWord(t, "questioned"), f.isWord(t, "challenged"):
		t = f.pastOpeningPhrase(t, un)
	case f.isPunct(t, ',') && t > un.lo && f.isWord(t-1, "then"):
		t++
		if f.isWord(t, "as") || f.isWord(t, "when") {
			t = f.pastOpeningPhrase(t, un)
		}
	}
	if f.isWord(t, "he") || f.isWord(t, "she") {
		cur := f.cur
		f.cur = un
		sp := f.fromPronoun(t)
		f.cur = cur
		return sp
	}
	// "Asked whether …, the coach was blunt.": the holder of the role
	if t > un.lo && f.isWord(t, "the") && f.has(t+1, lxRole) && f.toks[t+1].ment < 0 && f.toks[t+2].kind == kWord &&
		f.toks[t+2].flags&fLower != 0 && f.toks[t+2].ment < 0 {
		if sp := f.fromRole(t+1, t); sp.ment >= 0 {
			return sp
		}
	}
	if m := f.leadSubject(u); m >= 0 {
		return f.speakerIn(m, un)
	}
	// "The first question came from Ruth Kellerby of the Daily
	// Courier.": the person a question or remark is said to come from,
	// at the end of the sentence
	for k := un.lo; k+2 < un.hi; k++ {
		if !f.isWord(k, "came") && !f.isWord(k, "comes") || !f.isWord(k+1, "from") {
			continue
		}
		n := k + 2
		m := f.toks[n].ment
		if m >= 0 && f.toks[n].kind == kWord && f.mentStart(n) == n && f.ms[m].Type != model.Person && !f.ofBody(n, un) {
			m = -1
		}
		if m >= 0 && f.toks[n].kind == kWord && f.mentStart(n) == n {
			e := f.mentEnd(n)
			if f.isWord(e, "of") || f.isPunct(e, ',') {
				// past the outlet or body: "of the Daily Courier"
				for e < un.hi && !f.isEndPunct(e) && f.toks[e].q < 0 && (f.toks[e].kind != kWord || f.toks[e].flags&fCap != 0 ||
					f.isWord(e, "of") || f.isWord(e, "the")) {
					e++
				}
			}
			if e == un.hi-1 && f.isEndPunct(e) {
				return f.fromMention(int(m), n, f.mentEnd(n))
			}
		}
		break
	}
	return speaker{ment: -1}
}

// speakerIn returns mention m as the speaker that unit un names: its words
// in un, or its own words when un names it otherwise (a given name alone).
func (f *finder) speakerIn(m int, un unit) speaker {
	for t := un.lo; t < un.hi; t++ {
		if int(f.toks[t].ment) == m {
			s := f.mentStart(t)
			return f.fromMention(m, s, f.mentEnd(s))
		}
	}
	return speaker{ment: m, name: f.mentName(m), mention: f.mentText(m), lo: un.lo, hi: un.lo + 1, ok: true}
}

// attrAfter finds an attribution right after quotation q: `”, he said`,
// `” said Smith`, `,” Shaaban told Radio Meridian`.
func (f *finder) attrAfter(q *quotation, un unit) (speaker, int, bool) {
	if q.close < 0 {
		return speaker{}, 0, false
	}
	t := q.close + 1
	if (f.isWord(t, "and") || f.isWord(t, "but")) && f.isCue(q.open-1) && !f.cueAsNoun(q.open-1) {
		// "A man shouted “…” and Gaines pointed at him": the quotation
		// is the verb's before it, the clause after is new.
		return speaker{}, 0, false
	}
	if (f.isWord(t, "and") || f.isWord(t, "but")) && f.isWord(t+1, "that") {
		// "X said the fall “has gone too far” and that the business
		// justified …": a second clause of the cue before, not a new
		// speaker.
		return speaker{}, 0, false
	}
	if f.isPunct(t, ',') || f.isPunct(t, '—') || f.isPunct(t, '–') {
		t++
	}
	// `“…?” Smith asked.`: the splitter ends a sentence at a question or
	// exclamation closing a quotation; its attribution is the next unit.
	if t == un.hi && (f.isPunct(q.close-1, '?') || f.isPunct(q.close-1, '!')) && q.unit+1 < len(f.units) &&
		f.units[q.unit+1].lo == t && !f.opensParagraph(t) {
		sp, c, ok := f.attrAt(t, f.units[q.unit+1])
		if ok {
			q.tail = q.unit + 1
		}
		return sp, c, ok
	}
	return f.attrAt(t, un)
}

// attrAt reads an attribution starting at token t, after a quotation, up
// to the end of unit un.
func (f *finder) attrAt(t int, un unit) (speaker, int, bool) {
	if t >= un.hi || f.toks[t].kind != kWord {
		return speaker{}, 0, false
	}
	if f.isCue(t) {
		cf := f.toks[t].lex.cue.flags
		if cf&cueInvert != 0 || cf&cuePart == 0 {
			sp := f.subjectAfter(t, un.hi)
			if !sp.ok && f.has(t+1, lxPronoun) {
				sp = f.fromPronoun(t + 1)
			}
			if sp.ok {
				return sp, t, true
			}
		}
		return speaker{}, 0, false
	}
	for c := t + 1; c < un.hi && c <= t+16; c++ {
		tk := &f.toks[c]
		if f.isPunct(c, '.') && f.titleAbbrev(c-1) {
			continue // "“…?” Mr. Smith asked": the title's point
		}
		if tk.q >= 0 || tk.kind == kMark || f.isEndPunct(c) {
			break
		}
		if tk.kind != kWord {
			if f.isPunct(c, ',') && c <= t+14 {
				continue // "Smith, 45, said", "Doe, a spokeswoman for X, said"
			}
			break
		}
		if f.isCue(c) && tk.lex.cue.flags&cuePart != 0 {
			if sp, ok := f.quotedAs(c, t); ok {
				return sp, c, true // "“…,” X was quoted as saying"
			}
		}
		if f.isCue(c) && tk.lex.cue.flags&cueNaming != 0 && c+1 < un.hi && f.toks[c+1].kind == kMark && f.toks[c+1].q >= 0 &&
			f.quots[f.toks[c+1].q].open == c+1 {
			// "“…” during questioning, a claim the company called
			// “absurd”": the naming verb's words are the next quotation
			break
		}
		if f.isCue(c) && tk.lex.cue.flags&cuePart == 0 {
			sp := f.subjectBefore(c, t)
			if sp.ok {
				return sp, c, true
			}
			break
		}
	}
	return speaker{}, 0, false
}

// quotedAs reads the speaker of the participle cue c in "X was quoted as
// saying" (the subject) and "state media quoted Minister X as saying" (the
// person quoted), with tokens from lo on.
func (f *finder) quotedAs(c, lo int) (speaker, bool) {
	if !f.isWord(c-1, "as") || c-3 < lo {
		return speaker{}, false
	}
	if f.isWord(c-2, "quoted") {
		if a := c - 3; f.isWord(a, "was") || f.isWord(a, "is") || f.isWord(a, "were") || f.isWord(a, "been") {
			if sp := f.subjectBefore(a, lo); sp.ok {
				return sp, true
			}
		}
		return speaker{}, false
	}
	// "X was quoted by the state news agency as saying", "was quoted
	// in the statement as saying": the subject, past the source
	for k := c - 3; k-1 > lo && k >= c-12; k-- {
		if f.toks[k].kind != kWord || f.toks[k].q >= 0 {
			break
		}
		if f.isWord(k, "quoted") && (f.isWord(k+1, "by") || f.isWord(k+1, "in")) {
			if a := k - 1; f.isWord(a, "was") || f.isWord(a, "is") || f.isWord(a, "were") || f.isWord(a, "been") {
				if sp := f.subjectBefore(a, lo); sp.ok {
					return sp, true
				}
			}
			return speaker{}, false
		}
	}
	e := c - 2
	// "quoted the spokesman, whose name it spells X, as saying": past a
	// relative clause set off after the one quoted
	if f.isPunct(e, ',') {
		for j := e - 2; j > lo && j >= e-12; j-- {
			if f.toks[j].q >= 0 || f.isEndPunct(j) {
				break
			}
			if f.isPunct(j, ',') {
				if f.isWord(j+1, "whose") || f.isWord(j+1, "who") {
					e = j - 1
				}
				break
			}
		}
	}
	// "VESTA quoted the foreign ministry as saying": a body named by its
	// common noun
	if f.toks[e].kind == kWord && f.toks[e].ment < 0 && f.toks[e].flags&fLower != 0 && bodyNoun(f.word(e)) {
		for k := e - 1; k > lo && k >= e-3; k-- {
			if !f.isWord(k, "the") {
				if f.toks[k].kind != kWord || f.toks[k].flags&fLower == 0 || f.toks[k].ment >= 0 {
					break
				}
				continue
			}
			if f.isWord(k-1, "quoted") || f.isWord(k-1, "quoting") {
				if name := f.orgPhrase(f.spanText(k, e+1), k); name != "" {
					return speaker{ment: -1, mention: f.spanText(k, e+1), lo: k, hi: e + 1, ok: true}, true
				}
			}
			break
		}
	}
	if f.toks[e].kind == kWord && f.toks[e].ment < 0 && f.has(e, lxRole) && e-2 >= lo && f.isWord(e-1, "the") &&
		(f.isWord(e-2, "quoted") || f.isWord(e-2, "quoting")) {
		// "his press secretary quoted the governor as saying": the
		// holder of that role named before
		if sp := f.fromRole(e, e-1); sp.ok {
			return sp, true
		}
	}
	if (f.isWord(e, "him") || f.isWord(e, "her")) && (f.isWord(e-1, "quoted") || f.isWord(e-1, "quoting")) {
		// "the agency quoted him as saying": the one the pronoun
		// stands for, not the agency
		if sp := f.fromPronoun(e); sp.ok {
			return sp, true
		}
	}
	if f.isPunct(e, ',') {
		// "quoted a naval commander, Rear Admiral X, as saying": the
		// name set off after the role
		return f.quotedAppositive(e-1, lo)
	}
	if sp, ok := f.quotedUnnamed(e, lo); ok {
		return sp, true
	}
	if f.toks[e].kind != kWord || f.toks[e].ment < 0 {
		return speaker{}, false
	}
	s := f.mentStart(e)
	for k := s - 1; k >= lo && k >= s-6; k-- {
		if f.isWord(k, "quoted") || f.isWord(k, "quoting") || f.isWord(k, "quotes") {
			if m := int(f.toks[e].ment); f.ms[m].Type == model.Person || f.ms[m].Type == model.Other {
				return f.fromMention(m, s, e+1), true
			}
			return speaker{}, false
		}
		if f.toks[k].kind != kWord || f.toks[k].q >= 0 || f.toks[k].flags&fCap == 0 && !f.has(k, lxRole) {
			return speaker{}, false
		}
	}
	return speaker{}, false
}

// quotedAppositive reads "quoted a naval commander, Rear Admiral X, as
// saying" and "quoted the provincial judiciary chief, X, as saying" with
// e the last token of the name before the comma that precedes "as": the
// person named after the role, when "quoted" or "quoting" opens the role
// within a few lower-case words.
func (f *finder) quotedAppositive(e, lo int) (speaker, bool) {
	if e < lo || f.toks[e].kind != kWord || f.toks[e].ment < 0 {
		return speaker{}, false
	}
	m := int(f.toks[e].ment)
	if f.ms[m].Type != model.Person {
		return speaker{}, false
	}
	s := f.mentStart(e)
	// courtesy and military titles the recogniser leaves outside the name
	k := s - 1
	for k >= lo && k >= s-3 && f.toks[k].kind == kWord && f.toks[k].flags&fCap != 0 && f.toks[k].ment < 0 && f.toks[k].q < 0 {
		k--
	}
	if !f.isPunct(k, ',') {
		return speaker{}, false
	}
	role := false
	for j := k - 1; j >= lo && j >= k-7; j-- {
		tk := f.toks[j]
		if tk.kind != kWord || tk.q >= 0 {
			return speaker{}, false
		}
		if f.isWord(j, "quoted") || f.isWord(j, "quoting") {
			if !role {
				return speaker{}, false
			}
			return f.fromMention(m, s, e+1), true
		}
		if tk.flags&fLower == 0 || tk.ment >= 0 {
			return speaker{}, false
		}
		if f.has(j, lxRole) {
			role = true
		}
	}
	return speaker{}, false
}

// pastTitleBack returns the token before capitalised title words without
// a mention that end at token k ("of President X": "of"), or k.
func (f *finder) pastTitleBack(k, lo int) int {
	for k > lo && f.toks[k].kind == kWord && f.toks[k].flags&fCap != 0 && f.toks[k].ment < 0 && f.has(k, lxRole) {
		k--
	}
	return k
}

// addresseeBefore reports whether the participle at token c follows the
// one a verb of writing or appealing is addressed to ("has written to the
// United Nations Security Council accusing", "appealed to the court
// saying").
func (f *finder) addresseeBefore(c, lo int) bool {
	e := c - 1
	if e < lo || f.toks[e].kind != kWord || f.toks[e].q >= 0 {
		return false
	}
	s := e
	if f.toks[e].ment >= 0 {
		s = f.mentStart(e)
	} else if f.toks[e].flags&fLower == 0 {
		return false
	}
	if f.isWord(s-1, "the") {
		s--
	}
	if !f.isWord(s-1, "to") || s-2 < lo {
		return false
	}
	switch strings.ToLower(f.word(s - 2)) {
	case "wrote", "written", "writes", "write", "appealed", "appeals", "complained", "complains", "turned", "protested":
		return true
	}
	return false
}

// issuedMedium reports whether token t ends the object of a verb of
// issuing that names a written text ("issued a bulletin", "released a
// short statement on Friday morning", "sent a letter to members"), so
// that a participle after it ("… saying …") reports the issuer's words.
func (f *finder) issuedMedium(t, lo int) bool {
	// a time or a recipient after the noun: "a bulletin on Friday
	// morning", "a letter to members"
	n := -1
	for k := t; k >= lo && k >= t-5; k-- {
		if f.toks[k].kind != kWord || f.toks[k].q >= 0 {
			return false
		}
		if f.has(k, lxMedium) && f.toks[k].flags&fLower != 0 {
			n = k
			break
		}
	}
	if n < 0 {
		return false
	}
	for j := n - 1; j >= lo && j >= n-4; j-- {
		if f.toks[j].kind != kWord || f.toks[j].q >= 0 {
			return false
		}
		switch strings.ToLower(f.word(j)) {
		case "issued", "released", "published", "sent", "posted", "circulated", "put", "distributed":
			return j < n-1 && (f.has(j+1, lxDet) || f.isWord(j+1, "its") || f.isWord(j+1, "their"))
		}
	}
	return false
}

// quotedUnnamed reads "quoted an unnamed security source as saying" and
// "quoting a senior official as saying", with e the noun before "as": a
// speaker the sentence does not name, so that no later cue of the
// sentence ("a claim the company called") claims the words.
func (f *finder) quotedUnnamed(e, lo int) (speaker, bool) {
	if e < lo || f.toks[e].kind != kWord || f.toks[e].ment >= 0 || f.toks[e].flags&fLower == 0 {
		return speaker{}, false
	}
	switch strings.ToLower(f.word(e)) {
	case "source", "sources", "official", "officials", "diplomat", "diplomats", "person", "people", "insider", "insiders", "aide", "aides":
	default:
		return speaker{}, false
	}
	for k := e - 1; k >= lo && k >= e-5; k-- {
		if f.toks[k].kind != kWord || f.toks[k].q >= 0 || f.toks[k].ment >= 0 {
			return speaker{}, false
		}
		if f.isWord(k, "quoted") || f.isWord(k, "quoting") {
			if k+1 == e || !(f.isWord(k+1, "a") || f.isWord(k+1, "an") || f.isWord(k+1, "one") || f.isWord(k+1, "two") ||
				f.isWord(k+1, "unnamed") || f.isWord(k+1, "anonymous") || f.isWord(k+1, "several")) {
				return speaker{}, false
			}
			return speaker{ment: -1, mention: f.text[f.toks[k+1].start:f.toks[e].end], lo: k + 1, hi: e + 1, ok: true}, true
		}
		if f.toks[k].flags&fLower == 0 {
			return speaker{}, false
		}
	}
	return speaker{}, false
}

// attrBefore finds an attribution right before quotation q: `he said: “`,
// `Smith said, “`, `told CNN that “`, `adding that “`.
func (f *finder) attrBefore(q *quotation, un unit) (speaker, int, bool) {
	p := q.open - 1
	if p < un.lo {
		return speaker{}, 0, false
	}
	if !(f.isPunct(p, ',') || f.isPunct(p, ':') || f.isWord(p, "that") || f.isCue(p) && !f.cueAsNoun(p)) {
		return speaker{}, 0, false
	}
	for c := p; c >= un.lo && c >= p-8; c-- {
		tk := &f.toks[c]
		if tk.q >= 0 || f.isEndPunct(c) {
			break
		}
		if !f.isCue(c) || f.cueAsNoun(c) {
			continue
		}
		cf := tk.lex.cue.flags
		// Between cue and mark: only a listener/time phrase, "that", "," or ":".
		if c < p && cf&cueTell == 0 {
			ok := true
			for k := c + 1; k <= p; k++ {
				if !(f.isPunct(k, ',') || f.isPunct(k, ':') || f.isWord(k, "that") ||
					f.has(k, lxAdv|lxTime|lxMonth|lxPrep|lxDet|lxMedium) || f.toks[k].flags&fCap != 0) {
					ok = false
					break
				}
			}
			if !ok {
				break
			}
		}
		var sp speaker
		if cf&cuePart != 0 {
			if s, ok := f.npEndingAt(c-1, un.lo); ok && c > 0 && f.toks[c-1].ment >= 0 {
				sp = s
			} else if f.lastSpeakerIn(un, q) >= 0 {
				qq := &f.quots[f.lastSpeakerIn(un, q)]
				sp = speaker{ment: qq.speaker, name: qq.spName, mention: qq.spMention, ok: true}
			} else {
				sp = f.unitSubject(un, c)
			}
		} else {
			sp = f.subjectBefore(c, un.lo)
			if (f.isWord(c-1, "and") || f.isWord(c-1, "but")) && sp.ok && sp.lo > un.lo && sp.lo < c && f.has(f.pastTitleBack(sp.lo-1, un.lo), lxPrep) {
				// "X conveyed the greetings of Y to the Emir and
				// expressed “…”": the sentence's subject, not the
				// object of a preposition before "and"
				if us := f.unitSubject(un, c); us.ok && us.lo < sp.lo {
					sp = us
				}
			}
		}
		if sp.ok && sp.name == "" && f.reportedBy(c, un) {
			break // "X wrote that the state had offered “…”": X's words
		}
		if sp.ok {
			return sp, c, true
		}
		break
	}
	return speaker{}, 0, false
}

// namingBefore finds a verb of naming a few words before quotation q,
// with its object between ("had called the bill “…”", "described the
// plan as “…”", "branded him “…”"), whose subject is named: the words
// are that subject's even inside a clause another speaker reports
// ("noting that the governor's office had called the bill “…”").
func (f *finder) namingBefore(q *quotation, un unit) (speaker, int, bool) {
	for c := q.open - 1; c >= un.lo && c >= q.open-7; c-- {
		tk := &f.toks[c]
		if tk.kind != kWord || tk.q >= 0 || tk.ment >= 0 || tk.flags&fLower == 0 {
			break
		}
		if !f.isCue(c) {
			continue
		}
		if tk.lex.cue.flags&cueNaming == 0 || tk.lex.cue.flags&cuePart != 0 || c == q.open-1 || f.cueAsNoun(c) ||
			f.has(c-1, lxAux) || f.isWord(c+1, "by") {
			break
		}
		sp := f.subjectBefore(c, un.lo)
		if !sp.ok {
			break
		}
		if sp.name == "" && f.orgPhrase(sp.mention, c) == "" && sp.ment < 0 {
			// "One, who asked not to be identified, called it “a trophy
			// purchase”": someone the text describes but does not name
			if !f.describedSubject(sp) {
				break
			}
		}
		return sp, c, true
	}
	return speaker{}, 0, false
}

// describedSubject reports whether sp, a speaker with no name, is one of
// the people just described, whom the text keeps unnamed ("Several said
// the price was too high. One, who asked not to be identified, called it
// “…”"), rather than someone a later sentence may name.
func (f *finder) describedSubject(sp speaker) bool {
	return sp.hi == sp.lo+1 && sp.hi <= len(f.toks) && (f.isWord(sp.lo, "one") || f.isWord(sp.lo, "another"))
}

// reportedBy reports whether the cue at token c lies in the clause that an
// earlier cue of unit un, whose subject is named, reports: "Judge Roe wrote
// in her ruling that the state had offered “…”".
func (f *finder) reportedBy(c int, un unit) bool {
	for k := c - 1; k >= un.lo && k > c-40; k-- {
		if f.toks[k].q >= 0 || f.isEndPunct(k) {
			return false
		}
		// "X said his country had offered “…”": a clause without "that"
		if f.isCue(k) && k < c-1 && f.toks[k].lex.cue.flags&cueClause != 0 && f.toks[k].lex.cue.flags&cuePart == 0 && !f.cueAsNoun(k) &&
			!f.isPunct(k+1, ',') && !f.isPunct(k+1, ':') && f.toks[k+1].kind == kWord {
			sp := f.subjectBefore(k, un.lo)
			return sp.ok && sp.name != ""
		}
		if !f.isWord(k, "that") {
			continue
		}
		for o := k - 1; o >= un.lo && o >= k-8; o-- {
			if !f.isCue(o) || f.cueAsNoun(o) || f.toks[o].lex.cue.flags&cuePart != 0 {
				continue
			}
			sp := f.subjectBefore(o, un.lo)
			return sp.ok && sp.name != ""
		}
		return false
	}
	return false
}

// cueAsNoun reports whether the cue word at token c is a noun there: after
// a possessive or a determiner, with at most one lower-case word between
// ("the union's latest demands “…”", "his claims").
func (f *finder) cueAsNoun(c int) bool {
	if strings.HasSuffix(f.word(c), "ed") {
		return false // a past tense: "A man near the front shouted"
	}
	k := c - 1
	if k >= 0 && f.toks[k].kind == kWord && f.toks[k].flags&fLower != 0 && f.toks[k].lex.class == 0 {
		k--
	}
	if k < 0 || f.toks[k].kind != kWord {
		return false
	}
	return f.toks[k].flags&fPoss != 0 || f.has(k, lxDet|lxPossDet)
}

// lastSpeakerIn returns an attributed quotation of unit un before q, or -1.
func (f *finder) lastSpeakerIn(un unit, q *quotation) int {
	for t := q.open - 1; t >= un.lo; t-- {
		if qi := f.toks[t].q; qi >= 0 && f.quots[qi].attributed {
			return int(qi)
		}
	}
	return -1
}

// unitSubject returns the subject of the unit's main clause: its first
// mention, pronoun or role phrase before token c.
func (f *finder) unitSubject(un unit, c int) speaker {
	t0 := un.lo
	// Skip an opening participial phrase: "Asked whether …, Turner was".
	if w := f.toks[t0]; w.kind == kWord && (w.lex.class&lxCue != 0 || strings.HasSuffix(f.word(t0), "ing")) {
		for k := t0 + 1; k < c && k < t0+25; k++ {
			if f.isPunct(k, ',') {
				t0 = k + 1
				break
			}
		}
	}
	// Skip an opening phrase of place, time or medium: "In a Facebook
	// post, she appealed to both sides:".
	if t0 == un.lo && f.has(t0, lxPrep) && f.toks[t0].flags&fCap != 0 && !f.isWord(t0, "according") {
		for k := t0 + 1; k < c && k < t0+8; k++ {
			if f.toks[k].q >= 0 || f.isCue(k) || f.has(k, lxPronoun) {
				break
			}
			if f.isPunct(k, ',') {
				t0 = k + 1
				break
			}
		}
	}
	// Skip the state or country after the place that phrase ends with:
	// "On Monday in Dunmore, Pennsylvania, he went further".
	if t0 > un.lo && t0 < c && f.isPunct(t0-1, ',') && f.toks[t0].kind == kWord && f.toks[t0].ment >= 0 && f.mentStart(t0) == t0 &&
		f.ms[f.toks[t0].ment].Type == model.Place && f.isPunct(f.mentEnd(t0), ',') && f.mentEnd(t0) < c {
		t0 = f.mentEnd(t0) + 1
	}
	// Skip a dateline: "ATLANTA (AP) —", "LYON —".
	t0 = f.pastDateline(t0, c)
	for t := t0; t < c && t < t0+12; t++ {
		tk := &f.toks[t]
		// "The airline said": an organization noun names the nearest one.
		if f.isWord(t, "the") && t+1 < c && f.toks[t+1].ment < 0 && f.toks[t+1].kind == kWord &&
			orgNoun(strings.ToLower(f.word(t+1))) && !f.has(t+2, lxRole) {
			sp := speaker{ment: -1, mention: f.spanText(t, t+2), lo: t, hi: t + 2, ok: true}
			if i := f.res.OrgNamed(int(f.toks[t+1].start), 50000, strings.ToLower(f.word(t+1))); i >= 0 {
				sp.ment, sp.name = i, f.mentName(i)
			}
			return sp
		}
		// "The defence ministry issued …": the noun after modifiers
		if f.isWord(t, "the") {
			if j := f.modifiedOrgNoun(t+1, c); j >= 0 {
				sp := speaker{ment: -1, mention: f.spanText(t, j+1), lo: t, hi: j + 1, ok: true}
				if i := f.res.OrgNamed(int(f.toks[j].start), 50000, strings.ToLower(f.word(j))); i >= 0 {
					sp.ment, sp.name = i, f.mentName(i)
				}
				return sp
			}
		}
		if tk.q >= 0 {
			continue
		}
		if tk.kind == kWord && tk.ment >= 0 {
			s := f.mentStart(t)
			if f.has(s-1, lxPrep) {
				t = f.mentEnd(t) - 1
				continue
			}
			e := f.mentEnd(t)
			if f.toks[e-1].flags&fPoss != 0 {
				t = e - 1
				continue
			}
			// (a person's name too, as a modifier: "A Halloway campaign
			// spokesman, Ann Roe, declined …")
			if mt := f.ms[tk.ment].Type; (mt != model.Person || e < c && f.toks[e].kind == kWord && f.toks[e].flags&fLower != 0) &&
				(f.isWord(s-1, "the") || f.isWord(s-1, "a") || f.isWord(s-1, "an")) {
				// "the Kelham manager was diplomatic:", "The Democratic
				// vice-presidential nominee spent …", "A Delaware judge
				// blocked …"
				// (past a party's name: "A Senate Democratic aide")
				r := e
				for r < c && r < e+2 && f.toks[r].kind == kWord && (f.toks[r].ment < 0 && f.toks[r].flags&fLower != 0 &&
					f.toks[r].lex.class&^lxCommon == 0 && !f.has(r, lxRole) || f.partyWord(r)) {
					r++
				}
				if r < c && f.toks[r].kind == kWord && f.toks[r].ment < 0 && f.has(r, lxRole) && !f.has(r+1, lxRole) {
					// "The UN envoy for Dhuran, Benedikt Haraldsen-Mbeki,
					// welcomed …": the name set off after the role
					if sp, ok := f.roleThenName(r, c); ok && f.isPunct(sp.hi, ',') {
						return sp
					}
					return f.fromRole(r, s-1)
				}
			}
			// "Lethovian Foreign Minister Anzhela Rudenko-Vass, hosting
			// …": a country's word before the title of the person named
			if mt := f.ms[tk.ment].Type; mt != model.Person && e == s+1 {
				r, role := e, false
				for r < c && r < e+4 && f.toks[r].kind == kWord && f.toks[r].ment < 0 && f.toks[r].flags&fCap != 0 {
					role = role || f.has(r, lxRole)
					r++
				}
				if role && r < c && f.toks[r].kind == kWord && f.toks[r].ment >= 0 && f.ms[f.toks[r].ment].Type == model.Person {
					return f.fromMention(int(f.toks[r].ment), r, f.mentEnd(r))
				}
			}
			// "Ambulance Employees Association state secretary Gary
			// Tollemache welcomed …": a body's name, then a title of
			// lowercase words ending in a role word, then the person
			if r := f.bodyTitlePerson(s, e, c); r >= 0 {
				return f.fromMention(int(f.toks[r].ment), r, f.mentEnd(r))
			}
			return f.fromMention(int(tk.ment), s, e)
		}
		if tk.kind == kWord && tk.lex.class&lxPronoun != 0 {
			return f.fromPronoun(t)
		}
		if tk.kind == kWord && tk.lex.class&lxRole != 0 && !f.has(t+1, lxRole) && f.toks[t+1].ment < 0 &&
			!(f.titleAbbrev(t) && t+2 < c && f.toks[t+2].ment >= 0) { // "State Rep. Ann Roe, …, was"

			// "The developer, Voltana Energy, paused …": a body in apposition
			if n := t + 2; f.isPunct(t+1, ',') && n < c && f.toks[n].kind == kWord && f.toks[n].ment >= 0 && f.mentStart(n) == n &&
				f.ms[f.toks[n].ment].Type == model.Organization && f.isPunct(f.mentEnd(n), ',') {
				return f.fromMention(int(f.toks[n].ment), n, f.mentEnd(n))
			}
			// "The mayor of Lavaronne, Ann Roe, on Monday defended …"
			if sp, ok := f.roleThenName(t, c); ok && f.isPunct(sp.hi, ',') {
				return sp
			}
			return f.fromRole(t, max(un.lo, t0))
		}
		if f.isCue(t) {
			break
		}
	}
	return speaker{ment: -1}
}

// pastDateline returns the token after a dateline that opens at token t0
// and ends before token c ("ATLANTA (AP) —", "LYON —"), or t0 when none
// does.
func (f *finder) pastDateline(t0, c int) int {
	if f.toks[t0].kind == kWord && strings.ToUpper(f.word(t0)) == f.word(t0) && f.toks[t0].flags&fCap != 0 {
		for k := t0 + 1; k < c && k < t0+20; k++ {
			if f.datelineEnd(k) {
				t0 = k + 1
				for f.isPunct(t0, '-') {
					t0++
				}
				break
			}
		}
	}
	return t0
}

// modifiedOrgNoun returns the token of a body's noun that one or two
// lower-case modifiers starting at token k lead to before token c ("defence
// ministry", "state news agency"), when no role follows it; or -1.
func (f *finder) modifiedOrgNoun(k, c int) int {
	for j := k + 1; j < c && j <= k+2; j++ {
		if f.toks[j].kind != kWord || f.toks[j].ment >= 0 || f.toks[j].flags&fLower == 0 {
			return -1
		}
		if orgNoun(strings.ToLower(f.word(j))) {
			if !f.modifierWords(k, j) || f.has(j+1, lxRole) {
				return -1
			}
			return j
		}
	}
	return -1
}

// partyWord reports whether token t is a party's adjective that may stand
// between a body's name and a role ("A Senate Democratic aide").
func (f *finder) partyWord(t int) bool {
	switch strings.ToLower(f.word(t)) {
	case "democratic", "republican", "labour", "conservative", "liberal", "tory", "green":
		return f.toks[t].flags&fCap != 0
	}
	return false
}

// bodyTitlePerson returns the first token of the person named after the
// body mention at tokens s..e and a lowercase title ending in a role word
// ("Ambulance Employees Association state secretary Gary Tollemache",
// "Harwick Rail Union general secretary Ann Roe"), before token c, or -1.
func (f *finder) bodyTitlePerson(s, e, c int) int {
	if f.ms[f.toks[s].ment].Type != model.Organization {
		return -1
	}
	r := e
	for r < c && r < e+3 && f.toks[r].kind == kWord && f.toks[r].ment < 0 && f.toks[r].flags&fLower != 0 &&
		(f.has(r, lxRole) || f.toks[r].lex.class&^lxCommon == 0 && f.has(r+1, lxRole)) {
		r++
	}
	if r == e || !f.has(r-1, lxRole) || r >= c || f.toks[r].kind != kWord || f.toks[r].ment < 0 ||
		f.mentStart(r) != r || f.ms[f.toks[r].ment].Type != model.Person {
		return -1
	}
	return r
}

// accordingTo handles "according to X": it reports the clause and returns
// the speaker.
func (f *finder) accordingTo(c int, un unit) (speaker, bool) {
	t := c + 2
	var sp speaker
	e := t
	for ; e < un.hi && e < t+8; e++ {
		tk := &f.toks[e]
		if tk.kind != kWord || tk.q >= 0 {
			break
		}
		// "according to the prospectus": the business that issued it
		if docWord(strings.ToLower(f.word(e))) && tk.flags&fLower != 0 && e > t && f.isWord(t, "the") {
			if m := f.docIssuer(strings.ToLower(f.word(e)), e); m >= 0 {
				sp = speaker{ment: m, name: f.mentName(m), mention: f.spanText(t, e+1), lo: t, hi: e + 1, ok: true}
				e++
				break
			}
		}
		if tk.ment < 0 && f.titleAbbrev(e) && e+2 < un.hi && f.toks[e+2].ment >= 0 {
			e++ // "according to Ms. Roe": the name after the title
			continue
		}
		if tk.ment >= 0 {
			me := f.mentEnd(e)
			if f.ms[tk.ment].Type != model.Person {
				if p := f.personAfterRole(me, un.hi); p >= 0 {
					// "according to Foreign Ministry spokesman X":
					// the body names the role, the person speaks
					pe := f.mentEnd(p)
					sp = f.fromMention(int(f.toks[p].ment), t, pe)
					e = pe
					break
				}
			}
			sp = f.fromMention(int(tk.ment), t, me)
			e = me
			break
		}
		if e == t && (f.isWord(e, "her") || f.isWord(e, "him") || f.isWord(e, "them")) && (e+1 >= un.hi || f.toks[e+1].kind != kWord) {
			sp = f.fromPronoun(e) // "According to her, …"
			e++
			break
		}
		if tk.lex.class&lxRole != 0 && !f.has(e+1, lxRole) {
			sp = f.fromRole(e, t)
			e++
			break
		}
		if tk.lex.class&lxCommon != 0 && f.has(e+1, lxRole|lxCommon) {
			continue
		}
		// "according to data from FactSet", "a report by the agency"
		if tk.lex.class&(lxCommon|lxMedium) != 0 && (f.isWord(e+1, "from") || f.isWord(e+1, "by") || f.isWord(e+1, "of")) {
			if n := e + 2; n < un.hi && f.toks[n].ment >= 0 || f.has(n, lxDet) && n+1 < un.hi && f.toks[n+1].ment >= 0 {
				e++
				continue
			}
		}
		if tk.lex.class&(lxCommon) != 0 {
			sp = speaker{ment: -1, mention: f.spanText(t, e+1), lo: t, hi: e + 1, ok: true}
			e++
			break
		}
		if tk.flags&fCap != 0 && tk.lex.class == 0 {
			// A name the recogniser missed: "according to ESPN Stats & Information".
			k := e + 1
			for k < un.hi && k < e+6 && (f.toks[k].kind == kWord && f.toks[k].flags&fCap != 0 && f.toks[k].q < 0 ||
				f.isPunct(k, '&') && k+1 < un.hi && f.toks[k+1].flags&fCap != 0 || f.isWord(k, "of") && k+1 < un.hi && f.toks[k+1].flags&fCap != 0) {
				k++
			}
			name := f.spanText(e, k)
			sp = speaker{ment: -1, name: name, mention: name, lo: e, hi: k, ok: true}
			e = k
			break
		}
	}
	if !sp.ok {
		return sp, false
	}
	// Extend over the rest of the noun phrase ("according to the agency’s
	// report", "according to one senior aide").
	for e < un.hi && e < t+12 && f.toks[e].kind == kWord && f.toks[e].lex.class&(lxCue|lxThat|lxAux) == 0 {
		e++
	}
	// Extend over the rest of the noun phrase ("according to a statement from X").
	atStart := c == un.lo || f.isPunct(c-1, ',') && false || c <= un.lo+1
	if atStart && f.isPunct(e, ',') {
		if f.personCueAfter(e+1, un) {
			// "According to state television, Premier X said his
			// country …": the source reports X's words
			return speaker{ment: -1}, false
		}
		f.emitClause(e+1, f.clauseEnd(e+1, un), sp, "according to")
	} else if (f.isPunct(c-1, ',') || c > 0 && f.toks[c-1].kind == kMark && f.isPunct(c-2, ',')) &&
		(e >= un.hi || f.isEndPunct(e) || e == un.hi-1) {
		f.emitClause(un.lo, c-1, sp, "according to")
	}
	return sp, true
}

// personCueAfter reports whether the clause from token lo, after an
// opening "According to X,", has a verb of saying of its own, before any
// quotation, whose subject is a person named there.
func (f *finder) personCueAfter(lo int, un unit) bool {
	for k := lo; k < un.hi && k < lo+maxClause; k++ {
		if f.toks[k].kind == kMark || f.isEndPunct(k) {
			return false
		}
		if !f.isCue(k) || f.has(k-1, lxAux) || f.isWord(k-1, "to") {
			continue
		}
		sp := f.subjectBefore(k, lo)
		return sp.ok && sp.ment >= 0 && f.ms[sp.ment].Type == model.Person && sp.lo >= lo
	}
	return false
}

// clauseAfter returns the first token of the clause reported by cue c, or -1.
func (f *finder) clauseAfter(c int, cf uint8, un unit) int {
	k := c + 1
	if k >= un.hi {
		return -1
	}
	// Look for "that" past a listener, time or medium phrase, the medium
	// with a participle after it ("in a statement read out on air that").
	limit := k + 8
	for j := k; j < un.hi && j < limit; j++ {
		tk := &f.toks[j]
		if f.isWord(j, "that") {
			if j+1 < un.hi && f.toks[j+1].kind == kMark && f.toks[j+1].q >= 0 && f.quots[f.toks[j+1].q].done {
				return -1
			}
			return j + 1
		}
		if tk.kind == kWord && tk.lex.class&lxCue != 0 && j > k && f.has(j-1, lxMedium) && f.toks[j-1].flags&fLower != 0 &&
			tk.flags&fLower != 0 {
			limit = k + 10
			continue // "a statement read out", "a letter sent to members"
		}
		if tk.kind == kMark || f.isEndPunct(j) || tk.kind == kWord && tk.lex.class&lxCue != 0 {
			break
		}
		if tk.kind == kWord && tk.lex.class&(lxAux|lxThat|lxRel|lxNeg) != 0 {
			break
		}
	}
	if cf&cueClause == 0 || cf&cueTell != 0 {
		return -1
	}
	if f.isPunct(k, ',') && cf&cuePart != 0 {
		k++ // "adding, these states …"
	}
	tk := &f.toks[k]
	if tk.kind == kMark {
		return -1
	}
	if tk.kind != kWord || tk.lex.class&(lxPrep|lxTime|lxMonth|lxAdv|lxRel) != 0 && tk.lex.class&lxPronoun == 0 {
		return -1
	}
	if !f.wordsAtLeast(k, un.hi, 3) {
		return -1
	}
	return k
}

// maxClause is the longest reported clause, in tokens.
const maxClause = 250

// clauseEnd returns the end (exclusive token) of a reported clause that
// starts at lo: the end of the unit, or a comma before another attribution.
func (f *finder) clauseEnd(lo int, un unit) int {
	un.hi = min(un.hi, lo+maxClause)
	hi := un.hi
	if hi > lo+maxClause {
		hi = lo + maxClause
	}
	for t := lo; t < hi; t++ {
		b := t // exclusive end of the clause if t is a boundary
		if f.toks[t].kind == kMark && f.toks[t].q >= 0 && f.quots[f.toks[t].q].close == t && f.isPunct(t-1, ',') {
			b = t + 1 // `…,” adding that`: keep the closing mark
		} else if !f.isPunct(t, ',') || f.toks[t].q >= 0 {
			continue
		}
		n := t + 1
		if f.isCue(n) && f.toks[n].lex.cue.flags&cuePart != 0 || f.isWord(n, "according") {
			return b
		}
		// ", he said", ", the spokesman added", ", Shaaban said"
		for c := n + 1; c < un.hi && c <= n+5; c++ {
			if f.isCue(c) && f.toks[c].lex.cue.flags&cuePart == 0 {
				if sp := f.subjectBefore(c, n); sp.ok && sp.lo == n || sp.ok && f.has(n, lxDet) {
					return b
				}
				break
			}
			if f.toks[c].kind != kWord {
				break
			}
		}
	}
	return hi
}

// wordsAtLeast reports whether [lo, hi) holds at least n word tokens.
func (f *finder) wordsAtLeast(lo, hi, n int) bool {
	if n <= 0 {
		return true
	}
	for t := lo; t < hi && t < len(f.toks); t++ {
		if f.toks[t].kind == kWord {
			n--
			if n == 0 {
				return true
			}
		}
	}
	return false
}

// unitQuots returns the range of quotations of the unit un.
func (f *finder) unitQuots(un unit) (int, int) {
	lo := sort.Search(len(f.quots), func(i int) bool { return f.quots[i].open >= un.lo })
	hi := lo
	for hi < len(f.quots) && f.quots[hi].open < un.hi {
		hi++
	}
	return lo, hi
}

// wordsIn counts word tokens in [lo, hi).
func (f *finder) wordsIn(lo, hi int) int {
	n := 0
	for t := lo; t < hi && t < len(f.toks); t++ {
		if f.toks[t].kind == kWord {
			n++
		}
	}
	return n
}

// emitClause reports tokens [lo, hi) as what sp said.
func (f *finder) emitClause(lo, hi int, sp speaker, cue string) {
	for hi > lo && (f.toks[hi-1].kind == kPunct && f.toks[hi-1].r != ')' && f.toks[hi-1].r != ']') {
		hi--
	}
	for lo < hi && f.toks[lo].kind == kPunct && f.toks[lo].r != '[' && f.toks[lo].r != '(' {
		lo++
	}
	if hi-lo < 1 || !f.wordsAtLeast(lo, hi, 3) {
		return
	}
	s, e := int(f.toks[lo].start), int(f.toks[hi-1].end)
	// A clause that is one whole quotation: keep the direct quotation.
	if f.toks[lo].kind == kMark && f.toks[lo].q >= 0 && f.toks[hi-1].q == f.toks[lo].q {
		q := &f.quots[f.toks[lo].q]
		if !q.done {
			f.setQuote(int(f.toks[lo].q), sp, cue, model.Direct)
		}
		return
	}
	for i := len(f.claims) - 1; i >= 0; i-- {
		c := f.claims[i]
		if c.End <= int(f.toks[f.cur.lo].start) {
			break
		}
		if s < c.End && c.Start < e {
			return
		}
	}
	kind := model.Indirect
	for t := lo; t < hi; t++ {
		if qi := f.toks[t].q; qi >= 0 {
			q := &f.quots[qi]
			if q.done && q.attributed && !q.consumed {
				return
			}
			if q.nick {
				continue
			}
			kind = model.Mixed
		}
	}
	for t := lo; t < hi; t++ {
		if qi := f.toks[t].q; qi >= 0 {
			f.quots[qi].done = true
			f.quots[qi].consumed = true
		}
	}
	f.noteSpeaker(sp)
	f.claims = append(f.claims, model.Span{Start: s, End: e})
	name := sp.name
	if sp.ment >= 0 {
		name = f.bareName(sp.ment, name) // as a direct quotation's speaker
	}
	if name == "" && sp.ok && kind == model.Mixed {
		name = f.orgPhrase(sp.mention, lo) // "the health ministry said it was “…”"
	}
	if name == "" && sp.ok && kind == model.Mixed && companyWord(sp.mention) {
		name = f.capsHead(lo) // "A company spokesman said" in a briefs entry
	}
	f.out = append(f.out, model.Quote{Span: model.Span{Start: s, End: e}, Text: f.text[s:e], Kind: kind,
		Speaker: name, SpeakerMention: sp.mention, Cue: cue})
}

// personAfterRole returns the first token of a person mention that follows
// token j after a role phrase of at most five words ("spokesman", "Chief
// Executive", "foreign ministry spokesman"), or -1.
func (f *finder) personAfterRole(j, hi int) int {
	role := false
	for k := j; k < hi && k < j+6; k++ {
		tk := &f.toks[k]
		if tk.kind != kWord || tk.q >= 0 {
			return -1
		}
		if tk.ment >= 0 {
			if role && f.ms[tk.ment].Type == model.Person {
				return k
			}
			return -1
		}
		switch {
		case tk.lex.class&lxRole != 0:
			role = true
		case tk.lex.class == 0 && tk.flags&(fCap|fLower) != 0:
		default:
			return -1
		}
	}
	return -1
}

// byMeans reports whether token k, after "said by", names the means of
// speaking, not an agent ("said by telephone", "told reporters by video
// link").
func (f *finder) byMeans(k int) bool {
	switch strings.ToLower(f.word(k)) {
	case "telephone", "phone", "email", "e-mail", "video", "videolink", "letter", "text", "satellite", "radio":
		return f.toks[k].kind == kWord && f.toks[k].flags&fLower != 0
	}
	return false
}

// relativeSpeaker returns the speaker and cue of a relative clause that
// quotation q ends ("X, who told lawmakers on Monday that the bloc “…,”"):
// the person named before ", who", when the cue follows "who" and the
// quotation comes before the clause ends.
func (f *finder) relativeSpeaker(q *quotation, un unit) (speaker, int, bool) {
	for k := q.open - 1; k >= un.lo && k > q.open-25; k-- {
		if f.toks[k].q >= 0 || f.isEndPunct(k) && !f.innerPoint(k) || f.isPunct(k, ',') && !f.isWord(k+1, "who") {
			break
		}
		if !f.isWord(k, "who") {
			continue
		}
		m, e := f.whoAntecedent(k, un.lo)
		if m < 0 {
			break
		}
		c := k + 1
		for c < q.open && f.has(c, lxAdv) {
			c++
		}
		if c >= q.open || !f.isCue(c) || f.cueAsNoun(c) {
			break
		}
		return f.fromMention(m, f.mentStart(e-1), e), c, true
	}
	return speaker{}, 0, false
}

// outletNoun reports whether w is a noun for a news outlet, which a name in
// quotation marks may follow ("the newspaper „Morgenbote“").
func outletNoun(w string) bool {
	for _, n := range [...]string{"newspaper", "paper", "daily", "weekly", "tabloid", "magazine", "broadcaster",
		"channel", "station", "website", "publication", "programme", "program", "show"} {
		if eqLower(w, n) {
			return true
		}
	}
	return false
}

// withSubject returns the mention that ends right before the participle cue
// at token c after "with" ("with the Dock Workers' Federation saying …")
// and the token it starts at, or -1.
func (f *finder) withSubject(c int) (int, int) {
	if c < 1 || f.toks[c-1].ment < 0 || f.toks[c-1].kind != kWord {
		return -1, 0
	}
	s := f.mentStart(c - 1)
	k := s - 1
	if f.isWord(k, "the") {
		k--
	}
	if !f.isWord(k, "with") || f.toks[c-1].flags&fPoss != 0 {
		return -1, 0
	}
	return int(f.toks[c-1].ment), s
}

// endsSentence reports whether quotation q ends its sentence: its last word
// is followed by a full stop, question or exclamation mark inside the
// marks and a capitalised word follows the closing mark („… a year.“ The
// money would …).
func (f *finder) endsSentence(q *quotation) bool {
	n := q.close + 1
	return q.close > 0 && n < len(f.toks) && (f.isPunct(q.close-1, '.') || f.isPunct(q.close-1, '?') || f.isPunct(q.close-1, '!')) &&
		f.toks[n].kind == kWord && f.toks[n].flags&fCap != 0
}

// crowdSays reads the quotation opening at token o as the words of unnamed
// people that a relative clause right before it introduces ("the crowd of
// 2,000 workers, who chanted “…”", "fans who sang “…”"): the speaker is
// unnamed.
func (f *finder) crowdSays(o int) (speaker, bool) {
	v, w, n := o-1, o-2, o-3
	if n < 0 || f.toks[v].kind != kWord || f.toks[v].flags&fLower == 0 || !f.isWord(w, "who") {
		return speaker{}, false
	}
	if f.isPunct(n, ',') {
		n--
	}
	if n < 0 || f.toks[n].kind != kWord || f.toks[n].ment >= 0 || f.toks[n].flags&fLower == 0 || f.toks[n].q >= 0 {
		return speaker{}, false
	}
	return speaker{ment: -1, mention: f.word(n), lo: n, hi: n + 1, ok: true}, true
}

// mannerAdverb reports whether word t is an adverb of frequency or manner
// that may stand between a comma and the participle it modifies: "often",
// "repeatedly", "once".
func (f *finder) mannerAdverb(t int) bool {
	if !f.has(t, lxAdv|lxTime) || f.toks[t].flags&fLower == 0 {
		return false
	}
	switch w := f.word(t); w {
	case "often", "always", "never", "once", "again", "later", "still", "also", "even", "then", "twice":
		return true
	default:
		return strings.HasSuffix(w, "ly")
	}
}

// pointPhrase returns the token before a phrase of time ending at token
// k ("at one point", "at times", "finally", "later"), or k when none
// ends there.
func (f *finder) pointPhrase(k int) int {
	switch {
	case f.isWord(k, "point") && f.isWord(k-2, "at") && (f.isWord(k-1, "one") || f.isWord(k-1, "another") || f.isWord(k-1, "some")):
		return k - 3
	case f.isWord(k, "times") && f.isWord(k-1, "at"):
		return k - 2
	case f.isWord(k, "finally") || f.isWord(k, "later") || f.isWord(k, "eventually"):
		return k - 1
	}
	return k
}

// clauseDoer returns the person mention (with its token range) that is the
// subject of the nearest finite verb before participle c in unit un, as in
// "how Halvorsen's director, Gregor Lindqvist, briefed managers, often
// telling them …", or -1.
func (f *finder) clauseDoer(c int, un unit) (int, int, int) {
	for k := c - 1; k >= un.lo; k-- {
		if f.toks[k].q >= 0 {
			return -1, 0, 0
		}
		m := f.toks[k].ment
		if m < 0 || f.toks[k].kind != kWord || f.ms[m].Type != model.Person || f.mentEnd(k) != k+1 {
			continue
		}
		s, e := f.mentStart(k), k+1
		v := e
		if f.isPunct(v, ',') && f.isPunct(s-1, ',') {
			v++ // past the comma closing an appositive name
		}
		if v < c && f.toks[v].kind == kWord && f.toks[v].flags&fLower != 0 && !f.has(v, lxPrep|lxRel|lxDet) &&
			f.verbLike(v) && f.toks[e-1].flags&fPoss == 0 {
			return int(m), s, e
		}
		return -1, 0, 0 // the nearest person is no subject: never guess further back
	}
	return -1, 0, 0
}

// putItAfter returns the speaker that "as she (once) put it" or "as Roe
// puts it", right after quotation q, names as its source.
func (f *finder) putItAfter(q *quotation, un unit) (speaker, bool) {
	if q.close < 0 {
		return speaker{}, false
	}
	t := q.close + 1
	if f.isPunct(t, ',') {
		t++
	}
	if !f.isWord(t, "as") || t+3 >= un.hi {
		return speaker{}, false
	}
	s := t + 1
	e := s + 1
	pronoun := f.isWord(s, "she") || f.isWord(s, "he")
	if !pronoun {
		m := f.toks[s].ment
		if m < 0 || f.mentStart(s) != s || f.ms[m].Type != model.Person && f.ms[m].Type != model.Organization {
			return speaker{}, false
		}
		e = f.mentEnd(s)
	}
	v := e
	for v < un.hi && f.mannerAdverb(v) {
		v++
	}
	if !(f.isWord(v, "put") || f.isWord(v, "puts")) || !f.isWord(v+1, "it") {
		return speaker{}, false
	}
	if pronoun {
		return f.fromPronoun(s), true
	}
	return f.fromMention(int(f.toks[s].ment), s, e), true
}

// wordsOf returns the speaker that a phrase ending in a comma just before
// the quotation mark at token o names as the quotation's source: "in her
// words,", "in the words of Ann Roe,", "as she (once) put it,", "as Roe
// put it,"; ok is false when no such phrase stands there.
func (f *finder) wordsOf(o int, un unit) (speaker, bool) {
	c := o - 1
	if !f.isPunct(c, ',') || c-3 < un.lo {
		return speaker{}, false
	}
	w := c - 1
	switch {
	case f.isWord(w, "words") && f.isWord(w-2, "in") && f.toks[w-1].kind == kWord:
		// "in her words," "in Roe's words,"
		p := w - 1
		if f.has(p, lxPossDet) {
			if pr := strings.ToLower(f.word(p)); pr == "her" || pr == "his" {
				return f.fromPronoun(p), true
			}
			return speaker{}, false
		}
		if m := f.toks[p].ment; m >= 0 && f.toks[p].flags&fPoss != 0 && (f.ms[m].Type == model.Person || f.ms[m].Type == model.Other) {
			return f.fromMention(int(m), f.mentStart(p), p+1), true
		}
	case f.toks[w].kind == kWord && f.toks[w].ment >= 0 && f.isWord(f.mentStart(w)-1, "of") && f.isWord(f.mentStart(w)-2, "words") &&
		f.isWord(f.mentStart(w)-3, "the") && f.isWord(f.mentStart(w)-4, "in"):
		// "in the words of Ann Roe,"
		if m := int(f.toks[w].ment); (f.ms[m].Type == model.Person || f.ms[m].Type == model.Other) && f.mentEnd(w) == c {
			return f.fromMention(m, f.mentStart(w), c), true
		}
	case (f.isWord(w, "count") || f.isWord(w, "account") || f.isWord(w, "admission")) && f.isWord(w-1, "own") && f.isWord(w-3, "by") &&
		(f.isWord(w-2, "her") || f.isWord(w-2, "his")):
		// "by her own count,"
		return f.fromPronoun(w - 2), true
	case f.isWord(w, "it") && (f.isWord(w-1, "put") || f.isWord(w-1, "puts")):
		// "as she put it,", "as Roe once put it,"
		s := w - 2
		for s > un.lo && f.mannerAdverb(s) {
			s--
		}
		if s <= un.lo || f.toks[s].kind != kWord {
			return speaker{}, false
		}
		if f.has(s, lxPronoun) && f.isWord(s-1, "as") {
			if pr := strings.ToLower(f.word(s)); pr == "she" || pr == "he" {
				return f.fromPronoun(s), true
			}
			return speaker{}, false
		}
		if m := f.toks[s].ment; m >= 0 && f.isWord(f.mentStart(s)-1, "as") && f.mentEnd(s) == s+1 &&
			(f.ms[m].Type == model.Person || f.ms[m].Type == model.Organization) {
			return f.fromMention(int(m), f.mentStart(s), s+1), true
		}
	}
	// "as she liked to tell visitors,", "as Roe told the committee,": a
	// reporting verb in a clause opened by "as" and its subject
	for k := c - 1; k > un.lo && k >= c-8; k-- {
		if f.toks[k].q >= 0 || f.toks[k].kind != kWord {
			return speaker{}, false
		}
		if !f.isWord(k, "as") {
			continue
		}
		s := k + 1
		pronoun := f.isWord(s, "she") || f.isWord(s, "he")
		e := s + 1
		if !pronoun {
			if f.toks[s].ment < 0 || f.mentStart(s) != s || f.ms[f.toks[s].ment].Type != model.Person {
				return speaker{}, false
			}
			e = f.mentEnd(s)
		}
		for j := e; j < c; j++ {
			if f.toks[j].ment >= 0 {
				return speaker{}, false
			}
			if f.isCue(j) && f.toks[j].lex.cue.flags&cueNaming == 0 {
				if pronoun {
					return f.fromPronoun(s), true
				}
				return f.fromMention(int(f.toks[s].ment), s, e), true
			}
		}
		return speaker{}, false
	}
	return speaker{}, false
}

// ofBody reports whether the name starting at token n, of two words or
// more, is followed by "of" and an organisation ("Ann Roe of the Evening
// Ledger"): a person with the body they work for, whatever the
// recogniser typed the name as after "from".
func (f *finder) ofBody(n int, un unit) bool {
	e := f.mentEnd(n)
	if e < n+2 || !f.isWord(e, "of") {
		return false
	}
	o := e + 1
	if f.isWord(o, "the") {
		o++
	}
	if o >= un.hi || f.toks[o].kind != kWord || f.toks[o].ment < 0 {
		return false
	}
	return f.ms[f.toks[o].ment].Type == model.Organization
}

// firmBySurname returns the business a one-word subject read as a
// person's surname stands for when what the cue at token c reports opens
// with "it" or "its" ("Corliss said late yesterday that it had filed
// suit" after "Corliss Mills Inc." and "Lucius Corliss"): the
// organisation named before whose name opens with that word, or -1.
func (f *finder) firmBySurname(sp speaker, c int) int {
	if !sp.ok || sp.ment < 0 || sp.hi != sp.lo+1 || f.ms[sp.ment].Type != model.Person {
		return -1
	}
	it := false
	for k := c + 1; k < len(f.toks) && k <= c+5; k++ {
		if f.toks[k].kind != kWord || f.toks[k].q >= 0 || f.toks[k].ment >= 0 || f.has(k, lxPronoun) && !f.isWord(k, "it") {
			break
		}
		if f.isWord(k, "it") || f.isWord(k, "its") {
			it = true
			break
		}
	}
	if !it {
		return -1
	}
	w := f.word(sp.lo)
	return f.res.Nearest(int(f.toks[sp.lo].start), 50000, resolve.Organization, func(i int) bool {
		if f.ms[i].Type != model.Organization || f.inQuotation(f.ms[i].Start) {
			return false
		}
		first, _, _ := strings.Cut(f.ms[i].Text, " ")
		return first == w && strings.Contains(f.ms[i].Text, " ")
	})
}

// whatBefore returns the token of a "what" opening the subject of naming
// cue c, at most four words before it and not before token lo ("what
// traders described as", "what one London dealer called"), or -1.
func (f *finder) whatBefore(c, lo int) int {
	if f.toks[c].lex.cue.flags&cueNaming == 0 {
		return -1
	}
	for k := c - 2; k >= lo && k >= c-5; k-- {
		if f.toks[k].kind != kWord || f.toks[k].q >= 0 {
			return -1
		}
		if f.isWord(k, "what") && f.toks[k].flags&fLower != 0 {
			return k
		}
		if f.isCue(k) || f.has(k, lxPronoun|lxRel|lxThat) {
			return -1
		}
	}
	return -1
}

// namingCueBefore reports whether a naming cue stands at most three words
// before the mark at token open, not before token lo: the quotation is
// what the cue's subject called something ("officials described as
// “wildly optimistic”", "analysts called the drop “a healthy
// correction”").
func (f *finder) namingCueBefore(open, lo int) bool {
	for k := open - 1; k >= lo && k >= open-4; k-- {
		if f.toks[k].kind != kWord || f.toks[k].q >= 0 {
			return false
		}
		if f.isCue(k) && f.toks[k].lex.cue.flags&cueNaming != 0 {
			return true
		}
	}
	return false
}
