package extract

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Defaults for learned boilerplate (see Cleaner).
const (
	// DefaultMinDocs is how many documents a short line must occur in,
	// at least, to be dropped as recurring furniture. Copies of one story
	// share a few lines, so it is set above the usual number of copies.
	DefaultMinDocs = 5
	// DefaultMinShare is the share of all documents seen that a short line
	// must occur in to be dropped as recurring furniture (50 in 100,000).
	DefaultMinShare = 0.0005
)

// Cleaned is a plain-text article after cleaning.
type Cleaned struct {
	// Title is the headline found at the top of the text; "" when the text
	// starts with a paragraph.
	Title string
	// Text is the body: one paragraph a line, boilerplate removed, valid
	// UTF-8 without control characters.
	Text string
	// Published is the date of a removed date row ("Wednesday , March 22
	// 2023"); zero when the text has none.
	Published time.Time
	// Removed lists the lines dropped, in order (title lines excepted).
	Removed []string
	// Author and Outlet are named by a removed byline ("By Jane Doe |
	// Valley Times") or copyright notice; "" when none does.
	Author, Outlet string
}

// Cleaner strips boilerplate from scraped plain-text articles. It applies a
// small set of general rules (navigation, sharing, sign-up, cookie and
// credit lines, leftover HTML, date rows, teasers of other stories) and, when
// Stats is set, drops short lines that recur across many documents.
//
// The zero value is ready to use. A Cleaner is safe for concurrent use as
// long as its fields are not changed.
type Cleaner struct {
	// Stats holds line counts learned from the batch or store; nil disables
	// learned boilerplate.
	Stats *LineStats
	// MinDocs is how many documents a line must occur in to be learned
	// boilerplate; 0 means DefaultMinDocs.
	MinDocs int
	// MinShare is the share of all documents a line must occur in to be
	// learned boilerplate; 0 means DefaultMinShare.
	MinShare float64
}

// line is one line under cleaning.
type line struct {
	text string
	key  string // lineKey(text); "" for lines over maxKeyLen bytes
	kind lineKind
	drop bool
}

// maxKeyLen is the longest line whose key Clean computes: longer lines are
// always text and never match a title or a learned line.
const maxKeyLen = 600

// newLine builds a line with its key.
func newLine(text string) line {
	l := line{text: text}
	if len(text) <= maxKeyLen {
		l.key = lineKey(text)
	}
	return l
}

// newLines builds the lines of texts, with their keys.
func newLines(texts []string) []line {
	lines := make([]line, len(texts))
	for i, t := range texts {
		lines[i] = newLine(t)
	}
	return lines
}

// Text is a plain-text body cut after MaxLines lines (CapLines) and split
// into normalized lines: what both learning its recurring lines (Hashes)
// and cleaning it (TextArticle) read, split once. The lines' keys are not
// kept: a batch's texts wait together for their cleaning, and the keys
// would hold a copy of each.
type Text struct {
	text    string // the body as cut
	warning string // CapLines' warning
	lines   []string
}

// SplitText splits a plain-text body for Hashes and TextArticle.
func SplitText(body string) *Text {
	body, warning := CapLines(body)
	return &Text{text: body, warning: warning, lines: splitLines(body)}
}

// Hashes returns LineHashes of the text (as cut).
func (t *Text) Hashes() []uint64 {
	return lineHashes(t.lines)
}

// Clean splits text into normalized lines, finds the title and removes
// boilerplate. See Cleaned for what it returns.
func (c *Cleaner) Clean(text string) Cleaned {
	return c.cleanLines(newLines(splitLines(text)), len(text))
}

// cleanLines is Clean for the text of size bytes split into lines, which
// it changes.
func (c *Cleaner) cleanLines(lines []line, size int) Cleaned {
	var out Cleaned
	var updated time.Time
	for i := range lines {
		l := lines[i].text
		k, d := classify(l, lines[i].key)
		lines[i].kind, lines[i].drop = k, k != kindText
		if k == kindDate {
			if isUpdateRow(l) {
				if updated.IsZero() {
					updated = d
				}
			} else if out.Published.IsZero() {
				out.Published = d
			}
		}
	}
	if out.Published.IsZero() {
		out.Published = updated
	}
	learned := c.learned(lines)
	out.Title = findTitle(lines, learned)
	for i := range lines {
		if learned[i] && lines[i].kind == kindText {
			lines[i].drop = true
		}
	}
	dropTeasers(lines)

	var b strings.Builder
	b.Grow(size)
	for _, l := range lines {
		if l.drop {
			if l.kind != kindTitle {
				out.Removed = append(out.Removed, l.text)
				out.noteSource(l)
			}
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(l.text)
	}
	out.Text = b.String()
	return out
}

// noteSource keeps the first author and outlet that a removed byline or
// copyright line names.
func (out *Cleaned) noteSource(l line) {
	var author, outlet string
	switch l.kind {
	case kindByline:
		author, outlet = bylineSource(l.text)
	case kindCopyright:
		outlet = copyrightOutlet(l.text)
	}
	if out.Author == "" {
		out.Author = author
	}
	if out.Outlet == "" {
		out.Outlet = outlet
	}
}

// kindTitle marks the title line and its duplicates (internal to Clean).
const kindTitle lineKind = 255

// learned marks the lines that the statistics show to be recurring
// furniture: seen in at least MinDocs documents and MinShare of all, and
// short or nav-like. Sentence-like lines are never learned: wire copy
// syndicated to several outlets shares whole paragraphs, and those are the
// business of near-duplicate detection, not of cleaning.
func (c *Cleaner) learned(lines []line) []bool {
	marks := make([]bool, len(lines))
	if c.Stats == nil {
		return marks
	}
	docs := c.Stats.Docs()
	minDocs := c.MinDocs
	if minDocs <= 0 {
		minDocs = DefaultMinDocs
	}
	share := c.MinShare
	if share <= 0 {
		share = DefaultMinShare
	}
	need := minDocs
	if n := int(share*float64(docs) + 0.999999); n > need {
		need = n
	}
	if docs < need {
		return marks
	}
	hashes := make([]uint64, len(lines))
	for i, l := range lines {
		if l.kind != kindText {
			continue
		}
		if h, ok := keyHash(l.text, l.key); ok {
			hashes[i] = h
			marks[i] = true
		}
	}
	c.Stats.countAll(hashes, marks, need)
	return marks
}

// learnable reports whether a line may be dropped for recurring: short
// lines that do not read as a sentence or a quotation. Copies of one wire
// story share whole sentences and short quotes ("No."); those are the
// business of near-duplicate detection, not of cleaning.
func learnable(l string) bool {
	if len(l) > 400 || endsSentence(l) {
		return false
	}
	w := countWords(l)
	if w > 12 {
		return false
	}
	switch r, _ := utf8.DecodeRuneInString(l); r {
	case '"', '“', '”', '‘', '’', '«', '»', '\'', '„':
		return false
	}
	return utf8.RuneCountInString(l) <= 100
}

// isUpdateRow reports whether a date row gives an update time.
func isUpdateRow(l string) bool {
	l = strings.ToLower(l)
	return strings.Contains(l, "updated") || strings.Contains(l, "modified")
}

// findTitle detects the headline among the first lines and marks it, a
// category label before it and later copies of it. Learned lines of three
// words or fewer are skipped; longer ones may be a syndicated headline.
func findTitle(lines []line, learned []bool) string {
	first := -1
	for i, l := range lines {
		if l.kind != kindText {
			continue
		}
		if learned[i] && countWords(l.text) < 4 {
			continue
		}
		first = i
		break
	}
	if first < 0 {
		return ""
	}
	next := -1
	for i := first + 1; i < len(lines); i++ {
		if lines[i].kind == kindText && !learned[i] {
			next = i
			break
		}
	}
	at := -1
	cand := lines[first].text
	switch {
	case categoryShaped(cand) && next >= 0 && titleShaped(lines[next].text) &&
		countWords(lines[next].text) > countWords(cand):
		// "Iran" above the headline: a section label.
		lines[first].drop = true
		at = next
	case titleShaped(cand):
		at = first
	case categoryShaped(cand) && next >= 0:
		// A lone label above the first paragraph.
		lines[first].drop = true
		return ""
	default:
		return ""
	}
	title := stripTitleSuffix(lines[at].text)
	keys := [2]string{lines[at].key, lineKey(title)}
	lines[at].drop, lines[at].kind = true, kindTitle
	short := countWords(title) < 4
	for i := at + 1; i < len(lines); i++ {
		if lines[i].kind != kindText || short && i > at+5 {
			continue
		}
		if k := lines[i].key; k != "" && (k == keys[0] || k == keys[1]) {
			lines[i].drop, lines[i].kind = true, kindTitle
		}
	}
	return title
}

// stripTitleSuffix removes a section or site name appended to a headline:
// "Headline | War in Ukraine", "Headline - Site".
func stripTitleSuffix(t string) string {
	if i := strings.LastIndex(t, " | "); i > 0 {
		head, tail := t[:i], t[i+3:]
		if countWords(tail) <= 5 && countWords(head) >= 3 {
			return strings.TrimSpace(head)
		}
	}
	for _, sep := range []string{" - ", " – ", " — "} {
		i := strings.LastIndex(t, sep)
		if i <= 0 {
			continue
		}
		head, tail := t[:i], t[i+len(sep):]
		r, _ := utf8.DecodeRuneInString(tail)
		if countWords(tail) <= 3 && unicode.IsUpper(r) && countWords(head) >= 4 {
			return strings.TrimSpace(head)
		}
	}
	return t
}

// dropTeasers removes markers such as "Check Also" or "Related Articles"
// with the teasers of other stories that follow them: everything after the
// marker when only teaser-like lines remain, otherwise the headlines right
// after it.
func dropTeasers(lines []line) {
	var kept []int
	for i, l := range lines {
		if !l.drop || l.kind == kindMarker {
			kept = append(kept, i)
		}
	}
	for p, i := range kept {
		if lines[i].kind != kindMarker {
			continue
		}
		lines[i].drop = true
		rest := kept[p+1:]
		if teaserTail(lines, rest) {
			for _, j := range rest {
				lines[j].drop = true
			}
			return
		}
		for q, j := range rest {
			if q >= 3 || lines[j].kind == kindMarker {
				break
			}
			if t := lines[j].text; titleShaped(t) || endsEllipsis(t) {
				lines[j].drop = true
				continue
			}
			break
		}
	}
}

// maxTeasers is the most lines teaserTail takes for teasers.
const maxTeasers = 8

// teaserTail reports whether the lines left after a marker are all teasers:
// a few headlines, cut-off summaries and more markers.
func teaserTail(lines []line, rest []int) bool {
	if len(rest) == 0 {
		return true
	}
	if len(rest) <= 3 && titleShaped(lines[rest[0]].text) {
		return true
	}
	if len(rest) > maxTeasers {
		return false
	}
	for _, j := range rest {
		t := lines[j].text
		if lines[j].kind == kindMarker || titleShaped(t) || endsEllipsis(t) || countWords(t) <= 6 {
			continue
		}
		return false
	}
	return true
}

// cleanBody is the conservative cleaning applied to text extracted from
// HTML: the extractor has already chosen the main content, so only lines
// that are surely boilerplate go — rows of sharing or navigation words,
// date rows, lines without letters or digits, a repeat of the title at the
// top, short blocks pointing to another story ("Read more: …", "Lea
// también: …") or calling to sign up, and teaser headings ("Related
// Articles", "Auch interessant") with the headlines after them.
func cleanBody(text, title string) string {
	t, _ := cleanBodyLines(text, title, nil)
	return t
}

// cleanBodyLines is cleanBody that also returns the lines it dropped, in
// order. links, when not nil, tells which lines are links on the page (see
// dropLinkedTail): the teasers that end the body go too.
func cleanBodyLines(text, title string, links func(want map[string]bool) map[string]bool) (string, []string) {
	raw := splitLines(nfc(text))
	lines := make([]line, len(raw))
	titleKey := lineKey(nfc(title))
	for i, l := range raw {
		l = trimMoreLink(l)
		lines[i] = newLine(l)
		k := sureKind(l, lines[i].key)
		lines[i].kind, lines[i].drop = k, k == kindJunk || k == kindDate
	}
	keepSubheadings(lines)
	// The headline repeated as the first paragraph.
	for i := range lines {
		if lines[i].drop {
			continue
		}
		if titleKey != "" && lines[i].key == titleKey {
			lines[i].drop = true
		}
		break
	}
	// Markers go, with the teasers after them: all of the rest of the body
	// when only teasers follow, else the headlines right after the marker.
	dropTeasers(lines)
	if links != nil {
		dropLinkedEnds(lines, links)
	}
	dropTailCalls(lines)
	var b strings.Builder
	b.Grow(len(text))
	var removed []string
	for _, l := range lines {
		if l.drop {
			if strings.TrimSpace(l.text) != "" {
				removed = append(removed, l.text)
			}
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(l.text)
	}
	return b.String(), removed
}

// sureKind is classify restricted to the rules that cannot hit an article
// sentence: whole-line phrase tables, navigation rows and date rows.
func sureKind(l, key string) lineKind {
	if len(l) > 160 {
		return kindText
	}
	if key == "" || !hasLetterOrDigit(l) {
		return kindJunk
	}
	if len(l) <= 90 {
		if _, ok := parseDateRow(l); ok {
			return kindDate
		}
	}
	switch {
	case markerPhrases[key] || otherMarkerPhrases[key] || topicHeading(key):
		return kindMarker
	case junkPhrases[key] || keyJunk(key) || navOnly(key) || htmlFurniture(l, key):
		return kindJunk
	}
	return kindText
}
