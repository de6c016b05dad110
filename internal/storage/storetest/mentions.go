package storetest

import (
	"context"
	"math"
	"slices"
	"testing"

	"github.com/parallax-news/parallax/internal/model"
	"github.com/parallax-news/parallax/internal/storage"
)

// mentionTests check that an article's mentions are stored as given and
// found by their entity keys, and replaced with the article's analysis.
var mentionTests = []test{
	{"round trip and re-analysis", testMentionsRoundTrip},
}

// StoredMentions reads every article's mentions through Mentions and
// through Analyses, failing t when the two differ.
func StoredMentions(t *testing.T, s storage.Store) map[int64][]model.Mention {
	t.Helper()
	ctx := context.Background()
	got := map[int64][]model.Mention{}
	if err := s.Mentions(ctx, math.MaxInt64, func(id int64, _ string, ms []model.Mention) error {
		got[id] = slices.Clone(ms)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if err := s.Analyses(ctx, storage.ArticleFilter{}, func(a *model.Article, an *model.Analysis) error {
		if !slices.Equal(an.Mentions, got[a.ID]) {
			t.Errorf("article %d: Analyses has mentions %+v, Mentions %+v", a.ID, an.Mentions, got[a.ID])
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return got
}

// KeyArticles returns the articles KeyArticles finds for keys, sorted.
func KeyArticles(t *testing.T, s storage.Store, keys ...string) []int64 {
	t.Helper()
	var ids []int64
	if err := s.KeyArticles(context.Background(), keys, math.MaxInt64, func(id int64) error {
		ids = append(ids, id)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	slices.Sort(ids)
	return ids
}

func testMentionsRoundTrip(t *testing.T, s storage.Store) {
	ctx := context.Background()
	m := func(start int, text, key string) model.Mention {
		return model.Mention{Span: model.Span{Start: start, End: start + len(text)}, Text: text, Type: model.Person, Key: key}
	}
	tests := []struct {
		name string
		ms   []model.Mention
	}{
		{"plain", []model.Mention{m(0, "Ada Brook", "Ada Brook"), m(20, "Brook", "Ada Brook"), m(40, "Port Vell", "")}},
		{"escapes", []model.Mention{m(0, `say "no" \ now`, `k"\`), m(30, "line\nbreak\ttab\x01", "ctl\x1f"),
			{Span: model.Span{Start: 50, End: 60}, Text: "Zoë Ørsted 🙂", Type: model.Organization, Role: "chief\u2028editor", Key: "\ue000marked\ue001"}}},
		{"none", nil},
		// encoded in the buffer the longer lists above were
		{"short after long", []model.Mention{m(3, "Io", "Io")}},
	}
	var arts []*model.Article
	var as []storage.Analysis
	for i, tc := range tests {
		id := int64(i + 1)
		arts = append(arts, &model.Article{ID: id, ExternalID: tc.name, Hash: tc.name, Text: "text", StoryID: 1})
		as = append(as, storage.Analysis{Analysis: model.Analysis{ArticleID: id, Mentions: tc.ms}})
	}
	if err := s.Commit(ctx, &storage.Batch{Articles: arts, Analysis: as}); err != nil {
		t.Fatal(err)
	}
	got := StoredMentions(t, s)
	for i, tc := range tests {
		if id := int64(i + 1); !slices.Equal(got[id], tc.ms) {
			t.Errorf("%s: Mentions = %+v, want %+v", tc.name, got[id], tc.ms)
		}
	}
	if _, ok := got[3]; ok {
		t.Errorf("an article without mentions is streamed: %v", got[3])
	}
	for _, tc := range []struct {
		key  string
		want []int64
	}{{"Ada Brook", []int64{1}}, {`k"\`, []int64{2}}, {"\ue000marked\ue001", []int64{2}}, {"", nil}, {"Port Vell", nil}} {
		if ids := KeyArticles(t, s, tc.key); !slices.Equal(ids, tc.want) {
			t.Errorf("KeyArticles(%q) = %v, want %v", tc.key, ids, tc.want)
		}
	}
	// Re-analysing an article replaces its list and its keys, and leaves
	// the other articles' keys.
	if err := s.Commit(ctx, &storage.Batch{Analysis: []storage.Analysis{
		{Analysis: model.Analysis{ArticleID: 1, Mentions: []model.Mention{m(5, "Lee Tam", "Lee Tam")}}},
		{Analysis: model.Analysis{ArticleID: 4, Mentions: []model.Mention{m(5, "Io", "Io"), m(9, "Ada Brook", "Ada Brook")}}},
	}}); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		key  string
		want []int64
	}{{"Ada Brook", []int64{4}}, {"Lee Tam", []int64{1}}, {"Io", []int64{4}}, {`k"\`, []int64{2}}} {
		if ids := KeyArticles(t, s, tc.key); !slices.Equal(ids, tc.want) {
			t.Errorf("after re-analysis: KeyArticles(%q) = %v, want %v", tc.key, ids, tc.want)
		}
	}
	if got := StoredMentions(t, s)[1]; len(got) != 1 || got[0].Text != "Lee Tam" {
		t.Errorf("after re-analysis: %+v", got)
	}
}
