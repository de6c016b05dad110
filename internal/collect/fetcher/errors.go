package fetcher

import (
	"fmt"
	"time"
)

// Kind classifies a failed fetch, so that a scheduler can weigh it.
type Kind int

// The kinds of fetch failure.
const (
	// KindNetwork: the host could not be reached (DNS, refused, reset).
	KindNetwork Kind = iota + 1
	// KindTimeout: connect, headers or body took too long.
	KindTimeout
	// KindHTTP: the server answered with an error status.
	KindHTTP
	// KindRateLimited: 429 or 503 with Retry-After, or a host still inside
	// a Retry-After period; RetryAfter says how long to wait.
	KindRateLimited
	// KindBlocked: the URL may not be fetched at all (robots.txt, a
	// private or loopback address, a scheme other than http(s)).
	KindBlocked
	// KindTooLarge: the body passed the size cap.
	KindTooLarge
	// KindRedirects: too many redirects, or a redirect without target.
	KindRedirects
)

func (k Kind) String() string {
	switch k {
	case KindNetwork:
		return "network"
	case KindTimeout:
		return "timeout"
	case KindHTTP:
		return "http"
	case KindRateLimited:
		return "rate-limited"
	case KindBlocked:
		return "blocked"
	case KindTooLarge:
		return "too-large"
	case KindRedirects:
		return "redirects"
	}
	return "unknown"
}

// Error is a failed fetch of one URL.
type Error struct {
	URL  string
	Kind Kind
	// Status is the HTTP status, 0 when there was no response.
	Status int
	// RetryAfter is the wait the server asked for (KindRateLimited).
	RetryAfter time.Duration
	Err        error
}

func (e *Error) Error() string {
	if e.Status != 0 {
		return fmt.Sprintf("fetch %s: %s (HTTP %d): %v", e.URL, e.Kind, e.Status, e.Err)
	}
	return fmt.Sprintf("fetch %s: %s: %v", e.URL, e.Kind, e.Err)
}

func (e *Error) Unwrap() error { return e.Err }

// Weight is how much this failure counts toward a source's backoff: a
// timeout may be the network's fault and counts half, a rate limit
// counts nothing (its Retry-After governs), everything else counts one.
func (e *Error) Weight() float64 {
	switch e.Kind {
	case KindTimeout:
		return 0.5
	case KindRateLimited:
		return 0
	}
	return 1
}

// Permanent reports whether retrying cannot help without a change on
// either side: the URL is blocked, gone (404, 410) or not allowed (401,
// 403, 451).
func (e *Error) Permanent() bool {
	if e.Kind == KindBlocked {
		return true
	}
	switch e.Status {
	case 401, 403, 404, 410, 451:
		return true
	}
	return false
}
