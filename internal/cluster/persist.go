package cluster

import (
	"bytes"
	"fmt"
	"maps"
	"slices"
	"time"

	"github.com/parallax-news/parallax/internal/codec"
)

// A clusterer is saved as a head (counters, document frequencies, the
// inverted index of the stories in memory, the day range of every bucket)
// and buckets of stories, so that a save rewrites only the buckets whose
// stories changed, and a load reads the head and the buckets of active
// stories. Each bucket also has a small blob of its stories' names, from
// which threads are computed without reading the stories (see
// ThreadsFrom). The saved state is complete: a clusterer loaded from it
// decides as the one saved would have.

// bucketInfo is what the head keeps of a saved bucket: the days of its
// timed stories and the newest of its untimed ones.
type bucketInfo struct {
	minDay, maxDay int32 // noDay: no timed story
	maxUntimed     int64 // 0: no untimed story
}

// info describes the stories of bucket b held in memory (ok false when
// there are none).
func (c *Clusterer) info(b int64) (bucketInfo, bool) {
	in := bucketInfo{minDay: noDay, maxDay: noDay}
	ok := false
	for id := b << bucketShift; id < (b+1)<<bucketShift; id++ {
		s := c.stories[id]
		if s == nil {
			continue
		}
		ok = true
		if w := s.when(); w.timed() {
			if in.minDay == noDay {
				in.minDay, in.maxDay = w.min, w.max
			} else {
				in.minDay, in.maxDay = min(in.minDay, w.min), max(in.maxDay, w.max)
			}
		} else {
			in.maxUntimed = max(in.maxUntimed, id)
		}
	}
	return in, ok
}

// slackDays keeps stories in memory a little beyond the reach of the
// newest day, for articles of a batch a little older than the newest.
const slackDays = 2

// dormant reports whether a saved bucket may leave memory: every timed
// story in it is out of reach of articles dated near the horizon, it
// holds no recent untimed story, and new stories do not go to it.
func (c *Clusterer) dormant(b int64, in bucketInfo) bool {
	if b >= c.next>>bucketShift {
		return false
	}
	if in.maxDay != noDay && (c.horizon == noDay || in.maxDay >= c.horizon-c.cfg.WindowDays-slackDays) {
		return false
	}
	if in.maxUntimed != 0 && c.cfg.ResidentUntimed > 0 && in.maxUntimed >= c.next-int64(c.cfg.ResidentUntimed) {
		return false
	}
	return in.maxUntimed == 0 || c.cfg.ResidentUntimed > 0
}

// Loader reads saved buckets back: it returns the stored bytes of each
// bucket asked for that exists.
type Loader func(buckets []int64) (map[int64][]byte, error)

// SetLoader sets how the clusterer reads back dormant stories (see
// Clusterer). Without one, dormant stories stay out of reach.
func (c *Clusterer) SetLoader(l Loader) { c.loader = l }

// advance moves the horizon to the newest day of the batch's dated
// articles, leaving out dates more than two days ahead of the clock.
func (c *Clusterer) advance(items []item) {
	limit := dayOf(time.Now()) + 2
	for i := range items {
		if d := items[i].day; d != noDay && d <= limit && d > c.horizon {
			c.horizon = d
		}
	}
}

// wake moves the horizon and reads back the dormant buckets the batch
// reaches: those of stories within the window of an article dated before
// the stories in memory, those of the day of a near-copy's original
// (earlier than the batch) whose story is not in memory, and those of the
// stored stories of near-copies' undated originals.
func (c *Clusterer) wake(items []item) error {
	c.advance(items)
	need := map[int64]bool{}
	w := c.cfg.WindowDays
	days := map[int32]bool{}
	var origDays map[int32]bool
	var inBatch map[int64]bool
	for i := range items {
		it := &items[i]
		if it.dupOf != 0 && it.dupDay != noDay && c.docStory[it.dupOf] == 0 {
			if inBatch == nil {
				inBatch = make(map[int64]bool, len(items))
				for j := range items {
					inBatch[items[j].id] = true
				}
				origDays = map[int32]bool{}
			}
			if !inBatch[it.dupOf] {
				origDays[it.dupDay] = true
			}
		}
		if it.dupStory != 0 && c.stories[it.dupStory] == nil {
			if b := it.dupStory >> bucketShift; !c.resident[b] {
				if _, ok := c.buckets[b]; ok {
					need[b] = true
				}
			}
		}
		if it.day != noDay && c.horizon != noDay && w > 0 && it.day < c.horizon-slackDays {
			days[it.day] = true
		}
	}
	if len(days) > 0 || len(origDays) > 0 {
		for b, in := range c.buckets {
			if c.resident[b] || in.maxDay == noDay {
				continue
			}
			for d := range days {
				if in.maxDay >= d-w && in.minDay <= d+w {
					need[b] = true
					break
				}
			}
			// The original's story holds its day.
			for d := range origDays {
				if in.minDay <= d && d <= in.maxDay {
					need[b] = true
					break
				}
			}
		}
	}
	if len(need) == 0 || c.loader == nil {
		return nil
	}
	ids := slices.Sorted(maps.Keys(need))
	got := map[int64][]byte{}
	var ask []int64
	for _, b := range ids {
		if data, ok := c.pending[b]; ok {
			if data != nil {
				got[b] = data
			}
		} else {
			ask = append(ask, b)
		}
	}
	if len(ask) > 0 {
		read, err := c.loader(ask)
		if err != nil {
			return fmt.Errorf("cluster: read dormant stories: %w", err)
		}
		maps.Copy(got, read)
	}
	for _, b := range ids {
		data, ok := got[b]
		if !ok {
			continue
		}
		ss, err := decodeBucket(data)
		if err != nil {
			return err
		}
		c.resident[b] = true
		for _, s := range ss {
			c.addLoaded(s)
			// Post it again under the features it was posted under.
			posted := s.posted
			s.posted = nil
			for _, h := range posted {
				s.posted = append(s.posted, h)
				c.postings[h] = append(c.postings[h], s.id)
			}
		}
	}
	return nil
}

// headSize estimates the encoded size of the head.
func (c *Clusterer) headSize() int {
	n := 64 + 24*len(c.buckets)
	for _, p := range c.postings {
		n += 16 + 8*len(p)
	}
	return n
}

// writeHead encodes the counters, inverted index and bucket index (the
// document frequencies are saved apart, see State.DF).
func (c *Clusterer) writeHead(w *codec.Writer) {
	w.Int64(int64(c.n))
	w.Int64(c.next)
	w.Int64(int64(c.live))
	w.Int32(c.horizon)
	w.Int64(c.dfSeq)
	w.Int64(int64(c.dfAddedBytes))
	w.Len(len(c.postings))
	for h, p := range c.postings {
		w.Uint64(h)
		w.Int64s(p)
	}
	w.Len(len(c.buckets))
	for b, in := range c.buckets {
		w.Int64(b)
		w.Int32(in.minDay)
		w.Int32(in.maxDay)
		w.Int64(in.maxUntimed)
	}
}

// readHead decodes what writeHead wrote; a head of the layout before
// (inline) holds the document frequencies too, which the next save then
// writes whole.
func (c *Clusterer) readHead(r *codec.Reader, inline bool) {
	c.n = int(r.Int64())
	c.next = r.Int64()
	c.live = int(r.Int64())
	c.horizon = r.Int32()
	if inline {
		readDF(r, c.df)
		c.dfFull = true
	} else {
		c.dfSeq = r.Int64()
		c.dfAddedBytes = int(r.Int64())
		c.dfFull = false
	}
	n := r.Len(16)
	c.postings = make(map[uint64][]int64, n)
	for range n {
		h := r.Uint64()
		if p := r.Int64s(); r.Err() == nil {
			c.postings[h] = p
		}
	}
	n = r.Len(24)
	for range n {
		b := r.Int64()
		c.buckets[b] = bucketInfo{minDay: r.Int32(), maxDay: r.Int32(), maxUntimed: r.Int64()}
	}
}

// storiesSize estimates the encoded size of the stories with these ids.
func (c *Clusterer) storiesSize(ids []int64) int {
	size := 8
	for _, id := range ids {
		s := c.stories[id]
		size += 72 + 8*len(s.members) + 12*len(s.sum) + 12*len(s.names) + 8*len(s.posted)
	}
	return size
}

// writeStories encodes the stories with these ids: a count, then each
// story.
func (c *Clusterer) writeStories(w *codec.Writer, ids []int64) {
	w.Len(len(ids))
	for _, id := range ids {
		s := c.stories[id]
		w.Int64(id)
		w.Int32(s.minDay)
		w.Int32(s.maxDay)
		w.Int32(s.nDated)
		w.Float64(s.within)
		w.Int64s(s.members)
		w.Len(len(s.sum))
		for _, f := range s.sum {
			w.Uint64(f.h)
			w.Float32(f.w)
		}
		w.Len(len(s.names))
		for h, n := range s.names {
			w.Uint64(h)
			w.Float32(n)
		}
		w.Len(len(s.posted))
		for _, h := range s.posted {
			w.Uint64(h)
		}
	}
}

// readStories decodes what writeStories wrote.
func readStories(r *codec.Reader) []*story {
	n := r.Len(40)
	out := make([]*story, 0, n)
	for range n {
		s := &story{id: r.Int64(), minDay: r.Int32(), maxDay: r.Int32(), nDated: r.Int32(), within: r.Float64(), members: r.Int64s()}
		s.sum = make(vec, r.Len(12))
		for i := range s.sum {
			s.sum[i] = feat{r.Uint64(), r.Float32()}
		}
		if k := r.Len(12); k > 0 {
			s.names = make(map[uint64]float32, k)
			for range k {
				h := r.Uint64()
				s.names[h] = r.Float32()
			}
		}
		if k := r.Len(8); k > 0 {
			s.posted = make([]uint64, k)
			for i := range s.posted {
				s.posted[i] = r.Uint64()
			}
		}
		if r.Err() != nil {
			return nil
		}
		out = append(out, s)
	}
	return out
}

// decodeBucket decodes a saved bucket of stories.
func decodeBucket(b []byte) ([]*story, error) {
	rest, ok := bytes.CutPrefix(b, bucketMagic)
	if !ok {
		return nil, fmt.Errorf("load clusterer: not a bucket of stories")
	}
	r := codec.NewReader(rest)
	ss := readStories(r)
	if r.Err() == nil && r.Remaining() != 0 {
		return nil, fmt.Errorf("load clusterer: %d bytes after the last story of a bucket", r.Remaining())
	}
	if err := r.Err(); err != nil {
		return nil, fmt.Errorf("load clusterer: bucket: %w", err)
	}
	return ss, nil
}

// bucketShift sets how many story ids share a bucket of the split state:
// 1<<bucketShift.
const bucketShift = 6

// Split state layouts: the head, one bucket of stories, and the names of
// a bucket's stories.
var (
	headMagic   = []byte("PXH8")
	bucketMagic = []byte("PXB6")
	namesMagic  = []byte("PXN1")
	dfMagic     = []byte("PXD1")
	// headMagic7 is the head of the layout before, which held the
	// document frequencies.
	headMagic7 = []byte("PXH7")
)

// dfEntryBytes is the encoded size of one document frequency.
const dfEntryBytes = 12

// dfAddedShare and maxDFSeq bound what is saved as additions to the
// document frequencies: once the additions saved since the table was
// saved whole would exceed 1/dfAddedShare of its size, or number
// maxDFSeq, a save writes the table whole again (and the additions are
// dropped). A later run of a few hundred articles thus writes a few
// hundred kilobytes instead of a table of up to a million features.
const (
	dfAddedShare = 4
	maxDFSeq     = 64
)

// State is the clusterer's state split for saving only what changed: Head
// holds the counters and index, Buckets the stories by bucket (story id
// >> bucketShift) and Names their names, by bucket. A nil bucket has no
// stories left and is to be deleted, with its names.
//
// DF holds the document frequencies: when DFFull, the whole table, which
// replaces the table saved before and every addition saved since;
// otherwise what the documents since the last save added to it (nil:
// nothing), to be kept as addition number DFSeq. A load reads the table
// and then its additions (AddDF).
type State struct {
	Head    []byte
	Buckets map[int64][]byte
	Names   map[int64][]byte
	DF      []byte
	DFFull  bool
	DFSeq   int64
	// Outlets holds the outlets' recent articles (for their templates):
	// when OutletsFull, all of them, which replace what was saved before
	// and every log saved since; otherwise the log of what the batches
	// since the last save did to them (nil: nothing), to be kept as log
	// number OutletsSeq. A load reads the whole and then the logs, in
	// the order of their numbers (AddOutlets).
	Outlets     []byte
	OutletsFull bool
	OutletsSeq  int64
}

// touch marks story id as changed since the last save (its bucket) and
// since its threads were last saved.
func (c *Clusterer) touch(id int64) {
	c.dirty[id>>bucketShift] = true
	c.changed[id] = true
}

// SaveState encodes the head and the buckets changed since the last save,
// then lets the buckets gone dormant leave memory. Until MarkSaved, the
// clusterer reads back what this save wrote from the returned State, so
// that it may go on with the next batch while the save is stored.
func (c *Clusterer) SaveState() State {
	st := State{Buckets: make(map[int64][]byte, len(c.dirty)), Names: make(map[int64][]byte, len(c.dirty))}
	for b := range c.dirty {
		var ids []int64
		for id := b << bucketShift; id < (b+1)<<bucketShift; id++ {
			if c.stories[id] != nil {
				ids = append(ids, id)
			}
		}
		if len(ids) == 0 {
			st.Buckets[b], st.Names[b] = nil, nil
			delete(c.buckets, b)
			delete(c.resident, b)
			continue
		}
		w := codec.NewWriter(len(bucketMagic) + c.storiesSize(ids))
		w.Raw(bucketMagic)
		c.writeStories(w, ids)
		st.Buckets[b] = w.Bytes()
		st.Names[b] = c.encodeNames(ids)
		c.buckets[b], _ = c.info(b)
	}
	clear(c.dirty)
	c.pending = st.Buckets
	// Dormant buckets leave memory, and the index.
	for b := range c.resident {
		if in, ok := c.buckets[b]; ok && c.dormant(b, in) {
			for id := b << bucketShift; id < (b+1)<<bucketShift; id++ {
				if s := c.stories[id]; s != nil {
					c.unpost(s)
					for _, m := range s.members {
						delete(c.docStory, m)
					}
					delete(c.stories, id)
				}
			}
			delete(c.resident, b)
		}
	}
	c.saveDF(&st)
	c.saveOutlets(&st)
	w := codec.NewWriter(len(headMagic) + c.headSize())
	w.Raw(headMagic)
	c.writeHead(w)
	st.Head = w.Bytes()
	return st
}

// saveDF fills in the document frequencies to save: the table whole, or
// what was added to it since the last save.
func (c *Clusterer) saveDF(st *State) {
	if !c.dfFull && c.dfSeq >= maxDFSeq {
		c.dfFull = true
	}
	switch {
	case c.dfFull:
		st.DF, st.DFFull = encodeDF(c.df.len(), c.df.each), true
		c.dfSeq, c.dfAddedBytes = 0, 0
	case len(c.dfAdded) > 0:
		c.dfSeq++
		st.DF, st.DFSeq = encodeDF(len(c.dfAdded), func(fn func(uint64, int32)) {
			for h, n := range c.dfAdded {
				fn(h, n)
			}
		}), c.dfSeq
		c.dfAddedBytes += len(st.DF)
	}
	c.dfFull, c.dfAdded = false, nil
}

// encodeDF encodes n document frequencies (or additions to them), which
// each lists.
func encodeDF(n int, each func(func(h uint64, n int32))) []byte {
	w := codec.NewWriter(len(dfMagic) + 8 + dfEntryBytes*n)
	w.Raw(dfMagic)
	w.Len(n)
	each(func(h uint64, n int32) {
		w.Uint64(h)
		w.Int32(n)
	})
	return w.Bytes()
}

// readDF adds the frequencies encodeDF wrote (after its magic) to df.
func readDF(r *codec.Reader, df *dfTable) {
	n := r.Len(dfEntryBytes)
	if r.Err() != nil {
		return
	}
	if df.len() == 0 {
		df.alloc(n)
	}
	for range n {
		h := r.Uint64()
		v := r.Int32()
		if r.Err() != nil {
			return
		}
		df.add(h, v)
	}
}

// AddDF adds saved document frequencies (State.DF) to a clusterer being
// loaded: the table saved whole, then each addition saved since, in any
// order. It does not keep b.
func (c *Clusterer) AddDF(b []byte) error {
	rest, ok := bytes.CutPrefix(b, dfMagic)
	if !ok {
		return fmt.Errorf("load clusterer: not document frequencies")
	}
	r := codec.NewReader(rest)
	readDF(r, c.df)
	if r.Err() == nil && r.Remaining() != 0 {
		return fmt.Errorf("load clusterer: %d bytes after the document frequencies", r.Remaining())
	}
	if err := r.Err(); err != nil {
		return fmt.Errorf("load clusterer: document frequencies: %w", err)
	}
	return nil
}

// SplitDF reports whether the head a clusterer was loaded from leaves the
// document frequencies to be added with AddDF (the layout before held
// them in the head).
func (c *Clusterer) SplitDF() bool { return c.splitDF }

// MarkSaved records that the last SaveState was stored.
func (c *Clusterer) MarkSaved() { c.pending = nil }

// NewFromState returns the clusterer a split State encodes (its head, the
// document frequencies saved whole and the additions saved since, and
// its buckets); cfg tunes it from now on. Buckets the head says are
// dormant are left out. The decoder does not keep the bytes.
func NewFromState(head []byte, df, buckets [][]byte, cfg Config) (*Clusterer, error) {
	c, _, err := NewFromHead(head, cfg)
	if err != nil {
		return nil, err
	}
	for _, b := range df {
		if err := c.AddDF(b); err != nil {
			return nil, err
		}
	}
	for _, b := range buckets {
		if err := c.AddBucket(b); err != nil {
			return nil, err
		}
	}
	return c, nil
}

// NewFromHead starts loading a split State from its head and returns the
// buckets to add with AddBucket: those of the stories that stay in
// memory. It does not keep head.
func NewFromHead(head []byte, cfg Config) (*Clusterer, []int64, error) {
	c := New(cfg)
	rest, ok := bytes.CutPrefix(head, headMagic)
	inline := false
	if !ok {
		if rest, inline = bytes.CutPrefix(head, headMagic7); !inline {
			return nil, nil, fmt.Errorf("load clusterer: not a clusterer head")
		}
	}
	c.splitDF = !inline
	r := codec.NewReader(rest)
	c.readHead(r, inline)
	if r.Err() == nil && r.Remaining() != 0 {
		return nil, nil, fmt.Errorf("load clusterer: %d bytes after the head", r.Remaining())
	}
	if err := r.Err(); err != nil {
		return nil, nil, fmt.Errorf("load clusterer: head: %w", err)
	}
	var need []int64
	for b, in := range c.buckets {
		if !c.dormant(b, in) {
			need = append(need, b)
		}
	}
	slices.Sort(need)
	return c, need, nil
}

// AddBucket adds the stories of a saved bucket to a clusterer being
// loaded, unless the head says the bucket is dormant. It does not keep b.
func (c *Clusterer) AddBucket(b []byte) error {
	ss, err := decodeBucket(b)
	if err != nil {
		return err
	}
	if len(ss) == 0 {
		return nil
	}
	bucket := ss[0].id >> bucketShift
	if in, ok := c.buckets[bucket]; ok && c.dormant(bucket, in) {
		return nil
	}
	c.resident[bucket] = true
	for _, s := range ss {
		c.addLoaded(s)
	}
	return nil
}

// addLoaded registers a story read from a saved state (the inverted
// index comes with the head).
func (c *Clusterer) addLoaded(s *story) {
	c.stories[s.id] = s
	for _, m := range s.members {
		c.docStory[m] = s.id
	}
}

// encodeNames encodes the names of the stories with these ids, for
// threads.
func (c *Clusterer) encodeNames(ids []int64) []byte {
	n := 8
	for _, id := range ids {
		n += 16 + 12*len(c.stories[id].names)
	}
	w := codec.NewWriter(len(namesMagic) + n)
	w.Raw(namesMagic)
	w.Len(len(ids))
	for _, id := range ids {
		s := c.stories[id]
		w.Int64(id)
		w.Len(len(s.names))
		for _, h := range slices.Sorted(maps.Keys(s.names)) {
			w.Uint64(h)
			w.Float32(s.names[h])
		}
	}
	return w.Bytes()
}

// decodeNames calls fn with each story and its names that encodeNames
// wrote.
func decodeNames(b []byte, fn func(id int64, names []feat)) error {
	return scanNames(b, false, fn)
}

// scanNames is decodeNames; with reuse, the names passed to fn are only
// valid until fn returns (one buffer serves every story).
func scanNames(b []byte, reuse bool, fn func(id int64, names []feat)) error {
	rest, ok := bytes.CutPrefix(b, namesMagic)
	if !ok {
		return fmt.Errorf("threads: not the names of a bucket")
	}
	r := codec.NewReader(rest)
	n := r.Len(16)
	var buf []feat
	for range n {
		id := r.Int64()
		k := r.Len(12)
		var names []feat
		if reuse && k <= cap(buf) {
			names = buf[:k]
		} else {
			names = make([]feat, k)
			if reuse {
				buf = names
			}
		}
		for i := range names {
			names[i] = feat{r.Uint64(), r.Float32()}
		}
		if r.Err() != nil {
			break
		}
		fn(id, names)
	}
	if err := r.Err(); err != nil {
		return fmt.Errorf("threads: names of a bucket: %w", err)
	}
	return nil
}
