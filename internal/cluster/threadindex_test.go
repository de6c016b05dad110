package cluster

import (
	"bytes"
	"fmt"
	"maps"
	"slices"
	"testing"
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
	if err := decodeShard(out[threadShard(1)][:10], threadIndex{}); err == nil {
		t.Error("a truncated shard decoded")
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
		func(s int64) ([]byte, error) { return index[s], nil })
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
	loaded, err := NewFromState(st.Head, buckets, DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	if c.Resident() >= c.Len() {
		t.Fatalf("all %d stories in memory: no saved names read", c.Len())
	}
	for _, tc := range []struct {
		name string
		c    *Clusterer
	}{{"in memory", c}, {"loaded from state", loaded}} {
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
