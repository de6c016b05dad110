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
	"slices"
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
	return FindWithTokens(text, sents, ms, nil)
}

// FindWithTokens is FindWithPairs for a caller that has read text with
// scan.ScanLines (package tokenize) already; words are those tokens (nil:
// read text here).
func FindWithTokens(text string, sents []model.Span, ms []model.Mention, words []scan.Token) (qs []model.Quote, pairs []MarkPair) {
	return FindBuffered(text, sents, ms, words, nil)
}

// Buffers holds the working memory of a FindBuffered call for the next
// one to reuse: a caller finding the quotes of many articles in turn
// allocates its token table once instead of once an article. A Buffers
// serves one call at a time; the zero value is ready to use.
type Buffers struct {
	toks []token
}

// FindBuffered is FindWithTokens working in buf's memory (nil: its own).
// What it returns holds nothing of buf.
func FindBuffered(text string, sents []model.Span, ms []model.Mention, words []scan.Token, buf *Buffers) (qs []model.Quote, pairs []MarkPair) {
	// Last-resort guard: a bug must cost an article its quotes, not the
	// pipeline. The fuzz tests call find directly so that bugs still show.
	defer func() {
		if recover() != nil {
			qs, pairs = nil, nil
		}
	}()
	f := findAll(text, sents, ms, words, buf)
	return f.out, f.marks
}

// find is Find without the panic guard.
func find(text string, sents []model.Span, ms []model.Mention) []model.Quote {
	return findAll(text, sents, ms, nil, nil).out
}

// findAll reads text (its tokens words, or nil to read them here) and
// returns the finder with its results. The finder's tokens are in buf's
// memory when buf is not nil (and buf keeps it for the next call).
func findAll(text string, sents []model.Span, ms []model.Mention, words []scan.Token, buf *Buffers) *finder {
	if len(text) == 0 || len(text) > 1<<31-1 {
		return &finder{}
	}
	ms = foldGivenNames(text, ms)
	ms = dropBylines(text, ms)
	f := finder{text: text, ms: ms, res: resolve.New(len(text), ms), lastSp: -1, lastSpAt: -1, unnamedAt: -1, bodySpAt: -1, topic: -1}
	f.tokenizeAll(words, buf)
	f.markMentions()
	f.learnGenders()
	f.pairAll()
	f.buildUnits(sents)
	f.learnPronounGenders()
	for u := range f.units {
		f.doUnit(u)
	}
	f.interviewAnswers()
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
	tail        int // the unit after unit holding the quotation's attribution, else 0
	prev        int // the quotation this one continues (previous paragraph), or -1
	done        bool
	speaker     int // resolved speaker: mention index, or -1
	spName      string
	spMention   string
	cue         string
	kind        model.QuoteKind
	attributed  bool
	consumed    bool
	nick        bool // a nickname inside a name: Devon “Big Dev” Marlow
}

type unit struct{ lo, hi int } // token range

type finder struct {
	text      string
	ms        []model.Mention
	res       *resolve.Index
	toks      []token
	paras     []unit // token range of each paragraph
	quots     []quotation
	units     []unit
	out       []model.Quote
	marks     []MarkPair     // every top-level quotation's marks, as Pairs returns them
	claims    []model.Span   // byte spans already reported in clauses
	cur       unit           // the unit being read
	lastSp    int            // mention of the last person (or untyped name) named as a speaker, or -1
	nickNames map[int]string // full names of given-name mentions a nickname splits from their surname: Rodolfo “Dodong” Alcaraz
	lastSpAt  int            // byte offset of the phrase that named lastSp: its mention, or a role phrase ("the monarch") naming it far from its name
	// bodySp is the last speaker named as a body (an organisation,
	// a name the recogniser typed as a place or left untyped, or a
	// name it did not mark), and bodySpAt the byte offset of its
	// subject phrase, or -1.
	bodySp   speaker
	bodySpAt int
	// topic is a mention of the person the text is about (see
	// topicPerson), or -1; topicDone reports whether it was looked for.
	topic     int
	topicDone bool
	// pronGender holds, for the first names that "he" or "she" was
	// read as (nPron of them), the gender of that pronoun, or
	// genderUnknown once both were: a fixed array, so that reading
	// pronouns does not allocate.
	pronGender [8]namedGender
	nPron      int
	// unnamedAt is the byte offset of the last unnamed speaker ("a senior
	// nurse"), or -1.
	unnamedAt int
	// gender is the gender of the person of each mention (see
	// gender.go), read from titles and kinship words; nil until the first
	// is read.
	gender []byte
	// nameGender is the gender of each mention's given name (see
	// givenGender), nil until the first is found: it rules out a pronoun
	// of the other gender where the text gives none.
	nameGender []byte
	// parents holds the mentions given a parent company ("Tessaline, a
	// unit of Oskarvale Holdings,"), parentsDone whether they were looked
	// for (see firmName).
	parents     []int
	parentsDone bool
}

// namedGender is a person's name with a gender.
type namedGender struct {
	name string
	g    byte
}

// speaker is a resolved attribution.
type speaker struct {
	ment    int    // mention index or -1
	name    string // resolved name ("" unknown)
	mention string // surface text naming the speaker
	lo, hi  int    // token range of the subject phrase
	ok      bool   // a subject phrase was found (even if unresolved)
}

func (f *finder) tokenizeAll(words []scan.Token, buf *Buffers) {
	t := f.text
	if words == nil {
		words = scan.ScanLines(t, make([]scan.Token, 0, len(t)/5+4))
	}
	// A word makes at most one token (two marks may join into one).
	if buf != nil {
		// tokens hold no pointers: the old ones need no clearing
		f.toks = slices.Grow(buf.toks[:0], len(words))
	} else {
		f.toks = make([]token, 0, len(words))
	}
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
		f.toks = tokenize(t, start, end, scan.LineTokens(words, start, end), f.toks)
		if len(f.toks) > lo {
			f.paras = append(f.paras, unit{lo, len(f.toks)})
		}
		start = end + 1
	}
	if buf != nil {
		// the next call's, once this one is done with them
		buf.toks = f.toks[:0]
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
	dialogue := false  // a paragraph before was dialogue written with dashes
	for _, p := range f.paras {
		pairs, _ = pairMarks(f.text, f.toks, p.lo, p.hi, nil, pairs[:0])
		if dash := f.dashPairs(p, dialogue); dash != nil {
			pairs = mergeDashPairs(pairs, dash)
			dialogue = true
		}
		cont := lastUnclosed
		lastUnclosed = -1
		for _, pr := range pairs {
			isDash := f.isDashMark(pr.open)
			if !isDash {
				mp := MarkPair{Open: int(f.toks[pr.open].start), Close: -1}
				if pr.close >= 0 {
					mp.Close = int(f.toks[pr.close].start)
				}
				f.marks = append(f.marks, mp)
			}
			q := quotation{open: pr.open, close: pr.close, prev: -1, speaker: -1, unit: -1}
			q.start = int(f.toks[pr.open].end)
			last := p.hi - 1
			if pr.close >= 0 {
				q.end = int(f.toks[pr.close].start)
				last = pr.close
			} else {
				q.end = int(f.toks[p.hi-1].end)
			}
			if pr.open == p.lo && cont >= 0 && !isDash {
				q.prev = cont
			}
			if isDash {
				// "—. Now we rest.": speech resumed after the attribution.
				q.start = f.skipPunct(q.start, q.end)
			}
			q.start, q.end = f.trim(q.start, q.end)
			if q.start >= q.end {
				continue
			}
			if !isDash && f.nickname(pr) {
				f.noteNickname(pr)
			}
			if !isDash && (f.nickname(pr) || f.showTitle(pr)) {
				// Devon “Big Dev” Marlow: part of a name, never a quotation.
				q.nick, q.done, q.consumed = true, true, true
			}
			idx := len(f.quots)
			for t := pr.open; t <= last; t++ {
				f.toks[t].q = int32(idx)
			}
			f.quots = append(f.quots, q)
			if pr.close < 0 && !isDash {
				lastUnclosed = idx
			}
		}
	}
}

// nickname reports whether the quotation pr is a nickname written inside
// a name: one to three capitalised words between two capitalised words
// that are neither reporting verbs nor function words (Devon “Big Dev”
// Marlow, Nicky “The Brain” Salter).
func (f *finder) nickname(pr pair) bool {
	if pr.close < 0 || pr.close-pr.open < 2 || pr.close-pr.open > 4 {
		return false
	}
	name := func(t int) bool {
		return t >= 0 && t < len(f.toks) && f.toks[t].kind == kWord && f.toks[t].flags&fCap != 0 &&
			f.toks[t].lex.class&(lxCue|lxDet|lxPrep|lxPronoun|lxTitle|lxAux|lxRel|lxThat) == 0
	}
	if !name(pr.open-1) || !name(pr.close+1) || f.toks[pr.open-1].end == f.toks[pr.open].start {
		return false
	}
	for t := pr.open + 1; t < pr.close; t++ {
		if f.toks[t].kind != kWord || f.toks[t].flags&fCap == 0 {
			return false
		}
	}
	return true
}

// noteNickname records the full name of the person whose given name
// (a mention of its own) stands before nickname pr and whose surname after
// it, one to three capitalised words: "Rodolfo “Dodong” Alcaraz" is
// Rodolfo Alcaraz, not Rodolfo.
func (f *finder) noteNickname(pr pair) {
	g := pr.open - 1
	m := f.toks[g].ment
	if m < 0 || f.mentEnd(g) != pr.open || f.ms[m].Type != model.Person || f.nickNames[int(m)] != "" {
		return
	}
	s := pr.close + 1
	e := s
	for e < len(f.toks) && e < s+3 && f.toks[e].kind == kWord && f.toks[e].flags&fCap != 0 && f.toks[e].lex.class == 0 &&
		(e == s || f.toks[e].start == f.toks[e-1].end+1) {
		e++
	}
	if e == s {
		return
	}
	if f.nickNames == nil {
		f.nickNames = map[int]string{}
	}
	f.nickNames[int(m)] = f.mentName(int(m)) + " " + f.text[f.toks[s].start:f.toks[e-1].end]
}

// showTitle reports whether the quotation pr is the title of a programme
// or publication: one to six capitalised words, short joining words
// between them left in lower case, with at most a comma or a point before
// the closing mark, after a possessive or "on" (told Channel Nine's
// “Morning Desk”, said on “The Late Hour,” …, on “State of the Nation.”).
func (f *finder) showTitle(pr pair) bool {
	if pr.close < 0 || pr.close-pr.open < 2 || pr.close-pr.open > 8 {
		return false
	}
	b := pr.open - 1
	if b < 0 || f.toks[b].kind != kWord || !(f.toks[b].flags&fPoss != 0 || eqLower(f.word(b), "on")) {
		return false
	}
	last := pr.close - 1
	if f.isPunct(last, ',') || f.isPunct(last, '.') {
		last--
	}
	if last-pr.open > 6 || last <= pr.open {
		return false
	}
	for t := pr.open + 1; t <= last; t++ {
		if f.toks[t].kind != kWord || f.toks[t].flags&fCap == 0 && (t == pr.open+1 || t == last || !titleJoiner(f.word(t))) {
			return false
		}
	}
	return true
}

// titleJoiner reports whether w is a short word a title leaves in lower
// case between its capitalised words: "State of the Nation", "Meet the
// Press".
func titleJoiner(w string) bool {
	switch w {
	case "of", "the", "and", "in", "on", "for", "to", "a", "at", "with":
		return true
	}
	return false
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
	return f.has(t, lxCue) && f.toks[t].q < 0 && !f.capitalNoun(t)
}

// capitalNoun reports whether the word at t, spelt as a verb of saying,
// is a capitalised name after a preposition: the platform in "posted on
// Spoke", the person in "a letter to Said Karimi".
func (f *finder) capitalNoun(t int) bool {
	return f.toks[t].flags&fCap != 0 && f.toks[t].ment >= 0 && f.has(t-1, lxPrep)
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

// tokAt returns the first token that starts at or after byte offset off
// (len(f.toks) when none does).
func (f *finder) tokAt(off int) int {
	return sort.Search(len(f.toks), func(i int) bool { return int(f.toks[i].start) >= off })
}

// unPossessive returns w without a possessive ending ("Vorland's" →
// "Vorland", either apostrophe).
func unPossessive(w string) string {
	return strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
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
	if n, ok := f.nickNames[m]; ok {
		return n
	}
	if f.ms[m].Key != "" {
		return f.ms[m].Key
	}
	if f.ms[m].Text != "" {
		return f.ms[m].Text
	}
	return f.text[f.ms[m].Start:f.ms[m].End]
}

// validMent reports whether mention m's span lies inside the text, as
// markMentions requires of the mentions it gives tokens.
func (f *finder) validMent(m int) bool {
	return m >= 0 && m < len(f.ms) && f.ms[m].Start >= 0 && f.ms[m].Start < f.ms[m].End && f.ms[m].End <= len(f.text)
}

// mentText returns the words of mention m ("" for a span outside the text).
func (f *finder) mentText(m int) string {
	if !f.validMent(m) {
		return ""
	}
	return f.text[f.ms[m].Start:f.ms[m].End]
}

func (f *finder) spanText(lo, hi int) string { // tokens lo..hi-1
	if lo >= hi {
		return ""
	}
	return f.text[f.toks[lo].start:f.toks[hi-1].end]
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
	f.tokenizeAll(nil, nil)
	f.pairAll()
	return f.marks
}
