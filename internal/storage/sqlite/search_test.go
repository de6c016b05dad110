package sqlite

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"testing"

	"github.com/parallax-news/parallax/internal/model"
	"github.com/parallax-news/parallax/internal/storage"
)

// TestSearchMigration opens a store made before full-text search with
// this version: the migration indexes what it holds.
func TestSearchMigration(t *testing.T) {
	ctx := context.Background()
	n := slices.Index(migrations, migrationSearch)
	if n < 0 {
		t.Fatal("the search migration is not among the migrations")
	}
	all := migrations
	migrations = all[:n]
	path := filepath.Join(t.TempDir(), "old.db")
	s, err := Open(ctx, path)
	if err != nil {
		migrations = all
		t.Fatal(err)
	}
	err = s.Commit(ctx, &storage.Batch{
		Articles:  []*model.Article{{ID: 1, ExternalID: "a", Hash: "a", Title: "Harbour reopens", Text: "The harbour reopened.", StoryID: 1}},
		Analysis:  []storage.Analysis{{Analysis: model.Analysis{ArticleID: 1, Quotes: []model.Quote{{ArticleID: 1, Text: "Ships are back", Kind: model.Direct, Speaker: "Dana Holt"}}}}},
		ReadModel: storage.ReadModel{Entities: []storage.EntityRow{{Entity: model.Entity{ID: 7, Canonical: "Dana Holt", Type: model.Person, Aliases: []string{"Holt"}}}}},
	})
	s.Close()
	migrations = all
	if err != nil {
		t.Fatal(err)
	}
	s, err = Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, tc := range []struct {
		kind  storage.SearchKind
		query string
	}{{storage.SearchArticles, "harbour"}, {storage.SearchQuotes, "ships"}, {storage.SearchEntities, "holt"}} {
		hits, _, err := s.Search(ctx, storage.SearchFilter{Query: tc.query, Kind: tc.kind})
		if err != nil || len(hits) != 1 {
			t.Errorf("%s %q after migration: %d hits, %v", tc.kind, tc.query, len(hits), err)
		}
	}
}

// TestSearchWindow ranks the latest SearchWindow matches of an unfiltered
// search, and every match of a filtered one.
func TestSearchWindow(t *testing.T) {
	ctx := context.Background()
	s, _ := open(t)
	n := SearchWindow + 5
	arts := make([]*model.Article, n)
	for i := range arts {
		id := int64(i + 1)
		arts[i] = &model.Article{ID: id, ExternalID: fmt.Sprint(id), Hash: fmt.Sprint(id), Title: "River", Text: "river", Outlet: "One", StoryID: id}
	}
	if err := s.Commit(ctx, &storage.Batch{Articles: arts}); err != nil {
		t.Fatal(err)
	}
	count := func(f storage.SearchFilter) (int, int64) {
		f.Limit = 500
		total, least := 0, int64(n)
		for range 20 {
			hits, next, err := s.Search(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			for _, h := range hits {
				total++
				least = min(least, h.Article.ID)
			}
			if next == "" {
				break
			}
			f.After = next
		}
		return total, least
	}
	if got, least := count(storage.SearchFilter{Query: "river"}); got != SearchWindow || least != 6 {
		t.Errorf("unfiltered: %d hits from article %d, want %d from 6", got, least, SearchWindow)
	}
	if got, _ := count(storage.SearchFilter{Query: "river", Outlet: "one"}); got != n {
		t.Errorf("filtered: %d hits, want %d", got, n)
	}
}
