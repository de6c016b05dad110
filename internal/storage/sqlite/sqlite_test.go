package sqlite

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/model"
	"github.com/parallax-news/parallax/internal/storage"
)

func open(t *testing.T) (*Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "test.db")
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s, path
}

func day(d int) time.Time { return time.Date(2024, 3, d, 0, 0, 0, 0, time.UTC) }

func TestCommitAndRead(t *testing.T) {
	ctx := context.Background()
	s, path := open(t)
	first, err := s.ReserveArticleIDs(ctx, 3)
	if err != nil || first != 1 {
		t.Fatalf("ReserveArticleIDs = %d, %v; want 1", first, err)
	}
	arts := []*model.Article{
		{ID: 1, ExternalID: "a", Hash: "h1", Title: "Quake hits coast", Text: "Body a.", Outlet: "One", Published: day(2), StoryID: 10, Meta: map[string]string{"section": `"world"`}},
		{ID: 2, ExternalID: "b", Hash: "h2", Text: "Body b. More.", Outlet: "Two", Published: day(3), StoryID: 10, DuplicateOf: 1},
		{ID: 3, ExternalID: "c", Hash: "h3", Title: "Other", Text: "Body c.", Outlet: "One", StoryID: 11},
	}
	b := &storage.Batch{Articles: arts, Threads: map[int64]int64{10: 1, 11: 1}, State: map[string][]byte{"x": []byte("state")},
		Analysis: []storage.Analysis{{Analysis: model.Analysis{ArticleID: 1, Mentions: []model.Mention{{Span: model.Span{Start: 0, End: 4}, Text: "Body", Type: model.Other}}}}}}
	if err := s.Commit(ctx, b); err != nil {
		t.Fatal(err)
	}
	ids, _, err := s.Known(ctx, []string{"a", "z", "c"}, nil)
	if err != nil || !ids["a"] || !ids["c"] || ids["z"] {
		t.Errorf("Known = %v, %v", ids, err)
	}
	st, err := s.Story(ctx, 10)
	if err != nil {
		t.Fatal(err)
	}
	if st.Articles != 2 || st.Headline != "Quake hits coast" || len(st.Outlets) != 2 || !st.First.Equal(day(2)) || !st.Last.Equal(day(3)) || st.ThreadID != 1 {
		t.Errorf("story 10 = %+v", st)
	}
	// Move article 3 into story 10: story 11 disappears.
	if err := s.Commit(ctx, &storage.Batch{Moves: map[int64]int64{3: 10}}); err != nil {
		t.Fatal(err)
	}
	stories, _, err := s.Stories(ctx, storage.StoryFilter{})
	if err != nil || len(stories) != 1 || stories[0].Articles != 3 {
		t.Errorf("after move: %+v, %v", stories, err)
	}
	var got []*model.Article
	if err := s.Articles(ctx, storage.ArticleFilter{StoryID: 10}, func(a *model.Article) error { got = append(got, a); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 || got[1].DuplicateOf != 1 || got[0].Meta["section"] != `"world"` || !got[0].Published.Equal(day(2)) {
		t.Errorf("articles = %+v", got)
	}
	if d, err := storage.LoadState(ctx, s, "x"); err != nil || string(d) != "state" {
		t.Errorf("LoadState = %q, %v", d, err)
	}
	if d, err := storage.LoadState(ctx, s, "missing"); err != nil || d != nil {
		t.Errorf("LoadState(missing) = %q, %v", d, err)
	}
	// Blobs under a prefix, in name order; a nil blob deletes.
	if err := s.Commit(ctx, &storage.Batch{State: map[string][]byte{"p/2": []byte("b"), "p/1": []byte("a"), "p/3": []byte("c"), "q": []byte("q")}}); err != nil {
		t.Fatal(err)
	}
	if err := s.Commit(ctx, &storage.Batch{State: map[string][]byte{"p/3": nil}}); err != nil {
		t.Fatal(err)
	}
	var listed []string
	if err := s.ReadStates(ctx, "p/", func(name string, data []byte) error {
		listed = append(listed, name+"="+string(data))
		return nil
	}); err != nil || strings.Join(listed, ",") != "p/1=a,p/2=b" {
		t.Errorf("ReadStates(p/) = %v, %v", listed, err)
	}
	// Clearing a prefix deletes its blobs before the batch writes its own.
	if err := s.Commit(ctx, &storage.Batch{ClearState: []string{"p/"}, State: map[string][]byte{"p/9": []byte("z")}}); err != nil {
		t.Fatal(err)
	}
	listed = nil
	if err := s.ReadStates(ctx, "p", func(name string, data []byte) error {
		listed = append(listed, name+"="+string(data))
		return nil
	}); err != nil || strings.Join(listed, ",") != "p/9=z" {
		t.Errorf("after clearing p/: %v, %v", listed, err)
	}
	if d, _ := storage.LoadState(ctx, s, "q"); string(d) != "q" {
		t.Errorf("clearing p/ touched q: %q", d)
	}
	c, err := s.Counts(ctx)
	if err != nil || c != (storage.Counts{Articles: 3, Duplicates: 1, Stories: 1, Threads: 1}) {
		t.Errorf("Counts = %+v, %v", c, err)
	}
	// Reopening keeps everything and does not migrate twice.
	s.Close()
	s2, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	if c2, _ := s2.Counts(ctx); c2 != c {
		t.Errorf("after reopen Counts = %+v, want %+v", c2, c)
	}
	if next, _ := s2.ReserveArticleIDs(ctx, 1); next != 4 {
		t.Errorf("next id after reopen = %d, want 4", next)
	}
}

func TestCommitIsAtomic(t *testing.T) {
	ctx := context.Background()
	s, _ := open(t)
	if err := s.Commit(ctx, &storage.Batch{Articles: []*model.Article{{ID: 1, ExternalID: "a", Hash: "h", Text: "x", StoryID: 1}}}); err != nil {
		t.Fatal(err)
	}
	// The second article repeats an external id: the whole batch must fail
	// and leave nothing behind.
	bad := &storage.Batch{Articles: []*model.Article{
		{ID: 2, ExternalID: "b", Hash: "h2", Text: "y", StoryID: 2},
		{ID: 3, ExternalID: "a", Hash: "h3", Text: "z", StoryID: 2},
	}, State: map[string][]byte{"s": []byte("1")}}
	if err := s.Commit(ctx, bad); err == nil {
		t.Fatal("want an error for a repeated external id")
	}
	c, _ := s.Counts(ctx)
	if c.Articles != 1 || c.Stories != 1 {
		t.Errorf("after failed batch: %+v", c)
	}
	if d, _ := storage.LoadState(ctx, s, "s"); d != nil {
		t.Error("state of a failed batch was saved")
	}
}

func BenchmarkCommit(b *testing.B) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	text := "A paragraph of article text that is about as long as a real one. " + "More words follow here to make the body a couple of kilobytes long. "
	for len(text) < 2500 {
		text += text
	}
	const batch = 1000
	id := int64(0)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		arts := make([]*model.Article, batch)
		for j := range arts {
			id++
			arts[j] = &model.Article{ID: id, ExternalID: fmt.Sprintf("e%d", id), Hash: "h", Text: text, StoryID: id/3 + 1}
		}
		if err := s.Commit(ctx, &storage.Batch{Articles: arts}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N*batch)/b.Elapsed().Seconds(), "articles/s")
}

func TestAnalysesRoundTrip(t *testing.T) {
	ctx := context.Background()
	s, _ := open(t)
	text := `“We will rebuild,” Mayor Ada Brook said.`
	arts := []*model.Article{{ID: 1, ExternalID: "a", Hash: "h", Text: text, StoryID: 1}, {ID: 2, ExternalID: "b", Hash: "h2", Text: "Nothing here.", StoryID: 1}}
	an := model.Analysis{ArticleID: 1,
		Mentions: []model.Mention{{Span: model.Span{Start: 27, End: 35}, Text: "Ada Brook", Type: model.Person, Role: "Mayor", Key: "Ada Brook"}},
		Quotes:   []model.Quote{{ArticleID: 1, Span: model.Span{Start: 3, End: 18}, Text: "We will rebuild", Kind: model.Direct, Speaker: "Ada Brook", SpeakerMention: "Mayor Ada Brook", Cue: "said"}},
		Stances:  []model.StanceMention{{ArticleID: 1, Span: model.Span{Start: 0, End: 10}, Holder: "Ada Brook", Stance: model.Assert, Qualifier: "q", Text: "t", Proposition: "p"}},
	}
	if err := s.Commit(ctx, &storage.Batch{Articles: arts, Analysis: []storage.Analysis{{Analysis: an}}}); err != nil {
		t.Fatal(err)
	}
	var got []model.Analysis
	if err := s.Analyses(ctx, storage.ArticleFilter{}, func(a *model.Article, x *model.Analysis) error {
		got = append(got, *x)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || len(got[1].Mentions)+len(got[1].Quotes)+len(got[1].Stances) != 0 {
		t.Fatalf("got %+v", got)
	}
	g := got[0]
	if len(g.Mentions) != 1 || g.Mentions[0] != an.Mentions[0] || len(g.Quotes) != 1 || g.Quotes[0] != an.Quotes[0] || len(g.Stances) != 1 || g.Stances[0] != an.Stances[0] {
		t.Errorf("round trip:\n got %+v\nwant %+v", g, an)
	}
	// Re-analysing an article replaces its rows.
	if err := s.Commit(ctx, &storage.Batch{Analysis: []storage.Analysis{{Analysis: model.Analysis{ArticleID: 1}}}}); err != nil {
		t.Fatal(err)
	}
	got = nil
	s.Analyses(ctx, storage.ArticleFilter{}, func(a *model.Article, x *model.Analysis) error { got = append(got, *x); return nil })
	if len(got[0].Mentions)+len(got[0].Quotes)+len(got[0].Stances) != 0 {
		t.Errorf("old analysis rows kept: %+v", got[0])
	}
}

func TestStorySummary(t *testing.T) {
	ctx := context.Background()
	s, _ := open(t)
	var arts []*model.Article
	for i, o := range []string{"FOX", "NYT", "fox", "hpo", "nyt", " Fox "} {
		arts = append(arts, &model.Article{ID: int64(i + 1), ExternalID: fmt.Sprint("a", i), Hash: "h", Outlet: o, Text: "Lead sentence one. Then more.", StoryID: 1, DuplicateOf: int64(i)})
	}
	arts[3].Title = "Title of a copy"
	arts[4].Title = "Title of an original"
	arts[4].DuplicateOf = 0
	if err := s.Commit(ctx, &storage.Batch{Articles: arts}); err != nil {
		t.Fatal(err)
	}
	st, err := s.Story(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	// Outlet names differing only in case count once; an original's
	// title beats a copy's and a lead.
	if strings.Join(st.Outlets, ",") != "FOX,hpo,NYT" || st.Headline != "Title of an original" {
		t.Errorf("outlets %q, headline %q", st.Outlets, st.Headline)
	}
}

func TestPagesAndFilters(t *testing.T) {
	ctx := context.Background()
	s, _ := open(t)
	var arts []*model.Article
	var an []storage.Analysis
	for i := 1; i <= 30; i++ {
		arts = append(arts, &model.Article{ID: int64(i), ExternalID: fmt.Sprint("a", i), Hash: "h", Text: "x", Outlet: []string{"One", "two"}[i%2],
			Published: day(1 + i%10), StoryID: int64(1 + i%4)})
		an = append(an, storage.Analysis{Analysis: model.Analysis{ArticleID: int64(i), Quotes: []model.Quote{{Text: "q1"}, {Text: "q2"}}}})
	}
	if err := s.Commit(ctx, &storage.Batch{Articles: arts, Analysis: an, Threads: map[int64]int64{1: 9, 2: 9}}); err != nil {
		t.Fatal(err)
	}
	// Stories in pages of 3 are the list in one page.
	all, next, err := s.Stories(ctx, storage.StoryFilter{})
	if err != nil || next != "" || len(all) != 4 {
		t.Fatalf("Stories = %v, %q, %v", all, next, err)
	}
	var paged []model.Story
	for p := (storage.Page{Limit: 3}); ; {
		page, next, err := s.Stories(ctx, storage.StoryFilter{Page: p})
		if err != nil {
			t.Fatal(err)
		}
		paged = append(paged, page...)
		if next == "" {
			break
		}
		p.After = next
	}
	if fmt.Sprint(paged) != fmt.Sprint(all) {
		t.Errorf("paged stories %v, want %v", paged, all)
	}
	count := func(f storage.QuoteFilter) int {
		n := 0
		for {
			qs, next, err := s.Quotes(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			n += len(qs)
			if next == "" {
				return n
			}
			f.After = next
		}
	}
	for _, tc := range []struct {
		name string
		f    storage.QuoteFilter
		want int
	}{
		{"all, pages of 7", storage.QuoteFilter{Page: storage.Page{Limit: 7}}, 60},
		{"story 2", storage.QuoteFilter{StoryID: 2}, 16},
		{"thread 9", storage.QuoteFilter{ThreadID: 9}, 30},
		{"outlet in another case", storage.QuoteFilter{Outlet: "ONE"}, 30},
		{"dates 2024-03-02..03", storage.QuoteFilter{Dates: storage.DateRange{From: "2024-03-02", To: "2024-03-03"}}, 12},
		{"outlet and story", storage.QuoteFilter{Outlet: "two", StoryID: 2, Page: storage.Page{Limit: 1}}, 16},
	} {
		if got := count(tc.f); got != tc.want {
			t.Errorf("%s: %d quotes, want %d", tc.name, got, tc.want)
		}
	}
	a, err := s.Article(ctx, 7)
	if err != nil || a.ExternalID != "a7" {
		t.Errorf("Article(7) = %+v, %v", a, err)
	}
	if _, err := s.Article(ctx, 99); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("Article(99): %v, want ErrNotFound", err)
	}
}
