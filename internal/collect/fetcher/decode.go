package fetcher

import (
	"bufio"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"fmt"
	"io"
	"strings"

	"github.com/andybalholm/brotli"
)

// acceptEncoding is what the fetcher asks for; it decodes each itself so
// that the size cap applies to the decoded body.
const acceptEncoding = "gzip, deflate, br"

// decoder wraps body in the decoders its Content-Encoding names, last
// applied first.
func decoder(body io.Reader, contentEncoding string) (io.Reader, error) {
	codings := strings.Split(contentEncoding, ",")
	r := body
	for i := len(codings) - 1; i >= 0; i-- {
		switch c := strings.ToLower(strings.TrimSpace(codings[i])); c {
		case "", "identity":
		case "gzip", "x-gzip":
			gz, err := gzip.NewReader(r)
			if err != nil {
				return nil, fmt.Errorf("gzip body: %w", err)
			}
			r = gz
		case "deflate":
			r = inflater(r)
		case "br":
			r = brotli.NewReader(r)
		default:
			return nil, fmt.Errorf("unsupported content encoding %q", c)
		}
	}
	return r, nil
}

// inflater reads "deflate" bodies, which are zlib streams by the standard
// but raw deflate streams on some servers.
func inflater(r io.Reader) io.Reader {
	br := bufio.NewReader(r)
	head, err := br.Peek(2)
	if err == nil && head[0]&0x0f == 8 && (uint16(head[0])<<8|uint16(head[1]))%31 == 0 {
		if z, err := zlib.NewReader(br); err == nil {
			return z
		}
	}
	return flate.NewReader(br)
}
