// Package source reads raw articles from files and folders: plain text,
// HTML, JSON and JSON Lines, each optionally gzip-compressed.
//
// Problems with one input (a binary file, invalid UTF-8, a truncated JSON
// line, a file over the size limit) are reported as *Error values naming the
// file and line, and reading goes on with the next input.
package source

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"

	"github.com/parallax-news/parallax/internal/extract"
	"github.com/parallax-news/parallax/internal/model"
)

// Item is one raw article as read from an input, before extraction.
type Item struct {
	// Article carries what the input states: ExternalID, Title, URL,
	// Outlet, Author, Language, Published, Meta and Source.
	Article model.Article
	// Body is the raw text or HTML.
	Body string
	// HTML tells whether Body is HTML.
	HTML bool
	// Fetch says where and when an HTML Body was fetched from the web;
	// zero for a page read from a file.
	Fetch Fetch
}

// Fetch describes one fetch of a page.
type Fetch struct {
	// URL is the address the page came from (after redirects).
	URL string
	// ContentType is the Content-Type it was served with.
	ContentType string
	// Date is when it was fetched.
	Date time.Time
}

// Error is a problem with one input; Line is 0 when it concerns a whole file.
type Error struct {
	Path string
	Line int
	Err  error
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %v", e.Path, e.Line, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.Path, e.Err)
}

func (e *Error) Unwrap() error { return e.Err }

// Default limits: one document, whether a file or a JSON Lines record, is
// refused past extract.MaxDocumentBytes.
const (
	DefaultMaxFileSize = extract.MaxDocumentBytes // a single .txt/.html/.json document
	DefaultMaxLineSize = extract.MaxDocumentBytes // one JSON Lines record
)

// Reader reads inputs. The zero value uses the default limits.
type Reader struct {
	// MaxFileSize caps single-document files (.txt, .html, .json).
	MaxFileSize int64
	// MaxLineSize caps one JSON Lines record.
	MaxLineSize int
	// OnError receives every input problem; nil drops them.
	OnError func(*Error)
	// OnProgress receives the number of input bytes consumed since the
	// previous call; nil ignores progress.
	OnProgress func(n int64)
}

// ReadFiles reads every file and calls fn for each article. It stops early
// only when fn or ctx fails; input problems go to r.OnError.
func (r *Reader) ReadFiles(ctx context.Context, files []File, fn func(Item) error) error {
	for _, f := range files {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := r.readFile(ctx, f, fn); err != nil {
			return err
		}
	}
	return nil
}

// errStop marks an error from the callback, which ends reading.
type errStop struct{ err error }

func (e errStop) Error() string { return e.err.Error() }

func (r *Reader) report(path string, line int, err error) {
	if r.OnError != nil {
		r.OnError(&Error{Path: path, Line: line, Err: err})
	}
}

func (r *Reader) readFile(ctx context.Context, f File, fn func(Item) error) error {
	stem, read := kindOf(f.Path)
	if read == nil {
		r.report(f.Path, 0, fmt.Errorf("unsupported file type (want %s)", supportedList()))
		return nil
	}
	// A file listed by other means than Files, or replaced since, may be
	// a named pipe, and opening one blocks: look before opening.
	if info, err := os.Stat(f.Path); err != nil {
		r.report(f.Path, 0, statError(err))
		return nil
	} else if !info.Mode().IsRegular() {
		r.report(f.Path, 0, specialError(info.Mode()))
		return nil
	}
	fh, err := os.Open(f.Path)
	if err != nil {
		r.report(f.Path, 0, pathCause(err))
		return nil
	}
	defer fh.Close()
	var in io.Reader = &countingReader{r: fh, report: r.OnProgress}
	if strings.HasSuffix(strings.ToLower(f.Path), ".gz") {
		gz, err := gzip.NewReader(in)
		if err != nil {
			r.report(f.Path, 0, fmt.Errorf("not a valid gzip file: %w", err))
			return nil
		}
		defer gz.Close()
		in = &capReader{r: gz, left: r.maxDecompressed(f.Size) + 1, max: r.maxDecompressed(f.Size)}
	}
	call := func(it Item) error {
		if err := fn(it); err != nil {
			return errStop{err}
		}
		return ctx.Err()
	}
	err = read(r, f.Path, idBase(f, stem), in, call)
	var stop errStop
	if errors.As(err, &stop) {
		return stop.err
	}
	if err != nil && ctx.Err() != nil {
		return ctx.Err()
	}
	return nil
}

func (r *Reader) maxFile() int64 {
	if r.MaxFileSize > 0 {
		return r.MaxFileSize
	}
	return DefaultMaxFileSize
}

func (r *Reader) maxLine() int {
	if r.MaxLineSize > 0 {
		return r.MaxLineSize
	}
	return DefaultMaxLineSize
}

// MaxGzipRatio bounds how much a gzip file may expand: past the larger of
// the one-document limit and this many times its compressed size, it is
// not read further. Text rarely compresses better than 10 to 1; runs of
// one byte (compression bombs) reach 1000 to 1.
const MaxGzipRatio = 100

// maxDecompressed is the most a gzip file of the given size may expand to.
func (r *Reader) maxDecompressed(compressed int64) int64 {
	return max(r.maxFile(), MaxGzipRatio*compressed)
}

// capReader fails once more than max bytes come out of a decompressor.
type capReader struct {
	r    io.Reader
	left int64 // max+1: the first byte past max is read to know it exists
	max  int64
}

func (c *capReader) Read(p []byte) (int, error) {
	if c.left <= 0 {
		return 0, &bombError{c.max}
	}
	if int64(len(p)) > c.left {
		p = p[:c.left]
	}
	n, err := c.r.Read(p)
	c.left -= int64(n)
	if c.left <= 0 {
		return n - 1, &bombError{c.max}
	}
	return n, err
}

// bombError reports a gzip file expanding past its limit.
type bombError struct{ max int64 }

func (e *bombError) Error() string {
	return fmt.Sprintf("decompresses to more than %d MB (the larger of the %d MB document limit and %d times its compressed size; a compression bomb?): the rest of the file is not read", e.max>>20, DefaultMaxFileSize>>20, MaxGzipRatio)
}

// readAll reads at most the file limit, failing beyond it.
func (r *Reader) readAll(in io.Reader) ([]byte, error) {
	limit := r.maxFile()
	b, err := io.ReadAll(io.LimitReader(in, limit+1))
	var bomb *bombError
	switch {
	case errors.As(err, &bomb):
		return nil, fmt.Errorf("decompresses to more than the %d MB limit for one document", limit>>20)
	case err == nil && int64(len(b)) > limit:
		if _, gz := in.(*capReader); gz {
			return nil, fmt.Errorf("decompresses to more than the %d MB limit for one document", limit>>20)
		}
		return nil, fmt.Errorf("file is larger than the %d MB limit for one document", limit>>20)
	case err != nil:
		return nil, fmt.Errorf("read: %w", err)
	}
	return b, nil
}

// readText reads a plain-text document.
func (r *Reader) readText(path, id string, in io.Reader, fn func(Item) error) error {
	return r.readDocument(path, id, false, in, fn)
}

// readHTML reads an HTML page.
func (r *Reader) readHTML(path, id string, in io.Reader, fn func(Item) error) error {
	return r.readDocument(path, id, true, in, fn)
}

func (r *Reader) readDocument(path, id string, html bool, in io.Reader, fn func(Item) error) error {
	b, err := r.readAll(in)
	if err != nil {
		r.report(path, 0, err)
		return nil
	}
	if len(bytes.TrimSpace(b)) == 0 {
		r.report(path, 0, errors.New("empty file"))
		return nil
	}
	if line, ok := binaryLine(b); ok {
		r.report(path, line, errors.New("binary content (NUL or control bytes), not a text document"))
		return nil
	}
	if !html {
		if line, ok := invalidUTF8Line(b); ok {
			r.report(path, line, errors.New("invalid UTF-8 (convert the file to UTF-8)"))
			return nil
		}
	}
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	it := Item{Body: string(b), HTML: html}
	it.Article.ExternalID = id
	it.Article.Source = path
	return fn(it)
}

// record is the JSON shape of one input article.
type record struct {
	ID        jsontext.Value `json:"id"`
	Title     string         `json:"title"`
	Text      string         `json:"text"`
	HTML      string         `json:"html"`
	URL       string         `json:"url"`
	Outlet    string         `json:"outlet"`
	Author    string         `json:"author"`
	Language  string         `json:"language"`
	Published string         `json:"published"`
	// Other holds every other member, kept as metadata.
	Other map[string]jsontext.Value `json:",embed"`
}

// recordOptions decode a record: names match exactly and, as in most
// JSON readers, a repeated name keeps its last value and a lone surrogate
// escape ("\ud83d", left by a cut emoji) becomes U+FFFD instead of
// failing the record. Raw invalid UTF-8 is refused before decoding.
var recordOptions = json.JoinOptions(jsontext.AllowDuplicateNames(true), jsontext.AllowInvalidUTF8(true))

// parseRecord turns one JSON object into an Item.
func parseRecord(raw []byte, path, base string, line int) (Item, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || raw[0] != '{' {
		return Item{}, errors.New("invalid JSON: not an object")
	}
	var rec record
	if err := json.Unmarshal(raw, &rec, recordOptions); err != nil {
		return Item{}, fmt.Errorf("invalid JSON: %w", err)
	}
	var it Item
	a := &it.Article
	a.ExternalID = idString(rec.ID)
	if a.ExternalID == "" {
		a.ExternalID = fmt.Sprintf("%s-%d", base, line)
	}
	a.Title, a.URL, a.Outlet, a.Author, a.Language = strings.TrimSpace(rec.Title), strings.TrimSpace(rec.URL), strings.TrimSpace(rec.Outlet), strings.TrimSpace(rec.Author), strings.TrimSpace(rec.Language)
	if rec.Published != "" {
		t, err := ParseDate(rec.Published)
		if err != nil {
			return Item{}, fmt.Errorf("field published: %w", err)
		}
		a.Published = t
	}
	switch {
	case strings.TrimSpace(rec.Text) != "":
		it.Body = rec.Text
	case strings.TrimSpace(rec.HTML) != "":
		it.Body, it.HTML = rec.HTML, true
	case a.Title != "":
		// A headline alone is still an article (wire flashes, headline
		// feeds).
	default:
		return Item{}, errors.New(`record has no "text", "html" or "title"`)
	}
	for k, v := range rec.Other {
		if a.Meta == nil {
			a.Meta = make(map[string]string, len(rec.Other))
		}
		a.Meta[k] = string(v)
	}
	a.Source = fmt.Sprintf("%s:%d", path, line)
	return it, nil
}

// idString returns an id given as a string, trimmed, or the canonical
// decimal form of an id given as a number (12, 12.0 and 1.2e1 are all
// "12", the same id as "12"); "" for none.
func idString(raw jsontext.Value) string {
	switch {
	case len(raw) == 0 || string(raw) == "null":
		return ""
	case raw[0] == '"':
		var s string
		if json.Unmarshal(raw, &s, recordOptions) == nil {
			return strings.TrimSpace(s)
		}
	case raw.Kind() == '0':
		return canonicalNumber(string(raw))
	}
	return strings.TrimSpace(string(raw))
}

// canonicalNumber writes a JSON number literal in its shortest exact
// decimal form: no exponent, no leading or trailing zeros, no "-0"
// ("1.20e1" → "12", "-0.0" → "0", "5E-1" → "0.5"). Literals whose decimal
// form would run past 40 digits keep a normalised exponent ("1e400").
func canonicalNumber(lit string) string {
	neg := strings.HasPrefix(lit, "-")
	lit = strings.TrimPrefix(lit, "-")
	mant, exp := lit, 0
	if i := strings.IndexAny(lit, "eE"); i >= 0 {
		mant = lit[:i]
		e, err := strconv.Atoi(strings.TrimPrefix(lit[i+1:], "+"))
		if err != nil {
			return lit // an exponent past the int range: keep the literal
		}
		exp = e
	}
	intPart, frac, _ := strings.Cut(mant, ".")
	digits := intPart + frac
	point := len(intPart) + exp // digits before the decimal point
	trimmed := strings.TrimLeft(digits, "0")
	point -= len(digits) - len(trimmed)
	digits = strings.TrimRight(trimmed, "0")
	if digits == "" {
		return "0"
	}
	sign := ""
	if neg {
		sign = "-"
	}
	switch {
	case point > 40 || point < -40:
		out := digits[:1]
		if len(digits) > 1 {
			out += "." + digits[1:]
		}
		return sign + out + "e" + strconv.Itoa(point-1)
	case point <= 0:
		return sign + "0." + strings.Repeat("0", -point) + digits
	case point >= len(digits):
		return sign + digits + strings.Repeat("0", point-len(digits))
	}
	return sign + digits[:point] + "." + digits[point:]
}

// ParseDate parses an RFC 3339 timestamp or a YYYY-MM-DD date.
func ParseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{time.RFC3339Nano, time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC(), nil
		}
	}
	return time.Time{}, fmt.Errorf("date %q is neither RFC 3339 nor YYYY-MM-DD", s)
}

func (r *Reader) readJSONL(path, base string, in io.Reader, fn func(Item) error) error {
	br := bufio.NewReaderSize(in, 1<<20)
	max := r.maxLine()
	line := 0
	var buf []byte
	for {
		line += skipBlank(br)
		buf = buf[:0]
		tooLong := false
		var err error
		for {
			var frag []byte
			frag, err = br.ReadSlice('\n')
			if len(buf)+len(frag) > max {
				tooLong = true
			} else {
				buf = append(buf, frag...)
			}
			if err != bufio.ErrBufferFull {
				break
			}
		}
		if len(buf) > 0 || tooLong || err == nil {
			line++
		}
		if tooLong {
			r.report(path, line, fmt.Errorf("line longer than the %d MB limit", max>>20))
		} else if rec := bytes.TrimSpace(buf); len(rec) > 0 {
			switch {
			case bytes.IndexByte(rec, 0) >= 0:
				r.report(path, line, errors.New("binary content (NUL byte)"))
			case !utf8.Valid(rec):
				r.report(path, line, errors.New("invalid UTF-8"))
			default:
				it, perr := parseRecord(rec, path, base, line)
				if perr != nil {
					if err == io.EOF && !bytes.HasSuffix(buf, []byte("\n")) {
						perr = fmt.Errorf("%w (file truncated?)", perr)
					}
					r.report(path, line, perr)
				} else if ferr := fn(it); ferr != nil {
					return ferr
				}
			}
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			var bomb *bombError
			if !errors.As(err, &bomb) {
				err = fmt.Errorf("read: %w", err)
			}
			r.report(path, line+1, err)
			return nil
		}
	}
}

// skipBlank discards the white space at br's position a buffer at a time,
// so that runs of blank lines (a compression bomb of newlines) cost little,
// and returns the number of line breaks it skipped.
func skipBlank(br *bufio.Reader) int {
	lines := 0
	for {
		if br.Buffered() == 0 {
			if _, err := br.Peek(1); err != nil {
				return lines
			}
		}
		b, _ := br.Peek(br.Buffered())
		n := 0
		for n < len(b) && (b[n] == '\n' || b[n] == '\r' || b[n] == ' ' || b[n] == '\t') {
			if b[n] == '\n' {
				lines++
			}
			n++
		}
		br.Discard(n)
		if n < len(b) {
			return lines
		}
	}
}

// readJSON reads a .json file: one object, an array of objects, or a stream
// of objects (JSON Lines written with a .json name).
func (r *Reader) readJSON(path, base string, in io.Reader, fn func(Item) error) error {
	b, err := r.readAll(in)
	if err != nil {
		r.report(path, 0, err)
		return nil
	}
	trimmed := bytes.TrimSpace(bytes.TrimPrefix(b, []byte("\xef\xbb\xbf")))
	if len(trimmed) == 0 {
		r.report(path, 0, errors.New("empty file"))
		return nil
	}
	if !utf8.Valid(b) {
		line, _ := invalidUTF8Line(b)
		r.report(path, line, errors.New("invalid UTF-8"))
		return nil
	}
	if trimmed[0] != '[' {
		if trimmed[0] == '{' && jsontext.Value(trimmed).IsValid(recordOptions) {
			// One object, however it is laid out over lines.
			it, err := parseRecord(trimmed, path, base, 1)
			if err != nil {
				r.report(path, 1, err)
				return nil
			}
			return fn(it)
		}
		return r.readJSONL(path, base, bytes.NewReader(b), fn)
	}
	dec := jsontext.NewDecoder(bytes.NewReader(b), recordOptions)
	lineAt := func(off int64) int { return 1 + bytes.Count(b[:min(int(off), len(b))], []byte("\n")) }
	if _, err := dec.ReadToken(); err != nil {
		r.report(path, 1, fmt.Errorf("invalid JSON: %w", err))
		return nil
	}
	for dec.PeekKind() != ']' {
		start := dec.InputOffset()
		raw, err := dec.ReadValue()
		if err != nil {
			r.report(path, lineAt(start), fmt.Errorf("invalid JSON: %w", err))
			return nil
		}
		line := lineAt(start + int64(len(b[start:])-len(bytes.TrimLeft(b[start:], " \t\r\n,"))))
		it, err := parseRecord(raw, path, base, line)
		if err != nil {
			r.report(path, line, err)
			continue
		}
		if err := fn(it); err != nil {
			return err
		}
	}
	if _, err := dec.ReadToken(); err != nil {
		r.report(path, lineAt(dec.InputOffset()), fmt.Errorf("invalid JSON (truncated array?): %w", err))
	}
	return nil
}

// binaryLine reports whether b looks binary (a NUL byte, or more than 1% of
// control bytes other than white space) and the line where it first shows.
func binaryLine(b []byte) (int, bool) {
	first, ctrl := -1, 0
	for i, c := range b {
		if c == 0 {
			return 1 + bytes.Count(b[:i], []byte("\n")), true
		}
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != '\v' {
			ctrl++
			if first < 0 {
				first = i
			}
		}
	}
	if ctrl > 0 && ctrl*100 > len(b) {
		return 1 + bytes.Count(b[:first], []byte("\n")), true
	}
	return 0, false
}

// invalidUTF8Line reports the line of the first invalid UTF-8 sequence.
func invalidUTF8Line(b []byte) (int, bool) {
	if utf8.Valid(b) {
		return 0, false
	}
	line := 1
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return line, true
		}
		if b[i] == '\n' {
			line++
		}
		i += n
	}
	return line, true
}

type countingReader struct {
	r      io.Reader
	report func(int64)
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	if c.report != nil && n > 0 {
		c.report(int64(n))
	}
	return n, err
}
