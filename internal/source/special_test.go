//go:build unix

package source

import (
	"context"
	"net"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestFilesSkipsSpecialFiles checks that named pipes and sockets are
// reported without being opened (opening a FIFO for reading blocks until a
// writer comes) and that the regular files around them are read.
func TestFilesSkipsSpecialFiles(t *testing.T) {
	dir := writeFiles(t, map[string][]byte{"in/a.txt": []byte("A body.")})
	fifo := filepath.Join(dir, "in", "pipe.txt")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	sock := filepath.Join(dir, "in", "s.jsonl")
	if ln, err := net.Listen("unix", sock); err == nil {
		defer ln.Close()
	}
	files, errs := Files([]string{filepath.Join(dir, "in"), fifo, "/dev/null"})
	msgs := errorsByBase(errs)
	if !strings.Contains(msgs["pipe.txt"], "named pipe") {
		t.Errorf("FIFO error = %q", msgs["pipe.txt"])
	}
	if !strings.Contains(msgs["null"], "device") {
		t.Errorf("device error = %q", msgs["null"])
	}
	if m, ok := msgs["s.jsonl"]; ok && !strings.Contains(m, "socket") {
		t.Errorf("socket error = %q", m)
	}
	var items []Item
	r := &Reader{}
	if err := r.ReadFiles(context.Background(), files, func(it Item) error {
		items = append(items, it)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if len(items) != 1 || items[0].Article.ExternalID != "a" {
		t.Errorf("read %v, want only a", items)
	}

	// A FIFO handed to the reader directly is reported, not opened.
	var errs2 []*Error
	r = &Reader{OnError: func(e *Error) { errs2 = append(errs2, e) }}
	if err := r.ReadFiles(context.Background(), []File{{Path: fifo}}, func(Item) error { return nil }); err != nil {
		t.Fatal(err)
	}
	if len(errs2) != 1 || !strings.Contains(errs2[0].Error(), "named pipe") {
		t.Errorf("reading a FIFO: %v", errs2)
	}
}
