package dates

import (
	"strings"
	"time"
)

// holiday gives a named day's date in a year.
type holiday func(y int) (time.Month, int)

func fixed(m time.Month, d int) holiday { return func(int) (time.Month, int) { return m, d } }

// nthWeekday returns the nth weekday wd of month m (n < 0: the last).
func nthWeekday(n int, wd time.Weekday, m time.Month) holiday {
	return func(y int) (time.Month, int) {
		if n < 0 {
			last := time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC)
			return m, last.Day() - (int(last.Weekday())-int(wd)+7)%7
		}
		first := time.Date(y, m, 1, 0, 0, 0, 0, time.UTC)
		return m, 1 + (int(wd)-int(first.Weekday())+7)%7 + 7*(n-1)
	}
}

// holidays maps the words of a named day (lower case, apostrophes and the
// possessive "s" as separate tokens dropped) to its date.
var holidays = map[string]holiday{
	"christmas":          fixed(12, 25),
	"christmas day":      fixed(12, 25),
	"christmas eve":      fixed(12, 24),
	"new year day":       fixed(1, 1),
	"new year eve":       fixed(12, 31),
	"new years day":      fixed(1, 1),
	"new years eve":      fixed(12, 31),
	"valentine day":      fixed(2, 14),
	"valentines day":     fixed(2, 14),
	"halloween":          fixed(10, 31),
	"independence day":   fixed(7, 4),
	"thanksgiving":       nthWeekday(4, time.Thursday, 11),
	"thanksgiving day":   nthWeekday(4, time.Thursday, 11),
	"labor day":          nthWeekday(1, time.Monday, 9),
	"memorial day":       nthWeekday(-1, time.Monday, 5),
	"martin luther king": nil, // not a day by itself; keeps "Day" from matching alone
}

// holidayStarts are the first words of the holiday names.
var holidayStarts = func() map[string]bool {
	m := map[string]bool{}
	for k := range holidays {
		w, _, _ := strings.Cut(k, " ")
		m[w] = true
	}
	return m
}()

// matchHoliday matches a named day ("Christmas", "Valentine's Day"),
// capitalised, longest name first.
func (r *resolver) matchHoliday(i int) (match, bool) {
	if !r.toks[i].upper {
		return match{}, false
	}
	key := ""
	var best match
	found := false
	for j := i; j < len(r.toks) && j < i+5; j++ {
		t := r.toks[j]
		if t.kind == kPunct {
			if t.w == "'" || t.w == "’" {
				continue
			}
			break
		}
		if t.kind != kWord {
			break
		}
		if t.w == "s" && j > i && r.toks[j-1].kind == kPunct {
			continue // possessive
		}
		if key != "" {
			key += " "
		}
		key += t.w
		if h, ok := holidays[key]; ok && h != nil {
			best, found = match{end: j + 1, kind: named, hol: h}, true
		}
	}
	return best, found
}
