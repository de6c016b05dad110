package dedupe

import (
	"math/rand/v2"
	"testing"
)

// TestHeadsMatchMap checks the band-key table against a Go map through
// growth, overwrites, key 0 and keys that share their home slot.
// After reserve(n) the table takes n keys in all without growing, and
// keeps what it held.
func TestHeadsReserve(t *testing.T) {
	for _, tc := range []struct {
		name      string
		held, add int
	}{
		{"empty table", 0, 100000},
		{"table holding keys and key zero", 3000, 60000},
		{"room already there", 10, 5},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := newHeads(0)
			want := map[uint64]int32{}
			for i := range tc.held {
				want[uint64(i)] = int32(i + 1)
				h.put(uint64(i), int32(i+1))
			}
			h.reserve(tc.held + tc.add)
			size := len(h.keys)
			for i := range tc.add {
				k := uint64(i+1) * 0x9E3779B97F4A7C15
				want[k] = int32(-i)
				h.put(k, int32(-i))
			}
			if len(h.keys) != size {
				t.Errorf("the table grew from %d to %d slots after reserve", size, len(h.keys))
			}
			if h.len() != len(want) {
				t.Errorf("len %d, want %d", h.len(), len(want))
			}
			for k, v := range want {
				if got, ok := h.get(k); !ok || got != v {
					t.Fatalf("get(%d) = %d, %v, want %d", k, got, ok, v)
				}
			}
		})
	}
}

func TestHeadsMatchMap(t *testing.T) {
	for _, tc := range []struct {
		name string
		hint int
		keys func(i int, rng *rand.Rand) uint64
		n    int
	}{
		{"random keys from empty", 0, func(_ int, rng *rand.Rand) uint64 { return rng.Uint64() }, 50000},
		{"few keys overwritten often", 8, func(_ int, rng *rand.Rand) uint64 { return uint64(rng.IntN(40)) }, 5000},
		{"small keys with zero", 1000, func(i int, _ *rand.Rand) uint64 { return uint64(i % 3000) }, 9000},
		{"keys apart in their high bits only", 0, func(i int, _ *rand.Rand) uint64 { return uint64(i%700+1) << 40 }, 2100},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rng := rand.New(rand.NewPCG(7, uint64(tc.n)))
			h := newHeads(tc.hint)
			want := map[uint64]int32{}
			for i := range tc.n {
				k := tc.keys(i, rng)
				if got, ok := h.get(k); got != want[k] || ok != (want[k] != 0) {
					t.Fatalf("step %d: get(%d) = %d, %v, want %d", i, k, got, ok, want[k])
				}
				want[k] = int32(i + 1)
				h.put(k, int32(i+1))
			}
			if h.len() != len(want) {
				t.Errorf("len %d, want %d", h.len(), len(want))
			}
			for k, v := range want {
				if got, ok := h.get(k); !ok || got != v {
					t.Errorf("get(%d) = %d, %v, want %d", k, got, ok, v)
				}
			}
			if 4*h.n > 3*len(h.keys) {
				t.Errorf("%d keys in %d slots: fuller than three quarters", h.n, len(h.keys))
			}
		})
	}
}

// BenchmarkHeadsGet compares a lookup in the band-key table with one in
// a Go map of the same million keys (a dense stream's window), half the
// lookups for keys held.
func BenchmarkHeadsGet(b *testing.B) {
	const n = 1 << 20
	rng := rand.New(rand.NewPCG(1, 2))
	keys := make([]uint64, 2*n)
	for i := range keys {
		keys[i] = rng.Uint64()
	}
	b.Run("table", func(b *testing.B) {
		h := newHeads(n)
		for i, k := range keys[:n] {
			h.put(k, int32(i))
		}
		b.ResetTimer()
		var sum int32
		for i := range b.N {
			v, _ := h.get(keys[i&(2*n-1)])
			sum += v
		}
		_ = sum
	})
	b.Run("map", func(b *testing.B) {
		m := make(map[uint64]int32, n)
		for i, k := range keys[:n] {
			m[k] = int32(i)
		}
		b.ResetTimer()
		var sum int32
		for i := range b.N {
			sum += m[keys[i&(2*n-1)]]
		}
		_ = sum
	})
}
