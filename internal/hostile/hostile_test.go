package hostile

import (
	"bytes"
	"compress/gzip"
	"io"
	"testing"
)

func TestSizes(t *testing.T) {
	for _, n := range []int{1 << 10, 1 << 20} {
		if p := Prose(n); len(p) < n || len(p) > n+64<<10 || !bytes.Contains(p, []byte("\n")) {
			t.Errorf("Prose(%d): %d bytes", n, len(p))
		}
		if p := OneLine(n); bytes.ContainsAny(p, "\n\r") {
			t.Errorf("OneLine(%d) has line breaks", n)
		}
	}
	if d := NestedDivs(10); bytes.Count(d, []byte("<div>")) != 10 || bytes.Count(d, []byte("</div>")) != 10 {
		t.Errorf("NestedDivs(10) = %s", d)
	}
	if p := ManyParagraphs(7); bytes.Count(p, []byte("<p>")) != 7 {
		t.Errorf("ManyParagraphs(7) = %s", p)
	}
	for _, n := range []int64{0, 5, 3 << 20} {
		zr, err := gzip.NewReader(bytes.NewReader(GzipRepeat([]byte("ab"), n)))
		if err != nil {
			t.Fatal(err)
		}
		got, err := io.ReadAll(zr)
		if err != nil || int64(len(got)) != n || n > 1 && string(got[:2]) != "ab" {
			t.Errorf("GzipRepeat(ab, %d) decompresses to %d bytes, %v", n, len(got), err)
		}
	}
}
