package cluster

import (
	"container/heap"
	"math"
	"slices"
)

// node is a cluster during a batch's agglomeration: a new article, an
// existing story, or a union of them.
type node struct {
	size    int
	docs    []int   // batch items
	stories []int64 // existing stories
	// adj holds, for each neighbouring node, the sum of the similarities
	// between their members.
	adj map[int]float64
	// within is the sum of the similarities of all pairs of members.
	within float64
	// at spans the dates of the dated members.
	at      when
	version int
	alive   bool
}

// edge is a candidate merge in the agglomeration heap.
type edge struct {
	avg    float64
	a, b   int
	va, vb int
}

type edgeHeap []edge

func (h edgeHeap) Len() int { return len(h) }
func (h edgeHeap) Less(i, j int) bool {
	if h[i].avg != h[j].avg {
		return h[i].avg > h[j].avg
	}
	if h[i].a != h[j].a {
		return h[i].a < h[j].a
	}
	return h[i].b < h[j].b
}
func (h edgeHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *edgeHeap) Push(x any)   { *h = append(*h, x.(edge)) }
func (h *edgeHeap) Pop() any {
	old := *h
	e := old[len(old)-1]
	*h = old[:len(old)-1]
	return e
}

// AddBatch clusters new articles. It returns the story of every new
// article and of every earlier article that moved to another story
// (because the batch showed two stories to be one).
//
// The batch's articles and the existing stories they resemble are merged
// bottom-up by average linkage (the mean similarity over all pairs of
// members, unseen pairs counting as zero) until no pair of clusters is
// similar enough. The similarity graph is sparse: each article is compared
// only with the articles and stories that share its heaviest features.
func (c *Clusterer) AddBatch(docs []Doc) map[int64]int64 {
	out := make(map[int64]int64, len(docs))
	if len(docs) == 0 {
		return out
	}
	items := c.vectorize(docs)

	// Near-copies of earlier articles join their original's story outright
	// (near-copies name the same things), unless the story has left the
	// time window.
	var free []int
	var dupStories []int64
	for i := range items {
		it := &items[i]
		if it.dupOf != 0 {
			if sid := c.resolve(c.docStory[it.dupOf]); sid != 0 && c.stories[sid] != nil &&
				c.timeFactor(it.when(), c.stories[sid].when()) > 0 {
				c.joinMany([]*item{it}, sid)
				dupStories = append(dupStories, sid)
				continue
			}
		}
		free = append(free, i)
	}

	nodes := make([]*node, 0, len(free))
	nodeOfItem := make(map[int]int, len(free))
	for _, i := range free {
		nodeOfItem[i] = len(nodes)
		nodes = append(nodes, &node{size: 1, docs: []int{i}, adj: map[int]float64{}, alive: true, at: items[i].when()})
	}
	nodeOfStory := map[int64]int{}
	link := func(a, b int, s float64) {
		if a == b || s <= 0 {
			return
		}
		if _, ok := nodes[a].adj[b]; ok {
			return
		}
		nodes[a].adj[b] = s
		nodes[b].adj[a] = s
	}

	// Article-article edges through an index over the batch; a small
	// batch is compared pair by pair.
	post := make(map[uint64][]int32, 1024)
	for _, i := range free {
		top := items[i].top
		for _, f := range top[:min(len(top), c.cfg.IndexFeatures)] {
			post[f.h] = append(post[f.h], int32(i))
		}
	}
	small := len(free) <= c.cfg.AllPairs
	// Nearest articles and stories of each article, in parallel: this
	// only reads the batch and the stories.
	docEdges := make([][]scored, len(items))
	storyEdges := make([][]scored, len(items))
	parallel(len(free), func() func(int) {
		acc := make([]float32, len(items))
		var touched []int32
		sc := c.newScratch()
		var pr probe
		return func(k int) {
			i := free[k]
			it := &items[i]
			pr.load(it.v)
			// sim is the similarity of the article with a vector of
			// these dates.
			sim := func(v vec, w when) float32 {
				return float32(c.probeSim(&pr, v) * c.timeFactor(it.when(), w))
			}
			var cand []scored
			if small {
				// Exact similarities with every other article; the
				// nearest become edges, as the index would find them.
				for _, j := range free {
					if j != i {
						o := &items[j]
						cand = append(cand, scored{int64(j), sim(o.v, o.when())})
					}
				}
				cand = best(cand, c.cfg.Candidates)
			} else {
				for _, f := range it.top[:min(len(it.top), c.cfg.QueryFeatures)] {
					p := post[f.h]
					if lim := c.cfg.Postings; lim > 0 && len(p) > lim {
						p = p[len(p)-lim:]
					}
					for _, j := range p {
						if int(j) == i {
							continue
						}
						if acc[j] == 0 {
							touched = append(touched, j)
						}
						acc[j] += f.w
					}
				}
				for _, j := range touched {
					cand = append(cand, scored{int64(j), acc[j]})
					acc[j] = 0
				}
				touched = touched[:0]
				cand = best(cand, c.cfg.Candidates)
				for x := range cand {
					o := &items[cand[x].id]
					cand[x].s = sim(o.v, o.when())
				}
			}
			docEdges[i] = cand
			var se []scored
			for _, sid := range c.candidatesOf(it.top, 0, sc) {
				st := c.stories[sid]
				if s := sim(st.sum, st.when()); s > 0 {
					se = append(se, scored{sid, s})
				}
			}
			storyEdges[i] = se
		}
	})
	for _, i := range free {
		ni := nodeOfItem[i]
		for _, cd := range docEdges[i] {
			link(ni, nodeOfItem[int(cd.id)], float64(cd.s))
		}
		for _, se := range storyEdges[i] {
			sid := se.id
			k, ok := nodeOfStory[sid]
			if !ok {
				st := c.stories[sid]
				k = len(nodes)
				nodeOfStory[sid] = k
				nodes = append(nodes, &node{size: len(st.members), stories: []int64{sid}, within: st.within, adj: map[int]float64{}, alive: true, at: st.when()})
			}
			link(ni, k, float64(se.s))
		}
	}

	// Agglomerate.
	cohesion := c.cohesionFor(items)
	h := &edgeHeap{}
	for a, n := range nodes {
		for b, s := range n.adj {
			if avg := s / float64(n.size*nodes[b].size); a < b && avg >= c.cfg.Threshold {
				*h = append(*h, edge{avg: avg, a: a, b: b})
			}
		}
	}
	heap.Init(h)
	for h.Len() > 0 {
		e := heap.Pop(h).(edge)
		if e.avg < c.cfg.Threshold {
			break
		}
		na, nb := nodes[e.a], nodes[e.b]
		if !na.alive || !nb.alive || na.version != e.va || nb.version != e.vb {
			continue
		}
		// Clusters whose dated members lie far apart stay apart, however
		// their undated members link them.
		if e.avg*c.timeFactor(na.at, nb.at) < c.cfg.Threshold {
			continue
		}
		// Two existing stories merge only when the batch bridges them
		// strongly enough.
		if len(na.stories) > 0 && len(nb.stories) > 0 && e.avg < c.cfg.MergeThreshold {
			continue
		}
		// A cluster whose members are much closer to each other than to
		// the other cluster's stays apart from it: two events of one kind
		// (two earthquakes) share a topic but not their details.
		if !c.cohesive(e.avg, na, nb, cohesion) {
			continue
		}
		a, b := e.a, e.b
		if len(na.adj) < len(nb.adj) {
			a, b, na, nb = b, a, nb, na
		}
		na.within += nb.within + na.adj[b]
		for k, s := range nb.adj {
			if k == a {
				continue
			}
			na.adj[k] += s
			nk := nodes[k]
			delete(nk.adj, b)
			nk.adj[a] = na.adj[k]
		}
		delete(na.adj, b)
		na.size += nb.size
		na.at = na.at.union(nb.at)
		na.docs = append(na.docs, nb.docs...)
		na.stories = append(na.stories, nb.stories...)
		na.version++
		nb.alive = false
		nb.adj = nil
		for k, s := range na.adj {
			nk := nodes[k]
			x, y, vx, vy := a, k, na.version, nk.version
			if x > y {
				x, y, vx, vy = y, x, vy, vx
			}
			// Pairs below the threshold can never merge: leave them out.
			if avg := s / float64(na.size*nk.size); avg >= c.cfg.Threshold {
				heap.Push(h, edge{avg: avg, a: x, b: y, va: vx, vb: vy})
			}
		}
	}

	// Apply: each final cluster becomes (or joins) one story.
	moved := map[int64]bool{}
	touchedStories := map[int64]bool{}
	for _, n := range nodes {
		if !n.alive || len(n.docs) == 0 {
			continue
		}
		var sid int64
		if len(n.stories) > 0 {
			ss := slices.Clone(n.stories)
			slices.SortFunc(ss, func(x, y int64) int {
				lx, ly := len(c.stories[x].members), len(c.stories[y].members)
				if lx != ly {
					return ly - lx
				}
				if x < y {
					return -1
				}
				return 1
			})
			sid = ss[0]
			for _, o := range ss[1:] {
				c.merge(c.stories[sid], c.stories[o], moved)
			}
		} else {
			sid = c.create()
		}
		slices.Sort(n.docs)
		its := make([]*item, len(n.docs))
		for k, i := range n.docs {
			its[k] = &items[i]
		}
		c.joinMany(its, sid)
		touchedStories[sid] = true
	}
	// Post each changed story once: those the batch joined or merged, and
	// those near-copies joined.
	for _, sid := range dupStories {
		touchedStories[sid] = true
	}
	posted := map[int64]bool{}
	for sid := range touchedStories {
		sid = c.resolve(sid)
		if st := c.stories[sid]; st != nil && !posted[sid] {
			posted[sid] = true
			c.post(st)
		}
	}
	for _, it := range items {
		out[it.id] = c.resolve(c.docStory[it.id])
	}
	for id := range moved {
		if _, ok := out[id]; !ok {
			out[id] = c.resolve(c.docStory[id])
		}
	}
	return out
}

// minCohesive is the size from which a cluster's mean pair similarity is
// trusted; two articles alone may be close by chance.
const minCohesive = 3

// cohesion is the mean similarity of a node's pairs of members (-1 for a
// single member).
func (n *node) cohesion() float64 {
	if n.size < minCohesive {
		return -1
	}
	return n.within / float64(n.size*(n.size-1)/2)
}

// cohesive reports whether two clusters with mean cross similarity avg may
// merge given how close their own members are.
// cohesion is the factor applied to their own similarity (see
// Config.Cohesion).
func (c *Clusterer) cohesive(avg float64, a, b *node, cohesion float64) bool {
	ca, cb := a.cohesion(), b.cohesion()
	switch {
	case ca < 0 && cb < 0:
		return true
	case ca < 0:
		return avg >= c.cfg.Cohesion1*cb
	case cb < 0:
		return avg >= c.cfg.Cohesion1*ca
	}
	return avg >= cohesion*math.Sqrt(ca*cb)
}

// cohesionFor returns the cohesion factor for a batch, from the median
// number of features of its articles (see Config.Cohesion).
func (c *Clusterer) cohesionFor(items []item) float64 {
	long, short := c.cfg.LongFeatures, c.cfg.ShortFeatures
	if len(items) == 0 || short <= 0 || long <= short {
		return c.cfg.Cohesion
	}
	lens := make([]int, len(items))
	for i := range items {
		lens[i] = len(items[i].v)
	}
	slices.Sort(lens)
	n := lens[len(lens)/2]
	switch {
	case n >= long:
		return c.cfg.Cohesion
	case n <= short:
		return c.cfg.ShortCohesion
	}
	t := math.Log(float64(long)/float64(n)) / math.Log(float64(long)/float64(short))
	return c.cfg.Cohesion + t*(c.cfg.ShortCohesion-c.cfg.Cohesion)
}

// probeSim is pairSim of the vector loaded in p and b.
func (c *Clusterer) probeSim(p *probe, b vec) float64 {
	dw, dn := p.dot2(b)
	return (1-c.cfg.NameShare)*dw + c.cfg.NameShare*dn
}

// pairSim is the similarity of an article to an article, or to the sum of
// a story's articles (then it is the sum of the similarities to each):
// the words' dot product and the names' mixed by NameShare.
func (c *Clusterer) pairSim(a, b vec) float64 {
	dw, dn := dot2(a, b)
	return (1-c.cfg.NameShare)*dw + c.cfg.NameShare*dn
}
