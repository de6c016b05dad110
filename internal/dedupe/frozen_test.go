package dedupe

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"testing"
	"time"
)

// configBytes is the encoded size of a Config (writeConfig).
const configBytes = 13 * 8

// asLayout6 returns segment data of the current layout in the layout
// before it: the same, without the keys' order that ends it.
func asLayout6(t *testing.T, data []byte) []byte {
	t.Helper()
	rest, ok := bytes.CutPrefix(data, segMagic)
	if !ok {
		t.Fatal("not a segment of the current layout")
	}
	// The keys' count is the 8 bytes before the keys; the order takes 4
	// bytes a key at the end.
	cfg := DefaultConfig()
	docs := int(binary.LittleEndian.Uint64(rest[configBytes:]))
	nk := docs * cfg.Bands
	return append(slices.Clone(segMagic6), rest[:len(rest)-4*nk]...)
}

// familyText returns the text of a member of one of a few families of
// articles: the same story with a changed sentence, so that LSH buckets
// hold far more entries than MaxBucket.
func familyText(i int) string {
	base := article(uint64(i%7), 150)
	return edit(base, 40+i%13) + fmt.Sprintf("\nClosing line %d of this copy.", i)
}

// TestFrozenSegments loads the same saved index three ways (segments of
// the current layout, searched in place; the same segments in the layout
// before, read into the hash table; and mixed) and checks that every
// addition after the load finds the same candidates and the same
// originals, including when buckets are longer than MaxBucket and after
// the window moved and the index was compacted.
func TestFrozenSegments(t *testing.T) {
	cfg := DefaultConfig()
	cfg.MaxBucket = 5
	cfg.MaxVerify = 8
	cfg.WindowDays = 6
	x := New(cfg)
	day0 := time.Date(2025, 3, 1, 8, 0, 0, 0, time.UTC)
	stored := map[int64][]byte{}
	var head []byte
	save := func() {
		seg := x.SaveSegment()
		if seg.Data != nil {
			stored[seg.Seq] = seg.Data
		}
		for _, n := range seg.Drop {
			delete(stored, n)
		}
		head = seg.Head
		x.MarkSaved(seg)
	}
	id := int64(0)
	for i := range 600 {
		id++
		var when time.Time
		if i%5 != 0 {
			when = day0.Add(time.Duration(i) * 30 * time.Minute)
		}
		text := familyText(i)
		if i%3 == 0 {
			text = article(uint64(1000+i), 80+i%50)
		}
		x.AddDated(id, when, x.signOf(text))
		if i%97 == 96 {
			save()
		}
	}
	save()
	if len(stored) < 3 {
		t.Fatalf("%d segments stored, want several", len(stored))
	}
	load := func(layout6 func(seq int64) bool) *Index {
		t.Helper()
		y, need, err := NewFromHead(head, cfg)
		if err != nil {
			t.Fatal(err)
		}
		for _, n := range need {
			data := stored[n]
			if layout6(n) {
				data = asLayout6(t, data)
			}
			if err := y.AddSegment(data); err != nil {
				t.Fatal(err)
			}
		}
		return y
	}
	seqs := slices.Sorted(maps.Keys(stored))
	frozenIdx := load(func(int64) bool { return false })
	old := load(func(int64) bool { return true })
	mixed := load(func(n int64) bool { return n == seqs[len(seqs)/2] })
	if len(frozenIdx.frozen) == 0 || len(old.frozen) != 0 || len(mixed.frozen) == 0 || len(mixed.frozen) == len(frozenIdx.frozen) {
		t.Fatalf("frozen segments: %d, %d and %d", len(frozenIdx.frozen), len(old.frozen), len(mixed.frozen))
	}
	if frozenIdx.Len() != old.Len() || mixed.Len() != old.Len() || x.Len() != old.Len() {
		t.Fatalf("Len: %d in place, %d in the old layout, %d mixed, %d saved", frozenIdx.Len(), old.Len(), mixed.Len(), x.Len())
	}
	found := 0
	for round := range 2 {
		for i := range 150 {
			id++
			when := day0.Add(time.Duration(600+round*150+i) * 30 * time.Minute)
			text := familyText(i*11 + round)
			if i%4 == 0 {
				text = edit(article(uint64(1000+i*3), 80+(i*3)%50), 25)
			}
			want := x.AddDated(id, when, x.signOf(text))
			if got := old.AddDated(id, when, old.signOf(text)); got != want {
				t.Fatalf("round %d, article %d: %d in the old layout, %d in the index saved", round, i, got, want)
			}
			wantCands := slices.Clone(old.cands)
			for name, y := range map[string]*Index{"in place": frozenIdx, "mixed": mixed} {
				if got := y.AddDated(id, when, y.signOf(text)); got != want {
					t.Fatalf("round %d, article %d: %d %s, %d in the index saved", round, i, got, name, want)
				}
				if !slices.Equal(y.cands, wantCands) {
					t.Fatalf("round %d, article %d: candidates %v %s, %v in the old layout", round, i, y.cands, name, wantCands)
				}
			}
			if want != 0 {
				found++
			}
		}
		// A save moves the window; the next addition compacts the
		// index, frozen segments included.
		for _, y := range []*Index{x, old, frozenIdx, mixed} {
			y.MarkSaved(y.SaveSegment())
		}
	}
	if found < 50 {
		t.Errorf("%d copies found, want most of the family members", found)
	}
	if len(frozenIdx.frozen) != 0 {
		t.Errorf("%d frozen segments left after a compaction", len(frozenIdx.frozen))
	}
}

// TestFrozenRewrite checks that a window rewritten as one segment from an
// index holding frozen segments (its keys and sketches read from them)
// loads into the same index.
func TestFrozenRewrite(t *testing.T) {
	x := New(DefaultConfig())
	for i := range 40 {
		x.Add(int64(i+1), article(uint64(300+i), 120))
	}
	seg := x.SaveSegment()
	y, err := NewFromSegments(seg.Head, map[int64][]byte{seg.Seq: seg.Data})
	if err != nil {
		t.Fatal(err)
	}
	if len(y.frozen) != 1 {
		t.Fatalf("%d frozen segments, want 1", len(y.frozen))
	}
	// Rewrite the window whole, as a save does when segments pile up.
	y.saved = 0
	again := y.SaveSegment()
	if !bytes.Equal(again.Data, seg.Data) {
		t.Fatal("the window rewritten from frozen segments differs from the one saved")
	}
	// A damaged order is refused rather than searched.
	bad := slices.Clone(seg.Data)
	binary.LittleEndian.PutUint32(bad[len(bad)-4:], 1<<30)
	if _, err := NewFromSegments(seg.Head, map[int64][]byte{seg.Seq: bad}); err == nil {
		t.Error("a segment with a key order out of range loaded")
	}
}

// TestSortedKeys checks the order a segment stores its keys in, against
// a comparison sort, for keys with many repeats and keys that differ in
// one byte only.
func TestSortedKeys(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	random := make([]uint64, 5000)
	for i := range random {
		random[i] = r.Uint64() >> (r.IntN(4) * 16)
		if i%3 == 0 {
			random[i] = random[r.IntN(i+1)]
		}
	}
	oneByte := make([]uint64, 300)
	for i := range oneByte {
		oneByte[i] = 0x1234<<40 | uint64(r.IntN(8))<<16
	}
	for _, tc := range []struct {
		name string
		keys []uint64
	}{
		{"none", nil},
		{"one", []uint64{7}},
		{"small", []uint64{9, 3, 9, 1, 3, 9}},
		{"random with repeats", random},
		{"one byte differs", oneByte},
	} {
		want := make([]uint32, len(tc.keys))
		for i := range want {
			want[i] = uint32(i)
		}
		slices.SortFunc(want, func(a, b uint32) int {
			if c := cmp.Compare(tc.keys[a], tc.keys[b]); c != 0 {
				return c
			}
			return cmp.Compare(b, a)
		})
		if got := sortedKeys(tc.keys); !slices.Equal(got, want) {
			t.Errorf("%s: sortedKeys gives another order", tc.name)
		}
	}
	if got := sortedKeys([]uint64{9, 3, 9, 1, 3, 9}); !slices.Equal(got, []uint32{3, 4, 1, 5, 2, 0}) {
		t.Errorf("sortedKeys(9 3 9 1 3 9) = %v, want [3 4 1 5 2 0]", got)
	}
}

// TestRelayout checks that an index loaded from a segment of the layout
// before writes its window whole in the current layout at its next save,
// replacing the old segment, and only once.
func TestRelayout(t *testing.T) {
	x := New(DefaultConfig())
	for i := range 30 {
		x.Add(int64(i+1), article(uint64(500+i), 120))
	}
	seg := x.SaveSegment()
	y, err := NewFromSegments(seg.Head, map[int64][]byte{seg.Seq: asLayout6(t, seg.Data)})
	if err != nil {
		t.Fatal(err)
	}
	y.Add(100, article(900, 120))
	next := y.SaveSegment()
	if !slices.Equal(next.Drop, []int64{seg.Seq}) || !bytes.HasPrefix(next.Data, segMagic) {
		t.Fatalf("save after a load of the layout before: drops %v, data %q…; want segment %d replaced in the current layout", next.Drop, next.Data[:4], seg.Seq)
	}
	y.MarkSaved(next)
	z, err := NewFromSegments(next.Head, map[int64][]byte{next.Seq: next.Data})
	if err != nil {
		t.Fatal(err)
	}
	if z.Len() != 31 || len(z.frozen) != 1 {
		t.Errorf("reloaded: %d articles, %d frozen segments; want 31 and 1", z.Len(), len(z.frozen))
	}
	y.Add(101, article(901, 120))
	if again := y.SaveSegment(); len(again.Drop) != 0 {
		t.Errorf("second save drops %v: the window was rewritten again", again.Drop)
	}
}

// BenchmarkSortedKeys orders the LSH keys of a 20,000-article save
// (480,000 keys) as a segment stores them: by the radix sort SaveSegment
// uses, and by a comparison sort giving the same order, for reference.
func BenchmarkSortedKeys(b *testing.B) {
	r := rand.New(rand.NewPCG(1, 2))
	keys := make([]uint64, 480_000)
	for i := range keys {
		keys[i] = r.Uint64()
	}
	b.Run("radix", func(b *testing.B) {
		for b.Loop() {
			sortedKeys(keys)
		}
	})
	b.Run("comparison", func(b *testing.B) {
		for b.Loop() {
			idx := make([]uint32, len(keys))
			for i := range idx {
				idx[i] = uint32(i)
			}
			slices.SortFunc(idx, func(x, y uint32) int {
				if c := cmp.Compare(keys[x], keys[y]); c != 0 {
					return c
				}
				return cmp.Compare(y, x)
			})
		}
	})
}
