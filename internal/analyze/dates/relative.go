package dates

import (
	"strconv"
	"strings"
	"time"

	"github.com/parallax-news/parallax/internal/model"
)

// Notes given to unresolved expressions.
const (
	noteNoAnchor = "no publication date to count from"
	noteNoRef    = "no earlier date in the text to count from"
	noteEvent    = "relative to an event, not a date"
	noteVague    = "vague count"
)

// resolver holds one text's tokens and what resolution needs.
type resolver struct {
	text   string
	toks   []tok
	sents  []model.Span
	anchor time.Time // publication day (zero: unknown)
	// ref is the date of the expression before, at refPrec (zero: that
	// expression named no date).
	ref     time.Time
	refPrec model.Precision
}

// count reads a count at i: digits, a number word, or a vague count
// (returned as -1).
func (r *resolver) count(i int) (int, bool) {
	if i >= len(r.toks) {
		return 0, false
	}
	t := r.toks[i]
	if t.kind == kNum && !t.ord && len(t.w) <= 3 {
		n, _ := strconv.Atoi(t.w)
		return n, n > 0
	}
	if t.kind != kWord {
		return 0, false
	}
	if n, ok := numberWords[t.w]; ok {
		return n, true
	}
	if vagueCounts[t.w] {
		return -1, true
	}
	return 0, false
}

// eventFollows reports whether the words at i name an event ("after the
// interview") rather than ending the expression.
func (r *resolver) eventFollows(i int) bool {
	return i < len(r.toks) && r.toks[i].kind != kPunct && !r.word(i, "and") && !r.word(i, "when") && !r.word(i, "as")
}

// matchRelative matches expressions counted from the anchor or from an
// earlier date: "last month", "this year", "a year ago", "three days
// later", "the next day", "two days after the vote".
func (r *resolver) matchRelative(i int) (match, bool) {
	if m, ok := r.matchThisUnit(i); ok {
		return m, true
	}
	if r.word(i, "the") {
		return r.matchTheUnit(i)
	}
	return r.matchCounted(i)
}

// matchThisUnit matches a month or year counted from the publication
// date: "last month", "this year", "earlier this month" (weeks and seasons
// are periods, see matchPeriod).
func (r *resolver) matchThisUnit(i int) (match, bool) {
	// [earlier|later] this|last|next|coming week|month|year
	j, n, ok := i, 0, true
	if r.word(j, "earlier") || r.word(j, "later") {
		if !r.word(j+1, "this") {
			ok = false
		}
		j++
	}
	if ok {
		switch {
		case r.word(j, "last"):
			n = -1
		case r.word(j, "next") || r.word(j, "coming"):
			n = 1
		case r.word(j, "this") || r.word(j, "current") && r.word(j-1, "the"):
		default:
			ok = false
		}
	}
	if ok && j+1 < len(r.toks) {
		switch u := r.toks[j+1].w; {
		case u == "month" || u == "year":
			return match{end: j + 2, kind: anchorRel, unit: u[0], n: n}, true
		}
	}
	return match{}, false
}

// matchTheUnit matches "the next day", "the following year", "the
// previous day", "the same day" and "the day before" (counted from the
// date mentioned before), or "the day before the vote" (unresolvable).
func (r *resolver) matchTheUnit(i int) (match, bool) {
	// the next|following|previous|same day|month|year; the day before|after
	step := 0
	switch {
	case r.word(i+1, "next") || r.word(i+1, "following"):
		step = 1
	case r.word(i+1, "previous"):
		step = -1
	case r.word(i+1, "same"):
	case r.word(i+1, "day") && (r.word(i+2, "before") || r.word(i+2, "after")):
		if r.eventFollows(i + 3) {
			return match{end: i + 3, kind: unresolvable, note: noteEvent}, true
		}
		n := 1
		if r.word(i+2, "before") {
			n = -1
		}
		return match{end: i + 3, kind: refRel, unit: 'd', n: n}, true
	default:
		return match{}, false
	}
	if u, ok := units[r.toks[min(i+2, len(r.toks)-1)].w]; ok && i+2 < len(r.toks) && !strings.HasSuffix(r.toks[i+2].w, "s") {
		return match{end: i + 3, kind: refRel, unit: u, n: step}, true
	}
	return match{}, false
}

// matchCounted matches a count of units before or after a point: "a year
// ago", "three days later", "two days after the vote", "in two weeks from now".
func (r *resolver) matchCounted(i int) (match, bool) {
	// count unit ago|earlier|later|before|after|from now
	c, ok := r.count(i)
	if !ok || i+2 >= len(r.toks) {
		return match{}, false
	}
	k := i + 1
	if c < 0 && r.word(k, "few") { // "a few" reads as one vague count
		k++
	}
	u, ok := units[r.toks[k].w]
	if !ok || r.toks[k].kind != kWord {
		return match{}, false
	}
	dir, k := 0, k+1
	switch {
	case r.word(k, "ago"):
		dir = -1
	case r.word(k, "from") && r.word(k+1, "now"):
		dir, k = 1, k+1
	case r.word(k, "earlier") || r.word(k, "before") || r.word(k, "prior"):
		dir = -2
	case r.word(k, "later") || r.word(k, "after"):
		dir = 2
	default:
		return match{}, false
	}
	if r.word(i, "a") && r.word(i+1, "few") {
		c = -1
	}
	end := k + 1
	switch {
	case c < 0:
		return match{end: end, kind: unresolvable, note: noteVague}, true
	case dir == -2 || dir == 2:
		if (r.word(k, "before") || r.word(k, "after") || r.word(k, "prior")) && r.eventFollows(end) {
			return match{end: end, kind: unresolvable, note: noteEvent}, true
		}
		return match{end: end, kind: refRel, unit: u, n: c * dir / 2}, true
	}
	return match{end: end, kind: anchorRel, unit: u, n: c * dir}, true
}

// futureWords mark a sentence as speaking of what is to come.
var futureWords = map[string]bool{
	"will": true, "ll": true, "shall": true, "would": true, "scheduled": true, "due": true,
	"expected": true, "plans": true, "planned": true, "upcoming": true, "planning": true,
	"expects": true, "expect": true, "hopes": true, "aims": true, "intends": true, "plan": true,
	"tipped": true, "poised": true,
}

// reportingVerbs directly before an expression date a statement already made.
var reportingVerbs = map[string]bool{
	"said": true, "says": true, "told": true, "announced": true, "stated": true, "added": true,
	"reported": true, "confirmed": true, "warned": true, "wrote": true, "tweeted": true, "declared": true,
}

// tense reads whether the expression of tokens [ti, end) speaks of the
// past (-1) or the future (+1), or 0 when its sentence does not say: a
// reporting verb right before it dates a statement already made; else the
// nearest tense marker before it in its clause decides; else the first one
// after it in its sentence.
func (r *resolver) tense(ti, end int) int {
	lo := 0
	pos := r.toks[ti].start
	hi := len(r.text)
	for _, s := range r.sents {
		if s.Start <= pos && pos < s.End {
			lo, hi = s.Start, s.End
			break
		}
	}
	// Walk back over prepositions to the word before the expression.
	k := ti - 1
	for k >= 0 && r.toks[k].kind == kWord && (r.toks[k].w == "on" || r.toks[k].w == "in" || r.toks[k].w == "late" || r.toks[k].w == "early") {
		k--
	}
	if k >= 0 && r.toks[k].kind == kWord && reportingVerbs[r.toks[k].w] {
		return -1
	}
	for k := ti - 1; k >= 0 && r.toks[k].start >= lo && !r.punct(k, ",") && !r.punct(k, ";"); k-- {
		if t := r.marker(k); t != 0 {
			return t
		}
	}
	// After it: up to the end of its clause, past the comma that closes
	// an expression opening the sentence ("On December 9, the ministry
	// said").
	before := 0 // tokens of the sentence before the expression
	for k := ti - 1; k >= 0 && r.toks[k].start >= lo; k-- {
		before++
	}
	initial := before <= 1
	for k := end; k < len(r.toks) && k < end+12 && r.toks[k].start < hi && !r.punct(k, ";") && !clauseWords[r.toks[k].w]; k++ {
		if r.punct(k, ",") {
			if !initial || k != end {
				break
			}
			continue
		}
		if t := r.marker(k); t != 0 {
			return t
		}
		if r.toks[k].kind == kWord && reportingVerbs[r.toks[k].w] {
			return -1
		}
	}
	return 0
}

// clauseWords start another clause, whose tense is not the expression's.
var clauseWords = map[string]bool{"and": true, "but": true, "or": true, "which": true, "who": true, "that": true, "when": true, "where": true, "while": true}

// marker returns the tense token k marks: +1 future, -1 past, 0 none.
func (r *resolver) marker(k int) int {
	if r.toks[k].kind != kWord {
		return 0
	}
	w := r.toks[k].w
	switch {
	case futureWords[w]:
		return 1
	case pastWords[w]:
		return -1
	case len(w) > 4 && strings.HasSuffix(w, "ed"):
		// A participle after "be" ("will be played") is no past tense.
		if !r.word(k-1, "be") && !r.word(k-1, "been") {
			return -1
		}
	}
	return 0
}

// nearest returns the candidate closest to the anchor (the earlier on a tie).
func (r *resolver) nearest(cands ...time.Time) time.Time {
	best := cands[0]
	for _, c := range cands[1:] {
		if d, db := absDays(c.Sub(r.anchor)), absDays(best.Sub(r.anchor)); d < db || d == db && c.Before(best) {
			best = c
		}
	}
	return best
}

func absDays(d time.Duration) time.Duration {
	if d < 0 {
		return -d
	}
	return d
}

// pastWords mark a clause as speaking of the past (besides words in -ed).
var pastWords = map[string]bool{
	"was": true, "were": true, "had": true, "did": true, "held": true, "met": true, "began": true,
	"took": true, "made": true, "came": true, "went": true, "won": true, "lost": true, "left": true,
	"caught": true, "fell": true, "rose": true, "gave": true, "got": true, "saw": true, "found": true,
	"struck": true, "spoke": true, "ran": true, "became": true, "sent": true, "brought": true,
	"kept": true, "led": true, "paid": true, "sold": true, "thought": true, "said": true, "told": true,
	"wrote": true, "knew": true, "felt": true, "broke": true, "chose": true,
}

// resolve gives a match its value and precision, or a note when it has none.
func (r *resolver) resolve(m match, pos int) (string, model.Precision, string) {
	a := r.anchor
	switch m.kind {
	case unresolvable:
		return "", "", m.note
	case period:
		return r.resolvePeriod(m, pos)
	case absYear:
		return strconv.Itoa(m.y), model.Year, ""
	case named:
		if a.IsZero() {
			return "", "", noteNoAnchor
		}
		return Format(r.placeHoliday(m, pos), model.Day), model.Day, ""
	case absDay, absMonth:
		p := model.Day
		if m.kind == absMonth {
			p, m.d = model.Month, 1
		}
		if m.y != 0 {
			return Format(time.Date(m.y, m.m, m.d, 0, 0, 0, 0, time.UTC), p), p, ""
		}
		if a.IsZero() {
			return "", "", noteNoAnchor
		}
		return Format(r.placeInYear(m, p, pos), p), p, ""
	case weekday:
		if a.IsZero() {
			return "", "", noteNoAnchor
		}
		return Format(r.placeWeekday(m, pos), model.Day), model.Day, ""
	case deictic:
		if a.IsZero() {
			return "", "", noteNoAnchor
		}
		return Format(a.AddDate(0, 0, m.n), model.Day), model.Day, ""
	case anchorRel:
		if a.IsZero() {
			return "", "", noteNoAnchor
		}
		return shift(a, m.unit, m.n)
	case refRel:
		if r.ref.IsZero() || r.refPrec == model.Year && m.unit != 'y' || r.refPrec == model.Month && (m.unit == 'd' || m.unit == 'w') {
			return "", "", noteNoRef
		}
		return shift(r.ref, m.unit, m.n)
	}
	return "", "", ""
}

// shift moves t by n units and formats it at the unit's precision.
func shift(t time.Time, unit byte, n int) (string, model.Precision, string) {
	switch unit {
	case 'y':
		return strconv.Itoa(t.Year() + n), model.Year, ""
	case 'm':
		first := time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
		return Format(first.AddDate(0, n, 0), model.Month), model.Month, ""
	case 'w':
		return weekValue(t.AddDate(0, 0, 7*n)), model.Week, ""
	}
	return Format(t.AddDate(0, 0, n), model.Day), model.Day, ""
}

// placeInYear finds the year of a month or day named without one: the
// latest on or before the anchor when the sentence speaks of the past, the
// earliest on or after it when of the future (strictly so after "last" or
// "next"), and the nearest to it when the sentence does not say.
func (r *resolver) placeInYear(m match, p model.Precision, pos int) time.Time {
	a := r.anchor
	dir := m.dir
	cand := time.Date(a.Year(), m.m, m.d, 0, 0, 0, 0, time.UTC)
	ref := a
	if p == model.Month {
		ref = time.Date(a.Year(), a.Month(), 1, 0, 0, 0, 0, time.UTC)
	}
	if dir == 0 {
		ti := r.tokenAt(pos)
		if dir = r.tense(ti, m.end); dir == 0 {
			// No tense: the nearest such day to the publication date.
			prev, next := time.Date(a.Year()-1, m.m, m.d, 0, 0, 0, 0, time.UTC), time.Date(a.Year()+1, m.m, m.d, 0, 0, 0, 0, time.UTC)
			if p == model.Month {
				// a month without tense: this year's unless it is more
				// than half a year ahead
				if cand.Sub(ref) > 183*24*time.Hour {
					return prev
				}
				return cand
			}
			if !validDay(a.Year(), m.m, m.d) {
				return r.nearest(prev, next)
			}
			return r.nearest(prev, cand, next)
		}
	}
	strict := m.dir != 0
	switch {
	case dir < 0 && (cand.After(ref) || strict && cand.Equal(ref)):
		cand = time.Date(a.Year()-1, m.m, m.d, 0, 0, 0, 0, time.UTC)
	case dir > 0 && (cand.Before(ref) || strict && cand.Equal(ref)):
		cand = time.Date(a.Year()+1, m.m, m.d, 0, 0, 0, 0, time.UTC)
	}
	return cand
}

// placeWeekday finds the day a weekday names: by tense the latest one on or
// before the anchor or the first on or after it ("last" and "next" exclude
// the anchor's own day), the nearest when the sentence has no tense.
func (r *resolver) placeWeekday(m match, pos int) time.Time {
	a := r.anchor
	dir := m.dir
	diff := int(m.wd) - int(a.Weekday())
	if dir == 0 {
		if dir = r.tense(r.tokenAt(pos), m.end); dir == 0 {
			back, fwd := (-diff+7)%7, (diff+7)%7
			if back <= fwd {
				return a.AddDate(0, 0, -back)
			}
			return a.AddDate(0, 0, fwd)
		}
	}
	switch dir {
	case -1: // the latest on or before (last: strictly before)
		back := (-diff + 7) % 7
		if back == 0 && m.dir == -1 {
			back = 7
		}
		return a.AddDate(0, 0, -back)
	default: // next, this, or the future: on or after (next: strictly)
		fwd := (diff + 7) % 7
		if fwd == 0 && m.dir == 1 {
			fwd = 7
		}
		return a.AddDate(0, 0, fwd)
	}
}

// tokenAt returns the index of the token starting at byte offset pos.
func (r *resolver) tokenAt(pos int) int {
	lo, hi := 0, len(r.toks)
	for lo < hi {
		mid := (lo + hi) / 2
		if r.toks[mid].start < pos {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo
}

// placeHoliday finds the year of a named day as placeInYear does.
func (r *resolver) placeHoliday(m match, pos int) time.Time {
	a := r.anchor
	dir := r.tense(r.tokenAt(pos), m.end)
	if dir == 0 {
		dir = -1
	}
	mo, d := m.hol(a.Year())
	cand := time.Date(a.Year(), mo, d, 0, 0, 0, 0, time.UTC)
	switch {
	case dir < 0 && cand.After(a):
		mo, d = m.hol(a.Year() - 1)
		cand = time.Date(a.Year()-1, mo, d, 0, 0, 0, 0, time.UTC)
	case dir > 0 && cand.Before(a):
		mo, d = m.hol(a.Year() + 1)
		cand = time.Date(a.Year()+1, mo, d, 0, 0, 0, 0, time.UTC)
	}
	return cand
}
