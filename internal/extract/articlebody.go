package extract

import (
	"encoding/json"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// Rules that read the article's text the page declares in its structured
// data: the articleBody of a schema.org object in a JSON-LD script. Where
// the page declares one and the extracted body agrees with it, the lines
// that end the extracted body after the last one the declared text holds
// are furniture the extractor took along (teasers, forum posts, product
// boxes, calls to the reader).

// minDeclaredBody is the shortest declared article text, in bytes of its
// key (see lineKey), that is used: shorter ones are summaries.
const minDeclaredBody = 200

// maxLDScript is the largest JSON-LD script that is read, in bytes.
const maxLDScript = 4 << 20

// minAgreeLine is the shortest line, in bytes of its key, that counts
// when the extracted body is compared with the declared text, and
// agreeNum/agreeDen the share of those lines' bytes the declared text must
// hold for the two to agree: a declared text that is only the first part
// of the article, or another text, is not used.
const (
	minAgreeLine       = 80
	agreeNum, agreeDen = 3, 4 // 75%
)

// declaredBody returns the key (see lineKey) of the longest articleBody
// in the page's JSON-LD scripts, with markup and character references
// removed; "" when the page declares none of at least minDeclaredBody
// bytes.
func declaredBody(doc *html.Node) string {
	best := ""
	walkElements(doc, func(c *html.Node) bool {
		if c.Data != "script" {
			return true
		}
		if ldScript(c) && c.FirstChild != nil && c.FirstChild.Type == html.TextNode {
			if s := c.FirstChild.Data; len(s) <= maxLDScript && strings.Contains(s, "rticleBody") {
				if b := ldArticleBody(s); len(b) > len(best) {
					best = b
				}
			}
		}
		return false
	})
	if best == "" {
		return ""
	}
	key := lineKey(stripMarkup(best))
	if len(key) < minDeclaredBody {
		return ""
	}
	return key
}

// ldScript reports whether a <script> element holds JSON-LD.
func ldScript(n *html.Node) bool {
	for _, a := range n.Attr {
		if a.Key == "type" {
			return strings.EqualFold(strings.TrimSpace(a.Val), "application/ld+json")
		}
	}
	return false
}

// ldArticleBody returns the longest articleBody string in a JSON-LD
// script; "" when it has none or is not valid JSON.
func ldArticleBody(script string) string {
	var v any
	if err := json.Unmarshal([]byte(strings.TrimSpace(script)), &v); err != nil {
		return ""
	}
	best := ""
	var walk func(v any, depth int)
	walk = func(v any, depth int) {
		if depth > 64 {
			return
		}
		switch v := v.(type) {
		case map[string]any:
			for k, x := range v {
				if s, ok := x.(string); ok && strings.EqualFold(k, "articleBody") {
					if len(s) > len(best) {
						best = s
					}
					continue
				}
				walk(x, depth+1)
			}
		case []any:
			for _, x := range v {
				walk(x, depth+1)
			}
		}
	}
	walk(v, 0)
	return best
}

// stripMarkup removes the tags and character references some pages leave
// in their declared article text ("<p>First.</p>", "&amp;").
func stripMarkup(s string) string {
	s = html.UnescapeString(s)
	if !strings.Contains(s, "<") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for {
		i := strings.IndexByte(s, '<')
		if i < 0 {
			b.WriteString(s)
			break
		}
		b.WriteString(s[:i])
		j := strings.IndexByte(s[i:], '>')
		if j < 0 || !tagStart(s[i+1:]) {
			b.WriteByte('<')
			s = s[i+1:]
			continue
		}
		b.WriteByte(' ')
		s = s[i+j+1:]
	}
	return html.UnescapeString(b.String())
}

// tagStart reports whether s (what follows a '<') opens a tag: a letter,
// '/' or '!'.
func tagStart(s string) bool {
	if s == "" {
		return false
	}
	c := s[0]
	return c == '/' || c == '!' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

// trimToDeclared drops the lines that end an extracted body after the last
// one the declared article text holds (declared is its key, see
// declaredBody), when the body agrees with it (see minAgreeLine), and the
// lines between the first and the last it holds that it does not hold
// and that are, on the page, the text of a link (teasers set inside the
// body; links returns the keys of the page's linked blocks among the keys
// it is given, see linkedBlocks; nil skips them). It returns the body and
// the lines dropped; a body that does not agree is returned as it is.
func trimToDeclared(text, declared string, links func(want map[string]bool) map[string]bool) (string, []string) {
	if declared == "" || text == "" {
		return text, nil
	}
	lines := strings.Split(text, "\n")
	keys := make([]string, len(lines))
	held := make([]bool, len(lines))
	first, last := -1, -1
	total, agreed := 0, 0
	for i, l := range lines {
		k := lineKey(l)
		if k == "" {
			continue
		}
		keys[i] = k
		held[i] = strings.Contains(declared, k)
		if held[i] {
			if first < 0 {
				first = i
			}
			last = i
		}
		if len(k) >= minAgreeLine {
			n := utf8.RuneCountInString(k)
			total += n
			if held[i] {
				agreed += n
			}
		}
	}
	if last < 0 || total == 0 || agreed*agreeDen < total*agreeNum {
		return text, nil
	}
	drop := make([]bool, len(lines))
	for i := last + 1; i < len(lines); i++ {
		drop[i] = true
	}
	if links != nil {
		want := make(map[string]bool)
		for i := first + 1; i < last; i++ {
			if !held[i] && keys[i] != "" && teaserCandidate(lines[i]) {
				want[keys[i]] = true
			}
		}
		if len(want) > 0 {
			linked := links(want)
			for i := first + 1; i < last; i++ {
				drop[i] = !held[i] && linked[keys[i]]
			}
		}
	}
	var kept, dropped []string
	for i, l := range lines {
		switch {
		case !drop[i]:
			kept = append(kept, l)
		case strings.TrimSpace(l) != "":
			dropped = append(dropped, l)
		}
	}
	if len(dropped) == 0 {
		return text, nil
	}
	return strings.Join(kept, "\n"), dropped
}
