package cli

import (
	"path/filepath"
	"regexp"
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
	value := regexp.MustCompile(`^\d{4}(-\d{2}(-\d{2})?)?$`)
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
