package pipeline_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/parallax-news/parallax/internal/eval"
	"github.com/parallax-news/parallax/internal/model"
	"github.com/parallax-news/parallax/internal/pipeline"
	"github.com/parallax-news/parallax/internal/storage"
	"github.com/parallax-news/parallax/internal/synth"
)

// TestSavePointsDoNotDecide ingests one corpus with the state saved at
// other points (checkpoints of other lengths), and in runs of a few
// batches each, every run loading the state the one before saved: the
// stories must be the same as those of one run, since a run resumed
// after an interruption saves and loads at other points than one that
// was not.
func TestSavePointsDoNotDecide(t *testing.T) {
	if testing.Short() {
		t.Skip("ingests a corpus three times")
	}
	dir := t.TempDir()
	cfg := synth.DefaultConfig()
	cfg.Articles, cfg.SpanMonths = 2500, 2
	const batch, run = 150, 600
	var parts [][]byte
	n := 0
	if err := synth.Generate(cfg, func(a synth.Article) error {
		if n%run == 0 {
			parts = append(parts, nil)
		}
		n++
		parts[len(parts)-1] = synth.AppendJSONL(parts[len(parts)-1], &a)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	var files []string
	var all []byte
	for i, b := range parts {
		files = append(files, filepath.Join(dir, fmt.Sprintf("part%d.jsonl", i)))
		if err := os.WriteFile(files[i], b, 0o644); err != nil {
			t.Fatal(err)
		}
		all = append(all, b...)
	}
	corpus := filepath.Join(dir, "corpus.jsonl")
	if err := os.WriteFile(corpus, all, 0o644); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	// stories ingests each list of inputs in a run of its own.
	stories := func(checkpoint int, runs ...[]string) map[string]string {
		st := openStore(t)
		for _, in := range runs {
			p, err := pipeline.Open(ctx, st, pipeline.Options{BatchSize: batch, Checkpoint: checkpoint})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := p.Ingest(ctx, in); err != nil {
				t.Fatal(err)
			}
		}
		out := map[string]string{}
		if err := st.Articles(ctx, storage.ArticleFilter{}, func(a *model.Article) error {
			out[a.ExternalID] = strconv.FormatInt(a.StoryID, 10)
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		return out
	}
	want := stories(run, []string{corpus})
	var runs [][]string
	for _, f := range files {
		runs = append(runs, []string{f})
	}
	for _, c := range []struct {
		name string
		got  map[string]string
	}{
		// Saves as close as they may be: every third batch.
		{"checkpoints of one batch", stories(batch, []string{corpus})},
		{"a run every four batches", stories(run, runs...)},
	} {
		if s := eval.BCubed(want, c.got); s.F1 != 1 {
			t.Errorf("%s: stories BCubed F1 %.5f against one run", c.name, s.F1)
		}
	}
}
