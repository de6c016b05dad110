package feed

import (
	"regexp"
	"strings"
	"time"
)

// zones are the time-zone abbreviations feeds use, as UTC offsets.
var zones = map[string]string{
	"UT": "+0000", "UTC": "+0000", "GMT": "+0000", "Z": "+0000", "WET": "+0000", "WEST": "+0100",
	"BST": "+0100", "IST": "+0530", "CET": "+0100", "CEST": "+0200", "MET": "+0100", "MEST": "+0200",
	"EET": "+0200", "EEST": "+0300", "MSK": "+0300", "EST": "-0500", "EDT": "-0400", "CST": "-0600",
	"CDT": "-0500", "MST": "-0700", "MDT": "-0600", "PST": "-0800", "PDT": "-0700", "AKST": "-0900",
	"AKDT": "-0800", "HST": "-1000", "AST": "-0400", "ADT": "-0300", "NST": "-0330", "NDT": "-0230",
	"JST": "+0900", "KST": "+0900", "HKT": "+0800", "SGT": "+0800", "AWST": "+0800", "ACST": "+0930",
	"ACDT": "+1030", "AEST": "+1000", "AEDT": "+1100", "NZST": "+1200", "NZDT": "+1300", "SAST": "+0200",
	"WAT": "+0100", "CAT": "+0200", "EAT": "+0300", "PKT": "+0500", "ICT": "+0700", "WIB": "+0700",
}

var (
	trailingZone = regexp.MustCompile(`\s*\(?([A-Za-z]{1,5})\)?$`)
	spaces       = regexp.MustCompile(`\s+`)
)

// layouts are the date forms seen in feeds, with any zone abbreviation
// already replaced by its offset.
var layouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05-0700",
	"2006-01-02T15:04:05 -0700",
	"2006-01-02T15:04-07:00",
	"2006-01-02T15:04:05",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05-07:00",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04 -0700",
	"2006-01-02",
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04 -0700",
	"Mon, 2 Jan 06 15:04:05 -0700",
	"Mon 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 January 2006 15:04:05 -0700",
	"Monday, 2 Jan 2006 15:04:05 -0700",
	"Monday, 2 January 2006 15:04:05 -0700",
	"2 Jan 2006 15:04:05 -0700",
	"2 January 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05",
	"Mon, 2 Jan 2006",
	"2 Jan 2006",
	"January 2, 2006 15:04:05 -0700",
	"January 2, 2006 3:04 PM -0700",
	"January 2, 2006",
	"Jan 2, 2006 15:04:05 -0700",
	"Jan 2, 2006 3:04 PM -0700",
	"Jan 2, 2006",
	"Mon Jan 2 15:04:05 -0700 2006",
	"Mon Jan 2 15:04:05 2006",
	"01/02/2006 15:04:05 -0700",
	"2006/01/02 15:04:05 -0700",
	"2006/01/02",
}

// ParseDate reads a feed date in any of the common forms, including ones
// ending in a zone abbreviation ("EST", "CEST") or with the weekday or
// seconds missing. The result is in UTC; ok is false when no form fits.
func ParseDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(spaces.ReplaceAllString(s, " "))
	if s == "" {
		return time.Time{}, false
	}
	s = strings.ReplaceAll(s, ",,", ",")
	if m := trailingZone.FindStringSubmatchIndex(s); m != nil {
		abbr := strings.ToUpper(s[m[2]:m[3]])
		if off, ok := zones[abbr]; ok && m[0] > 0 {
			s = s[:m[0]] + " " + off
		}
	}
	// "+01:00" after a space in RFC 822 style dates.
	s = strings.Replace(s, " +00:00", " +0000", 1)
	for _, l := range layouts {
		if t, err := time.Parse(l, s); err == nil {
			return t.UTC(), true
		}
	}
	// A weekday that does not match the date is a common feed error.
	if i := strings.Index(s, ", "); i > 0 && i <= 10 {
		return ParseDate(s[i+2:])
	}
	return time.Time{}, false
}
