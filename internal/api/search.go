package api

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/parallax-news/parallax/internal/model"
	"github.com/parallax-news/parallax/internal/storage"
)

// MaxQuery is the longest search query accepted, in bytes.
const MaxQuery = 500

// SearchQuery is a full-text search with the filters of the lists.
type SearchQuery struct {
	Q    string
	Kind storage.SearchKind
	ListQuery
	// Type selects one entity type (entity searches).
	Type model.EntityType
}

// ParseSearchQuery reads a SearchQuery from query parameters q, kind
// (articles, quotes or entities), story, speaker, outlet, from, to, type,
// limit and after.
func ParseSearchQuery(v url.Values) (SearchQuery, error) {
	var q SearchQuery
	q.Q = strings.TrimSpace(v.Get("q"))
	if len(q.Q) > MaxQuery {
		return q, badRequest("q is longer than %d bytes", MaxQuery)
	}
	switch k := storage.SearchKind(v.Get("kind")); k {
	case "":
		q.Kind = storage.SearchArticles
	case storage.SearchArticles, storage.SearchQuotes, storage.SearchEntities:
		q.Kind = k
	default:
		return q, badRequest("kind %q: want articles, quotes or entities", clip(string(k), 40))
	}
	switch t := model.EntityType(v.Get("type")); t {
	case "", model.Person, model.Organization, model.Place, model.Other:
		q.Type = t
	default:
		return q, badRequest("type %q: want person, organization, place or other", clip(string(t), 40))
	}
	var err error
	q.ListQuery, err = ParseListQuery(v, "speaker")
	if err != nil {
		return q, err
	}
	if q.Thread != 0 {
		return q, badRequest("search does not filter by thread")
	}
	return q, nil
}

// Search returns one page of search hits, best first.
func (d *Data) Search(ctx context.Context, q SearchQuery) ([]storage.SearchHit, string, error) {
	hits, next, err := d.r.Search(ctx, storage.SearchFilter{Query: q.Q, Kind: q.Kind, StoryID: q.Story, Outlet: q.Outlet,
		Dates: storage.DateRange{From: q.From, To: q.To}, SpeakerID: q.Entity, Type: q.Type,
		Page: storage.Page{Limit: q.Limit, After: q.After}})
	if err != nil {
		return nil, "", fmt.Errorf("search: %w", err)
	}
	return hits, next, nil
}

// SearchHit is one search result in the API: an article, a quote or an
// entity, with its snippet as fragments, the matched ones marked.
type SearchHit struct {
	Kind    string             `json:"kind"`
	Score   int64              `json:"score"`
	Snippet []storage.Fragment `json:"snippet"`
	Title   []storage.Fragment `json:"title,omitempty"`
	Article *ArticleRef        `json:"article,omitempty"`
	Quote   *Quote             `json:"quote,omitempty"`
	Entity  *Entity            `json:"entity,omitempty"`
}

// SearchHitJSON converts a search hit.
func SearchHitJSON(kind storage.SearchKind, h storage.SearchHit) SearchHit {
	out := SearchHit{Kind: string(kind), Score: h.Score, Snippet: nonNil(storage.Marks(h.Snippet))}
	switch {
	case h.Entity != nil:
		e := EntityJSON(*h.Entity)
		out.Entity = &e
	case h.Quote != nil:
		q := QuoteJSON(*h.Quote)
		out.Quote = &q
		out.Article = q.Article
		out.Title = nonNil(storage.Marks(h.Title))
	default:
		ref := RefJSON(h.Article)
		out.Article = &ref
		out.Title = nonNil(storage.Marks(h.Title))
	}
	if out.Kind == "" {
		out.Kind = string(storage.SearchArticles)
	}
	return out
}

func (h *handler) search(r *http.Request) (any, error) {
	q, err := ParseSearchQuery(r.URL.Query())
	if err != nil {
		return nil, err
	}
	hits, next, err := h.d.Search(r.Context(), q)
	if err != nil {
		return nil, err
	}
	out := List[SearchHit]{Items: []SearchHit{}, Next: next}
	for _, hit := range hits {
		out.Items = append(out.Items, SearchHitJSON(q.Kind, hit))
	}
	return out, nil
}
