package pipeline_test

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/cluster"
	"github.com/parallax-news/parallax/internal/eval"
	"github.com/parallax-news/parallax/internal/pipeline"
	"github.com/parallax-news/parallax/internal/storage"
	"github.com/parallax-news/parallax/internal/storage/sqlite"
	"github.com/parallax-news/parallax/internal/synth"
)

// TestIncrementalThreads ingests a corpus in one run, and in a large run
// followed by small ones, whose finishes link only the stories they
// changed (the number of stories grows too little for a full
// computation). The threads must agree with those computed in full.
//
// The later runs write the shards of the thread index they change as
// deltas against the stored bases: the same runs into a store whose
// shards are rewritten whole (a ThreadDeltaShare of 0, as before deltas)
// must give the same stories and threads, ids included.
func TestIncrementalThreads(t *testing.T) {
	if testing.Short() {
		t.Skip("ingests a corpus several times")
	}
	ctx := context.Background()
	dir := t.TempDir()
	cfg := synth.DefaultConfig()
	cfg.Articles, cfg.SpanMonths = 2400, 3
	lines := corpusLines(t, cfg)
	write := func(name string, lines [][]byte) string {
		var b []byte
		for _, l := range lines {
			b = append(b, l...)
		}
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	rewrite := cluster.DefaultConfig()
	rewrite.ThreadDeltaShare = 0
	ingestWith := func(cfg cluster.Config, db string, in ...string) {
		t.Helper()
		st, err := sqlite.Open(ctx, db)
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		for _, path := range in {
			// A new pipeline for each run, as a new process would open.
			p, err := pipeline.Open(ctx, st, pipeline.Options{BatchSize: 150, Cluster: cfg})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := p.Ingest(ctx, []string{path}); err != nil {
				t.Fatal(err)
			}
		}
	}
	ingest := func(db string, in ...string) {
		t.Helper()
		ingestWith(cluster.DefaultConfig(), db, in...)
	}
	// rows counts the state rows under prefix.
	rows := func(db, prefix string) int {
		t.Helper()
		st, err := sqlite.Open(ctx, db)
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		n := 0
		if err := st.ReadStates(ctx, prefix, func(string, []byte) error { n++; return nil }); err != nil {
			t.Fatal(err)
		}
		return n
	}
	full := func(db string) string {
		t.Helper()
		st, err := sqlite.Open(ctx, db)
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		b, err := storage.LoadState(ctx, st, "cluster.threadsfull2")
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	one, split := filepath.Join(dir, "one.db"), filepath.Join(dir, "split.db")
	ingest(one, write("all.jsonl", lines))
	first := 2000
	ingest(split, write("first.jsonl", lines[:first]))
	at := full(split)
	var later []string
	for i := first; i < len(lines); i += 100 {
		later = append(later, write(fmt.Sprintf("later%d.jsonl", i), lines[i:i+100]))
	}
	ingest(split, later...)
	if got := full(split); got != at || at == "" {
		t.Fatalf("stories at the last full thread computation: %q after the first run, %q after the later ones; want the later runs incremental", at, got)
	}
	whole := filepath.Join(dir, "whole.db")
	ingestWith(rewrite, whole, append([]string{filepath.Join(dir, "first.jsonl")}, later...)...)
	deltas, bases := rows(split, "cluster.threadsdelta/"), rows(split, "cluster.threads/")
	t.Logf("thread index after the later runs: %d bases, %d deltas; rewritten whole: %d bases, %d deltas",
		bases, deltas, rows(whole, "cluster.threads/"), rows(whole, "cluster.threadsdelta/"))
	if deltas == 0 || rows(whole, "cluster.threadsdelta/") != 0 {
		t.Errorf("%d deltas stored, want some; %d with shards rewritten whole, want none", deltas, rows(whole, "cluster.threadsdelta/"))
	}
	gs, gt, _ := assignments(t, one)
	ps, pt, _ := assignments(t, split)
	ws, wt, _ := assignments(t, whole)
	if !maps.Equal(ps, ws) || !maps.Equal(pt, wt) {
		diff := 0
		for id, th := range wt {
			if pt[id] != th {
				diff++
			}
		}
		t.Errorf("stories or threads differ with deltas and with shards rewritten whole (%d of %d articles' threads)", diff, len(wt))
	}
	// The later runs' articles must be threaded, or this tests nothing.
	threaded := 0
	for _, l := range lines[first:] {
		var a struct{ ID string }
		if err := json.Unmarshal(l, &a); err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(pt[a.ID], "alone-") {
			threaded++
		}
	}
	t.Logf("%d of the %d later articles in a thread", threaded, len(lines)-first)
	if threaded < (len(lines)-first)/10 {
		t.Errorf("%d of the %d later articles in a thread, want some", threaded, len(lines)-first)
	}
	s, th := eval.BCubed(gs, ps), eval.BCubed(gt, pt)
	t.Logf("split against one run: stories BCubed F1 %.5f, threads %.5f", s.F1, th.F1)
	if th.F1 < 0.98 {
		t.Errorf("threads BCubed F1 %.5f against one run, want >= 0.98", th.F1)
	}
}

// TestThreadIndexUpgrade: a store whose thread index is of the earlier
// layout (8,192 shards, its full-computation mark under the earlier
// name) has its threads computed in full by the next run, which removes
// the earlier mark and every shard of the earlier layout, instead of
// linking through shards it would misread.
func TestThreadIndexUpgrade(t *testing.T) {
	if testing.Short() {
		t.Skip("ingests a corpus twice")
	}
	ctx := context.Background()
	dir := t.TempDir()
	cfg := synth.DefaultConfig()
	cfg.Articles, cfg.SpanMonths = 700, 2
	var first, later []byte
	n := 0
	if err := synth.Generate(cfg, func(a synth.Article) error {
		if n++; n <= 600 {
			first = synth.AppendJSONL(first, &a)
		} else {
			later = synth.AppendJSONL(later, &a)
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "store.db")
	st, err := sqlite.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ingest := func(name string, data []byte) {
		t.Helper()
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		p, err := pipeline.Open(ctx, st, pipeline.Options{BatchSize: 150})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := p.Ingest(ctx, []string{path}); err != nil {
			t.Fatal(err)
		}
	}
	ingest("first.jsonl", first)
	mark, err := storage.LoadState(ctx, st, "cluster.threadsfull2")
	if err != nil || len(mark) == 0 {
		t.Fatalf("full-computation mark after the first run: %q, %v", mark, err)
	}
	// The earlier layout: its mark's name, and a shard of its format.
	old := []byte("PXT1\x00")
	if err := st.Commit(ctx, &storage.Batch{
		ClearState: []string{"cluster.threadsfull2"},
		State: map[string][]byte{
			"cluster.threadsfull":          mark,
			"cluster.threads/000000009000": old,
		},
	}); err != nil {
		t.Fatal(err)
	}
	ingest("later.jsonl", later)
	for name, want := range map[string]bool{"cluster.threadsfull": false, "cluster.threadsfull2": true} {
		b, err := storage.LoadState(ctx, st, name)
		if err != nil {
			t.Fatal(err)
		}
		if (b != nil) != want {
			t.Errorf("state %s after the upgrading run: %q, want present %v", name, b, want)
		}
	}
	shards := 0
	if err := st.ReadStates(ctx, "cluster.threads/", func(name string, b []byte) error {
		if !strings.HasPrefix(string(b), "PXT3") {
			t.Errorf("shard %s not of the current layout", name)
		}
		shards++
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if shards == 0 {
		t.Error("no shard of the thread index after the upgrading run")
	}
}
