// Package model holds the domain types shared by every stage of the Parallax
// pipeline: articles as they come in, the stories and threads they are grouped
// into, and what analysis finds in them (entities, quotes, claims).
//
// Offsets inside this package are byte offsets into Article.Text unless a field
// says otherwise; exporters convert them to character (rune) offsets.
package model

import "time"

// Article is one news article, as ingested and cleaned.
type Article struct {
	// ID is the store's internal key (0 until stored).
	ID int64
	// ExternalID is the id given by the source: the JSONL "id" field or a
	// file's name without extension. It is unique within a store.
	ExternalID string
	Title      string
	// Text is the cleaned body: boilerplate removed, one paragraph a line.
	Text     string
	URL      string
	Outlet   string
	Author   string
	Language string
	// Published is the publication time; zero when unknown.
	Published time.Time
	// Source names where the article came from (file path, with line for JSONL).
	Source string
	// Meta keeps input fields Parallax does not interpret, as raw JSON values.
	Meta map[string]string
	// Hash is a hex digest of the normalized title and text, used to make
	// ingest idempotent.
	Hash string
	// StoryID is the story the article belongs to (0 until clustered).
	StoryID int64
	// DuplicateOf is the ID of the article this one is a near-copy of (0: none).
	DuplicateOf int64
	// Removed lists the lines cleaning dropped from the text as
	// boilerplate (navigation, bylines, sharing rows, teasers), in order.
	// Stores keep it apart from the article: readers of articles leave it
	// empty (see storage.Reader.Boilerplate).
	Removed []string
}

// Story is a set of articles reporting one real-world event.
type Story struct {
	ID       int64
	Headline string
	// ThreadID links stories of the same saga (0: not yet threaded).
	ThreadID int64
	Articles int
	Outlets  []string
	First    time.Time
	Last     time.Time
}

// Thread is a saga: stories linked by shared key entities and topic over time.
type Thread struct {
	ID       int64
	Title    string
	StoryIDs []int64
	// Stories are the thread's stories when a reader loaded them.
	Stories []Story
	First   time.Time
	Last    time.Time
}

// EntityType is the kind of a named thing.
type EntityType string

// Entity types.
const (
	Person       EntityType = "person"
	Organization EntityType = "organization"
	Place        EntityType = "place"
	Other        EntityType = "other"
)

// Span is a half-open byte range [Start, End) in an article's text.
type Span struct {
	Start int
	End   int
}

// Sentence is a sentence's span in an article's text.
type Sentence = Span

// Mention is one occurrence of a named thing in an article.
type Mention struct {
	Span
	// Text is the surface form as written (e.g. "Sha’ban").
	Text string
	Type EntityType
	// Role is a title or role word found next to the mention
	// ("Foreign Ministry spokesman"), stripped from the name.
	Role string
	// Key is the in-article entity key the mention was folded into
	// (the most complete name form in the article, e.g. "Hassan Sha’ban").
	Key string
}

// Entity is a named thing folded across articles: every spelling, one entity.
type Entity struct {
	ID        int64
	Canonical string
	Type      EntityType
	Aliases   []string
	Roles     []string
	Mentions  int
	Articles  []string // external ids
}

// QuoteKind tells how a statement is reported.
type QuoteKind string

// Quote kinds.
const (
	Direct   QuoteKind = "direct"
	Mixed    QuoteKind = "mixed"
	Indirect QuoteKind = "indirect"
)

// Quote is a statement attributed (or not) to a speaker.
type Quote struct {
	ArticleID int64
	Span
	Text string
	Kind QuoteKind
	// Speaker is the resolved entity key/canonical name; empty when unknown.
	Speaker string
	// SpeakerMention is the text that names the speaker where the quote is
	// attributed ("he", "the spokesman", "Shaaban").
	SpeakerMention string
	// Cue is the reporting verb or phrase ("said", "according to").
	Cue string
}

// Stance is what a holder does with a claim.
type Stance string

// Stances.
const (
	Assert    Stance = "assert"
	Deny      Stance = "deny"
	Admit     Stance = "admit"
	NotDenied Stance = "not_denied"
)

// StanceMention is one holder's stance on a claim in one article.
type StanceMention struct {
	ArticleID int64
	Span
	Holder    string
	Stance    Stance
	Qualifier string
	// Text is the sentence (or clause) that carries the stance.
	Text string
	// Proposition is the claim's content as written in this article.
	Proposition string
}

// Claim is a proposition with the stances its holders take, possibly across
// many articles and outlets.
type Claim struct {
	ID      int64
	Claim   string
	Stances []StanceMention
}

// Analysis is what analysis found in one article.
type Analysis struct {
	ArticleID int64
	Mentions  []Mention
	Quotes    []Quote
	Stances   []StanceMention
}
