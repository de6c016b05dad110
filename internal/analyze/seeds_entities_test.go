package analyze

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/analyze/entity"
	"github.com/parallax-news/parallax/internal/analyze/sentence"
	"github.com/parallax-news/parallax/internal/model"
)

// entGoldFile holds the entity parts of the seed gold.
type entGoldFile struct {
	Entities []struct {
		Canonical string   `json:"canonical"`
		Type      string   `json:"type"`
		Mentions  []string `json:"mentions"`
	} `json:"entities"`
	MustStayApart [][]string `json:"must_stay_apart"`
}

// entGoldLookup returns the index of the registry entity that has name as an
// alias (exact match first, then case-insensitive), or -1.
func entGoldLookup(es []model.Entity, name string) int {
	for i, e := range es {
		for _, a := range e.Aliases {
			if a == name {
				return i
			}
		}
	}
	for i, e := range es {
		for _, a := range e.Aliases {
			if strings.EqualFold(a, name) {
				return i
			}
		}
	}
	return -1
}

func TestSeedsEntities(t *testing.T) {
	files, _ := filepath.Glob("../../../shared/seeds/*.txt")
	gb, err := os.ReadFile("../../../shared/eval/seeds-gold.json")
	if err != nil {
		gb, err = os.ReadFile("../../shared/eval/seeds-gold.json")
	}
	if len(files) == 0 || err != nil {
		t.Skip("seed articles or gold (../../../shared/seeds/*.txt, ../../../shared/eval/seeds-gold.json) not present")
	}
	var g entGoldFile
	if err := json.Unmarshal(gb, &g); err != nil {
		t.Fatalf("gold: %v", err)
	}
	rec := entity.NewRecognizer()
	reg := entity.NewRegistry()
	for _, fn := range files {
		b, err := os.ReadFile(fn)
		if err != nil {
			t.Fatal(err)
		}
		id := strings.TrimSuffix(filepath.Base(fn), ".txt")
		text := string(b)
		reg.Add(id, rec.Find(text, sentence.Split(text)))
	}
	es := reg.Entities()
	pass, canonOK := 0, 0
	for _, ge := range g.Entities {
		at := -1
		ok := true
		for _, m := range ge.Mentions {
			i := entGoldLookup(es, m)
			if i < 0 {
				t.Errorf("group %q: mention %q not found", ge.Canonical, m)
				ok = false
				continue
			}
			if at >= 0 && i != at {
				t.Errorf("group %q: mention %q in entity %q, not %q", ge.Canonical, m, es[i].Canonical, es[at].Canonical)
				ok = false
			}
			if at < 0 {
				at = i
			}
		}
		if ok {
			pass++
			if es[at].Canonical == ge.Canonical {
				canonOK++
			} else {
				t.Logf("group %q folded with canonical %q", ge.Canonical, es[at].Canonical)
			}
			if string(es[at].Type) != ge.Type {
				t.Logf("group %q typed %s, gold %s", ge.Canonical, es[at].Type, ge.Type)
			}
		}
	}
	apart := 0
	for _, p := range g.MustStayApart {
		if len(p) != 2 {
			continue
		}
		i, j := entGoldLookup(es, p[0]), entGoldLookup(es, p[1])
		if i >= 0 && i == j {
			t.Errorf("must stay apart: %q and %q share entity %q", p[0], p[1], es[i].Canonical)
			continue
		}
		apart++
	}
	t.Logf("seeds: %d/%d gold entity groups folded (%d with the gold canonical name), %d/%d must-stay-apart pairs apart",
		pass, len(g.Entities), canonOK, apart, len(g.MustStayApart))
}

// BenchmarkAnalyzeSeeds runs the whole single-article pipeline (sentences,
// entities, quotes, claims) over the seed articles; one op is one article.
func BenchmarkAnalyzeSeeds(b *testing.B) {
	files, _ := filepath.Glob("../../../shared/seeds/*.txt")
	if len(files) == 0 {
		b.Skip("seed articles (../../../shared/seeds/*.txt) not present")
	}
	var arts []*model.Article
	for i, fn := range files {
		t, err := os.ReadFile(fn)
		if err != nil {
			b.Fatal(err)
		}
		arts = append(arts, &model.Article{ID: int64(i + 1), Text: string(t)})
	}
	a := New()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		a.Analyze(arts[i%len(arts)])
		i++
	}
}
