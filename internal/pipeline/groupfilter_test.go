package pipeline_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/analyze"
	"github.com/parallax-news/parallax/internal/pipeline"
	"github.com/parallax-news/parallax/internal/storage"
)

// indexReads is a store that counts the registry's index names a run
// reads (ReadStatesPrefixed), and of them those the store never held a
// row under.
type indexReads struct {
	storage.Store
	written       map[string]bool
	reads, misses int
}

const memberRows = "entity/m/"

func (s *indexReads) Commit(ctx context.Context, b *storage.Batch) error {
	for name, data := range b.State {
		if rest, ok := strings.CutPrefix(name, memberRows); ok && data != nil {
			ix, _, _ := strings.Cut(rest, "\x1f")
			s.written[ix] = true
		}
	}
	return s.Store.Commit(ctx, b)
}

func (s *indexReads) ReadStatesPrefixed(ctx context.Context, prefixes []string, fn func(string, []byte) error) error {
	for _, p := range prefixes {
		if rest, ok := strings.CutPrefix(p, memberRows); ok {
			s.reads++
			if !s.written[strings.TrimSuffix(rest, "\x1f")] {
				s.misses++
			}
		}
	}
	return s.Store.ReadStatesPrefixed(ctx, prefixes, fn)
}

// TestGroupFilter checks that the read model reads the index rows of no
// index name the store never held a row under, in a later run too (the
// filter read back from the store), that a registry stored before the
// filter existed is read as before, and that either way the entities,
// claims and quote speakers are those of the store built in one run.
func TestGroupFilter(t *testing.T) {
	ctx := context.Background()
	all := openStore(t)
	ingest(t, all, "../../examples")
	want := snapshot(t, all)
	wantSpeakers := strings.Join(quoteSpeakers(ctx, t, all), "\n")

	tests := []struct {
		name string
		// dropFilter removes the filter after the first run, as a
		// store written before it holds none
		dropFilter bool
	}{
		{name: "registry with its filter"},
		{name: "registry from before the filter", dropFilter: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			base := openStore(t)
			st := &indexReads{Store: base, written: map[string]bool{}}
			opts := pipeline.Options{Analyzer: analyze.New(), BatchSize: 7, RegistryCache: 1}
			for i, path := range []string{"../../examples/news", "../../examples/news.jsonl"} {
				if i == 1 && tt.dropFilter {
					drop := &storage.Batch{ClearState: []string{"entity/x/", "entity/xformat"}}
					if err := st.Commit(ctx, drop); err != nil {
						t.Fatal(err)
					}
				}
				p, err := pipeline.Open(ctx, st, opts)
				if err != nil {
					t.Fatal(err)
				}
				if _, err := p.Ingest(ctx, []string{path}); err != nil {
					t.Fatal(err)
				}
			}
			if st.reads == 0 {
				t.Fatal("no index rows read")
			}
			if tt.dropFilter {
				if st.misses == 0 {
					t.Errorf("without a filter, none of the %d index names read was unknown to the store: the filter was used", st.reads)
				}
			} else if st.misses != 0 {
				t.Errorf("%d of the %d index names read never had a row", st.misses, st.reads)
			}
			got := snapshot(t, base)
			diffMaps(t, "entity", got.entities, want.entities)
			if fmt.Sprint(got.claims) != fmt.Sprint(want.claims) {
				t.Errorf("claims:\n got %v\nwant %v", got.claims, want.claims)
			}
			if g := strings.Join(quoteSpeakers(ctx, t, base), "\n"); g != wantSpeakers {
				t.Errorf("quote speakers:\n got %s\nwant %s", g, wantSpeakers)
			}
		})
	}
}
