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
	// rows written as that version wrote them (this version's Commit
	// needs the tables of later migrations)
	path := storeBefore(t, migrationSearch,
		`INSERT INTO articles(id, external_id, hash, title, body, story_id, ingested_at) VALUES (1, 'a', 'a', 'Harbour reopens', 'The harbour reopened.', 1, '2026-01-02T00:00:00Z')`,
		`INSERT INTO quotes(article_id, seq, start_at, end_at, text, kind, speaker) VALUES (1, 0, 0, 0, 'Ships are back', 'direct', 'Dana Holt')`,
		`INSERT INTO entities(id, name, type, aliases) VALUES (7, 'Dana Holt', 'person', '["Holt"]')`,
	)
	s, err := Open(ctx, path)
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

// TestCopyInIndexes finds articles copied in (parallax migrate), which no
// trigger indexes.
func TestCopyInIndexes(t *testing.T) {
	ctx := context.Background()
	s, _ := open(t)
	cols := storage.Tables[0].Cols
	row := func(id int64, title, body string) []any {
		return []any{id, fmt.Sprint("x", id), "h", title, body, "", "Outlet", "", "", "", "", "", int64(1), int64(0), "2024-03-01T00:00:00Z"}
	}
	rows := [][]any{row(3, "Ferry strike ends", "Crews returned."), row(2, "Harbour reopens", "The harbour reopened after the strike.")}
	if err := s.CopyIn(ctx, "articles", cols, rows); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		query string
		want  []int64
	}{{"harbour", []int64{2}}, {"strike", []int64{2, 3}}, {"crews", []int64{3}}, {"lighthouse", nil}} {
		hits, _, err := s.Search(ctx, storage.SearchFilter{Query: tc.query})
		if err != nil {
			t.Fatal(err)
		}
		var got []int64
		for _, h := range hits {
			got = append(got, h.Article.ID)
		}
		slices.Sort(got)
		if !slices.Equal(got, tc.want) {
			t.Errorf("%q: articles %v, want %v", tc.query, got, tc.want)
		}
	}
}

// TestTidySearch: merging the article index's segments keeps every answer
// and leaves fewer segments to visit.
func TestTidySearch(t *testing.T) {
	ctx := context.Background()
	s, _ := open(t)
	cols := storage.Tables[0].Cols
	words := []string{"harbour", "ferry", "strike", "crews", "lighthouse", "dredger"}
	for i := range 6 {
		id := int64(i + 1)
		row := []any{id, fmt.Sprint("x", id), "h", "Port news " + words[i], "The " + words[i] + " and the " + words[(i+1)%6] + ".", "", "Outlet", "", "", "", "", "", int64(1), int64(0), "2024-03-01T00:00:00Z"}
		// One statement a batch: a segment each.
		if err := s.CopyIn(ctx, "articles", cols, [][]any{row}); err != nil {
			t.Fatal(err)
		}
	}
	segments := func() int {
		var n int
		if err := s.w.QueryRowContext(ctx, `SELECT count(DISTINCT segid) FROM articles_fts_idx`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	answers := func() map[string][]int64 {
		out := map[string][]int64{}
		for _, w := range words {
			hits, _, err := s.Search(ctx, storage.SearchFilter{Query: w})
			if err != nil {
				t.Fatal(err)
			}
			for _, h := range hits {
				out[w] = append(out[w], h.Article.ID)
			}
			slices.Sort(out[w])
		}
		return out
	}
	before, want := segments(), answers()
	if before < 2 {
		t.Fatalf("%d segments before merging, want several", before)
	}
	if err := s.TidySearch(ctx, 10000); err != nil {
		t.Fatal(err)
	}
	if after := segments(); after >= before {
		t.Errorf("%d segments after merging, %d before", after, before)
	}
	got := answers()
	for _, w := range words {
		if !slices.Equal(got[w], want[w]) || len(want[w]) != 2 {
			t.Errorf("%q: articles %v after merging, %v before (want 2)", w, got[w], want[w])
		}
	}
}

// storeBefore makes a store at the schema version before migration, with
// stmts run on it as that version would have written its rows, and
// returns its path: opening it again applies migration and those after.
func storeBefore(t *testing.T, migration string, stmts ...string) string {
	t.Helper()
	n := slices.Index(migrations, migration)
	if n < 0 {
		t.Fatal("the migration is not among the migrations")
	}
	all := migrations
	migrations = all[:n]
	defer func() { migrations = all }()
	path := filepath.Join(t.TempDir(), "old.db")
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, q := range stmts {
		if _, err := s.w.ExecContext(context.Background(), q); err != nil {
			t.Fatal(err)
		}
	}
	return path
}

func TestSortedList(t *testing.T) {
	for _, tc := range []struct {
		ids  []int64
		want string
	}{
		{nil, "[]"},
		{[]int64{7}, "[7]"},
		{[]int64{30, -2, 4000000000123, 5}, "[-2,5,30,4000000000123]"},
	} {
		in := slices.Clone(tc.ids)
		if got := sortedList(tc.ids); got != tc.want {
			t.Errorf("sortedList(%v) = %s, want %s", in, got, tc.want)
		}
		if !slices.Equal(tc.ids, in) {
			t.Errorf("sortedList changed its argument: %v, was %v", tc.ids, in)
		}
	}
}

func TestHasMarks(t *testing.T) {
	for _, c := range []struct {
		s    string
		want bool
	}{
		{"", false},
		{"plain text", false},
		{"São Paulo \uE002 \uF8FF", false},
		{"a " + storage.MarkStart + "word", true},
		{"a word" + storage.MarkEnd, true},
		{"\xee\x80", false},
	} {
		if got := hasMarks(c.s); got != c.want {
			t.Errorf("hasMarks(%q) = %v, want %v", c.s, got, c.want)
		}
	}
}
