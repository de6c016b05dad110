package cli

import (
	"encoding/csv"
	"path/filepath"
	"strings"
	"testing"
)

func TestSearch(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	if code, _, errs := run(t, "analyze", "-q", "--db", db, "../../examples"); code != 0 {
		t.Fatalf("analyze: %s", errs)
	}
	code, out, errs := run(t, "search", "--db", db, "rail", "strike")
	if code != 0 || !strings.Contains(out, "«strike»") || !strings.Contains(out, "«Rail»") && !strings.Contains(out, "«rail»") {
		t.Errorf("search rail strike: exit %d: %s %s", code, out, errs)
	}
	// Operators of query languages are words, never syntax errors.
	for _, q := range []string{`"NEAR(`, `strike*`, `-`, `title:strike`, `"`, `strike OR AND`} {
		if code, _, errs := run(t, "search", "--db", db, q); code != 0 {
			t.Errorf("search %q: exit %d: %s", q, code, errs)
		}
	}
	code, out, errs = run(t, "search", "--db", db, "--kind", "entities", "--format", "json", "kovalchuk")
	recs := jsonLines(t, out)
	if code != 0 || len(recs) == 0 {
		t.Fatalf("search entities: exit %d, %d records: %s", code, len(recs), errs)
	}
	if e, ok := recs[0]["entity"].(map[string]any); !ok || !strings.Contains(e["canonical"].(string), "Kovalchuk") {
		t.Errorf("first entity: %v", recs[0])
	}
	code, out, errs = run(t, "search", "--db", db, "--kind", "quotes", "--format", "csv", "--speaker", "Kovalchuk", "tender")
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if code != 0 || err != nil || len(rows) < 2 {
		t.Fatalf("search quotes csv: exit %d, %v: %s %s", code, err, out, errs)
	}
	if strings.Join(rows[0], ",") != "article,outlet,published,story,speaker,kind,cue,quote" {
		t.Errorf("csv header %v", rows[0])
	}
	for _, r := range rows[1:] {
		if r[4] != "Yevhen Kovalchuk" || !strings.Contains(r[7], "«tender»") {
			t.Errorf("quote row %v", r)
		}
	}
	code, out, _ = run(t, "search", "--db", db, "--format", "md", "--outlet", "Eastbay Observer", "strike")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != 0 || len(lines) < 3 || !strings.HasPrefix(lines[1], "| --- |") || !strings.Contains(out, "**") {
		t.Errorf("md: exit %d:\n%s", code, out)
	}
	for _, l := range lines[2:] {
		if !strings.Contains(l, "Eastbay Observer") {
			t.Errorf("outlet filter let through %s", l)
		}
	}
	for _, args := range [][]string{{"--kind", "dragons", "x"}, {"--format", "xml", "x"}, {"--thread", "1", "x"}, {"--from", "yesterday", "x"}} {
		if code, _, _ := run(t, append([]string{"search", "--db", db}, args...)...); code != 2 {
			t.Errorf("search %v: exit %d, want 2 (usage)", args, code)
		}
	}
}
