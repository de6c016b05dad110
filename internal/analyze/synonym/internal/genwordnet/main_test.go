package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestGeneratedIsCurrent regenerates the synonym table from the installed
// WordNet and compares it with the committed synonyms.txt, so a hand edit
// or a stale table fails. It skips when WordNet is not installed
// (apt-get install wordnet-base).
func TestGeneratedIsCurrent(t *testing.T) {
	const dict = "/usr/share/wordnet"
	if _, err := os.Stat(filepath.Join(dict, "index.verb")); err != nil {
		t.Skipf("%s not installed: generated table not checked", dict)
	}
	out := filepath.Join(t.TempDir(), "synonyms.txt")
	if err := run(dict, out, 1); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("../../synonyms.txt")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Error("synonyms.txt differs from what the generator makes of the installed WordNet: run go generate ./internal/analyze/synonym")
	}
}

func TestPrimary(t *testing.T) {
	l := &lemma{
		tagged: map[string]int{"n": 3, "v": 3, "a": 1},
		senses: map[string][]string{"n": {"100", "101"}, "v": {"200"}, "a": {"300"}},
	}
	if got := primary(l); got != "v200" {
		t.Errorf("primary = %q, want the verb sense on a tie (v200)", got)
	}
	l.tagged["n"] = 4
	if got := primary(l); got != "n100" {
		t.Errorf("primary = %q, want the first noun sense (n100)", got)
	}
}
