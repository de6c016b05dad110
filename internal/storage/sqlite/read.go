package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"sort"

	"github.com/parallax-news/parallax/internal/model"
	"github.com/parallax-news/parallax/internal/storage"
)

// limitClause appends a LIMIT of one more than the page holds (to tell
// whether a next page exists), or nothing for an unbounded page.
func limitClause(p *params, limit int) string {
	if limit <= 0 {
		return ""
	}
	return ` LIMIT ` + p.add(limit+1)
}

// dateConds appends conditions on a published column for a date range.
func dateConds(p *params, col string, d storage.DateRange) string {
	var q string
	if d.From != "" {
		q += ` AND ` + col + ` >= ` + p.add(d.From)
	}
	if d.To != "" {
		// published is RFC 3339; every time of the last day sorts below
		// the day followed by a character above 'T'.
		q += ` AND ` + col + ` < ` + p.add(d.To+"U") + ` AND ` + col + ` != ''`
	}
	return q
}

// articleConds appends the conditions of an article filter on the articles
// table aliased a.
func articleConds(p *params, storyID, threadID int64, outlet string, d storage.DateRange) string {
	var q string
	if storyID != 0 {
		q += ` AND a.story_id = ` + p.add(storyID)
	}
	if threadID != 0 {
		q += ` AND a.story_id IN (SELECT id FROM stories WHERE thread_id = ` + p.add(threadID) + `)`
	}
	if outlet != "" {
		q += ` AND lower(a.outlet) = ` + p.add(model.OutletKey(outlet))
	}
	return q + dateConds(p, "a.published", d)
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
	st.First, st.Last = storage.ParseTime(first), storage.ParseTime(last)
	return st, nil
}

// Stories implements storage.Reader.
func (s *Store) Stories(ctx context.Context, f storage.StoryFilter) ([]model.Story, string, error) {
	var p params
	q := `SELECT ` + storyCols + ` FROM stories WHERE articles >= ` + p.add(f.MinArticles)
	if f.ThreadID != 0 {
		q += ` AND thread_id = ` + p.add(f.ThreadID)
	}
	if f.Exclusive && f.Outlet != "" {
		// The stored outlets of a story are its distinct named outlets.
		q += ` AND json_array_length(outlets) = 1 AND lower(json_extract(outlets, '$[0]')) = ` + p.add(model.OutletKey(f.Outlet))
		f.Outlet = ""
	}
	if f.Outlet != "" || f.Dates != (storage.DateRange{}) {
		q += ` AND id IN (SELECT a.story_id FROM articles a WHERE 1 = 1` + articleConds(&p, 0, 0, f.Outlet, f.Dates) + `)`
	}
	if f.EntityID != 0 {
		// Index reads only: the entity's keys, their mentions (by key),
		// the mentioning articles (by id).
		q += ` AND id IN (SELECT a.story_id FROM articles a WHERE a.id IN (SELECT m.article_id FROM mention_keys m WHERE m.key IN (SELECT key FROM entity_keys WHERE entity_id = ` + p.add(f.EntityID) + `)))`
	}
	after, _, err := storage.ParseCursor(f.After, 2)
	if err != nil {
		return nil, "", err
	}
	cond, order := storage.StoryOrder(f.Latest, after, p.add)
	q += cond + order + limitClause(&p, f.Limit)
	rows, err := s.db.QueryContext(ctx, q, p...)
	if err != nil {
		return nil, "", fmt.Errorf("list stories: %w", err)
	}
	defer rows.Close()
	var out []model.Story
	for rows.Next() {
		st, err := scanStory(rows)
		if err != nil {
			return nil, "", fmt.Errorf("list stories: %w", err)
		}
		out = append(out, st)
	}
	if err := rows.Err(); err != nil {
		return nil, "", fmt.Errorf("list stories: %w", err)
	}
	out, more := storage.TrimPage(out, f.Limit)
	next := ""
	if more {
		next = storage.StoryCursor(out[len(out)-1], f.Latest)
	}
	return out, next, nil
}

// Story implements storage.Reader.
func (s *Store) Story(ctx context.Context, id int64) (model.Story, error) {
	st, err := scanStory(s.db.QueryRowContext(ctx, `SELECT `+storyCols+` FROM stories WHERE id = $1`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return st, fmt.Errorf("story %d: %w", id, storage.ErrNotFound)
	}
	if err != nil {
		return st, fmt.Errorf("story %d: %w", id, err)
	}
	return st, nil
}

// StoryThreads implements storage.StoryThreader.
func (s *Store) StoryThreads(ctx context.Context, ids []int64) (map[int64]int64, error) {
	out := make(map[int64]int64, len(ids))
	st, err := s.prepared(ctx, storyThreadsByID)
	if err != nil {
		return nil, fmt.Errorf("story threads: %w", err)
	}
	for _, ch := range chunks(len(ids), 5000) {
		rows, err := st.QueryContext(ctx, idList(ids[ch[0]:ch[1]]))
		if err != nil {
			return nil, fmt.Errorf("story threads: %w", err)
		}
		for rows.Next() {
			var id, thread int64
			if err := rows.Scan(&id, &thread); err != nil {
				rows.Close()
				return nil, fmt.Errorf("story threads: %w", err)
			}
			out[id] = thread
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("story threads: %w", err)
		}
	}
	return out, nil
}

// Threads implements storage.Reader. Threads and their stories come from
// one query; the page is a number of threads.
func (s *Store) Threads(ctx context.Context, f storage.ThreadFilter) ([]model.Thread, string, error) {
	var p params
	q := `SELECT ` + storyCols + ` FROM stories WHERE thread_id IN (SELECT thread_id FROM stories WHERE thread_id != 0 GROUP BY thread_id`
	after, ok, err := storage.ParseCursor(f.After, 2)
	if err != nil {
		return nil, "", err
	}
	if ok {
		n, id := p.add(after[0]), p.add(after[1])
		q += ` HAVING COUNT(*) < ` + n + ` OR (COUNT(*) = ` + n + ` AND thread_id > ` + id + `)`
	}
	q += ` ORDER BY COUNT(*) DESC, thread_id` + limitClause(&p, f.Limit) + `) ORDER BY thread_id, first, id`
	rows, err := s.db.QueryContext(ctx, q, p...)
	if err != nil {
		return nil, "", fmt.Errorf("list threads: %w", err)
	}
	defer rows.Close()
	byID := map[int64]*model.Thread{}
	var order []int64
	for rows.Next() {
		st, err := scanStory(rows)
		if err != nil {
			return nil, "", fmt.Errorf("list threads: %w", err)
		}
		t := byID[st.ThreadID]
		if t == nil {
			t = &model.Thread{ID: st.ThreadID, Title: st.Headline}
			byID[st.ThreadID] = t
			order = append(order, st.ThreadID)
		}
		t.StoryIDs = append(t.StoryIDs, st.ID)
		t.Stories = append(t.Stories, st)
		if !st.First.IsZero() && (t.First.IsZero() || st.First.Before(t.First)) {
			t.First = st.First
		}
		if st.Last.After(t.Last) {
			t.Last = st.Last
		}
	}
	if err := rows.Err(); err != nil {
		return nil, "", fmt.Errorf("list threads: %w", err)
	}
	out := make([]model.Thread, 0, len(order))
	for _, id := range order {
		out = append(out, *byID[id])
	}
	sortThreads(out)
	out, more := storage.TrimPage(out, f.Limit)
	next := ""
	if more {
		last := out[len(out)-1]
		next = storage.Cursor(int64(len(last.StoryIDs)), last.ID)
	}
	return out, next, nil
}

func sortThreads(ts []model.Thread) {
	sort.SliceStable(ts, func(i, j int) bool {
		if len(ts[i].StoryIDs) != len(ts[j].StoryIDs) {
			return len(ts[i].StoryIDs) > len(ts[j].StoryIDs)
		}
		return ts[i].ID < ts[j].ID
	})
}

const articleCols = `a.id, a.external_id, a.hash, a.title, a.body, a.url, a.outlet, a.author, a.language, a.published, a.source, a.meta, a.story_id, a.duplicate_of`

func scanArticle(sc interface{ Scan(...any) error }) (*model.Article, error) {
	var a model.Article
	var pub, meta string
	if err := sc.Scan(&a.ID, &a.ExternalID, &a.Hash, &a.Title, &a.Text, &a.URL, &a.Outlet, &a.Author, &a.Language, &pub, &a.Source, &meta, &a.StoryID, &a.DuplicateOf); err != nil {
		return nil, err
	}
	a.Published = storage.ParseTime(pub)
	if meta != "" {
		if err := json.Unmarshal([]byte(meta), &a.Meta); err != nil {
			return nil, fmt.Errorf("article %s meta: %w", a.ExternalID, err)
		}
	}
	return &a, nil
}

// Article implements storage.Reader.
func (s *Store) Article(ctx context.Context, id int64) (*model.Article, error) {
	a, err := scanArticle(s.db.QueryRowContext(ctx, `SELECT `+articleCols+` FROM articles a WHERE a.id = $1`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("article %d: %w", id, storage.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("article %d: %w", id, err)
	}
	return a, nil
}

// Articles implements storage.Reader.
func (s *Store) Articles(ctx context.Context, f storage.ArticleFilter, fn func(*model.Article) error) error {
	var p params
	q := `SELECT ` + articleCols + ` FROM articles a WHERE a.id > ` + p.add(f.AfterID)
	if len(f.IDs) > 0 {
		q += ` AND a.id IN (SELECT value FROM json_each(` + p.add(sortedList(f.IDs)) + `))`
	}
	q += articleConds(&p, f.StoryID, f.ThreadID, f.Outlet, f.Dates) + ` ORDER BY a.id`
	if f.Limit > 0 {
		q += ` LIMIT ` + p.add(f.Limit)
	}
	rows, err := s.db.QueryContext(ctx, q, p...)
	if err != nil {
		return fmt.Errorf("read articles: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		a, err := scanArticle(rows)
		if err != nil {
			return fmt.Errorf("read articles: %w", err)
		}
		if err := fn(a); err != nil {
			return err
		}
	}
	return rows.Err()
}

// Counts implements storage.Reader.
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
