package postgres_test

import (
	"context"
	"fmt"
	"maps"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/analyze"
	"github.com/parallax-news/parallax/internal/model"
	"github.com/parallax-news/parallax/internal/pipeline"
	"github.com/parallax-news/parallax/internal/source"
	"github.com/parallax-news/parallax/internal/storage"
	"github.com/parallax-news/parallax/internal/storage/postgres"
	"github.com/parallax-news/parallax/internal/storage/postgres/pgtest"
	"github.com/parallax-news/parallax/internal/synth"
)

// maxRoundTrips bounds the round trips of the ordered steps of one batch
// of 25 HTML pages with analysis, after the first: what the pipeline reads
// for the batch and its commit, on every connection of the store
// (statements, batches of statements, COPYs). The pings the pool sends to
// connections idle for a second and the preparations of statements new
// to a connection depend on timing and on the connection the pool hands
// out: they are counted but not bounded. Real pages (see roundTripPages)
// find more entities, whose rows some batches send with COPY, and words
// the server reads for the search vectors: they are allowed more.
//
// Measured with the first 150 pages of eval/extraction, batches 2 to 6:
// 40–50 round trips a batch before the commit's statements were sent
// together, 17–23 after; on generated pages 38–39, then 13–14.
const (
	maxRoundTrips     = 20
	maxRoundTripsReal = 30
)

// notifyingStore tells of each batch committed.
type notifyingStore struct {
	storage.Store
	committed chan<- error
}

func (s notifyingStore) Commit(ctx context.Context, b *storage.Batch) error {
	err := s.Store.Commit(ctx, b)
	s.committed <- err
	return err
}

// roundTripPages returns n HTML pages: the first n of the directory
// PARALLAX_BENCH_HTML when set (as BenchmarkWorkers in internal/worker
// reads them; fromDir), else generated ones.
func roundTripPages(t *testing.T, n int) (items []source.Item, fromDir bool) {
	t.Helper()
	if dir := os.Getenv("PARALLAX_BENCH_HTML"); dir != "" {
		files, errs := source.Files([]string{dir})
		if len(errs) > 0 {
			t.Fatal(errs)
		}
		if err := (&source.Reader{}).ReadFiles(context.Background(), files[:min(n, len(files))], func(it source.Item) error {
			items = append(items, it)
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		return items, true
	}
	cfg := synth.DefaultConfig()
	cfg.Articles = n
	err := synth.Generate(cfg, func(a synth.Article) error {
		items = append(items, source.Item{Article: model.Article{ExternalID: a.ID, Source: "corpus:" + a.ID}, Body: string(synth.HTML(a)), HTML: true})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return items, false
}

// TestOrderedStepRoundTrips counts the round trips to the server of the
// ordered steps of each batch, as a worker's ordered step runs them: the
// batch prepared (its articles looked up, ids reserved), its near-copies
// and stories found, the read model brought up to date and the batch
// committed, batch after batch of one job's size. Each round trip waits
// for the server and, on a busy worker, for the scheduler, so their
// number bounds how fast the ordered step can go; a statement added per
// row or per article fails this test.
func TestOrderedStepRoundTrips(t *testing.T) {
	const batch, batches = 25, 6
	ctx := context.Background()
	rt := &postgres.RoundTrips{}
	s, err := postgres.OpenCounted(ctx, pgtest.DSN(t), rt)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	committed := make(chan error, 1)
	p, err := pipeline.Open(ctx, notifyingStore{s, committed}, pipeline.Options{Analyzer: analyze.New(), BatchSize: batch})
	if err != nil {
		t.Fatal(err)
	}
	items, fromDir := roundTripPages(t, batch*batches)
	bound := maxRoundTrips
	if fromDir {
		bound = maxRoundTripsReal
	}
	var counts []int
	_, err = p.RunFlushing(ctx, func(yield func(source.Item) error, flush func() error) error {
		for start := 0; start < len(items); start += batch {
			rt.Start()
			for _, it := range items[start:min(start+batch, len(items))] {
				if err := yield(it); err != nil {
					return err
				}
			}
			if err := flush(); err != nil {
				return err
			}
			if err := <-committed; err != nil {
				return err
			}
			n, kinds, conns := rt.Stop()
			counts = append(counts, n-kinds["ping"]-kinds["prepare"])
			var ks []string
			for _, k := range slices.Sorted(maps.Keys(kinds)) {
				ks = append(ks, fmt.Sprintf("%s %d", k, kinds[k]))
			}
			t.Logf("batch %d: %d round trips (%d without pings and preparations) on %d connections: %s", len(counts), n, counts[len(counts)-1], len(conns), strings.Join(ks, ", "))
		}
		return nil
	}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(counts) != batches {
		t.Fatalf("%d batches committed, want %d", len(counts), batches)
	}
	// The first batch also prepares each statement on each connection.
	for i, n := range counts[1:] {
		if n > bound {
			t.Errorf("batch %d: %d round trips without pings and preparations, want at most %d", i+2, n, bound)
		}
	}
}
