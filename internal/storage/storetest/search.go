package storetest

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/model"
	"github.com/parallax-news/parallax/internal/storage"
)

var searchTests = []test{
	{"articles", testSearchArticles},
	{"article filters", testSearchFilters},
	{"quotes", testSearchQuotes},
	{"entities", testSearchEntities},
	{"query syntax", testSearchSyntax},
	{"marks in text", testSearchMarks},
	{"pages", testSearchPages},
	{"index follows writes", testSearchWrites},
	{"latest stories", testLatestStories},
	{"accents", testSearchAccents},
}

// testSearchAccents finds words with or without their diacritics, either
// way round, in articles, quotes and entities, and the snippets show the
// text as written, with the matched words marked.
func testSearchAccents(t *testing.T, s storage.Store) {
	ctx := context.Background()
	decomposed := "Sa\u0303o Jose\u0301" // "São José" with combining marks
	commit(t, s, &storage.Batch{
		Articles: []*model.Article{
			{ID: 1, ExternalID: "a", Hash: "a", Title: "Floods in São Paulo", Text: "Rain fell on São Paulo and Curaçao. Mayor Zoë Ångström spoke.", Outlet: "Norte", StoryID: 1},
			{ID: 2, ExternalID: "b", Hash: "b", Title: "Sao Paulo mayor", Text: "The mayor of Sao Paulo, Zoe Angstrom, spoke.", Outlet: "Sur", StoryID: 1},
			{ID: 3, ExternalID: "c", Hash: "c", Title: "Other", Text: "Visit " + decomposed + " today.", Outlet: "Sur", StoryID: 2},
		},
		Analysis: []storage.Analysis{{Analysis: model.Analysis{ArticleID: 1,
			Quotes: []model.Quote{{ArticleID: 1, Span: model.Span{Start: 0, End: 5}, Text: "São Paulo resiste", Kind: model.Direct, Speaker: "Zoë Ångström", Cue: "said"}}}}},
		ReadModel: storage.ReadModel{Entities: []storage.EntityRow{
			{Entity: model.Entity{ID: 7, Canonical: "Zoë Ångström", Type: model.Person, Aliases: []string{"Ångström"}, Mentions: 2}, Names: []string{"zoe angstrom"}, Digest: "d7"}}},
	})
	for _, tc := range []struct {
		query string
		kind  storage.SearchKind
		want  []string
	}{
		{"sao paulo", storage.SearchArticles, []string{"1", "2"}},
		{"SÃO PAULO", storage.SearchArticles, []string{"1", "2"}},
		{`"são paulo"`, storage.SearchArticles, []string{"1", "2"}},
		{"curacao", storage.SearchArticles, []string{"1"}},
		{"angstrom zoe", storage.SearchArticles, []string{"1", "2"}},
		{"sao jose", storage.SearchArticles, []string{"3"}},
		{"são josé", storage.SearchArticles, []string{"3"}},
		{"paulo -são", storage.SearchArticles, []string{}},
		{"sao resiste", storage.SearchQuotes, []string{"1.0"}},
		{"angstrom", storage.SearchQuotes, []string{"1.0"}},
		{"angstrom", storage.SearchEntities, []string{"7"}},
		{"zoe", storage.SearchEntities, []string{"7"}},
	} {
		got := search(t, s, storage.SearchFilter{Query: tc.query, Kind: tc.kind})
		slices.Sort(got)
		eq(t, fmt.Sprintf("%s %q", tc.kind, tc.query), got, tc.want)
	}
	hits, _, err := s.Search(ctx, storage.SearchFilter{Query: "sao paulo"})
	noErr(t, "Search", err)
	for _, h := range hits {
		if h.Article.ID != 1 {
			continue
		}
		eq(t, "title as written", storage.StripMarks(h.Title), "Floods in São Paulo")
		eq(t, "title marks", marked(h.Title), []string{"são", "paulo"})
		if !strings.Contains(storage.StripMarks(h.Snippet), "Rain fell on São Paulo") {
			t.Errorf("snippet %q does not show the text as written", h.Snippet)
		}
		if m := marked(h.Snippet); len(m) < 2 || m[0] != "são" || m[1] != "paulo" {
			t.Errorf("snippet marks %v", m)
		}
	}
	hits, _, err = s.Search(ctx, storage.SearchFilter{Query: "sao jose"})
	noErr(t, "Search", err)
	if len(hits) != 1 || !strings.Contains(storage.StripMarks(hits[0].Snippet), decomposed) {
		t.Errorf("combining marks are not shown as written: %+v", hits)
	}
	hits, _, err = s.Search(ctx, storage.SearchFilter{Query: "resiste sao", Kind: storage.SearchQuotes})
	noErr(t, "Search quotes", err)
	if len(hits) != 1 || storage.StripMarks(hits[0].Snippet) != "São Paulo resiste" || !slices.Equal(marked(hits[0].Snippet), []string{"são", "resiste"}) {
		t.Errorf("quote hit %+v", hits)
	}
	hits, _, err = s.Search(ctx, storage.SearchFilter{Query: "angstrom", Kind: storage.SearchEntities})
	noErr(t, "Search entities", err)
	if len(hits) != 1 || !strings.Contains(storage.StripMarks(hits[0].Snippet), "Zoë Ångström") || !slices.Contains(marked(hits[0].Snippet), "ångström") {
		t.Errorf("entity hit %+v", hits)
	}
}

// search runs f and returns the hits' keys: article ids, "article.seq" of
// quotes, entity ids.
func search(t *testing.T, s storage.Store, f storage.SearchFilter) []string {
	t.Helper()
	hits, _, err := s.Search(context.Background(), f)
	noErr(t, fmt.Sprintf("Search %+v", f), err)
	keys := []string{}
	for _, h := range hits {
		keys = append(keys, hitKey(h))
	}
	return keys
}

func hitKey(h storage.SearchHit) string {
	switch {
	case h.Entity != nil:
		return fmt.Sprint(h.Entity.ID)
	case h.Quote != nil:
		return fmt.Sprintf("%d.%d", h.Quote.Article.ID, h.Quote.Seq)
	}
	return fmt.Sprint(h.Article.ID)
}

// marked returns the matched fragments of a snippet, lowercased.
func marked(snippet string) []string {
	var out []string
	for _, f := range storage.Marks(snippet) {
		if f.Match {
			out = append(out, strings.ToLower(f.Text))
		}
	}
	return out
}

func testSearchArticles(t *testing.T, s storage.Store) {
	loadFixture(t, s)
	ctx := context.Background()
	hits, next, err := s.Search(ctx, storage.SearchFilter{Query: "dam", Page: storage.Page{Limit: 10}})
	noErr(t, "Search dam", err)
	eq(t, "next", next, "")
	if len(hits) != 2 {
		t.Fatalf("dam: %d hits, want 2", len(hits))
	}
	// Article 1 has the word in its title, which weighs more.
	eq(t, "dam ranked", []int64{hits[0].Article.ID, hits[1].Article.ID}, []int64{1, 2})
	eq(t, "ref", hits[0].Article, storage.ArticleRef{ID: 1, ExternalID: "a", Outlet: "North Post", StoryID: 10, Published: "2024-03-02"})
	eq(t, "title marks", marked(hits[0].Title), []string{"dam"})
	eq(t, "title text", storage.StripMarks(hits[0].Title), "Dam opens on river")
	eq(t, "snippet marks", marked(hits[0].Snippet), []string{"dam"})
	if !strings.Contains(storage.StripMarks(hits[0].Snippet), "dam opened on Monday") {
		t.Errorf("snippet %q lacks the matched passage", hits[0].Snippet)
	}
	if hits[0].Score <= hits[1].Score {
		t.Errorf("scores %d, %d: want the first above", hits[0].Score, hits[1].Score)
	}
	tests := []struct {
		query string
		want  []string
	}{
		{"DAM", []string{"1", "2"}},
		{"dam monday", []string{"1", "2"}},
		{"dam officials", []string{"2"}},
		{`"dam opened"`, []string{"1", "2"}},
		{`"opened dam"`, []string{}},
		{"dam -officials", []string{"1"}},
		{`dam -"officials said"`, []string{"1"}},
		{"budget", []string{"3", "4"}},
		{"storm café", []string{"5"}},
		{"nothing-like-this", []string{}},
		{"", []string{}},
		{"-dam", []string{}},
	}
	for _, tc := range tests {
		got := search(t, s, storage.SearchFilter{Query: tc.query})
		slices.Sort(got)
		eq(t, fmt.Sprintf("search %q", tc.query), got, tc.want)
	}
}

func testSearchFilters(t *testing.T, s storage.Store) {
	loadFixture(t, s)
	tests := []struct {
		name string
		f    storage.SearchFilter
		want []string
	}{
		{"outlet", storage.SearchFilter{Query: "dam", Outlet: "south wire"}, []string{"2"}},
		{"outlet any case", storage.SearchFilter{Query: "the", Outlet: "North Post"}, []string{"1", "3"}},
		{"story", storage.SearchFilter{Query: "the", StoryID: 11}, []string{"3"}},
		{"from", storage.SearchFilter{Query: "dam", Dates: storage.DateRange{From: "2024-03-03"}}, []string{"2"}},
		{"to", storage.SearchFilter{Query: "dam", Dates: storage.DateRange{To: "2024-03-02"}}, []string{"1"}},
		{"undated out of ranges", storage.SearchFilter{Query: "debate", Dates: storage.DateRange{From: "2024-01-01"}}, []string{}},
	}
	for _, tc := range tests {
		got := search(t, s, tc.f)
		slices.Sort(got)
		eq(t, tc.name, got, tc.want)
	}
}

func testSearchQuotes(t *testing.T, s storage.Store) {
	loadFixture(t, s)
	ctx := context.Background()
	hits, _, err := s.Search(ctx, storage.SearchFilter{Query: "safe", Kind: storage.SearchQuotes})
	noErr(t, "Search quotes", err)
	if len(hits) != 1 || hits[0].Quote == nil {
		t.Fatalf("quotes about safe: %+v", hits)
	}
	q := hits[0].Quote
	eq(t, "quote", []any{q.Article.ID, q.Seq, q.Text, q.SpeakerID, q.SpeakerName, q.Cue, q.Chars}, []any{int64(1), 0, "It is safe", int64(100), "Maria Lund", "said", model.Span{Start: 39, End: 51}})
	eq(t, "quote article", hits[0].Article.ExternalID, "a")
	eq(t, "quote title", hits[0].Title, "Dam opens on river")
	eq(t, "quote marks", marked(hits[0].Snippet), []string{"safe"})
	eq(t, "quote text", storage.StripMarks(hits[0].Snippet), "It is safe")
	tests := []struct {
		name string
		f    storage.SearchFilter
		want []string
	}{
		{"by speaker name", storage.SearchFilter{Query: "lund"}, []string{"1.0", "3.0"}},
		{"speaker entity", storage.SearchFilter{Query: "it", SpeakerID: 100}, []string{"1.0", "3.0"}},
		{"other speaker", storage.SearchFilter{Query: "it", SpeakerID: 101}, []string{}},
		{"story", storage.SearchFilter{Query: "it", StoryID: 11}, []string{"3.0"}},
		{"outlet", storage.SearchFilter{Query: "water", Outlet: "NORTH POST"}, []string{"1.1"}},
		{"dates", storage.SearchFilter{Query: "it", Dates: storage.DateRange{From: "2024-03-04"}}, []string{"3.0"}},
	}
	for _, tc := range tests {
		tc.f.Kind = storage.SearchQuotes
		got := search(t, s, tc.f)
		slices.Sort(got)
		eq(t, tc.name, got, tc.want)
	}
}

func testSearchEntities(t *testing.T, s storage.Store) {
	loadFixture(t, s)
	ctx := context.Background()
	tests := []struct {
		name string
		f    storage.SearchFilter
		want []string
	}{
		{"name", storage.SearchFilter{Query: "power"}, []string{"101"}},
		{"name and alias", storage.SearchFilter{Query: "lund"}, []string{"100", "102"}},
		{"type", storage.SearchFilter{Query: "lund", Type: model.Place}, []string{"102"}},
		{"phrase", storage.SearchFilter{Query: `"maria lund"`}, []string{"100"}},
		{"filters of articles do not apply", storage.SearchFilter{Query: "power", Outlet: "nowhere"}, []string{"101"}},
	}
	for _, tc := range tests {
		tc.f.Kind = storage.SearchEntities
		got := search(t, s, tc.f)
		slices.Sort(got)
		eq(t, tc.name, got, tc.want)
	}
	hits, _, err := s.Search(ctx, storage.SearchFilter{Query: "power", Kind: storage.SearchEntities})
	noErr(t, "Search entities", err)
	if len(hits) != 1 || hits[0].Entity == nil {
		t.Fatalf("entities: %+v", hits)
	}
	e := hits[0].Entity
	eq(t, "entity", []any{e.Canonical, e.Type, e.Mentions}, []any{"Valley Power", model.Organization, 1})
	eq(t, "entity marks", marked(hits[0].Snippet), []string{"power"})
	// An alias match shows the alias.
	commit(t, s, &storage.Batch{ReadModel: storage.ReadModel{Entities: []storage.EntityRow{
		{Entity: model.Entity{ID: 103, Canonical: "Dana Holt", Type: model.Person, Aliases: []string{"D. Holt", "Danny Holt"}, Mentions: 2}, Digest: "d103"}}}})
	hits, _, err = s.Search(ctx, storage.SearchFilter{Query: "danny", Kind: storage.SearchEntities})
	noErr(t, "Search alias", err)
	if len(hits) != 1 {
		t.Fatalf("alias search: %+v", hits)
	}
	eq(t, "alias marks", marked(hits[0].Snippet), []string{"danny"})
	if got := storage.StripMarks(hits[0].Snippet); !strings.HasPrefix(got, "Dana Holt") || !strings.Contains(got, "Danny Holt") {
		t.Errorf("alias snippet %q", got)
	}
}

// testSearchSyntax sends what query languages read as operators: none may
// fail, and each finds what its words find.
func testSearchSyntax(t *testing.T, s storage.Store) {
	loadFixture(t, s)
	tests := []struct {
		query string
		want  []string
	}{
		{`"`, []string{}},
		{`""`, []string{}},
		{`"dam`, []string{"1", "2"}},
		{`dam"`, []string{"1", "2"}},
		{`*`, []string{}},
		{`dam*`, []string{"1", "2"}},
		{`da*`, []string{}},
		{`NEAR(dam river)`, []string{}},
		{`NEAR`, []string{}},
		{`dam NEAR river`, []string{}},
		{`dam AND`, []string{}},
		{`dam OR storm`, []string{}},
		{`NOT dam`, []string{}},
		{`-`, []string{}},
		{`--dam`, []string{"1", "2"}},
		{`title:dam`, []string{}},
		{`dam:`, []string{"1", "2"}},
		{`:dam`, []string{"1", "2"}},
		{`^dam`, []string{"1", "2"}},
		{`(dam)`, []string{"1", "2"}},
		{`dam & !river | storm`, []string{}},
		{`dam & !river`, []string{"1"}},
		{`{title}: dam`, []string{}},
		{`'dam'`, []string{"1", "2"}},
		{`dam\`, []string{"1", "2"}},
		{"dam\x00", []string{"1", "2"}},
		{"\xff\xfe dam", []string{"1", "2"}},
		{strings.Repeat("dam ", 200), []string{"1", "2"}},
	}
	for _, tc := range tests {
		for _, kind := range []storage.SearchKind{storage.SearchArticles, storage.SearchQuotes, storage.SearchEntities} {
			got := search(t, s, storage.SearchFilter{Query: tc.query, Kind: kind})
			if kind == storage.SearchArticles {
				slices.Sort(got)
				eq(t, fmt.Sprintf("search %q", tc.query), got, tc.want)
			}
		}
	}
}

// testSearchMarks stores text holding the snippet marks themselves: they
// must not come back as marks.
func testSearchMarks(t *testing.T, s storage.Store) {
	commit(t, s, &storage.Batch{Articles: []*model.Article{{ID: 1, ExternalID: "m", Hash: "m",
		Title: "A " + storage.MarkStart + "forged" + storage.MarkEnd + " title about rivers",
		Text:  "Text " + storage.MarkStart + "<b>forged</b>" + storage.MarkEnd + " marks near the river bank.", StoryID: 1}}})
	hits, _, err := s.Search(context.Background(), storage.SearchFilter{Query: "river"})
	noErr(t, "Search", err)
	if len(hits) != 1 {
		t.Fatalf("hits: %+v", hits)
	}
	eq(t, "snippet marks", marked(hits[0].Snippet), []string{"river"})
	eq(t, "title marks", marked(hits[0].Title), []string(nil))
	if !strings.Contains(hits[0].Snippet, "forged") {
		t.Errorf("snippet %q lacks the text around the mark characters", hits[0].Snippet)
	}
	hits, _, err = s.Search(context.Background(), storage.SearchFilter{Query: "forged"})
	noErr(t, "Search forged", err)
	if len(hits) != 1 {
		t.Fatalf("forged: %+v", hits)
	}
	eq(t, "forged title marks", marked(hits[0].Title), []string{"forged"})
}

func testSearchPages(t *testing.T, s storage.Store) {
	var arts []*model.Article
	for i := 1; i <= 23; i++ {
		// Texts of a few lengths, so that scores both differ and tie.
		arts = append(arts, &model.Article{ID: int64(i), ExternalID: fmt.Sprintf("p%d", i), Hash: fmt.Sprintf("p%d", i),
			Title: "Report", Text: "river " + strings.Repeat("word ", i%4), Outlet: "One", StoryID: int64(i)})
	}
	commit(t, s, &storage.Batch{Articles: arts})
	ctx := context.Background()
	all, next, err := s.Search(ctx, storage.SearchFilter{Query: "river"})
	noErr(t, "Search", err)
	eq(t, "next of all", next, "")
	if len(all) != 23 {
		t.Fatalf("%d hits, want 23", len(all))
	}
	want := []int64{}
	for i, h := range all {
		want = append(want, h.Article.ID)
		if i > 0 && (h.Score > all[i-1].Score || h.Score == all[i-1].Score && h.Article.ID < all[i-1].Article.ID) {
			t.Errorf("hit %d (%d, %d) out of order", i, h.Score, h.Article.ID)
		}
	}
	for _, limit := range []int{1, 5, 22, 23, 24} {
		got := pageAll(t, limit, func(p storage.Page) ([]storage.SearchHit, string, error) {
			return s.Search(ctx, storage.SearchFilter{Query: "river", Page: p})
		}, func(h storage.SearchHit) int64 { return h.Article.ID })
		eq(t, fmt.Sprintf("pages of %d", limit), got, want)
	}
	for _, bad := range []string{"x", "1", "1.2.3", "a.b"} {
		if _, _, err := s.Search(ctx, storage.SearchFilter{Query: "river", Page: storage.Page{Limit: 2, After: bad}}); err == nil {
			t.Errorf("cursor %q: no error", bad)
		}
	}
}

// testSearchWrites checks the index follows every write: new articles,
// re-analysed quotes, changed and dropped entities.
func testSearchWrites(t *testing.T, s storage.Store) {
	loadFixture(t, s)
	commit(t, s, &storage.Batch{
		Articles: []*model.Article{{ID: 6, ExternalID: "f", Hash: "h6", Title: "Flood warning", Text: "The dam may overflow.", Outlet: "West", StoryID: 10}},
		Analysis: []storage.Analysis{{Analysis: model.Analysis{ArticleID: 1,
			Quotes: []model.Quote{{ArticleID: 1, Text: "Overflow is unlikely", Kind: model.Direct, Speaker: "Maria Lund", Cue: "said"}}},
			SpeakerKeys: []string{"Maria Lund"}}},
		ReadModel: storage.ReadModel{
			Entities:     []storage.EntityRow{{Entity: model.Entity{ID: 101, Canonical: "Valley Energy", Type: model.Organization, Mentions: 1}, Digest: "x"}},
			DropEntities: []int64{102},
		},
	})
	tests := []struct {
		name string
		f    storage.SearchFilter
		want []string
	}{
		{"new article", storage.SearchFilter{Query: "overflow"}, []string{"6"}},
		{"new article joins the story", storage.SearchFilter{Query: "dam", StoryID: 10}, []string{"1", "2", "6"}},
		{"old quote gone", storage.SearchFilter{Query: "safe", Kind: storage.SearchQuotes}, []string{}},
		{"old second quote gone", storage.SearchFilter{Query: "water", Kind: storage.SearchQuotes}, []string{}},
		{"new quote", storage.SearchFilter{Query: "unlikely", Kind: storage.SearchQuotes}, []string{"1.0"}},
		{"renamed entity", storage.SearchFilter{Query: "energy", Kind: storage.SearchEntities}, []string{"101"}},
		{"old name gone", storage.SearchFilter{Query: "power", Kind: storage.SearchEntities}, []string{}},
		{"dropped entity", storage.SearchFilter{Query: "hall", Kind: storage.SearchEntities}, []string{}},
	}
	for _, tc := range tests {
		got := search(t, s, tc.f)
		slices.Sort(got)
		eq(t, tc.name, got, tc.want)
	}
	// Moving articles and marking near-copies leave the index as it was.
	commit(t, s, &storage.Batch{Moves: map[int64]int64{6: 12}, Copies: map[int64]int64{6: 1}})
	eq(t, "moved article", search(t, s, storage.SearchFilter{Query: "overflow", StoryID: 12}), []string{"6"})
}

func testLatestStories(t *testing.T, s storage.Store) {
	manyStories(t, s, 30)
	ctx := context.Background()
	// Undated stories come last.
	commit(t, s, &storage.Batch{Articles: []*model.Article{{ID: 100, ExternalID: "u", Hash: "u", Title: "U", Text: "u", StoryID: 31}}})
	all, _, err := s.Stories(ctx, storage.StoryFilter{Latest: true})
	noErr(t, "Stories latest", err)
	if len(all) != 31 {
		t.Fatalf("%d stories", len(all))
	}
	var want []int64
	for i, st := range all {
		want = append(want, st.ID)
		if i > 0 {
			prev := all[i-1]
			if st.Last.IsZero() && i != len(all)-1 {
				t.Errorf("undated story %d at %d", st.ID, i)
			}
			if !st.Last.IsZero() && (st.Last.After(prev.Last) || st.Last.Equal(prev.Last) && st.ID > prev.ID) {
				t.Errorf("story %d (%v) after %d (%v)", st.ID, st.Last, prev.ID, prev.Last)
			}
		}
	}
	eq(t, "last is undated", want[len(want)-1], int64(31))
	for _, limit := range []int{1, 4, 30, 31} {
		got := pageAll(t, limit, func(p storage.Page) ([]model.Story, string, error) {
			return s.Stories(ctx, storage.StoryFilter{Latest: true, Page: p})
		}, func(st model.Story) int64 { return st.ID })
		eq(t, fmt.Sprintf("latest pages of %d", limit), got, want)
	}
}
