package cluster

import (
	"encoding/binary"
	"encoding/gob"
	"fmt"
	"io"
	"slices"
)

// stateVersion names the layout written by Save: version 2 keeps the
// document frequencies as little-endian bytes (a gob map of millions of
// entries is slow to write and read).
const stateVersion = 2

// savedStory is a story as persisted.
type savedStory struct {
	ID      int64
	Hashes  []uint64
	Weights []float32
	Members []int64
	MinDay  int32
	MaxDay  int32
	Within  float64
	Names   map[uint64]float32
}

// state is what Save writes.
type state struct {
	Version int
	N       int
	Next    int64
	DF      map[uint64]int32 // version 1
	DFBytes []byte           // version 2: (hash uint64, count uint32) pairs
	Fwd     map[int64]int64
	Stories []savedStory
}

// Save writes the clusterer's state to w.
func (c *Clusterer) Save(w io.Writer) error {
	st := state{Version: stateVersion, N: c.n, Next: c.next, Fwd: c.fwd, DFBytes: make([]byte, 0, 12*len(c.df))}
	for h, n := range c.df {
		st.DFBytes = binary.LittleEndian.AppendUint64(st.DFBytes, h)
		st.DFBytes = binary.LittleEndian.AppendUint32(st.DFBytes, uint32(n))
	}
	ids := make([]int64, 0, len(c.stories))
	for id := range c.stories {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		s := c.stories[id]
		ss := savedStory{ID: id, Members: s.members, MinDay: s.minDay, MaxDay: s.maxDay, Within: s.within, Names: s.names,
			Hashes: make([]uint64, len(s.sum)), Weights: make([]float32, len(s.sum))}
		for i, f := range s.sum {
			ss.Hashes[i], ss.Weights[i] = f.h, f.w
		}
		st.Stories = append(st.Stories, ss)
	}
	if err := gob.NewEncoder(w).Encode(&st); err != nil {
		return fmt.Errorf("save clusterer: %w", err)
	}
	return nil
}

// Load reads a clusterer written by Save; cfg tunes it from now on.
func Load(r io.Reader, cfg Config) (*Clusterer, error) {
	var st state
	if err := gob.NewDecoder(r).Decode(&st); err != nil {
		return nil, fmt.Errorf("load clusterer: %w", err)
	}
	switch st.Version {
	case 1:
	case 2:
		if len(st.DFBytes)%12 != 0 {
			return nil, fmt.Errorf("load clusterer: truncated document frequencies")
		}
		st.DF = make(map[uint64]int32, len(st.DFBytes)/12)
		for b := st.DFBytes; len(b) > 0; b = b[12:] {
			st.DF[binary.LittleEndian.Uint64(b)] = int32(binary.LittleEndian.Uint32(b[8:]))
		}
	default:
		return nil, fmt.Errorf("load clusterer: state version %d, want %d", st.Version, stateVersion)
	}
	c := New(cfg)
	c.n, c.next = st.N, st.Next
	if st.DF != nil {
		c.df = st.DF
	}
	if st.Fwd != nil {
		c.fwd = st.Fwd
	}
	for _, ss := range st.Stories {
		if len(ss.Hashes) != len(ss.Weights) {
			return nil, fmt.Errorf("load clusterer: story %d: %d hashes, %d weights", ss.ID, len(ss.Hashes), len(ss.Weights))
		}
		s := &story{id: ss.ID, members: ss.Members, minDay: ss.MinDay, maxDay: ss.MaxDay, within: ss.Within, names: ss.Names, sum: make(vec, len(ss.Hashes))}
		for i := range ss.Hashes {
			s.sum[i] = feat{ss.Hashes[i], ss.Weights[i]}
		}
		c.stories[s.id] = s
		for _, m := range s.members {
			c.docStory[m] = s.id
		}
		c.post(s)
	}
	return c, nil
}
