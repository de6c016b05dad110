package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/parallax-news/parallax/internal/model"
	"github.com/parallax-news/parallax/internal/storage"
)

const entityCols = `e.id, e.name, e.type, e.mentions, e.articles, e.aliases, e.roles`

func scanEntity(sc interface{ Scan(...any) error }) (model.Entity, int, error) {
	var e model.Entity
	var typ, aliases, roles string
	var articles int
	if err := sc.Scan(&e.ID, &e.Canonical, &typ, &e.Mentions, &articles, &aliases, &roles); err != nil {
		return e, 0, err
	}
	e.Type = model.EntityType(typ)
	if err := json.Unmarshal([]byte(aliases), &e.Aliases); err != nil {
		return e, 0, fmt.Errorf("entity %d aliases: %w", e.ID, err)
	}
	if err := json.Unmarshal([]byte(roles), &e.Roles); err != nil {
		return e, 0, fmt.Errorf("entity %d roles: %w", e.ID, err)
	}
	return e, articles, nil
}

// Entities implements storage.Reader.
func (s *Store) Entities(ctx context.Context, f storage.EntityFilter) ([]model.Entity, string, error) {
	var p params
	q := `SELECT ` + entityCols + ` FROM entities e WHERE 1 = 1`
	if f.Type != "" {
		q += ` AND e.type = ` + p.add(string(f.Type))
	}
	if len(f.Names) > 0 {
		q += ` AND e.id IN (SELECT entity_id FROM entity_names WHERE name IN (` + list(&p, f.Names) + `))`
	}
	after, ok, err := storage.ParseCursor(f.After, 2)
	if err != nil {
		return nil, "", err
	}
	if ok {
		n, id := p.add(after[0]), p.add(after[1])
		q += ` AND (e.mentions < ` + n + ` OR (e.mentions = ` + n + ` AND e.id > ` + id + `))`
	}
	q += ` ORDER BY e.mentions DESC, e.id` + limitClause(&p, f.Limit)
	rows, err := s.db.QueryContext(ctx, q, p...)
	if err != nil {
		return nil, "", fmt.Errorf("list entities: %w", err)
	}
	defer rows.Close()
	var out []model.Entity
	for rows.Next() {
		e, _, err := scanEntity(rows)
		if err != nil {
			return nil, "", fmt.Errorf("list entities: %w", err)
		}
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, "", fmt.Errorf("list entities: %w", err)
	}
	out, more := storage.TrimPage(out, f.Limit)
	next := ""
	if more {
		last := out[len(out)-1]
		next = storage.Cursor(int64(last.Mentions), last.ID)
	}
	return out, next, nil
}

// Entity implements storage.Reader.
func (s *Store) Entity(ctx context.Context, id int64) (model.Entity, error) {
	e, _, err := scanEntity(s.db.QueryRowContext(ctx, `SELECT `+entityCols+` FROM entities e WHERE e.id = $1`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return e, fmt.Errorf("entity %d: %w", id, storage.ErrNotFound)
	}
	if err != nil {
		return e, fmt.Errorf("entity %d: %w", id, err)
	}
	return e, nil
}

const refCols = `a.id, a.external_id, a.outlet, a.story_id, substr(a.published, 1, 10)`

func scanRef(r *storage.ArticleRef) []any {
	return []any{&r.ID, &r.ExternalID, &r.Outlet, &r.StoryID, &r.Published}
}

// EntityArticles implements storage.Reader.
func (s *Store) EntityArticles(ctx context.Context, id int64, pg storage.Page) ([]storage.ArticleRef, string, error) {
	var p params
	q := `SELECT ` + refCols + ` FROM articles a WHERE a.id IN (SELECT m.article_id FROM mention_keys m JOIN entity_keys k ON k.key = m.key WHERE k.entity_id = ` + p.add(id) + `)`
	after, ok, err := storage.ParseCursor(pg.After, 1)
	if err != nil {
		return nil, "", err
	}
	if ok {
		q += ` AND a.id > ` + p.add(after[0])
	}
	q += ` ORDER BY a.id` + limitClause(&p, pg.Limit)
	rows, err := s.db.QueryContext(ctx, q, p...)
	if err != nil {
		return nil, "", fmt.Errorf("entity %d articles: %w", id, err)
	}
	defer rows.Close()
	var out []storage.ArticleRef
	for rows.Next() {
		var r storage.ArticleRef
		if err := rows.Scan(scanRef(&r)...); err != nil {
			return nil, "", fmt.Errorf("entity %d articles: %w", id, err)
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, "", fmt.Errorf("entity %d articles: %w", id, err)
	}
	out, more := storage.TrimPage(out, pg.Limit)
	next := ""
	if more {
		next = storage.Cursor(out[len(out)-1].ID)
	}
	return out, next, nil
}

// quoteRowCols are the columns of a quote row: its article, the quote and its
// speaker's entity.
const quoteRowCols = refCols + `, q.seq, q.start_at, q.end_at, q.char_start, q.char_end, q.text, q.kind, q.speaker, q.speaker_mention, q.cue,
		COALESCE(e.id, 0), COALESCE(e.name, '')`

// quoteJoins join a quote q to its article and its speaker's entity.
const quoteJoins = ` JOIN articles a ON a.id = q.article_id
		LEFT JOIN entity_keys k ON k.key = q.speaker_key AND q.speaker_key != ''
		LEFT JOIN entities e ON e.id = k.entity_id`

// Quotes implements storage.Reader. A speaker's quotes are paged on the
// speaker index alone (its entries hold the quote's key), and only the
// page's quotes are joined to their articles and entities: a speaker with
// tens of thousands of quotes costs a sort of their keys, not a join of
// every one of them.
func (s *Store) Quotes(ctx context.Context, f storage.QuoteFilter) ([]storage.QuoteRow, string, error) {
	var p params
	conds := articleConds(&p, f.StoryID, f.ThreadID, f.Outlet, f.Dates)
	if f.SpeakerID != 0 {
		conds += ` AND q.speaker_key IN (SELECT key FROM entity_keys WHERE entity_id = ` + p.add(f.SpeakerID) + `)`
	}
	after, ok, err := storage.ParseCursor(f.After, 2)
	if err != nil {
		return nil, "", err
	}
	if ok {
		aid, seq := p.add(after[0]), p.add(after[1])
		conds += ` AND (q.article_id > ` + aid + ` OR (q.article_id = ` + aid + ` AND q.seq > ` + seq + `))`
	}
	const order = ` ORDER BY q.article_id, q.seq`
	var q string
	if f.SpeakerID != 0 {
		page := `SELECT q.article_id, q.seq FROM quotes q`
		if f.StoryID != 0 || f.ThreadID != 0 || f.Outlet != "" || f.Dates != (storage.DateRange{}) {
			page += ` JOIN articles a ON a.id = q.article_id`
		}
		page += ` WHERE 1 = 1` + conds + order + limitClause(&p, f.Limit)
		q = `SELECT ` + quoteRowCols + ` FROM (` + page + `) pg
		JOIN quotes q ON q.article_id = pg.article_id AND q.seq = pg.seq` + quoteJoins + order
	} else {
		q = `SELECT ` + quoteRowCols + ` FROM quotes q` + quoteJoins + ` WHERE 1 = 1` + conds + order + limitClause(&p, f.Limit)
	}
	rows, err := s.db.QueryContext(ctx, q, p...)
	if err != nil {
		return nil, "", fmt.Errorf("list quotes: %w", err)
	}
	defer rows.Close()
	var out []storage.QuoteRow
	for rows.Next() {
		var r storage.QuoteRow
		var kind string
		dst := append(scanRef(&r.Article), &r.Seq, &r.Start, &r.End, &r.Chars.Start, &r.Chars.End, &r.Text, &kind, &r.Speaker, &r.SpeakerMention, &r.Cue, &r.SpeakerID, &r.SpeakerName)
		if err := rows.Scan(dst...); err != nil {
			return nil, "", fmt.Errorf("list quotes: %w", err)
		}
		r.Kind = model.QuoteKind(kind)
		r.ArticleID = r.Article.ID
		if r.SpeakerName == "" {
			r.SpeakerName = r.Speaker
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, "", fmt.Errorf("list quotes: %w", err)
	}
	out, more := storage.TrimPage(out, f.Limit)
	next := ""
	if more {
		last := out[len(out)-1]
		next = storage.Cursor(last.Article.ID, int64(last.Seq))
	}
	return out, next, nil
}

// Claims implements storage.Reader: the page of claims, then their stances
// in one query.
func (s *Store) Claims(ctx context.Context, f storage.ClaimFilter) ([]storage.ClaimRow, string, error) {
	var p params
	q := `SELECT c.id, c.story_id, c.text, c.stances FROM claims c WHERE 1 = 1`
	if f.StoryID != 0 {
		q += ` AND c.story_id = ` + p.add(f.StoryID)
	}
	if f.ThreadID != 0 {
		q += ` AND c.story_id IN (SELECT id FROM stories WHERE thread_id = ` + p.add(f.ThreadID) + `)`
	}
	if f.EntityID != 0 {
		q += ` AND c.id IN (SELECT claim_id FROM stances WHERE holder_key IN (SELECT key FROM entity_keys WHERE entity_id = ` + p.add(f.EntityID) + `))`
	}
	if f.Outlet != "" || f.Dates != (storage.DateRange{}) {
		q += ` AND c.id IN (SELECT st.claim_id FROM stances st JOIN articles a ON a.id = st.article_id WHERE st.claim_id != 0` + articleConds(&p, 0, 0, f.Outlet, f.Dates) + `)`
	}
	after, ok, err := storage.ParseCursor(f.After, 2)
	if err != nil {
		return nil, "", err
	}
	if ok {
		n, id := p.add(after[0]), p.add(after[1])
		q += ` AND (c.stances < ` + n + ` OR (c.stances = ` + n + ` AND c.id > ` + id + `))`
	}
	q += ` ORDER BY c.stances DESC, c.id` + limitClause(&p, f.Limit)
	rows, err := s.db.QueryContext(ctx, q, p...)
	if err != nil {
		return nil, "", fmt.Errorf("list claims: %w", err)
	}
	var out []storage.ClaimRow
	var counts []int
	for rows.Next() {
		var c storage.ClaimRow
		var n int
		if err := rows.Scan(&c.ID, &c.StoryID, &c.Text, &n); err != nil {
			rows.Close()
			return nil, "", fmt.Errorf("list claims: %w", err)
		}
		out = append(out, c)
		counts = append(counts, n)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, "", fmt.Errorf("list claims: %w", err)
	}
	out, more := storage.TrimPage(out, f.Limit)
	next := ""
	if more {
		last := len(out) - 1
		next = storage.Cursor(int64(counts[last]), out[last].ID)
	}
	if err := s.claimStances(ctx, out); err != nil {
		return nil, "", err
	}
	return out, next, nil
}

// claimStances fills in the stances of claims.
func (s *Store) claimStances(ctx context.Context, claims []storage.ClaimRow) error {
	idx := map[int64]int{}
	ids := make([]int64, len(claims))
	for i, c := range claims {
		idx[c.ID] = i
		ids[i] = c.ID
	}
	for _, ch := range chunks(len(ids), 500) {
		var p params
		rows, err := s.db.QueryContext(ctx, `SELECT st.claim_id, `+refCols+`, st.start_at, st.end_at, st.char_start, st.char_end, st.holder, st.stance, st.qualifier, st.text, st.proposition,
			COALESCE(e.id, 0), COALESCE(e.name, '')
			FROM stances st JOIN articles a ON a.id = st.article_id
			LEFT JOIN entity_keys k ON k.key = st.holder_key AND st.holder_key != ''
			LEFT JOIN entities e ON e.id = k.entity_id
			WHERE st.claim_id IN (`+list(&p, ids[ch[0]:ch[1]])+`) ORDER BY st.claim_id, st.article_id, st.seq`, p...)
		if err != nil {
			return fmt.Errorf("list claims: %w", err)
		}
		for rows.Next() {
			var cid int64
			var c storage.ClaimStance
			var stance string
			dst := append([]any{&cid}, scanRef(&c.Article)...)
			dst = append(dst, &c.Start, &c.End, &c.Chars.Start, &c.Chars.End, &c.Holder, &stance, &c.Qualifier, &c.Text, &c.Proposition, &c.HolderID, &c.HolderName)
			if err := rows.Scan(dst...); err != nil {
				rows.Close()
				return fmt.Errorf("list claims: %w", err)
			}
			c.Stance = model.Stance(stance)
			c.ArticleID = c.Article.ID
			if c.HolderName == "" {
				c.HolderName = c.Holder
			}
			cl := &claims[idx[cid]]
			cl.Stances = append(cl.Stances, c)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("list claims: %w", err)
		}
	}
	return nil
}

// StoryStances implements storage.Reader.
func (s *Store) StoryStances(ctx context.Context, stories, articles []int64, fn func(storage.StanceRow) error) error {
	// (the lists read through json_each: see lookup.go)
	seen := map[storage.StanceRef]bool{}
	run := func(q string, ids []int64) error {
		for _, ch := range chunks(len(ids), 500) {
			st, err := s.prepared(ctx, q)
			if err != nil {
				return fmt.Errorf("read stances: %w", err)
			}
			rows, err := st.QueryContext(ctx, idList(ids[ch[0]:ch[1]]))
			if err != nil {
				return fmt.Errorf("read stances: %w", err)
			}
			for rows.Next() {
				var r storage.StanceRow
				var stance string
				if err := rows.Scan(&r.StanceRef.ArticleID, &r.Seq, &r.StoryID, &r.ClaimID, &r.Start, &r.End, &r.Holder, &stance, &r.Qualifier, &r.Text, &r.Proposition); err != nil {
					rows.Close()
					return fmt.Errorf("read stances: %w", err)
				}
				r.Stance = model.Stance(stance)
				r.StanceMention.ArticleID = r.StanceRef.ArticleID
				if seen[r.StanceRef] {
					continue
				}
				seen[r.StanceRef] = true
				if err := fn(r); err != nil {
					rows.Close()
					return err
				}
			}
			rows.Close()
			if err := rows.Err(); err != nil {
				return fmt.Errorf("read stances: %w", err)
			}
		}
		return nil
	}
	if err := run(stancesByStory, stories); err != nil {
		return err
	}
	return run(stancesByArticle, articles)
}

// EntityKeyIDs implements storage.Reader.
func (s *Store) EntityKeyIDs(ctx context.Context, keys []string, fn func(key string, id int64) error) error {
	for _, ch := range chunks(len(keys), 500) {
		var p params
		rows, err := s.db.QueryContext(ctx, `SELECT key, entity_id FROM entity_keys WHERE key IN (`+list(&p, keys[ch[0]:ch[1]])+`) ORDER BY key`, p...)
		if err != nil {
			return fmt.Errorf("read entity keys: %w", err)
		}
		for rows.Next() {
			var k string
			var id int64
			if err := rows.Scan(&k, &id); err != nil {
				rows.Close()
				return fmt.Errorf("read entity keys: %w", err)
			}
			if err := fn(k, id); err != nil {
				rows.Close()
				return err
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("read entity keys: %w", err)
		}
	}
	return nil
}

// EntityStates implements storage.Reader.
func (s *Store) EntityStates(ctx context.Context, ids []int64, fn func(id int64, digest string, articles int) error) error {
	for _, ch := range chunks(len(ids), 500) {
		// (see lookup.go)
		st, err := s.prepared(ctx, entityStatesByID)
		if err != nil {
			return fmt.Errorf("read entities: %w", err)
		}
		rows, err := st.QueryContext(ctx, idList(ids[ch[0]:ch[1]]))
		if err != nil {
			return fmt.Errorf("read entities: %w", err)
		}
		for rows.Next() {
			var id int64
			var d string
			var n int
			if err := rows.Scan(&id, &d, &n); err != nil {
				rows.Close()
				return fmt.Errorf("read entities: %w", err)
			}
			if err := fn(id, d, n); err != nil {
				rows.Close()
				return err
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("read entities: %w", err)
		}
	}
	return nil
}

// KeyArticles implements storage.Reader.
func (s *Store) KeyArticles(ctx context.Context, keys []string, through int64, fn func(articleID int64) error) error {
	seen := map[int64]bool{}
	for _, ch := range chunks(len(keys), 500) {
		var p params
		rows, err := s.db.QueryContext(ctx, `SELECT DISTINCT article_id FROM mention_keys WHERE key IN (`+list(&p, keys[ch[0]:ch[1]])+`) AND article_id <= `+p.add(through)+` ORDER BY 1`, p...)
		if err != nil {
			return fmt.Errorf("read mentions: %w", err)
		}
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return fmt.Errorf("read mentions: %w", err)
			}
			if seen[id] {
				continue
			}
			seen[id] = true
			if err := fn(id); err != nil {
				rows.Close()
				return err
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("read mentions: %w", err)
		}
	}
	return nil
}

// KeyArticleCounts implements storage.Reader: a statement per few
// hundred keys (whole groups), each key joined with its mentions through
// the keys' index; a group of more keys than that is counted on its own.
func (s *Store) KeyArticleCounts(ctx context.Context, groups [][]string, through int64, fn func(group, articles int) error) error {
	var part []int
	keys := 0
	flush := func() error {
		if len(part) == 0 {
			return nil
		}
		defer func() { part, keys = part[:0], 0 }()
		var p params
		var q strings.Builder
		q.WriteString(`WITH k(key, g) AS (VALUES `)
		first := true
		for _, g := range part {
			for _, k := range groups[g] {
				if !first {
					q.WriteString(`,`)
				}
				first = false
				q.WriteString(`(` + p.add(k) + `,` + p.add(g) + `)`)
			}
		}
		q.WriteString(`) SELECT k.g, count(DISTINCT m.article_id) FROM k JOIN mention_keys m ON m.key = k.key WHERE m.article_id <= ` + p.add(through) + ` GROUP BY k.g ORDER BY 1`)
		rows, err := s.db.QueryContext(ctx, q.String(), p...)
		if err != nil {
			return fmt.Errorf("count mentions: %w", err)
		}
		defer rows.Close()
		for rows.Next() {
			var g, n int
			if err := rows.Scan(&g, &n); err != nil {
				return fmt.Errorf("count mentions: %w", err)
			}
			if err := fn(g, n); err != nil {
				return err
			}
		}
		if err := rows.Err(); err != nil {
			return fmt.Errorf("count mentions: %w", err)
		}
		return nil
	}
	for g, ks := range groups {
		switch {
		case len(ks) == 0:
		case len(ks) > keysPerCount:
			n := 0
			if err := s.KeyArticles(ctx, ks, through, func(int64) error { n++; return nil }); err != nil {
				return err
			}
			if n > 0 {
				if err := fn(g, n); err != nil {
					return err
				}
			}
		default:
			if keys+len(ks) > keysPerCount {
				if err := flush(); err != nil {
					return err
				}
			}
			part = append(part, g)
			keys += len(ks)
		}
	}
	return flush()
}

// keysPerCount is the number of keys KeyArticleCounts counts the
// articles of in one statement.
const keysPerCount = 400

// Mentions implements storage.Reader.
func (s *Store) Mentions(ctx context.Context, through int64, fn func(articleID int64, externalID string, ms []model.Mention) error) error {
	rows, err := s.db.QueryContext(ctx, `SELECT m.article_id, a.external_id, m.start_at, m.end_at, m.text, m.type, m.role, m.key FROM mentions m JOIN articles a ON a.id = m.article_id WHERE m.article_id <= $1 ORDER BY m.article_id, m.seq`, through)
	if err != nil {
		return fmt.Errorf("read mentions: %w", err)
	}
	defer rows.Close()
	var cur int64
	var ext string
	var ms []model.Mention
	for rows.Next() {
		var aid int64
		var e string
		var m model.Mention
		var typ string
		if err := rows.Scan(&aid, &e, &m.Start, &m.End, &m.Text, &typ, &m.Role, &m.Key); err != nil {
			return fmt.Errorf("read mentions: %w", err)
		}
		m.Type = model.EntityType(typ)
		if aid != cur && len(ms) > 0 {
			if err := fn(cur, ext, ms); err != nil {
				return err
			}
			ms = nil
		}
		cur, ext = aid, e
		ms = append(ms, m)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read mentions: %w", err)
	}
	if len(ms) > 0 {
		return fn(cur, ext, ms)
	}
	return nil
}

// eachPair calls fn with each (text, integer) row of q.
func (s *Store) eachPair(ctx context.Context, q string, fn func(string, int64) error) error {
	rows, err := s.db.QueryContext(ctx, q)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var k string
		var n int64
		if err := rows.Scan(&k, &n); err != nil {
			return err
		}
		if err := fn(k, n); err != nil {
			return err
		}
	}
	return rows.Err()
}
