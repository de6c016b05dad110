package canon

import (
	"bytes"
	"net/url"
	"slices"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// maxHead is how much of a page is searched for its <head> links.
const maxHead = 1 << 20

// FromHTML returns the canonical URL of a page fetched from pageURL: the
// page's <link rel="canonical"> when it names an http(s) URL (an AMP
// page's points to the regular article), otherwise pageURL itself, both in
// canonical form. A canonical link to the site's front page from a deeper
// page is a common template error and is ignored.
func FromHTML(page []byte, pageURL string) (string, error) {
	self, err := URL(pageURL)
	if err != nil {
		return "", err
	}
	href := headLink(page, "canonical")
	if href == "" {
		return self, nil
	}
	c, err := Resolve(pageURL, href)
	if err != nil {
		return self, nil
	}
	cu, _ := url.Parse(c)
	su, _ := url.Parse(self)
	if cu.Path == "/" && cu.RawQuery == "" && su.Path != "/" {
		return self, nil
	}
	return c, nil
}

// Link is one <link> element of a page's head.
type Link struct {
	Rel   []string // lower-case rel values
	Type  string   // lower-case media type
	Href  string
	Title string
}

// HeadLinks returns the <link> elements of a page's <head> (searching the
// first MiB, stopping at <body>).
func HeadLinks(page []byte) []Link {
	if len(page) > maxHead {
		page = page[:maxHead]
	}
	var out []Link
	z := html.NewTokenizer(bytes.NewReader(page))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return out
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			switch atom.Lookup(name) {
			case atom.Body:
				return out
			case atom.Link:
				var l Link
				for hasAttr {
					var k, v []byte
					k, v, hasAttr = z.TagAttr()
					switch string(k) {
					case "rel":
						l.Rel = strings.Fields(strings.ToLower(string(v)))
					case "type":
						l.Type = strings.ToLower(strings.TrimSpace(string(v)))
					case "href":
						l.Href = strings.TrimSpace(string(v))
					case "title":
						l.Title = strings.TrimSpace(string(v))
					}
				}
				if l.Href != "" {
					out = append(out, l)
				}
			}
		}
	}
}

// headLink returns the href of the first head <link> whose rel includes
// rel.
func headLink(page []byte, rel string) string {
	for _, l := range HeadLinks(page) {
		if slices.Contains(l.Rel, rel) {
			return l.Href
		}
	}
	return ""
}
