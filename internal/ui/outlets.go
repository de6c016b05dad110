package ui

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/parallax-news/parallax/internal/storage"
)

// outlets lists every outlet with how much it covers.
func (h *handler) outlets(w http.ResponseWriter, r *http.Request) {
	rows, err := h.d.Outlets(r.Context())
	if err != nil {
		h.failErr(w, r, err)
		return
	}
	if f := r.URL.Query().Get("format"); f != "" {
		h.export(w, r, f, "outlets", outletsTable(rows))
		return
	}
	counts, err := h.d.Reader().Counts(r.Context())
	if err != nil {
		h.failErr(w, r, err)
		return
	}
	h.render(w, r, "outlets", "Outlets", "outlets", struct {
		Outlets []storage.OutletRow
		Counts  storage.Counts
		List    listPage
	}{rows, counts, newListPage(r, "")})
}

// outlet is one outlet's page: ?name= names it (any case).
func (h *handler) outlet(w http.ResponseWriter, r *http.Request) {
	name := strings.TrimSpace(r.URL.Query().Get("name"))
	if name == "" || len(name) > 200 {
		h.fail(w, r, http.StatusBadRequest, "Name an outlet: /outlet?name=…")
		return
	}
	p, err := h.d.Outlet(r.Context(), name)
	if err != nil {
		h.failErr(w, r, err)
		return
	}
	h.render(w, r, "outlet", p.Name, "outlets", p)
}

func outletsTable(rows []storage.OutletRow) table {
	t := table{Header: []string{"outlet", "articles", "near_copies", "stories", "alone", "first", "last"}}
	for _, o := range rows {
		t.Rows = append(t.Rows, []string{o.Name, strconv.Itoa(o.Articles), strconv.Itoa(o.Copies), strconv.Itoa(o.Stories), strconv.Itoa(o.Exclusive), o.First, o.Last})
		t.Records = append(t.Records, outletRecord{o.Name, o.Articles, o.Copies, o.Stories, o.Exclusive, o.First, o.Last})
	}
	return t
}

// outletRecord is an outlet in a JSON lines export.
type outletRecord struct {
	Outlet     string `json:"outlet"`
	Articles   int    `json:"articles"`
	NearCopies int    `json:"near_copies"`
	Stories    int    `json:"stories"`
	Alone      int    `json:"alone"`
	First      string `json:"first"`
	Last       string `json:"last"`
}
