package sqlite

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"testing"

	"github.com/parallax-news/parallax/internal/storage"
)

// TestListLookupsOpenNoTemporaryTable checks that the statements reading
// rows by a list of keys open no temporary b-tree (see lookup.go), which
// an IN list of values did.
func TestListLookupsOpenNoTemporaryTable(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "p.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	tests := []struct {
		name string
		q    string
		args []any
	}{
		{"state by names", stateByNames, []any{`["a","b"]`}},
		{"entity states", entityStatesByID, []any{`[1,2]`}},
		{"entity names", entityNamesByID, []any{`[1,2]`}},
		{"stances of stories", stancesByStory, []any{`[1,2]`}},
		{"stances of articles", stancesByArticle, []any{`[1,2]`}},
		{"story summaries", storyArticles, []any{`[1,2]`, 300}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rows, err := s.db.QueryContext(ctx, "EXPLAIN "+tt.q, tt.args...)
			if err != nil {
				t.Fatal(err)
			}
			defer rows.Close()
			cols, err := rows.Columns()
			if err != nil {
				t.Fatal(err)
			}
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			n := 0
			for rows.Next() {
				if err := rows.Scan(ptrs...); err != nil {
					t.Fatal(err)
				}
				n++
				if op := fmt.Sprint(vals[1]); op == "OpenEphemeral" {
					t.Errorf("step %v opens a temporary b-tree", vals[0])
				}
			}
			if err := rows.Err(); err != nil {
				t.Fatal(err)
			}
			if n == 0 {
				t.Fatal("no program")
			}
		})
	}
}

// TestReadStatesNamedLists checks that ReadStatesNamed gives each stored
// row asked for once, in name order, whether the names go through
// json_each or (invalid UTF-8, NUL) an IN list.
func TestReadStatesNamedLists(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "p.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	stored := []string{"entity/n/Ada Ferrow", "entity/n/Zeno\x1fHall", "entity/m/\x00x", "entity/n/bad\xffbyte", "entity/n/Ünal Kaya", `entity/n/"quoted"\`}
	b := &storage.Batch{State: map[string][]byte{}}
	for i, n := range stored {
		b.State[n] = []byte{byte(i + 1)}
	}
	if err := s.Commit(ctx, b); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		names []string
		want  []string
	}{
		{"plain, repeated, missing", []string{"entity/n/Ünal Kaya", "entity/n/Ada Ferrow", "entity/n/Ada Ferrow", "entity/n/none"}, []string{"entity/n/Ada Ferrow", "entity/n/Ünal Kaya"}},
		{"control and quote characters", []string{"entity/n/Zeno\x1fHall", `entity/n/"quoted"\`}, []string{`entity/n/"quoted"\`, "entity/n/Zeno\x1fHall"}},
		{"invalid UTF-8", []string{"entity/n/bad\xffbyte", "entity/n/Ada Ferrow"}, []string{"entity/n/Ada Ferrow", "entity/n/bad\xffbyte"}},
		{"NUL", []string{"entity/m/\x00x", "entity/n/Ünal Kaya"}, []string{"entity/m/\x00x", "entity/n/Ünal Kaya"}},
		{"none", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			if err := s.ReadStatesNamed(ctx, tt.names, func(name string, data []byte) error {
				if i := slices.Index(stored, name); i < 0 || len(data) != 1 || data[0] != byte(i+1) {
					t.Errorf("%q holds %v", name, data)
				}
				got = append(got, name)
				return nil
			}); err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("ReadStatesNamed(%q) = %q, want %q", tt.names, got, tt.want)
			}
		})
	}
}

func TestIDList(t *testing.T) {
	tests := []struct {
		ids  []int64
		want string
	}{
		{nil, "[]"},
		{[]int64{3}, "[3]"},
		{[]int64{9, 2, 9, -4, 2}, "[-4,2,9]"},
	}
	for _, tt := range tests {
		if got := idList(tt.ids); got != tt.want {
			t.Errorf("idList(%v) = %s, want %s", tt.ids, got, tt.want)
		}
	}
}

// TestTakeStateOwned checks that a blob TakeState hands over is the
// caller's: reads after it, of the same and of other blobs of its size,
// leave it as it was, and a missing blob is reported as such.
func TestTakeStateOwned(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "p.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	// Blobs over a page long, each filled with its own byte.
	const size = 40000
	blob := func(c byte) []byte { return bytes.Repeat([]byte{c}, size) }
	b := &storage.Batch{State: map[string][]byte{"seg/1": blob(1), "seg/2": blob(2)}}
	if err := s.Commit(ctx, b); err != nil {
		t.Fatal(err)
	}
	first, found, err := s.TakeState(ctx, "seg/1")
	if err != nil || !found {
		t.Fatalf("TakeState(seg/1) = found %v, %v", found, err)
	}
	second, _, err := s.TakeState(ctx, "seg/2")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.ReadState(ctx, "seg/1", func([]byte) error { return nil }); err != nil {
		t.Fatal(err)
	}
	again, _, err := storage.TakeState(ctx, s, "seg/1")
	if err != nil {
		t.Fatal(err)
	}
	again[0] = 9 // the caller's to change
	if !bytes.Equal(first, blob(1)) || !bytes.Equal(second, blob(2)) {
		t.Error("a blob taken changed with the reads after it")
	}
	if _, found, err := s.TakeState(ctx, "seg/3"); found || err != nil {
		t.Errorf("TakeState(seg/3) = found %v, %v; want none", found, err)
	}
}
