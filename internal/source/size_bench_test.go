package source

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/go-json-experiment/json"

	"github.com/parallax-news/parallax/internal/hostile"
)

// benchSizes are the input sizes the per-size benchmarks run on: time per
// byte (MB/s) that stays flat across them shows linear cost.
var benchSizes = []int{1, 2, 4, 8}

// jsonlOf writes prose as JSON Lines records of about 4 KB each.
func jsonlOf(prose []byte) []byte {
	var b bytes.Buffer
	for i, part := range strings.SplitAfter(string(prose), "\n\n") {
		if strings.TrimSpace(part) == "" {
			continue
		}
		line, _ := json.Marshal(map[string]string{"id": fmt.Sprint("r", i), "text": part})
		b.Write(line)
		b.WriteByte('\n')
	}
	return b.Bytes()
}

// BenchmarkReadSize reads one input file of 1 to 8 MB, through the whole
// reading stage (open, decompress, check, decode): a .txt document, a
// .jsonl file of many records and the same gzip-compressed.
func BenchmarkReadSize(b *testing.B) {
	dir := b.TempDir()
	for _, mb := range benchSizes {
		prose := hostile.Prose(mb << 20)
		jsonl := jsonlOf(prose)
		var gz bytes.Buffer
		gz.Write(hostile.GzipRepeat(jsonl, int64(len(jsonl))))
		for name, data := range map[string][]byte{
			fmt.Sprintf("text/%dMB.txt", mb):      prose,
			fmt.Sprintf("jsonl/%dMB.jsonl", mb):   jsonl,
			fmt.Sprintf("gzip/%dMB.jsonl.gz", mb): gz.Bytes(),
		} {
			p := filepath.Join(dir, filepath.FromSlash(name))
			os.MkdirAll(filepath.Dir(p), 0o755)
			if err := os.WriteFile(p, data, 0o644); err != nil {
				b.Fatal(err)
			}
		}
	}
	for _, kind := range []string{"text", "jsonl", "gzip"} {
		for _, mb := range benchSizes {
			files, errs := Files([]string{filepath.Join(dir, kind, fmt.Sprintf("%dMB", mb)) + map[string]string{"text": ".txt", "jsonl": ".jsonl", "gzip": ".jsonl.gz"}[kind]})
			if len(errs) > 0 || len(files) != 1 {
				b.Fatal(errs)
			}
			size := int64(len(hostile.Prose(mb << 20)))
			b.Run(fmt.Sprintf("%s/%dMB", kind, mb), func(b *testing.B) {
				b.SetBytes(size)
				r := &Reader{OnError: func(e *Error) { b.Fatal(e) }}
				for b.Loop() {
					if err := r.ReadFiles(context.Background(), files, func(Item) error { return nil }); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
