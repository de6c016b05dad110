package ui

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"net/http"
	"strconv"
	"strings"

	"github.com/parallax-news/parallax/internal/api"
	"github.com/parallax-news/parallax/internal/model"
	"github.com/parallax-news/parallax/internal/storage"
)

// exportFormats are the formats a list page exports to (?format=).
var exportFormats = []struct{ name, label, ctype, ext string }{
	{"csv", "CSV", "text/csv; charset=utf-8", "csv"},
	{"jsonl", "JSON lines", "application/x-ndjson", "jsonl"},
	{"md", "Markdown", "text/markdown; charset=utf-8", "md"},
}

// table is one page of a list as rows of cells, and as the API's JSON
// records for JSON lines.
type table struct {
	Header  []string
	Rows    [][]string
	Records []any
}

// export writes t in format as a download.
func (h *handler) export(w http.ResponseWriter, r *http.Request, format, name string, t table) {
	i := -1
	for j, f := range exportFormats {
		if f.name == format {
			i = j
		}
	}
	if i < 0 {
		h.fail(w, r, http.StatusBadRequest, "format "+strconv.Quote(clip(format, 20))+": want csv, jsonl or md")
		return
	}
	var buf bytes.Buffer
	switch format {
	case "csv":
		cw := csv.NewWriter(&buf)
		cw.Write(t.Header)
		for _, row := range t.Rows {
			safe := make([]string, len(row))
			for k, c := range row {
				safe[k] = csvCell(c)
			}
			cw.Write(safe)
		}
		cw.Flush()
	case "jsonl":
		enc := json.NewEncoder(&buf)
		for _, rec := range t.Records {
			enc.Encode(rec)
		}
	case "md":
		buf.WriteString("| " + strings.Join(t.Header, " | ") + " |\n")
		buf.WriteString(strings.Repeat("| --- ", len(t.Header)) + "|\n")
		for _, row := range t.Rows {
			cells := make([]string, len(row))
			for k, c := range row {
				cells[k] = mdCell(c)
			}
			buf.WriteString("| " + strings.Join(cells, " | ") + " |\n")
		}
	}
	f := exportFormats[i]
	w.Header().Set("Content-Type", f.ctype)
	w.Header().Set("Content-Disposition", `attachment; filename="`+name+"."+f.ext+`"`)
	w.Write(buf.Bytes())
}

// csvCell keeps a spreadsheet from reading a cell as a formula.
func csvCell(s string) string {
	s = clean(s)
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// mdCell makes text safe inside one Markdown table cell: no line breaks,
// no table pipes, no HTML.
func mdCell(s string) string {
	s = clean(s)
	r := strings.NewReplacer("\r", " ", "\n", " ", "|", `\|`, "<", "&lt;", ">", "&gt;", "&", "&amp;", "`", "\\`", "[", `\[`, "]", `\]`)
	return r.Replace(s)
}

// clip cuts s to n bytes.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n]
}

func storiesTable(ss []model.Story) table {
	t := table{Header: []string{"id", "headline", "articles", "outlets", "first", "last", "thread"}}
	for _, s := range ss {
		j := api.StoryJSON(s)
		t.Rows = append(t.Rows, []string{itoa(s.ID), s.Headline, strconv.Itoa(s.Articles), strings.Join(s.Outlets, "; "), j.First, j.Last, itoa(s.ThreadID)})
		t.Records = append(t.Records, j)
	}
	return t
}

func entitiesTable(es []model.Entity) table {
	t := table{Header: []string{"id", "entity", "type", "mentions", "aliases", "roles"}}
	for _, e := range es {
		t.Rows = append(t.Rows, []string{itoa(e.ID), e.Canonical, string(e.Type), strconv.Itoa(e.Mentions), strings.Join(e.Aliases, "; "), strings.Join(e.Roles, "; ")})
		t.Records = append(t.Records, api.EntityJSON(e))
	}
	return t
}

func quotesTable(rows []storage.QuoteRow) table {
	t := table{Header: []string{"article", "outlet", "published", "story", "speaker", "kind", "cue", "quote"}}
	for _, q := range rows {
		t.Rows = append(t.Rows, []string{q.Article.ExternalID, q.Article.Outlet, q.Article.Published, itoa(q.Article.StoryID), q.SpeakerName, string(q.Kind), q.Cue, q.Text})
		t.Records = append(t.Records, api.QuoteJSON(q))
	}
	return t
}

func claimsTable(rows []storage.ClaimRow) table {
	t := table{Header: []string{"claim", "story", "text", "article", "outlet", "holder", "stance", "sentence"}}
	for _, c := range rows {
		for _, s := range c.Stances {
			t.Rows = append(t.Rows, []string{itoa(c.ID), itoa(c.StoryID), c.Text, s.Article.ExternalID, s.Article.Outlet, s.HolderName, string(s.Stance), s.Text})
		}
		t.Records = append(t.Records, api.ClaimJSON(c))
	}
	return t
}

func threadsTable(ts []model.Thread) table {
	t := table{Header: []string{"thread", "title", "first", "last", "story", "headline", "articles"}}
	for _, th := range ts {
		j := api.ThreadJSON(th)
		for _, s := range th.Stories {
			t.Rows = append(t.Rows, []string{itoa(th.ID), th.Title, j.First, j.Last, itoa(s.ID), s.Headline, strconv.Itoa(s.Articles)})
		}
		t.Records = append(t.Records, j)
	}
	return t
}
