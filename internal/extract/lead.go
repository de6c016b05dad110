package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// Lead paragraphs: many pages set the article's lead (standfirst,
// summary) apart from the body, in the header or a "teaser" block the
// extractor leaves out. The page's own description metadata usually
// repeats it, which tells it apart from teasers of other articles.

// minLeadRunes is the fewest characters a lead must have: shorter
// descriptions are slogans or labels rather than a paragraph.
const minLeadRunes = 40

// maxLeadRunes is the most characters a lead may have.
const maxLeadRunes = 1200

// maxLeadProbes is the most blocks leadParagraph tries and the most
// texts after the headline headedLead compares with the body, which keeps
// the work on any page within a small multiple of its size.
const maxLeadProbes = 200

// descriptionMeta are the <meta> names and properties that carry a page's
// description.
var descriptionMeta = setOf("description", "og:description", "twitter:description")

// leadParagraph returns the visible paragraph of the page that its
// description metadata repeats, "" when there is none. The paragraph is
// searched for outside links, navigation, captions, asides and footers,
// and must match the description from its start (a description cut short
// with an ellipsis matches the start of the paragraph).
func leadParagraph(doc *html.Node) string {
	descs := pageDescriptions(doc)
	if len(descs) == 0 {
		return ""
	}
	body := findElement(doc, "body", 0)
	if body == nil {
		return ""
	}
	found, stop := "", false
	seen, probes := 0, 0
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		for c := n.FirstChild; c != nil && found == "" && !stop; c = c.NextSibling {
			if seen++; seen > 50000 || depth > 256 {
				return
			}
			switch c.Type {
			case html.TextNode:
				t := normSpace(c.Data)
				if utf8.RuneCountInString(t) < 12 {
					continue
				}
				for _, d := range descs {
					if strings.HasPrefix(d, t) || strings.HasPrefix(t, d[:min(len(d), len(t))]) {
						if probes++; probes > maxLeadProbes {
							stop = true
						} else if lead := leadBlock(c, descs); lead != "" {
							found = lead
						}
						break
					}
				}
			case html.ElementNode:
				if leadExcluded(c) {
					continue
				}
				walk(c, depth+1)
			}
		}
	}
	walk(body, 0)
	return found
}

// leadBlock returns the text of the block holding the text node t when it
// matches one of descs from its start, else "".
func leadBlock(t *html.Node, descs []string) string {
	block := t.Parent
	for block != nil && block.Type == html.ElementNode && inlineTags[block.Data] {
		block = block.Parent
	}
	if block == nil || block.Type != html.ElementNode {
		return ""
	}
	text := normSpace(blockText(block))
	n := utf8.RuneCountInString(text)
	if n < minLeadRunes || n > maxLeadRunes {
		return ""
	}
	for _, d := range descs {
		k := min(len(d), len(text))
		if text[:k] == d[:k] && k >= len(d)*3/4 {
			return text
		}
	}
	return ""
}

// leadExcluded reports whether an element cannot hold the lead: links,
// navigation, captions, asides, footers, forms and hidden or pruned
// elements.
func leadExcluded(n *html.Node) bool {
	switch n.Data {
	case "a", "nav", "footer", "aside", "figcaption", "figure", "form", "button", "select",
		"script", "style", "noscript", "template", "svg", "iframe", "blockquote", "ul", "ol", "table":
		return true
	}
	for _, a := range n.Attr {
		switch a.Key {
		case pruneMark, "hidden":
			return true
		case "role":
			if a.Val == "navigation" || a.Val == "complementary" || a.Val == "banner" {
				return true
			}
		}
	}
	return false
}

// pageDescriptions returns the page's distinct descriptions from its
// <meta> elements, spaces folded and a final ellipsis removed, each at
// least minLeadRunes long.
func pageDescriptions(doc *html.Node) []string {
	head := findElement(doc, "head", 0)
	if head == nil {
		return nil
	}
	var out []string
	for c := head.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode || c.Data != "meta" {
			continue
		}
		var key, content string
		for _, a := range c.Attr {
			switch a.Key {
			case "name", "property":
				key = strings.ToLower(a.Val)
			case "content":
				content = a.Val
			}
		}
		if !descriptionMeta[key] {
			continue
		}
		d := normSpace(content)
		for _, cut := range []string{"…", "...", "[…]", "[...]"} {
			d = strings.TrimSpace(strings.TrimSuffix(d, cut))
		}
		if utf8.RuneCountInString(d) < minLeadRunes {
			continue
		}
		dup := false
		for _, o := range out {
			dup = dup || o == d
		}
		if !dup {
			out = append(out, d)
		}
	}
	return out
}

// findElement returns the first element named tag in document order,
// searching no deeper than a few levels (html, head and body sit at the
// top).
func findElement(n *html.Node, tag string, depth int) *html.Node {
	if depth > 4 {
		return nil
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if c.Data == tag {
			return c
		}
		if f := findElement(c, tag, depth+1); f != nil {
			return f
		}
	}
	return nil
}

// blockText is the text under n, scripts and styles left out.
func blockText(n *html.Node) string {
	var b strings.Builder
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		if depth > 64 || b.Len() > 4*maxLeadRunes {
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch c.Type {
			case html.TextNode:
				b.WriteString(c.Data)
			case html.ElementNode:
				switch c.Data {
				case "script", "style", "noscript", "template":
					continue
				case "br":
					b.WriteByte(' ')
				}
				walk(c, depth+1)
			}
		}
	}
	walk(n, 0)
	return b.String()
}

// normSpace folds runs of white space (unicode.IsSpace) to one space and
// trims the ends, as strings.Join(strings.Fields(s), " ") does, in one
// pass; it returns s itself when there is nothing to fold.
func normSpace(s string) string {
	if spaceNormal(s) {
		return s
	}
	var b strings.Builder // grown at the first word: s may be all space
	space := false        // a space is owed before the next word
	for i := 0; i < len(s); {
		size, isSpace := 1, asciiSpace[s[i]]
		if s[i] >= utf8.RuneSelf {
			var r rune
			r, size = utf8.DecodeRuneInString(s[i:])
			isSpace = unicode.IsSpace(r)
		}
		switch {
		case isSpace:
			space = b.Len() > 0
		default:
			if b.Cap() == 0 {
				b.Grow(len(s) - i)
			}
			if space {
				b.WriteByte(' ')
				space = false
			}
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// asciiSpace holds the ASCII bytes unicode.IsSpace takes for space.
var asciiSpace = [256]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// spaceNormal reports whether normSpace(s) is s: no white space other than
// single ' ' between words.
func spaceNormal(s string) bool {
	afterSpace := true // a space at the start is not normal
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if asciiSpace[c] && (c != ' ' || afterSpace) {
				return false
			}
			afterSpace = c == ' '
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			return false
		}
		afterSpace = false
		i += size
	}
	return s == "" || !afterSpace
}

// withLead puts lead before body when body does not hold it already.
func withLead(body, lead string) string {
	if lead == "" || holdsLead(body, lead) {
		return body
	}
	return lead + "\n" + body
}

// holdsLead reports whether body holds the start of lead (its first 80
// bytes), spaces folded.
func holdsLead(body, lead string) bool {
	probe := lead
	if len(probe) > 80 {
		probe = probe[:80]
	}
	return strings.Contains(normSpace(body), probe)
}

// leadWords are words of class names (and itemprop values) that name an
// article's lead in several languages' publishing systems: "intro",
// "article__lead", "teaser-text", "standfirst", "chapo", "bajada".
var leadWords = setOf("intro", "introduction", "lead", "lede", "teaser", "standfirst", "summary",
	"excerpt", "subtitle", "subheadline", "subhead", "dek", "deck", "abstract", "description",
	"chapo", "chapeau", "sapo", "entradilla", "bajada", "vorspann", "anlauf", "occhiello", "sommario")

// headedLead returns the text of the first element named as a lead
// (leadWords) between the page's headline (its first <h1>) and the start
// of body, else the first <p> there that reads as a paragraph (80
// characters or more, ending like a sentence, its class naming no
// furniture); "" when there is none: the standfirst a page sets apart
// from the article's text.
func headedLead(doc *html.Node, body string) string {
	root := findElement(doc, "body", 0)
	if root == nil {
		return ""
	}
	bodyNorm := normSpace(body)
	if bodyNorm == "" {
		return ""
	}
	found, plain, done, afterH1, started := "", "", false, false, false
	probes := 0
	seen := 0
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		for c := n.FirstChild; c != nil && !done; c = c.NextSibling {
			if seen++; seen > 50000 || depth > 256 {
				done = true
				return
			}
			switch c.Type {
			case html.TextNode:
				if !afterH1 {
					continue
				}
				// The body starts at the first sizeable text it holds.
				if t := normSpace(c.Data); utf8.RuneCountInString(t) >= 20 {
					if strings.Contains(bodyNorm, t) {
						started, done = true, true
					} else if probes++; probes > maxLeadProbes {
						done = true
					}
				}
			case html.ElementNode:
				if c.Data == "h1" {
					afterH1 = true
					continue
				}
				if leadExcluded(c) {
					continue
				}
				if afterH1 && leadNamed(c) {
					t := normSpace(blockText(c))
					if n := utf8.RuneCountInString(t); n >= minLeadRunes && n <= maxLeadRunes && len(splitLines(nodeText(c))) <= 2 {
						probe := t
						if len(probe) > 80 {
							probe = probe[:80]
						}
						if !strings.Contains(bodyNorm, probe) {
							found = t
						}
						done = true
						return
					}
				}
				if afterH1 && plain == "" && c.Data == "p" && !furnitureClass(c) {
					t := normSpace(blockText(c))
					if n := utf8.RuneCountInString(t); n >= 80 && n <= maxLeadRunes && sentenceEnd(t) {
						plain = t
					}
				}
				walk(c, depth+1)
			}
		}
	}
	walk(root, 0)
	if found == "" && plain != "" && started {
		probe := plain
		if len(probe) > 80 {
			probe = probe[:80]
		}
		if !strings.Contains(bodyNorm, probe) {
			found = plain
		}
	}
	return found
}

// sentenceEnd reports whether t ends like a sentence or a quotation.
func sentenceEnd(t string) bool {
	r, _ := utf8.DecodeLastRuneInString(t)
	return strings.ContainsRune(".!?…\"“”»", r)
}

// leadNamed reports whether an element's class or itemprop names a lead
// (see leadWords); class names are split into words at hyphens,
// underscores, digits and changes to upper case.
func leadNamed(n *html.Node) bool {
	for _, a := range n.Attr {
		if (a.Key == "class" || a.Key == "itemprop") && hasLeadWord(a.Val) {
			return true
		}
	}
	return false
}

// hasLeadWord reports whether one of the words of a class attribute is in
// leadWords.
func hasLeadWord(v string) bool {
	start := -1
	for i := 0; i <= len(v); i++ {
		var c byte
		if i < len(v) {
			c = v[i]
		}
		lower := 'a' <= c && c <= 'z'
		upper := 'A' <= c && c <= 'Z'
		if start >= 0 && (!(lower || upper) || upper && i > start && !('A' <= v[i-1] && v[i-1] <= 'Z')) {
			if leadWords[strings.ToLower(v[start:i])] {
				return true
			}
			start = -1
		}
		if (lower || upper) && start < 0 {
			start = i
		}
	}
	return false
}
