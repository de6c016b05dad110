package postgres

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/jackc/pgx/v5"

	"github.com/parallax-news/parallax/internal/storage"
)

var _ storage.Comparisons = (*Store)(nil)

// ReadComparisons implements storage.Comparisons.
func (s *Store) ReadComparisons(ctx context.Context, stories []int64, fn func(storage.StoredComparison) error) error {
	ids := slices.Compact(slices.Sorted(slices.Values(stories)))
	if len(ids) == 0 {
		return nil
	}
	rows, err := s.pool.Query(ctx, `SELECT story_id, version, fingerprint, outlets, data FROM comparisons WHERE story_id = ANY($1) ORDER BY story_id`, ids)
	if err != nil {
		return fmt.Errorf("read comparisons: %w", err)
	}
	err = eachRow(rows, func() error {
		var c storage.StoredComparison
		if err := rows.Scan(&c.Story, &c.Version, &c.Fingerprint, &c.Outlets, &c.Data); err != nil {
			return err
		}
		return fn(c)
	})
	if err != nil {
		return fmt.Errorf("read comparisons: %w", err)
	}
	return nil
}

// PutComparisons implements storage.Comparisons.
func (s *Store) PutComparisons(ctx context.Context, cs []storage.StoredComparison) error {
	if err := s.writable(); err != nil {
		return err
	}
	var b pgx.Batch
	for _, c := range cs {
		b.Queue(`INSERT INTO comparisons (story_id, version, fingerprint, outlets, data) VALUES ($1, $2, $3, $4, $5)
			ON CONFLICT (story_id) DO UPDATE SET version = excluded.version, fingerprint = excluded.fingerprint, outlets = excluded.outlets, data = excluded.data`,
			c.Story, c.Version, c.Fingerprint, c.Outlets, c.Data)
	}
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return fmt.Errorf("store comparisons: %w", err)
	}
	defer tx.Rollback(ctx)
	if err := tx.SendBatch(ctx, &b).Close(); err != nil {
		return fmt.Errorf("store comparisons: %w", err)
	}
	if err := tx.Commit(ctx); err != nil {
		return fmt.Errorf("store comparisons: %w", err)
	}
	return nil
}

// DeleteComparisons implements storage.Comparisons.
func (s *Store) DeleteComparisons(ctx context.Context, keep func(int64) bool) (int, error) {
	if err := s.writable(); err != nil {
		return 0, err
	}
	rows, err := s.pool.Query(ctx, `SELECT story_id FROM comparisons ORDER BY story_id`)
	if err != nil {
		return 0, fmt.Errorf("delete comparisons: %w", err)
	}
	var drop []int64
	err = eachRow(rows, func() error {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return err
		}
		if keep == nil || !keep(id) {
			drop = append(drop, id)
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("delete comparisons: %w", err)
	}
	if len(drop) == 0 {
		return 0, nil
	}
	if _, err := s.pool.Exec(ctx, `DELETE FROM comparisons WHERE story_id = ANY($1)`, drop); err != nil {
		return 0, fmt.Errorf("delete comparisons: %w", err)
	}
	return len(drop), nil
}

var _ storage.StoryLookup = (*Store)(nil)

// StoryOf implements storage.StoryLookup.
func (s *Store) StoryOf(ctx context.Context, externalID string) (int64, error) {
	var id int64
	err := s.pool.QueryRow(ctx, `SELECT story_id FROM articles WHERE external_id = $1`, externalID).Scan(&id)
	if errors.Is(err, pgx.ErrNoRows) {
		return 0, fmt.Errorf("article %q: %w", externalID, storage.ErrNotFound)
	}
	if err != nil {
		return 0, fmt.Errorf("article %q: %w", externalID, err)
	}
	return id, nil
}
