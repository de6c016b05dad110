package storetest

import (
	"bytes"
	"context"
	"errors"
	"testing"

	"github.com/parallax-news/parallax/internal/storage"
)

// comparisonTests check that stored comparisons are kept, replaced, read
// back byte for byte and deleted the same way by every store.
var comparisonTests = []test{
	{"roundtrip", func(t *testing.T, s storage.Store) {
		cs := comparisonsOf(t, s)
		ctx := context.Background()
		in := []storage.StoredComparison{
			{Story: 12, Version: "compare-1", Fingerprint: "f12", Outlets: 3, Data: []byte{0, 1, 2, 0xff, 'x'}},
			{Story: 10, Version: "compare-1", Fingerprint: "f10", Outlets: 2, Data: []byte(`{"story":10}`)},
		}
		if err := cs.PutComparisons(ctx, in); err != nil {
			t.Fatal(err)
		}
		got := readComparisons(t, cs, 10, 11, 12, 12)
		if len(got) != 2 {
			t.Fatalf("read %d comparisons, want 2 (story 11 has none): %+v", len(got), got)
		}
		if got[0].Story != 10 || got[1].Story != 12 {
			t.Errorf("stories %d, %d: want 10, 12 in id order", got[0].Story, got[1].Story)
		}
		for i, want := range []storage.StoredComparison{in[1], in[0]} {
			g := got[i]
			if g.Version != want.Version || g.Fingerprint != want.Fingerprint || g.Outlets != want.Outlets || !bytes.Equal(g.Data, want.Data) {
				t.Errorf("story %d: got %+v, want %+v", want.Story, g, want)
			}
		}
		if got := readComparisons(t, cs); len(got) != 0 {
			t.Errorf("no stories asked, %d read", len(got))
		}
	}},
	{"replace", func(t *testing.T, s storage.Store) {
		cs := comparisonsOf(t, s)
		ctx := context.Background()
		if err := cs.PutComparisons(ctx, []storage.StoredComparison{{Story: 5, Version: "v1", Fingerprint: "a", Outlets: 2, Data: []byte("old")}}); err != nil {
			t.Fatal(err)
		}
		if err := cs.PutComparisons(ctx, []storage.StoredComparison{{Story: 5, Version: "v2", Fingerprint: "b", Outlets: 4, Data: []byte("new")}}); err != nil {
			t.Fatal(err)
		}
		got := readComparisons(t, cs, 5)
		if len(got) != 1 || got[0].Version != "v2" || got[0].Fingerprint != "b" || got[0].Outlets != 4 || string(got[0].Data) != "new" {
			t.Errorf("after replacing: %+v", got)
		}
	}},
	{"delete", func(t *testing.T, s storage.Store) {
		cs := comparisonsOf(t, s)
		ctx := context.Background()
		var in []storage.StoredComparison
		for id := int64(1); id <= 6; id++ {
			in = append(in, storage.StoredComparison{Story: id, Version: "v", Fingerprint: "f", Outlets: 2, Data: []byte("d")})
		}
		if err := cs.PutComparisons(ctx, in); err != nil {
			t.Fatal(err)
		}
		n, err := cs.DeleteComparisons(ctx, func(id int64) bool { return id%2 == 0 })
		if err != nil || n != 3 {
			t.Fatalf("delete odd stories: %d, %v; want 3", n, err)
		}
		got := readComparisons(t, cs, 1, 2, 3, 4, 5, 6)
		if len(got) != 3 || got[0].Story != 2 || got[1].Story != 4 || got[2].Story != 6 {
			t.Errorf("after deleting: %+v", got)
		}
		if n, err := cs.DeleteComparisons(ctx, nil); err != nil || n != 3 {
			t.Errorf("delete all: %d, %v; want 3", n, err)
		}
		if got := readComparisons(t, cs, 2, 4, 6); len(got) != 0 {
			t.Errorf("after deleting all: %+v", got)
		}
	}},
	{"story of an article", func(t *testing.T, s storage.Store) {
		loadFixture(t, s)
		sl, ok := s.(storage.StoryLookup)
		if !ok {
			t.Fatalf("%T does not look up stories by article (storage.StoryLookup)", s)
		}
		ctx := context.Background()
		for ext, want := range map[string]int64{"a": 10, "b": 10, "d": 11, "e": 12} {
			if got, err := sl.StoryOf(ctx, ext); err != nil || got != want {
				t.Errorf("StoryOf(%q) = %d, %v; want %d", ext, got, err, want)
			}
		}
		if _, err := sl.StoryOf(ctx, "nosuch"); !errors.Is(err, storage.ErrNotFound) {
			t.Errorf("StoryOf an unknown article: %v, want ErrNotFound", err)
		}
	}},
}

// comparisonsOf returns the store's comparison keeping.
func comparisonsOf(t *testing.T, s storage.Store) storage.Comparisons {
	t.Helper()
	cs, ok := s.(storage.Comparisons)
	if !ok {
		t.Fatalf("%T does not keep comparisons (storage.Comparisons)", s)
	}
	return cs
}

// readComparisons reads the stored comparisons of the stories, copying
// their data.
func readComparisons(t *testing.T, cs storage.Comparisons, stories ...int64) []storage.StoredComparison {
	t.Helper()
	var out []storage.StoredComparison
	err := cs.ReadComparisons(context.Background(), stories, func(c storage.StoredComparison) error {
		c.Data = bytes.Clone(c.Data)
		out = append(out, c)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}
