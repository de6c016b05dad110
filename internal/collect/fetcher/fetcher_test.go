package fetcher

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/andybalholm/brotli"
)

// testOptions allow the 127.0.0.1 fake web and keep waits short.
func testOptions() Options {
	return Options{
		Contact:        "https://example.org/bot",
		AllowPrivate:   true,
		MinDelay:       -1,
		ConnectTimeout: 2 * time.Second,
		HeaderTimeout:  2 * time.Second,
		BodyTimeout:    2 * time.Second,
	}
}

// site is a fake outlet: a robots.txt and page handlers, with a log of
// the requests it saw.
type site struct {
	*httptest.Server
	robots string

	mu      sync.Mutex
	hits    map[string]int
	starts  []time.Time
	ends    []time.Time
	active  int
	maxLive int
}

func newSite(t *testing.T, robots string, pages http.Handler) *site {
	t.Helper()
	s := &site{robots: robots, hits: map[string]int{}}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.hits[r.URL.Path]++
		if r.URL.Path != "/robots.txt" {
			s.starts = append(s.starts, time.Now())
			s.active++
			s.maxLive = max(s.maxLive, s.active)
		}
		s.mu.Unlock()
		if r.URL.Path == "/robots.txt" {
			if s.robots == "" {
				http.NotFound(w, r)
				return
			}
			fmt.Fprint(w, s.robots)
			return
		}
		pages.ServeHTTP(w, r)
		s.mu.Lock()
		s.active--
		s.ends = append(s.ends, time.Now())
		s.mu.Unlock()
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *site) count(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[path]
}

func text(body string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, body) }
}

func wantKind(t *testing.T, err error, kind Kind) *Error {
	t.Helper()
	var fe *Error
	if !errors.As(err, &fe) {
		t.Fatalf("error = %v, want a *fetcher.Error of kind %v", err, kind)
	}
	if fe.Kind != kind {
		t.Fatalf("error kind = %v (%v), want %v", fe.Kind, err, kind)
	}
	return fe
}

func TestUserAgentAndBody(t *testing.T) {
	var ua atomic.Value
	s := newSite(t, "", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ua.Store(r.Header.Get("User-Agent"))
		fmt.Fprint(w, "<p>hello</p>")
	}))
	f := New(testOptions())
	res, err := f.Fetch(context.Background(), Request{URL: s.URL + "/a#frag"})
	if err != nil {
		t.Fatal(err)
	}
	if string(res.Body) != "<p>hello</p>" || res.URL != s.URL+"/a" {
		t.Errorf("body %q url %q", res.Body, res.URL)
	}
	got := ua.Load().(string)
	if !strings.HasPrefix(got, "Parallax/") || !strings.Contains(got, "https://example.org/bot") {
		t.Errorf("User-Agent = %q, want Parallax and the contact URL", got)
	}
}

func TestRobotsDisallowAll(t *testing.T) {
	s := newSite(t, "User-agent: *\nDisallow: /\n", text("secret"))
	f := New(testOptions())
	for range 3 {
		_, err := f.Fetch(context.Background(), Request{URL: s.URL + "/news/1"})
		if fe := wantKind(t, err, KindBlocked); !fe.Permanent() {
			t.Error("robots block is not permanent")
		}
	}
	if n := s.count("/news/1"); n != 0 {
		t.Errorf("disallowed page fetched %d times", n)
	}
	if n := s.count("/robots.txt"); n != 1 {
		t.Errorf("robots.txt fetched %d times, want 1 (cached)", n)
	}
}

func TestRobotsAgentGroupAndCrawlDelay(t *testing.T) {
	s := newSite(t, "User-agent: Parallax\nDisallow: /private\nCrawl-delay: 1\n", text("ok"))
	opts := testOptions()
	f := New(opts)
	if _, err := f.Fetch(context.Background(), Request{URL: s.URL + "/private/x"}); err == nil {
		t.Fatal("page under Disallow fetched")
	}
	for _, p := range []string{"/a", "/b"} {
		if _, err := f.Fetch(context.Background(), Request{URL: s.URL + p}); err != nil {
			t.Fatal(err)
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if gap := s.starts[1].Sub(s.ends[0]); gap < 900*time.Millisecond {
		t.Errorf("gap between requests %v, want the 1s Crawl-delay", gap)
	}
}

func TestRobotsServerErrorDisallows(t *testing.T) {
	s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.Error(w, "down", http.StatusInternalServerError)
			return
		}
		fmt.Fprint(w, "page")
	}))
	defer s.Close()
	_, err := New(testOptions()).Fetch(context.Background(), Request{URL: s.URL + "/x"})
	wantKind(t, err, KindBlocked)
}

func TestPerHostDelayAndConcurrency(t *testing.T) {
	const delay = 150 * time.Millisecond
	slow := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(20 * time.Millisecond)
		fmt.Fprint(w, "ok")
	})
	a, b := newSite(t, "", slow), newSite(t, "", slow)
	opts := testOptions()
	opts.MinDelay = delay
	f := New(opts)
	var wg sync.WaitGroup
	for i := range 4 {
		for _, s := range []*site{a, b} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				if _, err := f.Fetch(context.Background(), Request{URL: fmt.Sprintf("%s/p%d", s.URL, i)}); err != nil {
					t.Error(err)
				}
			}()
		}
	}
	wg.Wait()
	for _, s := range []*site{a, b} {
		s.mu.Lock()
		if s.maxLive != 1 {
			t.Errorf("%d requests at once to one host, want 1", s.maxLive)
		}
		if len(s.starts) != 4 {
			t.Fatalf("%d requests, want 4", len(s.starts))
		}
		for i := 1; i < len(s.starts); i++ {
			if gap := s.starts[i].Sub(s.ends[i-1]); gap < delay-10*time.Millisecond {
				t.Errorf("request %d started %v after the previous ended, want >= %v", i, gap, delay)
			}
		}
		s.mu.Unlock()
	}
}

func TestConditionalGet(t *testing.T) {
	const etag = `"v1"`
	const lastMod = "Mon, 02 Jan 2026 15:04:05 GMT"
	s := newSite(t, "", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("If-None-Match") == etag || r.Header.Get("If-Modified-Since") == lastMod {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", etag)
		w.Header().Set("Last-Modified", lastMod)
		fmt.Fprint(w, "<rss/>")
	}))
	f := New(testOptions())
	res, err := f.Fetch(context.Background(), Request{URL: s.URL + "/feed"})
	if err != nil {
		t.Fatal(err)
	}
	if res.NotModified || res.ETag != etag || res.LastModified != lastMod {
		t.Fatalf("first fetch: %+v", res)
	}
	for _, req := range []Request{{URL: s.URL + "/feed", ETag: res.ETag}, {URL: s.URL + "/feed", LastModified: res.LastModified}} {
		again, err := f.Fetch(context.Background(), req)
		if err != nil {
			t.Fatal(err)
		}
		if !again.NotModified || again.Status != http.StatusNotModified || len(again.Body) != 0 {
			t.Errorf("conditional fetch: status %d, not modified %v", again.Status, again.NotModified)
		}
	}
}

func TestRetryAfterStorm(t *testing.T) {
	s := newSite(t, "", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "120")
		w.WriteHeader(http.StatusTooManyRequests)
	}))
	f := New(testOptions())
	fe := wantKind(t, func() error { _, err := f.Fetch(context.Background(), Request{URL: s.URL + "/a"}); return err }(), KindRateLimited)
	if fe.RetryAfter != 120*time.Second || fe.Weight() != 0 {
		t.Errorf("RetryAfter %v weight %v", fe.RetryAfter, fe.Weight())
	}
	for i := range 50 {
		_, err := f.Fetch(context.Background(), Request{URL: fmt.Sprintf("%s/b%d", s.URL, i)})
		fe := wantKind(t, err, KindRateLimited)
		if fe.RetryAfter <= 100*time.Second || fe.RetryAfter > 120*time.Second {
			t.Fatalf("remaining wait %v", fe.RetryAfter)
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.starts) != 1 {
		t.Errorf("server hit %d times during its Retry-After, want 1", len(s.starts))
	}
}

func TestServiceUnavailableWithDate(t *testing.T) {
	s := newSite(t, "", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/dated" {
			w.Header().Set("Retry-After", time.Now().Add(time.Hour).UTC().Format(http.TimeFormat))
		}
		w.WriteHeader(http.StatusServiceUnavailable)
	}))
	f := New(testOptions())
	_, err := f.Fetch(context.Background(), Request{URL: s.URL + "/plain"})
	if fe := wantKind(t, err, KindHTTP); fe.Status != 503 || fe.Weight() != 1 {
		t.Errorf("503 without Retry-After: %+v", fe)
	}
	_, err = f.Fetch(context.Background(), Request{URL: s.URL + "/dated"})
	if fe := wantKind(t, err, KindRateLimited); fe.RetryAfter < 59*time.Minute || fe.RetryAfter > time.Hour {
		t.Errorf("RetryAfter %v, want about an hour", fe.RetryAfter)
	}
}

func TestTrickleBody(t *testing.T) {
	s := newSite(t, "", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", "100")
		w.WriteHeader(http.StatusOK)
		for range 100 {
			if _, err := w.Write([]byte("x")); err != nil {
				return
			}
			w.(http.Flusher).Flush()
			select {
			case <-time.After(time.Second):
			case <-r.Context().Done():
				return
			}
		}
	}))
	opts := testOptions()
	opts.BodyTimeout = 1500 * time.Millisecond
	_, err := New(opts).Fetch(context.Background(), Request{URL: s.URL + "/slow"})
	if fe := wantKind(t, err, KindTimeout); fe.Weight() != 0.5 {
		t.Errorf("timeout weight %v", fe.Weight())
	}
}

func TestTrickleHeaders(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	stop := make(chan struct{})
	defer close(stop)
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go func() {
				defer c.Close()
				buf := make([]byte, 4096)
				c.Read(buf)
				for _, b := range []byte("HTTP/1.1 200 OK\r\nX-Slow: 1234567890\r\n") {
					if _, err := c.Write([]byte{b}); err != nil {
						return
					}
					select {
					case <-time.After(time.Second):
					case <-stop:
						return
					}
				}
			}()
		}
	}()
	opts := testOptions()
	opts.IgnoreRobots = true
	opts.HeaderTimeout = time.Second
	_, err = New(opts).Fetch(context.Background(), Request{URL: "http://" + ln.Addr().String() + "/"})
	wantKind(t, err, KindTimeout)
}

// endless writes zeros up to n bytes, counting what it wrote.
func endless(n int64, withLength bool, written *atomic.Int64) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if withLength {
			w.Header().Set("Content-Length", fmt.Sprint(n))
		}
		chunk := make([]byte, 64<<10)
		for sent := int64(0); sent < n; sent += int64(len(chunk)) {
			if _, err := w.Write(chunk); err != nil {
				return
			}
			written.Add(int64(len(chunk)))
		}
	}
}

func TestHugeBodyIsCapped(t *testing.T) {
	const tenGB = 10 << 30
	for _, withLength := range []bool{true, false} {
		t.Run(fmt.Sprintf("content-length=%v", withLength), func(t *testing.T) {
			var written atomic.Int64
			s := newSite(t, "", endless(tenGB, withLength, &written))
			opts := testOptions()
			opts.MaxBody = 1 << 20
			_, err := New(opts).Fetch(context.Background(), Request{URL: s.URL + "/big"})
			wantKind(t, err, KindTooLarge)
			s.Close() // waits for the handler, which must stop once the client leaves
			if w := written.Load(); w > 64<<20 {
				t.Errorf("server wrote %d MB before the fetcher gave up", w>>20)
			}
		})
	}
}

func TestCompressedBodies(t *testing.T) {
	const page = "<html><body>compressed page</body></html>"
	encode := map[string]func(*bytes.Buffer){
		"gzip":    func(b *bytes.Buffer) { w := gzip.NewWriter(b); w.Write([]byte(page)); w.Close() },
		"deflate": func(b *bytes.Buffer) { w := zlib.NewWriter(b); w.Write([]byte(page)); w.Close() },
		"br":      func(b *bytes.Buffer) { w := brotli.NewWriter(b); w.Write([]byte(page)); w.Close() },
	}
	rawDeflate := func(b *bytes.Buffer) { w, _ := flate.NewWriter(b, 5); w.Write([]byte(page)); w.Close() }
	cases := []struct {
		name, coding string
		enc          func(*bytes.Buffer)
	}{{"gzip", "gzip", encode["gzip"]}, {"zlib deflate", "deflate", encode["deflate"]}, {"raw deflate", "deflate", rawDeflate}, {"brotli", "br", encode["br"]}}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := newSite(t, "", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if !strings.Contains(r.Header.Get("Accept-Encoding"), c.coding) {
					t.Errorf("Accept-Encoding %q lacks %s", r.Header.Get("Accept-Encoding"), c.coding)
				}
				var b bytes.Buffer
				c.enc(&b)
				w.Header().Set("Content-Encoding", c.coding)
				w.Write(b.Bytes())
			}))
			res, err := New(testOptions()).Fetch(context.Background(), Request{URL: s.URL + "/"})
			if err != nil {
				t.Fatal(err)
			}
			if string(res.Body) != page {
				t.Errorf("body %q", res.Body)
			}
		})
	}
}

func TestCompressionBombIsCapped(t *testing.T) {
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	zero := make([]byte, 1<<20)
	for range 8 {
		w.Write(zero)
	}
	w.Close()
	s := newSite(t, "", http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		rw.Header().Set("Content-Encoding", "gzip")
		rw.Write(b.Bytes())
	}))
	opts := testOptions()
	opts.MaxBody = 1 << 20
	_, err := New(opts).Fetch(context.Background(), Request{URL: s.URL + "/"})
	wantKind(t, err, KindTooLarge)
}

func TestRedirects(t *testing.T) {
	s := newSite(t, "", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/loop":
			http.Redirect(w, r, "/loop", http.StatusFound)
		case "/old":
			http.Redirect(w, r, "/new", http.StatusMovedPermanently)
		case "/file":
			http.Redirect(w, r, "file:///etc/passwd", http.StatusFound)
		default:
			fmt.Fprint(w, "new")
		}
	}))
	f := New(testOptions())
	res, err := f.Fetch(context.Background(), Request{URL: s.URL + "/old"})
	if err != nil || res.URL != s.URL+"/new" || string(res.Body) != "new" {
		t.Fatalf("redirect: %v %+v", err, res)
	}
	_, err = f.Fetch(context.Background(), Request{URL: s.URL + "/loop"})
	wantKind(t, err, KindRedirects)
	if n := s.count("/loop"); n != 6 {
		t.Errorf("loop fetched %d times, want 6 (1 + 5 redirects)", n)
	}
	_, err = f.Fetch(context.Background(), Request{URL: s.URL + "/file"})
	wantKind(t, err, KindBlocked)
}

func TestPrivateAddressesRefused(t *testing.T) {
	s := newSite(t, "", text("admin page"))
	opts := testOptions()
	opts.AllowPrivate = false
	f := New(opts)
	port := s.URL[strings.LastIndexByte(s.URL, ':')+1:]
	for _, u := range []string{s.URL + "/admin", "http://localhost:" + port + "/admin"} {
		_, err := f.Fetch(context.Background(), Request{URL: u})
		wantKind(t, err, KindBlocked)
	}
	if n := s.count("/admin"); n != 0 {
		t.Errorf("private server reached %d times", n)
	}
}

func TestPublic(t *testing.T) {
	tests := map[string]bool{
		"8.8.8.8": true, "2606:4700::1111": true, "93.184.216.34": true,
		"127.0.0.1": false, "10.1.2.3": false, "172.16.0.1": false, "192.168.1.1": false,
		"169.254.169.254": false, "0.0.0.0": false, "100.64.0.1": false, "::1": false,
		"fe80::1": false, "fd00::1": false, "::ffff:127.0.0.1": false, "::ffff:10.0.0.1": false,
		"224.0.0.1": false, "255.255.255.255": false, "64:ff9b::a00:1": false,
	}
	for s, want := range tests {
		if got := Public(netip.MustParseAddr(s)); got != want {
			t.Errorf("Public(%s) = %v, want %v", s, got, want)
		}
	}
}

func TestSchemesAndErrors(t *testing.T) {
	s := newSite(t, "", http.NotFoundHandler())
	f := New(testOptions())
	for _, u := range []string{"ftp://example.org/x", "file:///etc/passwd", "javascript:alert(1)", "http:///nohost", "http://user:pw@example.org/"} {
		_, err := f.Fetch(context.Background(), Request{URL: u})
		wantKind(t, err, KindBlocked)
	}
	_, err := f.Fetch(context.Background(), Request{URL: s.URL + "/missing"})
	if fe := wantKind(t, err, KindHTTP); fe.Status != 404 || !fe.Permanent() {
		t.Errorf("404: %+v", fe)
	}
	ln, _ := net.Listen("tcp", "127.0.0.1:0")
	addr := ln.Addr().String()
	ln.Close()
	opts := testOptions()
	opts.IgnoreRobots = true
	_, err = New(opts).Fetch(context.Background(), Request{URL: "http://" + addr + "/"})
	if fe := wantKind(t, err, KindNetwork); fe.Weight() != 1 || fe.Permanent() {
		t.Errorf("refused: %+v", fe)
	}
}

func TestCancelWhileWaitingForHost(t *testing.T) {
	s := newSite(t, "", text("ok"))
	opts := testOptions()
	opts.MinDelay = time.Hour
	opts.IgnoreRobots = true // a robots.txt request would count as the first
	f := New(opts)
	if _, err := f.Fetch(context.Background(), Request{URL: s.URL + "/1"}); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	_, err := f.Fetch(ctx, Request{URL: s.URL + "/2"})
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v, want the context's deadline", err)
	}
}

func TestRetryAfterParse(t *testing.T) {
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		in   string
		want time.Duration
		ok   bool
	}{
		{"30", 30 * time.Second, true},
		{" 0 ", 0, true},
		{"-5", 0, false},
		{"", 0, false},
		{"soon", 0, false},
		{"Sun, 01 Mar 2026 12:10:00 GMT", 10 * time.Minute, true},
		{"Sun, 01 Mar 2026 11:00:00 GMT", 0, true},
	}
	for _, tt := range tests {
		got, ok := retryAfter(tt.in, now)
		if got != tt.want || ok != tt.ok {
			t.Errorf("retryAfter(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestBodyHint(t *testing.T) {
	const maxBody = 1 << 20
	tests := []struct {
		name       string
		length     int64
		compressed bool
		want       int64
	}{
		{"unknown length", -1, false, 64<<10 + bytes.MinRead},
		{"unknown length compressed", -1, true, 64<<10 + bytes.MinRead},
		{"empty", 0, false, bytes.MinRead},
		{"as is", 1000, false, 1000 + bytes.MinRead},
		{"compressed", 1000, true, 8000 + bytes.MinRead},
		{"over the cap", 4 << 20, false, maxBody + bytes.MinRead},
		{"compressed over the cap", 200 << 10, true, maxBody + bytes.MinRead},
	}
	for _, tt := range tests {
		if got := bodyHint(tt.length, tt.compressed, maxBody); got != tt.want {
			t.Errorf("%s: bodyHint(%d, %v) = %d, want %d", tt.name, tt.length, tt.compressed, got, tt.want)
		}
	}
}
