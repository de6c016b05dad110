package cluster

import (
	"fmt"
	"testing"
)

// blind2Path is a second hand-written stream (testdata/blind-stream2.jsonl),
// written and committed before anything was run on it: 92 invented
// articles on 36 events over five days, in the order they arrive (some
// publication times a few hours out of order), by nine invented outlets in
// different house styles (wire, broadsheet, tabloid, two regionals,
// translated state media, a partisan site, a business wire, a live blog)
// and three articles without an outlet. Events of one kind share a day
// (two earthquakes and two strikes written from one wire template each,
// three court verdicts, two company results from one template), a coach
// crash and the inquiry report four days later are two stories of one
// thread (field "thread"), one minister appears at a summit and in an
// expenses row two days apart, follow-ups re-summarize earlier events,
// and two wire texts are syndicated under new headlines. Its gold is in
// the field "story", which clustering never reads.
const blind2Path = "testdata/blind-stream2.jsonl"

// TestDevBlindStream2 scores the second blind stream as one batch and in
// batches of 10. First run, before any change: the whole stream as one
// batch BCubed P=0.851 R=0.986 F1=0.913, in batches of 10 P=0.679
// R=0.984 F1=0.804; both syndicated copies folded, no template copy
// folded. Recall is near perfect; the errors are merges.
//
// As one batch: the two earthquakes (the wire template, and a tabloid's
// "second quake in a day" citing both) form one story; so do the two
// company results from one template; the fraud and the murder verdicts of
// one day; the Moravian election and the summit that cites it; and the
// state media's congratulation on that election (split from it), the dam
// opening and the president-elect's visit, which share their heads of
// state. The first merges are pairs of two articles, which no cohesion
// test holds apart (see minCohesive), and the pairs then join.
//
// In batches of 10 a story also takes single later articles that share
// its names or places at a mean similarity just above the threshold, and
// a story that mixes events weighs little in the cohesion test, so it
// keeps growing: the summit and election group takes the minister's
// expenses row two days later; the hospitals' cyber attack takes the
// nurses' strike at the same hospitals; the flood takes the by-election's
// polling-day report (a polling station moved by the flood); the mine
// collapse takes the coal plant closure; the climber rescue takes the
// escaped tapir; the airport drones take the crash inquiry report. Warming
// the document frequencies first with ECB+ dev (its articles dated months
// before) does not help (0.893 and 0.747): these are not effects of a
// cold start.
//
// Tried and dropped, as each lowered another development set: NameShare
// 0.2 and 0.3 (0.936 / 0.802 and 0.936 / 0.832; the first blind stream
// and DenseShort drop), Threshold 0.07 (0.923 / 0.868; the first blind
// stream in batches, ECB+ dev and its leads drop), Cohesion1 0.3 (no
// change) and 0.4 (0.928 / 0.804; the first blind stream and DenseMonth
// drop), and the cohesion test applied to clusters of two (0.954 / 0.870
// with the pair's similarity as its cohesion, 0.928 / 0.836 with half of
// it; ECB+ dev, DenseShort and YearsApart drop by up to 0.03).
//
// Kept: two clusters of two or more articles each that share almost no
// names stay apart (Config.NameGate), which took the whole stream to
// P=0.898 R=0.986 F1=0.940 and batches of 10 to P=0.727 R=0.984
// F1=0.836: the two results and the two verdicts stay apart as one batch.
// Left: the earthquakes (the Pelland wire report joins the Iskaria pair
// as a single article, which the gate does not test), the election with
// the summit and the state visits with the dam (they do share names),
// and in batches of 10 the stories that grow by single articles.
//
// Testing a single new article that joins an earlier story of two or
// more articles by the same name gate took batches of 10 to P=0.749
// R=0.984 F1=0.850 (the whole stream did not move): the coal plant
// closure no longer joins the mine collapse. The other single joins
// share names with their stories (the minister, the hospitals, the
// region) and pass the gate. Tried and dropped: the gate for a single
// article joining any cluster of two, new or earlier (0.962 / 0.885,
// but the first blind stream in batches of 10 drops from 0.991 to
// 0.971), and a gate 1.25 or 1.5 times higher for single joins (0.846
// and 0.852 in batches of 10, with recall lost; the first blind stream
// drops to 0.982 at 1.5).
//
// Holding a new pair joining an earlier story to the cohesion test
// (Config.PairCohesion and PairCohesion1, from the third blind stream)
// took batches of 10 to P=0.763 R=0.984 F1=0.860: a pair no longer
// joins an earlier story of one article on another event far below its
// own similarity. The floors sit a little below the figures.
func TestDevBlindStream2(t *testing.T) {
	recs := readBlindFile(t, blind2Path)
	byTitle := make(map[string]string, len(recs))
	for _, r := range recs {
		byTitle[r.Title] = r.ID
	}
	syndicated := []struct{ copy, wire string }{
		{"Tolbrook coach crash: six dead, 19 hurt", "Six killed as coach overturns on A41 near Tolbrook"},
		{"Passengers evacuated as fire breaks out on Saltmere ferry", "Fire on Ostmark ferry forces evacuation of 312 passengers"},
	}
	templated := []string{
		"Magnitude 5.8 earthquake strikes southern Pelland, at least 4 dead",
		"Nurses strike at Fennick Valley hospitals",
		"Brightwater Telecom Q4 net profit falls 8% on network costs; 600 jobs to go",
	}
	const (
		crashTitle   = "Six killed as coach overturns on A41 near Tolbrook"
		inquiryTitle = "Driver in Tolbrook coach crash had been on duty for 15 hours, inquiry finds"
	)
	need := []string{crashTitle, inquiryTitle}
	need = append(need, templated...)
	for _, sc := range syndicated {
		need = append(need, sc.copy, sc.wire)
	}
	for _, title := range need {
		if byTitle[title] == "" {
			t.Fatalf("no article titled %q", title)
		}
	}
	crash, inquiry := byTitle[crashTitle], byTitle[inquiryTitle]
	for _, tt := range []struct {
		batch int
		floor float64
	}{{len(recs), 0.93}, {10, 0.85}} {
		t.Run(fmt.Sprintf("batches of %d", tt.batch), func(t *testing.T) {
			pred, dupOf := runBlind(t, "blind2", recs, tt.batch, tt.floor)
			// A syndicated copy under its own headline is folded into
			// the wire text; a wire template filled in for another
			// event is not.
			for _, sc := range syndicated {
				if got, want := dupOf[byTitle[sc.copy]], byTitle[sc.wire]; got != want {
					t.Errorf("syndicated copy %s folded into %q, want %s", byTitle[sc.copy], got, want)
				}
			}
			for _, title := range templated {
				if o, ok := dupOf[byTitle[title]]; ok {
					t.Errorf("template copy %s with other names folded into %s as a near-copy", byTitle[title], o)
				}
			}
			// The inquiry report four days after the crash is a story
			// of its own.
			if pred[inquiry] == pred[crash] {
				t.Errorf("inquiry report %s put in the story of the crash %s", inquiry, crash)
			}
		})
	}
}
