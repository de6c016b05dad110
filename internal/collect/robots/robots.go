// Package robots decides whether a URL may be fetched under a site's
// robots.txt (parsed with github.com/temoto/robotstxt) and caches the
// decision rules per site.
package robots

import (
	"sync"
	"time"

	"github.com/temoto/robotstxt"
)

// MaxSize is the part of a robots.txt file that is read; the rest is
// ignored, as RFC 9309 allows (it asks parsers to read at least 500 KiB).
const MaxSize = 512 << 10

// Rules are one site's rules for one user agent.
type Rules struct {
	group *robotstxt.Group
	all   *bool // set for the allow-all and disallow-all rules
	// CrawlDelay is the site's Crawl-delay for the agent, 0 when unset.
	CrawlDelay time.Duration
}

// AllowAll returns rules that allow everything (no robots.txt, or a 4xx
// answer for it).
func AllowAll() *Rules { t := true; return &Rules{all: &t} }

// DisallowAll returns rules that allow nothing (the site's robots.txt
// could not be read because of a server error or an unreachable host).
func DisallowAll() *Rules { f := false; return &Rules{all: &f} }

// Parse builds the rules for agent from the status and body of a
// robots.txt response: 2xx is parsed, 4xx allows everything, anything else
// (5xx) disallows everything. A file that cannot be parsed allows
// everything, like a missing one.
func Parse(status int, body []byte, agent string) *Rules {
	if len(body) > MaxSize {
		body = body[:MaxSize]
	}
	switch {
	case status >= 400 && status < 500:
		return AllowAll()
	case status < 200 || status >= 300:
		return DisallowAll()
	}
	data, err := robotstxt.FromBytes(body)
	if err != nil {
		return AllowAll()
	}
	g := data.FindGroup(agent)
	if g == nil {
		return AllowAll()
	}
	return &Rules{group: g, CrawlDelay: g.CrawlDelay}
}

// Allowed reports whether the path (with its query) may be fetched.
func (r *Rules) Allowed(path string) bool {
	if r.all != nil {
		return *r.all
	}
	if path == "" {
		path = "/"
	}
	return r.group.Test(path)
}

type entry struct {
	rules   *Rules
	expires time.Time
}

// Cache holds rules per site (scheme and host) until they expire. It is
// safe for concurrent use.
type Cache struct {
	mu sync.Mutex
	m  map[string]entry
}

// Get returns the site's rules if they are cached and fresh at now.
func (c *Cache) Get(site string, now time.Time) (*Rules, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.m[site]
	if !ok || !now.Before(e.expires) {
		return nil, false
	}
	return e.rules, true
}

// Put stores the site's rules until expires.
func (c *Cache) Put(site string, r *Rules, expires time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil {
		c.m = make(map[string]entry)
	}
	c.m[site] = entry{rules: r, expires: expires}
}
