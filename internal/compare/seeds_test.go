package compare

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/analyze"
	"github.com/parallax-news/parallax/internal/model"
)

// seedsGold is the part of the seeds gold this package is scored on.
type seedsGold struct {
	QuoteVariants []struct {
		Statement  string     `json:"statement"`
		Renderings [][]string `json:"renderings"`
	} `json:"quote_variants"`
}

// loadSeedStory analyses the seed articles with the given prefixes as one
// story; it skips the test when ../shared is absent.
func loadSeedStory(t *testing.T, prefixes ...string) ([]Doc, *seedsGold) {
	t.Helper()
	files, _ := filepath.Glob("../../../shared/seeds/*.txt")
	gb, err := os.ReadFile("../../../shared/eval/seeds-gold.json")
	if len(files) == 0 || err != nil {
		t.Skip("seed articles or gold (../../../shared/seeds, ../../../shared/eval/seeds-gold.json) not present")
	}
	var g seedsGold
	if err := json.Unmarshal(gb, &g); err != nil {
		t.Fatal(err)
	}
	an := analyze.New()
	var docs []Doc
	for _, f := range files {
		base := strings.TrimSuffix(filepath.Base(f), ".txt")
		for _, p := range prefixes {
			if strings.HasPrefix(base, p) {
				b, err := os.ReadFile(f)
				if err != nil {
					t.Fatal(err)
				}
				a := &model.Article{ID: int64(len(docs) + 1), ExternalID: base, Text: string(b), StoryID: 1}
				res := an.Analyze(a)
				docs = append(docs, Doc{Article: a, Analysis: &res})
			}
		}
	}
	return docs, &g
}

// covers reports whether renderings hold, in article id, a rendering
// covering at least half of the characters of the gold text.
func covers(docs []Doc, rs []model.Rendering, id, gold string) bool {
	for _, d := range docs {
		if d.Article.ExternalID != id {
			continue
		}
		b := strings.Index(d.Article.Text, gold)
		if b < 0 {
			return false
		}
		gs := utf8.RuneCountInString(d.Article.Text[:b])
		ge := gs + utf8.RuneCountInString(gold)
		for _, r := range rs {
			if r.ID == id && min(r.End, ge)-max(r.Start, gs) >= (ge-gs)/2 {
				return true
			}
		}
	}
	return false
}

// TestSeedsQuoteVariants: every statement the gold lists with its
// renderings in the story's articles is one fact or one quote group that
// holds all of them.
func TestSeedsQuoteVariants(t *testing.T) {
	docs, g := loadSeedStory(t, "000", "001", "002")
	c, err := Compare(context.Background(), model.Story{ID: 1}, docs, Options{})
	if err != nil {
		t.Fatal(err)
	}
	ext := map[string]string{}
	for _, d := range docs {
		ext[d.Article.ExternalID[:3]] = d.Article.ExternalID
	}
	var groups [][]model.Rendering
	for _, f := range c.Facts {
		groups = append(groups, f.Renderings)
	}
	for _, q := range c.Quotes {
		var rs []model.Rendering
		for _, r := range q.Renderings {
			rs = append(rs, r.Rendering)
		}
		groups = append(groups, rs)
	}
	for _, v := range g.QuoteVariants {
		found := false
		for _, rs := range groups {
			all := true
			for _, r := range v.Renderings {
				if id, ok := ext[r[0]]; ok && !covers(docs, rs, id, r[1]) {
					all = false
					break
				}
			}
			if all {
				found = true
				break
			}
		}
		if !found {
			t.Errorf("statement %q: no fact or quote group holds all its renderings", v.Statement)
		}
	}
}

// TestSeedsDronesConflict: the drones claim is a conflict that shows the
// denial and the admissions, with the article reporting both.
func TestSeedsDronesConflict(t *testing.T) {
	docs, _ := loadSeedStory(t, "000", "001", "002")
	c, err := Compare(context.Background(), model.Story{ID: 1}, docs, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, cf := range c.Conflicts {
		if !strings.Contains(strings.ToLower(cf.Claim), "drone") {
			continue
		}
		stances := map[model.Stance]int{}
		for _, s := range cf.Sides {
			stances[s.Stance]++
		}
		if stances[model.Deny] < 1 || stances[model.Admit] < 2 {
			t.Errorf("drones conflict %q: stances %v, want a denial and at least two admissions", cf.Claim, stances)
		}
		if len(cf.Within) == 0 {
			t.Errorf("drones conflict: no article reports both sides")
		}
		return
	}
	t.Errorf("no drones conflict among %d conflicts", len(c.Conflicts))
}
