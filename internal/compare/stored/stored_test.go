package stored

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/compare"
	"github.com/parallax-news/parallax/internal/model"
	"github.com/parallax-news/parallax/internal/outlet"
	"github.com/parallax-news/parallax/internal/report"
	"github.com/parallax-news/parallax/internal/storage"
	"github.com/parallax-news/parallax/internal/storage/sqlite"
)

// testStory is a story of the compare package's version test data: its
// articles analysed once.
type testStory struct {
	Story model.Story `json:"story"`
	Docs  []struct {
		Article  *model.Article  `json:"article"`
		Analysis *model.Analysis `json:"analysis"`
	} `json:"docs"`
}

// newStore opens a fresh SQLite store holding the stories dam (story 1)
// and recall (story 2), article ids 1 to 6.
func newStore(t *testing.T) (*sqlite.Store, string) {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "p.db")
	st, err := sqlite.OpenWith(ctx, path, sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	b := &storage.Batch{}
	id := int64(0)
	for story, name := range map[int64]string{1: "dam", 2: "recall"} {
		raw, err := os.ReadFile("../testdata/version/" + name + ".json")
		if err != nil {
			t.Fatal(err)
		}
		var ts testStory
		if err := json.Unmarshal(raw, &ts); err != nil {
			t.Fatal(err)
		}
		ids := map[int64]int64{}
		for _, d := range ts.Docs {
			id++
			ids[d.Article.ID] = id
		}
		for _, d := range ts.Docs {
			a := *d.Article
			a.ID, a.StoryID, a.Hash = ids[a.ID], story, name+a.ExternalID
			a.ExternalID = name + "-" + a.ExternalID
			if a.DuplicateOf != 0 {
				a.DuplicateOf = ids[a.DuplicateOf]
			}
			an := *d.Analysis
			an.ArticleID = a.ID
			for i := range an.Quotes {
				an.Quotes[i].ArticleID = a.ID
			}
			for i := range an.Stances {
				an.Stances[i].ArticleID = a.ID
			}
			b.Articles = append(b.Articles, &a)
			b.Analysis = append(b.Analysis, storage.Analysis{Analysis: an,
				QuoteChars: make([]model.Span, len(an.Quotes)), StanceChars: make([]model.Span, len(an.Stances)),
				SpeakerKeys: make([]string, len(an.Quotes)), HolderKeys: make([]string, len(an.Stances))})
		}
	}
	if err := st.Commit(ctx, b); err != nil {
		t.Fatal(err)
	}
	return st, path
}

// counting wraps a store's PutComparisons, counting what it stores.
type counting struct {
	st  storage.Comparisons
	put int
}

func (c *counting) Put(ctx context.Context, cs []storage.StoredComparison) error {
	c.put += len(cs)
	return c.st.PutComparisons(ctx, cs)
}

// fresh compares a story from scratch, as report.JSON writes it.
func fresh(t *testing.T, st storage.Reader, s model.Story, opts compare.Options) []byte {
	t.Helper()
	var docs []compare.Doc
	err := st.Analyses(context.Background(), storage.ArticleFilter{StoryID: s.ID}, func(a *model.Article, an *model.Analysis) error {
		docs = append(docs, compare.Doc{Article: a, Analysis: an})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	c, err := compare.Compare(context.Background(), s, docs, opts)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := report.JSON(&buf, c); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// export runs Each over the store's stories and returns the lines by
// story.
func export(t *testing.T, src *Source, st storage.Reader) (map[int64][]byte, Stats) {
	t.Helper()
	stories, _, err := st.Stories(context.Background(), storage.StoryFilter{MinArticles: 2})
	if err != nil {
		t.Fatal(err)
	}
	if len(stories) != 2 {
		t.Fatalf("%d stories, want 2", len(stories))
	}
	if stories[0].ID > stories[1].ID {
		stories[0], stories[1] = stories[1], stories[0]
	}
	out := map[int64][]byte{}
	var prev int64
	stats, err := src.Each(context.Background(), stories, func(s model.Story, outlets int, line []byte) error {
		if s.ID <= prev {
			t.Errorf("story %d after %d: want story order", s.ID, prev)
		}
		prev = s.ID
		var c model.Comparison
		if err := json.Unmarshal(line, &c); err != nil {
			t.Fatalf("story %d: %v", s.ID, err)
		}
		if outlets != len(c.Coverage.Outlets) || c.Story != s.ID {
			t.Errorf("story %d: %d outlets for %d in the comparison of story %d", s.ID, outlets, len(c.Coverage.Outlets), c.Story)
		}
		out[s.ID] = bytes.Clone(line)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out, stats
}

func TestEachStoresAndInvalidates(t *testing.T) {
	ctx := context.Background()
	st, _ := newStore(t)
	opts := compare.Options{}
	cnt := &counting{st: st}
	newSource := func(analysisVersion string, opts compare.Options) *Source {
		src := New(st, analysisVersion, opts)
		src.Put = cnt.Put
		src.OnPutError = func(err error) { t.Errorf("store: %v", err) }
		return src
	}
	check := func(step string, got map[int64][]byte, stats, want Stats, opts compare.Options) {
		t.Helper()
		if stats != want {
			t.Errorf("%s: stats %+v, want %+v", step, stats, want)
		}
		for id, line := range got {
			s, err := st.Story(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			if w := fresh(t, st, s, opts); !bytes.Equal(line, w) {
				t.Errorf("%s: story %d differs from a fresh comparison:\n got %.200s\nwant %.200s", step, id, line, w)
			}
		}
	}
	got, stats := export(t, newSource("analyze-t", opts), st)
	check("first run", got, stats, Stats{Made: 2, Stored: 2}, opts)
	got, stats = export(t, newSource("analyze-t", opts), st)
	check("second run", got, stats, Stats{Read: 2}, opts)

	// A story's comparison is read, not made, once stored.
	s1, err := st.Story(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	before := cnt.put
	c, err := newSource("analyze-t", opts).Story(ctx, s1)
	if err != nil {
		t.Fatal(err)
	}
	if cnt.put != before {
		t.Errorf("Story made a comparison that was stored")
	}
	var buf bytes.Buffer
	if err := report.JSON(&buf, c); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), got[1]) {
		t.Errorf("Story read back a different comparison:\n got %.200s\nwant %.200s", buf.Bytes(), got[1])
	}

	// A new article in story 1 makes its comparison again, not story 2's.
	extra := &model.Article{ID: 100, ExternalID: "extra", Hash: "hx", Title: "Dam gates open", Outlet: "Late Wire", StoryID: 1,
		Text: "The dam's gates opened on Tuesday, officials said, and the river rose by two metres."}
	if err := st.Commit(ctx, &storage.Batch{Articles: []*model.Article{extra}}); err != nil {
		t.Fatal(err)
	}
	got, stats = export(t, newSource("analyze-t", opts), st)
	check("article added", got, stats, Stats{Read: 1, Made: 1, Stored: 1}, opts)

	// An article marked as a near-copy.
	if err := st.Commit(ctx, &storage.Batch{Copies: map[int64]int64{100: 1}}); err != nil {
		t.Fatal(err)
	}
	got, stats = export(t, newSource("analyze-t", opts), st)
	check("near-copy marked", got, stats, Stats{Read: 1, Made: 1, Stored: 1}, opts)

	// An article moved from story 2 to story 1 changes both.
	if err := st.Commit(ctx, &storage.Batch{Moves: map[int64]int64{100: 2}}); err != nil {
		t.Fatal(err)
	}
	got, stats = export(t, newSource("analyze-t", opts), st)
	check("article moved", got, stats, Stats{Made: 2, Stored: 2}, opts)

	// New analysis, a new outlet registry: all made again.
	got, stats = export(t, newSource("analyze-u", opts), st)
	check("analysis version", got, stats, Stats{Made: 2, Stored: 2}, opts)
	reg := compare.Options{Outlets: outlet.New([]model.Outlet{{Name: "Wire Service", Domains: []string{"wire.example"}}})}
	got, stats = export(t, newSource("analyze-u", reg), st)
	check("outlet registry", got, stats, Stats{Made: 2, Stored: 2}, reg)
}

func TestReadOnlyStoreAndBadStories(t *testing.T) {
	ctx := context.Background()
	st, path := newStore(t)
	// One article alone in story 3.
	lone := &model.Article{ID: 50, ExternalID: "lone", Hash: "hl", Title: "Alone", Text: "One article.", StoryID: 3}
	if err := st.Commit(ctx, &storage.Batch{Articles: []*model.Article{lone}}); err != nil {
		t.Fatal(err)
	}
	r, err := sqlite.OpenWith(ctx, path, sqlite.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	src := New(r, "analyze-t", compare.Options{})
	var putErr error
	src.OnPutError = func(err error) { putErr = err }
	s1, err := r.Story(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	c, err := src.Story(ctx, s1)
	if err != nil || c == nil || c.Story != 1 {
		t.Fatalf("Story on a read-only store: %v, %v", c, err)
	}
	if !errors.Is(putErr, storage.ErrReadOnly) {
		t.Errorf("storing on a read-only store: %v, want ErrReadOnly", putErr)
	}
	s3, err := r.Story(ctx, 3)
	if err != nil {
		t.Fatal(err)
	}
	_, err = src.Story(ctx, s3)
	if !errors.Is(err, compare.ErrTooFew) || !strings.Contains(err.Error(), "has 1 article") {
		t.Errorf("one-article story: %v, want ErrTooFew saying it has 1 article", err)
	}
	_, err = src.Story(ctx, model.Story{ID: 999})
	if !errors.Is(err, compare.ErrTooFew) || !strings.Contains(err.Error(), "has 0 article") {
		t.Errorf("empty story: %v, want ErrTooFew saying it has 0 articles", err)
	}
}
