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
	if c.name != "" {
		return c.name
	}
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
	groupVariants(full)
	members := make(map[int][]int, len(full))   // representative -> full names
	byLast := make(map[string][]int, len(full)) // surname key -> full names, in text order
	for i := range full {
		rep := &full[full[i].group]
		cs[full[i].ci].key = f.candText(&cs[rep.ci])
		members[full[i].group] = append(members[full[i].group], i)
		last := full[i].keys[len(full[i].keys)-1]
		byLast[last] = append(byLast[last], i)
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
		// "Progressive Unity Congress (PUC)", read as "Progressive
		// Unity" and a known body's word: the acronym's initials join
		// the two into one name
		if i >= 2 && initials(f.candText(p)) != t.text {
			if q := &cs[i-2]; q.b == p.a && (q.typ == model.Other || q.typ == model.Organization) &&
				onlySpace(f.text, f.toks[q.b-1].e, f.toks[p.a].s) {
				if joined := f.text[f.toks[q.a].s:f.toks[p.b-1].e]; initials(joined) == t.text {
					pk = joined
					q.key, q.typ = joined, model.Organization
					p.key = joined
				}
			}
		}
		acr[t.text] = pk
		p.typ = model.Organization
	}
	// a name whose last word is written alone after "the" ("talk to the
	// Independents") is a body's, not a person's by surname: it keeps
	// its type and its single words only join its key
	var bodies map[int]bool
	for i := range cs {
		c := &cs[i]
		if c.gaz || c.b-c.a != 1 || c.be > 0 || !f.theBefore(c.a) || f.nounAfter(c.a) {
			continue
		}
		pk := phoneticKey(f.toks[c.a].text)
		if best := f.nearestFull(full, byLast[pk], c.a); best >= 0 && f.surnameOK(c, &f.toks[c.a], &cs[full[best].ci]) {
			if g := full[best].group; cs[full[g].ci].typ != model.Person {
				if bodies == nil {
					bodies = map[int]bool{}
				}
				bodies[g] = true
			}
		}
	}
	// single words
	var expand map[string]string
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
		best := f.nearestFull(full, byLast[pk], c.a)
		if best >= 0 {
			// "Smt. Rawal" after "Smt. Sunita Rawal … Shri Mahesh Rawal",
			// "Mrs. Tedesco" after "Marvin Tedesco … Sylvia Tedesco": the
			// one written with a title or a given name of the same sex
			if g := f.honorificSex(c.a); g != 0 {
				if h := f.fullSex(&cs[full[best].ci]); h != 0 && h != g {
					if alt := f.fullWithSex(full, byLast[pk], c.a, g); alt >= 0 {
						best = alt
					}
				}
				// "the elder Mr. Voss" after "Harlan Voss … his son,
				// Curtis Voss": the first named, "the younger" the other
				if alt := f.elderYounger(full, byLast[pk], c.a); alt >= 0 {
					best = alt
				}
			}
		}
		if best >= 0 && f.surnameOK(c, t, &cs[full[best].ci]) {
			g := full[best].group
			if bodies[g] {
				c.key = f.candText(&cs[full[g].ci])
				c.weak, c.titleOnly = false, false
				continue
			}
			c.typ = model.Person
			c.key = f.candText(&cs[full[g].ci])
			c.weak, c.titleOnly = false, false
			for _, k := range members[g] {
				fc := &cs[full[k].ci]
				if fc.maybePerson {
					fc.typ, fc.maybePerson = model.Person, false
				}
			}
			continue
		}
		// "Liang Weiren … Liang said": a family name written first,
		// alone later
		if fi := f.familyFirst(full, c.a, t); fi >= 0 {
			c.typ = model.Person
			c.key = f.candText(&cs[full[full[fi].group].ci])
			c.weak, c.titleOnly = false, false
			continue
		}
		// "Dame Lorna" after "Dame Lorna Birtwistle": Sir and Dame go
		// with the given name
		if c.a > 0 && (f.toks[c.a-1].low == "sir" || f.toks[c.a-1].low == "dame") {
			if best := f.givenFull(full, c.a, t); best >= 0 {
				c.typ = model.Person
				c.key = f.candText(&cs[full[full[best].group].ci])
				c.weak, c.titleOnly = false, false
				continue
			}
		}
		// "Daniel said" after "Daniel Halloran": a given name alone, after
		// one person of that given name
		if c.typ == model.Person || c.typ == model.Other {
			if g := f.givenOnly(full, c.a, t); g >= 0 {
				c.typ = model.Person
				c.key = f.candText(&cs[full[g].ci])
				c.weak, c.titleOnly = false, false
				continue
			}
		}
		if t.upper {
			if k, ok := acr[t.text]; ok {
				c.key, c.typ, c.weak, c.titleOnly = k, model.Organization, false, false
				continue
			}
			if k := f.expansion(&expand, t.text); k != "" {
				c.key, c.typ, c.weak, c.titleOnly = k, model.Organization, false, false
				continue
			}
		}
	}
	f.firmShortNames(cs)
	f.pronounPersons(cs)
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
	var lowerWords map[string]bool
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
		// a generic noun opening a sentence ("Residents said", "Nobody
		// was hurt") is no name unless it is written capitalised
		// mid-sentence too; a surname that joined a full name above never
		// gets here
		if t := &f.toks[c.a]; t.sent && !t.lower && c.be == 0 && isGenericWord(t.low) {
			if _, ok := seen[f.candKey(c)]; !ok {
				c.drop = true
				continue
			}
		}
		// a common word written in lower case elsewhere is no name
		low := f.toks[c.a].low
		if c.b-c.a == 1 && f.lowerElsewhere(&lowerWords, low) {
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

// nounAfter reports whether a lower-case word that is no function word
// follows token i, so that the word at i modifies it ("the Ruvalcaba
// campaign") rather than heads the phrase ("the Independents.", "the
// Independents about …").
func (f *finder) nounAfter(i int) bool {
	if i+1 >= len(f.toks) || f.toks[i].poss {
		return i+1 < len(f.toks)
	}
	t := &f.toks[i+1]
	return t.adj && t.lower && t.flags()&(fFunc|fCommon) == 0
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
	if t.upper && fc.maybePerson && f.datelineWord(c.a) {
		// "VALSORNA — …" then "the Giro di Valsorna": the place of a
		// dateline is no surname
		return false
	}
	return lightKey(f.toks[fc.b-1].text) == lightKey(t.text)
}

// datelineWord reports whether token i, in capitals, opens its line and a
// dash or a comma follows it: the place of a dateline ("VALSORNA — The
// house of …", "BRANDTHEIDE, July 14").
func (f *finder) datelineWord(i int) bool {
	t := &f.toks[i]
	if !t.upper || i > 0 && f.toks[i-1].line == t.line {
		return false
	}
	rest := strings.TrimLeft(f.text[t.e:], " \t")
	return strings.HasPrefix(rest, "—") || strings.HasPrefix(rest, "–") || strings.HasPrefix(rest, "-") || strings.HasPrefix(rest, ",")
}

// nearestFull returns the index in full of the person whose surname has
// phonetic key pk, nearest before token at (or after it when none is
// before), or -1. same lists, in text order, the full names with that
// surname key.
func (f *finder) nearestFull(full []fullName, same []int, at int) int {
	if len(same) == 0 {
		return -1
	}
	// the first name starting after at
	k := sort.Search(len(same), func(i int) bool { return f.cands[full[same[i]].ci].a > at })
	if k == 0 {
		return same[0]
	}
	// the nearest before: the last start <= at, the first of equal starts
	a := f.cands[full[same[k-1]].ci].a
	for k > 1 && f.cands[full[same[k-2]].ci].a == a {
		k--
	}
	return same[k-1]
}

// honorificSex returns 'f' or 'm' for a courtesy title of that sex just
// before token a ("Smt.", "Mrs", "Ms", "Shri", "Mr"), or 0.
func (f *finder) honorificSex(a int) byte {
	if a == 0 || f.toks[a-1].line != f.toks[a].line {
		return 0
	}
	switch strings.TrimSuffix(f.toks[a-1].low, ".") {
	case "smt", "mrs", "ms", "miss", "madam", "kumari":
		return 'f'
	case "shri", "sri", "mr":
		return 'm'
	}
	return 0
}

// fullWithSex returns the index in full of the last person before token
// at, among same (full names with one surname key, in text order),
// written after a courtesy title or with a given name of sex g, else of
// the last one before at whose sex is not known, or -1.
func (f *finder) fullWithSex(full []fullName, same []int, at int, g byte) int {
	unknown := -1
	for k := len(same) - 1; k >= 0; k-- {
		c := &f.cands[full[same[k]].ci]
		if c.a >= at {
			continue
		}
		switch f.fullSex(c) {
		case g:
			return same[k]
		case 0:
			if unknown < 0 {
				unknown = same[k]
			}
		}
	}
	return unknown
}

// fullSex returns 'f' or 'm' for a full name written after a courtesy
// title of that sex or opening with a given name of that sex, or 0.
func (f *finder) fullSex(c *cand) byte {
	if h := f.honorificSex(c.a); h != 0 {
		return h
	}
	return GivenNameSex(f.toks[c.a].low)
}

// elderYounger returns the index in full of the person that "the elder"
// or "the younger" before the courtesy title before token at names, when
// exactly two people before at share the surname (same lists the full
// names with that surname key, in text order): the elder is the one named
// first, the younger the other; or -1.
func (f *finder) elderYounger(full []fullName, same []int, at int) int {
	if at < 3 || f.toks[at-2].line != f.toks[at].line || f.toks[at-3].line != f.toks[at].line {
		return -1
	}
	elder := false
	switch f.toks[at-2].low {
	case "elder":
		elder = true
	case "younger":
	default:
		return -1
	}
	var groups []int // the groups of the people named before at, in order
	first := map[int]int{}
	for _, k := range same {
		if f.cands[full[k].ci].a >= at {
			break
		}
		if _, ok := first[full[k].group]; !ok {
			first[full[k].group] = k
			groups = append(groups, full[k].group)
		}
	}
	if len(groups) != 2 {
		return -1
	}
	if elder {
		return first[groups[0]]
	}
	return first[groups[1]]
}

// groupVariants groups the full names that are variants of one another
// (same key, or one name a sub-sequence of another): each name joins the
// first earlier group whose representative it matches, and the longer name
// becomes the representative. Only names with the same surname key can
// match, so each name is compared with the groups of its surname, at most
// maxVariantScan of them.
func groupVariants(full []fullName) {
	const maxVariantScan = 64
	reps := map[string][]int{} // surname key -> representatives, by index
	members := map[int][]int{} // representative -> its names
	for i := range full {
		last := full[i].keys[len(full[i].keys)-1]
		rs := reps[last]
		joined := false
		for n, j := range rs {
			if n == maxVariantScan {
				break
			}
			if !subseq(full[i].keys, full[j].keys) && !subseq(full[j].keys, full[i].keys) {
				continue
			}
			joined = true
			full[i].group = j
			members[j] = append(members[j], i)
			if len(full[i].keys) > len(full[j].keys) {
				// the longer name becomes the representative
				for _, k := range members[j] {
					full[k].group = i
				}
				full[j].group = i
				members[i] = append(append(members[i], j), members[j]...)
				delete(members, j)
				rs = append(rs[:n], rs[n+1:]...)
				rs = append(rs, i)
				reps[last] = rs
			}
			break
		}
		if !joined {
			reps[last] = append(rs, i)
		}
	}
}

// expansion returns the key of the unique organisation candidate whose
// initials spell acronym, or "". The initials of every organisation are
// computed once, into *byInitials.
func (f *finder) expansion(byInitials *map[string]string, acronym string) string {
	if len(acronym) < 3 {
		return ""
	}
	if *byInitials == nil {
		m := map[string]string{}
		for i := range f.cands {
			c := &f.cands[i]
			if c.b-c.a < 2 || c.typ != model.Organization {
				continue
			}
			name := c.key
			if name == "" {
				name = f.candText(c)
			}
			in := initials(name)
			if found, ok := m[in]; ok && found != name {
				m[in] = "" // ambiguous
				continue
			}
			if _, ok := m[in]; !ok {
				m[in] = name
			}
		}
		*byInitials = m
	}
	return (*byInitials)[acronym]
}

// lowerElsewhere reports whether word w, the word of a one-word candidate,
// occurs in lower case in the text. On the first call it looks up, in one pass over the tokens, every word of
// a one-word candidate, into *words.
func (f *finder) lowerElsewhere(words *map[string]bool, w string) bool {
	if *words == nil {
		m := map[string]bool{}
		// the first byte and length of each word sought: most lower-case
		// words of a text share neither with any, and skip the map
		var sought wordSketch
		for i := range f.cands {
			if c := &f.cands[i]; c.b-c.a == 1 {
				m[f.toks[c.a].low] = false
				sought.add(f.toks[c.a].low)
			}
		}
		for i := range f.toks {
			if f.toks[i].lower && sought.mayHold(f.toks[i].low) {
				if _, ok := m[f.toks[i].low]; ok {
					m[f.toks[i].low] = true
				}
			}
		}
		*words = m
	}
	return (*words)[w]
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
	for i, m := range out {
		if w > 0 && m.Start < out[w-1].End {
			continue
		}
		if w != i {
			out[w] = m // not onto itself: that costs write barriers
		}
		w++
	}
	return out[:w]
}

// givenFull returns the index in full of the last person named in full
// before token at whose given name is spelt as t, or -1.
func (f *finder) givenFull(full []fullName, at int, t *token) int {
	lk := lightKey(t.text)
	for i := len(full) - 1; i >= 0; i-- {
		fc := &f.cands[full[i].ci]
		if fc.a < at && lightKey(f.toks[fc.a].text) == lk {
			return i
		}
	}
	return -1
}

// givenOnly returns the group (the index in full of its representative)
// of the one person named in full before token at whose given name is
// spelt as t, or -1 when there is none or more than one. The full name
// must be typed a person's already: the first word of a name not typed
// yet, written alone, is as often a firm's short name ("Westfirth Ferries
// … Westfirth said").
func (f *finder) givenOnly(full []fullName, at int, t *token) int {
	if t.upper || t.flags()&(fFunc|fCommon|fMod) != 0 {
		return -1
	}
	lk := lightKey(t.text)
	group := -1
	for i := range full {
		fc := &f.cands[full[i].ci]
		if fc.a >= at {
			break
		}
		if lightKey(f.toks[fc.a].text) != lk {
			continue
		}
		if group >= 0 && full[i].group != group {
			return -1
		}
		group = full[i].group
	}
	if group < 0 {
		return -1
	}
	if f.cands[full[group].ci].typ != model.Person {
		return -1
	}
	return group
}

// corporateForms end the registered name of a business: "Inc.", "Corp.",
// "Co.", "Ltd", "L.P.".
var corporateForms = setOf(`inc inc. corp corp. corporation co co. ltd ltd. limited llc plc l.p. lp`)

// businessWords end the names of businesses that business pages write
// without a corporate form ("Waverly Data Systems", "Alder Mutual Funds").
var businessWords = setOf(`systems industries stores airlines holdings securities chemical chemicals
technologies electronics manufacturing mills motors`)

// firmShortNames joins to a business named in full before ("Wexcombe
// Electronics Corp.", "Dunmore Sachs & Co.") the later untyped names made
// of its first words ("Wexcombe said", "a Dunmore Sachs spokesman"), as
// business pages write them after the first mention. A word that joined a
// person's full name as a surname keeps that reading.
func (f *finder) firmShortNames(cs []cand) {
	var firms []int
	for i := range cs {
		c := &cs[i]
		if c.typ == model.Organization && !c.gaz && c.be == 0 && c.b-c.a >= 2 && (corporateForms[f.toks[c.b-1].low] || businessWords[f.toks[c.b-1].low]) &&
			f.toks[c.a].cap && f.toks[c.a].flags()&(fCommon|fGiven|fRole|fHon|fConn|fDem|fMod) == 0 {
			firms = append(firms, i)
		}
	}
	if len(firms) == 0 {
		return
	}
	for i := range cs {
		c := &cs[i]
		if c.gaz || c.be > 0 || c.key != "" && c.key != f.candText(c) {
			continue
		}
		// "Waverly said": a lone word read as a person's only for the
		// verb after it, which no full name of a person's holds
		if c.typ == model.Person && (c.b-c.a != 1 || c.role != "" || f.honorificBefore(c.a)) || c.typ != model.Other && c.typ != model.Person {
			continue
		}
		for _, k := range firms {
			fc := &cs[k]
			if fc.a >= c.a || c.b-c.a > fc.b-fc.a-1 {
				continue
			}
			same := true
			for x := 0; x < c.b-c.a; x++ {
				if f.toks[c.a+x].low != f.toks[fc.a+x].low {
					same = false
					break
				}
			}
			if same {
				c.typ, c.key = model.Organization, fc.key
				if c.key == "" {
					c.key = f.candText(fc)
				}
				c.weak, c.titleOnly, c.maybePerson = false, false, false
				break
			}
		}
	}
}

// familyFirst returns the index in full of the nearest two-word person's
// name before token at whose first word is t's and is no known given name,
// so a family name written first ("Liang Weiren", "Oyama Kenji") that t
// repeats alone; or -1.
func (f *finder) familyFirst(full []fullName, at int, t *token) int {
	if givenNames[t.low] {
		return -1
	}
	for i := len(full) - 1; i >= 0; i-- {
		fc := &f.cands[full[i].ci]
		if fc.a >= at || fc.b-fc.a != 2 || fc.typ != model.Person || f.toks[fc.a].upper {
			continue
		}
		if lightKey(f.toks[fc.a].text) == lightKey(t.text) && !givenNames[f.toks[fc.a].low] {
			return i
		}
	}
	return -1
}

// pronounPersons types as a person an unknown name of two or three words
// ("In bay three, Kezia Obonyo-Marsh is sitting beside her son. ¶ “…,” she
// says") when the first "he" or "she" after it, in its paragraph or the
// next, can only mean it: it stands right before a speech verb, outside a
// quotation, with no other person named between and no "he" or "she"
// before it in its paragraph. A name on a byline ("By Ann Roe") is left
// alone.
func (f *finder) pronounPersons(cs []cand) {
	next := 0 // the first candidate starting at or after the scan
	for i := range cs {
		c := &cs[i]
		if c.typ != model.Other || c.gaz || c.drop || c.weak || c.titleOnly || c.be > 0 || c.b-c.a < 2 || c.b-c.a > 3 ||
			f.theBefore(c.a) || f.bylineAt(c.a) || f.inQuotes(f.toks[c.a].s) {
			continue
		}
		line, last := f.toks[c.a].line, -1
		// nor after another person named earlier in its paragraph
		// ("Council member Ann Roe, whose district includes Cedar
		// Hollow, called …")
		before := false
		for k := i - 1; k >= 0 && k >= i-maxPronounScan && f.toks[cs[k].a].line == line; k-- {
			if !cs[k].drop && cs[k].typ == model.Person && f.candText(&cs[k]) != f.candText(c) {
				before = true
				break
			}
		}
		if before {
			continue
		}
		p := -1
		for next < len(cs) && cs[next].a < c.b {
			next++
		}
		j := next
	scan:
		for k := c.b; k < len(f.toks) && k < c.b+maxPronounScan; k++ {
			t := &f.toks[k]
			if t.line != line {
				if last >= 0 && t.line != last {
					break
				}
				last = t.line
			}
			for j < len(cs) && cs[j].a < k {
				j++
			}
			if j < len(cs) && cs[j].a == k && !cs[j].drop && (cs[j].typ == model.Person || cs[j].maybePerson) && f.candText(&cs[j]) != f.candText(c) {
				break // another person named first
			}
			switch t.low {
			case "he", "she":
				p = k
				break scan
			}
		}
		if p < 0 || p+1 >= len(f.toks) || f.toks[p+1].line != f.toks[p].line || !f.toks[p+1].adj ||
			f.toks[p+1].flags()&fSpeech == 0 || f.inQuotes(f.toks[p].s) {
			continue
		}
		earlier := false
		for k := p - 1; k >= 0 && f.toks[k].line == f.toks[p].line; k-- {
			if f.toks[k].low == "he" || f.toks[k].low == "she" {
				earlier = true
				break
			}
		}
		if earlier {
			continue
		}
		name := f.candText(c)
		for k := range cs {
			if o := &cs[k]; o.typ == model.Other && o.b-o.a == c.b-c.a && f.candText(o) == name {
				o.typ, o.maybePerson = model.Person, false
			}
		}
	}
}

// maxPronounScan bounds how many words after a name pronounPersons reads
// for the pronoun.
const maxPronounScan = 300

// bylineAt reports whether token a is on a line that opens with "By"
// ("By Ann Roe and Sam Lee").
func (f *finder) bylineAt(a int) bool {
	k := a
	for k > 0 && f.toks[k-1].line == f.toks[a].line {
		if a-k > 12 {
			return false // too far into its line for a byline
		}
		k--
	}
	return f.toks[k].text == "By"
}

// maxQuoteReach bounds how many bytes before a position inQuotes reads.
const maxQuoteReach = 4000

// inQuotes reports whether byte pos lies inside a quotation opened
// earlier on its line: after an odd number of straight double quotes or
// after a curly opening quote not yet closed.
func (f *finder) inQuotes(pos int) bool {
	from := max(pos-maxQuoteReach, 0) // a paragraph's worth: long lines are read in part
	ls := from + strings.LastIndexByte(f.text[from:pos], '\n') + 1
	seg := f.text[ls:pos]
	if strings.Count(seg, "\"")%2 == 1 {
		return true
	}
	return strings.LastIndex(seg, "“") > strings.LastIndex(seg, "”")
}

// wordSketch is a set of words known only by their first byte and length
// (both modulo 32): mayHold is false for a word the set cannot hold, and
// true for every word it holds.
type wordSketch [16]uint64

// sketchBit returns the bit of w in a wordSketch.
func sketchBit(w string) (word int, bit uint64) {
	k := 0
	if w != "" {
		k = int(w[0]&31)<<5 | len(w)&31
	}
	return k >> 6, 1 << (k & 63)
}

// add adds w to the set.
func (s *wordSketch) add(w string) {
	i, b := sketchBit(w)
	s[i] |= b
}

// mayHold reports whether w may be in the set.
func (s *wordSketch) mayHold(w string) bool {
	i, b := sketchBit(w)
	return s[i]&b != 0
}
