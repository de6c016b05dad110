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
	"runtime/debug"
	"runtime/metrics"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/collect/fetcher"
	"github.com/parallax-news/parallax/internal/collect/sources"
	"github.com/parallax-news/parallax/internal/cputime"
	"github.com/parallax-news/parallax/internal/pipeline"
	"github.com/parallax-news/parallax/internal/source"
	"github.com/parallax-news/parallax/internal/storage/sqlite"
	"github.com/parallax-news/parallax/internal/synth"
	"modernc.org/libc"
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
// evaluation (../shared/eval/extraction), gzip-compressed as stored, by
// path; it skips without them.
func realPages(b testing.TB) map[string][]byte {
	b.Helper()
	files, _ := filepath.Glob("../../../shared/eval/extraction/pages/*.html.gz")
	if len(files) == 0 {
		b.Skip("../../../shared/eval/extraction/pages not present")
	}
	pages := map[string][]byte{}
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		pages["/"+strings.TrimSuffix(filepath.Base(f), ".html.gz")] = raw
	}
	return pages
}

// gzipPages compresses pages (by path) with gzip.
func gzipPages(b testing.TB, pages map[string]string) map[string][]byte {
	b.Helper()
	out := make(map[string][]byte, len(pages))
	for path, p := range pages {
		out[path] = gzipBytes(b, []byte(p))
	}
	return out
}

func gzipBytes(b testing.TB, p []byte) []byte {
	b.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	if _, err := zw.Write(p); err != nil {
		b.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		b.Fatal(err)
	}
	return buf.Bytes()
}

// BenchmarkFetchIngest measures `parallax fetch` end to end on a fake web
// of 20 hosts on 127.0.0.1 with per-host delays off: fetching, extraction,
// analysis, clustering and storing 1,000 synthetic article pages into a new
// SQLite store.
func BenchmarkFetchIngest(b *testing.B) {
	benchFetchIngest(b, gzipPages(b, benchPages(b, 1000)), 1000)
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

// benchFetchIngest fetches n URLs of the pages (by path, gzip-compressed:
// the fake web serves them from files with Content-Encoding: gzip, as most
// sites do, and holds no memory) from 20 hosts and ingests them; past
// len(pages), pages come again with ?copy=K, their canonical links
// removed. It reports pages/s, CPU time per page (the whole process: the
// fake web's share is small) and the peak resident memory, with what the
// process held before the run, and logs the
// resident memory (anonymous and file-backed) and the live heap ten times
// along the run; built with -tags memory.counters, it also logs what the
// pure-Go SQLite's allocator has mapped.
// The soft memory limit and GOGC are those of fetch and watch
// (--memory-limit, fetchGCPercent).
// PARALLAX_BENCH_HEAPPROFILE=FILE writes a heap profile half-way;
// PARALLAX_BENCH_BATCH_MB=N sets the pipeline's BatchBytes to N MB;
// PARALLAX_BENCH_CACHE_MB=N sets the store's page cache to N MB;
// PARALLAX_BENCH_REGISTRY=N sets the pipeline's RegistryCache;
// PARALLAX_BENCH_IN_BATCH=1 leaves the pages' extraction to the pipeline's
// batches instead of the fetching goroutines (see pageExtractor).
func benchFetchIngest(b *testing.B, pages map[string][]byte, n int) {
	// The fake web serves its pages from files, so that they weigh on
	// neither the heap nor the resident memory measured here (the kernel
	// sends them from its page cache): the process is a fetcher's alone.
	dir := b.TempDir()
	files := map[string]string{}
	copies := map[string]string{}
	write := func(name string, data []byte) string {
		f := filepath.Join(dir, name)
		if err := os.WriteFile(f, data, 0o600); err != nil {
			b.Fatal(err)
		}
		return f
	}
	for path, gz := range pages {
		name := strings.ReplaceAll(strings.TrimPrefix(path, "/"), "/", "_")
		files[path] = write(name+".gz", gz)
		zr, err := gzip.NewReader(bytes.NewReader(gz))
		if err != nil {
			b.Fatal(err)
		}
		page, err := io.ReadAll(zr)
		if err != nil {
			b.Fatal(err)
		}
		if bytes.Contains(page, []byte(`rel="canonical"`)) {
			copies[path] = write(name+".copy.gz", gzipBytes(b, bytes.ReplaceAll(page, []byte(`rel="canonical"`), []byte(`rel="x-canonical"`))))
		}
	}
	handler := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name, ok := files[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		if c, ok := copies[r.URL.Path]; ok && r.URL.RawQuery != "" {
			name = c
		}
		f, err := os.Open(name)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		defer f.Close()
		if fi, err := f.Stat(); err == nil {
			w.Header().Set("Content-Length", strconv.FormatInt(fi.Size(), 10))
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Content-Encoding", "gzip")
		io.Copy(w, f)
	})
	var hosts []string
	for range 20 {
		s := httptest.NewServer(handler)
		b.Cleanup(s.Close)
		hosts = append(hosts, s.URL)
	}
	paths := slices.Sorted(maps.Keys(pages))
	clear(pages) // on disk now
	urls := make([]string, n)
	for i := range urls {
		urls[i] = hosts[i%len(hosts)] + paths[i%len(paths)]
		if k := i / len(paths); k > 0 {
			urls[i] += fmt.Sprintf("?copy=%d", k)
		}
	}
	ctx := context.Background()
	if os.Getenv("GOMEMLIMIT") == "" { // as fetch and watch do
		defer debug.SetMemoryLimit(debug.SetMemoryLimit(defaultMemoryLimit))
		if os.Getenv("GOGC") == "" {
			defer debug.SetGCPercent(debug.SetGCPercent(fetchGCPercent))
		}
	}
	debug.FreeOSMemory()
	before := rssMiB("VmRSS:")
	cpu0 := cputime.Process()
	b.ResetTimer()
	for it := range b.N {
		cache := fetchCacheBytes // as fetch and watch open the store
		if mb, err := strconv.Atoi(os.Getenv("PARALLAX_BENCH_CACHE_MB")); err == nil {
			cache = mb << 20
		}
		st, err := sqlite.OpenWith(ctx, filepath.Join(b.TempDir(), fmt.Sprintf("b%d.db", it)), sqlite.Options{CacheBytes: cache})
		if err != nil {
			b.Fatal(err)
		}
		opts := pipeline.Options{Logger: slog.New(slog.DiscardHandler), Analyzer: newAnalyzer()}
		if mb, err := strconv.Atoi(os.Getenv("PARALLAX_BENCH_BATCH_MB")); err == nil {
			opts.BatchBytes = mb << 20
		}
		if n, err := strconv.Atoi(os.Getenv("PARALLAX_BENCH_REGISTRY")); err == nil {
			opts.RegistryCache = n
		}
		var ex *pageExtractor // as fetch and watch do
		if os.Getenv("PARALLAX_BENCH_IN_BATCH") == "" {
			ex = newPageExtractor(st)
			opts = ex.options(opts)
		}
		p, err := pipeline.Open(ctx, st, opts)
		if err != nil {
			b.Fatal(err)
		}
		f := fetcher.New(fetcher.Options{AllowPrivate: true, MinDelay: -1})
		read := 0
		rep, err := p.Run(ctx, func(yield func(source.Item) error) error {
			return fetchPages(ctx, f, urls, 20, ex, nil, func(item source.Item) error {
				read++
				if read%max(n/10, 1) == 0 {
					b.Logf("%d pages: RSS %.0f MB (Go %.0f MB; anonymous %.0f MB, files %.0f MB%s), live heap %.0f MB, CPU %.1f ms a page", read, rssMiB("VmRSS:"), goMemoryMiB(), rssMiB("RssAnon:"), rssMiB("RssFile:")+rssMiB("RssShmem:"), sqliteMemory(), liveHeapMiB(), (cputime.Process()-cpu0).Seconds()*1000/float64(read+it*n))
				}
				if read == n/2 && it == 0 {
					if path := os.Getenv("PARALLAX_BENCH_HEAPPROFILE"); path != "" {
						if err := writeHeapProfile(path); err != nil {
							b.Fatal(err)
						}
					}
				}
				return yield(item)
			}, func(e *source.Error) { b.Log(e) })
		}, nil)
		if err != nil || rep.Read < n*9/10 {
			b.Fatalf("read %d of %d: %v", rep.Read, n, err)
		}
		f.Close()
		st.Close()
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "pages/s")
	b.ReportMetric((cputime.Process()-cpu0).Seconds()*1000/float64(n*b.N), "cpu-ms/page")
	b.ReportMetric(rssMiB("VmHWM:"), "peak-MB")
	b.ReportMetric(before, "before-MB")
}

// sqliteMemory describes the memory the pure-Go SQLite's allocator has
// mapped, which only a binary built with the memory.counters tag counts
// ("" without it).
func sqliteMemory() string {
	st := libc.MemStat()
	if st.Mmaps == 0 {
		return ""
	}
	return fmt.Sprintf("; SQLite mapped %.0f MB", float64(st.Bytes)/(1<<20))
}

// liveHeapMiB returns the heap marked live by the last garbage collection.
func liveHeapMiB() float64 {
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	return float64(s[0].Value.Uint64()) / (1 << 20)
}

// goMemoryMiB returns the memory the Go runtime holds from the system and
// has not given back (the rest of the resident memory is SQLite's).
func goMemoryMiB() float64 {
	s := []metrics.Sample{{Name: "/memory/classes/total:bytes"}, {Name: "/memory/classes/heap/released:bytes"}}
	metrics.Read(s)
	return float64(s[0].Value.Uint64()-s[1].Value.Uint64()) / (1 << 20)
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
