package sources

import (
	"strings"
	"testing"
	"time"
)

func TestOPMLRoundTrip(t *testing.T) {
	in := `<?xml version="1.0" encoding="ISO-8859-1"?>
<opml version="1.0"><head><title>My feeds</title></head><body>
<outline text="News">
  <outline type="rss" text="City Desk" xmlUrl="https://city.example/feed.xml" htmlUrl="https://city.example/"/>
  <outline type="rss" title="Port &amp; Harbour" xmlUrl=" https://port.example/atom "/>
</outline>
<outline type="sitemap" text="Post" xmlUrl="https://post.example/sitemap-news.xml"/>
<outline text="A folder without feeds"/>
</body></opml>`
	got, err := ParseOPML([]byte(in))
	if err != nil {
		t.Fatal(err)
	}
	want := []Outline{
		{"https://city.example/feed.xml", Feed, "City Desk"},
		{"https://port.example/atom", Feed, "Port & Harbour"},
		{"https://post.example/sitemap-news.xml", Sitemap, "Post"},
	}
	if len(got) != len(want) {
		t.Fatalf("got %v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("outline %d = %+v, want %+v", i, got[i], want[i])
		}
	}
	var l List
	for _, o := range got {
		l.Add(o.URL, o.Kind, o.Title, time.Now())
	}
	out, err := l.OPML()
	if err != nil {
		t.Fatal(err)
	}
	back, err := ParseOPML(out)
	if err != nil || len(back) != 3 || back[1] != want[1] || back[2] != want[2] {
		t.Errorf("round trip: %v %v\n%s", back, err, out)
	}
	for _, bad := range []string{"", "<html><body>no</body></html>", "<opml><body><outline xmlUrl="} {
		if o, err := ParseOPML([]byte(bad)); err == nil && len(o) > 0 {
			t.Errorf("ParseOPML(%q) = %v", bad, o)
		}
	}
	if !strings.Contains(string(out), `type="sitemap"`) {
		t.Errorf("sitemap type lost:\n%s", out)
	}
}

func FuzzParseOPML(f *testing.F) {
	f.Add([]byte(`<opml><body><outline type="rss" xmlUrl="https://a.example/f"/></body></opml>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		out, err := ParseOPML(data)
		if err != nil {
			return
		}
		for _, o := range out {
			if o.URL == "" {
				t.Fatal("outline without URL")
			}
		}
	})
}
