package robots

import (
	"testing"
	"time"
)

func TestParse(t *testing.T) {
	const file = "User-agent: *\nDisallow: /private/\nAllow: /private/open\n\nUser-agent: Parallax\nDisallow: /no-bots\nCrawl-delay: 3\n"
	tests := []struct {
		name   string
		status int
		body   string
		agent  string
		path   string
		want   bool
	}{
		{"own group disallows", 200, file, "Parallax", "/no-bots/page", false},
		{"own group allows the rest", 200, file, "Parallax", "/private/x", true},
		{"other agent uses star group", 200, file, "OtherBot", "/private/x", false},
		{"star group allow rule", 200, file, "OtherBot", "/private/open", true},
		{"query is part of the path", 200, "User-agent: *\nDisallow: /*?print=\n", "Parallax", "/a?print=1", false},
		{"disallow everything", 200, "User-agent: *\nDisallow: /\n", "Parallax", "/news/1", false},
		{"404 allows all", 404, "", "Parallax", "/anything", true},
		{"403 allows all", 403, "", "Parallax", "/anything", true},
		{"503 disallows all", 503, "", "Parallax", "/anything", false},
		{"garbage allows", 200, "\x00\x01 not robots", "Parallax", "/x", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Parse(tt.status, []byte(tt.body), tt.agent)
			if got := r.Allowed(tt.path); got != tt.want {
				t.Errorf("Allowed(%q) = %v, want %v", tt.path, got, tt.want)
			}
		})
	}
	if d := Parse(200, []byte(file), "Parallax").CrawlDelay; d != 3*time.Second {
		t.Errorf("CrawlDelay = %v, want 3s", d)
	}
}

func TestCacheExpiry(t *testing.T) {
	var c Cache
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	if _, ok := c.Get("https://a.example", now); ok {
		t.Fatal("empty cache returned rules")
	}
	c.Put("https://a.example", DisallowAll(), now.Add(time.Hour))
	if r, ok := c.Get("https://a.example", now.Add(59*time.Minute)); !ok || r.Allowed("/") {
		t.Fatalf("fresh entry: ok=%v", ok)
	}
	if _, ok := c.Get("https://a.example", now.Add(time.Hour)); ok {
		t.Fatal("expired entry returned")
	}
}

func FuzzParse(f *testing.F) {
	f.Add(200, "User-agent: *\nDisallow: /a\nCrawl-delay: 2\n", "/a/b")
	f.Add(500, "", "/")
	f.Fuzz(func(t *testing.T, status int, body, path string) {
		r := Parse(status, []byte(body), "Parallax")
		_ = r.Allowed(path)
		if r.CrawlDelay < 0 {
			t.Fatalf("negative crawl delay %v", r.CrawlDelay)
		}
	})
}
