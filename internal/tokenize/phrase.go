package tokenize

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Phrase is a run of capitalised words in a text, a likely name of a
// person, place or organisation ("Betty Ford Center"), or an all-capitals
// acronym ("CIA").
type Phrase struct {
	// Text is the phrase as written; it is a substring of the input.
	Text string
	// Start and End are the phrase's byte offsets in the input.
	Start, End int
	// Words is the number of words in the phrase, connectors included.
	Words int
	// Acronym is true for a single all-capitals word ("CIA", "NATO").
	Acronym bool
}

// connectors are lower-case words allowed inside a name between two
// capitalised words ("Bank of America", "Charles de Gaulle").
var connectors = map[string]struct{}{
	"of": {}, "de": {}, "du": {}, "del": {}, "della": {}, "da": {}, "dos": {},
	"van": {}, "von": {}, "der": {}, "den": {}, "al": {}, "bin": {}, "la": {}, "le": {},
}

// calendarWords are capitalised words that name days and months; they are
// not kept in phrases.
var calendarWords = map[string]struct{}{
	"monday": {}, "tuesday": {}, "wednesday": {}, "thursday": {}, "friday": {},
	"saturday": {}, "sunday": {}, "january": {}, "february": {}, "march": {},
	"april": {}, "june": {}, "july": {}, "august": {}, "september": {},
	"october": {}, "november": {}, "december": {}, "jan": {}, "feb": {}, "mar": {},
	"apr": {}, "jun": {}, "jul": {}, "aug": {}, "sep": {}, "sept": {}, "oct": {},
	"nov": {}, "dec": {}, "mon": {}, "tue": {}, "tues": {}, "wed": {}, "thu": {},
	"thur": {}, "thurs": {}, "fri": {}, "sat": {}, "sun": {}, "am": {}, "pm": {},
}

// abbreviations are words that are commonly followed by a full stop that
// does not end the sentence.
var abbreviations = map[string]struct{}{
	"mr": {}, "mrs": {}, "ms": {}, "dr": {}, "jr": {}, "sr": {}, "st": {}, "gen": {},
	"sen": {}, "rep": {}, "gov": {}, "lt": {}, "col": {}, "sgt": {}, "capt": {},
	"prof": {}, "inc": {}, "corp": {}, "co": {}, "ltd": {}, "mt": {}, "ft": {}, "no": {},
	"vs": {}, "jan": {}, "feb": {}, "aug": {}, "sept": {}, "oct": {}, "nov": {}, "dec": {},
}

// Flags of wordFlags.
const (
	flagStop = 1 << iota
	flagAbbrev
	flagCalendar
	flagConnector
)

// wordFlags merges the word tables above so that one lookup answers all.
var wordFlags = func() map[string]uint8 {
	m := make(map[string]uint8)
	for _, t := range []struct {
		set  map[string]struct{}
		flag uint8
	}{{stopwords, flagStop}, {abbreviations, flagAbbrev}, {calendarWords, flagCalendar}, {connectors, flagConnector}} {
		for w := range t.set {
			m[w] |= t.flag
		}
	}
	return m
}()

// pword is one word of a line with the facts the phrase finder needs.
type pword struct {
	start, end int
	cap        bool // first letter upper case
	allCaps    bool // every letter upper case, at least two letters
	letters    int
	sentStart  bool // first word of a sentence
	joins      bool // the gap before it allows a phrase to continue
	stop       bool // a stopword
	abbrev     bool // an abbreviation usually followed by a full stop
	calendar   bool // a day or month name
	connector  bool // a lower-case word allowed inside a name
}

// lowerKey returns a lower-cased copy of an ASCII word of up to 16 bytes in
// buf, for table lookups; other words give nil.
func lowerKey(buf *[16]byte, w string) []byte {
	if len(w) > len(buf) {
		return nil
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return nil
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return buf[:len(w)]
}

// Phrases appends to dst the capitalised phrases of s and returns the
// result. A single capitalised word at the start of a sentence is not a
// phrase (it is most often an ordinary word), but a longer run is
// ("Lindsay Lohan checked in"); leading function words are dropped ("The
// Pentagon" gives "Pentagon"). Lines that look like title-case headlines
// and runs of three or more all-capitals words (shouting) are skipped,
// since capitals there say nothing about names. Day and month names end a
// phrase and are not reported.
func Phrases(dst []Phrase, s string) []Phrase {
	var t Tokenizer
	return t.Phrases(dst, s)
}

// Phrases is like the package function Phrases but reuses the Tokenizer's
// scratch space, so that it allocates only to grow dst.
func (t *Tokenizer) Phrases(dst []Phrase, s string) []Phrase {
	words := t.words[:0]
	defer func() { t.words = words[:0] }()
	var kbuf [16]byte
	for lineStart := 0; lineStart < len(s); {
		lineEnd := strings.IndexByte(s[lineStart:], '\n')
		if lineEnd < 0 {
			lineEnd = len(s)
		} else {
			lineEnd += lineStart
		}
		line := s[lineStart:lineEnd]
		words = lineWords(words[:0], line, lineStart, &kbuf)
		if !isTitleLine(words) {
			markShouting(words)
			dst = linePhrases(dst, s, words)
		}
		lineStart = lineEnd + 1
	}
	return dst
}

// lineWords splits one line into words, recording capitalisation and
// sentence starts. off is the line's offset in the whole text.
func lineWords(words []pword, line string, off int, kbuf *[16]byte) []pword {
	prevEnd := 0
	sent := true
	for i := 0; i < len(line); {
		start, end, next := scanWord(line, i)
		if start >= len(line) {
			break
		}
		i = next
		w := pword{start: off + start, end: off + end}
		word := line[start:end]
		gap := line[prevEnd:start]
		prevAbbrev := false
		if n := len(words); n > 0 {
			p := words[n-1]
			prevAbbrev = (p.letters == 1 && p.cap) || p.abbrev
		}
		if len(words) > 0 && strings.ContainsAny(gap, "!?;:") {
			sent = true
		}
		if len(words) > 0 && strings.IndexByte(gap, '.') >= 0 && !prevAbbrev {
			sent = true
		}
		w.sentStart = sent
		w.joins = len(words) > 0 && joinableGap(gap, prevAbbrev)
		if k := lowerKey(kbuf, word); k != nil {
			f := wordFlags[string(k)]
			w.stop = f&flagStop != 0
			w.abbrev = f&flagAbbrev != 0
			w.calendar = f&flagCalendar != 0
			w.connector = f&flagConnector != 0
		}
		upper, lower := 0, 0
		for j, r := range word {
			if r < utf8.RuneSelf { // the same answers as unicode's, sooner
				switch {
				case 'A' <= r && r <= 'Z':
					upper++
					if j == 0 {
						w.cap = true
					}
				case 'a' <= r && r <= 'z':
					lower++
				}
				continue
			}
			if unicode.IsUpper(r) {
				upper++
				if j == 0 {
					w.cap = true
				}
			} else if unicode.IsLower(r) {
				lower++
			}
		}
		w.letters = upper + lower
		w.allCaps = upper >= 2 && lower == 0
		if w.allCaps && w.letters == 2 && w.stop {
			w.stop = false // "US", "IT": acronyms, not pronouns
		}
		if w.letters > 0 {
			sent = false
		}
		words = append(words, w)
		prevEnd = end
	}
	return words
}

// joinableGap reports whether the text between two words lets a name run
// on: plain spaces, a hyphen, or the full stop after an initial.
func joinableGap(gap string, prevAbbrev bool) bool {
	switch gap {
	case " ", "-", "\u00a0":
		return true
	case ". ", ".":
		return prevAbbrev
	}
	return false
}

// isTitleLine reports whether a line looks like a title-case headline: at
// least three content words (not function words), nearly all capitalised.
func isTitleLine(words []pword) bool {
	content, lower := 0, 0
	for _, w := range words {
		if w.letters == 0 || w.stop {
			continue
		}
		content++
		if !w.cap {
			lower++
		}
	}
	return content >= 3 && lower*10 <= content
}

// markShouting clears the capital flags of runs of three or more
// all-capitals words.
func markShouting(words []pword) {
	for i := 0; i < len(words); {
		j := i
		for j < len(words) && words[j].allCaps {
			j++
		}
		if j-i >= 3 {
			for k := i; k < j; k++ {
				words[k].cap, words[k].allCaps = false, false
			}
		}
		if j == i {
			j++
		}
		i = j
	}
}

// nameWord reports whether w can be part of a name.
func nameWord(w *pword) bool {
	if !w.cap || w.letters == 0 {
		return false
	}
	return !w.calendar
}

// linePhrases finds the phrases among the words of one line.
func linePhrases(dst []Phrase, s string, words []pword) []Phrase {
	for i := 0; i < len(words); {
		if !nameWord(&words[i]) {
			i++
			continue
		}
		// Extend the run: name words, or a connector followed by a name word.
		j := i + 1
		for j < len(words) && words[j].joins {
			if nameWord(&words[j]) {
				j++
				continue
			}
			if words[j].connector && !words[j].cap &&
				j+1 < len(words) && words[j+1].joins && nameWord(&words[j+1]) {
				j += 2
				continue
			}
			break
		}
		first, last := i, j-1
		sentStart := words[first].sentStart
		// Drop leading function words and single initials ("The", "A").
		for first <= last && (words[first].stop || words[first].letters == 1) {
			first++
			sentStart = false
		}
		// Drop trailing single letters and abbreviations ("Jr" stays).
		for last >= first && words[last].letters == 1 && !words[last].allCaps {
			last--
		}
		i = j
		if first > last {
			continue
		}
		n := last - first + 1
		acronym := n == 1 && words[first].allCaps && words[first].letters <= 6
		if n == 1 && sentStart && !acronym {
			continue
		}
		if n == 1 && words[first].letters < 2 {
			continue
		}
		dst = append(dst, Phrase{
			Text:    s[words[first].start:words[last].end],
			Start:   words[first].start,
			End:     words[last].end,
			Words:   n,
			Acronym: acronym,
		})
	}
	return dst
}

// Key returns the normalised key of a phrase: its words lower-cased, with
// apostrophes dropped, joined by single spaces ("Sha’ban" and "Shaban" have
// the same key).
func Key(phrase string) string {
	var buf [64]byte
	return string(AppendKey(buf[:0], phrase))
}

// AppendKey appends the key of phrase (see Key) to dst.
func AppendKey(dst []byte, phrase string) []byte {
	first := true
	for i := 0; i < len(phrase); {
		start, end, next := scanWord(phrase, i)
		if start >= len(phrase) {
			break
		}
		i = next
		if !first {
			dst = append(dst, ' ')
		}
		first = false
		dst = normalize(dst, phrase[start:end])
	}
	return dst
}
