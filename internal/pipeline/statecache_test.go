package pipeline

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/analyze"
	"github.com/parallax-news/parallax/internal/model"
	"github.com/parallax-news/parallax/internal/storage/sqlite"
)

func TestPackedStateRoundTrip(t *testing.T) {
	digest := entityDigest(model.Entity{Canonical: "Mara Velden", Type: model.Person, Aliases: []string{"Mara Velden", "Velden"}, Mentions: 4}, 2)
	tests := []struct {
		name   string
		state  entityState
		packed bool
	}{
		{"digest of a row", entityState{digest, 2}, true},
		{"digest of an empty row", entityState{entityDigest(model.Entity{}, 0), 0}, true},
		{"no digest", entityState{"", 3}, false},
		{"upper case", entityState{strings.ToUpper(digest), 2}, false},
		{"no dot", entityState{strings.Replace(digest, ".", "", 1), 2}, false},
		{"short half", entityState{digest[1:], 2}, false},
		{"not hex", entityState{"zz" + digest[2:], 2}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, ok := tt.state.pack()
			if ok != tt.packed {
				t.Fatalf("pack(%q) ok = %v, want %v", tt.state.digest, ok, tt.packed)
			}
			if ok && p.unpack() != tt.state {
				t.Errorf("unpack(pack(%v)) = %v", tt.state, p.unpack())
			}
		})
	}
}

// TestEntityStateCacheMatchesStore checks that the entity states the read
// model keeps between batches are those the store holds after them.
func TestEntityStateCacheMatchesStore(t *testing.T) {
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "p.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	p, err := Open(ctx, st, Options{Analyzer: analyze.New(), BatchSize: 7})
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{"../../examples/news", "../../examples/news.jsonl"} {
		if _, err := p.Ingest(ctx, []string{path}); err != nil {
			t.Fatal(err)
		}
	}
	cached := map[int64]packedState{}
	for _, m := range []map[int64]packedState{p.rm.states.old, p.rm.states.cur} {
		for id, s := range m {
			cached[id] = s
		}
	}
	if len(cached) == 0 {
		t.Fatal("no entity state cached")
	}
	ids := make([]int64, 0, len(cached))
	for id := range cached {
		ids = append(ids, id)
	}
	stored := map[int64]entityState{}
	if err := st.EntityStates(ctx, ids, func(id int64, d string, n int) error {
		stored[id] = entityState{d, n}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	for id, s := range cached {
		want, ok := stored[id]
		if !ok {
			t.Errorf("entity %d is cached but not stored", id)
			continue
		}
		if got := s.unpack(); got != want {
			t.Errorf("entity %d: cached %v, stored %v", id, got, want)
		}
	}
}

// BenchmarkEntityStateCache measures a batch's worth of entity states
// cached as written and read back as the next batch refolds them.
func BenchmarkEntityStateCache(b *testing.B) {
	const n = 10000
	states := make([]entityState, n)
	for i := range states {
		states[i] = entityState{entityDigest(model.Entity{Canonical: "Ostrava Board", Mentions: i}, i), i}
	}
	rm := &readModel{}
	rm.states.max = registryCache
	b.ReportAllocs()
	for b.Loop() {
		for i, s := range states {
			rm.cacheState(int64(i), s)
		}
		for i := range states {
			if s, ok := rm.states.get(int64(i)); !ok || s.articles != i {
				b.Fatalf("state %d: %v, %v", i, s, ok)
			}
		}
		rm.states.rotate()
	}
}
