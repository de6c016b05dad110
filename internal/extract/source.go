package extract

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Scraped text often names its author and outlet only in the lines the
// cleaner removes: a byline with the outlet after a separator ("By Hana
// Welling | The Meridian Post") or a copyright notice ("© 2024 Valley
// Times. All rights reserved."). bylineSource and copyrightOutlet read them.

var (
	// rxBylineParts splits a byline into the name and what follows a
	// separator.
	rxBylineParts = regexp.MustCompile(bylineLead + `(.+?)(?:\s*(?:[|•·–—]|\s-\s|,)\s*(.+))?$`)
	// rxCopyrightNoise matches what surrounds an outlet's name in a
	// copyright notice.
	rxCopyrightNoise = regexp.MustCompile(`(?i)©|\(c\)|\bcopyright\b|\b(?:19|20)\d\d\b(?:\s*[-–—/]\s*(?:19|20)?\d\d\b)?|\ball rights reserved\b\.?|\bsome rights reserved\b\.?`)
)

// roleWords are words of a byline's tail that describe the writer, not the
// outlet ("Staff Writer", "Senior Correspondent").
var roleWords = setOf(
	"writer", "reporter", "correspondent", "editor", "staff",
	"contributor", "columnist", "senior", "chief", "associate",
	"special", "foreign", "political", "business", "sports",
	"updated", "published", "posted", "min", "read", "minutes",
	"ago", "hours", "days", "in", "from", "and",
)

// bylineSource returns the author and outlet a byline (a line classify
// found to be one) names; "" for what it does not name.
func bylineSource(line string) (author, outlet string) {
	m := rxBylineParts.FindStringSubmatch(line)
	if m == nil {
		return "", ""
	}
	author = strings.TrimSpace(m[1])
	if countWords(author) > 6 {
		author = ""
	}
	if tail := strings.TrimSpace(m[2]); tail != "" && outletName(tail) {
		outlet = tail
	}
	return author, outlet
}

// copyrightOutlet returns the name a copyright notice gives ("" when the
// line is none or names nobody).
func copyrightOutlet(line string) string {
	l := strings.TrimSpace(line)
	low := strings.ToLower(l)
	if !strings.HasPrefix(l, "©") && !strings.HasPrefix(low, "copyright") && !strings.HasPrefix(low, "(c) ") {
		return ""
	}
	name := rxCopyrightNoise.ReplaceAllString(l, " ")
	// A footer row goes on with links: "© 2025 Tribune | Terms | Privacy".
	if i := strings.IndexAny(name, "|•·"); i >= 0 {
		name = name[:i]
	}
	name = strings.Join(strings.Fields(name), " ")
	name = strings.Trim(name, " .,;:|-–—")
	if !outletName(name) {
		return ""
	}
	return name
}

// outletName reports whether s looks like the name of an outlet: one to
// six words, the first capitalised, no role word, no sentence.
func outletName(s string) bool {
	n := countWords(s)
	if n < 1 || n > 6 || utf8.RuneCountInString(s) > 60 || endsSentence(s) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s)
	if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
		return false
	}
	for _, w := range strings.Fields(strings.ToLower(s)) {
		if roleWords[strings.Trim(w, ".,:;()")] {
			return false
		}
	}
	for _, r := range s {
		if unicode.IsDigit(r) {
			return false // dates, times, "5 min read"
		}
	}
	return true
}
