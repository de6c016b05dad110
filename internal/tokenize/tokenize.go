// Package tokenize splits news text into normalised word tokens and extracts
// capitalised phrases (names of people, places, organisations, acronyms).
//
// Tokens are lower-cased runs of Unicode letters and digits. Typographic
// apostrophes are folded to the ASCII one and then dropped inside a word
// ("Sha’ban" and "Shaban" give "shaban"); a trailing possessive "'s" is
// removed. A decimal point or thousands separator between two digits is
// kept inside a number ("7.1" stays one token, "30,000" becomes "30000").
//
// The package is built for hot loops: a Tokenizer reuses one scratch buffer
// and hands out tokens as byte slices, so tokenizing allocates nothing.
// A Tokenizer is not safe for concurrent use; make one per goroutine.
//
// The package reads text two ways. A Tokenizer gives the normalised word
// stream that near-copy detection, clustering and comparison hash and
// count; it keeps no offsets. Scan (and ScanLines) gives the analysis
// stages every word, punctuation rune and quotation mark with its byte
// span, unnormalised, as one tokenization they share.
package tokenize

import (
	"unicode"
	"unicode/utf8"
)

// Options selects how tokens are normalised.
type Options struct {
	// Stem applies the light suffix stripper Stem to every token.
	Stem bool
	// Stopwords drops the English function words listed by IsStopword.
	Stopwords bool
	// MinLen drops tokens shorter than this many bytes (0 keeps all).
	MinLen int
}

// Tokenizer produces normalised tokens from text. The zero value tokenizes
// with no stemming and no stopword removal.
type Tokenizer struct {
	opts  Options
	buf   []byte
	words []pword // scratch for Phrases
}

// New returns a Tokenizer using opts.
func New(opts Options) *Tokenizer {
	return &Tokenizer{opts: opts, buf: make([]byte, 0, 64)}
}

// Byte classes for the ASCII fast path.
const (
	clsOther = iota
	clsLower
	clsUpper
	clsDigit
	clsApos
	clsNumSep // '.' or ',' : kept only between digits
)

var asciiClass = func() (t [128]uint8) {
	for c := 'a'; c <= 'z'; c++ {
		t[c] = clsLower
	}
	for c := 'A'; c <= 'Z'; c++ {
		t[c] = clsUpper
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = clsDigit
	}
	t['\''] = clsApos
	t['.'] = clsNumSep
	t[','] = clsNumSep
	return t
}()

// isApostrophe reports whether r is one of the apostrophe-like marks that
// are folded to '\”.
func isApostrophe(r rune) bool {
	switch r {
	case '\'', '\u2019', '\u2018', '\u02bc', '\u2032', '`':
		return true
	}
	return false
}

// isWordRune reports whether r is part of a word.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		c := asciiClass[r]
		return c == clsLower || c == clsUpper || c == clsDigit
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// runeAt decodes the rune at byte offset i of s.
func runeAt(s string, i int) (rune, int) {
	if i >= len(s) {
		return utf8.RuneError, 0
	}
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

// isDigitAt reports whether s[i] is an ASCII digit.
func isDigitAt(s string, i int) bool {
	return i >= 0 && i < len(s) && s[i] >= '0' && s[i] <= '9'
}

// scanWord finds the next word in s at or after byte offset i. It returns
// the word's byte range [start, end) in s, with start == len(s) when there
// is none, and the offset where scanning should resume. A word may contain
// inner apostrophes and, between digits, '.' and ','. A possessive "'s"
// ending is left out of the range and skipped.
func scanWord(s string, i int) (start, end, next int) {
	// Skip to the first word rune.
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if cls := asciiClass[c]; cls == clsLower || cls == clsUpper || cls == clsDigit {
				break
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if isWordRune(r) {
			break
		}
		i += n
	}
	start = i
	for i < len(s) {
		c := s[i]
		var r rune
		n := 1
		if c < utf8.RuneSelf {
			switch asciiClass[c] {
			case clsLower, clsUpper, clsDigit:
				i++
				continue
			case clsNumSep:
				if isDigitAt(s, i-1) && isDigitAt(s, i+1) {
					i++
					continue
				}
				return start, i, i
			case clsOther:
				return start, i, i
			}
			r = rune(c)
		} else {
			r, n = utf8.DecodeRuneInString(s[i:])
			if isWordRune(r) {
				i += n
				continue
			}
		}
		if !isApostrophe(r) {
			break
		}
		// Inner apostrophe: keep going only if a letter follows and the
		// rest is not a bare possessive 's.
		r2, n2 := runeAt(s, i+n)
		if n2 == 0 || !isWordRune(r2) {
			break
		}
		if r2 == 's' || r2 == 'S' {
			r3, n3 := runeAt(s, i+n+n2)
			if n3 == 0 || !isWordRune(r3) {
				// Possessive: end the word before the apostrophe.
				return start, i, i + n + n2
			}
		}
		i += n
	}
	return start, i, i
}

// normalize appends the normalised form of the word s to dst: lower-cased,
// apostrophes and thousands commas dropped.
func normalize(dst []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch asciiClass[c] {
			case clsUpper:
				dst = append(dst, c+('a'-'A'))
			case clsLower, clsDigit:
				dst = append(dst, c)
			case clsNumSep:
				if c == '.' {
					dst = append(dst, c)
				}
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if isApostrophe(r) {
			continue
		}
		dst = utf8.AppendRune(dst, unicode.ToLower(r))
	}
	return dst
}

// Each calls fn for every token of s, in order. The slice passed to fn is
// only valid during the call; copy it (string(tok)) to keep it.
func (t *Tokenizer) Each(s string, fn func(tok []byte)) {
	for i := 0; i < len(s); {
		start, end, next := scanWord(s, i)
		if start >= len(s) {
			return
		}
		i = next
		if tok, ok := t.token(s[start:end]); ok {
			fn(tok)
		}
	}
}

// token normalises one word per the options; ok is false when the word is
// dropped.
func (t *Tokenizer) token(w string) (tok []byte, ok bool) {
	t.buf = normalize(t.buf[:0], w)
	tok = t.buf
	if len(tok) == 0 {
		return nil, false
	}
	if t.opts.Stopwords && isStopword(tok) {
		return nil, false
	}
	if t.opts.Stem {
		tok = Stem(tok)
	}
	if len(tok) < t.opts.MinLen {
		return nil, false
	}
	return tok, true
}

// Append appends the tokens of s to dst as strings and returns the result.
func (t *Tokenizer) Append(dst []string, s string) []string {
	t.Each(s, func(tok []byte) { dst = append(dst, string(tok)) })
	return dst
}

// AppendHashes appends a 64-bit FNV-1a hash of every token of s to dst and
// returns the result. It does not allocate beyond growing dst.
func (t *Tokenizer) AppendHashes(dst []uint64, s string) []uint64 {
	t.Each(s, func(tok []byte) { dst = append(dst, Hash(tok)) })
	return dst
}

// Hash returns the 64-bit FNV-1a hash of b.
func Hash(b []byte) uint64 {
	h := uint64(14695981039346656037)
	for _, c := range b {
		h ^= uint64(c)
		h *= 1099511628211
	}
	return h
}

// Tokens returns the tokens of s, lower-cased, with stopwords kept and no
// stemming. It is a convenience for code that is not performance critical.
func Tokens(s string) []string {
	var t Tokenizer
	return t.Append(nil, s)
}
