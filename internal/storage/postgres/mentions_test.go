package postgres_test

import (
	"context"
	"slices"
	"testing"

	"github.com/parallax-news/parallax/internal/model"
	"github.com/parallax-news/parallax/internal/storage"
	"github.com/parallax-news/parallax/internal/storage/postgres"
	"github.com/parallax-news/parallax/internal/storage/postgres/pgtest"
	"github.com/parallax-news/parallax/internal/storage/storetest"
)

// TestMentionListsMigration: the mention rows of a store made before the
// lists become lists and keys, in their order, and read as before.
func TestMentionListsMigration(t *testing.T) {
	ctx := context.Background()
	dsn := pgtest.DSN(t)
	conn := connect(t, dsn)
	if err := postgres.MigrateTo(ctx, conn, postgres.BeforeMentionLists()); err != nil {
		t.Fatal(err)
	}
	if _, err := conn.Exec(ctx, `INSERT INTO articles(id, external_id, hash, story_id) VALUES (1, 'a', 'a', 1), (2, 'b', 'b', 1), (3, 'c', 'c', 1);
		INSERT INTO mentions(article_id, seq, start_at, end_at, text, type, role, key) VALUES
			(1, 1, 20, 25, 'Brook', 'person', '', 'Ada Brook'),
			(1, 0, 0, 9, E'Ada "Brook"\\', 'person', 'Mayor', 'Ada Brook'),
			(1, 2, 30, 39, 'Port Vell', 'place', '', ''),
			(2, 0, 3, 7, 'Tamm', 'person', '', 'Lee Tamm')`); err != nil {
		t.Fatal(err)
	}
	s := openStore(t, dsn)
	want := map[int64][]model.Mention{
		1: {
			{Span: model.Span{Start: 0, End: 9}, Text: `Ada "Brook"\`, Type: model.Person, Role: "Mayor", Key: "Ada Brook"},
			{Span: model.Span{Start: 20, End: 25}, Text: "Brook", Type: model.Person, Key: "Ada Brook"},
			{Span: model.Span{Start: 30, End: 39}, Text: "Port Vell", Type: model.Place},
		},
		2: {{Span: model.Span{Start: 3, End: 7}, Text: "Tamm", Type: model.Person, Key: "Lee Tamm"}},
	}
	got := storetest.StoredMentions(t, s)
	if len(got) != len(want) {
		t.Errorf("mentions of %d articles, want %d: %+v", len(got), len(want), got)
	}
	for id, w := range want {
		if !slices.Equal(got[id], w) {
			t.Errorf("article %d: %+v, want %+v", id, got[id], w)
		}
	}
	if ids := storetest.KeyArticles(t, s, "Ada Brook", "Lee Tamm", ""); !slices.Equal(ids, []int64{1, 2}) {
		t.Errorf("KeyArticles after migration = %v", ids)
	}
	// the copy reads the rows in key order
	var rows [][]any
	if err := s.CopyOut(ctx, "mentions", []string{"article_id", "seq", "text", "key"}, func(r []any) error {
		rows = append(rows, slices.Clone(r))
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	wantRows := [][]any{{int64(1), int64(0), `Ada "Brook"\`, "Ada Brook"}, {int64(1), int64(1), "Brook", "Ada Brook"},
		{int64(1), int64(2), "Port Vell", ""}, {int64(2), int64(0), "Tamm", "Lee Tamm"}}
	if !slices.EqualFunc(rows, wantRows, slices.Equal) {
		t.Errorf("CopyOut mentions = %v, want %v", rows, wantRows)
	}
	// Re-analysing a migrated article replaces its keys too.
	if err := s.Commit(ctx, &storage.Batch{Analysis: []storage.Analysis{{Analysis: model.Analysis{ArticleID: 1}}}}); err != nil {
		t.Fatal(err)
	}
	if ids := storetest.KeyArticles(t, s, "Ada Brook"); len(ids) != 0 {
		t.Errorf("the keys of a cleared article still find %v", ids)
	}
}

// TestCopyInMentions: mention rows copied in, an article's rows split
// across calls, become one list per article, in order, with its keys.
func TestCopyInMentions(t *testing.T) {
	ctx := context.Background()
	s := openStore(t, pgtest.DSN(t))
	if err := s.CopyIn(ctx, "articles", []string{"id", "external_id", "hash", "story_id", "ingested_at"},
		[][]any{{int64(1), "a", "a", int64(1), "2026-01-02T00:00:00Z"}, {int64(2), "b", "b", int64(1), "2026-01-02T00:00:00Z"}}); err != nil {
		t.Fatal(err)
	}
	cols := []string{"article_id", "seq", "start_at", "end_at", "text", "type", "role", "key"}
	row := func(id, seq, start int64, text, key string) []any {
		return []any{id, seq, start, start + int64(len(text)), text, "person", "", key}
	}
	for _, rows := range [][][]any{
		{row(1, 0, 0, "Ada Brook", "Ada Brook"), row(1, 1, 20, "Brook", "Ada Brook")},
		{row(1, 2, 30, "Lee, \"Tam\"]", "Lee Tam"), row(2, 0, 5, "Io", "")},
	} {
		if err := s.CopyIn(ctx, "mentions", cols, rows); err != nil {
			t.Fatal(err)
		}
	}
	got := storetest.StoredMentions(t, s)
	texts := func(ms []model.Mention) []string {
		var out []string
		for _, m := range ms {
			out = append(out, m.Text)
		}
		return out
	}
	if w := []string{"Ada Brook", "Brook", `Lee, "Tam"]`}; !slices.Equal(texts(got[1]), w) {
		t.Errorf("article 1: %v, want %v", texts(got[1]), w)
	}
	if w := []string{"Io"}; !slices.Equal(texts(got[2]), w) {
		t.Errorf("article 2: %v, want %v", texts(got[2]), w)
	}
	if ids := storetest.KeyArticles(t, s, "Ada Brook", "Lee Tam"); !slices.Equal(ids, []int64{1}) {
		t.Errorf("KeyArticles = %v", ids)
	}
}
