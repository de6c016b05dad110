package postgres

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"slices"

	"github.com/jackc/pgx/v5"

	"github.com/parallax-news/parallax/internal/model"
	"github.com/parallax-news/parallax/internal/storage"
)

// Commit implements storage.Writer: one transaction per batch, new rows
// sent with COPY and changes to stored rows as array-valued statements,
// while other connections store the search vectors of the batch's new
// articles and their quotes (see indexNew).
func (s *Store) Commit(ctx context.Context, b *storage.Batch) error {
	if err := s.writable(); err != nil {
		return err
	}
	if err := s.lock.check(ctx); err != nil {
		return fmt.Errorf("commit batch: %w", err)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	fresh := make(map[int64]bool, len(b.Articles))
	for _, a := range b.Articles {
		fresh[a.ID] = true
	}
	var freshAnalyses []storage.Analysis
	for _, a := range b.Analysis {
		if fresh[a.ArticleID] {
			freshAnalyses = append(freshAnalyses, a)
		}
	}
	indexed := indexNew(ctx, s.pool, b.Articles, freshAnalyses, s.localVectors)
	// A failed batch stops the indexing and waits for it to end, so that
	// it holds no connection once Commit returns.
	defer func() { cancel(); indexed() }()
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return fmt.Errorf("commit batch: %w", err)
	}
	defer tx.Rollback(ctx)
	if err := commit(ctx, tx, b, fresh, s.localVectors); err != nil {
		return fmt.Errorf("commit batch: %w", err)
	}
	if err := indexed(); err != nil {
		return fmt.Errorf("commit batch: %w", err)
	}
	if err := tx.Commit(ctx); err != nil {
		return fmt.Errorf("commit batch: %w", err)
	}
	return nil
}

// commit stores b in tx; fresh holds the ids of its new articles, local
// says whether search vectors may be computed here (see localVector).
func commit(ctx context.Context, tx pgx.Tx, b *storage.Batch, fresh map[int64]bool, local bool) error {
	touched := map[int64]bool{}
	if err := insertArticles(ctx, tx, b.Articles, touched); err != nil {
		return err
	}
	if err := insertBoilerplate(ctx, tx, b.Articles); err != nil {
		return err
	}
	if err := updateArticles(ctx, tx, b.Updates, touched, local); err != nil {
		return err
	}
	if err := replaceBoilerplate(ctx, tx, b.Updates); err != nil {
		return err
	}
	if err := insertRaw(ctx, tx, b.Raw, fresh); err != nil {
		return err
	}
	if err := moveArticles(ctx, tx, b.Moves, touched); err != nil {
		return err
	}
	if err := markCopies(ctx, tx, b.Copies, touched); err != nil {
		return err
	}
	if err := commitAnalysis(ctx, tx, b.Analysis, fresh); err != nil {
		return err
	}
	delete(touched, 0)
	if err := refreshStories(ctx, tx, slices.Sorted(maps.Keys(touched))); err != nil {
		return err
	}
	if len(b.Threads) > 0 {
		ids := slices.Sorted(maps.Keys(b.Threads))
		threads := make([]int64, len(ids))
		for i, id := range ids {
			threads[i] = b.Threads[id]
		}
		if _, err := tx.Exec(ctx, `UPDATE stories s SET thread_id = v.t FROM unnest($1::bigint[], $2::bigint[]) AS v(id, t) WHERE s.id = v.id`, ids, threads); err != nil {
			return fmt.Errorf("thread stories: %w", err)
		}
	}
	if err := commitReadModel(ctx, tx, &b.ReadModel, local); err != nil {
		return err
	}
	return commitState(ctx, tx, b)
}

// copyRows sends rows to table with COPY.
func copyRows(ctx context.Context, tx pgx.Tx, table string, cols []string, rows [][]any) error {
	if len(rows) == 0 {
		return nil
	}
	if _, err := tx.CopyFrom(ctx, pgx.Identifier{table}, cols, pgx.CopyFromRows(rows)); err != nil {
		return fmt.Errorf("store %s: %w", table, err)
	}
	return nil
}

func insertArticles(ctx context.Context, tx pgx.Tx, arts []*model.Article, touched map[int64]bool) error {
	rows := make([][]any, 0, len(arts))
	for _, a := range arts {
		meta := ""
		if len(a.Meta) > 0 {
			m, err := json.Marshal(a.Meta)
			if err != nil {
				return fmt.Errorf("article %s: meta: %w", a.ExternalID, err)
			}
			meta = string(m)
		}
		rows = append(rows, []any{a.ID, a.ExternalID, a.Hash, a.Title, a.Text, a.URL, a.Outlet, a.Author, a.Language,
			storage.FormatTime(a.Published), a.Source, meta, a.StoryID, a.DuplicateOf})
		if a.StoryID != 0 {
			touched[a.StoryID] = true
		}
	}
	return copyRows(ctx, tx, "articles", []string{"id", "external_id", "hash", "title", "body", "url", "outlet", "author", "language",
		"published", "source", "meta", "story_id", "duplicate_of"}, rows)
}

func moveArticles(ctx context.Context, tx pgx.Tx, moves map[int64]int64, touched map[int64]bool) error {
	if len(moves) == 0 {
		return nil
	}
	ids := slices.Sorted(maps.Keys(moves))
	rows, err := tx.Query(ctx, `SELECT id, story_id FROM articles WHERE id = ANY($1)`, ids)
	if err != nil {
		return fmt.Errorf("move articles: %w", err)
	}
	prev := map[int64]int64{}
	err = eachRow(rows, func() error {
		var id, story int64
		if err := rows.Scan(&id, &story); err != nil {
			return err
		}
		prev[id] = story
		return nil
	})
	if err != nil {
		return fmt.Errorf("move articles: %w", err)
	}
	var movedIDs, to []int64
	for _, id := range ids {
		if prev[id] == moves[id] {
			continue
		}
		movedIDs = append(movedIDs, id)
		to = append(to, moves[id])
		touched[prev[id]] = true
		touched[moves[id]] = true
	}
	if len(movedIDs) == 0 {
		return nil
	}
	if _, err := tx.Exec(ctx, `UPDATE articles a SET story_id = v.s FROM unnest($1::bigint[], $2::bigint[]) AS v(id, s) WHERE a.id = v.id`, movedIDs, to); err != nil {
		return fmt.Errorf("move articles: %w", err)
	}
	return nil
}

// commitState clears the state prefixes of b, then deletes and stores its
// named blobs, many to a statement (see stateWriter); a stored row whose
// blob did not change is left as it is.
func commitState(ctx context.Context, tx pgx.Tx, b *storage.Batch) error {
	for _, prefix := range b.ClearState {
		q, args := `DELETE FROM state`, []any(nil)
		if hi, ok := prefixEnd(prefix); ok {
			q, args = `DELETE FROM state WHERE name >= $1 AND name < $2`, []any{prefix, hi}
		}
		if _, err := tx.Exec(ctx, q, args...); err != nil {
			return fmt.Errorf("clear state %s*: %w", prefix, err)
		}
	}
	w := stateWriter{ctx: ctx, tx: tx, fresh: b.NewState}
	for _, name := range slices.Sorted(maps.Keys(b.State)) {
		if err := w.add(name, b.State[name]); err != nil {
			return err
		}
	}
	if b.StateStream != nil {
		if err := b.StateStream(w.add); err != nil {
			return err
		}
	}
	return w.flush()
}

// stateBatchBytes bounds the blob bytes one statement of stateWriter sends.
const stateBatchBytes = 8 << 20

// stateWriter writes state blobs many to a statement (array parameters),
// holding at most about stateBatchBytes of them. Blobs named in fresh
// are new (see insertFresh).
type stateWriter struct {
	ctx         context.Context
	tx          pgx.Tx
	fresh       map[string]bool
	names, dels []string
	data        [][]byte
	// newNames and newData are the blobs of fresh names.
	newNames []string
	newData  [][]byte
	size     int
}

// add writes blob data under name (nil: deletes the name).
func (w *stateWriter) add(name string, data []byte) error {
	switch {
	case data == nil:
		w.dels = append(w.dels, name)
	case w.fresh[name]:
		w.newNames = append(w.newNames, name)
		w.newData = append(w.newData, data)
		w.size += len(data)
	default:
		w.names = append(w.names, name)
		w.data = append(w.data, data)
		w.size += len(data)
	}
	if w.size >= stateBatchBytes || len(w.names)+len(w.newNames)+len(w.dels) >= 4096 {
		return w.flush()
	}
	return nil
}

// upsertState stores state blobs given as arrays of names ($1) and blobs
// ($2), leaving a stored row whose blob did not change as it is.
const upsertState = `INSERT INTO state(name, data) SELECT * FROM unnest($1::text[], $2::bytea[]) ON CONFLICT (name) DO UPDATE SET data = excluded.data WHERE state.data IS DISTINCT FROM excluded.data`

// flush writes what add collected.
func (w *stateWriter) flush() error {
	var stmts []stmt
	if len(w.dels) > 0 {
		stmts = append(stmts, stmt{`DELETE FROM state WHERE name = ANY($1)`, []any{w.dels}, "save state"})
	}
	if len(w.names) > 0 {
		stmts = append(stmts, stmt{upsertState, []any{w.names, w.data}, "save state"})
	}
	if err := execAll(w.ctx, w.tx, stmts...); err != nil {
		return err
	}
	if len(w.newNames) > 0 {
		err := copyFreshPairs(w.ctx, w.tx, "state", [2]string{"name", "data"}, w.newNames, w.newData, upsertState)
		if err != nil {
			return fmt.Errorf("save state: %w", err)
		}
	}
	clear(w.data)
	clear(w.newData)
	w.names, w.dels, w.data, w.size = w.names[:0], w.dels[:0], w.data[:0], 0
	w.newNames, w.newData = w.newNames[:0], w.newData[:0]
	return nil
}

// commitAnalysis replaces the stored analysis of the articles of as, and
// the search vectors of the quotes of those that are not new (fresh; see
// indexNew for the others).
func commitAnalysis(ctx context.Context, tx pgx.Tx, as []storage.Analysis, fresh map[int64]bool) error {
	if len(as) == 0 {
		return nil
	}
	var stored []int64
	for _, a := range as {
		if !fresh[a.ArticleID] {
			stored = append(stored, a.ArticleID)
		}
	}
	// The batch's new articles have no analysis stored: only the stored
	// ones' is cleared.
	if err := clearMentions(ctx, tx, stored); err != nil {
		return err
	}
	if len(stored) > 0 {
		if err := execAll(ctx, tx,
			stmt{`DELETE FROM quotes WHERE article_id = ANY($1)`, []any{stored}, "clear analysis"},
			stmt{`DELETE FROM stances WHERE article_id = ANY($1)`, []any{stored}, "clear analysis"}); err != nil {
			return err
		}
	}
	at := func(spans []model.Span, i int) model.Span {
		if i < len(spans) {
			return spans[i]
		}
		return model.Span{}
	}
	key := func(keys []string, i int) string {
		if i < len(keys) {
			return keys[i]
		}
		return ""
	}
	var ms mentionRows
	var qs, ss [][]any
	for _, a := range as {
		id := a.ArticleID
		ms.add(id, a.Mentions)
		for i, q := range a.Quotes {
			c := at(a.QuoteChars, i)
			qs = append(qs, []any{id, i, q.Start, q.End, c.Start, c.End, q.Text, string(q.Kind), q.Speaker, q.SpeakerMention, q.Cue, key(a.SpeakerKeys, i)})
		}
		for i, st := range a.Stances {
			c := at(a.StanceChars, i)
			ss = append(ss, []any{id, i, st.Start, st.End, c.Start, c.End, st.Holder, string(st.Stance), st.Qualifier, st.Text, st.Proposition, key(a.HolderKeys, i)})
		}
	}
	if err := ms.store(ctx, tx); err != nil {
		return err
	}
	if err := copyRows(ctx, tx, "quotes", []string{"article_id", "seq", "start_at", "end_at", "char_start", "char_end", "text", "kind", "speaker", "speaker_mention", "cue", "speaker_key"}, qs); err != nil {
		return err
	}
	if err := indexStoredQuotes(ctx, tx, stored); err != nil {
		return err
	}
	return copyRows(ctx, tx, "stances", []string{"article_id", "seq", "start_at", "end_at", "char_start", "char_end", "holder", "stance", "qualifier", "text", "proposition", "holder_key"}, ss)
}

// refreshStories recomputes the summary rows of the given stories from
// their articles, deleting stories left empty.
func refreshStories(ctx context.Context, tx pgx.Tx, ids []int64) error {
	if len(ids) == 0 {
		return nil
	}
	rows, err := tx.Query(ctx, `SELECT story_id, title, left(body, $2), outlet, published, duplicate_of FROM articles WHERE story_id = ANY($1) ORDER BY id`, ids, storage.LeadChars)
	if err != nil {
		return fmt.Errorf("refresh stories: %w", err)
	}
	aggs := map[int64]*storage.StorySummary{}
	err = eachRow(rows, func() error {
		var sid, dup int64
		var title, lead, outlet, pub string
		if err := rows.Scan(&sid, &title, &lead, &outlet, &pub, &dup); err != nil {
			return err
		}
		g := aggs[sid]
		if g == nil {
			g = &storage.StorySummary{}
			aggs[sid] = g
		}
		g.Add(title, lead, outlet, pub, dup != 0)
		return nil
	})
	if err != nil {
		return fmt.Errorf("refresh stories: %w", err)
	}
	var gone, keep, counts []int64
	var heads, outlets, firsts, lasts []string
	for _, id := range ids {
		g := aggs[id]
		if g == nil {
			gone = append(gone, id)
			continue
		}
		ob, err := json.Marshal(g.Outlets())
		if err != nil {
			return fmt.Errorf("refresh story %d: %w", id, err)
		}
		keep = append(keep, id)
		heads = append(heads, g.Headline())
		counts = append(counts, int64(g.Articles))
		outlets = append(outlets, string(ob))
		firsts = append(firsts, g.First)
		lasts = append(lasts, g.Last)
	}
	var stmts []stmt
	if len(gone) > 0 {
		stmts = append(stmts, stmt{`DELETE FROM stories WHERE id = ANY($1)`, []any{gone}, "refresh stories"})
	}
	if len(keep) > 0 {
		stmts = append(stmts, stmt{`INSERT INTO stories(id, headline, articles, outlets, first, last)
			SELECT * FROM unnest($1::bigint[], $2::text[], $3::int[], $4::text[], $5::text[], $6::text[])
			ON CONFLICT (id) DO UPDATE SET headline = excluded.headline, articles = excluded.articles, outlets = excluded.outlets, first = excluded.first, last = excluded.last`,
			[]any{keep, heads, counts, outlets, firsts, lasts}, "refresh stories"})
	}
	return execAll(ctx, tx, stmts...)
}
