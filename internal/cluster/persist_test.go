package cluster

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
	"time"
)

// persistDocs invents n short articles about n/3 events.
func persistDocs(from, n int) []Doc {
	places := []string{"Osterby", "Haldern", "Lindmark", "Brenmouth", "Port Sallow", "Vessa"}
	kinds := []string{"flood", "strike", "fire", "election", "trial", "storm"}
	var docs []Doc
	for i := from; i < from+n; i++ {
		e := i / 3
		place, kind := places[e%len(places)], kinds[(e/len(places))%len(kinds)]
		day := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, 9*e)
		docs = append(docs, Doc{
			ID:        int64(i + 1),
			Title:     fmt.Sprintf("%s hits %s, officials say", strings.ToUpper(kind[:1])+kind[1:], place),
			Text:      fmt.Sprintf("A %s hit %s on Monday. Mayor Ana Petrov%d of %s said crews were working through the night. Outlet %d reports residents were told to stay home.", kind, place, e, place, i%3),
			Published: day,
		})
	}
	return docs
}

// dfSaves keeps the document frequencies that saves write, as a store
// does: the table saved whole and the additions saved since.
type dfSaves map[int64][]byte

func (d *dfSaves) add(st State) {
	switch {
	case st.DFFull:
		*d = dfSaves{0: st.DF}
	case st.DF != nil:
		(*d)[st.DFSeq] = st.DF
	}
}

// blobs returns what a load reads: the table, then the additions.
func (d dfSaves) blobs() [][]byte {
	var out [][]byte
	for _, n := range slices.Sorted(maps.Keys(d)) {
		out = append(out, d[n])
	}
	return out
}

func TestSaveLoadContinues(t *testing.T) {
	first, second := persistDocs(0, 30), persistDocs(30, 30)
	a := New(DefaultConfig())
	a.AddBatch(first)
	st := a.SaveState()
	if !st.DFFull {
		t.Fatal("the first save does not write the document frequencies whole")
	}
	df := [][]byte{st.DF}
	var buckets [][]byte
	for _, data := range st.Buckets {
		buckets = append(buckets, data)
	}
	// Every cut of the head, of the document frequencies and of each
	// bucket, is refused.
	for n := 0; n < len(st.Head); n += 1 + n/7 {
		if _, err := NewFromState(st.Head[:n], df, buckets, DefaultConfig()); err == nil {
			t.Errorf("load of the first %d of %d head bytes succeeded", n, len(st.Head))
		}
	}
	for n := 0; n < len(st.DF); n += 1 + n/7 {
		if _, err := NewFromState(st.Head, [][]byte{st.DF[:n]}, buckets, DefaultConfig()); err == nil {
			t.Errorf("load of the first %d of %d bytes of document frequencies succeeded", n, len(st.DF))
		}
	}
	for i, data := range buckets {
		for n := 0; n < len(data); n += 1 + n/7 {
			cut := slices.Clone(buckets)
			cut[i] = data[:n]
			if _, err := NewFromState(st.Head, df, cut, DefaultConfig()); err == nil {
				t.Errorf("load with bucket %d cut to %d of %d bytes succeeded", i, n, len(data))
			}
		}
	}
	b, err := NewFromState(st.Head, df, buckets, DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	if a.Len() < 5 || a.Len() > 20 {
		t.Fatalf("%d stories from 10 events of 3 articles", a.Len())
	}
	if a.Len() != b.Len() {
		t.Fatalf("loaded %d stories, saved %d", b.Len(), a.Len())
	}
	ga, gb := a.AddBatch(second), b.AddBatch(second)
	for id, s := range ga {
		if gb[id] != s {
			t.Errorf("article %d: story %d after load, %d without", id, gb[id], s)
		}
	}
	for _, d := range first {
		if a.Story(d.ID) != b.Story(d.ID) {
			t.Errorf("article %d: story %d after load, %d without", d.ID, b.Story(d.ID), a.Story(d.ID))
		}
	}
	if _, err := NewFromState([]byte("not a state"), nil, nil, DefaultConfig()); err == nil {
		t.Error("load of garbage succeeded")
	}
}

// TestSplitStateSavesWhatChanged saves a clusterer in the split layout
// after each batch, keeping only the buckets that changed, and checks that
// what the saves add up to continues like the clusterer itself.
func TestSplitStateSavesWhatChanged(t *testing.T) {
	a := New(DefaultConfig())
	stored := map[int64][]byte{}
	var head []byte
	var df dfSaves
	var dfSizes []int
	var dfFull []bool
	save := func() int {
		st := a.SaveState()
		head = st.Head
		df.add(st)
		dfSizes, dfFull = append(dfSizes, len(st.DF)), append(dfFull, st.DFFull)
		for b, data := range st.Buckets {
			if data == nil {
				delete(stored, b)
			} else {
				stored[b] = data
			}
		}
		a.MarkSaved()
		return len(st.Buckets)
	}
	a.AddBatch(persistDocs(0, 600))
	first := save()
	// A batch about the latest events only touches the last buckets.
	a.AddBatch(persistDocs(600, 6))
	second := save()
	t.Logf("buckets written: %d, then %d", first, second)
	if first < 3 || second >= first {
		t.Errorf("first save wrote %d buckets, the second %d: want fewer the second time", first, second)
	}
	// The second save writes what its batch added to the document
	// frequencies, not the table.
	if !dfFull[0] || dfFull[1] || dfSizes[1] >= dfSizes[0] {
		t.Errorf("document frequencies saved whole %v, %d and %d bytes: want the table, then a smaller addition", dfFull, dfSizes[0], dfSizes[1])
	}
	if st := a.SaveState(); len(st.Buckets) != 0 || st.DF != nil {
		t.Errorf("nothing changed, yet %d buckets and %d bytes of document frequencies to save", len(st.Buckets), len(st.DF))
	}
	buckets := make([][]byte, 0, len(stored))
	for _, data := range stored {
		buckets = append(buckets, data)
	}
	b, err := NewFromState(head, df.blobs(), buckets, DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	if a.Len() != b.Len() {
		t.Fatalf("loaded %d stories, saved %d", b.Len(), a.Len())
	}
	next := persistDocs(606, 30)
	ga, gb := a.AddBatch(next), b.AddBatch(next)
	for id, s := range ga {
		if gb[id] != s {
			t.Errorf("article %d: story %d after load, %d without", id, gb[id], s)
		}
	}
	if _, err := NewFromState([]byte("junk"), nil, nil, DefaultConfig()); err == nil {
		t.Error("NewFromState of a junk head succeeded")
	}
	if _, err := NewFromState(head, df.blobs(), [][]byte{[]byte("PXB4\x01")}, DefaultConfig()); err == nil {
		t.Error("NewFromState of a truncated bucket succeeded")
	}
}

// TestLoadedDecidesAsKept: a clusterer saved and loaded after every batch
// assigns every article exactly as one kept in memory, on a stream with
// enough stories that candidates come through the inverted index.
func TestLoadedDecidesAsKept(t *testing.T) {
	recs := synthRecords(t, denseSynth(3000, 3))
	kept := New(DefaultConfig())
	loaded := New(DefaultConfig())
	names := map[int64][]byte{}
	var df dfSaves
	// reload saves every bucket of c and loads it into a new clusterer.
	reload := func(c *Clusterer) *Clusterer {
		for id := range c.stories {
			c.touch(id)
		}
		st := c.SaveState()
		df.add(st)
		for b, data := range st.Names {
			if data == nil {
				delete(names, b)
			} else {
				names[b] = data
			}
		}
		var buckets [][]byte
		for _, data := range st.Buckets {
			if data != nil {
				buckets = append(buckets, data)
			}
		}
		out, err := NewFromState(st.Head, df.blobs(), buckets, DefaultConfig())
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	const batch = 150
	for i := 0; i < len(recs); i += batch {
		var docs []Doc
		for k, r := range recs[i:min(i+batch, len(recs))] {
			docs = append(docs, Doc{ID: int64(i + k + 1), Title: r.Title, Text: r.Text, Published: r.Published})
		}
		ga := kept.AddBatch(docs)
		gb := loaded.AddBatch(slices.Clone(docs))
		for id, s := range ga {
			if gb[id] != s {
				t.Fatalf("batch at %d: article %d in story %d after reloads, %d in memory", i, id, gb[id], s)
			}
		}
		loaded = reload(loaded)
	}
	if kept.Len() < allStoriesFor(kept) {
		t.Fatalf("only %d stories: the index was never used", kept.Len())
	}
	ta := kept.Threads()
	tb, err := loaded.ThreadsFrom(func(fn func(int64, []byte) error) error {
		for b, data := range names {
			if err := fn(b, data); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if loaded.Resident() >= kept.Resident() {
		t.Errorf("%d stories in memory after reloads, %d without: none went dormant", loaded.Resident(), kept.Resident())
	}
	if len(ta) != len(tb) {
		t.Errorf("%d stories threaded after reloads, %d in memory", len(tb), len(ta))
	}
}

func allStoriesFor(c *Clusterer) int { return 2 * c.allStories() }

// TestLoadHeadWithDF: a head of the layout before, which held the
// document frequencies, loads and continues like the clusterer saved, and
// the next save writes the frequencies whole.
func TestLoadHeadWithDF(t *testing.T) {
	a := New(DefaultConfig())
	a.AddBatch(persistDocs(0, 30))
	st := a.SaveState()
	var buckets [][]byte
	for _, data := range st.Buckets {
		buckets = append(buckets, data)
	}
	// The layout before: the counters, the frequencies, then the rest as
	// now, without the record of saved additions.
	const counters = 8 + 8 + 8 + 4
	body := st.Head[len(headMagic):]
	old := slices.Concat(headMagic7, body[:counters], st.DF[len(dfMagic):], body[counters+16:])
	b, err := NewFromState(old, nil, buckets, DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	if b.SplitDF() {
		t.Error("a head holding the frequencies says they are apart")
	}
	if b.df.len() != a.df.len() {
		t.Fatalf("%d document frequencies loaded, %d saved", b.df.len(), a.df.len())
	}
	next := persistDocs(30, 30)
	ga, gb := a.AddBatch(next), b.AddBatch(next)
	for id, s := range ga {
		if gb[id] != s {
			t.Errorf("article %d: story %d after load, %d without", id, gb[id], s)
		}
	}
	if st := b.SaveState(); !st.DFFull {
		t.Error("the first save after loading the layout before does not write the frequencies whole")
	}
}
