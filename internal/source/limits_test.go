package source

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/go-json-experiment/json/jsontext"

	"github.com/parallax-news/parallax/internal/hostile"
)

func TestCanonicalID(t *testing.T) {
	tests := []struct{ raw, want string }{
		{`12`, "12"},
		{`12.0`, "12"},
		{`1.2e1`, "12"},
		{`1.20E+1`, "12"},
		{`120e-1`, "12"},
		{`"12"`, "12"},
		{`" 12 "`, "12"},
		{`-0`, "0"},
		{`-0.0e5`, "0"},
		{`0.5`, "0.5"},
		{`5E-1`, "0.5"},
		{`-1.50`, "-1.5"},
		{`1e3`, "1000"},
		{`0.00012`, "0.00012"},
		{`123456789012345678901234567890`, "123456789012345678901234567890"},
		{`1e400`, "1e400"},
		{`1.5e-400`, "1.5e-400"},
		{`"1.2e1"`, "1.2e1"}, // a string is kept as written
		{`null`, ""},
	}
	for _, tt := range tests {
		if got := idString(jsontext.Value(tt.raw)); got != tt.want {
			t.Errorf("idString(%s) = %q, want %q", tt.raw, got, tt.want)
		}
	}
}

// readGz reads one gzip file's content through ReadFiles.
func readGz(t *testing.T, name string, data []byte, r *Reader) ([]Item, []*Error) {
	t.Helper()
	dir := writeFiles(t, map[string][]byte{name: data})
	files, lerrs := Files([]string{dir})
	if len(lerrs) > 0 {
		t.Fatal(lerrs)
	}
	var items []Item
	var errs []*Error
	r.OnError = func(e *Error) { errs = append(errs, e) }
	if err := r.ReadFiles(context.Background(), files, func(it Item) error {
		items = append(items, it)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return items, errs
}

func TestGzipBombs(t *testing.T) {
	const mb = 1 << 20
	record := []byte(`{"id":"first","text":"A record before the bomb."}` + "\n")
	var jsonl bytes.Buffer
	jsonl.Write(hostile.GzipRepeat(record, int64(len(record))))
	jsonl.Write(hostile.GzipRepeat([]byte("\n"), 64*mb)) // a second gzip member
	tests := []struct {
		name  string
		data  []byte
		items int
		msg   string
	}{
		{"newlines.txt.gz", hostile.GzipRepeat([]byte("\n"), 8*mb), 0, "decompresses to more than the 1 MB limit"},
		{"zeros.html.gz", hostile.GzipRepeat([]byte{0}, 8*mb), 0, "decompresses to more than the 1 MB limit"},
		{"feed.jsonl.gz", jsonl.Bytes(), 1, "compression bomb"},
		{"small.jsonl.gz", hostile.GzipRepeat(record, int64(10000*len(record))), 10000, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			items, errs := readGz(t, tt.name, tt.data, &Reader{MaxFileSize: mb})
			if len(items) != tt.items {
				t.Errorf("read %d items, want %d", len(items), tt.items)
			}
			switch {
			case tt.msg == "" && len(errs) > 0:
				t.Errorf("errors: %v", errs)
			case tt.msg != "" && (len(errs) != 1 || !strings.Contains(errs[0].Error(), tt.msg)):
				t.Errorf("errors = %v, want one saying %q", errs, tt.msg)
			}
		})
	}
}

// TestBlankLinesKeepLineNumbers checks that runs of blank lines, skipped a
// buffer at a time, still count for the line numbers of later records.
func TestBlankLinesKeepLineNumbers(t *testing.T) {
	blank := strings.Repeat("\n", 3<<20) + " \t\r\n"
	in := `{"id":"a","text":"x"}` + "\n" + blank + `{"id":"b","text":` + "\n"
	var errs []*Error
	r := &Reader{OnError: func(e *Error) { errs = append(errs, e) }}
	var got []string
	if err := r.readJSONL("f.jsonl", "f", strings.NewReader(in), func(it Item) error {
		got = append(got, it.Article.ExternalID)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	wantLine := 2 + strings.Count(blank, "\n")
	if len(got) != 1 || len(errs) != 1 || errs[0].Line != wantLine {
		t.Errorf("items %v, errors %v; want one error on line %d", got, errs, wantLine)
	}
}

// TestLimitIsOneConstant checks that a document, a decompressed document
// and a JSON Lines record share the limit the README states.
func TestLimitIsOneConstant(t *testing.T) {
	if DefaultMaxFileSize != 32<<20 || DefaultMaxLineSize != DefaultMaxFileSize {
		t.Errorf("limits %d and %d, want both 32 MB", DefaultMaxFileSize, DefaultMaxLineSize)
	}
	r := &Reader{MaxLineSize: 1 << 10}
	var errs []*Error
	r.OnError = func(e *Error) { errs = append(errs, e) }
	line := fmt.Sprintf(`{"id":"a","text":"%s"}`, strings.Repeat("x", 2<<10))
	r.readJSONL("f.jsonl", "f", strings.NewReader(line), func(Item) error { return nil })
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "f.jsonl:1: line longer than") {
		t.Errorf("errors = %v", errs)
	}
}
