package eval

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

func testRecords() []Record {
	var recs []Record
	for _, s := range []string{"t1-a", "t1-b", "t2-a", "t2-b", "t3-a"} {
		for k := range 4 {
			recs = append(recs, Record{ID: s + string(rune('0'+k)), Story: s})
		}
	}
	return recs
}

func TestDenseMonth(t *testing.T) {
	start := time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)
	out := DenseMonth(testRecords(), start, 30, 1)
	if len(out) != 20 {
		t.Fatalf("%d records, want 20", len(out))
	}
	first := map[string]time.Time{}
	for i, r := range out {
		if i > 0 && r.Published.Before(out[i-1].Published) {
			t.Errorf("records out of date order at %d", i)
		}
		if r.Published.Before(start) || !r.Published.Before(start.AddDate(0, 0, 33)) {
			t.Errorf("%s dated %v, outside the month", r.ID, r.Published)
		}
		if f, ok := first[r.Story]; !ok || r.Published.Before(f) {
			first[r.Story] = r.Published
		}
	}
	day := func(s string) int { return int(first[s].Sub(start).Hours()) / 24 }
	for _, tp := range []string{"t1", "t2"} {
		if day(tp+"-a") == day(tp+"-b") {
			t.Errorf("both stories of topic %s start on day %d", tp, day(tp+"-a"))
		}
	}
	again := DenseMonth(testRecords(), start, 30, 1)
	for i := range out {
		if out[i] != again[i] {
			t.Fatalf("not deterministic at %d", i)
		}
	}
}

func TestYearsApart(t *testing.T) {
	start := time.Date(2010, 1, 1, 0, 0, 0, 0, time.UTC)
	out := YearsApart(testRecords(), start, 3, 1)
	first := map[string]time.Time{}
	for _, r := range out {
		if f, ok := first[r.Story]; !ok || r.Published.Before(f) {
			first[r.Story] = r.Published
		}
	}
	for _, tp := range []string{"t1", "t2"} {
		if gap := first[tp+"-b"].Sub(first[tp+"-a"]); gap < 2*365*24*time.Hour {
			t.Errorf("topic %s: stories %v apart, want years", tp, gap)
		}
	}
}

func FuzzReadRecords(f *testing.F) {
	f.Add([]byte(`{"id":"a","title":"T","text":"x","story":"t1-a"}` + "\n\n" + `{"id":"b","story":"t1-b"}`))
	f.Add([]byte("{\"id\": 1}\n{"))
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(t.TempDir(), "gold.jsonl")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		recs, err := ReadRecords(path)
		if err != nil && recs != nil {
			t.Errorf("records and an error")
		}
	})
}
