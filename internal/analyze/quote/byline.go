package quote

import (
	"strings"

	"github.com/parallax-news/parallax/internal/model"
)

// dropBylines returns ms without the mentions on byline lines ("By Ann
// Roe", "By ANN ROE, Chief Reporter"): the writer of the article is no one
// whom a pronoun after a quotation stands for. ms itself is not changed.
func dropBylines(text string, ms []model.Mention) []model.Mention {
	var out []model.Mention
	for i := range ms {
		m := &ms[i]
		if m.Start < 3 || m.End > len(text) || m.Start >= m.End || !bylineAt(text, m.Start) {
			if out != nil {
				out = append(out, *m)
			}
			continue
		}
		if out == nil {
			out = append(make([]model.Mention, 0, len(ms)), ms[:i]...)
		}
	}
	if out == nil {
		return ms
	}
	return out
}

// bylineAt reports whether byte s opens a name right after "By " at the
// start of a line of at most eight words.
func bylineAt(text string, s int) bool {
	if text[s-3:s] != "By " && text[s-3:s] != "BY " {
		return false
	}
	if s > 3 && text[s-4] != '\n' {
		return false
	}
	end := strings.IndexByte(text[s:], '\n')
	if end < 0 {
		end = len(text) - s
	}
	return len(strings.Fields(text[s:s+end])) <= 8
}
