package cluster

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"maps"
	"math"
	"slices"

	"github.com/parallax-news/parallax/internal/codec"
)

// The thread index lets a run link only the stories it changed: it maps
// each key name to the stories carrying it, with the weight the name had
// in each story's normalised vector when the story was last indexed. The
// number of stories carrying a name (its story frequency) is the length
// of its list. The index is split into shards by name hash, so that a run
// reads the shards of the names of the stories it changed and writes
// what changed in them (a delta against each shard's base, see
// threadDeltaMagic).
//
// A full computation (ThreadsFull) writes the whole index; an
// incremental one (ThreadLinks) weighs the changed stories with the
// current story frequencies but the others with the weights they were
// indexed with, which drift as the archive grows: the caller recomputes
// in full when the number of stories has grown a lot since the last full
// computation.

// threadShardBits sets the number of shards of the thread index. A run
// reads one shard for about each key name of the stories it changed, so
// the bytes it reads are that many shards' share of the index: with
// 65,536 shards (rather than 8,192) a run of 100 articles reads about 2%
// of the index instead of 14%, which on a large archive is most of what
// its finish would otherwise read and decode.
const threadShardBits = 16

// ThreadShards is the number of shards of the thread index.
const ThreadShards = 1 << threadShardBits

// threadIndexMagic starts every shard written: names as 8-byte hashes,
// each name's stories in id order as varint differences of their ids, and
// the name's 4-byte weight in each. threadIndexFixed starts the shards of
// the layout before it (8-byte ids, counts of 8 bytes), read as well (a
// base a delta may apply to), and rewritten in the current one when a
// run writes the shard whole. PXT1 was the
// layout of 8,192 shards, whose shards a reader of this layout refuses.
//
// Story ids of a name are close together (stories are numbered as they
// are made, and a name's stories are mostly of a few months), so a
// posting takes 5 or 6 bytes instead of 12. On the year-long 1M-article
// stream a later run of 100 articles reads and rewrites 1,693 shards,
// 33 MB in the fixed layout: the names of its stories include common ones
// carried by thousands of stories.
var (
	threadIndexMagic = []byte("PXT3")
	threadIndexFixed = []byte("PXT2")
)

// shardWriter encodes one shard of the thread index in the current
// layout: name by name in hash order, each with its stories in id order.
type shardWriter struct {
	buf  []byte
	last int64
}

// newShardWriter starts a shard of names names and about postings
// postings in all.
func newShardWriter(names, postings int) *shardWriter {
	w := &shardWriter{buf: make([]byte, 0, len(threadIndexMagic)+binary.MaxVarintLen64+names*(8+binary.MaxVarintLen64)+postings*7)}
	w.buf = append(w.buf, threadIndexMagic...)
	w.buf = binary.AppendUvarint(w.buf, uint64(names))
	return w
}

// name starts name h, carried by n stories.
func (w *shardWriter) name(h uint64, n int) {
	w.buf = binary.LittleEndian.AppendUint64(w.buf, h)
	w.buf = binary.AppendUvarint(w.buf, uint64(n))
	w.last = 0
}

// posting adds story id, in which the name weighs wt.
func (w *shardWriter) posting(id int64, wt float32) {
	w.buf = binary.AppendVarint(w.buf, id-w.last)
	w.last = id
	w.buf = binary.LittleEndian.AppendUint32(w.buf, math.Float32bits(wt))
}

// threadShard returns the shard holding name hash h.
func threadShard(h uint64) int64 { return int64((h * 0x9E3779B97F4A7C15) >> (64 - threadShardBits)) }

// posting is a story carrying a name, with the name's weight in the
// story's vector (0: the name is too common to weigh).
type posting struct {
	id int64
	w  float32
}

// threadIndex maps name hashes to the stories carrying them.
type threadIndex map[uint64][]posting

// encodeShards encodes the shards of idx listed in shards (all when nil);
// a shard with no name is nil (to be deleted).
func encodeShards(idx threadIndex, shards map[int64]bool) map[int64][]byte {
	by := map[int64][]uint64{}
	for h := range idx {
		s := threadShard(h)
		if shards == nil || shards[s] {
			by[s] = append(by[s], h)
		}
	}
	out := make(map[int64][]byte, len(shards))
	for s := range shards {
		out[s] = nil
	}
	if shards == nil {
		for s := range int64(ThreadShards) {
			out[s] = nil
		}
	}
	for s, hs := range by {
		slices.Sort(hs)
		out[s] = encodeShard(idx, hs)
	}
	return out
}

// encodeShard encodes the names hs of idx (in hash order) as a shard.
func encodeShard(idx threadIndex, hs []uint64) []byte {
	n := 0
	for _, h := range hs {
		n += len(idx[h])
	}
	w := newShardWriter(len(hs), n)
	for _, h := range hs {
		ps := idx[h]
		w.name(h, len(ps))
		for _, p := range ps {
			w.posting(p.id, p.w)
		}
	}
	return w.buf
}

// decodeShard adds the names of an encoded shard to idx.
func decodeShard(b []byte, idx threadIndex) error {
	return decodeShardRoom(b, idx, nil)
}

// decodeShardRoom adds the names of an encoded shard to idx, each list of
// a name of the current layout with room for room[name] more postings.
func decodeShardRoom(b []byte, idx threadIndex, room map[uint64]int) error {
	if rest, ok := bytes.CutPrefix(b, threadIndexMagic); ok {
		if err := decodeCompactShard(rest, idx, room); err != nil {
			return fmt.Errorf("threads: shard of the thread index: %w", err)
		}
		return nil
	}
	rest, ok := bytes.CutPrefix(b, threadIndexFixed)
	if !ok {
		return fmt.Errorf("threads: not a shard of the thread index")
	}
	r := codec.NewReader(rest)
	n := r.Len(16)
	for range n {
		h := r.Uint64()
		ps := make([]posting, r.Len(12))
		for i := range ps {
			ps[i] = posting{r.Int64(), r.Float32()}
		}
		if r.Err() != nil {
			break
		}
		idx[h] = ps
	}
	if err := r.Err(); err != nil {
		return fmt.Errorf("threads: shard of the thread index: %w", err)
	}
	return nil
}

// errShardShort is the error of a shard that ends inside a value.
var errShardShort = errors.New("truncated or damaged")

// decodeCompactShard adds the names of a shard of the current layout
// (after its magic) to idx, with room for room[name] more postings in
// each name's list.
func decodeCompactShard(b []byte, idx threadIndex, room map[uint64]int) error {
	uvarint := func() (uint64, bool) {
		v, n := binary.Uvarint(b)
		if n <= 0 {
			return 0, false
		}
		b = b[n:]
		return v, true
	}
	names, ok := uvarint()
	// A name takes at least 9 bytes.
	if !ok || names > uint64(len(b)/9) {
		return errShardShort
	}
	for range names {
		if len(b) < 8 {
			return errShardShort
		}
		h := binary.LittleEndian.Uint64(b)
		b = b[8:]
		n, ok := uvarint()
		// A posting takes at least 5 bytes.
		if !ok || n > uint64(len(b)/5) {
			return errShardShort
		}
		ps := make([]posting, n, int(n)+room[h])
		var id int64
		for i := range ps {
			d, k := binary.Varint(b)
			if k <= 0 || len(b) < k+4 {
				return errShardShort
			}
			id += d
			ps[i] = posting{id, math.Float32frombits(binary.LittleEndian.Uint32(b[k:]))}
			b = b[k+4:]
		}
		idx[h] = ps
	}
	if len(b) != 0 {
		return fmt.Errorf("%d bytes after the last name", len(b))
	}
	return nil
}

// changedSet returns a test of whether a story changed since
// ClearChanged.
func (c *Clusterer) changedSet() func(id int64) bool {
	lo, hi := int64(math.MaxInt64), int64(math.MinInt64)
	for id := range c.changed {
		lo, hi = min(lo, id), max(hi, id)
	}
	if lo > hi || uint64(hi-lo) >= 1<<26 {
		return func(id int64) bool { return c.changed[id] }
	}
	bits := make([]uint64, (hi-lo)/64+1)
	for id := range c.changed {
		bits[(id-lo)/64] |= 1 << ((id - lo) % 64)
	}
	return func(id int64) bool {
		return id >= lo && id <= hi && bits[(id-lo)/64]&(1<<((id-lo)%64)) != 0
	}
}

// ClearChanged forgets which stories changed: their threads were saved.
func (c *Clusterer) ClearChanged() { clear(c.changed) }

// Changed returns the number of stories changed since ClearChanged.
func (c *Clusterer) Changed() int { return len(c.changed) }

// ShardWrites is what a run writes of the thread index, by shard: new
// bases, and deltas against the stored bases (see threadDeltaMagic). A
// shard listed with nil data has that row deleted; a shard not listed
// keeps what is stored.
type ShardWrites struct {
	Bases, Deltas map[int64][]byte
}

// ThreadLinks links the stories changed since ClearChanged (new, grown,
// merged into) to the stories sharing their key names, found through the
// thread index, and returns the pairs of linked stories and what to write
// of the shards of the index it updated. A pair may name a story that no
// longer exists (the index keeps stories merged away until their shard
// is read again): the caller skips them.
//
// A shard it updated is written as a delta against its stored base, or
// whole as a new base (dropping its delta) when it has no base or when
// the delta would be larger than Config.ThreadDeltaShare of the base
// and than threadDeltaMinBytes.
//
// readNames returns the saved names blob of a bucket (nil: none);
// readShards calls fn with each saved delta (deltas set) or base of the
// shards among shards (in any order, once each; a shard not saved is not
// passed), read in one go rather than one query a shard. ThreadLinks
// reads the deltas first, then the bases.
func (c *Clusterer) ThreadLinks(readNames func(bucket int64) ([]byte, error), readShards func(shards []int64, deltas bool, fn func(shard int64, data []byte) error) error) ([][2]int64, ShardWrites, error) {
	var none ShardWrites
	// The changed stories and their names.
	names := map[int64][]feat{}
	buckets := map[int64]bool{}
	for id := range c.changed {
		buckets[id>>bucketShift] = true
	}
	for _, b := range slices.Sorted(maps.Keys(buckets)) {
		if c.resident[b] {
			for id := b << bucketShift; id < (b+1)<<bucketShift; id++ {
				if s := c.stories[id]; s != nil && c.changed[id] {
					names[id] = nameList(s.names)
				}
			}
			continue
		}
		if _, ok := c.buckets[b]; !ok {
			continue // no story left
		}
		data, err := readNames(b)
		if err != nil {
			return nil, none, err
		}
		if data != nil {
			err := decodeNames(data, func(id int64, ns []feat) {
				if c.changed[id] {
					names[id] = ns
				}
			})
			if err != nil {
				return nil, none, err
			}
		}
	}
	// The shards of their names, without the changed stories, which are
	// indexed again with their current names (a story merged away is not
	// indexed again).
	// A name's list is decoded with room for the changed stories carrying
	// it and for what its delta adds: on a large archive the names of a
	// run's stories include common ones, whose lists of thousands of
	// stories would otherwise be copied to grow.
	shards := map[int64]bool{}
	room := map[uint64]int{}
	for _, ns := range names {
		for _, f := range ns {
			shards[threadShard(f.h)] = true
			room[f.h]++
		}
	}
	asked := slices.Sorted(maps.Keys(shards))
	deltas := map[int64]*shardDelta{}
	storedDelta := map[int64][]byte{}
	err := readShards(asked, true, func(s int64, data []byte) error {
		if !shards[s] {
			return fmt.Errorf("threads: delta of shard %d read but not asked for", s)
		}
		d, err := decodeShardDelta(data)
		if err != nil {
			return fmt.Errorf("shard %d: %w", s, err)
		}
		for h, nd := range d.names {
			if threadShard(h) != s {
				return fmt.Errorf("threads: delta of shard %d: name %#x of shard %d", s, h, threadShard(h))
			}
			room[h] += len(nd.set)
		}
		deltas[s], storedDelta[s] = d, bytes.Clone(data)
		return nil
	})
	if err != nil {
		return nil, none, err
	}
	idx := threadIndex{}
	type baseInfo struct {
		len int
		sum uint32
	}
	bases := map[int64]baseInfo{}
	err = readShards(asked, false, func(s int64, data []byte) error {
		if !shards[s] {
			return fmt.Errorf("threads: shard %d read but not asked for", s)
		}
		bases[s] = baseInfo{len(data), crc32.Checksum(data, crcTable)}
		return decodeShardRoom(data, idx, room)
	})
	if err != nil {
		return nil, none, err
	}
	// A delta written against another base (or none) is stale.
	for s, d := range deltas {
		if b, ok := bases[s]; !ok || d.baseLen != b.len || d.baseSum != b.sum {
			delete(deltas, s)
		}
	}
	// Each name's list is its base's with its delta applied, less the
	// changed stories; every posting read is checked against them, as
	// bits over their range of ids rather than lookups in a map. at
	// keeps the base's postings where the list may now differ from the
	// base, to write the shard's next delta.
	changed := c.changedSet()
	byShard := map[int64][]uint64{}
	for h := range idx {
		byShard[threadShard(h)] = append(byShard[threadShard(h)], h)
	}
	for s, d := range deltas {
		for h := range d.names {
			if _, ok := idx[h]; !ok {
				byShard[s] = append(byShard[s], h)
			}
		}
	}
	at := map[uint64][]posting{}
	grown := map[uint64]int{} // names with postings appended: the sorted part's length
	for s, hs := range byShard {
		var d map[uint64]nameDelta
		if deltas[s] != nil {
			d = deltas[s].names
		}
		for _, h := range hs {
			ps, added, a, err := applyName(idx[h], d[h], changed, nil)
			if err != nil {
				return nil, none, fmt.Errorf("shard %d: %w", s, err)
			}
			if a != nil {
				at[h] = a
			}
			if len(added) > 0 {
				grown[h] = len(ps)
				ps = append(ps, added...)
			}
			if len(ps) == 0 {
				delete(idx, h)
			} else {
				idx[h] = ps
			}
		}
	}
	ids := slices.Sorted(maps.Keys(names))
	for _, id := range ids {
		for _, f := range names[id] {
			ps := idx[f.h]
			if _, ok := grown[f.h]; !ok {
				grown[f.h] = len(ps)
			}
			idx[f.h] = append(ps, posting{id, 0})
		}
	}
	// The changed stories' vectors, with the current story frequencies.
	n := float64(c.live) + c.cfg.ThreadPrior
	vecs := make(map[int64]vec, len(ids))
	for _, id := range ids {
		ns := names[id]
		v := make(vec, 0, len(ns))
		for _, f := range ns {
			w := (1 + math.Log(float64(max(f.w, 1)))) * math.Log(n/(float64(len(idx[f.h]))+0.5))
			if w > 0 {
				v = append(v, feat{f.h, float32(w)})
			}
		}
		normalize(v)
		vecs[id] = v
	}
	// Only the lists postings were appended to hold changed stories or
	// are out of order.
	for h, k := range grown {
		ps := idx[h]
		for i := k; i < len(ps); i++ {
			if !changed(ps[i].id) {
				continue
			}
			if v, ok := vecs[ps[i].id]; ok {
				if j, ok := slices.BinarySearchFunc(v, h, func(a feat, h uint64) int { return cmp.Compare(a.h, h) }); ok {
					ps[i].w = v[j].w
				}
			}
		}
		mergeTail(ps, k)
	}
	// Links: the similarity sums over every shared name, but a name in
	// very many stories does not make them candidates (as in threads).
	// The candidates come from the names in few stories; a name in many
	// stories only adds to the scores of those candidates, looked up in
	// its posting list (sorted by story id) rather than walked, which on
	// a large archive would cost a pass over most stories per name.
	var links [][2]int64
	score := map[int64]float64{}
	var capped []feat
	var cands []int64
	var sums []float64
	for _, id := range ids {
		clear(score)
		capped = capped[:0]
		for _, f := range vecs[id] {
			ps := idx[f.h]
			if c.cfg.Postings > 0 && len(ps) > c.cfg.Postings {
				capped = append(capped, f)
				continue
			}
			for _, p := range ps {
				if p.id != id && p.w != 0 {
					score[p.id] += float64(f.w) * float64(p.w)
				}
			}
		}
		// The candidates in id order, each with its score: a capped
		// name's list is searched for them in one forward pass.
		cands = cands[:0]
		for o := range score {
			cands = append(cands, o)
		}
		slices.Sort(cands)
		sums = sums[:0]
		for _, o := range cands {
			sums = append(sums, score[o])
		}
		for _, f := range capped {
			ps := idx[f.h]
			at := 0
			for j, o := range cands {
				k, ok := seekPosting(ps, at, o)
				if ok {
					sums[j] += float64(f.w) * float64(ps[k].w)
				}
				if at = k; at >= len(ps) {
					break
				}
			}
		}
		for j, o := range cands {
			if sums[j] >= c.cfg.ThreadThreshold {
				links = append(links, [2]int64{id, o})
			}
		}
	}
	// What to write of each shard read.
	appended := map[uint64][]int64{} // changed stories carrying each name
	for _, id := range ids {
		for _, f := range names[id] {
			appended[f.h] = append(appended[f.h], id)
			byShard[threadShard(f.h)] = append(byShard[threadShard(f.h)], f.h)
		}
	}
	out := ShardWrites{Bases: map[int64][]byte{}, Deltas: map[int64][]byte{}}
	for _, s := range asked {
		hs := byShard[s]
		slices.Sort(hs)
		hs = slices.Compact(hs)
		live := slices.DeleteFunc(slices.Clone(hs), func(h uint64) bool { return len(idx[h]) == 0 })
		base, hasBase := bases[s]
		if _, ok := storedDelta[s]; ok {
			out.Deltas[s] = nil
		}
		switch {
		case len(live) == 0:
			if hasBase {
				out.Bases[s] = nil
			}
			continue
		case !hasBase:
			out.Bases[s] = encodeShard(idx, live)
			continue
		}
		var d map[uint64]nameDelta
		if deltas[s] != nil {
			d = deltas[s].names
		}
		diffs := map[uint64]nameDelta{}
		var changedNames []uint64
		var ks []int64
		for _, h := range hs {
			ks = ks[:0]
			ks = append(ks, d[h].removed...)
			for _, p := range d[h].set {
				ks = append(ks, p.id)
			}
			for _, p := range at[h] {
				ks = append(ks, p.id)
			}
			ks = append(ks, appended[h]...)
			slices.Sort(ks)
			ks = slices.Compact(ks)
			if nd := diffName(ks, at[h], idx[h]); len(nd.removed) > 0 || len(nd.set) > 0 {
				diffs[h] = nd
				changedNames = append(changedNames, h)
			}
		}
		if len(changedNames) == 0 {
			continue // the base holds the lists: no delta
		}
		enc := encodeShardDelta(base.len, base.sum, changedNames, diffs)
		limit := c.cfg.ThreadDeltaShare * float64(base.len)
		if c.cfg.ThreadDeltaShare > 0 {
			limit = max(limit, threadDeltaMinBytes)
		}
		switch {
		case float64(len(enc)) > limit:
			out.Bases[s] = encodeShard(idx, live)
		case bytes.Equal(enc, storedDelta[s]):
			delete(out.Deltas, s) // unchanged
		default:
			out.Deltas[s] = enc
		}
	}
	return links, out, nil
}

// threadDeltaMinBytes is the size up to which a shard's delta is kept
// whatever the size of its base. Most shards a run reads hold rare names
// only (a few hundred bytes), to which a run adds some 30 bytes: folded
// at a quarter of their size, they would be rewritten every third time a
// run reads them, each dirtying a page of the store (16 KiB) where the
// deltas, stored side by side, take a few pages for all. Folding when a
// run's rewrite of the delta (about half the limit on average, in the
// deltas' pages) costs what the fold saves puts the limit near
// sqrt(2 × 30 × 16384) bytes, about 1 KiB.
const threadDeltaMinBytes = 1024

// mergeTail sorts ps by story id, ps[:k] being sorted already: the tail
// is sorted and merged in from the back, which moves only the postings
// after the first one it inserts before.
func mergeTail(ps []posting, k int) {
	if k >= len(ps) {
		return
	}
	tail := slices.Clone(ps[k:])
	slices.SortFunc(tail, func(a, b posting) int { return cmp.Compare(a.id, b.id) })
	i, j := k-1, len(tail)-1
	for w := len(ps) - 1; j >= 0; w-- {
		if i >= 0 && ps[i].id > tail[j].id {
			ps[w] = ps[i]
			i--
		} else {
			ps[w] = tail[j]
			j--
		}
	}
}
