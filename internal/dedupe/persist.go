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
	nsk := x.sketches.count()
	w := codec.NewWriter(len(magic) + 128 + 32*len(x.docs) + 4*nsk + 12*x.entries.count())
	w.Raw(magic)
	c := x.cfg
	for _, v := range []int{c.ShingleSize, c.Bands, c.Rows, c.SketchSize, c.MinWords, c.ShortWords, c.MaxBucket, c.MaxVerify} {
		w.Int64(int64(v))
	}
	for _, v := range []float64{c.Jaccard, c.Containment, c.MinLengthRatio, c.ShortJaccard} {
		w.Float64(v)
	}
	w.Len(len(x.docs))
	for _, d := range x.docs {
		w.Int64(d.id)
		w.Int64(d.root)
		w.Int32(d.words)
		w.Int32(d.n)
		w.Int32(d.sketch)
	}
	// The sketches one after the other, in document order.
	w.Len(nsk)
	for _, d := range x.docs {
		for _, h := range x.sketches.run(int(d.off), int(d.sketch)) {
			w.Uint32(h)
		}
	}
	w.Len(x.entries.count())
	for _, b := range x.entries.blocks {
		for _, e := range b {
			w.Uint64(e.key)
			w.Int32(e.doc)
		}
	}
	return w.Bytes(), nil
}

// unmarshal decodes the version 3 layout (after the magic).
func unmarshal(b []byte) (*Index, error) {
	r := codec.NewReader(b)
	var c Config
	for _, v := range []*int{&c.ShingleSize, &c.Bands, &c.Rows, &c.SketchSize, &c.MinWords, &c.ShortWords, &c.MaxBucket, &c.MaxVerify} {
		*v = int(r.Int64())
	}
	for _, v := range []*float64{&c.Jaccard, &c.Containment, &c.MinLengthRatio, &c.ShortJaccard} {
		*v = r.Float64()
	}
	if r.Err() == nil {
		if err := c.validate(); err != nil {
			return nil, err
		}
	}
	x := New(c)
	x.docs = make([]doc, r.Len(28))
	for i := range x.docs {
		x.docs[i] = doc{id: r.Int64(), root: r.Int64(), words: r.Int32(), n: r.Int32(), sketch: r.Int32()}
	}
	sketches := r.Uint32s()
	if r.Err() != nil {
		return nil, r.Err()
	}
	for i := range x.docs {
		d := &x.docs[i]
		if d.sketch < 0 || int(d.sketch) > len(sketches) || int(d.sketch) > 1<<chunkBits {
			return nil, fmt.Errorf("sketch of document %d out of range", d.id)
		}
		d.off = int32(x.sketches.appendRun(sketches[:d.sketch]))
		sketches = sketches[d.sketch:]
		x.byID[d.id] = int32(i)
	}
	if len(sketches) != 0 {
		return nil, fmt.Errorf("%d sketch values belong to no document", len(sketches))
	}
	n := r.Len(12)
	x.buckets = make(map[uint64]int32, n)
	for i := range n {
		k, d := r.Uint64(), r.Int32()
		if r.Err() != nil {
			break
		}
		if d < 0 || int(d) >= len(x.docs) {
			return nil, fmt.Errorf("LSH entry %d points to document %d of %d", i, d, len(x.docs))
		}
		x.insertKeys(d, []uint64{k})
	}
	if r.Err() == nil && r.Remaining() != 0 {
		return nil, fmt.Errorf("%d bytes after the last entry", r.Remaining())
	}
	return x, r.Err()
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
