package extract

import (
	"strings"

	"golang.org/x/net/html"
)

// dropInert removes from doc what no stage after the date search reads:
// comments, scripts other than JSON-LD (which holds metadata), style
// sheets, <noscript> fallbacks and inline SVG drawings. go-trafilatura
// copies the whole tree three times a run and matches its metadata
// selectors against every element before it cleans these away itself, so
// they cost it time in proportion to their size. The date search reads the
// page's rendered markup, scripts included: call dropInert only when it
// does not run (a date override is given).
func dropInert(doc *html.Node) {
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		if depth > 512 { // pathological nesting
			return
		}
		for c := n.FirstChild; c != nil; {
			next := c.NextSibling
			if inert(c) {
				n.RemoveChild(c)
			} else if c.Type == html.ElementNode {
				walk(c, depth+1)
			}
			c = next
		}
	}
	walk(doc, 0)
}

// inert reports whether dropInert removes n.
func inert(n *html.Node) bool {
	switch n.Type {
	case html.CommentNode:
		return true
	case html.ElementNode:
	default:
		return false
	}
	switch n.Data {
	case "style", "noscript", "svg":
		return true
	case "script":
		for _, a := range n.Attr {
			if a.Key == "type" && strings.Contains(strings.ToLower(a.Val), "json") {
				return false
			}
		}
		return true
	}
	return false
}
