package sqlite

import (
	"context"
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
