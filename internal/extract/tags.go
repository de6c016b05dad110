package extract

import "strings"

// Leftover markup in scraped text is removed in two passes, each linear in
// the line with a small constant (a regular expression over ninety tag
// names costs microseconds a byte on text dense in "<"):
//
//   - stripTags replaces a whole tag of a common element, also spaced out
//     ("< /p>") or carrying attributes, with a space;
//   - stripFragments then replaces the remains of a cut tag: "/p>" or "p>"
//     standing alone, "< / >", and "<p" or "</div" at the line's end.

// tagNames are the elements whose whole tags stripTags removes.
var tagNames = setOf("p", "br", "div", "span", "a", "b", "i", "u", "em", "strong", "li", "ul",
	"ol", "h1", "h2", "h3", "h4", "h5", "h6", "img", "figure", "figcaption", "blockquote",
	"iframe", "script", "style", "noscript", "table", "tbody", "thead", "tr", "td", "th", "sup",
	"sub", "small", "section", "article", "header", "footer", "nav", "aside", "hr", "font",
	"center", "pre", "code", "source", "video", "audio", "picture", "label", "button", "input",
	"form", "svg", "path", "meta", "link", "html", "body", "head", "title", "cite", "q", "s",
	"del", "ins", "mark", "abbr", "time", "dl", "dt", "dd")

// fragmentNames are the elements whose cut tag ("p>", "/div>") standing
// alone stripFragments removes; openNames those whose cut start at the end
// of a line ("<p", "</div") it removes.
var (
	fragmentNames = setOf("p", "br", "div", "span", "strong", "em", "li", "ul", "ol", "h1", "h2",
		"h3", "h4", "h5", "h6", "a", "b", "i", "u", "td", "tr", "figure", "figcaption", "blockquote")
	openNames = setOf("p", "br", "div", "span", "strong", "em", "li", "a", "b", "i")
)

// maxTagName is the longest name in the tables above.
const maxTagName = len("figcaption")

// isTagSpace reports white space as tags allow it (ASCII only).
func isTagSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' }

// isWordByte reports an ASCII letter, digit or underscore.
func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
}

// nameIn reports whether s, folded to lower case, is in names.
func nameIn(s string, names map[string]bool) bool {
	if len(s) == 0 || len(s) > maxTagName {
		return false
	}
	var buf [maxTagName]byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return names[string(buf[:len(s)])]
}

// skipSpace returns the first index from i that is not tag white space.
func skipSpace(s string, i int) int {
	for i < len(s) && isTagSpace(s[i]) {
		i++
	}
	return i
}

// replaceSpans replaces the spans [start, end) of s, in order and not
// overlapping, with a space each.
func replaceSpans(s string, spans [][2]int) string {
	if len(spans) == 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	last := 0
	for _, sp := range spans {
		b.WriteString(s[last:sp[0]])
		b.WriteByte(' ')
		last = sp[1]
	}
	b.WriteString(s[last:])
	return b.String()
}

// stripTags replaces every whole tag of an element in tagNames with a
// space: "<", optional white space and "/", the name as a whole word, then
// anything but "<" up to the next ">".
func stripTags(s string) string {
	var spans [][2]int
	for i := 0; i < len(s); {
		j := strings.IndexByte(s[i:], '<')
		if j < 0 {
			break
		}
		i += j
		if end := tagEnd(s, i); end > 0 {
			spans = append(spans, [2]int{i, end})
			i = end
			continue
		}
		i++
	}
	return replaceSpans(s, spans)
}

// tagEnd returns the end of the whole tag starting at s[i] == '<', or 0.
func tagEnd(s string, i int) int {
	k := skipSpace(s, i+1)
	if k < len(s) && s[k] == '/' {
		k = skipSpace(s, k+1)
	}
	n := k
	for n < len(s) && n-k <= maxTagName && isWordByte(s[n]) {
		n++
	}
	if !nameIn(s[k:n], tagNames) || n < len(s) && isWordByte(s[n]) {
		return 0
	}
	m := strings.IndexAny(s[n:], "<>")
	if m < 0 || s[n+m] != '>' {
		return 0
	}
	return n + m + 1
}

// stripFragments replaces the remains of cut tags with a space: a name of
// fragmentNames with an optional "/" before it (after white space or at
// the line's start) and an optional "/" and ">" after it; "<", "/" and ">"
// with white space between; and at the line's end, "<" and a name of
// openNames, optionally with "/" and white space between.
func stripFragments(s string) string {
	var spans [][2]int
	for i := 0; i < len(s); {
		j := strings.IndexByte(s[i:], '>')
		if j < 0 {
			break
		}
		j += i
		if start := fragmentStart(s, j); start >= 0 {
			spans = append(spans, [2]int{start, j + 1})
		}
		i = j + 1
	}
	if start := openAtEnd(s); start >= 0 && (len(spans) == 0 || start >= spans[len(spans)-1][1]) {
		spans = append(spans, [2]int{start, len(s)})
	}
	return replaceSpans(s, spans)
}

// fragmentStart returns the start of a cut tag ending with s[j] == '>',
// or -1.
func fragmentStart(s string, j int) int {
	// "<", white space, "/", white space, ">".
	if b := backSpace(s, j); b > 0 && s[b-1] == '/' {
		if c := backSpace(s, b-1); c > 0 && s[c-1] == '<' {
			return c - 1
		}
	}
	// A name, white space, an optional "/", then ">"; before the name an
	// optional "/" after white space (which goes too) or the line's start.
	k := j
	if k > 0 && s[k-1] == '/' {
		k--
	}
	k = backSpace(s, k)
	n := k
	for n > 0 && k-n <= maxTagName && isWordByte(s[n-1]) {
		n--
	}
	if !nameIn(s[n:k], fragmentNames) {
		return -1
	}
	if n > 0 && s[n-1] == '/' {
		n--
	}
	switch {
	case n == 0:
		return 0
	case isTagSpace(s[n-1]):
		return n - 1
	}
	return -1
}

// backSpace returns the index before which s[:i] ends in no white space.
func backSpace(s string, i int) int {
	for i > 0 && isTagSpace(s[i-1]) {
		i--
	}
	return i
}

// openAtEnd returns the start of a cut start tag ending the line ("<p",
// "</div ", "< b"), or -1.
func openAtEnd(s string) int {
	k := backSpace(s, len(s))
	n := k
	for n > 0 && k-n <= maxTagName && isWordByte(s[n-1]) {
		n--
	}
	if !nameIn(s[n:k], openNames) {
		return -1
	}
	b := backSpace(s, n)
	if b > 0 && s[b-1] == '/' {
		b = backSpace(s, b-1)
	}
	if b > 0 && s[b-1] == '<' {
		return b - 1
	}
	return -1
}
