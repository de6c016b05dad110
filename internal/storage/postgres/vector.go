package postgres

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/jackc/pgx/v5/pgtype"
)

// Search vectors computed here. Reading every word of a batch's articles
// with the server's text search parser was most of what the server did to
// store them (the parser is a general state machine that looks for hosts,
// files, URLs, numbers and tags at every character). For text made only of
// the kinds of words, numbers and separators whose reading by that parser
// is known here, localVector makes the same vector in the client, and the
// server receives it ready (binary tsvector) and only indexes it. The
// words it does not know — letters outside ASCII, dots inside words (U.S.,
// example.com), slashes, at signs, numbers with exponents — the server
// reads on their own, and commits put them in place (pieceVectors); very
// long texts and texts with tags are left to the server's expression
// (searchVector, quoteVector), so every vector is the one the server would
// have made: TestLocalVectorMatchesServer, TestLocalVectorNews and
// TestPieceVectorMatchesServer compare both on hand-picked, random,
// synthetic and real texts.

// maxLocalPos bounds the positions localVector gives: the server clamps
// positions to 16,383, which localVector does not model.
const maxLocalPos = 16383

// maxLocalPositions bounds how often one word may occur: the server keeps
// only the first 255 positions of a word, which localVector does not model.
const maxLocalPositions = 255

// maxLocalWord bounds the length of a word or hyphenated word; the server
// skips words of 2,048 bytes and more.
const maxLocalWord = 1000

// maxLocalText bounds the bytes of a text; the server indexes only the
// first 200,000 characters of an article's text (searchVector).
const maxLocalText = 200000

// localVector returns the search vector the server's expression gives for
// the texts a, weighted wa, and b, weighted wb, concatenated
// (setweight(to_tsvector('simple', fold_accents(a)), wa) ||
// setweight(to_tsvector('simple', fold_accents(b)), wb)), and false when
// a or b holds anything whose reading by the server's parser is not known
// here. Weight D is no setweight at all (its positions carry no weight).
func localVector(a string, wa pgtype.TSVectorWeight, b string, wb pgtype.TSVectorWeight) (pgtype.TSVector, bool) {
	var v vectorBuilder
	return v.vector(a, wa, b, wb)
}

// vectorBuilder computes search vectors (see localVector), keeping its
// working memory from one to the next.
type vectorBuilder struct {
	pos    int
	index  map[string]int32 // word → its entry
	words  []string         // by entry
	counts []int32          // positions of each entry
	toks   []vectorToken    // in the order read
	order  []vectorKey      // entries by word
	rank   []int32          // entry → lexeme
	lower  []byte

	planning bool       // add records words in items instead
	items    []planItem // the plan being made (see plan)
}

// vectorKey orders an entry of a vectorBuilder: the first 8 bytes of its
// word, big-endian and padded with zeros (words hold no zero byte), then
// the word.
type vectorKey struct {
	prefix uint64
	entry  int32
}

// vectorToken is a word read: its entry in a vectorBuilder, its position
// and weight.
type vectorToken struct {
	entry int32
	pos   uint16
	w     pgtype.TSVectorWeight
}

// vector is localVector, with v's memory.
func (v *vectorBuilder) vector(a string, wa pgtype.TSVectorWeight, b string, wb pgtype.TSVectorWeight) (pgtype.TSVector, bool) {
	if len(a) > maxLocalText || len(b) > maxLocalText {
		return pgtype.TSVector{}, false
	}
	v.reset()
	if !v.scan(a, wa) || !v.scan(b, wb) {
		return pgtype.TSVector{}, false
	}
	return v.finish(), true
}

// reset empties v for a new vector.
func (v *vectorBuilder) reset() {
	if v.index == nil {
		v.index = make(map[string]int32, 512)
	}
	clear(v.index)
	v.pos, v.words, v.counts, v.toks = 0, v.words[:0], v.counts[:0], v.toks[:0]
}

// finish returns the vector of the words added since reset.
func (v *vectorBuilder) finish() pgtype.TSVector {
	// The server orders lexemes by their bytes, shorter first on a tie,
	// as Go compares strings.
	v.order = v.order[:0]
	for e, w := range v.words {
		var p uint64
		for i := range 8 {
			p <<= 8
			if i < len(w) {
				p |= uint64(w[i])
			}
		}
		v.order = append(v.order, vectorKey{p, int32(e)})
	}
	slices.SortFunc(v.order, func(x, y vectorKey) int {
		if c := cmp.Compare(x.prefix, y.prefix); c != 0 {
			return c
		}
		return strings.Compare(v.words[x.entry], v.words[y.entry])
	})
	v.rank = slices.Grow(v.rank[:0], len(v.words))[:len(v.words)]
	lex := make([]pgtype.TSVectorLexeme, len(v.words))
	positions := make([]pgtype.TSVectorPosition, 0, len(v.toks))
	for r, k := range v.order {
		e := k.entry
		v.rank[e] = int32(r)
		n := len(positions)
		positions = positions[:n+int(v.counts[e])]
		lex[r] = pgtype.TSVectorLexeme{Word: v.words[e], Positions: positions[n:n:len(positions)]}
	}
	for _, t := range v.toks {
		l := &lex[v.rank[t.entry]]
		l.Positions = append(l.Positions, pgtype.TSVectorPosition{Position: t.pos, Weight: t.w})
	}
	return pgtype.TSVector{Lexemes: lex, Valid: true}
}

// add records the next word (lower-cased as the 'simple' dictionary
// does); false when its position or count goes beyond what localVector
// models.
func (v *vectorBuilder) add(word string, w pgtype.TSVectorWeight) bool {
	if v.planning {
		v.items = append(v.items, planItem{text: word, w: w})
		return true
	}
	v.pos++
	return v.addAt(word, v.pos, w)
}

// addAt records word at position pos, which is no lower than those of
// the words recorded before.
func (v *vectorBuilder) addAt(word string, pos int, w pgtype.TSVectorWeight) bool {
	if pos >= maxLocalPos {
		return false
	}
	var e int32
	var ok bool
	if hasUpper(word) {
		// Looked up without a copy; copied when new.
		v.lower = append(v.lower[:0], word...)
		for i, c := range v.lower {
			if c >= 'A' && c <= 'Z' {
				v.lower[i] = c + 'a' - 'A'
			}
		}
		if e, ok = v.index[string(v.lower)]; !ok {
			word = string(v.lower)
		}
	} else {
		e, ok = v.index[word]
	}
	if !ok {
		e = int32(len(v.words))
		v.index[word] = e
		v.words = append(v.words, word)
		v.counts = append(v.counts, 0)
	}
	if v.counts[e] >= maxLocalPositions {
		return false
	}
	v.counts[e]++
	if w == pgtype.TSVectorWeightD {
		w = 0
	}
	v.toks = append(v.toks, vectorToken{entry: e, pos: uint16(pos), w: w})
	return true
}

// scan reads the words of s as the server's default text search parser
// with the 'simple' configuration does: runs of ASCII letters and digits
// (one word, lower-cased; but a run beginning with a digit and holding an
// e may be a number with an exponent), hyphenated runs whose parts begin
// with a letter (the whole, then each part), and numbers with a sign or
// decimals (1.5, -2, +0000, 01.01.2025: one word each). It returns false
// at anything else that is not a known separator (see separator).
func (v *vectorBuilder) scan(s string, w pgtype.TSVectorWeight) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if (c == '-' || c == '+') && i+1 < len(s) && isDigit(s[i+1]) {
			// A signed number; with two dots or more it is read
			// without its sign, not modelled here.
			j, ok := number(s, i+1)
			if !ok || strings.Count(s[i:j], ".") > 1 || !v.add(s[i:j], w) {
				return false
			}
			i = j
			continue
		}
		if !isAlnum(c) {
			n := separator(s, i)
			if n == 0 {
				return false
			}
			i += n
			continue
		}
		start := i
		for i < len(s) && isDigit(s[i]) {
			i++
		}
		if i > start && i+1 < len(s) && s[i] == '.' && isDigit(s[i+1]) {
			j, ok := number(s, start)
			if !ok || !v.add(s[start:j], w) {
				return false
			}
			i = j
			continue
		}
		digits := i
		for i < len(s) && isAlnum(s[i]) {
			i++
		}
		run := s[start:i]
		if i-start > maxLocalWord || isDigit(run[0]) && strings.ContainsAny(run, "eE") {
			// Perhaps a number with an exponent (1e5), read apart from
			// what follows it.
			return false
		}
		if i+1 < len(s) && s[i] == '-' && isLetter(s[i+1]) && isLetter(run[0]) {
			if !v.hyphenated(s, start, &i, w) {
				return false
			}
			continue
		}
		if i+1 < len(s) && (s[i] == '-' || s[i] == '+') && isAlnum(s[i+1]) {
			// Digits then a hyphen and a word (90-day), or a word or
			// digits then a signed number (a-1, 2024-05-01): read
			// apart. Other runs before a hyphen are read as one
			// hyphenated word.
			allDigits := digits == i
			allLetters := digits == start && !strings.ContainsFunc(run, func(r rune) bool { return r < 0x80 && isDigit(byte(r)) })
			switch {
			case s[i] == '-' && isLetter(s[i+1]) && allDigits:
			case isDigit(s[i+1]) && (allDigits || allLetters):
			default:
				return false
			}
		}
		if !v.add(run, w) {
			return false
		}
	}
	return true
}

// hyphenated reads the hyphenated word that starts at s[start] with a run
// of letters and digits ending at *i (before a hyphen and a letter): the
// whole, then its parts; *i is left after it. It returns false when a part
// begins with a digit (a signed number there) or the word is too long.
func (v *vectorBuilder) hyphenated(s string, start int, i *int, w pgtype.TSVectorWeight) bool {
	parts := []string{s[start:*i]}
	for *i+1 < len(s) && s[*i] == '-' && isAlnum(s[*i+1]) {
		if !isLetter(s[*i+1]) {
			return false
		}
		j := *i + 1
		for j < len(s) && isAlnum(s[j]) {
			j++
		}
		parts = append(parts, s[*i+1:j])
		*i = j
	}
	if *i-start > maxLocalWord || !v.add(s[start:*i], w) {
		return false
	}
	for _, p := range parts {
		if !v.add(p, w) {
			return false
		}
	}
	return true
}

// number returns the end of the number whose digits start at s[i]:
// digits, then any number of a dot and digits. It returns false when a
// letter or digit follows it (then the server may read it otherwise) or
// it is too long.
func number(s string, i int) (int, bool) {
	start := i
	for {
		for i < len(s) && isDigit(s[i]) {
			i++
		}
		if i+1 < len(s) && s[i] == '.' && isDigit(s[i+1]) {
			i++
			continue
		}
		break
	}
	if i-start > maxLocalWord || i < len(s) && isAlnum(s[i]) {
		return i, false
	}
	return i, true
}

// separator returns the length in bytes of the separator at s[i] (not a
// letter or digit, nor a sign before a digit) when the server's parser
// reads it as nothing but a separator there, and 0 when it might read
// more into it: a dot followed by anything but a space, a closing mark or
// the end (hosts, files, "..", abbreviations), a sign followed by a dot
// or another sign, and every other character not listed.
func separator(s string, i int) int {
	switch c := s[i]; c {
	case ' ', '\t', '\n', '\r', ',', ';', ':', '!', '?', '(', ')', '[', ']', '"', '\'', '%', '$', '*', '#', '=', '|':
		return 1
	case '.':
		if i+1 == len(s) || closing(s[i+1]) {
			return 1
		}
		switch r, _ := utf8.DecodeRuneInString(s[i+1:]); r {
		case 0xBB, 0x2019, 0x201D, 0x2026: // » ’ ” …
			return 1
		}
		return 0
	case '-', '+':
		if i+1 < len(s) && (isDigit(s[i+1]) || s[i+1] == '.' || s[i+1] == '-' || s[i+1] == '+') {
			return 0
		}
		return 1
	}
	if s[i] < utf8.RuneSelf {
		return 0
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	switch r {
	case 0xA0, 0xA3, 0xA7, 0xA9, 0xAB, 0xAE, 0xB0, 0xB7, 0xBB, // no-break space, £ § © « ® ° · »
		0x2013, 0x2014, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2026: // – — ‘ ’ “ ” • …
		return n
	}
	return 0
}

// closing reports whether a dot followed by c is read as the end of a
// sentence: c is a space or a mark that closes or separates.
func closing(c byte) bool {
	switch c {
	case ' ', '\t', '\n', '\r', ',', ';', ':', '!', '?', ')', ']', '"', '\'':
		return true
	}
	return false
}

func isLetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isAlnum(c byte) bool { return isLetter(c) || isDigit(c) }

// hasUpper reports whether s holds an upper-case ASCII letter.
func hasUpper(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 'A' && s[i] <= 'Z' {
			return true
		}
	}
	return false
}

// probeRunes are the characters beyond ASCII that separator may accept.
var probeRunes = []rune{0xA0, 0xA3, 0xA7, 0xA9, 0xAB, 0xAE, 0xB0, 0xB7, 0xBB, 0x2013, 0x2014, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2026}

// vectorProbe returns a title and a text that hold every separator
// localVector accepts, between letters and between digits, and the kinds
// of words and numbers it reads, upper-case I included (lower-cased
// otherwise in a Turkish locale).
func vectorProbe() (title, text string) {
	var b strings.Builder
	for c := 1; c < utf8.RuneSelf; c++ {
		probeSeparator(&b, string(rune(c)))
	}
	for _, r := range probeRunes {
		probeSeparator(&b, string(r))
	}
	b.WriteString("Long-term co-op 90-day 33-year-old a-1-2 2024-05-01 12:30. -1.5 +0000 01.01.2025 1,000.5 10am 1st x1 end. “Quoted.” ‘Single.’ Wait… «Next.» ")
	return "Iris IJSSEL Minister Ivo Quill", b.String()
}

// probeSeparator writes sep between letters and between digits to b when
// localVector accepts it there.
func probeSeparator(b *strings.Builder, sep string) {
	for _, s := range []string{"Ia" + sep + "Ib", "1" + sep + "2", "Ic" + sep + " Id", "Ie " + sep + "If"} {
		if _, ok := localVector(s, pgtype.TSVectorWeightD, "", pgtype.TSVectorWeightD); ok {
			b.WriteString(s)
			b.WriteByte(' ')
		}
	}
}

// localVectorsAgree reports whether the server q reads the probe texts
// (vectorProbe) as localVector does, as an article and as a quote: the
// server's reading of letters and separators beyond ASCII depends on
// its locale (LC_CTYPE), and its lower-casing too, so vectors are only
// computed here for a server that agrees.
func localVectorsAgree(ctx context.Context, q querier) (bool, error) {
	title, text := vectorProbe()
	art, ok1 := localVector(title, pgtype.TSVectorWeightA, text, pgtype.TSVectorWeightD)
	quote, ok2 := localVector(text, pgtype.TSVectorWeightA, title, pgtype.TSVectorWeightC)
	if !ok1 || !ok2 {
		return false, nil
	}
	var same bool
	err := q.QueryRow(ctx, `SELECT `+searchVector("$1::text", "$2::text")+` = $3::tsvector AND `+quoteVector("$2::text", "$1::text")+` = $4::tsvector`,
		title, text, art, quote).Scan(&same)
	if err != nil {
		return false, fmt.Errorf("compare search vectors with the server's: %w", err)
	}
	return same, nil
}
