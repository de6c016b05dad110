// Command genhostile writes the hostile inputs of the reliability figures
// in the README to a folder, for timing `parallax ingest` on them:
//
//	go run ./internal/hostile/internal/genhostile DIR
package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/parallax-news/parallax/internal/hostile"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: genhostile DIR")
		os.Exit(2)
	}
	dir := os.Args[1]
	files := map[string][]byte{
		"div10k.html":       hostile.NestedDivs(10_000),
		"div100k.html":      hostile.NestedDivs(100_000),
		"p1m.html":          hostile.ManyParagraphs(1_000_000),
		"prose8mb.html":     hostile.ProseHTML(8 << 20),
		"newlines.txt.gz":   hostile.GzipRepeat([]byte("\n"), 1<<30),
		"newlines.jsonl.gz": hostile.GzipRepeat([]byte("\n"), 4<<30),
	}
	for _, mb := range []int{1, 2, 4, 8} {
		files[fmt.Sprintf("prose%dmb.txt", mb)] = hostile.Prose(mb << 20)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
}
