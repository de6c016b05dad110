package claim

import (
	"cmp"
	"math"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/analyze/geo"
	"github.com/parallax-news/parallax/internal/analyze/synonym"
	"github.com/parallax-news/parallax/internal/model"
	tk "github.com/parallax-news/parallax/internal/tokenize"
)

// Claim is one claim: a proposition with every stance mention that states
// it, possibly in other words, across articles and outlets.
type Claim struct {
	// Claim is a representative wording of the proposition: the member
	// proposition most central to the group, the shorter one on ties.
	Claim string
	// Stances are the group's stance mentions in input order.
	Stances []model.StanceMention
}

// Grouping parameters.
const (
	// linkThreshold is the least similarity of two propositions that
	// links them.
	linkThreshold = 0.30
	// avgThreshold is the least average similarity, over all pairs of
	// members, of two groups that are merged (average link; pairs without
	// a link count zero). It keeps chains of loosely related propositions
	// apart.
	avgThreshold = 0.12
	// minShared is the least number of shared terms for a link.
	minShared = 2
	// entityWeight scales the weight of names (countries, capitals,
	// capitalised words): shared names support a link but cannot make one.
	entityWeight = 0.35
	// maxPosting bounds the candidates one term proposes for a
	// proposition: the next maxPosting propositions (in input order)
	// sharing the term. Rare terms propose all; common ones propose
	// near neighbours only, which keeps the cost linear in the input.
	maxPosting = 300
)

// termTable interns terms and records which are names.
type termTable struct {
	ids map[string]int32
	ent []bool
	// words caches each content word seen (lower case) with its term:
	// a word's term is the same on every later sight (only the first
	// sets ent).
	words map[string]wordTerm
}

// wordTerm is a content word's term id and the word without a negating
// prefix (see unNegated).
type wordTerm struct {
	id   int32
	from string
}

func (tt *termTable) id(w string, ent bool) int32 {
	id, ok := tt.ids[w]
	if !ok {
		id = int32(len(tt.ent))
		tt.ids[w] = id
		tt.ent = append(tt.ent, ent)
	}
	return id
}

// Group clusters stance mentions that state the same proposition in other
// words, across articles and outlets. Propositions are compared by their
// content words after stemming and folding of synonyms ("forbade" and
// "prohibited", "shipped" and "supplied", "Lima", "Peruvian" and "Peru"),
// weighted by rarity, with names weighing less than other words. Two
// stances whose similarity reaches a threshold are linked; linked groups
// are merged, strongest links first, while their average similarity stays
// above a second threshold. Candidate pairs come from an inverted index on
// terms, so the cost grows with the number of stances sharing a term
// rather than with the square of all stances.
//
// Groups come largest first, then by their first stance's position in the
// input; the output depends only on the input.
func Group(stances []model.StanceMention) []Claim {
	n := len(stances)
	if n == 0 {
		return nil
	}
	// Stances with the same proposition terms are one node: a proposition
	// repeated by many holders counts once in the similarity structure.
	tt := &termTable{ids: make(map[string]int32), words: make(map[string]wordTerm)}
	stanceTerms := make([][]int32, len(stances))
	nodeOf := make([]int32, len(stances))
	var terms [][]int32
	byKey := make(map[string]int32)
	var kb []byte
	for i := range stances {
		ts := propTerms(stances[i].Proposition, tt)
		stanceTerms[i] = ts
		kb = kb[:0]
		if len(ts) < minShared {
			// no content words: only the same wording is the same claim,
			// and an empty proposition is a claim of its own
			if p := strings.TrimSpace(stances[i].Proposition); p != "" {
				kb = append(kb, 0)
				kb = append(kb, strings.ToLower(p)...)
			} else {
				kb = append(kb, 1, byte(i), byte(i>>8), byte(i>>16), byte(i>>24), byte(i>>32), byte(i>>40))
			}
		}
		for _, t := range ts {
			kb = append(kb, byte(t), byte(t>>8), byte(t>>16), byte(t>>24))
		}
		id, ok := byKey[string(kb)]
		if !ok {
			id = int32(len(terms))
			byKey[string(kb)] = id
			terms = append(terms, ts)
		}
		nodeOf[i] = id
	}
	n = len(terms)
	df := make([]int32, len(tt.ent))
	for _, ts := range terms {
		for _, t := range ts {
			df[t]++
		}
	}
	weight := make([]float64, len(df))
	for t, d := range df {
		weight[t] = math.Log(1 + float64(n+1)/float64(d))
		if tt.ent[t] {
			weight[t] *= entityWeight
		}
	}
	total := make([]float64, n)
	post := make([][]int32, len(df))
	for i, ts := range terms {
		for _, t := range ts {
			total[i] += weight[t]
			post[t] = append(post[t], int32(i))
		}
	}

	type edge struct {
		i, j int32
		sim  float64
	}
	var edges []edge
	seen := make([]int32, n) // last i that proposed j, plus one
	for i, ts := range terms {
		if len(ts) < minShared {
			continue
		}
		for _, t := range ts {
			if tt.ent[t] {
				continue
			}
			// the nodes after i sharing t, at most maxPosting of them
			p := post[t]
			k := sort.Search(len(p), func(x int) bool { return int(p[x]) > i })
			p = p[k:min(len(p), k+maxPosting)]
			for _, j := range p {
				if seen[j] == int32(i+1) {
					continue
				}
				seen[j] = int32(i + 1)
				if s := similarity(ts, terms[j], weight, tt.ent, total[i], total[j]); s >= linkThreshold {
					edges = append(edges, edge{int32(i), j, s})
				}
			}
		}
	}
	// (i, j) is unique, so the order is total and any sort gives it.
	slices.SortFunc(edges, func(a, b edge) int {
		if a.sim != b.sim {
			return cmp.Compare(b.sim, a.sim)
		}
		if a.i != b.i {
			return cmp.Compare(a.i, b.i)
		}
		return cmp.Compare(a.j, b.j)
	})
	// Agglomerate: link sums between groups are kept in per-group maps,
	// merged smaller into larger.
	parent := make([]int32, n)
	size := make([]int, n)
	links := make([]map[int32]float64, n)
	for i := range parent {
		parent[i] = int32(i)
		size[i] = 1
	}
	for _, e := range edges {
		if links[e.i] == nil {
			links[e.i] = make(map[int32]float64)
		}
		if links[e.j] == nil {
			links[e.j] = make(map[int32]float64)
		}
		links[e.i][e.j] += e.sim
		links[e.j][e.i] += e.sim
	}
	find := func(x int32) int32 {
		for parent[x] != x {
			parent[x] = parent[parent[x]]
			x = parent[x]
		}
		return x
	}
	for _, e := range edges {
		a, b := find(e.i), find(e.j)
		if a == b {
			continue
		}
		if links[a][b]/float64(size[a]*size[b]) < avgThreshold {
			continue
		}
		// the root is the earliest member; other ids pointing at the
		// dropped root are redirected.
		r, o := a, b
		if r > o {
			r, o = o, r
		}
		for c, s := range links[o] {
			if c != r {
				links[c][r] += s
				delete(links[c], o)
			}
		}
		big, small := links[r], links[o]
		if len(big) < len(small) {
			big, small = small, big
		}
		for c, s := range small {
			big[c] += s
		}
		delete(big, r)
		delete(big, o)
		links[r], links[o] = big, nil
		a, b = r, o
		parent[b] = a
		size[a] += size[b]
	}
	members := make(map[int32][]int32)
	var roots []int32
	for i := range stances {
		r := find(nodeOf[i])
		if _, ok := members[r]; !ok {
			roots = append(roots, r)
		}
		members[r] = append(members[r], int32(i))
	}
	sort.SliceStable(roots, func(a, b int) bool { return len(members[roots[a]]) > len(members[roots[b]]) })
	out := make([]Claim, 0, len(roots))
	for _, r := range roots {
		ms := members[r]
		g := Claim{Stances: make([]model.StanceMention, len(ms))}
		for k, i := range ms {
			g.Stances[k] = stances[i]
		}
		g.Claim = representative(stances, stanceTerms, weight, ms)
		out = append(out, g)
	}
	return out
}

// similarity compares two sorted term sets: the weight of the shared terms
// over a mean of the sets' weights leaning to the smaller one, so a short
// proposition inside a long one still matches. At least minShared terms,
// one of them not a name, must be shared.
func similarity(a, b []int32, weight []float64, ent []bool, wa, wb float64) float64 {
	shared, n, content := 0.0, 0, 0
	for x, y := 0, 0; x < len(a) && y < len(b); {
		switch {
		case a[x] < b[y]:
			x++
		case a[x] > b[y]:
			y++
		default:
			shared += weight[a[x]]
			n++
			if !ent[a[x]] {
				content++
			}
			x++
			y++
		}
	}
	if n < minShared || content == 0 || wa == 0 || wb == 0 {
		return 0
	}
	lo, hi := math.Min(wa, wb), math.Max(wa, wb)
	return shared / (math.Pow(lo, 0.6) * math.Pow(hi, 0.4))
}

// representative picks the claim text of a group: the proposition closest
// to the group's term centroid, preferring complete (three terms or more)
// and shorter ones.
func representative(stances []model.StanceMention, terms [][]int32, weight []float64, ms []int32) string {
	if len(ms) == 1 {
		return strings.TrimSpace(stances[ms[0]].Proposition)
	}
	count := make(map[int32]int, 16)
	for _, i := range ms {
		for _, t := range terms[i] {
			count[t]++
		}
	}
	best, bestScore := int32(-1), -1.0
	for _, i := range ms {
		ts := terms[i]
		s, norm := 0.0, 0.0
		for _, t := range ts {
			w := weight[t]
			s += w * float64(count[t]) / float64(len(ms))
			norm += w * w
		}
		if norm > 0 {
			s /= math.Sqrt(norm)
		}
		if len(ts) < 3 {
			s *= 0.5
		}
		// prefer shorter wordings a little
		s /= 1 + float64(len(stances[i].Proposition))/400
		if best < 0 || s > bestScore+1e-12 ||
			math.Abs(s-bestScore) <= 1e-12 && len(stances[i].Proposition) < len(stances[best].Proposition) {
			best, bestScore = i, s
		}
	}
	return strings.TrimSpace(stances[best].Proposition)
}

// propTerms returns the sorted, distinct term ids of a proposition's content
// words, adding new terms to tt.
func propTerms(p string, tt *termTable) []int32 {
	var out []int32
	prev, lastFrom := "", ""
	first := true
	for i := 0; i < len(p); {
		r, sz := utf8.DecodeRuneInString(p[i:])
		if !isWordRune(r) {
			i += sz
			continue
		}
		start := i
		upper := unicode.IsUpper(r)
		for i < len(p) {
			r, sz = utf8.DecodeRuneInString(p[i:])
			if !isWordRune(r) && !((r == '.' || isApos(r)) && nextIsWord(p, i+sz)) {
				break
			}
			i += sz
		}
		w := strings.ToLower(p[start:i])
		w = strings.ReplaceAll(w, "’", "'")
		w = strings.TrimSuffix(w, "'s")
		w = strings.ReplaceAll(w, ".", "")
		isFirst := first
		first = false
		if w == "us" && !upper || w == "cent" && prev == "per" {
			// "per cent" is "percent", a stop word, not a coin
			prev = w
			continue
		}
		if f, ok := foldPhrase(prev, w); ok {
			// two-word names: "united states", "white house"
			if len(out) > 0 && lastFrom == prev {
				out = out[:len(out)-1]
			}
			out = append(out, tt.id(f.to, f.name))
			prev, lastFrom = w, ""
			continue
		}
		prev = w
		if stopWord(w) || len(w) > 3 && w[len(w)-1] == 's' && stopWord(w[:len(w)-1]) || len(w) < 2 || isAdverb(w) {
			continue
		}
		if wt, ok := tt.words[w]; ok {
			out = append(out, wt.id)
			lastFrom = wt.from
			continue
		}
		key := w
		w = unNegated(w)
		st := stem(w)
		f, ok := synonyms[st]
		if !ok {
			// names and numbers support a match but cannot make one
			f = folded{to: st, name: upper && !isFirst || w[0] >= '0' && w[0] <= '9'}
		}
		id := tt.id(f.to, f.name)
		tt.words[key] = wordTerm{id: id, from: w}
		out = append(out, id)
		lastFrom = w
	}
	slices.Sort(out)
	k := 0
	for i, t := range out {
		if i == 0 || t != out[k-1] {
			out[k] = t
			k++
		}
	}
	return out[:k]
}

func nextIsWord(p string, i int) bool {
	if i >= len(p) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(p[i:])
	return isWordRune(r)
}

// stem returns the stem of a lower-case word (see tokenize.Stem), so
// "supplied", "supplying" and "supplies" share a stem. Nouns in "-ation"
// keep their ending, so "stations" and "station" do not fold with
// "state" nor "stated".
func stem(w string) string {
	if strings.HasSuffix(w, "ations") {
		return w[:len(w)-1]
	}
	if strings.HasSuffix(w, "ation") {
		return w
	}
	return tk.StemString(w)
}

// unNegated returns a participle or adjective negated by the prefix "un-"
// without it ("unrepaired" → "repaired", "unconstitutional" →
// "constitutional"), else w. A claim's terms ignore negation ("not" is a
// stop word), so a claim and its denial share their terms whichever way
// the negation is written. Words where "un" starts the stem ("under",
// "union", "united", "until") are left alone: the rest must be a word of
// at least five letters with a participle or adjective ending.
func unNegated(w string) string {
	if len(w) < 7 || !strings.HasPrefix(w, "un") {
		return w
	}
	rest := w[2:]
	switch {
	case strings.HasPrefix(rest, "i"), strings.HasPrefix(rest, "der"), strings.HasPrefix(rest, "til"), strings.HasPrefix(rest, "less"):
		return w
	}
	for _, suf := range [...]string{"ed", "able", "ible", "al", "ful", "ive", "ent", "ant"} {
		if strings.HasSuffix(rest, suf) && len(rest)-len(suf) >= 3 {
			return rest
		}
	}
	return w
}

// foldPhrase folds two-word names to one term: countries ("united
// states", "south korea") and the metonyms below.
func foldPhrase(prev, w string) (folded, bool) {
	if prev == "" || !phraseWords.may(prev, w) {
		return folded{}, false
	}
	f, ok := phrases[prev+" "+w]
	return f, ok
}

// wordFilter tells, from their first bytes and lengths, the word pairs
// that cannot be a key of phrases, so that most words of a proposition
// are passed without building and hashing the pair.
type wordFilter struct {
	first, second [256]uint64 // by a word's first byte: bit min(len, 63)
	all           bool        // a key is not two words: let every pair through
}

// may reports whether "prev w" can be a key the filter was built from.
func (f *wordFilter) may(prev, w string) bool {
	if f.all || prev == "" || w == "" {
		return f.all
	}
	return f.first[prev[0]]&(1<<min(len(prev), 63)) != 0 && f.second[w[0]]&(1<<min(len(w), 63)) != 0
}

// phraseWords filters the pairs of words looked up in phrases.
var phraseWords = func() *wordFilter {
	f := new(wordFilter)
	for k := range phrases {
		a, b, _ := strings.Cut(k, " ")
		if a == "" || b == "" {
			f.all = true
			return f
		}
		f.first[a[0]] |= 1 << min(len(a), 63)
		f.second[b[0]] |= 1 << min(len(b), 63)
	}
	return f
}()

// metonyms are words and two-word names that, in a claim, stand for a
// country or union but are not in the country table: seats of government,
// short forms and the general term for an unmanned aircraft.
var metonyms = map[string]string{
	"white house": "US", "us": "US", "america": "US", "kremlin": "RU", "uk": "GB", "britain": "GB",
	"downing street": "GB", "elysee": "FR", "kiev": "UA", "european union": "eu", "eu": "eu", "brussels": "eu",
}

// countryKey is the term every name, capital and demonym of a country
// folds to.
func countryKey(code string) string { return "@" + strings.ToLower(code) }

// countryWords maps the lower-case one- and two-word names, capitals and
// demonyms of sovereign countries (package geo) to their country's term;
// a word naming several countries ("congolese") names none.
func countryWords() map[string]string {
	out := make(map[string]string)
	amb := make(map[string]bool)
	for _, c := range geo.Countries() {
		if !c.Sovereign {
			continue
		}
		key := countryKey(c.Code)
		words := append(append(append([]string{c.Name}, c.Aliases...), c.Capitals...), c.Demonyms...)
		for _, w := range words {
			w = strings.ToLower(w)
			if strings.Count(w, " ") > 1 {
				continue
			}
			if k, ok := out[w]; ok && k != key {
				amb[w] = true
			}
			out[w] = key
		}
	}
	for w := range amb {
		delete(out, w)
	}
	for w, code := range metonyms {
		if code == "eu" {
			out[w] = code
		} else {
			out[w] = countryKey(code)
		}
	}
	return out
}

// phrases maps two-word names to their term. It is built once and only
// read.
var phrases = func() map[string]folded {
	m := map[string]folded{"unmanned aerial": {to: "drone"}, "unmanned aircraft": {to: "drone"}}
	// "give way" is to collapse, not to give anything
	for _, v := range [...]string{"give", "gives", "gave", "given", "giving"} {
		m[v+" way"] = folded{to: stem("collapse")}
	}
	for w, key := range countryWords() {
		if strings.Contains(w, " ") {
			m[w] = folded{to: key, name: true}
		}
	}
	return m
}()

// synonyms folds stems of words that, in a claim, usually state the same
// thing: the names, capitals and demonyms that stand for their country
// (package geo); the paraphrase families below; and WordNet's synonym
// groups (package synonym). Places and framing words ("war", "conflict")
// are marked as names. It is built once and only read.
var synonyms = func() map[string]folded {
	// Paraphrase families of news reports that WordNet does not join,
	// because they share a use in reporting rather than a dictionary
	// sense: ways of handing something over, of arming, of attacking, of
	// allying, of helping, of buying, of financing.
	sets := [][]string{
		{"drone", "uav", "unman", "aerial"},
		{"supply", "provid", "provide", "send", "sent", "deliver", "delivery", "ship", "shipment", "transfer", "sell", "sold", "sale", "give", "gave", "given", "furnish", "export", "equip"},
		{"weapon", "arm", "munit", "munition", "ammunit", "ammunition", "armament", "arsenal"},
		{"missil", "rocket"},
		{"attack", "strike", "assault", "raid", "bomb", "shell"},
		{"partnership", "alliance", "allianc", "pact", "ti", "tie", "relationship", "relation", "cooperate", "cooperat", "collaborate", "collaborat", "coordinate", "coordinat"},
		{"defens", "defenc", "defense", "defence"},
		{"form", "build", "built", "creat", "create", "establish", "forg", "forge", "develop"},
		{"help", "aid", "assist", "support", "bolster"},
		{"buy", "bought", "purchas", "purchase", "acquir", "acquire", "procur", "procure"},
		{"kill", "slay", "slain", "murder"},
		{"death", "die", "dead", "fatal"},
		{"hack", "breach", "cyberattack"},
		{"company", "firm", "corporat", "corporate"},
		{"plan", "plot", "prepar", "prepare"},
		{"fund", "financ", "finance", "bankrol", "money", "cash"},
		// ways of breaking a rule or an agreement, of naming one, of
		// forbidding, and of voting
		{"violate", "violat", "breach", "break", "broke", "broken", "contravene", "contraven", "infringe", "infring"},
		{"agreement", "treaty", "accord", "pact"},
		{"ban", "prohibit", "prohibition", "embargo", "forbid", "forbade", "forbidden"},
		{"election", "elect", "vote", "ballot", "poll"},
		// ways of knowing, of pay, and of cutting it
		{"know", "knew", "known", "aware", "awar"},
		{"salary", "salari", "wage", "pay", "earnings", "earn"},
		{"cut", "slash", "reduce", "reduc", "lower"},
	}
	// framing: the war or crisis a claim is set in
	names := [][]string{
		{"war", "conflict", "invasion", "invad", "invade", "offensiv", "offensive", "hostiliti", "hostilities", "fight", "crisis"},
	}
	m := make(map[string]folded)
	for w, key := range countryWords() {
		if !strings.Contains(w, " ") {
			f := folded{to: key, name: true}
			m[w] = f
			m[stem(w)] = f
		}
	}
	for k, list := range [2][][]string{sets, names} {
		for _, set := range list {
			f := folded{to: set[0], name: k == 1}
			for _, w := range set {
				m[w] = f
				m[stem(w)] = f
			}
		}
	}
	// general synonyms (package synonym, from WordNet) where the sets
	// above say nothing; a group with a word of a paraphrase family joins
	// that family ("perish" joins "die" and "death")
	for _, g := range synonym.Groups() {
		f := folded{to: "~" + g[0]}
		for _, w := range g {
			if x, ok := m[w]; ok && !x.name && !stopWord(w) {
				f = x
				break
			}
		}
		for _, w := range g {
			if _, ok := m[w]; !ok && !stopWord(w) {
				m[w] = f
			}
			if st := stem(w); !stopWord(w) {
				if _, ok := m[st]; !ok {
					m[st] = f
				}
			}
		}
	}
	return m
}()

// folded is the representative of a synonym set; name marks places.
type folded struct {
	to   string
	name bool
}

// stopWord reports function words and reporting vocabulary that carry no
// proposition content.
func stopWord(w string) bool {
	switch w {
	case "the", "a", "an", "and", "or", "but", "of", "to", "in", "on", "at", "by", "for", "with",
		"from", "into", "onto", "as", "that", "this", "these", "those", "it", "its", "they", "them",
		"their", "he", "him", "his", "she", "her", "we", "our", "you", "your", "i", "me", "my",
		"is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "having", "do",
		"does", "did", "will", "would", "shall", "should", "can", "could", "may", "might", "must",
		"not", "no", "nor", "so", "than", "then", "there", "here", "which", "who", "whom", "whose",
		"what", "when", "where", "why", "how", "if", "while", "about", "over", "under", "also",
		"any", "all", "some", "such", "other", "more", "most", "very", "just", "only", "up", "out",
		"said", "say", "says", "told", "tell", "claim", "claims", "claimed", "report", "reports",
		"reported", "allegation", "allegations", "alleged", "accuse", "accused", "accusing",
		"deny", "denied", "denies", "admit", "admitted", "including", "after", "before", "since",
		"during", "against", "between", "both", "each", "two", "one", "n't",
		"possible", "possibly", "allegedly", "reportedly", "would've", "use", "used", "using",
		"number", "limited", "several", "many", "few", "last", "year", "month", "week", "day",
		"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
		// light verbs and fillers that state nothing on their own
		"make", "makes", "made", "making", "take", "takes", "took", "taken", "taking", "get", "gets",
		"got", "getting", "go", "goes", "went", "gone", "going", "come", "comes", "came", "coming",
		"want", "wants", "wanted", "feel", "feels", "felt",
		"think", "thinks", "thought", "see", "sees", "saw", "seen", "look", "looks", "looked",
		"need", "needs", "needed", "way", "ways", "thing", "things", "time", "times", "lot",
		"still", "even", "well", "now", "already", "yet", "again", "ever", "never", "really",
		"whether", "because", "although", "though", "until", "unless", "per", "via", "amid",
		"without", "within", "upon", "among", "toward", "towards", "across", "through", "throughout",
		"mr", "mrs", "ms", "dr", "here's", "there's", "it's", "i'm", "we're", "they're", "he's", "she's",
		"us's", "him's", "let", "lets", "put", "puts", "keep", "keeps", "kept", "set", "sets",
		"important", "different", "good", "bad", "great", "big", "new", "same", "whole", "much",
		"lot's", "percent", "people", "thing's", "something", "anything", "nothing", "everything":
		return true
	}
	return false
}
