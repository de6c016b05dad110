package schedule

import (
	"net/http"
	"testing"
	"time"
)

var t0 = time.Date(2026, 5, 1, 12, 0, 0, 0, time.UTC)

func TestSuccessAdaptsToPublishing(t *testing.T) {
	every := func(n int, gap time.Duration) []time.Time {
		var ts []time.Time
		for i := range n {
			ts = append(ts, t0.Add(-time.Duration(i)*gap))
		}
		return ts
	}
	tests := []struct {
		name string
		prev time.Duration
		poll Poll
		want time.Duration
	}{
		{"item every hour polls every 30 min", 0, Poll{Published: every(10, time.Hour)}, 30 * time.Minute},
		{"busy source floors at the minimum", 0, Poll{Published: every(10, time.Minute)}, 5 * time.Minute},
		{"daily source polls twice a day", 0, Poll{Published: every(5, 24*time.Hour)}, 12 * time.Hour},
		{"weekly source caps at the maximum", 0, Poll{Published: every(5, 7*24*time.Hour)}, 24 * time.Hour},
		{"undated, nothing new: grows", time.Hour, Poll{}, 90 * time.Minute},
		{"undated, new items: shrinks", time.Hour, Poll{NewItems: 3}, 45 * time.Minute},
		{"server freshness wins", 0, Poll{Published: every(10, time.Minute), FreshFor: 2 * time.Hour}, 2 * time.Hour},
		{"freshness capped", 0, Poll{FreshFor: 30 * 24 * time.Hour}, 24 * time.Hour},
	}
	var p Policy
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := p.Success(State{Interval: tt.prev, Failures: 3, LastError: "x"}, t0, tt.poll)
			if s.Interval != tt.want || !s.NextDue.Equal(t0.Add(tt.want)) {
				t.Errorf("interval %v next %v, want %v", s.Interval, s.NextDue, tt.want)
			}
			if s.Failures != 0 || s.LastError != "" {
				t.Errorf("success kept failures %v %q", s.Failures, s.LastError)
			}
		})
	}
}

func TestQuietSourceSlowsDown(t *testing.T) {
	// Two items an hour apart, but the newest is three days old.
	s := Policy{}.Success(State{}, t0, Poll{Published: []time.Time{t0.Add(-72 * time.Hour), t0.Add(-73 * time.Hour)}})
	if s.Interval != 24*time.Hour {
		t.Errorf("interval %v, want the 24h cap for a quiet source", s.Interval)
	}
}

func TestFailureBackoffAndPause(t *testing.T) {
	p := Policy{BaseBackoff: time.Minute, MaxBackoff: time.Hour, PauseAfter: 5}
	var s State
	wantWaits := []time.Duration{time.Minute, 2 * time.Minute, 4 * time.Minute, 8 * time.Minute}
	for i, want := range wantWaits {
		s = p.Failure(s, t0, 1, 0, "HTTP 500")
		if got := s.NextDue.Sub(t0); got != want {
			t.Errorf("failure %d: wait %v, want %v", i+1, got, want)
		}
		if s.Paused {
			t.Fatalf("paused after %d failures", i+1)
		}
	}
	s = p.Failure(s, t0, 1, 0, "HTTP 500")
	if !s.Paused || s.Due(t0.Add(48*time.Hour)) {
		t.Error("source not paused after reaching the threshold")
	}
	s = p.Retry(s, t0)
	if s.Paused || !s.Due(t0) || s.LastError != "HTTP 500" {
		t.Errorf("retry: %+v", s)
	}
}

func TestFailureWeights(t *testing.T) {
	p := Policy{BaseBackoff: time.Minute}
	timeouts := p.Failure(p.Failure(State{}, t0, 0.5, 0, "timeout"), t0, 0.5, 0, "timeout")
	hard := p.Failure(p.Failure(State{}, t0, 1, 0, "refused"), t0, 1, 0, "refused")
	if !timeouts.NextDue.Before(hard.NextDue) {
		t.Errorf("two timeouts wait %v, two hard errors %v: timeouts must weigh less", timeouts.NextDue.Sub(t0), hard.NextDue.Sub(t0))
	}
	limited := p.Failure(State{Interval: time.Hour}, t0, 0, 3*time.Hour, "429")
	if limited.Failures != 0 || limited.NextDue.Sub(t0) != 3*time.Hour {
		t.Errorf("rate limit: failures %v wait %v", limited.Failures, limited.NextDue.Sub(t0))
	}
	capped := State{Failures: 40}
	capped = p.Failure(capped, t0, 1, 0, "x")
	if capped.NextDue.Sub(t0) != 24*time.Hour {
		t.Errorf("backoff %v, want the 24h cap", capped.NextDue.Sub(t0))
	}
}

func TestFreshFor(t *testing.T) {
	tests := []struct {
		cc, expires string
		want        time.Duration
	}{
		{"max-age=600", "", 10 * time.Minute},
		{"public, max-age=60, s-maxage=300", "", 5 * time.Minute},
		{"no-cache, max-age=600", "", 0},
		{"", t0.Add(time.Hour).Format(http.TimeFormat), time.Hour},
		{"", t0.Add(-time.Hour).Format(http.TimeFormat), 0},
		{"max-age=oops", "garbage", 0},
		{"", "", 0},
	}
	for _, tt := range tests {
		h := http.Header{}
		if tt.cc != "" {
			h.Set("Cache-Control", tt.cc)
		}
		if tt.expires != "" {
			h.Set("Expires", tt.expires)
		}
		if got := FreshFor(h, t0); got != tt.want {
			t.Errorf("FreshFor(%q, %q) = %v, want %v", tt.cc, tt.expires, got, tt.want)
		}
	}
}
