package entity

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/analyze/sentence"
)

func TestDebugSeeds(t *testing.T) {
	if os.Getenv("ENTDEBUG") == "" {
		t.Skip()
	}
	files, _ := filepath.Glob(os.Getenv("ENTDEBUG"))
	r := NewRecognizer()
	for _, fn := range files {
		b, _ := os.ReadFile(fn)
		text := string(b)
		fmt.Println("===", fn)
		for _, m := range r.Find(text, sentence.Split(text)) {
			if m.Type == "place" && m.Role == "" && m.Key == m.Text {
				continue
			}
			fmt.Printf("%-13s %-30q key=%q role=%q\n", m.Type, m.Text, m.Key, m.Role)
		}
	}
}

func TestDebugJSONL(t *testing.T) {
	fn := os.Getenv("ENTJSONL")
	if fn == "" {
		t.Skip()
	}
	b, _ := os.ReadFile(fn)
	r := NewRecognizer()
	reg := NewRegistry()
	n := 0
	for _, line := range splitLines(string(b)) {
		var a struct{ ID, Title, Text string }
		if json.Unmarshal([]byte(line), &a) != nil {
			continue
		}
		text := a.Title + "\n" + a.Text
		ms := r.Find(text, sentence.Split(text))
		reg.Add(a.ID, ms)
		if n < 100000 {
			for _, m := range ms {
				fmt.Printf("%-13s %-30q key=%q role=%q\n", m.Type, m.Text, m.Key, m.Role)
			}
		}
		n++
	}
	es := reg.Entities()
	fmt.Println("entities", len(es))
	for _, e := range es {
		if len(e.Aliases) > 2 {
			fmt.Printf("%s %s %q\n", e.Type, e.Canonical, e.Aliases)
		}
	}
}

func splitLines(s string) []string { return strings.Split(s, "\n") }
