package compare

import (
	"strings"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/model"
)

// maxScareWords is the most words a scare-quoted phrase has.
const maxScareWords = 4

// quotePairs are the opening and closing marks of quoted phrases.
var quotePairs = map[rune]rune{'“': '”', '"': '"', '«': '»', '‘': '’', '„': '“'}

// scareQuotes lists the short phrases (up to maxScareWords words) each
// article puts in quotation marks outside the quotes analysis attributed to
// a speaker: an outlet keeping its distance from a word ("propaganda war",
// "family business").
func (c *comparer) scareQuotes(out *model.Comparison) {
	out.ScareQuotes = []model.Rendering{}
	for _, d := range c.docs {
		text := d.Article.Text
		for i := 0; i < len(text); {
			r, n := utf8.DecodeRuneInString(text[i:])
			closeMark, ok := quotePairs[r]
			if !ok || r == '‘' && i > 0 && isWordByte(text[i-1]) {
				i += n
				continue
			}
			start := i + n
			end := strings.IndexRune(text[start:], closeMark)
			if end < 0 {
				break
			}
			end += start
			phrase := text[start:end]
			i = end + utf8.RuneLen(closeMark)
			if w := len(strings.Fields(phrase)); w == 0 || w > maxScareWords || strings.ContainsAny(phrase, "\n.!?") {
				continue
			}
			if c.attributed(d, start, end) {
				continue
			}
			out.ScareQuotes = append(out.ScareQuotes, c.rendering(d, model.Span{Start: start, End: end}))
		}
	}
}

// attributed reports whether a quote with a speaker overlaps [start,
// end): the phrase is someone's words quoted in part, not a scare quote.
func (c *comparer) attributed(d *doc, start, end int) bool {
	for _, q := range d.Analysis.Quotes {
		if q.Speaker != "" && q.Start < end && start < q.End {
			return true
		}
	}
	return false
}

func isWordByte(b byte) bool { return b|0x20 >= 'a' && b|0x20 <= 'z' || b >= '0' && b <= '9' }
