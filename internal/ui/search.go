package ui

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/parallax-news/parallax/internal/api"
	"github.com/parallax-news/parallax/internal/storage"
)

// hitView is one search hit as the search page shows it: texts as
// fragments, the matched ones marked by the template.
type hitView struct {
	storage.SearchHit
	Title, Snippet []storage.Fragment
}

func hitViews(hits []storage.SearchHit) []hitView {
	out := make([]hitView, len(hits))
	for i, h := range hits {
		out[i] = hitView{SearchHit: h, Title: storage.Marks(h.Title), Snippet: storage.Marks(h.Snippet)}
	}
	return out
}

// search is the search page: the hits of one kind, and with the first
// page of articles the entities whose names match, to follow to their
// pages.
func (h *handler) search(w http.ResponseWriter, r *http.Request) {
	q, err := api.ParseSearchQuery(r.URL.Query())
	if err != nil {
		h.failErr(w, r, err)
		return
	}
	var hits []storage.SearchHit
	var next string
	if q.Q != "" {
		if hits, next, err = h.d.Search(r.Context(), q); err != nil {
			h.failErr(w, r, err)
			return
		}
	}
	if f := r.URL.Query().Get("format"); f != "" {
		h.export(w, r, f, "search", searchTable(q.Kind, hits))
		return
	}
	var ents []storage.SearchHit
	if q.Q != "" && q.Kind == storage.SearchArticles && q.After == "" {
		eq := api.SearchQuery{Q: q.Q, Kind: storage.SearchEntities, ListQuery: api.ListQuery{Limit: 5}}
		if ents, _, err = h.d.Search(r.Context(), eq); err != nil {
			h.failErr(w, r, err)
			return
		}
	}
	title := "Search"
	if q.Q != "" {
		title = "Search: " + strings.ToValidUTF8(clip(q.Q, 80), "")
	}
	kinds := []struct{ Kind, Label, Href string }{}
	for _, k := range []struct {
		kind  storage.SearchKind
		label string
	}{{storage.SearchArticles, "Articles"}, {storage.SearchQuotes, "Quotes"}, {storage.SearchEntities, "Entities"}} {
		v := r.URL.Query()
		v.Del("after")
		kinds = append(kinds, struct{ Kind, Label, Href string }{string(k.kind), k.label, withParam(v, "kind", string(k.kind))})
	}
	h.render(w, r, "search", title, "search", struct {
		Q        api.SearchQuery
		Kinds    []struct{ Kind, Label, Href string }
		Hits     []hitView
		Entities []hitView
		List     listPage
	}{q, kinds, hitViews(hits), hitViews(ents), newListPage(r, next)})
}

// searchTable is a page of search hits for export, with matched words
// between ** as in Markdown.
func searchTable(kind storage.SearchKind, hits []storage.SearchHit) table {
	plain := func(s string) string {
		var b strings.Builder
		for _, f := range storage.Marks(s) {
			if f.Match {
				b.WriteString("**" + f.Text + "**")
			} else {
				b.WriteString(f.Text)
			}
		}
		return b.String()
	}
	var t table
	switch kind {
	case storage.SearchQuotes:
		t.Header = []string{"article", "outlet", "published", "story", "speaker", "kind", "cue", "quote"}
	case storage.SearchEntities:
		t.Header = []string{"id", "entity", "type", "mentions", "match"}
	default:
		t.Header = []string{"article", "outlet", "published", "story", "title", "snippet"}
	}
	for _, h := range hits {
		switch {
		case h.Quote != nil:
			q := h.Quote
			t.Rows = append(t.Rows, []string{q.Article.ExternalID, q.Article.Outlet, q.Article.Published, itoa(q.Article.StoryID), q.SpeakerName, string(q.Kind), q.Cue, plain(h.Snippet)})
		case h.Entity != nil:
			e := h.Entity
			t.Rows = append(t.Rows, []string{itoa(e.ID), e.Canonical, string(e.Type), strconv.Itoa(e.Mentions), plain(h.Snippet)})
		default:
			a := h.Article
			t.Rows = append(t.Rows, []string{a.ExternalID, a.Outlet, a.Published, itoa(a.StoryID), plain(h.Title), plain(h.Snippet)})
		}
		t.Records = append(t.Records, api.SearchHitJSON(kind, h))
	}
	return t
}
