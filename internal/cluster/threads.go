package cluster

import (
	"math"
	"slices"
)

// Threads links stories of the same saga: stories that share their key
// names (people, places, organisations in headlines and leads), weighed by
// how few stories carry each name, transitively. It returns the thread of
// every story that shares one with another story; a thread is named by its
// smallest story id. Stories alone are not in the map.
//
// Story frequencies are smoothed as if ThreadPrior more stories without
// the name existed, so that in a small corpus where every story names
// the same protagonists they still count.
//
// Threads sees the stories in memory only; ThreadsFrom sees them all.
func (c *Clusterer) Threads() map[int64]int64 {
	names := make(map[int64][]feat, len(c.stories))
	for id, s := range c.stories {
		names[id] = nameList(s.names)
	}
	return c.threads(names)
}

// nameList lists a story's names in hash order.
func nameList(m map[uint64]float32) []feat {
	out := make([]feat, 0, len(m))
	for h, n := range m {
		out = append(out, feat{h, n})
	}
	slices.SortFunc(out, byHash)
	return out
}

// ThreadsFrom is Threads over every story: those in memory, and the
// others through the names saved with their buckets (State.Names), which
// read streams in any order.
func (c *Clusterer) ThreadsFrom(read func(fn func(bucket int64, names []byte) error) error) (map[int64]int64, error) {
	names, err := c.allNames(read)
	if err != nil {
		return nil, err
	}
	return c.threads(names), nil
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
