package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/parallax-news/parallax/internal/model"
	"github.com/parallax-news/parallax/internal/storage"
)

// migrationSearch adds full-text indexes (FTS5) over articles (title and
// text), quotes (text and speaker) and entities (name and aliases), kept
// up to date by triggers in the transaction of every write, and builds
// them for the rows already stored.
//
// The article and entity indexes read their text through views that
// remove the snippet marks (storage.MarkStart, storage.MarkEnd), so a mark
// in a snippet always comes from the index. Quotes live in a table keyed
// by (article, position), which an external-content index cannot use: the
// quote index keeps its own copy of the text, under the key
// article id × 2²⁰ + position.
const migrationSearch = `
CREATE VIEW articles_fts_src AS SELECT id,
	replace(replace(title, char(57344), ''), char(57345), '') AS title,
	replace(replace(body, char(57344), ''), char(57345), '') AS body FROM articles;
CREATE VIRTUAL TABLE articles_fts USING fts5(title, body, content='articles_fts_src', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
	INSERT INTO articles_fts(rowid, title, body) VALUES (new.id,
		replace(replace(new.title, char(57344), ''), char(57345), ''),
		replace(replace(new.body, char(57344), ''), char(57345), ''));
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
	INSERT INTO articles_fts(articles_fts, rowid, title, body) VALUES ('delete', old.id,
		replace(replace(old.title, char(57344), ''), char(57345), ''),
		replace(replace(old.body, char(57344), ''), char(57345), ''));
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF id, title, body ON articles BEGIN
	INSERT INTO articles_fts(articles_fts, rowid, title, body) VALUES ('delete', old.id,
		replace(replace(old.title, char(57344), ''), char(57345), ''),
		replace(replace(old.body, char(57344), ''), char(57345), ''));
	INSERT INTO articles_fts(rowid, title, body) VALUES (new.id,
		replace(replace(new.title, char(57344), ''), char(57345), ''),
		replace(replace(new.body, char(57344), ''), char(57345), ''));
END;
INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');

CREATE VIRTUAL TABLE quotes_fts USING fts5(text, speaker, tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN
	INSERT INTO quotes_fts(rowid, text, speaker) VALUES (new.article_id * 1048576 + new.seq,
		replace(replace(new.text, char(57344), ''), char(57345), ''),
		replace(replace(new.speaker, char(57344), ''), char(57345), ''));
END;
CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN
	DELETE FROM quotes_fts WHERE rowid = old.article_id * 1048576 + old.seq;
END;
CREATE TRIGGER quotes_fts_update AFTER UPDATE OF article_id, seq, text, speaker ON quotes BEGIN
	DELETE FROM quotes_fts WHERE rowid = old.article_id * 1048576 + old.seq;
	INSERT INTO quotes_fts(rowid, text, speaker) VALUES (new.article_id * 1048576 + new.seq,
		replace(replace(new.text, char(57344), ''), char(57345), ''),
		replace(replace(new.speaker, char(57344), ''), char(57345), ''));
END;
INSERT INTO quotes_fts(rowid, text, speaker) SELECT article_id * 1048576 + seq,
	replace(replace(text, char(57344), ''), char(57345), ''),
	replace(replace(speaker, char(57344), ''), char(57345), '') FROM quotes;

CREATE VIEW entities_fts_src AS SELECT id,
	replace(replace(name, char(57344), ''), char(57345), '') AS name,
	replace(replace(aliases, char(57344), ''), char(57345), '') AS aliases FROM entities;
CREATE VIRTUAL TABLE entities_fts USING fts5(name, aliases, content='entities_fts_src', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER entities_fts_insert AFTER INSERT ON entities BEGIN
	INSERT INTO entities_fts(rowid, name, aliases) VALUES (new.id,
		replace(replace(new.name, char(57344), ''), char(57345), ''),
		replace(replace(new.aliases, char(57344), ''), char(57345), ''));
END;
CREATE TRIGGER entities_fts_delete AFTER DELETE ON entities BEGIN
	INSERT INTO entities_fts(entities_fts, rowid, name, aliases) VALUES ('delete', old.id,
		replace(replace(old.name, char(57344), ''), char(57345), ''),
		replace(replace(old.aliases, char(57344), ''), char(57345), ''));
END;
CREATE TRIGGER entities_fts_update AFTER UPDATE OF id, name, aliases ON entities BEGIN
	INSERT INTO entities_fts(entities_fts, rowid, name, aliases) VALUES ('delete', old.id,
		replace(replace(old.name, char(57344), ''), char(57345), ''),
		replace(replace(old.aliases, char(57344), ''), char(57345), ''));
	INSERT INTO entities_fts(rowid, name, aliases) VALUES (new.id,
		replace(replace(new.name, char(57344), ''), char(57345), ''),
		replace(replace(new.aliases, char(57344), ''), char(57345), ''));
END;
INSERT INTO entities_fts(entities_fts) VALUES ('rebuild');

CREATE INDEX stories_latest ON stories(last DESC, id DESC);
`

// extraScan scans a row into a record's scanner's targets and then into
// extra ones.
type extraScan struct {
	rows  *sql.Rows
	extra []any
}

func (x extraScan) Scan(dst ...any) error { return x.rows.Scan(append(dst, x.extra...)...) }

// quoteKey is the multiplier of the article id in a quote's index key.
const quoteKey = 1 << 20

// matchQuery turns parsed terms into an FTS5 query in which every term is
// a quoted string ("" when there is nothing to match).
func matchQuery(terms []storage.SearchTerm) string {
	var pos, neg []string
	for _, t := range terms {
		q := `"` + strings.ReplaceAll(t.Text, `"`, `""`) + `"`
		if t.Not {
			neg = append(neg, q)
		} else {
			pos = append(pos, q)
		}
	}
	if len(pos) == 0 {
		return ""
	}
	q := "(" + strings.Join(pos, " ") + ")"
	for _, n := range neg {
		q += " NOT " + n
	}
	return q
}

const marks = `char(57344), char(57345)`

// hasMarks reports whether s holds a snippet mark (storage.MarkStart or
// storage.MarkEnd), which the search indexes leave out of their text.
func hasMarks(s string) bool {
	return strings.Contains(s, storage.MarkStart) || strings.Contains(s, storage.MarkEnd)
}

// unmarked returns the SQL expression of column col with the snippet marks
// removed, as the search indexes hold their text (see migrationSearch).
func unmarked(col string) string {
	return "replace(replace(" + col + ", char(57344), ''), char(57345), '')"
}

// sortedList returns ids, sorted, as the JSON array that json_each reads:
// the indexers add a batch's rows in one statement in key order, so the
// full-text index writes one segment a batch.
func sortedList(ids []int64) string {
	ids = slices.Clone(ids)
	slices.Sort(ids)
	return jsonInts(ids)
}

// jsonInts returns ids, in their order, as a JSON array.
func jsonInts(ids []int64) string {
	b := make([]byte, 0, 2+len(ids)*8)
	b = append(b, '[')
	for i, id := range ids {
		if i > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendInt(b, id, 10)
	}
	return string(append(b, ']'))
}

// SearchWindow is how many of the latest matches an unfiltered search of
// articles or quotes ranks. Ranking reads each match's length: a common
// word matching most of a large store would take long to rank whole, and
// the latest matches are the ones a reader of news looks for. Filtered
// searches rank every match.
const SearchWindow = 1000

// window returns the condition that keeps the SearchWindow latest (largest
// key) matches of match in table.
func window(table, match string) string {
	return ` AND ` + table + `.rowid >= COALESCE((SELECT rowid FROM ` + table + ` WHERE ` + table + ` MATCH ` + match +
		` ORDER BY rowid DESC LIMIT 1 OFFSET ` + fmt.Sprint(SearchWindow-1) + `), 0)`
}

// Search implements storage.Reader: one query ranks the matches and pages
// them by (score, key); a second one reads the page's records and makes
// their snippets.
func (s *Store) Search(ctx context.Context, f storage.SearchFilter) ([]storage.SearchHit, string, error) {
	match := matchQuery(storage.ParseSearch(f.Query))
	if match == "" {
		return nil, "", nil
	}
	after, hasAfter, err := storage.ParseCursor(f.After, 2)
	if err != nil {
		return nil, "", err
	}
	var p params
	m := p.add(match)
	var inner string
	switch f.Kind {
	case storage.SearchArticles, "":
		inner = `SELECT articles_fts.rowid AS k, CAST(-bm25(articles_fts, 5.0, 1.0) * 1000000 AS INTEGER) AS score FROM articles_fts`
		if conds := articleConds(&p, f.StoryID, 0, f.Outlet, f.Dates); conds != "" {
			inner += ` JOIN articles a ON a.id = articles_fts.rowid WHERE articles_fts MATCH ` + m + conds
		} else {
			inner += ` WHERE articles_fts MATCH ` + m + window("articles_fts", m)
		}
	case storage.SearchQuotes:
		inner = `SELECT quotes_fts.rowid AS k, CAST(-bm25(quotes_fts, 1.0, 0.5) * 1000000 AS INTEGER) AS score FROM quotes_fts`
		conds := articleConds(&p, f.StoryID, 0, f.Outlet, f.Dates)
		if conds != "" {
			inner += ` JOIN articles a ON a.id = quotes_fts.rowid / ` + fmt.Sprint(quoteKey)
		}
		inner += ` WHERE quotes_fts MATCH ` + m + conds
		if conds == "" && f.SpeakerID == 0 {
			inner += window("quotes_fts", m)
		}
		if f.SpeakerID != 0 {
			inner += ` AND quotes_fts.rowid IN (SELECT q.article_id * ` + fmt.Sprint(quoteKey) + ` + q.seq FROM quotes q JOIN entity_keys ek ON ek.key = q.speaker_key WHERE ek.entity_id = ` + p.add(f.SpeakerID) + `)`
		}
	case storage.SearchEntities:
		inner = `SELECT entities_fts.rowid AS k, CAST(-bm25(entities_fts, 2.0, 1.0) * 1000000 AS INTEGER) AS score FROM entities_fts`
		if f.Type != "" {
			inner += ` JOIN entities e ON e.id = entities_fts.rowid WHERE entities_fts MATCH ` + m + ` AND e.type = ` + p.add(string(f.Type))
		} else {
			inner += ` WHERE entities_fts MATCH ` + m
		}
	default:
		return nil, "", fmt.Errorf("search: unknown kind %q", f.Kind)
	}
	q := `SELECT k, score FROM (` + inner + `)`
	if hasAfter {
		sc, k := p.add(after[0]), p.add(after[1])
		q += ` WHERE score < ` + sc + ` OR (score = ` + sc + ` AND k > ` + k + `)`
	}
	q += ` ORDER BY score DESC, k` + limitClause(&p, f.Limit)
	type ranked struct{ key, score int64 }
	var page []ranked
	rows, err := s.db.QueryContext(ctx, q, p...)
	if err != nil {
		return nil, "", fmt.Errorf("search: %w", err)
	}
	for rows.Next() {
		var r ranked
		if err := rows.Scan(&r.key, &r.score); err != nil {
			rows.Close()
			return nil, "", fmt.Errorf("search: %w", err)
		}
		page = append(page, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
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
	hits, err := s.searchDetails(ctx, f.Kind, match, keys)
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

// searchDetails reads the records of a page of matches with their
// snippets, by key.
func (s *Store) searchDetails(ctx context.Context, kind storage.SearchKind, match string, keys []int64) (map[int64]storage.SearchHit, error) {
	var p params
	m := p.add(match)
	in := list(&p, keys)
	out := map[int64]storage.SearchHit{}
	switch kind {
	case storage.SearchArticles, "":
		rows, err := s.db.QueryContext(ctx, `SELECT `+refCols+`, highlight(articles_fts, 0, `+marks+`), snippet(articles_fts, 1, `+marks+`, '…', 24)
			FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid WHERE articles_fts MATCH `+m+` AND articles_fts.rowid IN (`+in+`)`, p...)
		if err != nil {
			return nil, err
		}
		defer rows.Close()
		for rows.Next() {
			var h storage.SearchHit
			if err := rows.Scan(append(scanRef(&h.Article), &h.Title, &h.Snippet)...); err != nil {
				return nil, err
			}
			out[h.Article.ID] = h
		}
		return out, rows.Err()
	case storage.SearchQuotes:
		rows, err := s.db.QueryContext(ctx, `SELECT `+refCols+`, a.title, q.seq, q.start_at, q.end_at, q.char_start, q.char_end, q.text, q.kind, q.speaker, q.speaker_mention, q.cue,
			COALESCE(e.id, 0), COALESCE(e.name, ''), highlight(quotes_fts, 0, `+marks+`)
			FROM quotes_fts JOIN quotes q ON q.article_id = quotes_fts.rowid / `+fmt.Sprint(quoteKey)+` AND q.seq = quotes_fts.rowid % `+fmt.Sprint(quoteKey)+`
			JOIN articles a ON a.id = q.article_id
			LEFT JOIN entity_keys k ON k.key = q.speaker_key AND q.speaker_key != ''
			LEFT JOIN entities e ON e.id = k.entity_id
			WHERE quotes_fts MATCH `+m+` AND quotes_fts.rowid IN (`+in+`)`, p...)
		if err != nil {
			return nil, err
		}
		defer rows.Close()
		for rows.Next() {
			var h storage.SearchHit
			r := &storage.QuoteRow{}
			var kind string
			dst := append(scanRef(&r.Article), &h.Title, &r.Seq, &r.Start, &r.End, &r.Chars.Start, &r.Chars.End, &r.Text, &kind, &r.Speaker, &r.SpeakerMention, &r.Cue, &r.SpeakerID, &r.SpeakerName, &h.Snippet)
			if err := rows.Scan(dst...); err != nil {
				return nil, err
			}
			r.Kind = model.QuoteKind(kind)
			r.ArticleID = r.Article.ID
			if r.SpeakerName == "" {
				r.SpeakerName = r.Speaker
			}
			h.Article, h.Quote = r.Article, r
			out[r.Article.ID*quoteKey+int64(r.Seq)] = h
		}
		return out, rows.Err()
	case storage.SearchEntities:
		rows, err := s.db.QueryContext(ctx, `SELECT `+entityCols+`, highlight(entities_fts, 0, `+marks+`), snippet(entities_fts, 1, `+marks+`, '…', 12)
			FROM entities_fts JOIN entities e ON e.id = entities_fts.rowid WHERE entities_fts MATCH `+m+` AND entities_fts.rowid IN (`+in+`)`, p...)
		if err != nil {
			return nil, err
		}
		defer rows.Close()
		for rows.Next() {
			var name, aliases string
			e, _, err := scanEntity(extraScan{rows, []any{&name, &aliases}})
			if err != nil {
				return nil, err
			}
			out[e.ID] = storage.SearchHit{Entity: &e, Snippet: storage.EntitySnippet(name, aliases)}
		}
		return out, rows.Err()
	}
	return nil, fmt.Errorf("unknown kind %q", kind)
}

// TidySearch implements storage.SearchTidier: each full-text index merges
// its segments (FTS5's 'merge' command with a negative page count merges
// segments of every level towards one), at most pages pages of work each.
// On the 100k-article bench store a full merge cut the search answer's p95
// from 60.6 to 14.7 ms (README, under Serve).
func (s *Store) TidySearch(ctx context.Context, pages int) error {
	if pages <= 0 {
		return nil
	}
	w, err := s.writer()
	if err != nil {
		return err
	}
	for _, t := range []string{"articles_fts", "quotes_fts", "entities_fts"} {
		if _, err := w.ExecContext(ctx, `INSERT INTO `+t+`(`+t+`, rank) VALUES ('merge', $1)`, -pages); err != nil {
			return fmt.Errorf("merge search index %s: %w", t, err)
		}
	}
	return nil
}
