package model

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// HeadlineCandidate is what an article offers as its story's headline.
type HeadlineCandidate struct {
	Title string
	// Lead is the start of the article text.
	Lead string
	// Copy is set for a near-copy of another article.
	Copy bool
}

// ChooseHeadline picks a story's headline from its articles, in article
// order: an original's title beats a copy's, and a title beats a lead's
// first sentence; among equals the earliest article wins.
func ChooseHeadline(cands []HeadlineCandidate) string {
	best, bestRank := "", 99
	for _, c := range cands {
		rank, h := 3, firstSentence(c.Lead)
		if c.Title != "" {
			rank, h = 1, c.Title
		}
		if c.Copy {
			rank++
		}
		if rank < bestRank && h != "" {
			best, bestRank = h, rank
		}
	}
	return best
}

// firstSentence returns the first sentence of a text's first line, cut to
// 120 characters.
func firstSentence(body string) string {
	line, _, _ := strings.Cut(body, "\n")
	if i := strings.Index(line, ". "); i > 0 {
		line = line[:i+1]
	}
	if utf8.RuneCountInString(line) > 120 {
		line = string([]rune(line)[:117]) + "…"
	}
	return line
}

// OutletKey is the form under which outlet names are compared: names that
// differ only in case or surrounding space are one outlet.
func OutletKey(name string) string { return strings.ToLower(strings.TrimSpace(name)) }

// Outlets returns the distinct outlets among names, one spelling each (the
// first met), in order of their keys.
func Outlets(names []string) []string {
	seen := map[string]string{}
	for _, n := range names {
		if k := OutletKey(n); k != "" {
			if _, ok := seen[k]; !ok {
				seen[k] = strings.TrimSpace(n)
			}
		}
	}
	keys := make([]string, 0, len(seen))
	for k := range seen {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = seen[k]
	}
	return out
}
