package dedupe

import (
	"fmt"
	"testing"

	"github.com/parallax-news/parallax/internal/hostile"
)

// BenchmarkSignSize signs one document of 1, 2, 4 and 8 MB of prose: the
// throughput (MB/s) must not fall as the document grows.
func BenchmarkSignSize(b *testing.B) {
	x := New(DefaultConfig()).NewSigner()
	for _, mb := range []int{1, 2, 4, 8} {
		text := string(hostile.Prose(mb << 20))
		b.Run(fmt.Sprintf("%dMB", mb), func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				x.Sign(text)
			}
		})
	}
}
