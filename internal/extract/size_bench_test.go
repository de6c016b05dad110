package extract

import (
	"fmt"
	"testing"

	"github.com/parallax-news/parallax/internal/hostile"
)

// benchSizes are the document sizes the per-size benchmarks run on: time
// per byte (MB/s) that stays flat across them shows linear cost.
var benchSizes = []int{1, 2, 4, 8}

// BenchmarkCleanSize cleans one plain-text document of 1 to 8 MB, with
// paragraphs and with none.
func BenchmarkCleanSize(b *testing.B) {
	stats := NewLineStats()
	for range 50 {
		stats.Add(benchArticle())
	}
	c := &Cleaner{Stats: stats}
	for _, shape := range []struct {
		name string
		gen  func(int) []byte
	}{{"prose", hostile.Prose}, {"oneline", hostile.OneLine}} {
		for _, mb := range benchSizes {
			in := string(shape.gen(mb << 20))
			b.Run(fmt.Sprintf("%s/%dMB", shape.name, mb), func(b *testing.B) {
				b.SetBytes(int64(len(in)))
				for b.Loop() {
					c.Clean(in)
				}
			})
		}
	}
}

// BenchmarkHTMLSize extracts pages of 1 to 8 MB: prose in paragraphs (past
// MaxHTMLText, so the cheap extraction), many short elements and deep
// nesting.
func BenchmarkHTMLSize(b *testing.B) {
	for _, shape := range []struct {
		name string
		gen  func(int) []byte
	}{
		{"prose", hostile.ProseHTML},
		{"paragraphs", func(n int) []byte { return hostile.ManyParagraphs(n / 11) }},
		{"nested", func(n int) []byte { return hostile.NestedDivs(n / 11) }},
	} {
		for _, mb := range benchSizes {
			page := shape.gen(mb << 20)
			b.Run(fmt.Sprintf("%s/%dMB", shape.name, mb), func(b *testing.B) {
				b.SetBytes(int64(len(page)))
				for b.Loop() {
					if _, err := HTML(page, ""); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// BenchmarkHTMLFull runs the full extraction (go-trafilatura) on prose
// pages of 32 to 256 KB of text, the sizes it is given: its cost grows
// faster than the page, which is why larger pages take the cheap way.
func BenchmarkHTMLFull(b *testing.B) {
	for _, kb := range []int{32, 64, 128, 256} {
		page := hostile.ProseHTML(kb<<10 - 4<<10)
		b.Run(fmt.Sprintf("%dKB", kb), func(b *testing.B) {
			b.SetBytes(int64(len(page)))
			for b.Loop() {
				res, err := full(page, "")
				if err != nil || res.Warning != "" {
					b.Fatal(err, res.Warning)
				}
			}
		})
	}
}
