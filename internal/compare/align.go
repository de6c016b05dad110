package compare

import (
	"math"
	"slices"
)

// Alignment parameters.
const (
	// minShared is the fewest features two clauses must share to align,
	// entity keys and people's titles counting half: a name and a title
	// in common are not a fact.
	minShared = 2
	// minSharedQuote is the same for two quotes of one speaker.
	minSharedQuote = 1.5
	// maxPerArticle caps how many units of one article a group may hold:
	// a sentence split in two clauses can match one clause elsewhere, but
	// a group does not swallow a whole article.
	maxPerArticle = 3
	// edgesPerArticle is how many best matches in each other article a
	// unit keeps.
	edgesPerArticle = 2
	// smallUnit is the number of features below which a clause is scored
	// by the Dice coefficient alone (quotes of one speaker are not: a
	// short quote inside a longer rendering is the same statement).
	smallUnit = 4
	// otherPeopleShare scales the similarity of two units that name
	// people, none of them the same: the same thing said of someone else
	// is another fact.
	otherPeopleShare = 0.4
	// linkShare is the share of the pair threshold two groups must reach
	// in mean similarity to merge.
	linkShare = 0.5
	// linkSample caps the units of each group the mean is taken over.
	linkSample = 8
	// postingCap skips features carried by more units than this when
	// looking for candidate pairs (they still count in the similarity).
	postingCap = 400
)

// weights returns each feature's weight: the log inverse of the share of
// units carrying it, so a story's ever-present names count little.
func weights(units []unit, nfeat int) []float64 {
	df := make([]int, nfeat)
	for _, u := range units {
		for _, f := range u.feats {
			df[f]++
		}
	}
	w := make([]float64, nfeat)
	n := float64(len(units))
	for f, d := range df {
		if d > 0 {
			w[f] = math.Log(1 + n/float64(d))
		}
	}
	return w
}

// similarity compares two units: the mean of their weighted overlap
// coefficient (one contained in the other scores high: quotes cut at
// different points) and weighted Dice coefficient, or the Dice coefficient
// alone when one has fewer than p.small features. It is 0 when they share
// fewer than p.minShared features (entity keys and titles counting half).
func similarity(a, b []int32, w []float64, entity []bool, ta, tb float64, p simParams) float64 {
	shared, n := 0.0, 0.0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			shared += w[a[i]]
			if entity[a[i]] {
				n += 0.5
			} else {
				n++
			}
			i++
			j++
		}
	}
	if n < p.minShared || ta == 0 || tb == 0 {
		return 0
	}
	dice := 2 * shared / (ta + tb)
	if min(len(a), len(b)) < p.small {
		// A unit of two or three words is contained in many others:
		// containment says little, only the Dice coefficient counts.
		return dice
	}
	return (shared/math.Min(ta, tb) + dice) / 2
}

// simParams are the similarity settings of one kind of unit.
type simParams struct {
	minShared float64
	small     int
}

var (
	clauseSim = simParams{minShared: minShared, small: smallUnit}
	quoteSim  = simParams{minShared: minSharedQuote}
)

type edge struct {
	i, j int
	sim  float64
}

// align groups units of different articles that say the same thing: pairs
// at or above threshold (and allowed by ok, when given), each unit keeping
// its best matches per other article, merged best first while no group
// holds more than maxPerArticle units of one article. Groups come in the
// order of their first unit; every unit is in exactly one group.
func align(units []unit, w []float64, entity []bool, threshold float64, p simParams, ok func(i, j int) bool) [][]int {
	total := make([]float64, len(units))
	for i, u := range units {
		for _, f := range u.feats {
			total[i] += w[f]
		}
	}
	pairSim := func(i, j int) float64 {
		s := similarity(units[i].feats, units[j].feats, w, entity, total[i], total[j], p)
		if otherPeople(units[i].people, units[j].people) {
			s *= otherPeopleShare
		}
		return s
	}
	post := map[int32][]int{}
	for i, u := range units {
		for _, f := range u.feats {
			post[f] = append(post[f], i)
		}
	}
	var edges []edge
	seen := map[int]bool{}
	best := map[[2]int][]edge{} // (unit, other article) -> best edges
	for i, u := range units {
		clear(seen)
		for _, f := range u.feats {
			p := post[f]
			if len(p) > postingCap {
				continue
			}
			for _, j := range p {
				if j <= i || seen[j] || units[j].doc == u.doc {
					continue
				}
				seen[j] = true
				if ok != nil && !ok(i, j) {
					continue
				}
				s := pairSim(i, j)
				if s < threshold {
					continue
				}
				e := edge{i, j, s}
				keepBest(best, [2]int{i, units[j].doc}, e)
				keepBest(best, [2]int{j, u.doc}, e)
			}
		}
	}
	kept := map[[2]int]bool{}
	for _, es := range best {
		for _, e := range es {
			if !kept[[2]int{e.i, e.j}] {
				kept[[2]int{e.i, e.j}] = true
				edges = append(edges, e)
			}
		}
	}
	slices.SortFunc(edges, func(a, b edge) int {
		if a.sim != b.sim {
			if a.sim > b.sim {
				return -1
			}
			return 1
		}
		if a.i != b.i {
			return a.i - b.i
		}
		return a.j - b.j
	})
	return merge(units, edges, pairSim, threshold*linkShare)
}

// keepBest keeps the edgesPerArticle most similar edges under key.
func keepBest(best map[[2]int][]edge, key [2]int, e edge) {
	es := append(best[key], e)
	slices.SortFunc(es, func(a, b edge) int {
		switch {
		case a.sim > b.sim:
			return -1
		case a.sim < b.sim:
			return 1
		}
		return 0
	})
	if len(es) > edgesPerArticle {
		es = es[:edgesPerArticle]
	}
	best[key] = es
}

// merge joins units along edges (best first) into groups, refusing a merge
// that would put more than maxPerArticle units of one article in a group
// or whose groups are, on average, less similar than floor: one strong
// pair does not chain two different statements together.
func merge(units []unit, edges []edge, sim func(i, j int) float64, floor float64) [][]int {
	parent := make([]int, len(units))
	members := make([][]int, len(units))
	for i := range parent {
		parent[i] = i
		members[i] = []int{i}
	}
	var find func(int) int
	find = func(x int) int {
		for parent[x] != x {
			parent[x] = parent[parent[x]]
			x = parent[x]
		}
		return x
	}
	for _, e := range edges {
		a, b := find(e.i), find(e.j)
		if a == b {
			continue
		}
		perDoc := map[int]int{}
		fits := true
		for _, m := range append(members[a], members[b]...) {
			perDoc[units[m].doc]++
			if perDoc[units[m].doc] > maxPerArticle {
				fits = false
				break
			}
		}
		if !fits || meanLink(units, members[a], members[b], sim) < floor {
			continue
		}
		if len(members[a]) < len(members[b]) {
			a, b = b, a
		}
		parent[b] = a
		members[a] = append(members[a], members[b]...)
		members[b] = nil
	}
	var groups [][]int
	for i := range units {
		if find(i) == i {
			g := members[i]
			slices.Sort(g)
			groups = append(groups, g)
		}
	}
	slices.SortFunc(groups, func(a, b []int) int { return a[0] - b[0] })
	return groups
}

// meanLink returns the mean similarity between units of groups a and b
// from different articles (up to linkSample units of each); 1 when a
// group has one unit (the edge itself cleared the threshold).
func meanLink(units []unit, a, b []int, sim func(i, j int) float64) float64 {
	if len(a) == 1 && len(b) == 1 {
		return 1
	}
	sum, n := 0.0, 0
	for _, i := range a[:min(len(a), linkSample)] {
		for _, j := range b[:min(len(b), linkSample)] {
			if units[i].doc != units[j].doc {
				sum += sim(i, j)
				n++
			}
		}
	}
	if n == 0 {
		return 0
	}
	return sum / float64(n)
}

// otherPeople reports whether both units name people and share none.
func otherPeople(a, b []string) bool {
	if len(a) == 0 || len(b) == 0 {
		return false
	}
	for _, x := range a {
		if slices.Contains(b, x) {
			return false
		}
	}
	return true
}
