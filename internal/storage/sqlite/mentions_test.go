package sqlite

import (
	"context"
	"slices"
	"testing"

	"github.com/parallax-news/parallax/internal/model"
	"github.com/parallax-news/parallax/internal/storage"
	"github.com/parallax-news/parallax/internal/storage/storetest"
)

// TestMentionListsMigration: the mention rows of a store made before the
// lists become lists and keys, in their order.
func TestMentionListsMigration(t *testing.T) {
	ctx := context.Background()
	path := storeBefore(t, migrationMentionLists,
		`INSERT INTO articles(id, external_id, hash, story_id, ingested_at) VALUES (1, 'a', 'a', 1, '2026-01-02T00:00:00Z'), (2, 'b', 'b', 1, '2026-01-02T00:00:00Z')`,
		`INSERT INTO mentions(article_id, seq, start_at, end_at, text, type, role, key) VALUES
			(1, 1, 20, 25, 'Brook', 'person', '', 'Ada Brook'),
			(1, 0, 0, 9, 'Ada "Brook"', 'person', 'Mayor', 'Ada Brook'),
			(1, 2, 30, 39, 'Port Vell', 'place', '', ''),
			(2, 0, 3, 7, 'Tamm', 'person', '', 'Lee Tamm')`,
	)
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	got := storetest.StoredMentions(t, s)
	want := map[int64][]model.Mention{
		1: {
			{Span: model.Span{Start: 0, End: 9}, Text: `Ada "Brook"`, Type: model.Person, Role: "Mayor", Key: "Ada Brook"},
			{Span: model.Span{Start: 20, End: 25}, Text: "Brook", Type: model.Person, Key: "Ada Brook"},
			{Span: model.Span{Start: 30, End: 39}, Text: "Port Vell", Type: model.Place},
		},
		2: {{Span: model.Span{Start: 3, End: 7}, Text: "Tamm", Type: model.Person, Key: "Lee Tamm"}},
	}
	for id, w := range want {
		if !slices.Equal(got[id], w) {
			t.Errorf("article %d: %+v, want %+v", id, got[id], w)
		}
	}
	if ids := storetest.KeyArticles(t, s, "Ada Brook", "Lee Tamm"); !slices.Equal(ids, []int64{1, 2}) {
		t.Errorf("KeyArticles after migration = %v", ids)
	}
	// the copy reads the view in key order
	var rows [][]any
	if err := s.CopyOut(ctx, "mentions", []string{"article_id", "seq", "text"}, func(r []any) error {
		rows = append(rows, slices.Clone(r))
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if len(rows) != 4 || rows[1][1] != int64(1) || rows[1][2] != "Brook" || rows[3][0] != int64(2) {
		t.Errorf("CopyOut mentions = %v", rows)
	}
}

// TestCopyInQuotesIndexes: quotes copied in, an article's quotes split
// across calls, are each indexed for search once.
func TestCopyInQuotesIndexes(t *testing.T) {
	ctx := context.Background()
	s, _ := open(t)
	if err := s.CopyIn(ctx, "articles", storage.Tables[0].Cols, [][]any{{int64(1), "x1", "h", "T", "B", "", "Outlet", "", "", "", "", "", int64(1), int64(0), "2024-03-01T00:00:00Z"}}); err != nil {
		t.Fatal(err)
	}
	cols := []string{"article_id", "seq", "start_at", "end_at", "text", "kind", "speaker"}
	q := func(seq int64, text string) []any {
		return []any{int64(1), seq, int64(0), int64(1), text, "direct", "Dana Holt"}
	}
	for _, part := range [][][]any{{q(0, "The ferries run again"), q(1, "Harbour fees stay")}, {q(2, "The ferries are full")}} {
		if err := s.CopyIn(ctx, "quotes", cols, part); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct {
		query string
		want  int
	}{{"ferries", 2}, {"harbour", 1}, {"holt", 3}, {"lighthouse", 0}} {
		hits, _, err := s.Search(ctx, storage.SearchFilter{Query: tc.query, Kind: storage.SearchQuotes})
		if err != nil {
			t.Fatal(err)
		}
		if len(hits) != tc.want {
			t.Errorf("%q: %d quotes, want %d", tc.query, len(hits), tc.want)
		}
	}
}
