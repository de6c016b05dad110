package canon

import (
	"bytes"
	"net/url"
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

// headLink returns the href of the first <link> in the page's head whose
// rel includes rel.
func headLink(page []byte, rel string) string {
	if len(page) > maxHead {
		page = page[:maxHead]
	}
	z := html.NewTokenizer(bytes.NewReader(page))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			switch atom.Lookup(name) {
			case atom.Body:
				return ""
			case atom.Link:
				var rels, href string
				for hasAttr {
					var k, v []byte
					k, v, hasAttr = z.TagAttr()
					switch string(k) {
					case "rel":
						rels = strings.ToLower(string(v))
					case "href":
						href = strings.TrimSpace(string(v))
					}
				}
				for _, r := range strings.Fields(rels) {
					if r == rel && href != "" {
						return href
					}
				}
			}
		}
	}
}
