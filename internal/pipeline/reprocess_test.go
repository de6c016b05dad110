package pipeline_test

import (
	"context"
	"errors"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/analyze"
	"github.com/parallax-news/parallax/internal/model"
	"github.com/parallax-news/parallax/internal/pipeline"
	"github.com/parallax-news/parallax/internal/source"
	"github.com/parallax-news/parallax/internal/storage"
)

// examplePages renders the example articles as web pages with a site's
// navigation around them; extra adds paragraphs to the page of an id.
func examplePages(t *testing.T, extra map[string]string) []source.Item {
	t.Helper()
	files, err := filepath.Glob("../../examples/news/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("example articles: %v", err)
	}
	slices.Sort(files)
	var items []source.Item
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		id := strings.TrimSuffix(filepath.Base(f), ".txt")
		var body strings.Builder
		for i, p := range strings.Split(string(b), "\n")[1:] {
			if p = strings.TrimSpace(p); p != "" {
				fmt.Fprintf(&body, "<p>%s</p>\n", html.EscapeString(p))
			}
			if x := extra[id]; x != "" && i == 8 {
				fmt.Fprintf(&body, "<p>%s</p>\n", html.EscapeString(x))
			}
		}
		outlet, _, _ := strings.Cut(id, "-")
		page := fmt.Sprintf(`<!DOCTYPE html><html lang="en"><head><title>%s</title><meta property="og:site_name" content="%s"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav><article>%s</article><footer>All rights reserved.</footer></body></html>`,
			html.EscapeString(id), outlet, body.String())
		it := source.Item{Body: page, HTML: true, Fetch: source.Fetch{URL: "https://" + outlet + ".example/" + id, ContentType: "text/html"}}
		it.Article.ExternalID = id
		it.Article.URL = it.Fetch.URL
		it.Article.Source = it.Fetch.URL
		items = append(items, it)
	}
	return items
}

// run ingests items into st.
func run(t *testing.T, st storage.Store, items []source.Item) {
	t.Helper()
	runWith(t, st, pipeline.Options{BatchSize: 7}, items)
}

// runWith ingests items into st in one run with opts, analysing them
// with a new analyzer unless opts has one.
func runWith(t *testing.T, st storage.Store, opts pipeline.Options, items []source.Item) {
	t.Helper()
	if opts.Analyzer == nil {
		opts.Analyzer = analyze.New()
	}
	p, err := pipeline.Open(context.Background(), st, opts)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.Run(context.Background(), func(yield func(source.Item) error) error {
		for _, it := range items {
			if err := yield(it); err != nil {
				return err
			}
		}
		return nil
	}, nil); err != nil {
		t.Fatal(err)
	}
}

func texts(t *testing.T, st storage.Store) map[string]string {
	t.Helper()
	m := map[string]string{}
	if err := st.Articles(context.Background(), storage.ArticleFilter{}, func(a *model.Article) error {
		m[a.ExternalID] = a.Title + "\n" + a.Text
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return m
}

// failAfter is a store whose Commit fails once n commits succeeded.
type failAfter struct {
	storage.Store
	n int
}

var errInjected = errors.New("injected failure")

func (s *failAfter) Commit(ctx context.Context, b *storage.Batch) error {
	if s.n == 0 {
		return errInjected
	}
	s.n--
	return s.Store.Commit(ctx, b)
}

func TestRawPagesKept(t *testing.T) {
	st := openStore(t)
	items := examplePages(t, nil)
	run(t, st, items)
	var ids []int64
	byExt := map[string]int64{}
	st.Articles(context.Background(), storage.ArticleFilter{}, func(a *model.Article) error {
		ids = append(ids, a.ID)
		byExt[a.ExternalID] = a.ID
		return nil
	})
	got := map[int64]*storage.RawPage{}
	if err := st.RawPages(context.Background(), ids, func(r *storage.RawPage) error {
		got[r.ArticleID] = r
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if len(got) != len(items) {
		t.Fatalf("%d raw pages kept for %d pages", len(got), len(items))
	}
	for _, it := range items {
		r := got[byExt[it.Article.ExternalID]]
		page, err := r.Page()
		if err != nil {
			t.Fatal(err)
		}
		if string(page) != it.Body || r.URL != it.Fetch.URL || r.ContentType != "text/html" || r.Given.URL != it.Article.URL {
			t.Errorf("%s: raw page %q… from %s (%s), given %+v", it.Article.ExternalID, page[:min(40, len(page))], r.URL, r.ContentType, r.Given)
		}
	}
}

func TestReprocess(t *testing.T) {
	ctx := context.Background()
	// A later extraction finds a paragraph more in some pages: naming a
	// new person in one, an existing one in another.
	extra := map[string]string{
		"harbor-ledger-0612": `"We will publish every contract," said Dana Holt, a spokeswoman for the harbor authority.`,
		"valley-wire-0724":   `Dana Holt, a spokeswoman for the authority, declined to comment on the audit.`,
	}
	want := openStore(t)
	run(t, want, examplePages(t, extra))
	wantRM, wantTexts := snapshot(t, want), texts(t, want)
	if !strings.Contains(wantRM.entities["Dana Holt"], "harbor-ledger-0612") {
		t.Fatalf("the reference store has no entity Dana Holt: %v\n%s", wantRM.entities["Dana Holt"], wantTexts["harbor-ledger-0612"])
	}

	st := openStore(t)
	run(t, st, examplePages(t, nil))
	before := texts(t, st)
	storyOf := map[string]int64{}
	st.Articles(ctx, storage.ArticleFilter{}, func(a *model.Article) error {
		storyOf[a.ExternalID] = a.StoryID
		return nil
	})
	// Swap in the later pages, as if the first extraction had missed the
	// paragraph, and reprocess, interrupted once.
	idOf := map[string]int64{}
	st.Articles(ctx, storage.ArticleFilter{}, func(a *model.Article) error {
		idOf[a.ExternalID] = a.ID
		return nil
	})
	var swap []storage.RawPage
	for _, it := range examplePages(t, extra) {
		if extra[it.Article.ExternalID] != "" {
			swap = append(swap, storage.RawPage{ArticleID: idOf[it.Article.ExternalID], URL: it.Fetch.URL, Given: storage.RawGiven{URL: it.Article.URL}, Data: storage.CompressPage([]byte(it.Body))})
		}
	}
	if err := st.Commit(ctx, &storage.Batch{Raw: swap}); err != nil {
		t.Fatal(err)
	}
	opts := pipeline.Options{Analyzer: analyze.New(), BatchSize: 4}
	p, err := pipeline.Open(ctx, &failAfter{st, 2}, opts)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.Reprocess(ctx, pipeline.ReprocessFilter{}, nil); !errors.Is(err, errInjected) {
		t.Fatalf("interrupted reprocess: %v", err)
	}
	p, err = pipeline.Open(ctx, st, opts)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := p.Reprocess(ctx, pipeline.ReprocessFilter{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !rep.Resumed || rep.Read != len(before)-8 || len(rep.Errors) != 0 {
		t.Errorf("resumed run: %+v; want it to go on after the 8 articles of the first two batches", rep)
	}
	gotTexts := texts(t, st)
	for id, w := range wantTexts {
		if gotTexts[id] != w {
			t.Errorf("%s after reprocess:\n%s\nwant\n%s", id, gotTexts[id], w)
		}
	}
	if gotTexts["valley-wire-0612"] != before["valley-wire-0612"] {
		t.Error("an unchanged page's article changed")
	}
	got := snapshot(t, st)
	diffMaps(t, "entity", got.entities, wantRM.entities)
	if fmt.Sprint(got.claims) != fmt.Sprint(wantRM.claims) {
		t.Errorf("claims after reprocess:\n got %v\nwant %v", got.claims, wantRM.claims)
	}
	st.Articles(ctx, storage.ArticleFilter{}, func(a *model.Article) error {
		if a.StoryID != storyOf[a.ExternalID] {
			t.Errorf("%s moved from story %d to %d", a.ExternalID, storyOf[a.ExternalID], a.StoryID)
		}
		return nil
	})

	// Again: nothing changes, nothing resumes.
	rep, err = p.Reprocess(ctx, pipeline.ReprocessFilter{}, nil)
	if err != nil || rep.Changed != 0 || rep.Resumed || rep.Read != len(before) || rep.Pages != len(before) {
		t.Errorf("second reprocess: %+v, %v; want %d read, none changed", rep, err, len(before))
	}
	// A selection reads only its articles.
	rep, err = p.Reprocess(ctx, pipeline.ReprocessFilter{IDs: []int64{idOf["valley-wire-0724"], 9999}}, nil)
	if err != nil || rep.Read != 1 || rep.Changed != 0 {
		t.Errorf("reprocess of one id: %+v, %v", rep, err)
	}
	rep, err = p.Reprocess(ctx, pipeline.ReprocessFilter{Outlet: "VALLEY"}, nil)
	if err != nil || rep.Read == 0 || rep.Read >= len(before) {
		t.Errorf("reprocess of one outlet: %+v, %v", rep, err)
	}
}

// TestReprocessBoilerplate checks that reprocessing replaces the stored
// removed lines of its articles, also when only they changed.
func TestReprocessBoilerplate(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	items := examplePages(t, nil)
	run(t, st, items)
	idOf := map[string]int64{}
	st.Articles(ctx, storage.ArticleFilter{}, func(a *model.Article) error {
		idOf[a.ExternalID] = a.ID
		return nil
	})
	// A sharing row that cleaning removed from the body of an article.
	var it source.Item
	var id int64
	var row string
	for _, c := range items {
		removed, err := st.Boilerplate(ctx, idOf[c.Article.ExternalID])
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range removed {
			if strings.HasPrefix(r, "Share") && strings.Count(c.Body, "<p>"+html.EscapeString(r)+"</p>") == 1 {
				it, id, row = c, idOf[c.Article.ExternalID], r
			}
		}
	}
	if row == "" {
		t.Fatal("no example page has a sharing row removed from its body")
	}
	text := texts(t, st)[it.Article.ExternalID]
	// A later page of the same article lacks the row: the text stays the
	// same, only the removed lines change.
	withoutRow := strings.Replace(it.Body, "<p>"+html.EscapeString(row)+"</p>", "", 1)
	p, err := pipeline.Open(ctx, st, pipeline.Options{Analyzer: analyze.New(), BatchSize: 4})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		page    string
		changed int
		want    bool
	}{
		{withoutRow, 1, false},
		{withoutRow, 0, false}, // unchanged: nothing written
		{it.Body, 1, true},
	} {
		swap := storage.RawPage{ArticleID: id, URL: it.Fetch.URL, Given: storage.RawGiven{URL: it.Article.URL}, Data: storage.CompressPage([]byte(tc.page))}
		if err := st.Commit(ctx, &storage.Batch{Raw: []storage.RawPage{swap}}); err != nil {
			t.Fatal(err)
		}
		rep, err := p.Reprocess(ctx, pipeline.ReprocessFilter{IDs: []int64{id}}, nil)
		if err != nil || rep.Read != 1 || rep.Changed != tc.changed {
			t.Errorf("reprocess (row in page: %v): %+v, %v; want %d changed", tc.want, rep, err, tc.changed)
		}
		got, err := st.Boilerplate(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if slices.Contains(got, row) != tc.want {
			t.Errorf("stored removed lines %q: %q kept %v, want %v", got, row, !tc.want, tc.want)
		}
		if tx := texts(t, st)[it.Article.ExternalID]; tx != text {
			t.Errorf("text changed:\n%s\nwant\n%s", tx, text)
		}
	}
}
