package sources

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"strings"

	"golang.org/x/net/html/charset"
)

// Outline is one source named in an OPML file.
type Outline struct {
	URL   string
	Kind  Kind
	Title string
}

type opmlOutline struct {
	Type     string        `xml:"type,attr"`
	Text     string        `xml:"text,attr"`
	Title    string        `xml:"title,attr"`
	XMLURL   string        `xml:"xmlUrl,attr"`
	Children []opmlOutline `xml:"outline"`
}

type opmlDoc struct {
	XMLName xml.Name `xml:"opml"`
	Version string   `xml:"version,attr"`
	Head    struct {
		Title string `xml:"title"`
	} `xml:"head"`
	Body struct {
		Outlines []opmlOutline `xml:"outline"`
	} `xml:"body"`
}

// ParseOPML reads the sources of an OPML subscription list: every
// outline with an xmlUrl, at any depth (folders are flattened). An outline
// of type "sitemap" is a news sitemap, any other a feed.
func ParseOPML(data []byte) ([]Outline, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = false
	d.Entity = xml.HTMLEntity
	d.CharsetReader = charset.NewReaderLabel
	var doc opmlDoc
	if err := d.Decode(&doc); err != nil {
		return nil, fmt.Errorf("OPML: %w", err)
	}
	var out []Outline
	var walk func([]opmlOutline)
	walk = func(os []opmlOutline) {
		for _, o := range os {
			if u := strings.TrimSpace(o.XMLURL); u != "" {
				kind := Feed
				if strings.EqualFold(o.Type, "sitemap") {
					kind = Sitemap
				}
				title := o.Title
				if title == "" {
					title = o.Text
				}
				out = append(out, Outline{URL: u, Kind: kind, Title: strings.TrimSpace(title)})
			}
			walk(o.Children)
		}
	}
	walk(doc.Body.Outlines)
	return out, nil
}

// OPML writes the list as an OPML 2.0 subscription list.
func (l *List) OPML() ([]byte, error) {
	doc := opmlDoc{Version: "2.0"}
	doc.Head.Title = "Parallax sources"
	for _, s := range l.Sources {
		typ := "rss"
		if s.Kind == Sitemap {
			typ = "sitemap"
		}
		title := s.Title
		if title == "" {
			title = s.URL
		}
		doc.Body.Outlines = append(doc.Body.Outlines, opmlOutline{Type: typ, Text: title, Title: title, XMLURL: s.URL})
	}
	out, err := xml.MarshalIndent(doc, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("OPML: %w", err)
	}
	return append([]byte(xml.Header), append(out, '\n')...), nil
}
