package cluster

import (
	"math"
)

// splitInfo describes the best two-way split of a cluster found with
// local weights.
type splitInfo struct {
	a, b             []int // indexes into the members
	between          float64
	withinA, withinB float64
}

// localSplit re-weighs the members' vectors by how rare each feature is
// inside the cluster (features every member shares, the topic, fade; the
// details that tell two events of one kind apart stand out), then cuts
// the cluster in two by average linkage.
func (c *Clusterer) localSplit(vs []vec) splitInfo {
	m := len(vs)
	ldf := map[uint64]int{}
	for _, v := range vs {
		for _, f := range v {
			ldf[f.h]++
		}
	}
	lv := make([]vec, m)
	for i, v := range vs {
		w := make(vec, 0, len(v))
		for _, f := range v {
			k := math.Log((float64(m) + 1) / (float64(ldf[f.h]) + 0.5))
			if ldf[f.h] < 2 {
				continue // a detail of one article links nothing
			}
			w = append(w, feat{f.h, f.w * float32(k)})
		}
		normalize(w)
		lv[i] = w
	}
	sim := make([][]float64, m)
	for i := range sim {
		sim[i] = make([]float64, m)
	}
	for i := range m {
		for j := i + 1; j < m; j++ {
			s := c.pairSim(lv[i], lv[j])
			sim[i][j], sim[j][i] = s, s
		}
	}
	// Average-link agglomeration down to two clusters.
	groups := make([][]int, m)
	for i := range groups {
		groups[i] = []int{i}
	}
	sum := func(a, b []int) float64 {
		var s float64
		for _, x := range a {
			for _, y := range b {
				s += sim[x][y]
			}
		}
		return s
	}
	for len(groups) > 2 {
		bi, bj, best := 0, 1, -1.0
		for i := range groups {
			for j := i + 1; j < len(groups); j++ {
				avg := sum(groups[i], groups[j]) / float64(len(groups[i])*len(groups[j]))
				if avg > best {
					bi, bj, best = i, j, avg
				}
			}
		}
		groups[bi] = append(groups[bi], groups[bj]...)
		groups = append(groups[:bj], groups[bj+1:]...)
	}
	within := func(g []int) float64 {
		if len(g) < 2 {
			return 0
		}
		return (sum(g, g) - float64(len(g))*0) / float64(len(g)*(len(g)-1))
	}
	return splitInfo{a: groups[0], b: groups[1], between: sum(groups[0], groups[1]) / float64(len(groups[0])*len(groups[1])),
		withinA: within(groups[0]), withinB: within(groups[1])}
}
