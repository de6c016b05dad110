// Package sentence splits cleaned news text into sentences.
//
// The input is an article body with one paragraph per line, as produced by
// ingest. Every non-blank line yields at least one sentence, so headlines and
// other lines without final punctuation stand on their own. Within a line,
// sentences end at '.', '!', '?' or an ellipsis followed by whitespace and a
// token that does not start with a lower-case letter, with allowances for
// abbreviations (Mr., Gen., Jan. 5, U.S., No. 5), initials (J. Smith),
// decimals, closing quotes after the terminator (`said.” Next`) and elisions
// such as "[…]". A run of text longer than MaxLen bytes without a sentence
// end is cut into pieces of at most MaxLen bytes at white space, so that the
// work of later stages, which look around inside a sentence, stays bounded.
package sentence

import (
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/model"
)

// Split returns the sentences of text as half-open byte spans, in order and
// without overlap. Spans exclude leading and trailing white space. Split
// never panics, whatever the input, including invalid UTF-8.
func Split(text string) []model.Span {
	spans := make([]model.Span, 0, len(text)/120+1)
	start := 0
	for start < len(text) {
		end := start
		for end < len(text) && text[end] != '\n' {
			end++
		}
		spans = splitLine(text, start, end, spans)
		start = end + 1
	}
	return spans
}

// splitLine appends the sentences of text[lo:hi], a line without '\n'.
func splitLine(text string, lo, hi int, spans []model.Span) []model.Span {
	lo, hi = trim(text, lo, hi)
	if lo >= hi {
		return spans
	}
	s := lo
	for i := lo; i < hi; i++ {
		c := text[i]
		var j int // end of the candidate sentence (after terminator and closers)
		ellipsis := false
		switch {
		case c == '.' || c == '!' || c == '?':
			j = i + 1
			for j < hi && (text[j] == '.' || text[j] == '!' || text[j] == '?') {
				j++
			}
			if c == '.' && j-i >= 2 {
				ellipsis = true
			}
		case c == 0xE2 && i+2 < hi && text[i+1] == 0x80 && text[i+2] == 0xA6: // …
			j = i + 3
			ellipsis = true
			for j < hi && (text[j] == '.' || text[j] == '!' || text[j] == '?') {
				j++
			}
		default:
			continue
		}
		// Elision inside brackets: "[…]", "(...)".
		if ellipsis && i > lo && (text[i-1] == '[' || text[i-1] == '(') {
			i = j - 1
			continue
		}
		j = skipClosers(text, j, hi)
		if j >= hi {
			break
		}
		if !isSpace(text[j]) {
			// "U.S.-led", "3.5", "e.g.,", "example.com", "Yahoo!'s".
			i = j - 1
			continue
		}
		k := j
		for k < hi && isSpace(text[k]) {
			k++
		}
		if k >= hi {
			break
		}
		if !startsSentence(text, k, hi) {
			i = j - 1
			continue
		}
		if c == '.' && !ellipsis && !periodEnds(text, lo, i, k, hi) {
			i = j - 1
			continue
		}
		spans = appendSpan(text, s, j, spans)
		s = k
		i = k - 1
	}
	return appendSpan(text, s, hi, spans)
}

// MaxLen is the longest sentence Split returns, in bytes: far longer than
// any sentence written to be read, short enough that a stage looking across
// a sentence does bounded work.
const MaxLen = 4096

func appendSpan(text string, s, e int, spans []model.Span) []model.Span {
	s, e = trim(text, s, e)
	for e-s > MaxLen {
		cut := s + MaxLen
		for cut > s+MaxLen/2 && !isSpace(text[cut]) {
			cut--
		}
		if !isSpace(text[cut]) {
			// no white space near the limit: cut at a rune boundary
			cut = s + MaxLen
			for cut > s && !utf8.RuneStart(text[cut]) {
				cut--
			}
		}
		a, b := trim(text, s, cut)
		if a < b {
			spans = append(spans, model.Span{Start: a, End: b})
		}
		s, e = trim(text, cut, e)
	}
	if s < e {
		spans = append(spans, model.Span{Start: s, End: e})
	}
	return spans
}

// trim narrows [lo,hi) to exclude ASCII white space and no-break spaces.
func trim(text string, lo, hi int) (int, int) {
	for lo < hi {
		if isSpace(text[lo]) {
			lo++
		} else if text[lo] == 0xC2 && lo+1 < hi && text[lo+1] == 0xA0 {
			lo += 2
		} else {
			break
		}
	}
	for hi > lo {
		if isSpace(text[hi-1]) {
			hi--
		} else if text[hi-1] == 0xA0 && hi-2 >= lo && text[hi-2] == 0xC2 {
			hi -= 2
		} else {
			break
		}
	}
	return lo, hi
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f'
}

// skipClosers skips closing quotes and brackets at i.
func skipClosers(text string, i, hi int) int {
	for i < hi {
		switch c := text[i]; {
		case c == '"' || c == '\'' || c == ')' || c == ']' || c == '}':
			i++
		case c == 0xE2 && i+2 < hi && text[i+1] == 0x80 && (text[i+2] == 0x9D || text[i+2] == 0x99 || text[i+2] == 0xBA): // ” ’ ›
			i += 3
		case c == 0xC2 && i+1 < hi && text[i+1] == 0xBB: // »
			i += 2
		default:
			return i
		}
	}
	return i
}

// startsSentence reports whether the token at k may begin a sentence: its
// first letter or digit, after opening punctuation, is not lower case.
func startsSentence(text string, k, hi int) bool {
	for k < hi {
		r, n := utf8.DecodeRuneInString(text[k:hi])
		switch {
		case r == utf8.RuneError && n <= 1:
			return true
		case unicode.IsLower(r):
			return false
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			return true
		case r == '"' || r == '\'' || r == '“' || r == '‘' || r == '(' || r == '[' || r == '«' || r == '‹' || r == '¿' || r == '¡' || r == '*' || r == '-' || r == '—' || r == '–':
			k += n
		default:
			return true
		}
	}
	return false
}

// periodEnds decides whether the period at i (inside line [lo,hi)), followed
// by white space and a possible sentence start at k, ends a sentence.
func periodEnds(text string, lo, i, k, hi int) bool {
	// The word before the period, letters and inner dots ("U.S", "a.m", "Gen").
	w := i
	for w > lo {
		c := text[w-1]
		if c == '.' || isASCIILetter(c) {
			w--
			continue
		}
		if c >= 0x80 {
			r, n := utf8.DecodeLastRuneInString(text[lo:w])
			if r != utf8.RuneError && unicode.IsLetter(r) {
				w -= n
				continue
			}
		}
		break
	}
	word := text[w:i]
	if word == "" {
		return true
	}
	nextDigit := k < hi && text[k] >= '0' && text[k] <= '9'
	// A single capital letter is an initial ("J. Smith"), except "I".
	if len(word) == 1 && word[0] >= 'A' && word[0] <= 'Z' && word != "I" {
		return false
	}
	if r, n := utf8.DecodeRuneInString(word); r >= 0x80 && n == len(word) && unicode.IsUpper(r) {
		return false
	}
	if hasDot(word) {
		// Dotted abbreviations: U.S., a.m., e.g., D.C.
		return isStarter(text, k, hi)
	}
	switch abbrevKind(word) {
	case abbrTitle:
		return false
	case abbrNumeric:
		if nextDigit {
			return false
		}
		return true
	case abbrAmbiguous:
		return isStarter(text, k, hi)
	}
	return true
}

func hasDot(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == '.' {
			return true
		}
	}
	return false
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

type abbr uint8

const (
	abbrNone      abbr = iota
	abbrTitle          // never ends a sentence: Mr., Gen., St.
	abbrNumeric        // does not end a sentence before a number: No. 5, Jan. 5
	abbrAmbiguous      // ends a sentence only before a typical sentence opener: Inc., Jr.
)

// abbreviations maps abbreviations (without the final period) to their kind.
var abbreviations = map[string]abbr{
	"Mr": abbrTitle, "Mrs": abbrTitle, "Ms": abbrTitle, "Messrs": abbrTitle, "Mme": abbrTitle,
	"Dr": abbrTitle, "Drs": abbrTitle, "Prof": abbrTitle, "Rev": abbrTitle, "Hon": abbrTitle, "Fr": abbrTitle,
	"Gen": abbrTitle, "Gens": abbrTitle, "Lt": abbrTitle, "Col": abbrTitle, "Maj": abbrTitle, "Capt": abbrTitle,
	"Cmdr": abbrTitle, "Cdr": abbrTitle, "Adm": abbrTitle, "Sgt": abbrTitle, "Cpl": abbrTitle, "Pvt": abbrTitle,
	"Brig": abbrTitle, "Lieut": abbrTitle, "Cmdt": abbrTitle, "Spc": abbrTitle,
	"Usec": abbrTitle, "USec": abbrTitle, "Asec": abbrTitle, "ASec": abbrTitle, "Smt": abbrTitle, "Kum": abbrTitle,
	"Sen": abbrTitle, "Sens": abbrTitle, "Rep": abbrTitle, "Reps": abbrTitle, "Gov": abbrTitle, "Govs": abbrTitle,
	"Pres": abbrTitle, "Supt": abbrTitle, "Insp": abbrTitle, "Det": abbrTitle, "Atty": abbrTitle, "Amb": abbrTitle,
	"Sec": abbrTitle, "Asst": abbrTitle, "Assoc": abbrTitle, "Dept": abbrTitle, "Univ": abbrTitle,
	"St": abbrTitle, "Ste": abbrTitle, "Mt": abbrTitle, "Ft": abbrTitle, "Pt": abbrTitle, "Sta": abbrTitle,
	"vs": abbrTitle, "v": abbrTitle, "approx": abbrTitle, "cf": abbrTitle, "ca": abbrTitle, "Gov't": abbrTitle,
	"Ave": abbrAmbiguous, "Blvd": abbrAmbiguous, "Rd": abbrAmbiguous, "Hwy": abbrAmbiguous, "Pl": abbrAmbiguous,
	"Calif": abbrTitle, "Ariz": abbrTitle, "Ala": abbrTitle, "Ark": abbrTitle, "Colo": abbrTitle, "Conn": abbrTitle,
	"Del": abbrTitle, "Fla": abbrTitle, "Ga": abbrTitle, "Ill": abbrAmbiguous, "Ind": abbrAmbiguous, "Kan": abbrTitle,
	"Kans": abbrTitle, "Ky": abbrTitle, "La": abbrAmbiguous, "Md": abbrTitle, "Mass": abbrAmbiguous, "Mich": abbrTitle,
	"Minn": abbrTitle, "Miss": abbrAmbiguous, "Mo": abbrAmbiguous, "Mont": abbrTitle, "Neb": abbrTitle, "Nev": abbrTitle,
	"Okla": abbrTitle, "Ore": abbrAmbiguous, "Pa": abbrAmbiguous, "Penn": abbrAmbiguous, "Tenn": abbrTitle, "Tex": abbrTitle,
	"Va": abbrTitle, "Vt": abbrTitle, "Wash": abbrAmbiguous, "Wis": abbrTitle, "Wyo": abbrTitle,
	"No": abbrNumeric, "Nos": abbrNumeric, "Nr": abbrNumeric, "no": abbrNumeric, "nos": abbrNumeric,
	"Jan": abbrNumeric, "Feb": abbrNumeric, "Mar": abbrNumeric, "Apr": abbrNumeric, "Jun": abbrNumeric,
	"Jul": abbrNumeric, "Aug": abbrNumeric, "Sep": abbrNumeric, "Sept": abbrNumeric, "Oct": abbrNumeric,
	"Nov": abbrNumeric, "Dec": abbrNumeric, "Art": abbrNumeric, "Vol": abbrNumeric, "vol": abbrNumeric,
	"p": abbrNumeric, "pp": abbrNumeric, "Fig": abbrNumeric, "fig": abbrNumeric, "Ch": abbrNumeric,
	"ch": abbrNumeric, "para": abbrNumeric, "Para": abbrNumeric, "Op": abbrNumeric,
	"Inc": abbrAmbiguous, "Corp": abbrAmbiguous, "Co": abbrAmbiguous, "Cos": abbrAmbiguous, "Ltd": abbrAmbiguous,
	"Bros": abbrAmbiguous, "Jr": abbrAmbiguous, "Sr": abbrAmbiguous, "Esq": abbrAmbiguous, "Plc": abbrAmbiguous,
	"etc": abbrAmbiguous, "al": abbrAmbiguous, "Ph": abbrAmbiguous, "mph": abbrAmbiguous, "min": abbrAmbiguous,
	"est": abbrAmbiguous, "dept": abbrAmbiguous, "govt": abbrAmbiguous,
}

func abbrevKind(w string) abbr { return abbreviations[w] }

// starters are words that typically open a sentence; an ambiguous
// abbreviation ("Inc.", "U.S.") followed by one of them ends a sentence.
var starters = map[string]bool{
	"The": true, "A": true, "An": true, "He": true, "She": true, "It": true, "They": true, "We": true,
	"I": true, "You": true, "His": true, "Her": true, "Its": true, "Their": true, "Our": true, "My": true,
	"This": true, "That": true, "These": true, "Those": true, "There": true, "Here": true, "But": true,
	"And": true, "Or": true, "So": true, "Yet": true, "In": true, "On": true, "At": true, "For": true,
	"From": true, "With": true, "As": true, "After": true, "Before": true, "When": true, "While": true,
	"If": true, "Although": true, "Though": true, "However": true, "Meanwhile": true, "Still": true,
	"Now": true, "Then": true, "Some": true, "Many": true, "Most": true, "Both": true, "Since": true,
	"During": true, "Despite": true, "According": true, "Officials": true, "Police": true, "What": true,
	"Who": true, "Why": true, "How": true, "Where": true, "Last": true, "Next": true, "Earlier": true,
	"Later": true, "Also": true, "Even": true, "Not": true, "No": true, "Each": true, "Every": true,
	"All": true, "Other": true, "Another": true, "One": true, "Two": true, "Three": true, "By": true,
	"Under": true, "Over": true, "Until": true, "About": true, "Because": true, "Instead": true,
}

// isStarter reports whether the word at k is a typical sentence opener.
func isStarter(text string, k, hi int) bool {
	for k < hi && !isASCIILetter(text[k]) && text[k] < 0x80 && text[k] != ' ' {
		k++ // opening quote or bracket
	}
	if k < hi && text[k] == 0xE2 { // “ ‘
		k += 3
	}
	e := k
	for e < hi && isASCIILetter(text[e]) {
		e++
	}
	if e > hi || k >= e {
		return false
	}
	return starters[text[k:e]]
}
