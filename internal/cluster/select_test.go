package cluster

import (
	"math/rand/v2"
	"slices"
	"testing"
)

func TestSelectTop(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{1, 2, 5, 33, 100, 1000} {
		for _, k := range []int{1, 3, 32} {
			cs := make([]scored, n)
			for i := range cs {
				cs[i] = scored{id: int64(i), s: float32(r.IntN(20))}
			}
			want := slices.Clone(cs)
			slices.SortFunc(want, func(a, b scored) int {
				if better(a, b) {
					return -1
				}
				if better(b, a) {
					return 1
				}
				return 0
			})
			got := best(slices.Clone(cs), k)
			if len(want) > k {
				want = want[:k]
			}
			if !slices.Equal(got, want) {
				t.Errorf("n=%d k=%d: best = %v, want %v", n, k, got, want)
			}
		}
	}
}

func TestProbeMatchesDot(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	mk := func(n int) vec {
		m := map[uint64]float32{}
		for len(m) < n {
			m[uint64(r.IntN(400))*0x9e3779b97f4a7c15] = r.Float32()
		}
		v := make(vec, 0, n)
		for h, w := range m {
			v = append(v, feat{h, w})
		}
		slices.SortFunc(v, byHash)
		return v
	}
	var p probe
	for range 50 {
		a, b := mk(1+r.IntN(160)), mk(1+r.IntN(320))
		p.load(a)
		w1, n1 := dot2(a, b)
		w2, n2 := p.dot2(b)
		// The same products summed in the same (hash) order: equal bit
		// for bit, as the clustering's decisions need.
		if w1 != w2 || n1 != n2 {
			t.Fatalf("probe dot2 = %v,%v; dot2 = %v,%v", w2, n2, w1, n1)
		}
	}
}
