package sqlite

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/parallax-news/parallax/internal/storage"
)

// quickCheckLimit is the largest store given SQLite's quick_check on every
// writing open; larger stores get the header and schema checks only, and
// the full check from `parallax check`.
const quickCheckLimit = 64 << 20

// checkHeader reads the SQLite file header: the magic string, a valid page
// size, and a page count that agrees with the file size.
func checkHeader(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return err
	}
	if fi.Size() == 0 {
		return nil // a new, empty file
	}
	h := make([]byte, 100)
	if _, err := io.ReadFull(f, h); err != nil {
		return fmt.Errorf("%s is not a SQLite database (%d bytes): %w", path, fi.Size(), storage.ErrNotParallax)
	}
	if !bytes.Equal(h[:16], []byte("SQLite format 3\x00")) {
		return fmt.Errorf("%s is not a SQLite database: %w", path, storage.ErrNotParallax)
	}
	pageSize := int64(binary.BigEndian.Uint16(h[16:18]))
	if pageSize == 1 {
		pageSize = 65536
	}
	if pageSize < 512 || pageSize&(pageSize-1) != 0 {
		return damaged(path, fmt.Errorf("header: page size %d", pageSize))
	}
	if fi.Size()%pageSize != 0 {
		return damaged(path, fmt.Errorf("header: file size %d is not a whole number of %d-byte pages", fi.Size(), pageSize))
	}
	// The in-header page count is valid when the change counter matches
	// the version-valid-for number. A writer killed during a checkpoint
	// leaves the file shorter than the header says, with the missing
	// pages still in the WAL (the next open completes the checkpoint), so
	// the count is checked only when there is no WAL to replay.
	pages := int64(binary.BigEndian.Uint32(h[28:32]))
	wal, err := os.Stat(path + "-wal")
	pendingWAL := err == nil && wal.Size() > 0
	if !pendingWAL && binary.BigEndian.Uint32(h[24:28]) == binary.BigEndian.Uint32(h[92:96]) && pages*pageSize > fi.Size() {
		return damaged(path, fmt.Errorf("header: %d pages but the file holds %d", pages, fi.Size()/pageSize))
	}
	return nil
}

// quickCheck runs the checks cheap enough for every writing open: the
// schema must parse and hold Parallax's tables, and a store up to
// quickCheckLimit gets SQLite's quick_check.
func quickCheck(ctx context.Context, db *sql.DB, path string) error {
	var n int
	if err := db.QueryRowContext(ctx, `SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name IN ('schema_migrations', 'articles', 'state', 'stories')`).Scan(&n); err != nil {
		return damaged(path, fmt.Errorf("schema: %w", err))
	}
	if n != 4 {
		return damaged(path, errors.New("schema: tables are missing"))
	}
	fi, err := os.Stat(path)
	if err != nil || fi.Size() > quickCheckLimit {
		return err
	}
	if msgs := integrity(ctx, db, "quick_check", 5); len(msgs) > 0 {
		return damaged(path, errors.New(strings.Join(msgs, "; ")))
	}
	return nil
}

// integrity runs PRAGMA quick_check or integrity_check and returns its
// findings (none when the store is sound).
func integrity(ctx context.Context, db *sql.DB, pragma string, max int) []string {
	rows, err := db.QueryContext(ctx, fmt.Sprintf(`PRAGMA %s(%d)`, pragma, max))
	if err != nil {
		return []string{err.Error()}
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return append(out, err.Error())
		}
		if s != "ok" {
			out = append(out, s)
		}
	}
	if err := rows.Err(); err != nil {
		out = append(out, err.Error())
	}
	return out
}

// Check runs SQLite's full integrity check and Parallax's own consistency
// checks, and returns what it found (nothing when the store is sound).
func (s *Store) Check(ctx context.Context) ([]string, error) {
	if err := checkHeader(s.path); err != nil {
		return []string{err.Error()}, nil
	}
	out := integrity(ctx, s.db, "integrity_check", 100)
	for _, c := range []struct{ what, q string }{
		{"articles without a story", `SELECT COUNT(*) FROM articles WHERE story_id = 0`},
		{"articles whose story row is missing", `SELECT COUNT(*) FROM articles a WHERE a.story_id != 0 AND NOT EXISTS (SELECT 1 FROM stories s WHERE s.id = a.story_id)`},
		{"stories whose article count is wrong", `SELECT COUNT(*) FROM stories s WHERE s.articles != (SELECT COUNT(*) FROM articles a WHERE a.story_id = s.id)`},
		{"near-copies of a missing article", `SELECT COUNT(*) FROM articles a WHERE a.duplicate_of != 0 AND NOT EXISTS (SELECT 1 FROM articles b WHERE b.id = a.duplicate_of)`},
	} {
		var n int
		if err := s.db.QueryRowContext(ctx, c.q).Scan(&n); err != nil {
			out = append(out, fmt.Sprintf("%s: %v", c.what, err))
		} else if n > 0 {
			out = append(out, fmt.Sprintf("%d %s", n, c.what))
		}
	}
	return out, nil
}
