// Package dedupe finds exact and near-duplicate articles: syndicated wire
// copy, re-posts with a changed headline, copies with a trimmed ending.
//
// Each text is cut into overlapping word shingles (runs of ShingleSize
// words, lower-cased, stopwords kept). Two sketches are kept per article:
//
//   - a one-permutation MinHash (Bands×Rows bins, densified), whose bands
//     are hashed into an LSH table to find candidate copies in constant time
//     per article;
//   - a bottom-k sketch (the SketchSize smallest shingle hashes), which is
//     the exact shingle set for short texts and an unbiased sample for long
//     ones. Every LSH candidate is verified on it: an article is a near-copy
//     when the estimated Jaccard similarity of the two shingle sets reaches
//     Jaccard, or when the shorter text is contained in the longer one
//     (Containment) and is at least MinLengthRatio of its length, which
//     catches copies with a trimmed ending.
//
// A near-copy must also name the same things: two texts written from one
// template (results, forecasts, earnings) match word for word around
// different people, places, organisations and numbers. Each article keeps
// the hashes of its names (capitalised words that do not start a sentence)
// and numbers, and a candidate whose names the other text lacks, beyond
// one in eight, is not a copy.
//
// Near-copies point to the root of their family: the first article seen
// of which they are (transitively) a copy.
//
// The index keeps a recent window (see Config.WindowDays): a copy is
// looked for among the articles dated within days of the newest one seen,
// and among the most recent undated ones, so that its memory stays flat
// however long the stream. Older articles drop out of memory; the saved
// segments holding them stay in the store and are not read again.
package dedupe

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/parallax-news/parallax/internal/tokenize"
)

// Config tunes an Index. The zero value is not useful; start from
// DefaultConfig.
type Config struct {
	// ShingleSize is the number of words in a shingle.
	ShingleSize int
	// Bands and Rows shape the LSH: Bands×Rows MinHash bins, Rows bins a
	// band. Two texts become candidates when one band matches; the
	// similarity at which that is likely is about (1/Bands)^(1/Rows).
	Bands, Rows int
	// SketchSize is the number of hashes in the bottom-k verification sketch.
	SketchSize int
	// Jaccard is the shingle Jaccard similarity from which two texts are
	// near-copies.
	Jaccard float64
	// Containment is the fraction of the shorter text's shingles found in
	// the longer one from which the shorter is a trimmed copy, provided it
	// has at least MinLengthRatio of the longer one's shingles.
	Containment    float64
	MinLengthRatio float64
	// MinWords is the length in words under which a text is never marked
	// as a copy, nor indexed: very short texts (captions, placeholders)
	// match by accident.
	MinWords int
	// ShortWords is the length under which the stricter ShortJaccard
	// applies and containment is not used.
	ShortWords   int
	ShortJaccard float64
	// MaxBucket caps how many of the most recent entries of one LSH bucket
	// are examined, so that shingles shared by many texts (boilerplate)
	// cannot make lookups slow.
	MaxBucket int
	// MaxVerify caps how many candidates are verified, those sharing
	// most bands first (0: all).
	MaxVerify int
	// NameSketch is how many name and number hashes are kept per article
	// (the smallest; all of them when it has fewer).
	NameSketch int
	// WindowDays is how many days before the newest dated article seen a
	// dated article stays in the index; UndatedCap how many of the most
	// recent undated articles stay (0: no limit).
	WindowDays int
	UndatedCap int
}

// DefaultConfig returns settings suited to news articles.
func DefaultConfig() Config {
	return Config{
		ShingleSize:    3,
		Bands:          24,
		Rows:           4,
		SketchSize:     128,
		Jaccard:        0.8,
		Containment:    0.8,
		MinLengthRatio: 0.6,
		MinWords:       10,
		ShortWords:     30,
		ShortJaccard:   0.9,
		MaxBucket:      32,
		MaxVerify:      64,
		NameSketch:     64,
		WindowDays:     14,
		UndatedCap:     50000,
	}
}

// validate reports a configuration that cannot work.
func (c Config) validate() error {
	switch {
	case c.ShingleSize < 1:
		return fmt.Errorf("dedupe: ShingleSize %d < 1", c.ShingleSize)
	case c.Bands < 1 || c.Rows < 1 || c.Bands*c.Rows > 1024:
		return fmt.Errorf("dedupe: bad LSH shape %d bands × %d rows", c.Bands, c.Rows)
	case c.SketchSize < 8 || c.SketchSize > 1<<chunkBits:
		return fmt.Errorf("dedupe: SketchSize %d not in [8, %d]", c.SketchSize, 1<<chunkBits)
	case c.NameSketch < 1 || c.NameSketch > 1<<chunkBits-c.SketchSize:
		return fmt.Errorf("dedupe: NameSketch %d not in [1, %d]", c.NameSketch, 1<<chunkBits-c.SketchSize)
	case c.MaxBucket < 1:
		return fmt.Errorf("dedupe: MaxBucket %d < 1", c.MaxBucket)
	}
	return nil
}

// doc is the state kept for one indexed article.
type doc struct {
	id     int64
	root   int64 // id of the family's first article; id itself if original
	words  int32
	n      int32 // number of shingles
	off    int32 // index of the sketch in Index.sketches, or in its frozen segment's
	sketch int32 // sketch length
	names  int32 // number of name hashes, stored after the sketch
	day    int32 // publication day (noDay: undated)
	useq   int64 // for an undated article, how many undated came before it
	ent    int32 // index of its first LSH entry, or key in its frozen segment (Bands of them follow)
	ord    int64 // how many articles were indexed before it
	seg    int32 // 1 + the index of its frozen segment in Index.frozen; 0: held in the index's own arrays
}

// noDay marks an undated article.
const noDay = math.MinInt32

// dayOf returns the day number of t (noDay for the zero time).
func dayOf(t time.Time) int32 {
	if t.IsZero() {
		return noDay
	}
	return int32(t.Unix() / 86400)
}

// entry is one element of an LSH bucket's list, newest first.
type entry struct {
	key  uint64
	doc  int32
	next int32 // index of the next (older) entry, -1 at the end
}

// Index finds near-copies among the texts added to it. It is not safe for
// concurrent use.
type Index struct {
	cfg      Config
	docs     []doc
	byID     map[int64]int32
	sketches chunked[uint32]
	buckets  heads
	entries  chunked[entry]
	// frozen are the segments loaded in place (see frozen), oldest
	// first: every document in buckets is newer than theirs.
	frozen []*frozen

	// horizon is the newest plausible day seen (noDay: none yet);
	// undated counts the undated articles ever added. Together they say
	// which articles are in the window (see visible).
	horizon int32
	undated int64
	// ords counts every article indexed.
	ords int64

	// What has been saved (see SaveSegment): the documents from index
	// saved on are not, and segs lists the stored segments.
	saved   int
	segs    []segInfo
	nextSeg int64
	// leaving is set by a save when articles left the window: they leave
	// memory (see compact) before the index is next used, not at the
	// save, so that a run's last save, whose index is not used again,
	// does not rebuild it.
	leaving bool
	// relayout is set when a segment of the layout before was loaded:
	// the next save writes the window whole in the current layout, so
	// that the next load searches it in place.
	relayout bool

	// Scratch space reused between calls.
	signer *Signer
	cands  []int32
	ranked []ranked
	runA   []uint32
}

// ranked is a candidate with the number of bands it shares.
type ranked struct {
	doc   int32
	bands int32
}

// Signature is what the index keeps of a text: its length, its LSH band
// keys and its bottom-k sketch. Computing it is most of the work of Add
// and needs no index, so it can run in parallel (see Signer).
type Signature struct {
	words  int
	n      int // shingles
	keys   []uint64
	bottom []uint32
	names  []uint32
}

// Signer computes Signatures. It is not safe for concurrent use; make one
// per goroutine with NewSigner.
type Signer struct {
	cfg    Config
	tok    *tokenize.Tokenizer
	hashes []uint64
	shing  []uint64
	bins   []uint32
	filled []bool
	keys   []uint64
	bottom []uint32
	names  []uint32
}

// NewSigner returns a Signer for texts to be added to x.
func (x *Index) NewSigner() *Signer {
	return &Signer{cfg: x.cfg, tok: tokenize.New(tokenize.Options{})}
}

// Sign computes the signature of a text.
func (x *Signer) Sign(text string) Signature {
	words := x.shingles(text)
	sig := Signature{words: words, n: len(x.shing)}
	if words < x.cfg.MinWords || len(x.shing) == 0 {
		return sig
	}
	x.minhash()
	x.bottomK()
	sig.keys = slices.Clone(x.keys)
	sig.bottom = slices.Clone(x.bottom)
	x.names = bottomNames(appendNames(x.names[:0], text), x.cfg.NameSketch)
	sig.names = slices.Clone(x.names)
	return sig
}

// New returns an empty Index. A Config that fails validation is replaced
// by DefaultConfig.
func New(cfg Config) *Index {
	if cfg.validate() != nil {
		cfg = DefaultConfig()
	}
	return &Index{
		cfg:     cfg,
		byID:    make(map[int64]int32),
		buckets: newHeads(0),
		horizon: noDay,
		nextSeg: 1,
	}
}

// Len returns the number of articles held in memory: those of the window
// at the last save, and those added since.
func (x *Index) Len() int {
	x.settle()
	return len(x.docs)
}

// visible reports whether an article is in the window.
func (x *Index) visible(d *doc) bool {
	if d.day == noDay {
		return x.cfg.UndatedCap <= 0 || d.useq >= x.undated-int64(x.cfg.UndatedCap)
	}
	return x.cfg.WindowDays <= 0 || x.horizon == noDay || d.day >= x.horizon-int32(x.cfg.WindowDays)
}

// advance moves the window to an article's day. A date more than two days
// ahead of the clock is not trusted to move it.
func (x *Index) advance(day int32) {
	if day == noDay || day <= x.horizon {
		return
	}
	if day > dayOf(time.Now())+2 {
		return
	}
	x.horizon = day
}

// Root returns the root of id's family (id itself for an original) and
// whether id is known.
func (x *Index) Root(id int64) (int64, bool) {
	x.settle()
	i, ok := x.byID[id]
	if !ok {
		return 0, false
	}
	return x.docs[i].root, true
}

// Day returns the start (UTC) of the publication day of article id, and
// false when the index does not hold it or it is undated.
func (x *Index) Day(id int64) (time.Time, bool) {
	x.settle()
	i, ok := x.byID[id]
	if !ok || x.docs[i].day == noDay {
		return time.Time{}, false
	}
	return time.Unix(int64(x.docs[i].day)*86400, 0).UTC(), true
}

// Add indexes the text of article id and returns the id of the original
// article it is a near-copy of (the root of its family, first seen), or 0
// when it is not a near-copy. Adding an id again returns the first
// answer and changes nothing.
func (x *Index) Add(id int64, text string) (dupOf int64) {
	if _, ok := x.byID[id]; ok {
		return x.AddSignature(id, Signature{})
	}
	if x.signer == nil {
		x.signer = x.NewSigner()
	}
	return x.AddSignature(id, x.signer.Sign(text))
}

// AddSignature is Add for a text signed beforehand by a Signer of x, of
// an undated article.
func (x *Index) AddSignature(id int64, sig Signature) (dupOf int64) {
	return x.AddDated(id, time.Time{}, sig)
}

// AddDated is AddSignature for an article published at published (zero:
// undated): the window moves with the dates of the articles added.
func (x *Index) AddDated(id int64, published time.Time, sig Signature) (dupOf int64) {
	x.settle()
	if i, ok := x.byID[id]; ok {
		if r := x.docs[i].root; r != id {
			return r
		}
		return 0
	}
	if sig.words < x.cfg.MinWords || sig.n == 0 || len(sig.keys) == 0 {
		return 0
	}
	d := doc{id: id, root: id, words: int32(sig.words), n: int32(sig.n), day: dayOf(published)}
	x.advance(d.day)
	if d.day == noDay {
		d.useq = x.undated
		x.undated++
	}

	// Candidates: every article in memory sharing a band, newest first.
	x.cands = x.cands[:0]
	for _, k := range sig.keys {
		seen := 0
		if head, ok := x.buckets.get(k); ok {
			for e := head; e >= 0 && seen < x.cfg.MaxBucket; seen++ {
				en := x.entries.at(int(e))
				x.cands = append(x.cands, en.doc)
				e = en.next
			}
		}
		for s := len(x.frozen) - 1; s >= 0 && seen < x.cfg.MaxBucket; s-- {
			var n int
			x.cands, n = x.frozen[s].lookup(k, x.cands, x.cfg.MaxBucket-seen, x.cfg.Bands)
			seen += n
		}
	}
	// Verify the candidates sharing most bands first, and at most
	// MaxVerify of them: a near-copy shares many bands, an article that
	// only shares boilerplate lines one or two.
	slices.Sort(x.cands)
	x.ranked = x.ranked[:0]
	for i := 0; i < len(x.cands); {
		j := i
		for j < len(x.cands) && x.cands[j] == x.cands[i] {
			j++
		}
		x.ranked = append(x.ranked, ranked{doc: x.cands[i], bands: int32(j - i)})
		i = j
	}
	if x.cfg.MaxVerify > 0 && len(x.ranked) > x.cfg.MaxVerify {
		slices.SortStableFunc(x.ranked, func(a, b ranked) int { return int(b.bands - a.bands) })
		x.ranked = x.ranked[:x.cfg.MaxVerify]
	}
	best, bestScore := int32(-1), 0.0
	for _, r := range x.ranked {
		c := r.doc
		if s, ok := x.verify(&x.docs[c], d, sig.bottom, sig.names); ok && s > bestScore {
			best, bestScore = c, s
		}
	}
	if best >= 0 {
		d.root = x.docs[best].root
	}

	// Index the new article.
	di := int32(len(x.docs))
	d.off = int32(x.sketches.appendRun(append(sig.bottom[:len(sig.bottom):len(sig.bottom)], sig.names...)))
	d.sketch = int32(len(sig.bottom))
	d.names = int32(len(sig.names))
	d.ent = int32(x.entries.count())
	d.ord = x.ords
	x.ords++
	x.docs = append(x.docs, d)
	x.byID[id] = di
	x.insertKeys(di, sig.keys)
	if d.root != id {
		return d.root
	}
	return 0
}

// insertKeys adds document di to the buckets of keys.
func (x *Index) insertKeys(di int32, keys []uint64) {
	for _, k := range keys {
		head, ok := x.buckets.get(k)
		if !ok {
			head = -1
		}
		x.buckets.put(k, int32(x.entries.add(entry{key: k, doc: di, next: head})))
	}
}

// settle drops from memory the articles that had left the window at the
// last save, if that is still to do (see Index.leaving).
func (x *Index) settle() {
	if x.leaving {
		x.leaving = false
		x.compact()
	}
}

// compact drops the articles that left the window from memory.
//
// Articles leave memory only after the index is saved, and before it is
// used again (see settle), with the window of the save: an index loaded
// from a save holds exactly what the saved one holds from then on.
func (x *Index) compact() {
	gone := 0
	for i := range x.docs {
		if !x.visible(&x.docs[i]) {
			gone++
		}
	}
	if gone == 0 {
		return
	}
	// The index is rebuilt in its own arrays, frozen segments included.
	old := *x
	x.docs = make([]doc, 0, len(old.docs)-gone)
	x.sketches, x.entries, x.frozen = chunked[uint32]{}, chunked[entry]{}, nil
	x.byID = make(map[int64]int32, len(old.docs)-gone)
	held := old.buckets.len()
	for _, f := range old.frozen {
		held += f.n
	}
	x.buckets = newHeads(held / 2)
	saved := 0
	keys := make([]uint64, 0, x.cfg.Bands)
	var buf []uint32
	for i := range old.docs {
		d := old.docs[i]
		if !x.visible(&d) {
			continue
		}
		if i < x.saved {
			saved++
		}
		keys = old.keysOf(&d, keys[:0])
		d.off = int32(x.sketches.appendRun(old.run(&d, &buf)))
		d.ent = int32(x.entries.count())
		d.seg = 0
		di := int32(len(x.docs))
		x.docs = append(x.docs, d)
		x.byID[d.id] = di
		x.insertKeys(di, keys)
	}
	x.saved = saved
}

// verify decides whether the new article (d, sketch b, names nb) is a
// near-copy of the indexed article a, and returns a score ranking the
// matches.
func (x *Index) verify(a *doc, d doc, b, nb []uint32) (float64, bool) {
	run := x.run(a, &x.runA)
	if !namesAgree(run[a.sketch:], nb, x.cfg.NameSketch) {
		return 0, false
	}
	sa := run[:a.sketch]
	j := jaccard(sa, b, x.cfg.SketchSize)
	short := min(a.words, d.words) < int32(x.cfg.ShortWords)
	if short {
		return j, j >= x.cfg.ShortJaccard
	}
	if j >= x.cfg.Jaccard {
		return j, true
	}
	// Containment of the smaller set in the larger.
	small, large, ns, nl := sa, b, a.n, d.n
	if ns > nl {
		small, large, ns, nl = b, sa, nl, ns
	}
	if float64(ns) < x.cfg.MinLengthRatio*float64(nl) {
		return 0, false
	}
	c := containment(small, large, x.cfg.SketchSize)
	if c >= x.cfg.Containment {
		return c * float64(ns) / float64(nl), true
	}
	return 0, false
}

// jaccard estimates the Jaccard similarity of two sets from their bottom-k
// sketches (sorted, distinct): among the k smallest hashes of the union,
// the fraction found in both. The k smallest of the union are always
// within the two sketches, so the estimate is unbiased, and it is exact
// when both sets have fewer than k elements.
func jaccard(a, b []uint32, k int) float64 {
	i, j, union, both := 0, 0, 0, 0
	for union < k && (i < len(a) || j < len(b)) {
		switch {
		case j >= len(b) || (i < len(a) && a[i] < b[j]):
			i++
		case i >= len(a) || b[j] < a[i]:
			j++
		default:
			i++
			j++
			both++
		}
		union++
	}
	if union == 0 {
		return 0
	}
	return float64(both) / float64(union)
}

// containment estimates the fraction of the set of sketch small found in
// the set of sketch large: among small's hashes not above large's largest
// kept hash (when large's sketch is full), the fraction present in large.
func containment(small, large []uint32, k int) float64 {
	limit := ^uint32(0)
	if len(large) >= k {
		limit = large[len(large)-1]
	}
	n, hit, j := 0, 0, 0
	for _, h := range small {
		if h > limit {
			break
		}
		n++
		for j < len(large) && large[j] < h {
			j++
		}
		if j < len(large) && large[j] == h {
			hit++
		}
	}
	if n == 0 {
		return 0
	}
	return float64(hit) / float64(n)
}

// mix is the splitmix64 finaliser.
func mix(h uint64) uint64 {
	h ^= h >> 30
	h *= 0xbf58476d1ce4e5b9
	h ^= h >> 27
	h *= 0x94d049bb133111eb
	h ^= h >> 31
	return h
}

// shingles tokenizes text into x.hashes and builds the shingle hashes in
// x.shing. Shingles do not cross line breaks, so that a changed headline or
// an added boilerplate line touches only its own shingles; a line shorter
// than a shingle gives one shingle. It returns the number of words.
func (x *Signer) shingles(text string) int {
	x.shing = x.shing[:0]
	words := 0
	for len(text) > 0 {
		line := text
		if i := strings.IndexByte(text, '\n'); i >= 0 {
			line, text = text[:i], text[i+1:]
		} else {
			text = ""
		}
		x.hashes = x.tok.AppendHashes(x.hashes[:0], line)
		n := len(x.hashes)
		words += n
		if n == 0 {
			continue
		}
		k := min(x.cfg.ShingleSize, n)
		for i := 0; i+k <= n; i++ {
			// Token hashes are FNV; weight them by position and mix once.
			h := uint64(0x9e3779b97f4a7c15)
			for j, t := range x.hashes[i : i+k] {
				h += t * shingleMul[j&7]
			}
			x.shing = append(x.shing, mix(h))
		}
	}
	return words
}

// shingleMul are odd multipliers that make a shingle's hash depend on the
// order of its words.
var shingleMul = [8]uint64{
	0x9e3779b97f4a7c15, 0xc2b2ae3d27d4eb4f, 0x165667b19e3779f9, 0xd6e8feb86659fd93,
	0xff51afd7ed558ccd, 0xc4ceb9fe1a85ec53, 0x2545f4914f6cdd1d, 0x94d049bb133111eb,
}

// minhash computes the densified one-permutation MinHash of x.shing into
// x.bins and the band keys into x.keys.
func (x *Signer) minhash() {
	nb := x.cfg.Bands * x.cfg.Rows
	x.bins = slices.Grow(x.bins[:0], nb)[:nb]
	x.filled = slices.Grow(x.filled[:0], nb)[:nb]
	for i := range x.bins {
		x.bins[i] = ^uint32(0)
		x.filled[i] = false
	}
	for _, s := range x.shing {
		h := s // already mixed
		bin := int((h >> 32) * uint64(nb) >> 32)
		x.filled[bin] = true
		if v := uint32(h); v < x.bins[bin] {
			x.bins[bin] = v
		}
	}
	// Densify: an empty bin borrows the value of the next filled bin,
	// salted by the distance so that borrowed values differ from their
	// source (rotation densification).
	for i := range x.bins {
		if x.filled[i] {
			continue
		}
		for d := 1; d < nb; d++ {
			if j := (i + d) % nb; x.filled[j] {
				x.bins[i] = uint32(mix(uint64(x.bins[j]) ^ uint64(d)<<40))
				break
			}
		}
	}
	x.keys = x.keys[:0]
	r := x.cfg.Rows
	for b := 0; b < x.cfg.Bands; b++ {
		h := uint64(b+1) * 0x9e3779b97f4a7c15
		for _, v := range x.bins[b*r : (b+1)*r] {
			h = mix(h ^ uint64(v))
		}
		x.keys = append(x.keys, h)
	}
}

// bottomK keeps the SketchSize smallest distinct shingle hashes (low 32
// bits) in x.bottom, sorted. Hashes are uniform, so a cut at about twice
// the expected k-th smallest value leaves little to sort.
func (x *Signer) bottomK() {
	k := x.cfg.SketchSize
	n := len(x.shing)
	limit := uint64(1) << 32
	if n > 2*k {
		limit = limit * uint64(2*k) / uint64(n)
	}
	for {
		x.bottom = x.bottom[:0]
		for _, s := range x.shing {
			if v := s & 0xffffffff; v < limit {
				x.bottom = append(x.bottom, uint32(v))
			}
		}
		slices.Sort(x.bottom)
		x.bottom = slices.Compact(x.bottom)
		if len(x.bottom) >= k || limit >= 1<<32 {
			break
		}
		limit = min(limit*4, 1<<32) // unlucky cut: widen it
	}
	if len(x.bottom) > k {
		x.bottom = x.bottom[:k]
	}
}
