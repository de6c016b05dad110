// Package schedule decides when a source is next polled: intervals that
// adapt to how often the source publishes and to the freshness the server
// declares, exponential backoff weighted by the kind of failure, and a
// pause for sources that keep failing.
package schedule

import (
	"math"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Policy bounds the schedule; zero fields take the defaults noted.
type Policy struct {
	// MinInterval (default 5 min) and MaxInterval (default 24h) bound the
	// poll interval; DefaultInterval (default 1h) is a new source's.
	MinInterval, MaxInterval, DefaultInterval time.Duration
	// BaseBackoff (default 5 min) is the wait after one failure, doubled
	// per further failure up to MaxBackoff (default 24h).
	BaseBackoff, MaxBackoff time.Duration
	// PauseAfter is the weighted failure count that pauses a source
	// (default 10).
	PauseAfter float64
}

func (p Policy) withDefaults() Policy {
	def := func(d *time.Duration, v time.Duration) {
		if *d <= 0 {
			*d = v
		}
	}
	def(&p.MinInterval, 5*time.Minute)
	def(&p.MaxInterval, 24*time.Hour)
	def(&p.DefaultInterval, time.Hour)
	def(&p.BaseBackoff, 5*time.Minute)
	def(&p.MaxBackoff, 24*time.Hour)
	if p.PauseAfter <= 0 {
		p.PauseAfter = 10
	}
	return p
}

// State is a source's schedule.
type State struct {
	// Interval is the current poll interval; 0 means the default.
	Interval time.Duration
	// NextDue is when the source should next be polled.
	NextDue time.Time
	// Failures is the weighted count of failures since the last success.
	Failures float64
	// Paused is set when Failures reached the pause threshold; the source
	// is not polled until Retry.
	Paused    bool
	LastError string
	LastPoll  time.Time
}

// Due reports whether the source should be polled at now.
func (s State) Due(now time.Time) bool { return !s.Paused && !now.Before(s.NextDue) }

// Poll is what one successful poll learned.
type Poll struct {
	// Published are the publication times of the items in the feed.
	Published []time.Time
	// NewItems is how many items were new.
	NewItems int
	// FreshFor is how long the server says its answer stays fresh
	// (Cache-Control max-age, Expires, RSS ttl); polling sooner is pointless.
	FreshFor time.Duration
	// NotModified is set for a 304 answer.
	NotModified bool
}

// Success records a successful poll at now.
func (p Policy) Success(s State, now time.Time, poll Poll) State {
	p = p.withDefaults()
	prev := s.Interval
	if prev <= 0 {
		prev = p.DefaultInterval
	}
	next := prev
	if gap, ok := publishGap(poll.Published, now); ok {
		// Poll about twice per item, less often for a source gone quiet.
		next = gap / 2
	} else if poll.NewItems > 0 {
		next = prev * 3 / 4
	} else {
		next = prev * 3 / 2
	}
	next = min(max(next, p.MinInterval), p.MaxInterval)
	if fresh := min(poll.FreshFor, p.MaxInterval); fresh > next {
		next = fresh
	}
	s.Interval = next
	s.NextDue = now.Add(next)
	s.Failures, s.Paused, s.LastError = 0, false, ""
	s.LastPoll = now
	return s
}

// publishGap is the mean time between the newest items (up to 20), or
// since the newest when that is longer, when at least two are dated.
func publishGap(published []time.Time, now time.Time) (time.Duration, bool) {
	var ts []time.Time
	for _, t := range published {
		if !t.IsZero() && !t.After(now.Add(time.Hour)) {
			ts = append(ts, t)
		}
	}
	if len(ts) < 2 {
		return 0, false
	}
	slices.SortFunc(ts, func(a, b time.Time) int { return b.Compare(a) })
	if len(ts) > 20 {
		ts = ts[:20]
	}
	gap := ts[0].Sub(ts[len(ts)-1]) / time.Duration(len(ts)-1)
	if quiet := now.Sub(ts[0]); quiet > gap {
		gap = quiet
	}
	return max(gap, 0), true
}

// Failure records a failed poll at now: weight is how much it counts (see
// fetcher.Error.Weight), retryAfter the wait the server asked for (0 when
// none). The wait grows as BaseBackoff·2^(failures−1); a source reaching
// PauseAfter is paused.
func (p Policy) Failure(s State, now time.Time, weight float64, retryAfter time.Duration, msg string) State {
	p = p.withDefaults()
	s.Failures += max(weight, 0)
	s.LastError = msg
	s.LastPoll = now
	wait := s.Interval
	if wait <= 0 {
		wait = p.DefaultInterval
	}
	if s.Failures > 0 {
		b := float64(p.BaseBackoff) * math.Pow(2, max(s.Failures-1, 0))
		wait = time.Duration(min(b, float64(p.MaxBackoff)))
	}
	wait = max(wait, retryAfter)
	s.NextDue = now.Add(wait)
	if s.Failures >= p.PauseAfter {
		s.Paused = true
	}
	return s
}

// Retry un-pauses a source and makes it due at now, keeping its last
// error for display until the next poll.
func (p Policy) Retry(s State, now time.Time) State {
	s.Paused = false
	s.Failures = 0
	s.NextDue = now
	return s
}

// FreshFor reads how long a response stays fresh from its Cache-Control
// (s-maxage, max-age) or Expires header; 0 when it says nothing or asks not
// to be cached.
func FreshFor(h http.Header, now time.Time) time.Duration {
	var maxAge = -1
	for _, d := range strings.Split(h.Get("Cache-Control"), ",") {
		k, v, _ := strings.Cut(strings.TrimSpace(strings.ToLower(d)), "=")
		switch k {
		case "no-store", "no-cache":
			return 0
		case "s-maxage", "max-age":
			n, err := strconv.Atoi(strings.Trim(v, `"`))
			if err == nil && n >= 0 && (k == "s-maxage" || maxAge < 0) {
				maxAge = n
			}
		}
	}
	if maxAge >= 0 {
		return time.Duration(min(maxAge, 366*24*3600)) * time.Second
	}
	if e := h.Get("Expires"); e != "" {
		if t, err := http.ParseTime(e); err == nil && t.After(now) {
			return t.Sub(now)
		}
	}
	return 0
}
