package cluster

import (
	"fmt"
	"testing"

	"github.com/parallax-news/parallax/internal/hostile"
)

// BenchmarkCountSize computes the clustering features of one document of
// 1, 2, 4 and 8 MB of prose: the throughput (MB/s) must not fall as the
// document grows.
func BenchmarkCountSize(b *testing.B) {
	for _, mb := range []int{1, 2, 4, 8} {
		text := string(hostile.Prose(mb << 20))
		b.Run(fmt.Sprintf("%dMB", mb), func(b *testing.B) {
			c := New(DefaultConfig())
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				c.Count([]Doc{{ID: 1, Title: "A long document", Text: text}})
			}
		})
	}
}
