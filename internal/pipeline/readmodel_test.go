package pipeline_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/analyze"
	"github.com/parallax-news/parallax/internal/analyze/entity"
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

// TestReadModelInRuns checks that a store built in several runs, its
// registry read back from the store through a cache too small to hold it,
// has the entities and claims of the store built in one run, and that
// entity ids stay put as articles are added.
func TestReadModelInRuns(t *testing.T) {
	ctx := context.Background()
	all := openStore(t)
	ingest(t, all, "../../examples")
	want := snapshot(t, all)

	st := openStore(t)
	var runs []readModel
	for _, path := range []string{"../../examples/news", "../../examples/news.jsonl"} {
		p, err := pipeline.Open(ctx, st, pipeline.Options{Analyzer: analyze.New(), BatchSize: 7, RegistryCache: 1})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := p.Ingest(ctx, []string{path}); err != nil {
			t.Fatal(err)
		}
		runs = append(runs, snapshot(t, st))
	}
	got := runs[len(runs)-1]
	diffMaps(t, "entity", got.entities, want.entities)
	if fmt.Sprint(got.claims) != fmt.Sprint(want.claims) {
		t.Errorf("claims after two runs:\n got %v\nwant %v", got.claims, want.claims)
	}
	for id, e := range runs[0].ids {
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
	// The quotes resolve their speakers as in the store built at once.
	speakers := func(st storage.Store) []string { return quoteSpeakers(ctx, t, st) }
	g, w := speakers(st), speakers(all)
	for i := range max(len(g), len(w)) {
		if i >= len(g) || i >= len(w) || g[i] != w[i] {
			t.Errorf("quote speakers differ from the %dth: got %q, want %q", i, g[i:min(i+3, len(g))], w[i:min(i+3, len(w))])
			break
		}
	}
}

// TestStoreWithoutRegistryIsStale checks that a store whose analysis was
// stored without the entity registry is re-analysed, which stores it.
func TestStoreWithoutRegistryIsStale(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	ingest(t, st, "../../examples/news")
	want := snapshot(t, st)
	opts := pipeline.Options{Analyzer: analyze.New(), BatchSize: 4}
	p, err := pipeline.Open(ctx, st, opts)
	if err != nil {
		t.Fatal(err)
	}
	if stale, _, err := p.Stale(ctx); stale || err != nil {
		t.Fatalf("Stale = %v, %v; want false", stale, err)
	}
	// Drop the registry as a store made before it was stored lacks it.
	drop := &storage.Batch{ClearState: []string{"entity/"}}
	if err := st.Commit(ctx, drop); err != nil {
		t.Fatal(err)
	}
	if p, err = pipeline.Open(ctx, st, opts); err != nil {
		t.Fatal(err)
	}
	if stale, _, err := p.Stale(ctx); !stale || err != nil {
		t.Fatalf("Stale without a registry = %v, %v; want true", stale, err)
	}
	if err := p.Reanalyze(ctx, nil); err != nil {
		t.Fatal(err)
	}
	if stale, _, err := p.Stale(ctx); stale || err != nil {
		t.Fatalf("Stale after reanalyze = %v, %v; want false", stale, err)
	}
	diffMaps(t, "entity", snapshot(t, st).entities, want.entities)
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

// TestReadModelLegacyIndex checks that a store whose registry holds a
// row per group membership, as written before the membership index, is
// read and extended by later runs as the store built at once.
func TestReadModelLegacyIndex(t *testing.T) {
	ctx := context.Background()
	all := openStore(t)
	ingest(t, all, "../../examples")
	want := snapshot(t, all)

	st := openStore(t)
	opts := pipeline.Options{Analyzer: analyze.New(), BatchSize: 7, RegistryCache: 1}
	run := func(path string) {
		t.Helper()
		p, err := pipeline.Open(ctx, st, opts)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := p.Ingest(ctx, []string{path}); err != nil {
			t.Fatal(err)
		}
	}
	count := func(prefix string) int {
		t.Helper()
		n := 0
		if err := st.ReadStates(ctx, prefix, func(string, []byte) error { n++; return nil }); err != nil {
			t.Fatal(err)
		}
		return n
	}
	run("../../examples/news")
	if n := count("entity/format"); n != 1 {
		t.Errorf("a new registry is not marked as holding the index only")
	}
	if n := count("entity/g/"); n != 0 {
		t.Errorf("a new registry holds %d rows of the earlier form", n)
	}
	// Rewrite the registry's memberships in the earlier form, its nodes
	// in rows of their own.
	legacy := &storage.Batch{ClearState: []string{"entity/m/", "entity/format"}, State: map[string][]byte{}}
	for key, data := range nodeRows(ctx, t, st) {
		n, err := entity.UnmarshalNode(key, data)
		if err != nil {
			t.Fatal(err)
		}
		for _, g := range n.Stored {
			legacy.State["entity/g/"+g+"\x1f"+key] = []byte{1}
		}
		legacy.State["entity/n/"+key] = data
	}
	if len(legacy.State) == 0 {
		t.Fatal("no memberships stored")
	}
	if err := st.Commit(ctx, legacy); err != nil {
		t.Fatal(err)
	}
	run("../../examples/news.jsonl")
	got := snapshot(t, st)
	diffMaps(t, "entity", got.entities, want.entities)
	if fmt.Sprint(got.claims) != fmt.Sprint(want.claims) {
		t.Errorf("claims:\n got %v\nwant %v", got.claims, want.claims)
	}
	quotes := func(st storage.Store) string { return strings.Join(quoteSpeakers(ctx, t, st), "\n") }
	if g, w := quotes(st), quotes(all); g != w {
		t.Errorf("quote speakers:\n got %s\nwant %s", g, w)
	}
	// The later run kept the earlier rows it did not replace and wrote
	// index rows for the keys whose groups changed.
	if n := count("entity/g/"); n == 0 {
		t.Error("the earlier membership rows are gone")
	}
	if n := count("entity/m/"); n == 0 {
		t.Error("no index rows written")
	}
	if n := count("entity/format"); n != 0 {
		t.Error("a registry with earlier rows is marked as holding none")
	}
}

// nodeRows returns the registry's stored nodes by key, from their home
// index rows or, in registries written before those held them, from rows
// of their own.
func nodeRows(ctx context.Context, t *testing.T, st storage.Store) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	if err := st.ReadStates(ctx, "entity/n/", func(name string, data []byte) error {
		out[strings.TrimPrefix(name, "entity/n/")] = slices.Clone(data)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if err := st.ReadStates(ctx, "entity/m/", func(name string, data []byte) error {
		if len(data) == 1 && data[0] == 1 {
			return nil
		}
		rest := strings.TrimPrefix(name, "entity/m/")
		for i := range len(rest) {
			if rest[i] == '\x1f' && entity.HomeIndex(rest[i+1:]) == rest[:i] {
				out[rest[i+1:]] = slices.Clone(data)
				return nil
			}
		}
		return fmt.Errorf("index row %q holds a node but is no key's home", name)
	}); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestReadModelSplitNodes checks that a store whose registry keeps each
// node in a row of its own, as written before nodes moved into their home
// index rows, is read and extended by later runs as the store built at
// once, and keeps its form; and that a new registry keeps no node apart.
func TestReadModelSplitNodes(t *testing.T) {
	ctx := context.Background()
	all := openStore(t)
	ingest(t, all, "../../examples")
	want := snapshot(t, all)

	st := openStore(t)
	opts := pipeline.Options{Analyzer: analyze.New(), BatchSize: 7, RegistryCache: 1}
	run := func(path string) {
		t.Helper()
		p, err := pipeline.Open(ctx, st, opts)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := p.Ingest(ctx, []string{path}); err != nil {
			t.Fatal(err)
		}
	}
	count := func(prefix string) int {
		t.Helper()
		n := 0
		if err := st.ReadStates(ctx, prefix, func(string, []byte) error { n++; return nil }); err != nil {
			t.Fatal(err)
		}
		return n
	}
	run("../../examples/news")
	if n := count("entity/n/"); n != 0 {
		t.Errorf("a new registry holds %d nodes apart", n)
	}
	nodes := nodeRows(ctx, t, st)
	if len(nodes) == 0 {
		t.Fatal("no nodes stored")
	}
	// Move the nodes into rows of their own, leaving a member row in
	// their home rows.
	split := &storage.Batch{State: map[string][]byte{"entity/format": []byte("2")}}
	for key, data := range nodes {
		split.State["entity/n/"+key] = data
		split.State["entity/m/"+entity.HomeIndex(key)+"\x1f"+key] = []byte{1}
	}
	if err := st.Commit(ctx, split); err != nil {
		t.Fatal(err)
	}
	run("../../examples/news.jsonl")
	got := snapshot(t, st)
	diffMaps(t, "entity", got.entities, want.entities)
	if fmt.Sprint(got.claims) != fmt.Sprint(want.claims) {
		t.Errorf("claims:\n got %v\nwant %v", got.claims, want.claims)
	}
	quotes := func(st storage.Store) string { return strings.Join(quoteSpeakers(ctx, t, st), "\n") }
	if g, w := quotes(st), quotes(all); g != w {
		t.Errorf("quote speakers:\n got %s\nwant %s", g, w)
	}
	if n := count("entity/n/"); n <= len(nodes) {
		t.Errorf("%d nodes apart after the later run, %d before: want more", n, len(nodes))
	}
	var format string
	if _, err := st.ReadState(ctx, "entity/format", func(b []byte) error { format = string(b); return nil }); err != nil || format != "2" {
		t.Errorf("format %q, %v after the later run; want 2", format, err)
	}
	if got, want := len(nodeRows(ctx, t, st)), len(nodeRows(ctx, t, all)); got != want {
		t.Errorf("%d nodes stored, %d in the store built at once", got, want)
	}
}

// quoteSpeakers lists st's quotes as "article:speaker=name", sorted.
func quoteSpeakers(ctx context.Context, t *testing.T, st storage.Store) []string {
	t.Helper()
	qs, _, err := st.Quotes(ctx, storage.QuoteFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, q := range qs {
		out = append(out, q.Article.ExternalID+":"+q.Speaker+"="+q.SpeakerName)
	}
	slices.Sort(out)
	return out
}
