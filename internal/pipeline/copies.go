package pipeline

import (
	"context"
	"fmt"
	"slices"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/model"
	"github.com/parallax-news/parallax/internal/storage"
)

// orientCopies makes the original of each near-copy pair of a batch the
// article that came first: near-copy marking takes the article ingested
// later for the copy, but a wire original can follow its re-post in the
// input. A copy whose original was stored earlier can thus become the
// original, and the stored article its copy (through b.Copies).
func (p *Pipeline) orientCopies(ctx context.Context, arts []*model.Article, b *storage.Batch) error {
	inBatch := make(map[int64]*model.Article, len(arts))
	for _, a := range arts {
		inBatch[a.ID] = a
	}
	stored, err := p.storedOriginals(ctx, arts, inBatch)
	if err != nil {
		return err
	}
	swapped := map[int64]int64{} // former original → new original
	for _, a := range arts {
		o := a.DuplicateOf
		if o == 0 {
			continue
		}
		orig := inBatch[o]
		if orig == nil {
			if orig = stored[o]; orig == nil {
				continue
			}
		}
		if orig.DuplicateOf != 0 || !original(a, orig) {
			continue
		}
		a.DuplicateOf = 0
		swapped[o] = a.ID
		if x := inBatch[o]; x != nil {
			x.DuplicateOf = a.ID
		} else {
			if b.Copies == nil {
				b.Copies = map[int64]int64{}
			}
			b.Copies[o] = a.ID
		}
	}
	// Other copies of a former original in the batch follow it.
	for _, a := range arts {
		if to, ok := swapped[a.DuplicateOf]; ok && to != a.ID {
			a.DuplicateOf = to
		}
	}
	return nil
}

// storedOriginals reads in one query the stored originals of the
// near-copies of arts that are not in the batch (inBatch), by id; an
// original not stored is missing from the map. One query a batch instead
// of one an article: each read of a store that the last commit changed
// starts from a cold page cache, which made these reads grow with the
// store.
func (p *Pipeline) storedOriginals(ctx context.Context, arts []*model.Article, inBatch map[int64]*model.Article) (map[int64]*model.Article, error) {
	var ids []int64
	for _, a := range arts {
		if o := a.DuplicateOf; o != 0 && inBatch[o] == nil {
			ids = append(ids, o)
		}
	}
	if len(ids) == 0 {
		return nil, nil
	}
	slices.Sort(ids)
	ids = slices.Compact(ids)
	stored := make(map[int64]*model.Article, len(ids))
	err := p.store.Articles(ctx, storage.ArticleFilter{IDs: ids}, func(a *model.Article) error {
		stored[a.ID] = a
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read the originals of near-copies: %w", err)
	}
	return stored, nil
}

// original reports whether a rather than b is the original of two
// near-copies: the one published on an earlier day or, on the same day or
// when a date is unknown, the one with clearly more text (a re-post trims
// what it copies more often than it adds).
func original(a, b *model.Article) bool {
	if !a.Published.IsZero() && !b.Published.IsZero() {
		da, db := a.Published.UTC().Format("2006-01-02"), b.Published.UTC().Format("2006-01-02")
		if da != db {
			return da < db
		}
	}
	la, lb := utf8.RuneCountInString(a.Text), utf8.RuneCountInString(b.Text)
	return la > lb+lb/10
}
