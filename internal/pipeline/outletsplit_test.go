package pipeline_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/parallax-news/parallax/internal/pipeline"
)

// TestSplitIngestKeepsOutletTemplates ingests a hand-written stream whose
// outlets repeat their house templates (the cluster package's blind
// stream) in one run, and in runs of one batch each: the later runs
// must weigh the outlets' templates as the single run does (the outlets'
// recent articles are saved with the state), so every article ends in the
// same story.
func TestSplitIngestKeepsOutletTemplates(t *testing.T) {
	b, err := os.ReadFile("../cluster/testdata/blind-stream.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	lines := bytes.SplitAfter(bytes.TrimSpace(b), []byte("\n"))
	if len(lines) < 60 {
		t.Fatalf("%d lines in the stream", len(lines))
	}
	dir := t.TempDir()
	opts := pipeline.Options{BatchSize: 10, Checkpoint: 10}
	whole := filepath.Join(dir, "whole.db")
	all := filepath.Join(dir, "all.jsonl")
	if err := os.WriteFile(all, bytes.Join(lines, nil), 0o644); err != nil {
		t.Fatal(err)
	}
	ingestUpTo(t, whole, opts, -1, all)
	want, _, _ := assignments(t, whole)
	split := filepath.Join(dir, "split.db")
	for upTo := 10; upTo < len(lines)+10; upTo += 10 {
		upTo := min(upTo, len(lines))
		part := filepath.Join(dir, "part.jsonl")
		if err := os.WriteFile(part, bytes.Join(lines[:upTo], nil), 0o644); err != nil {
			t.Fatal(err)
		}
		ingestUpTo(t, split, opts, -1, part)
	}
	got, _, _ := assignments(t, split)
	if len(got) != len(want) {
		t.Fatalf("%d articles stored in runs, %d in one", len(got), len(want))
	}
	if d := differ(want, got); len(d) > 0 {
		t.Errorf("%d articles in another story when ingested in runs, first %s", len(d), d[0])
	}
}
