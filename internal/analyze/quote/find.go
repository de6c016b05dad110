// Package quote finds who said what in news text: direct quotations in every
// common mark style, partial and mixed quotations, and indirect (reported)
// speech, each with its speaker resolved to an entity mention when the text
// allows it.
//
// Find works on one article with shallow, rule-based parsing. It tokenises
// each paragraph, pairs quotation marks (telling apostrophes such as "don’t",
// "'90s" or "players’ union" from single quotation marks), groups sentences so
// that no quotation is cut, and then looks for attributions: a reporting cue
// ("said", "told", "according to", "warned that") next to a quotation, or a
// cue with a subject and a reported clause. Speakers are entity mentions next
// to the cue, pronouns resolved to the nearest compatible mention before
// them, or role nouns ("the spokesman") resolved to the person holding that
// role; otherwise the speaker is left empty.
package quote

import (
	"sort"
	"strings"

	"github.com/parallax-news/parallax/internal/analyze/resolve"
	"github.com/parallax-news/parallax/internal/model"
	scan "github.com/parallax-news/parallax/internal/tokenize"
)

// Find returns the quotations and reported statements of text, one paragraph
// a line, in text order. sents are the sentences of text (as returned by
// sentence.Split) and ms its entity mentions, sorted by offset. Spans are
// byte offsets into text and every Quote's Text equals text[Start:End].
//
// Direct quotes have Kind Direct and Text is the quoted content without its
// marks. Quotations embedded in a reported clause ("X said the plan was
// “dead on arrival”") or partial quotations next to a cue ("warned of “real
// dangers”") have Kind Mixed: the span covers the reported clause when there
// is one, else the quoted words. Reported speech without quotation marks has
// Kind Indirect and the span covers the reported clause. A quotation split
// around its cue gives one Quote per quoted part, with the same speaker.
//
// Speaker is the Key (else Text) of the mention that names the speaker at
// the attribution, of the person or organization a pronoun or role noun
// ("the spokesman", "the ministry") refers to, or "" when the text does not
// say who spoke; SpeakerMention is the words naming the speaker there. Cue
// is the reporting verb or phrase; it is empty for a quotation continuing an
// earlier one and for "X was blunt: “…”".
//
// Find is pure and safe for concurrent use; it never panics, whatever its
// input (invalid UTF-8, unbalanced quotation marks, mentions out of range).
func Find(text string, sents []model.Span, ms []model.Mention) []model.Quote {
	qs, _ := FindWithPairs(text, sents, ms)
	return qs
}

// FindWithPairs is Find that also returns the quotation marks it paired
// (see Pairs), for a caller that needs both.
func FindWithPairs(text string, sents []model.Span, ms []model.Mention) (qs []model.Quote, pairs []MarkPair) {
	// Last-resort guard: a bug must cost an article its quotes, not the
	// pipeline. The fuzz tests call find directly so that bugs still show.
	defer func() {
		if recover() != nil {
			qs, pairs = nil, nil
		}
	}()
	f := findAll(text, sents, ms)
	return f.out, f.marks
}

// find is Find without the panic guard.
func find(text string, sents []model.Span, ms []model.Mention) []model.Quote {
	return findAll(text, sents, ms).out
}

// findAll reads text and returns the finder with its results.
func findAll(text string, sents []model.Span, ms []model.Mention) *finder {
	if len(text) == 0 || len(text) > 1<<31-1 {
		return &finder{}
	}
	f := finder{text: text, ms: ms, res: resolve.New(len(text), ms), lastSp: -1, unnamedAt: -1}
	f.tokenizeAll()
	f.markMentions()
	f.pairAll()
	f.buildUnits(sents)
	for u := range f.units {
		f.doUnit(u)
	}
	f.finishQuotations()
	if !sort.SliceIsSorted(f.out, func(i, j int) bool { return f.out[i].Start < f.out[j].Start }) {
		sort.SliceStable(f.out, func(i, j int) bool { return f.out[i].Start < f.out[j].Start })
	}
	return &f
}

// quotation is one top-level quotation of a paragraph.
type quotation struct {
	open, close int // mark tokens; close is -1 when the paragraph ends first
	start, end  int // byte span of the content, without the marks
	unit        int
	prev        int // the quotation this one continues (previous paragraph), or -1
	done        bool
	speaker     int // resolved speaker: mention index, or -1
	spName      string
	spMention   string
	cue         string
	kind        model.QuoteKind
	attributed  bool
	consumed    bool
}

type unit struct{ lo, hi int } // token range

type finder struct {
	text   string
	ms     []model.Mention
	res    *resolve.Index
	toks   []token
	paras  []unit // token range of each paragraph
	quots  []quotation
	units  []unit
	out    []model.Quote
	marks  []MarkPair   // every top-level quotation's marks, as Pairs returns them
	claims []model.Span // byte spans already reported in clauses
	cur    unit         // the unit being read
	lastSp int          // mention of the last person (or untyped name) named as a speaker, or -1
	// unnamedAt is the byte offset of the last unnamed speaker ("a senior
	// nurse"), or -1.
	unnamedAt int
}

// speaker is a resolved attribution.
type speaker struct {
	ment    int    // mention index or -1
	name    string // resolved name ("" unknown)
	mention string // surface text naming the speaker
	lo, hi  int    // token range of the subject phrase
	ok      bool   // a subject phrase was found (even if unresolved)
}

func (f *finder) tokenizeAll() {
	t := f.text
	f.toks = make([]token, 0, len(t)/5+8)
	f.paras = make([]unit, 0, len(t)/200+4)
	f.units = make([]unit, 0, len(t)/100+4)
	start := 0
	for start < len(t) {
		end := strings.IndexByte(t[start:], '\n')
		if end < 0 {
			end = len(t)
		} else {
			end += start
		}
		lo := len(f.toks)
		f.toks = tokenize(t, start, end, f.toks)
		if len(f.toks) > lo {
			f.paras = append(f.paras, unit{lo, len(f.toks)})
		}
		start = end + 1
	}
}

func (f *finder) markMentions() {
	j := 0
	for i := range f.toks {
		tk := &f.toks[i]
		s := int(tk.start)
		for j < len(f.ms) && f.ms[j].End <= s {
			j++
		}
		if j < len(f.ms) {
			m := f.ms[j]
			if m.Start <= s && s < m.End && m.Start >= 0 && m.End <= len(f.text) && m.Start < m.End {
				tk.ment = int32(j)
			}
		}
	}
}

func (f *finder) pairAll() {
	var pairs []pair
	lastUnclosed := -1 // quotation index of an unclosed quotation ending the previous paragraph
	for _, p := range f.paras {
		pairs, _ = pairMarks(f.text, f.toks, p.lo, p.hi, nil, pairs[:0])
		cont := lastUnclosed
		lastUnclosed = -1
		for _, pr := range pairs {
			mp := MarkPair{Open: int(f.toks[pr.open].start), Close: -1}
			if pr.close >= 0 {
				mp.Close = int(f.toks[pr.close].start)
			}
			f.marks = append(f.marks, mp)
			q := quotation{open: pr.open, close: pr.close, prev: -1, speaker: -1, unit: -1}
			q.start = int(f.toks[pr.open].end)
			last := p.hi - 1
			if pr.close >= 0 {
				q.end = int(f.toks[pr.close].start)
				last = pr.close
			} else {
				q.end = int(f.toks[p.hi-1].end)
			}
			if pr.open == p.lo && cont >= 0 {
				q.prev = cont
			}
			q.start, q.end = f.trim(q.start, q.end)
			if q.start >= q.end {
				continue
			}
			idx := len(f.quots)
			for t := pr.open; t <= last; t++ {
				f.toks[t].q = int32(idx)
			}
			f.quots = append(f.quots, q)
			if pr.close < 0 {
				lastUnclosed = idx
			}
		}
	}
}

func (f *finder) trim(s, e int) (int, int) {
	for s < e {
		r, w := scan.DecodeAt(f.text, s)
		if !scan.IsSpaceRune(r) {
			break
		}
		s += w
	}
	for e > s {
		r, w := scan.DecodeBefore(f.text, e)
		if !scan.IsSpaceRune(r) {
			break
		}
		e -= w
	}
	return s, e
}

// buildUnits groups tokens into sentences that never cut a quotation.
func (f *finder) buildUnits(sents []model.Span) {
	si := 0
	for _, p := range f.paras {
		lo := p.lo
		for t := p.lo + 1; t < p.hi; t++ {
			s := int(f.toks[t].start)
			split := false
			for si < len(sents) && sents[si].Start <= s {
				if sents[si].Start > int(f.toks[t-1].start) {
					split = true
				}
				si++
			}
			if !split {
				continue
			}
			// Do not split inside a quotation.
			if q := f.toks[t].q; q >= 0 && f.quots[q].open != t && f.toks[t-1].q == q {
				continue
			}
			f.units = append(f.units, unit{lo, t})
			lo = t
		}
		f.units = append(f.units, unit{lo, p.hi})
	}
	for u, un := range f.units {
		for t := un.lo; t < un.hi; t++ {
			if q := f.toks[t].q; q >= 0 && f.quots[q].unit < 0 {
				f.quots[q].unit = u
			}
		}
	}
}

// --- token predicates ---

func (f *finder) isPunct(t int, r rune) bool {
	return t >= 0 && t < len(f.toks) && f.toks[t].kind == kPunct && f.toks[t].r == r
}

func (f *finder) word(t int) string {
	return f.text[f.toks[t].start:f.toks[t].end]
}

func (f *finder) isWord(t int, w string) bool {
	return t >= 0 && t < len(f.toks) && f.toks[t].kind == kWord && eqLower(f.word(t), w)
}

func (f *finder) has(t int, class uint32) bool {
	return t >= 0 && t < len(f.toks) && f.toks[t].kind == kWord && f.toks[t].lex.class&class != 0
}

func (f *finder) isCue(t int) bool {
	return f.has(t, lxCue) && f.toks[t].q < 0
}

func (f *finder) isEndPunct(t int) bool {
	if t < 0 || t >= len(f.toks) || f.toks[t].kind != kPunct {
		return false
	}
	switch f.toks[t].r {
	case '.', '!', '?', ';', '…':
		return true
	}
	return false
}

// mentStart returns the first token of the mention covering token t.
func (f *finder) mentStart(t int) int {
	m := f.toks[t].ment
	for t > 0 && f.toks[t-1].ment == m {
		t--
	}
	return t
}

func (f *finder) mentEnd(t int) int { // one past the last token
	m := f.toks[t].ment
	for t < len(f.toks) && f.toks[t].ment == m {
		t++
	}
	return t
}

func (f *finder) mentName(m int) string {
	if f.ms[m].Key != "" {
		return f.ms[m].Key
	}
	if f.ms[m].Text != "" {
		return f.ms[m].Text
	}
	return f.text[f.ms[m].Start:f.ms[m].End]
}

func (f *finder) spanText(lo, hi int) string { // tokens lo..hi-1
	if lo >= hi {
		return ""
	}
	return f.text[f.toks[lo].start:f.toks[hi-1].end]
}

// --- speakers ---

// subjectBefore parses the subject of the cue at token c, looking back no
// further than token lo.
func (f *finder) subjectBefore(c, lo int) speaker {
	t := c - 1
	for t >= lo && (f.has(t, lxAdv) && !f.has(t, lxPronoun)) && f.toks[t].ment < 0 {
		t--
	}
	if t < lo {
		return speaker{ment: -1}
	}
	if sp, ok := f.npEndingAt(t, lo); ok {
		return sp
	}
	// "Kanaani in his briefing said", "X on Sunday said": skip a short
	// prepositional or time phrase back to a mention.
	for k := t; k >= lo && k >= t-6; k-- {
		tk := &f.toks[k]
		if tk.kind != kWord || tk.q >= 0 {
			break
		}
		if tk.ment >= 0 {
			if k < t && f.has(k+1, lxPrep) || f.has(k+1, lxTime) || f.has(k+1, lxMonth) {
				s := f.mentStart(k)
				if !f.has(s-1, lxPrep) {
					return f.fromMention(int(tk.ment), s, k+1)
				}
			}
			break
		}
		if f.has(k, lxCue) {
			break
		}
	}
	// Appositive: "The law's author, state Sen. X, said".
	if f.isPunct(t, ',') && t-1 >= lo && f.toks[t-1].ment >= 0 && f.toks[t-1].kind == kWord {
		m := int(f.toks[t-1].ment)
		if f.ms[m].Type == model.Person || f.ms[m].Type == model.Other {
			s := f.mentStart(t - 1)
			if f.isPunct(s-1, ',') || f.has(s-1, lxRole) || s-1 >= 0 && f.toks[s-1].flags&fCap != 0 && f.isPunct(s-1, '.') {
				return f.fromMention(m, s, t)
			}
			for k := s - 1; k >= lo && k >= s-4; k-- {
				if f.isPunct(k, ',') {
					return f.fromMention(m, s, t)
				}
			}
		}
	}
	// Appositive: "John Kirby, the spokesman for X, said", "The official,
	// who spoke on condition of anonymity, said".
	if f.isPunct(t, ',') {
		return f.appositiveSubject(t, lo)
	}
	return speaker{ment: -1}
}

// appositiveSubject finds the subject before an appositive that ends at the
// comma t: "John Smith, the spokesman for X, said", "The official, who spoke
// on condition of anonymity, said", "Dana Holt, who worked there for years
// in Dayton, Ohio, until it closed, said". Inner commas of a relative clause
// (places, dates, a second clause) are read through.
func (f *finder) appositiveSubject(t, lo int) speaker {
	rel := false // an inner comma was passed inside a relative clause
	for k := t - 1; k >= lo && k >= t-56; k-- {
		if f.toks[k].q >= 0 || f.isEndPunct(k) {
			break
		}
		if !f.isPunct(k, ',') {
			if k < t-40 && !rel {
				break
			}
			continue
		}
		n := k + 1 // first token of the appositive
		if !(f.has(n, lxRel|lxDet|lxPossDet|lxRole) || f.toks[n].flags&(fCap|fDigit) != 0 ||
			f.toks[n].kind == kWord && strings.HasSuffix(f.word(n), "ing")) {
			if f.relBefore(k, lo) {
				rel = true
				continue // ", until it closed": a later part of a relative clause
			}
			break
		}
		if f.toks[n].ment >= 0 && f.toks[n].kind == kWord && f.mentEnd(n) == t {
			if m := int(f.toks[n].ment); f.ms[m].Type != model.Place {
				return f.fromMention(m, n, t) // "The farmers' union, X, said"
			}
		}
		if k-1 < lo {
			break
		}
		if f.toks[k-1].ment >= 0 && f.toks[k-1].kind == kWord {
			m := int(f.toks[k-1].ment)
			if f.ms[m].Type != model.Place {
				s := f.mentStart(k - 1)
				if !f.has(s-1, lxPrep) {
					return f.fromMention(m, s, k)
				}
				break
			}
			if f.relBefore(k, lo) {
				rel = true
				continue // "in Dayton, Ohio, until": a place inside the clause
			}
		} else if f.has(n, lxRel) {
			if sp, ok := f.npEndingAt(k-1, lo); ok {
				return sp
			}
		} else if f.relBefore(k, lo) {
			rel = true
			continue
		}
		break
	}
	return speaker{ment: -1}
}

// relBefore reports whether a comma and a relative pronoun ("who",
// "which") come before token k within the appositive window.
func (f *finder) relBefore(k, lo int) bool {
	for j := k - 1; j >= lo && j > k-32; j-- {
		if f.toks[j].q >= 0 || f.isEndPunct(j) {
			return false
		}
		if f.has(j, lxRel) && f.isPunct(j-1, ',') {
			return true
		}
	}
	return false
}

// npEndingAt parses a subject noun phrase whose last token is t.
func (f *finder) npEndingAt(t, lo int) (speaker, bool) {
	if t < 0 || t < lo || t >= len(f.toks) {
		return speaker{}, false
	}
	tk := &f.toks[t]
	if tk.kind != kWord || tk.q >= 0 {
		return speaker{}, false
	}
	if tk.ment >= 0 {
		s := f.mentStart(t)
		if s < lo {
			s = lo
		}
		if f.has(s-1, lxDet) && f.has(s-2, lxPrep) {
			return speaker{ment: -1, ok: true}, true // "residents in the Heights said"
		}
		if f.has(s-1, lxPrep) && !f.isWord(s-1, "to") || f.isWord(s-1, "to") && !f.isWord(s-2, "according") {
			if f.has(s-1, lxPrep) {
				return speaker{ment: -1, ok: true}, true
			}
		}
		return f.fromMention(int(tk.ment), s, t+1), true
	}
	if tk.lex.class&lxPronoun != 0 {
		return f.fromPronoun(t), true
	}
	// "one of them said": an unnamed member of a group.
	if (f.isWord(t, "them") || f.isWord(t, "us") || f.isWord(t, "those")) && f.isWord(t-1, "of") && t-2 >= lo && f.toks[t-2].kind == kWord {
		return speaker{ment: -1, mention: f.spanText(t-2, t+1), lo: t - 2, hi: t + 1, ok: true}, true
	}
	// "the 46-year-old said": an age standing for the person just named.
	if f.isWord(t-1, "the") && strings.HasSuffix(strings.ToLower(f.word(t)), "-year-old") {
		sp := speaker{ment: -1, mention: f.spanText(t-1, t+1), lo: t - 1, hi: t + 1, ok: true}
		if c := f.lastSp; c >= 0 && f.ms[c].Start < int(tk.start) && int(tk.start)-f.ms[c].Start < 1500 {
			sp.ment, sp.name = c, f.mentName(c)
		} else {
			for m := len(f.ms) - 1; m >= 0; m-- {
				if f.ms[m].End > int(tk.start) || f.ms[m].Type != model.Person && f.ms[m].Type != model.Other {
					continue
				}
				if int(tk.start)-f.ms[m].Start < 1500 {
					sp.ment, sp.name = m, f.mentName(m)
				}
				break
			}
		}
		return sp, true
	}
	if tk.lex.class&(lxRole|lxCommon) != 0 {
		// Walk back over the noun phrase to its determiner.
		k := t
		for k-1 >= lo && k > t-5 && f.toks[k-1].kind == kWord && f.toks[k-1].q < 0 &&
			f.toks[k-1].lex.class&(lxCue|lxPrep|lxPronoun|lxThat|lxRel) == 0 && f.toks[k-1].ment < 0 {
			k--
			if f.has(k, lxDet|lxPossDet) {
				break
			}
		}
		if f.toks[k].ment >= 0 {
			return speaker{}, false
		}
		return f.fromRole(t, k), true
	}
	// A plural or common noun after a determiner: "some nurses said".
	if tk.flags&fLower != 0 && tk.lex.class == 0 {
		k := t
		for k-1 >= lo && k > t-3 && f.toks[k-1].kind == kWord && f.toks[k-1].lex.class&(lxDet|lxPossDet) == 0 &&
			f.toks[k-1].lex.class == 0 && f.toks[k-1].flags&fLower != 0 {
			k--
		}
		if f.has(k-1, lxDet|lxPossDet) && (k-1 == lo || !f.has(k-2, lxPrep)) {
			return speaker{ment: -1, mention: f.spanText(k-1, t+1), lo: k - 1, hi: t + 1, ok: true}, true
		}
	}
	// A capitalised name the recogniser missed: "Kanaani said".
	if tk.flags&fCap != 0 && tk.lex.class == 0 {
		k := t
		for k-1 >= lo && k > t-3 && f.toks[k-1].kind == kWord && f.toks[k-1].flags&fCap != 0 &&
			f.toks[k-1].lex.class == 0 && f.toks[k-1].ment < 0 && f.toks[k-1].q < 0 {
			k--
		}
		if f.has(k-1, lxPrep) {
			return speaker{ment: -1, ok: true}, true
		}
		name := f.spanText(k, t+1)
		if k == t && k == lo && len(name) < 3 {
			return speaker{}, false
		}
		return speaker{ment: -1, name: name, mention: name, lo: k, hi: t + 1, ok: true}, true
	}
	return speaker{}, false
}

// subjectAfter parses an inverted subject after the cue at c ("said
// Foreign Ministry spokesman Nasser Kanani"), up to token hi.
func (f *finder) subjectAfter(c, hi int) speaker {
	t := c + 1
	k := t
	for ; k < hi && k < t+9; k++ {
		tk := &f.toks[k]
		if f.isPunct(k, '.') && k > t && f.has(k-1, lxRole) && f.toks[k-1].flags&fCap != 0 && k+1 < hi && f.toks[k+1].flags&fCap != 0 {
			continue // "said Lt. Carla Mendes", "said Sen. X"
		}
		if tk.kind != kWord || tk.q >= 0 {
			break
		}
		if tk.ment >= 0 {
			m := int(tk.ment)
			e := f.mentEnd(k)
			if e > hi {
				e = hi
			}
			if f.ms[m].Type != model.Person && e < hi && f.toks[e].kind == kWord && f.toks[e].lex.class&lxRel == 0 {
				// "said Iran’s foreign minister X", "said Foreign Ministry
				// spokesman X": keep looking.
				k = e - 1
				continue
			}
			if !f.tailOK(e, hi) {
				return speaker{ment: -1}
			}
			return f.fromMention(m, t, e)
		}
		if tk.lex.class&lxRole != 0 {
			if f.isPunct(k+1, '.') && k+2 < hi && f.toks[k+2].ment >= 0 && f.toks[k+2].kind == kWord {
				continue // an abbreviated title: "said Lt. X"
			}
			if sp, ok := f.roleThenName(k, hi); ok {
				return sp // "said the chairman of the union, X, in …"
			}
			e := k + 1
			if !(e < hi && f.toks[e].kind == kWord && f.toks[e].ment >= 0) {
				if f.tailOK(e, hi) && !(e < hi && f.has(e, lxRole)) {
					return f.fromRole(k, t)
				}
			}
			continue
		}
		if tk.lex.class&(lxDet|lxPossDet) != 0 || tk.flags&fCap != 0 ||
			tk.lex.class&(lxCue|lxAux|lxThat|lxPrep|lxPronoun|lxRel|lxNeg|lxTime) == 0 && tk.flags&fLower != 0 &&
				k+1 < hi && f.toks[k+1].kind == kWord {
			continue
		}
		break
	}
	// "“…,” said Smith." with an unrecognised name.
	if k > t && k <= hi && f.tailOK(k, hi) {
		lo := t
		for lo < k && f.toks[lo].flags&fCap == 0 {
			lo++
		}
		if lo < k && f.toks[k-1].flags&fCap != 0 && f.toks[k-1].lex.class == 0 {
			name := f.spanText(lo, k)
			return speaker{ment: -1, name: name, mention: name, lo: t, hi: k, ok: true}
		}
	}
	return speaker{ment: -1}
}

// roleThenName finds the name given after an inverted role phrase whose
// role noun is token k: "said the chairman of the drivers' union, X".
func (f *finder) roleThenName(k, hi int) (speaker, bool) {
	for j := k + 1; j < hi && j < k+10; j++ {
		if f.toks[j].q >= 0 || f.isEndPunct(j) || f.isCue(j) {
			break
		}
		if !f.isPunct(j, ',') {
			continue
		}
		n := j + 1
		if n >= hi || f.toks[n].kind != kWord || f.toks[n].ment < 0 {
			break
		}
		m := int(f.toks[n].ment)
		if f.ms[m].Type != model.Person && f.ms[m].Type != model.Other {
			break
		}
		e := min(f.mentEnd(n), hi)
		if !f.tailOK(e, hi) {
			break
		}
		return f.fromMention(m, n, e), true
	}
	return speaker{}, false
}

// tailOK reports whether what follows an inverted subject ending at token e
// may end an attribution: end, punctuation, a quotation mark, a preposition,
// a time word or a relative pronoun.
func (f *finder) tailOK(e, hi int) bool {
	if e >= hi {
		return true
	}
	tk := &f.toks[e]
	switch tk.kind {
	case kPunct:
		return tk.r != '-' && tk.r != '&'
	case kMark:
		return true
	}
	return tk.lex.class&(lxPrep|lxTime|lxRel|lxMonth|lxAdv|lxCue) != 0 && tk.lex.class&lxDet == 0 ||
		f.isWord(e, "who")
}

func (f *finder) fromMention(m, lo, hi int) speaker {
	sp := speaker{ment: m, mention: f.spanText(lo, hi), lo: lo, hi: hi, ok: true}
	if mt := f.ms[m].Text; mt != "" {
		sp.mention = mt
	}
	sp.name = f.mentName(m)
	return sp
}

// fromPronoun resolves the pronoun at token t.
func (f *finder) fromPronoun(t int) speaker {
	w := strings.ToLower(f.word(t))
	sp := speaker{ment: -1, mention: f.word(t), lo: t, hi: t + 1, ok: true}
	var want model.EntityType
	switch w {
	case "he", "she":
		want = model.Person
	case "they":
		want = model.Organization
	default:
		return sp
	}
	pos := int(f.toks[t].start)
	m := -1
	if want == model.Person {
		m = f.unitPersonSubject(t)
	}
	if m < 0 {
		m = f.nearest(pos, want, "")
		// A speaker named just before, even one the recogniser could not
		// type, is a better antecedent than a person named after it in
		// passing or inside a relative clause.
		if c := f.lastSp; want == model.Person && c >= 0 && f.ms[c].Start < pos && pos-f.ms[c].Start < 1500 &&
			(m < 0 || f.ms[m].Start < f.ms[c].Start || f.inRelative(f.ms[m].Start)) {
			m = c
		}
		// The subject of the sentence before ("Liam, who …, shrugged it
		// off. “…,” he said") outranks anyone named earlier.
		if ps := f.prevUnitSubject(); want == model.Person && ps >= 0 && ps != m && (m < 0 || f.ms[m].Start < f.ms[ps].Start) {
			m = ps
		}
		// An unnamed speaker ("one senior nurse said …") introduced after
		// every candidate is the likelier antecedent: leave it unnamed.
		if u := f.unnamedAt; want == model.Person && u >= 0 && u < pos && pos-u < 1500 && (m < 0 || f.ms[m].Start < u) {
			return sp
		}
	}
	if w == "they" && (m < 0 || pos-f.ms[m].Start > 300) {
		return sp // "they" far from any organization: officials, residents …
	}
	if m >= 0 {
		sp.ment = m
		sp.name = f.mentName(m)
	}
	return sp
}

// nearest returns the nearest mention of type typ before byte pos (within
// about 3,000 bytes), preferring mentions in subject position; with role
// non-empty (a role stem), the nearest person with that role within 50,000
// bytes.
func (f *finder) nearest(pos int, typ model.EntityType, role string) int {
	if role != "" {
		return f.res.WithRole(pos, 50000, role)
	}
	kind := resolve.Organization
	if typ == model.Person {
		kind = resolve.Person
	}
	fallback := -1
	m := f.res.Nearest(pos, 3000, kind, func(i int) bool {
		if f.ms[i].Type != typ {
			return false
		}
		if f.objectPosition(f.ms[i].Start) {
			if fallback < 0 {
				fallback = i
			}
			return false
		}
		return true
	})
	if m < 0 {
		return fallback
	}
	return m
}

// objectPosition reports whether the mention starting at byte s follows a
// preposition or a conjunction (not a likely speaker for a pronoun).
func (f *finder) objectPosition(s int) bool {
	t := sort.Search(len(f.toks), func(i int) bool { return int(f.toks[i].start) >= s }) - 1
	if t < 0 {
		return false
	}
	return f.has(t, lxPrep) || f.isWord(t, "and") || f.isWord(t, "or")
}

// fromRole resolves a role noun phrase ("the spokesman", tokens lo..t).
func (f *finder) fromRole(t, lo int) speaker {
	sp := speaker{ment: -1, mention: f.spanText(lo, t+1), lo: lo, hi: t + 1, ok: true}
	w := strings.ToLower(f.word(t))
	tk := &f.toks[t]
	pos := int(tk.start)
	if tk.lex.class&lxRole != 0 {
		// Only a definite phrase names a known person: not "one
		// assistant coach", "a spokesman", "another official".
		if lo < t && (f.isWord(lo, "a") || f.isWord(lo, "an") || f.isWord(lo, "one") || f.isWord(lo, "another") ||
			f.isWord(lo, "two") || f.isWord(lo, "three") || f.isWord(lo, "several") || f.isWord(lo, "some") || f.isWord(lo, "many")) {
			return sp
		}
		m := f.nearest(pos, model.Person, resolve.RoleStem(w))
		// Lower-case modifiers must be part of the role: "the assistant
		// coach" is not the coach.
		for k := lo; m >= 0 && k < t; k++ {
			if f.toks[k].kind == kWord && f.toks[k].flags&fLower != 0 && f.toks[k].lex.class&(lxDet|lxPossDet) == 0 &&
				!resolve.ContainsFold(f.ms[m].Role, f.word(k)) {
				return sp
			}
		}
		if m < 0 {
			// A role named later in the article is not used: never guess.
			return sp
		}
		sp.ment = m
		sp.name = f.mentName(m)
		return sp
	}
	// "the ministry", "the company": the nearest organization naming it.
	if !f.isWord(lo, "the") || strings.HasSuffix(w, "s") {
		return sp
	}
	if i := f.res.OrgNamed(pos, 50000, w); i >= 0 {
		sp.ment = i
		sp.name = f.mentName(i)
		return sp
	}
	// A generic organization noun ("the company") names the nearest
	// organization before it.
	if orgNoun(w) && t == lo+1 {
		if m := f.nearest(pos, model.Organization, ""); m >= 0 && pos-f.ms[m].Start < 1500 {
			sp.ment = m
			sp.name = f.mentName(m)
		}
	}
	return sp
}

// unitPersonSubject returns the person mention that is the subject of a cue
// earlier in the current unit than token t ("Kanaani said …, he added"), or -1.
func (f *finder) unitPersonSubject(t int) int {
	for c := max(f.cur.lo, t-60); c < t && c < f.cur.hi; c++ {
		if !f.isCue(c) || c == 0 {
			continue
		}
		k := c - 1
		for k > f.cur.lo && f.has(k, lxAdv) {
			k--
		}
		if k >= f.cur.lo && f.toks[k].ment >= 0 && f.toks[k].kind == kWord {
			m := int(f.toks[k].ment)
			if f.ms[m].Type == model.Person && !f.has(f.mentStart(k)-1, lxPrep) {
				return m
			}
		}
	}
	return -1
}

// inRelative reports whether the mention starting at byte s lies inside a
// relative clause or appositive opened by ", who" or ", which" in its
// sentence and not yet closed by a comma.
func (f *finder) inRelative(s int) bool {
	t := sort.Search(len(f.toks), func(i int) bool { return int(f.toks[i].start) >= s }) - 1
	for k := t; k >= 0 && k > t-16; k-- {
		if f.isEndPunct(k) || f.toks[k].kind == kMark || f.isPunct(k, ',') && !f.has(k+1, lxRel) {
			return false
		}
		if f.has(k, lxRel) && f.isPunct(k-1, ',') {
			return true
		}
	}
	return false
}

// prevUnitSubject returns the person (or untyped name) that opens the unit
// before the current one as its subject, or -1.
func (f *finder) prevUnitSubject() int {
	u := sort.Search(len(f.units), func(i int) bool { return f.units[i].lo >= f.cur.lo }) - 1
	if u < 0 {
		return -1
	}
	t := f.units[u].lo
	switch {
	case f.isWord(t, "but"), f.isWord(t, "and"), f.isWord(t, "yet"), f.isWord(t, "still"), f.isWord(t, "so"):
		t++ // "But Gary insists …"
	}
	if t >= f.units[u].hi || f.toks[t].kind != kWord || f.toks[t].ment < 0 {
		return -1
	}
	e := f.mentEnd(t)
	m := int(f.toks[t].ment)
	if f.toks[e-1].flags&fPoss != 0 || f.ms[m].Type != model.Person && f.ms[m].Type != model.Other {
		return -1
	}
	// The mention must be the subject: a verb, a comma or a cue follows it.
	if e < f.units[u].hi && (f.isPunct(e, ',') || f.toks[e].kind == kWord && f.toks[e].flags&fLower != 0 && !f.has(e, lxPrep)) {
		return m
	}
	return -1
}

// noteSpeaker remembers sp as the last named speaker when it is a person or
// a name the recogniser left untyped.
func (f *finder) noteSpeaker(sp speaker) {
	if sp.ment >= 0 && sp.ment < len(f.ms) && (f.ms[sp.ment].Type == model.Person || f.ms[sp.ment].Type == model.Other) {
		f.lastSp = sp.ment
		return
	}
	if sp.ok && sp.ment < 0 && sp.name == "" && sp.lo < sp.hi && sp.hi <= len(f.toks) && f.has(sp.hi-1, lxRole|lxCommon) {
		f.unnamedAt = int(f.toks[sp.lo].start)
	}
}

// orgNoun reports whether w is a noun that stands for a named organization.
func orgNoun(w string) bool {
	switch w {
	case "company", "firm", "ministry", "agency", "department", "bank", "league", "club",
		"council", "committee", "commission", "government", "administration", "network",
		"union", "party", "embassy", "regulator", "newspaper", "carrier", "automaker",
		"retailer", "airline", "insurer", "university", "hospital", "utility":
		return true
	}
	return false
}

// MarkPair is a top-level quotation of a paragraph as its marks: the byte
// offsets of the opening and the closing mark; Close is -1 when the
// paragraph ends before the quotation closes.
type MarkPair struct {
	Open, Close int
}

// Pairs returns the top-level quotations of text, paired by the rules Find
// uses (curly, straight, guillemet and low-high marks, apostrophes and
// elisions told apart from single quotes), in text order.
func Pairs(text string) []MarkPair {
	if len(text) == 0 || len(text) > 1<<31-1 {
		return nil
	}
	f := finder{text: text}
	f.tokenizeAll()
	f.pairAll()
	return f.marks
}
