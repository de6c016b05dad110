package storetest

import (
	"context"
	"testing"

	"github.com/parallax-news/parallax/internal/model"
	"github.com/parallax-news/parallax/internal/storage"
)

var pageTests = []test{
	{"outlets", testOutlets},
	{"verbs", testVerbs},
	{"story days", testStoryDays},
	{"exclusive stories", testExclusiveStories},
	{"boilerplate", testBoilerplate},
}

func testOutlets(t *testing.T, s storage.Store) {
	ctx := context.Background()
	got, err := s.Outlets(ctx)
	noErr(t, "Outlets of an empty store", err)
	eq(t, "no outlets", len(got), 0)
	loadFixture(t, s)
	commit(t, s, &storage.Batch{Articles: []*model.Article{{ID: 9, ExternalID: "nameless", Hash: "h9", Title: "No outlet", Text: "x", StoryID: 12}}})
	got, err = s.Outlets(ctx)
	noErr(t, "Outlets", err)
	eq(t, "outlets", got, []storage.OutletRow{
		{Name: "East Times", Articles: 2, Stories: 2, Exclusive: 1, First: "2024-03-09", Last: "2024-03-09"},
		{Name: "NORTH POST", Articles: 2, Stories: 2, First: "2024-03-02", Last: "2024-03-05"},
		{Name: "South Wire", Articles: 1, Copies: 1, Stories: 1, First: "2024-03-03", Last: "2024-03-03"},
	})
	// Story 12 stays East Times' alone with an article of no outlet in it.
	commit(t, s, &storage.Batch{Articles: []*model.Article{{ID: 10, ExternalID: "solo", Hash: "h10", Title: "Solo", Text: "x", Outlet: "east times", StoryID: 13}}})
	got, err = s.Outlets(ctx)
	noErr(t, "Outlets", err)
	eq(t, "East Times", got[0], storage.OutletRow{Name: "East Times", Articles: 3, Stories: 3, Exclusive: 2, First: "2024-03-09", Last: "2024-03-09"})
}

func testVerbs(t *testing.T, s storage.Store) {
	loadFixture(t, s)
	ctx := context.Background()
	for _, tc := range []struct {
		outlet string
		limit  int
		want   []storage.VerbCount
	}{
		{"", 0, []storage.VerbCount{{Verb: "added", Count: 1}, {Verb: "said", Count: 1}, {Verb: "told", Count: 1}}},
		{"north post", 0, []storage.VerbCount{{Verb: "added", Count: 1}, {Verb: "said", Count: 1}, {Verb: "told", Count: 1}}},
		{"NORTH POST", 2, []storage.VerbCount{{Verb: "added", Count: 1}, {Verb: "said", Count: 1}}},
		{"South Wire", 0, nil},
		{"nowhere", 0, nil},
	} {
		got, err := s.Verbs(ctx, tc.outlet, tc.limit)
		noErr(t, "Verbs", err)
		eq(t, "verbs of "+tc.outlet, got, tc.want)
	}
	commit(t, s, &storage.Batch{Analysis: []storage.Analysis{{Analysis: model.Analysis{ArticleID: 5, Quotes: []model.Quote{
		{ArticleID: 5, Text: "a", Kind: model.Direct, Cue: "Said"}, {ArticleID: 5, Text: "b", Kind: model.Direct, Cue: "said"}, {ArticleID: 5, Text: "c", Kind: model.Direct}}}}}})
	got, err := s.Verbs(ctx, "", 1)
	noErr(t, "Verbs", err)
	eq(t, "verbs in any case", got, []storage.VerbCount{{Verb: "said", Count: 3}})
}

func testStoryDays(t *testing.T, s storage.Store) {
	loadFixture(t, s)
	got, err := s.StoryDays(context.Background(), []int64{12, 10, 11, 99})
	noErr(t, "StoryDays", err)
	eq(t, "days", got, []storage.DayCount{{Story: 10, Day: "2024-03-02", Articles: 1}, {Story: 10, Day: "2024-03-03", Articles: 1}, {Story: 11, Day: "2024-03-05", Articles: 1}, {Story: 12, Day: "2024-03-09", Articles: 1}})
	got, err = s.StoryDays(context.Background(), nil)
	noErr(t, "StoryDays of none", err)
	eq(t, "no days", len(got), 0)
}

func testExclusiveStories(t *testing.T, s storage.Store) {
	loadFixture(t, s)
	eq(t, "East Times alone", storyIDs(t, s, storage.StoryFilter{Outlet: "EAST TIMES", Exclusive: true}), []int64{12})
	eq(t, "North Post alone", storyIDs(t, s, storage.StoryFilter{Outlet: "north post", Exclusive: true}), []int64{})
	commit(t, s, &storage.Batch{Articles: []*model.Article{{ID: 9, ExternalID: "nameless", Hash: "h9", Title: "No outlet", Text: "x", StoryID: 12}}})
	eq(t, "with an article of no outlet", storyIDs(t, s, storage.StoryFilter{Outlet: "East Times", Exclusive: true}), []int64{12})
	commit(t, s, &storage.Batch{Articles: []*model.Article{{ID: 10, ExternalID: "other", Hash: "h10", Title: "Other", Text: "x", Outlet: "West", StoryID: 12}}})
	eq(t, "with another outlet's", storyIDs(t, s, storage.StoryFilter{Outlet: "East Times", Exclusive: true}), []int64{})
	eq(t, "East Times at all", storyIDs(t, s, storage.StoryFilter{Outlet: "east times"}), []int64{12, 11})
}

func testBoilerplate(t *testing.T, s storage.Store) {
	ctx := context.Background()
	removed := []string{"Share on social", "By Ida Berg | North Post", "Read more: <b>other</b> story \u2013 ünïcode"}
	commit(t, s, &storage.Batch{Articles: []*model.Article{
		{ID: 1, ExternalID: "a", Hash: "a", Title: "T", Text: "Body.", StoryID: 1, Removed: removed},
		{ID: 2, ExternalID: "b", Hash: "b", Title: "U", Text: "Body.", StoryID: 1},
	}})
	got, err := s.Boilerplate(ctx, 1)
	noErr(t, "Boilerplate", err)
	eq(t, "removed lines", got, removed)
	got, err = s.Boilerplate(ctx, 2)
	noErr(t, "Boilerplate of a clean article", err)
	eq(t, "nothing removed", got, []string(nil))
	got, err = s.Boilerplate(ctx, 99)
	noErr(t, "Boilerplate of a missing article", err)
	eq(t, "missing", got, []string(nil))
	a, err := s.Article(ctx, 1)
	noErr(t, "Article", err)
	eq(t, "article reads leave Removed empty", a.Removed, []string(nil))

	// An update (a re-extraction) replaces the removed lines: new ones
	// for a clean article, none for one that had some.
	up1, up2 := *a, *a
	up1.Removed = nil
	up2.ID, up2.ExternalID, up2.Hash, up2.Removed = 2, "b", "b", []string{"Subscribe now"}
	commit(t, s, &storage.Batch{Updates: []*model.Article{&up1, &up2}})
	got, err = s.Boilerplate(ctx, 1)
	noErr(t, "Boilerplate after an update without removed lines", err)
	eq(t, "removed lines cleared by the update", got, []string(nil))
	got, err = s.Boilerplate(ctx, 2)
	noErr(t, "Boilerplate after an update", err)
	eq(t, "removed lines of the update", got, []string{"Subscribe now"})
	up2.Removed = []string{"Follow us", "Subscribe now"}
	commit(t, s, &storage.Batch{Updates: []*model.Article{&up2}})
	got, err = s.Boilerplate(ctx, 2)
	noErr(t, "Boilerplate after a second update", err)
	eq(t, "removed lines replaced", got, []string{"Follow us", "Subscribe now"})
}
