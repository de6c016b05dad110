package dedupe

import (
	"slices"
	"testing"
)

func TestChunked(t *testing.T) {
	var c chunked[uint32]
	type run struct{ start, n int }
	var runs []run
	next := uint32(0)
	// Runs of varying length cross many block boundaries.
	for i := range 3000 {
		n := 1 + i%150
		v := make([]uint32, n)
		for j := range v {
			v[j] = next
			next++
		}
		start := c.appendRun(v)
		if start>>chunkBits != (start+n-1)>>chunkBits {
			t.Fatalf("run %d [%d, %d) spans two blocks", i, start, start+n)
		}
		runs = append(runs, run{start, n})
	}
	want := uint32(0)
	for i, r := range runs {
		got := c.run(r.start, r.n)
		for _, x := range got {
			if x != want {
				t.Fatalf("run %d: element %d, want %d", i, x, want)
			}
			want++
		}
	}
	if c.count() != int(next) {
		t.Errorf("count = %d, want %d", c.count(), next)
	}

	// appendRunFunc fills the run it places, which stays contiguous.
	var f chunked[uint32]
	for i := range 2000 {
		n := 1 + i%200
		start := f.appendRunFunc(n, func(dst []uint32) {
			if len(dst) != n {
				t.Fatalf("run %d: %d elements to fill, want %d", i, len(dst), n)
			}
			for j := range dst {
				dst[j] = uint32(i)
			}
		})
		if start>>chunkBits != (start+n-1)>>chunkBits {
			t.Fatalf("filled run %d [%d, %d) spans two blocks", i, start, start+n)
		}
		for _, v := range f.run(start, n) {
			if v != uint32(i) {
				t.Fatalf("filled run %d holds %d", i, v)
			}
		}
	}

	var e chunked[int]
	for i := range 3<<chunkBits + 5 {
		if got := e.add(i); got != i {
			t.Fatalf("add(%d) at index %d", i, got)
		}
	}
	for _, i := range []int{0, 1<<chunkBits - 1, 1 << chunkBits, 3<<chunkBits + 4} {
		if *e.at(i) != i {
			t.Errorf("at(%d) = %d", i, *e.at(i))
		}
	}
	if !slices.Equal(c.run(runs[0].start, 1), []uint32{0}) {
		t.Error("first run lost")
	}
}
