package ui

import (
	"net/http"
	"net/url"
	"strconv"

	"github.com/parallax-news/parallax/internal/api"
	"github.com/parallax-news/parallax/internal/model"
	"github.com/parallax-news/parallax/internal/storage"
)

// listPage is the paging and export links of a list page.
type listPage struct {
	Next    string // address of the next page, "" on the last
	Exports []exportLink
}

// exportLink is one export of the current list.
type exportLink struct{ Label, Href string }

// newListPage builds the next-page and export links of r's list.
func newListPage(r *http.Request, next string) listPage {
	lp := listPage{}
	if next != "" {
		lp.Next = withParam(r.URL.Query(), "after", next)
	}
	for _, f := range exportFormats {
		lp.Exports = append(lp.Exports, exportLink{Label: f.label, Href: withParam(r.URL.Query(), "format", f.name)})
	}
	return lp
}

// withParam returns "?query" with one parameter set.
func withParam(v url.Values, k, val string) string {
	c := url.Values{}
	for key, vals := range v {
		c[key] = append([]string(nil), vals...)
	}
	c.Set(k, val)
	return "?" + c.Encode()
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// pathID reads the {id} of a page address.
func pathID(r *http.Request) (int64, error) { return api.ParseID(r.PathValue("id")) }

func (h *handler) stories(w http.ResponseWriter, r *http.Request) {
	q, err := api.ParseStoryQuery(r.URL.Query())
	if err != nil {
		h.failErr(w, r, err)
		return
	}
	ss, next, err := h.d.Stories(r.Context(), q)
	if err != nil {
		h.failErr(w, r, err)
		return
	}
	if f := r.URL.Query().Get("format"); f != "" {
		h.export(w, r, f, "stories", storiesTable(ss))
		return
	}
	counts, err := h.d.Reader().Counts(r.Context())
	if err != nil {
		h.failErr(w, r, err)
		return
	}
	var ent *model.Entity
	if q.Entity != "" {
		if ent, err = h.d.ResolveEntity(r.Context(), q.Entity); err != nil {
			h.failErr(w, r, err)
			return
		}
	}
	ids := make([]int64, len(ss))
	for i, st := range ss {
		ids[i] = st.ID
	}
	days, err := h.d.StoryDays(r.Context(), ids)
	if err != nil {
		h.failErr(w, r, err)
		return
	}
	rows := make([]storyRow, len(ss))
	for i, st := range ss {
		rows[i] = storyRow{Story: st, Spark: newSpark(days[st.ID])}
	}
	title := "Stories"
	if ent != nil {
		title = "Stories: " + ent.Canonical
	}
	h.render(w, r, "stories", title, "stories", struct {
		Q       api.StoryQuery
		Entity  *model.Entity
		Stories []storyRow
		Counts  storage.Counts
		List    listPage
	}{q, ent, rows, counts, newListPage(r, next)})
}

// storyRow is a story in a list, with its coverage line.
type storyRow struct {
	model.Story
	Spark *spark
}

func (h *handler) story(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		h.failErr(w, r, err)
		return
	}
	s, arts, err := h.d.Story(r.Context(), id)
	if err != nil {
		h.failErr(w, r, err)
		return
	}
	c, err := h.d.Comparison(r.Context(), s)
	if err != nil {
		h.failErr(w, r, err)
		return
	}
	h.render(w, r, "story", s.Headline, "stories", newStoryView(s, arts, c))
}

func (h *handler) article(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		h.failErr(w, r, err)
		return
	}
	a, an, err := h.d.Article(r.Context(), id)
	if err != nil {
		h.failErr(w, r, err)
		return
	}
	copies, err := h.d.NearCopies(r.Context(), a)
	if err != nil {
		h.failErr(w, r, err)
		return
	}
	var keys []string
	for _, m := range an.Mentions {
		keys = append(keys, mentionKey(m))
	}
	ids, err := h.d.EntityIDs(r.Context(), keys)
	if err != nil {
		h.failErr(w, r, err)
		return
	}
	removed, err := h.d.Boilerplate(r.Context(), id)
	if err != nil {
		h.failErr(w, r, err)
		return
	}
	v := newArticleView(a, an, copies, ids)
	v.Removed = removed
	h.render(w, r, "article", a.Title, "", v)
}

func (h *handler) entities(w http.ResponseWriter, r *http.Request) {
	q, err := api.ParseEntityQuery(r.URL.Query())
	if err != nil {
		h.failErr(w, r, err)
		return
	}
	es, next, err := h.d.Entities(r.Context(), q)
	if err != nil {
		h.failErr(w, r, err)
		return
	}
	if f := r.URL.Query().Get("format"); f != "" {
		h.export(w, r, f, "entities", entitiesTable(es))
		return
	}
	h.render(w, r, "entities", "Entities", "entities", struct {
		Q        api.EntityQuery
		Entities []model.Entity
		List     listPage
	}{q, es, newListPage(r, next)})
}

func (h *handler) entity(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		h.failErr(w, r, err)
		return
	}
	ctx := r.Context()
	e, err := h.d.Entity(ctx, id)
	if err != nil {
		h.failErr(w, r, err)
		return
	}
	refs, more, err := h.d.EntityArticles(ctx, id, 1000, "")
	if err != nil {
		h.failErr(w, r, err)
		return
	}
	quotes, _, err := h.d.Quotes(ctx, api.ListQuery{Entity: id, Limit: 100})
	if err != nil {
		h.failErr(w, r, err)
		return
	}
	claims, _, err := h.d.Claims(ctx, api.ListQuery{Entity: id, Limit: 100})
	if err != nil {
		h.failErr(w, r, err)
		return
	}
	h.render(w, r, "entity", e.Canonical, "entities", newEntityView(e, refs, more != "", quotes, claims))
}

func (h *handler) quotes(w http.ResponseWriter, r *http.Request) {
	q, err := api.ParseListQuery(r.URL.Query(), "speaker")
	if err != nil {
		h.failErr(w, r, err)
		return
	}
	rows, next, err := h.d.Quotes(r.Context(), q)
	if err != nil {
		h.failErr(w, r, err)
		return
	}
	if f := r.URL.Query().Get("format"); f != "" {
		h.export(w, r, f, "quotes", quotesTable(rows))
		return
	}
	h.render(w, r, "quotes", "Quotes", "quotes", struct {
		Q      api.ListQuery
		Quotes []storage.QuoteRow
		List   listPage
	}{q, rows, newListPage(r, next)})
}

func (h *handler) claims(w http.ResponseWriter, r *http.Request) {
	q, err := api.ParseListQuery(r.URL.Query(), "holder")
	if err != nil {
		h.failErr(w, r, err)
		return
	}
	rows, next, err := h.d.Claims(r.Context(), q)
	if err != nil {
		h.failErr(w, r, err)
		return
	}
	if f := r.URL.Query().Get("format"); f != "" {
		h.export(w, r, f, "claims", claimsTable(rows))
		return
	}
	h.render(w, r, "claims", "Claims", "claims", struct {
		Q      api.ListQuery
		Claims []storage.ClaimRow
		List   listPage
	}{q, rows, newListPage(r, next)})
}

func (h *handler) threads(w http.ResponseWriter, r *http.Request) {
	q, err := api.ParseListQuery(r.URL.Query(), "")
	if err != nil {
		h.failErr(w, r, err)
		return
	}
	ts, next, err := h.d.Threads(r.Context(), q.Limit, q.After)
	if err != nil {
		h.failErr(w, r, err)
		return
	}
	if f := r.URL.Query().Get("format"); f != "" {
		h.export(w, r, f, "threads", threadsTable(ts))
		return
	}
	h.render(w, r, "threads", "Threads", "threads", struct {
		Threads []model.Thread
		List    listPage
	}{ts, newListPage(r, next)})
}
