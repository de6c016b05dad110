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
	if d := DeepRuns(3, 4); bytes.Count(d, []byte("<div>")) != 12 || bytes.Count(d, []byte("</div>")) != 12 ||
		bytes.Count(d, []byte("<p>")) != 3 || !bytes.Contains(d, []byte("Run 2 ")) {
		t.Errorf("DeepRuns(3, 4) = %s", d)
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

func TestAnalysisTexts(t *testing.T) {
	if p := People(100); bytes.Count(p, []byte(". "))+bytes.Count(p, []byte(".\n")) != 100 || !bytes.Equal(p, People(100)) {
		t.Errorf("People(100) = %d bytes, not 100 sentences or not deterministic", len(p))
	}
	if p := Unpunctuated(1 << 16); len(p) < 1<<16 || bytes.ContainsAny(p, ".,;:!?\n") {
		t.Errorf("Unpunctuated(64 KiB): %d bytes or has punctuation", len(p))
	}
	p := UnbalancedQuotes(1 << 16)
	if len(p) < 1<<16 || bytes.Count(p, []byte("“")) == bytes.Count(p, []byte("”")) {
		t.Errorf("UnbalancedQuotes(64 KiB): %d bytes, %d “ and %d ”", len(p), bytes.Count(p, []byte("“")), bytes.Count(p, []byte("”")))
	}
}
