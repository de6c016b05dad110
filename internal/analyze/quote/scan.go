package quote

import (
	"unicode"

	scan "github.com/parallax-news/parallax/internal/tokenize"
)

// Token kinds (see tokenize.Kind).
const (
	kWord  = uint8(scan.Word)
	kPunct = uint8(scan.Punct)
	kMark  = uint8(scan.Mark)
)

// Token flags (see scan.Scan).
const (
	fCap      = scan.Cap
	fPoss     = scan.Poss
	fCanOpen  = scan.CanOpen
	fCanClose = scan.CanClose
	fDigit    = scan.Digit
	fLower    = scan.Lower
)

// tokenize appends the tokens of text[lo:hi] (one paragraph) to toks: the
// tokens words of that paragraph, as scan.Scan reads them (nil: read them
// here), with each word's lexicon entry.
func tokenize(text string, lo, hi int, words []scan.Token, toks []token) []token {
	if words == nil {
		words = scan.Scan(text, lo, hi, make([]scan.Token, 0, (hi-lo)/5+4))
	}
	for i := 0; i < len(words); i++ {
		t := words[i]
		if t.Kind == scan.Mark && t.R == '\'' && i+1 < len(words) && words[i+1].Start == t.End && text[t.End:words[i+1].End] == "s" &&
			tokenizedClitic(text, lo, hi, int(t.Start), int(t.End)) {
			// "Hallworth 's board", "Inc. 's": the possessive of the word
			// before (past an abbreviation's point)
			n := len(toks) - 1
			if n > 0 && toks[n].kind == kPunct && toks[n].r == '.' {
				n--
			}
			if n >= 0 && toks[n].kind == kWord {
				toks[n].flags |= fPoss
				i++
				continue
			}
		}
		tk := token{start: t.Start, end: t.End, ment: -1, q: -1, r: t.R, kind: uint8(t.Kind), flags: t.Flags &^ scan.Elided}
		if t.Kind == scan.Word && t.Flags&scan.Elided == 0 {
			tk.lex = lookup(text[t.Start:t.End])
		}
		if tk.kind == kMark && (tk.r == '«' || tk.r == '»') {
			tk.flags |= spacedGuillemet(text, lo, hi, tk.r, int(t.Start), int(t.End))
		}
		if tk.kind == kMark && tk.r == '\'' && tokenizedClitic(text, lo, hi, int(t.Start), int(t.End)) {
			tk.flags &^= fCanOpen | fCanClose
		}
		if tk.kind == kMark && tk.r == '"' && tk.flags&(fCanOpen|fCanClose) == 0 {
			// Tokenized text, `" We … , " said`: a free-standing straight
			// double mark is paired by position.
			prev, _ := scan.DecodeBefore(text, int(t.Start))
			next, _ := scan.DecodeAt(text, int(t.End))
			atStart, atEnd := int(t.Start) <= lo, int(t.End) >= hi
			if (atStart || scan.IsSpaceRune(prev)) && (atEnd || scan.IsSpaceRune(next)) {
				if !atStart {
					tk.flags |= fCanClose
				}
				if !atEnd {
					tk.flags |= fCanOpen
				}
			}
		}
		toks = append(toks, tk)
		toks = joinDoubled(text, lo, hi, toks)
		if n := len(toks); n >= 2 && t.End-t.Start == 4 && text[t.Start]|0x20 == 'b' && eqLower(text[t.Start:t.End], "back") {
			backCue(text, &toks[n-2])
		}
		if n := len(toks); n >= 2 && tk.kind == kPunct && toks[n-2].kind == kWord && text[toks[n-2].start]|0x20 == 'b' {
			if l := toks[n-2].end - toks[n-2].start; l == 5 || l == 6 {
				beganCue(text, &toks[n-2])
			}
		}
	}
	return toks
}

// tokenizedClitic reports whether the apostrophe at text[s:e] opens a
// clitic split off its word, as tokenized (treebank) text writes them:
// "Hallworth 's board", "we 'd", "they 've": a space before it after a
// word (or an abbreviation's point: "Inc. 's"), and one of s, re, ll, d,
// ve, m alone after it.
func tokenizedClitic(text string, lo, hi, s, e int) bool {
	if s-2 < lo || text[s-1] != ' ' {
		return false
	}
	if prev, _ := scan.DecodeBefore(text, s-1); !scan.IsWordRune(prev) && prev != '.' {
		return false
	}
	n := e
	for n < hi && n < e+3 && text[n] >= 'a' && text[n] <= 'z' {
		n++
	}
	if n < hi {
		if next, _ := scan.DecodeAt(text, n); scan.IsWordRune(next) {
			return false
		}
	}
	switch text[e:n] {
	case "s", "re", "ll", "d", "ve", "m":
		return true
	}
	return false
}

// joinDoubled reads two marks written as a pair of single ones as one double
// mark: ”…” (double apostrophes) and “…” (TeX and treebank style). When
// the last two tokens of toks are such a pair, glued together, they become
// one mark token whose open and close flags are read from the pair's outer
// neighbours.
func joinDoubled(text string, lo, hi int, toks []token) []token {
	n := len(toks)
	if n < 2 {
		return toks
	}
	a, b := &toks[n-2], &toks[n-1]
	if a.end != b.start || a.r != b.r || a.r != '\'' && a.r != '`' {
		return toks
	}
	if a.r == '\'' && (a.kind != kMark || b.kind != kMark) {
		return toks
	}
	s, e := int(a.start), int(b.end)
	prev, _ := scan.DecodeBefore(text, s)
	next, _ := scan.DecodeAt(text, e)
	atStart, atEnd := s <= lo, e >= hi
	var fl uint8
	if !atEnd && !scan.IsSpaceRune(next) && (atStart || scan.IsSpaceRune(prev) || !scan.IsWordRune(prev) && !unicode.IsPunct(prev) || prev == '(' || prev == '[' || prev == '—' || prev == '–') {
		fl |= fCanOpen
	}
	r := '"'
	spacedPrev, spacedNext := atStart || scan.IsSpaceRune(prev), atEnd || scan.IsSpaceRune(next)
	switch {
	case a.r == '`':
		r = '“'
		if !atEnd {
			fl |= fCanOpen // `` always opens, even spaced as treebank text is: "`` We …"
		}
	case !spacedPrev && (spacedNext || !scan.IsWordRune(next)):
		fl |= fCanClose
	case spacedPrev && spacedNext:
		// Tokenized text, "… , '' said": paired by position.
		if !atStart {
			fl |= fCanClose
		}
		if !atEnd {
			fl |= fCanOpen
		}
	}
	if fl == 0 {
		return toks
	}
	*a = token{start: a.start, end: b.end, ment: -1, q: -1, r: r, kind: kMark, flags: fl}
	return toks[:n-1]
}

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
	// A single quotation does not open inside another: an opener while
	// one is open with a weak closer seen ("on 'heightened readiness' in
	// the district. 'Units are …'") closes that one at the weak closer.
	closeWeak := func() {
		if k := find(famSingle); k >= 0 && k == len(stack)-1 && stack[k].weak >= 0 {
			closeAt(k, stack[k].weak)
		}
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
				closeWeak()
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
				closeWeak()
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
	r, _ := scan.DecodeAt(text, int(tk.end))
	return !unicode.IsDigit(r)
}

// weakCloser reports whether a closing single mark looks like a plural
// possessive ("the players’ union") rather than the end of a quotation.
func weakCloser(text string, tk *token) bool {
	p, _ := scan.DecodeBefore(text, int(tk.start))
	if p != 's' && p != 'S' {
		return false
	}
	i := int(tk.end)
	if i >= len(text) || text[i] != ' ' {
		return false
	}
	r, _ := scan.DecodeAt(text, i+1)
	return unicode.IsLower(r)
}

// spacedGuillemet returns the flags of a guillemet written with a space on
// its inner side, as French copy does ("« Nous partons »"): an opening «
// with a space or the paragraph start before it, a closing » followed by a
// space, punctuation or the paragraph end.
func spacedGuillemet(text string, lo, hi int, r rune, s, e int) uint8 {
	prev, _ := scan.DecodeBefore(text, s)
	next, _ := scan.DecodeAt(text, e)
	switch {
	case r == '«' && (s <= lo || scan.IsSpaceRune(prev)) && e < hi && scan.IsSpaceRune(next):
		return fCanOpen
	case r == '»' && s > lo && scan.IsSpaceRune(prev) && (e >= hi || scan.IsSpaceRune(next) || !scan.IsWordRune(next)):
		return fCanClose
	}
	return 0
}

// backCue makes the word before "back" a verb of replying when it is one
// only with "back" ("X shot back", "fired back", "hit back").
func backCue(text string, tk *token) {
	if tk.kind != kWord {
		return
	}
	switch w := text[tk.start:tk.end]; {
	case eqLower(w, "shot"), eqLower(w, "fired"), eqLower(w, "hit"):
		tk.lex = lookup("retorted")
	}
}

// beganCue makes "began" or "begins" right before a punctuation mark a verb
// of saying: with nothing after it, the verb opens what was just quoted
// ("“Thank you,” X began."), and like any cue that needs a "that" clause it
// reports speech only next to a quotation.
func beganCue(text string, tk *token) {
	if w := text[tk.start:tk.end]; eqLower(w, "began") || eqLower(w, "begins") {
		tk.lex = lookup("continued")
	}
}
