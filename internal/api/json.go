package api

import (
	"time"

	"github.com/parallax-news/parallax/internal/compare"
	"github.com/parallax-news/parallax/internal/model"
	"github.com/parallax-news/parallax/internal/storage"
)

// The JSON shapes of the API; openapi.json describes the same.

// List is one page of a list: its items and the cursor of the next page
// ("" after the last one).
type List[T any] struct {
	Items []T    `json:"items"`
	Next  string `json:"next"`
}

// Story is a story in the API.
type Story struct {
	ID       int64    `json:"id"`
	Headline string   `json:"headline"`
	Thread   int64    `json:"thread"`
	Articles int      `json:"articles"`
	Outlets  []string `json:"outlets"`
	First    string   `json:"first"`
	Last     string   `json:"last"`
}

// StoryDetail is a story with its articles.
type StoryDetail struct {
	Story
	ArticleList []Article `json:"article_list"`
}

// Article is an article in the API; Text is left out of lists.
type Article struct {
	ID          int64  `json:"id"`
	ExternalID  string `json:"external_id"`
	Title       string `json:"title"`
	URL         string `json:"url"`
	Outlet      string `json:"outlet"`
	Author      string `json:"author"`
	Language    string `json:"language"`
	Published   string `json:"published"`
	Story       int64  `json:"story"`
	DuplicateOf int64  `json:"duplicate_of"`
	Text        string `json:"text,omitempty"`
}

// ArticleDetail is an article with what analysis found in it and its
// near-copies. Offsets are character offsets into Text.
type ArticleDetail struct {
	Article
	Mentions   []Mention `json:"mentions"`
	Quotes     []Quote   `json:"quotes"`
	NearCopies []Article `json:"near_copies"`
}

// Mention is one entity mention in an article.
type Mention struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	Type  string `json:"type"`
	Role  string `json:"role"`
	Key   string `json:"key"`
}

// ArticleRef names an article in quotes, claims and entity pages.
type ArticleRef struct {
	ID         int64  `json:"id"`
	ExternalID string `json:"external_id"`
	Outlet     string `json:"outlet"`
	Story      int64  `json:"story"`
	Published  string `json:"published"`
}

// Quote is one quote; Start and End are character offsets into its
// article's text.
type Quote struct {
	Article        *ArticleRef `json:"article,omitempty"`
	Text           string      `json:"text"`
	Kind           string      `json:"kind"`
	Speaker        string      `json:"speaker"`
	SpeakerID      int64       `json:"speaker_id"`
	SpeakerMention string      `json:"speaker_mention"`
	Cue            string      `json:"cue"`
	Start          int         `json:"start"`
	End            int         `json:"end"`
}

// Claim is one claim with the stances taken on it.
type Claim struct {
	ID      int64    `json:"id"`
	Story   int64    `json:"story"`
	Text    string   `json:"text"`
	Stances []Stance `json:"stances"`
}

// Stance is one holder's stance on a claim.
type Stance struct {
	Article   ArticleRef `json:"article"`
	Holder    string     `json:"holder"`
	HolderID  int64      `json:"holder_id"`
	Stance    string     `json:"stance"`
	Qualifier string     `json:"qualifier"`
	Text      string     `json:"text"`
	Start     int        `json:"start"`
	End       int        `json:"end"`
}

// Entity is a stored entity.
type Entity struct {
	ID        int64    `json:"id"`
	Canonical string   `json:"canonical"`
	Type      string   `json:"type"`
	Aliases   []string `json:"aliases"`
	Roles     []string `json:"roles"`
	Mentions  int      `json:"mentions"`
}

// EntityDetail is an entity with a first page of the articles mentioning
// it.
type EntityDetail struct {
	Entity
	Articles     []ArticleRef `json:"articles"`
	ArticlesNext string       `json:"articles_next"`
}

// Thread is a saga with its stories, oldest first.
type Thread struct {
	ID      int64   `json:"id"`
	Title   string  `json:"title"`
	First   string  `json:"first"`
	Last    string  `json:"last"`
	Stories []Story `json:"stories"`
}

// Error is the body of every error answer.
type Error struct {
	Error ErrorBody `json:"error"`
}

// ErrorBody says what went wrong.
type ErrorBody struct {
	Status  int    `json:"status"`
	Message string `json:"message"`
}

// stamp formats a time as RFC 3339 in UTC, "" for the zero time.
func stamp(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

// nonNil returns s, or an empty slice for nil (JSON [] rather than null).
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// StoryJSON converts a story.
func StoryJSON(s model.Story) Story {
	return Story{ID: s.ID, Headline: s.Headline, Thread: s.ThreadID, Articles: s.Articles, Outlets: nonNil(s.Outlets),
		First: stamp(s.First), Last: stamp(s.Last)}
}

// ArticleJSON converts an article, without its text.
func ArticleJSON(a *model.Article) Article {
	return Article{ID: a.ID, ExternalID: a.ExternalID, Title: a.Title, URL: a.URL, Outlet: a.Outlet, Author: a.Author,
		Language: a.Language, Published: stamp(a.Published), Story: a.StoryID, DuplicateOf: a.DuplicateOf}
}

// ArticleDetailJSON converts an article with its analysis and near-copies.
func ArticleDetailJSON(a *model.Article, an *model.Analysis, copies []*model.Article) ArticleDetail {
	out := ArticleDetail{Article: ArticleJSON(a), Mentions: []Mention{}, Quotes: []Quote{}, NearCopies: []Article{}}
	out.Text = a.Text
	chars := compare.NewChars(a.Text)
	for _, m := range an.Mentions {
		out.Mentions = append(out.Mentions, Mention{Start: chars.At(m.Start), End: chars.At(m.End), Text: m.Text, Type: string(m.Type), Role: m.Role, Key: m.Key})
	}
	for _, q := range an.Quotes {
		out.Quotes = append(out.Quotes, Quote{Text: q.Text, Kind: string(q.Kind), Speaker: q.Speaker, SpeakerMention: q.SpeakerMention,
			Cue: q.Cue, Start: chars.At(q.Start), End: chars.At(q.End)})
	}
	for _, c := range copies {
		out.NearCopies = append(out.NearCopies, ArticleJSON(c))
	}
	return out
}

// RefJSON converts an article reference.
func RefJSON(r storage.ArticleRef) ArticleRef {
	return ArticleRef{ID: r.ID, ExternalID: r.ExternalID, Outlet: r.Outlet, Story: r.StoryID, Published: r.Published}
}

// QuoteJSON converts a stored quote.
func QuoteJSON(q storage.QuoteRow) Quote {
	ref := RefJSON(q.Article)
	return Quote{Article: &ref, Text: q.Text, Kind: string(q.Kind), Speaker: q.SpeakerName, SpeakerID: q.SpeakerID,
		SpeakerMention: q.SpeakerMention, Cue: q.Cue, Start: q.Chars.Start, End: q.Chars.End}
}

// ClaimJSON converts a stored claim.
func ClaimJSON(c storage.ClaimRow) Claim {
	out := Claim{ID: c.ID, Story: c.StoryID, Text: c.Text, Stances: []Stance{}}
	for _, s := range c.Stances {
		out.Stances = append(out.Stances, Stance{Article: RefJSON(s.Article), Holder: s.HolderName, HolderID: s.HolderID,
			Stance: string(s.Stance), Qualifier: s.Qualifier, Text: s.Text, Start: s.Chars.Start, End: s.Chars.End})
	}
	return out
}

// EntityJSON converts an entity.
func EntityJSON(e model.Entity) Entity {
	return Entity{ID: e.ID, Canonical: e.Canonical, Type: string(e.Type), Aliases: nonNil(e.Aliases), Roles: nonNil(e.Roles), Mentions: e.Mentions}
}

// ThreadJSON converts a thread.
func ThreadJSON(t model.Thread) Thread {
	out := Thread{ID: t.ID, Title: t.Title, First: stamp(t.First), Last: stamp(t.Last), Stories: []Story{}}
	for _, s := range t.Stories {
		out.Stories = append(out.Stories, StoryJSON(s))
	}
	return out
}
