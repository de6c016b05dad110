package storetest

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/model"
	"github.com/parallax-news/parallax/internal/storage"
)

var writerTests = []test{
	{"reserve ids", testReserveIDs},
	{"reserve ids concurrently", testReserveConcurrent},
	{"reserve after stored ids", testReserveAfterStored},
	{"known", testKnown},
	{"known many", testKnownMany},
	{"article round trip", testArticleRoundTrip},
	{"commit is atomic", testCommitAtomic},
	{"story summaries", testStorySummaries},
	{"moves", testMoves},
	{"stored article a near-copy of a new one", testCopyOfNew},
	{"threads reassigned", testThreadsReassigned},
	{"counts", testCounts},
}

func testReserveIDs(t *testing.T, s storage.Store) {
	ctx := context.Background()
	steps := []struct {
		kind  string
		n     int
		first int64
	}{
		{"article", 3, 1},
		{"article", 1, 4},
		{"entity", 10, 1},
		{"claim", 2, 1},
		{"entity", 5, 11},
		{"article", 100, 5},
		{"claim", 1, 3},
	}
	for _, st := range steps {
		var got int64
		var err error
		if st.kind == "article" {
			got, err = s.ReserveArticleIDs(ctx, st.n)
		} else {
			got, err = s.ReserveIDs(ctx, st.kind, st.n)
		}
		noErr(t, "reserve "+st.kind, err)
		if got != st.first {
			t.Errorf("reserve %d %s ids: first %d, want %d", st.n, st.kind, got, st.first)
		}
	}
	if _, err := s.ReserveIDs(ctx, "no such kind", 1); err == nil {
		t.Error("reserving ids of an unknown kind: want an error")
	}
}

func testReserveConcurrent(t *testing.T, s storage.Store) {
	ctx := context.Background()
	const workers, each, n = 4, 10, 7
	var mu sync.Mutex
	var firsts []int64
	var wg sync.WaitGroup
	errs := make(chan error, workers*each)
	for range workers {
		wg.Go(func() {
			for range each {
				f, err := s.ReserveArticleIDs(ctx, n)
				if err != nil {
					errs <- err
					return
				}
				mu.Lock()
				firsts = append(firsts, f)
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	slices.Sort(firsts)
	for i, f := range firsts {
		if want := int64(1 + i*n); f != want {
			t.Fatalf("concurrent reservations overlap or leave gaps: %v", firsts)
		}
	}
}

func testReserveAfterStored(t *testing.T, s storage.Store) {
	// Articles stored under ids no reservation handed out (a copied
	// store): the counter starts above them.
	commit(t, s, &storage.Batch{
		Articles:  []*model.Article{{ID: 41, ExternalID: "x", Hash: "h", Text: "t", StoryID: 1}},
		ReadModel: storage.ReadModel{Entities: []storage.EntityRow{{Entity: model.Entity{ID: 7, Canonical: "E", Type: model.Other}}}},
	})
	got, err := s.ReserveArticleIDs(context.Background(), 2)
	noErr(t, "reserve", err)
	eq(t, "first article id after stored id 41", got, int64(42))
	got, err = s.ReserveIDs(context.Background(), "entity", 1)
	noErr(t, "reserve", err)
	eq(t, "first entity id after stored id 7", got, int64(8))
}

func testKnown(t *testing.T, s storage.Store) {
	loadFixture(t, s)
	tests := []struct {
		ids, hashes         []string
		wantIDs, wantHashes map[string]bool
	}{
		{nil, nil, map[string]bool{}, map[string]bool{}},
		{[]string{"a", "zz", "e"}, nil, map[string]bool{"a": true, "e": true}, map[string]bool{}},
		{nil, []string{"h3", "nope"}, map[string]bool{}, map[string]bool{"h3": true}},
		{[]string{"A", "b"}, []string{"h2", "H2"}, map[string]bool{"b": true}, map[string]bool{"h2": true}},
	}
	for i, tc := range tests {
		ids, hs, err := s.Known(context.Background(), tc.ids, tc.hashes)
		noErr(t, "Known", err)
		if len(ids) != len(tc.wantIDs) || len(hs) != len(tc.wantHashes) {
			t.Errorf("case %d: Known = %v, %v; want %v, %v", i, ids, hs, tc.wantIDs, tc.wantHashes)
			continue
		}
		for k := range tc.wantIDs {
			if !ids[k] {
				t.Errorf("case %d: id %q not known", i, k)
			}
		}
		for k := range tc.wantHashes {
			if !hs[k] {
				t.Errorf("case %d: hash %q not known", i, k)
			}
		}
	}
}

func testKnownMany(t *testing.T, s storage.Store) {
	// More values than one query's parameters: the lookup is chunked.
	const n = 2500
	arts := make([]*model.Article, 0, n)
	ids := make([]string, 0, 2*n)
	hashes := make([]string, 0, 2*n)
	for i := 1; i <= n; i++ {
		arts = append(arts, &model.Article{ID: int64(i), ExternalID: fmt.Sprintf("id-%d", i), Hash: fmt.Sprintf("hash-%d", i), Text: "t", StoryID: int64(i)})
		ids = append(ids, fmt.Sprintf("id-%d", i), fmt.Sprintf("other-%d", i))
		hashes = append(hashes, fmt.Sprintf("hash-%d", i), fmt.Sprintf("otherhash-%d", i))
	}
	commit(t, s, &storage.Batch{Articles: arts})
	gotIDs, gotHashes, err := s.Known(context.Background(), ids, hashes)
	noErr(t, "Known", err)
	if len(gotIDs) != n || len(gotHashes) != n || !gotIDs["id-2500"] || !gotHashes["hash-1"] || gotIDs["other-3"] {
		t.Errorf("Known over %d values: %d ids and %d hashes known, want %d each", 2*n, len(gotIDs), len(gotHashes), n)
	}
	c, err := s.Counts(context.Background())
	noErr(t, "Counts", err)
	eq(t, "counts", c, storage.Counts{Articles: n, Stories: n})
}

func testArticleRoundTrip(t *testing.T, s storage.Store) {
	loadFixture(t, s)
	ctx := context.Background()
	for _, want := range fixtureArticles() {
		got, err := s.Article(ctx, want.ID)
		noErr(t, "Article", err)
		if want.Meta == nil {
			want.Meta = got.Meta // nil and empty are the same
			if len(got.Meta) != 0 {
				t.Errorf("article %d: meta %v, want none", want.ID, got.Meta)
			}
		}
		if !got.Published.Equal(want.Published) {
			t.Errorf("article %d: published %v, want %v", want.ID, got.Published, want.Published)
		}
		got.Published = want.Published
		eq(t, fmt.Sprintf("article %d", want.ID), *got, *want)
	}
	_, err := s.Article(ctx, 99)
	notFound(t, "Article(99)", err)
	// A time in another zone comes back as the same instant.
	zone := time.FixedZone("x", 5*3600)
	commit(t, s, &storage.Batch{Articles: []*model.Article{{ID: 6, ExternalID: "f", Hash: "h6", Text: "t", StoryID: 12, Published: time.Date(2024, 3, 10, 3, 4, 5, 0, zone)}}})
	got, err := s.Article(ctx, 6)
	noErr(t, "Article(6)", err)
	if !got.Published.Equal(time.Date(2024, 3, 9, 22, 4, 5, 0, time.UTC)) {
		t.Errorf("published in another zone: %v", got.Published)
	}
}

func testCommitAtomic(t *testing.T, s storage.Store) {
	loadFixture(t, s)
	ctx := context.Background()
	before, err := s.Counts(ctx)
	noErr(t, "Counts", err)
	// The second article repeats a stored external id: nothing of the
	// batch may be stored.
	bad := &storage.Batch{
		Articles: []*model.Article{
			{ID: 6, ExternalID: "new", Hash: "h6", Text: "x", StoryID: 13},
			{ID: 7, ExternalID: "a", Hash: "h7", Text: "y", StoryID: 13},
		},
		Moves:     map[int64]int64{4: 12},
		Threads:   map[int64]int64{12: 9},
		State:     map[string][]byte{"s": []byte("1")},
		ReadModel: storage.ReadModel{DropEntities: []int64{100}, ResetClaims: true},
	}
	if err := s.Commit(ctx, bad); err == nil {
		t.Fatal("a batch repeating an external id: want an error")
	}
	after, err := s.Counts(ctx)
	noErr(t, "Counts", err)
	eq(t, "counts after a failed batch", after, before)
	if d, _ := storage.LoadState(ctx, s, "s"); d != nil {
		t.Error("the state of a failed batch was saved")
	}
	if a, err := s.Article(ctx, 4); err != nil || a.StoryID != 11 {
		t.Errorf("a failed batch's move was kept: %+v, %v", a, err)
	}
	if st, err := s.Story(ctx, 12); err != nil || st.ThreadID != 2 {
		t.Errorf("a failed batch's thread was kept: %+v, %v", st, err)
	}
	if _, err := s.Entity(ctx, 100); err != nil {
		t.Errorf("a failed batch dropped an entity: %v", err)
	}
	claims, _, err := s.Claims(ctx, storage.ClaimFilter{})
	noErr(t, "Claims", err)
	eq(t, "claims after a failed batch", len(claims), 2)
	ids, _, err := s.Known(ctx, []string{"new"}, nil)
	noErr(t, "Known", err)
	if ids["new"] {
		t.Error("an article of a failed batch was stored")
	}
}

func testStorySummaries(t *testing.T, s storage.Store) {
	loadFixture(t, s)
	ctx := context.Background()
	want := []model.Story{
		// The copy's lead does not beat the original's title.
		{ID: 10, Headline: "Dam opens on river", ThreadID: 1, Articles: 2, Outlets: []string{"North Post", "South Wire"}, First: day(2), Last: day(3)},
		// Outlets differing in case are one; an undated article leaves the range alone.
		{ID: 11, Headline: "Council votes budget", ThreadID: 1, Articles: 2, Outlets: []string{"East Times", "NORTH POST"}, First: day(5), Last: day(5)},
		{ID: 12, Headline: "Storm nears coast", ThreadID: 2, Articles: 1, Outlets: []string{"East Times"}, First: day(9), Last: day(9)},
	}
	for _, w := range want {
		got, err := s.Story(ctx, w.ID)
		noErr(t, "Story", err)
		eq(t, fmt.Sprintf("story %d", w.ID), got, w)
	}
	_, err := s.Story(ctx, 99)
	notFound(t, "Story(99)", err)
	// A story of untitled, undated articles takes the first sentence of the
	// earliest lead.
	commit(t, s, &storage.Batch{Articles: []*model.Article{
		{ID: 6, ExternalID: "f", Hash: "h6", Text: "Rain fell all day. Roads closed.", StoryID: 13},
		{ID: 7, ExternalID: "g", Hash: "h7", Text: "Later text.", StoryID: 13},
	}})
	got, err := s.Story(ctx, 13)
	noErr(t, "Story(13)", err)
	eq(t, "story 13", got, model.Story{ID: 13, Headline: "Rain fell all day.", Articles: 2, Outlets: []string{}})
}

func testMoves(t *testing.T, s storage.Store) {
	loadFixture(t, s)
	ctx := context.Background()
	// Article 3 joins story 12; story 11 keeps article 4 and takes its title.
	commit(t, s, &storage.Batch{Moves: map[int64]int64{3: 12, 1: 10}})
	st11, err := s.Story(ctx, 11)
	noErr(t, "Story(11)", err)
	eq(t, "story 11 after the move", st11, model.Story{ID: 11, Headline: "Budget debate ends", ThreadID: 1, Articles: 1, Outlets: []string{"East Times"}})
	st12, err := s.Story(ctx, 12)
	noErr(t, "Story(12)", err)
	eq(t, "story 12 after the move", st12, model.Story{ID: 12, Headline: "Council votes budget", ThreadID: 2, Articles: 2, Outlets: []string{"East Times", "NORTH POST"}, First: day(5), Last: day(9)})
	// Moving a story's last article deletes the story.
	commit(t, s, &storage.Batch{Moves: map[int64]int64{4: 10}})
	_, err = s.Story(ctx, 11)
	notFound(t, "Story(11) after its last article left", err)
	eq(t, "story 10's articles", articleIDs(t, s, storage.ArticleFilter{StoryID: 10}), []int64{1, 2, 4})
	// A new story made of moved articles gets a summary row.
	commit(t, s, &storage.Batch{Moves: map[int64]int64{5: 20}, Threads: map[int64]int64{20: 3}})
	st20, err := s.Story(ctx, 20)
	noErr(t, "Story(20)", err)
	eq(t, "story 20", st20, model.Story{ID: 20, Headline: "Storm nears coast", ThreadID: 3, Articles: 1, Outlets: []string{"East Times"}, First: day(9), Last: day(9)})
}

func testThreadsReassigned(t *testing.T, s storage.Store) {
	loadFixture(t, s)
	ctx := context.Background()
	commit(t, s, &storage.Batch{Threads: map[int64]int64{12: 1, 10: 0}})
	for id, want := range map[int64]int64{10: 0, 11: 1, 12: 1} {
		st, err := s.Story(ctx, id)
		noErr(t, "Story", err)
		if st.ThreadID != want {
			t.Errorf("story %d thread %d, want %d", id, st.ThreadID, want)
		}
	}
	c, err := s.Counts(ctx)
	noErr(t, "Counts", err)
	eq(t, "threads counted", c.Threads, 1)
}

func testCounts(t *testing.T, s storage.Store) {
	ctx := context.Background()
	c, err := s.Counts(ctx)
	noErr(t, "Counts", err)
	eq(t, "empty store", c, storage.Counts{})
	loadFixture(t, s)
	c, err = s.Counts(ctx)
	noErr(t, "Counts", err)
	eq(t, "fixture", c, storage.Counts{Articles: 5, Duplicates: 1, Stories: 3, Threads: 2})
}

func testCopyOfNew(t *testing.T, s storage.Store) {
	loadFixture(t, s)
	ctx := context.Background()
	// A new article turns out to be the original of stored article 1
	// (which itself is the original of 2): 1 becomes its near-copy.
	commit(t, s, &storage.Batch{
		Articles: []*model.Article{{ID: 6, ExternalID: "f", Hash: "h6", Title: "Dam opens on river, engineers say",
			Text: "The new dam opened on Monday. Engineers watched closely.", Outlet: "West Ledger", Published: day(1), StoryID: 10}},
		Copies: map[int64]int64{1: 6},
	})
	a1, err := s.Article(ctx, 1)
	noErr(t, "Article(1)", err)
	eq(t, "article 1 marked a near-copy", a1.DuplicateOf, int64(6))
	a2, err := s.Article(ctx, 2)
	noErr(t, "Article(2)", err)
	eq(t, "article 2 untouched", a2.DuplicateOf, int64(1))
	c, err := s.Counts(ctx)
	noErr(t, "Counts", err)
	eq(t, "counts", c, storage.Counts{Articles: 6, Duplicates: 2, Stories: 3, Threads: 2})
	st, err := s.Story(ctx, 10)
	noErr(t, "Story(10)", err)
	eq(t, "story 10 takes in the new original", st, model.Story{ID: 10, Headline: "Dam opens on river, engineers say", ThreadID: 1, Articles: 3,
		Outlets: []string{"North Post", "South Wire", "West Ledger"}, First: day(1), Last: day(3)})
}
