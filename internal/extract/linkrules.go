package extract

import (
	"strings"
	"unicode"

	"golang.org/x/net/html"
)

// Rules on extracted HTML that need the page itself: whether a block of
// the body is, on the page, the text of a link. A body that ends in a run
// of blocks that are each one link ("Headline of another story", under a
// short heading such as "Schon gelesen?") ends in teasers of other
// stories, in whatever language the heading is.

// linkedShare is the share of a block's letters inside links from which
// the block reads as a link.
const (
	linkedNum, linkedDen = 4, 5 // 80%
)

// maxTeaserWords is the longest line, in words, taken for a teaser
// headline, and maxTeaserHeading the longest heading over teasers.
const (
	maxTeaserWords   = 30
	maxTeaserHeading = 6
)

// linkedBlocks returns the keys (see lineKey) of the blocks of a page
// (paragraphs, headings, list items, cells' rows: what nodeText makes a
// line of) whose visible text is mostly inside links. Only keys in want
// are kept; want nil keeps all.
func linkedBlocks(doc *html.Node, want map[string]bool) map[string]bool {
	found := make(map[string]bool)
	var b strings.Builder
	letters, linked := 0, 0
	flush := func() {
		if letters > 0 && linked*linkedDen >= letters*linkedNum {
			if k := lineKey(b.String()); k != "" && (want == nil || want[k]) {
				found[k] = true
			}
		}
		b.Reset()
		letters, linked = 0, 0
	}
	var walk func(n *html.Node, inLink bool, depth int)
	walk = func(n *html.Node, inLink bool, depth int) {
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
				if inLink {
					linked += k
				}
			case html.ElementNode:
				switch tag := c.Data; {
				case tag == "script" || tag == "style" || tag == "noscript" || tag == "template" || tag == "head":
				case tag == "br" || tag == "hr":
					flush()
				case tag == "a":
					walk(c, true, depth+1)
				case inlineTags[tag]:
					walk(c, inLink, depth+1)
				default:
					flush()
					walk(c, inLink, depth+1)
					flush()
				}
			}
		}
	}
	walk(doc, false, 0)
	flush()
	return found
}

// teaserCandidate reports whether a line may be the headline of another
// story: short, and not a web or e-mail address (which a body cites).
func teaserCandidate(l string) bool {
	if countWords(l) > maxTeaserWords {
		return false
	}
	lower := strings.ToLower(l)
	return !strings.Contains(lower, "http") && !strings.Contains(lower, "www.") && !strings.Contains(l, "@")
}

// linkedTailWant returns the keys of the lines that end a body and may be
// teasers (see teaserCandidate): the keys dropLinkedTail asks about.
func linkedTailWant(lines []line) map[string]bool {
	want := make(map[string]bool)
	for i := len(lines) - 1; i >= 0; i-- {
		l := lines[i]
		if l.drop {
			continue
		}
		if !teaserCandidate(l.text) {
			break
		}
		if l.key != "" {
			want[l.key] = true
		}
	}
	return want
}

// dropLinkedTail drops the teasers that end a body: the last run of lines
// that are each, on the page, the text of a link (see linkedBlocks), with
// the short heading right before them ("Read next", "Schon gelesen?"). A
// body made only of such lines is left as it is. links returns the keys of
// the page's linked blocks among the keys it is given.
func dropLinkedTail(lines []line, links func(want map[string]bool) map[string]bool) {
	want := linkedTailWant(lines)
	if len(want) == 0 {
		return
	}
	linked := links(want)
	if len(linked) == 0 {
		return
	}
	var kept []int
	for i, l := range lines {
		if !l.drop {
			kept = append(kept, i)
		}
	}
	// The run is the lines from the end that are links.
	s := len(kept)
	for s > 0 && linked[lines[kept[s-1]].key] {
		s--
	}
	if s == len(kept) {
		return
	}
	if s > 0 {
		if h := lines[kept[s-1]].text; countWords(h) <= maxTeaserHeading && !strings.HasSuffix(strings.TrimSpace(h), ".") {
			s--
		}
	}
	if s == 0 {
		return
	}
	for _, i := range kept[s:] {
		lines[i].drop = true
	}
}

// dropLinkedEnds drops the menu that starts a body and the teasers that
// end it (see dropLinkedHead, dropLinkedTail), with one call of links
// for the keys both ask about.
func dropLinkedEnds(lines []line, links func(want map[string]bool) map[string]bool) {
	want := linkedTailWant(lines)
	if head := linkedHeadWant(lines); len(head) >= minLinkedHead {
		for k := range head {
			want[k] = true
		}
	}
	if len(want) == 0 {
		return
	}
	linked := links(want)
	if len(linked) == 0 {
		return
	}
	known := func(map[string]bool) map[string]bool { return linked }
	dropLinkedTail(lines, known)
	dropLinkedHead(lines, known)
}

// minLinkedHead is the fewest lines of links at the start of a body that
// dropLinkedHead takes for a menu.
const minLinkedHead = 3

// linkedHeadWant returns the keys of the lines that start a body and may
// be menu entries (see teaserCandidate): the keys dropLinkedHead asks
// about.
func linkedHeadWant(lines []line) map[string]bool {
	want := make(map[string]bool)
	for _, l := range lines {
		if l.drop {
			continue
		}
		if !teaserCandidate(l.text) || l.key == "" {
			break
		}
		want[l.key] = true
	}
	return want
}

// dropLinkedHead drops the menu that starts a body: the first run of at
// least minLinkedHead lines that are each, on the page, the text of a link
// (see linkedBlocks), when body text follows it.
func dropLinkedHead(lines []line, links func(want map[string]bool) map[string]bool) {
	want := linkedHeadWant(lines)
	if len(want) < minLinkedHead {
		return
	}
	linked := links(want)
	var run []int
	for i, l := range lines {
		if l.drop {
			continue
		}
		if !linked[l.key] {
			break
		}
		run = append(run, i)
	}
	if len(run) < minLinkedHead {
		return
	}
	rest := false
	for i := run[len(run)-1] + 1; i < len(lines); i++ {
		if !lines[i].drop {
			rest = true
			break
		}
	}
	if !rest {
		return
	}
	for _, i := range run {
		lines[i].drop = true
	}
}
