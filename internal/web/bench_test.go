package web_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/api"
	"github.com/parallax-news/parallax/internal/storage/sqlite"
	"github.com/parallax-news/parallax/internal/ui"
	"github.com/parallax-news/parallax/internal/web"
)

// benchServer serves the store named by PARALLAX_SERVE_BENCH_DB (e.g. the
// one `parallax bench --articles 100000 --keep` leaves) over real TCP.
func benchServer(b *testing.B) *httptest.Server {
	b.Helper()
	db := os.Getenv("PARALLAX_SERVE_BENCH_DB")
	if db == "" {
		b.Skip("set PARALLAX_SERVE_BENCH_DB to a store (e.g. from parallax bench --keep) to measure the server")
	}
	st, err := sqlite.OpenWith(context.Background(), db, sqlite.Options{ReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	d := api.NewData(st, nil)
	srv := httptest.NewServer(web.Handler(web.Config{Addr: "127.0.0.1:0"}, ui.New(d, nil), api.New(d, nil)))
	b.Cleanup(srv.Close)
	return srv
}

// fetch GETs a URL and returns the status and the body's size.
func fetch(b *testing.B, c *http.Client, u string) (int, int) {
	resp, err := c.Get(u)
	if err != nil {
		b.Fatal(err)
	}
	n, _ := io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return resp.StatusCode, int(n)
}

// storyIDs returns the ids of the first page of stories of at least two
// articles.
func storyIDs(b *testing.B, srv *httptest.Server) []int64 {
	resp, err := http.Get(srv.URL + "/api/v1/stories?min_articles=2&limit=200")
	if err != nil {
		b.Fatal(err)
	}
	defer resp.Body.Close()
	var l api.List[api.Story]
	if err := json.NewDecoder(resp.Body).Decode(&l); err != nil || len(l.Items) == 0 {
		b.Fatalf("stories: %v", err)
	}
	var ids []int64
	for _, s := range l.Items {
		ids = append(ids, s.ID)
	}
	return ids
}

// latency fetches one URL per iteration, one at a time, and reports the
// 95th percentile and the largest page.
func latency(b *testing.B, urls func(i int) string) {
	c := &http.Client{}
	var ds []time.Duration
	biggest := 0
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		t := time.Now()
		status, n := fetch(b, c, urls(i))
		ds = append(ds, time.Since(t))
		if status != http.StatusOK {
			b.Fatalf("%s: status %d", urls(i), status)
		}
		biggest = max(biggest, n)
	}
	slices.Sort(ds)
	b.ReportMetric(float64(ds[len(ds)*95/100].Microseconds())/1000, "p95-ms")
	b.ReportMetric(float64(biggest)/1024, "max-KB")
}

// BenchmarkStoriesPage measures the stories page, with and without
// filters.
func BenchmarkStoriesPage(b *testing.B) {
	srv := benchServer(b)
	pages := []string{"/stories", "/stories?min_outlets=3", "/stories?from=2024-03-01&to=2024-03-31"}
	latency(b, func(i int) string { return srv.URL + pages[i%len(pages)] })
}

// BenchmarkStoriesByEntity measures the stories page filtered by one of
// the 50 most mentioned entities, by id (largest first) and by name
// (latest first), cycling: the most mentioned are the costliest filters.
func BenchmarkStoriesByEntity(b *testing.B) {
	srv := benchServer(b)
	resp, err := http.Get(srv.URL + "/api/v1/entities?limit=50")
	if err != nil {
		b.Fatal(err)
	}
	var l api.List[api.Entity]
	err = json.NewDecoder(resp.Body).Decode(&l)
	resp.Body.Close()
	if err != nil || len(l.Items) == 0 {
		b.Fatalf("entities: %v", err)
	}
	latency(b, func(i int) string {
		e := l.Items[(i/2)%len(l.Items)]
		if i%2 == 0 {
			return fmt.Sprintf("%s/stories?entity=%d", srv.URL, e.ID)
		}
		return srv.URL + "/stories?order=latest&entity=" + url.QueryEscape(e.Canonical)
	})
}

// BenchmarkStoryPage measures story pages (each story compared once, then
// served from the cache while it stays the same: the loop cycles through
// 200 stories, so the first pass measures the comparisons).
func BenchmarkStoryPage(b *testing.B) {
	srv := benchServer(b)
	ids := storyIDs(b, srv)
	latency(b, func(i int) string { return fmt.Sprintf("%s/stories/%d", srv.URL, ids[i%len(ids)]) })
}

// BenchmarkAPIMixed measures the API's throughput under mixed reads (lists,
// stories, a story's articles, searches) from eight concurrent clients.
func BenchmarkAPIMixed(b *testing.B) {
	srv := benchServer(b)
	ids := storyIDs(b, srv)
	paths := []string{"/api/v1/stories?limit=50", "/api/v1/entities?limit=50", "/api/v1/quotes?limit=50",
		"/api/v1/claims?limit=50", "/api/v1/threads?limit=20", "/api/v1/articles?limit=50"}
	for _, id := range ids[:min(len(ids), 20)] {
		paths = append(paths, fmt.Sprintf("/api/v1/stories/%d", id), fmt.Sprintf("/api/v1/articles?story=%d", id))
	}
	for _, w := range searchWords(b, srv)[:4] {
		paths = append(paths, "/api/v1/search?limit=20&q="+url.QueryEscape(w))
	}
	var next atomic.Int64
	var failed atomic.Int64
	b.SetParallelism(4) // 4×GOMAXPROCS clients
	t := time.Now()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		c := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 4}}
		for pb.Next() {
			i := next.Add(1)
			if status, _ := fetch(b, c, srv.URL+paths[int(i)%len(paths)]); status != http.StatusOK {
				failed.Add(1)
			}
		}
	})
	b.ReportMetric(float64(b.N)/time.Since(t).Seconds(), "req/s")
	if failed.Load() > 0 {
		b.Errorf("%d of %d requests failed", failed.Load(), b.N)
	}
}

// BenchmarkSearch measures search answers (page and API) for words of
// several frequencies: the first words of story headlines, so that they
// occur in the store, cycling.
func BenchmarkSearch(b *testing.B) {
	srv := benchServer(b)
	words := searchWords(b, srv)
	latency(b, func(i int) string {
		w := words[i%len(words)]
		if i%2 == 0 {
			return srv.URL + "/search?q=" + url.QueryEscape(w)
		}
		return srv.URL + "/api/v1/search?kind=quotes&q=" + url.QueryEscape(w)
	})
}

// BenchmarkOutletPages measures the outlet list and the outlet pages.
func BenchmarkOutletPages(b *testing.B) {
	srv := benchServer(b)
	resp, err := http.Get(srv.URL + "/outlets?format=jsonl")
	if err != nil {
		b.Fatal(err)
	}
	var outlets []string
	dec := json.NewDecoder(resp.Body)
	for {
		var o struct{ Outlet string }
		if dec.Decode(&o) != nil {
			break
		}
		outlets = append(outlets, o.Outlet)
	}
	resp.Body.Close()
	if len(outlets) == 0 {
		b.Fatal("no outlets")
	}
	latency(b, func(i int) string {
		if i%4 == 0 {
			return srv.URL + "/outlets"
		}
		return srv.URL + "/outlet?name=" + url.QueryEscape(outlets[i%len(outlets)])
	})
}

// searchWords returns single words and two-word queries from the
// headlines of the largest stories.
func searchWords(b *testing.B, srv *httptest.Server) []string {
	resp, err := http.Get(srv.URL + "/api/v1/stories?limit=100")
	if err != nil {
		b.Fatal(err)
	}
	defer resp.Body.Close()
	var l api.List[api.Story]
	if err := json.NewDecoder(resp.Body).Decode(&l); err != nil {
		b.Fatal(err)
	}
	var out []string
	for _, s := range l.Items {
		f := strings.Fields(s.Headline)
		if len(f) >= 3 {
			out = append(out, f[len(f)-1], f[0]+" "+f[2])
		}
	}
	if len(out) == 0 {
		b.Fatal("no headline words")
	}
	return out
}
