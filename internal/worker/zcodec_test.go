package worker

import (
	"context"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/model"
	"github.com/parallax-news/parallax/internal/pipeline"
	"github.com/parallax-news/parallax/internal/source"
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

// TestDecodeItems checks that a job's payload is queued compressed and
// read back whole, that payloads queued as plain JSON by earlier versions
// are read alike, and that damaged payloads are errors.
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
	}
	packed, err := EncodeItems(items)
	if err != nil {
		t.Fatal(err)
	}
	plain, err := marshal(itemsPayload{Items: items})
	if err != nil {
		t.Fatal(err)
	}
	if !zstdFrame(packed) {
		t.Fatalf("EncodeItems gave %d bytes starting %q, want a zstd frame", len(packed), packed[:min(8, len(packed))])
	}
	if len(packed) >= len(plain)/4 {
		t.Errorf("payload of %d bytes for %d bytes of JSON: the repeated page should shrink far more", len(packed), len(plain))
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
		got, err := decodeItems(zc, tt.data)
		if tt.wantErr {
			if err == nil || !strings.Contains(err.Error(), "decode job") {
				t.Errorf("%s: error %v, want a decode error", tt.name, err)
			}
			continue
		}
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if len(got) != 2 || got[0].Body != page || !got[0].HTML || got[0].Article.Source != "pages/f1.html" ||
			got[1].Article.Outlet != "Coast Courier" || got[1].Body != "The ferry was late." {
			t.Errorf("%s: decoded %+v", tt.name, got)
		}
	}
}
