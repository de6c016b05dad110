// Package hostile makes inputs that attack the reading, extraction and
// analysis stages: long prose, deeply nested or huge HTML pages, gzip bombs,
// and texts shaped to make analysis slow (thousands of invented names, a
// paragraph without punctuation, quotation marks that do not pair). Tests
// and benchmarks build them at run time, so no large file is committed.
package hostile

import (
	"bytes"
	"compress/gzip"
	"errors"
	"strconv"
	"strings"

	"github.com/parallax-news/parallax/internal/synth"
)

// errFull ends corpus generation once enough text is written.
var errFull = errors.New("full")

// Prose returns about n bytes of news prose: the bodies of a synthetic
// corpus one after the other, one paragraph a line, under one headline.
// Its names, quotes and boilerplate vary as real text does, so every stage
// meets a realistic mix of work at any size.
func Prose(n int) []byte {
	var b bytes.Buffer
	b.Grow(n + 4096)
	b.WriteString("Council opens the long-awaited river crossing\n\n")
	cfg := synth.DefaultConfig()
	cfg.Articles = 1 << 30
	_ = synth.Generate(cfg, func(a synth.Article) error {
		b.WriteString(a.Text)
		b.WriteString("\n\n")
		if b.Len() >= n {
			return errFull
		}
		return nil
	})
	return b.Bytes()
}

// OneLine returns about n bytes of prose with no line break at all: every
// paragraph of Prose run together.
func OneLine(n int) []byte {
	p := Prose(n)
	p = bytes.ReplaceAll(p, []byte("\n\n"), []byte(" "))
	return bytes.ReplaceAll(p, []byte("\n"), []byte(" "))
}

// NestedDivs returns an HTML page whose text sits inside depth nested
// <div> elements.
func NestedDivs(depth int) []byte {
	var b bytes.Buffer
	b.WriteString("<!DOCTYPE html><html><head><title>Deep page</title></head><body>")
	for range depth {
		b.WriteString("<div>")
	}
	b.WriteString("<p>The text of a page nested far too deep for any reader to care about its markup.</p>")
	for range depth {
		b.WriteString("</div>")
	}
	b.WriteString("</body></html>")
	return b.Bytes()
}

// DeepRuns returns an HTML page of runs one after the other, each a
// paragraph inside depth nested <div> elements: a page neither too deep
// nor of too many elements, whose elements have many ancestors.
func DeepRuns(runs, depth int) []byte {
	var b bytes.Buffer
	b.WriteString("<!DOCTYPE html><html><head><title>Deep runs</title></head><body>")
	for i := range runs {
		for range depth {
			b.WriteString("<div>")
		}
		b.WriteString("<p>Run ")
		b.WriteString(strconv.Itoa(i))
		b.WriteString(" of a page whose paragraphs sit deep in its markup.</p>")
		for range depth {
			b.WriteString("</div>")
		}
	}
	b.WriteString("</body></html>")
	return b.Bytes()
}

// ManyParagraphs returns an HTML page of n short <p> elements.
func ManyParagraphs(n int) []byte {
	var b bytes.Buffer
	b.WriteString("<!DOCTYPE html><html><head><title>Long page</title></head><body><article>")
	for i := range n {
		b.WriteString("<p>w")
		b.WriteString(strconv.Itoa(i % 1000))
		b.WriteString("</p>")
	}
	b.WriteString("</article></body></html>")
	return b.Bytes()
}

// ProseHTML returns an HTML page carrying about n bytes of Prose, one <p>
// a paragraph.
func ProseHTML(n int) []byte {
	var b bytes.Buffer
	b.WriteString("<!DOCTYPE html><html><head><title>Council opens the long-awaited river crossing</title></head><body><article>")
	for _, p := range bytes.Split(Prose(n), []byte("\n")) {
		if len(bytes.TrimSpace(p)) == 0 {
			continue
		}
		b.WriteString("<p>")
		b.Write(bytes.ReplaceAll(bytes.ReplaceAll(p, []byte("&"), []byte("&amp;")), []byte("<"), []byte("&lt;")))
		b.WriteString("</p>\n")
	}
	b.WriteString("</article></body></html>")
	return b.Bytes()
}

// GzipRepeat returns a gzip stream of unit repeated to n bytes (the last
// copy cut to fit): a
// compression bomb when unit is a newline or a zero byte.
func GzipRepeat(unit []byte, n int64) []byte {
	var out bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&out, gzip.BestCompression)
	chunk := bytes.Repeat(unit, max(1, (1<<20)/len(unit)))
	for n > 0 {
		c := chunk[:min(int64(len(chunk)), n)]
		zw.Write(c)
		n -= int64(len(c))
	}
	zw.Close()
	return out.Bytes()
}

// lcg is a small deterministic generator for the test texts.
type lcg uint64

func (r *lcg) next(n int) int {
	*r = *r*6364136223846793005 + 1442695040888963407
	return int(uint64(*r>>33) % uint64(n))
}

// syllables make invented names that are no English word and no place.
var syllables = []string{"ka", "kle", "mi", "ter", "van", "do", "ru", "sel", "bra", "nik", "ob", "tal", "vuk", "zu", "pem", "gar"}

// inventedName returns a capitalised invented word of two or three syllables.
func inventedName(r *lcg) string {
	var b strings.Builder
	for i, n := 0, 2+r.next(2); i < n; i++ {
		b.WriteString(syllables[r.next(len(syllables))])
	}
	w := b.String()
	return strings.ToUpper(w[:1]) + w[1:]
}

// People returns n short sentences naming invented people, in
// paragraphs of ten sentences: the shape that made entity folding
// quadratic.
func People(n int) []byte {
	r := lcg(7)
	var b strings.Builder
	verbs := []string{"met", "called", "thanked", "criticised", "said", "denied"}
	for i := 0; i < n; i++ {
		first, last := inventedName(&r), inventedName(&r)
		other := inventedName(&r)
		switch v := verbs[r.next(len(verbs))]; v {
		case "said", "denied":
			b.WriteString(first + " " + last + " " + v + " that " + other + " had left.")
		default:
			b.WriteString(first + " " + last + " " + v + " " + other + ".")
		}
		if i%10 == 9 {
			b.WriteString("\n")
		} else {
			b.WriteString(" ")
		}
	}
	return []byte(b.String())
}

// Unpunctuated returns about n bytes of words with no punctuation and
// no line break: one sentence as long as the text.
func Unpunctuated(n int) []byte {
	r := lcg(11)
	words := []string{"the", "minister", "said", "that", "officials", "denied", "reports", "of", "a", "deal", "with", "spokesman", "who", "told", "reporters", "he", "accused"}
	var b strings.Builder
	for b.Len() < n {
		if r.next(5) == 0 {
			b.WriteString(inventedName(&r))
		} else {
			b.WriteString(words[r.next(len(words))])
		}
		b.WriteByte(' ')
	}
	return []byte(b.String())
}

// UnbalancedQuotes returns about n bytes of sentences whose quotation
// marks mostly do not pair: openings without closings, closings without
// openings, straight and curly marks mixed.
func UnbalancedQuotes(n int) []byte {
	r := lcg(13)
	marks := []string{"“", "”", "\"", "'", "‘", "’", "«", "»"}
	var b strings.Builder
	for b.Len() < n {
		b.WriteString(marks[r.next(len(marks))])
		b.WriteString(inventedName(&r) + " said the plan " + marks[r.next(len(marks))] + "would fail, he added")
		if r.next(3) == 0 {
			b.WriteString(marks[r.next(len(marks))])
		}
		b.WriteString(". ")
		if r.next(8) == 0 {
			b.WriteString("\n")
		}
	}
	return []byte(b.String())
}
