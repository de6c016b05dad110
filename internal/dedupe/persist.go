package dedupe

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"fmt"
	"slices"

	"github.com/parallax-news/parallax/internal/codec"
)

// An index is saved as segments, each holding the articles added between
// two saves (with their sketches and LSH keys), and a small head that
// lists the segments with the newest day and undated rank of their
// articles. Loading reads the head, then only the segments that hold
// articles of the window: opening a store with years of articles reads
// the last weeks.

// Layouts of the head and of a segment. A segment of the layout before
// (segMagic6) lacks the sorted order of its keys (see frozen): it is
// read into the index's hash table, as is a segment of the current
// layout loaded after it.
var (
	headMagic = []byte("PXD1")
	segMagic  = []byte("PXS7")
	segMagic6 = []byte("PXS6")
)

// maxSegments is the number of segments holding articles of the window
// from which a save writes the window as one segment instead of adding
// one, so that a load reads few.
const maxSegments = 32

// segInfo describes a stored segment.
type segInfo struct {
	seq     int64
	maxDay  int32 // newest dated article (noDay: none)
	maxUseq int64 // newest undated article's rank (-1: none)
}

// live reports whether a stored segment holds articles of the window.
func (x *Index) live(s segInfo) bool {
	if s.maxDay != noDay && x.visible(&doc{day: s.maxDay}) {
		return true
	}
	return s.maxUseq >= 0 && x.visible(&doc{day: noDay, useq: s.maxUseq})
}

// Segment is what one save of the index writes: the head (always), the
// segment numbered Seq (Data nil when nothing was added), and the
// numbers of the segments it replaces, to delete.
type Segment struct {
	Head []byte
	Seq  int64
	Data []byte
	Drop []int64
	// end (the articles indexed when it was made) and segs are what
	// MarkSaved records.
	info segInfo
	end  int64
	segs []segInfo
	// relayout is set when the save rewrote the window.
	relayout bool
}

// SaveSegment encodes the articles added since the last MarkSaved, or,
// when segments of the window pile up or were loaded in the layout
// before, the whole window as one segment.
func (x *Index) SaveSegment() Segment {
	x.settle()
	seg := Segment{Seq: x.nextSeg, end: x.ords}
	// Articles that left the window are not saved, and leave memory
	// before the index is used again (settle): the window does not move
	// before then.
	x.leaving = true
	from := x.saved
	var keep []segInfo
	liveSegs := 0
	for _, s := range x.segs {
		if x.live(s) {
			liveSegs++
		}
	}
	if liveSegs >= maxSegments || x.relayout {
		// Rewrite the window; the segments holding it go. (A window read
		// from segments of the layout before is rewritten too.)
		seg.relayout = true
		from = 0
		for _, s := range x.segs {
			if x.live(s) {
				seg.Drop = append(seg.Drop, s.seq)
			} else {
				keep = append(keep, s)
			}
		}
	} else {
		keep = x.segs
	}
	seg.segs = keep
	docs := make([]doc, 0, len(x.docs)-from)
	for _, d := range x.docs[from:] {
		if x.visible(&d) {
			docs = append(docs, d)
		}
	}
	if len(docs) > 0 {
		seg.info = segInfo{seq: seg.Seq, maxDay: noDay, maxUseq: -1}
		for _, d := range docs {
			if d.day == noDay {
				seg.info.maxUseq = max(seg.info.maxUseq, d.useq)
			} else {
				seg.info.maxDay = max(seg.info.maxDay, d.day)
			}
		}
		w := codec.NewWriter(len(segMagic) + 136 + x.bodySize(docs))
		w.Raw(segMagic)
		writeConfig(w, x.cfg)
		x.writeBody(w, docs)
		seg.Data = w.Bytes()
		seg.segs = append(seg.segs[:len(seg.segs):len(seg.segs)], seg.info)
	}
	w := codec.NewWriter(len(headMagic) + 32 + 24*len(seg.segs))
	w.Raw(headMagic)
	w.Int32(x.horizon)
	w.Int64(x.undated)
	w.Int64(x.nextSeg + 1)
	w.Len(len(seg.segs))
	for _, s := range seg.segs {
		w.Int64(s.seq)
		w.Int32(s.maxDay)
		w.Int64(s.maxUseq)
	}
	seg.Head = w.Bytes()
	return seg
}

// MarkSaved records that seg, the last SaveSegment, was stored. Articles
// added after SaveSegment stay to be saved.
func (x *Index) MarkSaved(seg Segment) {
	x.segs = seg.segs
	x.nextSeg = seg.Seq + 1
	if seg.relayout {
		x.relayout = false
	}
	x.saved, _ = slices.BinarySearchFunc(x.docs, seg.end, func(d doc, end int64) int { return cmp.Compare(d.ord, end) })
}

// NewFromHead starts loading a saved index from its head, and returns the
// numbers of the segments to add next (with AddSegment, in that order):
// those holding articles of the window.
func NewFromHead(head []byte, cfg Config) (*Index, []int64, error) {
	x := New(cfg)
	rest, ok := bytes.CutPrefix(head, headMagic)
	if !ok {
		return nil, nil, fmt.Errorf("dedupe: load index: not an index head")
	}
	r := codec.NewReader(rest)
	x.horizon = r.Int32()
	x.undated = r.Int64()
	x.nextSeg = r.Int64()
	n := r.Len(20)
	for range n {
		x.segs = append(x.segs, segInfo{seq: r.Int64(), maxDay: r.Int32(), maxUseq: r.Int64()})
	}
	if err := r.Err(); err != nil {
		return nil, nil, fmt.Errorf("dedupe: load index: head: %w", err)
	}
	if r.Remaining() != 0 {
		return nil, nil, fmt.Errorf("dedupe: load index: %d bytes after the head", r.Remaining())
	}
	var need []int64
	for _, s := range x.segs {
		if x.live(s) {
			need = append(need, s.seq)
		}
	}
	return x, need, nil
}

// NewFromSegments returns the index that a saved head and the segments
// it names as needed encode (other segments given are ignored).
func NewFromSegments(head []byte, segs map[int64][]byte) (*Index, error) {
	x, need, err := NewFromHead(head, DefaultConfig())
	if err != nil {
		return nil, err
	}
	for _, n := range need {
		b, ok := segs[n]
		if !ok {
			return nil, fmt.Errorf("dedupe: load index: segment %d missing", n)
		}
		if err := x.AddSegment(b); err != nil {
			return nil, err
		}
	}
	return x, nil
}

// AddSegment adds the articles of the window that a saved segment holds
// to an index being loaded. It may keep b, which the caller must not
// change afterwards: a segment of the current layout is searched where
// it lies (see frozen).
func (x *Index) AddSegment(b []byte) error {
	rest, ok := bytes.CutPrefix(b, segMagic)
	ordered := ok
	if !ok {
		rest, ok = bytes.CutPrefix(b, segMagic6)
	}
	if !ok {
		return fmt.Errorf("dedupe: load index: not a segment")
	}
	r := codec.NewReader(rest)
	c, err := readConfig(r)
	if err != nil {
		return fmt.Errorf("dedupe: load index: segment: %w", err)
	}
	if c.Bands != x.cfg.Bands || c.Rows != x.cfg.Rows || c.ShingleSize != x.cfg.ShingleSize || c.SketchSize != x.cfg.SketchSize || c.NameSketch != x.cfg.NameSketch {
		return fmt.Errorf("dedupe: load index: a segment has another configuration than the index")
	}
	if !ordered {
		x.relayout = true
	}
	if err := x.readBody(r, ordered); err != nil {
		return fmt.Errorf("dedupe: load index: segment: %w", err)
	}
	if r.Remaining() != 0 {
		return fmt.Errorf("dedupe: load index: %d bytes after a segment", r.Remaining())
	}
	x.saved = len(x.docs)
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

// bodySize estimates the encoded size of docs.
func (x *Index) bodySize(docs []doc) int {
	n := 32
	for _, d := range docs {
		n += 44 + 4*int(d.sketch+d.names) + 12*x.cfg.Bands
	}
	return n
}

// writeBody encodes docs (held by x), their sketches and their LSH keys.
func (x *Index) writeBody(w *codec.Writer, docs []doc) {
	w.Len(len(docs))
	nsk := 0
	for _, d := range docs {
		w.Int64(d.id)
		w.Int64(d.root)
		w.Int32(d.words)
		w.Int32(d.n)
		w.Int32(d.sketch)
		w.Int32(d.names)
		w.Int32(d.day)
		w.Int64(d.useq)
		nsk += int(d.sketch + d.names)
	}
	// The sketches, each followed by its name hashes, one after the
	// other in document order (read back by Reader.Uint32s).
	w.Len(nsk)
	var buf []uint32
	for i := range docs {
		for _, h := range x.run(&docs[i], &buf) {
			w.Uint32(h)
		}
	}
	// The LSH keys, Bands per document, then their order by key
	// (sortedKeys).
	keys := make([]uint64, 0, len(docs)*x.cfg.Bands)
	for i := range docs {
		keys = x.keysOf(&docs[i], keys)
	}
	w.Len(len(keys))
	for _, k := range keys {
		w.Uint64(k)
	}
	for _, i := range sortedKeys(keys) {
		w.Uint32(i)
	}
}

// readBody decodes what writeBody wrote (without the keys' order when
// not ordered, a segment of the layout before) and adds the documents of
// the window to x.
//
// A segment of the current layout loaded into an index that holds no
// document in its own arrays yet stays where it is (see frozen): only its
// documents' fixed fields are decoded. Otherwise its sketches are
// decoded into the index's blocks, and only those of the documents of
// the window (a segment read whole is mostly sketches, and the older of
// the segments a load reads holds many articles that have left the
// window), and its keys inserted into the hash table.
func (x *Index) readBody(r *codec.Reader, ordered bool) error {
	docs := make([]doc, r.Len(44))
	for i := range docs {
		docs[i] = doc{id: r.Int64(), root: r.Int64(), words: r.Int32(), n: r.Int32(), sketch: r.Int32(), names: r.Int32(), day: r.Int32(), useq: r.Int64()}
	}
	nsk := r.Len(4)
	sketches := r.Raw(4 * nsk)
	nk := r.Len(8)
	if r.Err() != nil {
		return r.Err()
	}
	if nk != len(docs)*x.cfg.Bands {
		return fmt.Errorf("%d LSH keys for %d documents", nk, len(docs))
	}
	keys := r.Raw(8 * nk)
	var order []byte
	if ordered {
		order = r.Raw(4 * nk)
	}
	if r.Err() != nil {
		return r.Err()
	}
	var f *frozen
	if ordered && x.entries.count() == 0 {
		for i := range nk {
			if binary.LittleEndian.Uint32(order[4*i:]) >= uint32(nk) {
				return fmt.Errorf("key order out of range")
			}
		}
		f = &frozen{n: nk, keys: keys, order: order, sketches: sketches, docs: make([]int32, len(docs))}
	} else {
		// Room for the segment's documents and their keys at once.
		x.buckets.reserve(x.buckets.len() + len(docs)*x.cfg.Bands)
	}
	x.docs = slices.Grow(x.docs, len(docs))
	if len(x.byID) == 0 {
		x.byID = make(map[int64]int32, len(docs))
	}
	off := 0 // of the document's sketch, in values
	held := 0
	var kb []uint64
	for i := range docs {
		d := &docs[i]
		if d.sketch < 0 || d.names < 0 || int(d.sketch) > x.cfg.SketchSize || int(d.names) > x.cfg.NameSketch ||
			int(d.sketch+d.names) > nsk-off {
			return fmt.Errorf("sketch of document %d out of range", d.id)
		}
		start := off
		off += int(d.sketch + d.names)
		if f != nil {
			f.docs[i] = -1
		}
		if !x.visible(d) {
			continue
		}
		if _, dup := x.byID[d.id]; dup {
			continue
		}
		di := int32(len(x.docs))
		if f != nil {
			d.seg = int32(len(x.frozen) + 1)
			d.off = int32(start)
			d.ent = int32(i * x.cfg.Bands)
			f.docs[i] = di
		} else {
			run := sketches[4*start : 4*off]
			d.off = int32(x.sketches.appendRunFunc(len(run)/4, func(dst []uint32) {
				for j := range dst {
					dst[j] = binary.LittleEndian.Uint32(run[4*j:])
				}
			}))
			d.ent = int32(x.entries.count())
		}
		d.ord = x.ords
		x.ords++
		x.docs = append(x.docs, *d)
		x.byID[d.id] = di
		held++
		if f == nil {
			kb = keysAt(kb[:0], keys, i, x.cfg.Bands)
			x.insertKeys(di, kb)
		}
	}
	if off != nsk {
		return fmt.Errorf("%d sketch values belong to no document", nsk-off)
	}
	if f != nil && held > 0 {
		x.frozen = append(x.frozen, f)
	}
	return nil
}

// keysAt appends to dst the bands keys of document i of encoded keys.
func keysAt(dst []uint64, keys []byte, i, bands int) []uint64 {
	for e := range bands {
		dst = append(dst, binary.LittleEndian.Uint64(keys[8*(i*bands+e):]))
	}
	return dst
}
