package analyze

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/analyze/claim"
	"github.com/parallax-news/parallax/internal/analyze/sentence"
	"github.com/parallax-news/parallax/internal/model"
)

// claimGoldFile is the part of seeds-gold.json the claim test reads.
type claimGoldFile struct {
	Entities []struct {
		Canonical string   `json:"canonical"`
		Mentions  []string `json:"mentions"`
	} `json:"entities"`
	Claims []struct {
		Claim   string `json:"claim"`
		Stances []struct {
			Article   string `json:"article"`
			Holder    string `json:"holder"`
			Stance    string `json:"stance"`
			Qualifier string `json:"qualifier"`
		} `json:"stances"`
	} `json:"claims"`
}

func claimGoldNorm(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	return strings.NewReplacer("’", "'", "‘", "'").Replace(s)
}

// claimGoldVariants returns the accepted spellings of a gold holder: the
// gold entity's name variants, or the holder itself.
func claimGoldVariants(g *claimGoldFile, holder string) map[string]bool {
	out := map[string]bool{claimGoldNorm(holder): true}
	for _, e := range g.Entities {
		if claimGoldNorm(e.Canonical) != claimGoldNorm(holder) {
			continue
		}
		for _, m := range e.Mentions {
			out[claimGoldNorm(m)] = true
		}
	}
	return out
}

// TestSeedsClaims runs the analyzer on the seed articles, groups the
// stances into claims and scores them against the gold claims: for each
// gold claim, the found group holding most of its stances, and how many
// gold stances that group holds with the right holder and stance.
func TestSeedsClaims(t *testing.T) {
	files, _ := filepath.Glob("../../../shared/seeds/*.txt")
	goldBytes, err := os.ReadFile("../../../shared/eval/seeds-gold.json")
	if len(files) == 0 || err != nil {
		t.Skip("../../../shared/seeds or ../../../shared/eval/seeds-gold.json not found: seed claim evaluation skipped")
	}
	var gold claimGoldFile
	if err := json.Unmarshal(goldBytes, &gold); err != nil {
		t.Fatal(err)
	}
	sort.Strings(files)
	an := New()
	corpus := NewCorpus()
	names := map[int64]string{}
	var stances []model.StanceMention
	for i, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		name := strings.TrimSuffix(filepath.Base(f), ".txt")
		id := int64(i + 1)
		names[id] = name
		art := &model.Article{ID: id, ExternalID: name, Text: string(b)}
		res := an.Analyze(art)
		corpus.Add(art, &res)
		stances = append(stances, res.Stances...)
	}
	groups := claim.Group(stances)
	t.Logf("%d stances in %d groups", len(stances), len(groups))
	if recs := corpus.Claims(); len(recs) != len(groups) || len(recs) > 0 && recs[0].Claim != groups[0].Claim {
		t.Errorf("Corpus.Claims disagrees with claim.Group: %d claims, %d groups", len(recs), len(groups))
	}

	article := func(s model.StanceMention) string {
		n := names[s.ArticleID]
		if i := strings.IndexByte(n, '_'); i > 0 {
			n = n[:i]
		}
		return n
	}
	used := map[int]bool{}
	for ci, gc := range gold.Claims {
		best, bestRight := -1, -1
		for gi, g := range groups {
			right := 0
			for _, gs := range gc.Stances {
				vars := claimGoldVariants(&gold, gs.Holder)
				for _, s := range g.Stances {
					if article(s) == gs.Article && string(s.Stance) == gs.Stance && vars[claimGoldNorm(s.Holder)] {
						right++
						break
					}
				}
			}
			if right > bestRight {
				best, bestRight = gi, right
			}
		}
		floor := claimGoldFloors[ci]
		t.Logf("gold claim %q: %d/%d stances right in group %d %q (%d stances)", gc.Claim, bestRight, len(gc.Stances), best, groups[best].Claim, len(groups[best].Stances))
		for _, gs := range gc.Stances {
			vars := claimGoldVariants(&gold, gs.Holder)
			found := false
			for _, s := range groups[best].Stances {
				if article(s) == gs.Article && string(s.Stance) == gs.Stance && vars[claimGoldNorm(s.Holder)] {
					found = true
				}
			}
			if !found {
				t.Logf("  missed %s %s %s", gs.Article, gs.Holder, gs.Stance)
			}
		}
		if bestRight < floor {
			t.Errorf("gold claim %d: %d stances right, want at least %d", ci, bestRight, floor)
		}
		if bestRight >= 2 {
			if used[best] {
				t.Errorf("gold claim %d shares its group with another gold claim", ci)
			}
			used[best] = true
		}
	}
	if testing.Verbose() {
		for _, g := range groups {
			if len(g.Stances) < 2 {
				continue
			}
			t.Logf("group %q", g.Claim)
			for _, s := range g.Stances {
				t.Logf("   %s %-24s %-10s %q Q=%q", article(s), s.Holder, s.Stance, s.Proposition, s.Qualifier)
			}
		}
	}
}

// claimGoldFloors are the least right stances per gold claim the test
// accepts: the targets (8 of 10, 5 of 6). Measured on 2026-11-23 with the
// entity recognizer of that day: 9 of 10 and 5 of 6.
var claimGoldFloors = []int{8, 5}

// BenchmarkClaimGoldFind times claim.Find alone on the seed articles (with
// the real sentences and entity mentions), per article.
func BenchmarkClaimGoldFind(b *testing.B) {
	files, _ := filepath.Glob("../../../shared/seeds/*.txt")
	if len(files) == 0 {
		b.Skip("../../../shared/seeds not found")
	}
	type in struct {
		text  string
		sents []model.Span
		ms    []model.Mention
	}
	var ins []in
	total := 0
	an := New()
	for _, f := range files {
		t, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		text := string(t)
		sents := sentence.Split(text)
		ins = append(ins, in{text, sents, an.rec.Find(text, sents)})
		total += len(text)
	}
	b.SetBytes(int64(total / len(ins)))
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		x := ins[i%len(ins)]
		claim.Find(x.text, x.sents, x.ms)
	}
}
