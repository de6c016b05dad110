package pipeline_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/parallax-news/parallax/internal/pipeline"
	"github.com/parallax-news/parallax/internal/synth"
)

// TestOpenReadsRecentWindow ingests streams of one density over three and
// twelve months, saving the state every few batches, and checks that
// opening each store holds the recent window in memory (the active
// stories, the near-copy index of the last weeks), as much for the
// longer archive as for the shorter.
func TestOpenReadsRecentWindow(t *testing.T) {
	if testing.Short() {
		t.Skip("ingests two streams")
	}
	ctx := context.Background()
	type held struct{ stories, copies, total int }
	var got []held
	for _, months := range []int{3, 12} {
		dir := t.TempDir()
		corpus := filepath.Join(dir, "corpus.jsonl")
		cfg := synth.DefaultConfig()
		cfg.Articles, cfg.SpanMonths = 300*months, months
		var b []byte
		if err := synth.Generate(cfg, func(a synth.Article) error {
			b = synth.AppendJSONL(b, &a)
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(corpus, b, 0o644); err != nil {
			t.Fatal(err)
		}
		st := openStore(t)
		opts := pipeline.Options{BatchSize: 100, Checkpoint: 300}
		p, err := pipeline.Open(ctx, st, opts)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := p.Ingest(ctx, []string{corpus}); err != nil {
			t.Fatal(err)
		}
		running, _ := p.Memory()
		q, err := pipeline.Open(ctx, st, opts)
		if err != nil {
			t.Fatal(err)
		}
		stories, copies := q.Memory()
		c, err := st.Counts(ctx)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%d months, %d articles, %d stories: %d stories in memory after the run, %d after open; %d articles in the near-copy index",
			months, c.Articles, c.Stories, running, stories, copies)
		if stories != running {
			t.Errorf("%d months: %d stories in memory after open, %d at the end of the run", months, stories, running)
		}
		got = append(got, held{stories, copies, c.Stories})
	}
	short, long := got[0], got[1]
	// Buckets of 64 stories come back whole: allow one more.
	if long.stories > short.stories+64 || long.stories*3 > long.total {
		t.Errorf("stories in memory after open: %d of %d for three months, %d of %d for twelve", short.stories, short.total, long.stories, long.total)
	}
	if long.copies > short.copies+short.copies/2 || long.copies*4 > 300*12 {
		t.Errorf("near-copy index after open: %d articles for three months, %d for twelve", short.copies, long.copies)
	}
}
