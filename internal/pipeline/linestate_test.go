package pipeline

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/parallax-news/parallax/internal/storage"
	"github.com/parallax-news/parallax/internal/storage/sqlite"
)

// noFinish is a store whose commit of a run's finish (the one carrying
// threads) fails, as if the process died right before it.
type noFinish struct{ storage.Store }

var errDied = errors.New("died before the finish")

func (s noFinish) Commit(ctx context.Context, b *storage.Batch) error {
	if b.Threads != nil {
		return errDied
	}
	return s.Store.Commit(ctx, b)
}

// TestLineStatsSavedWithBatches: the line statistics a run learned from
// its committed batches are there for the next open, though the run never
// saved its state.
func TestLineStatsSavedWithBatches(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	// Teaser lines recur across a few documents each, so every batch
	// changes the counts.
	var b []byte
	for i := range 300 {
		text := fmt.Sprintf("Teaser number %d for readers\\nSee also item %d\\nThe council met on day %d to discuss the harbour plan, officials said.", i%37, i%53, i)
		b = fmt.Appendf(b, "{\"id\":\"d%d\",\"title\":\"Harbour plan %d\",\"text\":\"%s\"}\n", i, i, text)
	}
	corpus := filepath.Join(dir, "c.jsonl")
	if err := os.WriteFile(corpus, b, 0o644); err != nil {
		t.Fatal(err)
	}
	st, err := sqlite.Open(ctx, filepath.Join(dir, "s.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	p, err := Open(ctx, noFinish{st}, Options{BatchSize: 40})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.Ingest(ctx, []string{corpus}); !errors.Is(err, errDied) {
		t.Fatalf("run ended with %v, want the failed finish", err)
	}
	want, err := p.lines.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	if p.lines.Docs() != 300 {
		t.Fatalf("learned from %d documents, want 300", p.lines.Docs())
	}
	q, err := Open(ctx, st, Options{BatchSize: 40})
	if err != nil {
		t.Fatal(err)
	}
	got, err := q.lines.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("line statistics after reopening: %d documents, want %d", q.lines.Docs(), p.lines.Docs())
	}
}
