package cluster

import (
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
	_, index, err := c.ThreadsIndexed(read)
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
