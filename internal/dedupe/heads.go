package dedupe

// heads maps each LSH band key to the index of its newest entry. It is an
// open-addressing table over two flat arrays, probed linearly from a
// Fibonacci-hashed home slot: a lookup reads one or two adjacent cache
// lines of keys, where a Go map of a dense stream's window (a million
// keys and more) reads a control word and then a slot elsewhere. Keys are
// only added or given a new head; the index builds a new table when it
// drops articles (compact).
type heads struct {
	keys  []uint64 // 0: an empty slot
	vals  []int32
	n     int // keys held in the slots
	shift uint
	// key 0 cannot mark its slot: its head is kept apart.
	zero    int32
	hasZero bool
}

// newHeads returns a table with room for about n keys before it grows.
func newHeads(n int) heads {
	bits := uint(4)
	for 3<<bits < 4*n {
		bits++
	}
	return heads{keys: make([]uint64, 1<<bits), vals: make([]int32, 1<<bits), shift: 64 - bits}
}

// len returns the number of keys held.
func (t *heads) len() int {
	if t.hasZero {
		return t.n + 1
	}
	return t.n
}

// home returns the slot where the probe for k starts.
func (t *heads) home(k uint64) int { return int((k * 0x9E3779B97F4A7C15) >> t.shift) }

// get returns the head of key k and whether it is held.
func (t *heads) get(k uint64) (int32, bool) {
	if k == 0 {
		return t.zero, t.hasZero
	}
	mask := len(t.keys) - 1
	for i := t.home(k); ; i = (i + 1) & mask {
		switch t.keys[i] {
		case k:
			return t.vals[i], true
		case 0:
			return 0, false
		}
	}
}

// put sets the head of key k.
func (t *heads) put(k uint64, v int32) {
	if k == 0 {
		t.zero, t.hasZero = v, true
		return
	}
	if 4*(t.n+1) > 3*len(t.keys) {
		t.grow()
	}
	mask := len(t.keys) - 1
	for i := t.home(k); ; i = (i + 1) & mask {
		switch t.keys[i] {
		case k:
			t.vals[i] = v
			return
		case 0:
			t.keys[i], t.vals[i] = k, v
			t.n++
			return
		}
	}
}

// reserve makes room for n keys in all, so that adding up to n keys
// grows the table at most once, here, rather than doubling it step by
// step (a loaded window adds a million keys and more).
func (t *heads) reserve(n int) {
	if 4*n <= 3*len(t.keys) {
		return
	}
	old := *t
	*t = newHeads(n)
	t.zero, t.hasZero = old.zero, old.hasZero
	for j, k := range old.keys {
		if k != 0 {
			t.put(k, old.vals[j])
		}
	}
}

// grow doubles the table.
func (t *heads) grow() {
	old := *t
	*t = heads{keys: make([]uint64, 2*len(old.keys)), vals: make([]int32, 2*len(old.keys)),
		shift: old.shift - 1, zero: old.zero, hasZero: old.hasZero}
	for j, k := range old.keys {
		if k != 0 {
			t.put(k, old.vals[j]) // at most three eighths full: no growth
		}
	}
}
