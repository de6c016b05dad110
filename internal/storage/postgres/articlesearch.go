package postgres

import (
	"context"
	"fmt"
	"sync"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgtype"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/parallax-news/parallax/internal/model"
	"github.com/parallax-news/parallax/internal/storage"
)

// Article search vectors are kept in a table of their own, article_search,
// instead of a column generated in each article's row (and those of quotes
// in quote_search, for the same reason): a generated column
// is computed by the one server process that runs the batch's COPY of
// articles, in series with the rest of the batch's transaction, and that
// process was what paced a bulk load (the client and the other stages
// wait for each commit). Commit computes the vectors of a batch's new
// articles on a second connection while the batch's own transaction runs
// (see indexNew), so the two share the server's cores. The vectors are the
// same as the generated column's (searchVector), and search reads them
// joined to the articles, so results are unchanged. Most vectors are now
// computed in the client instead (pieceVectors, in the goroutines of
// indexNew), and the server only reads the few words the client does not
// know and indexes the vectors.

// quoteVector is the SQL expression of a quote's search vector: its text
// weighted above its speaker, both folded.
func quoteVector(text, speaker string) string {
	return `setweight(to_tsvector('simple', fold_accents(` + text + `)), 'A') || setweight(to_tsvector('simple', fold_accents(` + speaker + `)), 'C')`
}

// searchVector is the SQL expression of an article's search vector from
// its title and body: the title weighted above the text, both folded
// (fold_accents), text beyond the first 200,000 characters not indexed (a
// tsvector holds at most 1 MB).
func searchVector(title, body string) string {
	return `setweight(to_tsvector('simple', fold_accents(` + title + `)), 'A') || to_tsvector('simple', fold_accents(left(` + body + `, 200000)))`
}

// migrationArticleSearch moves the search vectors of articles and quotes
// from the generated columns articles.fts and quotes.fts to the tables
// article_search and quote_search, keeping the stored vectors; an
// article's row no longer carries its vector, so moving it to another
// story or marking it a copy rewrites less.
var migrationArticleSearch = `
CREATE TABLE article_search (
	id  BIGINT PRIMARY KEY,
	fts tsvector NOT NULL
);
DO $$ BEGIN
	ALTER TABLE article_search ALTER COLUMN fts SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported OR syntax_error THEN NULL;
END $$;
INSERT INTO article_search(id, fts) SELECT id, fts FROM articles;
DROP INDEX articles_fts;
ALTER TABLE articles DROP COLUMN fts;
CREATE INDEX article_search_fts ON article_search USING GIN (fts);
CREATE TABLE quote_search (
	article_id BIGINT NOT NULL,
	seq        INTEGER NOT NULL,
	fts        tsvector NOT NULL,
	PRIMARY KEY (article_id, seq)
);
DO $$ BEGIN
	ALTER TABLE quote_search ALTER COLUMN fts SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported OR syntax_error THEN NULL;
END $$;
INSERT INTO quote_search(article_id, seq, fts) SELECT article_id, seq, fts FROM quotes;
DROP INDEX quotes_fts;
ALTER TABLE quotes DROP COLUMN fts;
CREATE INDEX quote_search_fts ON quote_search USING GIN (fts);
`

// upsertSearch is the statement that stores the search vectors of
// articles given as arrays of ids ($1), titles ($2) and bodies ($3).
var upsertSearch = `INSERT INTO article_search(id, fts)
	SELECT v.id, ` + searchVector("v.title", "v.body") + ` FROM unnest($1::bigint[], $2::text[], $3::text[]) AS v(id, title, body)
	ON CONFLICT (id) DO UPDATE SET fts = excluded.fts`

// upsertQuoteSearch stores the search vectors of quotes given as arrays
// of article ids ($1), sequence numbers ($2), texts ($3) and speakers
// ($4).
var upsertQuoteSearch = `INSERT INTO quote_search(article_id, seq, fts)
	SELECT v.a, v.s, ` + quoteVector("v.t", "v.sp") + ` FROM unnest($1::bigint[], $2::int[], $3::text[], $4::text[]) AS v(a, s, t, sp)
	ON CONFLICT (article_id, seq) DO UPDATE SET fts = excluded.fts`

// storeSearch stores vectors computed here (localVector): arrays of
// article ids ($1) and vectors ($2).
const storeSearch = `INSERT INTO article_search(id, fts) SELECT * FROM unnest($1::bigint[], $2::tsvector[])
	ON CONFLICT (id) DO UPDATE SET fts = excluded.fts`

// storeQuoteSearch stores quote vectors computed here: arrays of article
// ids ($1), sequence numbers ($2) and vectors ($3).
const storeQuoteSearch = `INSERT INTO quote_search(article_id, seq, fts) SELECT * FROM unnest($1::bigint[], $2::int[], $3::tsvector[])
	ON CONFLICT (article_id, seq) DO UPDATE SET fts = excluded.fts`

// indexQuotes stores the search vectors of the quotes of as through e:
// with local, those pieceVectors can compute ready made; the others
// computed by the server.
func indexQuotes(ctx context.Context, e execer, as []storage.Analysis, local bool) error {
	var arts, seqs, readyArts, readySeqs []int64
	var texts, speakers []string
	var ready []pgtype.TSVector
	var pairs []textPair
	if local {
		for _, a := range as {
			for _, q := range a.Quotes {
				pairs = append(pairs, textPair{a: q.Text, wa: pgtype.TSVectorWeightA, b: q.Speaker, wb: pgtype.TSVectorWeightC})
			}
		}
	}
	vecs, ok, err := pieceVectors(ctx, e, pairs)
	if err != nil {
		return fmt.Errorf("index quotes for search: %w", err)
	}
	n := 0
	for _, a := range as {
		for i, q := range a.Quotes {
			if local && ok[n] {
				readyArts, readySeqs, ready = append(readyArts, a.ArticleID), append(readySeqs, int64(i)), append(ready, vecs[n])
			} else {
				arts, seqs = append(arts, a.ArticleID), append(seqs, int64(i))
				texts, speakers = append(texts, q.Text), append(speakers, q.Speaker)
			}
			n++
		}
	}
	if len(ready) > 0 {
		if _, err := e.Exec(ctx, storeQuoteSearch, readyArts, readySeqs, ready); err != nil {
			return fmt.Errorf("index quotes for search: %w", err)
		}
	}
	if len(arts) > 0 {
		if _, err := e.Exec(ctx, upsertQuoteSearch, arts, seqs, texts, speakers); err != nil {
			return fmt.Errorf("index quotes for search: %w", err)
		}
	}
	return nil
}

// searchParts are the arguments of storeSearch (ready) and upsertSearch
// (others) for some articles; nil: none.
type searchParts struct {
	ready, others []any
}

// queue queues the statements that store the vectors.
func (p searchParts) queue(q *sendQueue) {
	if p.ready != nil {
		q.add("index articles for search", storeSearch, p.ready...)
	}
	if p.others != nil {
		q.add("index articles for search", upsertSearch, p.others...)
	}
}

// searchArgs returns the arguments of storeSearch for the articles of
// arts whose vectors pieceVectors computes through q (none unless
// local), and those of upsertSearch for the others.
func searchArgs(ctx context.Context, q querier, arts []*model.Article, local bool) (searchParts, error) {
	var ids, readyIDs []int64
	var titles, bodies []string
	var vecs, computed []pgtype.TSVector
	var ok []bool
	if local {
		pairs := make([]textPair, len(arts))
		for i, a := range arts {
			pairs[i] = textPair{a: a.Title, wa: pgtype.TSVectorWeightA, b: a.Text, wb: pgtype.TSVectorWeightD}
		}
		var err error
		if computed, ok, err = pieceVectors(ctx, q, pairs); err != nil {
			return searchParts{}, fmt.Errorf("index articles for search: %w", err)
		}
	}
	for i, a := range arts {
		if local && ok[i] {
			readyIDs, vecs = append(readyIDs, a.ID), append(vecs, computed[i])
			continue
		}
		ids, titles, bodies = append(ids, a.ID), append(titles, a.Title), append(bodies, a.Text)
	}
	var p searchParts
	if len(readyIDs) > 0 {
		p.ready = []any{readyIDs, vecs}
	}
	if len(ids) > 0 {
		p.others = []any{ids, titles, bodies}
	}
	return p, nil
}

// execer runs statements and queries: a pool, a connection or a
// transaction.
type execer interface {
	querier
	Exec(ctx context.Context, sql string, args ...any) (pgconn.CommandTag, error)
}

// indexArticles stores the search vectors of arts through e: with local,
// those pieceVectors can compute ready made; the others computed by the
// server.
func indexArticles(ctx context.Context, e execer, arts []*model.Article, local bool) error {
	p, err := searchArgs(ctx, e, arts, local)
	if err != nil {
		return err
	}
	if p.ready != nil {
		if _, err := e.Exec(ctx, storeSearch, p.ready...); err != nil {
			return fmt.Errorf("index articles for search: %w", err)
		}
	}
	if p.others != nil {
		if _, err := e.Exec(ctx, upsertSearch, p.others...); err != nil {
			return fmt.Errorf("index articles for search: %w", err)
		}
	}
	return nil
}

// indexParts is how many connections share the search vectors of a
// batch's new articles: computing them (the server's text search parser
// reading every word) is most of what the server does for a batch, and
// one connection runs on one of the server's cores.
const indexParts = 2

// indexNew starts storing the search vectors of a batch's new articles,
// split by text size over indexParts connections of pool, and of the
// quotes of the analyses given (those of new articles) on one more, each
// committed on its own, and returns a function that waits for them (and
// returns the same again when called again). The caller commits the batch only after
// that succeeded, so every stored article has its vector. A vector whose
// batch then fails to commit is left without an article (new articles
// have ids never stored); search reads vectors joined to their articles,
// so it finds none of them, and a later commit of the id replaces it
// (`parallax repair` drops them). Changes to stored articles are indexed
// in the batch's transaction instead (indexArticles, and for re-analysed
// articles' quotes indexStoredQuotes), so that a failed commit leaves
// their vectors as they were.
func indexNew(ctx context.Context, pool *pgxpool.Pool, arts []*model.Article, quotes []storage.Analysis, local bool) func() error {
	parts := splitBySize(arts, indexParts)
	done := make(chan error, len(parts)+1)
	for _, part := range parts {
		go func() { done <- indexArticles(ctx, pool, part, local) }()
	}
	n := len(parts)
	if len(quotes) > 0 {
		n++
		go func() { done <- indexQuotes(ctx, pool, quotes, local) }()
	}
	return sync.OnceValue(func() error {
		var first error
		for range n {
			if err := <-done; err != nil && first == nil {
				first = err
			}
		}
		return first
	})
}

// splitBySize splits arts into at most n runs of about the same text
// size, none empty.
func splitBySize(arts []*model.Article, n int) [][]*model.Article {
	total := 0
	for _, a := range arts {
		total += len(a.Title) + len(a.Text)
	}
	var parts [][]*model.Article
	start, size := 0, 0
	for i, a := range arts {
		size += len(a.Title) + len(a.Text)
		if len(parts) < n-1 && size*n >= total*(len(parts)+1) {
			parts = append(parts, arts[start:i+1])
			start = i + 1
		}
	}
	if start < len(arts) {
		parts = append(parts, arts[start:])
	}
	return parts
}

// storedQuoteVectors returns the statements that replace the search
// vectors of the quotes of the articles with these ids by those of their
// stored rows.
func storedQuoteVectors(ids []int64) []stmt {
	return []stmt{
		{`DELETE FROM quote_search WHERE article_id = ANY($1)`, []any{ids}, "index quotes for search"},
		{`INSERT INTO quote_search(article_id, seq, fts) SELECT q.article_id, q.seq, ` + quoteVector("q.text", "q.speaker") + ` FROM quotes q WHERE q.article_id = ANY($1)`, []any{ids}, "index quotes for search"},
	}
}

// indexStoredQuotes replaces the search vectors of the quotes of the
// articles with these ids by those of their stored rows, in tx.
func indexStoredQuotes(ctx context.Context, tx pgx.Tx, ids []int64) error {
	if len(ids) == 0 {
		return nil
	}
	return execAll(ctx, tx, storedQuoteVectors(ids)...)
}

// indexCopied stores the search vectors of the articles with these ids
// from their stored rows, in tx (for CopyIn).
func indexCopied(ctx context.Context, tx pgx.Tx, ids []int64) error {
	if len(ids) == 0 {
		return nil
	}
	if _, err := tx.Exec(ctx, `INSERT INTO article_search(id, fts) SELECT a.id, `+searchVector("a.title", "a.body")+` FROM articles a WHERE a.id = ANY($1)
		ON CONFLICT (id) DO UPDATE SET fts = excluded.fts`, ids); err != nil {
		return fmt.Errorf("index articles for search: %w", err)
	}
	return nil
}
