package api_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/gorillamux"

	"github.com/parallax-news/parallax/internal/api"
	"github.com/parallax-news/parallax/internal/model"
	"github.com/parallax-news/parallax/internal/outlet"
	"github.com/parallax-news/parallax/internal/storage"
	"github.com/parallax-news/parallax/internal/web/webtest"
)

// contract loads the served OpenAPI document and a router over it.
func contract(t *testing.T, base string) routers.Router {
	t.Helper()
	loader := openapi3.NewLoader()
	doc, err := loader.LoadFromData(api.OpenAPI)
	if err != nil {
		t.Fatalf("openapi.json: %v", err)
	}
	if err := doc.Validate(context.Background()); err != nil {
		t.Fatalf("openapi.json is not a valid OpenAPI 3 document: %v", err)
	}
	doc.Servers = openapi3.Servers{{URL: base + "/api/v1"}}
	r, err := gorillamux.NewRouter(doc)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// registry loads the example corpus's outlet registry.
func registry(t *testing.T) func(context.Context) (*outlet.Registry, error) {
	t.Helper()
	f, err := os.Open("../../examples/outlets.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	outs, errs := outlet.ReadCSV(f, "outlets.csv")
	if len(errs) > 0 || len(outs) == 0 {
		t.Fatalf("outlets.csv: %d outlets, %v", len(outs), errs)
	}
	reg := outlet.New(outs)
	return func(context.Context) (*outlet.Registry, error) { return reg, nil }
}

func TestAPIMatchesOpenAPI(t *testing.T) {
	st := webtest.Store(t, "../../examples")
	srv := httptest.NewServer(api.New(api.NewData(st, registry(t)), nil))
	defer srv.Close()
	router := contract(t, srv.URL)

	get := func(path string) (int, []byte) {
		t.Helper()
		req, _ := http.NewRequest(http.MethodGet, srv.URL+path, nil)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		route, params, err := router.FindRoute(req)
		if err != nil {
			t.Fatalf("%s: no route in openapi.json: %v", path, err)
		}
		in := &openapi3filter.RequestValidationInput{Request: req, PathParams: params, Route: route}
		if resp.StatusCode < 400 {
			if err := openapi3filter.ValidateRequest(context.Background(), in); err != nil {
				t.Errorf("%s: request does not match openapi.json: %v", path, err)
			}
		}
		out := &openapi3filter.ResponseValidationInput{RequestValidationInput: in, Status: resp.StatusCode, Header: resp.Header,
			Body: io.NopCloser(bytes.NewReader(body)), Options: &openapi3filter.Options{IncludeResponseStatus: true}}
		if err := openapi3filter.ValidateResponse(context.Background(), out); err != nil {
			t.Errorf("%s: response does not match openapi.json: %v\n%.400s", path, err, body)
		}
		if !utf8.Valid(body) {
			t.Errorf("%s: the answer is not valid UTF-8", path)
		}
		return resp.StatusCode, body
	}

	// Walk the lists to real ids.
	var stories api.List[api.Story]
	_, body := get("/api/v1/stories?limit=100")
	if err := json.Unmarshal(body, &stories); err != nil || len(stories.Items) == 0 {
		t.Fatalf("stories: %v %s", err, body)
	}
	var multi, hostile int64
	for _, s := range stories.Items {
		if s.Articles >= 2 && multi == 0 {
			multi = s.ID
		}
		if strings.Contains(s.Headline, "Velmora") {
			hostile = s.ID
		}
	}
	if multi == 0 || hostile == 0 {
		t.Fatalf("want a story of several articles and the hostile story, got %+v", stories.Items)
	}
	var ents api.List[api.Entity]
	_, body = get("/api/v1/entities?limit=5&type=person")
	if err := json.Unmarshal(body, &ents); err != nil || len(ents.Items) == 0 {
		t.Fatalf("entities: %v %s", err, body)
	}
	for _, e := range ents.Items {
		if e.Type != "person" {
			t.Errorf("entities?type=person gave %s %q", e.Type, e.Canonical)
		}
	}
	ent := ents.Items[0].ID
	var arts api.List[api.Article]
	_, body = get("/api/v1/articles?limit=2")
	if err := json.Unmarshal(body, &arts); err != nil || len(arts.Items) != 2 || arts.Next == "" {
		t.Fatalf("articles?limit=2: want two articles and a next cursor: %v %s", err, body)
	}
	var page2 api.List[api.Article]
	_, body = get("/api/v1/articles?limit=2&after=" + arts.Next)
	if err := json.Unmarshal(body, &page2); err != nil || len(page2.Items) == 0 || page2.Items[0].ID <= arts.Items[1].ID {
		t.Fatalf("articles page 2 does not follow page 1: %v %s", err, body)
	}

	var outlets api.List[api.OutletSummary]
	_, body = get("/api/v1/outlets")
	if err := json.Unmarshal(body, &outlets); err != nil || len(outlets.Items) < 2 {
		t.Fatalf("outlets: %v %s", err, body)
	}
	ok := []string{
		"/api/v1/outlets?limit=1",
		"/api/v1/outlets/" + url.PathEscape(outlets.Items[0].Name),
		"/api/v1/outlets/" + url.PathEscape(strings.ToUpper(outlets.Items[1].Name)),
		"/api/v1/stories?entity=" + itoa(ent),
		"/api/v1/stories?entity=renwick&order=latest&min_outlets=1",
		"/api/v1/stories?entity=" + url.QueryEscape("<script>") + "&outlet=x",
		"/api/v1/stories?min_outlets=2&from=2025-01-01&to=2026-12-31",
		"/api/v1/stories/" + itoa(multi),
		"/api/v1/stories/" + itoa(multi) + "/comparison",
		"/api/v1/stories/" + itoa(hostile) + "/comparison",
		"/api/v1/articles/" + itoa(arts.Items[0].ID),
		"/api/v1/articles?story=" + itoa(hostile),
		"/api/v1/entities/" + itoa(ent),
		"/api/v1/entities?name=" + "Renwick",
		"/api/v1/quotes?limit=20",
		"/api/v1/quotes?speaker=" + itoa(ent),
		"/api/v1/claims?limit=20",
		"/api/v1/claims?story=" + itoa(multi),
		"/api/v1/threads",
		"/api/v1/stories?order=latest&limit=3",
		"/api/v1/stories?outlet=Valley+Signal+%3Cb%3Ebold%3C%2Fb%3E&exclusive=1&order=latest",
		"/api/v1/search?q=Renwick",
		"/api/v1/search?q=Renwick&kind=quotes",
		"/api/v1/search?q=Renwick&kind=quotes&speaker=" + itoa(ent),
		"/api/v1/search?q=Renwick&kind=entities&type=person",
		"/api/v1/search?q=quarry&outlet=Valley+Signal+%3Cb%3Ebold%3C%2Fb%3E&from=2025-10-01&to=2025-10-31&limit=1",
		"/api/v1/search?q=" + url.QueryEscape(`"NEAR(* -: title:x OR AND ^`),
		"/api/v1/search?q=",
	}
	for _, p := range ok {
		if status, body := get(p); status != http.StatusOK {
			t.Errorf("%s: status %d: %s", p, status, body)
		}
	}
	bad := []struct {
		path   string
		status int
	}{
		{"/api/v1/stories/999999", 404},
		{"/api/v1/stories/abc", 400},
		{"/api/v1/stories/-3/comparison", 400},
		{"/api/v1/articles/999999", 404},
		{"/api/v1/entities/999999", 404},
		{"/api/v1/stories?from=yesterday", 400},
		{"/api/v1/stories?from=2025-02-01&to=2025-01-01", 400},
		{"/api/v1/stories?limit=100000", 400},
		{"/api/v1/stories?after=%3Cscript%3E", 400},
		{"/api/v1/entities?type=dragon", 400},
		{"/api/v1/quotes?speaker=x", 400},
		{"/api/v1/search?q=x&kind=dragons", 400},
		{"/api/v1/search?q=x&thread=1", 400},
		{"/api/v1/search?q=x&after=zz", 400},
		{"/api/v1/search?q=" + strings.Repeat("x", 600), 400},
		{"/api/v1/stories?order=oldest", 400},
		{"/api/v1/stories?entity=" + strings.Repeat("x", 201), 400},
		{"/api/v1/outlets/Nobody+Publishes+This", 404},
		{"/api/v1/outlets/" + url.PathEscape("<script>alert(1)</script>"), 404},
		{"/api/v1/outlets?after=x", 400},
		{"/api/v1/outlets?limit=0", 400},
	}
	for _, b := range bad {
		status, body := get(b.path)
		if status != b.status {
			t.Errorf("%s: status %d, want %d", b.path, status, b.status)
		}
		var e api.Error
		if err := json.Unmarshal(body, &e); err != nil || e.Error.Status != b.status || e.Error.Message == "" {
			t.Errorf("%s: want a JSON error with status %d, got %s", b.path, b.status, body)
		}
		if strings.Contains(string(body), "<script>") {
			t.Errorf("%s: the error echoes markup: %s", b.path, body)
		}
	}
}

func TestAPIRejectsWritesAndUnknownRoutes(t *testing.T) {
	st := webtest.Store(t, "")
	h := api.New(api.NewData(st, nil), nil)
	for _, tc := range []struct {
		method, path string
		status       int
	}{
		{"POST", "/api/v1/stories", 405},
		{"DELETE", "/api/v1/stories/1", 405},
		{"GET", "/api/v1/nothing", 404},
		{"GET", "/api/v2/stories", 404},
	} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(tc.method, tc.path, nil))
		if rec.Code != tc.status {
			t.Errorf("%s %s: status %d, want %d", tc.method, tc.path, rec.Code, tc.status)
		}
		if ct := rec.Header().Get("Content-Type"); ct != "application/json" {
			t.Errorf("%s %s: Content-Type %q", tc.method, tc.path, ct)
		}
	}
}

func TestHostileTextStaysData(t *testing.T) {
	st := webtest.Store(t, "")
	h := api.New(api.NewData(st, nil), nil)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/api/v1/articles?limit=10", nil))
	var arts api.List[api.Article]
	if err := json.Unmarshal(rec.Body.Bytes(), &arts); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, a := range arts.Items {
		if strings.Contains(a.Title, webtest.ScriptTag) {
			found = true // stored and served as text, byte for byte
		}
	}
	if !found {
		t.Errorf("no article title carries the script tag as text: %+v", arts.Items)
	}
	if strings.Contains(rec.Body.String(), "<script>") {
		t.Errorf("the JSON carries a raw <script> (want it escaped as \\u003c)")
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// TestSearch finds an entity, the articles naming it and the quotes
// about the hostile event, with the matched words marked and the
// articles' markup kept as data.
func TestSearch(t *testing.T) {
	st := webtest.Store(t, "")
	h := api.New(api.NewData(st, nil), nil)
	search := func(query string) api.List[api.SearchHit] {
		t.Helper()
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", "/api/v1/search?"+query, nil))
		if rec.Code != http.StatusOK {
			t.Fatalf("%s: status %d: %s", query, rec.Code, rec.Body)
		}
		if strings.Contains(rec.Body.String(), "<script>") || strings.Contains(rec.Body.String(), "<img") {
			t.Errorf("%s: the JSON carries raw markup: %.300s", query, rec.Body)
		}
		var l api.List[api.SearchHit]
		if err := json.Unmarshal(rec.Body.Bytes(), &l); err != nil {
			t.Fatal(err)
		}
		return l
	}
	matched := func(fs []storage.Fragment) []string {
		var out []string
		for _, f := range fs {
			if f.Match {
				out = append(out, strings.ToLower(f.Text))
			}
		}
		return out
	}
	ents := search("q=renwick&kind=entities")
	if len(ents.Items) == 0 || ents.Items[0].Entity == nil || !strings.Contains(ents.Items[0].Entity.Canonical, "Renwick") {
		t.Fatalf("entities named Renwick: %+v", ents.Items)
	}
	if got := matched(ents.Items[0].Snippet); len(got) == 0 || got[0] != "renwick" {
		t.Errorf("entity snippet marks %v", got)
	}
	want := 0
	st.Articles(context.Background(), storage.ArticleFilter{}, func(a *model.Article) error {
		if strings.Contains(a.Title+a.Text, "Renwick") {
			want++
		}
		return nil
	})
	arts := search("q=renwick")
	if len(arts.Items) != want || want == 0 {
		t.Fatalf("articles naming Renwick: %d, want %d", len(arts.Items), want)
	}
	for _, it := range arts.Items {
		if it.Kind != "articles" || it.Article == nil || it.Article.ID == 0 {
			t.Errorf("article hit %+v", it)
		}
		if got := matched(it.Snippet); len(got) == 0 || got[0] != "renwick" {
			t.Errorf("article %d snippet marks %v", it.Article.ID, got)
		}
	}
	// The title's markup comes back as text in fragments.
	hits := search("q=script+quarry")
	found := false
	for _, it := range hits.Items {
		title := ""
		for _, f := range it.Title {
			title += f.Text
		}
		if strings.Contains(title, "<script>document.title") {
			found = true
		}
	}
	if !found {
		t.Errorf("no hostile title among %+v", hits.Items)
	}
	quotes := search("q=" + url.QueryEscape(`"four men"`) + "&kind=quotes")
	if len(quotes.Items) == 0 {
		t.Fatal("no quote about four men")
	}
	for _, it := range quotes.Items {
		if it.Quote == nil || !strings.Contains(it.Quote.Text, "four men") || it.Quote.Speaker == "" {
			t.Errorf("quote hit %+v", it)
		}
		if got := matched(it.Snippet); !slices.Equal(got, []string{"four", "men"}) && !slices.Equal(got, []string{"four men"}) {
			t.Errorf("quote snippet marks %v", got)
		}
	}
	page1 := search("q=velmora&limit=1")
	if len(page1.Items) != 1 || page1.Next == "" {
		t.Fatalf("first page: %+v", page1)
	}
	page2 := search("q=velmora&limit=1&after=" + url.QueryEscape(page1.Next))
	if len(page2.Items) == 0 || page2.Items[0].Article.ID == page1.Items[0].Article.ID {
		t.Errorf("second page repeats the first: %+v", page2.Items)
	}
}

// get serves one API request and decodes a 200 answer into v.
func get(t *testing.T, h http.Handler, path string, v any) {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
	if rec.Code != http.StatusOK {
		t.Fatalf("%s: status %d: %s", path, rec.Code, rec.Body)
	}
	if err := json.Unmarshal(rec.Body.Bytes(), v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}

// TestStoriesByEntity filters the stories by an entity given by id or by
// any spelling of its name, and keeps exactly the stories with an article
// that mentions it.
func TestStoriesByEntity(t *testing.T) {
	st := webtest.Store(t, "../../examples")
	ctx := context.Background()
	h := api.New(api.NewData(st, nil), nil)
	var ents api.List[api.Entity]
	get(t, h, "/api/v1/entities?name=renwick", &ents)
	if len(ents.Items) == 0 {
		t.Fatal("no entity named Renwick")
	}
	e := ents.Items[0]
	want := []int64{}
	refs, _, err := st.EntityArticles(ctx, e.ID, storage.Page{})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range refs {
		if r.StoryID != 0 && !slices.Contains(want, r.StoryID) {
			want = append(want, r.StoryID)
		}
	}
	slices.Sort(want)
	if len(want) == 0 {
		t.Fatalf("%s is in no story", e.Canonical)
	}
	ids := func(path string) []int64 {
		t.Helper()
		var out []int64
		for after := ""; ; {
			var l api.List[api.Story]
			get(t, h, path+"&limit=2&after="+url.QueryEscape(after), &l)
			for _, s := range l.Items {
				out = append(out, s.ID)
			}
			if l.Next == "" {
				break
			}
			after = l.Next
		}
		slices.Sort(out)
		return out
	}
	for _, spelling := range []string{itoa(e.ID), e.Canonical, strings.ToUpper(e.Canonical), " " + strings.ToLower(e.Canonical) + " ", "Renwíck"} {
		if got := ids("/api/v1/stories?entity=" + url.QueryEscape(spelling)); !slices.Equal(got, want) {
			t.Errorf("entity=%q: stories %v, want %v", spelling, got, want)
		}
	}
	for _, none := range []string{"999999", "Nobody Ever Named", "!!!"} {
		if got := ids("/api/v1/stories?entity=" + url.QueryEscape(none)); len(got) != 0 {
			t.Errorf("entity=%q: stories %v, want none", none, got)
		}
	}
	// The filter narrows the others' results.
	all := ids("/api/v1/stories?order=latest")
	if len(all) <= len(want) {
		t.Errorf("all stories %v, entity's %v: the corpus does not show the filter narrows", all, want)
	}
}

// TestOutlets lists the outlets with their counts and serves each one's
// page, which sums up the same counts.
func TestOutlets(t *testing.T) {
	st := webtest.Store(t, "../../examples")
	ctx := context.Background()
	h := api.New(api.NewData(st, registry(t)), nil)
	known := 0
	var l api.List[api.OutletSummary]
	get(t, h, "/api/v1/outlets?limit=500", &l)
	c, err := st.Counts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	sum := 0
	for i, o := range l.Items {
		sum += o.Articles
		if i > 0 && o.Articles > l.Items[i-1].Articles {
			t.Errorf("outlet %q (%d articles) after %q (%d)", o.Name, o.Articles, l.Items[i-1].Name, l.Items[i-1].Articles)
		}
	}
	if l.Next != "" || sum == 0 || sum > c.Articles {
		t.Errorf("outlets sum to %d articles of %d (next %q)", sum, c.Articles, l.Next)
	}
	// Pages of one outlet follow each other without a gap.
	var paged []string
	for after := ""; ; {
		var p api.List[api.OutletSummary]
		get(t, h, "/api/v1/outlets?limit=1&after="+after, &p)
		for _, o := range p.Items {
			paged = append(paged, o.Name)
		}
		if p.Next == "" {
			break
		}
		after = p.Next
	}
	if len(paged) != len(l.Items) {
		t.Errorf("paged outlets %v, want %d", paged, len(l.Items))
	}
	for _, o := range l.Items {
		var d api.OutletDetail
		get(t, h, "/api/v1/outlets/"+url.PathEscape(strings.ToLower(o.Name)), &d)
		if d.OutletSummary != o {
			t.Errorf("outlet page %+v, list row %+v", d.OutletSummary, o)
		}
		if d.AllStories != c.Stories || len(d.ExclusiveStories) > d.Exclusive || len(d.LatestStories) == 0 {
			t.Errorf("%s: %d of %d stories, %d exclusive listed of %d, %d latest", o.Name, d.Stories, d.AllStories, len(d.ExclusiveStories), d.Exclusive, len(d.LatestStories))
		}
		if d.Registry != nil {
			known++
			if !strings.EqualFold(d.Registry.Name, o.Name) {
				t.Errorf("outlet %q: registry entry %q", o.Name, d.Registry.Name)
			}
		}
		for _, s := range d.ExclusiveStories {
			if len(s.Outlets) != 1 || !strings.EqualFold(s.Outlets[0], o.Name) {
				t.Errorf("%s: exclusive story %d has outlets %v", o.Name, s.ID, s.Outlets)
			}
		}
		for _, v := range d.Verbs {
			if v.Verb == "" || v.Count <= 0 || v.Share <= 0 || v.Share > 100 {
				t.Errorf("%s: verb %+v", o.Name, v)
			}
		}
	}
	if known == 0 {
		t.Error("no outlet page carries its registry entry")
	}
}
