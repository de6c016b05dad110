// Package storetest is the conformance suite every storage.Store
// implementation passes: the same table-driven tests, run against each
// implementation's own test opener, so that SQLite and PostgreSQL store and
// read the same things the same way.
//
// An implementation's test calls Run with an Opener that returns a fresh,
// empty store for each test and cleans it up when the test ends.
package storetest

import (
	"context"
	"errors"
	"reflect"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/model"
	"github.com/parallax-news/parallax/internal/storage"
)

// Opener returns a new, empty, writable store for one test; it registers
// the store's cleanup with t.Cleanup.
type Opener func(t *testing.T) storage.Store

// Run runs every conformance test against stores from open.
func Run(t *testing.T, open Opener) {
	groups := []struct {
		name  string
		tests []test
	}{
		{"writer", writerTests},
		{"state", stateTests},
		{"read", readTests},
		{"readmodel", readModelTests},
		{"raw", rawTests},
		{"search", searchTests},
		{"pages", pageTests},
		{"comparisons", comparisonTests},
		{"mentions", mentionTests},
	}
	for _, g := range groups {
		t.Run(g.name, func(t *testing.T) {
			for _, tc := range g.tests {
				t.Run(tc.name, func(t *testing.T) {
					tc.run(t, open(t))
				})
			}
		})
	}
}

// test is one conformance test on a fresh store.
type test struct {
	name string
	run  func(t *testing.T, s storage.Store)
}

// day returns midnight UTC of a day in March 2024.
func day(d int) time.Time { return time.Date(2024, 3, d, 0, 0, 0, 0, time.UTC) }

// fixture is the small corpus most tests start from: five articles in
// three stories and two threads, with analysis and a read model.
//
//	story 10 (thread 1): 1 "Dam opens on river" (North Post, 2 March),
//	                     2 near-copy of 1 without title (South Wire, 3 March)
//	story 11 (thread 1): 3 "Council votes budget" (NORTH POST, 5 March),
//	                     4 undated (East Times)
//	story 12 (thread 2): 5 "Storm nears coast" (East Times, 9 March)
func fixtureArticles() []*model.Article {
	return []*model.Article{
		{ID: 1, ExternalID: "a", Hash: "h1", Title: "Dam opens on river", Text: "The new dam opened on Monday. Engineers watched.\nSecond paragraph.",
			URL: "https://north.example/dam", Outlet: "North Post", Author: "Ida Berg", Language: "en", Published: day(2), Source: "in/a.txt",
			Meta: map[string]string{"section": `"region"`, "rank": "3"}, StoryID: 10},
		{ID: 2, ExternalID: "b", Hash: "h2", Text: "The new dam opened on Monday, officials said. More follows.", Outlet: "South Wire", Published: day(3), StoryID: 10, DuplicateOf: 1},
		{ID: 3, ExternalID: "c", Hash: "h3", Title: "Council votes budget", Text: "The council voted.", Outlet: "NORTH POST", Published: day(5), StoryID: 11},
		{ID: 4, ExternalID: "d", Hash: "h4", Title: "Budget debate ends", Text: "Debate ended.", Outlet: "East Times", StoryID: 11},
		{ID: 5, ExternalID: "e", Hash: "h5", Title: "Storm nears coast", Text: "Zürich café – a storm ☂ nears.", Outlet: "East Times", Published: day(9), StoryID: 12},
	}
}

// fixtureAnalysis is what analysis found in the fixture's articles 1 and 3.
func fixtureAnalysis() []storage.Analysis {
	return []storage.Analysis{
		{Analysis: model.Analysis{ArticleID: 1,
			Mentions: []model.Mention{
				{Span: model.Span{Start: 0, End: 10}, Text: "Maria Lund", Type: model.Person, Role: "minister", Key: "Maria Lund"},
				{Span: model.Span{Start: 20, End: 32}, Text: "Valley Power", Type: model.Organization, Key: "Valley Power"},
			},
			Quotes: []model.Quote{
				{ArticleID: 1, Span: model.Span{Start: 40, End: 52}, Text: "It is safe", Kind: model.Direct, Speaker: "Maria Lund", SpeakerMention: "the minister", Cue: "said"},
				{ArticleID: 1, Span: model.Span{Start: 60, End: 70}, Text: "water rose", Kind: model.Indirect, Speaker: "", SpeakerMention: "a spokesman", Cue: "added"},
			},
			Stances: []model.StanceMention{
				{ArticleID: 1, Span: model.Span{Start: 0, End: 30}, Holder: "Maria Lund", Stance: model.Assert, Qualifier: "firmly", Text: "Lund said the dam is safe.", Proposition: "the dam is safe"},
			}},
			QuoteChars: []model.Span{{Start: 39, End: 51}, {Start: 58, End: 68}}, StanceChars: []model.Span{{Start: 0, End: 29}},
			SpeakerKeys: []string{"Maria Lund", ""}, HolderKeys: []string{"Maria Lund"}},
		{Analysis: model.Analysis{ArticleID: 2,
			Stances: []model.StanceMention{
				{ArticleID: 2, Span: model.Span{Start: 5, End: 25}, Holder: "Valley Power", Stance: model.Deny, Text: "Valley Power denied the dam is safe.", Proposition: "the dam is safe"},
			}},
			StanceChars: []model.Span{{Start: 5, End: 25}}, HolderKeys: []string{"Valley Power"}},
		{Analysis: model.Analysis{ArticleID: 3,
			Mentions: []model.Mention{{Span: model.Span{Start: 4, End: 8}, Text: "Lund", Type: model.Person, Key: "Lund"}},
			Quotes:   []model.Quote{{ArticleID: 3, Span: model.Span{Start: 0, End: 9}, Text: "It passes", Kind: model.Mixed, Speaker: "Lund", SpeakerMention: "Lund", Cue: "told"}},
			Stances:  []model.StanceMention{{ArticleID: 3, Span: model.Span{Start: 0, End: 9}, Holder: "Lund", Stance: model.Admit, Text: "Lund admitted the budget passes.", Proposition: "the budget passes"}}},
			QuoteChars: []model.Span{{Start: 0, End: 9}}, StanceChars: []model.Span{{Start: 0, End: 9}},
			SpeakerKeys: []string{"Lund"}, HolderKeys: []string{"Lund"}},
	}
}

// fixtureReadModel holds three entities (two share the lookup name
// "lund"), their keys, and a claim in each of stories 10 and 11.
func fixtureReadModel() storage.ReadModel {
	return storage.ReadModel{
		Entities: []storage.EntityRow{
			{Entity: model.Entity{ID: 100, Canonical: "Maria Lund", Type: model.Person, Aliases: []string{"Lund"}, Roles: []string{"minister"}, Mentions: 3},
				ArticleCount: 2, Names: []string{"maria lund", "lund"}, Digest: "d100"},
			{Entity: model.Entity{ID: 101, Canonical: "Valley Power", Type: model.Organization, Mentions: 1},
				ArticleCount: 1, Names: []string{"valley power"}, Digest: "d101"},
			{Entity: model.Entity{ID: 102, Canonical: "Lund Hall", Type: model.Place, Mentions: 1},
				ArticleCount: 0, Names: []string{"lund hall", "lund"}, Digest: "d102"},
		},
		Keys: map[string]int64{"Maria Lund": 100, "Lund": 100, "Valley Power": 101},
		Claims: []storage.ClaimGroup{
			{ID: 500, StoryID: 10, Text: "the dam is safe", Stances: []storage.StanceRef{{ArticleID: 1, Seq: 0}, {ArticleID: 2, Seq: 0}}},
			{ID: 501, StoryID: 11, Text: "the budget passes", Stances: []storage.StanceRef{{ArticleID: 3, Seq: 0}}},
		},
		ClaimStories: []int64{10, 11},
	}
}

// loadFixture commits the fixture in one batch.
func loadFixture(t *testing.T, s storage.Store) {
	t.Helper()
	b := &storage.Batch{
		Articles:  fixtureArticles(),
		Threads:   map[int64]int64{10: 1, 11: 1, 12: 2},
		Analysis:  fixtureAnalysis(),
		ReadModel: fixtureReadModel(),
	}
	if err := s.Commit(context.Background(), b); err != nil {
		t.Fatalf("commit fixture: %v", err)
	}
}

// commit commits b or fails the test.
func commit(t *testing.T, s storage.Store, b *storage.Batch) {
	t.Helper()
	if err := s.Commit(context.Background(), b); err != nil {
		t.Fatalf("commit: %v", err)
	}
}

// eq fails the test when got and want differ.
func eq[T any](t *testing.T, what string, got, want T) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s:\n got %+v\nwant %+v", what, got, want)
	}
}

// noErr fails the test at once on an error.
func noErr(t *testing.T, what string, err error) {
	t.Helper()
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

// notFound checks that err is storage.ErrNotFound.
func notFound(t *testing.T, what string, err error) {
	t.Helper()
	if !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("%s: err = %v, want ErrNotFound", what, err)
	}
}

// articleIDs reads the ids of the articles f selects.
func articleIDs(t *testing.T, s storage.Store, f storage.ArticleFilter) []int64 {
	t.Helper()
	ids := []int64{}
	noErr(t, "Articles", s.Articles(context.Background(), f, func(a *model.Article) error {
		ids = append(ids, a.ID)
		return nil
	}))
	return ids
}

// pageAll follows a list's cursors with pages of limit records and returns
// every record's key, failing on a page over the limit.
func pageAll[T any](t *testing.T, limit int, list func(p storage.Page) ([]T, string, error), key func(T) int64) []int64 {
	t.Helper()
	out := []int64{}
	p := storage.Page{Limit: limit}
	for range 100 {
		rows, next, err := list(p)
		noErr(t, "page", err)
		if len(rows) > limit {
			t.Fatalf("page of %d records, limit %d", len(rows), limit)
		}
		for _, r := range rows {
			out = append(out, key(r))
		}
		if next == "" {
			return out
		}
		if len(rows) == 0 {
			t.Fatalf("empty page with a next cursor %q", next)
		}
		p.After = next
	}
	t.Fatal("paging did not end")
	return nil
}
