package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/parallax-news/parallax/internal/model"
	"github.com/parallax-news/parallax/internal/storage"
)

const entityCols = `e.id, e.name, e.type, e.mentions, e.aliases, e.roles`

func scanEntity(sc pgx.Row) (model.Entity, error) {
	var e model.Entity
	var typ, aliases, roles string
	if err := sc.Scan(&e.ID, &e.Canonical, &typ, &e.Mentions, &aliases, &roles); err != nil {
		return e, err
	}
	e.Type = model.EntityType(typ)
	if err := json.Unmarshal([]byte(aliases), &e.Aliases); err != nil {
		return e, fmt.Errorf("entity %d aliases: %w", e.ID, err)
	}
	if err := json.Unmarshal([]byte(roles), &e.Roles); err != nil {
		return e, fmt.Errorf("entity %d roles: %w", e.ID, err)
	}
	return e, nil
}

// Entities implements storage.Reader.
func (s *Store) Entities(ctx context.Context, f storage.EntityFilter) ([]model.Entity, string, error) {
	var p params
	q := `SELECT ` + entityCols + ` FROM entities e WHERE TRUE`
	if f.Type != "" {
		q += ` AND e.type = ` + p.add(string(f.Type))
	}
	if len(f.Names) > 0 {
		q += ` AND e.id IN (SELECT entity_id FROM entity_names WHERE name = ANY(` + p.add(f.Names) + `))`
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
	rows, err := s.pool.Query(ctx, q, p...)
	if err != nil {
		return nil, "", fmt.Errorf("list entities: %w", err)
	}
	var out []model.Entity
	err = eachRow(rows, func() error {
		e, err := scanEntity(rows)
		out = append(out, e)
		return err
	})
	if err != nil {
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
	e, err := scanEntity(s.pool.QueryRow(ctx, `SELECT `+entityCols+` FROM entities e WHERE e.id = $1`, id))
	if errors.Is(err, pgx.ErrNoRows) {
		return e, fmt.Errorf("entity %d: %w", id, storage.ErrNotFound)
	}
	if err != nil {
		return e, fmt.Errorf("entity %d: %w", id, err)
	}
	return e, nil
}

const refCols = `a.id, a.external_id, a.outlet, a.story_id, left(a.published, 10)`

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
	rows, err := s.pool.Query(ctx, q, p...)
	if err != nil {
		return nil, "", fmt.Errorf("entity %d articles: %w", id, err)
	}
	var out []storage.ArticleRef
	err = eachRow(rows, func() error {
		var r storage.ArticleRef
		err := rows.Scan(scanRef(&r)...)
		out = append(out, r)
		return err
	})
	if err != nil {
		return nil, "", fmt.Errorf("entity %d articles: %w", id, err)
	}
	out, more := storage.TrimPage(out, pg.Limit)
	next := ""
	if more {
		next = storage.Cursor(out[len(out)-1].ID)
	}
	return out, next, nil
}

// Quotes implements storage.Reader.
func (s *Store) Quotes(ctx context.Context, f storage.QuoteFilter) ([]storage.QuoteRow, string, error) {
	var p params
	q := `SELECT ` + refCols + `, q.seq, q.start_at, q.end_at, q.char_start, q.char_end, q.text, q.kind, q.speaker, q.speaker_mention, q.cue,
		COALESCE(e.id, 0), COALESCE(e.name, '')
		FROM quotes q JOIN articles a ON a.id = q.article_id
		LEFT JOIN entity_keys k ON k.key = q.speaker_key AND q.speaker_key != ''
		LEFT JOIN entities e ON e.id = k.entity_id
		WHERE TRUE` + articleConds(&p, f.StoryID, f.ThreadID, f.Outlet, f.Dates)
	if f.SpeakerID != 0 {
		q += ` AND q.speaker_key IN (SELECT key FROM entity_keys WHERE entity_id = ` + p.add(f.SpeakerID) + `)`
	}
	after, ok, err := storage.ParseCursor(f.After, 2)
	if err != nil {
		return nil, "", err
	}
	if ok {
		aid, seq := p.add(after[0]), p.add(after[1])
		q += ` AND (q.article_id > ` + aid + ` OR (q.article_id = ` + aid + ` AND q.seq > ` + seq + `))`
	}
	q += ` ORDER BY q.article_id, q.seq` + limitClause(&p, f.Limit)
	rows, err := s.pool.Query(ctx, q, p...)
	if err != nil {
		return nil, "", fmt.Errorf("list quotes: %w", err)
	}
	var out []storage.QuoteRow
	err = eachRow(rows, func() error {
		var r storage.QuoteRow
		var kind string
		dst := append(scanRef(&r.Article), &r.Seq, &r.Start, &r.End, &r.Chars.Start, &r.Chars.End, &r.Text, &kind, &r.Speaker, &r.SpeakerMention, &r.Cue, &r.SpeakerID, &r.SpeakerName)
		if err := rows.Scan(dst...); err != nil {
			return err
		}
		r.Kind = model.QuoteKind(kind)
		r.ArticleID = r.Article.ID
		if r.SpeakerName == "" {
			r.SpeakerName = r.Speaker
		}
		out = append(out, r)
		return nil
	})
	if err != nil {
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
	q := `SELECT c.id, c.story_id, c.text, c.stances FROM claims c WHERE TRUE`
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
	rows, err := s.pool.Query(ctx, q, p...)
	if err != nil {
		return nil, "", fmt.Errorf("list claims: %w", err)
	}
	var out []storage.ClaimRow
	var counts []int
	err = eachRow(rows, func() error {
		var c storage.ClaimRow
		var n int
		err := rows.Scan(&c.ID, &c.StoryID, &c.Text, &n)
		out = append(out, c)
		counts = append(counts, n)
		return err
	})
	if err != nil {
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
	if len(claims) == 0 {
		return nil
	}
	idx := map[int64]int{}
	ids := make([]int64, len(claims))
	for i, c := range claims {
		idx[c.ID] = i
		ids[i] = c.ID
	}
	rows, err := s.pool.Query(ctx, `SELECT st.claim_id, `+refCols+`, st.start_at, st.end_at, st.char_start, st.char_end, st.holder, st.stance, st.qualifier, st.text, st.proposition,
		COALESCE(e.id, 0), COALESCE(e.name, '')
		FROM stances st JOIN articles a ON a.id = st.article_id
		LEFT JOIN entity_keys k ON k.key = st.holder_key AND st.holder_key != ''
		LEFT JOIN entities e ON e.id = k.entity_id
		WHERE st.claim_id = ANY($1) ORDER BY st.claim_id, st.article_id, st.seq`, ids)
	if err != nil {
		return fmt.Errorf("list claims: %w", err)
	}
	err = eachRow(rows, func() error {
		var cid int64
		var c storage.ClaimStance
		var stance string
		dst := append([]any{&cid}, scanRef(&c.Article)...)
		dst = append(dst, &c.Start, &c.End, &c.Chars.Start, &c.Chars.End, &c.Holder, &stance, &c.Qualifier, &c.Text, &c.Proposition, &c.HolderID, &c.HolderName)
		if err := rows.Scan(dst...); err != nil {
			return err
		}
		c.Stance = model.Stance(stance)
		c.ArticleID = c.Article.ID
		if c.HolderName == "" {
			c.HolderName = c.Holder
		}
		cl := &claims[idx[cid]]
		cl.Stances = append(cl.Stances, c)
		return nil
	})
	if err != nil {
		return fmt.Errorf("list claims: %w", err)
	}
	return nil
}

// StoryStances implements storage.Reader.
func (s *Store) StoryStances(ctx context.Context, stories, articles []int64, fn func(storage.StanceRow) error) error {
	if len(stories)+len(articles) == 0 {
		return nil
	}
	// The articles of the stories and the articles named are found
	// through the indexes of articles, and their stances through the
	// index of stances, each a lookup in a loop (OFFSET 0 keeps the
	// subqueries from being pulled up): joined on a condition with OR,
	// the server read both tables whole for every batch.
	rows, err := s.pool.Query(ctx, `SELECT st.article_id, st.seq, a.story_id, st.claim_id, st.start_at, st.end_at, st.holder, st.stance, st.qualifier, st.text, st.proposition
		FROM (SELECT a.id, a.story_id FROM unnest($1::bigint[]) AS s(id) CROSS JOIN LATERAL (SELECT id, story_id FROM articles WHERE story_id = s.id OFFSET 0) a
			UNION SELECT a.id, a.story_id FROM unnest($2::bigint[]) AS x(id) CROSS JOIN LATERAL (SELECT id, story_id FROM articles WHERE id = x.id OFFSET 0) a) a
		CROSS JOIN LATERAL (SELECT * FROM stances WHERE article_id = a.id OFFSET 0) st
		ORDER BY st.article_id, st.seq`, nonNilIDs(stories), nonNilIDs(articles))
	if err != nil {
		return fmt.Errorf("read stances: %w", err)
	}
	var fnErr error
	err = eachRow(rows, func() error {
		var r storage.StanceRow
		var stance string
		if err := rows.Scan(&r.StanceRef.ArticleID, &r.Seq, &r.StoryID, &r.ClaimID, &r.Start, &r.End, &r.Holder, &stance, &r.Qualifier, &r.Text, &r.Proposition); err != nil {
			return err
		}
		r.Stance = model.Stance(stance)
		r.StanceMention.ArticleID = r.StanceRef.ArticleID
		fnErr = fn(r)
		return fnErr
	})
	if fnErr != nil {
		return fnErr
	}
	if err != nil {
		return fmt.Errorf("read stances: %w", err)
	}
	return nil
}

func nonNilIDs(ids []int64) []int64 {
	if ids == nil {
		return []int64{}
	}
	return ids
}

// EntityKeyIDs implements storage.Reader.
func (s *Store) EntityKeyIDs(ctx context.Context, keys []string, fn func(key string, id int64) error) error {
	if keys == nil {
		keys = []string{}
	}
	rows, err := s.pool.Query(ctx, `SELECT key, entity_id FROM entity_keys WHERE key = ANY($1) ORDER BY key`, keys)
	if err != nil {
		return fmt.Errorf("read entity keys: %w", err)
	}
	var k string
	var id int64
	return eachRowCall(rows, "read entity keys", func() error { return rows.Scan(&k, &id) }, func() error { return fn(k, id) })
}

// EntityStates implements storage.Reader.
func (s *Store) EntityStates(ctx context.Context, ids []int64, fn func(id int64, digest string, articles int) error) error {
	rows, err := s.pool.Query(ctx, `SELECT id, digest, articles FROM entities WHERE id = ANY($1) ORDER BY id`, nonNilIDs(ids))
	if err != nil {
		return fmt.Errorf("read entities: %w", err)
	}
	var id int64
	var d string
	var n int
	return eachRowCall(rows, "read entities", func() error { return rows.Scan(&id, &d, &n) }, func() error { return fn(id, d, n) })
}

// KeyArticles implements storage.Reader.
func (s *Store) KeyArticles(ctx context.Context, keys []string, through int64, fn func(articleID int64) error) error {
	if keys == nil {
		keys = []string{}
	}
	rows, err := s.pool.Query(ctx, `SELECT DISTINCT article_id FROM mention_keys WHERE key = ANY($1) AND article_id <= $2 ORDER BY 1`, keys, through)
	if err != nil {
		return fmt.Errorf("read mentions: %w", err)
	}
	var id int64
	return eachRowCall(rows, "read mentions", func() error { return rows.Scan(&id) }, func() error { return fn(id) })
}

// KeyArticleCounts implements storage.Reader: one statement, each key
// joined with its mentions through their key's index (the subquery is not
// pulled up, OFFSET 0: as a plain join the server chose to read the whole
// table, more of it with every batch the store holds).
func (s *Store) KeyArticleCounts(ctx context.Context, groups [][]string, through int64, fn func(group, articles int) error) error {
	var keys []string
	var of []int32
	for g, ks := range groups {
		for _, k := range ks {
			keys = append(keys, k)
			of = append(of, int32(g))
		}
	}
	if len(keys) == 0 {
		return nil
	}
	rows, err := s.pool.Query(ctx, `SELECT k.g, count(DISTINCT m.article_id) FROM unnest($1::text[], $2::int[]) AS k(key, g)
		CROSS JOIN LATERAL (SELECT article_id FROM mention_keys WHERE key = k.key AND article_id <= $3 OFFSET 0) m GROUP BY k.g ORDER BY 1`, keys, of, through)
	if err != nil {
		return fmt.Errorf("count mentions: %w", err)
	}
	var g int32
	var n int64
	return eachRowCall(rows, "count mentions", func() error { return rows.Scan(&g, &n) }, func() error { return fn(int(g), int(n)) })
}

// Mentions implements storage.Reader.
func (s *Store) Mentions(ctx context.Context, through int64, fn func(articleID int64, externalID string, ms []model.Mention) error) error {
	return s.eachMentionList(ctx, through, fn)
}
