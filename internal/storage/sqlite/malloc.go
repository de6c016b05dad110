package sqlite

import (
	"math/bits"
	"sync"
	"unsafe"

	"modernc.org/libc"
	sqlite3 "modernc.org/sqlite/lib"
)

// SQLite's small allocations are kept for reuse once freed, up to a bound,
// instead of going back to the allocator SQLite runs on at once.
//
// The full-text index gathers a batch's terms in memory (32 MiB of them,
// see migrationSearchBatch) in thousands of small allocations, and frees
// them all at once when it writes them to disk at the batch's end. The
// allocator SQLite runs on then finds most of its shared blocks empty, and
// hands the memory of all but the last few MiB of each size back to the
// system, a call for each 64 KiB; the next batch faults the same memory in
// again page by page, all of it in the serial commit. On the 100k-article
// bench without analysis those calls took 2.1 of 78 s of CPU (a 20k bench
// made 1,651 of them, 99 with this allocator), and its system time fell
// from 12.6-16.6 to 7.9-8.1 s. Kept here, the freed allocations are taken
// again by the next batch's terms.
const (
	// memHeader is the size of the header before each allocation: its
	// usable size, as SQLite's own allocator keeps it.
	memHeader = 8
	// memMinLog and memMaxLog bound the sizes kept, header included, as
	// powers of two: the allocator SQLite runs on rounds allocations up
	// to a power of two to at most 16 KiB anyway, and gives larger ones
	// a mapping of their own.
	memMinLog = 4
	memMaxLog = 14
	// memKeepBytes bounds the bytes kept for reuse: more than the
	// full-text index's batch of terms takes.
	memKeepBytes = 48 << 20
)

// memCache is the allocator SQLite is given (SQLITE_CONFIG_MALLOC): the
// allocations of at most 1<<memMaxLog bytes with their header are rounded
// up to a power of two and, once freed, kept in a list of their size for
// reuse while the lists hold less than keep bytes; larger ones go to the
// C allocator and back as they come.
type memCache struct {
	mu   sync.Mutex
	free [memMaxLog + 1][]uintptr // blocks kept, as handed to SQLite
	held int                      // bytes kept, headers included
	keep int                      // bound on held
}

// memLog returns the log₂ of the block that holds n bytes and the header,
// and false when such a block is larger than those kept.
func memLog(n int) (uint, bool) {
	total := n + memHeader
	if total > 1<<memMaxLog {
		return 0, false
	}
	return max(uint(bits.Len(uint(total-1))), memMinLog), true
}

// cmem returns the address p of C memory (which the Go collector does not
// manage) as a pointer.
func cmem(p uintptr) unsafe.Pointer { return *(*unsafe.Pointer)(unsafe.Pointer(&p)) }

// usable returns the usable size recorded in the header of p.
func usable(p uintptr) int {
	return int(*(*int64)(cmem(p - memHeader)))
}

// malloc returns a block of at least n bytes, or 0.
func (m *memCache) malloc(tls *libc.TLS, n int) uintptr {
	log, small := memLog(n)
	size := (n+7)&^7 + memHeader
	if small {
		m.mu.Lock()
		if l := m.free[log]; len(l) > 0 {
			p := l[len(l)-1]
			m.free[log] = l[:len(l)-1]
			m.held -= 1 << log
			m.mu.Unlock()
			return p
		}
		m.mu.Unlock()
		size = 1 << log
	}
	base := libc.Xmalloc(tls, libc.Tsize_t(size))
	if base == 0 {
		return 0
	}
	*(*int64)(cmem(base)) = int64(size - memHeader)
	return base + memHeader
}

// release frees the block p: it is kept when of a size kept and while
// there is room, else given back to the C allocator.
func (m *memCache) release(tls *libc.TLS, p uintptr) {
	if p == 0 {
		return
	}
	if log, small := memLog(usable(p)); small {
		m.mu.Lock()
		if m.held+1<<log <= m.keep {
			m.free[log] = append(m.free[log], p)
			m.held += 1 << log
			m.mu.Unlock()
			return
		}
		m.mu.Unlock()
	}
	libc.Xfree(tls, p-memHeader)
}

// realloc returns p resized to n bytes, or 0, leaving p as it was. A
// block that holds n bytes is kept when it is of the size n takes (or,
// past the sizes kept, when n needs more than half of it).
func (m *memCache) realloc(tls *libc.TLS, p uintptr, n int) uintptr {
	have := usable(p)
	if n <= have {
		log, small := memLog(n)
		if small && have == 1<<log-memHeader || !small && n > have/2 {
			return p
		}
	}
	q := m.malloc(tls, n)
	if q == 0 {
		return 0
	}
	copy(unsafe.Slice((*byte)(cmem(q)), min(n, have)), unsafe.Slice((*byte)(cmem(p)), min(n, have)))
	m.release(tls, p)
	return q
}

// roundup returns the usable size of the block malloc gives for n bytes.
func roundup(n int) int {
	if log, small := memLog(n); small {
		return 1<<log - memHeader
	}
	return (n + 7) &^ 7
}

// sqliteMem is the allocator of the process's SQLite, which is one for
// the process: SQLite takes its allocator once, before its first
// connection.
var sqliteMem = memCache{keep: memKeepBytes}

func memMalloc(tls *libc.TLS, n int32) uintptr { return sqliteMem.malloc(tls, int(n)) }

func memFree(tls *libc.TLS, p uintptr) { sqliteMem.release(tls, p) }

func memRealloc(tls *libc.TLS, p uintptr, n int32) uintptr {
	return sqliteMem.realloc(tls, p, int(n))
}

func memSize(tls *libc.TLS, p uintptr) int32 {
	if p == 0 {
		return 0
	}
	return int32(usable(p))
}

func memRoundup(tls *libc.TLS, n int32) int32 { return int32(roundup(int(n))) }

func memInit(tls *libc.TLS, _ uintptr) int32 { return sqlite3.SQLITE_OK }

func memShutdown(tls *libc.TLS, _ uintptr) {}

// cFunc returns the C function pointer of a Go function of the signature
// the C code calls it by, as SQLite's translation to Go represents one.
func cFunc[T any](f T) uintptr {
	return *(*uintptr)(unsafe.Pointer(&struct{ f T }{f}))
}

// init gives SQLite the allocator of memCache. Were the setting refused,
// SQLite keeps its own, which gives the same results.
func init() {
	tls := libc.NewTLS()
	defer tls.Close()
	methods := libc.Xmalloc(tls, libc.Tsize_t(unsafe.Sizeof(sqlite3.Tsqlite3_mem_methods{})))
	if methods == 0 {
		return
	}
	defer libc.Xfree(tls, methods)
	*(*sqlite3.Tsqlite3_mem_methods)(cmem(methods)) = sqlite3.Tsqlite3_mem_methods{
		FxMalloc:   cFunc(memMalloc),
		FxFree:     cFunc(memFree),
		FxRealloc:  cFunc(memRealloc),
		FxSize:     cFunc(memSize),
		FxRoundup:  cFunc(memRoundup),
		FxInit:     cFunc(memInit),
		FxShutdown: cFunc(memShutdown),
	}
	va := libc.NewVaList(methods)
	defer libc.Xfree(tls, va)
	sqlite3.Xsqlite3_config(tls, sqlite3.SQLITE_CONFIG_MALLOC, va)
}
