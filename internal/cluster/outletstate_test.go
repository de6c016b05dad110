package cluster

import (
	"maps"
	"slices"
	"testing"
)

// outletSaves keeps the outlets' windows that saves write, as a store
// does: the windows saved whole and the logs saved since.
type outletSaves map[int64][]byte

func (o *outletSaves) add(st State) {
	switch {
	case st.OutletsFull:
		*o = outletSaves{0: st.Outlets}
	case st.Outlets != nil:
		(*o)[st.OutletsSeq] = st.Outlets
	}
}

// TestOutletsSurviveReload: a clusterer saved and loaded after every
// batch of the blind stream, whose outlets repeat their templates, keeps
// the outlets' windows and puts every article where the clusterer kept
// in memory does; the saves write the windows whole only now and then.
func TestOutletsSurviveReload(t *testing.T) {
	recs := readBlind(t)
	cfg := DefaultConfig()
	kept, loaded := New(cfg), New(cfg)
	var df dfSaves
	var outs outletSaves
	buckets := map[int64][]byte{}
	var full, logs int
	const batch = 10
	for i := 0; i < len(recs); i += batch {
		var docs []Doc
		for k, r := range recs[i:min(i+batch, len(recs))] {
			docs = append(docs, Doc{ID: int64(i + k + 1), Title: r.Title, Text: r.Text, Published: r.Published, Outlet: r.Outlet})
		}
		ga := kept.AddBatch(docs)
		gb := loaded.AddBatch(slices.Clone(docs))
		for id, s := range ga {
			if gb[id] != s {
				t.Fatalf("batch at %d: article %d in story %d after reloads, %d in memory", i, id, gb[id], s)
			}
		}
		st := loaded.SaveState()
		df.add(st)
		outs.add(st)
		switch {
		case st.OutletsFull:
			full++
		case st.Outlets != nil:
			logs++
		}
		for b, data := range st.Buckets {
			if data == nil {
				delete(buckets, b)
			} else {
				buckets[b] = data
			}
		}
		next, err := NewFromState(st.Head, df.blobs(), slices.Collect(maps.Values(buckets)), cfg)
		if err != nil {
			t.Fatal(err)
		}
		for _, n := range slices.Sorted(maps.Keys(outs)) {
			if err := next.AddOutlets(outs[n]); err != nil {
				t.Fatal(err)
			}
		}
		if !equalOutlets(next.outlets, kept.outlets) {
			t.Fatalf("batch at %d: the outlets' windows differ after a reload", i)
		}
		loaded = next
	}
	if kept.outlets == nil || len(kept.outlets.byName) < 5 {
		t.Fatal("too few outlets counted: the stream does not exercise the windows")
	}
	if full == 0 || logs == 0 {
		t.Errorf("%d saves whole, %d logs: want both", full, logs)
	}
	if logs < full {
		t.Errorf("%d saves whole, only %d logs: the windows are rewritten too often", full, logs)
	}
}

// TestAddOutletsRejectsCorrupt: truncated or foreign bytes are an error,
// not a panic or a silent partial load.
func TestAddOutletsRejectsCorrupt(t *testing.T) {
	c := New(DefaultConfig())
	recs := readBlind(t)
	var docs []Doc
	for k, r := range recs[:20] {
		docs = append(docs, Doc{ID: int64(k + 1), Title: r.Title, Text: r.Text, Published: r.Published, Outlet: r.Outlet})
	}
	c.AddBatch(docs)
	st := c.SaveState()
	if !st.OutletsFull || len(st.Outlets) < 100 {
		t.Fatalf("first save: full %v, %d bytes", st.OutletsFull, len(st.Outlets))
	}
	for _, b := range [][]byte{st.Outlets[:len(st.Outlets)/2], st.Outlets[:len(st.Outlets)-1], []byte("PXZZ"), nil} {
		if err := New(DefaultConfig()).AddOutlets(b); err == nil {
			t.Errorf("%d bytes of %d loaded without error", len(b), len(st.Outlets))
		}
	}
	c.AddBatch([]Doc{{ID: 99, Title: recs[20].Title, Text: recs[20].Text, Published: recs[20].Published, Outlet: recs[20].Outlet}})
	lg := c.SaveState()
	if lg.OutletsFull || lg.Outlets == nil {
		t.Fatalf("second save: full %v, %d bytes; want a log", lg.OutletsFull, len(lg.Outlets))
	}
	d := New(DefaultConfig())
	if err := d.AddOutlets(st.Outlets); err != nil {
		t.Fatal(err)
	}
	if err := d.AddOutlets(lg.Outlets[:len(lg.Outlets)-3]); err == nil {
		t.Error("a truncated log loaded without error")
	}
}

// equalOutlets reports whether two sets of windows hold the same
// articles, in the same order, and the same counts (for tests).
func equalOutlets(a, b *outlets) bool {
	if a == nil || b == nil {
		return a == b || (a == nil && len(b.byName) == 0) || (b == nil && len(a.byName) == 0)
	}
	if len(a.byName) != len(b.byName) || a.feats != b.feats {
		return false
	}
	for name, wa := range a.byName {
		wb := b.byName[name]
		if wb == nil || wa.newest != wb.newest || wa.oldest != wb.oldest || wa.feats != wb.feats ||
			!slices.EqualFunc(wa.docs, wb.docs, func(x, y outletDoc) bool {
				return x.day == y.day && slices.Equal(x.feats, y.feats)
			}) {
			return false
		}
	}
	return true
}

// TestOutletLogBounded: a clusterer that is saved once and then not for
// a long while keeps no log larger than the windows (and a batch): the
// next save writes them whole instead, and a load of that save has the
// windows of the clusterer kept in memory.
func TestOutletLogBounded(t *testing.T) {
	recs := readBlind(t)
	c := New(DefaultConfig())
	doc := func(i int) Doc {
		r := recs[i%len(recs)]
		// The stream again and again, a week later each time.
		return Doc{ID: int64(i + 1), Title: r.Title, Text: r.Text, Published: r.Published.AddDate(0, 0, 7*(i/len(recs))), Outlet: r.Outlet}
	}
	c.AddBatch([]Doc{doc(0), doc(1), doc(2)})
	first := c.SaveState()
	if !first.OutletsFull {
		t.Fatal("the first save does not write the windows whole")
	}
	const batch = 10
	for i := 3; i < 20*len(recs); i += batch {
		var docs []Doc
		for k := i; k < i+batch; k++ {
			docs = append(docs, doc(k))
		}
		c.AddBatch(docs)
		if c.oLog != nil && c.oLogBytes+len(c.oLog.Bytes()) > c.outlets.encodedSize()+batch*4096 {
			t.Fatalf("after article %d: %d bytes of log held for windows of %d", i+batch, len(c.oLog.Bytes()), c.outlets.encodedSize())
		}
	}
	st := c.SaveState()
	if !st.OutletsFull {
		t.Fatal("the save after the dropped log does not write the windows whole")
	}
	d := New(DefaultConfig())
	if err := d.AddOutlets(st.Outlets); err != nil {
		t.Fatal(err)
	}
	if !equalOutlets(d.outlets, c.outlets) {
		t.Error("the windows loaded differ from those kept")
	}
}
