package pipeline_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/parallax-news/parallax/internal/model"
	"github.com/parallax-news/parallax/internal/pipeline"
	"github.com/parallax-news/parallax/internal/source"
	"github.com/parallax-news/parallax/internal/storage"
	"github.com/parallax-news/parallax/internal/storage/sqlite"
	"github.com/parallax-news/parallax/internal/synth"
)

// heldStore holds every commit until its gate is closed, telling entered
// each time one starts.
type heldStore struct {
	storage.Store
	entered chan struct{}
	gate    chan struct{}
}

func (s *heldStore) Commit(ctx context.Context, b *storage.Batch) error {
	s.entered <- struct{}{}
	<-s.gate
	return s.Store.Commit(ctx, b)
}

// TestPendingCountsBatchesOnTheirWay hands batches to a run whose commits
// are held and checks that Pending counts each of them until the run is
// through, and none after.
func TestPendingCountsBatchesOnTheirWay(t *testing.T) {
	const batch = 2
	cfg := synth.DefaultConfig()
	cfg.Articles = 3 * batch
	var items []source.Item
	if err := synth.Generate(cfg, func(a synth.Article) error {
		items = append(items, source.Item{Article: model.Article{ExternalID: a.ID, Title: a.Title, URL: a.URL,
			Outlet: a.Outlet, Published: a.Published, Source: "corpus:" + a.ID}, Body: a.Text})
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	for _, held := range []int{1, 2, 3} {
		ctx := context.Background()
		base, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "p.db"))
		if err != nil {
			t.Fatal(err)
		}
		st := &heldStore{Store: base, entered: make(chan struct{}, 3), gate: make(chan struct{})}
		p, err := pipeline.Open(ctx, st, pipeline.Options{BatchSize: batch})
		if err != nil {
			t.Fatal(err)
		}
		if got := p.Pending(); got != 0 {
			t.Errorf("held %d: before the run, Pending = %d, want 0", held, got)
		}
		var during int
		rep, err := p.RunFlushing(ctx, func(yield func(source.Item) error, flush func() error) error {
			for _, it := range items[:held*batch] {
				if err := yield(it); err != nil {
					return err
				}
			}
			// The first batch reached the commit; the others wait
			// in the stages before it, each holding one.
			<-st.entered
			during = p.Pending()
			close(st.gate)
			return nil
		}, nil)
		base.Close()
		if err != nil {
			t.Fatalf("held %d: %v", held, err)
		}
		if during != held {
			t.Errorf("held %d: with the first commit held, Pending = %d, want %d", held, during, held)
		}
		if got := p.Pending(); got != 0 {
			t.Errorf("held %d: after the run, Pending = %d, want 0", held, got)
		}
		if rep.Added != held*batch {
			t.Errorf("held %d: %d articles added, want %d", held, rep.Added, held*batch)
		}
	}
}
