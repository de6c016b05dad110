package cluster

import (
	"cmp"
	"math"
	"slices"
)

// The thread computation as it was before FullThreads, kept as the
// reference FullThreads must match: every story's names in a map, the
// vectors in another, and the whole index built in memory.

// referenceThreadsIndexed returns the threads of every story and the whole
// thread index, encoded by shard.
func (c *Clusterer) referenceThreadsIndexed(read func(fn func(bucket int64, names []byte) error) error) (map[int64]int64, map[int64][]byte, error) {
	names, err := c.allNames(read)
	if err != nil {
		return nil, nil, err
	}
	ids, vecs, post := c.threadVectors(names)
	idx := make(threadIndex, len(post))
	for _, id := range ids {
		v := vecs[id]
		for _, f := range names[id] {
			var w float32
			if i, ok := slices.BinarySearchFunc(v, f.h, func(a feat, h uint64) int { return cmp.Compare(a.h, h) }); ok {
				w = v[i].w
			}
			idx[f.h] = append(idx[f.h], posting{id, w})
		}
	}
	return c.link(ids, vecs, post), encodeShards(idx, nil), nil
}

// allNames returns the names of every story: those in memory, and the
// others read from the saved names blobs.
func (c *Clusterer) allNames(read func(fn func(bucket int64, names []byte) error) error) (map[int64][]feat, error) {
	names := make(map[int64][]feat, c.live)
	for id, s := range c.stories {
		names[id] = nameList(s.names)
	}
	err := read(func(bucket int64, data []byte) error {
		if _, ok := c.buckets[bucket]; !ok || c.resident[bucket] {
			return nil
		}
		return decodeNames(data, func(id int64, ns []feat) { names[id] = ns })
	})
	if err != nil {
		return nil, err
	}
	return names, nil
}

// threads links the stories whose names are given.
func (c *Clusterer) threads(names map[int64][]feat) map[int64]int64 {
	ids, vecs, post := c.threadVectors(names)
	return c.link(ids, vecs, post)
}

// link links the stories whose vectors are given, post indexing them by
// name.
func (c *Clusterer) link(ids []int64, vecs map[int64]vec, post map[uint64][]int64) map[int64]int64 {
	parent := map[int64]int64{}
	var find func(int64) int64
	find = func(x int64) int64 {
		p, ok := parent[x]
		if !ok || p == x {
			return x
		}
		r := find(p)
		parent[x] = r
		return r
	}
	// Links between stories, found in parallel (reading only), then
	// joined in order.
	links := make([][]int64, len(ids))
	parallel(len(ids), func() func(int) {
		seen := map[int64]bool{}
		return func(i int) {
			id := ids[i]
			v := vecs[id]
			clear(seen)
			for _, f := range v {
				p := post[f.h]
				if c.cfg.Postings > 0 && len(p) > c.cfg.Postings {
					continue // a name in very many stories links nothing
				}
				for _, oid := range p {
					if oid <= id || seen[oid] {
						continue
					}
					seen[oid] = true
					if dot(v, vecs[oid]) >= c.cfg.ThreadThreshold {
						links[i] = append(links[i], oid)
					}
				}
			}
		}
	})
	for i, id := range ids {
		for _, oid := range links[i] {
			a, b := find(id), find(oid)
			if a == b {
				continue
			}
			if a > b {
				a, b = b, a
			}
			parent[b] = a
		}
	}
	out := map[int64]int64{}
	size := map[int64]int{}
	for _, id := range ids {
		size[find(id)]++
	}
	for _, id := range ids {
		if r := find(id); size[r] > 1 {
			out[id] = r
		}
	}
	return out
}

// threadVectors returns the stories, their vectors of key names and an
// index from name to stories.
func (c *Clusterer) threadVectors(names map[int64][]feat) ([]int64, map[int64]vec, map[uint64][]int64) {
	ids := make([]int64, 0, len(names))
	sf := map[uint64]int{}
	for id, ns := range names {
		ids = append(ids, id)
		for _, f := range ns {
			sf[f.h]++
		}
	}
	slices.Sort(ids)
	n := float64(len(ids)) + c.cfg.ThreadPrior
	vecs := make(map[int64]vec, len(ids))
	post := map[uint64][]int64{}
	for _, id := range ids {
		ns := names[id]
		v := make(vec, 0, len(ns))
		for _, f := range ns {
			w := (1 + math.Log(float64(max(f.w, 1)))) * math.Log(n/(float64(sf[f.h])+0.5))
			if w > 0 {
				v = append(v, feat{f.h, float32(w)})
			}
		}
		slices.SortFunc(v, byHash)
		normalize(v)
		vecs[id] = v
		for _, f := range v {
			post[f.h] = append(post[f.h], id)
		}
	}
	return ids, vecs, post
}
