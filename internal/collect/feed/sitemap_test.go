package feed

import (
	"bytes"
	"compress/gzip"
	"strings"
	"testing"
	"time"
)

const newsSitemap = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>https://post.example/world/quake-relief?utm_source=sitemap</loc><lastmod>2026-05-06T10:00:00+00:00</lastmod>
<news:news><news:publication><news:name>Morning Post</news:name><news:language>en</news:language></news:publication>
<news:publication_date>2026-05-06T09:15:00Z</news:publication_date><news:title>Relief convoys reach &amp; supply quake towns</news:title></news:news></url>
<url><loc>/local/market</loc><lastmod>2026-05-05</lastmod></url>
<url><loc>javascript:alert(1)</loc></url>
<url><loc></loc></url>
</urlset>`

func TestParseNewsSitemap(t *testing.T) {
	s, err := ParseSitemap([]byte(newsSitemap), "application/xml", "https://post.example/sitemap-news.xml")
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Entries) != 2 || len(s.Sitemaps) != 0 {
		t.Fatalf("entries %d sitemaps %d, want 2 and 0", len(s.Entries), len(s.Sitemaps))
	}
	e := s.Entries[0]
	if e.URL != "https://post.example/world/quake-relief" || e.Title != "Relief convoys reach & supply quake towns" ||
		e.Outlet != "Morning Post" || e.Language != "en" || !e.Published.Equal(time.Date(2026, 5, 6, 9, 15, 0, 0, time.UTC)) {
		t.Errorf("entry %+v", e)
	}
	if s.Entries[1].Loc != "https://post.example/local/market" || !s.Entries[1].LastMod.Equal(time.Date(2026, 5, 5, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("relative entry %+v", s.Entries[1])
	}
}

func TestParseSitemapIndexAndGzip(t *testing.T) {
	index := `<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>https://post.example/sitemap-1.xml.gz</loc></sitemap><sitemap><loc>/sitemap-2.xml</loc></sitemap></sitemapindex>`
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	w.Write([]byte(index))
	w.Close()
	s, err := ParseSitemap(b.Bytes(), "application/x-gzip", "https://post.example/sitemap.xml.gz")
	if err != nil {
		t.Fatal(err)
	}
	want := "https://post.example/sitemap-1.xml.gz https://post.example/sitemap-2.xml"
	if got := strings.Join(s.Sitemaps, " "); got != want {
		t.Errorf("sitemaps %q, want %q", got, want)
	}
}

func TestParseSitemapErrors(t *testing.T) {
	for _, body := range []string{"", "<html><body>not a sitemap</body></html>", "<urlset><url><loc>https://a.example/x", "\x1f\x8bgarbage"} {
		if _, err := ParseSitemap([]byte(body), "", "https://a.example/sitemap.xml"); err == nil {
			t.Errorf("ParseSitemap(%q) succeeded", body)
		} else if !strings.Contains(err.Error(), "https://a.example/sitemap.xml") {
			t.Errorf("error %q does not name the sitemap", err)
		}
	}
}

func FuzzParseSitemap(f *testing.F) {
	f.Add([]byte(newsSitemap))
	f.Add([]byte(`<sitemapindex><sitemap><loc>/a.xml</loc></sitemap></sitemapindex>`))
	f.Fuzz(func(t *testing.T, body []byte) {
		s, err := ParseSitemap(body, "", "https://fuzz.example/sitemap.xml")
		if err != nil {
			return
		}
		if len(s.Entries) > MaxSitemapURLs {
			t.Fatalf("%d entries", len(s.Entries))
		}
		for _, e := range s.Entries {
			if !isURL(e.Loc) {
				t.Fatalf("entry with non-http location %q", e.Loc)
			}
		}
	})
}
