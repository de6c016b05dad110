package cluster

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// archiveDocs invents n short articles about n/3 events two days apart
// from 2020 on.
func archiveDocs(from, n int) []Doc {
	places := []string{"Osterby", "Haldern", "Lindmark", "Brenmouth", "Port Sallow", "Vessa"}
	kinds := []string{"flood", "strike", "fire", "election", "trial", "storm"}
	var docs []Doc
	for i := from; i < from+n; i++ {
		e := i / 3
		place, kind := places[e%len(places)], kinds[(e/len(places))%len(kinds)]
		day := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, 2*e)
		docs = append(docs, Doc{
			ID:        int64(i + 1),
			Title:     fmt.Sprintf("%s hits %s, officials say", strings.ToUpper(kind[:1])+kind[1:], place),
			Text:      fmt.Sprintf("A %s hit %s on Monday. Mayor Ana Petrov%d of %s said crews were working through the night. Outlet %d reports residents were told to stay home.", kind, place, e, place, i%3),
			Published: day,
		})
	}
	return docs
}

// archive clusters archiveDocs(0, n) in batches of 30, saving after each
// batch into stored (buckets) and names, and returns the head of the last
// save and the story of every article.
func archive(t *testing.T, n int, stored, names map[int64][]byte) ([]byte, [][]byte, map[int64]int64) {
	t.Helper()
	c := New(DefaultConfig())
	var df dfSaves
	c.SetLoader(mapLoader(stored))
	assigned := map[int64]int64{}
	var head []byte
	for i := 0; i < n; i += 30 {
		got, err := c.AddBatchErr(archiveDocs(i, 30))
		if err != nil {
			t.Fatal(err)
		}
		for id, s := range got {
			assigned[id] = s
		}
		st := c.SaveState()
		for b, data := range st.Buckets {
			if data == nil {
				delete(stored, b)
			} else {
				stored[b] = data
			}
		}
		for b, data := range st.Names {
			if data == nil {
				delete(names, b)
			} else {
				names[b] = data
			}
		}
		c.MarkSaved()
		head = st.Head
		df.add(st)
	}
	return head, df.blobs(), assigned
}

// mapLoader reads buckets from a map.
func mapLoader(stored map[int64][]byte) Loader {
	return func(buckets []int64) (map[int64][]byte, error) {
		out := map[int64][]byte{}
		for _, b := range buckets {
			if data, ok := stored[b]; ok {
				out[b] = data
			}
		}
		return out, nil
	}
}

// open loads a clusterer from a head and the buckets it asks for, and
// returns it with the number of buckets read.
func open(t *testing.T, head []byte, df [][]byte, stored map[int64][]byte) (*Clusterer, int) {
	t.Helper()
	c, need, err := NewFromHead(head, DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range df {
		if err := c.AddDF(b); err != nil {
			t.Fatal(err)
		}
	}
	for _, b := range need {
		if err := c.AddBucket(stored[b]); err != nil {
			t.Fatal(err)
		}
	}
	c.SetLoader(mapLoader(stored))
	return c, len(need)
}

// TestOpenLoadsActiveStories: a clusterer opened on a saved archive of
// events nine days apart reads the buckets of its active stories only, as
// many for three times the archive.
func TestOpenLoadsActiveStories(t *testing.T) {
	var resident, read []int
	for _, n := range []int{600, 1800} {
		stored, names := map[int64][]byte{}, map[int64][]byte{}
		head, df, _ := archive(t, n, stored, names)
		c, nb := open(t, head, df, stored)
		t.Logf("%d articles: %d stories, %d buckets stored; %d buckets read, %d stories in memory", n, c.Len(), len(stored), nb, c.Resident())
		if c.Len() < n/3-5 {
			t.Fatalf("%d stories from %d events", c.Len(), n/3)
		}
		resident = append(resident, c.Resident())
		read = append(read, nb)
	}
	// The window (WindowDays and two more) holds five events; they
	// spread over one or two buckets.
	if read[1] > 2 || read[1] > read[0] || resident[1] > 2<<bucketShift {
		t.Errorf("stories in memory after open: %v, buckets read %v, for archives of 600 and 1800 articles; want a bucket or two for both", resident, read)
	}
}

// TestOldArticleJoinsDormantStory: an article dated in the days of an old
// event, arriving months later, joins that event's stored story, read
// back from the store; and threads still see every story.
func TestOldArticleJoinsDormantStory(t *testing.T) {
	stored, names := map[int64][]byte{}, map[int64][]byte{}
	head, df, assigned := archive(t, 1800, stored, names)
	c, _ := open(t, head, df, stored)
	before := c.Resident()
	// Threads see every story, as those of a clusterer that kept all in
	// memory do.
	kept := New(DefaultConfig())
	for i := 0; i < 1800; i += 30 {
		kept.AddBatch(archiveDocs(i, 30))
	}
	th, err := c.ThreadsFrom(func(fn func(int64, []byte) error) error {
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
	want := kept.Threads()
	if len(th) != len(want) || len(th) <= before {
		t.Errorf("%d stories threaded from the stored names, %d by a clusterer that kept every story; %d in memory", len(th), len(want), before)
	}
	for id, x := range want {
		if th[id] != x {
			t.Errorf("story %d: thread %d from the stored names, %d kept", id, th[id], x)
			break
		}
	}
	// Articles 151-153 report event 50; a fourth report of it.
	late := archiveDocs(150, 3)[1]
	late.ID = 5000
	late.Text = "Reports: " + late.Text
	got, err := c.AddBatchErr([]Doc{late})
	if err != nil {
		t.Fatal(err)
	}
	if s := assigned[151]; s == 0 || assigned[152] != s {
		t.Fatalf("event 50 was not one story: %d, %d", assigned[151], assigned[152])
	}
	if got[5000] != assigned[151] {
		t.Errorf("late report of event 50 in story %d, want its stored story %d", got[5000], assigned[151])
	}
	if c.Resident() <= before {
		t.Errorf("%d stories in memory after the late report, %d before: nothing read back", c.Resident(), before)
	}
	// An undated near-copy whose original's story is dormant joins it
	// through the original's day, read back from the clusterer's own
	// saved buckets.
	byDay := archiveDocs(600, 3)[0]
	byDay.ID, byDay.DuplicateOf = 5002, 601
	byDay.OriginalDay, byDay.Published = byDay.Published, time.Time{}
	if c.Story(601) != 0 {
		t.Fatal("the story of 601 is in memory: not a test of reading it back")
	}
	got, err = c.AddBatchErr([]Doc{byDay})
	if err != nil {
		t.Fatal(err)
	}
	if got[5002] == 0 || got[5002] != assigned[601] {
		t.Errorf("undated near-copy of 601 in story %d, want %d", got[5002], assigned[601])
	}
	// A near-copy whose original's story is dormant joins it through
	// the stored story.
	cp := archiveDocs(300, 3)[0]
	cp.ID, cp.DuplicateOf, cp.OriginalStory = 5001, 301, assigned[301]
	got, err = c.AddBatchErr([]Doc{cp})
	if err != nil {
		t.Fatal(err)
	}
	if got[5001] != assigned[301] {
		t.Errorf("near-copy of 301 in story %d, want %d", got[5001], assigned[301])
	}
}
