package extract

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Date rows: lines such as "Wednesday , March 22 2023", "Published: 22/03/2023
// 10:15 am" or "Updated March 3, 2021 at 6:01 pm" that carry nothing but a
// date (and maybe a time and a label).
var (
	monthNames = map[string]time.Month{
		"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
		"april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
		"august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9, "october": 10,
		"oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
		// German, Spanish, Portuguese, French, Italian
		"januar": 1, "jänner": 1, "februar": 2, "märz": 3, "mär": 3, "mai": 5, "juni": 6,
		"juli": 7, "oktober": 10, "okt": 10, "dezember": 12, "dez": 12,
		"enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7,
		"agosto": 8, "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12,
		"janeiro": 1, "fevereiro": 2, "março": 3, "maio": 5, "junho": 6, "julho": 7,
		"setembro": 9, "outubro": 10, "novembro": 11, "dezembro": 12,
		"janvier": 1, "février": 2, "mars": 3, "avril": 4, "juin": 6, "juillet": 7, "août": 8,
		"septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12,
		"gennaio": 1, "febbraio": 2, "aprile": 4, "maggio": 5, "giugno": 6, "luglio": 7,
		"settembre": 9, "ottobre": 10, "dicembre": 12,
	}
	// dateFiller lists the words a date row may carry besides the date.
	dateFiller = map[string]bool{
		"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
		"saturday": true, "sunday": true, "mon": true, "tue": true, "tues": true, "wed": true,
		"thu": true, "thur": true, "thurs": true, "fri": true, "sat": true, "sun": true,
		"published": true, "posted": true, "updated": true, "last": true, "modified": true,
		"date": true, "created": true, "first": true, "on": true, "at": true, "of": true,
		"am": true, "pm": true, "a": true, "p": true, "m": true, "st": true, "nd": true, "rd": true, "th": true,
		"gmt": true, "utc": true, "et": true, "est": true, "edt": true, "ct": true, "cst": true, "cdt": true,
		"pt": true, "pst": true, "pdt": true, "mt": true, "mst": true, "mdt": true, "bst": true,
		"cet": true, "cest": true, "eet": true, "eest": true, "ist": true, "irst": true, "msk": true,
		"aest": true, "aedt": true, "jst": true, "kst": true, "hkt": true, "sgt": true, "wib": true,
		"pkt": true, "ast": true, "time": true, "local": true, "today": true, "and": true,
		// Labels and weekdays in German, Spanish, Portuguese, French
		"letzte": true, "änderung": true, "aktualisiert": true, "veröffentlicht": true,
		"erstellt": true, "stand": true, "datum": true, "um": true, "uhr": true, "vom": true,
		"montag": true, "dienstag": true, "mittwoch": true, "donnerstag": true, "freitag": true,
		"samstag": true, "sonntag": true, "publicado": true, "actualizado": true, "atualizado": true,
		"fecha": true, "el": true, "de": true, "las": true, "lunes": true, "martes": true,
		"miércoles": true, "jueves": true, "viernes": true, "sábado": true, "domingo": true,
		"publié": true, "mis": true, "à": true, "jour": true, "le": true, "lundi": true, "mardi": true,
		"mercredi": true, "jeudi": true, "vendredi": true, "samedi": true, "dimanche": true,
	}
	rxISODate     = regexp.MustCompile(`\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\b`)
	rxNumericDate = regexp.MustCompile(`\b(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\b`)
	rxMonthFirst  = regexp.MustCompile(`\b([a-z]{3,9})\.?\s*,?\s*(\d{1,2})(?:st|nd|rd|th)?\s*,?\s*(\d{4})\b`)
	rxDayFirst    = regexp.MustCompile(`\b(\d{1,2})(?:st|nd|rd|th|\.)?\s*(?:of\s+|de\s+)?(\pL{3,10})\.?\s*,?\s*(?:de\s+|del\s+)?(\d{4})\b`)
	rxClock       = regexp.MustCompile(`\b(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?\s*(a\.?\s?m\.?|p\.?\s?m\.?)?`)
)

// parseDateRow reports whether line is a date row and returns the date it
// names (UTC; with the time of day when the row gives one). Rows naming only
// an update time ("Updated ...") still count as date rows, and their date is
// returned; callers prefer other rows' dates.
func parseDateRow(line string) (time.Time, bool) {
	if len(line) > 90 || len(line) < 6 {
		return time.Time{}, false
	}
	// Every date form below has a four-digit year: lines without four
	// digits in a row (most) are not dates, and skip the expressions.
	run, year := 0, false
	for i := 0; i < len(line) && !year; i++ {
		if line[i] >= '0' && line[i] <= '9' {
			run++
			year = run == 4
		} else {
			run = 0
		}
	}
	if !year {
		return time.Time{}, false
	}
	l := strings.ToLower(line)
	d, rest, ok := findDate(l)
	if !ok {
		return time.Time{}, false
	}
	if m := rxClock.FindStringSubmatchIndex(rest); m != nil {
		h, _ := strconv.Atoi(rest[m[2]:m[3]])
		mi, _ := strconv.Atoi(rest[m[4]:m[5]])
		s := 0
		if m[6] >= 0 {
			s, _ = strconv.Atoi(rest[m[6]:m[7]])
		}
		if m[8] >= 0 {
			pm := rest[m[8]] == 'p'
			if pm && h < 12 {
				h += 12
			} else if !pm && h == 12 {
				h = 0
			}
		}
		if h < 24 && mi < 60 && s < 60 {
			d = d.Add(time.Duration(h)*time.Hour + time.Duration(mi)*time.Minute + time.Duration(s)*time.Second)
		}
		rest = rest[:m[0]] + " " + rest[m[1]:]
	}
	// Whatever is left must be filler words, signs and time-zone offsets.
	for _, w := range strings.FieldsFunc(rest, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 127)
	}) {
		if dateFiller[w] {
			continue
		}
		if len(w) == 4 && isDigits(w) { // "+0330" offset
			continue
		}
		return time.Time{}, false
	}
	return d, true
}

// findDate finds the first date in a lower-cased line and returns it with the
// line minus the date.
func findDate(l string) (time.Time, string, bool) {
	if m := rxISODate.FindStringSubmatchIndex(l); m != nil {
		if d, ok := makeDate(atoi(l[m[2]:m[3]]), atoi(l[m[4]:m[5]]), atoi(l[m[6]:m[7]])); ok {
			return d, l[:m[0]] + " " + l[m[1]:], true
		}
	}
	if m := rxNumericDate.FindStringSubmatchIndex(l); m != nil {
		a, b, y := atoi(l[m[2]:m[3]]), atoi(l[m[4]:m[5]]), atoi(l[m[6]:m[7]])
		// Day first (as most of the world writes it) unless that cannot be.
		day, mon := a, b
		if a <= 12 && b > 12 {
			day, mon = b, a
		}
		if d, ok := makeDate(y, mon, day); ok {
			return d, l[:m[0]] + " " + l[m[1]:], true
		}
	}
	for _, m := range rxMonthFirst.FindAllStringSubmatchIndex(l, 2) {
		if mon, ok := monthNames[l[m[2]:m[3]]]; ok {
			if d, ok := makeDate(atoi(l[m[6]:m[7]]), int(mon), atoi(l[m[4]:m[5]])); ok {
				return d, l[:m[0]] + " " + l[m[1]:], true
			}
		}
	}
	for _, m := range rxDayFirst.FindAllStringSubmatchIndex(l, 2) {
		if mon, ok := monthNames[l[m[4]:m[5]]]; ok {
			if d, ok := makeDate(atoi(l[m[6]:m[7]]), int(mon), atoi(l[m[2]:m[3]])); ok {
				return d, l[:m[0]] + " " + l[m[1]:], true
			}
		}
	}
	return time.Time{}, l, false
}

// makeDate builds a UTC date, refusing impossible ones (31 April) and years
// outside the range news archives cover.
func makeDate(y, m, d int) (time.Time, bool) {
	if y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 || d > 31 {
		return time.Time{}, false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return time.Time{}, false
	}
	return t, true
}

func atoi(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		return -1
	}
	return n
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
