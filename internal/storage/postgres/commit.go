package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/parallax-news/parallax/internal/model"
	"github.com/parallax-news/parallax/internal/storage"
)

// Commit implements storage.Writer: one transaction per batch, its
// statements sent together (see sendQueue) in two round trips, three when
// the batch changes stored articles, while other connections store the
// search vectors of the batch's new articles and their quotes (see
// indexNew) and the writer lock is checked on its own.
//
// Rows the writer says are new are stored with plain inserts (see
// fresh.go); when one is stored after all, the transaction is rolled back
// and the batch committed again with upserts.
func (s *Store) Commit(ctx context.Context, b *storage.Batch) error {
	if err := s.writable(); err != nil {
		return err
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	// Nothing is committed before the lock was found held: the check
	// runs while the batch is sent, and the commit waits for it.
	locked := s.lock.checkAsync(ctx)
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
	defer func() { cancel(); indexed(); locked() }()
	ready := func() error {
		if err := locked(); err != nil {
			return err
		}
		return indexed()
	}
	err := s.commitTx(ctx, b, fresh, true, ready)
	if errors.Is(err, errStaleHint) {
		err = s.commitTx(ctx, b, fresh, false, ready)
	}
	if err != nil {
		// A lost lock says more than what failed after it was lost.
		if lerr := locked(); lerr != nil {
			err = lerr
		}
		return fmt.Errorf("commit batch: %w", err)
	}
	return nil
}

// commitTx stores b in one transaction on a connection of the pool;
// fresh holds the ids of its new articles; with hints, the rows the
// writer says are new are inserted without looking for stored ones. ready
// is waited for before the transaction commits.
func (s *Store) commitTx(ctx context.Context, b *storage.Batch, fresh map[int64]bool, hints bool, ready func() error) error {
	pc, err := s.pool.Acquire(ctx)
	if err != nil {
		return err
	}
	defer pc.Release()
	conn := pc.Conn()
	committed := false
	defer func() {
		if !committed && !conn.IsClosed() && conn.PgConn().TxStatus() != 'I' {
			rctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
			defer cancel()
			conn.Exec(rctx, "ROLLBACK")
		}
	}()
	var updated searchParts
	if len(b.Updates) > 0 {
		// The search vectors of changed articles are computed outside
		// the transaction, which they do not depend on.
		if updated, err = searchArgs(ctx, s.pool, b.Updates, s.localVectors); err != nil {
			return err
		}
	}
	q := &sendQueue{ctx: ctx, conn: conn}
	q.add("begin", "BEGIN")
	w := batchWriter{q: q, b: b, fresh: fresh, hints: hints, local: s.localVectors, touched: map[int64]bool{}, updated: updated}
	if err := w.write(ready); err != nil {
		return err
	}
	committed = true
	return nil
}

// batchWriter queues the statements that store a batch.
type batchWriter struct {
	q     *sendQueue
	b     *storage.Batch
	fresh map[int64]bool // the batch's new articles
	hints bool           // rows said to be new are inserted as new
	local bool           // search vectors may be computed here
	// touched are the stories whose summaries change.
	touched map[int64]bool
	// updated are the search vectors of the changed articles.
	updated searchParts
}

// write queues and sends the whole batch, the transaction's commit
// last, once ready returned nil.
func (w *batchWriter) write(ready func() error) error {
	b := w.b
	if err := w.insertArticles(); err != nil {
		return err
	}
	if err := insertBoilerplate(w.q, b.Articles); err != nil {
		return err
	}
	w.updateArticles()
	if err := replaceBoilerplate(w.q, b.Updates); err != nil {
		return err
	}
	if err := insertRaw(w.q, b.Raw, w.fresh); err != nil {
		return err
	}
	w.moveArticles()
	w.markCopies()
	// The claims replaced are cleared before the analysis is stored, so
	// that the batch's stances are inserted with their claims instead of
	// inserted, then updated (a row written twice).
	clearClaims(w.q, &b.ReadModel)
	if err := commitAnalysis(w.q, b.Analysis, w.fresh, stanceClaims(b.ReadModel.Claims)); err != nil {
		return err
	}
	if err := commitReadModel(w.q, &b.ReadModel, w.local, w.hints, analysed(b.Analysis)); err != nil {
		return err
	}
	sw := stateWriter{q: w.q}
	if w.hints {
		sw.fresh = b.NewState
	}
	if err := sw.write(b); err != nil {
		return err
	}
	if err := sw.finish(); err != nil {
		return err
	}
	// The statements that say which stored articles changed stories
	// answer before the stories' summaries are read.
	if len(b.Updates)+len(b.Moves)+len(b.Copies) > 0 {
		if err := w.q.send(); err != nil {
			return err
		}
	}
	delete(w.touched, 0)
	sums := storySums{}
	ids := slices.Sorted(maps.Keys(w.touched))
	if len(ids) > 0 {
		w.q.addRows("refresh stories", sums.scan, storySummaries, ids, storage.LeadChars)
	}
	if err := w.q.sendLast(); err != nil {
		return err
	}
	// What is left depends on what was read, or is written after the
	// rows above: the stories' summaries and threads, the state too
	// large to hold at once, and the commit.
	if err := sums.queueWrites(w.q, ids); err != nil {
		return err
	}
	if len(b.Threads) > 0 {
		ids := slices.Sorted(maps.Keys(b.Threads))
		threads := make([]int64, len(ids))
		for i, id := range ids {
			threads[i] = b.Threads[id]
		}
		w.q.add("thread stories", `UPDATE stories s SET thread_id = v.t FROM unnest($1::bigint[], $2::bigint[]) AS v(id, t) WHERE s.id = v.id`, ids, threads)
	}
	if b.StateStream != nil {
		if err := b.StateStream(sw.add); err != nil {
			return err
		}
		sw.flush()
		if err := sw.finish(); err != nil {
			return err
		}
	}
	if err := ready(); err != nil {
		return err
	}
	w.q.addTag("commit", func(tag pgconn.CommandTag) error {
		if tag.String() != "COMMIT" {
			return fmt.Errorf("the server answered %s", tag)
		}
		return nil
	}, "COMMIT")
	return w.q.send()
}

// articlesTable holds the articles.
var articlesTable = newTable("articles",
	[]string{"id", "external_id", "hash", "title", "body", "url", "outlet", "author", "language", "published", "source", "meta", "story_id", "duplicate_of"},
	[]string{"bigint", "text", "text", "text", "text", "text", "text", "text", "text", "text", "text", "text", "bigint", "bigint"})

func (w *batchWriter) insertArticles() error {
	arts := w.b.Articles
	if len(arts) == 0 {
		return nil
	}
	n := len(arts)
	ids, stories, dups := make([]int64, n), make([]int64, n), make([]int64, n)
	ext, hash, title, body, url, outlet, author, lang, pub, src, meta := make([]string, n), make([]string, n), make([]string, n), make([]string, n),
		make([]string, n), make([]string, n), make([]string, n), make([]string, n), make([]string, n), make([]string, n), make([]string, n)
	for i, a := range arts {
		if len(a.Meta) > 0 {
			m, err := json.Marshal(a.Meta)
			if err != nil {
				return fmt.Errorf("article %s: meta: %w", a.ExternalID, err)
			}
			meta[i] = string(m)
		}
		ids[i], ext[i], hash[i], title[i], body[i], url[i], outlet[i], author[i], lang[i] = a.ID, a.ExternalID, a.Hash, a.Title, a.Text, a.URL, a.Outlet, a.Author, a.Language
		pub[i], src[i], stories[i], dups[i] = storage.FormatTime(a.Published), a.Source, a.StoryID, a.DuplicateOf
		if a.StoryID != 0 {
			w.touched[a.StoryID] = true
		}
	}
	return w.q.insert("store articles", false, articlesTable, n, ids, ext, hash, title, body, url, outlet, author, lang, pub, src, meta, stories, dups)
}

// moveArticles queues the moves of stored articles to other stories; the
// stories they leave and join are touched once the queue was sent.
func (w *batchWriter) moveArticles() {
	moves := w.b.Moves
	if len(moves) == 0 {
		return
	}
	ids := slices.Sorted(maps.Keys(moves))
	to := make([]int64, len(ids))
	for i, id := range ids {
		to[i] = moves[id]
	}
	prev := map[int64]int64{}
	w.q.addRows("move articles", func(rows pgx.Rows) error {
		var id, story int64
		if err := rows.Scan(&id, &story); err != nil {
			return err
		}
		prev[id] = story
		return nil
	}, `SELECT id, story_id FROM articles WHERE id = ANY($1)`, ids)
	w.q.add("move articles", `UPDATE articles a SET story_id = v.s FROM unnest($1::bigint[], $2::bigint[]) AS v(id, s) WHERE a.id = v.id AND a.story_id != v.s`, ids, to)
	w.q.afterSend(func() error {
		for _, id := range ids {
			if prev[id] != moves[id] {
				w.touched[prev[id]] = true
				w.touched[moves[id]] = true
			}
		}
		return nil
	})
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

// stateSendBytes bounds the blob bytes of state a sendQueue holds: the
// queue is sent once it holds more.
const stateSendBytes = 8 << 20

// stateWriter queues the writes of state blobs, many to a statement
// (array parameters), sending the queue whenever it holds more than
// stateSendBytes of them. Blobs named in fresh are new (see fresh.go).
type stateWriter struct {
	q           *sendQueue
	fresh       map[string]bool
	names, dels []string
	data        [][]byte
	// newNames and newData are the blobs of fresh names.
	newNames []string
	newData  [][]byte
}

// write clears the state prefixes of b, then deletes and stores its named
// blobs (not those of b.StateStream); a stored row whose blob did not
// change is left as it is.
func (w *stateWriter) write(b *storage.Batch) error {
	for _, prefix := range b.ClearState {
		if hi, ok := prefixEnd(prefix); ok {
			w.q.add("clear state "+prefix+"*", `DELETE FROM state WHERE name >= $1 AND name < $2`, prefix, hi)
		} else {
			w.q.add("clear state", `DELETE FROM state`)
		}
	}
	for _, name := range slices.Sorted(maps.Keys(b.State)) {
		if err := w.add(name, b.State[name]); err != nil {
			return err
		}
	}
	w.flush()
	return nil
}

// add writes blob data under name (nil: deletes the name).
func (w *stateWriter) add(name string, data []byte) error {
	switch {
	case data == nil:
		w.dels = append(w.dels, name)
	case w.fresh[name]:
		// Blobs of b.State, held by the batch anyway: they are
		// stored together at the end (see finish).
		w.newNames = append(w.newNames, name)
		w.newData = append(w.newData, data)
	default:
		w.names = append(w.names, name)
		w.data = append(w.data, data)
		w.q.bytes += len(data)
	}
	if w.q.bytes >= stateSendBytes || len(w.names)+len(w.dels) >= 4096 {
		w.flush()
		if w.q.bytes >= stateSendBytes {
			return w.q.send()
		}
	}
	return nil
}

// upsertState stores state blobs given as arrays of names ($1) and blobs
// ($2), leaving a stored row whose blob did not change as it is.
const upsertState = `INSERT INTO state(name, data) SELECT * FROM unnest($1::text[], $2::bytea[]) ON CONFLICT (name) DO UPDATE SET data = excluded.data WHERE state.data IS DISTINCT FROM excluded.data`

// stateTable holds the state blobs.
var stateTable = newTable("state", []string{"name", "data"}, []string{"text", "bytea"})

// flush queues the statements of the deletes and upserts add collected.
func (w *stateWriter) flush() {
	if len(w.dels) > 0 {
		w.q.add("save state", `DELETE FROM state WHERE name = ANY($1)`, w.dels)
	}
	if len(w.names) > 0 {
		w.q.add("save state", upsertState, w.names, w.data)
	}
	// The queue holds the slices until it is sent: new ones are made.
	w.names, w.dels, w.data = nil, nil, nil
}

// finish stores the new blobs add collected, which no later statement
// reads or changes.
func (w *stateWriter) finish() error {
	err := w.q.insertLast("save state", true, stateTable, len(w.newNames), w.newNames, w.newData)
	w.newNames, w.newData = nil, nil
	return err
}

// quoteCols and stanceCols are the columns of the analysis rows of an
// article, and their types.
var (
	quoteCols     = []string{"article_id", "seq", "start_at", "end_at", "char_start", "char_end", "text", "kind", "speaker", "speaker_mention", "cue", "speaker_key"}
	stanceCols    = []string{"article_id", "seq", "start_at", "end_at", "char_start", "char_end", "holder", "stance", "qualifier", "text", "proposition", "holder_key"}
	analysisTypes = []string{"bigint", "int", "int", "int", "int", "int", "text", "text", "text", "text", "text", "text"}
	quotesTable   = newTable("quotes", quoteCols, analysisTypes)
	// stances are stored with their claim
	stancesTable = newTable("stances", slices.Concat(stanceCols, []string{"claim_id"}), slices.Concat(analysisTypes, []string{"bigint"}))
)

// stanceRef identifies a stance: its article and position.
type stanceRef struct{ article, seq int64 }

// stanceClaims returns the claim of each stance of cs; of a stance listed
// twice, the last.
func stanceClaims(cs []storage.ClaimGroup) map[stanceRef]int64 {
	m := map[stanceRef]int64{}
	for _, c := range cs {
		for _, r := range c.Stances {
			m[stanceRef{r.ArticleID, int64(r.Seq)}] = c.ID
		}
	}
	return m
}

// analysed returns the set of articles whose analysis as holds.
func analysed(as []storage.Analysis) map[int64]bool {
	m := make(map[int64]bool, len(as))
	for _, a := range as {
		m[a.ArticleID] = true
	}
	return m
}

// analysisRows holds rows of quotes or stances column by column.
type analysisRows struct {
	ids, seqs []int64
	ints      [4][]int64
	texts     [6][]string
}

// add adds one row: its article and position, the token span and
// character span, and six texts.
func (r *analysisRows) add(id int64, seq int, span, chars model.Span, texts [6]string) {
	r.ids = append(r.ids, id)
	r.seqs = append(r.seqs, int64(seq))
	for i, v := range []int{span.Start, span.End, chars.Start, chars.End} {
		r.ints[i] = append(r.ints[i], int64(v))
	}
	for i, t := range texts {
		r.texts[i] = append(r.texts[i], t)
	}
}

// args returns the rows column by column.
func (r *analysisRows) args() []any {
	return []any{r.ids, r.seqs, r.ints[0], r.ints[1], r.ints[2], r.ints[3], r.texts[0], r.texts[1], r.texts[2], r.texts[3], r.texts[4], r.texts[5]}
}

// commitAnalysis queues the replacement of the stored analysis of the
// articles of as, and of the search vectors of the quotes of those that
// are not new (fresh; see indexNew for the others). Their stances are
// stored with their claims in claimOf.
func commitAnalysis(q *sendQueue, as []storage.Analysis, fresh map[int64]bool, claimOf map[stanceRef]int64) error {
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
	if len(stored) > 0 {
		clearMentions(q, stored)
		q.add("clear analysis", `DELETE FROM quotes WHERE article_id = ANY($1)`, stored)
		q.add("clear analysis", `DELETE FROM stances WHERE article_id = ANY($1)`, stored)
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
	var qs, ss analysisRows
	var claims []int64
	for _, a := range as {
		id := a.ArticleID
		ms.add(id, a.Mentions)
		for i, qu := range a.Quotes {
			qs.add(id, i, qu.Span, at(a.QuoteChars, i), [6]string{qu.Text, string(qu.Kind), qu.Speaker, qu.SpeakerMention, qu.Cue, key(a.SpeakerKeys, i)})
		}
		for i, st := range a.Stances {
			ss.add(id, i, st.Span, at(a.StanceChars, i), [6]string{st.Holder, string(st.Stance), st.Qualifier, st.Text, st.Proposition, key(a.HolderKeys, i)})
			claims = append(claims, claimOf[stanceRef{id, int64(i)}])
		}
	}
	if err := ms.store(q); err != nil {
		return err
	}
	if err := q.insert("store quotes", false, quotesTable, len(qs.ids), qs.args()...); err != nil {
		return err
	}
	if len(stored) > 0 {
		for _, st := range storedQuoteVectors(stored) {
			q.add(st.what, st.sql, st.args...)
		}
	}
	return q.insert("store stances", false, stancesTable, len(ss.ids), append(ss.args(), claims)...)
}

// storySummaries reads the articles of the stories $1 for their
// summaries, the first $2 characters of their text.
const storySummaries = `SELECT story_id, title, left(body, $2), outlet, published, duplicate_of FROM articles WHERE story_id = ANY($1) ORDER BY id`

// storySums are the summaries of stories, made from the rows of
// storySummaries.
type storySums map[int64]*storage.StorySummary

// scan adds one row of storySummaries.
func (s storySums) scan(rows pgx.Rows) error {
	var sid, dup int64
	var title, lead, outlet, pub string
	if err := rows.Scan(&sid, &title, &lead, &outlet, &pub, &dup); err != nil {
		return err
	}
	g := s[sid]
	if g == nil {
		g = &storage.StorySummary{}
		s[sid] = g
	}
	g.Add(title, lead, outlet, pub, dup != 0)
	return nil
}

// writes returns the statements that store the summaries of the stories
// ids, deleting those left without articles.
func (s storySums) writes(ids []int64) ([]stmt, error) {
	var gone, keep, counts []int64
	var heads, outlets, firsts, lasts []string
	for _, id := range ids {
		g := s[id]
		if g == nil {
			gone = append(gone, id)
			continue
		}
		ob, err := json.Marshal(g.Outlets())
		if err != nil {
			return nil, fmt.Errorf("refresh story %d: %w", id, err)
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
	return stmts, nil
}

// queueWrites queues the statements of writes.
func (s storySums) queueWrites(q *sendQueue, ids []int64) error {
	stmts, err := s.writes(ids)
	if err != nil {
		return err
	}
	for _, st := range stmts {
		q.add(st.what, st.sql, st.args...)
	}
	return nil
}

// refreshStories recomputes the summary rows of the given stories from
// their articles, deleting stories left empty.
func refreshStories(ctx context.Context, tx pgx.Tx, ids []int64) error {
	if len(ids) == 0 {
		return nil
	}
	rows, err := tx.Query(ctx, storySummaries, ids, storage.LeadChars)
	if err != nil {
		return fmt.Errorf("refresh stories: %w", err)
	}
	sums := storySums{}
	if err := eachRow(rows, func() error { return sums.scan(rows) }); err != nil {
		return fmt.Errorf("refresh stories: %w", err)
	}
	stmts, err := sums.writes(ids)
	if err != nil {
		return err
	}
	return execAll(ctx, tx, stmts...)
}
