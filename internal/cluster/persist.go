package cluster

import (
	"bytes"
	"fmt"

	"github.com/parallax-news/parallax/internal/codec"
)

// A clusterer is saved as a head (counters, document frequencies, merges,
// the inverted index) and buckets of stories, so that a save rewrites only
// the buckets whose stories changed. The saved state is complete: a
// clusterer loaded from it decides exactly as the one saved would have,
// down to the order of its posting lists.

// headSize estimates the encoded size of the head.
func (c *Clusterer) headSize() int {
	n := 64 + 12*len(c.df) + 16*len(c.fwd)
	for _, p := range c.postings {
		n += 16 + 8*len(p)
	}
	return n
}

// writeHead encodes the counters, document frequencies and merges.
func (c *Clusterer) writeHead(w *codec.Writer) {
	w.Int64(int64(c.n))
	w.Int64(c.next)
	w.Len(len(c.df))
	for h, n := range c.df {
		w.Uint64(h)
		w.Int32(n)
	}
	w.Len(len(c.fwd))
	for from, to := range c.fwd {
		w.Int64(from)
		w.Int64(to)
	}
	w.Len(len(c.postings))
	for h, p := range c.postings {
		w.Uint64(h)
		w.Int64s(p)
	}
}

// readHead decodes what writeHead wrote.
func (c *Clusterer) readHead(r *codec.Reader) {
	c.n = int(r.Int64())
	c.next = r.Int64()
	n := r.Len(12)
	c.df = make(map[uint64]int32, n)
	for range n {
		h := r.Uint64()
		c.df[h] = r.Int32()
	}
	n = r.Len(16)
	for range n {
		from := r.Int64()
		c.fwd[from] = r.Int64()
	}
	n = r.Len(16)
	c.postings = make(map[uint64][]int64, n)
	for range n {
		h := r.Uint64()
		if p := r.Int64s(); r.Err() == nil {
			c.postings[h] = p
		}
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

// readStories decodes what writeStories wrote and adds the stories.
func (c *Clusterer) readStories(r *codec.Reader) {
	n := r.Len(40)
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
			return
		}
		c.addLoaded(s)
	}
}

// bucketShift sets how many story ids share a bucket of the split state:
// 1<<bucketShift.
const bucketShift = 6

// Split state layouts: the head, and one bucket of stories.
var (
	headMagic   = []byte("PXH6")
	bucketMagic = []byte("PXB6")
)

// State is the clusterer's state split for saving only what changed: Head
// holds the counters, document frequencies and merges, and Buckets the
// stories by bucket (story id >> bucketShift). A nil bucket has no stories
// left and is to be deleted.
type State struct {
	Head    []byte
	Buckets map[int64][]byte
}

// touch marks the bucket of story id as changed since the last save.
func (c *Clusterer) touch(id int64) { c.dirty[id>>bucketShift] = true }

// SaveState encodes the head and the buckets changed since the last
// MarkSaved.
func (c *Clusterer) SaveState() State {
	w := codec.NewWriter(len(headMagic) + c.headSize())
	w.Raw(headMagic)
	c.writeHead(w)
	st := State{Head: w.Bytes(), Buckets: make(map[int64][]byte, len(c.dirty))}
	for b := range c.dirty {
		var ids []int64
		for id := b << bucketShift; id < (b+1)<<bucketShift; id++ {
			if c.stories[id] != nil {
				ids = append(ids, id)
			}
		}
		if len(ids) == 0 {
			st.Buckets[b] = nil
			continue
		}
		w := codec.NewWriter(len(bucketMagic) + c.storiesSize(ids))
		w.Raw(bucketMagic)
		c.writeStories(w, ids)
		st.Buckets[b] = w.Bytes()
	}
	return st
}

// MarkSaved records that the last SaveState was stored.
func (c *Clusterer) MarkSaved() { clear(c.dirty) }

// NewFromState returns the clusterer a split State encodes; cfg tunes it
// from now on. The decoder does not keep the bytes.
func NewFromState(head []byte, buckets [][]byte, cfg Config) (*Clusterer, error) {
	c, err := NewFromHead(head, cfg)
	if err != nil {
		return nil, err
	}
	for _, b := range buckets {
		if err := c.AddBucket(b); err != nil {
			return nil, err
		}
	}
	return c, nil
}

// NewFromHead starts loading a split State from its head; add its buckets
// with AddBucket. It does not keep head.
func NewFromHead(head []byte, cfg Config) (*Clusterer, error) {
	c := New(cfg)
	rest, ok := bytes.CutPrefix(head, headMagic)
	if !ok {
		return nil, fmt.Errorf("load clusterer: not a clusterer head")
	}
	r := codec.NewReader(rest)
	c.readHead(r)
	if r.Err() == nil && r.Remaining() != 0 {
		return nil, fmt.Errorf("load clusterer: %d bytes after the head", r.Remaining())
	}
	if err := r.Err(); err != nil {
		return nil, fmt.Errorf("load clusterer: head: %w", err)
	}
	return c, nil
}

// AddBucket adds the stories of a saved bucket to a clusterer being
// loaded. It does not keep b.
func (c *Clusterer) AddBucket(b []byte) error {
	rest, ok := bytes.CutPrefix(b, bucketMagic)
	if !ok {
		return fmt.Errorf("load clusterer: not a bucket of stories")
	}
	r := codec.NewReader(rest)
	c.readStories(r)
	if r.Err() == nil && r.Remaining() != 0 {
		return fmt.Errorf("load clusterer: %d bytes after the last story of a bucket", r.Remaining())
	}
	if err := r.Err(); err != nil {
		return fmt.Errorf("load clusterer: bucket: %w", err)
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
