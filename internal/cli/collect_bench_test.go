package cli

import (
	"context"
	"fmt"
	"html"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
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

// BenchmarkFetchIngest measures `parallax fetch` end to end on a fake web
// of 20 hosts on 127.0.0.1 with per-host delays off: fetching, extraction,
// analysis, clustering and storing 1,000 pages into a new SQLite store.
func BenchmarkFetchIngest(b *testing.B) {
	const n = 1000
	pages := benchPages(b, n)
	handler := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p, ok := pages[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, p)
	})
	var hosts []string
	for range 20 {
		s := httptest.NewServer(handler)
		b.Cleanup(s.Close)
		hosts = append(hosts, s.URL)
	}
	var urls []string
	i := 0
	for path := range pages {
		urls = append(urls, hosts[i%len(hosts)]+path)
		i++
	}
	ctx := context.Background()
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
			return fetchPages(ctx, f, urls, 20, nil, yield, func(e *source.Error) { b.Error(e) })
		}, nil)
		if err != nil || rep.Read != n {
			b.Fatalf("read %d of %d: %v", rep.Read, n, err)
		}
		f.Close()
		st.Close()
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "pages/s")
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
