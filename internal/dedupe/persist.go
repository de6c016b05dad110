package dedupe

import (
	"bytes"
	"fmt"

	"github.com/parallax-news/parallax/internal/codec"
)

// An index is saved as segments: each holds the documents added between
// two saves, with their sketches and LSH entries, since the index only
// grows. A segment starts with segMagic, the configuration and the index
// of its first document.

// segMagic starts a segment.
var segMagic = []byte("PXS5")

// maxSegments is the number of segments from which a save writes the
// whole index as one segment instead of adding one.
const maxSegments = 32

// Segment is what one save of the index writes: the segment starting at
// document First, and, when it compacts the index (First is then 0), the
// first documents of the segments it replaces.
type Segment struct {
	First   int
	Data    []byte // nil when nothing was added since the last save
	Compact bool
	Drop    []int
}

// SaveSegment encodes the documents added since the last MarkSaved, or,
// when segments pile up, the whole index as segment 0.
func (x *Index) SaveSegment() Segment {
	seg := Segment{First: x.saved, Compact: len(x.segments) >= maxSegments}
	efrom := x.savedEntries
	if seg.Compact {
		seg.First, efrom = 0, 0
		for _, s := range x.segments {
			if s != 0 {
				seg.Drop = append(seg.Drop, s)
			}
		}
	} else if seg.First == len(x.docs) {
		return seg
	}
	w := codec.NewWriter(len(segMagic) + 136 + x.bodySize(seg.First, efrom))
	w.Raw(segMagic)
	writeConfig(w, x.cfg)
	w.Int64(int64(seg.First))
	x.writeBody(w, seg.First, efrom)
	seg.Data = w.Bytes()
	return seg
}

// MarkSaved records that seg, the last SaveSegment, was stored.
func (x *Index) MarkSaved(seg Segment) {
	switch {
	case seg.Compact:
		x.segments = []int{0}
	case seg.Data != nil:
		x.segments = append(x.segments, seg.First)
	}
	x.saved, x.savedEntries = len(x.docs), x.entries.count()
}

// NewFromSegments returns the index that saved segments encode, given in
// the order of their first documents. The decoder does not keep the bytes.
func NewFromSegments(segs [][]byte) (*Index, error) {
	x := New(DefaultConfig())
	for _, b := range segs {
		if err := x.AddSegment(b); err != nil {
			return nil, err
		}
	}
	return x, nil
}

// AddSegment appends a saved segment to an index being loaded (an empty
// one, or one loaded from the segments before it). It does not keep b.
func (x *Index) AddSegment(b []byte) error {
	n := len(x.segments) + 1
	rest, ok := bytes.CutPrefix(b, segMagic)
	if !ok {
		return fmt.Errorf("dedupe: load index: segment %d is not a segment", n)
	}
	r := codec.NewReader(rest)
	c, err := readConfig(r)
	if err != nil {
		return fmt.Errorf("dedupe: load index: segment %d: %w", n, err)
	}
	if len(x.segments) > 0 && c != x.cfg {
		return fmt.Errorf("dedupe: load index: segment %d has another configuration than the segments before it", n)
	}
	x.cfg = c
	first := int(r.Int64())
	if r.Err() == nil && first != len(x.docs) {
		return fmt.Errorf("dedupe: load index: segment %d starts at document %d, want %d", n, first, len(x.docs))
	}
	if err := x.readBody(r); err != nil {
		return fmt.Errorf("dedupe: load index: segment %d: %w", n, err)
	}
	if r.Remaining() != 0 {
		return fmt.Errorf("dedupe: load index: %d bytes after segment %d", r.Remaining(), n)
	}
	x.segments = append(x.segments, first)
	x.saved, x.savedEntries = len(x.docs), x.entries.count()
	return nil
}

// writeConfig encodes c.
func writeConfig(w *codec.Writer, c Config) {
	for _, v := range []int{c.ShingleSize, c.Bands, c.Rows, c.SketchSize, c.MinWords, c.ShortWords, c.MaxBucket, c.MaxVerify, c.NameSketch} {
		w.Int64(int64(v))
	}
	for _, v := range []float64{c.Jaccard, c.Containment, c.MinLengthRatio, c.ShortJaccard} {
		w.Float64(v)
	}
}

// readConfig decodes what writeConfig wrote.
func readConfig(r *codec.Reader) (Config, error) {
	var c Config
	for _, v := range []*int{&c.ShingleSize, &c.Bands, &c.Rows, &c.SketchSize, &c.MinWords, &c.ShortWords, &c.MaxBucket, &c.MaxVerify, &c.NameSketch} {
		*v = int(r.Int64())
	}
	for _, v := range []*float64{&c.Jaccard, &c.Containment, &c.MinLengthRatio, &c.ShortJaccard} {
		*v = r.Float64()
	}
	if err := r.Err(); err != nil {
		return c, err
	}
	return c, c.validate()
}

// bodySize estimates the encoded size of the documents from index from and
// the LSH entries from index efrom.
func (x *Index) bodySize(from, efrom int) int {
	n := 32
	for _, d := range x.docs[from:] {
		n += 32 + 4*int(d.sketch+d.names)
	}
	return n + 12*(x.entries.count()-efrom)
}

// writeBody encodes the documents from index from, their sketches, and the
// LSH entries from index efrom (those the documents added).
func (x *Index) writeBody(w *codec.Writer, from, efrom int) {
	docs := x.docs[from:]
	w.Len(len(docs))
	nsk := 0
	for _, d := range docs {
		w.Int64(d.id)
		w.Int64(d.root)
		w.Int32(d.words)
		w.Int32(d.n)
		w.Int32(d.sketch)
		w.Int32(d.names)
		nsk += int(d.sketch + d.names)
	}
	// The sketches, each followed by its name hashes, one after the
	// other in document order (read back by Reader.Uint32s).
	w.Len(nsk)
	for _, d := range docs {
		for _, h := range x.sketches.run(int(d.off), int(d.sketch+d.names)) {
			w.Uint32(h)
		}
	}
	n := x.entries.count()
	w.Len(n - efrom)
	for i := efrom; i < n; i++ {
		e := x.entries.at(i)
		w.Uint64(e.key)
		w.Int32(e.doc)
	}
}

// readBody decodes what writeBody wrote and appends it to x.
func (x *Index) readBody(r *codec.Reader) error {
	from := len(x.docs)
	docs := make([]doc, r.Len(32))
	for i := range docs {
		docs[i] = doc{id: r.Int64(), root: r.Int64(), words: r.Int32(), n: r.Int32(), sketch: r.Int32(), names: r.Int32()}
	}
	sketches := r.Uint32s()
	if r.Err() != nil {
		return r.Err()
	}
	for i := range docs {
		d := &docs[i]
		if d.sketch < 0 || d.names < 0 || int(d.sketch) > x.cfg.SketchSize || int(d.names) > x.cfg.NameSketch ||
			int(d.sketch+d.names) > len(sketches) {
			return fmt.Errorf("sketch of document %d out of range", d.id)
		}
		d.off = int32(x.sketches.appendRun(sketches[:d.sketch+d.names]))
		sketches = sketches[d.sketch+d.names:]
		x.byID[d.id] = int32(from + i)
	}
	if len(sketches) != 0 {
		return fmt.Errorf("%d sketch values belong to no document", len(sketches))
	}
	x.docs = append(x.docs, docs...)
	n := r.Len(12)
	if len(x.buckets) == 0 {
		x.buckets = make(map[uint64]int32, n)
	}
	for i := range n {
		k, d := r.Uint64(), r.Int32()
		if r.Err() != nil {
			break
		}
		if d < int32(from) || int(d) >= len(x.docs) {
			return fmt.Errorf("LSH entry %d points to document %d, outside [%d, %d)", i, d, from, len(x.docs))
		}
		x.insertKeys(d, []uint64{k})
	}
	return r.Err()
}
