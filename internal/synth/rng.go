package synth

import (
	"math"
	"math/bits"
)

// rng is a small deterministic generator (SplitMix64). It is used instead of
// math/rand so that the corpus for a seed stays byte-identical across Go
// releases.
type rng struct{ s uint64 }

// mix is the SplitMix64 finalizer: a fast, well-spread 64-bit hash.
func mix(z uint64) uint64 {
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// newRNG returns a generator whose stream depends on seed and every key.
func newRNG(seed int64, keys ...uint64) rng {
	h := mix(uint64(seed) + 0x9e3779b97f4a7c15)
	for _, k := range keys {
		h = mix(h ^ (k + 0x9e3779b97f4a7c15))
	}
	return rng{s: h}
}

func (r *rng) next() uint64 {
	r.s += 0x9e3779b97f4a7c15
	return mix(r.s)
}

// intn returns a uniform int in [0, n); n must be > 0.
func (r *rng) intn(n int) int {
	hi, _ := bits.Mul64(r.next(), uint64(n))
	return int(hi)
}

// between returns a uniform int in [lo, hi].
func (r *rng) between(lo, hi int) int {
	if hi <= lo {
		return lo
	}
	return lo + r.intn(hi-lo+1)
}

// float returns a uniform float64 in [0, 1).
func (r *rng) float() float64 { return float64(r.next()>>11) / (1 << 53) }

// chance reports true with probability p.
func (r *rng) chance(p float64) bool { return r.float() < p }

// expo returns an exponentially distributed value with mean 1.
func (r *rng) expo() float64 { return -math.Log(1 - r.float()) }

// pick returns a uniformly chosen element of s.
func pick[T any](r *rng, s []T) T { return s[r.intn(len(s))] }
