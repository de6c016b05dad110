package quote

import (
	"sort"
	"strings"
	"unicode"

	scan "github.com/parallax-news/parallax/internal/tokenize"
)

// dashPairs returns the spoken parts of paragraph p when it is dialogue
// written with dashes, as translated copy often is ("— We won, — she said.
// — Now we rest.", "—We won —she said—. Now we rest."), and turns their
// dashes into quotation marks; it returns nil for any other paragraph. The
// paragraph must open with a dash; a later dash closes a spoken part when
// the narration after it holds a reporting verb before the next dash or
// the paragraph end (else it is a dash inside the speech), and the dash
// after such a narration opens the next spoken part. A paragraph whose
// speech no reporting verb follows (a list whose items open with dashes)
// is not dialogue, unless dialogue is set (a paragraph before it in the
// article was dialogue written with dashes): then a paragraph that opens
// with a dash and reads as speech (see bareDashSpeech) is spoken whole,
// as the answers of a translated interview are.
func (f *finder) dashPairs(p unit, dialogue bool) []pair {
	if p.hi-p.lo < 4 || !f.isDashPunct(p.lo) || f.toks[p.lo+1].kind != kWord {
		return nil
	}
	var out []pair
	open, attributed := p.lo, false
	for t := p.lo + 1; t < p.hi; t++ {
		if !f.isDashPunct(t) {
			continue
		}
		if open < 0 {
			open = t // the narration ends: speech resumes
			continue
		}
		if f.cueBeforeDash(t+1, p.hi) {
			out = append(out, pair{open: open, close: t})
			open, attributed = -1, true
		}
	}
	if !attributed {
		if !dialogue || !f.bareDashSpeech(p) {
			return nil
		}
		// open is still p.lo: the whole paragraph is spoken
	}
	if open >= 0 && f.wordsAtLeast(open, p.hi, 1) {
		out = append(out, pair{open: open, close: -1})
	}
	for _, pr := range out {
		f.toks[pr.open].kind = kMark
		if pr.close >= 0 {
			f.toks[pr.close].kind = kMark
		}
	}
	return out
}

// bareDashSpeech reports whether paragraph p, which opens with a dash,
// reads as speech: no other dash or quotation mark in it, at least three
// words, and it ends with a full stop, a question or an exclamation mark
// (a list item rarely does).
func (f *finder) bareDashSpeech(p unit) bool {
	if !f.wordsAtLeast(p.lo+1, p.hi, 3) {
		return false
	}
	for t := p.lo + 1; t < p.hi; t++ {
		if f.isDashPunct(t) || f.toks[t].kind == kMark {
			return false
		}
	}
	last := f.toks[p.hi-1]
	return last.kind == kPunct && (last.r == '.' || last.r == '?' || last.r == '!')
}

// cueBeforeDash reports whether a reporting verb comes among the first
// tokens from lo, before a dash, a quotation mark or hi.
func (f *finder) cueBeforeDash(lo, hi int) bool {
	for t := lo; t < hi && t < lo+12; t++ {
		if f.isDashPunct(t) || f.toks[t].kind == kMark {
			return false
		}
		if f.has(t, lxCue) && f.toks[t].lex.cue.flags&cueNaming == 0 {
			return true
		}
		if t > lo && f.has(t-1, lxPronoun) && strings.EqualFold(f.text[f.toks[t].start:f.toks[t].end], "ask") {
			return true // "— And now? — we ask."
		}
	}
	return false
}

// isDashPunct reports whether token t is an em dash, a horizontal bar or an
// en dash that is not between digits ("1990–2000").
func (f *finder) isDashPunct(t int) bool {
	if t < 0 || t >= len(f.toks) || f.toks[t].kind != kPunct {
		return false
	}
	switch f.toks[t].r {
	case '—', '―':
		return true
	case '–':
		prev, _ := scan.DecodeBefore(f.text, int(f.toks[t].start))
		next, _ := scan.DecodeAt(f.text, int(f.toks[t].end))
		return !unicode.IsDigit(prev) || !unicode.IsDigit(next)
	}
	return false
}

// isDashMark reports whether token t is a dash that dashPairs made a
// quotation mark.
func (f *finder) isDashMark(t int) bool {
	if t < 0 || t >= len(f.toks) || f.toks[t].kind != kMark {
		return false
	}
	switch f.toks[t].r {
	case '—', '―', '–':
		return true
	}
	return false
}

// mergeDashPairs returns the quotation-mark pairs of a dialogue paragraph
// that lie outside its spoken parts, with the spoken parts, in text order.
// Both lists are in text order, and the spoken parts do not overlap.
func mergeDashPairs(pairs, dash []pair) []pair {
	out := make([]pair, 0, len(pairs)+len(dash))
	d := 0
	for _, pr := range pairs {
		for d < len(dash) && dash[d].close >= 0 && dash[d].close <= pr.open {
			out = append(out, dash[d]) // spoken parts before this pair
			d++
		}
		if d < len(dash) && pr.open > dash[d].open {
			continue // inside a spoken part
		}
		out = append(out, pr)
	}
	out = append(out, dash[d:]...)
	sort.Slice(out, func(i, j int) bool { return out[i].open < out[j].open })
	return out
}

// skipPunct returns the first byte offset from s, before e, past white
// space and sentence punctuation.
func (f *finder) skipPunct(s, e int) int {
	for s < e {
		r, w := scan.DecodeAt(f.text, s)
		if !scan.IsSpaceRune(r) && r != '.' && r != ',' && r != ';' && r != ':' {
			break
		}
		s += w
	}
	return s
}
