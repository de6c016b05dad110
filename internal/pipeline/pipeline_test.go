package pipeline_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/analyze"
	"github.com/parallax-news/parallax/internal/model"
	"github.com/parallax-news/parallax/internal/pipeline"
	"github.com/parallax-news/parallax/internal/storage"
	"github.com/parallax-news/parallax/internal/storage/sqlite"
)

func openStore(t *testing.T) *sqlite.Store {
	t.Helper()
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "p.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func ingest(t *testing.T, st storage.Store, paths ...string) pipeline.Report {
	t.Helper()
	p, err := pipeline.Open(context.Background(), st, pipeline.Options{Analyzer: analyze.New(), BatchSize: 7})
	if err != nil {
		t.Fatal(err)
	}
	rep, err := p.Ingest(context.Background(), paths)
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

// groups returns the stored partition of articles (by external id) under
// key, as sorted lists sorted by first member.
func groups(t *testing.T, st storage.Store, key func(*model.Article, map[int64]int64) int64) [][]string {
	t.Helper()
	ctx := context.Background()
	threads := map[int64]int64{}
	stories, _, err := st.Stories(ctx, storage.StoryFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range stories {
		threads[s.ID] = s.ThreadID
	}
	by := map[int64][]string{}
	if err := st.Articles(ctx, storage.ArticleFilter{}, func(a *model.Article) error {
		k := key(a, threads)
		by[k] = append(by[k], a.ExternalID)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	var out [][]string
	for _, g := range by {
		sort.Strings(g)
		out = append(out, g)
	}
	sort.Slice(out, func(i, j int) bool { return out[i][0] < out[j][0] })
	return out
}

func byStory(a *model.Article, _ map[int64]int64) int64 { return a.StoryID }

// byThread groups by thread; a story in no thread is a group of its own.
func byThread(a *model.Article, th map[int64]int64) int64 {
	if t := th[a.StoryID]; t != 0 {
		return t
	}
	return -a.StoryID
}

func sortGroups(gs [][]string) [][]string {
	for _, g := range gs {
		sort.Strings(g)
	}
	sort.Slice(gs, func(i, j int) bool { return gs[i][0] < gs[j][0] })
	return gs
}

func equalGroups(a, b [][]string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if strings.Join(a[i], ",") != strings.Join(b[i], ",") {
			return false
		}
	}
	return true
}

// sameGroup reports whether all ids fall in one group of gs.
func sameGroup(gs [][]string, ids []string) bool {
	for _, g := range gs {
		in := map[string]bool{}
		for _, id := range g {
			in[id] = true
		}
		all := true
		for _, id := range ids {
			all = all && in[id]
		}
		if all {
			return true
		}
	}
	return false
}

func TestExampleCorpus(t *testing.T) {
	var want struct {
		Stories    [][]string `json:"stories"`
		Threads    [][]string `json:"threads"`
		Duplicates [][]string `json:"duplicates"`
	}
	b, err := os.ReadFile("testdata/examples-gold.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &want); err != nil {
		t.Fatal(err)
	}
	st := openStore(t)
	rep := ingest(t, st, "../../examples")
	if rep.Failed != 0 || rep.Added != 23 {
		t.Errorf("report = %+v, want 23 added and no failures", rep)
	}
	if got := groups(t, st, byStory); !equalGroups(got, sortGroups(want.Stories)) {
		t.Errorf("stories:\n got %v\nwant %v", got, want.Stories)
	}
	// Outlets of scraped text come from a copyright footer or a byline;
	// a file that names none has none.
	outlets := map[string]string{}
	if err := st.Articles(context.Background(), storage.ArticleFilter{}, func(a *model.Article) error {
		outlets[a.ExternalID] = a.Outlet
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	for id, outlet := range map[string]string{
		"northgate-tribune-1114": "Northgate Tribune",
		"harbor-ledger-0612":     "The Harbor Ledger",
		"coastline-courier-0427": "Coastline Courier",
		"meridian-post-0724":     "The Meridian Post",
		"valley-wire-0427":       "",
	} {
		if outlets[id] != outlet {
			t.Errorf("%s: outlet %q, want %q", id, outlets[id], outlet)
		}
	}
	threads := groups(t, st, byThread)
	for _, th := range want.Threads {
		if !sameGroup(threads, th) {
			t.Errorf("thread %v not together: %v", th, threads)
		}
	}
	ext := map[int64]string{}
	dupOf := map[string]int64{}
	st.Articles(context.Background(), storage.ArticleFilter{}, func(a *model.Article) error {
		ext[a.ID] = a.ExternalID
		if a.DuplicateOf != 0 {
			dupOf[a.ExternalID] = a.DuplicateOf
		}
		return nil
	})
	// An original can be stored after its copy.
	dups := map[string]string{}
	for id, o := range dupOf {
		dups[id] = ext[o]
	}
	if len(dups) != len(want.Duplicates) {
		t.Errorf("near-copies = %v, want %v", dups, want.Duplicates)
	}
	// Which of two near-copies is the original is tested elsewhere
	// (TestWireOriginalComesFirst): either may point to the other here.
	for _, d := range want.Duplicates {
		if dups[d[0]] != d[1] && dups[d[1]] != d[0] {
			t.Errorf("%s and %s not marked as near-copies: %v", d[0], d[1], dups)
		}
	}
}

func TestIngestIsIdempotentAndIncremental(t *testing.T) {
	ctx := context.Background()
	all := openStore(t)
	ingest(t, all, "../../examples")
	want := groups(t, all, byStory)
	before, _ := all.Counts(ctx)

	// Running the same ingest again adds nothing.
	rep := ingest(t, all, "../../examples")
	if rep.Added != 0 || rep.Known != before.Articles {
		t.Errorf("second ingest: %+v", rep)
	}
	if after, _ := all.Counts(ctx); after != before {
		t.Errorf("counts changed: %+v → %+v", before, after)
	}

	// Ingesting in two runs joins the second run's articles to the first
	// run's stories.
	inc := openStore(t)
	ingest(t, inc, "../../examples/news")
	ingest(t, inc, "../../examples/news.jsonl")
	if got := groups(t, inc, byStory); !equalGroups(got, want) {
		t.Errorf("incremental stories:\n got %v\nwant %v", got, want)
	}
}

// TestUnreadableStateIsRebuilt checks that a store whose saved state cannot
// be decoded still opens: the state is rebuilt from the stored articles.
func TestUnreadableStateIsRebuilt(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	ingest(t, st, "../../examples")
	want := groups(t, st, byStory)
	// Spoil every part of the near-copy index and the clusterer.
	junk := map[string][]byte{}
	for _, prefix := range []string{"dedupe.", "cluster."} {
		if err := st.ReadStates(ctx, prefix, func(name string, _ []byte) error {
			junk[name] = []byte("not a state")
			return nil
		}); err != nil {
			t.Fatal(err)
		}
	}
	if len(junk) < 3 {
		t.Fatalf("state parts found: %v", junk)
	}
	if err := st.Commit(ctx, &storage.Batch{State: junk}); err != nil {
		t.Fatal(err)
	}
	rep := ingest(t, st, "../../examples")
	if rep.Added != 0 {
		t.Errorf("ingest after rebuild added %d articles", rep.Added)
	}
	if got := groups(t, st, byStory); !equalGroups(got, want) {
		t.Errorf("stories after rebuild:\n got %v\nwant %v", got, want)
	}
	// The rebuilt state was saved: the next open reads it.
	if _, err := pipeline.Open(ctx, st, pipeline.Options{}); err != nil {
		t.Fatalf("open after rebuild: %v", err)
	}
}

// TestRepeatedIDsInOneRun feeds an id twice, in batches of one article, so
// that the first copy is still on its way while the second is prepared.
func TestRepeatedIDsInOneRun(t *testing.T) {
	st := openStore(t)
	path := filepath.Join(t.TempDir(), "twice.jsonl")
	line := func(id, text string) string {
		return `{"id":"` + id + `","title":"Harbour bridge reopens","text":"` + text + `"}` + "\n"
	}
	body := "The harbour bridge reopened on Monday after three months of repairs, the city council said."
	if err := os.WriteFile(path, []byte(line("a", body)+line("a", body)+line("b", body+" Traffic was light.")), 0o644); err != nil {
		t.Fatal(err)
	}
	p, err := pipeline.Open(context.Background(), st, pipeline.Options{BatchSize: 1})
	if err != nil {
		t.Fatal(err)
	}
	rep, err := p.Ingest(context.Background(), []string{path})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Added != 2 || rep.Known != 1 {
		t.Errorf("added %d, known %d; want 2 and 1", rep.Added, rep.Known)
	}
}

func TestBadInputIsSkipped(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	ingest(t, st, "../../examples/news")
	before, _ := st.Counts(ctx)
	dir := t.TempDir()
	files := map[string]string{
		"bin.txt":    "\x00\x01\x02binary",
		"bad.jsonl":  `{"id":"good-1","title":"Fine","text":"A perfectly fine article about a new bridge in Osterby, opened on Monday by the mayor."}` + "\n" + `{"id":"broken","text":"trunc`,
		"empty.html": "",
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	rep := ingest(t, st, dir)
	if rep.Added != 1 || rep.Failed != 3 {
		t.Errorf("report = %+v (errors %v), want 1 added, 3 failed", rep, rep.Errors)
	}
	for _, e := range rep.Errors {
		if e.Path == "" {
			t.Errorf("error without a file name: %v", e)
		}
		if filepath.Base(e.Path) == "bad.jsonl" && e.Line != 2 {
			t.Errorf("truncated line reported at line %d, want 2", e.Line)
		}
	}
	after, _ := st.Counts(ctx)
	if after.Articles != before.Articles+1 {
		t.Errorf("articles %d → %d, want one more", before.Articles, after.Articles)
	}
}

func TestSeeds(t *testing.T) {
	dir := "../../../shared/seeds"
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("seed articles not available (%v); they live in ../shared next to the repository", err)
	}
	st := openStore(t)
	rep := ingest(t, st, dir)
	if rep.Added != 5 {
		t.Fatalf("added %d seeds, want 5", rep.Added)
	}
	prefix := func(gs [][]string) [][]string {
		for _, g := range gs {
			for i, id := range g {
				g[i] = id[:3]
			}
		}
		return gs
	}
	want := [][]string{{"000", "001", "002"}, {"003"}, {"004"}}
	if got := prefix(groups(t, st, byStory)); !equalGroups(got, want) {
		t.Errorf("seed stories = %v, want %v", got, want)
	}
	if got := prefix(groups(t, st, byThread)); len(got) != 1 {
		t.Errorf("seed threads = %v, want all five in one", got)
	}
}
