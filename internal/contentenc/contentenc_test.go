package contentenc

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"io"
	"testing"

	"github.com/andybalholm/brotli"
)

func TestDecoder(t *testing.T) {
	const text = "a page body, compressed several ways"
	enc := func(wrap func(io.Writer) io.WriteCloser, in []byte) []byte {
		var b bytes.Buffer
		w := wrap(&b)
		w.Write(in)
		w.Close()
		return b.Bytes()
	}
	gz := func(w io.Writer) io.WriteCloser { return gzip.NewWriter(w) }
	zl := func(w io.Writer) io.WriteCloser { return zlib.NewWriter(w) }
	raw := func(w io.Writer) io.WriteCloser { f, _ := flate.NewWriter(w, 5); return f }
	br := func(w io.Writer) io.WriteCloser { return brotli.NewWriter(w) }
	tests := []struct {
		name, coding string
		body         []byte
	}{
		{"identity", "", []byte(text)},
		{"explicit identity", "identity", []byte(text)},
		{"gzip", "gzip", enc(gz, []byte(text))},
		{"x-gzip", "X-Gzip", enc(gz, []byte(text))},
		{"zlib deflate", "deflate", enc(zl, []byte(text))},
		{"raw deflate", "deflate", enc(raw, []byte(text))},
		{"brotli", "br", enc(br, []byte(text))},
		{"gzip then brotli", "gzip, br", enc(br, enc(gz, []byte(text)))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := Decoder(bytes.NewReader(tt.body), tt.coding)
			if err != nil {
				t.Fatal(err)
			}
			got, err := io.ReadAll(r)
			if err != nil || string(got) != text {
				t.Errorf("got %q, %v", got, err)
			}
		})
	}
	if _, err := Decoder(bytes.NewReader(nil), "compress"); err == nil {
		t.Error("unknown coding accepted")
	}
	if _, err := Decoder(bytes.NewReader([]byte("not gzip")), "gzip"); err == nil {
		t.Error("bad gzip header accepted")
	}
}
