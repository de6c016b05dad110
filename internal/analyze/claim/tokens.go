package claim

import (
	"sort"
	"strings"

	"github.com/parallax-news/parallax/internal/model"
	scan "github.com/parallax-news/parallax/internal/tokenize"
)

// Punctuation classes of a token; 0 is a word.
const (
	pWord   byte = 0
	pComma  byte = ','
	pOpen   byte = '[' // opening double quote (or single quote used as one)
	pClose  byte = ']' // closing double quote
	pParenL byte = '('
	pParenR byte = ')'
	pEnd    byte = '.' // . ! ? …
	pSemi   byte = ';'
	pColon  byte = ':'
	pDash   byte = '-'  // a free-standing dash
	pPoss   byte = '\'' // possessive 's or a trailing ' after s
	pOther  byte = '?'
)

// token is a word or punctuation mark with its byte range in the text.
type token struct {
	s, e int32
	w    string // lower-cased word; "'s" for a possessive; "n't" for a negation
	p    byte   // punctuation class, pWord for words
	up   bool   // the word starts with an upper-case letter
}

func (t token) isWord() bool { return t.p == pWord }

// asciiLower lower-cases ASCII letters only, so byte offsets are kept.
func asciiLower(s string) string {
	i := 0
	for i < len(s) && !(s[i] >= 'A' && s[i] <= 'Z') {
		i++
	}
	if i == len(s) {
		return s
	}
	// One copy: the runs between capitals are written whole.
	var b strings.Builder
	b.Grow(len(s))
	from := 0
	for ; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			b.WriteString(s[from:i])
			b.WriteByte(c + 'a' - 'A')
			from = i + 1
		}
	}
	b.WriteString(s[from:])
	return b.String()
}

// tokenCap returns the capacity to give the claim tokens of text: a
// little over the scanned words when they are given (possessives and
// negations add a token each), else a bound read from the text's length.
func tokenCap(text string, words []scan.Token) int {
	if words != nil {
		return len(words) + len(words)/16 + 16
	}
	return len(text)/4 + 16
}

func isApos(r rune) bool { return r == '\'' || r == '’' || r == '‘' }

func isWordRune(r rune) bool { return scan.IsWordRune(r) }

// tokenize reads text into claim tokens: the tokens of tokenize.Scan, one
// line at a time, with possessives ("'s", a bare "'" after s) and "n't"
// split off their words, and punctuation sorted into classes. low is
// asciiLower(text).
func tokenize(text, low string, words []scan.Token, toks []token) []token {
	if words == nil {
		words = scan.ScanLines(text, make([]scan.Token, 0, len(text)/5+4))
	}
	for _, t := range words {
		toks = appendToken(text, low, toks, t)
	}
	return toks
}

// appendToken appends the claim tokens of one scanned token.
func appendToken(text, low string, toks []token, t scan.Token) []token {
	s, e := int(t.Start), int(t.End)
	switch t.Kind {
	case scan.Word:
		up := t.Flags&scan.Cap != 0
		w := low[s:e]
		// possessive "'s" / "’s"
		for _, p := range [...]string{"'s", "’s"} {
			if e-s > len(p) && strings.HasSuffix(w, p) {
				toks = append(toks, token{s: int32(s), e: int32(e - len(p)), w: low[s : e-len(p)], up: up})
				return append(toks, token{s: int32(e - len(p)), e: int32(e), w: "'s", p: pPoss})
			}
		}
		// negation: "doesn't" -> "does" + "n't"
		for _, n := range [...]string{"n't", "n’t"} {
			if e-s >= len(n)+2 && strings.HasSuffix(w, n) {
				k := e - len(n)
				toks = append(toks, token{s: int32(s), e: int32(k), w: low[s:k], up: up})
				return append(toks, token{s: int32(k), e: int32(e), w: "n't"})
			}
		}
		return append(toks, token{s: int32(s), e: int32(e), w: w, up: up})
	case scan.Mark:
		r := t.R
		if isApos(r) {
			// a possessive or closing single mark after a word, else an opening one
			if n := len(toks); n > 0 && toks[n-1].isWord() && int(toks[n-1].e) == s {
				if last := toks[n-1].w; last[len(last)-1] == 's' {
					return append(toks, token{s: int32(s), e: int32(e), w: "'", p: pPoss})
				}
				return append(toks, token{s: int32(s), e: int32(e), w: "'", p: pClose})
			}
			return append(toks, token{s: int32(s), e: int32(e), w: "'", p: pOpen})
		}
	}
	p := pOther
	switch t.R {
	case ',':
		p = pComma
	case '“', '«':
		p = pOpen
	case '”', '»':
		p = pClose
	case '"':
		if s == 0 || text[s-1] == ' ' || text[s-1] == '\n' || text[s-1] == '(' || text[s-1] == '\t' {
			p = pOpen
		} else {
			p = pClose
		}
	case '(', '[':
		p = pParenL
	case ')', ']':
		p = pParenR
	case '.', '!', '?', '…':
		p = pEnd
	case ';':
		p = pSemi
	case ':':
		p = pColon
	case '-', '–', '—':
		p = pDash
	}
	return append(toks, token{s: int32(s), e: int32(e), w: text[s:e], p: p})
}

// dropInnerDots removes the full stops that end an abbreviation inside a
// sentence ("Mr.", "Sept.", "U.S."), as the sentence splitter decided, so
// that a clause runs on past them: a stop glued to the word before it with
// a word after it in the same sentence. sents are in text order.
func dropInnerDots(toks []token, sents []model.Span) []token {
	w, si := 0, 0
	for i, t := range toks {
		if t.p == pEnd && t.w == "." && i > 0 && toks[i-1].isWord() && toks[i-1].e == t.s {
			for si < len(sents) && sents[si].End <= int(t.s) {
				si++
			}
			if si < len(sents) && sents[si].Start <= int(t.s) && wordBefore(toks[i+1:], sents[si].End) {
				continue
			}
		}
		if w != i {
			// only once a stop is dropped: a token written onto
			// itself costs a write barrier while the GC marks
			toks[w] = t
		}
		w++
	}
	return toks[:w]
}

// wordBefore reports whether a word token starts before byte end among
// toks, looking past punctuation only.
func wordBefore(toks []token, end int) bool {
	for _, t := range toks {
		if int(t.s) >= end {
			return false
		}
		if t.isWord() {
			return true
		}
	}
	return false
}

// tokenRange returns the index range of tokens lying within [s, e).
func tokenRange(toks []token, s, e int) (int, int) {
	a := sort.Search(len(toks), func(i int) bool { return int(toks[i].s) >= s })
	b := sort.Search(len(toks), func(i int) bool { return int(toks[i].s) >= e })
	return a, b
}
