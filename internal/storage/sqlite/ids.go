package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sync"
)

// idTables names the table whose largest id starts each id counter.
var idTables = map[string]string{"article": "articles", "entity": "entities", "claim": "claims"}

// idCounters hands out ids from memory. A batch's article ids are
// reserved while the batch before it commits: a reservation that waited
// for the one writing connection waited for that whole commit, and the
// batch's analysis with it. The counters are read from the store at
// their first use (by the store's one writer: the lock file keeps out
// any other) and stored with the next commit, which is the first that
// can hold a row under an id they handed out; ids handed out and never
// committed may be handed out again after a crash, which nothing can
// tell apart.
type idCounters struct {
	mu    sync.Mutex
	last  map[string]int64 // last id handed out, by kind
	saved map[string]int64 // last stored in the counters table, by kind
}

// ReserveArticleIDs implements storage.Writer.
func (s *Store) ReserveArticleIDs(ctx context.Context, n int) (int64, error) {
	return s.ReserveIDs(ctx, "article", n)
}

// ReserveIDs implements storage.Writer.
func (s *Store) ReserveIDs(ctx context.Context, kind string, n int) (int64, error) {
	table, ok := idTables[kind]
	if !ok {
		return 0, fmt.Errorf("reserve ids: unknown kind %q", kind)
	}
	if _, err := s.writer(); err != nil {
		return 0, err
	}
	c := &s.ids
	c.mu.Lock()
	defer c.mu.Unlock()
	last, ok := c.last[kind]
	if !ok {
		// through the reading connections: they see what the writing
		// one committed, and the counters change only here
		err := s.db.QueryRowContext(ctx, `SELECT value FROM counters WHERE name = $1`, kind).Scan(&last)
		if errors.Is(err, sql.ErrNoRows) {
			err = s.db.QueryRowContext(ctx, `SELECT COALESCE(MAX(id), 0) FROM `+table).Scan(&last)
		} else if err == nil {
			if c.saved == nil {
				c.saved = map[string]int64{}
			}
			c.saved[kind] = last
		}
		if err != nil {
			return 0, fmt.Errorf("reserve %s ids: %w", kind, err)
		}
		if c.last == nil {
			c.last = map[string]int64{}
		}
	}
	c.last[kind] = last + int64(n)
	return last + 1, nil
}

// unsaved returns the counters that moved since they were last stored.
func (c *idCounters) unsaved() map[string]int64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	var out map[string]int64
	for kind, v := range c.last {
		if saved, ok := c.saved[kind]; !ok || saved != v {
			if out == nil {
				out = map[string]int64{}
			}
			out[kind] = v
		}
	}
	return out
}

// stored notes counters stored by a committed transaction.
func (c *idCounters) stored(vs map[string]int64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.saved == nil {
		c.saved = map[string]int64{}
	}
	for kind, v := range vs {
		c.saved[kind] = max(c.saved[kind], v)
	}
}

// writeIDs stores the counters of vs in tx.
func writeIDs(ctx context.Context, tx *sql.Tx, vs map[string]int64) error {
	for _, kind := range sortedKeys(vs) {
		if _, err := tx.ExecContext(ctx, `INSERT INTO counters(name, value) VALUES ($1, $2) ON CONFLICT(name) DO UPDATE SET value = max(value, excluded.value)`, kind, vs[kind]); err != nil {
			return fmt.Errorf("store %s id counter: %w", kind, err)
		}
	}
	return nil
}

// saveIDs stores the counters that moved since they were last stored, in
// a transaction of their own.
func (s *Store) saveIDs(ctx context.Context) error {
	vs := s.ids.unsaved()
	if len(vs) == 0 {
		return nil
	}
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("store id counters: %w", err)
	}
	defer tx.Rollback()
	if err := writeIDs(ctx, tx, vs); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("store id counters: %w", err)
	}
	s.ids.stored(vs)
	return nil
}
