package fetcher

import (
	"context"
	"sync"
	"time"
)

// host paces the requests to one host: at most a fixed number at a time,
// each starting no sooner than the minimum delay after the previous one
// ended, and none before a Retry-After the host asked for.
type host struct {
	slots chan struct{}

	mu        sync.Mutex
	next      time.Time // earliest start of the next request
	notBefore time.Time // end of a Retry-After period
	delay     time.Duration
}

// hosts is the set of hosts seen, created on first use.
type hosts struct {
	mu    sync.Mutex
	m     map[string]*host
	slots int
	delay time.Duration
}

func (hs *hosts) get(key string) *host {
	hs.mu.Lock()
	defer hs.mu.Unlock()
	h, ok := hs.m[key]
	if !ok {
		if hs.m == nil {
			hs.m = make(map[string]*host)
		}
		h = &host{slots: make(chan struct{}, hs.slots), delay: hs.delay}
		hs.m[key] = h
	}
	return h
}

// acquire takes one of the host's slots, waiting for it as long as ctx
// allows.
func (h *host) acquire(ctx context.Context) error {
	select {
	case h.slots <- struct{}{}:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (h *host) release() { <-h.slots }

// blockedUntil returns the end of the host's Retry-After period if it is
// still running at now.
func (h *host) blockedUntil(now time.Time) (time.Time, bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.notBefore, now.Before(h.notBefore)
}

// wait sleeps until the next request may start.
func (h *host) wait(ctx context.Context) error {
	h.mu.Lock()
	next := h.next
	h.mu.Unlock()
	d := time.Until(next)
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// done records the end of a request at now.
func (h *host) done(now time.Time) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if n := now.Add(h.delay); n.After(h.next) {
		h.next = n
	}
}

// retryAfter blocks the host until now+d.
func (h *host) retryAfter(now time.Time, d time.Duration) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if t := now.Add(d); t.After(h.notBefore) {
		h.notBefore = t
	}
}

// raiseDelay lifts the host's delay to at least d (a robots.txt
// Crawl-delay), capped at max.
func (h *host) raiseDelay(d, max time.Duration) {
	if d > max {
		d = max
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	if d > h.delay {
		h.delay = d
	}
}
