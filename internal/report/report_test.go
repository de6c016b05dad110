package report

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/model"
)

func sample() *model.Comparison {
	pub := "2025-04-16T00:00:00Z"
	dup := "a"
	r := func(id, text string) model.Rendering {
		return model.Rendering{ID: id, Start: 0, End: len(text), Text: text}
	}
	return &model.Comparison{
		Story: 7, Headline: "Dam <breach>",
		Coverage: model.Coverage{Outlets: []string{"Wire", "Tabloid"}, Accounts: 1, First: &pub, Last: &pub},
		Articles: []model.CompareArticle{{ID: "a", Outlet: "Wire", Published: &pub, Title: "Dam breach", Chars: 40},
			{ID: "b", Outlet: "Tabloid", Title: "WALL OF WATER", DuplicateOf: &dup, Chars: 30}},
		Facts: []model.Fact{{ID: "f1", Text: "the dam gave way", Coverage: "all", Outlets: []string{"Wire", "Tabloid"},
			Renderings: []model.Rendering{r("a", "the dam gave way"), r("b", "the dam burst")}},
			{ID: "f2", Text: "14 dead", Coverage: "one", Outlets: []string{"Wire"}, Renderings: []model.Rendering{r("a", "14 dead")}}},
		Quotes: []model.QuoteGroup{{Speaker: "Ilona Sarek", Renderings: []model.QuoteRendering{{Rendering: r("a", "We will rise"), Kind: "direct", Cue: "said"},
			{Rendering: r("b", "We will not rise"), Kind: "direct", Cue: "raged"}},
			Changes: []model.QuoteChange{{From: "a", To: "b", Diff: []model.DiffOp{{Op: "=", Text: "We will"}, {Op: "+", Text: "not"}, {Op: "=", Text: "rise"}},
				Flags: []model.MeaningChange{{Kind: "negation", Added: []string{"not"}}}}}}},
		Conflicts: []model.Conflict{{Claim: "the dam was safe", Sides: []model.ConflictSide{{Stance: "assert", Holder: "Governor", ID: "a", Text: "It was safe."},
			{Stance: "deny", Holder: "Inspectors", ID: "b", Text: "It was not safe."}}, Within: []string{}}},
		Numbers:   []model.NumberGroup{{Quantity: "peopl", Mentions: []model.NumberMention{{Rendering: r("a", "14 people"), Value: 14}, {Rendering: r("b", "12 persons"), Value: 12}}}},
		Timeline:  []model.TimelineEntry{{Date: "2025-04-15", Precision: "day", Text: "Tuesday", Evidence: "The dam gave way on Tuesday.", ID: "a"}},
		Unique:    map[string][]string{"a": {"f2"}, "b": {}},
		Omissions: map[string][]string{"a": {}, "b": {"f2"}},
	}
}

func keys(m map[string]any) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

// TestJSONContract checks the field names outside checks read.
func TestJSONContract(t *testing.T) {
	var b bytes.Buffer
	if err := Write(&b, "json", sample()); err != nil {
		t.Fatal(err)
	}
	if strings.Count(b.String(), "\n") != 1 {
		t.Errorf("JSON is not one line")
	}
	var m map[string]any
	if err := json.Unmarshal(b.Bytes(), &m); err != nil {
		t.Fatal(err)
	}
	has := func(obj map[string]any, want ...string) {
		t.Helper()
		for _, k := range want {
			if _, ok := obj[k]; !ok {
				t.Errorf("missing %q in %v", k, keys(obj))
			}
		}
	}
	has(m, "story", "headline", "articles", "facts", "quotes", "conflicts", "numbers", "timeline", "unique", "omissions")
	has(m["articles"].([]any)[0].(map[string]any), "id", "outlet", "published", "title", "duplicate_of")
	f := m["facts"].([]any)[0].(map[string]any)
	has(f, "id", "text", "coverage", "renderings")
	has(f["renderings"].([]any)[0].(map[string]any), "id", "start", "end", "text")
	q := m["quotes"].([]any)[0].(map[string]any)
	has(q, "speaker", "renderings", "changes")
	has(q["renderings"].([]any)[0].(map[string]any), "id", "start", "end", "text", "kind", "cue")
	c := m["conflicts"].([]any)[0].(map[string]any)
	has(c, "claim", "sides")
	has(c["sides"].([]any)[0].(map[string]any), "stance", "holder", "id", "start", "end", "text")
	has(m["timeline"].([]any)[0].(map[string]any), "date", "precision", "text", "evidence", "id", "start", "end")
	if m["unique"].(map[string]any)["a"].([]any)[0] != "f2" {
		t.Errorf("unique: %v", m["unique"])
	}
}

func TestFormats(t *testing.T) {
	for _, f := range Formats {
		var b bytes.Buffer
		if err := Write(&b, f, sample()); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		out := b.String()
		for _, want := range []string{"Ilona Sarek", "the dam gave way", "2025-04-15"} {
			if !strings.Contains(out, want) {
				t.Errorf("%s output lacks %q", f, want)
			}
		}
		switch f {
		case "html":
			if strings.Contains(out, "<breach>") || !strings.Contains(out, "&lt;breach&gt;") {
				t.Errorf("html does not escape text")
			}
			for _, ext := range []string{"<script", "src=", "href=", "@import", "url("} {
				if strings.Contains(out, ext) {
					t.Errorf("html is not self-contained: %q", ext)
				}
			}
		case "md":
			if !strings.Contains(out, "Wire, `a` chars 0–16") || !strings.Contains(out, "negation (+not)") {
				t.Errorf("markdown lacks provenance or flags:\n%s", out)
			}
		case "text":
			if !strings.Contains(out, "negation (+not)") || !strings.Contains(out, "near-copy of a") {
				t.Errorf("text lacks flags or near-copies:\n%s", out)
			}
		}
	}
	if err := Write(&bytes.Buffer{}, "pdf", sample()); err == nil {
		t.Error("unknown format accepted")
	}
}
