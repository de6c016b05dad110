package dedupe

import (
	"fmt"
	"testing"
	"time"

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

// BenchmarkLoadWindow loads a saved index of 40,000 dated articles, 2,000
// a day, whose older half has left the 14-day window: what an open of a
// store does with the segments it reads.
func BenchmarkLoadWindow(b *testing.B) {
	x := New(DefaultConfig())
	day0 := time.Date(2025, 1, 1, 9, 0, 0, 0, time.UTC)
	s := x.NewSigner()
	const n, perDay = 40000, 2000
	for i := range n {
		x.AddDated(int64(i+1), day0.AddDate(0, 0, i/perDay), s.Sign(article(uint64(i), 120)))
	}
	seg := x.SaveSegment()
	b.SetBytes(int64(len(seg.Data)))
	b.ReportAllocs()
	for b.Loop() {
		y, err := NewFromSegments(seg.Head, map[int64][]byte{seg.Seq: seg.Data})
		if err != nil {
			b.Fatal(err)
		}
		if y.Len() == 0 || y.Len() == n {
			b.Fatalf("%d articles loaded of %d", y.Len(), n)
		}
	}
}
