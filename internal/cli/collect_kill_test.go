package cli

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

const watchChildDB = "PARALLAX_TEST_WATCH_DB"

// TestWatchKilled kills a `watch --once` process (SIGKILL) in the middle
// of its round and runs it again: every article ends up stored once, and
// no page is fetched more than twice (once by the killed round, once by
// the next when its batch was not stored yet).
func TestWatchKilled(t *testing.T) {
	if db := os.Getenv(watchChildDB); db != "" {
		os.Exit(Execute(context.Background(), []string{"watch", "--once", "--db", db, "--delay", "0", "--allow-private"}, os.Stdout, os.Stderr))
	}
	if testing.Short() {
		t.Skip("starts and kills a process")
	}
	const perHost, hosts = 30, 5
	pages := benchPages(t, perHost*hosts)
	var mu sync.Mutex
	hits := map[string]int{}
	var feeds []string
	var paths []string
	for p := range pages {
		paths = append(paths, p)
	}
	for h := range hosts {
		mine := paths[h*perHost : (h+1)*perHost]
		s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Path == "/feed.xml" {
				var items strings.Builder
				for _, p := range mine {
					fmt.Fprintf(&items, "<item><title>%s</title><link>%s</link></item>\n", p, p)
				}
				fmt.Fprintf(w, `<rss version="2.0"><channel><title>Outlet %d</title>%s</channel></rss>`, h, items.String())
				return
			}
			page, ok := pages[r.URL.Path]
			if !ok {
				http.NotFound(w, r)
				return
			}
			mu.Lock()
			hits[r.Host+r.URL.Path]++
			mu.Unlock()
			time.Sleep(20 * time.Millisecond)
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(w, page)
		}))
		defer s.Close()
		feeds = append(feeds, s.URL+"/feed.xml")
	}
	db := filepath.Join(t.TempDir(), "killed.db")
	if code, _, stderr := run(t, append([]string{"sources", "add", "--db", db, "--delay", "0", "--allow-private"}, feeds...)...); code != 0 {
		t.Fatalf("sources add: %s", stderr)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestWatchKilled$")
	cmd.Env = append(os.Environ(), watchChildDB+"="+db)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	// Kill once a third of the pages were served.
	deadline := time.After(2 * time.Minute)
	for killed := false; !killed; {
		select {
		case err := <-done:
			t.Logf("the round ended before the kill (%v)", err)
			killed = true
		case <-deadline:
			t.Fatal("the child served no pages in two minutes")
		case <-time.After(10 * time.Millisecond):
			mu.Lock()
			n := len(hits)
			mu.Unlock()
			if n >= perHost*hosts/3 {
				cmd.Process.Signal(syscall.SIGKILL)
				<-done
				t.Logf("killed after %d pages", n)
				killed = true
			}
		}
	}
	if code, _, stderr := run(t, "watch", "--once", "--db", db, "--delay", "0", "--allow-private"); code != 0 {
		t.Fatalf("watch after the kill: code %d\n%s", code, stderr)
	}
	_, out, _ := run(t, "export", "articles", "--db", db)
	ids := map[string]bool{}
	for _, a := range jsonLines(t, out) {
		ids[fmt.Sprint(a["id"])] = true
	}
	if len(ids) != perHost*hosts {
		t.Errorf("%d articles stored, want %d", len(ids), perHost*hosts)
	}
	mu.Lock()
	defer mu.Unlock()
	for p, n := range hits {
		if n > 2 {
			t.Errorf("%s fetched %d times", p, n)
		}
	}
	if len(hits) != perHost*hosts {
		t.Errorf("%d pages fetched, want %d", len(hits), perHost*hosts)
	}
}
