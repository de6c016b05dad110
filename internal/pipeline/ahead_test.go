package pipeline_test

import (
	"context"
	"encoding/json"
	"log/slog"
	"os"
	"path/filepath"
	"reflect"
	"sync"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/analyze"
	"github.com/parallax-news/parallax/internal/model"
	"github.com/parallax-news/parallax/internal/pipeline"
	"github.com/parallax-news/parallax/internal/source"
	"github.com/parallax-news/parallax/internal/storage"
	"github.com/parallax-news/parallax/internal/synth"
)

// mixedCorpus writes n synthetic articles to dir, every other one as an
// HTML page and the rest as one JSONL file, and returns the paths.
func mixedCorpus(t *testing.T, n int) []string {
	t.Helper()
	dir := t.TempDir()
	cfg := synth.DefaultConfig()
	cfg.Articles = n
	jl, err := os.Create(filepath.Join(dir, "rest.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer jl.Close()
	i := 0
	err = synth.Generate(cfg, func(a synth.Article) error {
		i++
		if i%2 == 0 {
			return os.WriteFile(filepath.Join(dir, a.ID+".html"), synth.HTML(a), 0o644)
		}
		return json.NewEncoder(jl).Encode(map[string]string{"id": a.ID, "title": a.Title, "text": a.Text,
			"url": a.URL, "outlet": a.Outlet, "published": a.Published.Format(time.RFC3339)})
	})
	if err != nil {
		t.Fatal(err)
	}
	return []string{dir}
}

// aheadMap is an Ahead over prepared items, counting what a run took.
type aheadMap struct {
	mu              sync.Mutex
	ext             map[[2]string]pipeline.Prepared
	an              map[string]model.Analysis
	tookExt, tookAn int
	taken           map[[2]string]bool
}

func (m *aheadMap) Extracted(id, hash string) (pipeline.Prepared, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	pr, ok := m.ext[[2]string{id, hash}]
	if ok && !m.taken[[2]string{id, hash}] {
		m.taken[[2]string{id, hash}] = true
		m.tookExt++
	}
	return pr, ok
}

func (m *aheadMap) Analysis(text string) (model.Analysis, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	an, ok := m.an[text]
	if ok {
		m.tookAn++
	}
	return an, ok
}

// dump returns every stored article with its analysis and raw page.
func dump(t *testing.T, st storage.Store) []any {
	t.Helper()
	var out []any
	var ids []int64
	if err := st.Analyses(context.Background(), storage.ArticleFilter{}, func(a *model.Article, an *model.Analysis) error {
		out = append(out, *a, *an)
		ids = append(ids, a.ID)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if err := st.(storage.RawReader).RawPages(context.Background(), ids, func(r *storage.RawPage) error {
		out = append(out, *r)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestAheadSameResult checks that a run taking extraction and analysis
// made ahead (as the workers of a shared store make them) stores exactly
// what a run computing everything itself stores.
func TestAheadSameResult(t *testing.T) {
	ctx := context.Background()
	paths := mixedCorpus(t, 80)
	plain := openStore(t)
	ingest(t, plain, paths...)

	an := analyze.New()
	m := &aheadMap{ext: map[[2]string]pipeline.Prepared{}, an: map[string]model.Analysis{}, taken: map[[2]string]bool{}}
	files, errs := source.Files(paths)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	html := 0
	rd := &source.Reader{}
	if err := rd.ReadFiles(ctx, files, func(it source.Item) error {
		pr := pipeline.PrepareAhead(ctx, it, an)
		if pr.HTML {
			html++
			m.ext[[2]string{pr.ExternalID, pr.Hash}] = pr
		}
		if pr.Analysed {
			m.an[pr.Text] = pr.Analysis
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	ahead := openStore(t)
	p, err := pipeline.Open(ctx, ahead, pipeline.Options{Analyzer: an, BatchSize: 7, Ahead: m})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.Ingest(ctx, paths); err != nil {
		t.Fatal(err)
	}
	if html != 40 || m.tookExt != html {
		t.Errorf("%d HTML pages, %d extractions taken from ahead, want 40 and 40", html, m.tookExt)
	}
	if m.tookAn < html {
		t.Errorf("%d analyses taken from ahead, want at least the %d of the HTML pages", m.tookAn, html)
	}
	t.Logf("ahead: %d extractions, %d analyses taken", m.tookExt, m.tookAn)
	got, want := dump(t, ahead), dump(t, plain)
	if len(want) != 200 {
		t.Fatalf("plain run stored %d records, want 80 articles, their analyses and 40 raw pages", len(want))
	}
	if len(got) != len(want) {
		t.Fatalf("%d records stored, want %d", len(got), len(want))
	}
	for i := range want {
		if !reflect.DeepEqual(got[i], want[i]) {
			t.Fatalf("record %d differs:\n got %+v\nwant %+v", i, got[i], want[i])
		}
	}
	if g, w := groups(t, ahead, byStory), groups(t, plain, byStory); !reflect.DeepEqual(g, w) {
		t.Errorf("stories differ:\n got %v\nwant %v", g, w)
	}
}

// releasingAhead is an aheadMap that lets go of what a run is done with.
type releasingAhead struct {
	aheadMap
	released map[[2]string]int
}

func (m *releasingAhead) Release(id, hash string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.released[[2]string{id, hash}]++
	delete(m.ext, [2]string{id, hash})
}

// countBatches is a slog handler counting the pipeline's committed batches.
type countBatches struct {
	mu *sync.Mutex
	n  *int
}

func (h countBatches) Enabled(context.Context, slog.Level) bool { return true }
func (h countBatches) Handle(_ context.Context, r slog.Record) error {
	if r.Message == "batch" {
		h.mu.Lock()
		*h.n++
		h.mu.Unlock()
	}
	return nil
}
func (h countBatches) WithAttrs([]slog.Attr) slog.Handler { return h }
func (h countBatches) WithGroup(string) slog.Handler      { return h }

// TestAheadWithoutBodies gives a run HTML pages without their bodies, as
// extracted ahead by an AheadReleaser: it checks that the batches are
// bounded by the bytes the extractions hold (BatchBytes), that every item
// is released once its batch is prepared (a repeated one too), and that
// the run stores what a run given the bodies stores.
func TestAheadWithoutBodies(t *testing.T) {
	ctx := context.Background()
	cfg := synth.DefaultConfig()
	cfg.Articles = 24
	var items []source.Item
	if err := synth.Generate(cfg, func(a synth.Article) error {
		var it source.Item
		it.Body, it.HTML = string(synth.HTML(a)), true
		it.Article.ExternalID, it.Article.URL, it.Article.Source = a.URL, a.URL, a.ID
		items = append(items, it)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	items = append(items, items[3]) // met earlier in the run: left out
	plain := openStore(t)
	runWith(t, plain, pipeline.Options{}, items)

	m := &releasingAhead{aheadMap: aheadMap{ext: map[[2]string]pipeline.Prepared{}, taken: map[[2]string]bool{}}, released: map[[2]string]int{}}
	bare := make([]source.Item, len(items))
	held := 0
	for i, it := range items {
		pr := pipeline.PrepareAhead(ctx, it, nil)
		if pr.Article == nil {
			t.Fatalf("page %d not extracted: %s", i, pr.Err)
		}
		m.ext[[2]string{pr.ExternalID, pr.Hash}] = pr
		if i < 24 {
			held += len(pr.Raw) + len(pr.Article.Text)
		}
		it.Body, it.Article.Hash = "", pr.Hash
		bare[i] = it
	}
	var mu sync.Mutex
	batches := 0
	ahead := openStore(t)
	// Batches end past a quarter of what the 24 pages hold: 4 or 5 of them.
	runWith(t, ahead, pipeline.Options{Ahead: m, BatchBytes: held / 4, Logger: slog.New(countBatches{&mu, &batches})}, bare)
	if batches < 4 || batches > 5 {
		t.Errorf("%d batches, want 4 or 5 (BatchBytes a quarter of what the pages hold)", batches)
	}
	if len(m.ext) != 0 {
		t.Errorf("%d extractions not released", len(m.ext))
	}
	for i, it := range bare[:24] {
		if n := m.released[[2]string{it.Article.ExternalID, it.Article.Hash}]; n != 1+boolInt(i == 3) {
			t.Errorf("page %d released %d times", i, n)
		}
	}
	got, want := dump(t, ahead), dump(t, plain)
	if len(want) != 72 {
		t.Fatalf("plain run stored %d records, want 24 articles, their analyses and raw pages", len(want))
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("the run without bodies stored other records than the run with them")
	}
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
