package extract

import (
	"unicode"

	"golang.org/x/net/html"
)

// Rules on the page's elements, applied before extraction (see
// pruneBeforeExtraction) to what a selector alone cannot tell apart.

// pruneMark is the attribute markPrunable sets on the elements the
// extraction is to leave out.
const pruneMark = "data-parallax-prune"

// maxFurnitureLetters is the most letters (spaces excepted) an element
// named as furniture may hold to be taken for it: a container named
// "…caption…" or "…related…" that holds the article is not.
const maxFurnitureLetters = 400

// furnitureClasses are parts of class names that name page furniture:
// picture captions and credits, sharing and social rows, related links,
// metadata, author and contact boxes, category labels, signatures and
// disclosures, newsletter and subscription boxes, promotions,
// breadcrumbs, recommendations, advertisements, cookie notices, paywall
// and donation prompts, and the recommendation widgets of ad networks.
// (Tried and left out, as content containers use them too: "tags"
// (…ContentTags), "widget" (page builders' blocks), "sidebar", "banner"
// (article headers) and "readmore" (expandable text); and "byline",
// which left "By" without the name on section fronts.)
var furnitureClasses = []string{"caption", "credit", "share", "social", "related", "meta",
	"author", "categor", "contact", "signature", "disclosure", "newsletter", "subscri", "signup",
	"promo", "breadcrumb", "recommend", "advert", "cookie", "paywall", "donat",
	"outbrain", "taboola"}

// markPrunable sets pruneMark on elements whose class names page
// furniture (see furnitureClasses: "image__caption", "entry-meta",
// "relatedPost") and that hold little text. It changes only attributes.
func markPrunable(doc *html.Node) {
	walkElements(doc, func(c *html.Node) bool {
		switch c.Data {
		case "script", "style", "noscript", "template", "head", "svg":
			return false
		}
		if furnitureClass(c) && lettersAtMost(c, maxFurnitureLetters) {
			c.Attr = append(c.Attr, html.Attribute{Key: pruneMark})
			return false
		}
		return true
	})
}

// maxWalkDepth bounds walkElements: elements nested deeper are
// pathological and left alone.
const maxWalkDepth = 512

// walkElements calls visit on the elements under root in document order,
// and walks an element's children only when visit returns true and the
// element is at most maxWalkDepth deep.
func walkElements(root *html.Node, visit func(*html.Node) bool) {
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		if depth > maxWalkDepth {
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && visit(c) {
				walk(c, depth+1)
			}
		}
	}
	walk(root, 0)
}

// furnitureClass reports whether an element's class attribute names
// page furniture.
func furnitureClass(n *html.Node) bool {
	for _, a := range n.Attr {
		if a.Key != "class" || len(a.Val) < 4 {
			continue
		}
		for _, w := range furnitureClasses {
			if containsFold(a.Val, w) {
				return true
			}
		}
		return false
	}
	return false
}

// containsFold reports whether s contains the lower-case ASCII word sub,
// ignoring the case of ASCII letters in s.
func containsFold(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		j := 0
		for ; j < len(sub); j++ {
			c := s[i+j]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			if c != sub[j] {
				break
			}
		}
		if j == len(sub) {
			return true
		}
	}
	return false
}

// lettersAtMost reports whether the text under n has at most max
// characters other than spaces; it stops counting past max.
func lettersAtMost(n *html.Node, max int) bool {
	count := 0
	var walk func(n *html.Node, depth int) bool
	walk = func(n *html.Node, depth int) bool {
		if depth > 512 {
			return false
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch c.Type {
			case html.TextNode:
				for _, r := range c.Data {
					if !unicode.IsSpace(r) {
						count++
					}
				}
				if count > max {
					return false
				}
			case html.ElementNode:
				if !walk(c, depth+1) {
					return false
				}
			}
		}
		return true
	}
	return walk(n, 0)
}
