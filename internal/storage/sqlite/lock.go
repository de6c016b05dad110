package sqlite

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/parallax-news/parallax/internal/storage"
)

// writerLock is the one-writer-per-store lock: an exclusive OS lock on a
// side file (FILE.lock) held for the whole writing run, with the holder's
// pid and host written in it for the message a second writer shows. The
// OS drops the lock when the process dies, even by kill -9.
type writerLock struct {
	f *os.File
}

// lockWriter takes the writer lock of the store at path, waiting for
// another holder unless opts.NoWait.
func lockWriter(ctx context.Context, path string, opts Options) (*writerLock, error) {
	name := path + ".lock"
	f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("writer lock: %w", err)
	}
	told := false
	for {
		ok, err := tryLock(f)
		if err != nil {
			f.Close()
			return nil, fmt.Errorf("writer lock %s: %w", name, err)
		}
		if ok {
			break
		}
		le := holder(f, path)
		if opts.NoWait {
			f.Close()
			return nil, le
		}
		if !told && opts.OnWait != nil {
			opts.OnWait(le)
			told = true
		}
		select {
		case <-ctx.Done():
			f.Close()
			return nil, fmt.Errorf("waiting for the writer lock: %w", context.Cause(ctx))
		case <-time.After(100 * time.Millisecond):
		}
	}
	host, _ := os.Hostname()
	if err := errors.Join(f.Truncate(0), writeAt(f, fmt.Sprintf("%d %s\n", os.Getpid(), host))); err != nil {
		unlock(f)
		f.Close()
		return nil, fmt.Errorf("writer lock %s: %w", name, err)
	}
	return &writerLock{f: f}, nil
}

func writeAt(f *os.File, s string) error {
	_, err := f.WriteAt([]byte(s), 0)
	return err
}

// holder reads who holds the lock.
func holder(f *os.File, path string) *storage.LockedError {
	le := &storage.LockedError{Path: path}
	b := make([]byte, 256)
	n, _ := f.ReadAt(b, 0)
	fields := strings.Fields(string(b[:n]))
	if len(fields) > 0 {
		le.PID, _ = strconv.Atoi(fields[0])
	}
	if len(fields) > 1 {
		le.Host = fields[1]
	}
	return le
}

// release drops the lock. The side file stays: removing it would let a
// waiting process lock a file a third one no longer sees.
func (l *writerLock) release() error {
	if l == nil {
		return nil
	}
	l.f.Truncate(0)
	unlock(l.f)
	return l.f.Close()
}
