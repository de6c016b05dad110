package compare

import (
	"context"
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/analyze"
	"github.com/parallax-news/parallax/internal/model"
)

// storyGold is the hand-made alignment of a test story: statements with
// their rendering in each article that carries them.
type storyGold struct {
	Groups []struct {
		Name       string            `json:"name"`
		Renderings map[string]string `json:"renderings"`
	} `json:"groups"`
	Numbers []struct {
		Quantity string            `json:"quantity"`
		Values   map[string]string `json:"values"`
	} `json:"numbers"`
}

// loadStory analyses the texts testdata/NAME/*.txt (first line: title) as
// one story published on day.
func loadStory(t testing.TB, name string, ids []string, day time.Time) ([]Doc, *storyGold) {
	t.Helper()
	an := analyze.New()
	var docs []Doc
	for i, id := range ids {
		b, err := os.ReadFile("testdata/" + name + "/" + id + ".txt")
		if err != nil {
			t.Fatal(err)
		}
		title, text, _ := strings.Cut(string(b), "\n")
		a := &model.Article{ID: int64(i + 1), ExternalID: id, Title: title, Text: text, Outlet: strings.ToUpper(id[:1]) + id[1:] + " Daily", Published: day}
		res := an.Analyze(a)
		docs = append(docs, Doc{Article: a, Analysis: &res})
	}
	gb, err := os.ReadFile("testdata/" + name + "-gold.json")
	if err != nil {
		t.Fatal(err)
	}
	var g storyGold
	if err := json.Unmarshal(gb, &g); err != nil {
		t.Fatal(err)
	}
	return docs, &g
}

// groupsOf returns the renderings of every fact and every quote group.
func groupsOf(c *model.Comparison) (facts, quotes [][]model.Rendering) {
	for _, f := range c.Facts {
		facts = append(facts, f.Renderings)
	}
	for _, q := range c.Quotes {
		var rs []model.Rendering
		for _, r := range q.Renderings {
			rs = append(rs, r.Rendering)
		}
		quotes = append(quotes, rs)
	}
	return facts, quotes
}

// holds reports whether one of groups covers every rendering of gold.
func holds(docs []Doc, groups [][]model.Rendering, gold map[string]string) bool {
	for _, rs := range groups {
		all := true
		for id, text := range gold {
			if !covers(docs, rs, id, text) {
				all = false
				break
			}
		}
		if all {
			return true
		}
	}
	return false
}

// damFloor is the number of the dam story's gold statements that must be
// aligned.
const damFloor = 7

// TestDamStory aligns one invented story told by a wire, a machine
// translation and a tabloid: every statement the gold lists is one fact
// or quote group with all its renderings, and two different statements
// are never one fact.
func TestDamStory(t *testing.T) {
	docs, g := loadStory(t, "dam", []string{"wire", "translation", "tabloid"}, time.Date(2025, 4, 16, 0, 0, 0, 0, time.UTC))
	c, err := Compare(context.Background(), model.Story{ID: 7, First: docs[0].Article.Published}, docs, Options{})
	if err != nil {
		t.Fatal(err)
	}
	facts, quotes := groupsOf(c)
	both := append(append([][]model.Rendering{}, facts...), quotes...)
	nFacts, nBoth := 0, 0
	for _, gr := range g.Groups {
		if holds(docs, facts, gr.Renderings) {
			nFacts++
		}
		if holds(docs, both, gr.Renderings) {
			nBoth++
		} else {
			t.Logf("%s: no fact or quote group holds all its renderings", gr.Name)
		}
	}
	t.Logf("%d/%d statements in one fact or quote group (%d as one fact)", nBoth, len(g.Groups), nFacts)
	// Measured 7/9: the paraphrased leads and a translated quote sharing
	// one content word with the original are not aligned.
	if nBoth < damFloor {
		t.Errorf("%d/%d statements aligned, want >= %d", nBoth, len(g.Groups), damFloor)
	}
	for i, a := range g.Groups {
		for _, b := range g.Groups[i+1:] {
			for _, f := range c.Facts {
				if covers2(docs, f.Renderings, a.Renderings) && covers2(docs, f.Renderings, b.Renderings) {
					t.Errorf("%q and %q are one fact: %q", a.Name, b.Name, f.Text)
				}
			}
		}
	}
	for _, n := range g.Numbers {
		found := false
		for _, ng := range c.Numbers {
			vals := map[string]bool{}
			for _, m := range ng.Mentions {
				vals[m.ID+":"+m.Text] = true
			}
			all := true
			for id, v := range n.Values {
				hit := false
				for k := range vals {
					if strings.HasPrefix(k, id+":") && strings.Contains(k, v) {
						hit = true
					}
				}
				all = all && hit
			}
			found = found || all
		}
		if !found {
			t.Errorf("numbers: %s reported as %v not flagged; got %+v", n.Quantity, n.Values, c.Numbers)
		}
	}
}

// covers2 reports whether rs covers the gold renderings of at least two
// articles.
func covers2(docs []Doc, rs []model.Rendering, gold map[string]string) bool {
	n := 0
	for id, text := range gold {
		if covers(docs, rs, id, text) {
			n++
		}
	}
	return n >= 2
}

// TestRecallQuotes: a third invented story in US wire style (written
// after the alignment was tuned): quoted passages two outlets carry, one
// of them quoting more of the statement, and a lead told three ways.
func TestRecallQuotes(t *testing.T) {
	docs, g := loadStory(t, "recall", []string{"gazette", "herald", "tribune"}, time.Date(2024, 2, 9, 0, 0, 0, 0, time.UTC))
	c, err := Compare(context.Background(), model.Story{ID: 9}, docs, Options{})
	if err != nil {
		t.Fatal(err)
	}
	facts, quotes := groupsOf(c)
	both := append(append([][]model.Rendering{}, facts...), quotes...)
	n := 0
	for _, gr := range g.Groups {
		if holds(docs, both, gr.Renderings) {
			n++
		} else {
			t.Logf("%s: no fact or quote group holds all its renderings", gr.Name)
		}
	}
	t.Logf("%d/%d passages in one group", n, len(g.Groups))
	if n < recallFloor {
		t.Errorf("%d/%d passages aligned, want >= %d", n, len(g.Groups), recallFloor)
	}
}

// recallFloor is the number of the recall story's gold statements that
// must be aligned.
const recallFloor = 4

// councilFloor is the number of the council story's gold statements that
// must be aligned.
const councilFloor = 7

// TestCouncilQuotes: quoted passages that two of three outlets carry, cut
// at different points (one quotes a sentence, another two), each end up
// in one fact or quote group with all their renderings.
func TestCouncilQuotes(t *testing.T) {
	docs, g := loadStory(t, "council", []string{"ledger", "courier", "post"}, time.Date(2024, 5, 22, 0, 0, 0, 0, time.UTC))
	c, err := Compare(context.Background(), model.Story{ID: 8}, docs, Options{})
	if err != nil {
		t.Fatal(err)
	}
	facts, quotes := groupsOf(c)
	both := append(append([][]model.Rendering{}, facts...), quotes...)
	n := 0
	for _, gr := range g.Groups {
		if holds(docs, both, gr.Renderings) {
			n++
		} else {
			t.Logf("%s: no fact or quote group holds all its renderings", gr.Name)
		}
	}
	t.Logf("%d/%d passages in one group", n, len(g.Groups))
	if n < councilFloor {
		t.Errorf("%d/%d passages aligned, want >= %d", n, len(g.Groups), councilFloor)
	}
}

// TestFeatureAblation measures what each kind of alignment feature adds:
// gold statements aligned on the invented stories and the seeds, with all
// features and without each kind. All features together must do at least
// as well as any ablation.
func TestFeatureAblation(t *testing.T) {
	type story struct {
		name string
		ids  []string
	}
	stories := []story{{"dam", []string{"wire", "translation", "tabloid"}}, {"council", []string{"ledger", "courier", "post"}}}
	day := time.Date(2024, 5, 22, 0, 0, 0, 0, time.UTC)
	score := func(without featureKinds) (int, int) {
		n, total := 0, 0
		for _, s := range stories {
			docs, g := loadStory(t, s.name, s.ids, day)
			c, err := compareWithout(context.Background(), model.Story{ID: 1}, docs, Options{}, without)
			if err != nil {
				t.Fatal(err)
			}
			facts, quotes := groupsOf(c)
			both := append(facts, quotes...)
			for _, gr := range g.Groups {
				total++
				if holds(docs, both, gr.Renderings) {
					n++
				}
			}
		}
		return n, total
	}
	all, total := score(0)
	t.Logf("all features: %d/%d", all, total)
	for _, v := range []struct {
		name    string
		without featureKinds
	}{{"synonyms", synonymFeatures}, {"entity keys", entityFeatures}, {"numbers", numberFeatures}, {"WordNet synonyms", wordnetFeatures}} {
		n, _ := score(v.without)
		t.Logf("without %s: %d/%d", v.name, n, total)
		if n > all {
			t.Errorf("without %s aligns more (%d) than with all features (%d)", v.name, n, all)
		}
	}
}
