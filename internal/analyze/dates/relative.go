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
	noteWeek     = "a week is finer than a month and coarser than a day"
	noteVague    = "vague count"
	noteSeason   = "a season is not a calendar month"
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
	// this|last|next|in the spring|summer|fall|autumn|winter
	if (r.word(i, "this") || r.word(i, "last") || r.word(i, "next") || r.word(i, "the") && r.word(i-1, "in")) &&
		(r.word(i+1, "spring") || r.word(i+1, "summer") || r.word(i+1, "fall") || r.word(i+1, "autumn") || r.word(i+1, "winter")) {
		return match{end: i + 2, kind: unresolvable, note: noteSeason}, true
	}
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
		case u == "week" || u == "weekend":
			return match{end: j + 2, kind: unresolvable, note: noteWeek}, true
		case u == "month" || u == "year":
			return match{end: j + 2, kind: anchorRel, unit: u[0], n: n}, true
		}
	}
	// the next|following|previous|same day|month|year; the day before|after
	if r.word(i, "the") {
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
			if u == 'w' {
				return match{end: i + 3, kind: unresolvable, note: noteWeek}, true
			}
			return match{end: i + 3, kind: refRel, unit: u, n: step}, true
		}
		return match{}, false
	}
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
	case u == 'w':
		return match{end: end, kind: unresolvable, note: noteWeek}, true
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
}

// reportingVerbs directly before an expression date a statement already made.
var reportingVerbs = map[string]bool{
	"said": true, "says": true, "told": true, "announced": true, "stated": true, "added": true,
	"reported": true, "confirmed": true, "warned": true, "wrote": true, "tweeted": true, "declared": true,
}

// future reports whether the expression at byte offset pos speaks of the
// future: a future marker earlier in its sentence, and no reporting verb
// right before it.
func (r *resolver) future(pos, ti int) bool {
	lo := 0
	for _, s := range r.sents {
		if s.Start <= pos && pos < s.End {
			lo = s.Start
			break
		}
	}
	// Walk back over prepositions to the word before the expression.
	k := ti - 1
	for k >= 0 && r.toks[k].kind == kWord && (r.toks[k].w == "on" || r.toks[k].w == "in" || r.toks[k].w == "late" || r.toks[k].w == "early") {
		k--
	}
	if k >= 0 && r.toks[k].kind == kWord && reportingVerbs[r.toks[k].w] {
		return false
	}
	// The nearest tense marker before the expression in its clause decides.
	for k := ti - 1; k >= 0 && r.toks[k].start >= lo && !r.punct(k, ",") && !r.punct(k, ";"); k-- {
		if r.toks[k].kind != kWord {
			continue
		}
		w := r.toks[k].w
		switch {
		case futureWords[w]:
			return true
		case pastWords[w]:
			return false
		case len(w) > 4 && strings.HasSuffix(w, "ed") && !futureWords[w]:
			// A participle after "be" ("will be played") is no past tense.
			if !r.word(k-1, "be") && !r.word(k-1, "been") {
				return false
			}
		}
	}
	return false
}

// pastWords mark a clause as speaking of the past (besides words in -ed).
var pastWords = map[string]bool{
	"was": true, "were": true, "had": true, "did": true, "held": true, "met": true, "began": true,
	"took": true, "made": true, "came": true, "went": true, "won": true, "lost": true, "left": true,
}

// resolve gives a match its value and precision, or a note when it has none.
func (r *resolver) resolve(m match, pos int) (string, model.Precision, string) {
	a := r.anchor
	switch m.kind {
	case unresolvable:
		return "", "", m.note
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
		if r.ref.IsZero() || r.refPrec == model.Year && m.unit != 'y' || r.refPrec == model.Month && m.unit == 'd' {
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
	}
	return Format(t.AddDate(0, 0, n), model.Day), model.Day, ""
}

// placeInYear finds the year of a month or day named without one: the
// latest on or before the anchor (the earliest on or after it when the
// sentence speaks of the future; strictly so after "last" or "next").
func (r *resolver) placeInYear(m match, p model.Precision, pos int) time.Time {
	a := r.anchor
	dir := m.dir
	if dir == 0 {
		dir = -1
		if r.future(pos, r.tokenAt(pos)) {
			dir = 1
		}
	}
	cand := time.Date(a.Year(), m.m, m.d, 0, 0, 0, 0, time.UTC)
	ref := a
	if p == model.Month {
		ref = time.Date(a.Year(), a.Month(), 1, 0, 0, 0, 0, time.UTC)
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
// before the anchor or the first on or after it; "last" and "next" exclude
// the anchor's own day.
func (r *resolver) placeWeekday(m match, pos int) time.Time {
	a := r.anchor
	dir := m.dir
	if dir == 0 {
		dir = -1
		if r.future(pos, r.tokenAt(pos)) {
			dir = 1
		}
	}
	diff := int(m.wd) - int(a.Weekday())
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
	dir := -1
	if r.future(pos, r.tokenAt(pos)) {
		dir = 1
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
