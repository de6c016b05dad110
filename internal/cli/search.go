package cli

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/parallax-news/parallax/internal/api"
	"github.com/parallax-news/parallax/internal/model"
	"github.com/parallax-news/parallax/internal/storage"
)

func (a *app) searchCmd() *cobra.Command {
	var kind, speaker, typ, format string
	var f filterFlags
	var page storage.Page
	cmd := &cobra.Command{
		Use:   "search QUERY",
		Short: "Search articles, quotes or entities by their words, best match first",
		Long: `Search the stored articles (title and text), quotes (text and speaker: who said
what about something) or entities (names and aliases). Words must all appear;
"double quotes" make a phrase and -word excludes a word. Any other character is
searched for as text, never read as an operator.

Matched words are shown «like this» (text, csv), **like this** (md) or as
marked fragments (json: one JSON object per line, as the API answers).`,
		Example: `  parallax search quarry collapse
  parallax search --kind quotes '"four men"' --outlet "Valley Signal"
  parallax search --kind entities Holt --format json`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			dates, err := f.dates()
			if err != nil {
				return err
			}
			if f.thread != 0 {
				return usage(fmt.Errorf("search does not filter by thread"))
			}
			k := storage.SearchKind(kind)
			switch k {
			case storage.SearchArticles, storage.SearchQuotes, storage.SearchEntities:
			default:
				return usage(fmt.Errorf("--kind %q: want articles, quotes or entities", kind))
			}
			switch format {
			case "text", "json", "csv", "md":
			default:
				return usage(fmt.Errorf("--format %q: want text, json, csv or md", format))
			}
			sf := storage.SearchFilter{Query: strings.Join(args, " "), Kind: k, StoryID: f.story, Outlet: f.outlet, Dates: dates,
				Type: model.EntityType(typ), Page: page}
			run := func(st storage.Store) error {
				if speaker != "" {
					e, err := a.findEntity(st, speaker)
					if err != nil {
						return err
					}
					sf.SpeakerID = e.ID
				}
				hits, next, err := st.Search(a.ctx, sf)
				if err != nil {
					return err
				}
				if err := a.printHits(k, format, hits); err != nil {
					return err
				}
				a.nextPage(next)
				return nil
			}
			if k == storage.SearchArticles && speaker == "" {
				st, err := a.openReader()
				if err != nil {
					return err
				}
				defer st.Close()
				return run(st)
			}
			return a.withReadModel(run)
		},
	}
	cmd.Flags().StringVar(&kind, "kind", "articles", "what to search: articles, quotes or entities")
	cmd.Flags().StringVar(&speaker, "speaker", "", "only quotes by this speaker (any spelling, surname or alias, as for `entity`)")
	cmd.Flags().StringVar(&typ, "type", "", "only entities of this type: person, organization, place")
	cmd.Flags().StringVar(&format, "format", "text", "output format: text, json (lines), csv or md")
	f.add(cmd)
	pageFlags(cmd, &page, 20)
	return cmd
}

// marked renders a snippet with its matched words between open and close.
func marked(snippet, open, close string) string {
	var b strings.Builder
	for _, fr := range storage.Marks(snippet) {
		if fr.Match {
			b.WriteString(open + fr.Text + close)
		} else {
			b.WriteString(fr.Text)
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// printHits prints search hits in format.
func (a *app) printHits(kind storage.SearchKind, format string, hits []storage.SearchHit) error {
	w := a.stdout
	if format == "json" {
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		for _, h := range hits {
			if err := enc.Encode(api.SearchHitJSON(kind, h)); err != nil {
				return err
			}
		}
		return nil
	}
	open, close := "«", "»"
	if format == "md" {
		open, close = "**", "**"
	}
	header := []string{"article", "outlet", "published", "story", "title", "snippet"}
	row := func(h storage.SearchHit) []string {
		return []string{h.Article.ExternalID, h.Article.Outlet, h.Article.Published, strconv.FormatInt(h.Article.StoryID, 10),
			marked(h.Title, open, close), marked(h.Snippet, open, close)}
	}
	switch kind {
	case storage.SearchQuotes:
		header = []string{"article", "outlet", "published", "story", "speaker", "kind", "cue", "quote"}
		row = func(h storage.SearchHit) []string {
			q := h.Quote
			return []string{q.Article.ExternalID, q.Article.Outlet, q.Article.Published, strconv.FormatInt(q.Article.StoryID, 10),
				q.SpeakerName, string(q.Kind), q.Cue, marked(h.Snippet, open, close)}
		}
	case storage.SearchEntities:
		header = []string{"entity", "type", "mentions", "name", "aliases"}
		row = func(h storage.SearchHit) []string {
			e := h.Entity
			return []string{strconv.FormatInt(e.ID, 10), string(e.Type), strconv.Itoa(e.Mentions), marked(h.Snippet, open, close), strings.Join(e.Aliases, "; ")}
		}
	}
	switch format {
	case "csv":
		cw := csv.NewWriter(w)
		cw.Write(header)
		for _, h := range hits {
			cw.Write(row(h))
		}
		cw.Flush()
		return cw.Error()
	case "md":
		fmt.Fprintf(w, "| %s |\n|%s\n", strings.Join(header, " | "), strings.Repeat(" --- |", len(header)))
		for _, h := range hits {
			cells := row(h)
			for i, c := range cells {
				cells[i] = strings.NewReplacer("|", `\|`, "<", "&lt;", ">", "&gt;").Replace(c)
			}
			fmt.Fprintf(w, "| %s |\n", strings.Join(cells, " | "))
		}
		return nil
	}
	for _, h := range hits {
		switch kind {
		case storage.SearchQuotes:
			q := h.Quote
			who := q.SpeakerName
			if who == "" {
				who = "(unknown speaker)"
			}
			fmt.Fprintf(w, "%s  %s  %s [%s, %s]\n    “%s”\n", q.Article.ExternalID, orDash(q.Article.Outlet), who, q.Kind, q.Cue, clip(marked(h.Snippet, open, close), 300))
		case storage.SearchEntities:
			fmt.Fprintf(w, "%d  %s  (%s, %d mentions)\n", h.Entity.ID, marked(h.Snippet, open, close), h.Entity.Type, h.Entity.Mentions)
		default:
			fmt.Fprintf(w, "%s  %s  %s  story %d\n  %s\n    %s\n", h.Article.ExternalID, orDash(h.Article.Outlet), orDash(h.Article.Published),
				h.Article.StoryID, clip(marked(h.Title, open, close), 160), clip(marked(h.Snippet, open, close), 300))
		}
	}
	return nil
}
