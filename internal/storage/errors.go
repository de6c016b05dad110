package storage

import (
	"errors"
	"fmt"
)

// Errors an implementation returns (wrapped, with the store named) so that
// callers decide with errors.Is and errors.As, never by matching text.
var (
	// ErrNoStore: there is no store where one was to be read.
	ErrNoStore = errors.New("no Parallax store")
	// ErrNotParallax: the database belongs to another program; it is
	// refused untouched.
	ErrNotParallax = errors.New("not a Parallax store")
	// ErrDamaged: the store failed its checks on open; writes are refused
	// until `parallax check` / `parallax repair`.
	ErrDamaged = errors.New("store is damaged")
	// ErrReadOnly: a write on a store opened for reading.
	ErrReadOnly = errors.New("store is open read-only")
	// ErrStale: the stored analysis or schema was made by another
	// version and must be recomputed (`parallax reanalyze`).
	ErrStale = errors.New("stored analysis is stale")
	// ErrTooNew: the store was written by a newer Parallax.
	ErrTooNew = errors.New("store is newer than this parallax")
)

// LockedError reports that another process holds a store's writer lock.
type LockedError struct {
	Path string
	PID  int
	Host string
}

func (e *LockedError) Error() string {
	return fmt.Sprintf("another parallax process (pid %d) is writing to %s", e.PID, e.Path)
}
