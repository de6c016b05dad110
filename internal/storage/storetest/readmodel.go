package storetest

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/model"
	"github.com/parallax-news/parallax/internal/storage"
)

var readModelTests = []test{
	{"entities", testEntities},
	{"entity pages", testEntityPages},
	{"entity articles", testEntityArticles},
	{"entity changes", testEntityChanges},
	{"entities and keys marked new", testEntityNew},
	{"entity states and key articles", testEntityKeys},
	{"many rows in one batch", testManyRows},
	{"mentions", testMentions},
	{"quotes", testQuotes},
	{"claims", testClaims},
	{"claims replaced", testClaimsReplaced},
	{"story stances", testStoryStances},
}

func entityIDs(t *testing.T, s storage.Store, f storage.EntityFilter) []int64 {
	t.Helper()
	es, _, err := s.Entities(context.Background(), f)
	noErr(t, "Entities", err)
	ids := []int64{}
	for _, e := range es {
		ids = append(ids, e.ID)
	}
	return ids
}

func testEntities(t *testing.T, s storage.Store) {
	loadFixture(t, s)
	tests := []struct {
		name string
		f    storage.EntityFilter
		want []int64
	}{
		{"all, most mentioned first", storage.EntityFilter{}, []int64{100, 101, 102}},
		{"type", storage.EntityFilter{Type: model.Person}, []int64{100}},
		{"shared name", storage.EntityFilter{Names: []string{"lund"}}, []int64{100, 102}},
		{"names", storage.EntityFilter{Names: []string{"valley power", "lund hall", "nobody"}}, []int64{101, 102}},
		{"name and type", storage.EntityFilter{Names: []string{"lund"}, Type: model.Place}, []int64{102}},
		{"unknown name", storage.EntityFilter{Names: []string{"Lund"}}, []int64{}},
	}
	for _, tc := range tests {
		eq(t, tc.name, entityIDs(t, s, tc.f), tc.want)
	}
	ctx := context.Background()
	e, err := s.Entity(ctx, 100)
	noErr(t, "Entity(100)", err)
	eq(t, "entity 100", e, model.Entity{ID: 100, Canonical: "Maria Lund", Type: model.Person, Aliases: []string{"Lund"}, Roles: []string{"minister"}, Mentions: 3})
	e, err = s.Entity(ctx, 101)
	noErr(t, "Entity(101)", err)
	eq(t, "entity 101", e, model.Entity{ID: 101, Canonical: "Valley Power", Type: model.Organization, Aliases: []string{}, Roles: []string{}, Mentions: 1})
	_, err = s.Entity(ctx, 999)
	notFound(t, "Entity(999)", err)
}

func testEntityPages(t *testing.T, s storage.Store) {
	var rows []storage.EntityRow
	for i := 1; i <= 25; i++ {
		rows = append(rows, storage.EntityRow{Entity: model.Entity{ID: int64(i), Canonical: fmt.Sprintf("E%d", i), Type: model.Other, Mentions: i % 4}, Names: []string{"common"}})
	}
	commit(t, s, &storage.Batch{ReadModel: storage.ReadModel{Entities: rows}})
	ctx := context.Background()
	want := entityIDs(t, s, storage.EntityFilter{})
	if len(want) != 25 || want[0] != 3 || want[1] != 7 {
		t.Fatalf("entities in order: %v", want)
	}
	for _, limit := range []int{1, 6, 25, 26} {
		got := pageAll(t, limit, func(p storage.Page) ([]model.Entity, string, error) {
			return s.Entities(ctx, storage.EntityFilter{Names: []string{"common"}, Page: p})
		}, func(e model.Entity) int64 { return e.ID })
		eq(t, fmt.Sprintf("entity pages of %d", limit), got, want)
	}
}

func testEntityArticles(t *testing.T, s storage.Store) {
	loadFixture(t, s)
	ctx := context.Background()
	refs, next, err := s.EntityArticles(ctx, 100, storage.Page{})
	noErr(t, "EntityArticles", err)
	eq(t, "cursor", next, "")
	eq(t, "entity 100's articles", refs, []storage.ArticleRef{
		{ID: 1, ExternalID: "a", Outlet: "North Post", StoryID: 10, Published: "2024-03-02"},
		{ID: 3, ExternalID: "c", Outlet: "NORTH POST", StoryID: 11, Published: "2024-03-05"},
	})
	got := pageAll(t, 1, func(p storage.Page) ([]storage.ArticleRef, string, error) {
		return s.EntityArticles(ctx, 100, p)
	}, func(r storage.ArticleRef) int64 { return r.ID })
	eq(t, "pages of one", got, []int64{1, 3})
	refs, _, err = s.EntityArticles(ctx, 102, storage.Page{})
	noErr(t, "EntityArticles", err)
	eq(t, "an entity without keys", len(refs), 0)
}

func testEntityChanges(t *testing.T, s storage.Store) {
	loadFixture(t, s)
	ctx := context.Background()
	// Replace 101 (new name and aliases), drop 102, move key "Lund" to
	// 101; 100's row changes but nil Names keep its lookup names.
	commit(t, s, &storage.Batch{ReadModel: storage.ReadModel{
		Entities: []storage.EntityRow{
			{Entity: model.Entity{ID: 101, Canonical: "Valley Power Co", Type: model.Organization, Aliases: []string{"VPC"}, Mentions: 9},
				Names: []string{"vpc"}, Digest: "d101b"},
			{Entity: model.Entity{ID: 100, Canonical: "Maria Lund", Type: model.Person, Mentions: 4}, Digest: "d100b"},
		},
		DropEntities: []int64{102},
		Keys:         map[string]int64{"Lund": 101, "Valley Power": 0},
	}})
	eq(t, "all", entityIDs(t, s, storage.EntityFilter{}), []int64{101, 100})
	eq(t, "names kept by nil Names", entityIDs(t, s, storage.EntityFilter{Names: []string{"maria lund"}}), []int64{100})
	// Empty, not nil, Names remove them.
	commit(t, s, &storage.Batch{ReadModel: storage.ReadModel{Entities: []storage.EntityRow{
		{Entity: model.Entity{ID: 100, Canonical: "Maria Lund", Type: model.Person, Mentions: 4}, Names: []string{}, Digest: "d100c"},
	}}})
	eq(t, "names removed by empty Names", entityIDs(t, s, storage.EntityFilter{Names: []string{"maria lund"}}), []int64{})
	commit(t, s, &storage.Batch{ReadModel: storage.ReadModel{Entities: []storage.EntityRow{
		{Entity: model.Entity{ID: 100, Canonical: "Maria Lund", Type: model.Person, Mentions: 4}, Names: []string{"lund"}, Digest: "d100d"},
	}}})
	eq(t, "old name of 101 gone", entityIDs(t, s, storage.EntityFilter{Names: []string{"valley power"}}), []int64{})
	eq(t, "new name", entityIDs(t, s, storage.EntityFilter{Names: []string{"vpc"}}), []int64{101})
	eq(t, "dropped entity's names gone", entityIDs(t, s, storage.EntityFilter{Names: []string{"lund"}}), []int64{100})
	_, err := s.Entity(ctx, 102)
	notFound(t, "dropped entity", err)
	e, err := s.Entity(ctx, 101)
	noErr(t, "Entity(101)", err)
	eq(t, "replaced entity", e, model.Entity{ID: 101, Canonical: "Valley Power Co", Type: model.Organization, Aliases: []string{"VPC"}, Roles: []string{}, Mentions: 9})
	refs, _, err := s.EntityArticles(ctx, 101, storage.Page{})
	noErr(t, "EntityArticles", err)
	if len(refs) != 1 || refs[0].ID != 3 {
		t.Errorf("articles of 101 through key Lund: %+v", refs)
	}
	// The quote by "Lund" now resolves to 101.
	qs, _, err := s.Quotes(ctx, storage.QuoteFilter{SpeakerID: 101})
	noErr(t, "Quotes", err)
	if len(qs) != 1 || qs[0].SpeakerName != "Valley Power Co" || qs[0].Article.ID != 3 {
		t.Errorf("quotes of 101: %+v", qs)
	}
}

// testEntityNew commits entity rows and keys marked new (EntityRow.New,
// ReadModel.NewKeys), first truly new ones, then with the marks wrong:
// a stored row or key marked new is replaced as if unmarked.
func testEntityNew(t *testing.T, s storage.Store) {
	loadFixture(t, s)
	ctx := context.Background()
	keyIDs := func(keys ...string) map[string]int64 {
		out := map[string]int64{}
		noErr(t, "EntityKeyIDs", s.EntityKeyIDs(ctx, keys, func(k string, id int64) error { out[k] = id; return nil }))
		return out
	}
	commit(t, s, &storage.Batch{ReadModel: storage.ReadModel{
		Entities: []storage.EntityRow{
			{Entity: model.Entity{ID: 200, Canonical: "Harbour Board", Type: model.Organization, Mentions: 2}, Names: []string{"harbour board"}, Digest: "d200", New: true},
			{Entity: model.Entity{ID: 201, Canonical: "Ines Varga", Type: model.Person, Aliases: []string{"Varga"}, Mentions: 1}, Names: []string{"ines varga", "varga"}, Digest: "d201", New: true},
		},
		Keys:    map[string]int64{"Harbour Board": 200, "Ines Varga": 201, "Varga": 201},
		NewKeys: map[string]bool{"Harbour Board": true, "Ines Varga": true, "Varga": true},
	}})
	eq(t, "new entities", entityIDs(t, s, storage.EntityFilter{Names: []string{"varga", "harbour board"}}), []int64{200, 201})
	eq(t, "new keys", keyIDs("Harbour Board", "Ines Varga", "Varga"), map[string]int64{"Harbour Board": 200, "Ines Varga": 201, "Varga": 201})
	// Wrong marks: 201 and 100 are stored, and so are the keys Varga
	// and Lund; 202 and Irene Varga are new.
	commit(t, s, &storage.Batch{ReadModel: storage.ReadModel{
		Entities: []storage.EntityRow{
			{Entity: model.Entity{ID: 201, Canonical: "Ines Varga", Type: model.Person, Aliases: []string{"I. Varga"}, Mentions: 3}, Names: []string{"ines varga", "i varga"}, Digest: "d201b", New: true},
			{Entity: model.Entity{ID: 100, Canonical: "Maria Lund", Type: model.Person, Mentions: 6}, Digest: "d100b", New: true},
			{Entity: model.Entity{ID: 202, Canonical: "Irene Varga", Type: model.Person, Mentions: 1}, Names: []string{"irene varga", "varga"}, Digest: "d202", New: true},
		},
		Keys:    map[string]int64{"Varga": 202, "Lund": 201, "Irene Varga": 202},
		NewKeys: map[string]bool{"Varga": true, "Lund": true, "Irene Varga": true},
	}})
	eq(t, "lookup after wrong marks", entityIDs(t, s, storage.EntityFilter{Names: []string{"varga"}}), []int64{202})
	eq(t, "new lookup name", entityIDs(t, s, storage.EntityFilter{Names: []string{"i varga"}}), []int64{201})
	eq(t, "names kept by nil Names", entityIDs(t, s, storage.EntityFilter{Names: []string{"maria lund"}}), []int64{100})
	eq(t, "keys after wrong marks", keyIDs("Varga", "Lund", "Irene Varga", "Ines Varga"), map[string]int64{"Varga": 202, "Lund": 201, "Irene Varga": 202, "Ines Varga": 201})
	e, err := s.Entity(ctx, 201)
	noErr(t, "Entity(201)", err)
	eq(t, "replaced entity", e, model.Entity{ID: 201, Canonical: "Ines Varga", Type: model.Person, Aliases: []string{"I. Varga"}, Roles: []string{}, Mentions: 3})
	e, err = s.Entity(ctx, 100)
	noErr(t, "Entity(100)", err)
	eq(t, "entity 100's mentions", e.Mentions, 6)
}

func testEntityKeys(t *testing.T, s storage.Store) {
	loadFixture(t, s)
	ctx := context.Background()
	type state struct {
		digest   string
		articles int
	}
	states := func(ids []int64) map[int64]state {
		out := map[int64]state{}
		noErr(t, "EntityStates", s.EntityStates(ctx, ids, func(id int64, d string, n int) error { out[id] = state{d, n}; return nil }))
		return out
	}
	eq(t, "states", states([]int64{102, 100, 999}), map[int64]state{100: {"d100", 2}, 102: {"d102", 0}})
	eq(t, "no states", states(nil), map[int64]state{})
	keyIDs := func(keys []string) map[string]int64 {
		out := map[string]int64{}
		noErr(t, "EntityKeyIDs", s.EntityKeyIDs(ctx, keys, func(k string, id int64) error { out[k] = id; return nil }))
		return out
	}
	eq(t, "key ids", keyIDs([]string{"Lund", "Valley Power", "Nobody"}), map[string]int64{"Lund": 100, "Valley Power": 101})
	eq(t, "no key ids", keyIDs(nil), map[string]int64{})
	articles := func(keys []string, through int64) []int64 {
		out := []int64{}
		noErr(t, "KeyArticles", s.KeyArticles(ctx, keys, through, func(id int64) error { out = append(out, id); return nil }))
		slices.Sort(out)
		return out
	}
	eq(t, "articles of Lund", articles([]string{"Maria Lund", "Lund", "Valley Power"}, 1<<62), []int64{1, 3})
	eq(t, "articles of Lund through 2", articles([]string{"Maria Lund", "Lund"}, 2), []int64{1})
	eq(t, "articles of Valley Power", articles([]string{"Valley Power"}, 1<<62), []int64{1})
	eq(t, "articles of nobody", articles([]string{"Nobody"}, 1<<62), []int64{})
	eq(t, "articles of no keys", articles(nil, 1<<62), []int64{})
	counts := func(groups [][]string, through int64) map[int]int {
		out := map[int]int{}
		noErr(t, "KeyArticleCounts", s.KeyArticleCounts(ctx, groups, through, func(g, n int) error {
			if _, ok := out[g]; ok {
				t.Errorf("KeyArticleCounts(%q): group %d twice", groups, g)
			}
			out[g] = n
			return nil
		}))
		return out
	}
	for _, tt := range []struct {
		name    string
		groups  [][]string
		through int64
		want    map[int]int
	}{
		{"groups", [][]string{{"Maria Lund", "Lund", "Valley Power"}, {"Nobody"}, {"Valley Power"}, nil, {"Lund"}}, 1 << 62, map[int]int{0: 2, 2: 1, 4: 1}},
		{"groups through 2", [][]string{{"Valley Power"}, {"Maria Lund", "Lund"}}, 2, map[int]int{0: 1, 1: 1}},
		{"a key twice", [][]string{{"Lund", "Lund"}, {"Lund", "Maria Lund"}}, 1 << 62, map[int]int{0: 1, 1: 2}},
		{"no groups", nil, 1 << 62, map[int]int{}},
		{"no keys", [][]string{nil, {}}, 1 << 62, map[int]int{}},
	} {
		eq(t, "counts of "+tt.name, counts(tt.groups, tt.through), tt.want)
	}
	// Many groups, and a group of many keys: every store's statements
	// have a bound on their parameters.
	var many [][]string
	want := map[int]int{}
	for i := range 700 {
		many = append(many, []string{fmt.Sprintf("Nobody %d", i), "Valley Power"})
		want[i] = 1
	}
	big := []string{"Lund"}
	for i := range 3000 {
		big = append(big, fmt.Sprintf("Nobody %d", i))
	}
	many = append(many, big)
	want[len(many)-1] = 1
	eq(t, "counts of many", counts(many, 1<<62), want)
	// A reset drops every entity, key and name, and keeps the mentions.
	commit(t, s, &storage.Batch{ReadModel: storage.ReadModel{ResetEntities: true, Keys: map[string]int64{"Lund": 7}}})
	eq(t, "states after reset", states([]int64{100, 101, 102}), map[int64]state{})
	eq(t, "entities after reset", entityIDs(t, s, storage.EntityFilter{}), []int64{})
	eq(t, "lookup after reset", entityIDs(t, s, storage.EntityFilter{Names: []string{"lund"}}), []int64{})
	eq(t, "articles after reset", articles([]string{"Lund"}, 1<<62), []int64{3})
	eq(t, "counts after reset", counts([][]string{{"Lund"}, {"Valley Power"}}, 1<<62), map[int]int{0: 1, 1: 1})
	eq(t, "key ids after reset", keyIDs([]string{"Lund", "Valley Power"}), map[string]int64{"Lund": 7})
}

func testMentions(t *testing.T, s storage.Store) {
	loadFixture(t, s)
	type got struct {
		id  int64
		ext string
		ms  []model.Mention
	}
	read := func(through int64) []got {
		var out []got
		noErr(t, "Mentions", s.Mentions(context.Background(), through, func(id int64, ext string, ms []model.Mention) error {
			out = append(out, got{id, ext, ms})
			return nil
		}))
		return out
	}
	an := fixtureAnalysis()
	eq(t, "through 2", read(2), []got{{1, "a", an[0].Mentions}})
	eq(t, "through 5", read(5), []got{{1, "a", an[0].Mentions}, {3, "c", an[2].Mentions}})
	eq(t, "through 0", len(read(0)), 0)
}

func testQuotes(t *testing.T, s storage.Store) {
	loadFixture(t, s)
	ctx := context.Background()
	an := fixtureAnalysis()
	refA := storage.ArticleRef{ID: 1, ExternalID: "a", Outlet: "North Post", StoryID: 10, Published: "2024-03-02"}
	refC := storage.ArticleRef{ID: 3, ExternalID: "c", Outlet: "NORTH POST", StoryID: 11, Published: "2024-03-05"}
	all := []storage.QuoteRow{
		{Article: refA, Seq: 0, Quote: an[0].Quotes[0], Chars: an[0].QuoteChars[0], SpeakerID: 100, SpeakerName: "Maria Lund"},
		{Article: refA, Seq: 1, Quote: an[0].Quotes[1], Chars: an[0].QuoteChars[1], SpeakerID: 0, SpeakerName: ""},
		{Article: refC, Seq: 0, Quote: an[2].Quotes[0], Chars: an[2].QuoteChars[0], SpeakerID: 100, SpeakerName: "Maria Lund"},
	}
	qs, next, err := s.Quotes(ctx, storage.QuoteFilter{})
	noErr(t, "Quotes", err)
	eq(t, "cursor", next, "")
	eq(t, "all quotes", qs, all)
	key := func(r storage.QuoteRow) int64 { return r.Article.ID*10 + int64(r.Seq) }
	tests := []struct {
		name string
		f    storage.QuoteFilter
		want []int64
	}{
		{"story", storage.QuoteFilter{StoryID: 11}, []int64{30}},
		{"thread", storage.QuoteFilter{ThreadID: 1}, []int64{10, 11, 30}},
		{"other thread", storage.QuoteFilter{ThreadID: 2}, []int64{}},
		{"speaker", storage.QuoteFilter{SpeakerID: 100}, []int64{10, 30}},
		{"unknown speaker", storage.QuoteFilter{SpeakerID: 101}, []int64{}},
		{"outlet", storage.QuoteFilter{Outlet: "North Post"}, []int64{10, 11, 30}},
		{"dates", storage.QuoteFilter{Dates: storage.DateRange{From: "2024-03-04"}}, []int64{30}},
		{"speaker in a story", storage.QuoteFilter{SpeakerID: 100, StoryID: 11}, []int64{30}},
		{"speaker in another story", storage.QuoteFilter{SpeakerID: 100, StoryID: 12}, []int64{}},
		{"speaker and outlet", storage.QuoteFilter{SpeakerID: 100, Outlet: "north post"}, []int64{10, 30}},
		{"speaker and dates", storage.QuoteFilter{SpeakerID: 100, Dates: storage.DateRange{To: "2024-03-03"}}, []int64{10}},
	}
	for _, tc := range tests {
		rows, _, err := s.Quotes(ctx, tc.f)
		noErr(t, tc.name, err)
		ids := []int64{}
		for _, r := range rows {
			ids = append(ids, key(r))
		}
		eq(t, tc.name, ids, tc.want)
	}
	for _, limit := range []int{1, 2, 3} {
		got := pageAll(t, limit, func(p storage.Page) ([]storage.QuoteRow, string, error) {
			return s.Quotes(ctx, storage.QuoteFilter{Page: p})
		}, key)
		eq(t, fmt.Sprintf("quote pages of %d", limit), got, []int64{10, 11, 30})
		got = pageAll(t, limit, func(p storage.Page) ([]storage.QuoteRow, string, error) {
			return s.Quotes(ctx, storage.QuoteFilter{SpeakerID: 100, Page: p})
		}, key)
		eq(t, fmt.Sprintf("a speaker's quote pages of %d", limit), got, []int64{10, 30})
	}
}

// claimKey names a claim row by its id and its stances' articles.
func claimKey(c storage.ClaimRow) string {
	s := fmt.Sprintf("%d@%d:", c.ID, c.StoryID)
	for _, st := range c.Stances {
		s += fmt.Sprintf(" %d/%s", st.Article.ID, st.Stance)
	}
	return s
}

func claimKeys(t *testing.T, s storage.Store, f storage.ClaimFilter) []string {
	t.Helper()
	cs, _, err := s.Claims(context.Background(), f)
	noErr(t, "Claims", err)
	out := []string{}
	for _, c := range cs {
		out = append(out, claimKey(c))
	}
	return out
}

func testClaims(t *testing.T, s storage.Store) {
	loadFixture(t, s)
	ctx := context.Background()
	c500 := "500@10: 1/assert 2/deny"
	c501 := "501@11: 3/admit"
	tests := []struct {
		name string
		f    storage.ClaimFilter
		want []string
	}{
		{"all, most held first", storage.ClaimFilter{}, []string{c500, c501}},
		{"story", storage.ClaimFilter{StoryID: 11}, []string{c501}},
		{"thread", storage.ClaimFilter{ThreadID: 1}, []string{c500, c501}},
		{"other thread", storage.ClaimFilter{ThreadID: 2}, []string{}},
		{"holder entity", storage.ClaimFilter{EntityID: 101}, []string{c500}},
		{"holder entity through two keys", storage.ClaimFilter{EntityID: 100}, []string{c500, c501}},
		{"outlet", storage.ClaimFilter{Outlet: "south wire"}, []string{c500}},
		{"dates", storage.ClaimFilter{Dates: storage.DateRange{From: "2024-03-05", To: "2024-03-05"}}, []string{c501}},
	}
	for _, tc := range tests {
		eq(t, tc.name, claimKeys(t, s, tc.f), tc.want)
	}
	cs, _, err := s.Claims(ctx, storage.ClaimFilter{StoryID: 10})
	noErr(t, "Claims", err)
	if len(cs) != 1 || len(cs[0].Stances) != 2 {
		t.Fatalf("claims of story 10: %+v", cs)
	}
	an := fixtureAnalysis()
	eq(t, "claim text", cs[0].Text, "the dam is safe")
	eq(t, "first stance", cs[0].Stances[0], storage.ClaimStance{
		Article:       storage.ArticleRef{ID: 1, ExternalID: "a", Outlet: "North Post", StoryID: 10, Published: "2024-03-02"},
		StanceMention: an[0].Stances[0], Chars: an[0].StanceChars[0], HolderID: 100, HolderName: "Maria Lund",
	})
	eq(t, "second stance", cs[0].Stances[1], storage.ClaimStance{
		Article:       storage.ArticleRef{ID: 2, ExternalID: "b", Outlet: "South Wire", StoryID: 10, Published: "2024-03-03"},
		StanceMention: an[1].Stances[0], Chars: an[1].StanceChars[0], HolderID: 101, HolderName: "Valley Power",
	})
	for _, limit := range []int{1, 2} {
		got := pageAll(t, limit, func(p storage.Page) ([]storage.ClaimRow, string, error) {
			return s.Claims(ctx, storage.ClaimFilter{Page: p})
		}, func(c storage.ClaimRow) int64 { return c.ID })
		eq(t, fmt.Sprintf("claim pages of %d", limit), got, []int64{500, 501})
	}
}

func testClaimsReplaced(t *testing.T, s storage.Store) {
	loadFixture(t, s)
	ctx := context.Background()
	// Story 10's claims are regrouped: each stance its own claim.
	commit(t, s, &storage.Batch{ReadModel: storage.ReadModel{
		ClaimStories: []int64{10},
		Claims: []storage.ClaimGroup{
			{ID: 502, StoryID: 10, Text: "the dam is safe", Stances: []storage.StanceRef{{ArticleID: 1, Seq: 0}}},
			{ID: 503, StoryID: 10, Text: "the dam is not safe", Stances: []storage.StanceRef{{ArticleID: 2, Seq: 0}}},
		},
	}})
	eq(t, "after regrouping story 10", claimKeys(t, s, storage.ClaimFilter{}), []string{"501@11: 3/admit", "502@10: 1/assert", "503@10: 2/deny"})
	// A story whose claims are replaced by none.
	commit(t, s, &storage.Batch{ReadModel: storage.ReadModel{ClaimStories: []int64{11}}})
	eq(t, "after clearing story 11", claimKeys(t, s, storage.ClaimFilter{}), []string{"502@10: 1/assert", "503@10: 2/deny"})
	var claimIDs []int64
	noErr(t, "StoryStances", s.StoryStances(ctx, []int64{10, 11}, nil, func(r storage.StanceRow) error {
		claimIDs = append(claimIDs, r.ClaimID)
		return nil
	}))
	eq(t, "stances' claims", claimIDs, []int64{502, 503, 0})
	// Reset drops every claim and unlinks every stance.
	commit(t, s, &storage.Batch{ReadModel: storage.ReadModel{ResetClaims: true}})
	eq(t, "after reset", claimKeys(t, s, storage.ClaimFilter{}), []string{})
	claimIDs = nil
	noErr(t, "StoryStances", s.StoryStances(ctx, []int64{10, 11}, nil, func(r storage.StanceRow) error {
		claimIDs = append(claimIDs, r.ClaimID)
		return nil
	}))
	eq(t, "stances after reset", claimIDs, []int64{0, 0, 0})
}

func testStoryStances(t *testing.T, s storage.Store) {
	loadFixture(t, s)
	an := fixtureAnalysis()
	tests := []struct {
		name              string
		stories, articles []int64
		want              []storage.StanceRow
	}{
		{"a story", []int64{10}, nil, []storage.StanceRow{
			{StanceRef: storage.StanceRef{ArticleID: 1}, StoryID: 10, ClaimID: 500, StanceMention: an[0].Stances[0]},
			{StanceRef: storage.StanceRef{ArticleID: 2}, StoryID: 10, ClaimID: 500, StanceMention: an[1].Stances[0]},
		}},
		{"articles", nil, []int64{3, 4}, []storage.StanceRow{
			{StanceRef: storage.StanceRef{ArticleID: 3}, StoryID: 11, ClaimID: 501, StanceMention: an[2].Stances[0]},
		}},
		{"both, once each", []int64{10}, []int64{2, 3}, []storage.StanceRow{
			{StanceRef: storage.StanceRef{ArticleID: 1}, StoryID: 10, ClaimID: 500, StanceMention: an[0].Stances[0]},
			{StanceRef: storage.StanceRef{ArticleID: 2}, StoryID: 10, ClaimID: 500, StanceMention: an[1].Stances[0]},
			{StanceRef: storage.StanceRef{ArticleID: 3}, StoryID: 11, ClaimID: 501, StanceMention: an[2].Stances[0]},
		}},
		{"none", []int64{12, 99}, nil, nil},
	}
	for _, tc := range tests {
		var got []storage.StanceRow
		noErr(t, tc.name, s.StoryStances(context.Background(), tc.stories, tc.articles, func(r storage.StanceRow) error {
			got = append(got, r)
			return nil
		}))
		slices.SortStableFunc(got, func(a, b storage.StanceRow) int { return int(a.StanceRef.ArticleID - b.StanceRef.ArticleID) })
		eq(t, tc.name, got, tc.want)
	}
}

// testManyRows commits more mentions, quotes, entities, keys and state
// blobs in one batch than a store may write in one statement, and reads
// them back.
func testManyRows(t *testing.T, s storage.Store) {
	ctx := context.Background()
	const n = 150
	a := &model.Article{ID: 1, ExternalID: "many", Hash: "hm", Text: strings.Repeat("Word ", n+1), Outlet: "North Post", StoryID: 1}
	an := storage.Analysis{Analysis: model.Analysis{ArticleID: 1}}
	rm := storage.ReadModel{Keys: map[string]int64{}}
	state := map[string][]byte{}
	for i := range n {
		k := fmt.Sprintf("Name %03d", i)
		an.Mentions = append(an.Mentions, model.Mention{Span: model.Span{Start: 5 * i, End: 5*i + 4}, Text: k, Type: model.Person, Key: k})
		if i < n/2 {
			an.Quotes = append(an.Quotes, model.Quote{ArticleID: 1, Span: model.Span{Start: 5 * i, End: 5*i + 4}, Text: k, Kind: model.Direct, Speaker: k})
			an.QuoteChars = append(an.QuoteChars, model.Span{Start: 5 * i, End: 5*i + 4})
			an.SpeakerKeys = append(an.SpeakerKeys, k)
		}
		rm.Entities = append(rm.Entities, storage.EntityRow{Entity: model.Entity{ID: int64(1000 + i), Canonical: k, Type: model.Person, Mentions: 1},
			ArticleCount: 1, Names: []string{strings.ToLower(k)}, Digest: fmt.Sprintf("d%d", i)})
		rm.Keys[k] = int64(1000 + i)
		state[fmt.Sprintf("many/%03d", i)] = []byte{byte(i)}
	}
	commit(t, s, &storage.Batch{Articles: []*model.Article{a}, Analysis: []storage.Analysis{an}, ReadModel: rm, State: state})
	noErr(t, "Analyses", s.Analyses(ctx, storage.ArticleFilter{}, func(_ *model.Article, got *model.Analysis) error {
		eq(t, "mentions", got.Mentions, an.Mentions)
		eq(t, "quotes", len(got.Quotes), n/2)
		return nil
	}))
	keys := map[string]int64{}
	noErr(t, "EntityKeyIDs", s.EntityKeyIDs(ctx, slices.Sorted(maps.Keys(rm.Keys)), func(k string, id int64) error { keys[k] = id; return nil }))
	eq(t, "keys", keys, rm.Keys)
	es, _, err := s.Entities(ctx, storage.EntityFilter{Names: []string{"name 149"}})
	noErr(t, "Entities", err)
	if len(es) != 1 || es[0].ID != 1149 {
		t.Errorf("entity named name 149: %+v", es)
	}
	got := map[string][]byte{}
	noErr(t, "ReadStates", s.ReadStates(ctx, "many/", func(name string, data []byte) error {
		got[name] = slices.Clone(data)
		return nil
	}))
	eq(t, "states", got, state)
}
