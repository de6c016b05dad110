// Package entity finds named people, organisations and places in news text
// and folds their spellings within an article (Recognizer) and across a
// corpus (Registry).
//
// Recognition is rule based: capitalised word sequences are segmented with
// small hand-written tables (places and well-known organisations, role and
// title words, organisation suffixes, demonyms, common given names). Names are
// folded by a phonetic key that ignores diacritics, apostrophes, doubled
// letters and common transliteration variants, so "Hassan Sha’ban",
// "Hassan Shaban" and "Hasan Shaaban" share one entity, while surname-only
// mentions join the full name written elsewhere in the article.
package entity

import (
	"sort"
	"strings"
	"sync"

	"github.com/parallax-news/parallax/internal/model"
	tk "github.com/parallax-news/parallax/internal/tokenize"
)

// Recognizer finds entity mentions in article text. It is safe for
// concurrent use: its only state is a pool of scratch buffers.
type Recognizer struct {
	pool sync.Pool // *finder scratch space
}

// NewRecognizer returns a Recognizer.
func NewRecognizer() *Recognizer {
	return &Recognizer{pool: sync.Pool{New: func() any { return new(finder) }}}
}

// cand is a candidate mention over tokens [a,b).
type cand struct {
	a, b int
	typ  model.EntityType
	key  string // gazetteer canonical or folded key
	role string
	gaz  bool
	// weak candidates are single capitalised words of unknown kind; they
	// survive only when they fold into a known name or look like a name.
	weak bool
	// titleOnly candidates come from title-case headlines or lower-case
	// words; they survive only when they fold into a known name.
	titleOnly bool
	drop      bool
	// maybePerson: an unknown multi-word name that becomes a person when its
	// last word is used alone in the article.
	maybePerson bool
	// pk caches the phonetic key of a one-word candidate.
	pk string
	// bs, be override the byte span when non-zero (one part of a
	// hyphenated token).
	bs, be int
	// name, when set, is the candidate's name as written without a
	// nickname inside it ("Kieran Doyle" of "KIERAN “The Kilkenny Cat”
	// Doyle").
	name string
}

// finder holds the state of one Find call.
type finder struct {
	text  string
	toks  []token
	cands []cand
	// lowerWords holds the words written in lower case in the text, built
	// after lowerScans look-ups (see lowerInText); lowerBuilt says it is.
	lowerWords map[string]bool
	lowerBuilt bool
	lowerScans int
	// scratch for tokenize
	words    []tk.Token
	arena    []byte
	arenaEnd []int32
}

// Find returns the entity mentions of text (one paragraph a line, the first
// line possibly the headline), sorted by start and without overlap. sents
// are the sentence spans of text (see package sentence).
func (r *Recognizer) Find(text string, sents []model.Span) []model.Mention {
	return r.FindTokens(text, sents, nil)
}

// FindTokens is Find for a caller that has read text with
// tokenize.ScanLines already; words are those tokens (nil: Find reads
// text itself).
func (r *Recognizer) FindTokens(text string, sents []model.Span, words []tk.Token) []model.Mention {
	f := r.pool.Get().(*finder)
	f.text = text
	if words == nil {
		f.words = tk.ScanLines(text, f.words[:0])
		words = f.words
	}
	f.toks = f.tokenize(text, sents, words, f.toks[:0])
	f.cands = f.cands[:0]
	f.lowerBuilt, f.lowerScans = false, 0
	f.scan()
	f.nicknamed()
	f.fold()
	ms := f.mentions()
	f.text = ""
	if cap(f.toks) <= 1<<16 && cap(f.words) <= 1<<18 {
		r.pool.Put(f)
	}
	return ms
}

// gazMatch returns the longest gazetteer entry starting at token i (ending
// no later than token end), and its length in tokens.
func (f *finder) gazMatch(i, end int) (gazEntry, int) {
	t := &f.toks[i]
	if t.flags()&fGazFirst == 0 {
		return gazEntry{}, 0
	}
	maxL, ok := gazMaxLen[t.low]
	if !ok {
		return gazEntry{}, 0
	}
	if !t.cap && !t.upper && !t.digit {
		// lower-case: only unambiguous single-word places ("kyiv")
		if es, ok := gazetteer[t.low]; ok && len(t.low) >= 4 && !(t.flags()&fAmbig != 0) && !(t.flags()&fCommon != 0) {
			for _, e := range es {
				if e.n == 1 && !e.caps && e.typ == model.Place {
					return e, 1
				}
			}
		}
		return gazEntry{}, 0
	}
	if maxL > end-i {
		maxL = end - i
	}
	var buf [96]byte
	for l := maxL; l >= 1; l-- {
		key := buf[:0]
		okSeq := true
		for k := i; k < i+l; k++ {
			if k > i {
				if f.toks[k-1].poss {
					// a possessive inside a name ("People's
					// Republic of Bangladesh"): keyed with "'s",
					// and only the "'s" may stand between
					if !f.possGap(k) {
						okSeq = false
						break
					}
					key = append(key, "'s"...)
				} else if !f.toks[k].adj {
					okSeq = false
					break
				}
				key = append(key, ' ')
			}
			key = append(key, f.toks[k].low...)
		}
		if !okSeq {
			continue
		}
		es, ok := gazetteer[string(key)]
		if !ok {
			continue
		}
		for _, e := range es {
			if e.n != l {
				continue
			}
			if e.caps && l == 1 && !t.upper {
				continue
			}
			if l > 1 {
				// the last word must be capitalised too ("Gaza Strip",
				// not "Iran said")
				lt := &f.toks[i+l-1]
				if !lt.cap && !lt.upper && !lt.digit {
					continue
				}
			}
			return e, l
		}
	}
	return gazEntry{}, 0
}

// possGap reports whether only a possessive "'s" (or "’s") and one space
// stand between token k-1 and token k.
func (f *finder) possGap(k int) bool {
	g := f.text[f.toks[k-1].e:f.toks[k].s]
	return g == "'s " || g == "’s " || g == "'S "
}

func (f *finder) capTok(i int) bool {
	t := &f.toks[i]
	return t.cap || t.upper
}

// isTitleLine reports whether the tokens [a,b) of one line are a
// title-case headline ("Iran Spokesman Does Not Deny ...").
func (f *finder) isTitleLine(a, b int) bool {
	n := b - a
	if n < 4 {
		return false
	}
	caps, fn := 0, 0
	for i := a; i < b; i++ {
		t := &f.toks[i]
		if t.cap || t.upper {
			caps++
			if i > a && (t.flags()&fCommon != 0) {
				fn++
			}
		}
	}
	if caps*10 >= n*9 || (fn >= 2 && caps*10 >= n*7) {
		return true
	}
	// a headline: no final punctuation and mostly capitalised words
	end := f.toks[b-1].e
	for end < len(f.text) && f.text[end] != '\n' {
		end++
	}
	for end > 0 && (f.text[end-1] == ' ' || f.text[end-1] == '\r' || f.text[end-1] == '\t') {
		end--
	}
	last := f.text[end-1]
	return n >= 3 && caps*4 >= n*3 && last != '.' && last != '!' && last != '?' && last != '"' && last != 0x9D && last != ')'
}

// scan finds candidates line by line.
func (f *finder) scan() {
	toks := f.toks
	i := 0
	for i < len(toks) {
		// line range
		e := i
		for e < len(toks) && toks[e].line == toks[i].line {
			e++
		}
		if f.isTitleLine(i, e) {
			f.scanTitle(i, e)
		} else {
			f.scanLine(i, e)
		}
		i = e
	}
}

// scanTitle handles a title-case line: only gazetteer names and words that
// fold into names found elsewhere are kept.
func (f *finder) scanTitle(a, b int) {
	for i := a; i < b; {
		if e, l := f.gazMatch(i, b); l > 0 {
			f.cands = append(f.cands, cand{a: i, b: i + l, typ: e.typ, key: e.canon, gaz: true})
			i += l
			continue
		}
		t := &f.toks[i]
		if t.cap && t.flags()&fGiven != 0 && i+1 < b && f.toks[i+1].adj && f.nameable(i+1) {
			// headline words are all capitalised: take the surname only
			j := i + 2
			f.cands = append(f.cands, cand{a: i, b: j, typ: model.Person})
			i = j
			continue
		}
		if (t.cap || t.upper) && !(t.flags()&fCommon != 0) && !(t.flags()&fTime != 0) && !(t.flags()&fDem != 0) {
			f.cands = append(f.cands, cand{a: i, b: i + 1, typ: model.Other, titleOnly: true})
		}
		i++
	}
}

// scanLine finds candidates in tokens [a,b) of one ordinary line.
func (f *finder) scanLine(a, b int) {
	toks := f.toks
	i := a
	for i < b {
		t := &toks[i]
		if !t.cap && !t.upper {
			if t.lower && t.sent {
				if e, l := f.gazMatch(i, b); l > 0 {
					f.cands = append(f.cands, cand{a: i, b: i + l, typ: e.typ, key: e.canon, gaz: true})
				} else if t.sent && len(t.low) >= 3 && !(t.flags()&fCommon != 0) {
					// lower-cased by scraping damage? keep if it folds later
					f.cands = append(f.cands, cand{a: i, b: i + 1, typ: model.Other, titleOnly: true})
				}
			}
			i++
			continue
		}
		if t.flags()&fTime != 0 {
			i++
			continue
		}
		// grow a capitalised chunk
		j := i + 1
		for j < b && toks[j].adj && (!toks[j-1].poss || f.possInName(j)) {
			u := &toks[j]
			if (u.cap || u.upper) && !(u.flags()&fTime != 0) {
				j++
				continue
			}
			// two particles before a surname ("Luuk van der Kolk")
			if u.lower && isParticle(u.low) && j+2 < b && toks[j+1].adj && toks[j+2].adj && !u.poss &&
				toks[j+1].lower && isParticle(toks[j+1].low) && !toks[j+1].poss && toks[j+2].cap && (toks[j-1].cap || toks[j-1].upper) {
				j += 3
				continue
			}
			if (u.flags()&fConn != 0) && j+1 < b && toks[j+1].adj && !u.poss {
				k := j + 1
				if u.low != "the" && toks[k].low == "the" && k+1 < b && toks[k+1].adj {
					k++
				}
				if (toks[k].cap || toks[k].upper) && !timeWords[toks[k].low] && f.connectorOK(j-1, u.low) {
					j = k + 1
					continue
				}
			}
			if e := f.bodyAnd(i, j, b); e > j {
				j = e
				continue
			}
			if e := f.firmAnd(i, j, b); e > j {
				j = e
				continue
			}
			break
		}
		// a firm's name over "&" ("Harbury & Cole", "Dunmore & Sons")
		for j < b && f.ampGap(j) && toks[j-1].cap && toks[j].cap {
			j++
			for j < b && toks[j].adj && (toks[j].cap || toks[j].upper) && !toks[j-1].poss && toks[j].flags()&fTime == 0 {
				j++
			}
		}
		f.chunk(i, j, b)
		i = j
	}
}

// surnameWord reports whether token i, the last of a chunk, is a common
// word written with a capital inside a sentence right after a word of a
// name, and so a surname ("Senator Daniel Otieno Were said").
func (f *finder) surnameWord(i int) bool {
	t := &f.toks[i]
	if !t.cap || t.upper || t.sent || !t.adj || i == 0 || len(t.text) == 1 || strings.ContainsAny(t.text, "'’") ||
		t.flags()&(fCommon|fFunc) == 0 || t.flags()&(fRole|fOrg|fDem|fConn|fHon|fTime|fMod) != 0 {
		return false
	}
	// not after an initial ("Q. But")
	return f.toks[i-1].e-f.toks[i-1].s > 1 && f.nameable(i-1)
}

// PostNominal reports whether lower-case w is the upper-case letters a
// person's name may be followed by: a seat in a parliament or assembly, a
// senior counsel's rank or an honour ("MP", "MS", "TD", "KC", "SAN",
// "OBE").
func PostNominal(w string) bool {
	switch w {
	case "mp", "ms", "msp", "mla", "mep", "td", "kc", "qc", "sc", "san", "obe", "mbe", "cbe":
		return true
	}
	return false
}

// capArticle reports whether token i is the Arabic article, or "Abu",
// written as a capitalised word of its own ("Al", "El", "Abu") right
// before a word that may be part of a person's name ("Khalid Al Marri",
// "Karim Abu Laban").
//
// So is a particle of a European family name written with a capital
// between a given name and the rest ("Priscilla Van Tongeren", "Marco
// Di Stefano", "Anna De Luca").
func (f *finder) capArticle(i int) bool {
	t := &f.toks[i]
	if !t.cap || t.upper || i+1 >= len(f.toks) || !f.toks[i+1].adj {
		return false
	}
	if !capParticle(t.low) && !(familyParticle(t.low) && !t.sent && t.adj && i > 0 && f.nameable(i-1)) {
		return false
	}
	return f.nameable(i + 1)
}

// familyParticle reports whether lower-cased w is a particle that
// European family names write with a capital in English-language copy
// ("Van Tongeren", "De Luca", "Von Berg", "Di Stefano").
func familyParticle(w string) bool {
	switch w {
	case "van", "von", "de", "del", "di", "da", "du":
		return true
	}
	return false
}

// capParticle reports whether lower-cased w is a particle that Arabic
// names write with a capital: the article ("Al", "El"), "Abu" ("father
// of": "Karim Abu Laban") and "Bin" ("son of": "Nasser Bin Ghalib").
func capParticle(w string) bool {
	switch w {
	case "al", "el", "abu", "abou", "bin":
		return true
	}
	return false
}

// bodyOf reports whether tokens [a,e) hold an organisation word followed
// by a lower-case "of" or "for" ("Office of", "Department for").
func (f *finder) bodyOf(a, e int) bool {
	for x := a; x+1 < e; x++ {
		if f.toks[x].flags()&fOrg != 0 && f.toks[x+1].lower && (f.toks[x+1].low == "of" || f.toks[x+1].low == "for") {
			return true
		}
	}
	return false
}

// arabicFamily reports whether lower-case word w is a family name opening
// with the Arabic article joined by a hyphen ("al-nuaimi", "el-sayed").
func arabicFamily(w string) bool {
	return len(w) > 4 && (strings.HasPrefix(w, "al-") || strings.HasPrefix(w, "el-"))
}

// isParticle reports whether lower-case w joins the parts of a name.
func isParticle(w string) bool {
	switch w {
	case "de", "van", "von", "der", "den", "da", "bin", "binti", "bint", "al", "ibn", "abu", "del", "della", "di", "dos", "das", "du", "la",
		"le", "ter", "ten", "ap":
		return true
	}
	return false
}

// possInName reports whether the possessive before token j is part of a
// name ("Workers’ Party", "People's Liberation Army").
func (f *finder) possInName(j int) bool {
	p, t := &f.toks[j-1], &f.toks[j]
	if !t.cap || !p.cap {
		return false
	}
	switch p.low {
	case "people", "workers", "women", "children", "citizens", "veterans", "farmers", "students", "teachers", "soldiers":
		return true
	}
	// a generic plural, or any plural with a bare apostrophe, before an
	// organisation word: "Employers' Federation", "Nurses' Union",
	// "Residents' Association"
	if t.flags()&fOrg == 0 {
		return false
	}
	// an office named by its holder's title: "Information Commissioner's
	// Office", "Mayor's Office", "Ombudsman's Office"
	if t.low == "office" && p.flags()&fRole != 0 && j >= 2 && f.toks[j-2].cap && f.toks[j-1].adj {
		return true
	}
	if g := f.text[p.e:t.s]; strings.HasSuffix(p.low, "s") && (g == "' " || g == "’ ") {
		return true // a plural possessive: "Bakers' Union", "Pensioners' Association"
	}
	return isGenericWord(p.low)
}

// connectorOK reports whether connector word c may follow token p inside a
// name.
func (f *finder) connectorOK(p int, c string) bool {
	pl := f.toks[p].low
	switch c {
	case "of", "for", "the":
		return lexHas(pl, fOrg) || lexHas(pl, fRole) || pl == "republic" || pl == "kingdom" || pl == "state" ||
			pl == "states" || pl == "strait" || pl == "gulf" || pl == "sea" || pl == "bay" || pl == "city" ||
			pl == "secretary" || pl == "minister" || pl == "prince" || pl == "king" || pl == "queen"
	}
	return true
}

// nameable reports whether token i may be part of a person's name.
func (f *finder) nameable(i int) bool {
	t := &f.toks[i]
	if !t.cap || t.digit {
		return false
	}
	if t.e-t.s == 1 && i+1 < len(f.toks) && f.toks[i+1].adj && t.e < len(f.text) && f.text[t.e] == '.' {
		return true // middle initial
	}
	if t.upper && len(t.text) > 1 && !strings.Contains(t.text, "-") {
		return false
	}
	fl := t.flags()
	if fl&(fRole|fOrg|fDem|fConn|fHon|fTime) != 0 {
		return false
	}
	switch t.low {
	case "act", "treaty", "accord", "accords", "convention", "protocol", "charter", "bill", "law", "doctrine", "plan":
		return false // documents, not people
	case "affairs":
		return false // a portfolio ("Under-Secretary-General for Political Affairs")
	}
	if fl&fCommon != 0 && fl&fGiven == 0 {
		return false
	}
	if _, n := f.gazMatch(i, i+1); n > 0 {
		return false
	}
	if strings.Contains(t.text, "-") && f.hyphenPair(t.text) {
		return false
	}
	return !derivedWord(t)
}

// derivedWord reports whether a capitalised word is a plural acronym
// ("UAVs") or a word derived from a name ("Iranophobia", "Nazify").
func derivedWord(t *token) bool {
	if len(t.text) == 1 || strings.HasPrefix(t.low, "i'") || strings.HasPrefix(t.low, "i’") {
		return true // initial or "I'm"
	}
	if strings.HasSuffix(t.text, "s") && len(t.text) > 2 && isAllCapsWord(t.text[:len(t.text)-1]) {
		return true
	}
	if len(t.low) < 6 || t.flags()&fGiven != 0 {
		return false
	}
	for _, suf := range [...]string{"phobia", "phobic", "ism", "ization", "isation", "ify", "ized", "ised"} {
		if strings.HasSuffix(t.low, suf) {
			return true
		}
	}
	return false
}

// hyphenPair reports whether s is two known names joined by a hyphen.
func (f *finder) hyphenPair(s string) bool {
	parts := strings.Split(s, "-")
	if len(parts) != 2 {
		return false
	}
	for _, p := range parts {
		if g, ok := gazetteer[toLower(p)]; !ok || g[0].n != 1 {
			return false
		}
	}
	return true
}

// chunk segments the capitalised run [a,b) of a line ending at lineEnd.
func (f *finder) chunk(a, b, lineEnd int) {
	toks := f.toks
	// a government body's or a firm's name over "and" (see bodyAnd and
	// firmAnd) is whole, and so is a name over "&"
	for x := a; x < b; x++ {
		if toks[x].lower && toks[x].low == "and" {
			s := a
			if toks[s].low == "the" || toks[s].low == "a" || toks[s].low == "an" {
				s++
			}
			if f.bodyAnd(s, x, b) == b || f.firmAnd(s, x, b) == b {
				f.cands = append(f.cands, cand{a: s, b: b, typ: model.Organization})
				return
			}
			break
		}
		if x > a && f.ampGap(x) {
			s := a
			if toks[s].low == "the" {
				s++
			}
			f.cands = append(f.cands, cand{a: s, b: b, typ: model.Organization})
			return
		}
	}
	// leading articles and sentence-initial common words
	for a < b {
		t := &toks[a]
		if t.low == "the" || t.low == "a" || t.low == "an" {
			a++
			continue
		}
		// and a word describing the person or body named after it
		// ("Heartbroken Saffi", "Experienced Ravensworth captain")
		if t.sent && b-a >= 2 && leadAdjective(t.low) && t.flags()&(fGiven|fRole|fHon) == 0 {
			if _, l := f.gazMatch(a, b); l == 0 {
				a++
				continue
			}
		}
		// and a noun of nationality before a full name ("unheralded
		// Pole Tomasz Wierzba", "Briton Ann Roe")
		if b-a >= 3 && nationalityLead(t.low) && f.nameable(a+1) && f.nameable(a+2) {
			a++
			continue
		}
		// and a party's member before a full name ("Republican Ann
		// Roe", "Democrat Ann Roe")
		if b-a >= 3 && partyNoun(t.low) && f.nameable(a+1) && f.nameable(a+2) {
			a++
			continue
		}
		if t.sent && (t.flags()&fCommon != 0) && !(t.flags()&fGiven != 0) && !(t.flags()&fRole != 0) && !(t.flags()&fHon != 0) &&
			!f.scopeLead(a, b) {
			if _, l := f.gazMatch(a, b); l == 0 {
				a++
				continue
			}
		}
		break
	}
	if a >= b {
		return
	}
	// a name before a lower-case body noun is that body's name ("the GMB
	// Food Workers union", "the Halden Growers association")
	if b-a >= 2 && b < len(toks) && toks[b].adj && toks[b].lower && bodyTail(toks[b].low) && !toks[b-1].poss &&
		toks[a].flags()&(fRole|fHon|fGiven) == 0 && toks[b-1].flags()&fCommon != 0 {
		f.cands = append(f.cands, cand{a: a, b: b, typ: model.Organization})
		return
	}
	// a sport's word before a country's name is that sport's governing
	// body ("Cricket Australia", "Athletics Ireland", "Rugby New Zealand")
	if b-a >= 2 && sportBody(toks[a].low) && toks[a].cap {
		if e, l := f.gazMatch(a+1, b); l == b-a-1 && e.typ == model.Place {
			f.cands = append(f.cands, cand{a: a, b: b, typ: model.Organization})
			return
		}
	}
	if e, l := f.gazMatch(a, b); l > 0 && e.typ == model.Place {
		if j := f.team(a, l, b); j > 0 {
			f.cands = append(f.cands, cand{a: a, b: j, typ: model.Organization})
			return
		}
	}
	// post-nominal letters stay out of names and make them a person's
	// ("Elin Gwatkin MS", "Jonathan Adebayo-Knight KC")
	post := false
	if b-a > 2 && toks[b-1].upper && toks[b-1].adj && PostNominal(toks[b-1].low) && f.nameable(b-2) {
		b--
		post = true
	}
	// generational suffixes stay out of names ("Joseph Comeaux Jr")
	for b-a > 1 {
		switch toks[b-1].low {
		case "jr", "sr", "ii", "iii", "iv":
			b--
			continue
		}
		break
	}
	// a party's member described by a place or alone is no one's name
	// ("the Tennessee Republican", "a Florida Democrat", "the
	// Republican"): the words before are named on their own
	if partyNoun(toks[b-1].low) && !toks[b-1].poss {
		if _, l := f.gazMatch(a, b); l != b-a {
			if b-1 > a {
				f.segment(a, b-1, lineEnd)
			}
			return
		}
	}
	// person name at the end of the chunk
	k := b
	for k > a && b-k < 5 {
		if f.nameable(k-1) || k == b && f.surnameWord(k-1) {
			k--
			continue
		}
		// name particles, one or two ("Pieter de Vries", "Osama bin
		// Laden", "Luuk van der Kolk")
		j := k
		for k < b && j-1 > a && k-j < 2 && toks[j-1].lower && isParticle(toks[j-1].low) {
			j--
		}
		if j < k && f.nameable(j-1) {
			k = j - 1
			continue
		}
		// the Arabic article written with a capital inside a name or
		// opening a surname ("Fatima Al Suwaidi", "Mr Al Marri")
		if k < b && j == k && k-1 >= a && f.capArticle(k-1) {
			if k-2 >= a && f.nameable(k-2) {
				k -= 2
				continue
			}
			k--
		}
		break
	}
	// a lone word after a capitalised word that is no name, in the name of
	// a body "of" something, ends that name ("Office of Public Works",
	// "Office of Health Service Standards")
	// ("Office of Foreign Asset Controls": two words, neither a given name)
	if (b-k == 1 || b-k == 2 && toks[k+1].flags()&fGiven == 0) && k-1 > a && toks[k-1].cap && toks[k-1].flags()&(fRole|fHon|fGiven|fConn) == 0 && toks[k].flags()&fGiven == 0 &&
		f.bodyOf(a, k-1) {
		k = b
	}
	// a capitalised scope word before the names makes them one name, not
	// a person's ("Northern Rail Partnership", "National Highways")
	if k > a && k < b && f.scopeLead(k-1, b) && toks[k].flags()&fGiven == 0 {
		k = b
	}
	// a gazetteer name must not be cut by the name boundary
	// ("Islamic Republic", "Saudi Arabia")
	for x := a; x < b; x++ {
		if _, l := f.gazMatch(x, b); l > 0 {
			if x+l > k {
				k = x + l
			}
			x += l - 1
		}
	}
	// a given name inside the name starts it ("Minister of Defence Sarah
	// Smith"), unless a courtesy title opens the name before it ("Dr
	// Salim Rashid Mbaruk": the word after the title is a given name too)
	hon := k > a && toks[k-1].flags()&fHon != 0 && toks[k-1].flags()&fRole == 0
	// nor in an Arabic name of given name, father's name and family name
	// ("Khalifa Saeed Al-Nuaimi", "Noura bint Khalid Al-Mansoori")
	hon = hon || k < b-2 && arabicFamily(toks[b-1].low)
	// or "son of"/"daughter of" written inside it ("Mansour bin Saeed Al
	// Qadiri", "Noura bint Hamad Al Jassar"): the father's given name
	for x := k + 1; x < b-1 && !hon; x++ {
		switch toks[x].low {
		case "bin", "bint", "binti", "ibn":
			hon = toks[x].lower
		}
	}
	for x := k + 1; x < b-1 && k < b && !hon && !placePrefixes[toks[k].low] && toks[k].flags()&fGiven == 0; x++ {
		if toks[x].flags()&fGiven != 0 && toks[x-1].flags()&fGiven == 0 {
			k = x
			break
		}
	}
	// a name right after "of" or "for" belongs to an organisation ("National
	// Union of Students")
	if k > a && k < b && toks[k-1].lower && toks[k-1].flags()&fConn != 0 && !isParticle(toks[k-1].low) {
		k = b
	}
	// so does a lone word after "of" and a modifier: the portfolio of a
	// role ("Minister of Foreign Trade"), not a person
	if b-k == 1 && k-2 > a && toks[k-1].cap && toks[k-1].flags()&(fDem|fMod) != 0 &&
		toks[k-2].lower && toks[k-2].flags()&fConn != 0 && !isParticle(toks[k-2].low) {
		k = b
	}
	if k < b {
		hasRole := false
		for x := a; x < k; x++ {
			if toks[x].flags()&(fRole|fHon) != 0 {
				hasRole = true
			}
		}
		// a name must not start with a connector ("of Iran") and a
		// sentence-initial common word cannot start it either
		if hasRole {
			f.segment(a, k, lineEnd)
			role := f.roleBefore(a, k)
			f.person(k, b, role, false, lineEnd)
			return
		}
		if k > a {
			f.segment(a, k, lineEnd)
		}
		role := f.roleBefore(k, k)
		f.person(k, b, role, role == "" && !post, lineEnd)
		return
	}
	f.segment(a, b, lineEnd)
}

// roleBefore returns the role written in tokens [a,re) (none when re == a),
// extended backwards over lower-case role words and an organisation right
// before token a ("White House National Security Council spokesman").
// A role of honorifics alone ("Mr.") is dropped.
func (f *finder) roleBefore(a, re int) string {
	toks := f.toks
	head := false
	for x := a; x < re; x++ {
		if toks[x].flags()&fRole != 0 {
			head = true
		}
	}
	if re == a && a > 0 && f.toks[a-1].lower && f.toks[a-1].flags()&fConn != 0 {
		// "mayor of Porto Alegre": the name is not the role holder
		return ""
	}
	start := a
	j := a - 1
	lowerHead := false
	for j >= 0 && a-j <= 8 {
		if !toks[j+1].adj || toks[j].poss {
			break
		}
		l := toks[j].low
		fl := toks[j].flags()
		if toks[j].lower && fl&(fRole|fMod|fHon) != 0 {
			if l == "official" && j == a-1 && j > 0 && (toks[j-1].poss || possDeterminer(toks[j-1].low) ||
				toks[j-1].low == "the" || toks[j-1].low == "an") {
				// "on its official Telegram channel", "the official
				// Tarsk News Agency": an adjective, no title
				break
			}
			if fl&fRole != 0 && l != "head" {
				head, lowerHead = true, true
			}
			if l != "the" && l != "of" && l != "for" {
				start = j
			}
			j--
			continue
		}
		if (toks[j].cap || toks[j].upper) && lowerHead && fl&fFunc == 0 && !(toks[j].sent && fl&fCommon != 0 && fl&fMod == 0) {
			// organisation before a lower-case role word
			start = j
			j--
			continue
		}
		break
	}
	if start == a && re == a {
		return ""
	}
	if !head {
		if re == a {
			return ""
		}
		start = a
	}
	hon := true
	for x := start; x < re; x++ {
		// a judge's title says more than a form of address ("Mr Justice")
		if toks[x].flags()&fHon == 0 || toks[x].low == "justice" {
			hon = false
			break
		}
	}
	if hon || re <= start {
		return ""
	}
	return f.text[toks[start].s:toks[re-1].e]
}

// roleBeforeTitles returns the lower-case role written before the
// abbreviated ranks or courtesy titles that precede the name starting at
// token a ("army spokesman Brig. Gen. Samir Al-Khatib" gives "army
// spokesman"), or "".
func (f *finder) roleBeforeTitles(a int) string {
	toks := f.toks
	j := a - 1
	for j >= 0 && a-j <= 3 && toks[j].cap && toks[j].flags()&fHon != 0 && toks[j].flags()&fRole == 0 &&
		toks[j].line == toks[j+1].line && onlyTitleGap(f.text[toks[j].e:toks[j+1].s]) {
		j--
	}
	if j == a-1 || j < 0 || !toks[j].lower || toks[j].flags()&fRole == 0 || toks[j].line != toks[j+1].line ||
		!onlyTitleGap(f.text[toks[j].e:toks[j+1].s]) {
		return ""
	}
	return f.roleBefore(j+1, j+1)
}

// onlyTitleGap reports whether gap, the text between two words, is
// spaces, optionally after an abbreviation's full stop.
func onlyTitleGap(gap string) bool {
	gap = strings.TrimPrefix(gap, ".")
	return gap != "" && strings.Trim(gap, " ") == ""
}

// roleAfter returns an appositive role after a name ending before token b:
// "Dana Holt, the spokesman for the National Security Council, said".
func (f *finder) roleAfter(b int) string {
	toks := f.toks
	if b >= len(toks) || toks[b].line != toks[b-1].line {
		return ""
	}
	gap := f.text[toks[b-1].e:toks[b].s]
	if strings.TrimSpace(gap) != "," {
		return ""
	}
	// past an age: "Ann Roe, 29, a nurse at …,"
	if toks[b].digit && len(toks[b].text) <= 3 && b+1 < len(toks) && toks[b+1].line == toks[b].line &&
		strings.TrimSpace(f.text[toks[b].e:toks[b+1].s]) == "," {
		b++
	}
	j := b
	switch toks[j].low {
	case "the", "a", "an":
		j++
	case "to", "with", "by", "against", "towards", "toward":
		// "sent by the engineer, Ann Roe, to the chief executive": a
		// phrase that opens with such a preposition goes on the
		// sentence, and the role it holds is another's
		return ""
	}
	if j >= len(toks) || toks[j].line != toks[b].line || (j > b && !toks[j].adj) {
		return ""
	}
	e := j + 1
	rel := false // the appositive gives way to a relative clause
	for e < len(toks) && e-j < 12 && toks[e].adj && toks[e].line == toks[j].line {
		if e-j > 1 && (toks[e].low == "who" || toks[e].low == "whose") {
			rel = true // "Ann Roe, a researcher at X who has studied …"
			break
		}
		e++
	}
	head := false
	for x := j; x < e; x++ {
		fl := toks[x].flags()
		if fl&fSpeech != 0 && toks[x].lower {
			return ""
		}
		if fl&fRole != 0 && x-j < 5 {
			head = true
		}
	}
	if !head {
		return ""
	}
	end := toks[e-1].e
	if end < len(f.text) && !rel {
		if c := f.text[end]; c != ',' && c != '.' && c != ';' && c != '\n' {
			return ""
		}
	}
	return f.text[toks[j].s:end]
}

// person adds a person candidate over tokens [a,b); weak when nothing but
// capitalisation says it is a name.
func (f *finder) person(a, b int, role string, maybe bool, lineEnd int) {
	toks := f.toks
	n := b - a
	if role == "" && n >= 2 {
		role = f.roleAfter(b)
		if role != "" {
			maybe = false
		}
	}
	// a given name alone before ", from" is a caller's or a reader's
	// ("Shirley, from Yarrabin, said")
	if maybe && (f.honorificBefore(a) || f.roleInApposition(a) || f.ageAfter(b) || n == 2 && f.whoAfter(a, b) ||
		n >= 2 && f.kinBefore(a) ||
		n == 1 && toks[a].flags()&fGiven != 0 && f.fromAfter(b)) {
		maybe = false
	}
	if role == "" {
		role = f.roleBeforeTitles(a)
	}
	if role == "" {
		// "the mine's chief engineer, Stefan Roe,": a role in apposition
		// before the name says it is a person's
		if role = f.roleBeforeComma(a); role != "" && n >= 2 && f.commaAfter(b) {
			maybe = false
		}
	}
	if n >= 2 && f.descriptorFirst(a, b) {
		// "Wife Sharon said", "Newsagent Raj Patel said": a common
		// noun opening the sentence describes the person named after it
		if role == "" {
			role = toks[a].text
		}
		a++
		n--
		if toks[a].flags()&fGiven != 0 {
			maybe = false // "Wife Sharon": a described given name
		}
	}
	c := cand{a: a, b: b, typ: model.Person, role: role}
	if !maybe {
		f.cands = append(f.cands, c)
		return
	}
	if givenNames[toks[a].low] && n >= 2 {
		f.cands = append(f.cands, c)
		return
	}
	// a name that ", which" follows is a body's, not a person's
	// ("Teifi Valley Coaches, which holds the contract"), as is one in
	// apposition after a group's noun ("a local relief group, Bantay
	// Alcaraz,")
	if n >= 2 && (f.whichAfter(b) || f.bodyInApposition(a)) {
		c.typ = model.Organization
		f.cands = append(f.cands, c)
		return
	}
	if n >= 2 && a > 0 && toks[a].adj {
		switch toks[a-1].low {
		case "in", "at", "near", "from", "outside", "inside", "across", "into", "to":
			// a place, unless its last word is used alone later as a
			// surname ("two goals from Tiago Ferreira … Ferreira said")
			c.typ = model.Place
			c.maybePerson = true
			f.cands = append(f.cands, c)
			return
		case "of":
			if a > 1 && toks[a-1].adj {
				switch toks[a-2].low {
				case "mayor", "governor", "city", "province", "region", "outskirts", "capital", "town", "village",
					"suburbs", "centre", "center", "heart", "north", "south", "east", "west", "streets", "port":
					c.typ = model.Place
					f.cands = append(f.cands, c)
					return
				}
			}
		}
	}
	if n >= 2 {
		// two to four capitalised words, none a known common word
		if toks[a].sent && len(toks[a].low) > 3 && (strings.HasSuffix(toks[a].low, "ing") || strings.HasSuffix(toks[a].low, "ly")) {
			a++
			c.a = a
			if b-a == 1 {
				c.weak = true
				c.typ = model.Other
				f.cands = append(f.cands, c)
				return
			}
		}
		switch {
		case placeSuffixes[toks[b-1].low] || placePrefixes[toks[a].low]:
			c.typ = model.Place
		case f.foreignOrg(a, b):
			c.typ = model.Organization
		case f.theBefore(a):
			// a name after "the" is no person's, even before "said"
			// ("the Brackenford Independents said")
			c.typ = model.Other
			c.maybePerson = true
		case f.verbAfter(b, lineEnd) == 2:
			// "Julien Marchand said"
		default:
			// a person only if the surname is used alone later
			c.typ = model.Other
			c.maybePerson = true
		}
		f.cands = append(f.cands, c)
		return
	}
	if toks[a].flags()&fMod != 0 || placeSuffixes[toks[a].low] {
		return // a generic word alone ("Interior", "Street")
	}
	if toks[a].sent && quantifierPronoun(toks[a].low) {
		return // "Another said:", "Others wrote": people the text does not name
	}
	if f.kinAppositive(a) {
		f.cands = append(f.cands, c) // "Her husband, Grant, said"
		return
	}
	c.weak = true
	c.typ = model.Other
	if a > 0 && toks[a].adj {
		switch toks[a-1].low {
		case "in", "at", "near", "outside", "inside", "across", "into":
			c.typ = model.Place
		}
	}
	v := f.verbAfter(b, lineEnd)
	if toks[a].sent && (v == 0 || v == 1 && f.pastAfter(b) && pluralOrGerund(toks[a].low)) {
		// a word opening a sentence is no name on its own; a plural or a
		// gerund is not either before a verb in the past ("Figures
		// published this week show", "Aftershocks rattled the town",
		// "Campaigning focused on"), unless the article confirms it
		// elsewhere (mid-sentence, or as the surname of a full name)
		c.titleOnly = true
	}
	if v == 2 {
		// followed by a speech verb: a person (or a body acting as one)
		c.typ = model.Person
	}
	f.cands = append(f.cands, c)
}

// descriptorFirst reports whether the first word of the name [a,b) is a
// common noun that opens the sentence and describes the person named by
// the rest ("Wife Sharon", "Newsagent Raj Patel"): it is no given name, the
// text writes it in lower case elsewhere, and the rest is still a name (a
// given name, or two words or more), so that "Rose Banks" and "Will
// Holt" keep their first word.
func (f *finder) descriptorFirst(a, b int) bool {
	t := &f.toks[a]
	if !t.sent || !t.cap || t.upper || t.flags()&(fGiven|fHon) != 0 {
		return false
	}
	if b-a < 3 && f.toks[a+1].flags()&fGiven == 0 {
		return false
	}
	if placeSuffixes[f.toks[b-1].low] || placePrefixes[t.low] || placePrefixes[f.toks[a+1].low] || prepositions[t.low] {
		return false // "Across Vell County", "Port Arvo United": places
	}
	return f.lowerInText(t.low)
}

// prepositions open a sentence before a name without describing it
// ("Across Vell County", "Beyond Port Arvo").
var prepositions = setOf(`across along alongside around beyond behind beside besides near nearby outside inside
throughout toward towards via per like unlike amid amidst among amongst past opposite underneath beneath
atop aboard within without onto upon off`)

// lowerInText reports whether lower-case word w is written in lower case
// somewhere in the text. The first few look-ups scan the tokens; after
// them the set of such words is built once, so that an article costs at
// most a few passes however many look-ups it needs.
func (f *finder) lowerInText(w string) bool {
	const scans = 4
	if !f.lowerBuilt && f.lowerScans < scans {
		f.lowerScans++
		for i := range f.toks {
			if t := &f.toks[i]; t.lower && t.low == w {
				return true
			}
		}
		return false
	}
	if !f.lowerBuilt {
		if f.lowerWords == nil {
			f.lowerWords = map[string]bool{}
		}
		clear(f.lowerWords)
		for i := range f.toks {
			if f.toks[i].lower {
				f.lowerWords[f.toks[i].low] = true
			}
		}
		f.lowerBuilt = true
	}
	return f.lowerWords[w]
}

// honorificBefore reports whether the name starting at token a follows a
// courtesy or rank title on the same line ("Mr. Tomas Berg", "Dr Lena
// Holm", "Gen. Omar Idris"): the title says the name is a person's.
func (f *finder) honorificBefore(a int) bool {
	if a == 0 || f.toks[a-1].line != f.toks[a].line || f.toks[a-1].flags()&fHon == 0 || !f.toks[a-1].cap {
		return false
	}
	switch f.toks[a-1].low {
	case "st", "st.":
		return false // "St. Louis" is a place
	}
	gap := f.text[f.toks[a-1].e:f.toks[a].s]
	return gap == " " || gap == ". "
}

// roleInApposition reports whether the name starting at token a stands in
// apposition after a role word, lower-case or right after an article ("the
// disaster management minister, Anisur Rahman, said", "the
// Auditor-General, Kwame Asante,"): the name is the role holder, a person.
func (f *finder) roleInApposition(a int) bool {
	if a == 0 || f.toks[a-1].line != f.toks[a].line {
		return false
	}
	p := &f.toks[a-1]
	if p.flags()&fRole == 0 || p.poss {
		return false
	}
	// a capitalised role only after an article: "the Auditor-General,
	// Kwame Asante,"
	if !p.lower && !(a >= 2 && p.adj && (f.toks[a-2].low == "the" || f.toks[a-2].low == "a")) {
		return false
	}
	return f.text[p.e:f.toks[a].s] == ", "
}

// bodyInApposition reports whether the name starting at token a stands
// in apposition after the lower-case noun of a group that an article
// opens ("a local relief group, Bantay Alcaraz,", "the charity, Open
// Doors,"): the name is that body's.
func (f *finder) bodyInApposition(a int) bool {
	if a < 2 || f.toks[a-1].line != f.toks[a].line || f.text[f.toks[a-1].e:f.toks[a].s] != ", " || !f.toks[a-1].lower {
		return false
	}
	switch f.toks[a-1].low {
	case "group", "charity", "organisation", "organization", "coalition", "alliance", "movement", "network",
		"association", "firm", "company", "campaign", "collective", "foundation", "trust":
	default:
		return false
	}
	for k := a - 2; k >= 0 && k >= a-5 && f.toks[k].line == f.toks[a].line; k-- {
		switch f.toks[k].low {
		case "a", "an", "the":
			// not the object of a role ("a spokesman for the
			// company, Florian Roe,")
			if k > 0 && f.toks[k-1].line == f.toks[a].line {
				switch f.toks[k-1].low {
				case "for", "of", "at", "with", "from", "by", "to", "in", "on":
					return false
				}
			}
			return true
		}
		if !f.toks[k].lower {
			return false
		}
	}
	return false
}

// ageAfter reports whether an age in apposition follows the name ending
// before token b: "Maureen Culshaw, 72, was carried".
func (f *finder) ageAfter(b int) bool {
	if b <= 0 || b >= len(f.toks) || !f.toks[b].digit || f.toks[b].line != f.toks[b-1].line ||
		f.text[f.toks[b-1].e:f.toks[b].s] != ", " || len(f.toks[b].text) > 3 {
		return false
	}
	for _, r := range f.toks[b].text {
		if r < '0' || r > '9' {
			return false
		}
	}
	return strings.HasPrefix(f.text[f.toks[b].e:], ",")
}

// fromAfter reports whether ", from" follows the name ending before token
// b on its line: "Shirley, from Yarrabin, said".
func (f *finder) fromAfter(b int) bool {
	return b < len(f.toks) && f.toks[b].line == f.toks[b-1].line && f.toks[b].low == "from" &&
		f.text[f.toks[b-1].e:f.toks[b].s] == ", "
}

// theBefore reports whether the article "the" comes right before token a
// on its line ("the Independents", "The Brackenford Independents").
func (f *finder) theBefore(a int) bool {
	return a > 0 && f.toks[a].adj && f.toks[a-1].low == "the" && f.toks[a-1].line == f.toks[a].line
}

// whichAfter reports whether ", which" follows the name ending before
// token b on its line.
func (f *finder) whichAfter(b int) bool {
	return b < len(f.toks) && f.toks[b].line == f.toks[b-1].line && f.toks[b].low == "which" &&
		f.text[f.toks[b-1].e:f.toks[b].s] == ", "
}

// whoAfter reports whether ", who" (or ", whose" and a relative) follows
// the two-word name [a,b), neither word an organisation's or a place's:
// "Bernadette Cullinane, who has died", "Kerry Ashworth, whose son …".
func (f *finder) whoAfter(a, b int) bool {
	if b >= len(f.toks) || f.toks[b].line != f.toks[b-1].line || f.text[f.toks[b-1].e:f.toks[b].s] != ", " {
		return false
	}
	switch {
	case f.toks[b].low == "who":
	case f.toks[b].low == "whose" && b+1 < len(f.toks) && kinNoun(f.toks[b+1].low):
		// "Kerry Ashworth, whose son Noah died"
	default:
		return false
	}
	for k := a; k < b; k++ {
		if f.toks[k].flags()&fOrg != 0 || placeSuffixes[f.toks[k].low] || placePrefixes[f.toks[k].low] {
			return false
		}
	}
	return true
}

// roleBeforeComma returns the role a name starting at token a stands in
// apposition to, after an optional title: "the Peruvian Minister of
// Foreign Trade, Mr. Jorge Salazar," gives "Peruvian Minister of Foreign
// Trade". The role is the run of words before the comma, on the same line
// and back to a determiner (not the "the" of "of the"), comma or the start
// of the sentence, with a role word among them; else "".
func (f *finder) roleBeforeComma(a int) string {
	toks := f.toks
	p := a
	if p > 0 && f.honorificBefore(p) {
		p--
	}
	if p == 0 || toks[p-1].line != toks[p].line || f.text[toks[p-1].e:toks[p].s] != ", " || toks[p-1].poss {
		return ""
	}
	end := p - 1
	start, head := end, false
	for x := end; x >= 0 && end-x < 11 && toks[x].line == toks[end].line; x-- {
		if x < end && !toks[x+1].adj {
			break
		}
		l := toks[x].low
		// "the Minister of Foreign Affairs of the Republic of Darvan, Dr.
		// X": "of the" inside the role's complement
		if l == "the" && x > 0 && toks[x-1].low == "of" && toks[x-1].lower && toks[x].lower {
			start = x
			continue
		}
		if end-x >= 8 && !head && toks[x].flags()&fRole == 0 {
			break
		}
		if l == "the" || l == "a" || l == "an" || toks[x].poss || possDeterminer(l) || l == "and" || l == "but" || l == "or" {
			break
		}
		// "Under questioning by Assistant U.S. Attorney Ann Roe, Mr.
		// X": an adverbial phrase, whose role is another person's
		if l == "by" || l == "under" || l == "during" {
			return ""
		}
		if toks[x].flags()&fRole != 0 {
			head = true
		}
		start = x
		if toks[x].sent {
			break
		}
	}
	if !head {
		return ""
	}
	// "Pressed on whether he needed a new striker, Vallencourt smiled":
	// the words before the comma end a clause about a question put to
	// the one named, not a role in apposition (which a comma closes:
	// "Asked about it, a ministry spokesman, Ann Roe, said")
	n := a
	for n+1 < len(toks) && toks[n+1].adj && toks[n+1].cap && toks[n+1].line == toks[a].line {
		n++
	}
	closed := strings.HasPrefix(f.text[toks[n].e:], ",")
	for x := start; !closed && x >= 0 && start-x < 16 && toks[x].line == toks[start].line; x-- {
		if toks[x].sent {
			switch toks[x].low {
			case "asked", "pressed", "questioned", "quizzed", "challenged":
				return ""
			}
			break
		}
	}
	return f.text[toks[start].s:toks[end].e]
}

// quantifierPronoun reports whether l is a word that stands alone for
// people of a group named before ("One wrote …", "Another said …").
func quantifierPronoun(l string) bool {
	switch l {
	case "another", "others", "one", "both", "each", "some", "many", "most", "several", "none", "neither", "either", "all":
		return true
	}
	return false
}

// possDeterminer reports whether l is a possessive determiner, which
// opens the role phrase before a name set off by a comma ("her campaign
// manager, Owen Petrakis"): the words before it are another clause's.
func possDeterminer(l string) bool {
	switch l {
	case "his", "her", "its", "their", "our", "my", "your":
		return true
	}
	return false
}

// verbAfter tells whether token b (the word after a name) is a speech verb
// (2), another verb or auxiliary that a singular name may take (1), or
// neither (0).
func (f *finder) verbAfter(b, lineEnd int) int {
	if b >= lineEnd || !f.toks[b].adj || !f.toks[b].lower {
		return 0
	}
	l := f.toks[b].low
	switch l {
	case "is", "was", "has", "had", "who", "will", "would", "also", "did", "does", "could", "can", "then", "later",
		"says", "told", "should", "must", "might", "may", "himself", "herself":
		return 1
	}
	if f.toks[b].flags()&fSpeech != 0 {
		return 2
	}
	if len(l) > 4 && strings.HasSuffix(l, "ed") {
		return 1
	}
	return 0
}

// pastAfter reports whether the token at b is a lower-case word in -ed
// that verbAfter reads as a verb, not one of its listed words ("was",
// "told", "who").
func (f *finder) pastAfter(b int) bool {
	l := f.toks[b].low
	return len(l) > 4 && strings.HasSuffix(l, "ed") && f.toks[b].flags()&fSpeech == 0
}

// pluralOrGerund reports whether lower-case word w looks like an English
// plural ("figures", "aftershocks"; not "-ss", "-us", "-is") or a gerund
// ("campaigning").
func pluralOrGerund(w string) bool {
	if len(w) < 5 {
		return false
	}
	if strings.HasSuffix(w, "ing") {
		return true
	}
	return w[len(w)-1] == 's' && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is")
}

// segment splits the non-person run [a,b) into gazetteer names,
// organisations and other names, skipping role words.
func (f *finder) segment(a, b, lineEnd int) {
	toks := f.toks
	i := a
	for i < b {
		if e, l := f.gazMatch(i, b); l > 0 {
			if e.typ == model.Organization {
				// "EU Solidarity Fund": a known body heading a longer name
				j := i + l
				for j < b && f.toks[j].cap && f.toks[j].flags()&(fRole|fHon) == 0 {
					if _, l2 := f.gazMatch(j, b); l2 > 0 {
						break
					}
					j++
				}
				if j > i+l && f.toks[j-1].flags()&fOrg != 0 {
					j = f.ofPlace(j, b)
					f.cands = append(f.cands, cand{a: i, b: j, typ: model.Organization})
					i = j
					continue
				}
			}
			if e.typ == model.Place {
				if j := f.team(i, l, b); j > 0 {
					f.cands = append(f.cands, cand{a: i, b: j, typ: model.Organization})
					i = j
					continue
				}
			}
			f.cands = append(f.cands, cand{a: i, b: i + l, typ: e.typ, key: e.canon, gaz: true})
			i += l
			continue
		}
		// hyphenated pair of places ("Moscow-Tehran")
		if t := &toks[i]; strings.Contains(t.text, "-") {
			if f.hyphenPlaces(i) {
				i++
				continue
			}
		}
		// run up to the next gazetteer match
		j := i + 1
		for j < b {
			if _, l := f.gazMatch(j, b); l > 0 {
				break
			}
			j++
		}
		// "Bank of Japan", "University of Tehran"
		if j < b && j-i >= 2 && toks[j-1].lower && (toks[j-1].low == "of" || toks[j-1].low == "for") && toks[j-2].flags()&fOrg != 0 {
			if e := f.ofPlace(j-1, b); e > j {
				f.cands = append(f.cands, cand{a: i, b: e, typ: model.Organization})
				i = e
				continue
			}
		}
		f.run(i, j)
		i = j
	}
}

// team returns the end of a city's team or paper named after the place
// match [i,i+l) within [i,b) ("Toronto Raptors", "Boston Globe"), or 0.
func (f *finder) team(i, l, b int) int {
	j := i + l
	for j < b && j-i-l < 2 && f.toks[j].cap && !f.toks[j].upper && f.toks[j].flags()&(fRole|fMod|fHon|fGiven|fDem|fConn|fCommon) == 0 {
		if _, l2 := f.gazMatch(j, b); l2 > 0 {
			break
		}
		j++
	}
	if j == b && j > i+l && len(f.toks[j-1].low) > 3 && (strings.HasSuffix(f.toks[j-1].low, "s") || f.toks[j-1].flags()&fOrg != 0) {
		return j
	}
	return 0
}

// ofPlace extends an organisation name ending before token j over "of" and
// a known place ("Federal Reserve Bank of New York"); it returns the new end.
func (f *finder) ofPlace(j, b int) int {
	if j+1 < b && f.toks[j].low == "of" && f.toks[j].lower {
		if e, l := f.gazMatch(j+1, b); l > 0 && e.typ == model.Place {
			return j + 1 + l
		}
	}
	return j
}

// hyphenPlaces splits "Moscow-Tehran" into two place candidates when both
// parts are known; it reports whether it did.
func (f *finder) hyphenPlaces(i int) bool {
	t := &f.toks[i]
	parts := strings.Split(t.text, "-")
	if len(parts) != 2 {
		return false
	}
	var es [2]gazEntry
	for k, p := range parts {
		g, ok := gazetteer[toLower(p)]
		if !ok || g[0].n != 1 {
			return false
		}
		es[k] = g[0]
	}
	m := t.s + len(parts[0])
	f.cands = append(f.cands, cand{a: i, b: i + 1, typ: model.Place, key: es[0].canon, gaz: true, bs: t.s, be: m},
		cand{a: i, b: i + 1, typ: model.Place, key: es[1].canon, gaz: true, bs: m + 1, be: t.e})
	return true
}

// run classifies a run [a,b) with no gazetteer name inside.
func (f *finder) run(a, b int) {
	toks := f.toks
	// "National Union of Students": words after "<suffix> of" belong to the
	// organisation's name
	ofOrg := false
	for x := a; x+2 < b; x++ {
		if toks[x].flags()&fOrg != 0 && (toks[x+1].low == "of" || toks[x+1].low == "for") && toks[x+2].cap {
			ofOrg = true
		}
	}
	if f.foreignOrg(a, b) {
		ofOrg = true
	}
	// "the Workplace Safety Executive", "the Health Service Executive": a
	// body named by two or more plain words before "Executive" (no role,
	// title or given name among them: "Acme Chief Executive" is a role)
	if b-a >= 3 && toks[b-1].low == "executive" && toks[b-1].cap {
		x := a
		for x < b-1 && toks[x].flags()&(fConn|fFunc) != 0 {
			x++
		}
		plain := b-1-x >= 2
		for y := x; y < b-1 && plain; y++ {
			plain = toks[y].cap && !toks[y].upper && toks[y].flags()&(fRole|fHon|fGiven|fConn|fFunc|fMod|fDem) == 0
		}
		if plain && x > 0 && toks[x-1].low == "the" {
			f.cands = append(f.cands, cand{a: x, b: b, typ: model.Organization})
			return
		}
	}
	// trim connectors, role words, demonyms and common words at the end,
	// and connectors/common words at the start
	for b > a {
		fl := toks[b-1].flags()
		if ofOrg && fl&fConn == 0 {
			break
		}
		if (fl&fConn != 0) || (fl&fRole != 0) || (fl&fHon != 0) || ((fl&fCommon != 0) && !(fl&fOrg != 0)) || (fl&fMod != 0) && !(fl&fOrg != 0) {
			b--
			continue
		}
		break
	}
	for a < b {
		fl := toks[a].flags()
		if (fl&fConn != 0) || (fl&fFunc != 0) || (toks[a].sent && (fl&fCommon != 0) && !f.scopeLead(a, b)) {
			a++
			continue
		}
		break
	}
	if a >= b {
		return
	}
	if (ofOrg || toks[b-1].flags()&fOrg != 0) && b-a >= 2 {
		f.cands = append(f.cands, cand{a: a, b: b, typ: model.Organization})
		return
	}
	// all demonyms/role words: nothing
	allSkip := true
	for x := a; x < b; x++ {
		fl := toks[x].flags()
		if !((fl&fDem != 0) || (fl&fRole != 0) || (fl&fMod != 0) || (fl&fCommon != 0) || (fl&fConn != 0) || (fl&fHon != 0)) {
			allSkip = false
		}
	}
	if allSkip {
		return
	}
	if b-a == 1 {
		t := &toks[a]
		if derivedWord(t) || t.digit || t.flags()&(fOrg|fMod|fRole) != 0 || placeSuffixes[t.low] {
			return // a generic word alone ("Church", "Interior")
		}
		if t.upper && len(t.text) >= 2 {
			f.cands = append(f.cands, cand{a: a, b: b, typ: model.Organization, weak: true})
			return
		}
		c := cand{a: a, b: b, typ: model.Other, weak: true}
		if t.sent {
			c.titleOnly = true
		}
		f.cands = append(f.cands, c)
		return
	}
	typ := model.Other
	if toks[a].flags()&fGiven != 0 {
		typ = model.Person
	}
	for x := a; x < b; x++ {
		if toks[x].flags()&fOrg != 0 {
			typ = model.Organization
		}
	}
	switch toks[b-1].low {
	case "act", "treaty", "accord", "accords", "convention", "protocol", "charter", "bill", "law", "doctrine", "plan":
		typ = model.Other
	}
	f.cands = append(f.cands, cand{a: a, b: b, typ: typ})
}

// sortCands orders candidates by start token.
func (f *finder) sortCands() {
	sort.SliceStable(f.cands, func(i, j int) bool { return f.cands[i].a < f.cands[j].a })
}

// scopeLead reports whether token a is a capitalised word of scope or
// region ("National", "Northern") followed by another capitalised word
// before b: the first word of a name ("National Highways"), not a common
// word opening the sentence.
func (f *finder) scopeLead(a, b int) bool {
	if a+1 >= b || !f.toks[a].cap || !(f.toks[a+1].cap || f.toks[a+1].upper) || f.toks[a].flags()&(fRole|fHon) != 0 {
		return false
	}
	switch f.toks[a].low {
	case "national", "international", "northern", "southern", "eastern", "western", "central", "federal", "royal", "united":
		return true
	}
	return false
}

// kinAppositive reports whether the single word at token a is set off by
// commas right after a relative named with a possessive: "Her husband,
// Grant, did not speak", "Ms. Roe's son, Everett, said". Such a word is a
// given name, whatever else it may spell.
func (f *finder) kinAppositive(a int) bool {
	toks := f.toks
	if a+1 >= len(toks) || toks[a+1].line != toks[a].line || !strings.HasPrefix(f.text[toks[a].e:], ",") {
		return false
	}
	// "Ms. Roe's son", not "the dead worker's son"; a partner keeps
	// a name of their own.
	return f.afterKinNoun(a, true) && toks[a-1].low != "partner"
}

// kinBefore reports whether the name starting at token a stands in
// apposition after a relative's noun that a possessive opens ("the dead
// worker's mother, Fatima Roe", "her son, Gabriel Roe"): a person's.
func (f *finder) kinBefore(a int) bool { return f.afterKinNoun(a, false) }

// afterKinNoun reports whether token a follows ", " after a relative's
// noun (kinNoun) that a possessive opens: a possessive determiner ("her
// son, …") or a possessive name (with properPoss, only a capitalised
// one: "Ms. Roe's son, …").
func (f *finder) afterKinNoun(a int, properPoss bool) bool {
	toks := f.toks
	if a < 2 || toks[a].line != toks[a-1].line || f.text[toks[a-1].e:toks[a].s] != ", " {
		return false
	}
	k := &toks[a-1]
	if !k.lower || !kinNoun(k.low) || k.line != toks[a-2].line {
		return false
	}
	p := &toks[a-2]
	return possDeterminer(p.low) || p.poss && (p.cap || !properPoss)
}

// kinNoun reports whether w names a relative ("son", "wife").
func kinNoun(w string) bool {
	switch w {
	case "son", "sons", "daughter", "daughters", "wife", "husband", "mother", "father", "brother", "sister",
		"partner", "child", "children", "parents", "grandson", "granddaughter", "baby", "fiancee", "fiance":
		return true
	}
	return false
}

// bodyAnd returns where the name of a government body in tokens [i,j)
// ends when it goes on over "and" (or "&") at token j: "Department for
// Energy and Climate Security", "Department of Health and Care",
// "Organisation for Security and Democratic Cooperation",
// "Ministry of Housing and Local Government", "Workers' Union of Metal
// and Machinery". The name must open with a body word (or with the
// possessive of its members and a body word) and hold "of" or "for", and
// the words after "and" (at most three, capitalised, neither a body word
// nor a known name) must end the capitalised run; else j.
func (f *finder) bodyAnd(i, j, b int) int {
	toks := f.toks
	if j+1 >= b || !toks[j].adj || !toks[j].lower || toks[j].low != "and" && toks[j].low != "&" || j-i < 3 {
		return j
	}
	if (toks[i].low == "the" || toks[i].low == "a" || toks[i].low == "an") && j-i > 3 {
		i++ // "A Department of Health and Social Care spokesperson"
	}
	if toks[i].poss && toks[i].cap && j-i > 3 {
		i++ // the members a body is of: "Workers' Union of Metal and Machinery"
	}
	switch toks[i].low {
	case "department", "ministry", "office", "secretariat", "directorate", "agency", "commission", "organisation", "organization",
		"council", "institute", "centre", "center", "foundation", "committee", "union", "federation", "confederation", "association":
	default:
		return j
	}
	conn := false
	for k := i + 1; k < j; k++ {
		if toks[k].lower && (toks[k].low == "of" || toks[k].low == "for") {
			conn = true
		}
		if toks[k].lower && toks[k].low == "and" {
			return j
		}
	}
	if !conn {
		return j
	}
	e := j + 1
	for e < b && e < j+4 && toks[e].adj && toks[e].cap && !toks[e].poss && toks[e].flags()&(fTime|fGiven) == 0 {
		if toks[e].flags()&fOrg != 0 && toks[e].low != "government" {
			return j // another body: "the Department of Justice and Vantrell Corp"
		}
		if _, l := f.gazMatch(e, b); l > 0 {
			return j // a known name: "the Ministry of Defence and Ruritania"
		}
		e++
	}
	if e == j+1 || e < b && toks[e].adj && toks[e].cap {
		return j
	}
	return e
}

// ampGap reports whether an ampersand alone, spaced, separates token j
// from the token before it on the same line ("Harbury & Cole").
func (f *finder) ampGap(j int) bool {
	if j == 0 || f.toks[j].line != f.toks[j-1].line {
		return false
	}
	g := f.text[f.toks[j-1].e:f.toks[j].s]
	return g == " & " || g == "\u00a0&\u00a0" || g == " &\u00a0"
}

// firmAnd returns where a firm's or body's name in tokens [i,j) ends when
// it goes on over "and" at token j: "Harwell and Pike Associates",
// "Markets and Competition Authority", "Fire and Rescue Service". The
// words on both sides (one before "and", or two before a body word
// ending two or more after it, one to three after it,
// capitalised, no known name, no given name, role or time word) must make
// one capitalised run that ends
// with an organisation word or a firm word ("Associates", "Sons"), with no
// organisation word before "and" (two bodies: "the Treasury Board and
// Pike Associates"); else j.
func (f *finder) firmAnd(i, j, b int) int {
	toks := f.toks
	if j+1 >= b || !toks[j].adj || !toks[j].lower || toks[j].low != "and" || j-i > 3 {
		return j
	}
	if toks[i].low == "the" {
		i++
	}
	if j-i != 1 && j-i != 2 {
		return j // "Marta Quenby and Tobias Lusk …": two people's names
	}
	for k := i; k < j; k++ {
		if !toks[k].cap || toks[k].poss || toks[k].flags()&(fOrg|fGiven|fRole|fHon|fTime|fDem) != 0 {
			return j
		}
		if _, l := f.gazMatch(k, j); l > 0 {
			return j
		}
	}
	e := j + 1
	for e < b && e < j+4 && toks[e].adj && toks[e].cap && toks[e].flags()&(fGiven|fRole|fHon|fTime) == 0 {
		if _, l := f.gazMatch(e, b); l > 0 {
			return j
		}
		if toks[e].poss {
			e++
			break
		}
		e++
	}
	if e == j+1 || e < b && toks[e].adj && (toks[e].cap || toks[e].upper) || toks[e-1].poss {
		return j
	}
	if last := toks[e-1].low; e-1 == j+1 && toks[e-1].flags()&fOrg != 0 || toks[e-1].flags()&fOrg == 0 && !firmWord(last) {
		return j // "Smith and Council": a lone body word is another name
	}
	if j-i == 2 && (e-j-1 < 2 || toks[e-1].flags()&fOrg == 0) {
		// two words before "and" only before a body's name of two
		// words or more: "Rosslyn Fire and Rescue Service"
		return j
	}
	return e
}

// firmWord reports whether lower-case w ends the name of a firm of
// partners ("Harwell and Pike Associates", "Dunmore and Sons").
func firmWord(w string) bool {
	switch w {
	case "associates", "sons", "brothers", "partners", "solicitors", "architects", "consultants", "llp", "daughters":
		return true
	}
	return false
}

// bodyTail reports whether lower-case w is a noun that may follow the name
// of a body in lower case ("the GMB Food Workers union").
func bodyTail(w string) bool {
	switch w {
	case "union", "party", "association", "federation", "alliance", "coalition", "movement", "league", "club",
		"society", "trust", "foundation", "group", "committee":
		return true
	}
	return false
}

// nationalityLead reports whether lower-case w is a noun of nationality
// that news copy writes before a person's full name ("Pole Tomasz
// Wierzba", "Welshman Owen Roe").
func nationalityLead(w string) bool {
	switch w {
	case "briton", "brit", "scot", "pole", "dane", "swede", "turk", "spaniard", "kiwi", "aussie", "frenchman",
		"frenchwoman", "irishman", "irishwoman", "welshman", "welshwoman", "scotsman", "scotswoman", "englishman",
		"englishwoman", "dutchman", "dutchwoman":
		return true
	}
	return false
}

// sportBody reports whether lower-case w is a sport whose governing body
// a country's name follows ("Cricket Australia", "Swimming Canada").
func sportBody(w string) bool {
	switch w {
	case "cricket", "rugby", "tennis", "football", "netball", "hockey", "swimming", "athletics", "cycling", "golf",
		"basketball", "rowing", "sailing", "gymnastics", "boxing", "triathlon", "volleyball", "softball", "baseball", "skateboarding":
		return true
	}
	return false
}

// partyNoun reports whether lower-case w names a member of a political
// party, which news copy writes before a full name ("Republican Ann
// Roe") or after a place as a description ("the Ohio Democrat").
func partyNoun(w string) bool {
	switch w {
	case "republican", "democrat", "libertarian":
		return true
	}
	return false
}

// PartyMember reports whether w, capitalised, names a member of a
// political party ("Republican", "Democrat"), not a party or a person.
func PartyMember(w string) bool {
	return w != "" && w[0] >= 'A' && w[0] <= 'Z' && partyNoun(strings.ToLower(w))
}

// leadAdjectives are words that news copy puts before a name to describe
// the one named ("Heartbroken Saffi", "Veteran striker Ann Roe").
var leadAdjectives = setOf(`heartbroken grief-stricken tearful brave furious devastated experienced veteran tragic
troubled embattled beleaguered outspoken legendary popular disgraced controversial talented proud delighted
stunned shocked defiant loyal famous celebrated respected tireless retired injured shamed smitten loved-up
glamorous stunning cheeky besotted distraught heroic plucky frail elderly emotional jubilant relieved angry
livid overjoyed former axed jailed`)

// leadAdjective reports whether lower-case w describes the name after it
// when it opens a sentence: a word of leadAdjectives or a long word ending
// in "-ed", "-ful" or "-ous" ("Frustrated", "Boastful", "Nervous").
func leadAdjective(w string) bool {
	if leadAdjectives[w] {
		return true
	}
	return len(w) >= 9 && strings.HasSuffix(w, "ed") || len(w) >= 7 && (strings.HasSuffix(w, "ful") || strings.HasSuffix(w, "ous"))
}

// foreignOrg reports whether run [a,b) is a body's name in a language that
// puts the head first ("Banco Central de Marapura", "Ministerio de Obras
// Públicas"): such a head opens it and a connector before a capitalised
// word lies inside it.
func (f *finder) foreignOrg(a, b int) bool {
	toks := f.toks
	if b-a < 3 || !foreignOrgHeads[toks[a].low] {
		return false
	}
	for x := a + 1; x+1 < b; x++ {
		if toks[x].flags()&fConn != 0 && toks[x+1].cap {
			return true
		}
	}
	return false
}

// monthGiven reports whether the month at token i, one that is also a
// given name ("April", "May", "June"), opens a person's name before the
// capitalised surname after it ("Her daughter, June Haskett, said"): not
// after a word that makes it a date ("in June", "last May") nor before a
// word the lexicon knows.
func monthGiven(toks []token, i int) bool {
	switch toks[i].low {
	case "april", "may", "june":
	default:
		return false
	}
	if i+1 >= len(toks) || toks[i+1].line != toks[i].line || !toks[i+1].adj || !toks[i+1].cap || toks[i+1].upper || toks[i].poss ||
		toks[i+1].flags()&(fTime|fCommon|fRole|fOrg|fHon|fFunc|fConn|fDem|fMod|fSpeech) != 0 {
		return false
	}
	if i > 0 && toks[i-1].line == toks[i].line && (toks[i-1].digit || toks[i-1].flags()&(fFunc|fTime) != 0 || dateLead(toks[i-1].low)) {
		return false
	}
	return true
}

// dateLead reports whether lower-case w before a month makes it a date
// ("last May", "early June", "mid-April").
func dateLead(w string) bool {
	switch w {
	case "last", "next", "early", "late", "mid", "this", "each", "every", "through", "throughout", "in", "on", "of", "since", "until", "till", "by", "from":
		return true
	}
	return false
}

// commaAfter reports whether a comma on the same line follows the
// candidate that ends before token b.
func (f *finder) commaAfter(b int) bool {
	toks := f.toks
	return b < len(toks) && toks[b].line == toks[b-1].line && strings.TrimSpace(f.text[toks[b-1].e:toks[b].s]) == ","
}
