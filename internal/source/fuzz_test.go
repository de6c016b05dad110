package source

import (
	"bytes"
	"compress/gzip"
	"io"
	"math/big"
	"strings"
	"testing"

	"github.com/go-json-experiment/json/jsontext"
)

// FuzzJSON checks that no .json file makes the reader panic or return an
// error (problems are reported), and that every record it accepts has an
// id and a body and names its file and line.
func FuzzJSON(f *testing.F) {
	for _, s := range []string{
		`[{"id":"a","text":"x"},{"id":2,"title":"t"}]`,
		"{\n \"id\": 1.5e1,\n \"text\": \"x\"\n}",
		`{"id":"a","text":"x"}` + "\n" + `{"id":"b","text":"y"}`,
		`[{"id":"a","text":"x"},`,
		"\xef\xbb\xbf[]",
		`[1, "s", null, {"text":"\ud83d"}]`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		r := &Reader{MaxFileSize: 1 << 16, MaxLineSize: 1 << 16, OnError: func(e *Error) {
			if e.Path != "f.json" {
				t.Errorf("error without its file: %v", e)
			}
		}}
		err := r.readJSON("f.json", "f", bytes.NewReader(data), func(it Item) error {
			if it.Article.ExternalID == "" || strings.TrimSpace(it.Body) == "" && it.Article.Title == "" {
				t.Errorf("accepted record without id or body: %+v", it)
			}
			if !strings.HasPrefix(it.Article.Source, "f.json:") {
				t.Errorf("record source %q lacks its line", it.Article.Source)
			}
			return nil
		})
		if err != nil {
			t.Errorf("readJSON returned %v", err)
		}
	})
}

// FuzzGzip feeds arbitrary bytes, and gzip streams of arbitrary content,
// through decompression with its size cap into the JSON Lines reader: no
// panic, no error returned, and never more than the cap read.
func FuzzGzip(f *testing.F) {
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write([]byte(`{"id":"a","text":"x"}` + "\n\n\n"))
	zw.Close()
	f.Add(b.Bytes(), false)
	f.Add([]byte(`{"id":"a","text":"x"}`+strings.Repeat("\n", 5000)+`{"id":"b","text":"y"}`), true)
	f.Add([]byte{0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff}, false)
	f.Fuzz(func(t *testing.T, data []byte, compress bool) {
		if compress {
			var b bytes.Buffer
			zw := gzip.NewWriter(&b)
			zw.Write(data)
			zw.Close()
			data = b.Bytes()
		}
		zr, err := gzip.NewReader(bytes.NewReader(data))
		if err != nil {
			return
		}
		const limit = 4 << 10
		counted := &countingReader{r: &capReader{r: zr, left: limit + 1, max: limit}}
		var n int64
		counted.report = func(k int64) { n += k }
		r := &Reader{MaxLineSize: 1 << 12, OnError: func(*Error) {}}
		if err := r.readJSONL("f.jsonl.gz", "f", counted, func(Item) error { return nil }); err != nil {
			t.Errorf("readJSONL returned %v", err)
		}
		if n > limit {
			t.Errorf("read %d bytes past the %d cap", n, limit)
		}
		io.Copy(io.Discard, zr)
	})
}

// FuzzCanonicalNumber checks that the canonical form of any JSON number
// has the same value, and that equal values get one form.
func FuzzCanonicalNumber(f *testing.F) {
	for _, s := range []string{"12", "12.0", "1.2e1", "-0", "5E-1", "1e400", "0.000", "-12.50e-3"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, lit string) {
		if jsontext.Value(lit).Kind() != '0' || !jsontext.Value(lit).IsValid() || len(lit) > 60 {
			return
		}
		if i := strings.IndexAny(lit, "eE"); i >= 0 && len(strings.TrimLeft(lit[i+1:], "+-0")) > 4 {
			return // exact rationals of such size cost too much to compare
		}
		got := canonicalNumber(lit)
		want, ok := new(big.Rat).SetString(lit)
		if !ok {
			return // an exponent past big.Rat's range
		}
		back, ok := new(big.Rat).SetString(got)
		if !ok || back.Cmp(want) != 0 {
			t.Fatalf("canonicalNumber(%s) = %s, a different value", lit, got)
		}
		if again := canonicalNumber(got); again != got {
			t.Fatalf("canonicalNumber(%s) = %s, but canonicalNumber(%s) = %s", lit, got, got, again)
		}
	})
}
