package cluster

import (
	"bytes"
	"cmp"
	"fmt"
	"maps"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// shardStore holds a thread index as ThreadLinks writes it: bases and
// deltas by shard.
type shardStore struct {
	bases, deltas map[int64][]byte
}

func newShardStore() *shardStore {
	return &shardStore{bases: map[int64][]byte{}, deltas: map[int64][]byte{}}
}

// read is ThreadLinks' readShards over the store.
func (st *shardStore) read(shards []int64, deltas bool, fn func(int64, []byte) error) error {
	from := st.bases
	if deltas {
		from = st.deltas
	}
	// In reverse order, which no store uses: ThreadLinks takes any.
	for _, s := range slices.Backward(shards) {
		if data, ok := from[s]; ok {
			if err := fn(s, bytes.Clone(data)); err != nil {
				return err
			}
		}
	}
	return nil
}

// apply writes what ThreadLinks returned.
func (st *shardStore) apply(w ShardWrites) {
	for _, x := range []struct {
		to   map[int64][]byte
		from map[int64][]byte
	}{{st.bases, w.Bases}, {st.deltas, w.Deltas}} {
		for s, data := range x.from {
			if data == nil {
				delete(x.to, s)
			} else {
				x.to[s] = data
			}
		}
	}
}

// lists returns the names of every shard as a reader sees them: base
// and delta applied, a stale delta ignored.
func (st *shardStore) lists() (threadIndex, error) {
	idx := threadIndex{}
	for s, base := range st.bases {
		one := threadIndex{}
		if err := decodeShard(base, one); err != nil {
			return nil, err
		}
		if data, ok := st.deltas[s]; ok {
			d, err := decodeShardDelta(data)
			if err != nil {
				return nil, err
			}
			if d.matches(base) {
				if err := d.applyTo(one); err != nil {
					return nil, err
				}
			}
		}
		maps.Copy(idx, one)
	}
	return idx, nil
}

// applyTo applies d to the names of its base.
func (d *shardDelta) applyTo(idx threadIndex) error {
	none := func(int64) bool { return false }
	for h, nd := range d.names {
		ps, added, _, err := applyName(idx[h], nd, none, nil)
		if err != nil {
			return err
		}
		ps = append(ps, added...)
		slices.SortFunc(ps, func(a, b posting) int { return cmp.Compare(a.id, b.id) })
		if len(ps) == 0 {
			delete(idx, h)
		} else {
			idx[h] = ps
		}
	}
	return nil
}

// sameLists reports the first difference between two indexes (weights
// compared bit for bit).
func sameLists(got, want threadIndex) error {
	for h, ps := range want {
		g, ok := got[h]
		if !ok {
			return fmt.Errorf("name %#x missing (%d postings)", h, len(ps))
		}
		if len(g) != len(ps) {
			return fmt.Errorf("name %#x: %d postings, want %d", h, len(g), len(ps))
		}
		for i := range ps {
			if g[i].id != ps[i].id || math.Float32bits(g[i].w) != math.Float32bits(ps[i].w) {
				return fmt.Errorf("name %#x posting %d: %v, want %v", h, i, g[i], ps[i])
			}
		}
	}
	for h := range got {
		if _, ok := want[h]; !ok {
			return fmt.Errorf("name %#x (%d postings) should not be there", h, len(got[h]))
		}
	}
	return nil
}

// nameInShard returns the k-th name hash of shard s (the inverse of
// threadShard's multiplication puts a chosen shard in the top bits).
func nameInShard(s int64, k int) uint64 {
	const golden = 0x9E3779B97F4A7C15
	inv := uint64(golden) // Newton's iteration for the inverse modulo 2^64
	for range 6 {
		inv *= 2 - golden*inv
	}
	return (uint64(s)<<(64-threadShardBits) | uint64(k)) * inv
}

// deltaWorld drives a clusterer's stories through random runs: stories
// added, grown (names added, dropped, re-weighted) and merged away.
type deltaWorld struct {
	rng    *rand.Rand
	c      *Clusterer
	common []uint64 // carried by most stories: lists past Config.Postings
	rare   []uint64
	next   int64
}

func newDeltaWorld(seed uint64, cfg Config) *deltaWorld {
	w := &deltaWorld{rng: rand.New(rand.NewPCG(seed, 7)), c: New(cfg), next: 1}
	for s := range int64(12) {
		shard := 1000 + 37*s
		for k := range 40 {
			if k < 1 && s < 4 {
				w.common = append(w.common, nameInShard(shard, k))
			} else {
				w.rare = append(w.rare, nameInShard(shard, k))
			}
		}
	}
	return w
}

func (w *deltaWorld) names() map[uint64]float32 {
	ns := map[uint64]float32{}
	for _, h := range w.common {
		if w.rng.IntN(10) < 8 {
			ns[h] = float32(1 + w.rng.IntN(4))
		}
	}
	for range 2 + w.rng.IntN(6) {
		ns[w.rare[w.rng.IntN(len(w.rare))]] = float32(1 + w.rng.IntN(3))
	}
	return ns
}

// run changes the stories: add new ones, grow and merge away some.
func (w *deltaWorld) run(add, grow, merge int) {
	c := w.c
	for range add {
		id := w.next
		w.next++
		c.stories[id] = &story{id: id, names: w.names()}
		c.resident[id>>bucketShift] = true
		c.changed[id] = true
		c.live++
	}
	ids := slices.Sorted(maps.Keys(c.stories))
	for range grow {
		s := c.stories[ids[w.rng.IntN(len(ids))]]
		switch w.rng.IntN(3) {
		case 0: // a new name
			s.names[w.rare[w.rng.IntN(len(w.rare))]] = 1
		case 1: // a name dropped
			for h := range s.names {
				delete(s.names, h)
				break
			}
		}
		for h := range s.names { // counts grow
			if w.rng.IntN(3) == 0 {
				s.names[h]++
			}
		}
		c.changed[s.id] = true
	}
	for range merge {
		id := ids[w.rng.IntN(len(ids))]
		if c.stories[id] != nil && len(c.stories) > 1 {
			delete(c.stories, id)
			c.changed[id] = true
			c.live--
		}
	}
}

// TestThreadDeltasMatchRewrite: over random sequences of runs, the links
// ThreadLinks finds and the lists its index holds through bases and
// deltas are those of the code that rewrote every shard it read, after
// every run, whatever the share of a base a delta may reach (0: every
// shard rewritten; a huge share: never folded).
func TestThreadDeltasMatchRewrite(t *testing.T) {
	for _, tc := range []struct {
		name  string
		share float64
		runs  int
	}{
		{"default share", 0.25, 60},
		{"small share", 0.02, 40},
		{"never folded", 1e9, 40},
		{"always rewritten", 0, 20},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for seed := range uint64(3) {
				cfg := DefaultConfig()
				cfg.ThreadDeltaShare = tc.share
				w := newDeltaWorld(seed, cfg)
				st, ref := newShardStore(), map[int64][]byte{}
				var deltas, folds, bases int
				for run := range tc.runs {
					if run == 0 {
						w.run(300, 0, 0)
					} else {
						w.run(w.rng.IntN(15), w.rng.IntN(10), w.rng.IntN(4))
					}
					links, writes, err := w.c.ThreadLinks(nil, st.read)
					if err != nil {
						t.Fatalf("seed %d run %d: %v", seed, run, err)
					}
					wantLinks, wantShards, err := w.c.referenceThreadLinks(nil, func(shards []int64, fn func(int64, []byte) error) error {
						for _, s := range shards {
							if data, ok := ref[s]; ok {
								if err := fn(s, data); err != nil {
									return err
								}
							}
						}
						return nil
					})
					if err != nil {
						t.Fatal(err)
					}
					if !slices.Equal(links, wantLinks) {
						t.Fatalf("seed %d run %d: %d links, want %d (or they differ)", seed, run, len(links), len(wantLinks))
					}
					for s, data := range writes.Bases {
						if data != nil {
							if _, ok := st.bases[s]; ok {
								folds++
							} else {
								bases++
							}
						}
					}
					for s, data := range writes.Deltas {
						if data == nil {
							continue
						}
						deltas++
						limit := max(tc.share*float64(len(st.bases[s])), threadDeltaMinBytes)
						if float64(len(data)) > limit {
							t.Errorf("seed %d run %d: a delta of %d bytes against a base of %d", seed, run, len(data), len(st.bases[s]))
						}
					}
					st.apply(writes)
					for s, data := range wantShards {
						if data == nil {
							delete(ref, s)
						} else {
							ref[s] = data
						}
					}
					want := threadIndex{}
					for _, data := range ref {
						if err := decodeShard(data, want); err != nil {
							t.Fatal(err)
						}
					}
					got, err := st.lists()
					if err != nil {
						t.Fatalf("seed %d run %d: %v", seed, run, err)
					}
					if err := sameLists(got, want); err != nil {
						t.Fatalf("seed %d run %d: %v", seed, run, err)
					}
					for s, data := range st.deltas {
						if _, ok := st.bases[s]; !ok {
							t.Fatalf("seed %d run %d: shard %d has a delta (%d bytes) and no base", seed, run, s, len(data))
						}
					}
					w.c.ClearChanged()
				}
				t.Logf("seed %d: %d bases written, %d folded, %d deltas written; %d shards, %d deltas stored", seed, bases, folds, deltas, len(st.bases), len(st.deltas))
				switch {
				case tc.share == 0 && deltas > 0:
					t.Errorf("%d deltas written with a share of 0", deltas)
				case tc.share > 1 && folds > 0:
					t.Errorf("%d shards folded with a share of %g", folds, tc.share)
				case tc.share > 0 && deltas == 0:
					t.Error("no delta written")
				case tc.share > 0 && tc.share < 1 && folds == 0:
					t.Error("no delta folded into a new base")
				}
			}
		})
	}
}

// A delta written against a base that has since been rewritten by a
// writer unaware of deltas is stale: it is ignored, and the run writes
// the shard afresh.
func TestThreadDeltaStale(t *testing.T) {
	w := newDeltaWorld(9, DefaultConfig())
	st := newShardStore()
	w.run(300, 0, 0)
	for range 3 {
		_, writes, err := w.c.ThreadLinks(nil, st.read)
		if err != nil {
			t.Fatal(err)
		}
		st.apply(writes)
		w.c.ClearChanged()
		w.run(5, 5, 1)
	}
	if len(st.deltas) == 0 {
		t.Fatal("no delta stored")
	}
	// The bases rewritten with what they held, in the earlier layout.
	for s, base := range st.bases {
		idx := threadIndex{}
		if err := decodeShard(base, idx); err != nil {
			t.Fatal(err)
		}
		st.bases[s] = fixedShard(idx)
	}
	plain := &shardStore{bases: maps.Clone(st.bases), deltas: map[int64][]byte{}}
	got, err := st.lists()
	if err != nil {
		t.Fatal(err)
	}
	want, _ := plain.lists()
	if err := sameLists(got, want); err != nil {
		t.Fatalf("stale deltas applied: %v", err)
	}
	links, writes, err := w.c.ThreadLinks(nil, st.read)
	if err != nil {
		t.Fatal(err)
	}
	wantLinks, wantWrites, err := w.c.ThreadLinks(nil, plain.read)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(links, wantLinks) {
		t.Errorf("%d links, want %d", len(links), len(wantLinks))
	}
	st.apply(writes)
	plain.apply(wantWrites)
	got, _ = st.lists()
	want, _ = plain.lists()
	if err := sameLists(got, want); err != nil {
		t.Error(err)
	}
}

// A damaged or truncated delta gives an error, from the decoder and
// from ThreadLinks, not a panic.
func TestThreadDeltaDamaged(t *testing.T) {
	w := newDeltaWorld(4, DefaultConfig())
	st := newShardStore()
	w.run(300, 0, 0)
	for range 4 {
		_, writes, err := w.c.ThreadLinks(nil, st.read)
		if err != nil {
			t.Fatal(err)
		}
		st.apply(writes)
		w.c.ClearChanged()
		w.run(5, 8, 1)
	}
	var s int64 = -1
	for n, data := range st.deltas {
		if s < 0 || len(data) > len(st.deltas[s]) {
			s = n
		}
	}
	if s < 0 {
		t.Fatal("no delta stored")
	}
	delta := st.deltas[s]
	for cut := range len(delta) {
		if _, err := decodeShardDelta(delta[:cut]); err == nil {
			t.Errorf("a delta cut to %d of %d bytes decoded", cut, len(delta))
		}
	}
	damaged := map[string][]byte{
		"trailing byte": append(slices.Clone(delta), 0),
		"magic":         append([]byte("PXD0"), delta[4:]...),
	}
	// A name's removal count raised by one.
	d, err := decodeShardDelta(delta)
	if err != nil {
		t.Fatal(err)
	}
	hs := slices.Sorted(maps.Keys(d.names))
	nd := d.names[hs[0]]
	nd.removed = append(nd.removed, 1<<50)
	d.names[hs[0]] = nd
	damaged["removes a story not in the base"] = encodeShardDelta(d.baseLen, d.baseSum, hs, d.names)
	for name, data := range damaged {
		t.Run(name, func(t *testing.T) {
			bad := &shardStore{bases: st.bases, deltas: maps.Clone(st.deltas)}
			bad.deltas[s] = data
			// A run reading the shard: one of its names changed.
			c := w.c
			id := w.next
			w.next++
			names := map[uint64]float32{}
			base := threadIndex{}
			if err := decodeShard(st.bases[s], base); err != nil {
				t.Fatal(err)
			}
			for h := range base {
				names[h] = 1
				break
			}
			c.stories[id] = &story{id: id, names: names}
			c.resident[id>>bucketShift] = true
			c.changed[id] = true
			defer func() {
				delete(c.stories, id)
				c.ClearChanged()
			}()
			if _, _, err := c.ThreadLinks(nil, bad.read); err == nil {
				t.Error("no error")
			}
		})
	}
}

// A delta applies to a base of the earlier fixed layout as to a compact
// one.
func TestThreadDeltaOnFixedBase(t *testing.T) {
	w := newDeltaWorld(5, DefaultConfig())
	w.run(300, 0, 0)
	fixed, compact := newShardStore(), newShardStore()
	_, writes, err := w.c.ThreadLinks(nil, compact.read)
	if err != nil {
		t.Fatal(err)
	}
	compact.apply(writes)
	for s, base := range compact.bases {
		idx := threadIndex{}
		if err := decodeShard(base, idx); err != nil {
			t.Fatal(err)
		}
		fixed.bases[s] = fixedShard(idx)
	}
	w.c.ClearChanged()
	written := 0
	for range 5 {
		w.run(5, 5, 1)
		for _, st := range []*shardStore{fixed, compact} {
			_, writes, err := w.c.ThreadLinks(nil, st.read)
			if err != nil {
				t.Fatal(err)
			}
			for _, data := range writes.Deltas {
				if data != nil && st == fixed {
					written++
				}
			}
			st.apply(writes)
		}
		w.c.ClearChanged()
		got, err := fixed.lists()
		if err != nil {
			t.Fatal(err)
		}
		want, err := compact.lists()
		if err != nil {
			t.Fatal(err)
		}
		if err := sameLists(got, want); err != nil {
			t.Fatal(err)
		}
	}
	if written == 0 {
		t.Error("no delta written against a base of the fixed layout")
	}
}

func TestMergeTail(t *testing.T) {
	for _, tc := range []struct {
		ids []int64
		k   int
	}{
		{nil, 0},
		{[]int64{1, 2, 3}, 3},
		{[]int64{1, 5, 9, 3}, 3},
		{[]int64{4, 5, 9, 10, 1, 2}, 4},
		{[]int64{2, 7, 0}, 2},
		{[]int64{9, 8, 7}, 0},
	} {
		ps := make([]posting, len(tc.ids))
		for i, id := range tc.ids {
			ps[i] = posting{id, float32(id)}
		}
		mergeTail(ps, tc.k)
		want := slices.Sorted(slices.Values(tc.ids))
		for i, p := range ps {
			if p.id != want[i] || p.w != float32(p.id) {
				t.Errorf("%v from %d: %v, want ids %v", tc.ids, tc.k, ps, want)
				break
			}
		}
	}
}

// FuzzDecodeShardDelta: any bytes decode to a delta or give an error,
// and a decoded delta applies to a base without panicking and encodes to
// bytes that decode to it again.
func FuzzDecodeShardDelta(f *testing.F) {
	f.Add(encodeShardDelta(10, 99, []uint64{3, 8}, map[uint64]nameDelta{
		3: {removed: []int64{4, 9}},
		8: {removed: []int64{2}, set: []posting{{5, 0.5}, {1 << 40, 0}}},
	}))
	f.Add(encodeShardDelta(0, 0, nil, nil))
	f.Add([]byte("PXD1\x05\x00\x00\x00\x00\x01"))
	base := []posting{{2, 1}, {4, 0.5}, {9, 0.25}}
	f.Fuzz(func(t *testing.T, b []byte) {
		d, err := decodeShardDelta(b)
		if err != nil {
			return
		}
		hs := slices.Sorted(maps.Keys(d.names))
		again, err := decodeShardDelta(encodeShardDelta(d.baseLen, d.baseSum, hs, d.names))
		if err != nil {
			t.Fatalf("re-encoded delta: %v", err)
		}
		for h, nd := range d.names {
			if !slices.Equal(again.names[h].removed, nd.removed) || !slices.Equal(again.names[h].set, nd.set) {
				t.Fatalf("name %#x differs re-encoded", h)
			}
			ps, added, _, err := applyName(slices.Clone(base), nd, func(id int64) bool { return id == 4 }, nil)
			if err == nil && len(ps)+len(added) > len(base)+len(nd.set) {
				t.Fatalf("%d postings from %d and %d set", len(ps)+len(added), len(base), len(nd.set))
			}
		}
	})
}

// referenceThreadLinks is ThreadLinks as it was before shards were
// written as deltas: every shard read is rewritten whole. The delta tests
// hold ThreadLinks to its links and to the lists it leaves in the index.
func (c *Clusterer) referenceThreadLinks(readNames func(bucket int64) ([]byte, error), readShards func(shards []int64, fn func(shard int64, data []byte) error) error) ([][2]int64, map[int64][]byte, error) {
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

// TestSeekPosting checks the galloping search against a plain binary
// search, for increasing ids walked through lists of several densities.
func TestSeekPosting(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 9))
	for _, tc := range []struct{ n, spread, asks int }{
		{0, 10, 5}, {1, 3, 5}, {50, 2, 40}, {1000, 8, 300}, {5000, 100, 20}, {300, 1, 1000},
	} {
		ps := make([]posting, 0, tc.n)
		id := int64(0)
		for range tc.n {
			id += 1 + int64(r.IntN(tc.spread))
			ps = append(ps, posting{id, float32(id)})
		}
		asks := make([]int64, tc.asks)
		for i := range asks {
			asks[i] = int64(r.IntN(int(id) + 5))
		}
		slices.Sort(asks)
		asks = slices.Compact(asks)
		at := 0
		for _, o := range asks {
			k, ok := seekPosting(ps, at, o)
			want, wantOK := slices.BinarySearchFunc(ps, o, cmpPostingID)
			if k != want || ok != wantOK {
				t.Fatalf("n %d: seekPosting(at %d, id %d) = %d, %v; want %d, %v", tc.n, at, o, k, ok, want, wantOK)
			}
			at = k
		}
	}
}
