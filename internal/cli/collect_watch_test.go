package cli

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/parallax-news/parallax/internal/storage/postgres/pgtest"
)

// fakeOutlet serves a home page naming its RSS feed, the feed (with an
// ETag), an Atom feed, a news sitemap and article pages, counting hits.
type fakeOutlet struct {
	*httptest.Server
	mu   sync.Mutex
	hits map[string]int
}

func (o *fakeOutlet) count(path string) int {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.hits[path]
}

func newFakeOutlet(t *testing.T) *fakeOutlet {
	o := &fakeOutlet{hits: map[string]int{}}
	page := func(title, body string) string {
		return fmt.Sprintf(`<html><head><title>%s</title></head><body><article><h1>%s</h1><p>%s</p>
<p>The statement was published on the council website on the same day.</p></article></body></html>`, title, title, body)
	}
	articles := map[string]string{
		"/a/tram":    page("Tram line extension approved", "The city council approved the extension of the tram line to the eastern suburbs on Tuesday."),
		"/a/museum":  page("Museum reopens its west wing", "The natural history museum reopened its west wing after a two-year renovation, staff said."),
		"/b/harbour": page("Harbour dredging starts in spring", "Dredging of the old harbour will begin in spring and last four months, the port authority said."),
		"/c/bridge":  page("Footbridge closed for inspection", "The footbridge over the canal is closed for a safety inspection until Friday, engineers said."),
	}
	o.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		o.mu.Lock()
		o.hits[r.URL.Path]++
		o.mu.Unlock()
		base := "http://" + r.Host
		switch r.URL.Path {
		case "/robots.txt":
			http.NotFound(w, r)
		case "/":
			fmt.Fprint(w, `<html><head><link rel="alternate" type="application/rss+xml" href="/feed.xml"></head><body>home</body></html>`)
		case "/feed.xml":
			if r.Header.Get("If-None-Match") == `"rss-1"` {
				w.WriteHeader(http.StatusNotModified)
				return
			}
			w.Header().Set("ETag", `"rss-1"`)
			w.Header().Set("Content-Type", "application/rss+xml")
			fmt.Fprint(w, `<rss version="2.0"><channel><title>City Desk</title>
<item><title>Tram line extension approved</title><link>/a/tram?utm_source=rss</link><pubDate>Tue, 05 May 2026 09:00:00 EST</pubDate></item>
<item><title>Museum reopens its west wing</title><link>/a/museum</link><pubDate>Mon, 04 May 2026 09:00:00 EST</pubDate></item>
</channel></rss>`)
		case "/atom":
			w.Header().Set("Content-Type", "application/atom+xml")
			fmt.Fprint(w, `<feed xmlns="http://www.w3.org/2005/Atom"><title>Port News</title>
<entry><title>Harbour dredging starts in spring</title><link href="`+base+`/b/harbour"/><id>p-1</id><updated>2026-05-05T10:00:00Z</updated></entry>
<entry><title>Tram line extension approved</title><link href="`+base+`/a/tram/"/><id>p-2</id><updated>2026-05-05T11:00:00Z</updated></entry>
</feed>`)
		case "/broken.xml":
			// A valid feed when added, an HTML error page afterwards.
			if o.count("/broken.xml") == 1 {
				fmt.Fprint(w, `<rss version="2.0"><channel><title>Flaky</title></channel></rss>`)
				return
			}
			fmt.Fprint(w, `<!DOCTYPE html><html><body>Maintenance</body></html>`)
		case "/sitemap-news.xml":
			fmt.Fprint(w, `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>`+base+`/c/bridge</loc><news:news><news:publication_date>2026-05-05T08:00:00Z</news:publication_date><news:title>Footbridge closed</news:title></news:news></url>
<url><loc>`+base+`/c/gone</loc></url></urlset>`)
		default:
			if a, ok := articles[r.URL.Path]; ok {
				w.Header().Set("Content-Type", "text/html; charset=utf-8")
				fmt.Fprint(w, a)
				return
			}
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(o.Close)
	return o
}

func TestSourcesAndWatch(t *testing.T) {
	testSourcesAndWatch(t, filepath.Join(t.TempDir(), "watch.db"))
}

// TestSourcesAndWatchPostgres runs the same rounds on a PostgreSQL store:
// the sources' state and the items taken live behind the store interface.
func TestSourcesAndWatchPostgres(t *testing.T) {
	db := pgtest.DSN(t)
	testSourcesAndWatch(t, db)
	code, _, stderr := run(t, "reprocess", "--db", db)
	if code != 0 || !strings.Contains(stderr, "reprocessed 4 articles: 4 with a raw page, 0 changed") {
		t.Errorf("reprocess on PostgreSQL: code %d\n%s", code, stderr)
	}
}

func testSourcesAndWatch(t *testing.T, db string) {
	o := newFakeOutlet(t)
	net := []string{"--delay", "0", "--allow-private"}

	code, _, stderr := run(t, append(append([]string{"sources", "add", "--db", db}, net...), o.URL+"/", o.URL+"/atom", o.URL+"/sitemap-news.xml", o.URL+"/nothing", o.URL+"/broken.xml")...)
	if code != ExitFailure || strings.Count(stderr, "added ") != 4 || !strings.Contains(stderr, "/nothing") {
		t.Fatalf("sources add: code %d\n%s", code, stderr)
	}
	_, out, _ := run(t, "sources", "--db", db)
	for _, want := range []string{o.URL + "/feed.xml", "feed", o.URL + "/atom", o.URL + "/sitemap-news.xml", "sitemap"} {
		if !strings.Contains(out, want) {
			t.Errorf("sources list lacks %q:\n%s", want, out)
		}
	}

	code, _, stderr = run(t, append([]string{"watch", "--once", "--db", db}, net...)...)
	if code != 0 || !strings.Contains(stderr, "polled 4 sources: 5 new items, 4 added") {
		t.Fatalf("first round: code %d\n%s", code, stderr)
	}
	_, out, _ = run(t, "sources", "--db", db)
	if line := lineWith(out, "/broken.xml"); !strings.Contains(line, "not an RSS, Atom or JSON feed") || !strings.Contains(line, " 1.0 ") {
		t.Errorf("the broken feed's error is not shown on its line:\n%s", out)
	}
	if line := lineWith(out, "/atom"); !strings.Contains(line, " 0.0 ") {
		t.Errorf("a working source shows failures:\n%s", out)
	}
	_, out, _ = run(t, "export", "articles", "--db", db)
	if n := len(jsonLines(t, out)); n != 4 {
		t.Errorf("%d articles stored, want 4 (the tram story once)", n)
	}

	// Not due yet: nothing is polled.
	before := o.count("/atom")
	_, _, stderr = run(t, append([]string{"watch", "--once", "--db", db}, net...)...)
	if strings.Contains(stderr, "polled") || o.count("/atom") != before {
		t.Errorf("a source was polled before it was due:\n%s", stderr)
	}

	run(t, "sources", "retry", "--db", db)
	code, _, stderr = run(t, append([]string{"watch", "--once", "--db", db}, net...)...)
	if code != 0 || !strings.Contains(stderr, "polled 4 sources: 0 new items") {
		t.Fatalf("second round: code %d\n%s", code, stderr)
	}
	for _, p := range []string{"/a/tram", "/a/museum", "/b/harbour", "/c/bridge", "/c/gone"} {
		if n := o.count(p); n != 1 {
			t.Errorf("%s fetched %d times, want 1", p, n)
		}
	}
	_, out, _ = run(t, "sources", "--db", db)
	if !strings.Contains(out, "ITEMS") || !strings.Contains(out, " 2 ") {
		t.Errorf("sources list after two rounds:\n%s", out)
	}

	code, opml, _ := run(t, "sources", "export", "--db", db)
	if code != 0 || strings.Count(opml, "xmlUrl=") != 4 {
		t.Fatalf("export: code %d\n%s", code, opml)
	}
	opmlFile := filepath.Join(t.TempDir(), "subs.opml")
	if err := os.WriteFile(opmlFile, []byte(opml), 0o644); err != nil {
		t.Fatal(err)
	}
	other := filepath.Join(t.TempDir(), "other.db")
	code, _, stderr = run(t, "sources", "import", "--db", other, opmlFile)
	if code != 0 || !strings.Contains(stderr, "imported 4 of 4 sources") {
		t.Fatalf("import: code %d\n%s", code, stderr)
	}
	_, out, _ = run(t, "sources", "--db", other)
	if !strings.Contains(out, "sitemap") || !strings.Contains(out, o.URL+"/feed.xml") {
		t.Errorf("imported sources:\n%s", out)
	}

	if code, _, _ := run(t, "sources", "remove", "--db", db, o.URL+"/atom"); code != 0 {
		t.Fatal("remove failed")
	}
	_, out, _ = run(t, "sources", "--db", db)
	if strings.Contains(out, o.URL+"/atom") {
		t.Errorf("removed source still listed:\n%s", out)
	}
}

// lineWith returns the first line of s containing sub.
func lineWith(s, sub string) string {
	for _, l := range strings.Split(s, "\n") {
		if strings.Contains(l, sub) {
			return l
		}
	}
	return ""
}
