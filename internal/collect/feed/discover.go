package feed

import (
	"slices"

	"github.com/parallax-news/parallax/internal/collect/canon"
)

// feedTypes are the media types of feed links.
var feedTypes = []string{
	"application/rss+xml", "application/atom+xml", "application/feed+json",
	"application/rdf+xml", "application/xml", "text/xml", "application/json",
}

// Discover returns the absolute URLs of the feeds a site's HTML page
// names with <link rel="alternate" type="application/rss+xml"> (or Atom,
// JSON Feed), in page order and without repeats.
func Discover(page []byte, pageURL string) []string {
	var out []string
	for _, l := range canon.HeadLinks(page) {
		if !slices.Contains(l.Rel, "alternate") || !slices.Contains(feedTypes, l.Type) {
			continue
		}
		u := resolve(pageURL, l.Href)
		if u != "" && !slices.Contains(out, u) {
			out = append(out, u)
		}
	}
	return out
}
