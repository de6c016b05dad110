package dedupe

import (
	"bytes"
	"encoding/binary"
	"encoding/gob"
	"fmt"
	"io"

	"github.com/parallax-news/parallax/internal/codec"
)

// state is the persisted form of an Index in the gob layouts read by Load:
// version 1 kept the large arrays as gob slices, version 2 as
// little-endian bytes. Save writes version 3, a plain binary layout (see
// marshal).
type state struct {
	Version   int
	Config    Config
	IDs       []int64
	Roots     []int64
	Words     []int32
	N         []int32
	SketchLen []int32
	Sketches  []uint32
	// EntryKeys and EntryDocs list the LSH entries in insertion order.
	EntryKeys []uint64
	EntryDocs []int32

	// Version 2: Sketches, EntryKeys and EntryDocs as little-endian bytes.
	SketchBytes, EntryKeyBytes, EntryDocBytes []byte
}

// magic starts the binary layout of version 3 and later; versions 1 and 2
// were gob streams.
var magic = []byte("PXD3")

// Save writes the index's state to w; Load reads it back.
func (x *Index) Save(w io.Writer) error {
	b, _ := x.MarshalBinary()
	if _, err := w.Write(b); err != nil {
		return fmt.Errorf("dedupe: save index: %w", err)
	}
	return nil
}

// MarshalBinary encodes the index in the version 3 layout: magic, config, the
// documents, the sketches, then the LSH entries in insertion order.
func (x *Index) MarshalBinary() ([]byte, error) {
	w := codec.NewWriter(len(magic) + 128 + x.bodySize(0, 0))
	w.Raw(magic)
	writeConfig(w, x.cfg)
	x.writeBody(w, 0, 0)
	return w.Bytes(), nil
}

// unmarshal decodes the version 3 layout (after the magic).
func unmarshal(b []byte) (*Index, error) {
	r := codec.NewReader(b)
	c, err := readConfig(r)
	if err != nil {
		return nil, err
	}
	x := New(c)
	if err := x.readBody(r); err != nil {
		return nil, err
	}
	if r.Remaining() != 0 {
		return nil, fmt.Errorf("%d bytes after the last entry", r.Remaining())
	}
	return x, nil
}

// writeConfig encodes c.
func writeConfig(w *codec.Writer, c Config) {
	for _, v := range []int{c.ShingleSize, c.Bands, c.Rows, c.SketchSize, c.MinWords, c.ShortWords, c.MaxBucket, c.MaxVerify} {
		w.Int64(int64(v))
	}
	for _, v := range []float64{c.Jaccard, c.Containment, c.MinLengthRatio, c.ShortJaccard} {
		w.Float64(v)
	}
}

// readConfig decodes what writeConfig wrote.
func readConfig(r *codec.Reader) (Config, error) {
	var c Config
	for _, v := range []*int{&c.ShingleSize, &c.Bands, &c.Rows, &c.SketchSize, &c.MinWords, &c.ShortWords, &c.MaxBucket, &c.MaxVerify} {
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
		n += 28 + 4*int(d.sketch)
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
		nsk += int(d.sketch)
	}
	// The sketches one after the other, in document order.
	w.Len(nsk)
	for _, d := range docs {
		for _, h := range x.sketches.run(int(d.off), int(d.sketch)) {
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
	docs := make([]doc, r.Len(28))
	for i := range docs {
		docs[i] = doc{id: r.Int64(), root: r.Int64(), words: r.Int32(), n: r.Int32(), sketch: r.Int32()}
	}
	sketches := r.Uint32s()
	if r.Err() != nil {
		return r.Err()
	}
	for i := range docs {
		d := &docs[i]
		if d.sketch < 0 || int(d.sketch) > len(sketches) || int(d.sketch) > 1<<chunkBits {
			return fmt.Errorf("sketch of document %d out of range", d.id)
		}
		d.off = int32(x.sketches.appendRun(sketches[:d.sketch]))
		sketches = sketches[d.sketch:]
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

// segMagic starts a segment: the documents added between two saves.
var segMagic = []byte("PXS4")

// maxSegments is the number of segments from which a save writes the
// whole index as one segment instead of adding one.
const maxSegments = 32

// Segments is what a save of the index writes: Put maps the index of a
// segment's first document to its bytes, and Drop lists the segments that
// a compaction replaced.
type Segments struct {
	Put  map[int][]byte
	Drop []int
}

// SaveSegments encodes the documents added since the last MarkSaved as one
// segment, or, when segments pile up, the whole index as segment 0.
func (x *Index) SaveSegments() Segments {
	seg := Segments{Put: map[int][]byte{}}
	from, efrom := x.saved, x.savedEntries
	x.compact = len(x.segments) >= maxSegments
	if x.compact {
		from, efrom = 0, 0
		for _, s := range x.segments {
			if s != 0 {
				seg.Drop = append(seg.Drop, s)
			}
		}
	}
	if from == len(x.docs) && !x.compact {
		return seg
	}
	w := codec.NewWriter(len(segMagic) + 136 + x.bodySize(from, efrom))
	w.Raw(segMagic)
	writeConfig(w, x.cfg)
	w.Int64(int64(from))
	x.writeBody(w, from, efrom)
	seg.Put[from] = w.Bytes()
	return seg
}

// MarkSaved records that the last SaveSegments was stored.
func (x *Index) MarkSaved() {
	switch {
	case x.compact:
		x.segments = []int{0}
	case x.saved < len(x.docs):
		x.segments = append(x.segments, x.saved)
	}
	x.compact = false
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

// Load reads an index written by Save.
func Load(r io.Reader) (*Index, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("dedupe: load index: %w", err)
	}
	return Unmarshal(b)
}

// Unmarshal decodes an index encoded by MarshalBinary (or saved by Save).
// It does not keep b.
func Unmarshal(b []byte) (*Index, error) {
	if rest, ok := bytes.CutPrefix(b, magic); ok {
		x, err := unmarshal(rest)
		if err != nil {
			return nil, fmt.Errorf("dedupe: load index: %w", err)
		}
		return x, nil
	}
	return loadGob(b)
}

// loadGob reads the gob layouts of versions 1 and 2.
func loadGob(b []byte) (*Index, error) {
	var st state
	if err := gob.NewDecoder(bytes.NewReader(b)).Decode(&st); err != nil {
		return nil, fmt.Errorf("dedupe: load index: %w", err)
	}
	switch st.Version {
	case 1:
	case 2:
		if len(st.SketchBytes)%4 != 0 || len(st.EntryKeyBytes)%8 != 0 || len(st.EntryDocBytes)%4 != 0 {
			return nil, fmt.Errorf("dedupe: load index: truncated arrays")
		}
		st.Sketches = make([]uint32, len(st.SketchBytes)/4)
		for i := range st.Sketches {
			st.Sketches[i] = binary.LittleEndian.Uint32(st.SketchBytes[4*i:])
		}
		st.EntryKeys = make([]uint64, len(st.EntryKeyBytes)/8)
		for i := range st.EntryKeys {
			st.EntryKeys[i] = binary.LittleEndian.Uint64(st.EntryKeyBytes[8*i:])
		}
		st.EntryDocs = make([]int32, len(st.EntryDocBytes)/4)
		for i := range st.EntryDocs {
			st.EntryDocs[i] = int32(binary.LittleEndian.Uint32(st.EntryDocBytes[4*i:]))
		}
	default:
		return nil, fmt.Errorf("dedupe: load index: unknown state version %d", st.Version)
	}
	if err := st.Config.validate(); err != nil {
		return nil, fmt.Errorf("dedupe: load index: %w", err)
	}
	n := len(st.IDs)
	if len(st.Roots) != n || len(st.Words) != n || len(st.N) != n || len(st.SketchLen) != n ||
		len(st.EntryKeys) != len(st.EntryDocs) {
		return nil, fmt.Errorf("dedupe: load index: inconsistent state lengths")
	}
	x := New(st.Config)
	x.docs = make([]doc, n)
	sketches := st.Sketches
	for i := range n {
		l := st.SketchLen[i]
		if l < 0 || int(l) > len(sketches) || int(l) > 1<<chunkBits {
			return nil, fmt.Errorf("dedupe: load index: sketch of document %d out of range", st.IDs[i])
		}
		off := int32(x.sketches.appendRun(sketches[:l]))
		sketches = sketches[l:]
		x.docs[i] = doc{id: st.IDs[i], root: st.Roots[i], words: st.Words[i], n: st.N[i], off: off, sketch: l}
		x.byID[st.IDs[i]] = int32(i)
	}
	for i, k := range st.EntryKeys {
		d := st.EntryDocs[i]
		if d < 0 || int(d) >= n {
			return nil, fmt.Errorf("dedupe: load index: LSH entry %d points to document %d of %d", i, d, n)
		}
		x.insertKeys(d, []uint64{k})
	}
	return x, nil
}
