// Package feed reads what a source publishes: RSS, Atom and JSON Feed
// documents (parsed with github.com/mmcdole/gofeed after their charset is
// repaired), feed links discovered in a site's HTML, and news sitemaps.
package feed

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"
	"github.com/mmcdole/gofeed/rss"
	"golang.org/x/net/html"

	"github.com/parallax-news/parallax/internal/collect/canon"
)

// MaxSize is the largest feed document parsed.
const MaxSize = 32 << 20

// ErrNotFeed is returned for a document that is no feed; an HTML page
// may still name its feeds (see Discover).
var ErrNotFeed = errors.New("not an RSS, Atom or JSON feed")

// Feed is a parsed feed.
type Feed struct {
	Title string
	// Link is the site the feed belongs to.
	Link  string
	Items []Item
	// TTL is the RSS <ttl>: how long the feed may be cached.
	TTL time.Duration
}

// Item is one entry of a feed.
type Item struct {
	Title   string
	Summary string
	// Link is the article's absolute URL as the feed gives it; URL is its
	// canonical form ("" when the item has no usable link).
	Link, URL string
	GUID      string
	Published time.Time // zero when the feed gives no date
	Updated   time.Time
	// Key identifies the item across polls: its canonical URL, else its
	// GUID, else a hash of its title. A feed that changes an item's GUID
	// when its headline is edited keeps the same key as long as the link
	// stays.
	Key string
}

// Parse reads a feed fetched from feedURL with the given Content-Type
// header. Relative links are resolved against the feed URL.
func Parse(body []byte, contentType, feedURL string) (*Feed, error) {
	if len(body) > MaxSize {
		return nil, fmt.Errorf("feed %s: larger than %d MB", feedURL, MaxSize>>20)
	}
	utf, err := ToUTF8(body, contentType)
	if err != nil {
		return nil, fmt.Errorf("feed %s: %w", feedURL, err)
	}
	p := gofeed.NewParser()
	p.KeepOriginalFeed = true
	f, err := p.Parse(bytes.NewReader(utf))
	if err != nil {
		if errors.Is(err, gofeed.ErrFeedTypeNotDetected) {
			if looksHTML(utf) {
				return nil, fmt.Errorf("feed %s: %w (an HTML page)", feedURL, ErrNotFeed)
			}
			return nil, fmt.Errorf("feed %s: %w", feedURL, ErrNotFeed)
		}
		return nil, fmt.Errorf("feed %s: %w", feedURL, err)
	}
	out := &Feed{Title: text(f.Title), Link: resolve(feedURL, f.Link)}
	if r, ok := f.OriginalFeed().(*rss.Feed); ok {
		if m, err := strconv.Atoi(strings.TrimSpace(r.TTL)); err == nil && m > 0 {
			out.TTL = time.Duration(min(m, 7*24*60)) * time.Minute
		}
	}
	for _, it := range f.Items {
		if it == nil {
			continue
		}
		out.Items = append(out.Items, item(it, feedURL))
	}
	return out, nil
}

func item(it *gofeed.Item, feedURL string) Item {
	out := Item{
		Title:   text(it.Title),
		Summary: text(it.Description),
		GUID:    strings.TrimSpace(it.GUID),
	}
	link := strings.TrimSpace(it.Link)
	if link == "" {
		for _, l := range it.Links {
			if l = strings.TrimSpace(l); l != "" {
				link = l
				break
			}
		}
	}
	if link == "" && isURL(out.GUID) {
		link = out.GUID
	}
	out.Link = resolve(feedURL, link)
	if out.Link != "" {
		out.URL, _ = canon.URL(out.Link)
	}
	out.Published = date(it.PublishedParsed, it.Published)
	out.Updated = date(it.UpdatedParsed, it.Updated)
	if out.Published.IsZero() {
		out.Published = out.Updated
	}
	switch {
	case out.URL != "":
		out.Key = out.URL
	case out.GUID != "":
		out.Key = "guid:" + out.GUID
	default:
		sum := sha256.Sum256([]byte(out.Title + "\x00" + out.Summary))
		out.Key = "hash:" + hex.EncodeToString(sum[:12])
	}
	return out
}

// date takes gofeed's parsed date, or parses the raw text with the
// fallback layouts.
func date(parsed *time.Time, raw string) time.Time {
	if parsed != nil && !parsed.IsZero() {
		return parsed.UTC()
	}
	if t, ok := ParseDate(raw); ok {
		return t
	}
	return time.Time{}
}

func isURL(s string) bool {
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://")
}

// resolve returns ref made absolute against base, or "" when it is not
// an http(s) URL.
func resolve(base, ref string) string {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return ""
	}
	b, err := url.Parse(base)
	if err != nil {
		return ""
	}
	r, err := url.Parse(ref)
	if err != nil {
		return ""
	}
	u := b.ResolveReference(r).String()
	if !isURL(u) {
		return ""
	}
	return u
}

// text turns feed text (which may hold markup or double-escaped
// entities) into plain text with single spaces.
func text(s string) string {
	if !strings.ContainsAny(s, "<&") {
		return strings.Join(strings.Fields(s), " ")
	}
	var b strings.Builder
	z := html.NewTokenizer(strings.NewReader(s))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		if tt == html.TextToken {
			b.Write(z.Text())
		} else {
			b.WriteByte(' ')
		}
	}
	return strings.Join(strings.Fields(html.UnescapeString(b.String())), " ")
}

func looksHTML(b []byte) bool {
	head := bytes.ToLower(b[:min(len(b), 1024)])
	return bytes.Contains(head, []byte("<html")) || bytes.Contains(head, []byte("<!doctype html"))
}
