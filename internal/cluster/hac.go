package cluster

import (
	"math"
	"slices"
)

// node is a cluster during a batch's agglomeration: a new article, an
// existing story, or a union of them.
type node struct {
	size    int
	docs    []int   // batch items
	stories []int64 // existing stories
	// adj holds, for each neighbouring node, the sums of the similarities
	// between their members.
	adj map[int]sims
	// within is the sum of the similarities of all pairs of members.
	within float64
	// at spans the dates of the dated members.
	at      when
	version int
	alive   bool
}

// sims is a sum of similarities: the whole ones and those of the names
// alone (see Config.NameGate).
type sims struct {
	all, names float64
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
	// A new pair joining an earlier story is held to the test with its
	// own similarity (see Config.PairCohesion).
	if newPair(a) && len(b.stories) > 0 {
		switch {
		case b.size == 1 && c.cfg.PairCohesion1 > 0:
			return avg >= c.cfg.PairCohesion1*a.within
		case cb >= 0 && c.cfg.PairCohesion > 0:
			ca = c.cfg.PairCohesion * a.within
		}
	}
	if newPair(b) && len(a.stories) > 0 {
		switch {
		case a.size == 1 && c.cfg.PairCohesion1 > 0:
			return avg >= c.cfg.PairCohesion1*b.within
		case ca >= 0 && c.cfg.PairCohesion > 0:
			cb = c.cfg.PairCohesion * b.within
		}
	}
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

// gateFor returns the name gate for a batch (see Config.NameGate): 0 when
// its median article has fewer than NameGateFeatures features.
func (c *Clusterer) gateFor(items []item) float64 {
	if c.cfg.NameGate <= 0 || len(items) == 0 {
		return 0
	}
	lens := make([]int, len(items))
	for i := range items {
		lens[i] = len(items[i].v)
	}
	slices.Sort(lens)
	if lens[len(lens)/2] < c.cfg.NameGateFeatures {
		return 0
	}
	return c.cfg.NameGate
}

// newPair reports whether n is two new articles.
func newPair(n *node) bool { return n.size == 2 && len(n.stories) == 0 }

// namesApart reports whether two nodes share too few names to merge (see
// Config.NameGate and Config.NameRatio): s holds the sums of the
// similarities of their pairs of members, whole and of names alone. The
// gate tests two nodes of two or more articles each, and a single new
// article joining an earlier story of two or more: a story built in
// earlier batches otherwise takes, one batch after another, single
// articles on other events of its kind or its region whose words are
// just close enough. Two single articles stay apart when their names
// weigh too little in their similarity.
func (c *Clusterer) namesApart(s sims, a, b *node, gate float64) bool {
	if gate <= 0 {
		return false
	}
	if a.size == 1 && b.size == 1 && s.names < c.cfg.NameRatio*s.all {
		return true
	}
	if s.names/float64(a.size*b.size) >= gate {
		return false
	}
	return a.size >= 2 && b.size >= 2 || joinsStory(a, b) || joinsStory(b, a)
}

// joinsStory reports whether a is a single new article and b holds an
// earlier story and two or more articles.
func joinsStory(a, b *node) bool {
	return a.size == 1 && len(a.stories) == 0 && len(b.stories) > 0 && b.size >= 2
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
