// Package webtest builds the stores the web tests serve: the example
// corpus plus hostile articles whose titles, texts, outlets and addresses
// carry markup, script addresses and broken UTF-8.
package webtest

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/parallax-news/parallax/internal/analyze"
	"github.com/parallax-news/parallax/internal/pipeline"
	"github.com/parallax-news/parallax/internal/storage"
	"github.com/parallax-news/parallax/internal/storage/sqlite"
)

// Marker is what the hostile scripts would set document.title and the
// global window.pwned to if they ran.
const Marker = "PWNED"

// Hostile snippets the fixture articles carry.
const (
	ScriptTag = `<script>document.title='` + Marker + `';window.pwned=1</script>`
	ImgTag    = `"><img src=x onerror="document.title='` + Marker + `'">`
	JSURL     = `javascript:document.title='` + Marker + `'`
)

// hostile are invented articles about one invented event, all hostile.
var hostile = []map[string]string{
	{"id": "hostile-1", "title": "Quarry collapse in Velmora " + ScriptTag, "outlet": "Ridge Gazette" + ImgTag, "url": JSURL,
		"published": "2025-10-14T08:00:00Z",
		"text": "A limestone quarry wall collapsed in Velmora on Monday, trapping four workers, the regional fire service said. " + ScriptTag + "\n" +
			`"We reached all four men before noon," said fire chief Oda Renwick. ` + ImgTag + "\n" +
			"The quarry operator, Velmora Stoneworks, said it would cooperate with inspectors."},
	{"id": "hostile-2", "title": ImgTag + " Four trapped as Velmora quarry wall gives way", "outlet": "Valley Signal <b>bold</b>", "url": "https://signal.example/quarry?a=<script>",
		"published": "2025-10-14T10:30:00Z",
		"text": "Four workers were trapped when a quarry wall collapsed in Velmora on Monday, the regional fire service said.\n" +
			`"We reached all four men before noon," fire chief Oda Renwick told reporters. <a href="` + JSURL + `">details</a>` + "\n" +
			"Velmora Stoneworks denied that the wall had been reported unsafe."},
}

// brokenUTF8 is a text file whose title and body carry invalid UTF-8.
const brokenUTF8 = "Velmora quarry rescue ends \xff\xfe " + ScriptTag + "\n\n" +
	"All four workers trapped by the quarry collapse in Velmora were freed on Monday, \xc3\x28 fire chief Oda Renwick said.\n" +
	"Inspectors will visit the site on Wednesday. \xed\xa0\x80\n"

// Store ingests the example corpus at examples (skipped when "") and the
// hostile articles into a new SQLite store, and returns it open for
// reading. It is closed when the test ends.
func Store(t testing.TB, examples string) storage.Store {
	t.Helper()
	ctx := context.Background()
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	if err := os.MkdirAll(in, 0o755); err != nil {
		t.Fatal(err)
	}
	f, err := os.Create(filepath.Join(in, "hostile.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	enc := json.NewEncoder(f)
	for _, h := range hostile {
		if err := enc.Encode(h); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(in, "hostile-3.txt"), []byte(brokenUTF8), 0o644); err != nil {
		t.Fatal(err)
	}
	paths := []string{in}
	if examples != "" {
		paths = append(paths, examples)
	}
	db := filepath.Join(dir, "web.db")
	st, err := sqlite.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	p, err := pipeline.Open(ctx, st, pipeline.Options{Analyzer: analyze.New()})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.Ingest(ctx, paths); err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	ro, err := sqlite.OpenWith(ctx, db, sqlite.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ro.Close() })
	return ro
}
