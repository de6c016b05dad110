package source

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// warcRecord lays out one WARC/1.1 record around an HTTP message or other
// block.
func warcRecord(typ, uri, date, contentType, block string) string {
	id := fmt.Sprintf("<urn:uuid:%08x-0000-4000-8000-000000000000>", len(block)*7+len(uri))
	return "WARC/1.1\r\n" +
		"WARC-Type: " + typ + "\r\n" +
		"WARC-Record-ID: " + id + "\r\n" +
		"WARC-Date: " + date + "\r\n" +
		"WARC-Target-URI: " + uri + "\r\n" +
		"Content-Type: " + contentType + "\r\n" +
		fmt.Sprintf("Content-Length: %d\r\n", len(block)) +
		"\r\n" + block + "\r\n\r\n"
}

func httpResponse(status, contentType, headers, body string) string {
	return "HTTP/1.1 " + status + "\r\nContent-Type: " + contentType + "\r\n" + headers +
		fmt.Sprintf("Content-Length: %d\r\n", len(body)) + "\r\n" + body
}

func gzipString(s string) string {
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	w.Write([]byte(s))
	w.Close()
	return b.String()
}

const (
	pageOne   = "<html><head><title>Dam inspection finds cracks</title></head><body><p>Inspectors found cracks in the river dam on Monday.</p></body></html>"
	pageTwo   = "<html><body><p>The town library extends its opening hours.</p></body></html>"
	pageThree = "<html><body><p>A compressed page about the regional rail timetable.</p></body></html>"
	httpMsg   = "application/http;msgtype=response"
)

// testWARC returns the records of a small crawl: HTML pages among
// records that are not pages.
func testWARC() []string {
	const date = "2026-05-06T10:00:00Z"
	chunked := fmt.Sprintf("%x\r\n%s\r\n0\r\n\r\n", len(gzipString(pageThree)), gzipString(pageThree))
	return []string{
		warcRecord("warcinfo", "", date, "application/warc-fields", "software: test\r\n"),
		warcRecord("request", "https://river.example/dam", date, "application/http;msgtype=request", "GET /dam HTTP/1.1\r\nHost: river.example\r\n\r\n"),
		warcRecord("response", "https://river.example/dam", date, httpMsg, httpResponse("200 OK", "text/html; charset=utf-8", "", pageOne)),
		warcRecord("response", "https://river.example/logo.png", date, httpMsg, httpResponse("200 OK", "image/png", "", "\x89PNG....")),
		warcRecord("response", "https://river.example/gone", date, httpMsg, httpResponse("404 Not Found", "text/html", "", "<p>missing</p>")),
		warcRecord("response", "https://river.example/old", date, httpMsg, httpResponse("301 Moved Permanently", "text/html", "Location: /new\r\n", "")),
		warcRecord("resource", "https://town.example/library", "2026-05-07T08:30:00Z", "text/html", pageTwo),
		warcRecord("response", "https://rail.example/timetable", date, httpMsg,
			"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n"+chunked),
	}
}

func readWARCFile(t *testing.T, name string, data []byte) ([]Item, []*Error) {
	t.Helper()
	dir := t.TempDir()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	files, errs := Files([]string{p})
	if len(errs) != 0 {
		t.Fatal(errs)
	}
	var items []Item
	var problems []*Error
	r := &Reader{OnError: func(e *Error) { problems = append(problems, e) }}
	if err := r.ReadFiles(context.Background(), files, func(it Item) error {
		items = append(items, it)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return items, problems
}

func checkPages(t *testing.T, items []Item, wantIDs ...string) {
	t.Helper()
	var got []string
	for _, it := range items {
		got = append(got, it.Article.ExternalID)
		if !it.HTML {
			t.Errorf("%s: not marked HTML", it.Article.ExternalID)
		}
	}
	if strings.Join(got, " ") != strings.Join(wantIDs, " ") {
		t.Fatalf("ids %v, want %v", got, wantIDs)
	}
}

func TestReadWARC(t *testing.T) {
	recs := testWARC()
	plain := []byte(strings.Join(recs, ""))
	var perRecord bytes.Buffer // .warc.gz: one gzip member per record
	for _, r := range recs {
		perRecord.WriteString(gzipString(r))
	}
	for _, tt := range []struct {
		name string
		data []byte
	}{{"crawl.warc", plain}, {"crawl.warc.gz", perRecord.Bytes()}} {
		t.Run(tt.name, func(t *testing.T) {
			items, errs := readWARCFile(t, tt.name, tt.data)
			if len(errs) != 0 {
				t.Fatalf("errors: %v", errs)
			}
			checkPages(t, items, "crawl-3", "crawl-7", "crawl-8")
			first := items[0].Article
			if first.URL != "https://river.example/dam" || items[0].Body != pageOne {
				t.Errorf("first page: url %q body %q", first.URL, items[0].Body)
			}
			if first.Meta["fetched"] != `"2026-05-06T10:00:00Z"` || !strings.Contains(first.Meta["warc_record_id"], "urn:uuid:") {
				t.Errorf("meta %v", first.Meta)
			}
			if items[1].Article.URL != "https://town.example/library" || items[1].Body != pageTwo || items[1].Article.Meta["fetched"] != `"2026-05-07T08:30:00Z"` {
				t.Errorf("resource record: %+v", items[1].Article)
			}
			if items[2].Body != pageThree {
				t.Errorf("chunked gzip page body %q", items[2].Body)
			}
		})
	}
}

func TestReadWARCTruncated(t *testing.T) {
	recs := testWARC()[:3]
	last := warcRecord("response", "https://cut.example/story", "2026-05-06T11:00:00Z", httpMsg, httpResponse("200 OK", "text/html", "", pageTwo))
	full := strings.Join(recs, "") + last
	cut := full[:len(full)-len(last)/2]
	var gz bytes.Buffer
	for _, r := range recs {
		gz.WriteString(gzipString(r))
	}
	lastGz := gzipString(last)
	gz.WriteString(lastGz[:len(lastGz)/2])
	for _, tt := range []struct {
		name string
		data []byte
	}{{"cut.warc", []byte(cut)}, {"cut.warc.gz", gz.Bytes()}} {
		t.Run(tt.name, func(t *testing.T) {
			items, errs := readWARCFile(t, tt.name, tt.data)
			checkPages(t, items, "cut-3")
			if len(errs) != 1 {
				t.Fatalf("errors %v, want one", errs)
			}
			msg := errs[0].Error()
			if !strings.Contains(msg, tt.name) || !strings.Contains(msg, "record 4") {
				t.Errorf("error %q does not name the file and record 4", msg)
			}
		})
	}
}

func TestReadWARCGarbage(t *testing.T) {
	for _, tt := range []struct{ name, data string }{
		{"empty.warc", ""},
		{"text.warc", "this is not a web archive at all\n"},
		{"junk-between.warc", testWARC()[2] + "\x00\x01garbage bytes\r\n" + testWARC()[6]},
	} {
		t.Run(tt.name, func(t *testing.T) {
			items, errs := readWARCFile(t, tt.name, []byte(tt.data))
			if tt.name == "junk-between.warc" {
				if len(items) != 2 {
					t.Errorf("%d pages read around the junk, want 2 (errors %v)", len(items), errs)
				}
				return
			}
			if len(items) != 0 || len(errs) == 0 {
				t.Errorf("items %d errors %v: want none and an error", len(items), errs)
			}
		})
	}
}

func FuzzReadWARC(f *testing.F) {
	f.Add([]byte(strings.Join(testWARC(), "")))
	f.Add([]byte(testWARC()[2][:200]))
	f.Fuzz(func(t *testing.T, data []byte) {
		r := &Reader{OnError: func(e *Error) {
			if !strings.Contains(e.Error(), "fuzz.warc") {
				t.Fatalf("error without the file name: %v", e)
			}
		}}
		err := r.readWARC("fuzz.warc", "fuzz", bytes.NewReader(data), func(it Item) error {
			if !it.HTML || !strings.HasPrefix(it.Article.ExternalID, "fuzz-") {
				t.Fatalf("bad item %+v", it.Article)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	})
}

func TestReadWARCLargePage(t *testing.T) {
	page := "<html><body>" + strings.Repeat("<p>The harbour authority publishes its yearly traffic report.</p>\n", 8000) + "</body></html>"
	data := warcRecord("response", "https://port.example/report", "2026-05-06T10:00:00Z", httpMsg, httpResponse("200 OK", "text/html", "", page))
	items, errs := readWARCFile(t, "big.warc.gz", []byte(gzipString(data)))
	if len(errs) != 0 || len(items) != 1 {
		t.Fatalf("items %d errors %v", len(items), errs)
	}
	if items[0].Body != page {
		t.Errorf("body has %d bytes, want %d", len(items[0].Body), len(page))
	}
}
