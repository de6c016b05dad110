package canon

import (
	"strings"
	"testing"
)

func TestURL(t *testing.T) {
	tests := []struct{ in, want string }{
		{"HTTP://News.Example.COM/World/Story", "http://news.example.com/World/Story"},
		{"https://example.com:443/a", "https://example.com/a"},
		{"http://example.com:80/a", "http://example.com/a"},
		{"http://example.com:8080/a", "http://example.com:8080/a"},
		{"https://example.com", "https://example.com/"},
		{"https://example.com/a/b/", "https://example.com/a/b"},
		{"https://example.com/a/./b/../c", "https://example.com/a/c"},
		{"https://example.com/a#comments", "https://example.com/a"},
		{"https://example.com/a?utm_source=rss&utm_medium=feed&id=7", "https://example.com/a?id=7"},
		{"https://example.com/a?fbclid=XYZ&gclid=1&mc_cid=2&_ga=3", "https://example.com/a"},
		{"https://example.com/a?b=2&a=1", "https://example.com/a?a=1&b=2"},
		{"https://example.com/a?page=2&page=1", "https://example.com/a?page=2&page=1"},
		{"https://example.com/a?", "https://example.com/a"},
		{"https://example.com/a%2fb", "https://example.com/a%2Fb"},
		{"https://user:pw@example.com/a", "https://example.com/a"},
		{"https://example.com./a", "https://example.com/a"},
		{"https://BÜCHER.example/a", "https://xn--bcher-kva.example/a"},
		{"https://example.com/news/story/amp", "https://example.com/news/story"},
		{"https://example.com/news/story/amp/", "https://example.com/news/story"},
		{"https://example.com/amp/news/story", "https://example.com/news/story"},
		{"https://example.com/news/story.amp.html", "https://example.com/news/story.html"},
		{"https://example.com/news/story?amp=1", "https://example.com/news/story"},
		{"https://example.com/news/story?outputType=amp", "https://example.com/news/story"},
		{"https://www-example-com.cdn.ampproject.org/c/s/www.example.com/news/story/amp", "https://www.example.com/news/story"},
		{"https://example.com/a?Utm_Campaign=x&ref=rss", "https://example.com/a"},
	}
	for _, tt := range tests {
		got, err := URL(tt.in)
		if err != nil {
			t.Errorf("URL(%q): %v", tt.in, err)
			continue
		}
		if got != tt.want {
			t.Errorf("URL(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestURLErrors(t *testing.T) {
	for _, in := range []string{"ftp://example.com/a", "mailto:a@example.com", "/relative/path", "http://", "http://[::1"} {
		if got, err := URL(in); err == nil {
			t.Errorf("URL(%q) = %q, want an error", in, got)
		}
	}
}

func TestTrackingVariantsAgree(t *testing.T) {
	variants := []string{
		"https://outlet.example/2026/05/01/harbour-bridge-reopens/",
		"https://Outlet.example/2026/05/01/harbour-bridge-reopens?utm_source=twitter&utm_medium=social",
		"https://outlet.example:443/2026/05/01/harbour-bridge-reopens#top",
		"https://outlet.example/2026/05/01/harbour-bridge-reopens/amp/?fbclid=abc",
	}
	first, _ := URL(variants[0])
	for _, v := range variants[1:] {
		if got, _ := URL(v); got != first {
			t.Errorf("URL(%q) = %q, want %q", v, got, first)
		}
	}
}

func TestResolve(t *testing.T) {
	got, err := Resolve("https://example.com/section/index.html", "../story-1?utm_source=x")
	if err != nil || got != "https://example.com/story-1" {
		t.Errorf("Resolve = %q, %v", got, err)
	}
}

func TestFromHTML(t *testing.T) {
	tests := []struct {
		name, page, url, want string
	}{
		{"canonical link", `<html><head><link rel="canonical" href="https://example.com/a/story"></head><body>x</body></html>`,
			"https://example.com/a/story?utm_source=rss", "https://example.com/a/story"},
		{"amp page points home", `<html amp><head><link rel="canonical" href="/news/story"></head></html>`,
			"https://m.example.com/news/story/amp", "https://m.example.com/news/story"},
		{"no canonical", `<html><head><title>t</title></head><body><link rel="canonical" href="/late"></body></html>`,
			"https://example.com/b/?utm_medium=x", "https://example.com/b"},
		{"canonical to front page ignored", `<head><link rel="canonical" href="https://example.com/"></head>`,
			"https://example.com/c/story", "https://example.com/c/story"},
		{"several rel values", `<head><link href="https://example.com/d" rel="alternate canonical"></head>`,
			"https://example.com/d?x=1", "https://example.com/d"},
		{"bad canonical ignored", `<head><link rel="canonical" href="javascript:void(0)"></head>`,
			"https://example.com/e", "https://example.com/e"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := FromHTML([]byte(tt.page), tt.url)
			if err != nil || got != tt.want {
				t.Errorf("FromHTML = %q, %v; want %q", got, err, tt.want)
			}
		})
	}
}

func FuzzURL(f *testing.F) {
	f.Add("https://Example.com:443/a/../b/?utm_source=x&b=1#f")
	f.Add("https://www-example-com.cdn.ampproject.org/c/s/www.example.com/x/amp")
	f.Fuzz(func(t *testing.T, in string) {
		got, err := URL(in)
		if err != nil {
			return
		}
		again, err := URL(got)
		if err != nil {
			t.Fatalf("URL(%q) = %q, which does not parse again: %v", in, got, err)
		}
		if again != got {
			t.Fatalf("not idempotent: %q -> %q -> %q", in, got, again)
		}
		if strings.Contains(got, "#") || strings.Contains(strings.ToLower(got), "utm_") && strings.Contains(got, "?utm_") {
			t.Fatalf("URL(%q) = %q keeps a fragment or tracking parameter", in, got)
		}
	})
}
