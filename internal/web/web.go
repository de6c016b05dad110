// Package web puts the web pages and the JSON API behind one handler with
// Parallax's safety defaults: a strict Content-Security-Policy, no
// sniffing, no framing, read-only methods, bounded requests, and a token
// required by any server that listens beyond the loopback interface.
package web

import (
	"crypto/sha256"
	"crypto/subtle"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/parallax-news/parallax/internal/api"
)

// TokenCookie is the cookie the pages carry the access token in.
const TokenCookie = "parallax_token"

// CSP is the Content-Security-Policy of every answer: nothing but the
// server's own style sheet and images loads, no script runs, no page
// frames it and forms only post back to it.
const CSP = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

// Config is a server's configuration.
type Config struct {
	// Addr is the listen address (host:port).
	Addr string
	// Token, when set, is required of every request: as a bearer token,
	// or as the cookie set by opening any page with ?token=.
	Token string
}

// ErrNeedToken is returned for a non-loopback address without a token.
var ErrNeedToken = errors.New("listening beyond the loopback interface needs --token")

// CheckAddr refuses a listen address that is not on the loopback
// interface unless a token protects the server.
func CheckAddr(addr, token string) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("--addr %q: want host:port, e.g. 127.0.0.1:8080: %w", addr, err)
	}
	if token != "" || IsLoopback(host) {
		return nil
	}
	if host == "" {
		host = "every interface"
	}
	return fmt.Errorf("--addr %s listens on %s, which other machines can reach: %w (e.g. --token $(openssl rand -hex 16)), or listen on 127.0.0.1", addr, host, ErrNeedToken)
}

// IsLoopback reports whether host names only the loopback interface.
func IsLoopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(strings.Trim(host, "[]"))
	return ip != nil && ip.IsLoopback()
}

// Handler wraps the pages and the API with the safety defaults.
func Handler(cfg Config, pages, apiHandler http.Handler) http.Handler {
	mux := http.NewServeMux()
	mux.Handle(api.Prefix, apiHandler)
	mux.Handle("/", pages)
	var h http.Handler = mux
	if cfg.Token != "" {
		h = requireToken(cfg.Token, h)
	}
	return secure(h)
}

// secure sets the security headers, allows only reading methods and
// refuses request bodies and overlong URLs.
func secure(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", CSP)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		h.Set("Cache-Control", "no-store")
		isAPI := strings.HasPrefix(r.URL.Path, api.Prefix)
		fail := func(status int, msg string) {
			if isAPI {
				api.WriteError(w, status, msg)
				return
			}
			http.Error(w, msg, status)
		}
		switch {
		case r.Method != http.MethodGet && r.Method != http.MethodHead:
			h.Set("Allow", "GET, HEAD")
			fail(http.StatusMethodNotAllowed, "read-only: only GET and HEAD are allowed")
			return
		case r.ContentLength > 0:
			fail(http.StatusRequestEntityTooLarge, "requests carry no body")
			return
		case len(r.URL.RawQuery) > 4096 || len(r.URL.Path) > 1024:
			fail(http.StatusRequestURITooLong, "the address is too long")
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, 0)
		next.ServeHTTP(w, r)
	})
}

// requireToken lets through requests that carry the token as a bearer
// token or cookie; a page opened with ?token=T sets the cookie and is
// redirected to the same address without the token.
func requireToken(token string, next http.Handler) http.Handler {
	want := sha256.Sum256([]byte(token))
	ok := func(s string) bool {
		got := sha256.Sum256([]byte(s))
		return s != "" && subtle.ConstantTimeCompare(got[:], want[:]) == 1
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if b, found := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer "); found && ok(b) {
			next.ServeHTTP(w, r)
			return
		}
		if c, err := r.Cookie(TokenCookie); err == nil && ok(c.Value) {
			next.ServeHTTP(w, r)
			return
		}
		q := r.URL.Query()
		if t := q.Get("token"); t != "" && ok(t) {
			http.SetCookie(w, &http.Cookie{Name: TokenCookie, Value: t, Path: "/", HttpOnly: true, SameSite: http.SameSiteStrictMode, Secure: r.TLS != nil})
			q.Del("token")
			u := url.URL{Path: r.URL.Path, RawQuery: q.Encode()}
			if !strings.HasPrefix(u.Path, "/") || strings.HasPrefix(u.Path, "//") || strings.HasPrefix(u.Path, "/\\") {
				u.Path = "/" // never redirect off the server
			}
			http.Redirect(w, r, u.String(), http.StatusSeeOther)
			return
		}
		w.Header().Set("WWW-Authenticate", `Bearer realm="parallax"`)
		if strings.HasPrefix(r.URL.Path, api.Prefix) {
			api.WriteError(w, http.StatusUnauthorized, "this server needs its token: Authorization: Bearer TOKEN")
			return
		}
		http.Error(w, "This server needs its token: open the address printed at start (it ends in ?token=...).", http.StatusUnauthorized)
	})
}

// Server returns an http.Server for h with timeouts and size limits.
func Server(addr string, h http.Handler) *http.Server {
	return &http.Server{
		Addr:              addr,
		Handler:           http.TimeoutHandler(h, 30*time.Second, "the request took too long"),
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		WriteTimeout:      40 * time.Second,
		IdleTimeout:       60 * time.Second,
		MaxHeaderBytes:    16 << 10,
	}
}
