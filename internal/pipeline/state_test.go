package pipeline

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/model"
	"github.com/parallax-news/parallax/internal/storage"
	"github.com/parallax-news/parallax/internal/storage/sqlite"
)

// stateNames lists the store's state blobs under the pipeline's prefixes.
func stateNames(t *testing.T, st storage.Store) []string {
	t.Helper()
	var names []string
	for _, prefix := range []string{"dedupe.", "cluster."} {
		if err := st.ReadStates(context.Background(), prefix, func(name string, _ []byte) error {
			names = append(names, name)
			return nil
		}); err != nil {
			t.Fatal(err)
		}
	}
	return names
}

// stories maps external ids to story ids.
func stories(t *testing.T, st storage.Store) map[string]int64 {
	t.Helper()
	out := map[string]int64{}
	if err := st.Articles(context.Background(), storage.ArticleFilter{}, func(a *model.Article) error {
		out[a.ExternalID] = a.StoryID
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestStateLayouts checks that a store whose state is in a layout this
// version does not read is rebuilt from its articles and rid of the old
// blobs.
func TestStateLayouts(t *testing.T) {
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "p.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	run := func(paths ...string) *Pipeline {
		t.Helper()
		p, err := Open(ctx, st, Options{BatchSize: 5})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := p.Ingest(ctx, paths); err != nil {
			t.Fatal(err)
		}
		return p
	}
	run("../../examples/news")
	before := stateNames(t, st)
	if len(before) < 3 || !strings.Contains(strings.Join(before, " "), stateDedupeSegment) {
		t.Fatalf("state after one run: %v", before)
	}

	// Replace the state by blobs of a layout this version does not read
	// (the single gob blobs of the first versions).
	legacy := map[string][]byte{}
	for _, name := range before {
		legacy[name] = nil
	}
	const oldDedupe, oldCluster = "dedupe.index", "cluster.state"
	legacy[oldDedupe] = []byte("an old near-copy index")
	legacy[oldCluster] = []byte("an old clusterer")
	if err := st.Commit(ctx, &storage.Batch{State: legacy}); err != nil {
		t.Fatal(err)
	}
	want := stories(t, st)

	// The next run rebuilds the state from the stored articles, adds to
	// it, and removes the old blobs.
	run("../../examples/news.jsonl")
	after := stateNames(t, st)
	for _, name := range after {
		if name == oldDedupe || name == oldCluster {
			t.Errorf("old layout %s still stored after a run: %v", name, after)
		}
	}
	segments := 0
	for _, name := range after {
		if strings.HasPrefix(name, stateDedupeSegment) {
			segments++
		}
	}
	// One segment saved by the rebuild when the store opened, one by the run.
	if segments != 2 {
		t.Errorf("%d near-copy segments after rebuilding and a run, want 2: %v", segments, after)
	}
	got := stories(t, st)
	for id := range want {
		if got[id] == 0 {
			t.Errorf("%s lost its story", id)
		}
	}
	if len(got) != len(want)+4 {
		t.Errorf("%d articles after the second run, want %d", len(got), len(want)+4)
	}

	// The rebuilt state continues like one never lost: the two-run store
	// groups the examples as a one-run store does.
	one, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "one.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer one.Close()
	q, err := Open(ctx, one, Options{BatchSize: 5})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := q.Ingest(ctx, []string{"../../examples/news", "../../examples/news.jsonl"}); err != nil {
		t.Fatal(err)
	}
	if a, b := partition(stories(t, st)), partition(stories(t, one)); a != b {
		t.Errorf("two runs through the old layout:\n%s\none run:\n%s", a, b)
	}
}

// partition renders the grouping of ids by story, whatever the story ids.
func partition(m map[string]int64) string {
	by := map[int64][]string{}
	for id, s := range m {
		by[s] = append(by[s], id)
	}
	var groups []string
	for _, ids := range by {
		slices.Sort(ids)
		groups = append(groups, strings.Join(ids, " "))
	}
	slices.Sort(groups)
	return strings.Join(groups, "\n")
}
