package compare

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/parallax-news/parallax/internal/model"
	"github.com/parallax-news/parallax/internal/tokenize"
)

// rxFigure matches a figure: digits (with thousands separators or a
// decimal part) or a number word, an optional scale word, and the words
// after it, the first content word of which names what is counted.
var rxFigure = regexp.MustCompile(`(?i)([$€£]\s?)?\b(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|dozen)\b(\s+(?:million|billion|thousand|hundred)\b)?(\s*(?:%|percent\b|per cent\b))?((?:\s+[\p{L}'’-]+){0,3})`)

var figureWords = map[string]float64{
	"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
	"eleven": 11, "twelve": 12, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100, "dozen": 12,
}

var scales = map[string]float64{"thousand": 1e3, "million": 1e6, "billion": 1e9, "hundred": 100}

// figure is one figure found in a sentence.
type figure struct {
	doc, sent int
	span      model.Span
	value     float64
	key       string
}

// figures finds the figures of document di with what they count.
func (c *comparer) figures(di int) []figure {
	d := c.docs[di]
	text := d.Article.Text
	var out []figure
	for si, s := range d.sents {
		if !mayHoldFigure(text[s.Start:s.End]) {
			continue
		}
		for _, m := range rxFigure.FindAllStringSubmatchIndex(text[s.Start:s.End], -1) {
			num := strings.ToLower(text[s.Start+m[4] : s.Start+m[5]])
			v, ok := figureWords[num]
			if !ok {
				var err error
				if v, err = strconv.ParseFloat(strings.ReplaceAll(num, ",", ""), 64); err != nil {
					continue
				}
				if len(num) == 4 && v >= 1800 && v <= 2100 {
					continue // a year
				}
			}
			if m[6] >= 0 {
				v *= scales[strings.ToLower(strings.TrimSpace(text[s.Start+m[6]:s.Start+m[7]]))]
			}
			key := ""
			switch {
			case m[2] >= 0:
				key = "money"
			case m[8] >= 0:
				key = "percent"
			}
			if key == "" || key == "percent" {
				key += headNoun(text[s.Start+m[10] : s.Start+m[11]])
			}
			if key == "" || monthLike(key) {
				continue
			}
			out = append(out, figure{doc: di, sent: si, span: model.Span{Start: s.Start + m[0], End: s.Start + m[1]}, value: v, key: key})
		}
	}
	return out
}

// mayHoldFigure reports whether s has a digit or a number word: most
// sentences have neither, and skip the (slower) figure expression.
func mayHoldFigure(s string) bool {
	start := -1
	for i := 0; i <= len(s); i++ {
		if i < len(s) && s[i] >= '0' && s[i] <= '9' {
			return true
		}
		letter := i < len(s) && s[i]|0x20 >= 'a' && s[i]|0x20 <= 'z'
		switch {
		case letter && start < 0:
			start = i
		case !letter && start >= 0:
			if n := i - start; n >= 3 && n <= 7 {
				if _, ok := figureWords[strings.ToLower(s[start:i])]; ok {
					return true
				}
			}
			start = -1
		}
	}
	return false
}

// headNoun returns the stem of the first content word of s.
func headNoun(s string) string {
	for _, w := range strings.Fields(s) {
		w = strings.ToLower(strings.Trim(w, "'’-"))
		if w == "" || tokenize.IsStopword(w) {
			continue
		}
		w = tokenize.StemString(w)
		if s, ok := synonyms[w]; ok {
			w = s
		}
		return w
	}
	return ""
}

// monthLike reports whether a counted word is a month or a time unit
// ("December 9", "two days"): dates are the timeline's business.
func monthLike(k string) bool {
	switch k {
	case "januari", "january", "februari", "february", "march", "april", "may", "june", "juli", "july", "august",
		"septemb", "september", "octob", "october", "novemb", "november", "decemb", "december",
		"day", "week", "month", "year", "hour", "minut", "minute":
		return true
	}
	return false
}

// relatedThreshold is the clause similarity above which two figures of
// the same quantity are taken to count the same thing (lower than the bar
// for one fact: a lead and its rewrite differ in much besides the figure).
const relatedThreshold = 0.2

// numbers lists the quantities that articles report with different
// figures in related clauses.
func (c *comparer) numbers(out *model.Comparison) {
	out.Numbers = []model.NumberGroup{}
	byKey := map[string][]figure{}
	var keys []string
	for di := range c.docs {
		for _, f := range c.figures(di) {
			if _, ok := byKey[f.key]; !ok {
				keys = append(keys, f.key)
			}
			byKey[f.key] = append(byKey[f.key], f)
		}
	}
	for _, k := range keys {
		fs := byKey[k]
		units := make([]int, len(fs))
		for i, f := range fs {
			units[i] = c.clauseAt(f.doc, f.span.Start)
		}
		// Single-link groups of figures in related clauses of different
		// articles.
		group := make([]int, len(fs))
		for i := range group {
			group[i] = i
		}
		for i := range fs {
			for j := i + 1; j < len(fs); j++ {
				if fs[i].doc != fs[j].doc && c.related(units[i], units[j]) {
					relabel(group, group[j], group[i])
				}
			}
		}
		for gi := range fs {
			var g model.NumberGroup
			docs, values := map[int]bool{}, map[float64]bool{}
			for i, f := range fs {
				if group[i] != gi {
					continue
				}
				docs[f.doc], values[f.value] = true, true
				g.Mentions = append(g.Mentions, model.NumberMention{Rendering: c.rendering(c.docs[f.doc], f.span), Value: f.value})
			}
			if len(docs) >= 2 && len(values) >= 2 {
				g.Quantity = k
				out.Numbers = append(out.Numbers, g)
			}
		}
	}
}

// relabel gives every member of group from the label to.
func relabel(group []int, from, to int) {
	if from == to {
		return
	}
	for i, g := range group {
		if g == from {
			group[i] = to
		}
	}
}

// clauseAt returns the index of the clause unit of document di holding
// byte offset b, or -1.
func (c *comparer) clauseAt(di, b int) int {
	for i, u := range c.clauses {
		if u.doc == di && u.span.Start <= b && b < u.span.End {
			return i
		}
	}
	return -1
}

// related reports whether two clauses are one fact or close enough to
// count the same thing.
func (c *comparer) related(i, j int) bool {
	if i < 0 || j < 0 {
		return false
	}
	a, b := c.clauses[i], c.clauses[j]
	if c.factIndex[i] == c.factIndex[j] {
		return true
	}
	return similarity(a.feats, b.feats, c.clauseW, c.entity, total(a.feats, c.clauseW), total(b.feats, c.clauseW), clauseSim) >= relatedThreshold
}
