package web_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/api"
	"github.com/parallax-news/parallax/internal/cli"
	"github.com/parallax-news/parallax/internal/storage/sqlite"
	"github.com/parallax-news/parallax/internal/ui"
	"github.com/parallax-news/parallax/internal/web"
)

// ingestEnv, when set in the environment, makes the test binary run
// `parallax` with the arguments it holds (JSON) instead of the tests: how
// a test starts a second process that writes to a store.
const ingestEnv = "PARALLAX_WEB_TEST_RUN"

func TestMain(m *testing.M) {
	if args := os.Getenv(ingestEnv); args != "" {
		var argv []string
		if err := json.Unmarshal([]byte(args), &argv); err != nil {
			panic(err)
		}
		os.Exit(cli.Execute(context.Background(), argv, os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

// runParallax runs parallax with args in a process of its own.
func runParallax(t *testing.T, args ...string) {
	t.Helper()
	b, _ := json.Marshal(args)
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), ingestEnv+"="+string(b))
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("parallax %v: %v\n%s", args, err, out)
	}
}

// TestNewStoriesWithoutRestart serves a store while another process
// ingests into it: the new story is listed, searchable and opens, with no
// restart of the server.
func TestNewStoriesWithoutRestart(t *testing.T) {
	if testing.Short() {
		t.Skip("runs two ingest processes")
	}
	dir := t.TempDir()
	db := filepath.Join(dir, "live.db")
	runParallax(t, "ingest", "-q", "--db", db, "../../examples")
	st, err := sqlite.OpenWith(context.Background(), db, sqlite.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	d := api.NewData(st, nil)
	srv := httptest.NewServer(web.Handler(web.Config{Addr: "127.0.0.1:0"}, ui.New(d, nil), api.New(d, nil)))
	defer srv.Close()
	page := func(p string) string {
		t.Helper()
		resp, err := http.Get(srv.URL + p)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != 200 {
			t.Fatalf("%s: status %d", p, resp.StatusCode)
		}
		return string(b)
	}
	const headline = "Lighthouse keeper Dana Holt guides stranded trawler to Pellbury harbour"
	before := page("/stories?order=latest")
	if strings.Contains(before, "Pellbury") {
		t.Fatal("the new story is there before its ingest")
	}
	countsBefore := strings.Count(page("/api/v1/stories?limit=500"), `"headline"`)

	news := filepath.Join(dir, "new")
	if err := os.MkdirAll(news, 0o755); err != nil {
		t.Fatal(err)
	}
	var lines []string
	for i, outlet := range []string{"Pellbury Post", "Coastal Wire"} {
		b, _ := json.Marshal(map[string]string{"id": "pellbury-" + string(rune('a'+i)), "title": headline, "outlet": outlet,
			"published": "2026-11-28T09:00:00Z",
			"text": "Lighthouse keeper Dana Holt guided the stranded trawler Marit to Pellbury harbour on Friday night after its engine failed in a gale. " +
				"\"We kept the light on and talked them in,\" Holt said. The crew of six were unhurt, the harbour master said."})
		lines = append(lines, string(b))
	}
	if err := os.WriteFile(filepath.Join(news, "new.jsonl"), []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	runParallax(t, "ingest", "-q", "--db", db, news)

	after := page("/stories?order=latest")
	if !strings.Contains(after, "Pellbury") {
		t.Fatalf("the new story is not listed after the second ingest: %.2000s", after)
	}
	if n := strings.Count(page("/api/v1/stories?limit=500"), `"headline"`); n != countsBefore+1 {
		t.Errorf("API lists %d stories, want %d", n, countsBefore+1)
	}
	found := page("/search?q=" + url.QueryEscape("pellbury trawler"))
	if strings.Count(found, `<a href="/articles/`) != 2 {
		t.Errorf("search does not find the two new articles: %.1500s", found)
	}
	var stories api.List[api.Story]
	if err := json.Unmarshal([]byte(page("/api/v1/stories?order=latest&limit=1")), &stories); err != nil || len(stories.Items) != 1 {
		t.Fatalf("latest story: %v", err)
	}
	if s := stories.Items[0]; !strings.Contains(s.Headline, "Pellbury") || s.Articles != 2 {
		t.Errorf("latest story %+v", s)
	}
	if body := page("/stories/" + itoa(stories.Items[0].ID)); !strings.Contains(body, "Coastal Wire") || !strings.Contains(body, "Pellbury Post") {
		t.Error("the new story's page lacks its outlets")
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
