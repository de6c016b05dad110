package archive

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/nlnwa/gowarc/v2"

	"github.com/parallax-news/parallax/internal/collect/fetcher"
)

func TestWriteAndRotate(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "warc")
	w, err := NewWriter(dir, 1<<10)
	if err != nil {
		t.Fatal(err)
	}
	at := time.Date(2026, 5, 6, 10, 0, 0, 0, time.UTC)
	want := map[string]string{}
	for i := range 6 {
		body := fmt.Sprintf("<html><body><p>Page %d of the archive test.</p>%s</body></html>", i, strings.Repeat("<p>filler line</p>", 100+i))
		u := fmt.Sprintf("https://archive.example/p/%d", i)
		want[u] = body
		h := http.Header{"Content-Type": {"text/html; charset=utf-8"}, "Content-Encoding": {"gzip"}, "Etag": {`"x"`}}
		if err := w.Write(&fetcher.Response{URL: u, Status: 200, Header: h, Body: []byte(body), FetchedAt: at}); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Write(&fetcher.Response{URL: "https://archive.example/feed", NotModified: true}); err == nil {
		t.Error("a 304 was archived")
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.warc.gz"))
	if len(files) < 2 {
		t.Fatalf("%d files, want rotation past 1 KB", len(files))
	}
	if open, _ := filepath.Glob(filepath.Join(dir, "*.open")); len(open) != 0 {
		t.Errorf("files left open: %v", open)
	}
	got := map[string]string{}
	for _, f := range files {
		r, err := gowarc.NewWarcFileReader(f, 0)
		if err != nil {
			t.Fatal(err)
		}
		for {
			rec, _, _, err := r.Next()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				t.Fatalf("%s: %v", f, err)
			}
			if rec.Type() != gowarc.Response {
				continue
			}
			b := rec.Block().(gowarc.HttpResponseBlock)
			if b.HttpHeader().Get("Content-Encoding") != "" || b.HttpHeader().Get("Etag") != `"x"` {
				t.Errorf("headers %v", b.HttpHeader())
			}
			if d, _ := rec.Date(); !d.Equal(at) {
				t.Errorf("WARC-Date %v", d)
			}
			p, _ := b.PayloadBytes()
			body, _ := io.ReadAll(p)
			got[rec.WarcHeader().Get(gowarc.WarcTargetURI)] = string(body)
		}
		r.Close()
	}
	if len(got) != len(want) {
		t.Fatalf("read back %d pages, want %d", len(got), len(want))
	}
	for u, body := range want {
		if got[u] != body {
			t.Errorf("%s: body differs", u)
		}
	}
	if _, err := os.Stat(dir); err != nil {
		t.Fatal(err)
	}
}
