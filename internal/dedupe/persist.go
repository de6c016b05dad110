package dedupe

import (
	"encoding/binary"
	"encoding/gob"
	"fmt"
	"io"
)

// stateVersion is the version of the format written by Save. Version 1
// kept the large arrays as gob slices; version 2 keeps them as
// little-endian bytes, which encode and decode many times faster.
const stateVersion = 2

// state is the persisted form of an Index.
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

// Save writes the index's state to w; Load reads it back.
func (x *Index) Save(w io.Writer) error {
	st := state{
		Version:       stateVersion,
		Config:        x.cfg,
		IDs:           make([]int64, len(x.docs)),
		Roots:         make([]int64, len(x.docs)),
		Words:         make([]int32, len(x.docs)),
		N:             make([]int32, len(x.docs)),
		SketchLen:     make([]int32, len(x.docs)),
		SketchBytes:   make([]byte, 0, 4*len(x.sketches)),
		EntryKeyBytes: make([]byte, 0, 8*len(x.entries)),
		EntryDocBytes: make([]byte, 0, 4*len(x.entries)),
	}
	for i, d := range x.docs {
		st.IDs[i], st.Roots[i], st.Words[i], st.N[i], st.SketchLen[i] = d.id, d.root, d.words, d.n, d.sketch
	}
	for _, v := range x.sketches {
		st.SketchBytes = binary.LittleEndian.AppendUint32(st.SketchBytes, v)
	}
	for _, e := range x.entries {
		st.EntryKeyBytes = binary.LittleEndian.AppendUint64(st.EntryKeyBytes, e.key)
		st.EntryDocBytes = binary.LittleEndian.AppendUint32(st.EntryDocBytes, uint32(e.doc))
	}
	if err := gob.NewEncoder(w).Encode(&st); err != nil {
		return fmt.Errorf("dedupe: save index: %w", err)
	}
	return nil
}

// Load reads an index written by Save.
func Load(r io.Reader) (*Index, error) {
	var st state
	if err := gob.NewDecoder(r).Decode(&st); err != nil {
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
		return nil, fmt.Errorf("dedupe: load index: state version %d, want %d", st.Version, stateVersion)
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
	x.sketches = st.Sketches
	off := int32(0)
	for i := range n {
		l := st.SketchLen[i]
		if l < 0 || int(off)+int(l) > len(st.Sketches) {
			return nil, fmt.Errorf("dedupe: load index: sketch of document %d out of range", st.IDs[i])
		}
		x.docs[i] = doc{id: st.IDs[i], root: st.Roots[i], words: st.Words[i], n: st.N[i], off: off, sketch: l}
		x.byID[st.IDs[i]] = int32(i)
		off += l
	}
	x.entries = make([]entry, 0, len(st.EntryKeys))
	for i, k := range st.EntryKeys {
		d := st.EntryDocs[i]
		if d < 0 || int(d) >= n {
			return nil, fmt.Errorf("dedupe: load index: LSH entry %d points to document %d of %d", i, d, n)
		}
		x.insertKeys(d, []uint64{k})
	}
	return x, nil
}
