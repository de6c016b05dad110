package pipeline_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/analyze"
	"github.com/parallax-news/parallax/internal/model"
	"github.com/parallax-news/parallax/internal/pipeline"
	"github.com/parallax-news/parallax/internal/storage"
)

// readModel is a store's entities and claims in a form that does not
// depend on ids: entities by name with their aliases, counts and articles;
// claims by story (its articles) with their stances.
type readModel struct {
	entities map[string]string
	claims   map[string][]string
	ids      map[int64]model.Entity
}

func snapshot(t *testing.T, st storage.Store) readModel {
	t.Helper()
	ctx := context.Background()
	rm := readModel{entities: map[string]string{}, claims: map[string][]string{}, ids: map[int64]model.Entity{}}
	es, _, err := st.Entities(ctx, storage.EntityFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range es {
		refs, _, err := st.EntityArticles(ctx, e.ID, storage.Page{})
		if err != nil {
			t.Fatal(err)
		}
		var arts []string
		for _, r := range refs {
			arts = append(arts, r.ExternalID)
		}
		slices.Sort(arts)
		rm.entities[e.Canonical] = fmt.Sprintf("%s %d %q %q %q", e.Type, e.Mentions, e.Aliases, e.Roles, arts)
		rm.ids[e.ID] = e
	}
	members := map[int64][]string{}
	st.Articles(ctx, storage.ArticleFilter{}, func(a *model.Article) error {
		members[a.StoryID] = append(members[a.StoryID], a.ExternalID)
		return nil
	})
	cs, _, err := st.Claims(ctx, storage.ClaimFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cs {
		story := strings.Join(members[c.StoryID], ",")
		var ss []string
		for _, s := range c.Stances {
			if s.Article.StoryID != c.StoryID {
				t.Errorf("claim %d of story %d holds a stance of article %s in story %d", c.ID, c.StoryID, s.Article.ExternalID, s.Article.StoryID)
			}
			ss = append(ss, fmt.Sprintf("%s@%d:%s:%s", s.Article.ExternalID, s.Start, s.HolderName, s.Stance))
		}
		rm.claims[story] = append(rm.claims[story], c.Text+" ["+strings.Join(ss, " ")+"]")
	}
	for k := range rm.claims {
		slices.Sort(rm.claims[k])
	}
	return rm
}

// corpusEntities recomputes the entities from the stored analyses, as
// reads did before the read model was stored.
func corpusEntities(t *testing.T, st storage.Store) map[string]string {
	t.Helper()
	c := analyze.NewCorpus()
	if err := st.Analyses(context.Background(), storage.ArticleFilter{}, func(a *model.Article, an *model.Analysis) error {
		c.Add(a, an)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, e := range c.Entities() {
		arts := slices.Sorted(slices.Values(e.Articles))
		out[e.Entity] = fmt.Sprintf("%s %d %q %q %q", e.Type, e.Mentions, e.Aliases, e.Roles, arts)
	}
	return out
}

func diffMaps(t *testing.T, what string, got, want map[string]string) {
	t.Helper()
	for k, w := range want {
		if got[k] != w {
			t.Errorf("%s %q:\n got %s\nwant %s", what, k, got[k], w)
		}
	}
	for k := range got {
		if _, ok := want[k]; !ok {
			t.Errorf("%s %q: unexpected %s", what, k, got[k])
		}
	}
}

func TestReadModelIsIncremental(t *testing.T) {
	all := openStore(t)
	ingest(t, all, "../../examples")
	want := snapshot(t, all)
	if len(want.entities) == 0 || len(want.claims) == 0 {
		t.Fatalf("no read model stored: %d entities, %d stories with claims", len(want.entities), len(want.claims))
	}
	// What is stored equals what folding the whole corpus gives.
	diffMaps(t, "entity", want.entities, corpusEntities(t, all))

	inc := openStore(t)
	ingest(t, inc, "../../examples/news")
	first := snapshot(t, inc)
	ingest(t, inc, "../../examples/news.jsonl")
	got := snapshot(t, inc)
	diffMaps(t, "entity", got.entities, want.entities)
	if fmt.Sprint(got.claims) != fmt.Sprint(want.claims) {
		t.Errorf("claims after two runs:\n got %v\nwant %v", got.claims, want.claims)
	}
	// Entity ids are stable: every entity of the first run is, under its
	// id, the same entity or the one it was folded into.
	for id, e := range first.ids {
		later, ok := got.ids[id]
		if !ok {
			t.Errorf("entity %d (%s) lost its id", id, e.Canonical)
			continue
		}
		for _, a := range e.Aliases {
			if !slices.Contains(later.Aliases, a) {
				t.Errorf("entity %d was %s, now %s without alias %q", id, e.Canonical, later.Canonical, a)
			}
		}
	}
}

// versioned is an analyzer that names another version.
type versioned struct {
	*analyze.Analyzer
	v string
}

func (a versioned) Version() string { return a.v }

func TestReanalyzeIsResumable(t *testing.T) {
	ctx := context.Background()
	ref := openStore(t)
	ingest(t, ref, "../../examples")
	want := snapshot(t, ref)

	st := openStore(t)
	old := versioned{analyze.New(), "older"}
	p, err := pipeline.Open(ctx, st, pipeline.Options{Analyzer: old, BatchSize: 7})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.Ingest(ctx, []string{"../../examples"}); err != nil {
		t.Fatal(err)
	}
	opts := pipeline.Options{Analyzer: analyze.New(), BatchSize: 5}
	p, err = pipeline.Open(ctx, st, opts)
	if err != nil {
		t.Fatal(err)
	}
	if stale, have, err := p.Stale(ctx); !stale || have != "older" || err != nil {
		t.Fatalf("Stale = %v, %q, %v; want true, older", stale, have, err)
	}
	if _, err := p.Ingest(ctx, []string{"../../examples"}); !errors.Is(err, storage.ErrStale) {
		t.Fatalf("ingest into a stale store: %v, want ErrStale", err)
	}
	// Interrupt the re-analysis after two batches, then resume it.
	cctx, cancel := context.WithCancel(ctx)
	var seen []int
	err = p.Reanalyze(cctx, func(done, total int) {
		seen = append(seen, done)
		if len(seen) == 2 {
			cancel()
		}
	})
	if err == nil || len(seen) != 2 {
		t.Fatalf("interrupted reanalyze: %v after %v", err, seen)
	}
	p, err = pipeline.Open(ctx, st, opts)
	if err != nil {
		t.Fatal(err)
	}
	var resumed []int
	if err := p.Reanalyze(ctx, func(done, total int) { resumed = append(resumed, done) }); err != nil {
		t.Fatal(err)
	}
	if len(resumed) == 0 || resumed[0] != seen[1]+5 || resumed[len(resumed)-1] != 23 {
		t.Errorf("resumed progress %v after %v; want it to go on from %d to 23", resumed, seen, seen[1])
	}
	if stale, _, _ := p.Stale(ctx); stale {
		t.Error("still stale after reanalyze")
	}
	got := snapshot(t, st)
	diffMaps(t, "entity", got.entities, want.entities)
	if fmt.Sprint(got.claims) != fmt.Sprint(want.claims) {
		t.Errorf("claims after reanalyze:\n got %v\nwant %v", got.claims, want.claims)
	}
}
