package cluster

import "math/bits"

// dfTable holds the document frequency of each feature hash: an
// open-addressing table with linear probing over two flat arrays, placed
// by the top bits of the hash times a Fibonacci constant. Entries listed
// in that order (each) fill a table of any size front to back, so a
// saved table of a million features loads with sequential writes rather
// than a random one for each (a Go map took about half a second of a
// later run's CPU to fill).
type dfTable struct {
	keys  []uint64 // 0: empty slot
	vals  []int32
	shift uint // 64 - log2(len(keys))
	n     int
	// zero is the frequency of hash 0, which cannot be a key.
	zero    int32
	hasZero bool
}

// dfMinSlots is the smallest table.
const dfMinSlots = 1 << 10

// newDFTable returns a table sized for n entries.
func newDFTable(n int) *dfTable {
	t := &dfTable{}
	t.alloc(n)
	return t
}

// alloc replaces the arrays with empty ones sized for n entries (at most
// three quarters full).
func (t *dfTable) alloc(n int) {
	size := dfMinSlots
	for size*3/4 < n {
		size *= 2
	}
	t.keys, t.vals = make([]uint64, size), make([]int32, size)
	t.shift = uint(64 - bits.TrailingZeros(uint(size)))
}

// len returns the number of features.
func (t *dfTable) len() int {
	if t.hasZero {
		return t.n + 1
	}
	return t.n
}

// get returns the frequency of h (0 when unknown).
func (t *dfTable) get(h uint64) int32 {
	if h == 0 {
		return t.zero
	}
	mask := uint64(len(t.keys) - 1)
	for i := probeHome(h, t.shift); ; i = (i + 1) & mask {
		switch t.keys[i] {
		case h:
			return t.vals[i]
		case 0:
			return 0
		}
	}
}

// add adds d to the frequency of h.
func (t *dfTable) add(h uint64, d int32) {
	if h == 0 {
		t.zero += d
		t.hasZero = true
		return
	}
	mask := uint64(len(t.keys) - 1)
	for i := probeHome(h, t.shift); ; i = (i + 1) & mask {
		switch t.keys[i] {
		case h:
			t.vals[i] += d
			return
		case 0:
			if (t.n+1)*4 > len(t.keys)*3 {
				t.grow(t.n + 1)
				t.add(h, d)
				return
			}
			t.keys[i], t.vals[i] = h, d
			t.n++
			return
		}
	}
}

// grow moves the entries into a table sized for n.
func (t *dfTable) grow(n int) {
	keys, vals := t.keys, t.vals
	t.alloc(n)
	t.n = 0
	for i, h := range keys {
		if h != 0 {
			t.put(h, vals[i])
		}
	}
}

// put inserts h, known to be absent, with frequency v into a table with
// room for it.
func (t *dfTable) put(h uint64, v int32) {
	mask := uint64(len(t.keys) - 1)
	i := probeHome(h, t.shift)
	for t.keys[i] != 0 {
		i = (i + 1) & mask
	}
	t.keys[i], t.vals[i] = h, v
	t.n++
}

// each calls fn with every feature and its frequency, in the order of
// the slots they take (see dfTable).
func (t *dfTable) each(fn func(h uint64, n int32)) {
	if t.hasZero {
		fn(0, t.zero)
	}
	// A run of entries that wraps around the end of the arrays starts
	// there and ends at the front: list the front part last.
	start := 0
	if t.keys[len(t.keys)-1] != 0 {
		for start < len(t.keys) && t.keys[start] != 0 {
			start++
		}
	}
	for k := range len(t.keys) {
		i := (start + k) & (len(t.keys) - 1)
		if h := t.keys[i]; h != 0 {
			fn(h, t.vals[i])
		}
	}
}

// keep drops the features whose frequency keep rejects.
func (t *dfTable) keep(keep func(n int32) bool) {
	keys, vals := t.keys, t.vals
	n := 0
	for i, h := range keys {
		if h != 0 && keep(vals[i]) {
			n++
		}
	}
	t.alloc(n)
	t.n = 0
	for i, h := range keys {
		if h != 0 && keep(vals[i]) {
			t.put(h, vals[i])
		}
	}
	if t.hasZero && !keep(t.zero) {
		t.zero, t.hasZero = 0, false
	}
}
