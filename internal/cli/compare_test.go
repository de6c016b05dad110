package cli

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestExportDates(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	if code, _, errs := run(t, "ingest", "-q", "--db", db, "../../examples"); code != 0 {
		t.Fatalf("ingest exit %d: %s", code, errs)
	}
	code, out, errs := run(t, "export", "articles", "--db", db)
	if code != 0 {
		t.Fatalf("export articles: %s", errs)
	}
	texts := map[string]string{}
	for _, a := range jsonLines(t, out) {
		texts[a["id"].(string)] = a["text"].(string)
	}
	code, out, errs = run(t, "export", "dates", "--db", db)
	if code != 0 {
		t.Fatalf("export dates exit %d: %s", code, errs)
	}
	recs := jsonLines(t, out)
	if len(recs) < 20 {
		t.Fatalf("only %d date expressions in the examples", len(recs))
	}
	// A day, month or year; or a week, weekend, quarter, half, season or
	// decade as TimeML writes them.
	value := regexp.MustCompile(`^(\d{4}(-\d{2}(-\d{2})?)?|\d{4}-W\d{2}(-WE)?|\d{4}-(Q[1-4]|H[12]|SP|SU|FA|WI)|\d{3})$`)
	for _, r := range recs {
		text := []rune(texts[r["id"].(string)])
		s, e := int(r["start"].(float64)), int(r["end"].(float64))
		if s < 0 || e > len(text) || s >= e || string(text[s:e]) != r["text"] {
			t.Errorf("%v: offsets do not give the text", r)
		}
		if !value.MatchString(r["value"].(string)) || !utf8.ValidString(r["text"].(string)) {
			t.Errorf("%v: bad value", r)
		}
	}
}

func TestCompareCommand(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	if code, _, errs := run(t, "ingest", "-q", "--db", db, "../../examples"); code != 0 {
		t.Fatalf("ingest exit %d: %s", code, errs)
	}
	_, out, _ := run(t, "export", "assignments", "--db", db)
	size := map[float64]int{}
	storyOf := map[string]float64{}
	for _, r := range jsonLines(t, out) {
		size[r["story"].(float64)]++
		storyOf[r["id"].(string)] = r["story"].(float64)
	}
	var big, single string
	var bigStory float64
	for id, s := range storyOf {
		if size[s] >= 4 && big == "" {
			big, bigStory = id, s
		}
		if size[s] == 1 && single == "" {
			single = id
		}
	}
	if big == "" || single == "" {
		t.Fatalf("examples lack a large and a one-article story: %v", size)
	}
	// By article id, as JSON.
	code, out, errs := run(t, "compare", big, "--format", "json", "--db", db)
	if code != 0 {
		t.Fatalf("compare %s: exit %d: %s", big, code, errs)
	}
	recs := jsonLines(t, out)
	if len(recs) != 1 || recs[0]["story"].(float64) != bigStory || len(recs[0]["articles"].([]any)) != size[bigStory] {
		t.Fatalf("compare %s: %v", big, out)
	}
	if len(recs[0]["facts"].([]any)) == 0 {
		t.Errorf("compare %s: no facts", big)
	}
	for _, f := range []string{"text", "md", "html"} {
		if code, out, errs := run(t, "compare", big, "--format", f, "--db", db); code != 0 || len(out) < 200 {
			t.Errorf("compare --format %s: exit %d, %d bytes: %s", f, code, len(out), errs)
		}
	}
	// Bad input gets a clear message.
	for _, c := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"compare", "no-such-story"}, 1, "neither a story id nor an article id"},
		{[]string{"compare", "99999"}, 1, "neither a story id nor an article id"},
		{[]string{"compare", single}, 1, "has 1 article(s): fewer than two articles: nothing to compare"},
		{[]string{"compare", ""}, 1, "neither a story id nor an article id"},
		{[]string{"compare", big, "--format", "pdf"}, 2, "--format"},
	} {
		code, _, errs := run(t, append(c.args, "--db", db)...)
		if code != c.code || !strings.Contains(errs, c.msg) {
			t.Errorf("%v: exit %d, %q; want exit %d and %q", c.args, code, errs, c.code, c.msg)
		}
	}
	// One comparison per story with at least two outlets.
	code, out, errs = run(t, "export", "comparisons", "--db", db)
	if code != 0 {
		t.Fatalf("export comparisons: exit %d: %s", code, errs)
	}
	recs = jsonLines(t, out)
	multi := 0
	for _, n := range size {
		if n >= 2 {
			multi++
		}
	}
	if len(recs) == 0 || len(recs) > multi {
		t.Errorf("export comparisons: %d records for %d stories of two or more articles", len(recs), multi)
	}
	// The second export reads what the first stored: the same bytes.
	code, again, errs := run(t, "export", "comparisons", "--db", db, "--log-level", "info")
	if code != 0 || again != out {
		t.Errorf("second export comparisons: exit %d, same output %v: %s", code, again == out, errs)
	}
	if !regexp.MustCompile(`read=[1-9][0-9]* made=0`).MatchString(errs) {
		t.Errorf("second export did not read the stored comparisons: %s", errs)
	}
	code, out, _ = run(t, "export", "comparisons", "--min-outlets", "5", "--db", db)
	if code != 0 || len(jsonLines(t, out)) >= len(recs) {
		t.Errorf("--min-outlets 5 does not filter: %d of %d", len(jsonLines(t, out)), len(recs))
	}
}

func TestOutletsCommand(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "x.db")
	if code, _, errs := run(t, "ingest", "-q", "--db", db, "../../examples"); code != 0 {
		t.Fatalf("ingest exit %d: %s", code, errs)
	}
	if code, out, _ := run(t, "outlets", "--db", db); code != 0 || !strings.Contains(out, "no outlets yet") {
		t.Errorf("empty registry: exit %d: %s", code, out)
	}
	code, out, errs := run(t, "outlets", "import", "../../examples/outlets.csv", "--db", db)
	if code != 0 || !strings.Contains(out, "imported 8 outlets; 8 in the registry") {
		t.Fatalf("import: exit %d: %s %s", code, out, errs)
	}
	bad := filepath.Join(dir, "bad.csv")
	if err := os.WriteFile(bad, []byte("name,domains,state_affiliated\nGood Times,goodtimes.example,no\nOdd,odd.example,perhaps\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errs = run(t, "outlets", "import", bad, "--db", db)
	if code != 1 || !strings.Contains(errs, "bad.csv:3:") || !strings.Contains(out, "imported 1 outlets; 9 in the registry") {
		t.Errorf("bad row: exit %d, %q, %q", code, out, errs)
	}
	code, out, _ = run(t, "outlets", "--db", db)
	if code != 0 || !strings.Contains(out, "Continental Press Agency") || !strings.Contains(out, "Good Times") {
		t.Errorf("outlets: exit %d:\n%s", code, out)
	}
	// The comparison describes the outlets from the registry.
	code, out, errs = run(t, "export", "comparisons", "--db", db)
	if code != 0 {
		t.Fatalf("export comparisons: %s", errs)
	}
	described := 0
	for _, c := range jsonLines(t, out) {
		described += len(c["coverage"].(map[string]any)["registry"].([]any))
	}
	if described == 0 {
		t.Errorf("no comparison names a registry outlet")
	}
}
