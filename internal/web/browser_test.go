package web_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/parallax-news/parallax/internal/api"
	"github.com/parallax-news/parallax/internal/ui"
	"github.com/parallax-news/parallax/internal/web"
	"github.com/parallax-news/parallax/internal/web/webtest"
)

// screenshotsDir is the folder the browser test saves a picture of each
// page into: $PARALLAX_SCREENSHOTS when set (relative to the repository's
// root; `PARALLAX_SCREENSHOTS=docs/screenshots go test ./internal/web`
// refreshes the pictures committed for the README), else a folder of its
// own under the system's temporary folder, so a test run leaves the work
// tree as it was.
func screenshotsDir() string {
	if d := os.Getenv("PARALLAX_SCREENSHOTS"); d != "" {
		if filepath.IsAbs(d) {
			return d
		}
		return filepath.Join("..", "..", d)
	}
	return filepath.Join(os.TempDir(), "parallax-screenshots")
}

// chromium returns the path of the Chromium binary, skipping the test when
// there is none (failing instead when CI is set).
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("Chromium is not installed (apt-get install -y chromium); CI needs it for the browser tests")
	}
	t.Skip("Chromium is not installed (apt-get install -y chromium): skipping the browser tests")
	return ""
}

// TestBrowser walks the pages the way a reader does, in headless
// Chromium: stories, a story with its outlets and aligned facts, an
// article, an entity found by name, the threads, and the story whose
// articles carry scripts, which must show them as text and run none.
func TestBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	bin := chromium(t)
	st := webtest.Store(t, "../../examples")
	d := api.NewData(st, nil)
	srv := httptest.NewServer(web.Handler(web.Config{Addr: "127.0.0.1:0"}, ui.New(d, nil), api.New(d, nil)))
	defer srv.Close()
	screenshots := screenshotsDir()
	if err := os.MkdirAll(screenshots, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshots of each page go to %s", screenshots)

	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(bin), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck, chromedp.Flag("disable-background-networking", true),
		chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1280, 900),
	}
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	ctx, cancel = context.WithTimeout(ctx, 3*time.Minute)
	defer cancel()

	// do runs steps that return nothing; get runs one that returns a value.
	do := func(step string, steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, steps...); err != nil {
			t.Fatalf("%s: %v", step, err)
		}
	}
	text := func(step, expr string) string {
		t.Helper()
		v, err := chromedp.Run(ctx, chromedp.Evaluate[string](expr))
		if err != nil {
			t.Fatalf("%s: %s: %v", step, expr, err)
		}
		return v
	}
	count := func(step, sel string) int {
		t.Helper()
		v, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll(`+strconv.Quote(sel)+`).length`))
		if err != nil {
			t.Fatalf("%s: count %s: %v", step, sel, err)
		}
		return v
	}
	shot := func(name string) {
		t.Helper()
		png, err := chromedp.Run(ctx, chromedp.FullScreenshot(80))
		if err != nil {
			t.Fatalf("screenshot %s: %v", name, err)
		}
		if err := os.WriteFile(filepath.Join(screenshots, name+".jpg"), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// untouched checks that no script of the store's has run.
	untouched := func(step string) {
		t.Helper()
		title := text(step, `document.title`)
		pwned := text(step, `typeof window.pwned`)
		if title == webtest.Marker || pwned != "undefined" {
			t.Errorf("%s: an article's script ran (title %q, window.pwned is %s)", step, title, pwned)
		}
	}
	type css = chromedp.CSS

	// Stories.
	do("stories", chromedp.Navigate(srv.URL+"/stories?min_outlets=3"), chromedp.WaitVisible(css(`#stories`)))
	shot("stories")
	untouched("stories")
	storyHref := text("stories", `(document.querySelector('#stories tbody a[href^="/stories/"]') || {}).pathname || ""`)
	if storyHref == "" {
		t.Fatal("no story of three outlets listed")
	}

	// A story: its outlets as columns and the facts they share.
	do("story", chromedp.Click(css(`#stories tbody a[href^="/stories/"]`)), chromedp.WaitVisible(css(`#facts`)))
	headline := text("story", `document.querySelector("#headline").innerText`)
	outlets, facts := count("story", "#facts th.o"), count("story", "#facts tr.fact")
	shot("story")
	if outlets < 3 || facts == 0 || headline == "" {
		t.Errorf("story %s: %d outlet columns, %d aligned facts, headline %q; want >= 3 outlets and some facts", storyHref, outlets, facts, headline)
	}

	// An article of the story, with its quotes and entities marked.
	do("article", chromedp.Click(css(`#articles a[href^="/articles/"]`)), chromedp.WaitVisible(css(`#text`)))
	if count("article", "#text .m, #text .q") == 0 {
		t.Error("the article page marks no entity or quote")
	}
	shot("article")

	// Find an entity by a spelling and follow it to its page.
	do("entities", chromedp.Navigate(srv.URL+"/entities"), chromedp.WaitVisible(css(`#name`)))
	shot("entities")
	do("entity search", chromedp.SendKeys(css(`#name`), "renwick"), chromedp.Submit(css(`#name`)))
	// Wait for the answer page, not the form's own page.
	for i := 0; text("entity search", `location.search + " " + document.readyState`) != "?name=renwick&type= complete"; i++ {
		if i == 200 {
			t.Fatalf("the entity search did not load: %s", text("entity search", `location.href`))
		}
		time.Sleep(50 * time.Millisecond)
	}
	do("entity", chromedp.Click(css(`#entity-list a[href^="/entities/"]`)), chromedp.WaitVisible(css(`#entity`)))
	if name := text("entity", `document.querySelector("#entity").innerText`); !strings.Contains(name, "Renwick") {
		t.Errorf("searching entities for %q led to %q", "renwick", name)
	}
	shot("entity")
	untouched("entity")

	// Follow the entity to its stories: the list is filtered to the
	// stories its articles are in, and its exports keep the filter.
	entityID := text("entity stories", `document.querySelector("#entity-stories").search`)
	entityStories := text("entity stories", `Array.from(document.querySelectorAll('main a[href^="/stories/"]'), a => a.pathname).join(" ")`)
	do("entity stories", chromedp.Click(css(`#entity-stories`)), chromedp.WaitVisible(css(`#entity-filter`)))
	if got := text("entity stories", `location.pathname + location.search`); got != "/stories"+entityID || !strings.HasPrefix(entityID, "?entity=") {
		t.Errorf("the entity's stories link led to %q (link %q)", got, entityID)
	}
	if f := text("entity stories", `document.querySelector("#entity-filter").innerText`); !strings.Contains(f, "Renwick") {
		t.Errorf("the filtered list says %q, not the entity's name", f)
	}
	listed := text("entity stories", `Array.from(document.querySelectorAll('#stories tbody a[href^="/stories/"]'), a => a.pathname).join(" ")`)
	if listed == "" {
		t.Error("the entity's stories list is empty")
	}
	for _, p := range strings.Fields(listed) {
		if !slices.Contains(strings.Fields(entityStories), p) {
			t.Errorf("the entity's stories list holds %s, which is not among the entity page's stories %q", p, entityStories)
		}
	}
	if v := text("entity stories", `document.querySelector("#filter-entity").value`); "?entity="+v != entityID {
		t.Errorf("the entity field holds %q", v)
	}
	if href := text("entity stories", `document.querySelector('.pager a[href*="format=csv"]').search`); !strings.Contains(href, "entity=") {
		t.Errorf("the CSV export %q drops the entity filter", href)
	}
	shot("stories-entity")
	untouched("entity stories")

	// Search from the header's form for an entity, and follow the entity
	// found to its page.
	do("search form", chromedp.Navigate(srv.URL+"/stories"), chromedp.WaitVisible(css(`form.search input[name=q]`)),
		chromedp.SendKeys(css(`form.search input[name=q]`), "renwick quarry"), chromedp.Submit(css(`form.search input[name=q]`)))
	for i := 0; text("search", `location.pathname + " " + document.readyState`) != "/search complete"; i++ {
		if i == 200 {
			t.Fatalf("the search did not load: %s", text("search", `location.href`))
		}
		time.Sleep(50 * time.Millisecond)
	}
	do("search", chromedp.WaitVisible(css(`#hits`)))
	if n := count("search", `#hits mark`); n == 0 {
		t.Error("the search answer marks no matched word")
	}
	if n := count("search", `#hits li a[href^="/articles/"]`); n == 0 {
		t.Error("the search finds no article")
	}
	shot("search")
	untouched("search")
	do("search entity", chromedp.Navigate(srv.URL+"/search?q=renwick"), chromedp.WaitVisible(css(`#entity-hits`)),
		chromedp.Click(css(`#entity-hits a.entity-hit`)), chromedp.WaitVisible(css(`#entity`)))
	if name := text("search entity", `document.querySelector("#entity").innerText`); !strings.Contains(name, "Renwick") {
		t.Errorf("the entity found by searching %q is %q", "renwick", name)
	}
	do("quote search", chromedp.Navigate(srv.URL+"/search?kind=quotes&q=%22four+men%22"), chromedp.WaitVisible(css(`#hits`)))
	shot("search-quotes")

	// Outlets, and one outlet's page from a story's outlet tags.
	do("outlets", chromedp.Navigate(srv.URL+"/outlets"), chromedp.WaitVisible(css(`#outlets`)))
	shot("outlets")
	do("outlet", chromedp.Click(css(`#outlets tbody a[href^="/outlet?"]`)), chromedp.WaitVisible(css(`#coverage`)))
	if n := count("outlet", `#coverage tr`); n < 3 {
		t.Errorf("the outlet page sums up %d rows of coverage", n)
	}
	shot("outlet")
	untouched("outlet")

	// Stories latest first, with their coverage lines.
	do("latest", chromedp.Navigate(srv.URL+"/stories?order=latest"), chromedp.WaitVisible(css(`#stories`)))
	if n := count("latest", `#stories svg.spark polyline`); n == 0 {
		t.Error("no coverage line on the stories page")
	}
	shot("stories-latest")

	// An article's removed boilerplate, opened on demand.
	found := false
	for id := 1; id <= 30 && !found; id++ {
		do("article", chromedp.Navigate(srv.URL+"/articles/"+strconv.Itoa(id)), chromedp.WaitVisible(css(`#text`)))
		if count("article", `#boilerplate`) == 1 {
			found = true
			if open := text("boilerplate", `String(document.querySelector("#boilerplate").open)`); open != "false" {
				t.Errorf("removed boilerplate shown before it is asked for")
			}
			do("boilerplate", chromedp.Click(css(`#boilerplate summary`)), chromedp.WaitVisible(css(`#boilerplate ol li`)))
			shot("article-boilerplate")
		}
	}
	if !found {
		t.Error("no article among the first 30 shows removed boilerplate")
	}

	do("threads", chromedp.Navigate(srv.URL+"/threads"), chromedp.WaitVisible(css(`main h1`)))
	shot("threads")
	do("quotes", chromedp.Navigate(srv.URL+"/quotes"), chromedp.WaitVisible(css(`#quote-list`)))
	shot("quotes")

	// The hostile story: its markup is shown as text and never runs.
	do("hostile story", chromedp.Navigate(srv.URL+"/stories?from=2025-10-14&to=2025-10-14"), chromedp.WaitVisible(css(`#stories`)),
		chromedp.Click(css(`#stories tbody a[href^="/stories/"]`)), chromedp.WaitVisible(css(`#headline`)))
	shot("hostile-story")
	untouched("hostile story")
	main := text("hostile story", `document.querySelector("main").innerText`)
	if !strings.Contains(main, "<script>document.title") || !strings.Contains(main, `"><img src=x onerror=`) {
		t.Errorf("the hostile story does not show its markup as text: %.300s", main)
	}
	do("hostile article", chromedp.Click(css(`#articles a[href^="/articles/"]`)), chromedp.WaitVisible(css(`#text`)))
	shot("hostile-article")
	untouched("hostile article")
	if n := count("hostile article", `main img, main script, main a[href^="javascript"]`); n != 0 {
		t.Errorf("the hostile article page holds %d img, script or javascript: elements", n)
	}

	// The Content-Security-Policy blocks a script injected into the page.
	ran := text("csp", `(() => { const s = document.createElement("script"); s.textContent = "window.pwned = 1; document.title = '`+webtest.Marker+`'"; document.body.appendChild(s); return typeof window.pwned; })()`)
	if ran != "undefined" {
		t.Error("an injected inline script ran: the CSP does not block it")
	}
	untouched("csp")

	// The stories page offers a CSV export that downloads.
	do("export", chromedp.Navigate(srv.URL+"/stories"), chromedp.WaitVisible(css(`.pager`)))
	csvHref := text("export", `document.querySelector('.pager a[href*="format=csv"]').href`)
	resp, err := http.Get(csvHref)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.HasPrefix(string(body), "id,headline,") {
		t.Errorf("CSV export %s: %d %.200s", csvHref, resp.StatusCode, body)
	}
}
