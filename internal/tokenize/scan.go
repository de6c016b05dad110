package tokenize

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Kind tells what a Token is.
type Kind uint8

// The kinds of Token.
const (
	Word  Kind = iota // letters and digits
	Punct             // one punctuation rune
	Mark              // a quotation mark (or an apostrophe that is not inside a word)
)

// Token flags.
const (
	Cap      uint8 = 1 << iota // word starts with an upper-case letter
	Poss                       // word ends with a possessive ('s, s')
	CanOpen                    // mark: left-flanking (may open a quotation)
	CanClose                   // mark: right-flanking (may close a quotation)
	Digit                      // word starts with a digit
	Lower                      // word starts with a lower-case letter
	Elided                     // word written with a leading apostrophe ("'til")
)

// Token is one word, punctuation rune or quotation mark of a text, with its
// byte span.
type Token struct {
	Start, End int32
	R          rune // Punct and Mark: the rune
	Kind       Kind
	Flags      uint8
}

// IsWordRune reports whether r is a letter, digit or combining mark.
func IsWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// AllCaps reports whether the word w is written in capitals: two or more
// upper-case letters and no lower-case one ("NATO", "ACME", "U.S.").
func AllCaps(w string) bool {
	n := 0
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsUpper(r) {
			n++
		}
	}
	return n >= 2
}

// IsQuoteRune reports whether r is a quotation mark or apostrophe.
func IsQuoteRune(r rune) bool {
	switch r {
	case '"', '\'', '“', '”', '„', '‟', '‘', '’', '‚', '‛', '«', '»', '‹', '›', '「', '」', '『', '』':
		return true
	}
	return false
}

// IsSpaceRune reports whether r is white space.
func IsSpaceRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || r == '\t' || r == '\r' || r == '\n' || r == '\f' || r == '\v'
	}
	return unicode.IsSpace(r)
}

// DecodeAt decodes the rune at byte offset i of s (RuneError, 0 past the end).
func DecodeAt(s string, i int) (rune, int) {
	if i >= len(s) || i < 0 {
		return utf8.RuneError, 0
	}
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

// DecodeBefore decodes the rune ending at byte offset i of s.
func DecodeBefore(s string, i int) (rune, int) {
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
	return IsQuoteRune(r)
}

func isCloseNeighbour(r rune) bool {
	// Characters before which a closing mark may stand.
	switch r {
	case '.', ',', ';', ':', '!', '?', ')', ']', '}', '—', '–', '-', '/', '…', '*':
		return true
	}
	return IsQuoteRune(r)
}

// Scan appends the tokens of text[lo:hi], one paragraph, to toks: words
// (letters and digits, joined across an inner apostrophe, hyphen,
// ampersand, or a dot between capitals or digits: "Sha’ban", "U.S",
// "3.5", "AT&T"), quotation marks (straight, curly, guillemets and
// low-high, with the flags telling whether each may open or close a
// quotation; an apostrophe inside a word is part of it), and other
// punctuation, one rune a token. A word with a possessive ("Iran's",
// "Burns’") has the Poss flag; a word written with a leading apostrophe
// ("'til", "rock 'n' roll") starts at the apostrophe and has Elided. It is
// the one tokenizer of the analysis stages: an article is read once (see
// ScanLines) and the entity recognizer, the quote finder and the claim
// finder read its tokens, each refining words for its own use (the
// recognizer splits "Iranian-made" and leaves a possessive out of a name;
// the claim finder splits off "n't").
func Scan(text string, lo, hi int, toks []Token) []Token {
	i := lo
	for i < hi {
		if text[i] == ' ' {
			i++
			continue
		}
		r, w := DecodeAt(text, i)
		switch {
		case IsSpaceRune(r):
			i += w
		case IsWordRune(r):
			start := i
			var fl uint8
			if unicode.IsUpper(r) {
				fl |= Cap
			} else if r >= '0' && r <= '9' {
				fl |= Digit
			} else if unicode.IsLower(r) {
				fl |= Lower
			}
			i += w
			for i < hi {
				if c := text[i]; c < utf8.RuneSelf {
					if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' {
						i++
						continue
					}
				}
				r2, w2 := DecodeAt(text, i)
				if IsWordRune(r2) {
					i += w2
					continue
				}
				// Inner apostrophe, hyphen, ampersand or dot between word runes.
				if r2 == '\'' || r2 == '’' || r2 == '-' || r2 == '.' || r2 == '&' || r2 == '‐' {
					r3, _ := DecodeAt(text, i+w2)
					if i+w2 < hi && IsWordRune(r3) {
						if r2 == '.' {
							// Keep "U.S" and "3.5" together, not "end.Next".
							rp, _ := DecodeBefore(text, i)
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
				fl |= Poss
			} else if i < hi && (text[i] == '\'' || hasPrefixAt(text, i, "’")) && (word[len(word)-1] == 's') {
				// "Burns’ allegations": possessive unless the mark closes a quotation;
				// the pairing step leaves the flag alone when it does not matter.
				_, mw := DecodeAt(text, i)
				if rn, _ := DecodeAt(text, i+mw); i+mw >= hi || IsSpaceRune(rn) {
					fl |= Poss
				}
			}
			toks = append(toks, Token{Start: int32(start), End: int32(end), Kind: Word, Flags: fl})
		case IsQuoteRune(r) && (r == '\'' || r == '’' || r == '‘') && (i == lo || !IsWordRune(prevRune(text, i))) && elisionAt(text, i+w, hi):
			// "'til", "rock 'n' roll", "'em": an apostrophe starting a word.
			start := i
			i += w
			for i < hi {
				r2, w2 := DecodeAt(text, i)
				if !IsWordRune(r2) && !((r2 == '\'' || r2 == '’') && i+w2 <= hi && text[i-1] == 'n' && i-start <= w+1) {
					break
				}
				i += w2
			}
			toks = append(toks, Token{Start: int32(start), End: int32(i), Kind: Word, Flags: Lower | Elided})
		case IsQuoteRune(r):
			var fl uint8
			prev, _ := DecodeBefore(text, i)
			next, _ := DecodeAt(text, i+w)
			atStart := i == lo
			atEnd := i+w >= hi
			if !atEnd && !IsSpaceRune(next) && !(isCloseNeighbour(next) && !IsQuoteRune(next)) &&
				(atStart || IsSpaceRune(prev) || isOpenNeighbour(prev)) {
				fl |= CanOpen
			}
			if !atStart && !IsSpaceRune(prev) &&
				(atEnd || IsSpaceRune(next) || isCloseNeighbour(next)) {
				fl |= CanClose
			}
			// A straight or typographic mark glued on both sides (rare outside
			// words) may still close after punctuation: `,"he said`.
			if fl == 0 && !atStart && !atEnd && !IsSpaceRune(prev) && !IsSpaceRune(next) {
				if isCloseNeighbour(prev) {
					fl |= CanClose
				} else if isOpenNeighbour(prev) {
					fl |= CanOpen
				}
			}
			toks = append(toks, Token{Start: int32(i), End: int32(i + w), R: r, Kind: Mark, Flags: fl})
			i += w
		default:
			toks = append(toks, Token{Start: int32(i), End: int32(i + w), R: r, Kind: Punct})
			i += w
		}
	}
	return toks
}

// ScanLines appends the tokens of text to toks, one line (a paragraph of
// article text) at a time, as Scan reads each: the tokens the analysis
// stages share (the entity recognizer, the quote finder and the claim
// finder read them). A caller can slice them by line: no token crosses a
// line break.
func ScanLines(text string, toks []Token) []Token {
	for lo := 0; lo < len(text); {
		hi := strings.IndexByte(text[lo:], '\n')
		if hi < 0 {
			hi = len(text)
		} else {
			hi += lo
		}
		toks = Scan(text, lo, hi, toks)
		lo = hi + 1
	}
	return toks
}

// LineTokens returns the tokens of toks (as ScanLines returns them) that
// lie in text[lo:hi].
func LineTokens(toks []Token, lo, hi int) []Token {
	i := sort.Search(len(toks), func(i int) bool { return int(toks[i].Start) >= lo })
	j := i
	for j < len(toks) && int(toks[j].Start) < hi {
		j++
	}
	return toks[i:j]
}

func hasPrefixAt(s string, i int, p string) bool {
	return i+len(p) <= len(s) && s[i:i+len(p)] == p
}

func prevRune(s string, i int) rune {
	r, _ := DecodeBefore(s, i)
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
		if r, _ := DecodeAt(text, j); IsWordRune(r) {
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
