package api

import (
	"errors"
	"net/url"
	"testing"
)

func TestParseStoryQuery(t *testing.T) {
	for _, tc := range []struct {
		query string
		want  StoryQuery
		bad   bool
	}{
		{"", StoryQuery{Limit: DefaultLimit}, false},
		{"from=2025-01-02&to=2025-03-04&outlet=+Wire+&min_outlets=3&thread=7&limit=10&after=5.12",
			StoryQuery{From: "2025-01-02", To: "2025-03-04", Outlet: "Wire", MinOutlets: 3, Thread: 7, Limit: 10, After: "5.12"}, false},
		{"from=2025-13-01", StoryQuery{}, true},
		{"from=2025-02-01&to=2025-01-01", StoryQuery{}, true},
		{"min_outlets=-1", StoryQuery{}, true},
		{"limit=0", StoryQuery{}, true},
		{"limit=501", StoryQuery{}, true},
		{"thread=0", StoryQuery{}, true},
		{"after=abc", StoryQuery{}, true},
		{"after=1%3Cscript", StoryQuery{}, true},
	} {
		v, _ := url.ParseQuery(tc.query)
		got, err := ParseStoryQuery(v)
		var bad *BadRequestError
		if tc.bad {
			if !errors.As(err, &bad) {
				t.Errorf("%q: err %v, want a BadRequestError", tc.query, err)
			}
			continue
		}
		if err != nil || got != tc.want {
			t.Errorf("%q: got %+v, %v; want %+v", tc.query, got, err, tc.want)
		}
	}
}

func TestParseID(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want int64
		ok   bool
	}{{"1", 1, true}, {"42", 42, true}, {"0", 0, false}, {"-5", 0, false}, {"1e3", 0, false}, {"", 0, false}, {"99999999999999999999", 0, false}} {
		got, err := ParseID(tc.in)
		if (err == nil) != tc.ok || got != tc.want {
			t.Errorf("ParseID(%q) = %d, %v", tc.in, got, err)
		}
	}
}

// FuzzParseQueries checks that no query string makes the parsers panic or
// accept a value outside its bounds.
func FuzzParseQueries(f *testing.F) {
	for _, s := range []string{"from=2025-01-01&to=2025-02-01", "limit=500&after=1.2", "min_outlets=9999999999", "type=person&name=%00", "story=-1&speaker=x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		v, err := url.ParseQuery(raw)
		if err != nil {
			return
		}
		if q, err := ParseStoryQuery(v); err == nil && (q.Limit < 1 || q.Limit > MaxLimit || q.MinOutlets < 0 || q.Thread < 0) {
			t.Errorf("%q gives out-of-bounds %+v", raw, q)
		}
		if q, err := ParseListQuery(v, "speaker"); err == nil && (q.Limit < 1 || q.Limit > MaxLimit || q.Story < 0 || q.Entity < 0) {
			t.Errorf("%q gives out-of-bounds %+v", raw, q)
		}
		if q, err := ParseEntityQuery(v); err == nil && (q.Limit < 1 || len(q.Name) > 200) {
			t.Errorf("%q gives out-of-bounds %+v", raw, q)
		}
	})
}
