package quote

import (
	"unicode"
	"unicode/utf8"
)

// Token kinds.
const (
	kWord  uint8 = iota
	kPunct       // one punctuation rune
	kMark        // a quotation mark (or an apostrophe that is not inside a word)
)

// Token flags.
const (
	fCap      uint8 = 1 << iota // word starts with an upper-case letter
	fPoss                       // word ends with a possessive ('s, s')
	fCanOpen                    // mark: left-flanking (may open a quotation)
	fCanClose                   // mark: right-flanking (may close a quotation)
	fDigit                      // word starts with a digit
	fLower                      // word starts with a lower-case letter
)

// token is one word, punctuation rune or quotation mark of the text.
type token struct {
	start, end int32
	ment       int32 // index of the mention covering the token, or -1
	q          int32 // index of the quotation containing the token, or -1
	lex        lexEntry
	r          rune // punct and mark: the rune
	kind       uint8
	flags      uint8
	used       bool // cue already used by an attribution
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func isQuoteRune(r rune) bool {
	switch r {
	case '"', '\'', '“', '”', '„', '‟', '‘', '’', '‚', '‛', '«', '»', '‹', '›', '「', '」', '『', '』':
		return true
	}
	return false
}

func isSpaceRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || r == '\t' || r == '\r' || r == '\n' || r == '\f' || r == '\v'
	}
	return unicode.IsSpace(r)
}

// decodeAt decodes the rune at byte offset i of s (RuneError, 0 past the end).
func decodeAt(s string, i int) (rune, int) {
	if i >= len(s) || i < 0 {
		return utf8.RuneError, 0
	}
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

// decodeBefore decodes the rune ending at byte offset i of s.
func decodeBefore(s string, i int) (rune, int) {
	if i <= 0 || i > len(s) {
		return utf8.RuneError, 0
	}
	if c := s[i-1]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeLastRuneInString(s[:i])
}

// flankClass tells, for a neighbour of a quotation mark, whether it is
// "open space" (start or end of line, white space) or punctuation.
func isOpenNeighbour(r rune) bool {
	// Characters after which an opening mark may stand.
	switch r {
	case '(', '[', '{', '—', '–', '-', '/', ':', ';', ',', '…':
		return true
	}
	return isQuoteRune(r)
}

func isCloseNeighbour(r rune) bool {
	// Characters before which a closing mark may stand.
	switch r {
	case '.', ',', ';', ':', '!', '?', ')', ']', '}', '—', '–', '-', '/', '…', '*':
		return true
	}
	return isQuoteRune(r)
}

// tokenize appends the tokens of text[lo:hi] (one paragraph) to toks.
func tokenize(text string, lo, hi int, toks []token) []token {
	i := lo
	for i < hi {
		if text[i] == ' ' {
			i++
			continue
		}
		r, w := decodeAt(text, i)
		switch {
		case isSpaceRune(r):
			i += w
		case isWordRune(r):
			start := i
			var fl uint8
			if unicode.IsUpper(r) {
				fl |= fCap
			} else if r >= '0' && r <= '9' {
				fl |= fDigit
			} else if unicode.IsLower(r) {
				fl |= fLower
			}
			i += w
			for i < hi {
				if c := text[i]; c < utf8.RuneSelf {
					if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' {
						i++
						continue
					}
				}
				r2, w2 := decodeAt(text, i)
				if isWordRune(r2) {
					i += w2
					continue
				}
				// Inner apostrophe, hyphen, ampersand or dot between word runes.
				if r2 == '\'' || r2 == '’' || r2 == '-' || r2 == '.' || r2 == '&' || r2 == '‐' {
					r3, _ := decodeAt(text, i+w2)
					if i+w2 < hi && isWordRune(r3) {
						if r2 == '.' {
							// Keep "U.S" and "3.5" together, not "end.Next".
							rp, _ := decodeBefore(text, i)
							if !(unicode.IsDigit(rp) && unicode.IsDigit(r3)) && !(unicode.IsUpper(rp) && unicode.IsUpper(r3)) {
								break
							}
						}
						i += w2
						continue
					}
				}
				break
			}
			end := i
			word := text[start:end]
			if n := len(word); n > 2 && (word[n-2:] == "'s" || word[n-2:] == "'S") ||
				n > 4 && word[n-4:] == "’s" {
				fl |= fPoss
			} else if i < hi && (text[i] == '\'' || hasPrefixAt(text, i, "’")) && (word[len(word)-1] == 's') {
				// "Burns’ allegations": possessive unless the mark closes a quotation;
				// the pairing step leaves the flag alone when it does not matter.
				_, mw := decodeAt(text, i)
				if rn, _ := decodeAt(text, i+mw); i+mw >= hi || isSpaceRune(rn) {
					fl |= fPoss
				}
			}
			toks = append(toks, token{start: int32(start), end: int32(end), ment: -1, q: -1,
				lex: lookup(word), kind: kWord, flags: fl})
		case isQuoteRune(r) && (r == '\'' || r == '’' || r == '‘') && (i == lo || !isWordRune(prevRune(text, i))) && elisionAt(text, i+w, hi):
			// "'til", "rock 'n' roll", "'em": an apostrophe starting a word.
			start := i
			i += w
			for i < hi {
				r2, w2 := decodeAt(text, i)
				if !isWordRune(r2) && !((r2 == '\'' || r2 == '’') && i+w2 <= hi && text[i-1] == 'n' && i-start <= w+1) {
					break
				}
				i += w2
			}
			toks = append(toks, token{start: int32(start), end: int32(i), ment: -1, q: -1, kind: kWord, flags: fLower})
		case isQuoteRune(r):
			var fl uint8
			prev, _ := decodeBefore(text, i)
			next, _ := decodeAt(text, i+w)
			atStart := i == lo
			atEnd := i+w >= hi
			if !atEnd && !isSpaceRune(next) && !(isCloseNeighbour(next) && !isQuoteRune(next)) &&
				(atStart || isSpaceRune(prev) || isOpenNeighbour(prev)) {
				fl |= fCanOpen
			}
			if !atStart && !isSpaceRune(prev) &&
				(atEnd || isSpaceRune(next) || isCloseNeighbour(next)) {
				fl |= fCanClose
			}
			// A straight or typographic mark glued on both sides (rare outside
			// words) may still close after punctuation: `,"he said`.
			if fl == 0 && !atStart && !atEnd && !isSpaceRune(prev) && !isSpaceRune(next) {
				if isCloseNeighbour(prev) {
					fl |= fCanClose
				} else if isOpenNeighbour(prev) {
					fl |= fCanOpen
				}
			}
			toks = append(toks, token{start: int32(i), end: int32(i + w), ment: -1, q: -1,
				r: r, kind: kMark, flags: fl})
			i += w
		default:
			toks = append(toks, token{start: int32(i), end: int32(i + w), ment: -1, q: -1,
				r: r, kind: kPunct})
			i += w
		}
	}
	return toks
}

func hasPrefixAt(s string, i int, p string) bool {
	return i+len(p) <= len(s) && s[i:i+len(p)] == p
}

// Quotation-mark families.
const (
	famDouble = iota + 1 // “ ” " „ ‟
	famSingle            // ‘ ’ ' ‚ ‛
	famGuil              // « »
	famSGuil             // ‹ ›
	famCJK               // 「 」
	famCJK2              // 『 』
)

func markFamily(r rune) int {
	switch r {
	case '"', '“', '”', '„', '‟':
		return famDouble
	case '\'', '‘', '’', '‚', '‛':
		return famSingle
	case '«', '»':
		return famGuil
	case '‹', '›':
		return famSGuil
	case '「', '」':
		return famCJK
	case '『', '』':
		return famCJK2
	}
	return 0
}

// pair is a top-level quotation found in a paragraph: the tokens of its
// opening and closing marks (close is -1 when the paragraph ends first).
type pair struct {
	open, close int
}

type openMark struct {
	tok  int
	fam  int
	r    rune
	weak int  // last weak closer seen for a single-quote opener, or -1
	nest bool // a nested quotation of the same family was closed inside
}

// pairMarks finds the top-level quotations among toks[lo:hi] (one
// paragraph). ignore lists opening-mark tokens to leave out (used for a
// second pass when a stray opener swallowed the rest of the paragraph).
func pairMarks(text string, toks []token, lo, hi int, ignore map[int]bool, out []pair) ([]pair, []int) {
	var stack []openMark
	var stray []int
	closeAt := func(k, tok int) {
		if k == 0 {
			out = append(out, pair{open: stack[0].tok, close: tok})
		} else if stack[k].fam == stack[k-1].fam || stack[k-1].fam == famDouble {
			stack[k-1].nest = true
		}
		stack = stack[:k]
	}
	find := func(fam int) int {
		for k := len(stack) - 1; k >= 0; k-- {
			if stack[k].fam == fam {
				return k
			}
		}
		return -1
	}
	push := func(tok, fam int, r rune) {
		stack = append(stack, openMark{tok: tok, fam: fam, r: r, weak: -1})
	}
	for t := lo; t < hi; t++ {
		tk := &toks[t]
		if tk.kind != kMark || ignore[t] {
			continue
		}
		canOpen := tk.flags&fCanOpen != 0
		canClose := tk.flags&fCanClose != 0
		top := -1
		if len(stack) > 0 {
			top = len(stack) - 1
		}
		switch tk.r {
		case '“':
			if top >= 0 && stack[top].r == '„' && canClose {
				closeAt(top, t)
			} else if canOpen {
				push(t, famDouble, tk.r)
			} else if k := find(famDouble); canClose && k >= 0 {
				closeAt(k, t)
			}
		case '”', '‟':
			if k := find(famDouble); canClose && k >= 0 {
				closeAt(k, t)
			} else if canOpen && !canClose {
				push(t, famDouble, tk.r)
			}
		case '"':
			k := find(famDouble)
			if canClose && k >= 0 && !(canOpen && !canClose) {
				closeAt(k, t)
			} else if canOpen {
				push(t, famDouble, tk.r)
			} else if canClose && k >= 0 {
				closeAt(k, t)
			}
		case '„':
			if canOpen {
				push(t, famDouble, tk.r)
			}
		case '«':
			if top >= 0 && stack[top].r == '»' && canClose {
				closeAt(top, t)
			} else if canOpen {
				push(t, famGuil, tk.r)
			}
		case '»':
			if k := find(famGuil); k >= 0 && canClose {
				closeAt(k, t)
			} else if canOpen {
				push(t, famGuil, tk.r)
			}
		case '‹':
			if canOpen {
				push(t, famSGuil, tk.r)
			}
		case '›':
			if k := find(famSGuil); k >= 0 && canClose {
				closeAt(k, t)
			} else if canOpen {
				push(t, famSGuil, tk.r)
			}
		case '「':
			push(t, famCJK, tk.r)
		case '」':
			if k := find(famCJK); k >= 0 {
				closeAt(k, t)
			}
		case '『':
			push(t, famCJK2, tk.r)
		case '』':
			if k := find(famCJK2); k >= 0 {
				closeAt(k, t)
			}
		case '‘', '‛':
			if top >= 0 && stack[top].r == '‚' && canClose {
				closeAt(top, t)
			} else if canOpen && isLetterAfter(text, tk) {
				push(t, famSingle, tk.r)
			}
		case '‚':
			if canOpen {
				push(t, famSingle, tk.r)
			}
		case '’', '\'':
			k := find(famSingle)
			if canClose && k >= 0 {
				if weakCloser(text, tk) {
					stack[k].weak = t
				} else {
					closeAt(k, t)
				}
			} else if tk.r == '\'' && canOpen && !canClose && isLetterAfter(text, tk) {
				push(t, famSingle, tk.r)
			}
		}
	}
	// Unclosed openers: a single-quote opener with a weak closer closes there.
	for len(stack) > 0 {
		if stack[0].fam == famSingle && stack[0].weak >= 0 {
			w := stack[0].weak
			out = append(out, pair{open: stack[0].tok, close: w})
			// Anything opened after the weak closer is left alone.
			var rest []openMark
			for _, o := range stack[1:] {
				if o.tok > w {
					rest = append(rest, o)
				}
			}
			stack = rest
			continue
		}
		if stack[0].nest || stack[0].fam == famSingle {
			stray = append(stray, stack[0].tok)
		} else {
			out = append(out, pair{open: stack[0].tok, close: -1})
		}
		stack = stack[1:]
	}
	return out, stray
}

// isLetterAfter reports whether a letter (not a digit) follows mark tk, so
// that "'90s" is not taken for an opening quote.
func isLetterAfter(text string, tk *token) bool {
	r, _ := decodeAt(text, int(tk.end))
	return !unicode.IsDigit(r)
}

// weakCloser reports whether a closing single mark looks like a plural
// possessive ("the players’ union") rather than the end of a quotation.
func weakCloser(text string, tk *token) bool {
	p, _ := decodeBefore(text, int(tk.start))
	if p != 's' && p != 'S' {
		return false
	}
	i := int(tk.end)
	if i >= len(text) || text[i] != ' ' {
		return false
	}
	r, _ := decodeAt(text, i+1)
	return unicode.IsLower(r)
}

func prevRune(s string, i int) rune {
	r, _ := decodeBefore(s, i)
	return r
}

// elisionAt reports whether text[i:hi] starts with a word that is commonly
// written with a leading apostrophe ("til", "em", "cause", the "n" of
// "rock 'n' roll") and ends there.
func elisionAt(text string, i, hi int) bool {
	j := i
	for j < hi && j-i < 8 {
		c := text[j]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' {
			j++
			continue
		}
		break
	}
	if j == i || j-i >= 8 {
		return false
	}
	if j < hi {
		if r, _ := decodeAt(text, j); isWordRune(r) {
			return false
		}
	}
	var buf [8]byte
	w := buf[:j-i]
	for k := range w {
		c := text[i+k]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		w[k] = c
	}
	switch string(w) {
	case "til", "till", "tis", "twas", "em", "cause", "cos", "bout", "round", "n", "kay", "sup", "neath", "nother", "fraid", "ere":
		if string(w) == "n" {
			// only "'n'" / "’n’"
			if j < hi && (text[j] == '\'' || hasPrefixAt(text, j, "’")) {
				return true
			}
			return false
		}
		return true
	}
	return false
}
