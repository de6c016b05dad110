package extract

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
)

// Limits on the work spent on one document. The full HTML extraction
// (go-trafilatura with its fallbacks) costs more than linear time in a
// page's nesting depth, element count and text, so pages are measured
// first, in one linear pass, and bounded before it runs.
const (
	// MaxDocumentBytes is the largest document Parallax reads: a file,
	// what a gzip file decompresses to, or one JSON Lines record.
	MaxDocumentBytes = 32 << 20
	// MaxHTMLDepth is the deepest element nesting the full extraction
	// sees: deeper elements are flattened into their ancestor at this
	// depth, their text kept.
	MaxHTMLDepth = 128
	// MaxHTMLElements and MaxHTMLText bound the pages given to the full
	// extraction; a page with more elements or more bytes of text is
	// extracted the cheap way (see Result.Warning).
	MaxHTMLElements = 20_000
	MaxHTMLText     = 256 << 10
	// MaxHTMLWork bounds the work of the full extraction in the element
	// and ancestor pairs of a page (the sum of its elements' depths: the
	// nodes that walks from every element up to the root visit, or down
	// from every element through its subtree), which the extractor's
	// per-element tests of ancestors and subtrees cost; a page with more
	// is extracted the cheap way. It counts work, not time, so that a
	// page is extracted the same way however loaded the machine. The
	// 990 pages of the shared extraction evaluation have at most 145,279;
	// a page of 20,000 elements 128 deep would have 2.56 million.
	MaxHTMLWork = 500_000
	// MaxLines is the most lines of one document's text that are kept (see
	// CapLines): no article runs that long, and every stage after reading
	// costs time and memory per line.
	MaxLines = 100_000
)

// CapLines returns text cut after its first MaxLines lines that are not
// blank, with a warning saying so; text as it is and "" when it has fewer.
// Lines end as splitLines ends them: at "\n", "\r\n", a lone "\r", "\f",
// "\v", U+0085, U+2028 and U+2029.
func CapLines(text string) (string, string) {
	// More than MaxLines lines take a visible byte each and a line break
	// between each two: a shorter text is never cut, and most texts are
	// returned without reading them.
	if len(text) <= 2*MaxLines {
		return text, ""
	}
	lines, cut := 0, -1
	blank := true // no visible byte since the last line break
	for i := 0; i < len(text); i++ {
		switch c := text[i]; {
		case c == '\n' || c == '\f' || c == '\v':
		case c == '\r':
			if i+1 < len(text) && text[i+1] == '\n' {
				i++
			}
		case c == 0xc2 && i+1 < len(text) && text[i+1] == 0x85:
			i++
		case c == 0xe2 && i+2 < len(text) && text[i+1] == 0x80 && (text[i+2] == 0xa8 || text[i+2] == 0xa9):
			i += 2
		case c == ' ' || c == '\t':
			continue
		default:
			blank = false
			continue
		}
		if !blank {
			if lines++; lines == MaxLines {
				cut = i + 1
			}
		}
		blank = true
	}
	if !blank {
		lines++
	}
	if cut < 0 || lines == MaxLines {
		return text, ""
	}
	return text[:cut], fmt.Sprintf("only the first %d of its %d lines are kept", MaxLines, lines)
}

// voidTags are elements that never have content or an end tag.
var voidTags = setOf("area", "base", "br", "col", "embed", "hr", "img", "input", "keygen",
	"link", "meta", "param", "source", "track", "wbr")

// closesP are start tags that end an open <p>.
var closesP = setOf("address", "article", "aside", "blockquote", "details", "div", "dl",
	"fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
	"header", "hr", "main", "menu", "nav", "ol", "p", "pre", "section", "table", "ul")

// selfClosing are elements a start tag of the same group ends ("<li>a<li>b").
var selfClosing = map[string]string{
	"li": "li", "dt": "d", "dd": "d", "option": "option", "tr": "tr", "td": "cell", "th": "cell",
	"rb": "ruby", "rt": "ruby", "rp": "ruby", "rtc": "ruby", "optgroup": "optgroup",
	"thead": "section", "tbody": "section", "tfoot": "section",
}

// endSearch is how far down the stack of open elements an end tag looks
// for its start: an end tag without one nearby is ignored, as a parser
// mostly does, and the cost per tag stays constant.
const endSearch = 64

// nester follows the nesting of elements in a token stream the way an HTML
// parser roughly would (void elements, a <p> ended by a block, <li> by
// <li>), in constant time per tag.
type nester struct {
	stack []string
}

// start opens an element and returns its depth (1 for a child of the
// document). Void and self-closed elements are not kept open and, since
// they nest nothing, count at their parent's depth.
func (n *nester) start(name string, selfClose bool) int {
	if len(n.stack) > 0 {
		top := n.stack[len(n.stack)-1]
		if g, ok := selfClosing[name]; ok && selfClosing[top] == g {
			n.stack = n.stack[:len(n.stack)-1]
		} else if top == "p" && closesP[name] {
			n.stack = n.stack[:len(n.stack)-1]
		}
	}
	if selfClose || voidTags[name] {
		return len(n.stack)
	}
	n.stack = append(n.stack, name)
	return len(n.stack)
}

// end closes the nearest open element called name, with every element
// opened inside it, and returns its depth; 0 when none is open nearby.
func (n *nester) end(name string) int {
	for i := len(n.stack) - 1; i >= 0 && i >= len(n.stack)-endSearch; i-- {
		if n.stack[i] == name {
			n.stack = n.stack[:i]
			return i + 1
		}
	}
	return 0
}

// top returns the innermost open element ("" at the top level).
func (n *nester) top() string {
	if len(n.stack) == 0 {
		return ""
	}
	return n.stack[len(n.stack)-1]
}

// rawTextTags hold text that is not the page's text.
var rawTextTags = setOf("script", "style", "noscript", "template", "textarea", "xmp", "iframe", "noembed", "noframes")

// pageShape is what one linear pass over a page's tokens finds.
type pageShape struct {
	elements int
	text     int  // bytes of text outside scripts and styles
	deep     bool // some element lies deeper than MaxHTMLDepth
	// work is the sum of the depths of the elements the full extraction
	// sees (see MaxHTMLWork): those deeper than MaxHTMLDepth are
	// flattened away.
	work int
}

// measure returns the shape of a page in time linear in its size.
func measure(raw []byte) pageShape {
	var s pageShape
	var n nester
	z := html.NewTokenizer(bytes.NewReader(raw))
	for {
		switch tt := z.Next(); tt {
		case html.ErrorToken:
			return s
		case html.StartTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			s.elements++
			if d := n.start(tagName(name), tt == html.SelfClosingTagToken); d > MaxHTMLDepth {
				s.deep = true
			} else {
				s.work += d
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			n.end(string(name))
		case html.TextToken:
			if !rawTextTags[n.top()] {
				s.text += len(bytes.TrimSpace(z.Raw()))
			}
		}
	}
}

// tagName returns a tag name as a string, without allocating for the
// names HTML defines: measure keeps the name of every open element.
func tagName(name []byte) string {
	if a := atom.Lookup(name); a != 0 {
		return a.String()
	}
	return string(name)
}

// flatten rewrites a page so that no element lies deeper than MaxHTMLDepth:
// the tags of deeper elements are dropped (a block's become a line break)
// and their text stays where it was; a run of dropped tags makes one line
// break. Everything else is copied byte for byte, so the page's encoding
// is kept.
func flatten(raw []byte) []byte {
	var out bytes.Buffer
	out.Grow(len(raw))
	var n nester
	broke := false // the last token written is a line break for dropped tags
	z := html.NewTokenizer(bytes.NewReader(raw))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return out.Bytes()
		}
		keep := true
		name, _ := z.TagName()
		switch tt {
		case html.StartTagToken, html.SelfClosingTagToken:
			keep = n.start(string(name), tt == html.SelfClosingTagToken) <= MaxHTMLDepth
		case html.EndTagToken:
			d := n.end(string(name))
			keep = d == 0 || d <= MaxHTMLDepth
		}
		switch {
		case keep:
			out.Write(z.Raw())
			broke = false
		case !broke && !inlineTags[string(name)]:
			out.WriteString("<br>")
			broke = true
		}
	}
}

// skippedTags are elements whose content the cheap extraction leaves out:
// code, page furniture and forms.
var skippedTags = setOf("script", "style", "noscript", "template", "svg", "math", "head",
	"nav", "header", "footer", "aside", "form", "button", "select", "iframe", "object", "canvas")

// cheapHTML extracts a page's text without layout analysis, in one linear
// pass over its tokens: the text of every element outside scripts,
// navigation, headers, footers and forms, one block a line, then the sure
// boilerplate removed as for a full extraction. It reads the title, the
// language, the site name and the publication time from the page's head.
func cheapHTML(raw []byte, pageURL string) Result {
	raw = toUTF8(raw)
	var (
		res     Result
		text    bytes.Buffer
		n       nester
		skipAt  int // depth of the outermost skipped element open; 0 for none
		inTitle bool
	)
	text.Grow(len(raw) / 2)
	z := html.NewTokenizer(bytes.NewReader(raw))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		switch tt {
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			name := tok.Data
			d := n.start(name, tt == html.SelfClosingTagToken)
			switch name {
			case "html":
				for _, a := range tok.Attr {
					if (a.Key == "lang" || a.Key == "xml:lang") && validLangTag(a.Val) && res.Language == "" {
						res.Language = a.Val
					}
				}
			case "meta":
				cheapMeta(&res, tok.Attr)
			case "title":
				inTitle = res.Title == "" && tt == html.StartTagToken
			}
			entered := tt == html.StartTagToken && !voidTags[name]
			if skipAt == 0 && entered && skippedTags[name] {
				skipAt = d
			}
			if skipAt == 0 {
				blockBreak(&text, name)
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			n.end(string(name))
			if skipAt > 0 && len(n.stack) < skipAt {
				skipAt = 0
			}
			if string(name) == "title" {
				inTitle = false
			}
			if skipAt == 0 {
				blockBreak(&text, string(name))
			}
		case html.TextToken:
			switch {
			case inTitle:
				res.Title = cleanField(string(z.Text()))
			case skipAt == 0 && !rawTextTags[n.top()]:
				text.Write(z.Text())
			}
		}
	}
	res.Title = trimSiteSuffix(res.Title, res.SiteName)
	res.URL = pageURL
	if !res.Published.IsZero() {
		res.Published = res.Published.UTC()
	}
	res.Text, res.Removed = cleanBodyLines(text.String(), res.Title, nil)
	return res
}

// blockBreak ends the current line at a block element's boundary.
func blockBreak(b *bytes.Buffer, name string) {
	switch {
	case name == "td" || name == "th":
		b.WriteByte(' ')
	case !inlineTags[name]:
		b.WriteByte('\n')
	}
}

// cheapMeta reads the site name and the publication time from a <meta>
// element's attributes.
func cheapMeta(res *Result, attrs []html.Attribute) {
	var key, content string
	for _, a := range attrs {
		switch a.Key {
		case "property", "name", "itemprop":
			if key == "" || publishedMeta[strings.ToLower(a.Val)] || strings.ToLower(a.Val) == "og:site_name" {
				key = strings.ToLower(a.Val)
			}
		case "content":
			content = a.Val
		}
	}
	switch {
	case key == "og:site_name" && res.SiteName == "":
		res.SiteName = cleanField(content)
	case publishedMeta[key] && res.Published.IsZero():
		res.Published = parseMetaTime(content)
	}
}

// toUTF8 converts a page in a legacy encoding (declared or detected) to
// UTF-8; UTF-8 input is returned as it is.
func toUTF8(raw []byte) []byte {
	if page, ok := decodeHTML(raw); ok {
		return page
	}
	e, _, _ := charset.DetermineEncoding(raw[:min(len(raw), 1024)], "text/html")
	out, err := io.ReadAll(e.NewDecoder().Reader(bytes.NewReader(raw)))
	if err != nil {
		return raw
	}
	return out
}
