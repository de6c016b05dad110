package dateparser

import (
	"errors"
	"testing"
	"time"
	"unicode/utf8"
)

var testNow = time.Date(2026, 6, 15, 12, 0, 0, 0, time.UTC)

func strictPast() *Configuration {
	return &Configuration{CurrentTime: testNow, PreferredDateSource: Past, StrictParsing: true}
}

func TestParseAbsolute(t *testing.T) {
	utc := func(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		in   string
		want time.Time // zero: no date
	}{
		// ISO and numeric forms.
		{"2024-03-05", utc(2024, 3, 5)},
		{"2024/3/5", utc(2024, 3, 5)},
		{"20240305", utc(2024, 3, 5)},
		{"05.03.2024", utc(2024, 3, 5)},
		{"5.3.24", utc(2024, 3, 5)},
		{"3/5/2024", utc(2024, 3, 5)},
		{"13/5/2024", utc(2024, 5, 13)},
		{"5/13/2024", utc(2024, 5, 13)},
		{"03-05-2024", utc(2024, 3, 5)},
		{"2024-03-05T10:20:30Z", time.Date(2024, 3, 5, 10, 20, 30, 0, time.UTC)},
		{"2024-03-05T10:20:30.250+02:00", time.Date(2024, 3, 5, 10, 20, 30, 250e6, time.FixedZone("", 2*3600))},
		{"2024-03-05 10:20 -0500", time.Date(2024, 3, 5, 10, 20, 0, 0, time.FixedZone("", -5*3600))},
		// English.
		{"March 5, 2024", utc(2024, 3, 5)},
		{"Tuesday, March 5th, 2024", utc(2024, 3, 5)},
		{"5 Mar 2024", utc(2024, 3, 5)},
		{"the 5th of March 2024", utc(2024, 3, 5)},
		{"Sept. 21, 2023 3:45 p.m. EDT", time.Date(2023, 9, 21, 15, 45, 0, 0, time.FixedZone("", -4*3600))},
		{"Dec 1, 2023 at 12:05 am GMT", utc(2023, 12, 1).Add(5 * time.Minute)},
		{"2024 March 5", utc(2024, 3, 5)},
		{"March 5, 24", utc(2024, 3, 5)},
		{"March 5, 99", utc(1999, 3, 5)},
		// Other languages.
		{"mardi 5 mars 2024", utc(2024, 3, 5)},
		{"1er février 2024 à 10h30", time.Date(2024, 2, 1, 10, 30, 0, 0, time.UTC)},
		{"1er fevrier 2024", utc(2024, 2, 1)},
		{"Dienstag, 5. März 2024, 10:00 Uhr MEZ", time.Time{}}, // "Uhr" is not a known word
		{"am 5. März 2024 um 10:00 MEZ", time.Date(2024, 3, 5, 10, 0, 0, 0, time.FixedZone("", 3600))},
		{"5. Jänner 2024", utc(2024, 1, 5)},
		{"martes, 5 de marzo de 2024", utc(2024, 3, 5)},
		{"5 de março de 2024", utc(2024, 3, 5)},
		{"terça-feira, 5 de marco de 2024", utc(2024, 3, 5)},
		{"5 marzo 2024", utc(2024, 3, 5)},
		{"martedì 5 marzo 2024 ore 10:20", time.Date(2024, 3, 5, 10, 20, 0, 0, time.UTC)},
		{"dinsdag 5 maart 2024", utc(2024, 3, 5)},
		{"5 mrt. 2024", utc(2024, 3, 5)},
		{"1º de maio de 2024", utc(2024, 5, 1)},
		// Complete dates in the future are kept (Past only fills missing parts).
		{"5 March 2031", utc(2031, 3, 5)},
		// Not dates, or incomplete under strict parsing.
		{"", time.Time{}},
		{"March 2024", time.Time{}},
		{"March 5", time.Time{}},
		{"2024", time.Time{}},
		{"10:20", time.Time{}},
		{"3 days ago", time.Time{}},
		{"Published by Jane Roe on March 5, 2024", time.Time{}},
		{"31 February 2024", time.Time{}},
		{"29 Feb 2023", time.Time{}},
		{"29 Feb 2024", utc(2024, 2, 29)},
		{"2024-13-05", time.Time{}},
		{"13/13/2024", time.Time{}},
		{"2024-03/05", time.Time{}},
		{"5 March April 2024", time.Time{}},
		{"25:10 5 March 2024", time.Time{}},
		{"13:00 pm 5 March 2024", time.Time{}},
		{"5 March 2024 + 3", time.Time{}},
		{"123456789", time.Time{}},
	}
	p := &Parser{ParserTypes: []ParserType{CustomFormat, AbsoluteTime}}
	for _, tt := range tests {
		got, err := p.Parse(strictPast(), tt.in)
		if tt.want.IsZero() {
			if err == nil || !got.IsZero() {
				t.Errorf("Parse(%q) = %v, %v; want no date", tt.in, got.Time, err)
			} else if !errors.Is(err, ErrNoDate) {
				t.Errorf("Parse(%q) error %v does not wrap ErrNoDate", tt.in, err)
			}
			continue
		}
		if err != nil || !got.Time.Equal(tt.want) {
			t.Errorf("Parse(%q) = %v, %v; want %v", tt.in, got.Time, err, tt.want)
		}
	}
}

func TestParseConfiguration(t *testing.T) {
	loc := time.FixedZone("X", 3*3600)
	tests := []struct {
		name string
		cfg  Configuration
		in   string
		want time.Time
	}{
		{"DMY order for slashes", Configuration{DateOrder: DMY, StrictParsing: true}, "3/5/2024", time.Date(2024, 5, 3, 0, 0, 0, 0, time.UTC)},
		{"MDY order for dots", Configuration{DateOrder: MDY, StrictParsing: true}, "3.5.2024", time.Date(2024, 3, 5, 0, 0, 0, 0, time.UTC)},
		{"default zone", Configuration{DefaultTimezone: loc, StrictParsing: true}, "5 May 2024 10:00", time.Date(2024, 5, 5, 10, 0, 0, 0, loc)},
		{"named zone wins", Configuration{DefaultTimezone: loc}, "5 May 2024 10:00 UTC", time.Date(2024, 5, 5, 10, 0, 0, 0, time.UTC)},
		{"missing year, past", Configuration{CurrentTime: testNow, PreferredDateSource: Past}, "5 December", time.Date(2025, 12, 5, 0, 0, 0, 0, time.UTC)},
		{"missing year, current", Configuration{CurrentTime: testNow}, "5 December", time.Date(2026, 12, 5, 0, 0, 0, 0, time.UTC)},
		{"missing year, future", Configuration{CurrentTime: testNow, PreferredDateSource: Future}, "5 January", time.Date(2027, 1, 5, 0, 0, 0, 0, time.UTC)},
		{"missing day", Configuration{CurrentTime: testNow}, "March 2024", time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)},
		{"month and year", Configuration{CurrentTime: testNow}, "03/2024", time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)},
		{"two-digit year in the future, past", Configuration{CurrentTime: testNow, PreferredDateSource: Past, StrictParsing: true}, "5 March 30", time.Date(1930, 3, 5, 0, 0, 0, 0, time.UTC)},
		{"two-digit year, current", Configuration{CurrentTime: testNow, StrictParsing: true}, "5 March 30", time.Date(2030, 3, 5, 0, 0, 0, 0, time.UTC)},
	}
	var p Parser
	for _, tt := range tests {
		got, err := p.Parse(&tt.cfg, tt.in)
		if err != nil || !got.Time.Equal(tt.want) || got.Time.Location().String() != tt.want.Location().String() {
			t.Errorf("%s: Parse(%q) = %v, %v; want %v", tt.name, tt.in, got.Time, err, tt.want)
		}
	}
}

func TestParseTypes(t *testing.T) {
	custom := &Parser{ParserTypes: []ParserType{CustomFormat}}
	if got, err := custom.Parse(nil, "05~03~2024", "02~01~2006"); err != nil || !got.Time.Equal(time.Date(2024, 3, 5, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("custom format: %v, %v", got.Time, err)
	}
	if _, err := custom.Parse(nil, "5 March 2024"); err == nil {
		t.Error("CustomFormat alone read an absolute date")
	}
	abs := &Parser{ParserTypes: []ParserType{AbsoluteTime}}
	if _, err := abs.Parse(nil, "05~03~2024", "02~01~2006"); err == nil {
		t.Error("AbsoluteTime alone used a custom format")
	}
	bad := &Parser{ParserTypes: []ParserType{99}}
	if _, err := bad.Parse(nil, "5 March 2024"); err == nil || errors.Is(err, ErrNoDate) {
		t.Errorf("unknown parser type: err = %v", err)
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"2024-03-05T10:20:30.5+02:00", "Tuesday, March 5th, 2024 3:45 p.m. EDT",
		"5 de março de 2024", "05.03.24", "1er févr. 2024 à 10h30", "20240305", "13:00 pm"} {
		f.Add(s)
	}
	p := &Parser{ParserTypes: []ParserType{CustomFormat, AbsoluteTime}}
	f.Fuzz(func(t *testing.T, s string) {
		for _, cfg := range []*Configuration{strictPast(), {CurrentTime: testNow}} {
			got, err := p.Parse(cfg, s)
			if (err == nil) == got.IsZero() {
				t.Fatalf("Parse(%q) = %v, %v: a date and an error must not both be set or both be missing", s, got.Time, err)
			}
			if err != nil {
				continue
			}
			if y := got.Time.Year(); y < 1 || y > 9999 {
				t.Fatalf("Parse(%q) year %d", s, y)
			}
			if !utf8.ValidString(s) {
				continue
			}
			// Parsing is deterministic for a fixed now.
			again, err := p.Parse(cfg, s)
			if err != nil || !again.Time.Equal(got.Time) {
				t.Fatalf("Parse(%q) not repeatable: %v then %v, %v", s, got.Time, again.Time, err)
			}
		}
	})
}
