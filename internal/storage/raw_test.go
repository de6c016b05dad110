package storage

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/klauspost/compress/zstd"
)

func TestCompressPageString(t *testing.T) {
	for _, page := range []string{
		"",
		"<p>one</p>",
		strings.Repeat("<p>The council met on Tuesday.</p>\n", 2000),
	} {
		got := CompressPageString(page)
		if want := CompressPage([]byte(page)); !bytes.Equal(got, want) {
			t.Errorf("page of %d bytes: CompressPageString differs from CompressPage", len(page))
		}
		back, err := (&RawPage{Data: got}).Page()
		if err != nil {
			t.Fatalf("page of %d bytes: %v", len(page), err)
		}
		if string(back) != page {
			t.Errorf("page of %d bytes: decompressed to %d bytes, not the page", len(page), len(back))
		}
	}
}

// TestCompressPageWindow checks the encoder's smaller window: a page up
// to the window compresses to the same bytes as with zstd's default
// window (as stores written before hold them), a larger page still comes
// back whole, and pages compressed with the default window still read.
func TestCompressPageWindow(t *testing.T) {
	old, err := zstd.NewWriter(nil, zstd.WithEncoderLevel(zstd.SpeedFastest), zstd.WithEncoderConcurrency(1), zstd.WithLowerEncoderMem(true))
	if err != nil {
		t.Fatal(err)
	}
	defer old.Close()
	// A page whose text repeats only from far back: a match reaching past
	// the window cannot be used.
	page := func(n int) []byte {
		var b bytes.Buffer
		for i := 0; b.Len() < n; i++ {
			fmt.Fprintf(&b, "<p>Paragraph %d of the report by the council of Varnholm.</p>\n", i%40000)
		}
		return b.Bytes()[:n]
	}
	for _, tc := range []struct {
		size int
		same bool // compressed as with the default window
	}{
		{1000, true},
		{100 << 10, true},
		{rawWindow, true},
		{rawWindow + 1, false},
		{5 << 20, false},
	} {
		p := page(tc.size)
		got := CompressPage(p)
		before := old.EncodeAll(p, nil)
		if tc.same && !bytes.Equal(got, before) {
			t.Errorf("page of %d bytes: compressed differently from the default window", tc.size)
		}
		for _, data := range [][]byte{got, before} {
			back, err := (&RawPage{Data: data}).Page()
			if err != nil {
				t.Fatalf("page of %d bytes: %v", tc.size, err)
			}
			if !bytes.Equal(back, p) {
				t.Errorf("page of %d bytes: decompressed to %d bytes, not the page", tc.size, len(back))
			}
		}
	}
}
