// Holders: the subject of a cue, and the entity a pronoun, title or
// organisation noun refers to.

package claim

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/analyze/resolve"
	"github.com/parallax-news/parallax/internal/model"
)

// subject finds the holder of the verb at i: the noun phrase before it,
// past auxiliaries, adverbs and an appositive. npStart is the index where
// the subject starts.
func (a *analysis) subject(s sentRange, i int) (holder, bool) {
	j := i - 1
	for {
		for j >= s.lo && a.toks[j].isWord() && skippable(a.toks[j].w) {
			j--
		}
		if j-1 >= s.lo && a.toks[j].w == "to" && refusal(a.toks[j-1].w) {
			j -= 2
			continue
		}
		if j-2 >= s.lo && a.toks[j].w == "of" && a.toks[j-1].w == "short" {
			j -= 3
			continue
		}
		// a day between subject and verb: "the party on Saturday
		// accused", "the minister yesterday denied"
		if j-1 >= s.lo && a.toks[j].isWord() && weekday(a.toks[j].w) {
			j--
			if a.toks[j].w == "on" {
				j--
			}
			continue
		}
		break
	}
	if j < s.lo {
		return holder{start: i}, false
	}
	// appositive: "Dana Holt, the spokesman for …, said", "Ana Ruiz,
	// Chile's trade minister, said"
	if a.toks[j].p == pComma {
		for c := j - 1; c > s.lo && j-c < 20; c-- {
			if a.toks[c].p == pComma {
				n := a.toks[c+1]
				if n.isWord() && (n.w == "the" || n.w == "a" || n.w == "an" || roleNoun(n.w) || n.w == "who" || roleNoun(a.toks[j-1].w)) &&
					c-1 >= s.lo && a.toks[c-1].isWord() {
					j = c - 1
				} else if a.namedAfterRole(s, c, j) {
					// a name in apposition after its role: "the trade
					// minister, Ana Ruiz, said", "the minister, Mr. Ruiz,"
					j--
				}
				break
			}
			if t := a.toks[c]; t.p == pEnd && !(c-1 > s.lo && courtesyTitle(a.toks[c-1].w)) ||
				t.p == pSemi || t.p == pClose || t.p == pOpen {
				break
			}
		}
	}
	if a.toks[j].p == pParenR {
		for c := j - 1; c > s.lo && j-c < 8; c-- {
			if a.toks[c].p == pParenL {
				j = c - 1
				break
			}
		}
	}
	if j < s.lo || (!a.toks[j].isWord() && a.toks[j].p != pPoss) {
		return holder{start: i}, false
	}
	return a.holderAt(s, j)
}

// namedAfterRole reports whether the tokens between the commas at c and j
// are one name, after an optional courtesy title, that stands in
// apposition to a role: a person, or a name of unknown type after a role
// noun ("Chile's trade minister, Ana Ruiz,").
func (a *analysis) namedAfterRole(s sentRange, c, j int) bool {
	k := c + 1
	if k < j && courtesyTitle(a.toks[k].w) {
		k++
		if k < j && a.toks[k].p == pEnd {
			k++
		}
	}
	mi := a.mentAt[j-1]
	if k >= j || mi < 0 || a.mentAt[k] != mi {
		return false
	}
	switch a.ments[mi].Type {
	case model.Person:
		return true
	case model.Other:
		return c-1 >= s.lo && roleNoun(a.toks[c-1].w)
	}
	return false
}

// courtesyTitle reports the titles written before a person's name.
func courtesyTitle(w string) bool {
	switch w {
	case "mr", "mrs", "ms", "dr", "mr.", "mrs.", "ms.", "dr.":
		return true
	}
	return false
}

// holderAt resolves the noun phrase ending at token j.
func (a *analysis) holderAt(s sentRange, j int) (holder, bool) {
	if j < s.lo || j >= len(a.toks) {
		return holder{start: j}, false
	}
	t := a.toks[j]
	if mi := a.mentAt[j]; mi >= 0 {
		return a.mentionHolder(s, j, mi)
	}
	if t.isWord() {
		switch pronoun(t.w) {
		case prPerson:
			if h := a.lastPerson(int(t.s)); h != "" {
				return holder{keys: []string{h}, person: true, start: j}, true
			}
			return holder{start: j}, false
		case prThing:
			if h, p := a.lastThing(int(t.s)); h != "" {
				return holder{keys: []string{h}, person: p, start: j}, true
			}
			return holder{start: j}, false
		}
		if t.w == "who" || t.w == "that" || t.w == "which" {
			k := j - 1
			if k >= s.lo && a.toks[k].p == pComma {
				k--
			}
			if k >= s.lo && k < j {
				return a.holderAt(s, k)
			}
			return holder{start: j}, false
		}
		if npStop(t.w) || determiner(t.w) || claimNoun(t.w) || verbClassOf(t.w) {
			return holder{start: j}, false
		}
	} else if t.p != pPoss {
		return holder{start: j}, false
	}
	return a.nounPhraseHolder(s, j)
}

// mentionHolder is holderAt for a subject ending in token j of mention mi:
// the mention, with a coordinated one before it ("Both Iran and Russia"),
// or a noun phrase the mention is inside ("the head of the CIA").
func (a *analysis) mentionHolder(s sentRange, j int, mi int32) (holder, bool) {
	m := a.ments[mi]
	start := j
	for start-1 >= s.lo && a.mentAt[start-1] == mi {
		start--
	}
	// "Iran’s Foreign Ministry spokesman" is handled below; a mention
	// followed by a role noun is not the subject.
	hs := []string{m.Key}
	person := m.Type == model.Person
	// coordination: "Both Iran and Russia"
	if start-2 >= s.lo && a.toks[start-1].w == "and" {
		if more, ok2 := a.holderAt(s, start-2); ok2 && a.mentAt[start-2] >= 0 {
			hs = append(more.keys, hs...)
			person = person && more.person
			start = more.start
		}
	}
	for start-1 >= s.lo && a.toks[start-1].isWord() && determiner(a.toks[start-1].w) {
		start--
	}
	// a mention inside a noun phrase: "the head of the CIA",
	// "prosecutors in Lyon"
	if p := start - 1; p-1 >= s.lo && len(hs) == 1 && a.toks[p].isWord() {
		switch a.toks[p].w {
		case "of", "in", "at", "from":
			n := a.toks[p-1]
			if !n.isWord() || n.up && p-1 != a.sentStartTok(s.i) || a.mentAt[p-1] >= 0 || npStop(n.w) || determiner(n.w) || verbClassOf(n.w) || isAdverb(n.w) {
				break
			}
			if roleNoun(n.w) {
				if h := a.resolveRole([]string{n.w}, int(n.s)); h != "" {
					return holder{keys: []string{h}, person: true, start: p - 1}, true
				}
				break
			}
			if strings.HasSuffix(n.w, "s") && !strings.HasSuffix(n.w, "ss") {
				k := p - 1
				for k-1 >= s.lo && a.toks[k-1].isWord() && !npStop(a.toks[k-1].w) && !verbClassOf(a.toks[k-1].w) && !determiner(a.toks[k-1].w) && p-k < 4 {
					k--
				}
				h := a.span(k, j+1)
				if r, sz := utf8.DecodeRuneInString(h); unicode.IsLower(r) {
					h = string(unicode.ToUpper(r)) + h[sz:]
				}
				return holder{keys: []string{h}, person: false, start: k}, true
			}
		}
	}
	return holder{keys: hs, person: person, start: start}, true
}

// nounPhraseHolder is holderAt for a subject that is no mention nor
// pronoun: a title resolved to a person ("the spokesman"), an organisation
// noun resolved to an organisation ("the company"), or the noun phrase
// itself ("Western countries").
func (a *analysis) nounPhraseHolder(s sentRange, j int) (holder, bool) {
	t := a.toks[j]
	// noun phrase walk
	k := j
	for k-1 >= s.lo && j-k < 8 {
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
	if k-2 >= s.lo && a.toks[k-1].w == "and" {
		if possDet(a.toks[k].w) {
			if h, ok := a.holderAt(s, k-2); ok {
				return h, true
			}
		}
	}
	first := k
	for first < j && (determiner(a.toks[first].w) || a.toks[first].p == pPoss) {
		first++
	}
	head := t.w
	if t.p == pPoss {
		return holder{start: j}, false
	}
	words := make([]string, 0, j-first+1)
	for m := first; m <= j; m++ {
		if a.toks[m].isWord() {
			words = append(words, a.toks[m].w)
		}
	}
	if roleNoun(head) {
		if h := a.resolveRole(words, int(t.s)); h != "" {
			return holder{keys: []string{h}, person: true, start: k}, true
		}
	}
	if orgNoun(head) && !t.up || (orgNoun(head) && len(words) == 1) {
		if h := a.resolveOrg(a.orgWords(first, j), int(t.s)); h != "" {
			return holder{keys: []string{h}, person: false, start: k}, true
		}
	}
	if first > j {
		return holder{start: j}, false
	}
	if weekday(head) || monthName(head) || head == "gmt" || head == "they've" || head == "we've" {
		return holder{start: j}, false
	}
	// words that brand a claim false do not name a holder
	for m := first; m <= j; m++ {
		if denyWord(a.toks[m].w) {
			return holder{start: j}, false
		}
	}
	// a noun phrase containing a mention but headed by a common noun
	h := a.span(first, j+1)
	if h == "" {
		return holder{start: j}, false
	}
	if r, sz := utf8.DecodeRuneInString(h); unicode.IsLower(r) && first == a.sentStartTok(s.i) {
		h = string(unicode.ToUpper(r)) + h[sz:]
	}
	// a lone lower-case word that is not a plural noun is rarely a holder
	if len(words) == 1 && !t.up && !strings.HasSuffix(head, "s") && !roleNoun(head) && !(orgNoun(head) && first > k) && first != a.sentStartTok(s.i) {
		return holder{start: j}, false
	}
	return holder{keys: []string{h}, person: roleNoun(head), start: k}, true
}

func (a *analysis) sentStartTok(si int) int { return a.sentTok[si][0] }

// holderRight finds an inverted subject after the verb ("…, said
// spokesman Hassan Shaaban").
func (a *analysis) holderRight(s sentRange, j int) (holder, bool) {
	if j < s.hi && a.toks[j].isWord() && pronoun(a.toks[j].w) == prPerson {
		if h := a.lastPerson(int(a.toks[j].s)); h != "" {
			return holder{keys: []string{h}, person: true, start: j}, true
		}
	}
	for m := j; m < s.hi && m-j < 10; m++ {
		t := a.toks[m]
		if mi := a.mentAt[m]; mi >= 0 {
			e := m
			for e+1 < s.hi && a.mentAt[e+1] == mi {
				e++
			}
			// the last mention of a run of names and roles
			// ("Foreign Ministry spokesman Hassan Shaban")
			if e+1 < s.hi && a.mentAt[e+1] >= 0 {
				continue
			}
			r := e + 1
			for r < s.hi && r-e <= 3 && a.toks[r].isWord() && a.mentAt[r] < 0 && roleNoun(a.toks[r].w) {
				r++
			}
			if r > e+1 && r < s.hi && a.mentAt[r] >= 0 {
				m = r - 1
				continue
			}
			mm := a.ments[mi]
			return holder{keys: []string{mm.Key}, person: mm.Type == model.Person, start: j}, true
		}
		if !t.isWord() && t.p != pPoss {
			break
		}
		if t.isWord() && !t.up && !determiner(t.w) && !roleNoun(t.w) && !orgNoun(t.w) && t.w != "foreign" && t.w != "ministry" {
			break
		}
	}
	// a role without a name: "said the spokesman"
	for m := j; m < s.hi && m-j < 6; m++ {
		if a.toks[m].isWord() && roleNoun(a.toks[m].w) && (m+1 >= s.hi || !a.toks[m+1].isWord()) {
			h, ok := a.holderAt(sentRange{i: s.i, lo: j, hi: s.hi}, m)
			h.start = j
			return h, ok
		}
	}
	return holder{}, false
}

// maxLookBack bounds how many earlier stances a resolver looks through,
// and maxReach how far back in bytes, so that work per article stays linear
// in its length.
const (
	maxLookBack = 256
	maxReach    = 50000
)

// lastPerson returns the key of the last person mentioned before pos, or
// of the last person holding a stance.
func (a *analysis) lastPerson(pos int) string {
	if k := a.res.Last(pos, resolve.Person); k >= 0 {
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
	if k := a.res.Last(pos, resolve.Thing); k >= 0 {
		return a.ments[k].Key, false
	}
	return "", false
}

// resolveRole finds the person a title refers to ("the spokesman", "The CIA
// director"): the nearest person named before it with that role, as the
// quote finder resolves it.
func (a *analysis) resolveRole(words []string, pos int) string {
	if k := a.res.WithRole(pos, maxReach, resolve.RoleStem(words[len(words)-1])); k >= 0 {
		return a.ments[k].Key
	}
	return ""
}

// resolveOrg finds the organisation a common noun phrase refers to ("the
// company", "the electoral commission"; words as resolve.OrgCalled takes
// them), or "".
func (a *analysis) resolveOrg(words []string, pos int) string {
	if k := a.res.OrgCalled(pos, maxReach, orgNear, words); k >= 0 {
		return a.ments[k].Key
	}
	return ""
}

// orgNear is how far back, in bytes, a generic organisation noun ("the
// company") looks for the organisation it stands for.
const orgNear = 1500

// orgWords returns the words of the noun phrase toks[first..j] that an
// organisation's name must contain for the phrase to refer to it: the
// words that are no determiner, possessive or part of a name mention.
func (a *analysis) orgWords(first, j int) []string {
	var ws []string
	for m := first; m <= j; m++ {
		if t := a.toks[m]; t.isWord() && a.mentAt[m] < 0 && !determiner(t.w) {
			ws = append(ws, t.w)
		}
	}
	return ws
}
