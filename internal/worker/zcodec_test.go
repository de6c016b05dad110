package worker

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/model"
	"github.com/parallax-news/parallax/internal/pipeline"
	"github.com/parallax-news/parallax/internal/source"
	"github.com/parallax-news/parallax/internal/storage"
	"github.com/parallax-news/parallax/internal/storage/postgres"
)

// TestDecodePrepared checks that the ordered step reads a prepared job
// stored compressed, as the workers store it now, and stored as plain
// JSON, as earlier workers did, alike; and that damaged data is an error.
func TestDecodePrepared(t *testing.T) {
	zc, err := newZCodec(2)
	if err != nil {
		t.Fatal(err)
	}
	defer zc.close()
	w := &worker{zc: zc}
	body := strings.Repeat("<p>The harbour board of Eastmere met on Tuesday.</p>", 200)
	pj := preparedJob{
		Items: []source.Item{{Article: model.Article{ExternalID: "p1", Source: "pages/p1.html", Hash: "h1"}, HTML: true}},
		Prepared: []pipeline.Prepared{{ExternalID: "p1", Hash: "h1", HTML: true, Text: body,
			Article: &model.Article{ExternalID: "p1", Title: "Harbour board meets", Text: body}}},
	}
	plain, err := marshal(pj)
	if err != nil {
		t.Fatal(err)
	}
	packed := zc.compress(plain)
	if !zstdFrame(packed) || zstdFrame(plain) {
		t.Fatalf("zstdFrame: compressed %v, plain %v; want true, false", zstdFrame(packed), zstdFrame(plain))
	}
	if len(packed) >= len(plain)/4 {
		t.Errorf("compressed to %d bytes of %d: the repeated text should shrink far more", len(packed), len(plain))
	}
	for _, tt := range []struct {
		name    string
		data    []byte
		wantErr bool
	}{
		{"compressed", packed, false},
		{"plain JSON", plain, false},
		{"truncated frame", packed[:len(packed)/2], true},
		{"frame of no JSON", zc.compress([]byte("not json")), true},
	} {
		items, prs, err := w.decodePrepared(context.Background(), &postgres.Job{ID: 7, Prepared: tt.data})
		if tt.wantErr {
			if err == nil || !strings.Contains(err.Error(), "job 7: decode prepared items") {
				t.Errorf("%s: error %v, want one naming the job", tt.name, err)
			}
			continue
		}
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if len(items) != 1 || items[0].Article.ExternalID != "p1" || items[0].Article.Hash != "h1" ||
			len(prs) != 1 || prs[0].Article == nil || prs[0].Article.Text != body || prs[0].Text != body {
			t.Errorf("%s: decoded %+v, %+v", tt.name, items, prs)
		}
	}
}

// TestDecodeItems checks that a job's payload is queued with each body
// compressed as a raw page is stored and read back whole, with the
// compressed pages kept; that a body that is not valid UTF-8 is read as
// JSON reads it; that payloads queued by earlier versions (compressed or
// plain JSON) are read alike; and that damaged payloads are errors.
func TestDecodeItems(t *testing.T) {
	zc, err := newZCodec(1)
	if err != nil {
		t.Fatal(err)
	}
	defer zc.close()
	page := strings.Repeat("<p>The ferry to Valdmark was late again on Monday.</p>", 300)
	items := []source.Item{
		{Article: model.Article{ExternalID: "f1", Source: "pages/f1.html"}, Body: page, HTML: true},
		{Article: model.Article{ExternalID: "f2", Title: "Ferry late", Outlet: "Coast Courier"}, Body: "The ferry was late."},
		{Article: model.Article{ExternalID: "f3"}, Body: "Caf\xe9 \"Hafen\" closed.", HTML: true},
		{Article: model.Article{ExternalID: "f4"}},
	}
	packed, err := EncodeItems(items)
	if err != nil {
		t.Fatal(err)
	}
	plain, err := marshal(itemsPayload{Items: items})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(packed), itemsMagic) {
		t.Fatalf("EncodeItems gave %d bytes starting %q, want %q", len(packed), packed[:min(8, len(packed))], itemsMagic)
	}
	if len(packed) >= len(plain)/4 {
		t.Errorf("payload of %d bytes for %d bytes of JSON: the repeated page should shrink far more", len(packed), len(plain))
	}
	// What JSON makes of the body that is not valid UTF-8.
	var viaJSON itemsPayload
	if err := json.Unmarshal(plain, &viaJSON); err != nil {
		t.Fatal(err)
	}
	wantBodies := []string{page, "The ferry was late.", viaJSON.Items[2].Body, ""}
	if wantBodies[2] != "Caf\ufffd \"Hafen\" closed." {
		t.Fatalf("JSON read the body as %q", wantBodies[2])
	}
	for _, tt := range []struct {
		name      string
		data      []byte
		wantErr   bool
		wantPages bool
	}{
		{"queued", packed, false, true},
		{"compressed JSON", zc.compress(plain), false, false},
		{"plain JSON", plain, false, false},
		{"truncated", packed[:len(packed)/2], true, false},
		{"trailing bytes", append(append([]byte{}, packed...), 0), true, false},
		{"no items", []byte(itemsMagic), true, false},
		{"truncated frame", zc.compress(plain)[:len(plain)/8], true, false},
		{"frame of no JSON", zc.compress([]byte("not json")), true, false},
	} {
		got, pages, err := decodeItems(zc, tt.data)
		if tt.wantErr {
			if err == nil || !strings.Contains(err.Error(), "decode job") {
				t.Errorf("%s: error %v, want a decode error", tt.name, err)
			}
			continue
		}
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if len(got) != len(items) || !got[0].HTML || got[0].Article.Source != "pages/f1.html" || got[1].Article.Outlet != "Coast Courier" {
			t.Fatalf("%s: decoded %+v", tt.name, got)
		}
		for i, want := range wantBodies {
			if got[i].Body != want {
				t.Errorf("%s: body %d is %.40q, want %.40q", tt.name, i, got[i].Body, want)
			}
		}
		if !tt.wantPages {
			if pages != nil {
				t.Errorf("%s: pages %v, want none", tt.name, pages)
			}
			continue
		}
		if len(pages) != len(items) || pages[2] != nil || pages[3] != nil {
			t.Fatalf("%s: pages %v, want the first two", tt.name, pages)
		}
		for i := range 2 {
			if !bytes.Equal(pages[i], storage.CompressPage([]byte(items[i].Body))) {
				t.Errorf("%s: page %d is not the body compressed as a raw page", tt.name, i)
			}
		}
	}
}

// FuzzDecodeItems checks that no payload makes decodeItems panic, and
// that what it reads without error has a page or none for each item.
func FuzzDecodeItems(f *testing.F) {
	zc, err := newZCodec(1)
	if err != nil {
		f.Fatal(err)
	}
	defer zc.close()
	packed, err := EncodeItems([]source.Item{{Article: model.Article{ExternalID: "f1"}, Body: "<p>Harbour news.</p>", HTML: true}, {}})
	if err != nil {
		f.Fatal(err)
	}
	f.Add(packed)
	f.Add([]byte(itemsMagic + "\x00"))
	f.Add([]byte(`{"items":[]}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		items, pages, err := decodeItems(zc, b)
		if err == nil && pages != nil && len(pages) != len(items) {
			t.Fatalf("%d pages for %d items", len(pages), len(items))
		}
	})
}
