package api

import (
	"context"
	"sync"
	"time"

	"github.com/parallax-news/parallax/internal/storage"
)

// memo keeps results read from the whole store (outlet sums, all
// outlets' verbs, outlet pages) while the store's counts stay the same,
// for at most memoAge: a new ingest changes the counts and so refreshes
// them at once, a re-analysis (which changes no count) within memoAge.
type memo struct {
	mu     sync.Mutex
	counts storage.Counts
	since  time.Time
	vals   map[string]any
}

const (
	memoAge  = time.Minute
	memoSize = 256
)

// get returns the value kept under key, computing it with fn when the
// store has changed or it is not kept.
func (m *memo) get(ctx context.Context, r storage.Reader, key string, fn func() (any, error)) (any, error) {
	c, err := r.Counts(ctx)
	if err != nil {
		return nil, err
	}
	m.mu.Lock()
	if c != m.counts || time.Since(m.since) > memoAge || m.vals == nil || len(m.vals) >= memoSize {
		m.counts, m.since, m.vals = c, time.Now(), map[string]any{}
	}
	v, ok := m.vals[key]
	m.mu.Unlock()
	if ok {
		return v, nil
	}
	v, err = fn()
	if err != nil {
		return nil, err
	}
	m.mu.Lock()
	if c == m.counts && m.vals != nil {
		m.vals[key] = v
	}
	m.mu.Unlock()
	return v, nil
}
