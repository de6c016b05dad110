package storage

import "context"

// StoredComparison is a story's comparison as kept by a store: the encoded
// comparison, the version of the code that made it and the fingerprint of
// the inputs it was made from, so a reader can tell whether it still holds.
type StoredComparison struct {
	Story int64
	// Version names the comparison code that made it.
	Version string
	// Fingerprint digests what the comparison was made from: the story's
	// articles, their analysis version and the outlet registry.
	Fingerprint string
	// Outlets is how many outlets the comparison names.
	Outlets int
	// Data is the encoded comparison; the store does not look into it.
	Data []byte
}

// Comparisons keeps computed story comparisons. Both SQL stores implement
// it; a store opened read-only reads them and refuses to store
// (ErrReadOnly).
type Comparisons interface {
	// ReadComparisons calls fn with the stored comparison of each of the
	// given stories that has one, in story id order. Data is only valid
	// during the call.
	ReadComparisons(ctx context.Context, stories []int64, fn func(StoredComparison) error) error
	// PutComparisons stores comparisons, replacing those of the same
	// stories, in one transaction.
	PutComparisons(ctx context.Context, cs []StoredComparison) error
	// DeleteComparisons removes the stored comparisons of stories that
	// are not in keep (nil keep: all of them), and returns how many.
	DeleteComparisons(ctx context.Context, keep func(story int64) bool) (int, error)
}

// StoryLookup finds the story of an article named by its external id
// without reading every article. Both SQL stores implement it.
type StoryLookup interface {
	// StoryOf returns the story of the article with the external id
	// (0 when it is in no story yet), or ErrNotFound.
	StoryOf(ctx context.Context, externalID string) (int64, error)
}
