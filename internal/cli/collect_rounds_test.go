package cli

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/collect/schedule"
	"github.com/parallax-news/parallax/internal/pipeline"
	"github.com/parallax-news/parallax/internal/storage/sqlite"
)

// TestWatchRoundsInOneProcess runs two watch rounds on one pipeline, as
// `watch` does between sleeps: the second round picks up an item the feed
// gained meanwhile and nothing else.
func TestWatchRoundsInOneProcess(t *testing.T) {
	pages := benchPages(t, 3)
	var paths []string
	for p := range pages {
		paths = append(paths, p)
	}
	var listed atomic.Int64
	listed.Store(2)
	s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/feed.xml" {
			var items strings.Builder
			for _, p := range paths[:listed.Load()] {
				fmt.Fprintf(&items, "<item><title>t</title><link>%s</link></item>", p)
			}
			fmt.Fprintf(w, `<rss version="2.0"><channel><title>One</title>%s</channel></rss>`, items.String())
			return
		}
		if page, ok := pages[r.URL.Path]; ok {
			w.Header().Set("Content-Type", "text/html")
			fmt.Fprint(w, page)
			return
		}
		http.NotFound(w, r)
	}))
	defer s.Close()
	db := filepath.Join(t.TempDir(), "rounds.db")
	if code, _, stderr := run(t, "sources", "add", "--db", db, "--delay", "0", "--allow-private", s.URL+"/feed.xml"); code != 0 {
		t.Fatal(stderr)
	}
	ctx := context.Background()
	var errb bytes.Buffer
	a := &app{ctx: ctx, stdout: &bytes.Buffer{}, stderr: &errb, log: slog.New(slog.DiscardHandler)}
	st, err := sqlite.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ex := newPageExtractor(st)
	p, err := pipeline.Open(ctx, st, ex.options(pipeline.Options{Logger: a.log, Analyzer: newAnalyzer()}))
	if err != nil {
		t.Fatal(err)
	}
	ff := fetchFlags{allowPrivate: true, delay: 0, workers: 2, timeout: 10 * time.Second, maxBody: 1 << 20}
	f := ff.fetcher()
	defer f.Close()
	for round, want := range []string{"1 sources: 2 new items, 2 added", "1 sources: 1 new items, 1 added"} {
		if round == 1 {
			listed.Store(3)
			l, err := loadSources(ctx, st)
			if err != nil {
				t.Fatal(err)
			}
			l.Sources[0].Schedule = schedule.Policy{}.Retry(l.Sources[0].Schedule, time.Now())
			if err := saveSources(ctx, st, l); err != nil {
				t.Fatal(err)
			}
		}
		errb.Reset()
		if _, err := a.watchRound(st, p, ex, f, &ff, nil); err != nil {
			t.Fatalf("round %d: %v", round+1, err)
		}
		if n := ex.heldPages(); n != 0 {
			t.Errorf("round %d: %d extracted pages still held after the run", round+1, n)
		}
		if !strings.Contains(errb.String(), want) {
			t.Errorf("round %d: %q, want %q", round+1, errb.String(), want)
		}
	}
	c, err := st.Counts(ctx)
	if err != nil || c.Articles != 3 {
		t.Errorf("%d articles stored (%v), want 3", c.Articles, err)
	}
}

// TestWatchFollowsSitemapIndex polls a sitemap index: the pages of its
// child news sitemap are fetched.
func TestWatchFollowsSitemapIndex(t *testing.T) {
	pages := benchPages(t, 2)
	var paths []string
	for p := range pages {
		paths = append(paths, p)
	}
	s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		base := "http://" + r.Host
		switch r.URL.Path {
		case "/sitemap-index.xml":
			fmt.Fprintf(w, `<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>%s/news-1.xml</loc></sitemap><sitemap><loc>%s/missing.xml</loc></sitemap></sitemapindex>`, base, base)
		case "/news-1.xml":
			fmt.Fprintf(w, `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>%s%s</loc></url><url><loc>%s%s</loc></url></urlset>`, base, paths[0], base, paths[1])
		default:
			if page, ok := pages[r.URL.Path]; ok {
				w.Header().Set("Content-Type", "text/html")
				fmt.Fprint(w, page)
				return
			}
			http.NotFound(w, r)
		}
	}))
	defer s.Close()
	db := filepath.Join(t.TempDir(), "index.db")
	net := []string{"--db", db, "--delay", "0", "--allow-private"}
	if code, _, stderr := run(t, append([]string{"sources", "add", s.URL + "/sitemap-index.xml"}, net...)...); code != 0 {
		t.Fatal(stderr)
	}
	code, _, stderr := run(t, append([]string{"watch", "--once"}, net...)...)
	if code != 0 || !strings.Contains(stderr, "polled 1 sources: 2 new items, 2 added") {
		t.Errorf("code %d\n%s", code, stderr)
	}
}
