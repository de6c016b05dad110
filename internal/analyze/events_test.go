package analyze

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/model"
)

// eventGold is testdata/events/gold.json: invented articles about four
// events in three house styles, with the claims they share, each holder's
// stance, and the entities their spellings fold to.
type eventGold struct {
	Claims []struct {
		Event   string `json:"event"`
		Claim   string `json:"claim"`
		Stances []struct {
			Article string   `json:"article"`
			Holder  []string `json:"holder"`
			Stance  string   `json:"stance"`
		} `json:"stances"`
	} `json:"claims"`
	Entities []struct {
		Canonical string   `json:"canonical"`
		Type      string   `json:"type"`
		Mentions  []string `json:"mentions"`
	} `json:"entities"`
	NotEntities   []string    `json:"not_entities"`
	MustStayApart [][2]string `json:"must_stay_apart"`
}

// analyzeEvents analyses every article of testdata/events in one corpus.
func analyzeEvents(t *testing.T) (*eventGold, *Corpus) {
	t.Helper()
	b, err := os.ReadFile("testdata/events/gold.json")
	if err != nil {
		t.Fatal(err)
	}
	var g eventGold
	if err := json.Unmarshal(b, &g); err != nil {
		t.Fatalf("testdata/events/gold.json: %v", err)
	}
	files, err := filepath.Glob("testdata/events/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no articles in testdata/events: %v", err)
	}
	sort.Strings(files)
	an, corpus := New(), NewCorpus()
	for i, f := range files {
		text, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		id := strings.TrimSuffix(filepath.Base(f), ".txt")
		art := &model.Article{ID: int64(i + 1), ExternalID: id, Outlet: id[strings.IndexByte(id, '-')+1:], Text: string(text)}
		res := an.Analyze(art)
		corpus.Add(art, &res)
	}
	return &g, corpus
}

func holderIs(holder string, accepted []string) bool {
	h := claimGoldNorm(holder)
	for _, a := range accepted {
		if claimGoldNorm(a) == h {
			return true
		}
	}
	return false
}

// TestEventClaims scores claim grouping and stances on the invented events
// as TestSeedsClaims does on the seeds: for each gold claim, the group
// holding most of its stances with the right article, holder and stance.
// Two gold claims must not share a group. It also counts the gold stances
// found in any group (stance resolution without grouping) and the scores
// by house style.
func TestEventClaims(t *testing.T) {
	g, corpus := analyzeEvents(t)
	claims := corpus.Claims()
	match := func(s StanceRecord, article, stance string, holder []string) bool {
		return s.ID == article && string(s.Stance) == stance && holderIs(s.Holder, holder)
	}
	used := map[int]int{}
	total, grouped, resolved := 0, 0, 0
	styleRight, styleAll := map[string]int{}, map[string]int{}
	for ci, gc := range g.Claims {
		best, bestRight := -1, -1
		for gi, c := range claims {
			right := 0
			for _, gs := range gc.Stances {
				for _, s := range c.Stances {
					if match(s, gs.Article, gs.Stance, gs.Holder) {
						right++
						break
					}
				}
			}
			if right > bestRight {
				best, bestRight = gi, right
			}
		}
		for _, gs := range gc.Stances {
			style := gs.Article[strings.IndexByte(gs.Article, '-')+1:]
			styleAll[style]++
			inBest, anywhere := false, false
			for gi, c := range claims {
				for _, s := range c.Stances {
					if match(s, gs.Article, gs.Stance, gs.Holder) {
						anywhere = true
						inBest = inBest || gi == best
					}
				}
			}
			if anywhere {
				resolved++
			}
			if inBest {
				styleRight[style]++
			} else {
				t.Logf("  %s: missed %s %v %s", gc.Event, gs.Article, gs.Holder[0], gs.Stance)
			}
		}
		total += len(gc.Stances)
		grouped += bestRight
		t.Logf("%s: gold claim %q: %d/%d stances right in group %q", gc.Event, gc.Claim, bestRight, len(gc.Stances), claims[best].Claim)
		if bestRight < eventClaimFloors[ci] {
			t.Errorf("gold claim %d %q: %d stances right, want at least %d", ci, gc.Claim, bestRight, eventClaimFloors[ci])
		}
		if bestRight >= 2 {
			if o, ok := used[best]; ok {
				t.Errorf("gold claims %d and %d share the group %q", o, ci, claims[best].Claim)
			}
			used[best] = ci
		}
	}
	t.Logf("events: %d/%d gold stances right in their claim's group, %d/%d found in any group", grouped, total, resolved, total)
	for _, st := range []string{"wire", "broadsheet", "tabloid", "translated"} {
		t.Logf("  %s: %d/%d", st, styleRight[st], styleAll[st])
	}
	if testing.Verbose() {
		for _, c := range claims {
			if len(c.Stances) < 2 {
				continue
			}
			t.Logf("group %q", c.Claim)
			for _, s := range c.Stances {
				t.Logf("   %-20s %-28s %-10s %q", s.ID, s.Holder, s.Stance, s.Text)
			}
		}
	}
}

// eventClaimFloors are the least right stances per gold claim of
// testdata/events/gold.json the test accepts, in its order: the counts
// measured on 2026-11-30, 76 of 83 stances right in their claim's group,
// all 83 found. All of these are dev figures; the texts came in three
// batches, each scored at its first run before the fixes it showed:
//
//   - four events (flood, export ban, election, court ruling; wire,
//     broadsheet, translated), read while the rules for names after a role,
//     institution nouns, "un-" negation, clause ends and a few paraphrase
//     families were written: 27 of 41 right (34 found) before them, 37 of
//     41 (41 found) after;
//   - a mine collapse and an audit, also in a tabloid style, written after
//     those rules: 15 of 24 right (18 found) at their first run, 23 of 24
//     after the fixes they showed (participles after a main clause, "no X"
//     read as a denial, hyphenated titles, a generic noun never naming a
//     union or ministry, "without" as a stop word, money and funds);
//   - a car recall and a teachers' strike (wire, broadsheet, tabloid),
//     written after those: 10 of 18 right (15 found) at their first run,
//     15 of 18 after the fixes they showed (clauses without "that" after
//     "said" and "insisted", an asserted negated clause read as a denial, a
//     tabloid's capitalised first word, knowing and being aware, pay and
//     salaries, slashing and cutting).
//
// Later, units of money read as money (WordNet's units of money join
// "money"; "per cent" is no coin) joined "a single cedi" to "the funds":
// 76 of 83.
//
// The misses left are paraphrases that share too few words and that no
// general rule tried joins: "had been neglected" and "had not been
// repaired" (no WordNet link), "failed to warn Bangladesh" and "released
// water without warning" (one word shared), "the citizens" and "the
// public" (different WordNet senses), "sat on complaints" and "knew about
// the fault", "testers never checked" and "the regulator had not tested"
// (an agent noun and two verbs of different WordNet senses), "price rises
// had outrun" and "inflation had outpaced" (outrun and outpace are
// different WordNet senses with different hypernyms).
var eventClaimFloors = []int{5, 5, 6, 3, 4, 3, 3, 3, 2, 3, 8, 4, 8, 4, 5, 2, 6, 2}

// eventEntityFloor is the least number of gold entities of
// testdata/events/gold.json the test accepts folded with the gold name and
// type.
const eventEntityFloor = 39

// TestEventEntities checks that the spellings of each gold entity fold to
// one entity with the gold canonical name and type, that nationality words
// are not entities, and that a capital stays apart from its country.
func TestEventEntities(t *testing.T) {
	g, corpus := analyzeEvents(t)
	es := corpus.Entities()
	lookup := func(name string) int {
		for i, e := range es {
			if e.Match(name) {
				return i
			}
		}
		return -1
	}
	folded := 0
	for _, ge := range g.Entities {
		ok := true
		for _, m := range ge.Mentions {
			i := lookup(m)
			switch {
			case i < 0:
				t.Logf("entity %q: mention %q not found", ge.Canonical, m)
				ok = false
			case es[i].Entity != ge.Canonical || string(es[i].Type) != ge.Type:
				t.Logf("entity %q: mention %q folded into %s %q", ge.Canonical, m, es[i].Type, es[i].Entity)
				ok = false
			}
		}
		if ok {
			folded++
		}
	}
	t.Logf("events: %d/%d gold entities folded with the gold name and type", folded, len(g.Entities))
	if folded < eventEntityFloor {
		t.Errorf("%d gold entities folded, want at least %d", folded, eventEntityFloor)
	}
	for _, w := range g.NotEntities {
		if i := lookup(w); i >= 0 {
			t.Errorf("%q is part of entity %q, want no entity", w, es[i].Entity)
		}
	}
	for _, p := range g.MustStayApart {
		if i, j := lookup(p[0]), lookup(p[1]); i >= 0 && i == j {
			t.Errorf("%q and %q folded into one entity %q", p[0], p[1], es[i].Entity)
		}
	}
}
