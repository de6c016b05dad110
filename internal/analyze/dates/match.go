package dates

import (
	"strconv"
	"time"
)

// kind is the shape of a matched expression.
type kind int

const (
	absDay       kind = iota // a day of a month, the year maybe missing
	absMonth                 // a month, the year maybe missing
	absYear                  // a year
	weekday                  // a day of the week
	deictic                  // today, yesterday, tomorrow: n days from the anchor
	anchorRel                // n units from the anchor's unit (last month: -1 month)
	refRel                   // n units from the last day-precise date of the text
	named                    // a named day of the year (a holiday)
	period                   // a week, weekend, season, quarter, half or decade
	unresolvable             // found, but no calendar value can be given
)

// match is one expression found by the grammar, before resolution.
type match struct {
	end  int // token index after the expression
	kind kind
	y    int
	m    time.Month
	d    int
	wd   time.Weekday
	// dir forces a direction for expressions without a year: -1 the latest
	// before the anchor ("last"), +1 the first after it ("next"), 0 by tense.
	dir  int
	unit byte // 'd', 'w', 'm', 'y'
	n    int
	note string
	hol  holiday
	// yRel is the year of a period counted from the anchor's ("of last
	// year": -1) when hasYRel.
	yRel    int
	hasYRel bool
}

var months = map[string]time.Month{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
	"august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
}

// monthAbbrevs are accepted capitalised only ("Dec.", "Sept").
var monthAbbrevs = map[string]time.Month{
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
	"sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}

var weekdays = map[string]time.Weekday{
	"sunday": 0, "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6,
}

// weekdayAbbrevs are accepted capitalised and only in front of a date.
var weekdayAbbrevs = map[string]time.Weekday{
	"sun": 0, "mon": 1, "tue": 2, "tues": 2, "wed": 3, "thu": 4, "thur": 4, "thurs": 4, "fri": 5, "sat": 6,
}

// numberWords are the counts written as words.
var numberWords = map[string]int{
	"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
	"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
	"thirty": 30, "forty": 40, "fifty": 50, "hundred": 100,
}

// vagueCounts name a count the resolver cannot turn into a date.
var vagueCounts = map[string]bool{"several": true, "few": true, "some": true, "many": true}

var units = map[string]byte{
	"day": 'd', "days": 'd', "week": 'w', "weeks": 'w', "month": 'm', "months": 'm', "year": 'y', "years": 'y',
}

// monthPrepositions may stand before a bare month name; "May" and "March"
// (a verb too) are taken alone only after one of them.
var monthPrepositions = map[string]bool{
	"in": true, "since": true, "during": true, "until": true, "till": true, "by": true, "from": true,
	"to": true, "of": true, "early": true, "late": true, "mid": true, "last": true, "next": true,
	"this": true, "between": true, "and": true, "before": true, "after": true, "through": true,
	"end": true, "beginning": true, "start": true,
}

// partsOfDay may follow a day ("Sunday night").
var partsOfDay = map[string]bool{"morning": true, "afternoon": true, "evening": true, "night": true}

// word reports whether toks[i] is the word w.
func (r *resolver) word(i int, w string) bool {
	return i >= 0 && i < len(r.toks) && r.toks[i].kind == kWord && r.toks[i].w == w
}

// punct reports whether toks[i] is the punctuation p.
func (r *resolver) punct(i int, p string) bool {
	return i < len(r.toks) && r.toks[i].kind == kPunct && r.toks[i].w == p
}

// month reads a month name at i ("December", "Dec.", "Sept") and returns the
// token after it.
func (r *resolver) month(i int) (time.Month, int, bool) {
	if i >= len(r.toks) || r.toks[i].kind != kWord {
		return 0, i, false
	}
	t := r.toks[i]
	if m, ok := months[t.w]; ok {
		if (m == 5 || m == 3 || m == 8) && !t.upper {
			return 0, i, false
		}
		return m, i + 1, true
	}
	if m, ok := monthAbbrevs[t.w]; ok && t.upper {
		if r.punct(i+1, ".") && adjacent(r.toks, i) {
			return m, i + 2, true
		}
		return m, i + 1, true
	}
	return 0, i, false
}

// dayNum reads a day of the month at i.
func (r *resolver) dayNum(i int) (int, bool) {
	if i >= len(r.toks) || r.toks[i].kind != kNum || len(r.toks[i].w) > 2 {
		return 0, false
	}
	d, _ := strconv.Atoi(r.toks[i].w)
	return d, d >= 1 && d <= 31
}

// yearNum reads a four-digit year at i.
func (r *resolver) yearNum(i int) (int, bool) {
	if i >= len(r.toks) || r.toks[i].kind != kNum || len(r.toks[i].w) != 4 || r.toks[i].ord {
		return 0, false
	}
	y, _ := strconv.Atoi(r.toks[i].w)
	if y < 1800 || y > 2199 {
		return 0, false
	}
	// Not part of a longer number ("1,2000", "2022-23", "2023.5").
	if i+1 < len(r.toks) && adjacent(r.toks, i) && (r.punct(i+1, ",") || r.punct(i+1, ".") || r.punct(i+1, "-")) && i+2 < len(r.toks) && r.toks[i+2].kind == kNum && adjacent(r.toks, i+1) {
		return 0, false
	}
	return y, true
}

// comma skips an optional comma at i.
func (r *resolver) comma(i int) int {
	if r.punct(i, ",") {
		return i + 1
	}
	return i
}

// weekdayAt reads a weekday name at i; abbreviations only when abbrev.
func (r *resolver) weekdayAt(i int, abbrev bool) (time.Weekday, int, bool) {
	if i >= len(r.toks) || r.toks[i].kind != kWord {
		return 0, i, false
	}
	if wd, ok := weekdays[r.toks[i].w]; ok {
		return wd, i + 1, true
	}
	if wd, ok := weekdayAbbrevs[r.toks[i].w]; ok && abbrev && r.toks[i].upper {
		j := i + 1
		if r.punct(j, ".") {
			j++
		}
		return wd, j, true
	}
	return 0, i, false
}

// starters are the words an expression can begin with (besides numbers,
// month, weekday and holiday names).
var starters = map[string]bool{
	"the": true, "this": true, "last": true, "next": true, "coming": true, "past": true, "early": true,
	"late": true, "mid": true, "earlier": true, "later": true, "today": true, "tonight": true,
	"yesterday": true, "tomorrow": true, "current": true, "several": true, "few": true, "some": true, "many": true,
}

// canStart reports whether an expression can begin at token t.
func canStart(t tok) bool {
	if t.kind == kNum {
		return true
	}
	if t.kind != kWord {
		return false
	}
	if starters[t.w] || numberWords[t.w] != 0 || periodStarts[t.w] {
		return true
	}
	if _, ok := months[t.w]; ok {
		return true
	}
	if _, ok := weekdays[t.w]; ok {
		return true
	}
	if !t.upper {
		return false
	}
	if _, ok := monthAbbrevs[t.w]; ok {
		return true
	}
	if _, ok := weekdayAbbrevs[t.w]; ok {
		return true
	}
	return holidayStarts[t.w]
}

// match tries every expression shape at token i, longest first.
func (r *resolver) match(i int) (match, bool) {
	if !canStart(r.toks[i]) {
		return match{}, false
	}
	if m, ok := r.matchISO(i); ok {
		return m, true
	}
	if m, ok := r.matchPeriod(i); ok {
		return m, true
	}
	if m, ok := r.matchDate(i); ok {
		return m, true
	}
	if m, ok := r.matchMonth(i); ok {
		return m, true
	}
	if m, ok := r.matchYear(i); ok {
		return m, true
	}
	if m, ok := r.matchWeekday(i); ok {
		return m, true
	}
	if m, ok := r.matchDeictic(i); ok {
		return m, true
	}
	if m, ok := r.matchRelative(i); ok {
		return m, true
	}
	return r.matchHoliday(i)
}

// matchISO matches 2023-03-22.
func (r *resolver) matchISO(i int) (match, bool) {
	if r.toks[i].kind != kNum || len(r.toks[i].w) != 4 {
		return match{}, false
	}
	y, _ := strconv.Atoi(r.toks[i].w)
	if !r.punct(i+1, "-") || !adjacent(r.toks, i) || !adjacent(r.toks, i+1) {
		return match{}, false
	}
	if i+4 >= len(r.toks) || r.toks[i+2].kind != kNum || !r.punct(i+3, "-") || r.toks[i+4].kind != kNum ||
		!adjacent(r.toks, i+2) || !adjacent(r.toks, i+3) {
		return match{}, false
	}
	m, _ := strconv.Atoi(r.toks[i+2].w)
	d, _ := strconv.Atoi(r.toks[i+4].w)
	if !validDay(y, time.Month(m), d) {
		return match{}, false
	}
	return match{end: i + 5, kind: absDay, y: y, m: time.Month(m), d: d}, true
}

// matchDate matches [weekday[,]] Month day[,] [year] and [weekday[,]] [the]
// day [of] Month[,] [year].
func (r *resolver) matchDate(i int) (match, bool) {
	j := i
	if _, k, ok := r.weekdayAt(j, true); ok {
		j = r.comma(k)
		if r.word(j, "the") {
			j++
		}
	}
	if mo, k, ok := r.month(j); ok {
		if d, ok := r.dayNum(k); ok && !(k+1 < len(r.toks) && r.punct(k+1, ":")) {
			mt := match{end: k + 1, kind: absDay, m: mo, d: d}
			if y, ok := r.yearNum(r.comma(k + 1)); ok {
				mt.y, mt.end = y, r.comma(k+1)+1
			}
			if validDay(yearOr(mt.y), mo, d) {
				return mt, true
			}
		}
		return match{}, false
	}
	if d, ok := r.dayNum(j); ok {
		k := j + 1
		if r.word(k, "of") {
			k++
		}
		if mo, k2, ok := r.month(k); ok {
			mt := match{end: k2, kind: absDay, m: mo, d: d}
			if y, ok := r.yearNum(r.comma(k2)); ok {
				mt.y, mt.end = y, r.comma(k2)+1
			}
			if validDay(yearOr(mt.y), mo, d) {
				return mt, true
			}
		}
	}
	return match{}, false
}

// yearOr returns y, or a leap year when y is unknown (29 February stays valid).
func yearOr(y int) int {
	if y == 0 {
		return 2000
	}
	return y
}

// validDay reports whether d is a day of month m of year y.
func validDay(y int, m time.Month, d int) bool {
	if m < 1 || m > 12 || d < 1 {
		return false
	}
	return d <= time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// edgeModifier reads "early", "late", "mid" or "mid-" at i and returns the
// token after it.
func (r *resolver) edgeModifier(i int) int {
	if r.word(i, "early") || r.word(i, "late") {
		return i + 1
	}
	if r.word(i, "mid") {
		if r.punct(i+1, "-") && adjacent(r.toks, i) {
			return i + 2
		}
		return i + 1
	}
	return i
}

// matchMonth matches [early|late|mid-] [last|next|this] Month [[,] [of] year].
func (r *resolver) matchMonth(i int) (match, bool) {
	j := r.edgeModifier(i)
	dir := 0
	switch {
	case r.word(j, "last") || r.word(j, "past"):
		dir, j = -1, j+1
	case r.word(j, "next") || r.word(j, "coming"):
		dir, j = 1, j+1
	case r.word(j, "this"):
		j++
	}
	mo, k, ok := r.month(j)
	if !ok {
		return match{}, false
	}
	mt := match{end: k, kind: absMonth, m: mo, dir: dir}
	l := r.comma(k)
	if r.word(l, "of") {
		l++
	}
	if y, ok := r.yearNum(l); ok {
		mt.y, mt.end = y, l+1
		return mt, true
	}
	if j == i && (mo == 5 || mo == 3) && !monthPrepositions[r.prevWord(i)] {
		return match{}, false
	}
	return mt, true
}

// prevWord returns the word before token i, or "".
func (r *resolver) prevWord(i int) string {
	if i > 0 && r.toks[i-1].kind == kWord {
		return r.toks[i-1].w
	}
	if i > 1 && r.punct(i-1, "-") && r.toks[i-2].kind == kWord {
		return r.toks[i-2].w
	}
	return ""
}

// yearLike reports whether the number at i reads as a year: not an amount
// ("$2000") nor a count of something plural ("2000 troops").
func (r *resolver) yearLike(i int) bool {
	if i > 0 && r.toks[i-1].kind == kPunct && (r.toks[i-1].w == "$" || r.toks[i-1].w == "€" || r.toks[i-1].w == "£") {
		return false
	}
	if n := i + 1; n < len(r.toks) && r.toks[n].kind == kWord && !r.toks[n].upper {
		w := r.toks[n].w
		if len(w) > 3 && w[len(w)-1] == 's' && w != "was" && w != "has" && w != "as" && w != "is" && w != "this" && w != "its" && w != "thus" {
			return false
		}
	}
	return true
}

// matchYear matches [early|late|mid-] year.
func (r *resolver) matchYear(i int) (match, bool) {
	j := r.edgeModifier(i)
	y, ok := r.yearNum(j)
	if !ok || !r.yearLike(j) {
		return match{}, false
	}
	return match{end: j + 1, kind: absYear, y: y}, true
}

// matchWeekday matches [last|next|this|coming|past] weekday [part of day].
func (r *resolver) matchWeekday(i int) (match, bool) {
	j, dir := i, 0
	switch {
	case r.word(j, "last") || r.word(j, "past"):
		dir, j = -1, j+1
	case r.word(j, "next") || r.word(j, "coming"):
		dir, j = 1, j+1
	case r.word(j, "this"):
		dir, j = 2, j+1
	}
	wd, k, ok := r.weekdayAt(j, false)
	if !ok {
		return match{}, false
	}
	if k < len(r.toks) && partsOfDay[r.toks[k].w] && r.toks[k].kind == kWord {
		k++
	}
	return match{end: k, kind: weekday, wd: wd, dir: dir}, true
}

// matchDeictic matches today, yesterday, tomorrow, tonight and "this
// morning", with an optional part of the day.
func (r *resolver) matchDeictic(i int) (match, bool) {
	n := 0
	switch {
	case r.word(i, "today") || r.word(i, "tonight"):
	case r.word(i, "yesterday"):
		n = -1
	case r.word(i, "last") && r.word(i+1, "night"):
		return match{end: i + 2, kind: deictic, n: -1}, true
	case r.word(i, "tomorrow"):
		n = 1
	case r.word(i, "this") && i+1 < len(r.toks) && partsOfDay[r.toks[i+1].w] && r.toks[i+1].kind == kWord:
		return match{end: i + 2, kind: deictic}, true
	default:
		return match{}, false
	}
	k := i + 1
	if k < len(r.toks) && r.toks[k].kind == kWord && partsOfDay[r.toks[k].w] {
		k++
	}
	return match{end: k, kind: deictic, n: n}, true
}
