package cluster

import (
	"container/heap"
	"maps"
	"slices"
	"sync/atomic"
)

// batch is the working state of one AddBatch: the batch's articles, the
// nodes of its agglomeration (articles, earlier stories, unions of them)
// and the stories it changed.
type batch struct {
	c     *Clusterer
	items []item
	// free lists the items that are not near-copies joined outright.
	free        []int
	nodes       []*node
	nodeOfItem  map[int]int
	nodeOfStory map[int64]int
	// changed holds the stories near-copies joined, to post again.
	changed []int64
	// pairSims counts the similarities of pairs of articles scored.
	pairSims int
}

// AddBatch clusters new articles. It returns the story of every new
// article and of every earlier article that moved to another story
// (because the batch showed two stories to be one).
//
// Near-copies join their original's story. The other articles of the
// batch and the existing stories they resemble are merged bottom-up by
// average linkage (the mean similarity over all pairs of members, unseen
// pairs counting as zero) until no pair of clusters is similar enough.
// The similarity graph is sparse: each article is compared only with the
// articles and stories that share its heaviest features.
//
// AddBatch panics when the Loader fails; use AddBatchErr with a Loader.
func (c *Clusterer) AddBatch(docs []Doc) map[int64]int64 {
	out, err := c.AddBatchErr(docs)
	if err != nil {
		panic(err)
	}
	return out
}

// AddBatchErr is AddBatch, reporting a failure of the Loader to read back
// dormant stories the batch reaches.
func (c *Clusterer) AddBatchErr(docs []Doc) (map[int64]int64, error) {
	if len(docs) == 0 {
		return map[int64]int64{}, nil
	}
	b := &batch{c: c, items: c.vectorize(docs)}
	if err := c.wake(b.items); err != nil {
		return nil, err
	}
	b.joinNearCopies()
	b.link(b.edges())
	b.agglomerate()
	out := b.apply()
	clear(c.fwd)
	return out, nil
}

// joinNearCopies adds each near-copy of an earlier article to its
// original's story outright (near-copies name the same things), unless
// the story has left the time window, and lists the other items as free.
func (b *batch) joinNearCopies() {
	c := b.c
	for i := range b.items {
		it := &b.items[i]
		if it.dupOf != 0 {
			sid := c.resolve(c.docStory[it.dupOf])
			if sid == 0 {
				sid = it.dupStory
			}
			if st := c.stories[sid]; sid != 0 && st != nil && c.timeFactor(it.when(), st.when()) > 0 {
				c.joinMany([]*item{it}, sid)
				b.changed = append(b.changed, sid)
				continue
			}
		}
		b.free = append(b.free, i)
	}
}

// edges finds, for each free item, its nearest free items and nearest
// earlier stories with their similarities (time model included), in
// parallel: this only reads the batch and the stories. A small batch is
// compared pair by pair, a large one through an index over the batch.
//
// The similarity of two articles is the same both ways round, so each
// pair of the batch is scored once, by the article of the pair that
// comes first in the batch (or by the one that found the other when only
// one of them did), and the other article takes the score from it.
func (b *batch) edges() (docEdges, storyEdges [][]scored) {
	c, items, free := b.c, b.items, b.free
	docEdges = make([][]scored, len(items))
	storyEdges = make([][]scored, len(items))
	if len(free) <= c.cfg.AllPairs {
		b.allPairs(docEdges)
	} else {
		b.nearest(docEdges)
	}
	resident := c.residentByID()
	var sims atomic.Int64
	parallel(len(free), func() func(int) {
		sc := c.newScratch()
		sc.res = resident
		var pr probe
		return func(k int) {
			i := free[k]
			it := &items[i]
			pr.load(it.v)
			if len(free) > c.cfg.AllPairs {
				n := 0
				for x, cd := range docEdges[i] {
					if j := int(cd.id); j > i || !hasCandidate(docEdges[j], int64(i)) {
						o := &items[j]
						docEdges[i][x].s, docEdges[i][x].n = b.sim(&pr, it, o.v, o.when())
						n++
					}
				}
				sims.Add(int64(n))
			}
			var se []scored
			for _, sid := range c.candidatesOf(it.top, it.when(), 0, sc) {
				st, w := sc.story(c, sid)
				if s, n := b.sim(&pr, it, st.sum, w); s > 0 {
					se = append(se, scored{id: sid, s: s, n: n})
				}
			}
			storyEdges[i] = se
		}
	})
	if len(free) > c.cfg.AllPairs {
		// The pairs scored by their other article.
		for _, i := range free {
			for x, cd := range docEdges[i] {
				if j := int(cd.id); j < i && hasCandidate(docEdges[j], int64(i)) {
					docEdges[i][x].s, docEdges[i][x].n = candidateScore(docEdges[j], int64(i))
				}
			}
		}
		b.pairSims += int(sims.Load())
	}
	return docEdges, storyEdges
}

// sim returns the similarity of item it, loaded in pr, with a vector of
// dates w, and the similarity of their names alone (time model included).
func (b *batch) sim(pr *probe, it *item, v vec, w when) (all, names float32) {
	tf := b.c.timeFactor(it.when(), w)
	if tf == 0 {
		return 0, 0
	}
	dw, dn := pr.dot2(v)
	ns := b.c.cfg.NameShare
	return float32(((1-ns)*dw + ns*dn) * tf), float32(dn * tf)
}

// hasCandidate reports whether cands holds id.
func hasCandidate(cands []scored, id int64) bool {
	for _, cd := range cands {
		if cd.id == id {
			return true
		}
	}
	return false
}

// candidateScore returns the score of id in cands and its name
// similarity (0 when absent).
func candidateScore(cands []scored, id int64) (s, n float32) {
	for _, cd := range cands {
		if cd.id == id {
			return cd.s, cd.n
		}
	}
	return 0, 0
}

// allPairs sets docEdges of each free item of a small batch to its
// nearest free items, scoring every pair once: the similarities fill a
// matrix over the free items, the first item of each pair scoring it.
func (b *batch) allPairs(docEdges [][]scored) {
	c, items, free := b.c, b.items, b.free
	n := len(free)
	m := make([]float32, n*n)
	mn := make([]float32, n*n) // names alone
	var sims atomic.Int64
	parallel(n, func() func(int) {
		var pr probe
		return func(k int) {
			it := &items[free[k]]
			pr.load(it.v)
			for k2 := k + 1; k2 < n; k2++ {
				o := &items[free[k2]]
				s, sn := b.sim(&pr, it, o.v, o.when())
				m[k*n+k2], m[k2*n+k] = s, s
				mn[k*n+k2], mn[k2*n+k] = sn, sn
			}
			sims.Add(int64(n - k - 1))
		}
	})
	b.pairSims += int(sims.Load())
	parallel(n, func() func(int) {
		var buf []scored
		return func(k int) {
			cand := buf[:0]
			for k2, j := range free {
				if k2 != k {
					cand = append(cand, scored{id: int64(j), s: m[k*n+k2], n: mn[k*n+k2]})
				}
			}
			cand = best(cand, c.cfg.Candidates)
			docEdges[free[k]] = slices.Clone(cand)
			buf = cand[:0]
		}
	})
}

// nearest sets docEdges of each free item of a large batch to the free
// items sharing most weight of its heaviest features, found through an
// index over the batch, most promising first; their similarities are
// left for edges to fill.
func (b *batch) nearest(docEdges [][]scored) {
	c, items, free := b.c, b.items, b.free
	post := make(map[uint64][]int32, 1024)
	for _, i := range free {
		top := items[i].top
		for _, f := range top[:min(len(top), c.cfg.IndexFeatures)] {
			post[f.h] = append(post[f.h], int32(i))
		}
	}
	parallel(len(free), func() func(int) {
		acc := make([]float32, len(items))
		var touched []int32
		var buf []scored
		return func(k int) {
			i := free[k]
			it := &items[i]
			cand := buf[:0]
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
				cand = append(cand, scored{id: int64(j), s: acc[j]})
				acc[j] = 0
			}
			touched = touched[:0]
			cand = best(cand, c.cfg.Candidates)
			docEdges[i] = slices.Clone(cand)
			buf = cand[:0]
		}
	})
}

// link makes a node of each free item and of each story an edge reaches,
// and joins them by the edges.
func (b *batch) link(docEdges, storyEdges [][]scored) {
	c := b.c
	b.nodes = make([]*node, 0, len(b.free))
	b.nodeOfItem = make(map[int]int, len(b.free))
	b.nodeOfStory = map[int64]int{}
	for _, i := range b.free {
		b.nodeOfItem[i] = len(b.nodes)
		b.nodes = append(b.nodes, &node{size: 1, docs: []int{i}, adj: map[int]sims{}, alive: true, at: b.items[i].when()})
	}
	link := func(x, y int, cd scored) {
		if x == y || cd.s <= 0 {
			return
		}
		if _, ok := b.nodes[x].adj[y]; ok {
			return
		}
		s := sims{all: float64(cd.s), names: float64(cd.n)}
		b.nodes[x].adj[y] = s
		b.nodes[y].adj[x] = s
	}
	for _, i := range b.free {
		ni := b.nodeOfItem[i]
		for _, cd := range docEdges[i] {
			link(ni, b.nodeOfItem[int(cd.id)], cd)
		}
		for _, se := range storyEdges[i] {
			sid := se.id
			k, ok := b.nodeOfStory[sid]
			if !ok {
				st := c.stories[sid]
				k = len(b.nodes)
				b.nodeOfStory[sid] = k
				b.nodes = append(b.nodes, &node{size: len(st.members), stories: []int64{sid}, within: st.within, adj: map[int]sims{}, alive: true, at: st.when()})
			}
			link(ni, k, se)
		}
	}
}

// agglomerate merges nodes by average linkage, most similar pair first,
// while a pair passes every test of mayMerge.
func (b *batch) agglomerate() {
	c, nodes := b.c, b.nodes
	cohesion := c.cohesionFor(b.items)
	gate := c.gateFor(b.items)
	h := &edgeHeap{}
	for x, n := range nodes {
		for y, s := range n.adj {
			if avg := s.all / float64(n.size*nodes[y].size); x < y && avg >= c.cfg.Threshold {
				*h = append(*h, edge{avg: avg, a: x, b: y})
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
		if c.namesApart(na.adj[e.b], na, nb, gate) || !b.mayMerge(e.avg, na, nb, cohesion) {
			continue
		}
		x := b.merge(e.a, e.b)
		nx := nodes[x]
		for k, s := range nx.adj {
			nk := nodes[k]
			p, q, vp, vq := x, k, nx.version, nk.version
			if p > q {
				p, q, vp, vq = q, p, vq, vp
			}
			// Pairs below the threshold can never merge: leave them out.
			if avg := s.all / float64(nx.size*nk.size); avg >= c.cfg.Threshold {
				heap.Push(h, edge{avg: avg, a: p, b: q, va: vp, vb: vq})
			}
		}
	}
}

// mayMerge reports whether two nodes with mean cross similarity avg may
// merge.
func (b *batch) mayMerge(avg float64, na, nb *node, cohesion float64) bool {
	c := b.c
	// Clusters whose dated members lie far apart stay apart, however
	// their undated members link them.
	if avg*c.timeFactor(na.at, nb.at) < c.cfg.Threshold {
		return false
	}
	// Two existing stories merge only when the batch bridges them
	// strongly enough.
	if len(na.stories) > 0 && len(nb.stories) > 0 && avg < c.cfg.MergeThreshold {
		return false
	}
	// A cluster whose members are much closer to each other than to the
	// other cluster's stays apart from it: two events of one kind (two
	// earthquakes) share a topic but not their details.
	return c.cohesive(avg, na, nb, cohesion)
}

// merge joins nodes x and y into the one with more neighbours and returns
// it.
func (b *batch) merge(x, y int) int {
	nx, ny := b.nodes[x], b.nodes[y]
	if len(nx.adj) < len(ny.adj) {
		x, y, nx, ny = y, x, ny, nx
	}
	nx.within += ny.within + nx.adj[y].all
	for k, s := range ny.adj {
		if k == x {
			continue
		}
		sum := nx.adj[k]
		sum.all += s.all
		sum.names += s.names
		nx.adj[k] = sum
		nk := b.nodes[k]
		delete(nk.adj, y)
		nk.adj[x] = nx.adj[k]
	}
	delete(nx.adj, y)
	nx.size += ny.size
	nx.at = nx.at.union(ny.at)
	nx.docs = append(nx.docs, ny.docs...)
	nx.stories = append(nx.stories, ny.stories...)
	nx.version++
	ny.alive = false
	ny.adj = nil
	return x
}

// apply makes each final cluster holding new articles one story: the
// largest of its earlier stories, into which the others merge, or a new
// one. It posts every changed story once and returns the story of every
// new article and of every earlier article that moved.
func (b *batch) apply() map[int64]int64 {
	c := b.c
	moved := map[int64]bool{}
	changed := map[int64]bool{}
	for _, sid := range b.changed {
		changed[sid] = true
	}
	for _, n := range b.nodes {
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
			its[k] = &b.items[i]
		}
		c.joinMany(its, sid)
		changed[sid] = true
	}
	posted := map[int64]bool{}
	for _, sid := range slices.Sorted(maps.Keys(changed)) {
		sid = c.resolve(sid)
		if st := c.stories[sid]; st != nil && !posted[sid] {
			posted[sid] = true
			c.post(st)
		}
	}
	out := make(map[int64]int64, len(b.items)+len(moved))
	for _, it := range b.items {
		out[it.id] = c.resolve(c.docStory[it.id])
	}
	for id := range moved {
		if _, ok := out[id]; !ok {
			out[id] = c.resolve(c.docStory[id])
		}
	}
	return out
}
