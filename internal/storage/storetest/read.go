package storetest

import (
	"context"
	"fmt"
	"maps"
	"testing"

	"github.com/parallax-news/parallax/internal/model"
	"github.com/parallax-news/parallax/internal/storage"
)

var readTests = []test{
	{"story filters", testStoryFilters},
	{"story threads", testStoryThreads},
	{"story entity filter", testStoryEntityFilter},
	{"story pages", testStoryPages},
	{"threads", testThreads},
	{"thread pages", testThreadPages},
	{"article filters", testArticleFilters},
	{"analyses", testAnalyses},
	{"analysis replaced", testAnalysisReplaced},
	{"bad cursors", testBadCursors},
}

func storyIDs(t *testing.T, s storage.Store, f storage.StoryFilter) []int64 {
	t.Helper()
	sts, next, err := s.Stories(context.Background(), f)
	noErr(t, "Stories", err)
	if f.Limit == 0 && next != "" {
		t.Errorf("an unbounded list returned a cursor %q", next)
	}
	ids := []int64{}
	for _, st := range sts {
		ids = append(ids, st.ID)
	}
	return ids
}

func testStoryFilters(t *testing.T, s storage.Store) {
	loadFixture(t, s)
	tests := []struct {
		name string
		f    storage.StoryFilter
		want []int64
	}{
		{"all, largest first", storage.StoryFilter{}, []int64{10, 11, 12}},
		{"min articles", storage.StoryFilter{MinArticles: 2}, []int64{10, 11}},
		{"min articles above all", storage.StoryFilter{MinArticles: 3}, []int64{}},
		{"thread", storage.StoryFilter{ThreadID: 1}, []int64{10, 11}},
		{"other thread", storage.StoryFilter{ThreadID: 2}, []int64{12}},
		{"outlet in any case", storage.StoryFilter{Outlet: "north post"}, []int64{10, 11}},
		{"outlet with space", storage.StoryFilter{Outlet: " South Wire "}, []int64{10}},
		{"unknown outlet", storage.StoryFilter{Outlet: "Nobody"}, []int64{}},
		{"dates", storage.StoryFilter{Dates: storage.DateRange{From: "2024-03-04", To: "2024-03-05"}}, []int64{11}},
		{"last day inclusive", storage.StoryFilter{Dates: storage.DateRange{To: "2024-03-03"}}, []int64{10}},
		{"from only", storage.StoryFilter{Dates: storage.DateRange{From: "2024-03-06"}}, []int64{12}},
		{"outlet and dates", storage.StoryFilter{Outlet: "East Times", Dates: storage.DateRange{From: "2024-03-01"}}, []int64{12}},
		{"thread and min", storage.StoryFilter{ThreadID: 2, MinArticles: 2}, []int64{}},
	}
	for _, tc := range tests {
		eq(t, tc.name, storyIDs(t, s, tc.f), tc.want)
	}
}

// testStoryThreads reads the threads of a list of stories, with
// repeats and a story that does not exist, through the store's own read
// when it has one and a story at a time.
func testStoryThreads(t *testing.T, s storage.Store) {
	loadFixture(t, s)
	ids := []int64{12, 10, 99, 10, 11}
	want := map[int64]int64{10: 1, 11: 1, 12: 2}
	for name, r := range map[string]storage.Reader{"store": s, "a story at a time": struct{ storage.Reader }{s}} {
		got, err := storage.StoryThreads(context.Background(), r, ids)
		noErr(t, "StoryThreads", err)
		if !maps.Equal(got, want) {
			t.Errorf("%s: StoryThreads(%v) = %v, want %v", name, ids, got, want)
		}
	}
}

// testStoryEntityFilter selects stories by a mentioned entity: a mention
// under any of the entity's keys counts, and the filter combines with the
// others.
func testStoryEntityFilter(t *testing.T, s storage.Store) {
	loadFixture(t, s)
	tests := []struct {
		name string
		f    storage.StoryFilter
		want []int64
	}{
		{"under both keys", storage.StoryFilter{EntityID: 100}, []int64{10, 11}},
		{"latest first", storage.StoryFilter{EntityID: 100, Latest: true}, []int64{11, 10}},
		{"one mention", storage.StoryFilter{EntityID: 101}, []int64{10}},
		{"never mentioned", storage.StoryFilter{EntityID: 102}, []int64{}},
		{"unknown entity", storage.StoryFilter{EntityID: 999}, []int64{}},
		{"and an outlet of another article", storage.StoryFilter{EntityID: 100, Outlet: "east times"}, []int64{11}},
		{"and dates", storage.StoryFilter{EntityID: 100, Dates: storage.DateRange{From: "2024-03-04"}}, []int64{11}},
		{"and a thread", storage.StoryFilter{EntityID: 100, ThreadID: 2}, []int64{}},
		{"and min articles", storage.StoryFilter{EntityID: 101, MinArticles: 2}, []int64{10}},
		{"and exclusive", storage.StoryFilter{EntityID: 100, Outlet: "North Post", Exclusive: true}, []int64{}},
	}
	for _, tc := range tests {
		eq(t, tc.name, storyIDs(t, s, tc.f), tc.want)
	}
	// A key the entity gains later selects the stories mentioning it.
	commit(t, s, &storage.Batch{
		Articles:  []*model.Article{{ID: 9, ExternalID: "later", Hash: "h9", Title: "Later", Text: "M. Lund spoke.", Outlet: "West", Published: day(12), StoryID: 13}},
		Analysis:  []storage.Analysis{{Analysis: model.Analysis{ArticleID: 9, Mentions: []model.Mention{{Span: model.Span{Start: 0, End: 7}, Text: "M. Lund", Type: model.Person, Key: "M. Lund"}}}}},
		ReadModel: storage.ReadModel{Keys: map[string]int64{"M. Lund": 100}},
	})
	eq(t, "with a new key", storyIDs(t, s, storage.StoryFilter{EntityID: 100, Latest: true}), []int64{13, 11, 10})
	got := pageAll(t, 1, func(p storage.Page) ([]model.Story, string, error) {
		return s.Stories(context.Background(), storage.StoryFilter{EntityID: 100, Page: p})
	}, func(st model.Story) int64 { return st.ID })
	eq(t, "paged", got, []int64{10, 11, 13})
}

// manyStories commits n single-article stories and n/3 two-article ones,
// so that sizes tie and pages must break ties by id.
func manyStories(t *testing.T, s storage.Store, n int) {
	var arts []*model.Article
	id := int64(0)
	add := func(story int64, outlet string) {
		id++
		arts = append(arts, &model.Article{ID: id, ExternalID: fmt.Sprintf("x%d", id), Hash: fmt.Sprintf("h%d", id), Title: fmt.Sprintf("T%d", id), Text: "t", Outlet: outlet, StoryID: story, Published: day(1 + int(id%20))})
	}
	for i := 1; i <= n; i++ {
		add(int64(i), "One")
		if i%3 == 0 {
			add(int64(i), "Two")
		}
	}
	threads := map[int64]int64{}
	for i := 1; i <= n; i++ {
		threads[int64(i)] = int64(1 + i%7)
	}
	commit(t, s, &storage.Batch{Articles: arts, Threads: threads})
}

func testStoryPages(t *testing.T, s storage.Store) {
	manyStories(t, s, 30)
	ctx := context.Background()
	want := storyIDs(t, s, storage.StoryFilter{})
	if len(want) != 30 || want[0] != 3 || want[9] != 30 || want[10] != 1 {
		t.Fatalf("stories in order: %v", want)
	}
	for _, limit := range []int{1, 4, 10, 29, 30, 31} {
		got := pageAll(t, limit, func(p storage.Page) ([]model.Story, string, error) {
			return s.Stories(ctx, storage.StoryFilter{Page: p})
		}, func(st model.Story) int64 { return st.ID })
		eq(t, fmt.Sprintf("pages of %d", limit), got, want)
	}
	filtered := storyIDs(t, s, storage.StoryFilter{ThreadID: 4, Outlet: "two"})
	got := pageAll(t, 1, func(p storage.Page) ([]model.Story, string, error) {
		return s.Stories(ctx, storage.StoryFilter{ThreadID: 4, Outlet: "TWO", Page: p})
	}, func(st model.Story) int64 { return st.ID })
	eq(t, "filtered pages", got, filtered)
	eq(t, "filtered stories", filtered, []int64{3, 24})
}

func testThreads(t *testing.T, s storage.Store) {
	loadFixture(t, s)
	ts, next, err := s.Threads(context.Background(), storage.ThreadFilter{})
	noErr(t, "Threads", err)
	eq(t, "cursor", next, "")
	if len(ts) != 2 {
		t.Fatalf("threads = %+v", ts)
	}
	// Stories oldest first: story 10 (2 March) before story 11.
	t1 := ts[0]
	eq(t, "thread 1", []any{t1.ID, t1.Title, t1.StoryIDs, t1.First, t1.Last, len(t1.Stories)}, []any{int64(1), "Dam opens on river", []int64{10, 11}, day(2), day(5), 2})
	eq(t, "thread 1 story 11", t1.Stories[1].Headline, "Council votes budget")
	t2 := ts[1]
	eq(t, "thread 2", []any{t2.ID, t2.Title, t2.StoryIDs, t2.First, t2.Last}, []any{int64(2), "Storm nears coast", []int64{12}, day(9), day(9)})
}

func testThreadPages(t *testing.T, s storage.Store) {
	manyStories(t, s, 30)
	ctx := context.Background()
	all, _, err := s.Threads(ctx, storage.ThreadFilter{})
	noErr(t, "Threads", err)
	want := []int64{}
	for i, th := range all {
		want = append(want, th.ID)
		if i > 0 && len(th.StoryIDs) > len(all[i-1].StoryIDs) {
			t.Errorf("thread %d (%d stories) after a smaller one", th.ID, len(th.StoryIDs))
		}
	}
	// Stories 1..30 in threads 1 + i%7: threads 2..3 have 5 stories, the rest 4.
	eq(t, "threads, largest first", want, []int64{2, 3, 1, 4, 5, 6, 7})
	for _, limit := range []int{1, 2, 6, 7, 8} {
		got := pageAll(t, limit, func(p storage.Page) ([]model.Thread, string, error) {
			return s.Threads(ctx, storage.ThreadFilter{Page: p})
		}, func(th model.Thread) int64 { return th.ID })
		eq(t, fmt.Sprintf("thread pages of %d", limit), got, want)
	}
}

func testArticleFilters(t *testing.T, s storage.Store) {
	loadFixture(t, s)
	tests := []struct {
		name string
		f    storage.ArticleFilter
		want []int64
	}{
		{"all", storage.ArticleFilter{}, []int64{1, 2, 3, 4, 5}},
		{"story", storage.ArticleFilter{StoryID: 11}, []int64{3, 4}},
		{"thread", storage.ArticleFilter{ThreadID: 1}, []int64{1, 2, 3, 4}},
		{"outlet in any case", storage.ArticleFilter{Outlet: "north post"}, []int64{1, 3}},
		{"from", storage.ArticleFilter{Dates: storage.DateRange{From: "2024-03-03"}}, []int64{2, 3, 5}},
		{"to, undated left out", storage.ArticleFilter{Dates: storage.DateRange{To: "2024-03-05"}}, []int64{1, 2, 3}},
		{"after id", storage.ArticleFilter{AfterID: 3}, []int64{4, 5}},
		{"limit", storage.ArticleFilter{Limit: 2}, []int64{1, 2}},
		{"after and limit", storage.ArticleFilter{AfterID: 1, Limit: 2}, []int64{2, 3}},
		{"thread and outlet", storage.ArticleFilter{ThreadID: 1, Outlet: "East Times"}, []int64{4}},
		{"ids, in id order, unknown skipped", storage.ArticleFilter{IDs: []int64{5, 2, 99, 2}}, []int64{2, 5}},
		{"ids and story", storage.ArticleFilter{IDs: []int64{1, 3, 4}, StoryID: 11}, []int64{3, 4}},
		{"ids after id", storage.ArticleFilter{IDs: []int64{1, 3, 4}, AfterID: 3}, []int64{4}},
		{"none", storage.ArticleFilter{StoryID: 99}, []int64{}},
	}
	for _, tc := range tests {
		eq(t, tc.name, articleIDs(t, s, tc.f), tc.want)
	}
}

func testAnalyses(t *testing.T, s storage.Store) {
	loadFixture(t, s)
	want := map[int64]model.Analysis{}
	for _, a := range fixtureAnalysis() {
		want[a.ArticleID] = a.Analysis
	}
	read := func(f storage.ArticleFilter) []int64 {
		ids := []int64{}
		noErr(t, "Analyses", s.Analyses(context.Background(), f, func(a *model.Article, an *model.Analysis) error {
			ids = append(ids, a.ID)
			if an.ArticleID != a.ID {
				t.Errorf("article %d: analysis of %d", a.ID, an.ArticleID)
			}
			w := want[a.ID]
			w.ArticleID = a.ID
			eq(t, fmt.Sprintf("analysis of %d", a.ID), normAnalysis(*an), normAnalysis(w))
			return nil
		}))
		return ids
	}
	eq(t, "all", read(storage.ArticleFilter{}), []int64{1, 2, 3, 4, 5})
	eq(t, "story 11", read(storage.ArticleFilter{StoryID: 11}), []int64{3, 4})
	eq(t, "outlet", read(storage.ArticleFilter{Outlet: "south wire"}), []int64{2})
	eq(t, "limit 2", read(storage.ArticleFilter{Limit: 2}), []int64{1, 2})
	eq(t, "limit 2 after 2", read(storage.ArticleFilter{Limit: 2, AfterID: 2}), []int64{3, 4})
	eq(t, "story 11, limit 1", read(storage.ArticleFilter{StoryID: 11, Limit: 1}), []int64{3})
	eq(t, "limit 9", read(storage.ArticleFilter{Limit: 9}), []int64{1, 2, 3, 4, 5})
}

// normAnalysis makes empty slices nil, so that none and empty compare equal.
func normAnalysis(a model.Analysis) model.Analysis {
	if len(a.Mentions) == 0 {
		a.Mentions = nil
	}
	if len(a.Quotes) == 0 {
		a.Quotes = nil
	}
	if len(a.Stances) == 0 {
		a.Stances = nil
	}
	return a
}

func testAnalysisReplaced(t *testing.T, s storage.Store) {
	loadFixture(t, s)
	ctx := context.Background()
	repl := model.Analysis{ArticleID: 1, Mentions: []model.Mention{{Span: model.Span{Start: 1, End: 3}, Text: "Ox", Type: model.Other, Key: "Ox"}}}
	commit(t, s, &storage.Batch{Analysis: []storage.Analysis{{Analysis: repl}, {Analysis: model.Analysis{ArticleID: 3}}}})
	noErr(t, "Analyses", s.Analyses(ctx, storage.ArticleFilter{Limit: 3}, func(a *model.Article, an *model.Analysis) error {
		switch a.ID {
		case 1:
			eq(t, "article 1 re-analysed", normAnalysis(*an), repl)
		case 3:
			eq(t, "article 3 cleared", normAnalysis(*an), model.Analysis{ArticleID: 3})
		}
		return nil
	}))
	// Quotes and stances left with the old rows are gone from the read model too.
	qs, _, err := s.Quotes(ctx, storage.QuoteFilter{})
	noErr(t, "Quotes", err)
	eq(t, "quotes left", len(qs), 0)
}

func testBadCursors(t *testing.T, s storage.Store) {
	loadFixture(t, s)
	ctx := context.Background()
	for _, c := range []string{"x", "1.2.3", "a.b"} {
		p := storage.Page{Limit: 1, After: c}
		if _, _, err := s.Stories(ctx, storage.StoryFilter{Page: p}); err == nil {
			t.Errorf("Stories with cursor %q: want an error", c)
		}
		if _, _, err := s.Threads(ctx, storage.ThreadFilter{Page: p}); err == nil {
			t.Errorf("Threads with cursor %q: want an error", c)
		}
		if _, _, err := s.Entities(ctx, storage.EntityFilter{Page: p}); err == nil {
			t.Errorf("Entities with cursor %q: want an error", c)
		}
		if _, _, err := s.Quotes(ctx, storage.QuoteFilter{Page: p}); err == nil {
			t.Errorf("Quotes with cursor %q: want an error", c)
		}
		if _, _, err := s.Claims(ctx, storage.ClaimFilter{Page: p}); err == nil {
			t.Errorf("Claims with cursor %q: want an error", c)
		}
	}
}
