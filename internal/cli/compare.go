package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"time"

	"github.com/spf13/cobra"

	"github.com/parallax-news/parallax/internal/analyze/dates"
	"github.com/parallax-news/parallax/internal/analyze/sentence"
	"github.com/parallax-news/parallax/internal/compare"
	"github.com/parallax-news/parallax/internal/model"
	"github.com/parallax-news/parallax/internal/storage"
)

// withCompareExports adds the exports of the comparison stage ("dates",
// "comparisons") to the export command.
func (a *app) withCompareExports(cmd *cobra.Command) *cobra.Command {
	cmd.ValidArgs = append(cmd.ValidArgs, "dates")
	cmd.Short = "Export assignments, articles, entities, quotes, claims or dates as JSON lines"
	cmd.Long += `

  dates        {"id", "start", "end", "text", "value"}: every resolved date expression;
               value is YYYY, YYYY-MM or YYYY-MM-DD`
	inner := cmd.RunE
	cmd.RunE = func(c *cobra.Command, args []string) error {
		if len(args) != 1 || args[0] != "dates" {
			return inner(c, args)
		}
		out, _ := c.Flags().GetString("output")
		st, err := a.openReader()
		if err != nil {
			return err
		}
		defer st.Close()
		return a.withOutput(out, func(w io.Writer) error { return a.exportDates(st, w) })
	}
	return cmd
}

// dateRecord is one exported date expression; offsets count characters of
// the exported article text.
type dateRecord struct {
	ID    string `json:"id"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	Value string `json:"value"`
}

// exportDates writes every resolved date expression of every article.
func (a *app) exportDates(st storage.Store, w io.Writer) error {
	var storyFirst map[int64]time.Time // loaded when an article has no date
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return st.Articles(a.ctx, storage.ArticleFilter{}, func(ar *model.Article) error {
		anchor := ar.Published
		if anchor.IsZero() && ar.StoryID != 0 {
			if storyFirst == nil {
				stories, _, err := st.Stories(a.ctx, storage.StoryFilter{})
				if err != nil {
					return fmt.Errorf("export dates: %w", err)
				}
				storyFirst = make(map[int64]time.Time, len(stories))
				for _, s := range stories {
					storyFirst[s.ID] = s.First
				}
			}
			anchor = storyFirst[ar.StoryID]
		}
		chars := compare.NewChars(ar.Text)
		for _, d := range dates.Find(ar.Text, sentence.Split(ar.Text), anchor) {
			if !d.Resolved() {
				continue
			}
			rec := dateRecord{ID: ar.ExternalID, Start: chars.At(d.Start), End: chars.At(d.End), Text: d.Text, Value: d.Value}
			if err := enc.Encode(rec); err != nil {
				return err
			}
		}
		return nil
	})
}
