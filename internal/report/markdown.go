package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/parallax-news/parallax/internal/model"
)

// mdEscape escapes the characters Markdown would read as markup.
func mdEscape(s string) string {
	r := strings.NewReplacer("\\", "\\\\", "*", "\\*", "_", "\\_", "`", "\\`", "[", "\\[", "]", "\\]", "|", "\\|", "<", "&lt;", ">", "&gt;", "#", "\\#")
	return r.Replace(strings.Join(strings.Fields(s), " "))
}

// source cites a rendering: outlet, article and character offsets.
func source(c *model.Comparison, id string, start, end int) string {
	outlet := "-"
	for _, a := range c.Articles {
		if a.ID == id && a.Outlet != "" {
			outlet = a.Outlet
		}
	}
	return fmt.Sprintf("%s, `%s` chars %d–%d", mdEscape(outlet), id, start, end)
}

// Markdown writes c as a Markdown memo: every statement with its
// provenance (outlet, article, offsets) and quoted sentence.
func Markdown(w io.Writer, c *model.Comparison) error {
	bw := bufio.NewWriter(w)
	p := printf(func(format string, args ...any) { fmt.Fprintf(bw, format, args...) })
	mdCoverage(p, c)
	mdFacts(p, c)
	mdQuotes(p, c)
	mdRest(p, c)
	return bw.Flush()
}

// mdCoverage writes the title, the coverage table and the registry entries.
func mdCoverage(p printf, c *model.Comparison) {
	p("# Story %d: %s\n\n", c.Story, mdEscape(c.Headline))
	p("%d articles from %d outlets (%d independent accounts), first published %s, last %s.\n\n",
		len(c.Articles), len(c.Coverage.Outlets), c.Coverage.Accounts, day(c.Coverage.First, "unknown"), day(c.Coverage.Last, "unknown"))
	p("## Coverage\n\n| article | outlet | published | length | headline |\n|---|---|---|---|---|\n")
	for _, a := range c.Articles {
		title := mdEscape(a.Title)
		if a.DuplicateOf != nil {
			title += " *(near-copy of `" + *a.DuplicateOf + "`)*"
		}
		p("| `%s` | %s | %s | %d chars | %s |\n", a.ID, mdEscape(outletOf(a)), day(a.Published, "–"), a.Chars, title)
	}
	if len(c.Coverage.Registry) > 0 {
		p("\n")
		for _, o := range c.Coverage.Registry {
			p("- **%s**: %s\n", mdEscape(o.Name), mdEscape(describeOutlet(o)))
		}
	}
}

// mdFacts writes the facts with their renderings, unique details and omissions.
func mdFacts(p printf, c *model.Comparison) {
	for _, cov := range []struct{ key, title string }{{model.CoverageAll, "Facts reported by all outlets"}, {model.CoverageSome, "Facts reported by some outlets"}} {
		fs := factsBy(c, cov.key)
		if len(fs) == 0 {
			continue
		}
		p("\n## %s\n", cov.title)
		for _, f := range fs {
			p("\n**%s.** %s\n\n", f.ID, mdEscape(clip(f.Text, 300)))
			if f.Coverage != model.CoverageAll {
				p("Reported by %s.\n\n", mdEscape(outletList(c, f.Outlets)))
			}
			for _, r := range f.Renderings {
				p("- > %s\n  — %s\n", mdEscape(r.Text), source(c, r.ID, r.Start, r.End))
			}
		}
	}
	p("\n## Unique details\n\n")
	for _, a := range c.Articles {
		for _, id := range c.Unique[a.ID] {
			for _, f := range c.Facts {
				if f.ID == id {
					r := f.Renderings[0]
					p("- **%s** only: > %s — %s\n", mdEscape(outletOf(a)), mdEscape(r.Text), source(c, r.ID, r.Start, r.End))
				}
			}
		}
	}
	p("\n## Omissions\n\n")
	for _, a := range c.Articles {
		if len(c.Omissions[a.ID]) == 0 {
			continue
		}
		var parts []string
		for _, id := range c.Omissions[a.ID] {
			parts = append(parts, id+" ("+mdEscape(factText(c, id, 80))+")")
		}
		p("- `%s` (%s) leaves out %s\n", a.ID, mdEscape(outletOf(a)), strings.Join(parts, "; "))
	}
}

// mdQuotes writes the quote renderings and the conflicts.
func mdQuotes(p printf, c *model.Comparison) {
	if len(c.Quotes) > 0 {
		p("\n## Quote renderings\n")
		for _, q := range c.Quotes {
			p("\n### %s\n\n", mdEscape(orUnknown(q.Speaker)))
			for _, r := range q.Renderings {
				p("- %s, *%s*: “%s” — %s\n", r.Kind, mdEscape(r.Cue), mdEscape(r.Text), source(c, r.ID, r.Start, r.End))
			}
			for _, ch := range q.Changes {
				if len(ch.Flags) > 0 {
					p("- **Meaning may change** from `%s` to `%s`: %s. Diff: %s\n", ch.From, ch.To, mdEscape(flagString(ch.Flags)), mdEscape(diffString(ch.Diff)))
				}
			}
		}
	}
	if len(c.Conflicts) > 0 {
		p("\n## Conflicts\n")
		for _, cf := range c.Conflicts {
			p("\n**Claim:** %s\n\n", mdEscape(cf.Claim))
			for _, s := range cf.Sides {
				p("- %s **%s**: > %s — %s\n", mdEscape(orUnknown(s.Holder)), s.Stance, mdEscape(s.Text), source(c, s.ID, s.Start, s.End))
			}
			if len(cf.Within) > 0 {
				p("- Opposite stances inside one article: `%s`\n", strings.Join(cf.Within, "`, `"))
			}
		}
	}
}

// mdRest writes attribution, scare quotes, numbers and the timeline.
func mdRest(p printf, c *model.Comparison) {
	if len(c.Framing) > 0 {
		p("\n## Attribution\n\n| speaker | outlet | reporting verbs |\n|---|---|---|\n")
		for _, f := range c.Framing {
			for _, o := range f.Outlets {
				p("| %s | %s | %s |\n", mdEscape(f.Speaker), mdEscape(o.Outlet), mdEscape(strings.Join(o.Cues, ", ")))
			}
		}
	}
	if len(c.ScareQuotes) > 0 {
		p("\n## Words in quotation marks, nobody quoted\n\n")
		for _, s := range c.ScareQuotes {
			p("- “%s” — %s\n", mdEscape(s.Text), source(c, s.ID, s.Start, s.End))
		}
	}
	if len(c.Numbers) > 0 {
		p("\n## Numbers that differ\n")
		for _, n := range c.Numbers {
			p("\n**%s**\n\n", mdEscape(n.Quantity))
			for _, m := range n.Mentions {
				p("- %s — %s\n", mdEscape(m.Text), source(c, m.ID, m.Start, m.End))
			}
		}
	}
	if len(c.Timeline) > 0 {
		p("\n## Timeline\n\n| date | expression | sentence | source |\n|---|---|---|---|\n")
		for _, t := range c.Timeline {
			date := t.Date
			if date == "" {
				date = "unresolved: " + t.Note
			}
			if t.Disputed {
				date += " (dated differently elsewhere)"
			}
			p("| %s | %s | %s | %s |\n", mdEscape(date), mdEscape(t.Text), mdEscape(clip(t.Evidence, 200)), source(c, t.ID, t.Start, t.End))
		}
	}
}
