// Package synonym is a table of English synonym groups compiled from
// WordNet 3.0 (WordNet licence, see synonyms.txt): words that share their
// most frequent sense, such as "supply", "provide" and "furnish", and the
// units of money with "money" ("dollar", "cedi", "shilling"). It is
// generated at development time and only read at run time.
package synonym

//go:generate go run ./internal/genwordnet -out synonyms.txt

import (
	_ "embed"
	"strings"
)

//go:embed synonyms.txt
var table string

// groups are the parsed groups; index maps a word to its group.
var groups, index = parse(table)

func parse(s string) ([][]string, map[string]int) {
	var gs [][]string
	idx := make(map[string]int)
	for _, line := range strings.Split(s, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		var g []string
		for _, w := range strings.Fields(line) {
			if w == "|" {
				continue
			}
			if _, dup := idx[w]; dup {
				continue
			}
			idx[w] = len(gs)
			g = append(g, w)
		}
		if len(g) > 1 {
			gs = append(gs, g)
		}
	}
	return gs, idx
}

// Groups returns every group: its lemmas, the most frequent first, then
// the irregular inflected forms of those lemmas ("supplied"). The slices
// are shared and must not be modified.
func Groups() [][]string { return groups }

// Of returns the representative of a lower-case word's group (its most
// frequent lemma) and whether the word is in a group.
func Of(w string) (string, bool) {
	i, ok := index[w]
	if !ok {
		return "", false
	}
	return groups[i][0], true
}
