package storetest

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/model"
	"github.com/parallax-news/parallax/internal/storage"
)

var rawTests = []test{
	{"raw pages round trip", testRawRoundTrip},
	{"raw page replaced", testRawReplaced},
	{"raw page atomic with its article", testRawAtomic},
	{"article updates", testArticleUpdates},
	{"near-copy marks", testCopies},
}

// rawPages reads the raw pages of ids into a map.
func rawPages(t *testing.T, s storage.Store, ids ...int64) map[int64]*storage.RawPage {
	t.Helper()
	got := map[int64]*storage.RawPage{}
	var last int64
	err := s.RawPages(context.Background(), ids, func(r *storage.RawPage) error {
		if r.ArticleID <= last {
			t.Errorf("raw page %d after %d: want article id order", r.ArticleID, last)
		}
		last = r.ArticleID
		got[r.ArticleID] = r
		return nil
	})
	noErr(t, "RawPages", err)
	return got
}

func testRawRoundTrip(t *testing.T, s storage.Store) {
	page := []byte(`<!DOCTYPE html><html><head><title>Dam opens</title></head><body><p>` + strings.Repeat("Zürich café ☂ ", 2000) + `</p></body></html>`)
	fetched := time.Date(2024, 3, 2, 10, 11, 12, 0, time.FixedZone("x", 3600))
	given := storage.RawGiven{Title: "Given title", URL: "https://north.example/dam", Outlet: "North Post", Author: "Ida Berg", Language: "en", Published: day(2)}
	b := &storage.Batch{
		Articles: fixtureArticles(),
		Raw: []storage.RawPage{
			{ArticleID: 1, URL: "https://north.example/dam?utm_source=x", ContentType: "text/html; charset=utf-8", Fetched: fetched, Given: given, Data: storage.CompressPage(page)},
			{ArticleID: 3, Data: storage.CompressPage([]byte("<p>Council</p>"))},
		},
	}
	commit(t, s, b)
	got := rawPages(t, s, 5, 3, 1, 2, 99, 1)
	eq(t, "raw pages found", len(got), 2)
	r := got[1]
	if r == nil {
		t.Fatal("no raw page for article 1")
	}
	if len(r.Data) >= len(page)/4 {
		t.Errorf("raw page stored in %d bytes for a %d-byte page: not compressed", len(r.Data), len(page))
	}
	html, err := r.Page()
	noErr(t, "Page", err)
	if !bytes.Equal(html, page) {
		t.Errorf("page came back as %d bytes, want the %d stored", len(html), len(page))
	}
	eq(t, "url", r.URL, "https://north.example/dam?utm_source=x")
	eq(t, "content type", r.ContentType, "text/html; charset=utf-8")
	if !r.Fetched.Equal(fetched) {
		t.Errorf("fetched %v, want %v", r.Fetched, fetched)
	}
	if !r.Given.Published.Equal(given.Published) {
		t.Errorf("given published %v, want %v", r.Given.Published, given.Published)
	}
	r.Given.Published = given.Published
	eq(t, "given", r.Given, given)
	r3 := got[3]
	if r3 == nil || !r3.Fetched.IsZero() || r3.URL != "" || r3.Given != (storage.RawGiven{}) {
		t.Errorf("raw page of article 3: %+v", r3)
	}
	if got := rawPages(t, s); len(got) != 0 {
		t.Errorf("no ids: %d pages", len(got))
	}
}

func testRawReplaced(t *testing.T, s storage.Store) {
	loadFixture(t, s)
	commit(t, s, &storage.Batch{Raw: []storage.RawPage{{ArticleID: 2, URL: "https://a.example/1", Data: storage.CompressPage([]byte("<p>one</p>"))}}})
	commit(t, s, &storage.Batch{Raw: []storage.RawPage{{ArticleID: 2, URL: "https://a.example/2", Data: storage.CompressPage([]byte("<p>two</p>"))}}})
	r := rawPages(t, s, 2)[2]
	if r == nil {
		t.Fatal("raw page lost")
	}
	html, err := r.Page()
	noErr(t, "Page", err)
	eq(t, "replaced page", string(html), "<p>two</p>")
	eq(t, "replaced url", r.URL, "https://a.example/2")
}

func testRawAtomic(t *testing.T, s storage.Store) {
	loadFixture(t, s)
	// The second article repeats a stored external id: the first one's raw
	// page must not be stored either.
	bad := &storage.Batch{
		Articles: []*model.Article{
			{ID: 6, ExternalID: "new", Hash: "h6", Text: "x", StoryID: 13},
			{ID: 7, ExternalID: "a", Hash: "h7", Text: "y", StoryID: 13},
		},
		Raw: []storage.RawPage{{ArticleID: 6, Data: storage.CompressPage([]byte("<p>x</p>"))}},
	}
	if err := s.Commit(context.Background(), bad); err == nil {
		t.Fatal("a batch repeating an external id: want an error")
	}
	if got := rawPages(t, s, 6); len(got) != 0 {
		t.Error("the raw page of a failed batch was stored")
	}
}

func testArticleUpdates(t *testing.T, s storage.Store) {
	loadFixture(t, s)
	ctx := context.Background()
	up := *fixtureArticles()[2] // article 3, story 11
	up.Title, up.Text, up.URL, up.Outlet, up.Author, up.Language = "Council passes budget", "The council passed the budget.\nA second line.", "https://north.example/budget", "North Post", "Ann Lee", "en"
	up.Published = day(6)
	// What an update does not replace stays as stored.
	up.StoryID, up.DuplicateOf, up.Hash, up.ExternalID, up.Source = 99, 5, "changed", "changed", "changed"
	commit(t, s, &storage.Batch{Updates: []*model.Article{&up}})
	got, err := s.Article(ctx, 3)
	noErr(t, "Article", err)
	want := *fixtureArticles()[2]
	want.Title, want.Text, want.URL, want.Outlet, want.Author, want.Language = up.Title, up.Text, up.URL, up.Outlet, up.Author, up.Language
	if !got.Published.Equal(day(6)) {
		t.Errorf("published %v, want %v", got.Published, day(6))
	}
	got.Published = want.Published
	if want.Meta == nil && len(got.Meta) == 0 {
		got.Meta = nil
	}
	eq(t, "updated article", *got, want)
	// The story's summary follows its articles' new fields.
	st, err := s.Story(ctx, 11)
	noErr(t, "Story", err)
	if !st.Last.Equal(day(6)) {
		t.Errorf("story 11 last %v after the update, want %v", st.Last, day(6))
	}
	// Updating an article that is not stored fails and changes nothing.
	missing := up
	missing.ID = 99
	if err := s.Commit(ctx, &storage.Batch{Updates: []*model.Article{&missing}}); err == nil {
		t.Error("updating an article that is not stored: want an error")
	}
}

func testCopies(t *testing.T, s storage.Store) {
	loadFixture(t, s)
	ctx := context.Background()
	commit(t, s, &storage.Batch{Copies: map[int64]int64{4: 3}})
	got, err := s.Article(ctx, 4)
	noErr(t, "Article", err)
	eq(t, "duplicate of", got.DuplicateOf, int64(3))
	c, err := s.Counts(ctx)
	noErr(t, "Counts", err)
	eq(t, "near-copies", c.Duplicates, 2)
}
