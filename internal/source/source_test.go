package source

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// writeFiles creates files under a temp dir and returns the dir.
func writeFiles(t *testing.T, files map[string][]byte) string {
	t.Helper()
	dir := t.TempDir()
	for name, data := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func gz(t *testing.T, s string) []byte {
	t.Helper()
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	w.Write([]byte(s))
	w.Close()
	return b.Bytes()
}

func readAll(t *testing.T, dir string) ([]Item, []*Error) {
	t.Helper()
	files, err := Files([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	var items []Item
	var errs []*Error
	r := &Reader{OnError: func(e *Error) { errs = append(errs, e) }, MaxFileSize: 1 << 20}
	if err := r.ReadFiles(context.Background(), files, func(it Item) error {
		items = append(items, it)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return items, errs
}

func TestReadFormats(t *testing.T) {
	dir := writeFiles(t, map[string][]byte{
		"a/000_abc.txt":   []byte("Title line\nBody sentence one.\n"),
		"a/page.html":     []byte("<html><body><p>Hello</p></body></html>"),
		"b/feed.jsonl":    []byte(`{"id":"x1","title":"T1","text":"Body one.","url":"https://example.org/a","outlet":"Example","published":"2024-05-01","section":"world"}` + "\n" + `{"id":2,"title":"T2","html":"<p>Two</p>","published":"2024-05-02T10:00:00Z"}` + "\n"),
		"b/arr.json":      []byte(`[{"id":"j1","text":"J one."},{"id":"j2","text":"J two."}]`),
		"b/pretty.json":   []byte("{\n  \"id\": \"p1\",\n  \"title\": \"Pretty\",\n  \"text\": \"Laid out over lines.\"\n}\n"),
		"c/one.txt.gz":    gz(t, "Zipped body.\n"),
		"c/more.jsonl.gz": gz(t, `{"id":"z1","text":"Zipped line."}`+"\n"),
		"c/skip.pdf":      []byte("%PDF"),
		"d/x/same.txt":    []byte("First of two files with one name.\n"),
		"d/y/same.html":   []byte("<p>Second of two files with one name.</p>"),
		".hidden/x.txt":   []byte("hidden"),
	})
	items, errs := readAll(t, dir)
	if len(errs) != 0 {
		t.Fatalf("unexpected errors: %v", errs)
	}
	byID := map[string]Item{}
	for _, it := range items {
		byID[it.Article.ExternalID] = it
	}
	tests := []struct {
		id    string
		html  bool
		title string
		body  string
	}{
		{"000_abc", false, "", "Title line\nBody sentence one.\n"},
		{"page", true, "", "<html><body><p>Hello</p></body></html>"},
		{"x1", false, "T1", "Body one."},
		{"2", true, "T2", "<p>Two</p>"},
		{"j1", false, "", "J one."},
		{"j2", false, "", "J two."},
		{"p1", false, "Pretty", "Laid out over lines."},
		{"one", false, "", "Zipped body.\n"},
		{"z1", false, "", "Zipped line."},
		// Files sharing a name are told apart by their folders.
		{"d/x/same", false, "", "First of two files with one name.\n"},
		{"d/y/same", true, "", "<p>Second of two files with one name.</p>"},
	}
	if len(items) != len(tests) {
		t.Errorf("got %d items, want %d", len(items), len(tests))
	}
	for _, tc := range tests {
		it, ok := byID[tc.id]
		if !ok {
			t.Errorf("missing item %s", tc.id)
			continue
		}
		if it.HTML != tc.html || it.Article.Title != tc.title || it.Body != tc.body {
			t.Errorf("%s: got html=%v title=%q body=%q", tc.id, it.HTML, it.Article.Title, it.Body)
		}
	}
	x := byID["x1"].Article
	if x.URL != "https://example.org/a" || x.Outlet != "Example" || !x.Published.Equal(time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("x1 fields: %+v", x)
	}
	if x.Meta["section"] != `"world"` {
		t.Errorf("x1 meta = %v, want section kept", x.Meta)
	}
}

func TestBadInput(t *testing.T) {
	big := strings.Repeat("word ", (1<<20)/5+10)
	dir := writeFiles(t, map[string][]byte{
		"bin.txt":      {0x7f, 'E', 'L', 'F', 0, 0, 1, 2},
		"latin1.txt":   []byte("Caf\xe9 society.\n"),
		"empty.txt":    {},
		"big.txt":      []byte(big),
		"lines.jsonl":  []byte(`{"id":"ok1","text":"Fine."}` + "\n" + `{"id":"bad","text":"trunc` + "\n" + `{"id":"nodata"}` + "\n" + `{"id":"ok2","text":"Also fine.","published":"yesterday"}` + "\n" + `{"id":"ok3","text":"Last"`),
		"trunc.json":   []byte(`[{"id":"a1","text":"A."},{"id":"a2","te`),
		"trunc.txt.gz": gz(t, "Some text that will be cut off in the middle of the stream")[:20],
	})
	items, errs := readAll(t, dir)
	var ids []string
	for _, it := range items {
		ids = append(ids, it.Article.ExternalID)
	}
	if got := strings.Join(ids, ","); got != "ok1,a1" {
		t.Errorf("items read = %s, want ok1,a1", got)
	}
	want := []struct {
		file string
		line int
		msg  string
	}{
		{"big.txt", 0, "larger than"},
		{"bin.txt", 1, "binary"},
		{"empty.txt", 0, "empty"},
		{"latin1.txt", 1, "UTF-8"},
		{"lines.jsonl", 2, "invalid JSON"},
		{"lines.jsonl", 3, "no \"text\""},
		{"lines.jsonl", 4, "published"},
		{"lines.jsonl", 5, "truncated"},
		{"trunc.json", 1, "invalid JSON"},
		{"trunc.txt.gz", 0, ""},
	}
	if len(errs) != len(want) {
		for _, e := range errs {
			t.Log(e)
		}
		t.Fatalf("got %d errors, want %d", len(errs), len(want))
	}
	for i, w := range want {
		e := errs[i]
		if filepath.Base(e.Path) != w.file || e.Line != w.line || !strings.Contains(e.Error(), w.msg) {
			t.Errorf("error %d = %v, want %s:%d containing %q", i, e, w.file, w.line, w.msg)
		}
	}
}

func TestFilesRejectsUnsupported(t *testing.T) {
	dir := writeFiles(t, map[string][]byte{"x.pdf": []byte("%PDF")})
	if _, err := Files([]string{filepath.Join(dir, "x.pdf")}); err == nil {
		t.Error("want an error for an unsupported file named directly")
	}
	if _, err := Files([]string{filepath.Join(dir, "missing")}); err == nil {
		t.Error("want an error for a missing path")
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		want time.Time
		ok   bool
	}{
		{"2022-12-18", time.Date(2022, 12, 18, 0, 0, 0, 0, time.UTC), true},
		{"2022-12-18T10:30:00+03:30", time.Date(2022, 12, 18, 7, 0, 0, 0, time.UTC), true},
		{"2022-12-18T07:00:00Z", time.Date(2022, 12, 18, 7, 0, 0, 0, time.UTC), true},
		{"18/12/2022", time.Time{}, false},
		{"", time.Time{}, false},
	}
	for _, tc := range tests {
		got, err := ParseDate(tc.in)
		if (err == nil) != tc.ok || !got.Equal(tc.want) {
			t.Errorf("ParseDate(%q) = %v, %v", tc.in, got, err)
		}
	}
}

// FuzzJSONL checks that no input makes the JSON Lines reader panic, and that
// every record it accepts has an id and a body.
func FuzzJSONL(f *testing.F) {
	f.Add([]byte(`{"id":"a","text":"x"}` + "\n"))
	f.Add([]byte(`{"id":1,"html":"<p>x</p>","published":"2020-01-01"}`))
	f.Add([]byte("{\"id\":\"a\",\"text\":\"\xff\"}\n{"))
	f.Add([]byte("\n\n\x00{}\n[1,2]\n\"s\"\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		var errs int
		r := &Reader{MaxLineSize: 1 << 16, OnError: func(*Error) { errs++ }}
		err := r.readJSONL("fuzz.jsonl", "fuzz", bytes.NewReader(data), func(it Item) error {
			if it.Article.ExternalID == "" || strings.TrimSpace(it.Body) == "" {
				t.Errorf("accepted record without id or body: %+v", it)
			}
			return nil
		})
		if err != nil {
			t.Errorf("readJSONL returned %v; input errors must be reported, not returned", err)
		}
	})
}

// BenchmarkParseRecord decodes one JSON Lines record of a typical article.
func BenchmarkParseRecord(b *testing.B) {
	body := strings.Repeat("The council said on Tuesday that the bridge would reopen, \"after repairs\" to its deck. ", 40)
	raw, err := json.Marshal(map[string]string{"id": "a-1", "title": "Bridge to reopen", "text": body,
		"url": "https://example.org/a", "outlet": "Example", "published": "2024-05-01", "section": "local"})
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(raw)))
	for b.Loop() {
		if _, err := parseRecord(raw, "f.jsonl", "f", 1); err != nil {
			b.Fatal(err)
		}
	}
}

// TestParseRecordLenient checks the leniency scraped JSON needs: a lone
// surrogate escape from a cut emoji, a repeated member name.
func TestParseRecordLenient(t *testing.T) {
	tests := []struct {
		raw, id, title, body string
	}{
		{`{"id":"a","title":"Storm \ud83d","text":"Body \udc00 x, caf\u00e9"}`, "a", "Storm \ufffd", "Body \ufffd x, café"},
		{`{"id":"a","title":"T","text":"Body","id":"b"}`, "b", "T", "Body"},
		{` {"id": 7, "text": "Body"} `, "7", "", "Body"},
		{`{"id":"x\ud83d","text":"Body"}`, "x\ufffd", "", "Body"},
	}
	for _, tt := range tests {
		it, err := parseRecord([]byte(tt.raw), "f.jsonl", "f", 1)
		if err != nil {
			t.Errorf("%s: %v", tt.raw, err)
			continue
		}
		if it.Article.ExternalID != tt.id || it.Article.Title != tt.title || it.Body != tt.body {
			t.Errorf("%s: id %q title %q body %q", tt.raw, it.Article.ExternalID, it.Article.Title, it.Body)
		}
	}
	for _, raw := range []string{`null`, `[1]`, `"s"`, `{"id":"a","text":1}`, `{"id":"a","text":"x"`} {
		if _, err := parseRecord([]byte(raw), "f.jsonl", "f", 1); err == nil {
			t.Errorf("%s: accepted", raw)
		}
	}
}
