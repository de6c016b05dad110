package cli

import (
	"bufio"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/parallax-news/parallax/internal/analyze"
	"github.com/parallax-news/parallax/internal/analyze/entity"
	"github.com/parallax-news/parallax/internal/model"
	"github.com/parallax-news/parallax/internal/pipeline"
	"github.com/parallax-news/parallax/internal/storage"
)

// newAnalyzer returns the entity, quote and claim analyzer the pipeline runs.
func newAnalyzer() pipeline.Analyzer { return analyze.New() }

// withReadModel opens the store read-only and runs fn on it, after making
// sure its stored analysis is current.
func (a *app) withReadModel(fn func(st storage.Store) error) error {
	st, err := a.openReader()
	if err != nil {
		return err
	}
	defer st.Close()
	want := newAnalyzer().Version()
	stale, have, err := pipeline.AnalysisStale(a.ctx, st, want)
	if err != nil {
		return err
	}
	if stale {
		if have == "" {
			have = "none"
		}
		return fmt.Errorf("the analysis stored in %s is stale (made by %s, this parallax makes %s); run `parallax reanalyze --db %s` to update it: %w",
			a.dbPath, have, want, a.dbPath, storage.ErrStale)
	}
	return fn(st)
}

// findEntity looks an entity up by any of its spellings, its surname or an
// alias: the most mentioned entity known under the name's lookup keys.
func (a *app) findEntity(st storage.Reader, name string) (model.Entity, error) {
	es, _, err := st.Entities(a.ctx, storage.EntityFilter{Names: entity.LookupKeys(name), Page: storage.Page{Limit: 1}})
	if err != nil {
		return model.Entity{}, err
	}
	if len(es) == 0 {
		return model.Entity{}, fmt.Errorf("no entity named %q: %w", name, storage.ErrNotFound)
	}
	return es[0], nil
}

// pageFlags adds --limit and --after to a list command.
func pageFlags(c *cobra.Command, p *storage.Page, limit int) {
	c.Flags().IntVar(&p.Limit, "limit", limit, "print at most this many (0: all)")
	c.Flags().StringVar(&p.After, "after", "", "continue after this cursor (printed at the end of the previous page)")
}

// nextPage tells where the next page starts.
func (a *app) nextPage(next string) {
	if next != "" {
		// what is printed so far comes first, as it would unbuffered
		if bw, ok := a.stdout.(*bufio.Writer); ok {
			bw.Flush()
		}
		fmt.Fprintf(a.stderr, "more: --after %s\n", next)
	}
}

// filterFlags are the filters the quote and claim lists share.
type filterFlags struct {
	story, thread int64
	outlet        string
	from, to      string
}

func (f *filterFlags) add(c *cobra.Command) {
	c.Flags().Int64Var(&f.story, "story", 0, "only this story")
	c.Flags().Int64Var(&f.thread, "thread", 0, "only this thread")
	c.Flags().StringVar(&f.outlet, "outlet", "", "only articles of this outlet (any case)")
	c.Flags().StringVar(&f.from, "from", "", "only articles published on or after this day (YYYY-MM-DD)")
	c.Flags().StringVar(&f.to, "to", "", "only articles published on or before this day (YYYY-MM-DD)")
}

func (f *filterFlags) dates() (storage.DateRange, error) {
	for _, d := range []string{f.from, f.to} {
		if d != "" && !isDay(d) {
			return storage.DateRange{}, usage(fmt.Errorf("date %q: want YYYY-MM-DD", d))
		}
	}
	return storage.DateRange{From: f.from, To: f.to}, nil
}

func isDay(s string) bool {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return false
	}
	_, err := strconv.Atoi(s[:4] + s[5:7] + s[8:])
	return err == nil
}

func (a *app) entitiesCmd() *cobra.Command {
	var typ string
	var page storage.Page
	cmd := &cobra.Command{
		Use:   "entities",
		Short: "List people, organisations and places, every spelling folded into one",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.withReadModel(func(st storage.Store) error {
				es, next, err := st.Entities(a.ctx, storage.EntityFilter{Type: model.EntityType(typ), Page: page})
				if err != nil {
					return err
				}
				tw := tabwriter.NewWriter(a.stdout, 0, 4, 2, ' ', 0)
				fmt.Fprintln(tw, "ID\tENTITY\tTYPE\tMENTIONS\tALIASES")
				for _, e := range es {
					fmt.Fprintf(tw, "%d\t%s\t%s\t%d\t%s\n", e.ID, e.Canonical, e.Type, e.Mentions, clip(strings.Join(e.Aliases, ", "), 80))
				}
				a.nextPage(next)
				return tw.Flush()
			})
		},
	}
	cmd.Flags().StringVar(&typ, "type", "", "only this type: person, organization, place")
	pageFlags(cmd, &page, 50)
	return cmd
}

func (a *app) entityCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "entity NAME",
		Short: "Show one entity (any spelling, surname or alias): aliases, roles, articles, stories and quotes by it",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			name := strings.Join(args, " ")
			return a.withReadModel(func(st storage.Store) error {
				e, err := a.findEntity(st, name)
				if err != nil {
					return err
				}
				refs, more, err := st.EntityArticles(a.ctx, e.ID, storage.Page{Limit: 1000})
				if err != nil {
					return err
				}
				w := a.stdout
				fmt.Fprintf(w, "%s (%s, entity %d)\n", e.Canonical, e.Type, e.ID)
				fmt.Fprintf(w, "aliases:  %s\n", strings.Join(e.Aliases, ", "))
				if len(e.Roles) > 0 {
					fmt.Fprintf(w, "roles:    %s\n", strings.Join(e.Roles, "; "))
				}
				ids := make([]string, len(refs))
				stories := map[int64]bool{}
				for i, r := range refs {
					ids[i] = r.ExternalID
					if r.StoryID != 0 {
						stories[r.StoryID] = true
					}
				}
				slices.Sort(ids)
				n := strconv.Itoa(len(refs))
				if more != "" {
					n = "over " + n
				}
				fmt.Fprintf(w, "mentions: %d in %s articles: %s\n", e.Mentions, n, clip(strings.Join(ids, ", "), 200))
				if len(stories) > 0 {
					list := make([]string, 0, len(stories))
					for _, s := range sortedKeys(stories) {
						list = append(list, strconv.FormatInt(s, 10))
					}
					fmt.Fprintf(w, "stories:  %s\n", clip(strings.Join(list, ", "), 200))
				}
				quotes, next, err := st.Quotes(a.ctx, storage.QuoteFilter{SpeakerID: e.ID, Page: storage.Page{Limit: 50}})
				if err != nil {
					return err
				}
				if len(quotes) > 0 {
					fmt.Fprintf(w, "\nquotes:\n")
					for _, q := range quotes {
						fmt.Fprintf(w, "  [%s, %s] %s “%s”\n", q.Article.ExternalID, q.Kind, q.Cue, clip(q.Text, 160))
					}
					if next != "" {
						fmt.Fprintf(w, "  … more with: parallax quotes --speaker %q\n", e.Canonical)
					}
				}
				return nil
			})
		},
	}
}

func (a *app) quotesCmd() *cobra.Command {
	var speaker string
	var f filterFlags
	var page storage.Page
	cmd := &cobra.Command{
		Use:   "quotes",
		Short: "List quotes with their speakers",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			dates, err := f.dates()
			if err != nil {
				return err
			}
			return a.withReadModel(func(st storage.Store) error {
				qf := storage.QuoteFilter{StoryID: f.story, ThreadID: f.thread, Outlet: f.outlet, Dates: dates, Page: page}
				if speaker != "" {
					e, err := a.findEntity(st, speaker)
					if err != nil {
						return err
					}
					qf.SpeakerID = e.ID
				}
				qs, next, err := st.Quotes(a.ctx, qf)
				if err != nil {
					return err
				}
				for _, q := range qs {
					who := q.SpeakerName
					if who == "" {
						who = "(unknown speaker)"
					}
					fmt.Fprintf(a.stdout, "%s  %s [%s, %s]\n    “%s”\n", q.Article.ExternalID, who, q.Kind, q.Cue, clip(q.Text, 300))
				}
				a.nextPage(next)
				return nil
			})
		},
	}
	cmd.Flags().StringVar(&speaker, "speaker", "", "only quotes by this speaker (any spelling, surname or alias, as for `entity`)")
	f.add(cmd)
	pageFlags(cmd, &page, 0)
	return cmd
}

func (a *app) claimsCmd() *cobra.Command {
	var holder string
	var f filterFlags
	var page storage.Page
	cmd := &cobra.Command{
		Use:   "claims",
		Short: "List claims with each holder's stance (asserts, denies, admits, does not deny)",
		Long: `List the claims of each story, grouped across its outlets, with each holder's
stance. Claims are grouped within a story.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			dates, err := f.dates()
			if err != nil {
				return err
			}
			return a.withReadModel(func(st storage.Store) error {
				cf := storage.ClaimFilter{StoryID: f.story, ThreadID: f.thread, Outlet: f.outlet, Dates: dates, Page: page}
				if holder != "" {
					e, err := a.findEntity(st, holder)
					if err != nil {
						return err
					}
					cf.EntityID = e.ID
				}
				cs, next, err := st.Claims(a.ctx, cf)
				if err != nil {
					return err
				}
				for _, cl := range cs {
					fmt.Fprintf(a.stdout, "Claim: %s\n", cl.Text)
					for _, s := range cl.Stances {
						q := ""
						if s.Qualifier != "" {
							q = " (" + s.Qualifier + ")"
						}
						fmt.Fprintf(a.stdout, "  %-10s %s%s  [%s]\n", s.Stance, orDash(s.HolderName), q, s.Article.ExternalID)
					}
					fmt.Fprintln(a.stdout)
				}
				a.nextPage(next)
				return nil
			})
		},
	}
	cmd.Flags().StringVar(&holder, "entity", "", "only claims with a stance held by this entity (any spelling)")
	f.add(cmd)
	pageFlags(cmd, &page, 0)
	return cmd
}

// sortedKeys returns a map's keys in order.
func sortedKeys(m map[int64]bool) []int64 {
	out := make([]int64, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
