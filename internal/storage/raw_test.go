package storage

import (
	"bytes"
	"strings"
	"testing"
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
