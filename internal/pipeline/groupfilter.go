package pipeline

import (
	"context"
	"encoding/binary"
	"fmt"
	"hash/fnv"
	"slices"
	"strconv"

	"github.com/parallax-news/parallax/internal/storage"
)

// The group filter records which index names (see entity.GroupIndex) the
// registry's index has rows under, so that a batch reads the rows of an
// index name only when some key was indexed under it: most fold groups a
// batch asks for belong to keys new to the store, whose index names hold
// no row, and reading nothing cost a range read each.
//
// It holds a 32-bit hash of each index name ever written, in shards by
// 16 more bits of the hash, each a state row (stateEntityFilter + four
// hex digits) of its hashes in order, written with the batch that adds
// them. A shard is read when a batch first needs it and kept: at about
// 4 bytes an index name, a store of a million articles keeps a few
// megabytes, and opening a store reads none. A hash in the filter whose
// rows are gone, or that another name shares, costs a read that finds
// nothing, as before; a name missing from the filter would hide members,
// so the filter is used only when it covers every index row: from a
// registry's first batch on (stateEntityFilterMark), not on a store whose
// registry was written before it (those read the index as they did).
const (
	stateEntityFilter     = "entity/x/"      // + shard as 4 hex digits
	stateEntityFilterMark = "entity/xformat" // filterFormat: every index name is in the filter
	filterFormat          = "1"
)

// groupFilter is the set of index names the stored index has rows under.
type groupFilter struct {
	// shards holds the shards read or written, by number; a shard not
	// here is read before use unless all is set (the store holds none
	// that is not here).
	shards map[uint16][]uint32
	all    bool
}

// newGroupFilter returns the filter of an index; empty is set when the
// store holds no filter rows (a new or reset registry).
func newGroupFilter(empty bool) *groupFilter {
	return &groupFilter{shards: map[uint16][]uint32{}, all: empty}
}

// filterHash returns the shard and hash of index name ix.
func filterHash(ix string) (uint16, uint32) {
	h := fnv.New64a()
	h.Write([]byte(ix))
	x := h.Sum64()
	return uint16(x >> 48), uint32(x)
}

// filterShardName returns the state row name of shard s.
func filterShardName(s uint16) string {
	b := make([]byte, 0, len(stateEntityFilter)+4)
	b = append(b, stateEntityFilter...)
	const hex = "0123456789abcdef"
	return string(append(b, hex[s>>12], hex[s>>8&15], hex[s>>4&15], hex[s&15]))
}

// load reads the shards of the index names ixs that are not read yet, in
// one read.
func (f *groupFilter) load(ctx context.Context, st storage.Store, ixs []string) error {
	if f.all {
		return nil
	}
	var names []string
	want := map[uint16]bool{}
	for _, ix := range ixs {
		s, _ := filterHash(ix)
		if _, ok := f.shards[s]; !ok && !want[s] {
			want[s] = true
			names = append(names, filterShardName(s))
		}
	}
	if len(names) == 0 {
		return nil
	}
	if err := st.ReadStatesNamed(ctx, names, func(name string, b []byte) error {
		s, err := strconv.ParseUint(name[len(stateEntityFilter):], 16, 16)
		if err != nil || len(b)%4 != 0 {
			return fmt.Errorf("bad entity group filter row %q", name)
		}
		hs := make([]uint32, len(b)/4)
		for i := range hs {
			hs[i] = binary.LittleEndian.Uint32(b[4*i:])
		}
		f.shards[uint16(s)] = hs
		return nil
	}); err != nil {
		return fmt.Errorf("load entity group filter: %w", err)
	}
	for s := range want {
		if _, ok := f.shards[s]; !ok {
			f.shards[s] = []uint32{}
		}
	}
	return nil
}

// has reports whether the index may hold rows under ix; ix's shard must
// have been loaded.
func (f *groupFilter) has(ix string) bool {
	s, h := filterHash(ix)
	hs, ok := f.shards[s]
	if !ok {
		// a shard not read is empty if the store holds none;
		// otherwise the filter cannot tell
		return !f.all
	}
	_, found := slices.BinarySearch(hs, h)
	return found
}

// with returns the shards that change when the index names ixs are
// added, changed copies of the filter's, which stays as it is; ixs'
// shards must have been loaded.
func (f *groupFilter) with(ixs []string) map[uint16][]uint32 {
	next := map[uint16][]uint32{}
	for _, ix := range ixs {
		s, h := filterHash(ix)
		hs, changed := next[s]
		if !changed {
			hs = f.shards[s]
		}
		i, found := slices.BinarySearch(hs, h)
		if found {
			continue
		}
		if !changed {
			hs = slices.Clone(hs)
		}
		next[s] = slices.Insert(hs, i, h)
	}
	return next
}

// set replaces the filter's shards by those of next.
func (f *groupFilter) set(next map[uint16][]uint32) {
	for s, hs := range next {
		f.shards[s] = hs
	}
}

// writeShards adds the rows of shards to state.
func writeShards(state map[string][]byte, shards map[uint16][]uint32) {
	for s, hs := range shards {
		b := make([]byte, 4*len(hs))
		for i, h := range hs {
			binary.LittleEndian.PutUint32(b[4*i:], h)
		}
		state[filterShardName(s)] = b
	}
}
