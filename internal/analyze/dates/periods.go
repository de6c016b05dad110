package dates

import (
	"fmt"
	"strconv"
	"time"

	"github.com/parallax-news/parallax/internal/model"
)

// Periods coarser than a day that the value format of months and years
// cannot hold are written as TimeML writes them: 2024-W10, 2024-W10-WE,
// 2024-Q1, 2024-H2, 2024-SU, 199 (see model.Week).

// period units, in match.unit of a period match.
const (
	uWeek    = 'w'
	uWeekend = 'e'
	uSeason  = 's'
	uQuarter = 'q'
	uHalf    = 'h'
	uDecade  = 'x'
)

// seasons are numbered by the month they start in (a winter starts in the
// December of the year it is named by).
var seasons = map[string]int{"spring": 0, "summer": 1, "fall": 2, "autumn": 2, "winter": 3}

var seasonCodes = [...]string{"SP", "SU", "FA", "WI"}

// seasonPrepositions before a season (or "the" and a season) make it a
// date: "in the spring", "during winter".
var seasonPrepositions = map[string]bool{
	"in": true, "during": true, "since": true, "until": true, "till": true, "by": true, "over": true,
	"through": true, "throughout": true, "of": true, "from": true, "before": true, "after": true,
}

// ordinals name quarters and halves.
var ordinals = map[string]int{"first": 1, "second": 2, "third": 3, "fourth": 4}

// periodStarts may begin a period expression besides the starters.
var periodStarts = map[string]bool{
	"spring": true, "summer": true, "fall": true, "autumn": true, "winter": true,
	"first": true, "second": true, "third": true, "fourth": true, "q": true, "h": true,
}

// matchPeriod matches weeks, weekends, seasons, quarters, halves and
// decades: "last week", "over the weekend", "this summer", "the spring of
// 2023", "the third quarter", "Q4 2023", "first-half", "the 1990s".
func (r *resolver) matchPeriod(i int) (match, bool) {
	if m, ok := r.matchDecade(i); ok {
		return m, true
	}
	// The determiner: this|last|next|coming (dir 2, -1, 1, 1), or the /
	// none (by tense, dir 0).
	j, dir := i, 0
	switch {
	case r.word(j, "earlier") || r.word(j, "later"):
		if !r.word(j+1, "this") {
			return match{}, false
		}
		dir, j = 2, j+2
	case r.word(j, "this") || r.word(j, "current") && r.word(j-1, "the"):
		dir, j = 2, j+1
	case r.word(j, "last"):
		dir, j = -1, j+1
	case r.word(j, "next") || r.word(j, "coming"):
		dir, j = 1, j+1
	case r.word(j, "the"):
		j++
	}
	if j >= len(r.toks) || r.toks[j].kind != kWord {
		return match{}, false
	}
	w := r.toks[j].w
	switch {
	case w == "week" && j > i:
		if dir == 0 {
			return match{}, false // "the week" alone names no week
		}
		return match{end: j + 1, kind: period, unit: uWeek, n: dirStep(dir)}, true
	case w == "weekend" && j > i:
		if dir == 0 && !(r.word(i-1, "over") || r.word(i-1, "during") || r.word(i-1, "on") || r.word(i-1, "at") || r.word(i-1, "this")) {
			return match{}, false
		}
		return match{end: j + 1, kind: period, unit: uWeekend, dir: dir}, true
	case w == "quarter" && j > i && dir != 0:
		return r.yearTail(match{end: j + 1, kind: period, unit: uQuarter, dir: dir, n: 0})
	case ordinals[w] != 0:
		// the first quarter, first-quarter, the second half
		k := j + 1
		if r.punct(k, "-") && adjacent(r.toks, j) {
			k++
		}
		switch {
		case r.word(k, "quarter") && dir == 0:
			return r.yearTail(match{end: k + 1, kind: period, unit: uQuarter, n: ordinals[w]})
		case r.word(k, "half") && dir == 0 && ordinals[w] <= 2:
			return r.yearTail(match{end: k + 1, kind: period, unit: uHalf, n: ordinals[w]})
		}
		return match{}, false
	case (w == "q" || w == "h") && r.toks[j].upper && dir == 0 && j == i && adjacent(r.toks, j):
		// Q4, H1
		if j+1 >= len(r.toks) || r.toks[j+1].kind != kNum || len(r.toks[j+1].w) != 1 {
			return match{}, false
		}
		n, _ := strconv.Atoi(r.toks[j+1].w)
		unit := byte(uQuarter)
		if w == "h" {
			unit = uHalf
		}
		if n < 1 || n > 4 || unit == uHalf && n > 2 {
			return match{}, false
		}
		return r.yearTail(match{end: j + 2, kind: period, unit: unit, n: n})
	}
	if s, ok := seasons[w]; ok {
		m := match{end: j + 1, kind: period, unit: uSeason, dir: dir, n: s}
		switch {
		case dir != 0:
		case seasonPrepositions[r.prevWord(i)]:
		default:
			// "the summer camp", "spring water": a season named with
			// neither a determiner nor a preposition is a date only with
			// its year.
			if y, _ := r.yearTail(m); y.y == 0 && !y.hasYRel {
				return match{}, false
			}
		}
		if w == "fall" && j == i {
			if _, ok := r.yearNum(j + 1); !ok && !r.word(i-1, "in") {
				return match{}, false
			}
		}
		return r.yearTail(m)
	}
	return match{}, false
}

// dirStep turns a determiner direction into a count of units: this 0,
// last -1, next +1.
func dirStep(dir int) int {
	if dir == 2 {
		return 0
	}
	return dir
}

// yearTail reads the year that may follow a period: "of 2023", "2023",
// "of this|last|next year", and sets it in m.y (or m.yRel).
func (r *resolver) yearTail(m match) (match, bool) {
	k := m.end
	of := r.word(k, "of")
	if of {
		k++
	}
	if y, ok := r.yearNum(k); ok {
		m.y, m.end = y, k+1
		return m, true
	}
	if of && r.word(k+1, "year") {
		switch {
		case r.word(k, "this"):
			m.yRel, m.hasYRel, m.end = 0, true, k+2
		case r.word(k, "last"):
			m.yRel, m.hasYRel, m.end = -1, true, k+2
		case r.word(k, "next"):
			m.yRel, m.hasYRel, m.end = 1, true, k+2
		}
	}
	return m, true
}

// matchDecade matches "the 1990s" (a four-digit year ending in 0 with an
// "s" joined to it).
func (r *resolver) matchDecade(i int) (match, bool) {
	j := i
	if r.word(j, "the") || r.word(j, "early") || r.word(j, "late") || r.word(j, "mid") {
		j++
		if r.punct(j, "-") {
			j++
		}
	}
	if j >= len(r.toks) || r.toks[j].kind != kNum || len(r.toks[j].w) != 4 || r.toks[j].w[3] != '0' {
		return match{}, false
	}
	if !r.word(j+1, "s") || !adjacent(r.toks, j) {
		return match{}, false
	}
	y, _ := strconv.Atoi(r.toks[j].w)
	if y < 1000 || y > 2190 {
		return match{}, false
	}
	return match{end: j + 2, kind: period, unit: uDecade, y: y}, true
}

// resolvePeriod gives a period match its value.
func (r *resolver) resolvePeriod(m match, pos int) (string, model.Precision, string) {
	a := r.anchor
	if m.unit == uDecade {
		return strconv.Itoa(m.y / 10), model.Decade, ""
	}
	if m.y == 0 && a.IsZero() {
		return "", "", noteNoAnchor
	}
	year := m.y
	if m.hasYRel {
		year = a.Year() + m.yRel
	}
	switch m.unit {
	case uWeek:
		return weekValue(a.AddDate(0, 0, 7*m.n)), model.Week, ""
	case uWeekend:
		return weekValue(r.placeWeekend(m, pos)) + "-WE", model.Week, ""
	case uSeason:
		y, s := r.placeSeason(m, year, pos)
		return fmt.Sprintf("%04d-%s", y, seasonCodes[s]), model.Season, ""
	case uQuarter, uHalf:
		per := 4
		p := model.Quarter
		code := "Q"
		if m.unit == uHalf {
			per, p, code = 2, model.Half, "H"
		}
		idx := r.placePart(m, year, per, pos)
		return fmt.Sprintf("%04d-%s%d", idx/per, code, idx%per+1), p, ""
	}
	return "", "", ""
}

// weekValue writes the ISO week of t (2024-W10).
func weekValue(t time.Time) string {
	y, w := t.ISOWeek()
	return fmt.Sprintf("%04d-W%02d", y, w)
}

// placeWeekend returns the Saturday of the weekend meant: "last weekend"
// the one before the anchor's week, "next weekend" the one after it, "this
// weekend" the one of the anchor's week (or, in a sentence about the past
// written early in the week, the one just gone), "the weekend" by tense.
func (r *resolver) placeWeekend(m match, pos int) time.Time {
	a := r.anchor
	// Monday of the anchor's ISO week, and that week's Saturday.
	monday := a.AddDate(0, 0, -((int(a.Weekday()) + 6) % 7))
	sat := monday.AddDate(0, 0, 5)
	switch m.dir {
	case -1:
		return sat.AddDate(0, 0, -7)
	case 1:
		return sat.AddDate(0, 0, 7)
	}
	t := r.tense(r.tokenAt(pos), m.end)
	if t < 0 || t == 0 && m.dir == 0 {
		// The latest weekend begun on or before the anchor.
		if sat.After(a) {
			return sat.AddDate(0, 0, -7)
		}
	}
	return sat
}

// placeSeason returns the year and season (0 spring to 3 winter) meant.
func (r *resolver) placeSeason(m match, year, pos int) (int, int) {
	s := m.n
	if year != 0 {
		return year, s
	}
	a := r.anchor
	// The occurrences of seasons are numbered 4*year+season, a winter by
	// the year of its December.
	cur := 4*a.Year() + (int(a.Month())-3+12)%12/3
	if a.Month() < 3 {
		cur = 4*(a.Year()-1) + 3
	}
	// The occurrences of season s before, at and after cur.
	at := cur - ((cur-s)%4+4)%4 // latest occurrence <= cur
	switch m.dir {
	case -1:
		if at == cur {
			at -= 4
		}
		return at / 4, s
	case 1:
		return (at + 4) / 4, s
	}
	t := r.tense(r.tokenAt(pos), m.end)
	if at == cur || t < 0 {
		return at / 4, s
	}
	if t > 0 || m.dir == 2 {
		return (at + 4) / 4, s
	}
	// "in the spring" without tense: the nearer of the last and the next.
	if cur-at <= 2 {
		return at / 4, s
	}
	return (at + 4) / 4, s
}

// placePart returns the occurrence (per*year + part-1) of a quarter or
// half: the one named with its year; this, last or next one; or, by tense,
// the latest begun on or before the anchor or the first after it.
func (r *resolver) placePart(m match, year, per, pos int) int {
	a := r.anchor
	cur := per*a.Year() + (int(a.Month())-1)/(12/per)
	if m.n == 0 { // this|last|next quarter
		return cur + dirStep(m.dir)
	}
	if year != 0 {
		return per*year + m.n - 1
	}
	at := per*a.Year() + m.n - 1
	if at > cur {
		at -= per
	}
	if r.tense(r.tokenAt(pos), m.end) > 0 && at < cur {
		at += per
	}
	return at
}

// Interval returns the days a value names, as [start, end): a day, month
// or year as Format writes them, or a week, weekend, quarter, half, season
// or decade as TimeML writes them. ok is false for anything else.
func Interval(v string) (start, end time.Time, ok bool) {
	if t := parseValue(v); !t.IsZero() {
		switch len(v) {
		case 10:
			return t, t.AddDate(0, 0, 1), true
		case 7:
			return t, t.AddDate(0, 1, 0), true
		case 4:
			return t, t.AddDate(1, 0, 0), true
		}
	}
	if len(v) == 3 {
		d, err := strconv.Atoi(v)
		if err != nil || d < 0 {
			return start, end, false
		}
		start = time.Date(d*10, 1, 1, 0, 0, 0, 0, time.UTC)
		return start, start.AddDate(10, 0, 0), true
	}
	if len(v) < 7 || v[4] != '-' {
		return start, end, false
	}
	y, err := strconv.Atoi(v[:4])
	if err != nil || y < 0 {
		return start, end, false
	}
	rest := v[5:]
	switch {
	case len(rest) >= 3 && rest[0] == 'W':
		w, err := strconv.Atoi(rest[1:3])
		if err != nil || w < 1 || w > 53 || len(rest) != 3 && rest[3:] != "-WE" {
			return start, end, false
		}
		// Monday of ISO week 1 is the Monday on or before January 4.
		jan4 := time.Date(y, 1, 4, 0, 0, 0, 0, time.UTC)
		start = jan4.AddDate(0, 0, -((int(jan4.Weekday())+6)%7)+7*(w-1))
		if wy, _ := start.ISOWeek(); wy != y {
			return time.Time{}, time.Time{}, false
		}
		if len(rest) > 3 {
			return start.AddDate(0, 0, 5), start.AddDate(0, 0, 7), true
		}
		return start, start.AddDate(0, 0, 7), true
	case len(rest) == 2 && (rest[0] == 'Q' || rest[0] == 'H'):
		n := int(rest[1] - '0')
		months := 3
		if rest[0] == 'H' {
			months = 6
		}
		if n < 1 || n > 12/months {
			return start, end, false
		}
		start = time.Date(y, time.Month(1+months*(n-1)), 1, 0, 0, 0, 0, time.UTC)
		return start, start.AddDate(0, months, 0), true
	case len(rest) == 2:
		for s, code := range seasonCodes {
			if rest == code {
				start = time.Date(y, time.Month(3+3*s), 1, 0, 0, 0, 0, time.UTC)
				return start, start.AddDate(0, 3, 0), true
			}
		}
	}
	return start, end, false
}
