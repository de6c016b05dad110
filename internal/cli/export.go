package cli

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strconv"
	"time"

	"github.com/spf13/cobra"

	"github.com/parallax-news/parallax/internal/model"
	"github.com/parallax-news/parallax/internal/storage"
)

func (a *app) exportCmd() *cobra.Command {
	var format, out string
	cmd := &cobra.Command{
		Use:   "export KIND",
		Short: "Export assignments, articles, entities, quotes or claims as JSON lines (or CSV)",
		Long: `Export stored results, one record a line.

  assignments  {"id": <external id>, "story": <story id>, "thread": <thread id>, "duplicate_of": <external id or null>}
  articles     {"id", "title", "text" (cleaned), "url", "outlet", "published", "story", "duplicate_of"}
  entities     {"entity", "type", "aliases", "roles", "mentions", "articles"}
  quotes       {"id", "speaker", "speaker_mention", "cue", "quote", "kind", "start", "end"}
  claims       {"claim", "stances": [{"id", "holder", "stance", "qualifier", "text", "start", "end"}]}

Offsets (start, end) count characters of the exported article text.`,
		Args:      cobra.ExactArgs(1),
		ValidArgs: []string{"assignments", "articles", "entities", "quotes", "claims"},
		RunE: func(cmd *cobra.Command, args []string) error {
			if format != "jsonl" && format != "json" && format != "csv" {
				return errUsage{fmt.Errorf("--format %q: want jsonl or csv", format)}
			}
			kind := args[0]
			if kind != "assignments" && kind != "articles" {
				if exp, ok := a.analysisExports()[kind]; ok {
					return a.withReadModel(func(st storage.Store) error {
						return a.withOutput(out, func(w io.Writer) error { return exp(st, w, format) })
					})
				}
				return errUsage{fmt.Errorf("unknown export %q", kind)}
			}
			st, err := a.openReader()
			if err != nil {
				return err
			}
			defer st.Close()
			return a.withOutput(out, func(w io.Writer) error { return exportArticles(a, st, kind, format, w) })
		},
	}
	cmd.Flags().StringVar(&format, "format", "jsonl", "output format: jsonl or csv")
	cmd.Flags().StringVarP(&out, "output", "o", "", "write to this file instead of standard output")
	return cmd
}

// withOutput runs fn on a buffered writer to out (or stdout).
func (a *app) withOutput(out string, fn func(io.Writer) error) error {
	var w io.Writer = a.stdout
	var f *os.File
	if out != "" {
		var err error
		if f, err = os.Create(out); err != nil {
			return err
		}
		w = f
	}
	bw := bufio.NewWriterSize(w, 1<<16)
	err := fn(bw)
	if ferr := bw.Flush(); err == nil {
		err = ferr
	}
	if f != nil {
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}
	return err
}

type articleRecord struct {
	ID          string  `json:"id"`
	Title       string  `json:"title"`
	Text        string  `json:"text"`
	URL         string  `json:"url"`
	Outlet      string  `json:"outlet"`
	Published   *string `json:"published"`
	Story       int64   `json:"story"`
	DuplicateOf *string `json:"duplicate_of"`
}

type assignmentRecord struct {
	ID          string  `json:"id"`
	Story       int64   `json:"story"`
	Thread      int64   `json:"thread"`
	DuplicateOf *string `json:"duplicate_of"`
}

func exportArticles(a *app, st storage.Store, kind, format string, w io.Writer) error {
	threads := map[int64]int64{}
	if kind == "assignments" {
		stories, _, err := st.Stories(a.ctx, storage.StoryFilter{})
		if err != nil {
			return err
		}
		for _, s := range stories {
			threads[s.ID] = s.ThreadID
		}
	}
	ext := map[int64]string{}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	var cw *csv.Writer
	if format == "csv" {
		cw = csv.NewWriter(w)
		header := []string{"id", "story", "thread", "duplicate_of"}
		if kind == "articles" {
			header = []string{"id", "title", "text", "url", "outlet", "published", "story", "duplicate_of"}
		}
		if err := cw.Write(header); err != nil {
			return err
		}
	}
	err := st.Articles(a.ctx, storage.ArticleFilter{}, func(ar *model.Article) error {
		ext[ar.ID] = ar.ExternalID
		var dup *string
		if ar.DuplicateOf != 0 {
			d, ok := ext[ar.DuplicateOf]
			if !ok {
				// An original stored after its copy.
				o, err := st.Article(a.ctx, ar.DuplicateOf)
				if err != nil {
					return err
				}
				d = o.ExternalID
			}
			dup = &d
		}
		var pub *string
		if !ar.Published.IsZero() {
			p := ar.Published.UTC().Format(time.RFC3339)
			pub = &p
		}
		if cw != nil {
			var row []string
			if kind == "articles" {
				row = []string{ar.ExternalID, ar.Title, ar.Text, ar.URL, ar.Outlet, deref(pub), strconv.FormatInt(ar.StoryID, 10), deref(dup)}
			} else {
				row = []string{ar.ExternalID, strconv.FormatInt(ar.StoryID, 10), strconv.FormatInt(threads[ar.StoryID], 10), deref(dup)}
			}
			return cw.Write(row)
		}
		if kind == "articles" {
			return enc.Encode(articleRecord{ID: ar.ExternalID, Title: ar.Title, Text: ar.Text, URL: ar.URL, Outlet: ar.Outlet, Published: pub, Story: ar.StoryID, DuplicateOf: dup})
		}
		return enc.Encode(assignmentRecord{ID: ar.ExternalID, Story: ar.StoryID, Thread: threads[ar.StoryID], DuplicateOf: dup})
	})
	if err != nil {
		return err
	}
	if cw != nil {
		cw.Flush()
		return cw.Error()
	}
	return nil
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
