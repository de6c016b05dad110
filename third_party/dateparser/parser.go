package dateparser

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// ParserType names one way of reading a date. Only the two kinds go-htmldate
// asks for exist here.
type ParserType uint8

const (
	// CustomFormat reads the string with the layouts passed to Parse, in the
	// syntax of the standard time package (for example "2006-01-02").
	CustomFormat ParserType = iota + 3
	// AbsoluteTime reads a written or numeric calendar date, optionally with
	// a time of day and a time zone.
	AbsoluteTime
)

// PreferredDateSource says which period fills the parts a date leaves out.
type PreferredDateSource uint8

const (
	// CurrentPeriod fills a missing year with the current one.
	CurrentPeriod PreferredDateSource = iota
	// Past prefers the most recent past date: a missing year is the one that
	// puts the date at or before now, and a two-digit year in the future is
	// read a century earlier. A complete date in the future is kept.
	Past
	// Future prefers the nearest future date.
	Future
)

// DateOrder says how to read an all-numeric date whose first two numbers
// could each be the day or the month.
type DateOrder uint8

const (
	// DefaultOrder reads dotted dates (05.03.2024) as day.month.year and
	// other separators (3/5/2024, 3-5-2024) as month/day/year.
	DefaultOrder DateOrder = iota
	// DMY reads ambiguous numeric dates as day, month, year.
	DMY
	// MDY reads ambiguous numeric dates as month, day, year.
	MDY
)

// Configuration tunes Parse. The zero value is usable.
type Configuration struct {
	// CurrentTime is "now" for filling and checking dates; zero means the
	// clock's time.
	CurrentTime time.Time
	// DefaultTimezone is the zone of a date that names none; nil means UTC.
	DefaultTimezone *time.Location
	// DateOrder decides ambiguous all-numeric dates.
	DateOrder DateOrder
	// PreferredDateSource fills missing parts (see its constants).
	PreferredDateSource PreferredDateSource
	// StrictParsing requires the day, the month and the year to be present.
	StrictParsing bool
}

// Date is a parsed date.
type Date struct {
	// Time is the instant read; zero when nothing was read.
	Time time.Time
}

// IsZero reports whether no date was read.
func (d Date) IsZero() bool { return d.Time.IsZero() }

// Parser reads dates. Its zero value tries every kind it knows.
type Parser struct {
	// ParserTypes lists the kinds to try, in order; empty means all.
	ParserTypes []ParserType
}

// ErrNoDate is returned (wrapped) when a string holds no date Parse can read.
var ErrNoDate = errors.New("no date found")

// maxInput bounds the text Parse looks at; dates are short.
const maxInput = 200

// Parse reads the date in s. With CustomFormat enabled and formats given, the
// formats are tried first; then, with AbsoluteTime enabled, the whole of s is
// read as a date. A nil cfg is the zero Configuration. Parse is safe for
// concurrent use.
func (p *Parser) Parse(cfg *Configuration, s string, formats ...string) (Date, error) {
	if cfg == nil {
		cfg = &Configuration{}
	}
	s = strings.TrimSpace(s)
	types := p.ParserTypes
	if len(types) == 0 {
		types = []ParserType{CustomFormat, AbsoluteTime}
	}
	for _, t := range types {
		switch t {
		case CustomFormat:
			loc := cfg.DefaultTimezone
			if loc == nil {
				loc = time.UTC
			}
			for _, f := range formats {
				if tm, err := time.ParseInLocation(f, s, loc); err == nil {
					return Date{Time: tm}, nil
				}
			}
		case AbsoluteTime:
			if len(s) > maxInput {
				continue
			}
			if tm, ok := parseAbsolute(cfg, s); ok {
				return Date{Time: tm}, nil
			}
		default:
			return Date{}, fmt.Errorf("dateparser: unknown parser type %d", t)
		}
	}
	return Date{}, fmt.Errorf("dateparser: %q: %w", s, ErrNoDate)
}

type tokenKind uint8

const (
	tkNum tokenKind = iota
	tkWord
	tkSep
)

type token struct {
	kind tokenKind
	text string
	// glued is true when the token follows the previous one without space.
	glued bool
}

// tokenize splits lowered s into runs of digits, runs of letters and single
// other characters, dropping white space.
func tokenize(s string) []token {
	var toks []token
	glued := false
	rs := []rune(strings.ToLower(s))
	for i := 0; i < len(rs); {
		r := rs[i]
		switch {
		case unicode.IsSpace(r):
			glued = false
			i++
			continue
		case r >= '0' && r <= '9':
			j := i
			for j < len(rs) && rs[j] >= '0' && rs[j] <= '9' {
				j++
			}
			toks = append(toks, token{tkNum, string(rs[i:j]), glued})
			i = j
		case unicode.IsLetter(r):
			j := i
			for j < len(rs) && unicode.IsLetter(rs[j]) {
				j++
			}
			toks = append(toks, token{tkWord, string(rs[i:j]), glued})
			i = j
		default:
			toks = append(toks, token{tkSep, string(r), glued})
			i++
		}
		glued = true
	}
	return toks
}

// clock is a time of day with an optional zone.
type clock struct {
	hour, min, sec, nsec int
	zone                 *time.Location
}

// parseAbsolute reads s as one calendar date with an optional time of day.
func parseAbsolute(cfg *Configuration, s string) (time.Time, bool) {
	toks := tokenize(s)
	toks, clk, ok := takeClock(toks)
	if !ok {
		return time.Time{}, false
	}
	now := cfg.CurrentTime
	if now.IsZero() {
		now = time.Now()
	}
	loc := cfg.DefaultTimezone
	if loc == nil {
		loc = time.UTC
	}
	if clk.zone != nil {
		loc = clk.zone
	}

	tab := tables()
	var (
		nums     []token
		numPos   []int // position among content tokens
		month    int
		monthPos = -1
		seps     []string
		content  int
	)
	for i, t := range toks {
		switch t.kind {
		case tkNum:
			if len(t.text) > 8 {
				return time.Time{}, false
			}
			nums = append(nums, t)
			numPos = append(numPos, content)
			content++
		case tkSep:
			if !strings.Contains("-/.,:()|'", t.text) {
				return time.Time{}, false
			}
			if len(nums) > 0 && monthPos < 0 {
				seps = append(seps, t.text)
			}
		case tkWord:
			w := t.text
			switch {
			case t.glued && i > 0 && toks[i-1].kind == tkNum && tab.ordinals[w]:
				// 5th, 1er, 1º: the suffix carries nothing.
			case tab.months[w] != 0:
				if monthPos >= 0 {
					return time.Time{}, false
				}
				month, monthPos = tab.months[w], content
				content++
			case tab.weekdays[w], tab.fillers[w]:
			default:
				return time.Time{}, false
			}
		}
	}

	var year, day, yearDigits int
	yearSet, daySet := false, false
	atoi := func(t token) int { n, _ := strconv.Atoi(t.text); return n }
	if monthPos >= 0 {
		switch len(nums) {
		case 2:
			a, b := nums[0], nums[1]
			switch {
			case len(a.text) == 4 && len(b.text) <= 2:
				year, day = atoi(a), atoi(b)
			case len(b.text) == 4 && len(a.text) <= 2:
				day, year = atoi(a), atoi(b)
			case len(a.text) <= 2 && len(b.text) <= 2 && numPos[1] > monthPos:
				// 5 March 24, March 5, 24: the day comes first.
				day, year = atoi(a), atoi(b)
			default:
				return time.Time{}, false
			}
			yearDigits = 4
			if len(a.text) != 4 && len(b.text) != 4 {
				yearDigits = 2
			}
			yearSet, daySet = true, true
		case 1:
			n := nums[0]
			if len(n.text) == 4 {
				year, yearSet, yearDigits = atoi(n), true, 4
			} else if len(n.text) <= 2 {
				day, daySet = atoi(n), true
			} else {
				return time.Time{}, false
			}
		default:
			return time.Time{}, false
		}
	} else {
		switch len(nums) {
		case 1:
			n := nums[0]
			if len(n.text) != 8 {
				return time.Time{}, false
			}
			year, month, day = atoi(token{text: n.text[:4]}), atoi(token{text: n.text[4:6]}), atoi(token{text: n.text[6:]})
			yearSet, daySet, yearDigits = true, true, 4
		case 3:
			if len(seps) < 2 || seps[0] != seps[1] {
				return time.Time{}, false
			}
			a, b, c := atoi(nums[0]), atoi(nums[1]), atoi(nums[2])
			la, lb, lc := len(nums[0].text), len(nums[1].text), len(nums[2].text)
			switch {
			case la == 4 && lb <= 2 && lc <= 2:
				year, month, day, yearDigits = a, b, c, 4
			case la <= 2 && lb <= 2 && (lc == 4 || lc == 2):
				year, yearDigits = c, lc
				dmy := cfg.DateOrder == DMY || cfg.DateOrder == DefaultOrder && seps[0] == "."
				switch {
				case a > 12 && b <= 12:
					dmy = true
				case b > 12 && a <= 12:
					dmy = false
				}
				if dmy {
					day, month = a, b
				} else {
					month, day = a, b
				}
			default:
				return time.Time{}, false
			}
			yearSet, daySet = true, true
		case 2:
			// 03/2024: month and year, no day.
			if len(nums[1].text) != 4 || len(nums[0].text) > 2 {
				return time.Time{}, false
			}
			month, year, yearSet, yearDigits = atoi(nums[0]), atoi(nums[1]), true, 4
		default:
			return time.Time{}, false
		}
	}

	if month < 1 || month > 12 {
		return time.Time{}, false
	}
	if cfg.StrictParsing && (!yearSet || !daySet) {
		return time.Time{}, false
	}
	if !daySet {
		day = 1
	}
	if yearSet && yearDigits == 2 {
		if year < 69 {
			year += 2000
		} else {
			year += 1900
		}
	}
	if !yearSet {
		year = now.Year()
	}
	if day < 1 || day > daysIn(year, month) && !(!yearSet && month == 2 && day == 29) {
		return time.Time{}, false
	}
	if !yearSet && month == 2 && day == 29 {
		for daysIn(year, 2) != 29 {
			year--
		}
	}
	t := time.Date(year, time.Month(month), day, clk.hour, clk.min, clk.sec, clk.nsec, loc)
	switch {
	case yearDigits == 2 && cfg.PreferredDateSource == Past && t.After(now):
		t = t.AddDate(-100, 0, 0)
	case yearDigits == 2 && cfg.PreferredDateSource == Future && t.Before(now):
		t = t.AddDate(100, 0, 0)
	case !yearSet && cfg.PreferredDateSource == Past && t.After(now):
		t = t.AddDate(-1, 0, 0)
	case !yearSet && cfg.PreferredDateSource == Future && t.Before(now):
		t = t.AddDate(1, 0, 0)
	}
	if t.Year() < 1 || t.Year() > 9999 {
		return time.Time{}, false
	}
	return t, true
}

func daysIn(year, month int) int {
	return time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// takeClock finds one time of day (10:20, 10:20:30.5, 9.30 pm is not read,
// 10h30) with an optional meridiem and zone, and returns the other tokens.
func takeClock(toks []token) ([]token, clock, bool) {
	clk := clock{}
	for i := 0; i+2 < len(toks); i++ {
		a, s, b := toks[i], toks[i+1], toks[i+2]
		if a.kind != tkNum || b.kind != tkNum || len(a.text) > 2 || len(b.text) != 2 {
			continue
		}
		if !(s.kind == tkSep && s.text == ":" || s.kind == tkWord && s.text == "h") {
			continue
		}
		h, _ := strconv.Atoi(a.text)
		m, _ := strconv.Atoi(b.text)
		j := i + 3
		sec, nsec := 0, 0
		if j+1 < len(toks) && toks[j].kind == tkSep && toks[j].text == ":" && toks[j+1].kind == tkNum && len(toks[j+1].text) == 2 {
			sec, _ = strconv.Atoi(toks[j+1].text)
			j += 2
			if j+1 < len(toks) && toks[j].kind == tkSep && (toks[j].text == "." || toks[j].text == ",") && toks[j+1].kind == tkNum && toks[j+1].glued {
				frac := toks[j+1].text
				if len(frac) > 9 {
					frac = frac[:9]
				}
				nsec, _ = strconv.Atoi(frac + strings.Repeat("0", 9-len(frac)))
				j += 2
			}
		}
		// Meridiem: "pm", "p.m.", "PM".
		mer := ""
		if j < len(toks) && toks[j].kind == tkWord && (toks[j].text == "am" || toks[j].text == "pm") {
			mer = toks[j].text
			j++
		} else if j+2 < len(toks) && toks[j].kind == tkWord && (toks[j].text == "a" || toks[j].text == "p") &&
			toks[j+1].text == "." && toks[j+2].text == "m" {
			mer = toks[j].text + "m"
			j += 3
			if j < len(toks) && toks[j].text == "." {
				j++
			}
		}
		if mer != "" {
			if h < 1 || h > 12 {
				return nil, clk, false
			}
			h %= 12
			if mer == "pm" {
				h += 12
			}
		}
		if h > 23 || m > 59 || sec > 60 {
			return nil, clk, false
		}
		if sec == 60 {
			sec = 59
		}
		clk.hour, clk.min, clk.sec, clk.nsec = h, m, sec, nsec
		zone, n := takeZone(toks[j:])
		clk.zone = zone
		j += n
		rest := append(slices.Clone(toks[:i]), toks[j:]...)
		return rest, clk, true
	}
	return toks, clk, true
}

// takeZone reads a zone name and/or a numeric offset at the start of toks
// and returns it with the number of tokens used.
func takeZone(toks []token) (*time.Location, int) {
	n := 0
	name := ""
	offset := 0
	if len(toks) > 0 && toks[0].kind == tkWord {
		if off, ok := tables().zones[toks[0].text]; ok {
			name, offset, n = strings.ToUpper(toks[0].text), off, 1
		}
	}
	if n+1 < len(toks) && toks[n].kind == tkSep && (toks[n].text == "+" || toks[n].text == "-") && toks[n+1].kind == tkNum {
		digits := toks[n+1].text
		used := 2
		var h, m int
		switch len(digits) {
		case 1, 2:
			h, _ = strconv.Atoi(digits)
			if n+3 < len(toks) && toks[n+2].text == ":" && toks[n+3].kind == tkNum && len(toks[n+3].text) == 2 {
				m, _ = strconv.Atoi(toks[n+3].text)
				used = 4
			}
		case 4:
			h, _ = strconv.Atoi(digits[:2])
			m, _ = strconv.Atoi(digits[2:])
		default:
			h = -1
		}
		if h >= 0 && h <= 14 && m <= 59 {
			off := h*3600 + m*60
			if toks[n].text == "-" {
				off = -off
			}
			offset += off
			if name == "" {
				name = "UTC"
			}
			n += used
		}
	}
	if n == 0 {
		return nil, 0
	}
	return time.FixedZone(name, offset), n
}
