// Package eval scores a clustering against a gold one, with the BCubed and
// pairwise precision, recall and F1 measures.
//
// Both take clusterings as maps from item to cluster label. The items
// scored are the gold map's keys; an item missing from the predicted map
// counts as a cluster of its own there, and predicted items absent from the
// gold map are ignored.
package eval

// Scores holds precision, recall and their harmonic mean.
type Scores struct {
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

// withF1 fills in F1 from precision and recall.
func (s Scores) withF1() Scores {
	if s.Precision+s.Recall > 0 {
		s.F1 = 2 * s.Precision * s.Recall / (s.Precision + s.Recall)
	}
	return s
}

// cell is a pair of (gold, predicted) labels.
type cell struct{ gold, pred string }

// missing is the prefix of the label given to an item that has no
// predicted cluster; the NUL byte keeps it apart from real labels.
const missing = "\x00missing:"

// counts tallies the contingency table of the two clusterings over the
// gold items.
func counts(gold, pred map[string]string) (both map[cell]int, g, p map[string]int) {
	both = make(map[cell]int)
	g = make(map[string]int)
	p = make(map[string]int)
	for item, gl := range gold {
		pl, ok := pred[item]
		if !ok {
			pl = missing + item
		}
		both[cell{gl, pl}]++
		g[gl]++
		p[pl]++
	}
	return both, g, p
}

// BCubed returns the BCubed scores of pred against gold: for every item,
// precision is the share of its predicted cluster that shares its gold
// cluster and recall the share of its gold cluster that shares its
// predicted cluster; the scores are averages over items. Empty gold gives
// zero scores.
func BCubed(gold, pred map[string]string) Scores {
	if len(gold) == 0 {
		return Scores{}
	}
	both, g, p := counts(gold, pred)
	var prec, rec float64
	for c, n := range both {
		// n items each see n same-label items in both clusters.
		prec += float64(n) * float64(n) / float64(p[c.pred])
		rec += float64(n) * float64(n) / float64(g[c.gold])
	}
	total := float64(len(gold))
	return Scores{Precision: prec / total, Recall: rec / total}.withF1()
}

// pairs returns the number of unordered pairs among n items.
func pairs(n int) float64 { return float64(n) * float64(n-1) / 2 }

// Pairwise returns the pairwise scores of pred against gold: precision is
// the share of item pairs put together by pred that gold also puts
// together, recall the share of gold's pairs that pred puts together. With
// no pair to judge, precision (or recall) is 1.
func Pairwise(gold, pred map[string]string) Scores {
	if len(gold) == 0 {
		return Scores{}
	}
	both, g, p := counts(gold, pred)
	var tp, pp, gp float64
	for _, n := range both {
		tp += pairs(n)
	}
	for _, n := range p {
		pp += pairs(n)
	}
	for _, n := range g {
		gp += pairs(n)
	}
	s := Scores{Precision: 1, Recall: 1}
	if pp > 0 {
		s.Precision = tp / pp
	}
	if gp > 0 {
		s.Recall = tp / gp
	}
	return s.withF1()
}
