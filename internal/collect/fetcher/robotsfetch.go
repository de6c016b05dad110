package fetcher

import (
	"context"
	"io"
	"net/http"
	"net/url"
	"time"

	"github.com/parallax-news/parallax/internal/collect/robots"
	"github.com/parallax-news/parallax/internal/contentenc"
)

// rules returns the robots.txt rules for u's site, fetching them under the
// host's pacing when they are not cached. The caller holds a slot of h.
func (f *Fetcher) rules(ctx context.Context, u *url.URL, h *host) (*robots.Rules, error) {
	site := u.Scheme + "://" + hostKey(u)
	if r, ok := f.robots.Get(site, time.Now()); ok {
		return r, nil
	}
	if err := h.wait(ctx); err != nil {
		return nil, err
	}
	r, ttl, err := f.fetchRobots(ctx, site)
	h.done(time.Now())
	if err != nil {
		return nil, err
	}
	f.robots.Put(site, r, time.Now().Add(ttl))
	if r.CrawlDelay > 0 {
		h.raiseDelay(r.CrawlDelay, f.opts.MaxCrawlDelay)
	}
	return r, nil
}

// fetchRobots gets site/robots.txt, following a few redirects. A server
// error disallows the site for a short while; an unreachable site is an
// error, as the page itself could not be fetched either.
func (f *Fetcher) fetchRobots(ctx context.Context, site string) (*robots.Rules, time.Duration, error) {
	u, _ := url.Parse(site + "/robots.txt")
	rctx, cancel := context.WithTimeout(ctx, f.opts.HeaderTimeout+f.opts.BodyTimeout)
	defer cancel()
	for hop := 0; ; hop++ {
		req, err := http.NewRequestWithContext(rctx, http.MethodGet, u.String(), nil)
		if err != nil {
			return nil, 0, &Error{URL: u.String(), Kind: KindBlocked, Err: err}
		}
		req.Header.Set("User-Agent", f.opts.UserAgent)
		req.Header.Set("Accept-Encoding", contentenc.Accept)
		res, err := f.client.Do(req)
		if err != nil {
			return nil, 0, f.classify(ctx, u, err, rctx.Err() != nil && ctx.Err() == nil)
		}
		loc := res.Header.Get("Location")
		if res.StatusCode >= 300 && res.StatusCode < 400 && loc != "" && hop < f.opts.MaxRedirects {
			res.Body.Close()
			next, err := u.Parse(loc)
			if err != nil {
				return robots.AllowAll(), f.opts.RobotsTTL, nil
			}
			if next, err = checkURL(next.String()); err != nil {
				return robots.AllowAll(), f.opts.RobotsTTL, nil
			}
			u = next
			continue
		}
		defer res.Body.Close()
		status := res.StatusCode
		switch {
		case status == http.StatusTooManyRequests:
			status = http.StatusServiceUnavailable
		case status >= 300 && status < 400:
			status = http.StatusNotFound // too many redirects: treated as missing
		}
		var body []byte
		if status >= 200 && status < 300 {
			r, err := contentenc.Decoder(res.Body, res.Header.Get("Content-Encoding"))
			if err == nil {
				body, err = io.ReadAll(io.LimitReader(r, robots.MaxSize))
			}
			if err != nil {
				return nil, 0, f.classify(ctx, u, err, rctx.Err() != nil && ctx.Err() == nil)
			}
		}
		rules := robots.Parse(status, body, Agent)
		if status >= 500 || status < 200 {
			return rules, f.opts.RobotsErrorTTL, nil
		}
		return rules, f.opts.RobotsTTL, nil
	}
}
