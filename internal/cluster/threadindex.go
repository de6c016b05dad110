package cluster

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"errors"
	"fmt"
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
// reads and rewrites the shards of the names of the stories it changed.
//
// A full computation (ThreadsFull) writes the whole index; an
// incremental one (ThreadLinks) weighs the changed stories with the
// current story frequencies but the others with the weights they were
// indexed with, which drift as the archive grows: the caller recomputes
// in full when the number of stories has grown a lot since the last full
// computation.

// threadShardBits sets the number of shards of the thread index. A run
// reads and rewrites one shard for about each key name of the stories it
// changed, so the bytes it moves are that many shards' share of the
// index: with 65,536 shards (rather than 8,192) a run of 100 articles
// moves about 2% of the index instead of 14%, which on a large archive
// is most of what its finish would otherwise read, decode and write.
const threadShardBits = 16

// ThreadShards is the number of shards of the thread index.
const ThreadShards = 1 << threadShardBits

// threadIndexMagic starts every shard written: names as 8-byte hashes,
// each name's stories in id order as varint differences of their ids, and
// the name's 4-byte weight in each. threadIndexFixed starts the shards of
// the layout before it (8-byte ids, counts of 8 bytes), read as well, and
// rewritten in the current one when their names change. PXT1 was the
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
		out[s] = w.buf
	}
	return out
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

// ThreadLinks links the stories changed since ClearChanged (new, grown,
// merged into) to the stories sharing their key names, found through the
// thread index, and returns the pairs of linked stories and the shards of
// the index it updated (nil: to be deleted). A pair may name a story that
// no longer exists (the index keeps stories merged away until their shard
// is rewritten): the caller skips them.
//
// readNames returns the saved names blob of a bucket (nil: none);
// readShards calls fn with each saved shard of the index among shards
// (in any order, once each; a shard not saved is not passed), read in
// one go rather than one query a shard.
func (c *Clusterer) ThreadLinks(readNames func(bucket int64) ([]byte, error), readShards func(shards []int64, fn func(shard int64, data []byte) error) error) ([][2]int64, map[int64][]byte, error) {
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
			return nil, nil, err
		}
		if data != nil {
			err := decodeNames(data, func(id int64, ns []feat) {
				if c.changed[id] {
					names[id] = ns
				}
			})
			if err != nil {
				return nil, nil, err
			}
		}
	}
	// The shards of their names, without the changed stories, which are
	// indexed again with their current names (a story merged away is not
	// indexed again).
	// A name's list is decoded with room for the changed stories carrying
	// it: on a large archive the names of a run's stories include common
	// ones, whose lists of thousands of stories would otherwise be copied
	// to grow.
	shards := map[int64]bool{}
	room := map[uint64]int{}
	for _, ns := range names {
		for _, f := range ns {
			shards[threadShard(f.h)] = true
			room[f.h]++
		}
	}
	idx := threadIndex{}
	err := readShards(slices.Sorted(maps.Keys(shards)), func(s int64, data []byte) error {
		if !shards[s] {
			return fmt.Errorf("threads: shard %d read but not asked for", s)
		}
		return decodeShardRoom(data, idx, room)
	})
	if err != nil {
		return nil, nil, err
	}
	// Every posting read is checked against the changed stories, as bits
	// over their range of ids rather than lookups in a map.
	changed := c.changedSet()
	for h, ps := range idx {
		ps = slices.DeleteFunc(ps, func(p posting) bool { return changed(p.id) })
		if len(ps) == 0 {
			delete(idx, h)
		} else {
			idx[h] = ps
		}
	}
	ids := slices.Sorted(maps.Keys(names))
	for _, id := range ids {
		for _, f := range names[id] {
			idx[f.h] = append(idx[f.h], posting{id, 0})
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
	for h, ps := range idx {
		for i := range ps {
			if !changed(ps[i].id) {
				continue
			}
			if v, ok := vecs[ps[i].id]; ok {
				if j, ok := slices.BinarySearchFunc(v, h, func(a feat, h uint64) int { return cmp.Compare(a.h, h) }); ok {
					ps[i].w = v[j].w
				}
			}
		}
		slices.SortFunc(ps, func(a, b posting) int { return cmp.Compare(a.id, b.id) })
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
		for _, f := range capped {
			ps := idx[f.h]
			for o := range score {
				if j, ok := slices.BinarySearchFunc(ps, o, func(p posting, o int64) int { return cmp.Compare(p.id, o) }); ok {
					score[o] += float64(f.w) * float64(ps[j].w)
				}
			}
		}
		for _, o := range slices.Sorted(maps.Keys(score)) {
			if score[o] >= c.cfg.ThreadThreshold {
				links = append(links, [2]int64{id, o})
			}
		}
	}
	return links, encodeShards(idx, shards), nil
}
