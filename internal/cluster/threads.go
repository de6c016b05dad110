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
func (c *Clusterer) Threads() map[int64]int64 {
	ids, vecs, post := c.threadVectors()
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

// threadVectors returns the live stories, their vectors of key names and
// an index from name to stories.
func (c *Clusterer) threadVectors() ([]int64, map[int64]vec, map[uint64][]int64) {
	ids := make([]int64, 0, len(c.stories))
	sf := map[uint64]int{}
	for id, s := range c.stories {
		ids = append(ids, id)
		for h := range s.names {
			sf[h]++
		}
	}
	slices.Sort(ids)
	n := float64(len(ids)) + c.cfg.ThreadPrior
	vecs := make(map[int64]vec, len(ids))
	post := map[uint64][]int64{}
	for _, id := range ids {
		s := c.stories[id]
		v := make(vec, 0, len(s.names))
		for h, cnt := range s.names {
			w := (1 + math.Log(float64(max(cnt, 1)))) * math.Log(n/(float64(sf[h])+0.5))
			if w > 0 {
				v = append(v, feat{h, float32(w)})
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
