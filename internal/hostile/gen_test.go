package hostile

import (
	"os"
	"path/filepath"
	"testing"
)

func TestWriteForManualRuns(t *testing.T) {
	dir := os.Getenv("HOSTILE_DIR")
	if dir == "" {
		t.Skip("HOSTILE_DIR not set")
	}
	for _, mb := range []int{1, 2, 4, 8} {
		os.WriteFile(filepath.Join(dir, "prose"+string(rune('0'+mb))+".txt"), Prose(mb<<20), 0o644)
	}
	os.WriteFile(filepath.Join(dir, "div10k.html"), NestedDivs(10000), 0o644)
	os.WriteFile(filepath.Join(dir, "div100k.html"), NestedDivs(100000), 0o644)
	os.WriteFile(filepath.Join(dir, "p1m.html"), ManyParagraphs(1000000), 0o644)
	os.WriteFile(filepath.Join(dir, "bomb.txt.gz"), GzipRepeat([]byte("\n"), 1<<30), 0o644)
}
