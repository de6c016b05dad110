package postgres

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/parallax-news/parallax/internal/model"
	"github.com/parallax-news/parallax/internal/storage"
)

// migrationSearch adds full-text search: a tsvector column computed by the
// server from the text of each article (title weighted above the text),
// quote (text above speaker) and entity (name above aliases), each with a
// GIN index. Generated columns are computed in the transaction of every
// write, and for the rows already stored by this migration. The 'simple'
// configuration lowercases words without stemming them, as the SQLite
// store's tokenizer does: names and quotes are matched as written. Text
// beyond the first 200,000 characters of an article is not indexed (a
// tsvector holds at most 1 MB).
const migrationSearch = `
ALTER TABLE articles ADD COLUMN fts tsvector GENERATED ALWAYS AS (
	setweight(to_tsvector('simple', title), 'A') || to_tsvector('simple', left(body, 200000))) STORED;
CREATE INDEX articles_fts ON articles USING GIN (fts);
ALTER TABLE quotes ADD COLUMN fts tsvector GENERATED ALWAYS AS (
	setweight(to_tsvector('simple', text), 'A') || setweight(to_tsvector('simple', speaker), 'C')) STORED;
CREATE INDEX quotes_fts ON quotes USING GIN (fts);
ALTER TABLE entities ADD COLUMN fts tsvector GENERATED ALWAYS AS (
	setweight(to_tsvector('simple', name), 'A') || setweight(to_tsvector('simple', aliases), 'B')) STORED;
CREATE INDEX entities_fts ON entities USING GIN (fts);
CREATE INDEX stories_latest ON stories(last DESC, id DESC);
`

// quoteKey is the multiplier of the article id in a quote's search key.
const (
	quoteKey    = 1 << 20
	quoteKeySQL = "1048576"
)

// SearchWindow is how many of the latest matches an unfiltered search of
// articles or quotes ranks, as in the SQLite store: ranking reads each
// match's tsvector, so a common word matching most of a large store would
// take long to rank whole, and the latest matches are the ones a reader
// of news looks for. Filtered searches rank every match.
const SearchWindow = 1000

// tsQuery returns an SQL expression of the tsquery of parsed terms, every
// term a query argument, folded as the indexed text is (fold_accents) and
// read by phraseto_tsquery, which takes any text ("" when there is
// nothing to match).
func tsQuery(p *params, terms []storage.SearchTerm) string {
	var pos, neg []string
	for _, t := range terms {
		q := `phraseto_tsquery('simple', fold_accents(` + p.add(t.Text) + `))`
		if t.Not {
			neg = append(neg, `!!`+q)
		} else {
			pos = append(pos, q)
		}
	}
	if len(pos) == 0 {
		return ""
	}
	return strings.Join(append(pos, neg...), ` && `)
}

// clean is an SQL expression of a text column without snippet marks.
func clean(col string) string {
	return `replace(replace(` + col + `, U&'\E000', ''), U&'\E001', '')`
}

// texts returns a LATERAL join that reads each of the text columns cols
// once without snippet marks (as c1, c2, …) and folded (f1, f2, …), and
// with it for each column the SQL expressions of its snippet, made by
// ts_headline with the options opts[i] (argument placeholders) from the
// folded text as it is indexed, and of the text itself when folding
// changes it (” when not), for unfold to put its diacritics back. (The
// fence OFFSET 0 keeps each text folded once.)
func texts(cols []string, opts []string) (join string, snippets, origs []string) {
	var sel []string
	for i, col := range cols {
		c, f := fmt.Sprintf("x.c%d", i+1), fmt.Sprintf("x.f%d", i+1)
		sel = append(sel, fmt.Sprintf(`%s AS c%d, fold_accents(%s) AS f%d`, clean(col), i+1, clean(col), i+1))
		snippets = append(snippets, `ts_headline('simple', `+f+`, tq.q, `+opts[i]+`)`)
		origs = append(origs, `CASE WHEN `+f+` = `+c+` THEN '' ELSE `+c+` END`)
	}
	return ` CROSS JOIN LATERAL (SELECT ` + strings.Join(sel, ", ") + ` OFFSET 0) x`, snippets, origs
}

// headline options: matched words between the snippet marks.
const (
	marksOpt   = `StartSel=` + storage.MarkStart + `, StopSel=` + storage.MarkEnd
	snippetOpt = marksOpt + `, MaxFragments=2, MaxWords=24, MinWords=10, FragmentDelimiter="` + fragmentDelimiter + `"`
	// fragmentDelimiter joins the fragments of a snippet.
	fragmentDelimiter = " … "
	wholeOpt          = marksOpt + `, HighlightAll=true`
)

// Search implements storage.Reader: one query ranks the matches and pages
// them by (score, key); a second one reads the page's records and makes
// their snippets.
func (s *Store) Search(ctx context.Context, f storage.SearchFilter) ([]storage.SearchHit, string, error) {
	terms := storage.ParseSearch(f.Query)
	after, hasAfter, err := storage.ParseCursor(f.After, 2)
	if err != nil {
		return nil, "", err
	}
	var p params
	tq := tsQuery(&p, terms)
	if tq == "" {
		return nil, "", nil
	}
	var inner string
	switch f.Kind {
	case storage.SearchArticles, "":
		conds := articleConds(&p, f.StoryID, 0, f.Outlet, f.Dates)
		if conds == "" {
			inner = `SELECT w.id AS k, CAST(ts_rank(w.fts, tq.q) * 1000000 AS bigint) AS score FROM tq,
				LATERAL (SELECT s.id, s.fts FROM article_search s JOIN articles a ON a.id = s.id WHERE s.fts @@ tq.q ORDER BY s.id DESC LIMIT ` + fmt.Sprint(SearchWindow) + `) w`
			break
		}
		inner = `SELECT a.id AS k, CAST(ts_rank(s.fts, tq.q) * 1000000 AS bigint) AS score FROM article_search s JOIN articles a ON a.id = s.id, tq WHERE s.fts @@ tq.q` + conds
	case storage.SearchQuotes:
		const key = `q.article_id * ` + quoteKeySQL + ` + q.seq`
		conds := articleConds(&p, f.StoryID, 0, f.Outlet, f.Dates)
		if conds == "" && f.SpeakerID == 0 {
			inner = `SELECT w.k, CAST(ts_rank(w.fts, tq.q) * 1000000 AS bigint) AS score FROM tq,
				LATERAL (SELECT ` + key + ` AS k, s.fts FROM quote_search s JOIN quotes q ON q.article_id = s.article_id AND q.seq = s.seq WHERE s.fts @@ tq.q ORDER BY s.article_id DESC, s.seq DESC LIMIT ` + fmt.Sprint(SearchWindow) + `) w`
			break
		}
		inner = `SELECT ` + key + ` AS k, CAST(ts_rank(s.fts, tq.q) * 1000000 AS bigint) AS score FROM quote_search s JOIN quotes q ON q.article_id = s.article_id AND q.seq = s.seq`
		if conds != "" {
			inner += ` JOIN articles a ON a.id = q.article_id`
		}
		inner += `, tq WHERE s.fts @@ tq.q` + conds
		if f.SpeakerID != 0 {
			inner += ` AND q.speaker_key IN (SELECT key FROM entity_keys WHERE entity_id = ` + p.add(f.SpeakerID) + `)`
		}
	case storage.SearchEntities:
		inner = `SELECT e.id AS k, CAST(ts_rank(s.fts, tq.q) * 1000000 AS bigint) AS score FROM entity_search s JOIN entities e ON e.id = s.id, tq WHERE s.fts @@ tq.q`
		if f.Type != "" {
			inner += ` AND e.type = ` + p.add(string(f.Type))
		}
	default:
		return nil, "", fmt.Errorf("search: unknown kind %q", f.Kind)
	}
	q := `WITH tq AS (SELECT ` + tq + ` AS q) SELECT k, score FROM (` + inner + `) m`
	if hasAfter {
		sc, k := p.add(after[0]), p.add(after[1])
		q += ` WHERE score < ` + sc + ` OR (score = ` + sc + ` AND k > ` + k + `)`
	}
	q += ` ORDER BY score DESC, k` + limitClause(&p, f.Limit)
	type ranked struct{ key, score int64 }
	var page []ranked
	rows, err := s.pool.Query(ctx, q, p...)
	if err != nil {
		return nil, "", fmt.Errorf("search: %w", err)
	}
	err = eachRow(rows, func() error {
		var r ranked
		err := rows.Scan(&r.key, &r.score)
		page = append(page, r)
		return err
	})
	if err != nil {
		return nil, "", fmt.Errorf("search: %w", err)
	}
	page, more := storage.TrimPage(page, f.Limit)
	if len(page) == 0 {
		return nil, "", nil
	}
	keys := make([]int64, len(page))
	for i, r := range page {
		keys[i] = r.key
	}
	hits, err := s.searchDetails(ctx, f.Kind, terms, keys)
	if err != nil {
		return nil, "", fmt.Errorf("search: %w", err)
	}
	out := make([]storage.SearchHit, 0, len(page))
	for _, r := range page {
		if h, ok := hits[r.key]; ok {
			h.Score = r.score
			out = append(out, h)
		}
	}
	next := ""
	if more {
		last := page[len(page)-1]
		next = storage.Cursor(last.score, last.key)
	}
	return out, next, nil
}

// quoteArticles returns the article ids of quote search keys, so that a
// read of the quotes by key goes through the quotes' primary key.
func quoteArticles(keys []int64) []int64 {
	out := make([]int64, 0, len(keys))
	for _, k := range keys {
		if a := k / quoteKey; !slices.Contains(out, a) {
			out = append(out, a)
		}
	}
	return out
}

// extraScan scans a row into a record's scanner's targets and then into
// extra ones.
type extraScan struct {
	rows  pgx.Rows
	extra []any
}

func (x extraScan) Scan(dst ...any) error { return x.rows.Scan(append(dst, x.extra...)...) }

// searchDetails reads the records of a page of matches with their
// snippets, by key.
func (s *Store) searchDetails(ctx context.Context, kind storage.SearchKind, terms []storage.SearchTerm, keys []int64) (map[int64]storage.SearchHit, error) {
	var p params
	tq := tsQuery(&p, terms)
	ks := p.add(keys)
	whole := p.add(wholeOpt)
	out := map[int64]storage.SearchHit{}
	switch kind {
	case storage.SearchArticles, "":
		snip := p.add(snippetOpt)
		join, sn, orig := texts([]string{"a.title", "left(a.body, 200000)"}, []string{whole, snip})
		rows, err := s.pool.Query(ctx, `WITH tq AS (SELECT `+tq+` AS q) SELECT `+refCols+`, `+sn[0]+`, `+orig[0]+`, `+sn[1]+`, `+orig[1]+`
			FROM articles a`+join+`, tq WHERE a.id = ANY(`+ks+`)`, p...)
		if err != nil {
			return nil, err
		}
		return out, eachRow(rows, func() error {
			var h storage.SearchHit
			var titleText, bodyText string
			if err := rows.Scan(append(scanRef(&h.Article), &h.Title, &titleText, &h.Snippet, &bodyText)...); err != nil {
				return err
			}
			h.Title, h.Snippet = unfold(h.Title, titleText, ""), unfold(h.Snippet, bodyText, fragmentDelimiter)
			out[h.Article.ID] = h
			return nil
		})
	case storage.SearchQuotes:
		join, sn, orig := texts([]string{"q.text"}, []string{whole})
		rows, err := s.pool.Query(ctx, `WITH tq AS (SELECT `+tq+` AS q) SELECT `+refCols+`, a.title, q.seq, q.start_at, q.end_at, q.char_start, q.char_end, q.text, q.kind, q.speaker, q.speaker_mention, q.cue,
			COALESCE(e.id, 0), COALESCE(e.name, ''), `+sn[0]+`, `+orig[0]+`
			FROM quotes q`+join+` JOIN articles a ON a.id = q.article_id
			LEFT JOIN entity_keys k ON k.key = q.speaker_key AND q.speaker_key != ''
			LEFT JOIN entities e ON e.id = k.entity_id, tq
			WHERE q.article_id = ANY(`+p.add(quoteArticles(keys))+`) AND q.article_id * `+fmt.Sprint(quoteKey)+` + q.seq = ANY(`+ks+`)`, p...)
		if err != nil {
			return nil, err
		}
		return out, eachRow(rows, func() error {
			var h storage.SearchHit
			r := &storage.QuoteRow{}
			var kind, text string
			dst := append(scanRef(&r.Article), &h.Title, &r.Seq, &r.Start, &r.End, &r.Chars.Start, &r.Chars.End, &r.Text, &kind, &r.Speaker, &r.SpeakerMention, &r.Cue, &r.SpeakerID, &r.SpeakerName, &h.Snippet, &text)
			if err := rows.Scan(dst...); err != nil {
				return err
			}
			h.Snippet = unfold(h.Snippet, text, "")
			r.Kind = model.QuoteKind(kind)
			r.ArticleID = r.Article.ID
			if r.SpeakerName == "" {
				r.SpeakerName = r.Speaker
			}
			h.Article, h.Quote = r.Article, r
			out[r.Article.ID*quoteKey+int64(r.Seq)] = h
			return nil
		})
	case storage.SearchEntities:
		join, sn, orig := texts([]string{"e.name", "e.aliases"}, []string{whole, whole})
		rows, err := s.pool.Query(ctx, `WITH tq AS (SELECT `+tq+` AS q) SELECT `+entityCols+`, `+sn[0]+`, `+orig[0]+`, `+sn[1]+`, `+orig[1]+`
			FROM entities e`+join+`, tq WHERE e.id = ANY(`+ks+`)`, p...)
		if err != nil {
			return nil, err
		}
		return out, eachRow(rows, func() error {
			var name, nameText, aliases, aliasesText string
			e, err := scanEntity(extraScan{rows, []any{&name, &nameText, &aliases, &aliasesText}})
			if err != nil {
				return err
			}
			name, aliases = unfold(name, nameText, ""), unfold(aliases, aliasesText, "")
			out[e.ID] = storage.SearchHit{Entity: &e, Snippet: storage.EntitySnippet(name, aliases)}
			return nil
		})
	}
	return nil, fmt.Errorf("unknown kind %q", kind)
}
