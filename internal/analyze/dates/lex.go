package dates

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Token kinds.
const (
	kWord  = 'w' // a run of letters, lower-cased in tok.w
	kNum   = 'n' // a run of digits (an ordinal suffix "9th" is folded in)
	kPunct = 'p' // one other visible character, or a line break
)

// tok is one piece of text the date grammar is matched on.
type tok struct {
	start, end int // byte offsets
	w          string
	kind       byte
	upper      bool // the word starts with a capital letter
	ord        bool // a number written as an ordinal ("9th")
}

// lex splits text into words, numbers and punctuation. Spaces separate
// tokens and are dropped; a line break is kept as a punctuation token so no
// expression spans two paragraphs.
func lex(text string) []tok {
	toks := make([]tok, 0, len(text)/5)
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == '\n':
			toks = append(toks, tok{start: i, end: i + n, w: "\n", kind: kPunct})
			i += n
		case unicode.IsSpace(r):
			i += n
		case r >= '0' && r <= '9':
			j := i
			for j < len(text) && text[j] >= '0' && text[j] <= '9' {
				j++
			}
			t := tok{start: i, end: j, w: text[i:j], kind: kNum}
			if k := ordinalEnd(text, j); k > j {
				t.end, t.ord = k, true
			}
			toks = append(toks, t)
			i = t.end
		case unicode.IsLetter(r):
			j := i
			for j < len(text) {
				r2, n2 := utf8.DecodeRuneInString(text[j:])
				if !unicode.IsLetter(r2) {
					break
				}
				j += n2
			}
			toks = append(toks, tok{start: i, end: j, w: strings.ToLower(text[i:j]), kind: kWord, upper: unicode.IsUpper(r)})
			i = j
		default:
			toks = append(toks, tok{start: i, end: i + n, w: text[i : i+n], kind: kPunct})
			i += n
		}
	}
	return toks
}

// ordinalEnd returns the end of an ordinal suffix (st, nd, rd, th) starting
// at i and followed by no other letter, or i when there is none.
func ordinalEnd(text string, i int) int {
	if i+2 > len(text) {
		return i
	}
	switch strings.ToLower(text[i : i+2]) {
	case "st", "nd", "rd", "th":
	default:
		return i
	}
	if i+2 < len(text) {
		r, _ := utf8.DecodeRuneInString(text[i+2:])
		if unicode.IsLetter(r) {
			return i
		}
	}
	return i + 2
}

// adjacent reports whether toks[i] and toks[i+1] touch (no space between).
func adjacent(toks []tok, i int) bool {
	return i+1 < len(toks) && toks[i].end == toks[i+1].start
}
