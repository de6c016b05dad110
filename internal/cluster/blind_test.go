package cluster

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/dedupe"
	"github.com/parallax-news/parallax/internal/eval"
)

// blindPath is a stream of 76 invented articles on 25 events over six
// days (testdata/blind-stream.jsonl), written by hand before any setting
// was tried on it: eight invented outlets in different house styles
// (wire, broadsheet, tabloid, regional, translated, roundup), templated
// pairs (two quarterly results on one morning, two football results on
// one afternoon, two shootings in different cities, two storms five days
// apart), a fire and the charge that followed five days later (two
// stories), a syndicated copy under another headline (a near-copy) and a
// wire template reused for another match with other names and numbers
// (not a near-copy). Its gold is in the field "story", which clustering
// never reads.
const blindPath = "testdata/blind-stream.jsonl"

// readBlind reads the blind stream with its publication times.
func readBlind(t testing.TB) []eval.Record {
	t.Helper()
	return readBlindFile(t, blindPath)
}

// readBlindFile reads a hand-written stream in the order of its lines
// (the order the articles arrive in) with their publication times.
func readBlindFile(t testing.TB, path string) []eval.Record {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("open blind stream: %v", err)
	}
	defer f.Close()
	var out []eval.Record
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	for line := 1; sc.Scan(); line++ {
		var r struct {
			eval.Record
			Published time.Time `json:"published"`
		}
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("%s:%d: %v", path, line, err)
		}
		r.Record.Published = r.Published
		out = append(out, r.Record)
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("read blind stream: %v", err)
	}
	return out
}

// clusterDated is clusterRecords with near-copies found as the pipeline
// finds them, by dated signatures, and returns each record's story and
// the record each near-copy was folded into.
func clusterDated(cfg Config, recs []eval.Record, batch int) (pred, dupOf map[string]string) {
	c := New(cfg)
	dd := dedupe.New(dedupe.DefaultConfig())
	signer := dd.NewSigner()
	dupOf = make(map[string]string)
	var pending []Doc
	for i := 0; i < len(recs); i += batch {
		pending = pending[:0]
		for k, r := range recs[i:min(i+batch, len(recs))] {
			id := int64(i + k + 1)
			d := Doc{ID: id, Title: r.Title, Text: r.Text, Published: r.Published, Outlet: r.Outlet}
			if o := dd.AddDated(id, r.Published, signer.Sign(r.Text)); o != 0 {
				d.DuplicateOf = o
				d.OriginalDay, _ = dd.Day(o)
				dupOf[r.ID] = recs[o-1].ID
			}
			pending = append(pending, d)
		}
		c.AddBatch(pending)
	}
	pred = make(map[string]string, len(recs))
	for i, r := range recs {
		pred[r.ID] = fmt.Sprint(c.Story(int64(i + 1)))
	}
	return pred, dupOf
}

// runBlind clusters a blind stream in batches of batch as the pipeline
// does (clusterDated), logs its BCubed scores, near-copies and errors
// under name, fails below floor, and returns each record's story and
// the record each near-copy was folded into.
func runBlind(t *testing.T, name string, recs []eval.Record, batch int, floor float64) (pred, dupOf map[string]string) {
	t.Helper()
	pred, dupOf = clusterDated(DefaultConfig(), recs, batch)
	s := scoreOn(recs, pred)
	t.Logf("%s BCubed P=%.3f R=%.3f F1=%.3f (%d articles, %d near-copies)", name, s.Precision, s.Recall, s.F1, len(recs), len(dupOf))
	for id, o := range dupOf {
		t.Logf("near-copy %s of %s", id, o)
	}
	logErrors(t, recs, pred)
	if s.F1 < floor {
		t.Errorf("BCubed F1 = %.3f, want >= %.2f", s.F1, floor)
	}
	return pred, dupOf
}

// TestDevBlindStream scores the hand-written blind stream. First run,
// before any change was made for it: the whole stream as one batch
// BCubed P=0.961 R=0.925 F1=0.943, in batches of 10 P=0.921 R=0.945
// F1=0.933; the syndicated copy folded, the template copy not. The
// errors: the four roundups of one outlet ("Left-leaning … The centrist
// … The right-leaning …") on four events form one story of their own
// (whole stream) or join the earliest event's story (batches of 10); in
// batches of 10, whose first batch starts the document frequencies from
// nothing, the two football results written from one wire template and
// their reports form one story, and one Storm Idris report is split off.
// Weighing each outlet's house template down in its articles (see
// Config.TemplateShare) took the whole stream to P=0.979 R=0.980
// F1=0.980 and batches of 10 to P=0.961 R=0.982 F1=0.971: three of the
// four roundups join their events; the one on the rail bill still joins
// the roundup on a resignation of the same day, through the outlet names
// both cite (names are not discounted). Keeping apart clusters that
// share almost no names (Config.NameGate, from the second blind stream)
// then took batches of 10 to P=1.000 R=0.982 F1=0.991: the two football
// results stay apart; the whole stream did not move. The floors sit a
// little below the earlier figures.
func TestDevBlindStream(t *testing.T) {
	recs := readBlind(t)
	byTitle := make(map[string]string, len(recs))
	for _, r := range recs {
		byTitle[r.Title] = r.ID
	}
	for _, tt := range []struct {
		batch int
		floor float64
	}{{len(recs), 0.97}, {10, 0.96}} {
		t.Run(fmt.Sprintf("batches of %d", tt.batch), func(t *testing.T) {
			pred, dupOf := runBlind(t, "blind", recs, tt.batch, tt.floor)
			// The syndicated copy, with its own headline, is folded
			// into the wire text; the same wire template filled in for
			// another match is not.
			syndicated := byTitle["Gunman kills two at Eastgate depot, police hunt grey van"]
			wire := byTitle["Two killed in shooting at Tollmere bus depot"]
			if got := dupOf[syndicated]; got != wire {
				t.Errorf("syndicated copy %s folded into %q, want %s", syndicated, got, wire)
			}
			tmpl := byTitle["Marrisford City beat Kestowe United 2-0"]
			if o, ok := dupOf[tmpl]; ok {
				t.Errorf("template copy %s with other names folded into %s as a near-copy", tmpl, o)
			}
			if pred[tmpl] == pred[byTitle["Brennick Rovers beat Alderfield Town 3-1"]] {
				t.Errorf("template copy %s put in the story of the match it was templated from", tmpl)
			}
		})
	}
}

// logErrors logs the gold stories split over predicted stories and the
// predicted stories that mix gold stories.
func logErrors(t *testing.T, recs []eval.Record, pred map[string]string) {
	t.Helper()
	goldTo := map[string]map[string]bool{}
	predTo := map[string]map[string]bool{}
	for _, r := range recs {
		if goldTo[r.Story] == nil {
			goldTo[r.Story] = map[string]bool{}
		}
		goldTo[r.Story][pred[r.ID]] = true
		if predTo[pred[r.ID]] == nil {
			predTo[pred[r.ID]] = map[string]bool{}
		}
		predTo[pred[r.ID]][r.Story] = true
	}
	for _, r := range recs {
		if len(goldTo[r.Story]) > 1 || len(predTo[pred[r.ID]]) > 1 {
			t.Logf("  %s story=%s pred=%s %q", r.ID, r.Story, pred[r.ID], r.Title)
		}
	}
}
