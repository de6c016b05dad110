package cluster

import (
	"math"
	"slices"
	"strings"

	"github.com/parallax-news/parallax/internal/tokenize"
)

// feat is one weighted feature of a sparse vector. Features are hashed
// words (stemmed, stopwords dropped) and hashed names; name hashes are
// salted so that the name "Ford" and the word "ford" differ.
type feat struct {
	h uint64
	w float32
}

// vec is a sparse vector sorted by feature hash.
type vec []feat

// nameSalt keeps name features apart from word features; name hashes
// have their lowest bit set, word hashes clear, so that the two blocks of
// a vector can be told apart.
const nameSalt = 0x9e3779b97f4a7c15

func isName(h uint64) bool { return h&1 == 1 }

// counts holds one document's raw feature counts before weighting, as
// features whose weight is the count.
type counts struct {
	words []feat
	names []feat
}

// counter turns documents into raw counts. It is not safe for concurrent
// use; make one per goroutine.
type counter struct {
	cfg     *Config
	tk      *tokenize.Tokenizer
	phrases []tokenize.Phrase
	key     []byte
	words   tally // scratch
	names   tally // scratch
}

func newCounter(cfg *Config) *counter {
	return &counter{cfg: cfg, tk: tokenize.New(tokenize.Options{Stem: true, Stopwords: true, MinLen: 2})}
}

// count returns the raw feature counts of d.
func (c *counter) count(d *Doc) counts {
	c.words.reset()
	c.names.reset()
	cs := struct{ words, names *tally }{&c.words, &c.names}
	text := d.Text
	if c.cfg.MaxTextBytes > 0 && len(text) > c.cfg.MaxTextBytes {
		text = text[:c.cfg.MaxTextBytes]
	}
	leadEnd := leadLength(text, c.cfg.LeadBytes)
	lw := float32(c.cfg.LeadWeight)
	nw := float32(c.cfg.NumberWeight)
	words := func(s string, w float32) {
		c.tk.Each(s, func(tok []byte) {
			switch {
			case !numeric(tok) || year(tok):
				cs.words.add(tokenize.Hash(tok)&^1, w)
			case nw > 0:
				// Numbers tell apart reports written from one template
				// (scores, results, tolls): they count with the names.
				cs.names.add((tokenize.Hash(tok)^nameSalt)|1, w*nw)
			}
		})
	}
	words(d.Title, float32(c.cfg.TitleWeight))
	words(text[:leadEnd], lw)
	words(text[leadEnd:], 1)
	addName := func(key []byte, n float32) {
		if len(key) < 2 || n <= 0 {
			return
		}
		cs.names.add((tokenize.Hash(squeeze(key))^nameSalt)|1, n)
	}
	for k, src := range [2]string{d.Title, namedText(text, leadEnd, c.cfg.NameTail)} {
		c.phrases = c.tk.Phrases(c.phrases[:0], src)
		for _, p := range c.phrases {
			// Names in the headline and lead name the protagonists; later
			// ones are often background.
			var w float32
			switch {
			case k == 0:
				w = float32(c.cfg.TitleWeight)
			case p.Start < leadEnd:
				w = lw
			default:
				w = float32(c.cfg.NameTail)
			}
			c.key = tokenize.AppendKey(c.key[:0], p.Text)
			addName(c.key, w)
			// The last word of a multi-word name stands for it too
			// ("Lindsay Lohan" ... "Lohan").
			if i := lastSpace(c.key); i > 0 && !p.Acronym {
				addName(c.key[i+1:], w/2)
			}
		}
	}
	// One allocation for both blocks.
	k := len(c.words.feats)
	all := make([]feat, k+len(c.names.feats))
	copy(all, c.words.feats)
	copy(all[k:], c.names.feats)
	return counts{words: all[:k:k], names: all[k:]}
}

// tally sums weights by feature hash, like a map[uint64]float32 that is
// cleared and reused for every document without hashing through the Go
// runtime: features are listed in feats in the order they first came, and
// an open-addressing table over slots maps a hash to its place in feats.
// A slot is taken when its stamp equals gen, so that a reset is O(1).
type tally struct {
	feats []feat
	slots []int32  // index in feats
	stamp []uint32 // gen of the document that took the slot
	gen   uint32
	shift uint
}

// reset empties the tally.
func (t *tally) reset() {
	t.feats = t.feats[:0]
	t.gen++
	if t.gen == 0 { // wrapped: no stale stamp may match
		clear(t.stamp)
		t.gen = 1
	}
}

// add adds w to the weight of feature h.
func (t *tally) add(h uint64, w float32) {
	if 2*(len(t.feats)+1) > len(t.slots) {
		t.grow()
	}
	mask := uint64(len(t.slots) - 1)
	for i := probeHome(h, t.shift); ; i = (i + 1) & mask {
		if t.stamp[i] != t.gen {
			t.stamp[i] = t.gen
			t.slots[i] = int32(len(t.feats))
			t.feats = append(t.feats, feat{h, w})
			return
		}
		if f := &t.feats[t.slots[i]]; f.h == h {
			f.w += w
			return
		}
	}
}

// grow doubles the table (at least 256 slots) and places the features
// listed again.
func (t *tally) grow() {
	bits := uint(8)
	for 1<<bits < 4*(len(t.feats)+1) {
		bits++
	}
	n := 1 << bits
	t.slots, t.stamp, t.gen, t.shift = make([]int32, n), make([]uint32, n), 1, 64-bits
	mask := uint64(n - 1)
	for k, f := range t.feats {
		i := probeHome(f.h, t.shift)
		for t.stamp[i] == t.gen {
			i = (i + 1) & mask
		}
		t.stamp[i], t.slots[i] = t.gen, int32(k)
	}
}

// leadLength returns the byte length of the text's lead: its first
// paragraphs up to about n bytes, ending at a line break when one is near.
func leadLength(text string, n int) int {
	if n <= 0 {
		return 0
	}
	if len(text) <= n {
		return len(text)
	}
	if i := strings.IndexByte(text[n:], '\n'); i >= 0 && i < n/2 {
		return n + i
	}
	for n < len(text) && text[n] != ' ' && text[n] != '\n' {
		n++
	}
	return n
}

// namedText returns the part of text whose names count: all of it when
// names after the lead weigh (tail > 0), else the lines that start in the
// lead (its first leadEnd bytes). Phrases are found line by line, so the
// phrases of those lines, offsets included, are the same as in the whole
// text, and the tail's lines, whose names would weigh nothing, are not
// scanned.
func namedText(text string, leadEnd int, tail float64) string {
	if tail > 0 {
		return text
	}
	if i := strings.IndexByte(text[leadEnd:], '\n'); i >= 0 {
		return text[:leadEnd+i]
	}
	return text
}

// squeeze folds spelling variants of a name key in place by collapsing
// runs of one letter ("shaaban" and "shaban", "hassan" and "hasan").
func squeeze(b []byte) []byte {
	out := b[:0]
	var prev byte
	for _, ch := range b {
		if ch == prev {
			continue
		}
		prev = ch
		out = append(out, ch)
	}
	return out
}

func lastSpace(b []byte) int {
	for i := len(b) - 1; i >= 0; i-- {
		if b[i] == ' ' {
			return i
		}
	}
	return -1
}

// numeric reports whether a token is made only of digits (years, counts):
// they say little about which event a text reports and are many.
func numeric(tok []byte) bool {
	for _, c := range tok {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// year reports whether a numeric token looks like a year (1900-2099).
func year(tok []byte) bool {
	return len(tok) == 4 && (tok[0] == '1' && tok[1] == '9' || tok[0] == '2' && tok[1] == '0')
}

// weigh turns counts into a unit-length TF-IDF vector of at most max
// features, using the document frequencies in df over n documents.
func weigh(cs counts, df *dfTable, n int, nameWeight float64, max int) vec {
	v := make(vec, 0, len(cs.words)+len(cs.names))
	add := func(fs []feat, mult float64) {
		for _, f := range fs {
			tf := float64(f.w)
			w := idf(df.get(f.h), n) * mult
			if tf >= 1 {
				w *= 1 + math.Log(tf)
			} else {
				w *= tf
			}
			if w > 0 {
				v = append(v, feat{f.h, float32(w)})
			}
		}
	}
	add(cs.words, 1)
	add(cs.names, nameWeight)
	if max > 0 && len(v) > max {
		v = selectFunc(v, max, heavier)
	}
	slices.SortFunc(v, byHash)
	normalize(v)
	return v
}

// idf is a smoothed inverse document frequency.
func idf(df int32, n int) float64 {
	x := math.Log((float64(n) + 1) / (float64(df) + 0.5))
	if x <= 0 {
		return 0
	}
	return x * math.Sqrt(x) // x^1.5: rare words weigh more than plain IDF says
}

// normalize scales each block of v (words, names) to unit length.
func normalize(v vec) {
	nw, nn := norms(v)
	var iw, in float32
	if nw > 0 {
		iw = float32(1 / nw)
	}
	if nn > 0 {
		in = float32(1 / nn)
	}
	for i := range v {
		if isName(v[i].h) {
			v[i].w *= in
		} else {
			v[i].w *= iw
		}
	}
}

// norms returns the Euclidean lengths of the word and name blocks of v.
func norms(v vec) (words, names float64) {
	for _, f := range v {
		if isName(f.h) {
			names += float64(f.w) * float64(f.w)
		} else {
			words += float64(f.w) * float64(f.w)
		}
	}
	return math.Sqrt(words), math.Sqrt(names)
}

// dot2 returns the dot products of the word and name blocks of a and b.
func dot2(a, b vec) (words, names float64) {
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i].h < b[j].h:
			i++
		case a[i].h > b[j].h:
			j++
		default:
			p := float64(a[i].w) * float64(b[j].w)
			if isName(a[i].h) {
				names += p
			} else {
				words += p
			}
			i++
			j++
		}
	}
	return words, names
}

// byHash orders features by hash, the order of a vec.
func byHash(a, b feat) int {
	switch {
	case a.h < b.h:
		return -1
	case a.h > b.h:
		return 1
	}
	return 0
}

// byWeight orders features heaviest first, ties by hash.
func byWeight(a, b feat) int {
	switch {
	case a.w > b.w:
		return -1
	case a.w < b.w:
		return 1
	}
	return byHash(a, b)
}

// dot is the dot product of two sorted sparse vectors.
func dot(a, b vec) float64 {
	var s float64
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i].h < b[j].h:
			i++
		case a[i].h > b[j].h:
			j++
		default:
			s += float64(a[i].w) * float64(b[j].w)
			i++
			j++
		}
	}
	return s
}

// addScaled returns a + k·b for sorted sparse vectors, reusing dst.
func addScaled(dst, a, b vec, k float32) vec {
	dst = dst[:0]
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case j >= len(b) || (i < len(a) && a[i].h < b[j].h):
			dst = append(dst, a[i])
			i++
		case i >= len(a) || a[i].h > b[j].h:
			dst = append(dst, feat{b[j].h, k * b[j].w})
			j++
		default:
			if w := a[i].w + k*b[j].w; w > 1e-6 {
				dst = append(dst, feat{a[i].h, w})
			}
			i++
			j++
		}
	}
	return dst
}

// prune keeps the max heaviest features of v (sorted by hash again).
func prune(v vec, max int) vec {
	if len(v) <= max {
		return v
	}
	v = selectFunc(v, max, heavier)
	slices.SortFunc(v, byHash)
	return v
}

// heavier reports whether a comes before b in byWeight order.
func heavier(a, b feat) bool { return byWeight(a, b) < 0 }

// topFeats returns the k heaviest features of v that more than one
// document has (a feature of one document retrieves nothing), heaviest
// first, in dst.
func (c *Clusterer) topFeats(v vec, k int, dst []feat) []feat {
	dst = dst[:0]
	for _, f := range v {
		if c.df.get(f.h) > 1 {
			dst = append(dst, f)
		}
	}
	if len(dst) > k {
		dst = selectFunc(dst, k, heavier)
	}
	slices.SortFunc(dst, byWeight)
	return dst
}

// probe is a hash table of one vector's features, for taking its dot
// product with many others: a lookup per feature of the other vector
// instead of a merge of both.
//
// Every feature sits in its home slot or the next one (the table grows
// until that holds), so a lookup reads two fixed slots and needs no
// data-dependent branch. The vectors compared are mostly not in the CPU
// cache and share features at random, where a probing loop's branch
// mispredictions cost more than the second slot's read.
type probe struct {
	keys  []uint64
	words []float32 // weight of a word feature, 0 for a name
	names []float32 // weight of a name feature, 0 for a word
	shift uint
}

// probeHome returns the home slot of key h in a table of 1<<(64-shift)
// slots (plus one).
func probeHome(h uint64, shift uint) uint64 { return (h * 0x9E3779B97F4A7C15) >> shift }

// load fills the table with v.
func (p *probe) load(v vec) {
	bits := uint(4)
	for 1<<bits < 4*len(v) {
		bits++
	}
	for ; ; bits++ {
		n := 1<<bits + 1
		if cap(p.keys) < n {
			p.keys, p.words, p.names = make([]uint64, n), make([]float32, n), make([]float32, n)
		} else {
			p.keys, p.words, p.names = p.keys[:n], p.words[:n], p.names[:n]
			clear(p.keys)
			clear(p.words)
			clear(p.names)
		}
		p.shift = 64 - bits
		if p.fill(v) {
			return
		}
	}
}

// fill inserts v's features, or reports false when one finds both its
// slots taken.
func (p *probe) fill(v vec) bool {
	for _, f := range v {
		h := f.h | 2 // never 0, the empty mark; the low bit (name) is kept
		i := probeHome(h, p.shift)
		if p.keys[i] != 0 {
			if i++; p.keys[i] != 0 {
				return false
			}
		}
		p.keys[i] = h
		if isName(h) {
			p.names[i] = f.w
		} else {
			p.words[i] = f.w
		}
	}
	return true
}

// dot2 is dot2 of the loaded vector and b.
//
// Most features of b are not in the table, and the branch that skips
// them is mostly right; a feature found adds its product to its block,
// in b's (hash) order, so the sums are those of dot2 bit for bit.
func (p *probe) dot2(b vec) (words, names float64) {
	keys, pw, pn, shift := p.keys, p.words, p.names, p.shift
	for _, f := range b {
		h := f.h | 2
		i := probeHome(h, shift)
		var d float64
		switch {
		case keys[i] == h:
			d = float64(f.w) * float64(pw[i]+pn[i])
			if keys[i+1] == h {
				// Two features of the table differing in bit 1 only.
				d = float64(f.w)*float64(pw[i]+pn[i]) + float64(f.w)*float64(pw[i+1]+pn[i+1])
			}
		case keys[i+1] == h:
			d = float64(f.w) * float64(pw[i+1]+pn[i+1])
		default:
			continue
		}
		if isName(h) {
			names += d
		} else {
			words += d
		}
	}
	return words, names
}
