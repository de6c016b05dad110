//go:build !unix

package sqlite

import "os"

// tryLock always succeeds where no OS file lock is available: one writer
// per store is then the user's to keep.
func tryLock(f *os.File) (bool, error) { return true, nil }

func unlock(f *os.File) {}
