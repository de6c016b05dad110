// Package sources keeps the list of sources Parallax polls (feeds and news
// sitemaps) with each one's schedule, HTTP validators and the keys of the
// items already taken from it. The list is one JSON document, saved by the
// caller as a named state blob of the store, so every store keeps it.
package sources

import (
	"encoding/json"
	"fmt"
	"slices"
	"time"

	"github.com/parallax-news/parallax/internal/collect/schedule"
)

// StateName is the store state blob holding the list.
const StateName = "collect.sources"

// MaxSeen is how many item keys are remembered per source; a feed or
// sitemap lists far fewer at a time.
const MaxSeen = 5000

// Kind is what a source's URL serves.
type Kind string

// The kinds of source.
const (
	Feed    Kind = "feed"
	Sitemap Kind = "sitemap"
)

// Source is one polled URL and its state.
type Source struct {
	URL   string    `json:"url"`
	Kind  Kind      `json:"kind"`
	Title string    `json:"title,omitempty"`
	Added time.Time `json:"added"`
	// Schedule is when it is next due, its failures and last error.
	Schedule schedule.State `json:"schedule"`
	// ETag and LastModified are the validators of the last answer.
	ETag         string `json:"etag,omitempty"`
	LastModified string `json:"last_modified,omitempty"`
	// Items counts the items taken from the source.
	Items int `json:"items"`
	// Seen holds the keys of the most recent items taken, oldest first.
	Seen []string `json:"seen,omitempty"`
}

// HasSeen reports whether an item key was already taken.
func (s *Source) HasSeen(key string) bool { return slices.Contains(s.Seen, key) }

// MarkSeen records item keys as taken, keeping the newest MaxSeen.
func (s *Source) MarkSeen(keys ...string) {
	for _, k := range keys {
		if !s.HasSeen(k) {
			s.Seen = append(s.Seen, k)
			s.Items++
		}
	}
	if over := len(s.Seen) - MaxSeen; over > 0 {
		s.Seen = slices.Delete(s.Seen, 0, over)
	}
}

// List is every source, in the order added.
type List struct {
	Sources []*Source `json:"sources"`
}

// Decode reads a list saved by Encode; nil or empty data is an empty list.
func Decode(data []byte) (*List, error) {
	l := &List{}
	if len(data) == 0 {
		return l, nil
	}
	if err := json.Unmarshal(data, l); err != nil {
		return nil, fmt.Errorf("sources: stored list: %w", err)
	}
	return l, nil
}

// Encode returns the list as JSON.
func (l *List) Encode() ([]byte, error) { return json.Marshal(l) }

// Get returns the source with the URL, or nil.
func (l *List) Get(url string) *Source {
	for _, s := range l.Sources {
		if s.URL == url {
			return s
		}
	}
	return nil
}

// Add appends a source due at now; false when the URL is already listed.
func (l *List) Add(url string, kind Kind, title string, now time.Time) bool {
	if l.Get(url) != nil {
		return false
	}
	l.Sources = append(l.Sources, &Source{URL: url, Kind: kind, Title: title, Added: now, Schedule: schedule.State{NextDue: now}})
	return true
}

// Remove deletes the source with the URL; false when it is not listed.
func (l *List) Remove(url string) bool {
	n := len(l.Sources)
	l.Sources = slices.DeleteFunc(l.Sources, func(s *Source) bool { return s.URL == url })
	return len(l.Sources) < n
}

// Due returns the sources due at now, the longest overdue first.
func (l *List) Due(now time.Time) []*Source {
	var due []*Source
	for _, s := range l.Sources {
		if s.Schedule.Due(now) {
			due = append(due, s)
		}
	}
	slices.SortStableFunc(due, func(a, b *Source) int { return a.Schedule.NextDue.Compare(b.Schedule.NextDue) })
	return due
}

// NextDue returns the earliest time a source that is not paused is due
// (zero when none is).
func (l *List) NextDue() time.Time {
	var next time.Time
	for _, s := range l.Sources {
		if !s.Schedule.Paused && (next.IsZero() || s.Schedule.NextDue.Before(next)) {
			next = s.Schedule.NextDue
		}
	}
	return next
}
