// Package sqlite is the embedded Parallax store: one SQLite file, created and
// migrated on open, through the pure-Go modernc.org/sqlite driver.
package sqlite

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"net/url"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/parallax-news/parallax/internal/model"
	"github.com/parallax-news/parallax/internal/storage"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// Store is a storage.Store on one SQLite file.
//
// Writes go through one connection and reads through a pool of others.
// SQLite allows one writer at a time anyway, and a connection drops its
// whole page cache when it sees that another one has written: with a
// single writer, the writer's cache stays warm across batches.
type Store struct {
	db *sql.DB // reads
	w  *sql.DB // writes: one connection
}

var _ storage.Store = (*Store)(nil)

// Open opens (creating if needed) the SQLite store at path and migrates its
// schema to the current version.
func Open(ctx context.Context, path string) (*Store, error) {
	dsn := func(readOnly bool) string {
		q := url.Values{}
		for _, p := range []string{"busy_timeout(10000)", "journal_mode(WAL)", "synchronous(NORMAL)", "foreign_keys(ON)", "cache_size(-8192)"} {
			q.Add("_pragma", p)
		}
		if readOnly {
			q.Add("_pragma", "query_only(1)")
		} else {
			q.Set("_txlock", "immediate")
		}
		return "file:" + path + "?" + q.Encode()
	}
	w, err := sql.Open("sqlite", dsn(false))
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	w.SetMaxOpenConns(1)
	s := &Store{w: w}
	if err := s.migrate(ctx); err != nil {
		w.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	if s.db, err = sql.Open("sqlite", dsn(true)); err != nil {
		w.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	s.db.SetMaxOpenConns(4)
	return s, nil
}

// SchemaVersion returns the schema version this package migrates to.
func SchemaVersion() int { return len(migrations) }

func (s *Store) migrate(ctx context.Context) error {
	if _, err := s.w.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)`); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	var v int
	if err := s.w.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&v); err != nil {
		return fmt.Errorf("migrate: read version: %w", err)
	}
	if v > len(migrations) {
		return fmt.Errorf("migrate: store has schema version %d, this parallax knows up to %d; upgrade parallax", v, len(migrations))
	}
	for i := v; i < len(migrations); i++ {
		tx, err := s.w.BeginTx(ctx, nil)
		if err != nil {
			return fmt.Errorf("migrate to %d: %w", i+1, err)
		}
		if _, err := tx.ExecContext(ctx, migrations[i]); err != nil {
			tx.Rollback()
			return fmt.Errorf("migrate to %d: %w", i+1, err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations(version, applied_at) VALUES (?, ?)`, i+1, time.Now().UTC().Format(time.RFC3339)); err != nil {
			tx.Rollback()
			return fmt.Errorf("migrate to %d: %w", i+1, err)
		}
		if err := tx.Commit(); err != nil {
			return fmt.Errorf("migrate to %d: %w", i+1, err)
		}
	}
	return nil
}

// Close closes the database.
func (s *Store) Close() error { return errors.Join(s.db.Close(), s.w.Close()) }

// Known implements storage.Store.
func (s *Store) Known(ctx context.Context, externalIDs, hashes []string) (map[string]bool, map[string]bool, error) {
	ids, err := s.inSet(ctx, "external_id", externalIDs)
	if err != nil {
		return nil, nil, err
	}
	hs, err := s.inSet(ctx, "hash", hashes)
	if err != nil {
		return nil, nil, err
	}
	return ids, hs, nil
}

func (s *Store) inSet(ctx context.Context, col string, vals []string) (map[string]bool, error) {
	found := map[string]bool{}
	for _, chunk := range chunks(len(vals), 500) {
		part := vals[chunk[0]:chunk[1]]
		args := make([]any, len(part))
		for i, v := range part {
			args[i] = v
		}
		rows, err := s.db.QueryContext(ctx, `SELECT `+col+` FROM articles WHERE `+col+` IN (`+placeholders(len(part))+`)`, args...)
		if err != nil {
			return nil, fmt.Errorf("look up known %s: %w", col, err)
		}
		for rows.Next() {
			var v string
			if err := rows.Scan(&v); err != nil {
				rows.Close()
				return nil, fmt.Errorf("look up known %s: %w", col, err)
			}
			found[v] = true
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("look up known %s: %w", col, err)
		}
	}
	return found, nil
}

// ReserveArticleIDs implements storage.Store.
func (s *Store) ReserveArticleIDs(ctx context.Context, n int) (int64, error) {
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return 0, fmt.Errorf("reserve ids: %w", err)
	}
	defer tx.Rollback()
	var last int64
	err = tx.QueryRowContext(ctx, `SELECT value FROM counters WHERE name = 'article'`).Scan(&last)
	if errors.Is(err, sql.ErrNoRows) {
		if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(id), 0) FROM articles`).Scan(&last); err != nil {
			return 0, fmt.Errorf("reserve ids: %w", err)
		}
	} else if err != nil {
		return 0, fmt.Errorf("reserve ids: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO counters(name, value) VALUES ('article', ?) ON CONFLICT(name) DO UPDATE SET value = excluded.value`, last+int64(n)); err != nil {
		return 0, fmt.Errorf("reserve ids: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return 0, fmt.Errorf("reserve ids: %w", err)
	}
	return last + 1, nil
}

// Commit implements storage.Store.
func (s *Store) Commit(ctx context.Context, b *storage.Batch) error {
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("commit batch: %w", err)
	}
	defer tx.Rollback()
	if err := commit(ctx, tx, b); err != nil {
		return fmt.Errorf("commit batch: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit batch: %w", err)
	}
	return nil
}

func commit(ctx context.Context, tx *sql.Tx, b *storage.Batch) error {
	touched := map[int64]bool{}
	now := time.Now().UTC().Format(time.RFC3339)
	if len(b.Articles) > 0 {
		ins, err := tx.PrepareContext(ctx, `INSERT INTO articles(id, external_id, hash, title, body, url, outlet, author, language, published, source, meta, story_id, duplicate_of, ingested_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`)
		if err != nil {
			return err
		}
		defer ins.Close()
		for _, a := range b.Articles {
			meta := ""
			if len(a.Meta) > 0 {
				m, err := json.Marshal(a.Meta)
				if err != nil {
					return fmt.Errorf("article %s: meta: %w", a.ExternalID, err)
				}
				meta = string(m)
			}
			if _, err := ins.ExecContext(ctx, a.ID, a.ExternalID, a.Hash, a.Title, a.Text, a.URL, a.Outlet, a.Author, a.Language,
				formatTime(a.Published), a.Source, meta, a.StoryID, a.DuplicateOf, now); err != nil {
				return fmt.Errorf("insert article %s: %w", a.ExternalID, err)
			}
			if a.StoryID != 0 {
				touched[a.StoryID] = true
			}
		}
	}
	if len(b.Moves) > 0 {
		old, err := tx.PrepareContext(ctx, `SELECT story_id FROM articles WHERE id = ?`)
		if err != nil {
			return err
		}
		defer old.Close()
		upd, err := tx.PrepareContext(ctx, `UPDATE articles SET story_id = ? WHERE id = ?`)
		if err != nil {
			return err
		}
		defer upd.Close()
		for _, id := range sortedKeys(b.Moves) {
			var prev int64
			if err := old.QueryRowContext(ctx, id).Scan(&prev); err != nil && !errors.Is(err, sql.ErrNoRows) {
				return fmt.Errorf("move article %d: %w", id, err)
			}
			if prev == b.Moves[id] {
				continue
			}
			if _, err := upd.ExecContext(ctx, b.Moves[id], id); err != nil {
				return fmt.Errorf("move article %d: %w", id, err)
			}
			touched[prev] = true
			touched[b.Moves[id]] = true
		}
	}
	if err := commitAnalysis(ctx, tx, b.Analysis); err != nil {
		return err
	}
	delete(touched, 0)
	if err := refreshStories(ctx, tx, sortedKeys(touched)); err != nil {
		return err
	}
	if len(b.Threads) > 0 {
		upd, err := tx.PrepareContext(ctx, `UPDATE stories SET thread_id = ? WHERE id = ?`)
		if err != nil {
			return err
		}
		defer upd.Close()
		for _, sid := range sortedKeys(b.Threads) {
			if _, err := upd.ExecContext(ctx, b.Threads[sid], sid); err != nil {
				return fmt.Errorf("thread story %d: %w", sid, err)
			}
		}
	}
	for _, prefix := range b.ClearState {
		if _, err := tx.ExecContext(ctx, `DELETE FROM state WHERE name >= ? AND name < ?`, prefix, prefixEnd(prefix)); err != nil {
			return fmt.Errorf("clear state %s*: %w", prefix, err)
		}
	}
	for _, name := range sortedKeys(b.State) {
		data := b.State[name]
		var err error
		if data == nil {
			_, err = tx.ExecContext(ctx, `DELETE FROM state WHERE name = ?`, name)
		} else {
			_, err = tx.ExecContext(ctx, `INSERT INTO state(name, data) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET data = excluded.data`, name, data)
		}
		if err != nil {
			return fmt.Errorf("save state %s: %w", name, err)
		}
	}
	return nil
}

func commitAnalysis(ctx context.Context, tx *sql.Tx, as []model.Analysis) error {
	if len(as) == 0 {
		return nil
	}
	stmts := map[string]*sql.Stmt{}
	for name, q := range map[string]string{
		"delm": `DELETE FROM mentions WHERE article_id = ?`,
		"delq": `DELETE FROM quotes WHERE article_id = ?`,
		"dels": `DELETE FROM stances WHERE article_id = ?`,
		"m":    `INSERT INTO mentions(article_id, start, end, text, type, role, key) VALUES (?,?,?,?,?,?,?)`,
		"q":    `INSERT INTO quotes(article_id, start, end, text, kind, speaker, speaker_mention, cue) VALUES (?,?,?,?,?,?,?,?)`,
		"s":    `INSERT INTO stances(article_id, start, end, holder, stance, qualifier, text, proposition) VALUES (?,?,?,?,?,?,?,?)`,
	} {
		st, err := tx.PrepareContext(ctx, q)
		if err != nil {
			return err
		}
		defer st.Close()
		stmts[name] = st
	}
	for _, a := range as {
		for _, d := range []string{"delm", "delq", "dels"} {
			if _, err := stmts[d].ExecContext(ctx, a.ArticleID); err != nil {
				return fmt.Errorf("clear analysis of article %d: %w", a.ArticleID, err)
			}
		}
		for _, m := range a.Mentions {
			if _, err := stmts["m"].ExecContext(ctx, a.ArticleID, m.Start, m.End, m.Text, string(m.Type), m.Role, m.Key); err != nil {
				return fmt.Errorf("store mention of article %d: %w", a.ArticleID, err)
			}
		}
		for _, q := range a.Quotes {
			if _, err := stmts["q"].ExecContext(ctx, a.ArticleID, q.Start, q.End, q.Text, string(q.Kind), q.Speaker, q.SpeakerMention, q.Cue); err != nil {
				return fmt.Errorf("store quote of article %d: %w", a.ArticleID, err)
			}
		}
		for _, s := range a.Stances {
			if _, err := stmts["s"].ExecContext(ctx, a.ArticleID, s.Start, s.End, s.Holder, string(s.Stance), s.Qualifier, s.Text, s.Proposition); err != nil {
				return fmt.Errorf("store stance of article %d: %w", a.ArticleID, err)
			}
		}
	}
	return nil
}

// refreshStories recomputes the summary rows of the given stories from their
// articles, deleting stories left empty.
func refreshStories(ctx context.Context, tx *sql.Tx, ids []int64) error {
	for _, c := range chunks(len(ids), 400) {
		part := ids[c[0]:c[1]]
		args := make([]any, len(part))
		for i, id := range part {
			args[i] = id
		}
		type agg struct {
			n            int
			first, last  string
			outlets      map[string]bool
			headline     string
			headlineRank int
		}
		aggs := map[int64]*agg{}
		rows, err := tx.QueryContext(ctx, `SELECT story_id, title, substr(body, 1, 400), outlet, published, duplicate_of FROM articles WHERE story_id IN (`+placeholders(len(part))+`) ORDER BY id`, args...)
		if err != nil {
			return fmt.Errorf("refresh stories: %w", err)
		}
		for rows.Next() {
			var sid, dup int64
			var title, body, outlet, pub string
			if err := rows.Scan(&sid, &title, &body, &outlet, &pub, &dup); err != nil {
				rows.Close()
				return fmt.Errorf("refresh stories: %w", err)
			}
			g := aggs[sid]
			if g == nil {
				g = &agg{outlets: map[string]bool{}, headlineRank: 99}
				aggs[sid] = g
			}
			g.n++
			if outlet != "" {
				g.outlets[outlet] = true
			}
			if pub != "" {
				if g.first == "" || pub < g.first {
					g.first = pub
				}
				if pub > g.last {
					g.last = pub
				}
			}
			// Headline: an original's title beats a copy's, a title beats
			// a lede.
			rank, h := 3, firstSentence(body)
			if title != "" {
				rank, h = 1, title
			}
			if dup != 0 {
				rank++
			}
			if rank < g.headlineRank && h != "" {
				g.headline, g.headlineRank = h, rank
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("refresh stories: %w", err)
		}
		for _, id := range part {
			g := aggs[id]
			if g == nil {
				if _, err := tx.ExecContext(ctx, `DELETE FROM stories WHERE id = ?`, id); err != nil {
					return fmt.Errorf("refresh story %d: %w", id, err)
				}
				continue
			}
			outlets := sortedKeys(g.outlets)
			ob, _ := json.Marshal(outlets)
			if _, err := tx.ExecContext(ctx, `INSERT INTO stories(id, headline, articles, outlets, first, last) VALUES (?,?,?,?,?,?)
				ON CONFLICT(id) DO UPDATE SET headline = excluded.headline, articles = excluded.articles, outlets = excluded.outlets, first = excluded.first, last = excluded.last`,
				id, g.headline, g.n, string(ob), g.first, g.last); err != nil {
				return fmt.Errorf("refresh story %d: %w", id, err)
			}
		}
	}
	return nil
}

// ReadState implements storage.Store.
func (s *Store) ReadState(ctx context.Context, name string, fn func(data []byte) error) (bool, error) {
	found := false
	err := s.eachState(ctx, `SELECT name, data FROM state WHERE name = ?`, []any{name}, func(_ string, data []byte) error {
		found = true
		return fn(data)
	})
	if err != nil {
		return found, fmt.Errorf("load state %s: %w", name, err)
	}
	return found, nil
}

// ReadStates implements storage.Store.
func (s *Store) ReadStates(ctx context.Context, prefix string, fn func(name string, data []byte) error) error {
	if err := s.eachState(ctx, `SELECT name, data FROM state WHERE name >= ? AND name < ? ORDER BY name`, []any{prefix, prefixEnd(prefix)}, fn); err != nil {
		return fmt.Errorf("load states %s*: %w", prefix, err)
	}
	return nil
}

// eachState calls fn with each (name, data) row of query. The data is the
// driver's copy (sql.RawBytes), handed to fn without copying it again:
// state blobs can be hundreds of megabytes.
func (s *Store) eachState(ctx context.Context, query string, args []any, fn func(name string, data []byte) error) error {
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var name string
		var b sql.RawBytes
		if err := rows.Scan(&name, &b); err != nil {
			return err
		}
		if err := fn(name, b); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	return rows.Close()
}

// prefixEnd returns the least string above every string with prefix p, for
// a range scan of the primary key ("" when there is none).
func prefixEnd(p string) string {
	b := []byte(p)
	for i := len(b) - 1; i >= 0; i-- {
		if b[i] < 0xff {
			b[i]++
			return string(b[:i+1])
		}
	}
	return "\xff\xff\xff\xff"
}

const storyCols = `id, headline, thread_id, articles, outlets, first, last`

func scanStory(sc interface{ Scan(...any) error }) (model.Story, error) {
	var st model.Story
	var outlets, first, last string
	if err := sc.Scan(&st.ID, &st.Headline, &st.ThreadID, &st.Articles, &outlets, &first, &last); err != nil {
		return st, err
	}
	if err := json.Unmarshal([]byte(outlets), &st.Outlets); err != nil {
		return st, fmt.Errorf("story %d outlets: %w", st.ID, err)
	}
	st.First, st.Last = parseTime(first), parseTime(last)
	return st, nil
}

// Stories implements storage.Store.
func (s *Store) Stories(ctx context.Context, f storage.StoryFilter) ([]model.Story, error) {
	q := `SELECT ` + storyCols + ` FROM stories WHERE articles >= ? ORDER BY articles DESC, id`
	args := []any{f.MinArticles}
	if f.Limit > 0 {
		q += ` LIMIT ?`
		args = append(args, f.Limit)
	}
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("list stories: %w", err)
	}
	defer rows.Close()
	var out []model.Story
	for rows.Next() {
		st, err := scanStory(rows)
		if err != nil {
			return nil, fmt.Errorf("list stories: %w", err)
		}
		out = append(out, st)
	}
	return out, rows.Err()
}

// Story implements storage.Store.
func (s *Store) Story(ctx context.Context, id int64) (model.Story, error) {
	st, err := scanStory(s.db.QueryRowContext(ctx, `SELECT `+storyCols+` FROM stories WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return st, fmt.Errorf("story %d: %w", id, storage.ErrNotFound)
	}
	if err != nil {
		return st, fmt.Errorf("story %d: %w", id, err)
	}
	return st, nil
}

// Threads implements storage.Store.
func (s *Store) Threads(ctx context.Context) ([]model.Thread, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+storyCols+` FROM stories WHERE thread_id != 0 ORDER BY thread_id, first, id`)
	if err != nil {
		return nil, fmt.Errorf("list threads: %w", err)
	}
	defer rows.Close()
	byID := map[int64]*model.Thread{}
	var order []int64
	for rows.Next() {
		st, err := scanStory(rows)
		if err != nil {
			return nil, fmt.Errorf("list threads: %w", err)
		}
		t := byID[st.ThreadID]
		if t == nil {
			t = &model.Thread{ID: st.ThreadID, Title: st.Headline}
			byID[st.ThreadID] = t
			order = append(order, st.ThreadID)
		}
		t.StoryIDs = append(t.StoryIDs, st.ID)
		if !st.First.IsZero() && (t.First.IsZero() || st.First.Before(t.First)) {
			t.First = st.First
		}
		if st.Last.After(t.Last) {
			t.Last = st.Last
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list threads: %w", err)
	}
	out := make([]model.Thread, 0, len(order))
	for _, id := range order {
		out = append(out, *byID[id])
	}
	sort.SliceStable(out, func(i, j int) bool { return len(out[i].StoryIDs) > len(out[j].StoryIDs) })
	return out, nil
}

// Articles implements storage.Store.
func (s *Store) Articles(ctx context.Context, f storage.ArticleFilter, fn func(*model.Article) error) error {
	q := `SELECT id, external_id, hash, title, body, url, outlet, author, language, published, source, meta, story_id, duplicate_of FROM articles WHERE id > ?`
	args := []any{f.AfterID}
	if f.StoryID != 0 {
		q += ` AND story_id = ?`
		args = append(args, f.StoryID)
	}
	rows, err := s.db.QueryContext(ctx, q+` ORDER BY id`, args...)
	if err != nil {
		return fmt.Errorf("read articles: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var a model.Article
		var pub, meta string
		if err := rows.Scan(&a.ID, &a.ExternalID, &a.Hash, &a.Title, &a.Text, &a.URL, &a.Outlet, &a.Author, &a.Language, &pub, &a.Source, &meta, &a.StoryID, &a.DuplicateOf); err != nil {
			return fmt.Errorf("read articles: %w", err)
		}
		a.Published = parseTime(pub)
		if meta != "" {
			if err := json.Unmarshal([]byte(meta), &a.Meta); err != nil {
				return fmt.Errorf("article %s meta: %w", a.ExternalID, err)
			}
		}
		if err := fn(&a); err != nil {
			return err
		}
	}
	return rows.Err()
}

// Counts implements storage.Store.
func (s *Store) Counts(ctx context.Context) (storage.Counts, error) {
	var c storage.Counts
	err := s.db.QueryRowContext(ctx, `SELECT
		(SELECT COUNT(*) FROM articles),
		(SELECT COUNT(*) FROM articles WHERE duplicate_of != 0),
		(SELECT COUNT(*) FROM stories),
		(SELECT COUNT(DISTINCT thread_id) FROM stories WHERE thread_id != 0)`).Scan(&c.Articles, &c.Duplicates, &c.Stories, &c.Threads)
	if err != nil {
		return c, fmt.Errorf("count: %w", err)
	}
	return c, nil
}

func formatTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

func parseTime(s string) time.Time {
	if s == "" {
		return time.Time{}
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return time.Time{}
	}
	return t
}

func firstSentence(body string) string {
	line, _, _ := strings.Cut(body, "\n")
	if i := strings.Index(line, ". "); i > 0 {
		line = line[:i+1]
	}
	if r := []rune(line); len(r) > 120 {
		line = string(r[:117]) + "…"
	}
	return line
}

func placeholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?,", n), ",")
}

func chunks(n, size int) [][2]int {
	var out [][2]int
	for i := 0; i < n; i += size {
		out = append(out, [2]int{i, min(i+size, n)})
	}
	return out
}

func sortedKeys[K cmp.Ordered, V any](m map[K]V) []K {
	return slices.Sorted(maps.Keys(m))
}
