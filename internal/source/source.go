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
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"

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

// Default limits.
const (
	DefaultMaxFileSize = 32 << 20 // a single .txt/.html/.json document
	DefaultMaxLineSize = 16 << 20 // one JSON Lines record
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

// File is one input file found by Files.
type File struct {
	Path string
	Size int64
	// ID is the external id of a single-document file (.txt, .html): its
	// name without extension, or, when several listed files share that
	// name, its path below the input folder without extension
	// ("bbc/source"). Records of a JSON file without an id of their own
	// get ID-line ("feed-12").
	ID string

	rel string // path below the input folder (the path given, for a file)
}

// Supported reports whether a file name has an extension Parallax reads.
func Supported(name string) bool {
	_, k := kindOf(name)
	return k != kindNone
}

type kind int

const (
	kindNone kind = iota
	kindText
	kindHTML
	kindJSON
	kindJSONL
)

// kindOf returns the file's base name without extensions and its kind.
func kindOf(name string) (string, kind) {
	base := filepath.Base(name)
	lower := strings.ToLower(base)
	if strings.HasSuffix(lower, ".gz") {
		base, lower = base[:len(base)-3], lower[:len(lower)-3]
	}
	ext := filepath.Ext(lower)
	stem := base[:len(base)-len(ext)]
	switch ext {
	case ".txt", ".text":
		return stem, kindText
	case ".html", ".htm", ".xhtml":
		return stem, kindHTML
	case ".json":
		return stem, kindJSON
	case ".jsonl", ".ndjson":
		return stem, kindJSONL
	}
	return stem, kindNone
}

// Files expands paths (files and folders, recursively) into the supported
// input files, in lexical order. Unsupported files inside folders are
// skipped; an unsupported file named directly is an error.
func Files(paths []string) ([]File, error) {
	var out []File
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			return nil, fmt.Errorf("input %s: %w", p, err)
		}
		if !info.IsDir() {
			if !Supported(p) {
				return nil, fmt.Errorf("input %s: unsupported file type (want .txt, .html, .htm, .json, .jsonl, optionally .gz)", p)
			}
			out = append(out, File{Path: p, Size: info.Size(), rel: filepath.ToSlash(p)})
			continue
		}
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() {
				if path != p && strings.HasPrefix(d.Name(), ".") {
					return filepath.SkipDir
				}
				return nil
			}
			if !d.Type().IsRegular() || !Supported(path) || strings.HasPrefix(d.Name(), ".") {
				return nil
			}
			fi, err := d.Info()
			if err != nil {
				return err
			}
			rel, err := filepath.Rel(p, path)
			if err != nil {
				rel = path
			}
			out = append(out, File{Path: path, Size: fi.Size(), rel: filepath.ToSlash(rel)})
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("input %s: %w", p, err)
		}
	}
	assignIDs(out)
	return out, nil
}

// idBase returns the base of the ids of a file's articles.
func idBase(f File, stem string) string {
	if f.ID != "" {
		return f.ID
	}
	return stem
}

// assignIDs gives single-document files their external ids: the name
// without extension, unless another listed file has the same name; then
// the path below the input folder without extension, so that no two
// files' articles collide.
func assignIDs(files []File) {
	count := map[string]int{}
	for _, f := range files {
		stem, _ := kindOf(f.Path)
		count[stem]++
	}
	for i := range files {
		stem, _ := kindOf(files[i].Path)
		switch {
		case count[stem] == 1:
			files[i].ID = stem
		default:
			rel := files[i].rel
			files[i].ID = strings.TrimPrefix(rel[:len(rel)-(len(filepath.Base(rel))-len(stem))], "./")
		}
	}
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
	fh, err := os.Open(f.Path)
	if err != nil {
		r.report(f.Path, 0, err)
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
		in = gz
	}
	stem, k := kindOf(f.Path)
	call := func(it Item) error {
		if err := fn(it); err != nil {
			return errStop{err}
		}
		return ctx.Err()
	}
	switch k {
	case kindJSONL:
		err = r.readJSONL(f.Path, idBase(f, stem), in, call)
	case kindJSON:
		err = r.readJSON(f.Path, idBase(f, stem), in, call)
	default:
		id := f.ID
		if id == "" {
			id = stem
		}
		err = r.readDocument(f.Path, id, k == kindHTML, in, call)
	}
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

// readAll reads at most the file limit, failing beyond it.
func (r *Reader) readAll(in io.Reader) ([]byte, error) {
	limit := r.maxFile()
	b, err := io.ReadAll(io.LimitReader(in, limit+1))
	if err != nil {
		return nil, fmt.Errorf("read: %w", err)
	}
	if int64(len(b)) > limit {
		return nil, fmt.Errorf("file is larger than the %d MB limit for one document", limit>>20)
	}
	return b, nil
}

func (r *Reader) readDocument(path, stem string, html bool, in io.Reader, fn func(Item) error) error {
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
	it.Article.ExternalID = stem
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

// idString returns an id given as a string, or the literal of an id given
// as a number; "" for none.
func idString(raw jsontext.Value) string {
	switch {
	case len(raw) == 0 || string(raw) == "null":
		return ""
	case raw[0] == '"':
		var s string
		if json.Unmarshal(raw, &s, recordOptions) == nil {
			return strings.TrimSpace(s)
		}
	}
	return strings.TrimSpace(string(raw))
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
			r.report(path, line+1, fmt.Errorf("read: %w", err))
			return nil
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
