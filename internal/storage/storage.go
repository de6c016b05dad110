// Package storage defines the store every Parallax stage reads from and
// writes to. Implementations live in sub-packages: sqlite (the embedded
// default) and, for scale-out, a PostgreSQL store behind the same interfaces.
//
// The interface is split by use:
//
//   - Writer: the pipeline commits one batch per transaction, so a batch is
//     stored whole or not at all;
//   - State: the learned state (line statistics, near-copy index, clusterer)
//     saved with those batches;
//   - Reader: paged, filtered reads of articles, stories, threads and the
//     stored read model (entities, quotes, claims).
//
// Domain decisions (which headline a story shows, how entities fold, how
// claims group) are made above the store; an implementation stores and
// reads what it is given and aggregates only counts, dates and sets.
package storage

import (
	"bytes"
	"context"
	"errors"
	"slices"
	"strings"

	"github.com/parallax-news/parallax/internal/model"
)

// ErrNotFound is returned when a requested record does not exist.
var ErrNotFound = errors.New("not found")

// Store is a whole Parallax store: what a writing run opens.
type Store interface {
	Reader
	Writer
	State
	RawReader
	// Close releases the store.
	Close() error
}

// Writer stores pipeline batches.
type Writer interface {
	// Known reports which of the given external ids and content hashes are
	// already stored, so ingest can skip them (idempotence).
	Known(ctx context.Context, externalIDs, hashes []string) (ids, hashSet map[string]bool, err error)
	// ReserveArticleIDs reserves n consecutive article ids and returns the
	// first. Ids are never handed out twice, even to concurrent workers
	// (a store may hand out again ids it handed out before a crash and
	// that no committed row holds).
	ReserveArticleIDs(ctx context.Context, n int) (first int64, err error)
	// ReserveIDs reserves n consecutive ids of a kind of record other
	// than articles ("entity", "claim") and returns the first.
	ReserveIDs(ctx context.Context, kind string, n int) (first int64, err error)
	// Commit stores one batch atomically.
	Commit(ctx context.Context, b *Batch) error
}

// State reads the learned state blobs that Commit saves.
type State interface {
	// ReadState calls fn with the named state blob saved by Commit, and
	// reports false without calling it when there is none. data is only
	// valid during the call: state blobs can be hundreds of megabytes, and
	// most readers decode them at once.
	ReadState(ctx context.Context, name string, fn func(data []byte) error) (found bool, err error)
	// ReadStates calls fn with every state blob whose name starts with
	// prefix, in name order; data is only valid during each call.
	ReadStates(ctx context.Context, prefix string, fn func(name string, data []byte) error) error
	// ReadStatesNamed calls fn with each of the named state blobs that
	// exists, in name order; data is only valid during each call.
	ReadStatesNamed(ctx context.Context, names []string, fn func(name string, data []byte) error) error
	// ReadStatesPrefixed calls fn with every state blob whose name starts
	// with one of prefixes, once each, in name order: ReadStates of many
	// prefixes in one read; data is only valid during each call.
	ReadStatesPrefixed(ctx context.Context, prefixes []string, fn func(name string, data []byte) error) error
}

// DisjointPrefixes returns prefixes sorted, without repeats and without
// those that extend another: the names starting with each of the result
// come after those of the one before it.
func DisjointPrefixes(prefixes []string) []string {
	ps := slices.Sorted(slices.Values(prefixes))
	out := ps[:0]
	for _, p := range ps {
		if len(out) > 0 && strings.HasPrefix(p, out[len(out)-1]) {
			continue
		}
		out = append(out, p)
	}
	return out
}

// Reader reads what is stored. List methods take a filter with a Page and
// return the cursor of the next page ("" after the last one).
type Reader interface {
	// Counts returns the number of articles, stories and threads.
	Counts(ctx context.Context) (Counts, error)
	// Article returns one article by its store id.
	Article(ctx context.Context, id int64) (*model.Article, error)
	// Articles streams stored articles in id order; a zero filter means
	// all. Page.Limit caps the number streamed when > 0.
	Articles(ctx context.Context, f ArticleFilter, fn func(*model.Article) error) error
	// Analyses streams stored articles with what analysis found in them, in
	// id order.
	Analyses(ctx context.Context, f ArticleFilter, fn func(*model.Article, *model.Analysis) error) error
	// Stories lists stories, largest first (or latest first: see
	// StoryFilter.Latest).
	Stories(ctx context.Context, f StoryFilter) ([]model.Story, string, error)
	// Story returns one story.
	Story(ctx context.Context, id int64) (model.Story, error)
	// Threads lists threads with their stories (oldest first), largest
	// thread first.
	Threads(ctx context.Context, f ThreadFilter) ([]model.Thread, string, error)
	// Entities lists the stored entities, most mentioned first.
	Entities(ctx context.Context, f EntityFilter) ([]model.Entity, string, error)
	// Entity returns one entity with its aliases and roles (Articles left
	// empty: see EntityArticles).
	Entity(ctx context.Context, id int64) (model.Entity, error)
	// EntityArticles lists the articles that mention an entity, in id
	// order.
	EntityArticles(ctx context.Context, id int64, p Page) ([]ArticleRef, string, error)
	// Quotes lists stored quotes in article order.
	Quotes(ctx context.Context, f QuoteFilter) ([]QuoteRow, string, error)
	// Claims lists stored claims, the most widely held first, each with
	// its stances.
	Claims(ctx context.Context, f ClaimFilter) ([]ClaimRow, string, error)
	// StoryStances streams the stances of the articles of the given
	// stories and of the given articles, for regrouping their claims.
	StoryStances(ctx context.Context, stories, articles []int64, fn func(StanceRow) error) error
	// EntityKeyIDs streams the stored entity id of each of the given
	// entity keys that has one.
	EntityKeyIDs(ctx context.Context, keys []string, fn func(key string, id int64) error) error
	// EntityStates streams the stored entities among ids with the digest
	// of their row, so a writer can tell which rows changed, and their
	// article count.
	EntityStates(ctx context.Context, ids []int64, fn func(id int64, digest string, articles int) error) error
	// KeyArticles streams, once each, the ids up to through of the
	// articles whose stored mentions have one of the entity keys.
	KeyArticles(ctx context.Context, keys []string, through int64, fn func(articleID int64) error) error
	// KeyArticleCounts calls fn, for each group of entity keys whose
	// stored mentions name any article up to through, with the group's
	// index and the number of those articles (each counted once), in one
	// round trip where the store allows.
	KeyArticleCounts(ctx context.Context, groups [][]string, through int64, fn func(group, articles int) error) error
	// Mentions streams the stored mentions of the articles up to id
	// through with each article's external id, in article order
	// (to rebuild the entity registry).
	Mentions(ctx context.Context, through int64, fn func(articleID int64, externalID string, ms []model.Mention) error) error
	// Search finds articles, quotes or entities by full text, best match
	// first, with highlighted snippets (see SearchHit).
	Search(ctx context.Context, f SearchFilter) ([]SearchHit, string, error)
	// Outlets sums up every outlet's articles, most articles first
	// (articles naming no outlet aside).
	Outlets(ctx context.Context) ([]OutletRow, error)
	// Verbs counts the reporting verbs of the quotes in one outlet's
	// articles (any case; "" for every outlet), most used first, at most
	// limit of them (at most MaxOutletVerbs).
	Verbs(ctx context.Context, outlet string, limit int) ([]VerbCount, error)
	// StoryDays counts the dated articles of the given stories by day, in
	// story and day order.
	StoryDays(ctx context.Context, stories []int64) ([]DayCount, error)
	// Boilerplate returns the lines cleaning removed from an article
	// (model.Article.Removed), nil when none were.
	Boilerplate(ctx context.Context, articleID int64) ([]string, error)
}

// Page selects one page of a list: at most Limit records (0: all) after the
// cursor After returned with the previous page.
type Page struct {
	Limit int
	After string
}

// Batch is what one pipeline batch writes, in one transaction.
type Batch struct {
	// Articles are new articles with ids already reserved.
	Articles []*model.Article
	// Raw holds the raw pages of new or stored articles, replacing any
	// stored for them.
	Raw []RawPage
	// Updates replace the extracted fields of stored articles (title,
	// text, URL, outlet, author, language, publication time) and their
	// removed boilerplate lines (Removed; none when empty) after a
	// re-extraction; their ids, hashes, stories and near-copy marks stay.
	Updates []*model.Article
	// Moves assigns stories to already stored articles (article id → story
	// id), e.g. after two stories merged.
	Moves map[int64]int64
	// Copies marks already stored articles as near-copies (article id →
	// the id of its original).
	Copies map[int64]int64
	// Threads assigns threads to stories (story id → thread id).
	Threads map[int64]int64
	// ClearState lists name prefixes whose state blobs are deleted before
	// State is written (a state rebuilt from scratch).
	ClearState []string
	// State holds named state blobs (dedupe index, clusterer, line
	// statistics) to save with the batch; a nil blob deletes the name.
	State map[string][]byte
	// NewState names blobs of State that the writer created in this
	// batch: no batch stored them before. It is a hint: a store may
	// insert them without looking for a stored row first, and must
	// still store them right when one is stored.
	NewState map[string]bool
	// StateStream, when set, writes further state blobs after State,
	// inside the same transaction, by calling put once a blob (a nil blob
	// deletes the name), so that a state too large to hold at once is
	// produced and written a piece at a time. Its names must differ from
	// State's; an error it returns aborts the batch.
	StateStream func(put func(name string, data []byte) error) error
	// Analysis holds what analysis found in the batch's articles, replacing
	// what was stored for them.
	Analysis []Analysis
	// ReadModel holds changes to the stored entities and claims.
	ReadModel ReadModel
}

// Analysis is one article's analysis as stored: the analyser's output plus
// what the pipeline resolved for the read model.
type Analysis struct {
	model.Analysis
	// QuoteChars and StanceChars are the quotes' and stances' character
	// offsets into the article text, parallel to Quotes and Stances.
	QuoteChars, StanceChars []model.Span
	// SpeakerKeys and HolderKeys are the entity keys the quotes' speakers
	// and the stances' holders resolved to ("" when unknown), parallel to
	// Quotes and Stances.
	SpeakerKeys, HolderKeys []string
}

// ReadModel is a change to the stored entities and claims.
type ReadModel struct {
	// Entities are entity rows to insert or replace.
	Entities []EntityRow
	// DropEntities are entity ids that no longer exist.
	DropEntities []int64
	// Keys maps entity keys to their entity id (0 deletes the key).
	Keys map[string]int64
	// NewKeys names keys of Keys that the writer created in this batch:
	// no batch stored them before (a hint, as Batch.NewState).
	NewKeys map[string]bool
	// ResetClaims deletes every stored claim first (a re-analysis from
	// scratch).
	ResetClaims bool
	// ResetEntities deletes every stored entity, key and name first (a
	// re-analysis from scratch).
	ResetEntities bool
	// ClaimStories lists the stories whose claims are replaced by Claims.
	ClaimStories []int64
	// Claims are the new claims of ClaimStories.
	Claims []ClaimGroup
}

// EntityRow is one stored entity.
type EntityRow struct {
	model.Entity
	// ArticleCount is the number of articles mentioning it.
	ArticleCount int
	// Names are the lookup forms under which the entity is found (see
	// entity name lookup in the pipeline); several entities may share one.
	// A nil Names keeps the stored ones; otherwise they replace them.
	Names []string
	// Digest identifies the row's content, to skip unchanged rows.
	Digest string
	// New says that the entity's id was reserved for this batch
	// (Writer.ReserveIDs), so that no batch stored it before: a hint,
	// as Batch.NewState.
	New bool
}

// ClaimGroup is one claim of a story with its stances, by article id and
// position among the article's stances.
type ClaimGroup struct {
	ID      int64
	StoryID int64
	Text    string
	Stances []StanceRef
}

// StanceRef names one stored stance.
type StanceRef struct {
	ArticleID int64
	Seq       int
}

// StanceRow is a stored stance with where it sits.
type StanceRow struct {
	StanceRef
	StoryID int64
	ClaimID int64
	model.StanceMention
}

// ArticleRef names an article in read results.
type ArticleRef struct {
	ID         int64
	ExternalID string
	Outlet     string
	StoryID    int64
	Published  string // YYYY-MM-DD or ""
}

// QuoteRow is one stored quote with its article and resolved speaker.
type QuoteRow struct {
	Article ArticleRef
	Seq     int
	model.Quote
	// Chars is the quote's character span in the article text.
	Chars model.Span
	// SpeakerID and SpeakerName are the resolved speaker entity (0 and
	// Quote.Speaker when unresolved).
	SpeakerID   int64
	SpeakerName string
}

// ClaimRow is one stored claim with its stances.
type ClaimRow struct {
	ID      int64
	StoryID int64
	Text    string
	Stances []ClaimStance
}

// ClaimStance is one holder's stance in a ClaimRow.
type ClaimStance struct {
	Article ArticleRef
	model.StanceMention
	Chars model.Span
	// HolderID and HolderName are the resolved holder entity (0 and
	// StanceMention.Holder when unresolved).
	HolderID   int64
	HolderName string
}

// DateRange selects by publication date; zero ends are open. From and To
// are inclusive days in YYYY-MM-DD form.
type DateRange struct {
	From, To string
}

// StoryFilter selects stories.
type StoryFilter struct {
	// MinArticles skips smaller stories when > 0.
	MinArticles int
	// ThreadID selects one thread's stories when non-zero.
	ThreadID int64
	// Outlet selects stories with an article from this outlet (any case).
	Outlet string
	// Dates selects stories with an article published in the range.
	Dates DateRange
	// EntityID selects the stories with an article that mentions this
	// stored entity (under any of its keys) when non-zero.
	EntityID int64
	// Exclusive, with Outlet, selects the stories with no article from
	// another outlet (articles naming no outlet aside).
	Exclusive bool
	// Latest orders the stories by their last article's publication,
	// latest first (undated stories last), instead of largest first.
	Latest bool
	Page
}

// ThreadFilter selects threads.
type ThreadFilter struct {
	Page
}

// ArticleFilter selects articles.
type ArticleFilter struct {
	// StoryID selects one story's articles when non-zero.
	StoryID int64
	// ThreadID selects one thread's articles when non-zero.
	ThreadID int64
	// Outlet selects one outlet's articles (any case).
	Outlet string
	// Dates selects by publication date.
	Dates DateRange
	// AfterID selects articles with a larger id.
	AfterID int64
	// IDs selects these articles when not empty (ids not stored are
	// skipped).
	IDs []int64
	// Limit caps the number of articles when > 0.
	Limit int
}

// EntityFilter selects entities.
type EntityFilter struct {
	// Type selects one entity type.
	Type model.EntityType
	// Names selects entities found under any of these lookup forms.
	Names []string
	Page
}

// QuoteFilter selects quotes.
type QuoteFilter struct {
	StoryID  int64
	ThreadID int64
	// SpeakerID selects the quotes of one speaker entity.
	SpeakerID int64
	Outlet    string
	Dates     DateRange
	Page
}

// ClaimFilter selects claims.
type ClaimFilter struct {
	StoryID  int64
	ThreadID int64
	// EntityID selects claims with a stance held by this entity.
	EntityID int64
	// Outlet and Dates select claims with a stance in a matching article.
	Outlet string
	Dates  DateRange
	Page
}

// Counts sums up a store.
type Counts struct {
	Articles   int `json:"articles"`
	Duplicates int `json:"duplicates"`
	Stories    int `json:"stories"`
	Threads    int `json:"threads"`
}

// LoadState returns a copy of the named state blob of s (nil if none).
func LoadState(ctx context.Context, s State, name string) ([]byte, error) {
	b, _, err := TakeState(ctx, s, name)
	return b, err
}

// StoryThreader is implemented by stores that read the threads of many
// stories at once.
type StoryThreader interface {
	// StoryThreads returns the thread (0: none) of each of the stories
	// ids that exists.
	StoryThreads(ctx context.Context, ids []int64) (map[int64]int64, error)
}

// StoryThreads returns the thread (0: none) of each of the stories ids
// of r that exists: in one read when r is a StoryThreader, else a story
// at a time.
func StoryThreads(ctx context.Context, r Reader, ids []int64) (map[int64]int64, error) {
	if t, ok := r.(StoryThreader); ok {
		return t.StoryThreads(ctx, ids)
	}
	out := make(map[int64]int64, len(ids))
	for _, id := range ids {
		if _, ok := out[id]; ok {
			continue
		}
		s, err := r.Story(ctx, id)
		if errors.Is(err, ErrNotFound) {
			continue
		}
		if err != nil {
			return nil, err
		}
		out[id] = s.ThreadID
	}
	return out, nil
}

// StateTaker is implemented by stores that can hand a state blob over
// without copying it again: a large blob read from the database is
// already a copy, and copying it once more touches as much memory again.
type StateTaker interface {
	// TakeState returns the named state blob, in memory that is the
	// caller's to keep and change, and false when there is none.
	TakeState(ctx context.Context, name string) (data []byte, found bool, err error)
}

// TakeState returns the named state blob of s, in memory that is the
// caller's, and false when there is none: the store's own copy when s
// is a StateTaker, a copy otherwise.
func TakeState(ctx context.Context, s State, name string) ([]byte, bool, error) {
	if t, ok := s.(StateTaker); ok {
		return t.TakeState(ctx, name)
	}
	var b []byte
	found, err := s.ReadState(ctx, name, func(data []byte) error {
		b = bytes.Clone(data)
		return nil
	})
	return b, found, err
}

// OverlappedWriter is implemented by stores that can store a batch's
// articles while the caller completes the rest of it. CommitWhile stores
// b atomically, as Commit does, and calls complete while it stores b's
// articles, updates, raw pages, moves and copies, and what b.Analysis
// already holds of new articles' analyses that no read model changes
// (their mentions, their quotes' search index): complete may set b's
// other fields (the read model, the state, the fields of b.Analysis's
// elements beside their model.Analysis, or b.Analysis itself when it
// was empty) and read the store, which shows it nothing of b, but must
// not write the store or change what is being stored. An error from
// complete abandons the commit.
type OverlappedWriter interface {
	CommitWhile(ctx context.Context, b *Batch, complete func() error) error
}

// SearchTidier is implemented by stores whose search indexes are kept in
// segments that a query must each visit (SQLite's FTS5: a batch's
// articles make one). TidySearch merges segments, doing at most about
// pages pages of work in each index, so that searches after a run visit
// few segments; a writer calls it once at the end of a run, possibly
// while it reads the store and waits to commit its last batch (which
// must then wait for the merge, not fail).
type SearchTidier interface {
	TidySearch(ctx context.Context, pages int) error
}
