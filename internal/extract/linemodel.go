package extract

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// A learned scorer of the body's lines. Each line is described by what it
// says (length, punctuation, words shared with the rest of the body and the
// headline) and by the block of the page it comes from (its element, the
// share of its letters inside links, the class and id words of it and its
// ancestors, whether it sits in the same container as the rest of the
// body, where it is on the page); a small ensemble of regression trees
// (boilerplateModel, trained by TestTrainLineModel on half of the shared
// extraction pages) turns that into the probability that the line is page
// furniture, and lines above the model's cut are dropped.

// blockInfo is what the page says about one block (a paragraph, heading,
// list item: what pageText makes a line of).
type blockInfo struct {
	tag     string     // the block's element
	letters int        // non-space characters
	linked  int        // of which inside links
	flags   uint32     // blockFlags of the block and its ancestors
	count   int        // blocks of the page with the same key
	at      int        // letters of the page before the block
	parent  *html.Node // the block element's parent and grandparent
	grand   *html.Node
}

// Block flags: what a block's element and its ancestors are, by their
// names and class and id words.
const (
	flagAside   uint32 = 1 << iota // related, teaser, promo, sidebar, widget, newsletter, share ...
	flagCaption                    // caption, credit, figure, photo, media
	flagMeta                       // author, byline, meta, date, tags, info
	flagBody                       // content, article, body, text, story, post, entry
	flagArticle                    // inside <article>, <main> or itemprop=articleBody
	flagList                       // inside a list
	flagHeader                     // inside <header>
	numFlags    = iota
)

// classWords are the parts of class and id values that set a block flag.
var classWords = []struct {
	words []string
	flag  uint32
}{
	{[]string{"related", "teaser", "promo", "recommend", "sidebar", "widget", "newsletter", "subscri", "social",
		"share", "sharing", "banner", "advert", "breadcrumb", "menu", "more", "popular", "trending", "cta",
		"signup", "footer", "nav"}, flagAside},
	{[]string{"caption", "credit", "figure", "photo", "media", "image", "gallery"}, flagCaption},
	{[]string{"author", "byline", "meta", "date", "tags", "info", "bio"}, flagMeta},
	{[]string{"content", "article", "body", "text", "story", "post", "entry"}, flagBody},
}

// elementFlags returns the block flags element n adds to its own.
func elementFlags(n *html.Node) uint32 {
	var f uint32
	switch n.Data {
	case "article", "main":
		f |= flagArticle
	case "ul", "ol", "dl":
		f |= flagList
	case "header":
		f |= flagHeader
	case "figure", "figcaption":
		f |= flagCaption
	}
	for _, a := range n.Attr {
		switch a.Key {
		case "class", "id":
			v := strings.ToLower(a.Val)
			for _, cw := range classWords {
				for _, w := range cw.words {
					if strings.Contains(v, w) {
						f |= cw.flag
						break
					}
				}
			}
		case "itemprop":
			if strings.EqualFold(a.Val, "articleBody") {
				f |= flagArticle
			}
		}
	}
	return f
}

// walkBlocks calls fn with the text, key (see lineKey) and description of
// each block of the page, in order, and returns the page's count of
// non-space characters. The blocks are those of linkedBlocks.
func walkBlocks(doc *html.Node, fn func(text, key string, bi *blockInfo)) int {
	var b strings.Builder
	letters, linked, total := 0, 0, 0
	var flags uint32
	tag := ""
	var cur *html.Node
	flush := func() {
		if letters > 0 {
			text := b.String()
			if k := lineKey(text); k != "" {
				bi := &blockInfo{tag: tag, letters: letters, linked: linked, flags: flags, at: total - letters}
				if cur != nil {
					bi.parent = cur.Parent
					if cur.Parent != nil {
						bi.grand = cur.Parent.Parent
					}
				}
				fn(text, k, bi)
			}
		}
		b.Reset()
		letters, linked = 0, 0
	}
	var walk func(n *html.Node, inLink bool, f uint32, depth int)
	walk = func(n *html.Node, inLink bool, f uint32, depth int) {
		if depth > 512 { // pathological nesting
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch c.Type {
			case html.TextNode:
				b.WriteString(c.Data)
				k := 0
				for _, r := range c.Data {
					if !unicode.IsSpace(r) {
						k++
					}
				}
				letters += k
				total += k
				if inLink {
					linked += k
				}
				flags = f
			case html.ElementNode:
				switch t := c.Data; {
				case t == "script" || t == "style" || t == "noscript" || t == "template" || t == "head":
				case t == "br" || t == "hr":
					flush()
				case t == "a":
					walk(c, true, f, depth+1)
				case inlineTags[t]:
					walk(c, inLink, f, depth+1)
				default:
					flush()
					tag, cur = t, c
					walk(c, inLink, f|elementFlags(c), depth+1)
					tag, cur = t, c
					flush()
				}
			}
		}
	}
	walk(doc, false, 0, 0)
	flush()
	return total
}

// pageBlocks returns, for each key in want, the first block of the page
// with that key, its count set to how many blocks have it, and the page's
// count of non-space characters.
func pageBlocks(doc *html.Node, want map[string]bool) (map[string]*blockInfo, int) {
	found := make(map[string]*blockInfo, len(want))
	total := walkBlocks(doc, func(_, k string, bi *blockInfo) {
		if !want[k] {
			return
		}
		if first := found[k]; first != nil {
			first.count++
			return
		}
		bi.count = 1
		found[k] = bi
	})
	return found, total
}

// bodyContext is what lineFeatures compares a block with: the lines of the
// extracted body and the headline.
type bodyContext struct {
	lines   int
	parents map[*html.Node]int // body lines by their block's parent
	grands  map[*html.Node]int // and grandparent
	df      map[string]int     // body lines by the content words they hold
	title   map[string]bool    // the headline's content words
	total   int                // the page's non-space characters
}

// newBodyContext describes the body lines, whose keys (see lineKey) and
// content words (see contentWords) are keys and words, and whose blocks
// are in blocks.
func newBodyContext(keys []string, words []map[string]bool, blocks map[string]*blockInfo, title string, total int) *bodyContext {
	c := &bodyContext{lines: len(keys), parents: map[*html.Node]int{}, grands: map[*html.Node]int{},
		df: map[string]int{}, title: contentWords(title), total: total}
	for i, k := range keys {
		if bi := blocks[k]; bi != nil {
			c.parents[bi.parent]++
			c.grands[bi.grand]++
		}
		for w := range words[i] {
			c.df[w]++
		}
	}
	return c
}

// contentWords returns the lower-cased words of at least four letters or
// digits in l.
func contentWords(l string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(l), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if utf8.RuneCountInString(w) >= 4 {
			m[w] = true
		}
	}
	return m
}

// Features of a line, in the order lineFeatures returns them.
const (
	featBias = iota
	featLogLen
	featLogWords
	featSentences
	featEndPunct
	featEndColon
	featDigits
	featPunct
	featShortWords
	featCapWords
	featURL
	featLinked
	featAllLinked
	featRepeated
	featTagP
	featTagLi
	featTagH
	featTagTd
	featTagOther
	featFlags                         // numFlags features, one a block flag
	featPagePos = iota + numFlags - 1 // after the flags
	featSameParent
	featSameGrand
	featOverlap
	featTitleOverlap
	featNoContent
	numFeatures
)

// lineFeatures returns the features of a block of text l, whose content
// words are cw; bi describes its block on the page (nil when the page has
// none with its key), inBody says whether l is one of c's lines.
func lineFeatures(l string, cw map[string]bool, bi *blockInfo, c *bodyContext, inBody bool) []float64 {
	f := make([]float64, numFeatures)
	runes := utf8.RuneCountInString(l)
	words := strings.Fields(l)
	var digits, punct, short, caps, sentences int
	for _, r := range l {
		switch {
		case unicode.IsDigit(r):
			digits++
		case unicode.IsPunct(r):
			punct++
			if r == '.' || r == '!' || r == '?' || r == '。' {
				sentences++
			}
		}
	}
	for _, w := range words {
		w = strings.TrimFunc(w, unicode.IsPunct)
		if w == "" {
			continue
		}
		if utf8.RuneCountInString(w) <= 3 {
			short++
		}
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
			caps++
		}
	}
	nw := max(1, len(words))
	last, _ := utf8.DecodeLastRuneInString(strings.TrimRight(l, " \"'”»“«)"))
	f[featBias] = 1
	f[featLogLen] = math.Log1p(float64(runes))
	f[featLogWords] = math.Log1p(float64(len(words)))
	f[featSentences] = math.Log1p(float64(sentences))
	switch last {
	case '.', '!', '?', '…', '。':
		f[featEndPunct] = 1
	case ':':
		f[featEndColon] = 1
	}
	f[featDigits] = float64(digits) / float64(max(1, runes))
	f[featPunct] = float64(punct) / float64(max(1, runes))
	f[featShortWords] = float64(short) / float64(nw)
	f[featCapWords] = float64(caps) / float64(nw)
	lower := strings.ToLower(l)
	if strings.Contains(lower, "http") || strings.Contains(lower, "www.") || strings.Contains(l, "@") {
		f[featURL] = 1
	}
	self := 0
	if inBody {
		self = 1
	}
	if bi != nil {
		f[featLinked] = float64(bi.linked) / float64(max(1, bi.letters))
		if bi.linked*linkedDen >= bi.letters*linkedNum {
			f[featAllLinked] = 1
		}
		if bi.count > 1 {
			f[featRepeated] = 1
		}
		switch bi.tag {
		case "p":
			f[featTagP] = 1
		case "li", "dd", "dt":
			f[featTagLi] = 1
		case "h1", "h2", "h3", "h4", "h5", "h6":
			f[featTagH] = 1
		case "td", "th", "tr":
			f[featTagTd] = 1
		default:
			f[featTagOther] = 1
		}
		for j := range numFlags {
			if bi.flags&(1<<j) != 0 {
				f[featFlags+j] = 1
			}
		}
		f[featPagePos] = float64(bi.at) / float64(max(1, c.total))
		if c.lines > 1 {
			f[featSameParent] = float64(c.parents[bi.parent]-self) / float64(c.lines-1)
			f[featSameGrand] = float64(c.grands[bi.grand]-self) / float64(c.lines-1)
		}
	}
	shared, inTitle := 0, 0
	for w := range cw {
		if c.df[w] > self {
			shared++
		}
		if c.title[w] {
			inTitle++
		}
	}
	if k := len(cw); k > 0 {
		f[featOverlap] = float64(shared) / float64(k)
		f[featTitleOverlap] = float64(inTitle) / float64(k)
	} else {
		f[featNoContent] = 1
	}
	return f
}

// treeNode is a node of a regression tree: a leaf when Feature < 0, else
// a split sending features[Feature] <= Threshold to node Left, the rest
// to node Right (indexes in the tree's nodes).
type treeNode struct {
	Feature     int
	Threshold   float64
	Left, Right int
	Value       float64
}

// lineModel is a boosted ensemble of regression trees over lineFeatures:
// the probability that a line is furniture is the logistic function of
// Base plus Rate times the sum of the trees' leaves. Lines above Cut are
// dropped.
type lineModel struct {
	Base, Rate, Cut float64
	Trees           [][]treeNode
}

// prob returns the probability that a line with features f is furniture.
func (m *lineModel) prob(f []float64) float64 {
	z := m.Base
	for _, t := range m.Trees {
		i := 0
		for t[i].Feature >= 0 {
			if f[t[i].Feature] <= t[i].Threshold {
				i = t[i].Left
			} else {
				i = t[i].Right
			}
		}
		z += m.Rate * t[i].Value
	}
	return 1 / (1 + math.Exp(-z))
}

// dropScoredLines drops the lines of text (one block a line) that m takes
// for furniture with a probability over its cut, and returns the text
// kept and the lines dropped. It keeps text whole when it would drop every
// line.
func dropScoredLines(text, title string, doc *html.Node, m *lineModel) (string, []string) {
	if m == nil || len(m.Trees) == 0 || text == "" {
		return text, nil
	}
	lines := strings.Split(text, "\n")
	keys := make([]string, len(lines))
	words := make([]map[string]bool, len(lines))
	want := make(map[string]bool, len(lines))
	for i, l := range lines {
		keys[i] = lineKey(l)
		words[i] = contentWords(l)
		want[keys[i]] = true
	}
	blocks, total := pageBlocks(doc, want)
	c := newBodyContext(keys, words, blocks, title, total)
	kept := make([]string, 0, len(lines))
	var dropped []string
	for i, l := range lines {
		if m.prob(lineFeatures(l, words[i], blocks[keys[i]], c, true)) > m.Cut {
			dropped = append(dropped, l)
			continue
		}
		kept = append(kept, l)
	}
	if len(dropped) == 0 || len(kept) == 0 {
		return text, nil
	}
	return strings.Join(kept, "\n"), dropped
}
