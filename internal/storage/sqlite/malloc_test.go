package sqlite

import (
	"fmt"
	"testing"
	"unsafe"

	"modernc.org/libc"
)

// bytesAt returns the n bytes of C memory at p.
func bytesAt(p uintptr, n int) []byte { return unsafe.Slice((*byte)(cmem(p)), n) }

// An allocation is as large as roundup says, and a freed one of a size
// kept is handed out again for a request of its size while the bound
// leaves room.
func TestMemCacheSizesAndReuse(t *testing.T) {
	tls := libc.NewTLS()
	defer tls.Close()
	for _, c := range []struct {
		n, usable int
		kept      bool
	}{
		{1, 8, true},
		{8, 8, true},
		{9, 24, true},
		{100, 120, true},
		{16376, 16376, true},  // 16 KiB with the header
		{16377, 16384, false}, // past the sizes kept: rounded to 8
		{100000, 100000, false},
	} {
		t.Run(fmt.Sprint(c.n), func(t *testing.T) {
			m := &memCache{keep: 1 << 20}
			if got := roundup(c.n); got != c.usable {
				t.Errorf("roundup(%d) = %d, want %d", c.n, got, c.usable)
			}
			p := m.malloc(tls, c.n)
			if p == 0 {
				t.Fatal("malloc failed")
			}
			if got := usable(p); got != c.usable {
				t.Errorf("usable size of malloc(%d) = %d, want %d", c.n, got, c.usable)
			}
			clear(bytesAt(p, c.usable)) // the whole block is writable
			m.release(tls, p)
			if kept := m.held > 0; kept != c.kept {
				t.Fatalf("freed block kept = %v (held %d), want %v", kept, m.held, c.kept)
			}
			q := m.malloc(tls, c.n)
			if again := q == p; c.kept && !again {
				t.Errorf("malloc(%d) after its free did not reuse the block", c.n)
			}
			if m.held != 0 {
				t.Errorf("held %d bytes after reuse, want 0", m.held)
			}
			m.release(tls, q)
		})
	}
}

// Blocks are kept up to the bound only, and a request of another size
// does not take a kept block.
func TestMemCacheBound(t *testing.T) {
	tls := libc.NewTLS()
	defer tls.Close()
	m := &memCache{keep: 256}
	a, b := m.malloc(tls, 200), m.malloc(tls, 200) // 256-byte blocks
	m.release(tls, a)
	m.release(tls, b)
	if m.held != 256 || len(m.free[8]) != 1 || m.free[8][0] != a {
		t.Fatalf("held %d bytes in %v, want the first block alone (256 bytes)", m.held, m.free[8])
	}
	c := m.malloc(tls, 1000)
	if c == a {
		t.Error("a 1000-byte request took a 256-byte block")
	}
	if m.held != 256 {
		t.Errorf("held %d bytes, want 256", m.held)
	}
	m.release(tls, c)
}

// A reallocated block keeps its bytes, and stays where it is while the
// new size takes a block of its size.
func TestMemCacheRealloc(t *testing.T) {
	tls := libc.NewTLS()
	defer tls.Close()
	m := &memCache{keep: 1 << 20}
	for _, c := range []struct {
		from, to int
		same     bool
	}{
		{100, 110, true},      // 128-byte block both
		{100, 200, false},     // grows into a 256-byte block
		{3000, 100, false},    // shrinks into a 128-byte block
		{10000, 40000, false}, // grows past the sizes kept
		{40000, 30000, true},  // past them, needs more than half
		{40000, 1000, false},
	} {
		t.Run(fmt.Sprint(c.from, "-", c.to), func(t *testing.T) {
			p := m.malloc(tls, c.from)
			src := bytesAt(p, c.from)
			for i := range src {
				src[i] = byte(i * 7)
			}
			q := m.realloc(tls, p, c.to)
			if q == 0 {
				t.Fatal("realloc failed")
			}
			if same := q == p; same != c.same {
				t.Errorf("realloc(%d -> %d) kept the block = %v, want %v", c.from, c.to, same, c.same)
			}
			if usable(q) < c.to {
				t.Errorf("realloc(%d -> %d) gave %d usable bytes", c.from, c.to, usable(q))
			}
			for i, b := range bytesAt(q, min(c.from, c.to)) {
				if b != byte(i*7) {
					t.Fatalf("byte %d = %d after realloc, want %d", i, b, byte(i*7))
				}
			}
			m.release(tls, q)
		})
	}
}

// SQLite allocates through the process's memCache: once a store has been
// written and closed, the memory its connections freed is kept there.
func TestSQLiteAllocatesThroughMemCache(t *testing.T) {
	s, _ := open(t)
	commitRepeated(t, s, 20, "m", "Quay notice", "The lock keeper of Vranmouth logged barge %d. ", 50, 3)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	sqliteMem.mu.Lock()
	held := sqliteMem.held
	sqliteMem.mu.Unlock()
	if held == 0 {
		t.Error("no memory SQLite freed is kept for reuse: SQLite does not allocate through memCache")
	}
}
