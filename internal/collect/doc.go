// Package collect gathers what Parallax goes and gets from the web rather
// than what a user hands it. The work is split by job into sub-packages:
//
//   - fetcher: a polite HTTP client (robots.txt, per-host pacing, conditional
//     GET, Retry-After, timeouts, size caps, private-address guard);
//   - robots: robots.txt rules cached per host;
//   - feed: RSS, Atom and JSON Feed parsing, charset repair, feed discovery
//     and news sitemaps;
//   - canon: canonical article URLs;
//   - schedule: when a source is next due, with backoff and adaptive
//     intervals.
package collect
