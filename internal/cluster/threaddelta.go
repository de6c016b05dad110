package cluster

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"math"
	"slices"
)

// A shard of the thread index is stored as a base (a shard as
// encodeShards writes it, or of an earlier layout) and, optionally, a
// delta against it: what a run changed of each name's list since the
// base was written. A run that adds a hundred stories to a large archive
// changes a handful of postings of each long list it reads; writing
// those instead of the whole shard keeps its writes in proportion to
// what it changed. Reading a shard applies its delta to its base, which
// gives the lists the shard would hold had it been rewritten.
//
// A delta names its base by length and CRC-32C: a delta found with
// another base (one written by a version that rewrote the base without
// knowing of deltas) is stale and not applied.

// threadDeltaMagic starts every delta: the base's length (uvarint) and
// checksum (4 bytes), the number of names, and for each name in hash
// order its 8-byte hash, the ids of the base's postings it removes and
// the postings it adds or re-weights, each as a count and then in id
// order as varint differences of their ids (a posting with its 4-byte
// weight, as in a base).
var threadDeltaMagic = []byte("PXD1")

// crcTable is the CRC-32C table deltas name their base with.
var crcTable = crc32.MakeTable(crc32.Castagnoli)

// nameDelta is what a delta changes of one name's list: the base's
// postings it removes (by id) and the postings it adds or whose weight
// it changes, each in id order.
type nameDelta struct {
	removed []int64
	set     []posting
}

// shardDelta is a decoded delta: the base it applies to, and what it
// changes of each name.
type shardDelta struct {
	baseLen int
	baseSum uint32
	names   map[uint64]nameDelta
}

// matches reports whether d was written against base.
func (d *shardDelta) matches(base []byte) bool {
	return d.baseLen == len(base) && d.baseSum == crc32.Checksum(base, crcTable)
}

// encodeShardDelta encodes what names changes of base (of length
// baseLen and checksum baseSum), names in hash order.
func encodeShardDelta(baseLen int, baseSum uint32, names []uint64, deltas map[uint64]nameDelta) []byte {
	n := len(threadDeltaMagic) + 2*binary.MaxVarintLen64 + 4
	for _, h := range names {
		nd := deltas[h]
		n += 8 + 2*binary.MaxVarintLen64 + len(nd.removed)*binary.MaxVarintLen64 + len(nd.set)*(binary.MaxVarintLen64+4)
	}
	b := make([]byte, 0, n)
	b = append(b, threadDeltaMagic...)
	b = binary.AppendUvarint(b, uint64(baseLen))
	b = binary.LittleEndian.AppendUint32(b, baseSum)
	b = binary.AppendUvarint(b, uint64(len(names)))
	for _, h := range names {
		nd := deltas[h]
		b = binary.LittleEndian.AppendUint64(b, h)
		b = binary.AppendUvarint(b, uint64(len(nd.removed)))
		var last int64
		for _, id := range nd.removed {
			b = binary.AppendVarint(b, id-last)
			last = id
		}
		b = binary.AppendUvarint(b, uint64(len(nd.set)))
		last = 0
		for _, p := range nd.set {
			b = binary.AppendVarint(b, p.id-last)
			last = p.id
			b = binary.LittleEndian.AppendUint32(b, math.Float32bits(p.w))
		}
	}
	return b
}

// errDeltaOrder is the error of a delta whose names or ids are not in
// increasing order, or that both removes and sets an id.
var errDeltaOrder = errors.New("names or ids out of order")

// decodeShardDelta decodes a delta. A damaged or truncated one gives an
// error.
func decodeShardDelta(b []byte) (*shardDelta, error) {
	d, err := decodeDelta(b)
	if err != nil {
		return nil, fmt.Errorf("threads: delta of a shard of the thread index: %w", err)
	}
	return d, nil
}

// decodeDelta is decodeShardDelta without the context its errors are
// given.
func decodeDelta(b []byte) (*shardDelta, error) {
	b, ok := bytes.CutPrefix(b, threadDeltaMagic)
	if !ok {
		return nil, errors.New("not a delta")
	}
	uvarint := func() (uint64, bool) {
		v, n := binary.Uvarint(b)
		if n <= 0 {
			return 0, false
		}
		b = b[n:]
		return v, true
	}
	// ids reads n ids (with weights when weighted) in increasing order.
	ids := func(n uint64, weighted bool, fn func(id int64, w float32)) bool {
		var id int64
		for i := range n {
			d, k := binary.Varint(b)
			if k <= 0 || weighted && len(b) < k+4 || i > 0 && (d <= 0 || id > math.MaxInt64-d) {
				return false
			}
			id += d
			var w float32
			if weighted {
				w = math.Float32frombits(binary.LittleEndian.Uint32(b[k:]))
				k += 4
			}
			b = b[k:]
			fn(id, w)
		}
		return true
	}
	baseLen, ok := uvarint()
	if !ok || baseLen > math.MaxInt32 || len(b) < 4 {
		return nil, errShardShort
	}
	d := &shardDelta{baseLen: int(baseLen), baseSum: binary.LittleEndian.Uint32(b)}
	b = b[4:]
	names, ok := uvarint()
	// A name takes at least 10 bytes.
	if !ok || names > uint64(len(b)/10) {
		return nil, errShardShort
	}
	d.names = make(map[uint64]nameDelta, names)
	var last uint64
	for i := range names {
		if len(b) < 8 {
			return nil, errShardShort
		}
		h := binary.LittleEndian.Uint64(b)
		b = b[8:]
		if i > 0 && h <= last {
			return nil, errDeltaOrder
		}
		last = h
		var nd nameDelta
		n, ok := uvarint()
		// A removal takes at least a byte, a posting 5.
		if !ok || n > uint64(len(b)) {
			return nil, errShardShort
		}
		nd.removed = make([]int64, 0, n)
		if !ids(n, false, func(id int64, _ float32) { nd.removed = append(nd.removed, id) }) {
			return nil, errShardShort
		}
		if n, ok = uvarint(); !ok || n > uint64(len(b)/5) {
			return nil, errShardShort
		}
		nd.set = make([]posting, 0, n)
		if !ids(n, true, func(id int64, w float32) { nd.set = append(nd.set, posting{id, w}) }) {
			return nil, errShardShort
		}
		if len(nd.removed) == 0 && len(nd.set) == 0 {
			return nil, errors.New("a name without change")
		}
		for _, id := range nd.removed {
			if _, found := slices.BinarySearchFunc(nd.set, id, cmpPostingID); found {
				return nil, errDeltaOrder
			}
		}
		d.names[h] = nd
	}
	if len(b) != 0 {
		return nil, fmt.Errorf("%d bytes after the last name", len(b))
	}
	return d, nil
}

// cmpPostingID orders a posting against a story id.
func cmpPostingID(p posting, id int64) int { return cmp.Compare(p.id, id) }

// lookupPosting returns the posting of story id in ps (sorted by id).
func lookupPosting(ps []posting, id int64) (posting, bool) {
	if i, ok := slices.BinarySearchFunc(ps, id, cmpPostingID); ok {
		return ps[i], true
	}
	return posting{}, false
}

// seekPosting returns the index of the first posting of ps from index at
// on whose id is not below id, and whether it is id's posting; every
// posting before at must have a smaller id (ps is sorted by id). It
// gallops from at, so that looking up increasing ids one after the other
// costs the logarithm of each step rather than of the list.
func seekPosting(ps []posting, at int, id int64) (int, bool) {
	hi, step := at, 1
	for hi < len(ps) && ps[hi].id < id {
		at = hi + 1
		hi += step
		step *= 2
	}
	hi = min(hi+1, len(ps))
	i, ok := slices.BinarySearchFunc(ps[at:hi], id, cmpPostingID)
	return at + i, ok
}

// diffName returns what turns a name's base list into its list now. at
// holds the base's postings at the ids where the two may differ (ids,
// sorted and without repeats), and now the list now (sorted by id); at
// any other id the two agree.
func diffName(ids []int64, at, now []posting) nameDelta {
	var nd nameDelta
	for _, id := range ids {
		b, inBase := lookupPosting(at, id)
		n, inNow := lookupPosting(now, id)
		switch {
		case inBase && !inNow:
			nd.removed = append(nd.removed, id)
		case inNow && (!inBase || math.Float32bits(b.w) != math.Float32bits(n.w)):
			nd.set = append(nd.set, n)
		}
	}
	return nd
}

// applyName applies nd to a name's base list ps in place and drops the
// stories changed(id) reports, returning the list and, apart, the
// postings nd adds that ps lacks (in id order; the caller sorts the
// list once it added them). at gets the base's postings at the ids nd
// names and at those of changed stories, in id order. An id nd removes
// that ps lacks gives an error.
func applyName(ps []posting, nd nameDelta, changed func(int64) bool, at []posting) (list, added, atOut []posting, err error) {
	out := ps[:0]
	ri, si := 0, 0
	for _, p := range ps {
		for si < len(nd.set) && nd.set[si].id < p.id {
			if q := nd.set[si]; !changed(q.id) {
				added = append(added, q)
			}
			si++
		}
		if ri < len(nd.removed) && nd.removed[ri] < p.id {
			return nil, nil, nil, fmt.Errorf("threads: a delta removes story %d, not in its base", nd.removed[ri])
		}
		removed := ri < len(nd.removed) && nd.removed[ri] == p.id
		if removed {
			ri++
		}
		q, set := posting{}, si < len(nd.set) && nd.set[si].id == p.id
		if set {
			q = nd.set[si]
			si++
		}
		isChanged := changed(p.id)
		if removed || set || isChanged {
			at = append(at, p)
		}
		switch {
		case removed || isChanged:
		case set:
			out = append(out, q)
		default:
			out = append(out, p)
		}
	}
	if ri < len(nd.removed) {
		return nil, nil, nil, fmt.Errorf("threads: a delta removes story %d, not in its base", nd.removed[ri])
	}
	for _, q := range nd.set[si:] {
		if !changed(q.id) {
			added = append(added, q)
		}
	}
	return out, added, at, nil
}
