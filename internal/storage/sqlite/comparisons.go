package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"

	"github.com/parallax-news/parallax/internal/storage"
)

var _ storage.Comparisons = (*Store)(nil)

// ReadComparisons implements storage.Comparisons.
func (s *Store) ReadComparisons(ctx context.Context, stories []int64, fn func(storage.StoredComparison) error) error {
	ids := slices.Sorted(slices.Values(stories))
	ids = slices.Compact(ids)
	for _, chunk := range chunks(len(ids), 500) {
		var p params
		rows, err := s.db.QueryContext(ctx, `SELECT story_id, version, fingerprint, outlets, data FROM comparisons WHERE story_id IN (`+
			list(&p, ids[chunk[0]:chunk[1]])+`) ORDER BY story_id`, p...)
		if err != nil {
			return fmt.Errorf("read comparisons: %w", err)
		}
		for rows.Next() {
			var c storage.StoredComparison
			if err := rows.Scan(&c.Story, &c.Version, &c.Fingerprint, &c.Outlets, &c.Data); err != nil {
				rows.Close()
				return fmt.Errorf("read comparisons: %w", err)
			}
			if err := fn(c); err != nil {
				rows.Close()
				return err
			}
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return fmt.Errorf("read comparisons: %w", err)
		}
	}
	return nil
}

// PutComparisons implements storage.Comparisons.
func (s *Store) PutComparisons(ctx context.Context, cs []storage.StoredComparison) error {
	w, err := s.writer()
	if err != nil {
		return err
	}
	tx, err := w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("store comparisons: %w", err)
	}
	defer tx.Rollback()
	stmt, err := tx.PrepareContext(ctx, `INSERT INTO comparisons (story_id, version, fingerprint, outlets, data) VALUES ($1, $2, $3, $4, $5)
		ON CONFLICT (story_id) DO UPDATE SET version = excluded.version, fingerprint = excluded.fingerprint, outlets = excluded.outlets, data = excluded.data`)
	if err != nil {
		return fmt.Errorf("store comparisons: %w", err)
	}
	defer stmt.Close()
	for _, c := range cs {
		if _, err := stmt.ExecContext(ctx, c.Story, c.Version, c.Fingerprint, c.Outlets, c.Data); err != nil {
			return fmt.Errorf("store comparison of story %d: %w", c.Story, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("store comparisons: %w", err)
	}
	return nil
}

// DeleteComparisons implements storage.Comparisons.
func (s *Store) DeleteComparisons(ctx context.Context, keep func(int64) bool) (int, error) {
	w, err := s.writer()
	if err != nil {
		return 0, err
	}
	var drop []int64
	rows, err := s.db.QueryContext(ctx, `SELECT story_id FROM comparisons ORDER BY story_id`)
	if err != nil {
		return 0, fmt.Errorf("delete comparisons: %w", err)
	}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return 0, fmt.Errorf("delete comparisons: %w", err)
		}
		if keep == nil || !keep(id) {
			drop = append(drop, id)
		}
	}
	err = rows.Err()
	rows.Close()
	if err != nil {
		return 0, fmt.Errorf("delete comparisons: %w", err)
	}
	for _, chunk := range chunks(len(drop), 500) {
		var p params
		if _, err := w.ExecContext(ctx, `DELETE FROM comparisons WHERE story_id IN (`+list(&p, drop[chunk[0]:chunk[1]])+`)`, p...); err != nil {
			return 0, fmt.Errorf("delete comparisons: %w", err)
		}
	}
	return len(drop), nil
}

var _ storage.StoryLookup = (*Store)(nil)

// StoryOf implements storage.StoryLookup.
func (s *Store) StoryOf(ctx context.Context, externalID string) (int64, error) {
	var id int64
	err := s.db.QueryRowContext(ctx, `SELECT story_id FROM articles WHERE external_id = $1`, externalID).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, fmt.Errorf("article %q: %w", externalID, storage.ErrNotFound)
	}
	if err != nil {
		return 0, fmt.Errorf("article %q: %w", externalID, err)
	}
	return id, nil
}
