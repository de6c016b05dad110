package cli

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func run(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Execute(context.Background(), args, &out, &errb)
	return code, out.String(), errb.String()
}

func jsonLines(t *testing.T, s string) []map[string]any {
	t.Helper()
	var out []map[string]any
	sc := bufio.NewScanner(strings.NewReader(s))
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for sc.Scan() {
		var m map[string]any
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			t.Fatalf("not a JSON line: %q: %v", sc.Text(), err)
		}
		out = append(out, m)
	}
	return out
}

func TestAnalyzeAndExport(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	code, out, errs := run(t, "analyze", "--db", db, "../../examples")
	if code != 0 {
		t.Fatalf("analyze exit %d: %s", code, errs)
	}
	for _, want := range []string{"7 stories", "STORY", "outlets:", "Lantern Review"} {
		if !strings.Contains(out, want) {
			t.Errorf("analyze output lacks %q:\n%s", want, out)
		}
	}
	code, out, _ = run(t, "export", "assignments", "--db", db)
	recs := jsonLines(t, out)
	if code != 0 || len(recs) != 23 {
		t.Fatalf("export assignments: exit %d, %d records", code, len(recs))
	}
	for _, r := range recs {
		if _, ok := r["id"].(string); !ok {
			t.Errorf("assignment without string id: %v", r)
		}
		if s, ok := r["story"].(float64); !ok || s <= 0 {
			t.Errorf("assignment without story: %v", r)
		}
	}
	_, out, _ = run(t, "export", "articles", "--db", db)
	arts := jsonLines(t, out)
	if len(arts) != 23 {
		t.Fatalf("export articles: %d records", len(arts))
	}
	for _, k := range []string{"id", "title", "text", "url", "outlet", "published", "story", "duplicate_of"} {
		if _, ok := arts[0][k]; !ok {
			t.Errorf("article record lacks %q: %v", k, arts[0])
		}
	}
	for _, a := range arts {
		text := a["text"].(string)
		for _, junk := range []string{"Share this", "Back to top", "< /p>"} {
			if strings.Contains(text, junk) {
				t.Errorf("%s: cleaned text still has %q", a["id"], junk)
			}
		}
	}
	code, out, _ = run(t, "export", "assignments", "--format", "csv", "--db", db)
	if code != 0 || !strings.HasPrefix(out, "id,story,thread,duplicate_of\n") || strings.Count(out, "\n") != 24 {
		t.Errorf("csv export: exit %d\n%s", code, out)
	}
	for _, kind := range []string{"entities", "quotes", "claims"} {
		code, out, errs = run(t, "export", kind, "--db", db)
		if code != 0 || len(jsonLines(t, out)) == 0 {
			t.Errorf("export %s: exit %d, %d records, %s", kind, code, len(jsonLines(t, out)), errs)
		}
	}
	// Quote and stance offsets are character offsets into the exported
	// article text.
	texts := map[string][]rune{}
	for _, a := range arts {
		texts[a["id"].(string)] = []rune(a["text"].(string))
	}
	span := func(id string, start, end float64) string {
		r := texts[id]
		if start < 0 || end < start || int(end) > len(r) {
			return "\x00out of range"
		}
		return string(r[int(start):int(end)])
	}
	_, out, _ = run(t, "export", "quotes", "--db", db)
	for _, q := range jsonLines(t, out) {
		if got := span(q["id"].(string), q["start"].(float64), q["end"].(float64)); got != q["quote"] {
			t.Errorf("quote %v: text[start:end] = %q", q, got)
		}
	}
	_, out, _ = run(t, "export", "claims", "--db", db)
	for _, c := range jsonLines(t, out) {
		for _, st := range c["stances"].([]any) {
			m := st.(map[string]any)
			if got := span(m["id"].(string), m["start"].(float64), m["end"].(float64)); got != m["text"] {
				t.Errorf("stance %v: text[start:end] = %q", m, got)
			}
		}
	}
	code, out, _ = run(t, "entity", "Kovalchuk", "--db", db)
	if code != 0 || !strings.Contains(out, "aliases:") || !strings.Contains(out, "stories:") {
		t.Errorf("entity Kovalchuk: exit %d\n%s", code, out)
	}
	for _, args := range [][]string{{"stories"}, {"story", "1"}, {"threads"}, {"entities"}, {"quotes"}, {"claims"}} {
		code, out, errs = run(t, append(args, "--db", db)...)
		if code != 0 || out == "" {
			t.Errorf("%v: exit %d, output %q, errors %s", args, code, out, errs)
		}
	}
}

func TestExitCodes(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "x.db")
	os.WriteFile(filepath.Join(dir, "ok.txt"), []byte("Bridge opens\nThe new bridge in Osterby opened on Monday after two years of work.\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "bad.txt"), []byte{0, 1, 2, 3}, 0o644)
	code, _, errs := run(t, "ingest", "--db", db, dir)
	if code != ExitFailure || !strings.Contains(errs, "bad.txt") {
		t.Errorf("ingest with a bad file: exit %d, stderr %q", code, errs)
	}
	if code, _, _ := run(t, "frobnicate"); code != ExitUsage {
		t.Errorf("unknown command: exit %d, want %d", code, ExitUsage)
	}
	if code, _, _ := run(t, "story", "abc", "--db", db); code != ExitUsage {
		t.Errorf("bad story id: exit %d, want %d", code, ExitUsage)
	}
	if code, _, _ := run(t, "story", "999", "--db", db); code != ExitFailure {
		t.Errorf("missing story: exit %d, want %d", code, ExitFailure)
	}
}

func TestEvalClusters(t *testing.T) {
	dir := t.TempDir()
	gold := filepath.Join(dir, "gold.jsonl")
	var b strings.Builder
	add := func(id, story, title, text string) {
		json.NewEncoder(&b).Encode(map[string]string{"id": id, "title": title, "text": text, "story": story})
	}
	add("a1", "quake", "Earthquake strikes Osterby", "A strong earthquake struck Osterby on Monday, damaging the harbour and the old church. Mayor Ilse Varga said rescue teams were searching the rubble.")
	add("a2", "quake", "Osterby quake damages harbour", "Rescue teams in Osterby searched collapsed buildings after Monday's earthquake damaged the harbour and the church, Mayor Ilse Varga said.")
	add("b1", "budget", "Parliament passes budget", "Parliament in Brenmouth passed the annual budget on Thursday after finance minister Tomas Reyes won support from two smaller parties.")
	os.WriteFile(gold, []byte(b.String()), 0o644)
	code, out, errs := run(t, "eval", "clusters", gold)
	if code != 0 {
		t.Fatalf("eval exit %d: %s", code, errs)
	}
	var res struct {
		Articles int `json:"articles"`
		BCubed   struct {
			F1 float64 `json:"f1"`
		} `json:"bcubed"`
		Pairwise struct {
			F1 float64 `json:"f1"`
		} `json:"pairwise"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("eval output %q: %v", out, err)
	}
	if res.Articles != 3 || res.BCubed.F1 != 1 || res.Pairwise.F1 != 1 {
		t.Errorf("eval = %+v, want 3 articles, perfect scores", res)
	}
}

func TestLineSplit(t *testing.T) {
	for _, chunk := range []int{1, 3, 100} {
		var first, rest bytes.Buffer
		w := &lineSplit{first: &first, rest: &rest, n: 2}
		in := "a\nbb\nccc\nd\n"
		for i := 0; i < len(in); i += chunk {
			if n, err := w.Write([]byte(in[i:min(i+chunk, len(in))])); err != nil || n != min(chunk, len(in)-i) {
				t.Fatalf("chunks of %d: Write = %d, %v", chunk, n, err)
			}
		}
		if first.String() != "a\nbb\n" || rest.String() != "ccc\nd\n" {
			t.Errorf("chunks of %d: first %q, rest %q", chunk, first.String(), rest.String())
		}
	}
}

func TestBench(t *testing.T) {
	code, out, errs := run(t, "bench", "--articles", "300", "--then", "20", "--no-analysis", "-q")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var res benchResult
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	if res.Articles != 300 || res.Then != 20 || res.ThenSec <= 0 || res.ThenRSSMiB <= 0 || res.ArticlesPerSec <= 0 || res.Stories == 0 || res.BCubed.F1 < 0.9 {
		t.Errorf("bench result: %+v", res)
	}
}

// TestBenchTrace checks that --trace writes a Go execution trace of the
// run, which go tool trace reads.
func TestBenchTrace(t *testing.T) {
	file := filepath.Join(t.TempDir(), "run.trace")
	code, _, errs := run(t, "bench", "--articles", "200", "--no-analysis", "-q", "--trace", file)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	// a trace opens with its format's header, "go 1.NN trace"
	if !bytes.HasPrefix(b, []byte("go 1.")) || !bytes.Contains(b[:16], []byte(" trace")) || len(b) < 1000 {
		t.Errorf("trace file of %d bytes starting %q", len(b), b[:min(len(b), 16)])
	}
}
