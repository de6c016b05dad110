package source

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/http/httputil"
	"strings"
	"time"

	"github.com/go-json-experiment/json"
	"github.com/nlnwa/gowarc/v2"

	"github.com/parallax-news/parallax/internal/contentenc"
)

// maxWARCErrors is how many unreadable records in a row end the reading
// of a WARC file (garbage rather than a damaged record).
const maxWARCErrors = 10

// readWARC reads a web archive (.warc, or .warc.gz once decompressed):
// every response or resource record holding an HTML page with a 2xx
// status becomes an article with the record's target URL; its capture
// date is kept in the "fetched" metadata. Article ids are the file's id
// and the record's number in the file ("crawl-7"). A damaged or truncated
// record is reported with its number and offset, and the records before
// it (and after it, when the reader can find the next one) are still read.
func (r *Reader) readWARC(path, id string, in io.Reader, fn func(Item) error) error {
	wr, err := gowarc.NewWarcFileReaderFromStream(in, 0,
		gowarc.WithSyntaxErrorPolicy(gowarc.ErrWarn),
		// Warn (not ignore) so that each block is read whole and its
		// length checked; the other warnings are not needed here.
		gowarc.WithSpecViolationPolicy(gowarc.ErrWarn),
		gowarc.WithBlockErrorPolicy(gowarc.ErrIgnore),
		gowarc.WithUnknownRecordTypePolicy(gowarc.ErrIgnore),
	)
	if err != nil {
		r.report(path, 0, fmt.Errorf("not a readable WARC file: %w", err))
		return nil
	}
	defer wr.Close()
	failures := 0
	for n := 1; ; n++ {
		rec, offset, err := nextRecord(wr)
		var broken *brokenError
		if errors.As(err, &broken) {
			r.report(path, 0, fmt.Errorf("WARC record %d: %w; the rest of the file is not read", n, err))
			return nil
		}
		if errors.Is(err, io.EOF) && rec == nil {
			if n == 1 {
				r.report(path, 0, errors.New("empty WARC file"))
			}
			return nil
		}
		if err != nil {
			if rec != nil {
				rec.Close()
			}
			r.report(path, 0, fmt.Errorf("WARC record %d at offset %d: %w", n, offset, warcCause(err)))
			if failures++; failures >= maxWARCErrors || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
				return nil
			}
			continue
		}
		failures = 0
		if err := truncated(rec); err != nil {
			rec.Close()
			r.report(path, 0, fmt.Errorf("WARC record %d at offset %d: %w", n, offset, err))
			continue
		}
		it, ok, err := r.warcItem(rec, path, id, n)
		rec.Close()
		if err != nil {
			r.report(path, 0, fmt.Errorf("WARC record %d at offset %d: %w", n, offset, err))
			continue
		}
		if !ok {
			continue
		}
		if err := fn(it); err != nil {
			return err
		}
	}
}

// brokenError is input the WARC library could not survive.
type brokenError struct{ cause any }

func (e *brokenError) Error() string { return fmt.Sprintf("malformed beyond reading (%v)", e.cause) }

// nextRecord reads the next record, turning a panic of the WARC library
// on malformed input into an error.
func nextRecord(wr *gowarc.WarcFileReader) (rec gowarc.WarcRecord, offset int64, err error) {
	defer func() {
		if p := recover(); p != nil {
			rec, err = nil, &brokenError{p}
		}
	}()
	rec, offset, _, err = wr.Next()
	return rec, offset, err
}

// truncated fails for a record whose block is shorter than its
// Content-Length (the reader caches each block whole, so its size is
// what the file held).
func truncated(rec gowarc.WarcRecord) error {
	want, err := rec.ContentLength()
	if err != nil {
		return errors.New("damaged: no valid Content-Length (a truncated record header?)")
	}
	if got := rec.Block().Size(); got < want {
		return fmt.Errorf("truncated: the block has %d of its %d bytes", got, want)
	}
	return nil
}

// warcCause words the library's end-of-input errors for a reader.
func warcCause(err error) error {
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		return fmt.Errorf("truncated (the file ends inside the record): %w", err)
	}
	return err
}

// warcItem turns an HTML page record into an Item; ok is false for
// records that hold no page (requests, metadata, redirects, images).
func (r *Reader) warcItem(rec gowarc.WarcRecord, path, id string, n int) (Item, bool, error) {
	body, header, chunked, ok, err := pageBody(rec)
	if !ok {
		return Item{}, false, nil
	}
	if err != nil {
		return Item{}, false, fmt.Errorf("payload: %w", err)
	}
	if header != nil {
		if chunked {
			body = httputil.NewChunkedReader(bufio.NewReader(body))
		}
		if body, err = contentenc.Decoder(body, header.Get("Content-Encoding")); err != nil {
			return Item{}, false, err
		}
	}
	page, err := r.readAll(body)
	if err != nil {
		return Item{}, false, warcCause(err)
	}
	if len(bytes.TrimSpace(page)) == 0 {
		return Item{}, false, nil
	}
	it := Item{Body: string(page), HTML: true}
	a := &it.Article
	a.ExternalID = fmt.Sprintf("%s-%d", id, n)
	a.URL = strings.Trim(strings.TrimSpace(rec.WarcHeader().Get(gowarc.WarcTargetURI)), "<>")
	a.Source = fmt.Sprintf("%s#%d", path, n)
	a.Meta = map[string]string{}
	it.Fetch.URL = a.URL
	if header != nil {
		it.Fetch.ContentType = header.Get("Content-Type")
	}
	if d, err := rec.Date(); err == nil && !d.IsZero() {
		q, _ := json.Marshal(d.UTC().Format(time.RFC3339))
		a.Meta["fetched"] = string(q)
		it.Fetch.Date = d.UTC()
	}
	if rid := rec.RecordId(); rid != "" {
		q, _ := json.Marshal(rid)
		a.Meta["warc_record_id"] = string(q)
	}
	return it, true, nil
}

// pageBody returns the body of a record holding an HTML page, a 2xx
// HTTP response (with its HTTP header) or an HTML resource record; ok is
// false for any other record.
func pageBody(rec gowarc.WarcRecord) (body io.Reader, header *http.Header, chunked, ok bool, err error) {
	switch b := rec.Block().(type) {
	case gowarc.HttpResponseBlock:
		if rec.Type() != gowarc.Response || b.HttpStatusCode() < 200 || b.HttpStatusCode() > 299 ||
			!isHTMLType(b.HttpHeader().Get("Content-Type")) {
			return nil, nil, false, false, nil
		}
		body, err = b.PayloadBytes()
		return body, b.HttpHeader(), isChunked(b.ProtocolHeaderBytes()), true, err
	default:
		if rec.Type() != gowarc.Resource || !isHTMLType(rec.WarcHeader().Get(gowarc.ContentType)) {
			return nil, nil, false, false, nil
		}
		if p, ok := b.(gowarc.PayloadBlock); ok {
			body, err = p.PayloadBytes()
		} else {
			body, err = b.RawBytes()
		}
		return body, nil, false, true, err
	}
}

// isChunked reports whether a raw HTTP header declares chunked transfer
// coding (the parsed header no longer shows it).
func isChunked(header []byte) bool {
	for _, line := range strings.Split(string(header), "\n") {
		k, v, _ := strings.Cut(line, ":")
		if strings.EqualFold(strings.TrimSpace(k), "transfer-encoding") && strings.Contains(strings.ToLower(v), "chunked") {
			return true
		}
	}
	return false
}

// isHTMLType reports whether a Content-Type names an HTML page.
func isHTMLType(ct string) bool {
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil {
		mt = strings.ToLower(strings.TrimSpace(strings.Split(ct, ";")[0]))
	}
	return mt == "text/html" || mt == "application/xhtml+xml"
}
