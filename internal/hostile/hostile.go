// Package hostile makes inputs that attack the reading and extraction
// stages: long prose, deeply nested or huge HTML pages and gzip bombs. Tests
// and benchmarks build them at run time, so no large file is committed.
package hostile

import (
	"bytes"
	"compress/gzip"
	"errors"
	"strconv"

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
