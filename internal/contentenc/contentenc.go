// Package contentenc decodes HTTP bodies by their Content-Encoding (gzip,
// deflate in its zlib and raw forms, brotli), for pages fetched live and
// pages read back from web archives alike.
package contentenc

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

// Accept is the Accept-Encoding value naming every coding Decoder reads.
const Accept = "gzip, deflate, br"

// Decoder wraps body in the decoders its Content-Encoding names, last
// applied first. A caller capping the body should cap what Decoder
// returns, so that a compression bomb is stopped.
func Decoder(body io.Reader, contentEncoding string) (io.Reader, error) {
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
