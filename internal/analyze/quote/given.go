package quote

import (
	"strings"

	"github.com/parallax-news/parallax/internal/model"
)

// properName reports whether key is two or three words each written with
// a capital and then lower-case letters ("Leanne Moss"), as a person's
// full name the recogniser left untyped is.
func properName(key string) bool {
	n := 0
	for _, w := range strings.Fields(key) {
		n++
		if len(w) < 2 || w[0] < 'A' || w[0] > 'Z' || strings.ToUpper(w) == w {
			return false
		}
	}
	return n == 2 || n == 3
}

// foldGivenNames returns ms with each lone given name ("brave Pauline",
// "love-rat Dean") that the recogniser left apart from the person named
// in full before it ("Pauline Tandy", or a name of two or three words the
// recogniser left untyped) keyed and typed as that person, so
// that a quotation credited to the given name goes to the full name. A
// given name joins only when exactly one person named before it has that
// first word, and never a name the recogniser typed otherwise (a place, an
// organisation). ms itself is not changed: a copy is returned when a name
// joins.
func foldGivenNames(text string, ms []model.Mention) []model.Mention {
	var out []model.Mention
	for i := range ms {
		m := &ms[i]
		if m.Type != model.Person && m.Type != model.Other || strings.IndexByte(m.Key, ' ') >= 0 ||
			m.Start < 0 || m.End > len(text) || m.Start >= m.End || strings.IndexByte(text[m.Start:m.End], ' ') >= 0 {
			continue
		}
		w := text[m.Start:m.End]
		if w == "" || w[0] < 'A' || w[0] > 'Z' {
			continue
		}
		key := ""
		for j := i - 1; j >= 0; j-- {
			p := &ms[j]
			// The cheap test first: most mentions do not start with w,
			// and properName splits the key into words.
			first, rest, ok := strings.Cut(p.Key, " ")
			if !ok || rest == "" || first != w && !givenVariant(first, w) {
				continue
			}
			if p.Type != model.Person && (p.Type != model.Other || !properName(p.Key) || placeOrBodyName(p.Key)) {
				continue
			}
			if key != "" && key != p.Key {
				key = ""
				break // two people of that given name: neither
			}
			key = p.Key
		}
		if key == "" {
			continue
		}
		if out == nil {
			out = make([]model.Mention, len(ms))
			copy(out, ms)
		}
		out[i].Type, out[i].Key = model.Person, key
	}
	if out == nil {
		return ms
	}
	return out
}

// givenVariant reports whether given names a and b are one name spelt
// with and without a final h after a vowel ("Abdullah" and "Abdulla",
// "Hamzah" and "Hamza"), as transliterations from Arabic differ.
func givenVariant(a, b string) bool {
	if len(a) < len(b) {
		a, b = b, a
	}
	return len(a) == len(b)+1 && len(b) >= 4 && a[len(a)-1] == 'h' && a[:len(b)] == b && strings.IndexByte("aeiou", b[len(b)-1]) >= 0
}

// placeOrBodyName reports whether key, a name the recogniser left untyped,
// ends with a word that names a school, a building, a street or a body
// ("Fairhaven Elementary", "Linwood Recreation Center", "Quarry Bank
// Road"): a place or an institution, not a person, though written like a
// full name.
func placeOrBodyName(key string) bool {
	last := key
	if i := strings.LastIndexByte(key, ' '); i >= 0 {
		last = key[i+1:]
	}
	last = strings.ToLower(last)
	if orgNoun(last) {
		return true
	}
	switch last {
	case "elementary", "primary", "school", "academy", "college", "high", "middle", "kindergarten",
		"center", "centre", "clinic", "library", "museum", "stadium", "arena", "hall", "church", "chapel",
		"mosque", "temple", "station", "airport", "port", "harbour", "harbor", "bridge", "park", "estate",
		"apartments", "tower", "towers", "mall", "market", "street", "road", "avenue", "lane", "drive",
		"way", "square", "close", "crescent", "highway", "river", "valley", "creek", "forest", "island":
		return true
	}
	return false
}
