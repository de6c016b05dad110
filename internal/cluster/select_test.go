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
				cs[i] = scored{int64(i), float32(r.IntN(20))}
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
