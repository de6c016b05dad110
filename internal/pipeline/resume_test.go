package pipeline_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/eval"
	"github.com/parallax-news/parallax/internal/model"
	"github.com/parallax-news/parallax/internal/pipeline"
	"github.com/parallax-news/parallax/internal/storage"
	"github.com/parallax-news/parallax/internal/storage/sqlite"
	"github.com/parallax-news/parallax/internal/synth"
)

// resumeChild names the environment variables that make the test binary,
// re-executed, ingest a corpus into a store and exit.
const (
	resumeChildDB     = "PARALLAX_RESUME_DB"
	resumeChildCorpus = "PARALLAX_RESUME_CORPUS"
)

// resumeBatch is small so that a kill lands between many batches.
const resumeBatch = 150

// runResumeChild ingests the corpus named in the environment.
func runResumeChild() error {
	ctx := context.Background()
	st, err := sqlite.Open(ctx, os.Getenv(resumeChildDB))
	if err != nil {
		return err
	}
	defer st.Close()
	// Checkpoints every few batches: a kill lands between saves of the
	// state, each of which lets dormant stories leave memory.
	p, err := pipeline.Open(ctx, st, pipeline.Options{BatchSize: resumeBatch, Checkpoint: 4 * resumeBatch})
	if err != nil {
		return err
	}
	_, err = p.Ingest(ctx, []string{os.Getenv(resumeChildCorpus)})
	return err
}

// assignments returns each stored article's story, thread and cleaned
// text.
func assignments(t *testing.T, path string) (stories, threads, texts map[string]string) {
	t.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	thread := map[int64]int64{}
	list, _, err := st.Stories(ctx, storage.StoryFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range list {
		thread[s.ID] = s.ThreadID
	}
	stories, threads, texts = map[string]string{}, map[string]string{}, map[string]string{}
	err = st.Articles(ctx, storage.ArticleFilter{}, func(a *model.Article) error {
		texts[a.ExternalID] = a.Text
		stories[a.ExternalID] = strconv.FormatInt(a.StoryID, 10)
		if th := thread[a.StoryID]; th != 0 {
			threads[a.ExternalID] = strconv.FormatInt(th, 10)
		} else {
			threads[a.ExternalID] = "alone-" + stories[a.ExternalID]
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return stories, threads, texts
}

// TestResumeAfterKills ingests one corpus into two stores, in real
// processes, after a first part of it: once without interruption, and once
// killed (SIGKILL) twice at random moments and run again to the end. The
// stories and threads must agree. The first part leaves a saved state to
// load, and its size puts the first new articles in a partial batch.
func TestResumeAfterKills(t *testing.T) {
	if os.Getenv(resumeChildDB) != "" {
		if err := runResumeChild(); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	if testing.Short() {
		t.Skip("starts and kills processes")
	}
	dir := t.TempDir()
	corpus, part := filepath.Join(dir, "corpus.jsonl"), filepath.Join(dir, "part.jsonl")
	cfg := synth.DefaultConfig()
	cfg.Articles, cfg.SpanMonths = 2500, 2
	lines := corpusLines(t, cfg)
	write := func(path string, lines [][]byte) {
		var b []byte
		for _, l := range lines {
			b = append(b, l...)
		}
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(part, lines[:160])
	write(corpus, lines)
	child := func(db string, in ...string) *exec.Cmd {
		if len(in) == 0 {
			in = []string{corpus}
		}
		cmd := exec.Command(os.Args[0], "-test.run=^TestResumeAfterKills$")
		cmd.Env = append(os.Environ(), resumeChildDB+"="+db, resumeChildCorpus+"="+in[0])
		cmd.Stderr = os.Stderr
		return cmd
	}
	clean, killed := filepath.Join(dir, "clean.db"), filepath.Join(dir, "killed.db")
	for _, db := range []string{clean, killed} {
		if err := child(db, part).Run(); err != nil {
			t.Fatalf("first part: %v", err)
		}
	}
	t0 := time.Now()
	if err := child(clean).Run(); err != nil {
		t.Fatalf("uninterrupted run: %v", err)
	}
	full := time.Since(t0)

	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 1))
	for k := range 2 {
		cmd := child(killed)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// A moment inside the run: startup, a batch, or the finish.
		wait := time.Duration(float64(full) * (0.15 + 0.8*rng.Float64()))
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case err := <-done:
			t.Logf("kill %d: the run ended before %v (%v)", k+1, wait, err)
		case <-time.After(wait):
			if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
				t.Fatal(err)
			}
			<-done
			t.Logf("kill %d after %v", k+1, wait)
		}
	}
	if err := child(killed).Run(); err != nil {
		t.Fatalf("resumed run: %v", err)
	}
	gs, gt, gx := assignments(t, clean)
	ps, pt, px := assignments(t, killed)
	// The line statistics learned before a kill clean the articles after
	// it as they would have without one.
	if d := differ(gx, px); len(d) > 0 {
		t.Errorf("%d articles cleaned differently after the kills, first %.80s", len(d), d[0])
	}
	if len(gs) != cfg.Articles || len(ps) != cfg.Articles {
		t.Fatalf("stored %d and %d articles, want %d each", len(gs), len(ps), cfg.Articles)
	}
	s, th := eval.BCubed(gs, ps), eval.BCubed(gt, pt)
	t.Logf("resumed against uninterrupted: stories BCubed F1 %.5f, threads %.5f; %d and %d articles placed otherwise",
		s.F1, th.F1, len(differ(gs, ps)), len(differ(gt, pt)))
	// TestStoppedRunResumesExactly holds a stop between two batches to
	// the same stories and threads; a kill at a random moment is held to
	// 0.999.
	if s.F1 < 0.999 {
		t.Errorf("stories BCubed F1 %.5f against the uninterrupted run, want >= 0.999", s.F1)
	}
	if th.F1 < 0.999 {
		t.Errorf("threads BCubed F1 %.5f against the uninterrupted run, want >= 0.999", th.F1)
	}
}

// TestInterruptedFinishCompleted: a run interrupted after its last batch
// but before its finish leaves the threads behind; the next open computes
// them.
func TestInterruptedFinishCompleted(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	// Two budget standoffs on one subject, years apart: two stories, one
	// thread.
	corpus := filepath.Join(dir, "corpus.jsonl")
	var b []byte
	for i, year := range []int{2016, 2016, 2016, 2019, 2019, 2019} {
		text := fmt.Sprintf("Governor Elena Marchetti of Calvora signed the %d budget on Tuesday after a %d-day standoff with the Calvora State Assembly. "+
			"Marchetti said the budget protects schools, while Assembly Speaker Victor Oyelaran called it a missed chance to cut taxes.", year, 10+i)
		b = fmt.Appendf(b, "{\"id\":\"b%d\",\"title\":\"Marchetti signs Calvora budget after standoff\",\"text\":%q,\"published\":\"%d-06-1%dT09:00:00Z\"}\n", i, text, year, i%3)
	}
	if err := os.WriteFile(corpus, b, 0o644); err != nil {
		t.Fatal(err)
	}
	st := openStore(t)
	p, err := pipeline.Open(ctx, st, pipeline.Options{BatchSize: 100})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.Ingest(ctx, []string{corpus}); err != nil {
		t.Fatal(err)
	}
	threadsOf := func() map[int64]int64 {
		list, _, err := st.Stories(ctx, storage.StoryFilter{})
		if err != nil {
			t.Fatal(err)
		}
		m := map[int64]int64{}
		for _, s := range list {
			if s.ThreadID != 0 {
				m[s.ID] = s.ThreadID
			}
		}
		return m
	}
	want := threadsOf()
	if len(want) == 0 {
		t.Fatal("no threads to lose")
	}
	// What a kill before the finish leaves: no threads, and no record of
	// them for the state's position.
	undo := &storage.Batch{Threads: map[int64]int64{}, ClearState: []string{"pipeline.threads"}}
	for id := range want {
		undo.Threads[id] = 0
	}
	if err := st.Commit(ctx, undo); err != nil {
		t.Fatal(err)
	}
	if len(threadsOf()) != 0 {
		t.Fatal("threads not cleared")
	}
	if _, err := pipeline.Open(ctx, st, pipeline.Options{BatchSize: 100}); err != nil {
		t.Fatal(err)
	}
	got := threadsOf()
	if len(got) != len(want) {
		t.Fatalf("%d stories threaded after the next open, want %d", len(got), len(want))
	}
	for id, th := range want {
		if got[id] != th {
			t.Errorf("story %d in thread %d, want %d", id, got[id], th)
		}
	}
}

// corpusLines generates cfg's corpus as JSON lines, one an article.
func corpusLines(t *testing.T, cfg synth.Config) [][]byte {
	t.Helper()
	var lines [][]byte
	if err := synth.Generate(cfg, func(a synth.Article) error {
		lines = append(lines, synth.AppendJSONL(nil, &a))
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return lines
}
