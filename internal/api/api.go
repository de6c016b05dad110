package api

import (
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"

	"github.com/parallax-news/parallax/internal/storage"
)

// OpenAPI is the OpenAPI 3 document of the API, served at
// /api/v1/openapi.json.
//
//go:embed openapi.json
var OpenAPI []byte

// Prefix is the path every API route starts with.
const Prefix = "/api/v1/"

// handler serves the API.
type handler struct {
	d   *Data
	log *slog.Logger
}

// New returns the API's handler, to be mounted at Prefix. log receives
// the errors behind 500 answers (nil: discarded).
func New(d *Data, log *slog.Logger) http.Handler {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	h := &handler{d: d, log: log}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /api/v1/openapi.json", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Write(OpenAPI)
	})
	mux.HandleFunc("GET /api/v1/stories", h.json(h.stories))
	mux.HandleFunc("GET /api/v1/stories/{id}", h.json(h.story))
	mux.HandleFunc("GET /api/v1/stories/{id}/comparison", h.json(h.comparison))
	mux.HandleFunc("GET /api/v1/articles", h.json(h.articles))
	mux.HandleFunc("GET /api/v1/articles/{id}", h.json(h.article))
	mux.HandleFunc("GET /api/v1/entities", h.json(h.entities))
	mux.HandleFunc("GET /api/v1/entities/{id}", h.json(h.entity))
	mux.HandleFunc("GET /api/v1/quotes", h.json(h.quotes))
	mux.HandleFunc("GET /api/v1/claims", h.json(h.claims))
	mux.HandleFunc("GET /api/v1/threads", h.json(h.threads))
	mux.HandleFunc("GET /api/v1/search", h.json(h.search))
	mux.HandleFunc("GET /api/v1/outlets", h.json(h.outlets))
	mux.HandleFunc("GET /api/v1/outlets/{name}", h.json(h.outlet))
	mux.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		status := http.StatusNotFound
		msg := "no such API route: see /api/v1/openapi.json"
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			status, msg = http.StatusMethodNotAllowed, "the API is read-only: only GET and HEAD are allowed"
			w.Header().Set("Allow", "GET, HEAD")
		}
		WriteError(w, status, msg)
	})
	return mux
}

// json wraps a handler that returns a value to encode or an error.
func (h *handler) json(fn func(r *http.Request) (any, error)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		v, err := fn(r)
		if err != nil {
			status, msg := ErrorStatus(err)
			if status == http.StatusInternalServerError {
				h.log.Error("api", "path", r.URL.Path, "err", err)
			}
			WriteError(w, status, msg)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(true)
		enc.Encode(v)
	}
}

// ErrorStatus maps an error to an HTTP status and the message shown for
// it; internal errors are not described to the client.
func ErrorStatus(err error) (int, string) {
	var bad *BadRequestError
	switch {
	case errors.As(err, &bad):
		return http.StatusBadRequest, bad.Msg
	case errors.Is(err, storage.ErrNotFound):
		return http.StatusNotFound, err.Error()
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return http.StatusServiceUnavailable, "the request took too long"
	}
	return http.StatusInternalServerError, "internal error reading the store"
}

// WriteError writes an error answer as JSON.
func WriteError(w http.ResponseWriter, status int, msg string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(Error{Error: ErrorBody{Status: status, Message: msg}})
}

func pathID(r *http.Request) (int64, error) { return ParseID(r.PathValue("id")) }

func (h *handler) stories(r *http.Request) (any, error) {
	q, err := ParseStoryQuery(r.URL.Query())
	if err != nil {
		return nil, err
	}
	ss, next, err := h.d.Stories(r.Context(), q)
	if err != nil {
		return nil, err
	}
	out := List[Story]{Items: []Story{}, Next: next}
	for _, s := range ss {
		out.Items = append(out.Items, StoryJSON(s))
	}
	return out, nil
}

func (h *handler) story(r *http.Request) (any, error) {
	id, err := pathID(r)
	if err != nil {
		return nil, err
	}
	s, arts, err := h.d.Story(r.Context(), id)
	if err != nil {
		return nil, err
	}
	out := StoryDetail{Story: StoryJSON(s), ArticleList: []Article{}}
	for _, a := range arts {
		out.ArticleList = append(out.ArticleList, ArticleJSON(a))
	}
	return out, nil
}

func (h *handler) comparison(r *http.Request) (any, error) {
	id, err := pathID(r)
	if err != nil {
		return nil, err
	}
	s, err := h.d.r.Story(r.Context(), id)
	if err != nil {
		return nil, err
	}
	c, err := h.d.Comparison(r.Context(), s)
	if err != nil {
		return nil, err
	}
	if c == nil {
		return nil, &BadRequestError{Msg: "story has fewer than two articles: nothing to compare"}
	}
	return c, nil
}

func (h *handler) articles(r *http.Request) (any, error) {
	q, err := ParseListQuery(r.URL.Query(), "")
	if err != nil {
		return nil, err
	}
	as, next, err := h.d.Articles(r.Context(), q)
	if err != nil {
		return nil, err
	}
	out := List[Article]{Items: []Article{}, Next: next}
	for _, a := range as {
		out.Items = append(out.Items, ArticleJSON(a))
	}
	return out, nil
}

func (h *handler) article(r *http.Request) (any, error) {
	id, err := pathID(r)
	if err != nil {
		return nil, err
	}
	a, an, err := h.d.Article(r.Context(), id)
	if err != nil {
		return nil, err
	}
	copies, err := h.d.NearCopies(r.Context(), a)
	if err != nil {
		return nil, err
	}
	return ArticleDetailJSON(a, an, copies), nil
}

func (h *handler) entities(r *http.Request) (any, error) {
	q, err := ParseEntityQuery(r.URL.Query())
	if err != nil {
		return nil, err
	}
	es, next, err := h.d.Entities(r.Context(), q)
	if err != nil {
		return nil, err
	}
	out := List[Entity]{Items: []Entity{}, Next: next}
	for _, e := range es {
		out.Items = append(out.Items, EntityJSON(e))
	}
	return out, nil
}

func (h *handler) entity(r *http.Request) (any, error) {
	id, err := pathID(r)
	if err != nil {
		return nil, err
	}
	e, err := h.d.Entity(r.Context(), id)
	if err != nil {
		return nil, err
	}
	limit, after, err := parsePage(r.URL.Query())
	if err != nil {
		return nil, err
	}
	refs, next, err := h.d.EntityArticles(r.Context(), id, limit, after)
	if err != nil {
		return nil, err
	}
	out := EntityDetail{Entity: EntityJSON(e), Articles: []ArticleRef{}, ArticlesNext: next}
	for _, ref := range refs {
		out.Articles = append(out.Articles, RefJSON(ref))
	}
	return out, nil
}

func (h *handler) quotes(r *http.Request) (any, error) {
	q, err := ParseListQuery(r.URL.Query(), "speaker")
	if err != nil {
		return nil, err
	}
	rows, next, err := h.d.Quotes(r.Context(), q)
	if err != nil {
		return nil, err
	}
	out := List[Quote]{Items: []Quote{}, Next: next}
	for _, row := range rows {
		out.Items = append(out.Items, QuoteJSON(row))
	}
	return out, nil
}

func (h *handler) claims(r *http.Request) (any, error) {
	q, err := ParseListQuery(r.URL.Query(), "holder")
	if err != nil {
		return nil, err
	}
	rows, next, err := h.d.Claims(r.Context(), q)
	if err != nil {
		return nil, err
	}
	out := List[Claim]{Items: []Claim{}, Next: next}
	for _, row := range rows {
		out.Items = append(out.Items, ClaimJSON(row))
	}
	return out, nil
}

func (h *handler) threads(r *http.Request) (any, error) {
	limit, after, err := parsePage(r.URL.Query())
	if err != nil {
		return nil, err
	}
	ts, next, err := h.d.Threads(r.Context(), limit, after)
	if err != nil {
		return nil, err
	}
	out := List[Thread]{Items: []Thread{}, Next: next}
	for _, t := range ts {
		out.Items = append(out.Items, ThreadJSON(t))
	}
	return out, nil
}
