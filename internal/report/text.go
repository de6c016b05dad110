package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/model"
)

// clip shortens s to at most n characters, on one line.
func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

// day returns the date part of an RFC 3339 time, or alt.
func day(s *string, alt string) string {
	if s == nil || len(*s) < 10 {
		return alt
	}
	return (*s)[:10]
}

// outletOf returns an article's outlet, or "-".
func outletOf(a model.CompareArticle) string {
	if a.Outlet == "" {
		return "-"
	}
	return a.Outlet
}

// factsBy returns the facts with the given coverage.
func factsBy(c *model.Comparison, coverage string) []model.Fact {
	var out []model.Fact
	for _, f := range c.Facts {
		if f.Coverage == coverage {
			out = append(out, f)
		}
	}
	return out
}

// factText returns fact id's text, clipped.
func factText(c *model.Comparison, id string, n int) string {
	for _, f := range c.Facts {
		if f.ID == id {
			return clip(f.Text, n)
		}
	}
	return ""
}

// diffString renders a word diff as "kept [-dropped-] {+added+}".
func diffString(ops []model.DiffOp) string {
	var b strings.Builder
	for i, op := range ops {
		if i > 0 {
			b.WriteByte(' ')
		}
		switch op.Op {
		case "-":
			b.WriteString("[-" + op.Text + "-]")
		case "+":
			b.WriteString("{+" + op.Text + "+}")
		default:
			b.WriteString(op.Text)
		}
	}
	return b.String()
}

// flagString sums up meaning-change flags: "negation (+not), number (-500)".
func flagString(fs []model.MeaningChange) string {
	var parts []string
	for _, f := range fs {
		var ws []string
		for _, w := range f.Added {
			ws = append(ws, "+"+w)
		}
		for _, w := range f.Removed {
			ws = append(ws, "-"+w)
		}
		parts = append(parts, f.Kind+" ("+strings.Join(ws, " ")+")")
	}
	return strings.Join(parts, ", ")
}

// Text writes c for a terminal.
func Text(w io.Writer, c *model.Comparison) error {
	bw := bufio.NewWriter(w)
	p := printf(func(format string, args ...any) { fmt.Fprintf(bw, format, args...) })
	textCoverage(p, c)
	textFacts(p, c)
	textQuotes(p, c)
	textRest(p, c)
	return bw.Flush()
}

// textCoverage writes the articles and the registry entries of their outlets.
func textCoverage(p printf, c *model.Comparison) {
	p("STORY %d: %s\n", c.Story, c.Headline)
	p("%d articles, %d outlets, %d independent accounts; first %s, last %s\n\n", len(c.Articles), len(c.Coverage.Outlets),
		c.Coverage.Accounts, day(c.Coverage.First, "?"), day(c.Coverage.Last, "?"))
	for _, a := range c.Articles {
		dup := ""
		if a.DuplicateOf != nil {
			dup = "  (near-copy of " + *a.DuplicateOf + ")"
		}
		p("  %-24s %-20s %-10s %6d chars  %s%s\n", clip(a.ID, 24), clip(outletOf(a), 20), day(a.Published, "-"), a.Chars, clip(a.Title, 60), dup)
	}
	if len(c.Coverage.Registry) > 0 {
		p("\n")
		for _, o := range c.Coverage.Registry {
			p("  %s: %s\n", o.Name, describeOutlet(o))
		}
	}
}

// textFacts writes the facts and each article's unique details and omissions.
func textFacts(p printf, c *model.Comparison) {
	for _, cov := range []struct{ key, title string }{{model.CoverageAll, "FACTS REPORTED BY ALL OUTLETS"}, {model.CoverageSome, "FACTS REPORTED BY SOME OUTLETS"}} {
		fs := factsBy(c, cov.key)
		if len(fs) == 0 {
			continue
		}
		p("\n%s (%d)\n", cov.title, len(fs))
		for _, f := range fs {
			p("  %s  %s\n", f.ID, clip(f.Text, 110))
			if f.Coverage != model.CoverageAll {
				p("        reported by %s\n", outletList(c, f.Outlets))
			}
			for _, r := range f.Renderings {
				p("        [%s] %s\n", r.ID, clip(r.Text, 100))
			}
		}
	}
	p("\nUNIQUE DETAILS AND OMISSIONS\n")
	for _, a := range c.Articles {
		u, o := c.Unique[a.ID], c.Omissions[a.ID]
		p("  %s: %d unique, %d omitted\n", a.ID, len(u), len(o))
		for _, id := range u {
			p("      + %s  %s\n", id, factText(c, id, 100))
		}
		for _, id := range o {
			p("      - %s  %s\n", id, factText(c, id, 100))
		}
	}
}

// textQuotes writes the quote renderings and the conflicts.
func textQuotes(p printf, c *model.Comparison) {
	if len(c.Quotes) > 0 {
		p("\nQUOTE RENDERINGS (%d)\n", len(c.Quotes))
		for _, q := range c.Quotes {
			p("  %s\n", orUnknown(q.Speaker))
			for _, r := range q.Renderings {
				p("      [%s, %s, %s] “%s”\n", r.ID, r.Kind, r.Cue, clip(r.Text, 100))
			}
			for _, ch := range q.Changes {
				if len(ch.Flags) > 0 {
					p("      ! %s → %s: %s\n", ch.From, ch.To, flagString(ch.Flags))
					p("        %s\n", clip(diffString(ch.Diff), 160))
				}
			}
		}
	}
	if len(c.Conflicts) > 0 {
		p("\nCONFLICTS (%d)\n", len(c.Conflicts))
		for _, cf := range c.Conflicts {
			p("  %s\n", clip(cf.Claim, 110))
			for _, s := range cf.Sides {
				p("      %-10s %-24s [%s] %s\n", s.Stance, clip(orUnknown(s.Holder), 24), s.ID, clip(s.Text, 90))
			}
			if len(cf.Within) > 0 {
				p("      opposite stances inside one article: %s\n", strings.Join(cf.Within, ", "))
			}
		}
	}
}

// textRest writes attribution, scare quotes, numbers and the timeline.
func textRest(p printf, c *model.Comparison) {
	if len(c.Framing) > 0 {
		p("\nATTRIBUTION\n")
		for _, f := range c.Framing {
			var parts []string
			for _, o := range f.Outlets {
				parts = append(parts, o.Outlet+": "+strings.Join(o.Cues, ", "))
			}
			p("  %s — %s\n", f.Speaker, strings.Join(parts, "; "))
		}
	}
	if len(c.ScareQuotes) > 0 {
		p("\nWORDS IN QUOTATION MARKS, NOBODY QUOTED\n")
		for _, s := range c.ScareQuotes {
			p("  [%s] “%s”\n", s.ID, s.Text)
		}
	}
	if len(c.Numbers) > 0 {
		p("\nNUMBERS THAT DIFFER\n")
		for _, n := range c.Numbers {
			var parts []string
			for _, m := range n.Mentions {
				parts = append(parts, fmt.Sprintf("%q [%s]", m.Text, m.ID))
			}
			p("  %s: %s\n", n.Quantity, strings.Join(parts, " vs "))
		}
	}
	if len(c.Timeline) > 0 {
		p("\nTIMELINE\n")
		for _, t := range c.Timeline {
			date := t.Date
			if date == "" {
				date = "(undated)"
			}
			mark := ""
			if t.Disputed {
				mark = "  [dated differently elsewhere]"
			}
			p("  %-10s %-18s [%s] %s%s\n", date, clip(t.Text, 18), t.ID, clip(t.Evidence, 90), mark)
		}
	}
}

func orUnknown(s string) string {
	if s == "" {
		return "(unknown speaker)"
	}
	return s
}

// describeOutlet sums up a registry entry: "XB, en, owned by ..., state-affiliated".
func describeOutlet(o model.Outlet) string {
	var parts []string
	for _, s := range []string{o.Country, o.Language} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	if o.Owner != "" {
		parts = append(parts, "owned by "+o.Owner)
	}
	if o.StateAffiliated {
		parts = append(parts, "state-affiliated")
	}
	if o.Notes != "" {
		parts = append(parts, o.Notes)
	}
	return strings.Join(parts, "; ")
}

// outletList joins outlet names, marking the state-affiliated ones.
func outletList(c *model.Comparison, outlets []string) string {
	out := make([]string, len(outlets))
	for i, name := range outlets {
		out[i] = name
		for _, o := range c.Coverage.Registry {
			if o.Name == name && o.StateAffiliated {
				out[i] += " (state-affiliated)"
			}
		}
	}
	return strings.Join(out, ", ")
}
