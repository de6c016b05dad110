package cli

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/collect/fetcher"
	"github.com/parallax-news/parallax/internal/model"
	"github.com/parallax-news/parallax/internal/pipeline"
	"github.com/parallax-news/parallax/internal/source"
	"github.com/parallax-news/parallax/internal/storage"
	"github.com/parallax-news/parallax/internal/storage/sqlite"
)

// TestPageExtractor fetches pages with and without extracting them as they
// arrive (pageExtractor): both runs must store the same articles and raw
// pages, the extractor must hold nothing once the run is over, and a page
// of a stored article is left to the run unextracted.
func TestPageExtractor(t *testing.T) {
	ctx := context.Background()
	pages := benchPages(t, 30)
	s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p, ok := pages[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, p)
	}))
	defer s.Close()
	var urls []string
	for path := range pages {
		urls = append(urls, s.URL+path)
	}
	urls = append(urls, urls[0], urls[5]) // fetched twice: left out the second time

	fetchInto := func(st storage.Store, ex *pageExtractor) pipeline.Report {
		t.Helper()
		// Batches of 7 pages in both runs: near-copies and stories are
		// found batch by batch.
		opts := pipeline.Options{Analyzer: newAnalyzer(), BatchSize: 7, BatchBytes: 64 << 20}
		if ex != nil {
			opts = ex.options(opts)
		}
		p, err := pipeline.Open(ctx, st, opts)
		if err != nil {
			t.Fatal(err)
		}
		f := fetcher.New(fetcher.Options{AllowPrivate: true, MinDelay: -1})
		defer f.Close()
		rep, err := p.Run(ctx, func(yield func(source.Item) error) error {
			// One worker: the pages arrive in the same order in both runs.
			return fetchPages(ctx, f, urls, 1, ex, nil, yield, func(e *source.Error) { t.Error(e) })
		}, nil)
		if err != nil {
			t.Fatal(err)
		}
		return rep
	}
	dumpStore := func(st storage.Store) []any {
		t.Helper()
		var out []any
		var ids []int64
		// The fetch times differ between the runs.
		if err := st.Analyses(ctx, storage.ArticleFilter{}, func(a *model.Article, an *model.Analysis) error {
			delete(a.Meta, "fetched")
			out = append(out, *a, *an)
			ids = append(ids, a.ID)
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		if err := st.(storage.RawReader).RawPages(ctx, ids, func(r *storage.RawPage) error {
			r.Fetched = time.Time{}
			out = append(out, *r)
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		return out
	}
	open := func(name string) *sqlite.Store {
		st, err := sqlite.OpenWith(ctx, filepath.Join(t.TempDir(), name), sqlite.Options{CacheBytes: fetchCacheBytes})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		return st
	}

	plain, ahead := open("plain.db"), open("ahead.db")
	fetchInto(plain, nil)
	ex := newPageExtractor(ahead)
	rep := fetchInto(ahead, ex)
	if rep.Added != 30 {
		t.Errorf("%d articles added, want 30", rep.Added)
	}
	if n := ex.heldPages(); n != 0 {
		t.Errorf("%d extracted pages held after the run", n)
	}
	got, want := dumpStore(ahead), dumpStore(plain)
	if len(want) != 90 {
		t.Fatalf("the plain run stored %d records, want 30 articles, their analyses and raw pages", len(want))
	}
	for i := range want {
		if !reflect.DeepEqual(got[i], want[i]) {
			t.Fatalf("record %d differs:\n got %+v\nwant %+v", i, got[i], want[i])
		}
	}

	it := source.Item{Body: pages["/"+lastPath(urls[0])], HTML: true}
	it.Article.ExternalID = urls[0]
	ex.prepare(ctx, &it)
	if it.Body == "" || ex.heldPages() != 0 {
		t.Errorf("the page of a stored article was extracted ahead")
	}
	rep = fetchInto(ahead, ex)
	if rep.Added != 0 || rep.Known != 32 || ex.heldPages() != 0 {
		t.Errorf("fetched again: %d added, %d known, %d held; want 0, 32, 0", rep.Added, rep.Known, ex.heldPages())
	}
}

// lastPath returns the part of u after its last slash.
func lastPath(u string) string {
	for i := len(u) - 1; i >= 0; i-- {
		if u[i] == '/' {
			return u[i+1:]
		}
	}
	return u
}
