package storage

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/model"
)

// SearchKind is what a full-text search looks through.
type SearchKind string

// The kinds of records a search finds.
const (
	SearchArticles SearchKind = "articles"
	SearchQuotes   SearchKind = "quotes"
	SearchEntities SearchKind = "entities"
)

// SearchFilter selects the records matching a full-text query. Results
// come best match first; Page pages through them.
type SearchFilter struct {
	// Query is what the user typed: words, "quoted phrases" and -excluded
	// words (see ParseSearch). Nothing in it is passed to a query parser
	// unquoted, so no query is a syntax error.
	Query string
	// Kind is what to search (SearchArticles when empty).
	Kind SearchKind
	// StoryID, Outlet and Dates select the articles searched, or whose
	// quotes are searched; they do not apply to entities.
	StoryID int64
	Outlet  string
	Dates   DateRange
	// SpeakerID selects the quotes of one speaker entity.
	SpeakerID int64
	// Type selects one entity type.
	Type model.EntityType
	Page
}

// SearchHit is one search result. Snippet holds the matched text with the
// matched words between MarkStart and MarkEnd (see Marks); stores remove
// those two characters from the text they index, so every mark comes from
// the store.
type SearchHit struct {
	// Article is the article found, or the article of the quote found.
	Article ArticleRef
	// Title is the article's title.
	Title string
	// Quote is the quote found (quote searches).
	Quote *QuoteRow
	// Entity is the entity found (entity searches).
	Entity *model.Entity
	// Snippet is the matching part of the text, with marks.
	Snippet string
	// Score orders the hits (larger is better); it is only comparable
	// within one search of one store.
	Score int64
}

// Snippet marks: a store puts MarkStart before and MarkEnd after each
// matched word of a snippet. They are Unicode private-use characters,
// which no text keeps: stores index text without them (StripMarks).
const (
	MarkStart = "\uE000"
	MarkEnd   = "\uE001"
)

// StripMarks removes the snippet marks from text.
func StripMarks(s string) string {
	if !strings.ContainsAny(s, MarkStart+MarkEnd) {
		return s
	}
	return strings.NewReplacer(MarkStart, "", MarkEnd, "").Replace(s)
}

// Fragment is a piece of a snippet, matched or not.
type Fragment struct {
	Text  string `json:"text"`
	Match bool   `json:"match"`
}

// Marks splits a snippet into fragments at its marks. The text of the
// fragments is plain text, to be escaped by whatever shows it.
func Marks(snippet string) []Fragment {
	var out []Fragment
	match := false
	add := func(t string) {
		if t == "" {
			return
		}
		t = strings.ToValidUTF8(t, "\uFFFD")
		if n := len(out); n > 0 && out[n-1].Match == match {
			out[n-1].Text += t
			return
		}
		out = append(out, Fragment{Text: t, Match: match})
	}
	for snippet != "" {
		i := strings.IndexAny(snippet, MarkStart+MarkEnd)
		if i < 0 {
			add(snippet)
			break
		}
		add(snippet[:i])
		r, size := utf8.DecodeRuneInString(snippet[i:])
		match = string(r) == MarkStart
		snippet = snippet[i+size:]
	}
	return out
}

// SearchTerm is one term of a parsed query: a word or a phrase, the words
// of which must appear in order, or a word or phrase that must not appear.
type SearchTerm struct {
	Text string
	Not  bool
}

// MaxSearchTerms is the most terms a query keeps.
const MaxSearchTerms = 16

// ParseSearch splits what a user typed into terms. "Double quotes" make a
// phrase and a leading minus excludes a word or phrase; every other
// character is text, which the stores quote before matching, so operators
// of their query languages (NEAR, OR, *, :, ^, parentheses) are searched
// for as words, never obeyed. Terms with no letter or digit are dropped,
// and so are exclusions when nothing is included: a query of only
// exclusions would list everything. An empty result matches nothing.
func ParseSearch(q string) []SearchTerm {
	q = strings.ToValidUTF8(StripMarks(q), " ")
	var terms []SearchTerm
	for q != "" && len(terms) < MaxSearchTerms {
		q = strings.TrimLeftFunc(q, unicode.IsSpace)
		if q == "" {
			break
		}
		not := false
		if q[0] == '-' && len(q) > 1 && (q[1] == '"' || isWordStart(q[1:])) {
			not = true
			q = q[1:]
		}
		var text string
		if q[0] == '"' {
			end := strings.IndexByte(q[1:], '"')
			if end < 0 {
				text, q = q[1:], ""
			} else {
				text, q = q[1:1+end], q[2+end:]
			}
		} else {
			end := strings.IndexFunc(q, unicode.IsSpace)
			if end < 0 {
				end = len(q)
			}
			text, q = q[:end], q[end:]
		}
		text = strings.Join(strings.FieldsFunc(text, func(r rune) bool { return !isWordRune(r) }), " ")
		if text == "" {
			continue
		}
		terms = append(terms, SearchTerm{Text: text, Not: not})
	}
	for _, t := range terms {
		if !t.Not {
			return terms
		}
	}
	return nil
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) }

func isWordStart(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return isWordRune(r)
}

// EntitySnippet makes an entity's snippet from its marked name and a
// marked snippet of its aliases as stored (a JSON list): the name when it
// matched, else the name followed by the matching aliases.
func EntitySnippet(name, aliases string) string {
	if strings.Contains(name, MarkStart) || !strings.Contains(aliases, MarkStart) {
		return name
	}
	a := strings.NewReplacer(`","`, ", ", `", "`, ", ", `["`, "", `"]`, "", `"`, "", "[", "", "]", "").Replace(aliases)
	return name + " (also " + strings.TrimSpace(a) + ")"
}
