package cli

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
)

// newsSite serves a robots.txt, two article pages (one reachable through a
// tracking link and an AMP copy naming the same canonical URL), a PDF and
// a disallowed page.
func newsSite(t *testing.T, hits *atomic.Int64) *httptest.Server {
	t.Helper()
	article := func(title, body, canonical string) string {
		return fmt.Sprintf(`<html><head><title>%s</title><link rel="canonical" href="%s"></head><body><article><h1>%s</h1>
<p>%s</p><p>Officials said more details would follow later in the week after a review.</p></article></body></html>`, title, canonical, title, body)
	}
	return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		switch r.URL.Path {
		case "/robots.txt":
			fmt.Fprint(w, "User-agent: *\nDisallow: /members/\n")
		case "/news/ferry", "/news/ferry/amp":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(w, article("Ferry service resumes after storm", "The island ferry resumed its crossings on Friday morning after two days of storm warnings.", "/news/ferry"))
		case "/news/market":
			w.Header().Set("Content-Type", "text/html")
			fmt.Fprint(w, article("Farmers market moves to the square", "The weekly farmers market will move to the town square from next month, organisers said.", "/news/market"))
		case "/files/report.pdf":
			w.Header().Set("Content-Type", "application/pdf")
			fmt.Fprint(w, "%PDF-1.4")
		default:
			http.NotFound(w, r)
		}
	}))
}

func TestFetchCommand(t *testing.T) {
	var hits atomic.Int64
	s := newsSite(t, &hits)
	defer s.Close()
	db := filepath.Join(t.TempDir(), "fetch.db")
	urls := []string{s.URL + "/news/ferry?utm_source=newsletter", s.URL + "/news/market", s.URL + "/news/ferry/amp",
		s.URL + "/files/report.pdf", s.URL + "/members/only", s.URL + "/missing"}

	code, _, stderr := run(t, append([]string{"fetch", "--db", db, "--delay", "0"}, urls...)...)
	if code != ExitFailure || !strings.Contains(stderr, "not public") || hits.Load() != 0 {
		t.Fatalf("without --allow-private: code %d, %d requests reached the loopback server\n%s", code, hits.Load(), stderr)
	}

	warcDir := filepath.Join(t.TempDir(), "warc")
	args := append([]string{"fetch", "--db", db, "--delay", "0", "--allow-private", "--contact", "https://example.org/ops", "--warc-dir", warcDir}, urls...)
	code, _, stderr = run(t, args...)
	if code != ExitFailure {
		t.Fatalf("code %d, want %d for the failed URLs\n%s", code, ExitFailure, stderr)
	}
	for _, want := range []string{"report.pdf: not an HTML page", "members/only", "robots.txt", "/missing", "HTTP 404", "2 added", "3 failed"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	code, out, _ := run(t, "export", "articles", "--db", db)
	if code != 0 {
		t.Fatal("export failed")
	}
	var got []string
	for _, a := range jsonLines(t, out) {
		got = append(got, fmt.Sprint(a["id"], " ", a["url"]))
	}
	slices.Sort(got) // pages arrive in completion order
	want := []string{s.URL + "/news/ferry " + s.URL + "/news/ferry", s.URL + "/news/market " + s.URL + "/news/market"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("articles %v, want %v (tracking and AMP variants folded)", got, want)
	}

	code, _, stderr = run(t, args[:len(args)-4]...) // the first two pages again
	if code != 0 || !strings.Contains(stderr, "0 added") {
		t.Errorf("second fetch: code %d\n%s", code, stderr)
	}

	// The archive holds every page fetched by the two runs (the PDF too);
	// read back, its five HTML pages are articles again.
	again := filepath.Join(t.TempDir(), "again.db")
	code, _, stderr = run(t, "ingest", "--db", again, warcDir)
	if code != 0 || !strings.Contains(stderr, "5 articles read") {
		t.Fatalf("ingest of the WARC folder: code %d\n%s", code, stderr)
	}
	_, out, _ = run(t, "export", "articles", "--db", again)
	var urlsBack []string
	for _, a := range jsonLines(t, out) {
		urlsBack = append(urlsBack, fmt.Sprint(a["url"]))
	}
	slices.Sort(urlsBack)
	if len(urlsBack) == 0 || !strings.Contains(strings.Join(urlsBack, " "), s.URL+"/news/market") {
		t.Errorf("articles from the WARC: %v", urlsBack)
	}
}
