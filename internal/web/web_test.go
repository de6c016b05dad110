package web_test

import (
	"encoding/json"
	"errors"
	"html"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/api"
	"github.com/parallax-news/parallax/internal/ui"
	"github.com/parallax-news/parallax/internal/web"
	"github.com/parallax-news/parallax/internal/web/webtest"
)

func TestCheckAddr(t *testing.T) {
	for _, tc := range []struct {
		addr, token string
		ok          bool
	}{
		{"127.0.0.1:8080", "", true},
		{"localhost:8080", "", true},
		{"[::1]:8080", "", true},
		{"127.0.0.2:80", "", true},
		{":8080", "", false},
		{"0.0.0.0:8080", "", false},
		{"192.168.1.4:8080", "", false},
		{"[::]:8080", "", false},
		{"example.org:8080", "", false},
		{"0.0.0.0:8080", "s3cret", true},
		{"no-port", "", false},
	} {
		err := web.CheckAddr(tc.addr, tc.token)
		if (err == nil) != tc.ok {
			t.Errorf("CheckAddr(%q, %q) = %v, want ok %v", tc.addr, tc.token, err, tc.ok)
		}
		if err != nil && tc.addr != "no-port" && !errors.Is(err, web.ErrNeedToken) {
			t.Errorf("CheckAddr(%q): %v does not say a token is needed", tc.addr, err)
		}
	}
}

// server serves the fixture store with the given token.
func server(t *testing.T, token string) http.Handler {
	t.Helper()
	st := webtest.Store(t, "../../examples")
	d := api.NewData(st, nil)
	return web.Handler(web.Config{Addr: "127.0.0.1:0", Token: token}, ui.New(d, nil), api.New(d, nil))
}

func get(h http.Handler, method, path string, hdr map[string]string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(method, path, nil)
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

var (
	hrefID     = regexp.MustCompile(`href="/(stories|articles|entities)/(\d+)"`)
	hrefOutlet = regexp.MustCompile(`href="(/outlet\?name=[^"]+)"`)
)

// TestPagesAreSafe opens every page, following links to real stories,
// articles and entities, and checks the answers' headers and that no
// hostile markup from the store comes through unescaped.
func TestPagesAreSafe(t *testing.T) {
	h := server(t, "")
	seen := map[string]bool{}
	queue := []string{"/", "/stories?min_outlets=2", "/stories?outlet=Ridge", "/threads", "/entities", "/entities?name=Renwick",
		"/quotes", "/claims", "/stories?from=2025-10-01&to=2025-10-31", "/stories?order=latest",
		"/search", "/search?q=script+quarry", "/search?q=velmora&kind=quotes", "/search?q=renwick&kind=entities",
		"/search?q=%22NEAR%28%2A+-%3A+title%3Ax", "/search?q=onerror&outlet=Valley+Signal+%3Cb%3Ebold%3C%2Fb%3E",
		"/outlets", "/stories?entity=renwick", "/stories?entity=%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E", "/stories?outlet=Ridge+Gazette%22%3E%3Cimg+src%3Dx+onerror%3D%22document.title%3D%27PWNED%27%22%3E&exclusive=1"}
	pages := map[string]int{}
	for len(queue) > 0 && len(seen) < 120 {
		p := queue[0]
		queue = queue[1:]
		if seen[p] {
			continue
		}
		seen[p] = true
		rec := get(h, "GET", p, nil)
		if rec.Code != http.StatusOK {
			t.Errorf("%s: status %d: %.300s", p, rec.Code, rec.Body.String())
			continue
		}
		checkHeaders(t, p, rec)
		body := rec.Body.String()
		checkSafe(t, p, body)
		if ct := rec.Header().Get("Content-Type"); ct != "text/html; charset=utf-8" {
			t.Errorf("%s: Content-Type %q", p, ct)
		}
		for _, m := range hrefID.FindAllStringSubmatch(body, -1) {
			pages[m[1]]++
			queue = append(queue, "/"+m[1]+"/"+m[2])
		}
		for _, m := range hrefOutlet.FindAllStringSubmatch(body, -1) {
			pages["outlet"]++
			queue = append(queue, html.UnescapeString(m[1]))
		}
	}
	for _, kind := range []string{"stories", "articles", "entities", "outlet"} {
		if pages[kind] == 0 {
			t.Errorf("no link to a %s page found", kind)
		}
	}
}

// checkHeaders checks the security headers of an answer.
func checkHeaders(t *testing.T, p string, rec *httptest.ResponseRecorder) {
	t.Helper()
	hd := rec.Header()
	csp := hd.Get("Content-Security-Policy")
	if !strings.Contains(csp, "default-src 'none'") || !strings.Contains(csp, "frame-ancestors 'none'") || strings.Contains(csp, "unsafe-inline") {
		t.Errorf("%s: weak CSP %q", p, csp)
	}
	if hd.Get("X-Content-Type-Options") != "nosniff" || hd.Get("X-Frame-Options") != "DENY" {
		t.Errorf("%s: missing nosniff or frame denial: %v", p, hd)
	}
}

// checkSafe fails when a page carries markup from the store unescaped.
func checkSafe(t *testing.T, p, body string) {
	t.Helper()
	for _, bad := range []string{"<script", "<img", `href="javascript:`, "<b>bold", `href="` + webtest.JSURL} {
		if strings.Contains(strings.ToLower(body), strings.ToLower(bad)) {
			i := strings.Index(strings.ToLower(body), strings.ToLower(bad))
			t.Errorf("%s: unescaped %q in the page: …%s…", p, bad, body[max(0, i-80):min(len(body), i+80)])
		}
	}
	if !utf8.ValidString(body) {
		t.Errorf("%s: the page is not valid UTF-8", p)
	}
	if strings.Contains(body, " style=") {
		t.Errorf("%s: an inline style attribute (blocked by the CSP)", p)
	}
}

func TestHostileStoryShowsItsText(t *testing.T) {
	h := server(t, "")
	rec := get(h, "GET", "/stories?from=2025-10-14&to=2025-10-14", nil)
	m := regexp.MustCompile(`href="/stories/(\d+)">Quarry collapse in Velmora`).FindStringSubmatch(rec.Body.String())
	if m == nil {
		t.Fatalf("the hostile story is not listed on its day: %.500s", rec.Body.String())
	}
	body := get(h, "GET", "/stories/"+m[1], nil).Body.String()
	// The markup is shown as text: escaped, not dropped.
	for _, want := range []string{"&lt;script&gt;document.title=", "&#34;&gt;&lt;img src=x onerror=", "Velmora"} {
		if !strings.Contains(body, want) {
			t.Errorf("story page lacks %q", want)
		}
	}
}

func TestReadOnlyAndLimits(t *testing.T) {
	h := server(t, "")
	for _, tc := range []struct {
		method, path string
		status       int
	}{
		{"POST", "/stories", 405},
		{"PUT", "/api/v1/stories", 405},
		{"DELETE", "/articles/1", 405},
		{"GET", "/static/style.css", 200},
		{"GET", "/static/../../go.mod", 404},
		{"GET", "/static/%2e%2e/ui.go", 404},
		{"GET", "/static/", 404},
		{"GET", "/stories/1/../../etc/passwd", 404},
		{"GET", "/stories?" + strings.Repeat("a", 5000), 414},
		{"GET", "/stories?format=exe", 400},
		{"GET", "/articles/0", 400},
	} {
		rec := get(h, tc.method, tc.path, nil)
		if rec.Code != tc.status && !(tc.status == 404 && rec.Code >= 300 && rec.Code < 400) {
			t.Errorf("%s %s: status %d, want %d", tc.method, tc.path, rec.Code, tc.status)
		}
		checkHeaders(t, tc.path, rec)
	}
	req := httptest.NewRequest("GET", "/stories", strings.NewReader("body"))
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != http.StatusRequestEntityTooLarge {
		t.Errorf("a request with a body: status %d, want 413", rec.Code)
	}
}

func TestToken(t *testing.T) {
	h := server(t, "s3cret")
	if rec := get(h, "GET", "/api/v1/stories", nil); rec.Code != 401 || !strings.Contains(rec.Body.String(), `"status":401`) {
		t.Errorf("API without token: %d %s", rec.Code, rec.Body.String())
	}
	if rec := get(h, "GET", "/stories", nil); rec.Code != 401 {
		t.Errorf("page without token: %d", rec.Code)
	}
	if rec := get(h, "GET", "/api/v1/stories", map[string]string{"Authorization": "Bearer wrong"}); rec.Code != 401 {
		t.Errorf("API with a wrong token: %d", rec.Code)
	}
	if rec := get(h, "GET", "/api/v1/stories", map[string]string{"Authorization": "Bearer s3cret"}); rec.Code != 200 {
		t.Errorf("API with the token: %d", rec.Code)
	}
	rec := get(h, "GET", "/stories?min_outlets=2&token=s3cret", nil)
	if rec.Code != http.StatusSeeOther || rec.Header().Get("Location") != "/stories?min_outlets=2" {
		t.Fatalf("?token=: status %d, Location %q", rec.Code, rec.Header().Get("Location"))
	}
	cookie := rec.Result().Cookies()
	if len(cookie) != 1 || cookie[0].Name != web.TokenCookie || !cookie[0].HttpOnly || cookie[0].SameSite != http.SameSiteStrictMode {
		t.Fatalf("?token= sets %v", cookie)
	}
	if rec := get(h, "GET", "/stories", map[string]string{"Cookie": web.TokenCookie + "=s3cret"}); rec.Code != 200 {
		t.Errorf("page with the cookie: %d", rec.Code)
	}
	if rec := get(h, "GET", "//evil.example/?token=s3cret", nil); rec.Code == http.StatusSeeOther && !strings.HasPrefix(rec.Header().Get("Location"), "/") ||
		strings.HasPrefix(rec.Header().Get("Location"), "//") {
		t.Errorf("?token= redirects off the server: %q", rec.Header().Get("Location"))
	}
	if rec := get(h, "GET", "/stories?token=wrong", nil); rec.Code != 401 {
		t.Errorf("a wrong ?token=: %d", rec.Code)
	}
}

func TestExports(t *testing.T) {
	h := server(t, "")
	for _, tc := range []struct{ path, ctype, want string }{
		{"/stories?format=csv", "text/csv; charset=utf-8", "id,headline,articles,outlets,first,last,thread\n"},
		{"/stories?format=jsonl", "application/x-ndjson", `{"id":`},
		{"/stories?format=md", "text/markdown; charset=utf-8", "| id | headline |"},
		{"/entities?format=csv", "text/csv; charset=utf-8", "id,entity,type"},
		{"/quotes?format=md", "text/markdown; charset=utf-8", "| article | outlet |"},
		{"/claims?format=jsonl", "application/x-ndjson", `{"id":`},
		{"/threads?format=csv", "text/csv; charset=utf-8", "thread,title"},
		{"/search?q=strike&format=csv", "text/csv; charset=utf-8", "article,outlet,published,story,title,snippet\n"},
		{"/search?q=said&kind=quotes&format=jsonl", "application/x-ndjson", `{"kind":"quotes"`},
		{"/search?q=rail&kind=entities&format=md", "text/markdown; charset=utf-8", "| id | entity |"},
	} {
		rec := get(h, "GET", tc.path, nil)
		body, _ := io.ReadAll(rec.Body)
		if rec.Code != 200 || rec.Header().Get("Content-Type") != tc.ctype || !strings.HasPrefix(string(body), tc.want) {
			t.Errorf("%s: %d %q %.200s", tc.path, rec.Code, rec.Header().Get("Content-Type"), body)
		}
		if !strings.HasPrefix(rec.Header().Get("Content-Disposition"), "attachment;") {
			t.Errorf("%s: not a download", tc.path)
		}
	}
	md := get(h, "GET", "/stories?format=md&outlet=Ridge", nil).Body.String()
	if strings.Contains(md, "<script") || strings.Contains(md, "<img") {
		t.Errorf("Markdown export carries markup: %s", md)
	}
}

// TestSearchPage searches the hostile articles: the matched words are
// marked, the markup around them is text, and an entity found by name
// links to its page.
func TestSearchPage(t *testing.T) {
	h := server(t, "")
	body := get(h, "GET", "/search?q=script+quarry", nil).Body.String()
	checkSafe(t, "search", body)
	for _, want := range []string{"<mark>script</mark>", "&lt;<mark>script</mark>&gt;document.title=", `<input type="search" name="q" value="script quarry"`} {
		if !strings.Contains(body, want) {
			t.Errorf("search page lacks %q", want)
		}
	}
	body = get(h, "GET", "/search?q=renwick", nil).Body.String()
	m := regexp.MustCompile(`<a class="entity-hit" href="/entities/(\d+)">[^<]*<mark>Renwick</mark>`).FindStringSubmatch(body)
	if m == nil {
		i := strings.Index(body, "entity-hits")
		t.Fatalf("no entity named Renwick to follow: %.600s", body[max(i, 0):])
	}
	if ent := get(h, "GET", "/entities/"+m[1], nil).Body.String(); !strings.Contains(ent, "Renwick") {
		t.Errorf("entity %s page does not name Renwick", m[1])
	}
	if n := strings.Count(body, `<a href="/articles/`); n < 2 {
		t.Errorf("search for renwick lists %d articles", n)
	}
	body = get(h, "GET", "/search?q=%22four+men%22&kind=quotes", nil).Body.String()
	if !strings.Contains(body, "<mark>four</mark> <mark>men</mark>") && !strings.Contains(body, "<mark>four men</mark>") {
		t.Errorf("quote search does not mark the phrase: %.1500s", body)
	}
	if rec := get(h, "GET", "/search?q=x&kind=dragons", nil); rec.Code != 400 {
		t.Errorf("a bad kind: status %d", rec.Code)
	}
}

// TestOutletPages opens the outlet list and each outlet's page, the
// hostile outlet's among them.
func TestOutletPages(t *testing.T) {
	h := server(t, "")
	body := get(h, "GET", "/outlets", nil).Body.String()
	checkSafe(t, "/outlets", body)
	links := hrefOutlet.FindAllStringSubmatch(body, -1)
	if len(links) < 5 {
		t.Fatalf("outlets page links %d outlets", len(links))
	}
	hostile := false
	for _, m := range links {
		p := html.UnescapeString(m[1])
		rec := get(h, "GET", p, nil)
		page := rec.Body.String()
		if rec.Code != 200 {
			t.Errorf("%s: status %d", p, rec.Code)
			continue
		}
		checkSafe(t, p, page)
		for _, want := range []string{"How much it covers", "What it covers that others do not", "Reporting verbs", `id="coverage"`} {
			if !strings.Contains(page, want) {
				t.Errorf("%s lacks %q", p, want)
			}
		}
		if strings.Contains(page, "Ridge Gazette&#34;&gt;&lt;img") {
			hostile = true
		}
	}
	if !hostile {
		t.Error("the hostile outlet's page was not reached, or its name was not shown as text")
	}
	// The example corpus quotes people: some outlet's page lists verbs.
	found := false
	for _, m := range links {
		if strings.Contains(get(h, "GET", html.UnescapeString(m[1]), nil).Body.String(), `<table id="verbs">`) {
			found = true
			break
		}
	}
	if !found {
		t.Error("no outlet page lists reporting verbs")
	}
	for _, tc := range []struct {
		path   string
		status int
	}{{"/outlet?name=Nowhere+Daily", 404}, {"/outlet", 400}, {"/stories?exclusive=1", 400}} {
		if rec := get(h, "GET", tc.path, nil); rec.Code != tc.status {
			t.Errorf("%s: status %d, want %d", tc.path, rec.Code, tc.status)
		}
	}
}

// TestStoriesOrderAndCoverage checks the latest-first order and that each
// dated story draws its coverage line.
// TestStoriesByEntity follows an entity page's link to its stories: the
// list names the entity, holds only the stories that mention it, and its
// paging and export links keep the filter.
func TestStoriesByEntity(t *testing.T) {
	h := server(t, "")
	m := regexp.MustCompile(`href="/entities/(\d+)"`).FindStringSubmatch(get(h, "GET", "/entities?name=Renwick", nil).Body.String())
	if m == nil {
		t.Fatal("no entity named Renwick listed")
	}
	page := get(h, "GET", "/entities/"+m[1], nil).Body.String()
	link := regexp.MustCompile(`<a id="entity-stories" href="([^"]+)"`).FindStringSubmatch(page)
	if link == nil || html.UnescapeString(link[1]) != "/stories?entity="+m[1] {
		t.Fatalf("entity page links its stories as %v", link)
	}
	var detail struct {
		Canonical string `json:"canonical"`
		Articles  []struct {
			Story int64 `json:"story"`
		} `json:"articles"`
	}
	if err := json.Unmarshal(get(h, "GET", "/api/v1/entities/"+m[1]+"?limit=500", nil).Body.Bytes(), &detail); err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{}
	for _, a := range detail.Articles {
		want[strconv.FormatInt(a.Story, 10)] = true
	}
	storyLink := regexp.MustCompile(`<td class="num">(\d+)</td><td><a href="/stories/(\d+)">`)
	for _, spelling := range []string{m[1], strings.ToLower(detail.Canonical), strings.ToUpper(detail.Canonical)} {
		body := get(h, "GET", "/stories?limit=1&entity="+url.QueryEscape(spelling), nil).Body.String()
		if !strings.Contains(body, `<p id="entity-filter">`) || !strings.Contains(body, `<a href="/entities/`+m[1]+`">`) {
			t.Errorf("entity=%q: the list does not name the entity", spelling)
		}
		rows := storyLink.FindAllStringSubmatch(body, -1)
		if len(rows) != 1 || !want[rows[0][2]] {
			t.Errorf("entity=%q: stories %v, want one of %v", spelling, rows, want)
		}
		next := regexp.MustCompile(`href="(\?[^"]*after=[^"]*)"`).FindStringSubmatch(body)
		if len(want) > 1 && (next == nil || !strings.Contains(html.UnescapeString(next[1]), "entity="+url.QueryEscape(spelling))) {
			t.Errorf("entity=%q: the next page link %v drops the filter", spelling, next)
		}
	}
	csv := get(h, "GET", "/stories?format=csv&limit=500&entity="+m[1], nil).Body.String()
	lines := strings.Split(strings.TrimSpace(csv), "\n")[1:]
	if len(lines) != len(want) {
		t.Errorf("CSV export of the filtered list: %d stories, want %d", len(lines), len(want))
	}
	for _, l := range lines {
		if !want[strings.SplitN(l, ",", 2)[0]] {
			t.Errorf("CSV export lists story %q, which does not mention the entity", l)
		}
	}
	body := get(h, "GET", "/stories?entity="+url.QueryEscape("Nobody Ever Named"), nil).Body.String()
	if !strings.Contains(body, "No entity is known as") || !strings.Contains(body, "No stories match.") {
		t.Error("an unknown entity does not say so")
	}
}

func TestStoriesOrderAndCoverage(t *testing.T) {
	h := server(t, "")
	body := get(h, "GET", "/stories?order=latest", nil).Body.String()
	if !strings.Contains(body, "Latest first") || !strings.Contains(body, `<option value="latest" selected>`) {
		t.Errorf("latest order not shown")
	}
	days := regexp.MustCompile(`<td>(\d{4}-\d\d-\d\d)(?: – (\d{4}-\d\d-\d\d))?</td>`).FindAllStringSubmatch(body, -1)
	if len(days) < 3 {
		t.Fatalf("%d dated stories", len(days))
	}
	last := func(m []string) string {
		if m[2] != "" {
			return m[2]
		}
		return m[1]
	}
	for i := 1; i < len(days); i++ {
		if last(days[i]) > last(days[i-1]) {
			t.Errorf("story ending %s listed after one ending %s", last(days[i]), last(days[i-1]))
		}
	}
	if n := strings.Count(body, `<svg class="spark"`); n != len(days) {
		t.Errorf("%d coverage lines for %d dated stories", n, len(days))
	}
	if !regexp.MustCompile(`<polyline points="[0-9., ]+"/>`).MatchString(body) {
		t.Error("no coverage line points")
	}
}

// TestBoilerplateOnDemand finds the lines cleaning removed from the
// example articles behind a disclosure on their pages.
func TestBoilerplateOnDemand(t *testing.T) {
	h := server(t, "")
	var arts api.List[api.Article]
	if err := json.Unmarshal(get(h, "GET", "/api/v1/articles?limit=100", nil).Body.Bytes(), &arts); err != nil {
		t.Fatal(err)
	}
	shown := 0
	for _, a := range arts.Items {
		body := get(h, "GET", "/articles/"+strconv.FormatInt(a.ID, 10), nil).Body.String()
		checkSafe(t, a.ExternalID, body)
		i := strings.Index(body, `<details id="boilerplate">`)
		if i < 0 {
			continue
		}
		shown++
		removed := body[i:]
		removed = removed[:strings.Index(removed, "</details>")]
		if strings.Count(removed, "<li>") == 0 {
			t.Errorf("article %s: an empty list of removed lines", a.ExternalID)
		}
	}
	if shown == 0 {
		t.Error("no example article shows removed boilerplate")
	}
}
