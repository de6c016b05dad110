package cluster

import (
	"bytes"
	"fmt"
	"maps"
	"math/rand/v2"
	"runtime"
	"slices"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/codec"
)

func TestThreadShardRoundTrip(t *testing.T) {
	idx := threadIndex{
		1:       {{3, 0.5}, {9, 0}},
		1 << 60: {{4, 0.25}},
	}
	out := encodeShards(idx, nil)
	if len(out) != ThreadShards {
		t.Fatalf("%d shards encoded, want %d", len(out), ThreadShards)
	}
	got := threadIndex{}
	n := 0
	for _, b := range out {
		if b == nil {
			continue
		}
		n++
		if err := decodeShard(b, got); err != nil {
			t.Fatal(err)
		}
	}
	if n != 2 {
		t.Errorf("%d shards hold names, want 2", n)
	}
	for h, ps := range idx {
		if !slices.Equal(got[h], ps) {
			t.Errorf("name %d: %v, want %v", h, got[h], ps)
		}
	}
	for _, cut := range []int{5, 10, len(out[threadShard(1)]) - 1} {
		if err := decodeShard(out[threadShard(1)][:cut], threadIndex{}); err == nil {
			t.Errorf("a shard cut to %d bytes decoded", cut)
		}
	}
}

// fixedShard encodes idx as one shard of the layout before the compact
// one: 8-byte counts and ids.
func fixedShard(idx threadIndex) []byte {
	w := codec.NewWriter(0)
	w.Raw([]byte("PXT2"))
	w.Len(len(idx))
	for _, h := range slices.Sorted(maps.Keys(idx)) {
		w.Uint64(h)
		w.Len(len(idx[h]))
		for _, p := range idx[h] {
			w.Int64(p.id)
			w.Float32(p.w)
		}
	}
	return w.Bytes()
}

// Shards are compact (a name's stories as differences of their ids), and
// those of the fixed layout of earlier stores are still read.
func TestThreadShardLayouts(t *testing.T) {
	// One shard's names: a common one carried by thousands of stories
	// numbered close together, and rare ones far apart.
	common := uint64(7) << 1
	var hs []uint64
	for h := uint64(1); len(hs) < 3; h++ {
		if h != common && threadShard(h) == threadShard(common) {
			hs = append(hs, h)
		}
	}
	idx := threadIndex{common: nil, hs[0]: {{1, 0.75}}, hs[1]: {{2, 0.5}, {1 << 40, 0.125}}, hs[2]: {{1<<62 + 3, 0}}}
	for i := range 5000 {
		idx[common] = append(idx[common], posting{int64(120000 + 3*i + i%7), float32(i%50) / 64})
	}
	postings := 0
	for _, ps := range idx {
		postings += len(ps)
	}
	compact := encodeShards(idx, map[int64]bool{threadShard(common): true})[threadShard(common)]
	for _, c := range []struct {
		name     string
		data     []byte
		maxBytes int
	}{
		{"compact", compact, 6 * postings},
		{"fixed layout of earlier stores", fixedShard(idx), 13 * postings},
	} {
		t.Run(c.name, func(t *testing.T) {
			if len(c.data) > c.maxBytes {
				t.Errorf("%d bytes for %d postings, want at most %d", len(c.data), postings, c.maxBytes)
			}
			got := threadIndex{}
			if err := decodeShard(c.data, got); err != nil {
				t.Fatal(err)
			}
			if len(got) != len(idx) {
				t.Errorf("%d names decoded, want %d", len(got), len(idx))
			}
			for h, ps := range idx {
				if !slices.Equal(got[h], ps) {
					t.Errorf("name %d: %d postings decoded differ from the %d encoded", h, len(got[h]), len(ps))
				}
			}
		})
	}
}

// TestThreadLinksMatchFull: linking the stories of a batch through the
// index written by a full computation over the stories before it finds
// the links a full computation over all finds for them.
func TestThreadLinksMatchFull(t *testing.T) {
	recs := synthRecords(t, denseSynth(3000, 3))
	c := New(DefaultConfig())
	names := map[int64][]byte{}
	read := func(fn func(int64, []byte) error) error {
		for b, data := range names {
			if err := fn(b, data); err != nil {
				return err
			}
		}
		return nil
	}
	save := func() {
		st := c.SaveState()
		for b, data := range st.Names {
			if data == nil {
				delete(names, b)
			} else {
				names[b] = data
			}
		}
	}
	add := func(from, to int) {
		var docs []Doc
		for k, r := range recs[from:to] {
			docs = append(docs, Doc{ID: int64(from + k + 1), Title: r.Title, Text: r.Text, Published: r.Published})
		}
		c.AddBatch(docs)
	}
	first := len(recs) - 100
	add(0, first)
	save()
	index, err := fullIndex(c, read)
	if err != nil {
		t.Fatal(err)
	}
	c.ClearChanged()
	add(first, len(recs))
	if c.Changed() == 0 {
		t.Fatal("no bucket changed by the last batch")
	}
	links, _, err := c.ThreadLinks(func(b int64) ([]byte, error) { return names[b], nil },
		func(shards []int64, deltas bool, fn func(int64, []byte) error) error {
			if deltas {
				return nil
			}
			for _, s := range shards {
				if data, ok := index[s]; ok {
					if err := fn(s, data); err != nil {
						return err
					}
				}
			}
			return nil
		})
	if err != nil {
		t.Fatal(err)
	}
	save()
	want, err := c.ThreadsFrom(read)
	if err != nil {
		t.Fatal(err)
	}
	// Every link found joins stories of one full thread.
	for _, l := range links {
		if want[l[0]] == 0 || want[l[0]] != want[l[1]] {
			t.Errorf("stories %d and %d linked, in threads %d and %d in full", l[0], l[1], want[l[0]], want[l[1]])
		}
	}
	t.Logf("%d links from %d changed buckets; %d stories threaded in full", len(links), c.Changed(), len(want))
	if len(links) == 0 && len(slices.Collect(maps.Keys(want))) > 0 {
		t.Error("no link found")
	}
}

// fullIndex returns the thread index a full computation writes, by shard.
func fullIndex(c *Clusterer, read func(fn func(int64, []byte) error) error) (map[int64][]byte, error) {
	full, err := c.ThreadsFull(read)
	if err != nil {
		return nil, err
	}
	index := map[int64][]byte{}
	err = full.WriteIndex(func(shard int64, data []byte) error {
		if _, ok := index[shard]; ok {
			return fmt.Errorf("shard %d written twice", shard)
		}
		index[shard] = data
		return nil
	})
	return index, err
}

// TestThreadsFullMatchesReference: the threads and the stored index of a
// full computation in flat arrays, written shard by shard, are those of
// the computation that held every story's names, vectors and the whole
// index in maps, byte for byte, for stories in memory and stories read
// from their saved names.
func TestThreadsFullMatchesReference(t *testing.T) {
	recs := synthRecords(t, denseSynth(4000, 5))
	c := New(DefaultConfig())
	const batch = 200
	for i := 0; i < len(recs); i += batch {
		var docs []Doc
		for k, r := range recs[i:min(i+batch, len(recs))] {
			docs = append(docs, Doc{ID: int64(i + k + 1), Title: r.Title, Text: r.Text, Published: r.Published})
		}
		c.AddBatch(docs)
	}
	st := c.SaveState()
	names := map[int64][]byte{}
	var buckets [][]byte
	for b, data := range st.Names {
		if data != nil {
			names[b] = data
		}
	}
	for _, data := range st.Buckets {
		if data != nil {
			buckets = append(buckets, data)
		}
	}
	read := func(fn func(int64, []byte) error) error {
		for _, b := range slices.Sorted(maps.Keys(names)) {
			if err := fn(b, names[b]); err != nil {
				return err
			}
		}
		return nil
	}
	loaded, err := NewFromState(st.Head, [][]byte{st.DF}, buckets, DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	if c.Resident() >= c.Len() {
		t.Fatalf("all %d stories in memory: no saved names read", c.Len())
	}
	// With a small cap on a name's stories most names are too common to
	// make candidates, and linking leans on the bound of what they add.
	fewPostings := *c
	fewPostings.cfg.Postings = 8
	for _, tc := range []struct {
		name string
		c    *Clusterer
	}{{"in memory", c}, {"loaded from state", loaded}, {"few postings", &fewPostings}} {
		t.Run(tc.name, func(t *testing.T) {
			wantThreads, wantIndex, err := tc.c.referenceThreadsIndexed(read)
			if err != nil {
				t.Fatal(err)
			}
			full, err := tc.c.ThreadsFull(read)
			if err != nil {
				t.Fatal(err)
			}
			if got := full.Map(); !maps.Equal(got, wantThreads) {
				t.Errorf("%d stories threaded, want %d (or threads differ)", len(got), len(wantThreads))
			}
			if full.Len() < 100 || len(wantThreads) < 10 {
				t.Fatalf("%d stories, %d threaded: too few to compare", full.Len(), len(wantThreads))
			}
			for id, th := range wantThreads {
				if got := full.Thread(id); got != th {
					t.Errorf("story %d: thread %d, want %d", id, got, th)
				}
			}
			if got := full.Thread(1 << 50); got != 0 {
				t.Errorf("a story that does not exist is in thread %d", got)
			}
			index, err := fullIndex(tc.c, read)
			if err != nil {
				t.Fatal(err)
			}
			n := 0
			for s, want := range wantIndex {
				if want != nil {
					n++
				}
				if !bytes.Equal(index[s], want) {
					t.Errorf("shard %d: %d bytes, want %d", s, len(index[s]), len(want))
				}
			}
			if len(index) != n || n < 100 {
				t.Errorf("%d shards written, want %d (and at least 100)", len(index), n)
			}
		})
	}
}

// BenchmarkThreadsFull compares the memory a full thread computation and
// its index allocate, flat (FullThreads) and as the reference did it.
func BenchmarkThreadsFull(b *testing.B) {
	recs := synthRecords(b, denseSynth(4000, 5))
	c := New(DefaultConfig())
	for i := 0; i < len(recs); i += 200 {
		var docs []Doc
		for k, r := range recs[i:min(i+200, len(recs))] {
			docs = append(docs, Doc{ID: int64(i + k + 1), Title: r.Title, Text: r.Text, Published: r.Published})
		}
		c.AddBatch(docs)
	}
	b.Run("flat", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			full, err := c.ThreadsFull(nil)
			if err != nil {
				b.Fatal(err)
			}
			n := 0
			if err := full.WriteIndex(func(_ int64, data []byte) error { n += len(data); return nil }); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("reference", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, _, err := c.referenceThreadsIndexed(func(func(int64, []byte) error) error { return nil }); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkThreadsFullPeak measures the peak live heap of a full thread
// computation and its index over an archive of 170,000 stories saved as
// names blobs (about what a year-long stream of 1M articles makes), flat
// and as the reference did it: go test -run '^$' -bench ThreadsFullPeak.
func BenchmarkThreadsFullPeak(b *testing.B) {
	const stories = 170_000
	rng := rand.New(rand.NewPCG(1, 2))
	zipf := rand.NewZipf(rand.New(rand.NewPCG(3, 4)), 1.1, 1, 400_000)
	c := New(DefaultConfig())
	blobs := map[int64][]byte{}
	for b0 := int64(0); b0 < stories>>bucketShift; b0++ {
		tmp := New(DefaultConfig())
		for id := b0 << bucketShift; id < (b0+1)<<bucketShift; id++ {
			names := map[uint64]float32{}
			saga := uint64(rng.IntN(stories / 8))
			for k := range 3 {
				names[(saga*31+uint64(k))<<1|1] = float32(1 + rng.IntN(4))
			}
			for len(names) < 10+rng.IntN(15) {
				names[(1<<40+zipf.Uint64())<<1|1] = float32(1 + rng.IntN(3))
			}
			tmp.stories[id] = &story{names: names}
		}
		blobs[b0] = tmp.encodeNames(slices.Sorted(maps.Keys(tmp.stories)))
		c.buckets[b0] = bucketInfo{}
	}
	read := func(fn func(int64, []byte) error) error {
		for _, b0 := range slices.Sorted(maps.Keys(blobs)) {
			if err := fn(b0, blobs[b0]); err != nil {
				return err
			}
		}
		return nil
	}
	peak := func(run func()) float64 {
		runtime.GC()
		var base runtime.MemStats
		runtime.ReadMemStats(&base)
		var top uint64
		done := make(chan bool)
		go func() {
			var m runtime.MemStats
			for {
				select {
				case <-done:
					done <- true
					return
				case <-time.After(5 * time.Millisecond):
					runtime.ReadMemStats(&m)
					top = max(top, m.HeapAlloc)
				}
			}
		}()
		run()
		done <- true
		<-done
		return float64(top-min(top, base.HeapAlloc)) / (1 << 20)
	}
	b.Run("flat", func(b *testing.B) {
		for b.Loop() {
			b.ReportMetric(peak(func() {
				full, err := c.ThreadsFull(read)
				if err != nil {
					b.Fatal(err)
				}
				if err := full.WriteIndex(func(int64, []byte) error { return nil }); err != nil {
					b.Fatal(err)
				}
			}), "peak-MiB")
		}
	})
	b.Run("reference", func(b *testing.B) {
		for b.Loop() {
			b.ReportMetric(peak(func() {
				if _, _, err := c.referenceThreadsIndexed(read); err != nil {
					b.Fatal(err)
				}
			}), "peak-MiB")
		}
	})
}

// The changed stories are found by id whatever their spread: close
// together (bits over their range), far apart (a map) or none.
func TestChangedSet(t *testing.T) {
	for _, tc := range []struct {
		name    string
		changed []int64
		others  []int64
	}{
		{"none", nil, []int64{0, 1, 1 << 40}},
		{"one", []int64{77}, []int64{76, 78, 0, 77 + 64, 77 - 64}},
		{"close together", []int64{1000, 1001, 1063, 1064, 1200}, []int64{999, 1002, 1062, 1065, 1199, 1201, 1000 + 64*3}},
		{"far apart", []int64{5, 1 << 40, 1<<62 + 3}, []int64{4, 6, 1<<40 + 1, 1 << 62}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := New(DefaultConfig())
			for _, id := range tc.changed {
				c.changed[id] = true
			}
			is := c.changedSet()
			for _, id := range tc.changed {
				if !is(id) {
					t.Errorf("story %d changed, not found", id)
				}
			}
			for _, id := range tc.others {
				if is(id) {
					t.Errorf("story %d found, not changed", id)
				}
			}
		})
	}
}

// A name's list is decoded with room for the postings a run adds to it.
func TestDecodeShardRoom(t *testing.T) {
	idx := threadIndex{1: {{3, 0.5}, {9, 0}}, 2: {{4, 0.25}}}
	room := map[uint64]int{1: 3}
	got := threadIndex{}
	for _, b := range encodeShards(idx, nil) {
		if b != nil {
			if err := decodeShardRoom(b, got, room); err != nil {
				t.Fatal(err)
			}
		}
	}
	for h, ps := range idx {
		if !slices.Equal(got[h], ps) {
			t.Errorf("name %d: %v, want %v", h, got[h], ps)
		}
		if want := len(ps) + room[h]; cap(got[h]) != want {
			t.Errorf("name %d: room for %d postings, want %d", h, cap(got[h]), want)
		}
	}
}
