package pipeline_test

import (
	"context"
	"encoding/json"
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
