package cli

import (
	"cmp"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/parallax-news/parallax/internal/analyze"
	"github.com/parallax-news/parallax/internal/model"
	"github.com/parallax-news/parallax/internal/pipeline"
	"github.com/parallax-news/parallax/internal/storage"
)

// newAnalyzer returns the entity, quote and claim analyzer the pipeline runs.
func newAnalyzer() pipeline.Analyzer { return analyze.New() }

// loadCorpus folds the stored analysis of one story (0: all).
func (a *app) loadCorpus(st storage.Store, story int64) (*analyze.Corpus, error) {
	c := analyze.NewCorpus()
	err := st.Analyses(a.ctx, storage.ArticleFilter{StoryID: story}, func(ar *model.Article, an *model.Analysis) error {
		c.Add(ar, an)
		return nil
	})
	return c, err
}

// withCorpus opens the store and folds its analysis.
func (a *app) withCorpus(story int64, fn func(*analyze.Corpus) error) error {
	st, err := a.openStore()
	if err != nil {
		return err
	}
	defer st.Close()
	c, err := a.loadCorpus(st, story)
	if err != nil {
		return err
	}
	return fn(c)
}

// analysisExports lists the exports of analysis results by kind.
func (a *app) analysisExports() map[string]func(w io.Writer, format string) error {
	return map[string]func(io.Writer, string) error{
		"entities": func(w io.Writer, format string) error {
			return a.withCorpus(0, func(c *analyze.Corpus) error {
				return writeRecords(w, format, c.Entities(), []string{"entity", "type", "aliases", "roles", "mentions", "articles"}, func(e analyze.EntityRecord) []string {
					return []string{e.Entity, string(e.Type), strings.Join(e.Aliases, "|"), strings.Join(e.Roles, "|"), strconv.Itoa(e.Mentions), strings.Join(e.Articles, "|")}
				})
			})
		},
		"quotes": func(w io.Writer, format string) error {
			return a.withCorpus(0, func(c *analyze.Corpus) error {
				return writeRecords(w, format, c.Quotes(), []string{"id", "speaker", "speaker_mention", "cue", "quote", "kind", "start", "end"}, func(q analyze.QuoteRecord) []string {
					return []string{q.ID, q.Speaker, q.SpeakerMention, q.Cue, q.Quote, string(q.Kind), strconv.Itoa(q.Start), strconv.Itoa(q.End)}
				})
			})
		},
		"claims": func(w io.Writer, format string) error {
			return a.withCorpus(0, func(c *analyze.Corpus) error {
				if format == "csv" {
					// One row per stance, the claim repeated.
					cw := csv.NewWriter(w)
					cw.Write([]string{"claim", "id", "holder", "stance", "qualifier", "text", "start", "end"})
					for _, cl := range c.Claims() {
						for _, s := range cl.Stances {
							cw.Write([]string{cl.Claim, s.ID, s.Holder, string(s.Stance), s.Qualifier, s.Text, strconv.Itoa(s.Start), strconv.Itoa(s.End)})
						}
					}
					cw.Flush()
					return cw.Error()
				}
				return writeRecords(w, format, c.Claims(), nil, nil)
			})
		},
	}
}

// writeRecords writes JSON lines, or CSV rows through row.
func writeRecords[T any](w io.Writer, format string, recs []T, header []string, row func(T) []string) error {
	if format == "csv" {
		cw := csv.NewWriter(w)
		if err := cw.Write(header); err != nil {
			return err
		}
		for _, r := range recs {
			if err := cw.Write(row(r)); err != nil {
				return err
			}
		}
		cw.Flush()
		return cw.Error()
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, r := range recs {
		if err := enc.Encode(r); err != nil {
			return err
		}
	}
	return nil
}

func (a *app) entitiesCmd() *cobra.Command {
	var typ string
	var limit int
	cmd := &cobra.Command{
		Use:   "entities",
		Short: "List people, organisations and places, every spelling folded into one",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.withCorpus(0, func(c *analyze.Corpus) error {
				tw := tabwriter.NewWriter(a.stdout, 0, 4, 2, ' ', 0)
				fmt.Fprintln(tw, "ENTITY\tTYPE\tMENTIONS\tARTICLES\tALIASES")
				n := 0
				for _, e := range c.Entities() {
					if typ != "" && string(e.Type) != typ {
						continue
					}
					if limit > 0 && n == limit {
						break
					}
					n++
					fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%s\n", e.Entity, e.Type, e.Mentions, len(e.Articles), clip(strings.Join(e.Aliases, ", "), 80))
				}
				return tw.Flush()
			})
		},
	}
	cmd.Flags().StringVar(&typ, "type", "", "only this type: person, organization, place")
	cmd.Flags().IntVar(&limit, "limit", 50, "print at most this many (0: all)")
	return cmd
}

func (a *app) entityCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "entity NAME",
		Short: "Show one entity: aliases, roles, articles, stories and quotes by it",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			name := strings.Join(args, " ")
			return a.withCorpus(0, func(c *analyze.Corpus) error {
				canon := c.Canonical(name)
				var found *analyze.EntityRecord
				for _, e := range c.Entities() {
					if e.Entity == canon || e.Match(name) {
						found = &e
						break
					}
				}
				if found == nil {
					return fmt.Errorf("entity %q: %w", name, storage.ErrNotFound)
				}
				w := a.stdout
				fmt.Fprintf(w, "%s (%s)\n", found.Entity, found.Type)
				fmt.Fprintf(w, "aliases:  %s\n", strings.Join(found.Aliases, ", "))
				if len(found.Roles) > 0 {
					fmt.Fprintf(w, "roles:    %s\n", strings.Join(found.Roles, "; "))
				}
				fmt.Fprintf(w, "mentions: %d in %d articles: %s\n", found.Mentions, len(found.Articles), clip(strings.Join(found.Articles, ", "), 200))
				stories := map[int64]bool{}
				for _, id := range found.Articles {
					if r, ok := c.Article(id); ok && r.Story != 0 {
						stories[r.Story] = true
					}
				}
				if len(stories) > 0 {
					ids := make([]string, 0, len(stories))
					for _, s := range sortedKeys(stories) {
						ids = append(ids, strconv.FormatInt(s, 10))
					}
					fmt.Fprintf(w, "stories:  %s\n", strings.Join(ids, ", "))
				}
				var quotes []analyze.QuoteRecord
				for _, q := range c.Quotes() {
					if q.Speaker == found.Entity {
						quotes = append(quotes, q)
					}
				}
				if len(quotes) > 0 {
					fmt.Fprintf(w, "\nquotes (%d):\n", len(quotes))
					for _, q := range quotes {
						fmt.Fprintf(w, "  [%s, %s] %s “%s”\n", q.ID, q.Kind, q.Cue, clip(q.Quote, 160))
					}
				}
				return nil
			})
		},
	}
}

func (a *app) quotesCmd() *cobra.Command {
	var speaker string
	var story int64
	cmd := &cobra.Command{
		Use:   "quotes",
		Short: "List quotes with their speakers",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.withCorpus(story, func(c *analyze.Corpus) error {
				want := ""
				if speaker != "" {
					want = c.Canonical(speaker)
				}
				for _, q := range c.Quotes() {
					if speaker != "" && !strings.EqualFold(q.Speaker, want) && !strings.EqualFold(q.Speaker, speaker) {
						continue
					}
					who := q.Speaker
					if who == "" {
						who = "(unknown speaker)"
					}
					fmt.Fprintf(a.stdout, "%s  %s [%s, %s]\n    “%s”\n", q.ID, who, q.Kind, q.Cue, clip(q.Quote, 300))
				}
				return nil
			})
		},
	}
	cmd.Flags().StringVar(&speaker, "speaker", "", "only quotes by this speaker (any spelling)")
	cmd.Flags().Int64Var(&story, "story", 0, "only quotes in this story")
	return cmd
}

func (a *app) claimsCmd() *cobra.Command {
	var story int64
	cmd := &cobra.Command{
		Use:   "claims",
		Short: "List claims with each holder's stance (asserts, denies, admits, does not deny)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.withCorpus(story, func(c *analyze.Corpus) error {
				for _, cl := range c.Claims() {
					fmt.Fprintf(a.stdout, "Claim: %s\n", cl.Claim)
					for _, s := range cl.Stances {
						q := ""
						if s.Qualifier != "" {
							q = " (" + s.Qualifier + ")"
						}
						fmt.Fprintf(a.stdout, "  %-10s %s%s  [%s]\n", s.Stance, orDash(s.Holder), q, s.ID)
					}
					fmt.Fprintln(a.stdout)
				}
				return nil
			})
		},
	}
	cmd.Flags().Int64Var(&story, "story", 0, "only claims in this story")
	return cmd
}

// sortedKeys returns a map's keys in order.
func sortedKeys[K cmp.Ordered, V any](m map[K]V) []K {
	out := make([]K, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
