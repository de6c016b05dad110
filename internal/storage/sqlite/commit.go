package sqlite

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/codec"
	"github.com/parallax-news/parallax/internal/model"
	"github.com/parallax-news/parallax/internal/storage"
)

// Commit implements storage.Writer.
func (s *Store) Commit(ctx context.Context, b *storage.Batch) error {
	return s.CommitWhile(ctx, b, nil)
}

// CommitWhile implements storage.OverlappedWriter: the batch's articles
// are stored by another goroutine while complete runs (nil: none), and
// the rest of it once both are done. Complete's reads go through the
// reading connections, which see nothing of the open transaction.
func (s *Store) CommitWhile(ctx context.Context, b *storage.Batch, complete func() error) error {
	w, err := s.writer()
	if err != nil {
		return err
	}
	tx, err := w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("commit batch: %w", err)
	}
	defer tx.Rollback()
	touched, early := map[int64]bool{}, map[int64]bool{}
	// complete may set b.Analysis when it is empty: what is stored
	// meanwhile is what it holds now
	as := b.Analysis
	if complete == nil {
		err = commitArticles(ctx, tx, &s.wstmts, b, as, touched, early)
	} else {
		stored := make(chan error, 1)
		go func() { stored <- commitArticles(ctx, tx, &s.wstmts, b, as, touched, early) }()
		cerr := complete()
		err = <-stored
		if cerr != nil {
			return cerr
		}
	}
	if err != nil {
		return fmt.Errorf("commit batch: %w", err)
	}
	if err := commitRest(ctx, tx, &s.wstmts, b, touched, early); err != nil {
		return fmt.Errorf("commit batch: %w", err)
	}
	// every id the batch holds was reserved before it came here
	ids := s.ids.unsaved()
	if err := writeIDs(ctx, tx, ids); err != nil {
		return fmt.Errorf("commit batch: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit batch: %w", err)
	}
	s.ids.stored(ids)
	// the statements the batch prepared for itself, for the next ones
	s.wstmts.prepare(ctx, w)
	return nil
}

// commitArticles stores what a batch's read model does not depend on:
// its articles, updates, raw pages, moves and copies, noting the stories
// they touch, and what the analyses of as (b.Analysis, or part of it)
// hold of its new articles that no read model changes, noting those
// articles in early.
func commitArticles(ctx context.Context, tx *sql.Tx, c *stmtCache, b *storage.Batch, as []storage.Analysis, touched, early map[int64]bool) error {
	if err := insertArticles(ctx, tx, c, b.Articles, touched); err != nil {
		return err
	}
	if err := insertBoilerplate(ctx, tx, c, b.Articles); err != nil {
		return err
	}
	if err := updateArticles(ctx, tx, b.Updates, touched); err != nil {
		return err
	}
	if err := replaceBoilerplate(ctx, tx, b.Updates); err != nil {
		return err
	}
	if err := insertRaw(ctx, tx, b.Raw); err != nil {
		return err
	}
	if err := moveArticles(ctx, tx, b.Moves, touched); err != nil {
		return err
	}
	if err := markCopies(ctx, tx, b.Copies, touched); err != nil {
		return err
	}
	return commitNewAnalysis(ctx, tx, c, as, b.Articles, early)
}

// commitNewAnalysis stores the mention lists and keys of the analyses of
// as that are of articles of added (inserted by the same transaction:
// they have none to replace) and adds their quotes to the search index,
// in one statement in key order; it notes those articles in early.
// Articles with text that is not valid UTF-8, which JSON would not carry
// as it is, are left to commitAnalysis.
func commitNewAnalysis(ctx context.Context, tx *sql.Tx, c *stmtCache, as []storage.Analysis, added []*model.Article, early map[int64]bool) error {
	if len(as) == 0 {
		return nil
	}
	isNew := make(map[int64]bool, len(added))
	for _, a := range added {
		isNew[a.ID] = true
	}
	mw := newBulkWriter(ctx, tx, c, `INSERT OR FAIL INTO mention_lists(article_id, data)`, ``, 2)
	defer mw.close()
	kw := newBulkWriter(ctx, tx, c, `INSERT OR FAIL INTO mention_keys(key, article_id)`, ``, 2)
	defer kw.close()
	var quoted []*storage.Analysis
	var buf []byte
	size := 2 // of the quotes' JSON below
	for i := range as {
		a := &as[i]
		if !isNew[a.ArticleID] || !quotesValid(a.Quotes) {
			continue
		}
		early[a.ArticleID] = true
		if err := addMentions(mw, kw, a.ArticleID, a.Mentions, &buf); err != nil {
			return err
		}
		if len(a.Quotes) > 0 {
			quoted = append(quoted, a)
			for _, q := range a.Quotes {
				// brackets, commas, the key's digits, quotation marks
				// and a few escapes
				size += len(q.Text) + len(q.Speaker) + 32
			}
		}
	}
	for _, w := range []*rowWriter{mw, kw} {
		if err := w.flush(); err != nil {
			return fmt.Errorf("store mentions: %w", err)
		}
	}
	if len(quoted) == 0 {
		return nil
	}
	slices.SortFunc(quoted, func(x, y *storage.Analysis) int { return cmp.Compare(x.ArticleID, y.ArticleID) })
	// [[key, text, speaker], ...]
	j := append(make([]byte, 0, size), '[')
	marked := false
	for _, a := range quoted {
		for i, q := range a.Quotes {
			marked = marked || hasMarks(q.Text) || hasMarks(q.Speaker)
			if len(j) > 1 {
				j = append(j, ',')
			}
			j = append(j, '[')
			j = strconv.AppendInt(j, a.ArticleID*quoteKey+int64(i), 10)
			j = append(j, ',')
			j = codec.AppendJSONString(j, q.Text)
			j = append(j, ',')
			j = codec.AppendJSONString(j, q.Speaker)
			j = append(j, ']')
		}
	}
	j = append(j, ']')
	// without snippet marks, the index is given the texts as they are, as
	// indexArticleText does
	text, speaker := "j.value ->> 1", "j.value ->> 2"
	if marked {
		text, speaker = unmarked(text), unmarked(speaker)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO quotes_fts(rowid, text, speaker) SELECT j.value ->> 0, `+text+`, `+speaker+`
		FROM json_each($1) j ORDER BY j.key`, string(j)); err != nil {
		return fmt.Errorf("index quotes: %w", err)
	}
	return nil
}

// quotesValid reports whether the quotes' texts and speakers are valid
// UTF-8 without NUL characters, which JSON carries to SQLite as they are.
func quotesValid(qs []model.Quote) bool {
	for _, q := range qs {
		for _, s := range [...]string{q.Text, q.Speaker} {
			if !utf8.ValidString(s) || strings.IndexByte(s, 0) >= 0 {
				return false
			}
		}
	}
	return true
}

// addMentions adds an article's mention list and its distinct keys to the
// writers of those rows. The list is encoded in *buf, kept for the next
// article's: only the row's text is allocated, at its size, instead of
// a buffer grown by doubling for each article.
func addMentions(mw, kw *rowWriter, id int64, ms []model.Mention, buf *[]byte) error {
	if len(ms) == 0 {
		return nil
	}
	*buf = storage.AppendMentionList((*buf)[:0], ms)
	if err := mw.add(id, string(*buf)); err != nil {
		return fmt.Errorf("store mentions: %w", err)
	}
	for _, k := range storage.MentionKeys(ms) {
		if err := kw.add(k, id); err != nil {
			return fmt.Errorf("store mentions: %w", err)
		}
	}
	return nil
}

// commitRest stores the rest of a batch after commitArticles: its
// analysis, the stories' summaries, threads, read model and state.
func commitRest(ctx context.Context, tx *sql.Tx, c *stmtCache, b *storage.Batch, touched, early map[int64]bool) error {
	// The claims replaced are cleared before the analysis is stored, so
	// that the batch's stances are inserted with their claims.
	if err := clearClaims(ctx, tx, &b.ReadModel); err != nil {
		return err
	}
	if err := commitAnalysis(ctx, tx, c, b.Analysis, stanceClaims(b.ReadModel.Claims), b.Articles, early); err != nil {
		return err
	}
	delete(touched, 0)
	if err := refreshStories(ctx, tx, c, sortedKeys(touched)); err != nil {
		return err
	}
	if len(b.Threads) > 0 {
		upd, err := tx.PrepareContext(ctx, `UPDATE stories SET thread_id = $1 WHERE id = $2`)
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
	if err := commitReadModel(ctx, tx, c, &b.ReadModel, analysed(b.Analysis)); err != nil {
		return err
	}
	return commitState(ctx, tx, c, b)
}

func insertArticles(ctx context.Context, tx *sql.Tx, c *stmtCache, arts []*model.Article, touched map[int64]bool) error {
	if len(arts) == 0 {
		return nil
	}
	now := time.Now().UTC().Format(time.RFC3339)
	// many rows a statement: besides the calls saved, every statement
	// after the first of a transaction that writes a full-text index
	// flushes the index's pending terms into a new segment (which later
	// merges cost), so one statement an article made a segment an article.
	// Hundreds of rows a statement (a bulk writer), not 60: a statement of
	// several rows that sets the rowid keeps a statement journal even with
	// OR FAIL, a copy of every page it changes that held rows before it,
	// and the rows of a statement land on the same index pages (the hash
	// index's most of all), each copied once a statement.
	ins := newBulkWriter(ctx, tx, c, `INSERT OR FAIL INTO articles(id, external_id, hash, title, body, url, outlet, author, language, published, source, meta, story_id, duplicate_of, ingested_at)`, ``, 15)
	defer ins.close()
	for _, a := range arts {
		meta := ""
		if len(a.Meta) > 0 {
			m, err := json.Marshal(a.Meta)
			if err != nil {
				return fmt.Errorf("article %s: meta: %w", a.ExternalID, err)
			}
			meta = string(m)
		}
		if err := ins.add(a.ID, a.ExternalID, a.Hash, a.Title, a.Text, a.URL, a.Outlet, a.Author, a.Language,
			storage.FormatTime(a.Published), a.Source, meta, a.StoryID, a.DuplicateOf, now); err != nil {
			return fmt.Errorf("insert articles (through %s): %w", a.ExternalID, err)
		}
		if a.StoryID != 0 {
			touched[a.StoryID] = true
		}
	}
	if err := ins.flush(); err != nil {
		return fmt.Errorf("insert articles: %w", err)
	}
	ids := make([]int64, len(arts))
	marked := false
	for i, a := range arts {
		ids[i] = a.ID
		marked = marked || hasMarks(a.Title) || hasMarks(a.Text)
	}
	return indexArticleText(ctx, tx, ids, marked)
}

// indexArticles adds the stored articles of ids to the search index, in
// one statement and in the order of their ids: the index writes its
// pending terms to disk at the start of every later statement of the
// transaction that may be rolled back alone, and when a row's id is below
// the one before it, so a statement an article (as a trigger would run
// within the statements of a batch's inserts) made a segment of a few
// articles each time, and the index spent more on merging them than on
// indexing.
func indexArticles(ctx context.Context, tx *sql.Tx, ids []int64) error {
	return indexArticleText(ctx, tx, ids, true)
}

// indexArticleText is indexArticles told whether any of the articles
// holds a snippet mark: when none does, the index is given their title
// and text as stored, which is what removing the marks would give, and
// SQLite copies no text (removing the marks copied every body twice in
// the serial commit).
func indexArticleText(ctx context.Context, tx *sql.Tx, ids []int64, marked bool) error {
	if len(ids) == 0 {
		return nil
	}
	title, body := "title", "body"
	if marked {
		title, body = unmarked(title), unmarked(body)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO articles_fts(rowid, title, body) SELECT id, `+title+`, `+body+`
		FROM articles WHERE id IN (SELECT value FROM json_each($1)) ORDER BY id`, sortedList(ids)); err != nil {
		return fmt.Errorf("index articles: %w", err)
	}
	return nil
}

func moveArticles(ctx context.Context, tx *sql.Tx, moves map[int64]int64, touched map[int64]bool) error {
	if len(moves) == 0 {
		return nil
	}
	old, err := tx.PrepareContext(ctx, `SELECT story_id FROM articles WHERE id = $1`)
	if err != nil {
		return err
	}
	defer old.Close()
	upd, err := tx.PrepareContext(ctx, `UPDATE articles SET story_id = $1 WHERE id = $2`)
	if err != nil {
		return err
	}
	defer upd.Close()
	for _, id := range sortedKeys(moves) {
		var prev int64
		if err := old.QueryRowContext(ctx, id).Scan(&prev); err != nil && !errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("move article %d: %w", id, err)
		}
		if prev == moves[id] {
			continue
		}
		if _, err := upd.ExecContext(ctx, moves[id], id); err != nil {
			return fmt.Errorf("move article %d: %w", id, err)
		}
		touched[prev] = true
		touched[moves[id]] = true
	}
	return nil
}

// markCopies sets which stored articles are near-copies of which.
func markCopies(ctx context.Context, tx *sql.Tx, copies map[int64]int64, touched map[int64]bool) error {
	for _, id := range sortedKeys(copies) {
		var story int64
		if err := tx.QueryRowContext(ctx, `UPDATE articles SET duplicate_of = $1 WHERE id = $2 RETURNING story_id`, copies[id], id).Scan(&story); err != nil {
			return fmt.Errorf("mark article %d a near-copy: %w", id, err)
		}
		touched[story] = true
	}
	return nil
}

func commitState(ctx context.Context, tx *sql.Tx, c *stmtCache, b *storage.Batch) error {
	for _, prefix := range b.ClearState {
		if _, err := tx.ExecContext(ctx, `DELETE FROM state WHERE name >= $1 AND name < $2`, prefix, prefixEnd(prefix)); err != nil {
			return fmt.Errorf("clear state %s*: %w", prefix, err)
		}
	}
	if len(b.State) == 0 && b.StateStream == nil {
		return nil
	}
	del, err := tx.PrepareContext(ctx, `DELETE FROM state WHERE name = $1`)
	if err != nil {
		return fmt.Errorf("save state: %w", err)
	}
	defer del.Close()
	put := newBulkWriter(ctx, tx, c, `INSERT INTO state(name, data)`, ` ON CONFLICT(name) DO UPDATE SET data = excluded.data`, 2)
	defer put.close()
	save := func(name string, data []byte) error {
		var err error
		if data == nil {
			_, err = del.ExecContext(ctx, name)
		} else {
			err = put.add(name, data)
		}
		if err != nil {
			return fmt.Errorf("save state %s: %w", name, err)
		}
		return nil
	}
	for _, name := range sortedKeys(b.State) {
		if err := save(name, b.State[name]); err != nil {
			return err
		}
	}
	if b.StateStream != nil {
		if err := b.StateStream(save); err != nil {
			return err
		}
	}
	if err := put.flush(); err != nil {
		return fmt.Errorf("save state: %w", err)
	}
	return nil
}

// prepareAll prepares the named statements of qs in tx.
func prepareAll(ctx context.Context, tx *sql.Tx, qs map[string]string) (map[string]*sql.Stmt, func(), error) {
	stmts := map[string]*sql.Stmt{}
	closeAll := func() {
		for _, st := range stmts {
			st.Close()
		}
	}
	for name, q := range qs {
		st, err := tx.PrepareContext(ctx, q)
		if err != nil {
			closeAll()
			return nil, nil, err
		}
		stmts[name] = st
	}
	return stmts, closeAll, nil
}

// stanceKey names a stored stance.
type stanceKey struct{ article, seq int64 }

// stanceClaims returns the claim of each stance the claims list (of a
// stance listed twice, the last).
func stanceClaims(cs []storage.ClaimGroup) map[stanceKey]int64 {
	m := map[stanceKey]int64{}
	for _, c := range cs {
		for _, r := range c.Stances {
			m[stanceKey{r.ArticleID, int64(r.Seq)}] = c.ID
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

// commitAnalysis replaces the stored analysis of the articles of as; their
// stances are stored with their claims in claimOf. The articles of added,
// inserted by the same transaction, have none to replace; those of early
// have their mentions stored and their quotes indexed already
// (commitNewAnalysis).
func commitAnalysis(ctx context.Context, tx *sql.Tx, c *stmtCache, as []storage.Analysis, claimOf map[stanceKey]int64, added []*model.Article, early map[int64]bool) error {
	if len(as) == 0 {
		return nil
	}
	isNew := make(map[int64]bool, len(added))
	for _, a := range added {
		isNew[a.ID] = true
	}
	ids := make([]int64, 0, len(as))
	for _, a := range as {
		if !isNew[a.ArticleID] {
			ids = append(ids, a.ArticleID)
		}
	}
	for _, ch := range chunks(len(ids), 500) {
		var p params
		in := list(&p, ids[ch[0]:ch[1]])
		for _, q := range []string{
			// the keys of the lists about to go, found through them
			`DELETE FROM mention_keys WHERE (key, article_id) IN (SELECT j.value ->> 5, l.article_id FROM mention_lists l, json_each(l.data) j WHERE l.article_id IN (` + in + `))`,
			`DELETE FROM mention_lists WHERE article_id IN (` + in + `)`,
			`DELETE FROM quotes WHERE article_id IN (` + in + `)`,
			`DELETE FROM stances WHERE article_id IN (` + in + `)`,
		} {
			if _, err := tx.ExecContext(ctx, q, p...); err != nil {
				return fmt.Errorf("clear analysis: %w", err)
			}
		}
	}
	// an article's mentions are one row and its distinct keys one row
	// each (see migrationMentionLists)
	mw := newBulkWriter(ctx, tx, c, `INSERT OR FAIL INTO mention_lists(article_id, data)`, ``, 2)
	defer mw.close()
	kw := newBulkWriter(ctx, tx, c, `INSERT OR FAIL INTO mention_keys(key, article_id)`, ``, 2)
	defer kw.close()
	qw := newBulkWriter(ctx, tx, c, `INSERT OR FAIL INTO quotes(article_id, seq, start_at, end_at, char_start, char_end, text, kind, speaker, speaker_mention, cue, speaker_key)`, ``, 12)
	defer qw.close()
	sw := newBulkWriter(ctx, tx, c, `INSERT OR FAIL INTO stances(article_id, seq, start_at, end_at, char_start, char_end, holder, stance, qualifier, text, proposition, holder_key, claim_id)`, ``, 13)
	defer sw.close()
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
	var buf []byte
	for _, a := range as {
		id := a.ArticleID
		if !early[id] {
			if err := addMentions(mw, kw, id, a.Mentions, &buf); err != nil {
				return err
			}
		}
		for i, q := range a.Quotes {
			c := at(a.QuoteChars, i)
			if err := qw.add(id, i, q.Start, q.End, c.Start, c.End, q.Text, string(q.Kind), q.Speaker, q.SpeakerMention, q.Cue, key(a.SpeakerKeys, i)); err != nil {
				return fmt.Errorf("store quotes: %w", err)
			}
		}
		for i, s := range a.Stances {
			c := at(a.StanceChars, i)
			if err := sw.add(id, i, s.Start, s.End, c.Start, c.End, s.Holder, string(s.Stance), s.Qualifier, s.Text, s.Proposition, key(a.HolderKeys, i), claimOf[stanceKey{id, int64(i)}]); err != nil {
				return fmt.Errorf("store stances: %w", err)
			}
		}
	}
	for _, w := range []*rowWriter{mw, kw, qw, sw} {
		if err := w.flush(); err != nil {
			return fmt.Errorf("store analysis: %w", err)
		}
	}
	var quoted []int64
	for _, a := range as {
		if len(a.Quotes) > 0 && !early[a.ArticleID] {
			quoted = append(quoted, a.ArticleID)
		}
	}
	return indexQuotes(ctx, tx, quoted)
}

// indexQuoteKeys adds the stored quotes of the given index keys (article
// id × quoteKey + position) to the search index in one statement, in key
// order.
func indexQuoteKeys(ctx context.Context, tx *sql.Tx, keys []int64) error {
	if len(keys) == 0 {
		return nil
	}
	k := strconv.Itoa(quoteKey)
	if _, err := tx.ExecContext(ctx, `INSERT INTO quotes_fts(rowid, text, speaker) SELECT q.article_id * `+k+` + q.seq, `+unmarked("q.text")+`, `+unmarked("q.speaker")+`
		FROM json_each($1) j JOIN quotes q ON q.article_id = j.value / `+k+` AND q.seq = j.value % `+k+` ORDER BY j.value`, sortedList(keys)); err != nil {
		return fmt.Errorf("index quotes: %w", err)
	}
	return nil
}

// indexQuotes adds the stored quotes of the articles of ids to the search
// index in one statement, in key order, for the reasons indexArticles
// gives.
func indexQuotes(ctx context.Context, tx *sql.Tx, ids []int64) error {
	if len(ids) == 0 {
		return nil
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO quotes_fts(rowid, text, speaker) SELECT article_id * `+strconv.Itoa(quoteKey)+` + seq, `+unmarked("text")+`, `+unmarked("speaker")+`
		FROM quotes WHERE article_id IN (SELECT value FROM json_each($1)) ORDER BY article_id, seq`, sortedList(ids)); err != nil {
		return fmt.Errorf("index quotes: %w", err)
	}
	return nil
}

// refreshStories recomputes the summary rows of the given stories from their
// articles (storage.StorySummary), deleting stories left empty. The rows
// are upserted and deleted many to a statement (a bulk writer, with
// statements from c when it is not nil): a statement a story, each
// prepared anew, took most of the time the summaries cost the commit.
func refreshStories(ctx context.Context, tx *sql.Tx, c *stmtCache, ids []int64) error {
	uw := newBulkWriter(ctx, tx, c, `INSERT INTO stories(id, headline, articles, outlets, first, last)`,
		` ON CONFLICT(id) DO UPDATE SET headline = excluded.headline, articles = excluded.articles, outlets = excluded.outlets, first = excluded.first, last = excluded.last`, 6)
	defer uw.close()
	var gone []int64
	for _, ch := range chunks(len(ids), 400) {
		part := ids[ch[0]:ch[1]]
		aggs := map[int64]*storage.StorySummary{}
		// the stories' list read through json_each (see lookup.go)
		rows, err := tx.QueryContext(ctx, storyArticles, idList(part), storage.LeadChars)
		if err != nil {
			return fmt.Errorf("refresh stories: %w", err)
		}
		for rows.Next() {
			var sid, dup int64
			var title, lead, outlet, pub string
			if err := rows.Scan(&sid, &title, &lead, &outlet, &pub, &dup); err != nil {
				rows.Close()
				return fmt.Errorf("refresh stories: %w", err)
			}
			g := aggs[sid]
			if g == nil {
				g = &storage.StorySummary{}
				aggs[sid] = g
			}
			g.Add(title, lead, outlet, pub, dup != 0)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("refresh stories: %w", err)
		}
		for _, id := range part {
			g := aggs[id]
			if g == nil {
				gone = append(gone, id)
				continue
			}
			ob, _ := json.Marshal(g.Outlets())
			if err := uw.add(id, g.Headline(), g.Articles, string(ob), g.First, g.Last); err != nil {
				return fmt.Errorf("refresh story %d: %w", id, err)
			}
		}
	}
	if err := uw.flush(); err != nil {
		return fmt.Errorf("refresh stories: %w", err)
	}
	if len(gone) > 0 {
		if _, err := tx.ExecContext(ctx, `DELETE FROM stories WHERE id IN (SELECT value FROM json_each($1))`, sortedList(gone)); err != nil {
			return fmt.Errorf("delete emptied stories: %w", err)
		}
	}
	return nil
}

// clearClaims deletes the claims a change to the read model replaces and
// clears their stances' claims.
func clearClaims(ctx context.Context, tx *sql.Tx, rm *storage.ReadModel) error {
	if rm.ResetClaims {
		for _, q := range []string{`UPDATE stances SET claim_id = 0 WHERE claim_id != 0`, `DELETE FROM claims`} {
			if _, err := tx.ExecContext(ctx, q); err != nil {
				return fmt.Errorf("reset claims: %w", err)
			}
		}
	}
	// the claims of the stories regrouped, a statement a few hundred
	// stories
	for _, ch := range chunks(len(rm.ClaimStories), 500) {
		part := rm.ClaimStories[ch[0]:ch[1]]
		var p params
		in := list(&p, part)
		if _, err := tx.ExecContext(ctx, `UPDATE stances SET claim_id = 0 WHERE claim_id IN (SELECT id FROM claims WHERE story_id IN (`+in+`))`, p...); err != nil {
			return fmt.Errorf("clear claims of stories %d…: %w", part[0], err)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM claims WHERE story_id IN (`+in+`)`, p...); err != nil {
			return fmt.Errorf("clear claims of stories %d…: %w", part[0], err)
		}
	}
	return nil
}

// commitReadModel applies a change to the stored entities and claims,
// after clearClaims; the stances of the articles in stored were stored
// with their claims.
func commitReadModel(ctx context.Context, tx *sql.Tx, c *stmtCache, rm *storage.ReadModel, stored map[int64]bool) error {
	if rm.ResetEntities {
		for _, q := range []string{`DELETE FROM entities`, `DELETE FROM entity_keys`, `DELETE FROM entity_names`} {
			if _, err := tx.ExecContext(ctx, q); err != nil {
				return fmt.Errorf("reset entities: %w", err)
			}
		}
	}
	if len(rm.Entities)+len(rm.DropEntities)+len(rm.Keys)+len(rm.ClaimStories) == 0 {
		return nil
	}
	st, done, err := prepareAll(ctx, tx, map[string]string{
		"delk": `DELETE FROM entity_keys WHERE key = $1`,
	})
	if err != nil {
		return err
	}
	defer done()
	for _, ch := range chunks(len(rm.DropEntities), 500) {
		part := rm.DropEntities[ch[0]:ch[1]]
		var p params
		in := list(&p, part)
		for _, t := range []string{`DELETE FROM entities WHERE id IN (`, `DELETE FROM entity_names WHERE entity_id IN (`} {
			if _, err := tx.ExecContext(ctx, t+in+`)`, p...); err != nil {
				return fmt.Errorf("drop entities %d…: %w", part[0], err)
			}
		}
	}
	ew := newBulkWriter(ctx, tx, c, `INSERT INTO entities(id, name, type, mentions, articles, aliases, roles, digest)`,
		` ON CONFLICT(id) DO UPDATE SET type = excluded.type, mentions = excluded.mentions, articles = excluded.articles, roles = excluded.roles, digest = excluded.digest`, 8)
	defer ew.close()
	// The name and aliases of a stored entity are set apart, on the rows
	// where they differ: an update that sets them, even to what they
	// were, re-indexes the row for search (entities_fts_update), and most
	// entities a batch rewrites only change their counts.
	aw := newBulkWriter(ctx, tx, c, `UPDATE entities SET name = v.column2, aliases = v.column3 FROM (`,
		`) AS v WHERE entities.id = v.column1 AND (entities.name != v.column2 OR entities.aliases != v.column3)`, 3)
	defer aw.close()
	type entityNames struct{ name, aliases string }
	lastNames := map[int64]entityNames{}
	nw := newBulkWriter(ctx, tx, c, `INSERT OR FAIL INTO entity_names(name, entity_id)`, ` ON CONFLICT DO NOTHING`, 2)
	defer nw.close()
	kw := newBulkWriter(ctx, tx, c, `INSERT INTO entity_keys(key, entity_id)`, ` ON CONFLICT(key) DO UPDATE SET entity_id = excluded.entity_id`, 2)
	defer kw.close()
	// the names of the entities written anew: of those stored, the ones
	// no longer listed are deleted and the rest kept, not inserted again
	kept, err := replaceEntityNames(ctx, tx, c, rm.Entities)
	if err != nil {
		return err
	}
	for _, e := range rm.Entities {
		al, _ := json.Marshal(nonNil(e.Aliases))
		ro, _ := json.Marshal(nonNil(e.Roles))
		if err := ew.add(e.ID, e.Canonical, string(e.Type), e.Mentions, e.ArticleCount, string(al), string(ro), e.Digest); err != nil {
			return fmt.Errorf("store entities: %w", err)
		}
		lastNames[e.ID] = entityNames{e.Canonical, string(al)}
		for _, n := range e.Names {
			if kept[entityName{n, e.ID}] {
				continue
			}
			if err := nw.add(n, e.ID); err != nil {
				return fmt.Errorf("store entity names: %w", err)
			}
		}
	}
	for _, k := range sortedKeys(rm.Keys) {
		var err error
		if id := rm.Keys[k]; id == 0 {
			_, err = st["delk"].ExecContext(ctx, k)
		} else {
			err = kw.add(k, id)
		}
		if err != nil {
			return fmt.Errorf("store entity key %q: %w", k, err)
		}
	}
	for _, w := range []*rowWriter{ew, nw, kw} {
		if err := w.flush(); err != nil {
			return fmt.Errorf("store entities: %w", err)
		}
	}
	// (of rows repeating an id, the last wins, as in the upsert)
	for _, id := range sortedKeys(lastNames) {
		n := lastNames[id]
		if err := aw.add(id, n.name, n.aliases); err != nil {
			return fmt.Errorf("store entity names: %w", err)
		}
	}
	if err := aw.flush(); err != nil {
		return fmt.Errorf("store entity names: %w", err)
	}
	cw := newBulkWriter(ctx, tx, c, `INSERT OR FAIL INTO claims(id, story_id, text, stances)`, ``, 4)
	defer cw.close()
	for _, c := range rm.Claims {
		if err := cw.add(c.ID, c.StoryID, c.Text, len(c.Stances)); err != nil {
			return fmt.Errorf("store claims (through %d): %w", c.ID, err)
		}
	}
	if err := cw.flush(); err != nil {
		return fmt.Errorf("store claims: %w", err)
	}
	// the stances' claims, many to a statement: each row of the values
	// finds its stance by primary key
	uw := newBulkWriter(ctx, tx, c, `UPDATE stances SET claim_id = v.column1 FROM (`, `) AS v WHERE stances.article_id = v.column2 AND stances.seq = v.column3`, 3)
	defer uw.close()
	// (a stance listed twice keeps its last claim, as updating one at a
	// time would; a statement updating a row twice keeps either)
	last := map[stanceKey]int64{}
	for _, c := range rm.Claims {
		for _, r := range c.Stances {
			last[stanceKey{r.ArticleID, int64(r.Seq)}] = c.ID
		}
	}
	for _, c := range rm.Claims {
		for _, r := range c.Stances {
			k := stanceKey{r.ArticleID, int64(r.Seq)}
			id, ok := last[k]
			if !ok || id != c.ID || stored[r.ArticleID] {
				continue
			}
			delete(last, k)
			if err := uw.add(c.ID, r.ArticleID, r.Seq); err != nil {
				return fmt.Errorf("store claim %d: %w", c.ID, err)
			}
		}
	}
	if err := uw.flush(); err != nil {
		return fmt.Errorf("store claims: %w", err)
	}
	return nil
}

// entityName is one lookup name of an entity.
type entityName struct {
	name string
	id   int64
}

// replaceEntityNames deletes the stored lookup names of the entities of
// es whose Names are set (not nil) that are not among them (of an entity
// listed twice, among any of its lists), and returns those stored that
// are, which need no insert. An entity's names change with its aliases,
// mostly by a name or two: deleting all of them to insert them again
// rewrote every row and its index entry.
func replaceEntityNames(ctx context.Context, tx *sql.Tx, c *stmtCache, es []storage.EntityRow) (map[entityName]bool, error) {
	want := map[entityName]bool{}
	var ids []int64
	for _, e := range es {
		if e.Names == nil {
			continue
		}
		ids = append(ids, e.ID)
		for _, n := range e.Names {
			want[entityName{n, e.ID}] = true
		}
	}
	if len(ids) == 0 {
		return nil, nil
	}
	kept := map[entityName]bool{}
	var gone []entityName
	// (the list read through json_each: see lookup.go)
	rows, err := tx.QueryContext(ctx, entityNamesByID, idList(ids))
	if err != nil {
		return nil, fmt.Errorf("store entity names: %w", err)
	}
	for rows.Next() {
		var n entityName
		if err := rows.Scan(&n.name, &n.id); err != nil {
			rows.Close()
			return nil, fmt.Errorf("store entity names: %w", err)
		}
		if want[n] {
			kept[n] = true
		} else {
			gone = append(gone, n)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store entity names: %w", err)
	}
	dw := newBulkWriter(ctx, tx, c, `DELETE FROM entity_names WHERE (name, entity_id) IN (`, `)`, 2)
	defer dw.close()
	for _, n := range gone {
		if err := dw.add(n.name, n.id); err != nil {
			return nil, fmt.Errorf("store entity names: %w", err)
		}
	}
	if err := dw.flush(); err != nil {
		return nil, fmt.Errorf("store entity names: %w", err)
	}
	return kept, nil
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// Rebuild rebuilds the store's indexes and recomputes every story's
// summary row from its articles (for `parallax repair`).
func (s *Store) Rebuild(ctx context.Context) error {
	w, err := s.writer()
	if err != nil {
		return err
	}
	if _, err := w.ExecContext(ctx, `REINDEX`); err != nil {
		return fmt.Errorf("rebuild indexes: %w", err)
	}
	tx, err := w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("rebuild stories: %w", err)
	}
	defer tx.Rollback()
	var ids []int64
	rows, err := tx.QueryContext(ctx, `SELECT story_id FROM articles WHERE story_id != 0 UNION SELECT id FROM stories ORDER BY 1`)
	if err != nil {
		return fmt.Errorf("rebuild stories: %w", err)
	}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return fmt.Errorf("rebuild stories: %w", err)
		}
		ids = append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("rebuild stories: %w", err)
	}
	if err := refreshStories(ctx, tx, nil, ids); err != nil {
		return err
	}
	return tx.Commit()
}
