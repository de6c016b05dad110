package compare

import (
	"strconv"
	"strings"

	"github.com/parallax-news/parallax/internal/model"
	"github.com/parallax-news/parallax/internal/tokenize"
)

// unit is one clause (for facts) or one quote (for quote groups) of one
// article, with the features it is aligned on.
type unit struct {
	doc   int // index of the article in the comparison
	span  model.Span
	feats []int32 // sorted, distinct feature ids
	sent  int     // index of the sentence it belongs to
	// people are the folded keys of the people it names.
	people []string
}

// minFeatures is the fewest content features a clause needs to be a fact
// on its own; shorter clauses join their neighbour.
const minFeatures = 2

// clauseBreaks are the words that start a new clause after a comma
// (", and the ...") or, for the auxiliaries, after a bare "and"
// ("... and is not against ...").
var (
	commaConj = []string{"and", "but", "while", "whereas", "although", "though", "who"}
	andAux    = map[string]bool{
		"is": true, "are": true, "was": true, "were": true, "has": true, "have": true, "had": true,
		"does": true, "do": true, "did": true, "will": true, "would": true, "can": true, "could": true,
		"not": true, "should": true, "must": true, "may": true,
	}
)

// clauses splits the sentence [lo, hi) of text into clause spans: at
// semicolons, at dashes between spaces, at a comma followed by a
// conjunction or a participle ("killing") and at "and" followed by an
// auxiliary verb or "not".
func clauses(text string, lo, hi int) []model.Span {
	var cuts []int // byte offsets where a new clause starts
	for i := lo; i < hi; i++ {
		switch c := text[i]; {
		case c == ';':
			cuts = append(cuts, i+1)
		case c == ',' && i+1 < hi && text[i+1] == ' ':
			w := nextWord(text, i+2, hi)
			if len(w) > 5 && strings.HasSuffix(w, "ing") && w != "including" && w != "according" && text[i+2] >= 'a' && text[i+2] <= 'z' {
				cuts = append(cuts, i+1) // a participle clause: ", killing 14 people"
				continue
			}
			for _, cj := range commaConj {
				if w == cj {
					cuts = append(cuts, i+1)
					break
				}
			}
		case c == ' ' && strings.HasPrefix(text[i:min(hi, i+5)], " and "):
			if andAux[nextWord(text, i+5, hi)] {
				cuts = append(cuts, i+1)
			}
		case c == ' ' && (strings.HasPrefix(text[i:min(hi, i+5)], " — ") || strings.HasPrefix(text[i:min(hi, i+5)], " – ")):
			cuts = append(cuts, i+1)
		}
	}
	out := make([]model.Span, 0, len(cuts)+1)
	start := lo
	for _, c := range append(cuts, hi) {
		s, e := trimSpan(text, start, c)
		if e > s {
			out = append(out, model.Span{Start: s, End: e})
		}
		start = c
	}
	return out
}

// nextWord returns the lower-cased ASCII word starting at i (after spaces).
func nextWord(text string, i, hi int) string {
	for i < hi && text[i] == ' ' {
		i++
	}
	j := i
	for j < hi && (text[j]|0x20 >= 'a' && text[j]|0x20 <= 'z') {
		j++
	}
	return strings.ToLower(text[i:j])
}

// trimSpan trims spaces and clause punctuation (, ; — –) from both ends,
// and a leading "and" or "but".
func trimSpan(text string, s, e int) (int, int) {
	for s < e {
		if r := text[s]; r == ' ' || r == ',' || r == ';' {
			s++
		} else if strings.HasPrefix(text[s:e], "—") || strings.HasPrefix(text[s:e], "–") {
			s += len("—")
		} else {
			break
		}
	}
	for _, cj := range []string{"and ", "but "} {
		if strings.HasPrefix(text[s:e], cj) && e-s > len(cj) {
			s += len(cj)
		}
	}
	for e > s {
		if r := text[e-1]; r == ' ' || r == ',' || r == ';' {
			e--
		} else {
			break
		}
	}
	return s, e
}

// featureTable gives ids to features (stemmed words, entity keys).
type featureTable struct {
	ids map[string]int32
	tok *tokenize.Tokenizer
	buf []int32
	// without switches off one kind of feature (to measure what it adds).
	without featureKinds
	// roles holds the stems of role words ("foreign", "minister"), which
	// like names do not count as shared content.
	roles map[string]bool
}

// featureKinds names kinds of alignment features.
type featureKinds uint8

const (
	synonymFeatures featureKinds = 1 << iota // words mapped through the synonym table
	entityFeatures                           // folded entity keys instead of name words
	numberFeatures                           // numbers
	wordnetFeatures                          // words mapped through WordNet synonym groups
)

func newFeatureTable() *featureTable {
	return &featureTable{ids: map[string]int32{}, roles: map[string]bool{}, tok: tokenize.New(tokenize.Options{Stem: true, Stopwords: true})}
}

func (ft *featureTable) id(s string) int32 {
	if id, ok := ft.ids[s]; ok {
		return id
	}
	id := int32(len(ft.ids))
	ft.ids[s] = id
	return id
}

// features returns the sorted distinct features of text[span]: the
// stemmed content words (through the synonym table, numbers written as
// words turned to digits) outside the given mentions, and the mentions'
// entity keys.
func (ft *featureTable) features(text string, span model.Span, mentions []model.Span, keys []string) []int32 {
	s := text[span.Start:span.End]
	if ft.without&entityFeatures != 0 {
		mentions, keys = nil, nil
	}
	if len(mentions) > 0 {
		b := []byte(s)
		for _, m := range mentions {
			for i := max(m.Start, span.Start); i < min(m.End, span.End); i++ {
				b[i-span.Start] = ' '
			}
		}
		s = string(b)
	}
	ft.buf = ft.buf[:0]
	prevNum := -1.0
	ft.tok.Each(s, func(tok []byte) {
		w := string(tok)
		if v, ok := countWords[w]; ok {
			w = strconv.FormatFloat(v, 'f', -1, 64)
		}
		if sc, ok := scaleWords[w]; ok && prevNum > 0 {
			// "two thousand" is the number 2000, as "2,000" is
			ft.buf[len(ft.buf)-1] = ft.id(strconv.FormatFloat(prevNum*sc, 'f', -1, 64))
			prevNum = -1
			return
		}
		prevNum = -1
		if v, err := strconv.ParseFloat(w, 64); err == nil {
			if ft.without&numberFeatures != 0 {
				return
			}
			prevNum = v
		} else if len(tok) < 3 {
			return
		}
		if syn, ok := synonyms[w]; ok && ft.without&synonymFeatures == 0 {
			w = syn
		} else if syn, ok := wordnet[w]; ok && ft.without&wordnetFeatures == 0 {
			w = syn
		}
		if reportingNoise[w] {
			return
		}
		if ft.roles[w] {
			w = "\x01" + w
		}
		ft.buf = append(ft.buf, ft.id(w))
	})
	for _, e := range keys {
		id := ft.id("\x00" + e)
		ft.buf = append(ft.buf, id)
	}
	return sortedSet(ft.buf)
}

// isEntities tells, by feature id, which features are entity keys or
// role words.
func (ft *featureTable) isEntities() []bool {
	out := make([]bool, len(ft.ids))
	for k, id := range ft.ids {
		out[id] = k != "" && k[0] <= 1
	}
	return out
}

// addRoles adds the words of a role ("Foreign Ministry spokesman") to the
// role words.
func (ft *featureTable) addRoles(role string) {
	ft.tok.Each(role, func(tok []byte) {
		w := string(tok)
		if s, ok := synonyms[w]; ok {
			w = s
		}
		ft.roles[w] = true
	})
}

// countWords and scaleWords turn numbers written as words into digits.
var (
	countWords = map[string]float64{
		"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
		"ten": 10, "eleven": 11, "twelve": 12, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "dozen": 12,
	}
	scaleWords = map[string]float64{"hundr": 100, "hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9}
)

// sortedSet returns the distinct values of xs in increasing order, in a
// new slice.
func sortedSet(xs []int32) []int32 {
	out := append([]int32(nil), xs...)
	for i := 1; i < len(out); i++ { // insertion sort: feature lists are short
		for j := i; j > 0 && out[j] < out[j-1]; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	k := 0
	for i, x := range out {
		if i == 0 || x != out[k-1] {
			out[k] = x
			k++
		}
	}
	return out[:k]
}
