// Package dates finds date expressions in news text ("on Sunday", "last
// month", "in November", "On December 9", "a year ago", "Wednesday , March
// 22 2023") and resolves them to calendar dates against the article's
// publication date.
//
// Each expression gets the precision its words reach (day, month or year;
// or a week, weekend, quarter, half, season or decade, whose values are
// written as TimeML writes them: 2024-W10, 2024-W10-WE, 2024-Q1, 2024-H2,
// 2024-SU, 199). Expressions that name a date relative to an event rather
// than to a date ("two days after the interview") or with a vague count ("a
// few days ago") are still reported, unresolved, with a note saying why:
// the resolver never guesses. A part of the day ("this morning", "Monday
// night") is resolved to its day.
//
// Expressions without a year are placed by tense: in a sentence about the
// past (the default for news) "on Sunday" is the latest Sunday on or before
// the publication date and "in November" the latest November on or before
// its month; a future marker ("will", "is due to", "next") turns the
// direction around. "Last Tuesday" is the Tuesday before the publication
// day, "next Tuesday" the one after it; "last week" is the ISO week before
// the publication date's. Expressions relative to a day mentioned earlier ("the
// next day", "three days later") are resolved against the last day-precise
// date of the text.
package dates

import (
	"time"

	"github.com/parallax-news/parallax/internal/model"
)

// Find returns the date expressions of text in order, resolved against
// anchor (the publication date; zero when unknown, in which case only
// expressions that carry their own year are resolved). sents are the
// sentences of text (as byte spans), used to read each expression's tense.
// Offsets are byte offsets into text. Find never panics.
func Find(text string, sents []model.Span, anchor time.Time) []model.DateRef {
	toks := lex(text)
	r := resolver{text: text, toks: toks, anchor: dayOf(anchor), sents: sents}
	var out []model.DateRef
	for i := 0; i < len(toks); {
		m, ok := r.match(i)
		if !ok {
			i++
			continue
		}
		d := model.DateRef{Span: model.Span{Start: toks[i].start, End: toks[m.end-1].end}}
		d.Text = text[d.Start:d.End]
		d.Value, d.Precision, d.Note = r.resolve(m, d.Start)
		// Later expressions ("the next day") count from this one.
		r.ref, r.refPrec = parseValue(d.Value), d.Precision
		out = append(out, d)
		i = m.end
	}
	return out
}

// dayOf truncates t to its calendar day (UTC); zero stays zero.
func dayOf(t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// Format returns the value of a date at a precision.
func Format(t time.Time, p model.Precision) string {
	switch p {
	case model.Year:
		return t.Format("2006")
	case model.Month:
		return t.Format("2006-01")
	}
	return t.Format("2006-01-02")
}

// parseValue parses a value made by Format (zero when empty or invalid).
func parseValue(v string) time.Time {
	for _, layout := range []string{"2006-01-02", "2006-01", "2006"} {
		if t, err := time.Parse(layout, v); err == nil {
			return t
		}
	}
	return time.Time{}
}
