// Package fetcher is Parallax's polite HTTP client. It names itself and a
// contact URL in its User-Agent, obeys robots.txt (cached per site), sends
// one request at a time to a host with a minimum delay between them,
// makes conditional requests, honours Retry-After, and bounds every
// request: connect, header and body timeouts, a cap on the decoded body,
// a redirect limit, http(s) only, and no connections to loopback or
// private addresses unless allowed (checked on the address dialled, after
// DNS).
package fetcher

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/parallax-news/parallax/internal/collect/robots"
	"github.com/parallax-news/parallax/internal/contentenc"
)

// Agent is the product token robots.txt groups are matched against.
const Agent = "Parallax"

// Options configure a Fetcher; zero fields take the defaults noted.
type Options struct {
	// Contact is a URL (or mail address) where site owners reach the
	// operator; it is sent in the User-Agent.
	Contact string
	// UserAgent replaces the whole User-Agent header.
	UserAgent string
	// MinDelay is the minimum time between the end of one request to a
	// host and the start of the next (default 1s; negative: none). A
	// robots.txt Crawl-delay raises it for that host, up to MaxCrawlDelay
	// (default 60s).
	MinDelay      time.Duration
	MaxCrawlDelay time.Duration
	// PerHost is how many requests may run at once against one host
	// (default 1).
	PerHost int
	// ConnectTimeout (default 10s), HeaderTimeout (default 20s, from the
	// request sent to the headers received) and BodyTimeout (default 60s,
	// for the whole body) bound each request.
	ConnectTimeout, HeaderTimeout, BodyTimeout time.Duration
	// MaxBody caps the decoded body (default 16 MiB).
	MaxBody int64
	// MaxRedirects caps the redirects followed (default 5).
	MaxRedirects int
	// AllowPrivate permits loopback, private and link-local addresses.
	AllowPrivate bool
	// IgnoreRobots skips robots.txt (for URLs the user names explicitly
	// and tests only).
	IgnoreRobots bool
	// RobotsTTL is how long a site's robots.txt is trusted (default 24h);
	// a server error for it disallows the site for RobotsErrorTTL
	// (default 10 min).
	RobotsTTL, RobotsErrorTTL time.Duration
	// DefaultRetryAfter is the wait after a 429 without Retry-After
	// (default 60s); MaxRetryAfter caps any Retry-After (default 24h).
	DefaultRetryAfter, MaxRetryAfter time.Duration
}

func (o Options) withDefaults() Options {
	def := func(d *time.Duration, v time.Duration) {
		if *d == 0 {
			*d = v
		}
	}
	def(&o.MinDelay, time.Second)
	if o.MinDelay < 0 {
		o.MinDelay = 0
	}
	def(&o.MaxCrawlDelay, time.Minute)
	def(&o.ConnectTimeout, 10*time.Second)
	def(&o.HeaderTimeout, 20*time.Second)
	def(&o.BodyTimeout, time.Minute)
	def(&o.RobotsTTL, 24*time.Hour)
	def(&o.RobotsErrorTTL, 10*time.Minute)
	def(&o.DefaultRetryAfter, time.Minute)
	def(&o.MaxRetryAfter, 24*time.Hour)
	if o.PerHost <= 0 {
		o.PerHost = 1
	}
	if o.MaxBody <= 0 {
		o.MaxBody = 16 << 20
	}
	if o.MaxRedirects <= 0 {
		o.MaxRedirects = 5
	}
	if o.UserAgent == "" {
		o.UserAgent = Agent + "/1.0"
		if o.Contact != "" {
			o.UserAgent += " (+" + o.Contact + ")"
		}
	}
	return o
}

// Request is one URL to fetch, with the validators of a copy already held.
type Request struct {
	URL          string
	ETag         string // sent as If-None-Match
	LastModified string // sent as If-Modified-Since
	Accept       string // Accept header; "*/*" when empty
}

// Response is a successful fetch: a 2xx body or a 304.
type Response struct {
	// URL is the final URL, after redirects.
	URL    string
	Status int
	Header http.Header
	// Body is the decoded body (empty for 304).
	Body []byte
	// NotModified is set for a 304 answer to a conditional request.
	NotModified bool
	// ETag and LastModified are the validators to send next time.
	ETag, LastModified string
	FetchedAt          time.Time
}

// Fetcher fetches URLs politely. It is safe for concurrent use; requests
// to different hosts run in parallel.
type Fetcher struct {
	opts   Options
	client *http.Client
	robots robots.Cache
	hosts  hosts
}

// New returns a Fetcher with its own connection pool.
func New(opts Options) *Fetcher {
	opts = opts.withDefaults()
	dialer := &net.Dialer{Timeout: opts.ConnectTimeout, KeepAlive: 30 * time.Second}
	if !opts.AllowPrivate {
		dialer.Control = guard
	}
	tr := &http.Transport{
		Proxy:                  nil, // a proxy would hide the address dialled
		DialContext:            dialer.DialContext,
		TLSHandshakeTimeout:    opts.ConnectTimeout,
		ResponseHeaderTimeout:  opts.HeaderTimeout,
		DisableCompression:     true, // decoded here, under the size cap
		MaxIdleConnsPerHost:    opts.PerHost,
		IdleConnTimeout:        90 * time.Second,
		MaxResponseHeaderBytes: 1 << 20,
	}
	return &Fetcher{
		opts: opts,
		client: &http.Client{
			Transport:     tr,
			CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
		},
		hosts: hosts{slots: opts.PerHost, delay: opts.MinDelay},
	}
}

// Close releases idle connections.
func (f *Fetcher) Close() { f.client.CloseIdleConnections() }

// Fetch gets one URL, following redirects. A failure is an *Error, or the
// context's error when ctx ends first.
func (f *Fetcher) Fetch(ctx context.Context, req Request) (*Response, error) {
	u, err := checkURL(req.URL)
	if err != nil {
		return nil, &Error{URL: req.URL, Kind: KindBlocked, Err: err}
	}
	for hop := 0; ; hop++ {
		res, next, err := f.hop(ctx, u, req)
		if err != nil {
			return nil, err
		}
		if next == nil {
			res.URL = u.String()
			return res, nil
		}
		if hop >= f.opts.MaxRedirects {
			return nil, &Error{URL: req.URL, Kind: KindRedirects, Err: fmt.Errorf("more than %d redirects (last to %s)", f.opts.MaxRedirects, next)}
		}
		if u, err = checkURL(next.String()); err != nil {
			return nil, &Error{URL: req.URL, Kind: KindBlocked, Err: fmt.Errorf("redirect to %s: %w", next, err)}
		}
	}
}

// checkURL parses an absolute http(s) URL.
func checkURL(raw string) (*url.URL, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return nil, err
	}
	u.Scheme = strings.ToLower(u.Scheme)
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, fmt.Errorf("scheme %q is not http or https", u.Scheme)
	}
	if u.Hostname() == "" {
		return nil, errors.New("URL has no host")
	}
	if u.User != nil {
		return nil, errors.New("URL carries credentials")
	}
	u.Fragment, u.RawFragment = "", ""
	return u, nil
}

// hostKey is the pacing key: host and port, lower case, without a
// default port.
func hostKey(u *url.URL) string {
	h := strings.ToLower(u.Host)
	if (u.Scheme == "http" && strings.HasSuffix(h, ":80")) || (u.Scheme == "https" && strings.HasSuffix(h, ":443")) {
		h = h[:strings.LastIndexByte(h, ':')]
	}
	return h
}

// hop makes one request under the host's pacing; next is set for a
// redirect.
func (f *Fetcher) hop(ctx context.Context, u *url.URL, req Request) (*Response, *url.URL, error) {
	h := f.hosts.get(hostKey(u))
	if until, blocked := h.blockedUntil(time.Now()); blocked {
		return nil, nil, &Error{URL: u.String(), Kind: KindRateLimited, RetryAfter: time.Until(until),
			Err: errors.New("host asked to wait (Retry-After)")}
	}
	if err := h.acquire(ctx); err != nil {
		return nil, nil, fmt.Errorf("fetch %s: %w", u, err)
	}
	defer h.release()
	if !f.opts.IgnoreRobots {
		rules, err := f.rules(ctx, u, h)
		if err != nil {
			return nil, nil, err
		}
		if !rules.Allowed(u.RequestURI()) {
			return nil, nil, &Error{URL: u.String(), Kind: KindBlocked, Err: errors.New("disallowed by robots.txt")}
		}
	}
	if err := h.wait(ctx); err != nil {
		return nil, nil, fmt.Errorf("fetch %s: %w", u, err)
	}
	res, next, err := f.do(ctx, u, req, h)
	h.done(time.Now())
	return res, next, err
}

// do sends one GET and reads its answer.
func (f *Fetcher) do(ctx context.Context, u *url.URL, req Request, h *host) (*Response, *url.URL, error) {
	rctx, cancel := context.WithCancel(ctx)
	defer cancel()
	hr, err := http.NewRequestWithContext(rctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, nil, &Error{URL: u.String(), Kind: KindBlocked, Err: err}
	}
	hr.Header.Set("User-Agent", f.opts.UserAgent)
	hr.Header.Set("Accept-Encoding", contentenc.Accept)
	accept := req.Accept
	if accept == "" {
		accept = "*/*"
	}
	hr.Header.Set("Accept", accept)
	if req.ETag != "" {
		hr.Header.Set("If-None-Match", req.ETag)
	}
	if req.LastModified != "" {
		hr.Header.Set("If-Modified-Since", req.LastModified)
	}
	res, err := f.client.Do(hr)
	if err != nil {
		return nil, nil, f.classify(ctx, u, err, false)
	}
	defer res.Body.Close()
	var bodyTimedOut atomic.Bool
	timer := time.AfterFunc(f.opts.BodyTimeout, func() { bodyTimedOut.Store(true); cancel() })
	defer timer.Stop()

	now := time.Now()
	switch s := res.StatusCode; {
	case s == http.StatusMovedPermanently || s == http.StatusFound || s == http.StatusSeeOther ||
		s == http.StatusTemporaryRedirect || s == http.StatusPermanentRedirect:
		loc := res.Header.Get("Location")
		if loc == "" {
			return nil, nil, &Error{URL: u.String(), Kind: KindRedirects, Status: s, Err: errors.New("redirect without Location")}
		}
		next, err := u.Parse(loc)
		if err != nil {
			return nil, nil, &Error{URL: u.String(), Kind: KindRedirects, Status: s, Err: fmt.Errorf("bad Location %q: %w", loc, err)}
		}
		return nil, next, nil
	case s == http.StatusNotModified:
		return f.response(u, res, nil, now), nil, nil
	case s == http.StatusTooManyRequests || s == http.StatusServiceUnavailable:
		wait, ok := retryAfter(res.Header.Get("Retry-After"), now)
		if !ok && s == http.StatusServiceUnavailable {
			return nil, nil, &Error{URL: u.String(), Kind: KindHTTP, Status: s, Err: errors.New(res.Status)}
		}
		if !ok {
			wait = f.opts.DefaultRetryAfter
		}
		wait = min(wait, f.opts.MaxRetryAfter)
		h.retryAfter(now, wait)
		return nil, nil, &Error{URL: u.String(), Kind: KindRateLimited, Status: s, RetryAfter: wait, Err: errors.New(res.Status)}
	case s < 200 || s >= 300:
		return nil, nil, &Error{URL: u.String(), Kind: KindHTTP, Status: s, Err: errors.New(res.Status)}
	}
	body, err := f.readBody(res)
	if err != nil {
		var fe *Error
		if errors.As(err, &fe) {
			return nil, nil, fe
		}
		return nil, nil, f.classify(ctx, u, err, bodyTimedOut.Load())
	}
	return f.response(u, res, body, now), nil, nil
}

func (f *Fetcher) response(u *url.URL, res *http.Response, body []byte, now time.Time) *Response {
	return &Response{
		URL:          u.String(),
		Status:       res.StatusCode,
		Header:       res.Header,
		Body:         body,
		NotModified:  res.StatusCode == http.StatusNotModified,
		ETag:         res.Header.Get("ETag"),
		LastModified: res.Header.Get("Last-Modified"),
		FetchedAt:    now,
	}
}

// readBody decodes and reads the body up to the cap.
func (f *Fetcher) readBody(res *http.Response) ([]byte, error) {
	u := res.Request.URL.String()
	if res.ContentLength > f.opts.MaxBody && res.Header.Get("Content-Encoding") == "" {
		return nil, &Error{URL: u, Kind: KindTooLarge, Status: res.StatusCode,
			Err: fmt.Errorf("Content-Length %d is over the %d byte cap", res.ContentLength, f.opts.MaxBody)}
	}
	r, err := contentenc.Decoder(res.Body, res.Header.Get("Content-Encoding"))
	if err != nil {
		return nil, &Error{URL: u, Kind: KindHTTP, Status: res.StatusCode, Err: err}
	}
	buf := bytes.NewBuffer(make([]byte, 0, bodyHint(res.ContentLength, res.Header.Get("Content-Encoding") != "", f.opts.MaxBody)))
	if _, err := buf.ReadFrom(io.LimitReader(r, f.opts.MaxBody+1)); err != nil {
		return nil, err
	}
	body := buf.Bytes()
	if int64(len(body)) > f.opts.MaxBody {
		return nil, &Error{URL: u, Kind: KindTooLarge, Status: res.StatusCode,
			Err: fmt.Errorf("body is over the %d byte cap", f.opts.MaxBody)}
	}
	return body, nil
}

// bodyHint is the capacity a body is first read into: its length and
// bytes.MinRead when the body comes as is with a length, eight times the
// length when compressed (HTML compresses four to eight times), else 64
// KiB; at most the cap and bytes.MinRead. Reading into a buffer grown from
// nothing (io.ReadAll) allocates several times the body on the way.
func bodyHint(length int64, compressed bool, maxBody int64) int64 {
	hint := int64(64 << 10)
	switch {
	case length > 0 && compressed:
		hint = 8 * length
	case length >= 0:
		hint = length
	}
	return min(hint, maxBody) + bytes.MinRead
}

// classify turns a transport error into an *Error, or returns the
// caller's context error when the caller gave up.
func (f *Fetcher) classify(ctx context.Context, u *url.URL, err error, bodyTimedOut bool) error {
	if ctx.Err() != nil && !bodyTimedOut {
		return fmt.Errorf("fetch %s: %w", u, ctx.Err())
	}
	kind := KindNetwork
	var ne net.Error
	switch {
	case errors.Is(err, errPrivate):
		kind = KindBlocked
	case bodyTimedOut:
		kind, err = KindTimeout, fmt.Errorf("body not read within %v: %w", f.opts.BodyTimeout, err)
	case errors.As(err, &ne) && ne.Timeout(), errors.Is(err, context.DeadlineExceeded):
		kind = KindTimeout
	}
	return &Error{URL: u.String(), Kind: kind, Err: err}
}

// retryAfter parses a Retry-After value: seconds or an HTTP date.
func retryAfter(v string, now time.Time) (time.Duration, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, false
	}
	if n, err := strconv.ParseInt(v, 10, 64); err == nil {
		if n < 0 {
			return 0, false
		}
		if n > int64(365*24*time.Hour/time.Second) {
			n = int64(365 * 24 * time.Hour / time.Second)
		}
		return time.Duration(n) * time.Second, true
	}
	t, err := http.ParseTime(v)
	if err != nil {
		return 0, false
	}
	return max(t.Sub(now), 0), true
}
