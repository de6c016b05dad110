package feed

import (
	"bytes"
	"compress/gzip"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"golang.org/x/net/html/charset"

	"github.com/parallax-news/parallax/internal/collect/canon"
)

// Sitemap limits from the sitemaps protocol.
const (
	MaxSitemapURLs = 50000
	MaxSitemapSize = 50 << 20 // uncompressed
)

// Sitemap is a parsed sitemap: its page entries, or for a sitemap index
// the sitemaps it lists.
type Sitemap struct {
	Entries  []Entry
	Sitemaps []string
}

// Entry is one page of a sitemap.
type Entry struct {
	// Loc is the page's absolute URL; URL its canonical form.
	Loc, URL string
	LastMod  time.Time
	// Published, Title and Language come from a news sitemap's
	// <news:news> element.
	Published time.Time
	Title     string
	Language  string
	// Outlet is the <news:publication><news:name>.
	Outlet string
}

type xmlSitemap struct {
	XMLName  xml.Name
	URLs     []xmlURL     `xml:"url"`
	Sitemaps []xmlSitemap `xml:"sitemap"`
	Loc      string       `xml:"loc"`
}

type xmlURL struct {
	Loc     string `xml:"loc"`
	LastMod string `xml:"lastmod"`
	News    struct {
		Publication struct {
			Name     string `xml:"name"`
			Language string `xml:"language"`
		} `xml:"publication"`
		PublicationDate string `xml:"publication_date"`
		Title           string `xml:"title"`
	} `xml:"news"`
}

// ParseSitemap reads a sitemap or sitemap index fetched from sitemapURL,
// gzip-compressed or not. Entries without a usable http(s) location are
// skipped; relative locations are resolved against sitemapURL.
func ParseSitemap(body []byte, contentType, sitemapURL string) (*Sitemap, error) {
	if len(body) >= 2 && body[0] == 0x1f && body[1] == 0x8b {
		gz, err := gzip.NewReader(bytes.NewReader(body))
		if err != nil {
			return nil, fmt.Errorf("sitemap %s: gzip: %w", sitemapURL, err)
		}
		body, err = io.ReadAll(io.LimitReader(gz, MaxSitemapSize+1))
		if err != nil {
			return nil, fmt.Errorf("sitemap %s: gzip: %w", sitemapURL, err)
		}
	}
	if len(body) > MaxSitemapSize {
		return nil, fmt.Errorf("sitemap %s: larger than %d MB", sitemapURL, MaxSitemapSize>>20)
	}
	utf, err := ToUTF8(body, contentType)
	if err != nil {
		return nil, fmt.Errorf("sitemap %s: %w", sitemapURL, err)
	}
	d := xml.NewDecoder(bytes.NewReader(utf))
	d.Strict = false
	d.Entity = xml.HTMLEntity
	d.CharsetReader = charset.NewReaderLabel
	var doc xmlSitemap
	if err := d.Decode(&doc); err != nil {
		return nil, fmt.Errorf("sitemap %s: invalid XML: %w", sitemapURL, err)
	}
	switch doc.XMLName.Local {
	case "urlset", "sitemapindex":
	default:
		return nil, fmt.Errorf("sitemap %s: %w", sitemapURL, errors.New("not a sitemap (no <urlset> or <sitemapindex>)"))
	}
	out := &Sitemap{}
	for _, s := range doc.Sitemaps {
		if u := resolve(sitemapURL, s.Loc); u != "" && len(out.Sitemaps) < MaxSitemapURLs {
			out.Sitemaps = append(out.Sitemaps, u)
		}
	}
	for _, x := range doc.URLs {
		if len(out.Entries) >= MaxSitemapURLs {
			break
		}
		loc := resolve(sitemapURL, x.Loc)
		if loc == "" {
			continue
		}
		e := Entry{Loc: loc, Title: text(x.News.Title), Language: strings.TrimSpace(x.News.Publication.Language),
			Outlet: text(x.News.Publication.Name)}
		e.URL, _ = canon.URL(loc)
		e.LastMod, _ = ParseDate(x.LastMod)
		e.Published, _ = ParseDate(x.News.PublicationDate)
		out.Entries = append(out.Entries, e)
	}
	return out, nil
}
