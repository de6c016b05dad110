package cluster

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// randVec returns a unit vector of n features, about share of them drawn
// from common.
func randVec(r *rand.Rand, n int, common []uint64, share float64) vec {
	v := make(vec, 0, n)
	seen := map[uint64]bool{}
	for len(v) < n {
		h := r.Uint64() &^ 1
		if r.Float64() < share {
			h = common[r.IntN(len(common))]
		}
		if seen[h] {
			continue
		}
		seen[h] = true
		v = append(v, feat{h, r.Float32()})
	}
	slices.SortFunc(v, byHash)
	normalize(v)
	return v
}

// probeCase returns an article's vector (160 features) and n story sums
// (320 features) sharing some of its features.
func probeCase(n int) (vec, []vec) {
	r := rand.New(rand.NewPCG(1, 2))
	common := make([]uint64, 400)
	for i := range common {
		common[i] = r.Uint64() &^ 1
	}
	a := randVec(r, 160, common, 0.5)
	stories := make([]vec, n)
	for i := range stories {
		stories[i] = randVec(r, 320, common, 0.3)
	}
	return a, stories
}

// BenchmarkProbeDot takes the dot product of an article's vector with 12
// story sums, as the search for an article's nearest stories does, with
// the same 12 stories every time (they stay in the CPU cache).
func BenchmarkProbeDot(b *testing.B) {
	a, stories := probeCase(12)
	var p probe
	for b.Loop() {
		p.load(a)
		for _, s := range stories {
			p.dot2(s)
		}
	}
}

// BenchmarkProbeDotCold is BenchmarkProbeDot with 12 stories drawn from
// 20,000, mostly out of the cache, as in a large corpus.
func BenchmarkProbeDotCold(b *testing.B) {
	a, stories := probeCase(20000)
	r := rand.New(rand.NewPCG(3, 4))
	var p probe
	for b.Loop() {
		p.load(a)
		for range 12 {
			p.dot2(stories[r.IntN(len(stories))])
		}
	}
}
