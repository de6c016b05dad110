package compare

import (
	"regexp"
	"slices"
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

// headNoun returns the stem of the first content word of s.
func headNoun(s string) string {
	for _, w := range strings.Fields(s) {
		w = strings.ToLower(strings.Trim(w, "'’-"))
		if w == "" || tokenize.IsStopword(w) {
			continue
		}
		return tokenize.StemString(w)
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

// numbers lists the quantities that articles report with different
// figures in sentences aligned to the same fact.
func (c *comparer) numbers(out *model.Comparison) {
	out.Numbers = []model.NumberGroup{}
	type gk struct{ fact, key string }
	groups := map[gk][]figure{}
	var order []gk
	for di := range c.docs {
		for _, f := range c.figures(di) {
			for _, fact := range c.factOf[[2]int{f.doc, f.sent}] {
				k := gk{fact, f.key}
				if _, ok := groups[k]; !ok {
					order = append(order, k)
				}
				groups[k] = append(groups[k], f)
			}
		}
	}
	seen := map[[3]int]bool{} // a figure is reported once
	for _, k := range order {
		fs := groups[k]
		var values []float64
		docs := map[int]bool{}
		for _, f := range fs {
			docs[f.doc] = true
			if !slices.Contains(values, f.value) {
				values = append(values, f.value)
			}
		}
		if len(docs) < 2 || len(values) < 2 {
			continue
		}
		g := model.NumberGroup{Quantity: k.key}
		for _, f := range fs {
			id := [3]int{f.doc, f.span.Start, f.span.End}
			if seen[id] {
				continue
			}
			seen[id] = true
			g.Mentions = append(g.Mentions, model.NumberMention{Rendering: c.rendering(c.docs[f.doc], f.span), Value: f.value})
		}
		if len(g.Mentions) >= 2 {
			out.Numbers = append(out.Numbers, g)
		}
	}
}
