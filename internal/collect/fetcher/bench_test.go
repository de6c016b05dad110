package fetcher

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
)

// fakeWeb starts hosts servers answering every path with handler.
func fakeWeb(b *testing.B, hosts int, handler http.Handler) []string {
	b.Helper()
	var urls []string
	for range hosts {
		s := httptest.NewServer(handler)
		b.Cleanup(s.Close)
		urls = append(urls, s.URL)
	}
	return urls
}

// fetchAll fetches n URLs spread over the hosts with workers goroutines,
// the way a crawl would: many hosts in parallel, one request at a time per
// host.
func fetchAll(b *testing.B, f *Fetcher, hosts []string, n, workers int, req func(host string, i int) Request) {
	b.Helper()
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				if _, err := f.Fetch(context.Background(), req(hosts[i%len(hosts)], i)); err != nil {
					b.Error(err)
				}
			}
		}()
	}
	for i := range n {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
}

// BenchmarkFetchPages measures polite fetching of 20 KB article pages
// from 20 hosts on 127.0.0.1 with per-host delays off (robots.txt is
// still fetched and obeyed).
func BenchmarkFetchPages(b *testing.B) {
	page := "<html><head><title>Page</title></head><body>" + strings.Repeat("<p>Paragraph of an article body.</p>\n", 550) + "</body></html>"
	hosts := fakeWeb(b, 20, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			fmt.Fprint(w, "User-agent: *\nDisallow: /private/\n")
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, page)
	}))
	f := New(testOptions())
	defer f.Close()
	b.ResetTimer()
	fetchAll(b, f, hosts, b.N, 20, func(host string, i int) Request {
		return Request{URL: fmt.Sprintf("%s/news/%d", host, i)}
	})
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "pages/s")
}

// BenchmarkPoll304 measures polling feeds that have not changed: each
// request carries the feed's ETag and gets 304 Not Modified.
func BenchmarkPoll304(b *testing.B) {
	hosts := fakeWeb(b, 50, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		if r.Header.Get("If-None-Match") == `"feed-v1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"feed-v1"`)
		fmt.Fprint(w, "<rss/>")
	}))
	f := New(testOptions())
	defer f.Close()
	b.ResetTimer()
	fetchAll(b, f, hosts, b.N, 50, func(host string, i int) Request {
		return Request{URL: fmt.Sprintf("%s/feeds/%d.xml", host, i%200), ETag: `"feed-v1"`}
	})
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "polls/s")
}
