package pipeline_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/parallax-news/parallax/internal/pipeline"
	"github.com/parallax-news/parallax/internal/source"
	"github.com/parallax-news/parallax/internal/storage"
	"github.com/parallax-news/parallax/internal/storage/sqlite"
	"github.com/parallax-news/parallax/internal/synth"
)

// errStopped ends the input of a run stopped on purpose.
var errStopped = errors.New("stopped")

// failingStore fails every commit after the first ok ones, as a process
// killed after them would leave its store.
type failingStore struct {
	storage.Store
	ok int
}

func (s *failingStore) Commit(ctx context.Context, b *storage.Batch) error {
	if s.ok == 0 {
		return errStopped
	}
	s.ok--
	return s.Store.Commit(ctx, b)
}

// ingestUpTo ingests the files into the store at path with opts. With n
// >= 0 the input stops after its first n articles and the run ends
// there, without its finish: the store is left as by a run killed right
// after it committed the batches those articles filled.
func ingestUpTo(t *testing.T, path string, opts pipeline.Options, n int, files ...string) {
	t.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	p, err := pipeline.Open(ctx, st, opts)
	if err != nil {
		t.Fatal(err)
	}
	list, _ := source.Files(files)
	rd := &source.Reader{}
	read := 0
	_, err = p.Run(ctx, func(fn func(source.Item) error) error {
		return rd.ReadFiles(ctx, list, func(it source.Item) error {
			if read == n {
				return errStopped
			}
			read++
			return fn(it)
		})
	}, nil)
	if stopped := errors.Is(err, errStopped); n >= 0 && !stopped || n < 0 && err != nil {
		t.Fatalf("run of %d articles: %v", n, err)
	}
}

// TestStoppedRunResumesExactly stops a run right after one of its
// batches, as a kill between two commits does, then runs again over the
// whole input: every article must end in the same story and thread as in
// a run that was not stopped. Before the stopped run, a first part of
// the input leaves a saved state and threads (as in TestResumeAfterKills).
// The stops fall before the run's first checkpoint, at one, between two
// and late in the run; one stopped run saves its state only at the end,
// and the next open, replaying its batches with checkpoints, is stopped
// after two of them.
func TestStoppedRunResumesExactly(t *testing.T) {
	if testing.Short() {
		t.Skip("ingests a corpus a dozen times")
	}
	dir := t.TempDir()
	cfg := synth.DefaultConfig()
	cfg.Articles, cfg.SpanMonths = 2500, 2
	lines := corpusLines(t, cfg)
	corpus, part := filepath.Join(dir, "corpus.jsonl"), filepath.Join(dir, "part.jsonl")
	for path, lines := range map[string][][]byte{corpus: lines, part: lines[:160]} {
		if err := os.WriteFile(path, bytes.Join(lines, nil), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	const batch = 150
	opts := pipeline.Options{BatchSize: batch, Checkpoint: 4 * batch}
	clean := filepath.Join(dir, "clean.db")
	ingestUpTo(t, clean, opts, -1, part)
	ingestUpTo(t, clean, opts, -1, corpus)
	gs, gt, _ := assignments(t, clean)
	for _, c := range []struct {
		name    string
		batches int // batches committed before the stop
		// checkpoint of the stopped run (0: opts'); replayStop, when
		// set, stops the next open after that many of its commits,
		// replaying with checkpoints every two batches and another
		// batch size, and the open after it replays the rest.
		checkpoint, replayStop int
	}{
		{name: "before the first checkpoint", batches: 3},
		{name: "at a checkpoint", batches: 4},
		{name: "between checkpoints", batches: 7},
		{name: "late", batches: 12},
		{name: "late, after a checkpoint", batches: 14},
		{name: "replay stopped after its second checkpoint", batches: 10, checkpoint: -1, replayStop: 2},
	} {
		t.Run(c.name, func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "stopped.db")
			ingestUpTo(t, db, opts, -1, part)
			stopped := opts
			if c.checkpoint != 0 {
				stopped.Checkpoint = c.checkpoint
			}
			ingestUpTo(t, db, stopped, c.batches*batch, corpus)
			if c.replayStop > 0 {
				ctx := context.Background()
				st, err := sqlite.Open(ctx, db)
				if err != nil {
					t.Fatal(err)
				}
				// Batches of another size: the replay must keep to
				// those committed.
				replay := opts
				replay.Checkpoint, replay.BatchSize = 2*batch, batch*2/3
				_, err = pipeline.Open(ctx, &failingStore{Store: st, ok: c.replayStop}, replay)
				if !errors.Is(err, errStopped) {
					t.Fatalf("open stopped after %d commits: %v", c.replayStop, err)
				}
				// The next open replays the rest.
				_, err = pipeline.Open(ctx, st, replay)
				st.Close()
				if err != nil {
					t.Fatal(err)
				}
			}
			ingestUpTo(t, db, opts, -1, corpus)
			ps, pt, _ := assignments(t, db)
			if len(ps) != len(gs) {
				t.Fatalf("%d articles stored, want %d", len(ps), len(gs))
			}
			if d := differ(gs, ps); len(d) > 0 {
				t.Errorf("%d articles in another story than without the stop, first %s", len(d), d[0])
			}
			if d := differ(gt, pt); len(d) > 0 {
				t.Errorf("%d articles in another thread than without the stop, first %s", len(d), d[0])
			}
		})
	}
}

// differ lists, sorted, the articles whose value (story, thread or text)
// in got is not the one in want, with both values.
func differ(want, got map[string]string) []string {
	var out []string
	for id, w := range want {
		if got[id] != w {
			out = append(out, fmt.Sprintf("%s (%s, want %s)", id, got[id], w))
		}
	}
	slices.Sort(out)
	return out
}
