package sqlite

import (
	"modernc.org/libc"
	sqlite3 "modernc.org/sqlite/lib"
)

// Page-cache slots of the process: enough for the writing connection's
// cache (64 MiB of 16 KiB pages, see dsn) and four reading ones (8 MiB
// each), with room to spare. A slot holds a page of a store and SQLite's
// header for it.
const (
	pageSlotBytes = newPageSize + 1024
	pageSlots     = 6144
)

// init gives SQLite one region of memory for the pages its connections
// cache, carved into slots, instead of an allocation a page. A 16 KiB page
// with its header is too large for the shared blocks of the allocator
// SQLite runs on, so each page allocated alone was a mapping of its own,
// faulted in when first used, and freeing one (when a connection closes,
// or when a reading connection finds the file changed and drops its
// cache) handed its memory back to the system in a call of its own, each
// flushing the other cores' address translations: closing a writer whose
// cache was full made thousands of those calls. A freed slot goes back to
// SQLite's free list and stays mapped. Pages beyond the slots are
// allocated as before.
//
// The region is reserved address space: a slot's memory is only touched
// when the free list is built (its first bytes) and when a page is read
// into it. SQLite takes the setting only before its first connection
// opens, which the package's init precedes; were it refused, SQLite
// keeps its default, which gives the same results.
func init() {
	tls := libc.NewTLS()
	defer tls.Close()
	buf := libc.Xmalloc(tls, libc.Tsize_t(pageSlotBytes*pageSlots))
	if buf == 0 {
		return
	}
	va := libc.NewVaList(buf, int32(pageSlotBytes), int32(pageSlots))
	defer libc.Xfree(tls, va)
	if sqlite3.Xsqlite3_config(tls, sqlite3.SQLITE_CONFIG_PAGECACHE, va) != sqlite3.SQLITE_OK {
		libc.Xfree(tls, buf)
	}
}
