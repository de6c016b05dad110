// Package storage defines the store every Parallax stage reads from and
// writes to. Implementations live in sub-packages: sqlite (the embedded
// default) and, for scale-out, a PostgreSQL store behind the same interface.
//
// The pipeline writes through Commit, one transaction per batch, so a batch is
// stored whole or not at all; everything else reads.
package storage

import (
	"bytes"
	"context"
	"errors"

	"github.com/parallax-news/parallax/internal/model"
)

// ErrNotFound is returned when a requested record does not exist.
var ErrNotFound = errors.New("not found")

// Store is the persistence interface of Parallax.
type Store interface {
	// Known reports which of the given external ids and content hashes are
	// already stored, so ingest can skip them (idempotence).
	Known(ctx context.Context, externalIDs, hashes []string) (ids, hashSet map[string]bool, err error)
	// ReserveArticleIDs reserves n consecutive article ids and returns the
	// first. Ids are never handed out twice, even to concurrent workers.
	ReserveArticleIDs(ctx context.Context, n int) (first int64, err error)
	// Commit stores one batch atomically.
	Commit(ctx context.Context, b *Batch) error
	// ReadState calls fn with the named state blob saved by Commit, and
	// reports false without calling it when there is none. data is only
	// valid during the call: state blobs can be hundreds of megabytes, and
	// most readers decode them at once.
	ReadState(ctx context.Context, name string, fn func(data []byte) error) (found bool, err error)
	// ReadStates calls fn with every state blob whose name starts with
	// prefix, in name order; data is only valid during each call.
	ReadStates(ctx context.Context, prefix string, fn func(name string, data []byte) error) error

	// Stories lists stories, largest first.
	Stories(ctx context.Context, f StoryFilter) ([]model.Story, error)
	// Story returns one story.
	Story(ctx context.Context, id int64) (model.Story, error)
	// Threads lists threads with their stories, largest first.
	Threads(ctx context.Context) ([]model.Thread, error)
	// Articles streams stored articles in id order; a zero filter means all.
	Articles(ctx context.Context, f ArticleFilter, fn func(*model.Article) error) error
	// Analyses streams stored articles with what analysis found in them, in
	// id order.
	Analyses(ctx context.Context, f ArticleFilter, fn func(*model.Article, *model.Analysis) error) error
	// Counts returns the number of articles, stories and threads.
	Counts(ctx context.Context) (Counts, error)

	// Close releases the store.
	Close() error
}

// Batch is what one pipeline batch writes, in one transaction.
type Batch struct {
	// Articles are new articles with ids already reserved.
	Articles []*model.Article
	// Moves assigns stories to already stored articles (article id → story
	// id), e.g. after two stories merged.
	Moves map[int64]int64
	// Threads assigns threads to stories (story id → thread id).
	Threads map[int64]int64
	// ClearState lists name prefixes whose state blobs are deleted before
	// State is written (a state rebuilt from scratch).
	ClearState []string
	// State holds named state blobs (dedupe index, clusterer, line
	// statistics) to save with the batch; a nil blob deletes the name.
	State map[string][]byte
	// Analysis holds what analysis found in the batch's articles.
	Analysis []model.Analysis
}

// StoryFilter selects stories.
type StoryFilter struct {
	// MinArticles skips smaller stories when > 0.
	MinArticles int
	// Limit caps the number of stories when > 0.
	Limit int
}

// ArticleFilter selects articles.
type ArticleFilter struct {
	// StoryID selects one story's articles when non-zero.
	StoryID int64
	// AfterID selects articles with a larger id.
	AfterID int64
}

// Counts sums up a store.
type Counts struct {
	Articles   int `json:"articles"`
	Duplicates int `json:"duplicates"`
	Stories    int `json:"stories"`
	Threads    int `json:"threads"`
}

// LoadState returns a copy of the named state blob of s (nil if none).
func LoadState(ctx context.Context, s Store, name string) ([]byte, error) {
	var b []byte
	_, err := s.ReadState(ctx, name, func(data []byte) error {
		b = bytes.Clone(data)
		return nil
	})
	return b, err
}
