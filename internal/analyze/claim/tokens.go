package claim

import (
	"sort"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/model"
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
	b := []byte(s)
	for ; i < len(b); i++ {
		if c := b[i]; c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

func isApos(r rune) bool { return r == '\'' || r == '’' || r == '‘' }

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// tokenize splits text into tokens. low is asciiLower(text).
func tokenize(text, low string, toks []token) []token {
	n := len(text)
	for i := 0; i < n; {
		r, sz := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, sz = utf8.DecodeRuneInString(text[i:])
		}
		switch {
		case r == ' ' || r == '\n' || r == '\t' || r == '\r' || r >= utf8.RuneSelf && unicode.IsSpace(r):
			i += sz
		case isWordRune(r):
			start := i
			up := r >= 'A' && r <= 'Z' || r >= utf8.RuneSelf && unicode.IsUpper(r)
			i += sz
			for i < n {
				c, csz := rune(text[i]), 1
				if c >= utf8.RuneSelf {
					c, csz = utf8.DecodeRuneInString(text[i:])
				}
				if isWordRune(c) {
					i += csz
					continue
				}
				if c == '-' || c == '.' && i+1 < n && isUpperASCII(text[i+1]) && i-start == 1 {
					// hyphenated word, or initials such as "U.S"
					if i+1 < n {
						d, _ := utf8.DecodeRuneInString(text[i+1:])
						if isWordRune(d) {
							i += csz
							continue
						}
					}
					break
				}
				if isApos(c) && i+csz < n {
					d, dsz := utf8.DecodeRuneInString(text[i+csz:])
					if !isWordRune(d) {
						break
					}
					after := i + csz + dsz
					endsHere := after >= n || !isWordRune(runeAt(text, after))
					if (d == 's' || d == 'S') && endsHere {
						break // possessive, split below
					}
					if (d == 't' || d == 'T') && endsHere && i-start >= 2 && (text[i-1] == 'n' || text[i-1] == 'N') {
						// "doesn't" -> "does" + "n't"
						toks = append(toks, token{s: int32(start), e: int32(i - 1), w: low[start : i-1], up: up})
						toks = append(toks, token{s: int32(i - 1), e: int32(after), w: "n't"})
						start = -1
						i = after
						break
					}
					i += csz
					continue
				}
				break
			}
			if start >= 0 {
				toks = append(toks, token{s: int32(start), e: int32(i), w: low[start:i], up: up})
			}
		case isApos(r):
			// possessive 's, trailing possessive ', or a single quote mark
			prevWord := len(toks) > 0 && toks[len(toks)-1].isWord() && int(toks[len(toks)-1].e) == i
			if prevWord && i+sz < n && (text[i+sz] == 's' || text[i+sz] == 'S') && (i+sz+1 >= n || !isWordRune(runeAt(text, i+sz+1))) {
				toks = append(toks, token{s: int32(i), e: int32(i + sz + 1), w: "'s", p: pPoss})
				i += sz + 1
				continue
			}
			if prevWord {
				if last := toks[len(toks)-1].w; last[len(last)-1] == 's' {
					toks = append(toks, token{s: int32(i), e: int32(i + sz), w: "'", p: pPoss})
				} else {
					toks = append(toks, token{s: int32(i), e: int32(i + sz), w: "'", p: pClose})
				}
			} else {
				toks = append(toks, token{s: int32(i), e: int32(i + sz), w: "'", p: pOpen})
			}
			i += sz
		default:
			p := pOther
			switch r {
			case ',':
				p = pComma
			case '“', '«':
				p = pOpen
			case '”', '»':
				p = pClose
			case '"':
				if i == 0 || text[i-1] == ' ' || text[i-1] == '\n' || text[i-1] == '(' || text[i-1] == '\t' {
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
			toks = append(toks, token{s: int32(i), e: int32(i + sz), w: text[i : i+sz], p: p})
			i += sz
		}
	}
	return toks
}

func isUpperASCII(c byte) bool { return c >= 'A' && c <= 'Z' }

func runeAt(s string, i int) rune {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return r
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
		toks[w] = t
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
