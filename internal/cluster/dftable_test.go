package cluster

import (
	"math/rand/v2"
	"testing"
)

// TestDFTable checks the table against a map through additions (hash 0
// included), growth, pruning and a copy in listing order.
func TestDFTable(t *testing.T) {
	for _, n := range []int{0, 1, 700, 5000, 100000} {
		rng := rand.New(rand.NewPCG(uint64(n), 7))
		tab, want := newDFTable(0), map[uint64]int32{}
		for i := range n {
			h := rng.Uint64() >> (rng.IntN(4) * 16) // small hashes too
			if i%97 == 0 {
				h = 0
			}
			if i%3 == 0 && len(want) > 0 {
				h = uint64(i) // repeats
			}
			d := int32(1 + rng.IntN(3))
			tab.add(h, d)
			want[h] += d
		}
		check := func(what string, tab *dfTable, want map[uint64]int32) {
			t.Helper()
			if tab.len() != len(want) {
				t.Fatalf("n=%d %s: %d features, want %d", n, what, tab.len(), len(want))
			}
			for h, v := range want {
				if got := tab.get(h); got != v {
					t.Fatalf("n=%d %s: frequency of %#x %d, want %d", n, what, h, got, v)
				}
			}
			if got := tab.get(0x5eed); want[0x5eed] == 0 && got != 0 {
				t.Fatalf("n=%d %s: an unknown hash has frequency %d", n, what, got)
			}
			seen := 0
			tab.each(func(h uint64, v int32) {
				seen++
				if want[h] != v {
					t.Fatalf("n=%d %s: listed %#x with %d, want %d", n, what, h, v, want[h])
				}
			})
			if seen != len(want) {
				t.Fatalf("n=%d %s: listed %d features, want %d", n, what, seen, len(want))
			}
		}
		check("added", tab, want)
		copied := newDFTable(0)
		copied.alloc(tab.len())
		tab.each(copied.add)
		check("copied", copied, want)
		tab.keep(func(v int32) bool { return v > 2 })
		for h, v := range want {
			if v <= 2 {
				delete(want, h)
			}
		}
		check("pruned", tab, want)
	}
}
