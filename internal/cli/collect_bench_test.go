package cli

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"html"
	"io"
	"log/slog"
	"maps"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/collect/fetcher"
	"github.com/parallax-news/parallax/internal/collect/sources"
	"github.com/parallax-news/parallax/internal/pipeline"
	"github.com/parallax-news/parallax/internal/source"
	"github.com/parallax-news/parallax/internal/storage/sqlite"
	"github.com/parallax-news/parallax/internal/synth"
)

// benchPages renders n synthetic articles as HTML pages with a site's
// navigation and footer around them.
func benchPages(b testing.TB, n int) map[string]string {
	b.Helper()
	cfg := synth.DefaultConfig()
	cfg.Articles = n
	pages := map[string]string{}
	err := synth.Generate(cfg, func(a synth.Article) error {
		var body strings.Builder
		for _, p := range strings.Split(a.Text, "\n") {
			if p = strings.TrimSpace(p); p != "" {
				fmt.Fprintf(&body, "<p>%s</p>\n", html.EscapeString(p))
			}
		}
		pages["/"+a.ID] = fmt.Sprintf(`<!DOCTYPE html><html lang="en"><head><title>%s | %s</title>
<meta property="og:site_name" content="%s"><meta property="article:published_time" content="%s"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>%s</h1>%s</article><footer>All rights reserved.</footer></body></html>`,
			html.EscapeString(a.Title), html.EscapeString(a.Outlet), html.EscapeString(a.Outlet),
			a.Published.Format("2006-01-02T15:04:05Z07:00"), html.EscapeString(a.Title), body.String())
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	return pages
}

// realPages returns the real web pages of the shared extraction
// evaluation (../shared/eval/extraction), by path; it skips without them.
func realPages(b testing.TB) map[string]string {
	b.Helper()
	files, _ := filepath.Glob("../../../shared/eval/extraction/pages/*.html.gz")
	if len(files) == 0 {
		b.Skip("../../../shared/eval/extraction/pages not present")
	}
	pages := map[string]string{}
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		zr, err := gzip.NewReader(bytes.NewReader(raw))
		if err != nil {
			b.Fatal(err)
		}
		page, err := io.ReadAll(zr)
		if err != nil {
			b.Fatal(err)
		}
		pages["/"+strings.TrimSuffix(filepath.Base(f), ".html.gz")] = string(page)
	}
	return pages
}

// BenchmarkFetchIngest measures `parallax fetch` end to end on a fake web
// of 20 hosts on 127.0.0.1 with per-host delays off: fetching, extraction,
// analysis, clustering and storing 1,000 synthetic article pages into a new
// SQLite store.
func BenchmarkFetchIngest(b *testing.B) {
	benchFetchIngest(b, benchPages(b, 1000), 1000)
}

// BenchmarkFetchIngestRealPages is BenchmarkFetchIngest on the 990 real
// pages of the shared extraction evaluation (news, blogs and other sites
// in many languages; 150 KB on average), served by the same fake web.
// PARALLAX_BENCH_PAGES=N fetches N pages instead, the real ones again
// under other URLs (their canonical links removed) past the 990th.
func BenchmarkFetchIngestRealPages(b *testing.B) {
	pages := realPages(b)
	n := len(pages)
	if v, err := strconv.Atoi(os.Getenv("PARALLAX_BENCH_PAGES")); err == nil && v > 0 {
		n = v
	}
	benchFetchIngest(b, pages, n)
}

// benchFetchIngest fetches n URLs of the pages (by path) from 20 hosts and
// ingests them; past len(pages), pages come again with ?copy=K. It
// reports pages/s, CPU time per page (the whole process: the fake web's
// share is small) and the peak resident memory, with what the process held
// before the run (the fake web's pages).
func benchFetchIngest(b *testing.B, pages map[string]string, n int) {
	handler := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p, ok := pages[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		if r.URL.RawQuery != "" {
			p = strings.ReplaceAll(p, `rel="canonical"`, `rel="x-canonical"`)
		}
		fmt.Fprint(w, p)
	})
	var hosts []string
	for range 20 {
		s := httptest.NewServer(handler)
		b.Cleanup(s.Close)
		hosts = append(hosts, s.URL)
	}
	paths := slices.Sorted(maps.Keys(pages))
	urls := make([]string, n)
	for i := range urls {
		urls[i] = hosts[i%len(hosts)] + paths[i%len(paths)]
		if k := i / len(paths); k > 0 {
			urls[i] += fmt.Sprintf("?copy=%d", k)
		}
	}
	ctx := context.Background()
	runtime.GC()
	before := rssMiB("VmRSS:")
	cpu0 := cpuTime()
	b.ResetTimer()
	for it := range b.N {
		st, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), fmt.Sprintf("b%d.db", it)))
		if err != nil {
			b.Fatal(err)
		}
		p, err := pipeline.Open(ctx, st, pipeline.Options{Logger: slog.New(slog.DiscardHandler), Analyzer: newAnalyzer()})
		if err != nil {
			b.Fatal(err)
		}
		f := fetcher.New(fetcher.Options{AllowPrivate: true, MinDelay: -1})
		rep, err := p.Run(ctx, func(yield func(source.Item) error) error {
			return fetchPages(ctx, f, urls, 20, nil, yield, func(e *source.Error) { b.Log(e) })
		}, nil)
		if err != nil || rep.Read < n*9/10 {
			b.Fatalf("read %d of %d: %v", rep.Read, n, err)
		}
		f.Close()
		st.Close()
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "pages/s")
	b.ReportMetric((cpuTime()-cpu0).Seconds()*1000/float64(n*b.N), "cpu-ms/page")
	b.ReportMetric(rssMiB("VmHWM:"), "peak-MB")
	b.ReportMetric(before, "before-MB")
}

// rssMiB reads a memory figure of this process from /proc (0 elsewhere).
func rssMiB(field string) float64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, field); ok {
			kb, _ := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 64)
			return kb / 1024
		}
	}
	return 0
}

// BenchmarkWatchPoll304 measures one watch poll of 10,000 feeds on 50
// hosts that all answer 304 Not Modified, with the default 8 workers and
// per-host delays off (the sources' schedules are updated as in watch).
func BenchmarkWatchPoll304(b *testing.B) {
	const feeds, nhosts = 10000, 50
	handler := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		if r.Header.Get("If-None-Match") == `"v1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"v1"`)
		fmt.Fprint(w, `<rss version="2.0"><channel><title>t</title></channel></rss>`)
	})
	var hosts []string
	for range nhosts {
		s := httptest.NewServer(handler)
		b.Cleanup(s.Close)
		hosts = append(hosts, s.URL)
	}
	var l sources.List
	for i := range feeds {
		l.Add(fmt.Sprintf("%s/feed/%d.xml", hosts[i%nhosts], i), sources.Feed, "", time.Now())
		l.Sources[i].ETag = `"v1"`
	}
	f := fetcher.New(fetcher.Options{AllowPrivate: true, MinDelay: -1})
	defer f.Close()
	b.ResetTimer()
	for range b.N {
		found := pollDue(context.Background(), f, l.Sources, 8)
		if len(found) != 0 {
			b.Fatalf("%d new items from unchanged feeds", len(found))
		}
	}
	b.ReportMetric(b.Elapsed().Seconds()/float64(b.N), "s/10k-feeds")
}

// BenchmarkWatchRound304 measures a whole `watch --once` round over 10,000
// feeds on 50 hosts that answer 304 Not Modified, as the command runs it
// on a SQLite store: the sources' list read, every feed polled with the
// default 8 workers (delays off), and the list with its new schedules
// saved. Each feed carries 100 item keys, as after some rounds.
func BenchmarkWatchRound304(b *testing.B) {
	const feeds, nhosts = 10000, 50
	handler := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		w.WriteHeader(http.StatusNotModified)
	})
	var hosts []string
	for range nhosts {
		s := httptest.NewServer(handler)
		b.Cleanup(s.Close)
		hosts = append(hosts, s.URL)
	}
	ctx := context.Background()
	db := filepath.Join(b.TempDir(), "w.db")
	st, err := sqlite.Open(ctx, db)
	if err != nil {
		b.Fatal(err)
	}
	var l sources.List
	for i := range feeds {
		l.Add(fmt.Sprintf("%s/feed/%d.xml", hosts[i%nhosts], i), sources.Feed, "", time.Now())
		s := l.Sources[i]
		s.ETag = `"v1"`
		for k := range 100 {
			s.MarkSeen(fmt.Sprintf("%s/feed/%d/item/%d", hosts[i%nhosts], i, k))
		}
	}
	if err := saveSources(ctx, st, &l); err != nil {
		b.Fatal(err)
	}
	st.Close()
	var out, errs bytes.Buffer
	b.ResetTimer()
	for range b.N {
		b.StopTimer()
		if code := Execute(ctx, []string{"sources", "retry", "--db", db}, &out, &errs); code != 0 {
			b.Fatal(errs.String())
		}
		errs.Reset()
		b.StartTimer()
		if code := Execute(ctx, []string{"watch", "--once", "--db", db, "--delay", "0", "--allow-private"}, &out, &errs); code != 0 || !strings.Contains(errs.String(), "polled 10000 sources: 0 new items") {
			b.Fatalf("watch --once: %d\n%s", code, errs.String())
		}
	}
	b.ReportMetric(b.Elapsed().Seconds()/float64(b.N), "s/round")
}
