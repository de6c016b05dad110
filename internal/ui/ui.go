// Package ui serves Parallax's web pages: stories, a story compared across
// its outlets, articles with their entities and quotes marked, entities,
// quotes, claims and threads. Pages are rendered on the server with
// html/template from embedded templates and one embedded style sheet; they
// need no script and load nothing from elsewhere. Every value from the
// store is escaped by the templates: no article data is ever trusted as
// HTML.
package ui

import (
	"bytes"
	"embed"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/parallax-news/parallax/internal/api"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// handler serves the pages.
type handler struct {
	d     *api.Data
	log   *slog.Logger
	pages map[string]*template.Template
}

// New returns the pages' handler. log receives the errors behind 500
// answers (nil: discarded).
func New(d *api.Data, log *slog.Logger) http.Handler {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	h := &handler{d: d, log: log, pages: parsePages()}
	static, err := fs.Sub(staticFS, "static")
	if err != nil {
		panic(err) // the embedded folder exists at build time
	}
	mux := http.NewServeMux()
	files := http.StripPrefix("/static/", http.FileServerFS(static))
	mux.HandleFunc("GET /static/", func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "/") {
			h.fail(w, r, http.StatusNotFound, "There is no page at this address.")
			return
		}
		files.ServeHTTP(w, r)
	})
	mux.HandleFunc("GET /{$}", h.stories)
	mux.HandleFunc("GET /stories", h.stories)
	mux.HandleFunc("GET /stories/{id}", h.story)
	mux.HandleFunc("GET /articles/{id}", h.article)
	mux.HandleFunc("GET /entities", h.entities)
	mux.HandleFunc("GET /entities/{id}", h.entity)
	mux.HandleFunc("GET /quotes", h.quotes)
	mux.HandleFunc("GET /claims", h.claims)
	mux.HandleFunc("GET /threads", h.threads)
	mux.HandleFunc("GET /search", h.search)
	mux.HandleFunc("GET /outlets", h.outlets)
	mux.HandleFunc("GET /outlet", h.outlet)
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		h.fail(w, r, http.StatusNotFound, "There is no page at this address.")
	})
	return mux
}

// funcs are the template helpers; none of them returns unescaped markup.
var funcs = template.FuncMap{
	"day":   day,
	"stamp": stampDay,
	"join":  func(s []string) string { return strings.Join(s, ", ") },
	"clean": clean,
	"pct":   func(a, b int) int { return a * 100 / max(b, 1) },
	"add":   func(a, b int) int { return a + b },
	"list":  func(s ...string) []string { return s },
	"pct1":  func(f float64) string { return strconv.FormatFloat(f, 'f', 1, 64) },
}

// parsePages parses each page template with the layout.
func parsePages() map[string]*template.Template {
	names, err := fs.Glob(templateFS, "templates/*.html")
	if err != nil {
		panic(err)
	}
	layout := template.Must(template.New("layout.html").Funcs(funcs).ParseFS(templateFS, "templates/layout.html"))
	pages := map[string]*template.Template{}
	for _, n := range names {
		base := strings.TrimPrefix(n, "templates/")
		if base == "layout.html" {
			continue
		}
		pages[strings.TrimSuffix(base, ".html")] = template.Must(template.Must(layout.Clone()).ParseFS(templateFS, n))
	}
	return pages
}

// page is what every page template gets.
type page struct {
	Title string
	Nav   string
	Data  any
}

// render writes a page, buffered so an error still gives a clean answer.
func (h *handler) render(w http.ResponseWriter, r *http.Request, name, title, nav string, data any) {
	var buf bytes.Buffer
	if err := h.pages[name].ExecuteTemplate(&buf, "layout.html", page{Title: title, Nav: nav, Data: data}); err != nil {
		h.log.Error("render", "page", name, "err", err)
		http.Error(w, "internal error rendering the page", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Write(buf.Bytes())
}

// fail answers with an error page.
func (h *handler) fail(w http.ResponseWriter, r *http.Request, status int, msg string) {
	var buf bytes.Buffer
	err := h.pages["error"].ExecuteTemplate(&buf, "layout.html", page{Title: http.StatusText(status), Data: struct {
		Status int
		Msg    string
	}{status, msg}})
	if err != nil {
		http.Error(w, msg, status)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

// failErr answers with the error page for err.
func (h *handler) failErr(w http.ResponseWriter, r *http.Request, err error) {
	status, msg := api.ErrorStatus(err)
	if status == http.StatusInternalServerError {
		h.log.Error("page", "path", r.URL.Path, "err", err)
	}
	h.fail(w, r, status, msg)
}

// day formats a time as YYYY-MM-DD, "–" for the zero time.
func day(t time.Time) string {
	if t.IsZero() {
		return "–"
	}
	return t.UTC().Format(time.DateOnly)
}

// stampDay cuts an RFC 3339 string (or pointer to one) to its day.
func stampDay(v any) string {
	var s string
	switch x := v.(type) {
	case string:
		s = x
	case *string:
		if x != nil {
			s = *x
		}
	}
	if len(s) >= 10 {
		return s[:10]
	}
	if s == "" {
		return "–"
	}
	return s
}

// clean makes text valid UTF-8 for display.
func clean(s string) string { return strings.ToValidUTF8(s, "\uFFFD") }
