// Package archive writes fetched pages to rotating, gzip-compressed WARC
// files (github.com/nlnwa/gowarc), so that a collection is an archive in
// the standard format other tools can replay and Parallax can read again.
package archive

import (
	"crypto/rand"
	"errors"
	"fmt"
	"net/http"
	"os"
	"slices"
	"strings"
	"sync/atomic"
	"time"

	"github.com/nlnwa/gowarc/v2"

	"github.com/parallax-news/parallax/internal/collect/fetcher"
)

// DefaultMaxFileSize is the size past which a new WARC file is started.
const DefaultMaxFileSize = 1 << 30

// Writer appends response records to WARC files in one folder. It is safe
// for concurrent use.
type Writer struct {
	w *gowarc.WarcFileWriter
}

// names gives WARC files unique, sortable names (time, serial and a
// random run tag) without looking up the machine's address.
type names struct {
	dir    string
	run    string
	serial atomic.Int64
}

func (n *names) NewWarcfileName() (string, string) {
	ts := time.Now().UTC().Format("20060102150405")
	return n.dir, fmt.Sprintf("parallax-%s-%05d-%s.warc", ts, n.serial.Add(1), n.run)
}

// NewWriter writes to dir (created if missing), starting a new file when
// one passes maxFileSize bytes (0: DefaultMaxFileSize). Files being
// written end in ".open" until closed.
func NewWriter(dir string, maxFileSize int64) (*Writer, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("WARC folder: %w", err)
	}
	if maxFileSize <= 0 {
		maxFileSize = DefaultMaxFileSize
	}
	w := gowarc.NewWarcFileWriter(
		gowarc.WithFileNameGenerator(&names{dir: dir, run: rand.Text()[:8]}),
		gowarc.WithMaxFileSize(maxFileSize),
		gowarc.WithCompression(true),
		gowarc.WithRecordOptions(gowarc.WithAddMissingDigest(true), gowarc.WithAddMissingRecordId(true)),
		gowarc.WithWarcInfoFunc(func(b gowarc.WarcRecordBuilder) error {
			_, err := b.WriteString("software: Parallax\r\nformat: WARC File Format 1.1\r\n")
			return err
		}),
	)
	return &Writer{w: w}, nil
}

// hopHeaders describe the transfer rather than the page; the record holds
// the decoded body, so they are replaced by its own Content-Length.
var hopHeaders = []string{"Content-Encoding", "Content-Length", "Transfer-Encoding", "Connection", "Keep-Alive"}

// Write appends one fetched page as a response record: its status line,
// its headers (without transfer coding: the body is stored decoded) and
// its body, with the fetch time as WARC-Date.
func (w *Writer) Write(res *fetcher.Response) error {
	if res == nil || res.NotModified {
		return errors.New("archive: nothing to write (no body)")
	}
	var b strings.Builder
	status := res.Status
	if status == 0 {
		status = http.StatusOK
	}
	fmt.Fprintf(&b, "HTTP/1.1 %d %s\r\n", status, http.StatusText(status))
	keys := make([]string, 0, len(res.Header))
	for k := range res.Header {
		if !slices.ContainsFunc(hopHeaders, func(h string) bool { return strings.EqualFold(h, k) }) {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	for _, k := range keys {
		for _, v := range res.Header[k] {
			fmt.Fprintf(&b, "%s: %s\r\n", k, strings.NewReplacer("\r", " ", "\n", " ").Replace(v))
		}
	}
	fmt.Fprintf(&b, "Content-Length: %d\r\n\r\n", len(res.Body))
	rb := gowarc.NewRecordBuilder(gowarc.Response, gowarc.WithAddMissingDigest(true), gowarc.WithAddMissingRecordId(true),
		gowarc.WithAddMissingContentLength(true))
	if _, err := rb.WriteString(b.String()); err != nil {
		return fmt.Errorf("archive %s: %w", res.URL, err)
	}
	if _, err := rb.Write(res.Body); err != nil {
		return fmt.Errorf("archive %s: %w", res.URL, err)
	}
	rb.AddWarcHeader(gowarc.WarcTargetURI, res.URL)
	at := res.FetchedAt
	if at.IsZero() {
		at = time.Now()
	}
	rb.AddWarcHeaderTime(gowarc.WarcDate, at.UTC())
	rb.AddWarcHeader(gowarc.ContentType, "application/http;msgtype=response")
	rec, _, err := rb.Build()
	if err != nil {
		return fmt.Errorf("archive %s: %w", res.URL, err)
	}
	for _, r := range w.w.Write(rec) {
		if r.Err != nil {
			return fmt.Errorf("archive %s: %w", res.URL, r.Err)
		}
	}
	return nil
}

// Close finishes the open file.
func (w *Writer) Close() error {
	if err := w.w.Close(); err != nil {
		return fmt.Errorf("archive: %w", err)
	}
	return nil
}
