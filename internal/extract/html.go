package extract

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	nurl "net/url"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/go-shiori/dom"
	"github.com/markusmobius/go-htmldate"
	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/text/unicode/norm"
)

// Result is an article extracted from an HTML page.
type Result struct {
	// Title is the headline, from the page's metadata or markup.
	Title string
	// Text is the main text, one paragraph a line, surely-boilerplate lines
	// removed.
	Text string
	// Author is the byline ("" when the page names none).
	Author string
	// SiteName is the publication's name ("" when unknown).
	SiteName string
	// Language is the page's declared language tag ("en", "pt-BR"), or the
	// ISO 639-1 code detected from the text when the page declares none.
	Language string
	// URL is the page's canonical address, else pageURL.
	URL string
	// Published is the publication time; zero when unknown.
	Published time.Time
	// Removed lists the lines of the extracted body dropped as surely
	// boilerplate, in order.
	Removed []string
	// Warning says what was done short of a full extraction (deep nesting
	// flattened, the cheap extraction used for a page too large or too
	// slow); "" when nothing was.
	Warning string
}

// fallbackBelow is the length (in characters) of the extractor's own text
// below which its fallback extractors are run as well: on the shared
// development pages, 20% of pages, and the same F1 within 0.001 for 40%
// less extraction time on the others.
const fallbackBelow = 1500

// pruneBeforeExtraction selects the elements removed from a page before
// extraction (metadata is read before) because what they hold is not the
// article's text: captions, asides (related links, info boxes), contact
// addresses, comment sections, navigation and footers, disclaimers and
// author boxes. Measured on the shared development pages: precision 0.909
// -> 0.914, recall 0.933 -> 0.934. Sidebars and the short furniture
// elements markPrunable marks (captions, credits, related links, metadata
// rows) followed: precision 0.925 -> 0.937 with the line rules of the same
// change, recall unchanged.
const pruneBeforeExtraction = `figcaption, aside, address, [id*="comment"], [role="navigation"], nav, footer, [class*="disclaimer"], [itemprop="author"], [id*="sidebar"], [` + pruneMark + `]`

// ErrNoHTML is returned (wrapped) by HTML for input that is empty, binary or
// not an HTML page.
var ErrNoHTML = errors.New("not an HTML page")

// ErrNoText is returned (wrapped) by HTML when a page yields no main text.
var ErrNoText = errors.New("no main text found")

// ErrTooLarge is returned (wrapped) by HTML for a page over
// MaxDocumentBytes.
var ErrTooLarge = errors.New("document too large")

// HTML extracts the main text and metadata of a news page with
// go-trafilatura, then drops lines of the body that are surely boilerplate
// (sharing and navigation rows, date rows, leftover tags, teaser lists at the
// end). pageURL, when not empty, is the address the page was fetched from; it
// helps resolve relative metadata and is returned when the page names no
// canonical URL. It is HTMLContext without cancellation.
//
// HTML returns an error wrapping ErrNoHTML for empty or binary input,
// ErrTooLarge for a page over MaxDocumentBytes, and one wrapping ErrNoText
// when no main text is found. It does not panic: a panic inside the
// extractor is returned as an error.
func HTML(raw []byte, pageURL string) (Result, error) {
	return HTMLContext(context.Background(), raw, pageURL)
}

// HTMLContext is HTML within the limits on a page's shape. A page too
// large for the full extraction (more than MaxHTMLElements elements,
// MaxHTMLText bytes of text or MaxHTMLWork element and ancestor pairs) is
// extracted the cheap way, in time linear in its size, and Result.Warning
// says so; elements nested deeper than MaxHTMLDepth are flattened first.
// The limits count the page's work, not time: a page is extracted the same
// way however loaded the machine. A ctx done before the extraction starts
// ends it with ctx's error; one extraction, bounded by the limits, is not
// interrupted.
func HTMLContext(ctx context.Context, raw []byte, pageURL string) (Result, error) {
	if err := checkHTML(raw); err != nil {
		return Result{}, fmt.Errorf("extract HTML: %w", err)
	}
	if err := ctx.Err(); err != nil {
		return Result{}, fmt.Errorf("extract HTML: %w", err)
	}
	shape := measure(raw)
	var why string
	switch {
	case shape.elements > MaxHTMLElements:
		why = fmt.Sprintf("the page has %d elements, over the %d the full extraction is given", shape.elements, MaxHTMLElements)
	case shape.text > MaxHTMLText:
		why = fmt.Sprintf("the page has %d KB of text, over the %d KB the full extraction is given", shape.text>>10, MaxHTMLText>>10)
	case shape.work > MaxHTMLWork:
		why = fmt.Sprintf("the page has %d element and ancestor pairs, over the %d the full extraction is given", shape.work, MaxHTMLWork)
	default:
		var note string
		if shape.deep {
			raw = flatten(raw)
			note = fmt.Sprintf("elements nested deeper than %d levels were flattened", MaxHTMLDepth)
		}
		res, err := full(raw, pageURL)
		if err != nil {
			return Result{}, err
		}
		res.Warning = note
		return res, nil
	}
	res := cheapHTML(raw, pageURL)
	res.Warning = "extracted without layout analysis: " + why
	if strings.TrimSpace(res.Text) == "" {
		return Result{}, fmt.Errorf("extract HTML: %w (%s)", ErrNoText, res.Warning)
	}
	return res, nil
}

// full is the full extraction of a page checkHTML accepted.
func full(raw []byte, pageURL string) (res Result, err error) {
	defer func() {
		if r := recover(); r != nil {
			res, err = Result{}, fmt.Errorf("extract HTML: extractor failed: %v", r)
		}
	}()
	res, doc, err := extractRules(raw, pageURL)
	if err != nil {
		return Result{}, err
	}
	// Lines the learned scorer takes for furniture go last.
	if text, dropped := dropScoredLines(res.Text, res.Title, doc, &boilerplateModel); len(dropped) > 0 {
		res.Text, res.Removed = text, append(res.Removed, dropped...)
	}
	return res, nil
}

// extractRules is full without the learned scorer: the extraction and
// the rules, with the parsed page the rules read.
func extractRules(raw []byte, pageURL string) (res Result, doc *html.Node, err error) {
	if page, ok := decodeHTML(raw); ok {
		doc, err = html.Parse(bytes.NewReader(page))
	} else {
		// An encoding the page does not name: let dom guess it.
		doc, err = dom.Parse(bytes.NewReader(raw))
	}
	if err != nil {
		return Result{}, nil, fmt.Errorf("extract HTML: parse: %w", err)
	}
	declaredLang := htmlLang(doc)
	metaTime := metaPublished(doc)
	markPrunable(doc)

	opts := trafilatura.Options{
		ExcludeComments: true,
		HtmlDateMode:    trafilatura.Fast,
		PruneSelector:   pruneBeforeExtraction,
	}
	if !metaTime.IsZero() {
		// The page states its publication time in its metadata: the
		// extractor's own date search (a pass over the whole page) would
		// only be overruled by it below.
		opts.HtmlDateOverride = &htmldate.Result{DateTime: metaTime, HasTime: true}
	}
	if pageURL != "" {
		if u, perr := nurl.ParseRequestURI(pageURL); perr == nil && u.Host != "" {
			opts.OriginalURL = u
		}
	}
	// The fallback extractors (Readability, DOM Distiller) rarely change
	// a long extraction and cost as much as the rest of it: they run only
	// when the extractor's own text is short. (ExtractDocument leaves doc
	// as it was, so it can run again.)
	if opts.HtmlDateOverride != nil { // no date search reads the scripts
		dropInert(doc)
	}
	ex, err := trafilatura.ExtractDocument(doc, opts)
	if err != nil || ex == nil || utf8.RuneCountInString(ex.ContentText) < fallbackBelow {
		opts.EnableFallback = true
		if err == nil && ex != nil && opts.HtmlDateOverride == nil {
			// The date search does not depend on the fallbacks: keep
			// what the first run found rather than search again.
			opts.HtmlDateOverride = &htmldate.Result{DateTime: ex.Metadata.Date, HasTime: !ex.Metadata.Date.IsZero()}
			dropInert(doc)
		}
		ex, err = trafilatura.ExtractDocument(doc, opts)
	}
	if err != nil {
		return Result{}, nil, fmt.Errorf("extract HTML: %w: %w", ErrNoText, err)
	}
	if ex == nil {
		return Result{}, nil, fmt.Errorf("extract HTML: %w", ErrNoText)
	}
	md := ex.Metadata
	res = Result{
		Title:     cleanField(md.Title),
		Author:    cleanField(md.Author),
		SiteName:  cleanField(md.Sitename),
		Language:  declaredLang,
		URL:       strings.TrimSpace(md.URL),
		Published: md.Date,
	}
	if res.Language == "" {
		res.Language = md.Language
	}
	if res.URL == "" {
		res.URL = pageURL
	}
	// The extractor keeps only the day; take the time of day from the
	// page's own publication metadata when it names the same day.
	if !metaTime.IsZero() && (res.Published.IsZero() ||
		metaTime.UTC().Format(time.DateOnly) == res.Published.Format(time.DateOnly) ||
		metaTime.Format(time.DateOnly) == res.Published.Format(time.DateOnly)) {
		res.Published = metaTime
	}
	if !res.Published.IsZero() {
		res.Published = res.Published.UTC()
	}
	body := pageText(ex.ContentNode, doc)
	if strings.TrimSpace(body) == "" {
		body = ex.ContentText
	}
	res.Title = trimSiteSuffix(res.Title, res.SiteName)
	// A lead the extractor left out goes first: the paragraph the page's
	// description repeats, else (also when the body already holds that
	// one) the standfirst between the headline and the body.
	lead := leadParagraph(doc)
	if lead == "" || holdsLead(body, lead) {
		lead = headedLead(doc, body)
	}
	if lead != "" && lineKey(lead) != lineKey(res.Title) {
		body = withLead(body, lead)
	}
	if placeholderAuthors[lineKey(res.Author)] {
		res.Author = ""
	}
	links := func(want map[string]bool) map[string]bool { return linkedBlocks(doc, want) }
	res.Text, res.Removed = cleanBodyLines(body, res.Title, links)
	// Furniture after the text the page declares as its article goes.
	if bytes.Contains(raw, []byte("rticleBody")) {
		if text, dropped := trimToDeclared(res.Text, declaredBody(doc), links); len(dropped) > 0 {
			res.Text, res.Removed = text, append(res.Removed, dropped...)
		}
	}
	if strings.TrimSpace(res.Text) == "" {
		return Result{}, nil, fmt.Errorf("extract HTML: %w", ErrNoText)
	}
	return res, doc, nil
}

// checkHTML refuses input that cannot be a web page or is too large:
// empty, over MaxDocumentBytes, binary (NUL or many control bytes near the start) or without any markup.
func checkHTML(raw []byte) error {
	if len(bytes.TrimSpace(raw)) == 0 {
		return fmt.Errorf("%w: empty input", ErrNoHTML)
	}
	if len(raw) > MaxDocumentBytes {
		return fmt.Errorf("%w: the page is %.1f MB, over the %d MB limit for one document", ErrTooLarge, float64(len(raw))/(1<<20), MaxDocumentBytes>>20)
	}
	head := raw
	if len(head) > 4096 {
		head = head[:4096]
	}
	ctl := 0
	for _, c := range head {
		switch {
		case c == 0:
			return fmt.Errorf("%w: binary input (NUL byte)", ErrNoHTML)
		case c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f':
			ctl++
		}
	}
	if ctl*20 > len(head) {
		return fmt.Errorf("%w: binary input (%d control bytes in the first %d)", ErrNoHTML, ctl, len(head))
	}
	if bytes.IndexByte(raw, '<') < 0 || bytes.IndexByte(raw, '>') < 0 {
		return fmt.Errorf("%w: no markup", ErrNoHTML)
	}
	return nil
}

// htmlLang returns the lang attribute of the <html> element, when it looks
// like a language tag.
func htmlLang(doc *html.Node) string {
	for n := doc.FirstChild; n != nil; n = n.NextSibling {
		if n.Type != html.ElementNode || n.Data != "html" {
			continue
		}
		for _, a := range n.Attr {
			if a.Key != "lang" && a.Key != "xml:lang" {
				continue
			}
			v := strings.TrimSpace(a.Val)
			if validLangTag(v) {
				return v
			}
		}
	}
	return ""
}

// validLangTag reports whether s is shaped like a BCP 47 tag: letters,
// digits and hyphens, starting with a 2–3 letter primary subtag.
func validLangTag(s string) bool {
	if len(s) < 2 || len(s) > 35 {
		return false
	}
	primary := s
	if i := strings.IndexAny(s, "-_"); i >= 0 {
		primary = s[:i]
	}
	if len(primary) < 2 || len(primary) > 3 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
			return false
		}
	}
	for i := 0; i < len(primary); i++ {
		if c := primary[i]; !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
			return false
		}
	}
	return true
}

// cleanField normalizes a metadata field to one trimmed line.
func cleanField(s string) string {
	if s == "" {
		return ""
	}
	return strings.Join(splitLines(nfc(s)), " ")
}

// nfc returns s in Unicode normalization form C (composed characters), in
// which text is compared and searched: pages written in decomposed form
// (a letter and its combining marks) otherwise never match the same words
// typed composed.
func nfc(s string) string {
	if norm.NFC.IsNormalString(s) {
		return s
	}
	return norm.NFC.String(s)
}

// inlineTags are elements (HTML and go-trafilatura's output vocabulary)
// whose text continues the current line; every other element is a block.
var inlineTags = setOf("a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em",
	"font", "hi", "i", "kbd", "mark", "q", "ref", "rp", "rt", "ruby", "s", "samp", "small",
	"span", "strike", "strong", "sub", "sup", "time", "tt", "u", "var", "del", "ins", "label",
	"td", "th", "cell", "nobr", "wbr")

// nodeText renders extracted content as text, one block (paragraph,
// heading, list item, table row) a line.
func nodeText(root *html.Node) string {
	return pageText(root, nil)
}

// pageText is nodeText for content extracted from page. The extractor
// trims the text that follows an inline element inside a list item
// ("after <code>a</code> and <code>b</code>" comes out as "after
// a</code>and<code>b"): where the rendering joins an inline element's
// last word to the next text's first word, the space is put back when page
// has that element followed by a space and that word.
func pageText(root, page *html.Node) string {
	if root == nil {
		return ""
	}
	var b strings.Builder
	var joins []join  // where an inline element meets text without a space
	inlineStart := -1 // offset in b of the last inline element walked
	textStart := -1   // offset in b of the last text written
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		if depth > 512 { // pathological nesting
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch c.Type {
			case html.TextNode:
				if page != nil && inlineStart >= 0 && c.Data != "" && afterInline(c) &&
					!startsWithSpace(c.Data) && !endsWithSpace(b.String()) {
					before, _ := joinKey(b.String()[inlineStart:], b.Len()-inlineStart)
					_, after := joinKey(c.Data, 0)
					if before != "" && after != "" {
						joins = append(joins, join{at: b.Len(), key: before + "\x00" + after})
					}
				}
				textStart = b.Len()
				b.WriteString(c.Data)
			case html.ElementNode:
				switch tag := strings.ToLower(c.Data); {
				case tag == "br" || tag == "lb" || tag == "hr":
					b.WriteByte('\n')
				case tag == "script" || tag == "style" || tag == "noscript" || tag == "template":
				case tag == "td" || tag == "th" || tag == "cell":
					b.WriteByte(' ')
					walk(c, depth+1)
					b.WriteByte(' ')
				case inlineTags[tag]:
					start, ts := b.Len(), textStart
					glued := page != nil && textStart >= 0 && c.PrevSibling != nil &&
						c.PrevSibling.Type == html.TextNode && start > textStart && !endsWithSpace(b.String())
					walk(c, depth+1)
					if glued && b.Len() > start && !startsWithSpace(b.String()[start:]) {
						before, _ := joinKey(b.String()[ts:start], start-ts)
						_, after := joinKey(b.String()[start:], 0)
						if before != "" && after != "" {
							joins = append(joins, join{at: start, key: before + "\x00" + after, opens: true})
						}
					}
					inlineStart = start
				default:
					b.WriteByte('\n')
					walk(c, depth+1)
					b.WriteByte('\n')
				}
			}
		}
	}
	walk(root, 0)
	s := b.String()
	if len(joins) == 0 {
		return s
	}
	slices.SortFunc(joins, func(a, b join) int { return cmp.Compare(a.at, b.at) })
	return respace(s, joins, spacedJoins(page, joins))
}

// join is a place in pageText's rendering where an inline element's text
// meets the text after it, or text meets the inline element after it
// (opens), without a space: its offset, and the words on either side (see
// joinKey) as "before\x00after".
type join struct {
	at    int
	key   string
	opens bool
}

// maxJoinWord is the most bytes of a word on either side of a join that
// pageText compares.
const maxJoinWord = 48

// joinKey is the pair of words on either side of a join at offset i of s
// (an inline element's last word and the next text's first word), at most
// maxJoinWord bytes each, cut at a rune boundary.
func joinKey(s string, i int) (before, after string) {
	start := strings.LastIndexFunc(s[:i], unicode.IsSpace) + 1
	if i-start > maxJoinWord {
		start = i - maxJoinWord
		for start < i && !utf8.RuneStart(s[start]) {
			start++
		}
	}
	end := strings.IndexFunc(s[i:], unicode.IsSpace)
	if end < 0 {
		end = len(s) - i
	}
	if end > maxJoinWord {
		end = maxJoinWord
		for end > 0 && !utf8.RuneStart(s[i+end]) {
			end--
		}
	}
	return s[start:i], s[i : i+end]
}

// spacedJoins returns the keys of the joins whose words the page has with
// a space between them, at the end of the first or the start of the
// second: an inline element ending in the first word followed by text
// starting with the second, or text ending in the first followed by an
// inline element starting with the second.
func spacedJoins(page *html.Node, joins []join) map[string]bool {
	if page == nil {
		return nil
	}
	want := make(map[string]bool, len(joins))   // join keys
	firsts := make(map[string]bool, len(joins)) // the words after the joins that close an element
	lasts := make(map[string]bool, len(joins))  // the words before the joins that open one
	for _, j := range joins {
		want[j.key] = true
		sep := strings.IndexByte(j.key, 0)
		if j.opens {
			lasts[j.key[:sep]] = true
		} else {
			firsts[j.key[sep+1:]] = true
		}
	}
	found := make(map[string]bool, len(want))
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		if depth > 512 {
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch c.Type {
			case html.TextNode:
				if len(firsts) == 0 || !afterInline(c) {
					continue
				}
				t := strings.TrimLeftFunc(c.Data, unicode.IsSpace)
				if t == "" {
					continue
				}
				_, after := joinKey(t, 0)
				if !firsts[after] {
					continue
				}
				var e strings.Builder
				textInto(&e, c.PrevSibling, 0)
				et := strings.TrimRightFunc(e.String(), unicode.IsSpace)
				if len(t) == len(c.Data) && len(et) == e.Len() {
					continue // no space on either side
				}
				before, _ := joinKey(et, len(et))
				if k := before + "\x00" + after; want[k] {
					found[k] = true
				}
			case html.ElementNode:
				switch c.Data {
				case "script", "style", "noscript", "template", "head", "svg":
					continue
				}
				if p := c.PrevSibling; len(lasts) > 0 && p != nil && p.Type == html.TextNode &&
					inlineTags[strings.ToLower(c.Data)] {
					t := strings.TrimRightFunc(p.Data, unicode.IsSpace)
					if before, _ := joinKey(t, len(t)); t != "" && lasts[before] {
						var e strings.Builder
						textInto(&e, c, 0)
						et := strings.TrimLeftFunc(e.String(), unicode.IsSpace)
						_, after := joinKey(et, 0)
						if k := before + "\x00" + after; want[k] && (len(t) < len(p.Data) || len(et) < e.Len()) {
							found[k] = true
						}
					}
				}
				walk(c, depth+1)
			}
		}
	}
	walk(page, 0)
	return found
}

// respace puts a space into s at each join whose words found holds.
func respace(s string, joins []join, found map[string]bool) string {
	if len(found) == 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + len(joins))
	last := 0
	for _, j := range joins {
		if !found[j.key] {
			continue
		}
		b.WriteString(s[last:j.at])
		b.WriteByte(' ')
		last = j.at
	}
	b.WriteString(s[last:])
	return b.String()
}

// textInto writes the text under n to b.
func textInto(b *strings.Builder, n *html.Node, depth int) {
	if depth > 512 {
		return
	}
	if n.Type == html.TextNode {
		b.WriteString(n.Data)
		return
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		textInto(b, c, depth+1)
	}
}

// afterInline reports whether text node t follows an inline element.
func afterInline(t *html.Node) bool {
	p := t.PrevSibling
	return p != nil && p.Type == html.ElementNode && inlineTags[strings.ToLower(p.Data)]
}

func startsWithSpace(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsSpace(r)
}

func endsWithSpace(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return unicode.IsSpace(r)
}

// placeholderAuthors are bylines that content systems fill in when no
// author is set.
var placeholderAuthors = setOf("username", "user", "admin", "administrator", "author",
	"unknown", "anonymous", "null", "undefined", "none", "n a", "editor", "webmaster")

// trimSiteSuffix removes the site's name appended to a headline
// ("Headline - BBC News", "Headline | Site.cz").
func trimSiteSuffix(title, site string) string {
	siteKey := lineKey(site)
	if siteKey == "" || title == "" {
		return title
	}
	for _, sep := range []string{" | ", " - ", " – ", " — ", " · ", " :: ", " » "} {
		i := strings.LastIndex(title, sep)
		if i <= 0 {
			continue
		}
		tail := lineKey(title[i+len(sep):])
		if tail != "" && (tail == siteKey || strings.HasPrefix(siteKey, tail+" ") || strings.HasPrefix(tail, siteKey+" ")) {
			return strings.TrimSpace(title[:i])
		}
	}
	return title
}

// publishedMeta are <meta> names and properties that carry a page's
// publication time.
var publishedMeta = setOf("article:published_time", "og:published_time", "datepublished",
	"pubdate", "publishdate", "publish-date", "publication_date", "dc.date.issued", "sailthru.date",
	"parsely-pub-date", "date")

// metaPublished returns the first machine-readable publication time in the
// page's <meta> elements, or the zero time.
func metaPublished(doc *html.Node) time.Time {
	var found time.Time
	seen := 0
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		if !found.IsZero() || depth > 256 || seen > 20000 {
			return
		}
		seen++
		if n.Type == html.ElementNode && n.Data == "meta" {
			var key, content string
			for _, a := range n.Attr {
				switch a.Key {
				case "property", "name", "itemprop":
					if key == "" || publishedMeta[strings.ToLower(a.Val)] {
						key = strings.ToLower(a.Val)
					}
				case "content":
					content = strings.TrimSpace(a.Val)
				}
			}
			if publishedMeta[key] {
				if t := parseMetaTime(content); !t.IsZero() {
					found = t
					return
				}
			}
		}
		if n.Type == html.ElementNode && n.Data == "body" {
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth+1)
		}
	}
	walk(doc, 0)
	return found
}

// parseMetaTime parses a machine-readable publication time; zero when it
// is none or out of range.
func parseMetaTime(s string) time.Time {
	s = strings.TrimSpace(s)
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04:05Z0700", "2006-01-02T15:04:05.000Z0700"} {
		if t, err := time.Parse(layout, s); err == nil && t.Year() >= 1900 && t.Year() <= 2200 {
			return t
		}
	}
	return time.Time{}
}
