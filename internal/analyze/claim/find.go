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
	"slices"
	"sort"
	"strings"

	"github.com/parallax-news/parallax/internal/analyze/quote"
	"github.com/parallax-news/parallax/internal/analyze/resolve"
	"github.com/parallax-news/parallax/internal/analyze/sentence"
	"github.com/parallax-news/parallax/internal/model"
	tk "github.com/parallax-news/parallax/internal/tokenize"
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

// sentRange is a sentence being read: its index in analysis.sents and the
// range [lo, hi) of its tokens (lo may be later, for a phrase inside it).
type sentRange struct{ i, lo, hi int }

// cue is a stance cue: the tokens [i, j), the class of its verb (vSay,
// vAssert, vDeny, vAdmit), its lemma, and whether it takes a proposition
// only through "that".
type cue struct {
	i, j     int
	cls      int
	lemma    string
	needThat bool
}

// holder is who holds a stance: entity keys (or one noun phrase), whether
// it is a person, and the token where its noun phrase starts.
type holder struct {
	keys   []string
	person bool
	start  int
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
	cands     []cand
	res       *resolve.Index // the mentions, for resolving pronouns, titles and organisation nouns
	buf       *Buffers       // memory to work in, or nil
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
	return FindWithQuotes(text, sents, mentions, quote.Pairs(text))
}

// FindWithQuotes is Find for a caller that has paired the text's quotation
// marks already (see quote.Pairs).
func FindWithQuotes(text string, sents []model.Span, mentions []model.Mention, pairs []quote.MarkPair) []model.StanceMention {
	return FindWithTokens(text, sents, mentions, pairs, nil)
}

// FindWithTokens is FindWithQuotes for a caller that has read text with
// tokenize.ScanLines already; words are those tokens (nil: read text
// here).
func FindWithTokens(text string, sents []model.Span, mentions []model.Mention, pairs []quote.MarkPair, words []tk.Token) []model.StanceMention {
	return FindBuffered(text, sents, mentions, pairs, words, nil)
}

// Buffers holds the working memory of a FindBuffered call for the next
// one to reuse: a caller finding the stances of many articles in turn
// allocates its token tables once instead of once an article. A Buffers
// serves one call at a time; the zero value is ready to use.
type Buffers struct {
	toks    []token
	idx     []int32
	sents   []model.Span
	sentTok [][2]int
	ments   []model.Mention
}

// FindBuffered is FindWithTokens working in buf's memory (nil: its own).
// What it returns holds nothing of buf.
func FindBuffered(text string, sents []model.Span, mentions []model.Mention, pairs []quote.MarkPair, words []tk.Token, buf *Buffers) []model.StanceMention {
	if len(text) == 0 {
		return nil
	}
	if len(sents) == 0 {
		sents = sentence.Split(text)
	}
	a := &analysis{text: text, low: asciiLower(text), buf: buf}
	var toks []token
	if buf != nil {
		toks = slices.Grow(buf.toks[:0], tokenCap(text, words))
	} else {
		toks = make([]token, 0, tokenCap(text, words))
	}
	toks = tokenize(text, a.low, words, toks)
	a.toks = dropInnerDots(toks, sents)
	a.cands = make([]cand, 0, 16)
	a.prepare(sents, mentions, pairs)
	for si := range a.sents {
		a.sentence(si)
	}
	out := a.finish()
	if buf != nil {
		// the tokens' words and the mentions' strings are slices of
		// this text: let it go
		clear(toks)
		buf.toks = toks[:0]
		clear(a.ments)
		buf.sents, buf.sentTok, buf.ments = a.sents[:0], a.sentTok[:0], a.ments[:0]
	}
	return out
}

// markAt returns the index of the quotation-mark token starting at byte
// off, or -1.
func (a *analysis) markAt(off int) int {
	if off < 0 {
		return -1
	}
	i := sort.Search(len(a.toks), func(i int) bool { return int(a.toks[i].s) >= off })
	if i == len(a.toks) || int(a.toks[i].s) != off {
		return -1
	}
	switch a.toks[i].p {
	case pOpen, pClose, pPoss:
		return i
	}
	return -1
}

func (a *analysis) prepare(sents []model.Span, mentions []model.Mention, pairs []quote.MarkPair) {
	if a.buf != nil {
		a.sents = slices.Grow(a.buf.sents[:0], len(sents))
		a.sentTok = slices.Grow(a.buf.sentTok[:0], len(sents))
	} else {
		a.sents = make([]model.Span, 0, len(sents))
		a.sentTok = make([][2]int, 0, len(sents))
	}
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
	// every entry is set below
	var buf []int32
	if a.buf != nil {
		a.buf.idx = slices.Grow(a.buf.idx[:0], 3*len(a.toks))[:3*len(a.toks)]
		buf = a.buf.idx
	} else {
		buf = make([]int32, 3*len(a.toks))
	}
	a.mentAt, a.match, a.inQuote = buf[:len(a.toks)], buf[len(a.toks):2*len(a.toks)], buf[2*len(a.toks):]
	for i := range a.mentAt {
		a.mentAt[i] = -1
	}
	if a.buf != nil {
		a.ments = slices.Grow(a.buf.ments[:0], len(mentions))
	} else {
		a.ments = make([]model.Mention, 0, len(mentions))
	}
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
	a.res = resolve.New(len(a.text), a.ments)
	for mi, m := range a.ments {
		x, y := tokenRange(a.toks, m.Start, m.End)
		for t := x; t < y; t++ {
			if a.toks[t].isWord() || a.toks[t].p == pPoss {
				a.mentAt[t] = int32(mi)
			}
		}
	}
	// Quotation marks, as the quote finder pairs them.
	for i := range a.match {
		a.match[i] = -1
	}
	for _, pr := range pairs {
		o := a.markAt(pr.Open)
		c := a.markAt(pr.Close)
		if o < 0 || c < 0 || c <= o {
			continue
		}
		a.toks[o].p, a.toks[c].p = pOpen, pClose
		a.match[o], a.match[c] = int32(c), int32(o)
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
	s := sentRange{i: si, lo: a.sentTok[si][0], hi: a.sentTok[si][1]}
	first := len(a.cands)
	var nominal []int
	for i := s.lo; i < s.hi; i++ {
		t := a.toks[i]
		if !t.isWord() {
			continue
		}
		if n := phrasalAssert(a.toks, i, s.hi); n > 0 {
			a.verbCue(s, cue{i: i, j: i + n, cls: vAssert, lemma: "concern"})
			i += n - 1
			continue
		}
		if n := phrasalDeny(a.toks, i, s.hi); n > 0 {
			a.verbCue(s, cue{i: i, j: i + n, cls: vDeny, lemma: "shrug"})
			i += n - 1
			continue
		}
		if cls, lemma, needThat := verbClass(t.w); cls != vNone {
			a.verbCue(s, cue{i: i, j: i + 1, cls: cls, lemma: lemma, needThat: needThat})
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
		a.nominalDeny(s, nominal[0])
	}
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
