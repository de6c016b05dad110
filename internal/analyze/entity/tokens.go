package entity

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/model"
	tk "github.com/parallax-news/parallax/internal/tokenize"
)

// token is one word of the text.
type token struct {
	s, e  int    // byte span (possessive "'s" excluded)
	text  string // text[s:e]
	low   string // lower-cased text
	cap   bool   // first letter upper case
	upper bool   // all letters upper case, at least two
	lower bool   // first letter lower case
	digit bool   // starts with a digit
	// adj: only horizontal space separates this token from the previous one
	// on the same line.
	adj bool
	// poss: followed by a possessive "'s" or a bare apostrophe.
	poss bool
	// sent: first word of a sentence, line, or after an opening quote,
	// bracket, colon or bar.
	sent bool
	line int
	fl   uint32 // lexicon flags of low, once flDone
	// flDone: fl has been looked up
	flDone bool
}

// flags returns the lexicon flags of the token's lower-cased text.
func (t *token) flags() uint32 {
	if !t.flDone {
		fl, ok := lexFlags[t.low]
		if !ok && strings.IndexByte(t.low, '-') > 0 {
			fl = compoundRole(t.low)
		}
		t.fl = fl
		t.flDone = true
	}
	return t.fl
}

// compoundRole returns fRole for a hyphenated title whose parts are role
// words ("auditor-general", "secretary-general", "attorney-general"),
// else 0.
func compoundRole(low string) uint32 {
	head := false
	for part := range strings.SplitSeq(low, "-") {
		fl := lexFlags[part]
		switch {
		case fl&fRole != 0:
			head = true
		case part == "general" || fl&fMod != 0:
		default:
			return 0
		}
	}
	if head {
		return fRole
	}
	return 0
}

// asciiWord marks ASCII letters and digits.
var asciiWord = func() (t [256]bool) {
	for c := 0; c < 128; c++ {
		t[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
	}
	return t
}()

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || (r >= '0' && r <= '9')
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// tokenize splits text into the word tokens the recognizer reads. The
// words are those of the shared tokenizer (words, as tokenize.ScanLines
// reads text for the quote and claim finders too), refined for names:
//
//   - a compound is split where a name meets a lower-case word
//     ("Iranian-made" gives "Iranian", "anti-Iran" gives "Iran"), and kept
//     whole otherwise ("Jean-Baptiste", "al-Hakim");
//   - "&" and a dot between digits or capitals split a word ("AT&T" gives
//     "AT" and "T") except for initials, which keep their final dot
//     ("U.S.");
//   - a possessive "'s" is left out of the word and marked (poss), and a
//     name written with another apostrophe ("Sha‘ban") is one word.
//
// Each word also carries its line, whether only horizontal space separates
// it from the word before (adj), and whether it starts a sentence, line or
// quotation (sent).
func (f *finder) tokenize(text string, sents []model.Span, words []tk.Token, toks []token) []token {
	// arena holds the lower-cased capitalised ASCII tokens back to back;
	// arenaEnd pairs token index and end offset.
	arena := f.arena[:0]
	arenaEnd := f.arenaEnd[:0]
	defer func() { f.arena, f.arenaEnd = arena, arenaEnd }()
	si := 0
	line := 0
	lastEnd := 0 // end of previous token
	prevLine := -1
	n := len(text)
	for _, w := range words {
		if w.Kind != tk.Word || int(w.End) <= lastEnd {
			continue // not a word, or read with the word before ("Sha‘ban")
		}
		i := max(int(w.Start), lastEnd)
		for i < int(w.End) {
			r, size := tk.DecodeAt(text, i)
			if !isWordRune(r) {
				i += size // a hyphen, dot, ampersand or apostrophe inside the shared word
				continue
			}
			// word start: count the line breaks since the word before
			for k := lastEnd; k < i; k++ {
				if text[k] == '\n' {
					line++
				}
			}
			s := i
			j := i + size
			poss := false
			for j < n {
				c2 := text[j]
				if asciiWord[c2] {
					j++
					continue
				}
				r2, sz := tk.DecodeAt(text, j)
				if isWordRune(r2) {
					j += sz
					continue
				}
				if isApostrophe(r2) {
					k := j + sz
					if k < n && (text[k] == 's' || text[k] == 'S') && (k+1 >= n || !isWordByte(text, k+1)) {
						poss = true
						break
					}
					if k < n && isWordByte(text, k) {
						j = k
						continue
					}
					if j > s && (text[j-1] == 's') {
						poss = true
					}
					break
				}
				if c2 == '-' && j+1 < n && isWordByte(text, j+1) {
					nr, _ := utf8.DecodeRuneInString(text[j+1:])
					fr, _ := utf8.DecodeRuneInString(text[s:])
					if unicode.IsLower(nr) && !unicode.IsLower(fr) && !(text[j+1] == 'a' && j+3 < n && text[j+2] == 'l' && text[j+3] == '-') &&
						!syllableName(text, s, j) {
						// "Iranian-made", "U.S.-led": stop before the hyphen
						break
					}
					if unicode.IsLower(fr) && !unicode.IsLower(nr) && !(j-s == 2 && (text[s:j] == "al" || text[s:j] == "el")) {
						// "anti-Iran", "pro-Russian": restart after the hyphen
						// (not "al-Qudsi": the article is the name's)
						s = j + 1
						j = j + 1
						continue
					}
					j++
					continue
				}
				if c2 == '.' && j+2 < n && isUpperByte(text[j+1]) && text[j+2] == '.' && j-s == 1 {
					// "U.S.", "U.N."
					j += 2
					for j+2 < n && isUpperByte(text[j+1]) && text[j+2] == '.' {
						j += 2
					}
					j++ // final dot
					break
				}
				break
			}
			t := token{s: s, e: j, text: text[s:j], poss: poss, line: line}
			if c0 := text[s]; c0 < utf8.RuneSelf {
				t.cap = c0 >= 'A' && c0 <= 'Z'
				t.lower = c0 >= 'a' && c0 <= 'z'
				t.digit = c0 >= '0' && c0 <= '9'
			} else {
				fr, _ := utf8.DecodeRuneInString(t.text)
				t.cap = unicode.IsUpper(fr)
				t.lower = unicode.IsLower(fr)
				t.digit = unicode.IsDigit(fr)
			}
			if t.lower && arabicArticleName(t.text) {
				// "al-Qudsi", "el-Sayed": a name written with the
				// Arabic article in lower case
				t.cap, t.lower = true, false
			}
			t.upper = !t.lower && isAllCapsWord(t.text)
			if t.lower || t.digit {
				t.low = t.text
			} else if isASCII(t.text) {
				arenaEnd = append(arenaEnd, int32(len(toks)))
				for k := s; k < j; k++ {
					c := text[k]
					if c >= 'A' && c <= 'Z' {
						c += 32
					}
					arena = append(arena, c)
				}
				arenaEnd = append(arenaEnd, int32(len(arena)))
			} else {
				t.low = toLower(t.text)
			}
			t.adj = prevLine == line && (onlySpace(text, lastEnd, s) || initialGap(text, toks, lastEnd, s))
			for si < len(sents) && sents[si].End <= s {
				si++
			}
			t.sent = prevLine != line || (si < len(sents) && sents[si].Start >= lastEnd && sents[si].Start <= s) || openerBefore(text, lastEnd, s)
			toks = append(toks, t)
			prevLine = line
			if poss {
				// skip the apostrophe and s
				_, sz := utf8.DecodeRuneInString(text[j:])
				j += sz
				if j < n && (text[j] == 's' || text[j] == 'S') && (j+1 >= n || !isWordByte(text, j+1)) {
					j++
				}
			}
			lastEnd = j
			i = j
		}
	}
	// "DUNCAN Ferrier-Mbatha last night told …": the first word of a
	// tabloid lede set in capitals (four letters or more) before a word
	// in title case is a word in title case too (a line of ten words or
	// more, not a headline).
	for k := 0; k+1 < len(toks); k++ {
		t := &toks[k]
		if !t.upper || len(t.text) < 4 || k > 0 && toks[k-1].line == t.line {
			continue
		}
		nx := &toks[k+1]
		if nx.line != t.line || !nx.adj || !nx.cap || nx.upper || k+10 >= len(toks) || toks[k+10].line != t.line {
			continue
		}
		if nx.flags()&(fRole|fOrg|fHon) != 0 {
			continue // an acronym before a title or a body's word: "NATO Secretary-General", "CIA Director"
		}
		t.upper = false
	}
	if len(arena) > 0 {
		low := string(arena)
		off := 0
		for k := 0; k < len(arenaEnd); k += 2 {
			t := &toks[arenaEnd[k]]
			end := int(arenaEnd[k+1])
			t.low = low[off:end]
			off = end
		}
	}
	// "Det Con Ann Roe": a constable's rank after "Det" is a title, as
	// "Sgt" is, though "Con" alone may open a name ("Con Edison")
	for k := 1; k < len(toks); k++ {
		if t := &toks[k]; t.cap && t.low == "con" && toks[k-1].cap && (toks[k-1].low == "det" || toks[k-1].low == "det.") && t.line == toks[k-1].line {
			t.fl, t.flDone = lexFlags["sgt"], true
		}
	}
	// "Her daughter, June Haskett, said": a month that is also a given
	// name, before a surname, is that name
	for k := range toks {
		if t := &toks[k]; t.cap && !t.upper && len(t.low) <= 5 && monthGiven(toks, k) {
			t.fl, t.flDone = lexFlags[t.low]&^fTime|fGiven, true
		}
	}
	return toks
}

func isUpperByte(c byte) bool { return c >= 'A' && c <= 'Z' }

func isWordByte(text string, i int) bool {
	r, _ := utf8.DecodeRuneInString(text[i:])
	return isWordRune(r)
}

// onlySpace reports whether text[a:b] holds only horizontal white space
// (and the possessive apostrophe-s already consumed).
func onlySpace(text string, a, b int) bool {
	for k := a; k < b; k++ {
		switch text[k] {
		case ' ', '\t':
		default:
			return false
		}
	}
	return true
}

// openerBefore reports whether the last non-space character of text[a:b]
// opens a new clause: a quote, bracket, colon, bar or dash.
func openerBefore(text string, a, b int) bool {
	k := b
	for k > a && (text[k-1] == ' ' || text[k-1] == '\t') {
		k--
	}
	if k <= a {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(text[a:k])
	switch r {
	case '"', '“', '‘', '(', '[', '|', ':', '—', '–', '«', '•', ';':
		return true
	case '\'':
		return true
	}
	return false
}

// toLower lower-cases s, without allocating when s is already lower case
// ASCII.
func toLower(s string) string {
	up := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return strings.ToLower(s)
		}
		if c >= 'A' && c <= 'Z' {
			up = true
		}
	}
	if !up {
		return s
	}
	b := make([]byte, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 32
		}
		b[i] = c
	}
	return string(b)
}

// initialGap reports whether the gap text[a:b] is the ". " after a middle
// initial ("James R. Dabney").
func initialGap(text string, toks []token, a, b int) bool {
	if len(toks) == 0 || b-a < 2 || text[a] != '.' || !onlySpace(text, a+1, b) {
		return false
	}
	p := &toks[len(toks)-1]
	return p.e-p.s == 1 && isUpperByte(text[p.s]) && p.e == a
}

// syllableName reports whether the capitalised word text[s:j], followed by
// a hyphen, is the first syllable of a hyphenated given name written after
// a family name ("Wen Li-hua", "Park Min-jun"): it has at most three
// letters, the lower-case part after the hyphen at most four and ends the
// word, and a capitalised word stands right before it.
func syllableName(text string, s, j int) bool {
	if givenSyllables(text, s, j) {
		return true
	}
	if j-s > 3 || s < 3 || text[s-1] != ' ' || j-s < 2 || !(text[s+1] >= 'a' && text[s+1] <= 'z') {
		return false
	}
	k := j + 1
	for k < len(text) && k-j <= 5 && text[k] >= 'a' && text[k] <= 'z' {
		k++
	}
	if k-j-1 < 2 || k-j-1 > 4 || k < len(text) && isWordByte(text, k) {
		return false
	}
	p := s - 1
	for p > 0 && text[p-1] != ' ' && text[p-1] != '\n' {
		p--
	}
	if p >= s-1 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(text[p:])
	return unicode.IsUpper(r)
}

// givenSyllables reports whether the capitalised word text[s:j], followed
// by a hyphen, opens a hyphenated given name written before a family name
// ("Hyun-woo Baek", "Min-jun Park"): two to four letters, then two to four
// lower-case letters ending the word, a space and a capitalised word, and
// not a prefix of English compounds ("Pre-war Berlin", "Ex-wife Ann").
func givenSyllables(text string, s, j int) bool {
	if j-s > 4 || j-s < 2 || !(text[s+1] >= 'a' && text[s+1] <= 'z') {
		return false
	}
	switch strings.ToLower(text[s:j]) {
	case "anti", "pro", "pre", "post", "non", "mid", "co", "ex", "sub", "semi", "self", "multi", "vice", "over",
		"out", "off", "all", "half", "well", "one", "two", "long", "high", "low", "far", "near", "part", "full",
		"cut", "war", "old", "new", "red", "air", "sea", "so", "re", "de", "un", "in", "up", "on", "by", "hi", "tv":
		return false
	}
	k := j + 1
	for k < len(text) && k-j <= 5 && text[k] >= 'a' && text[k] <= 'z' {
		k++
	}
	if k-j-1 < 2 || k-j-1 > 4 || k+1 >= len(text) || text[k] != ' ' {
		return false
	}
	return isUpperByte(text[k+1]) && k+2 < len(text) && text[k+2] >= 'a' && text[k+2] <= 'z'
}

// arabicArticleName reports whether w is a name joined to the Arabic
// article written in lower case, with a capital after the hyphen
// ("al-Qudsi", "el-Sayed").
func arabicArticleName(w string) bool {
	return len(w) > 4 && (strings.HasPrefix(w, "al-") || strings.HasPrefix(w, "el-")) && isUpperByte(w[3])
}
