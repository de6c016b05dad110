// Package canon turns article URLs into one canonical form, so that the
// same article reached through different links is recognised and fetched
// once: scheme and host case, default ports, dot segments, trailing
// slashes, percent-encoding case, tracking parameters, fragments and AMP
// variants are normalised, and a page's own <link rel="canonical"> is
// preferred when it names one.
package canon

import (
	"errors"
	"fmt"
	"net/url"
	"path"
	"slices"
	"strings"

	"golang.org/x/net/idna"
)

// trackingParams are query parameters that only record how a reader
// arrived; prefixes end with "_" or "*".
var trackingParams = []string{
	"utm_*", "fbclid", "gclid", "gclsrc", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid",
	"igshid", "igsh", "mc_cid", "mc_eid", "_ga", "_gl", "_hsenc", "_hsmi", "mkt_tok", "oly_anon_id",
	"oly_enc_id", "vero_id", "wt_mc", "wt.mc_id", "ocid", "cmpid", "ncid", "smid", "smtyp", "sr_share",
	"ito", "at_medium", "at_campaign", "at_custom*", "at_ptr_name", "at_link*", "ref", "ref_src",
	"ref_url", "referrer", "s_cid", "xtor", "__twitter_impression",
	"rss", "amp", "outputtype", "amp_js_v", "usqp", "guccounter", "guce_referrer",
	"guce_referrer_sig", "spm", "soc_src", "soc_trk", "intcmp", "icid",
}

func tracking(key string) bool {
	k := strings.ToLower(key)
	for _, p := range trackingParams {
		if strings.HasSuffix(p, "*") {
			if strings.HasPrefix(k, p[:len(p)-1]) {
				return true
			}
		} else if k == p {
			return true
		}
	}
	return false
}

// URL returns the canonical form of an absolute http(s) URL.
func URL(raw string) (string, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return "", fmt.Errorf("canonical URL: %w", err)
	}
	if err := normalize(u); err != nil {
		return "", fmt.Errorf("canonical URL %q: %w", raw, err)
	}
	return u.String(), nil
}

// Resolve resolves ref against base and returns its canonical form.
func Resolve(base, ref string) (string, error) {
	b, err := url.Parse(strings.TrimSpace(base))
	if err != nil {
		return "", fmt.Errorf("canonical URL: base: %w", err)
	}
	r, err := url.Parse(strings.TrimSpace(ref))
	if err != nil {
		return "", fmt.Errorf("canonical URL: %w", err)
	}
	return URL(b.ResolveReference(r).String())
}

func normalize(u *url.URL) error {
	u.Scheme = strings.ToLower(u.Scheme)
	if u.Scheme != "http" && u.Scheme != "https" {
		return fmt.Errorf("scheme %q is not http or https", u.Scheme)
	}
	host := strings.TrimRight(strings.ToLower(u.Hostname()), ".")
	if host == "" {
		return errors.New("no host")
	}
	if ascii, err := idna.Lookup.ToASCII(host); err == nil {
		host = strings.TrimRight(ascii, ".")
	}
	if host == "" {
		return errors.New("no host")
	}
	port := u.Port()
	if (u.Scheme == "http" && port == "80") || (u.Scheme == "https" && port == "443") {
		port = ""
	}
	if strings.Contains(host, ":") {
		host = "[" + host + "]"
	}
	if port != "" {
		host += ":" + port
	}
	u.Host = host
	u.User = nil
	u.Fragment, u.RawFragment = "", ""
	normalizePath(u)
	u.RawQuery = cleanQuery(u.RawQuery)
	u.ForceQuery = false
	if origin, ok := ampCacheOrigin(u); ok {
		*u = *origin
		return normalize(u)
	}
	return nil
}

// normalizePath resolves dot segments, drops a trailing slash and an AMP
// suffix, and upper-cases percent escapes.
func normalizePath(u *url.URL) {
	p := u.EscapedPath()
	if p == "" {
		p = "/"
	}
	p = path.Clean(p)
	p = stripAMP(p)
	if p != "/" {
		p = strings.TrimSuffix(p, "/")
	}
	p = upperEscapes(p)
	unescaped, err := url.PathUnescape(p)
	if err != nil {
		u.Path, u.RawPath = p, ""
		return
	}
	u.Path, u.RawPath = unescaped, p
}

// stripAMP removes AMP path markers: a last "amp" segment, a leading
// "amp" segment and the ".amp" of ".amp.html".
func stripAMP(p string) string {
	switch {
	case strings.HasSuffix(p, "/amp"):
		p = strings.TrimSuffix(p, "/amp")
	case strings.HasPrefix(p, "/amp/"):
		p = strings.TrimPrefix(p, "/amp")
	case strings.HasSuffix(p, ".amp.html"):
		p = strings.TrimSuffix(p, ".amp.html") + ".html"
	case strings.HasSuffix(p, ".amp"):
		p = strings.TrimSuffix(p, ".amp")
	}
	if p == "" {
		p = "/"
	}
	return p
}

// ampCacheOrigin maps a Google AMP cache URL
// (https://www-site-org.cdn.ampproject.org/c/s/www.site.org/path) to the
// page it caches.
func ampCacheOrigin(u *url.URL) (*url.URL, bool) {
	if !strings.HasSuffix(u.Hostname(), ".cdn.ampproject.org") {
		return nil, false
	}
	rest := strings.TrimPrefix(u.Path, "/")
	for _, kind := range []string{"c/", "v/", "i/"} {
		rest = strings.TrimPrefix(rest, kind)
	}
	scheme := "http"
	if strings.HasPrefix(rest, "s/") {
		scheme, rest = "https", rest[2:]
	}
	if rest == "" {
		return nil, false
	}
	o, err := url.Parse(scheme + "://" + rest)
	if err != nil || o.Host == "" {
		return nil, false
	}
	o.RawQuery = u.RawQuery
	return o, true
}

func upperEscapes(p string) string {
	if !strings.Contains(p, "%") {
		return p
	}
	b := []byte(p)
	for i := 0; i+2 < len(b); i++ {
		if b[i] == '%' {
			b[i+1] = upperHex(b[i+1])
			b[i+2] = upperHex(b[i+2])
		}
	}
	return string(b)
}

func upperHex(c byte) byte {
	if c >= 'a' && c <= 'f' {
		return c - 'a' + 'A'
	}
	return c
}

// cleanQuery drops tracking and empty parameters and sorts the rest by
// name, keeping the order of repeated names.
func cleanQuery(raw string) string {
	if raw == "" {
		return ""
	}
	type kv struct{ k, v, raw string }
	var kept []kv
	for _, part := range strings.FieldsFunc(raw, func(r rune) bool { return r == '&' || r == ';' }) {
		part = strings.TrimSpace(part)
		k, v, _ := strings.Cut(part, "=")
		key, err := url.QueryUnescape(k)
		if err != nil {
			key = k
		}
		if strings.TrimSpace(key) == "" || tracking(key) {
			continue
		}
		kept = append(kept, kv{key, v, part})
	}
	slices.SortStableFunc(kept, func(a, b kv) int { return strings.Compare(a.k, b.k) })
	parts := make([]string, len(kept))
	for i, p := range kept {
		parts[i] = p.raw
	}
	return strings.Join(parts, "&")
}
