package sqlite

import (
	"context"
	"fmt"
	"os"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/storage"
)

// writtenBytes returns the bytes this process has passed to write calls
// (Linux), or false.
func writtenBytes(t *testing.T) (int64, bool) {
	t.Helper()
	b, err := os.ReadFile("/proc/self/io")
	if err != nil {
		return 0, false
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, "wchar:"); ok {
			n, err := strconv.ParseInt(strings.TrimSpace(rest), 10, 64)
			return n, err == nil
		}
	}
	return 0, false
}

// TestStateRewriteKeepsNoJournal checks that rewriting state rows spread
// over the table writes their pages to the log and nowhere else: no
// statement journal copies the pages as they were (see commitState).
func TestStateRewriteKeepsNoJournal(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("reads /proc/self/io")
	}
	if _, ok := writtenBytes(t); !ok {
		t.Skip("no write counts in /proc/self/io")
	}
	ctx := context.Background()
	s, path := open(t)
	rows := func(step, size int, gen byte) *storage.Batch {
		b := &storage.Batch{State: map[string][]byte{}}
		for i := 0; i < 4000; i += step {
			d := make([]byte, size+i%512)
			d[0] = gen
			b.State[fmt.Sprintf("test.rows/%012d", i)] = d
		}
		return b
	}
	if err := s.Commit(ctx, rows(1, 1000, 1)); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name       string
		step, size int
	}{
		{"scattered small rows", 10, 1000},
		{"scattered large rows", 40, 40000},
		{"every row", 1, 1000},
	} {
		t.Run(tc.name, func(t *testing.T) {
			wal0 := fileSize(t, path+"-wal")
			w0, _ := writtenBytes(t)
			if err := s.Commit(ctx, rows(tc.step, tc.size, 2)); err != nil {
				t.Fatal(err)
			}
			w1, _ := writtenBytes(t)
			logged := fileSize(t, path+"-wal") - wal0
			if logged <= 0 {
				t.Skipf("the log was copied back during the commit (%d bytes)", logged)
			}
			// The log's frames, and a little besides (lock and
			// counter writes), but no second copy of the pages.
			if w := w1 - w0; w > logged+logged/4 {
				t.Errorf("the commit wrote %d bytes for %d bytes of log", w, logged)
			}
		})
	}
}

func fileSize(t *testing.T, path string) int64 {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return fi.Size()
}
