package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strconv"

	"github.com/jackc/pgx/v5"

	"github.com/parallax-news/parallax/internal/model"
	"github.com/parallax-news/parallax/internal/storage"
)

// params collects the arguments of a query and hands out their numbered
// placeholders.
type params []any

// add appends v and returns its placeholder.
func (p *params) add(v any) string {
	*p = append(*p, v)
	return "$" + strconv.Itoa(len(*p))
}

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

func scanStory(sc pgx.Row) (model.Story, error) {
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
		q += ` AND json_array_length(outlets::json) = 1 AND lower(outlets::json->>0) = ` + p.add(model.OutletKey(f.Outlet))
		f.Outlet = ""
	}
	if f.Outlet != "" || f.Dates != (storage.DateRange{}) {
		q += ` AND id IN (SELECT a.story_id FROM articles a WHERE TRUE` + articleConds(&p, 0, 0, f.Outlet, f.Dates) + `)`
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
	rows, err := s.pool.Query(ctx, q, p...)
	if err != nil {
		return nil, "", fmt.Errorf("list stories: %w", err)
	}
	var out []model.Story
	err = eachRow(rows, func() error {
		st, err := scanStory(rows)
		out = append(out, st)
		return err
	})
	if err != nil {
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
	st, err := scanStory(s.pool.QueryRow(ctx, `SELECT `+storyCols+` FROM stories WHERE id = $1`, id))
	if errors.Is(err, pgx.ErrNoRows) {
		return st, fmt.Errorf("story %d: %w", id, storage.ErrNotFound)
	}
	if err != nil {
		return st, fmt.Errorf("story %d: %w", id, err)
	}
	return st, nil
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
	rows, err := s.pool.Query(ctx, q, p...)
	if err != nil {
		return nil, "", fmt.Errorf("list threads: %w", err)
	}
	byID := map[int64]*model.Thread{}
	var order []int64
	err = eachRow(rows, func() error {
		st, err := scanStory(rows)
		if err != nil {
			return err
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
		return nil
	})
	if err != nil {
		return nil, "", fmt.Errorf("list threads: %w", err)
	}
	out := make([]model.Thread, 0, len(order))
	for _, id := range order {
		out = append(out, *byID[id])
	}
	sort.SliceStable(out, func(i, j int) bool {
		if len(out[i].StoryIDs) != len(out[j].StoryIDs) {
			return len(out[i].StoryIDs) > len(out[j].StoryIDs)
		}
		return out[i].ID < out[j].ID
	})
	out, more := storage.TrimPage(out, f.Limit)
	next := ""
	if more {
		last := out[len(out)-1]
		next = storage.Cursor(int64(len(last.StoryIDs)), last.ID)
	}
	return out, next, nil
}

const articleCols = `a.id, a.external_id, a.hash, a.title, a.body, a.url, a.outlet, a.author, a.language, a.published, a.source, a.meta, a.story_id, a.duplicate_of`

func scanArticle(sc pgx.Row) (*model.Article, error) {
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
	a, err := scanArticle(s.pool.QueryRow(ctx, `SELECT `+articleCols+` FROM articles a WHERE a.id = $1`, id))
	if errors.Is(err, pgx.ErrNoRows) {
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
	// Ids are positive: without a cursor there is no range on ids, which
	// a planner without statistics (a store just loaded, a server without
	// autovacuum) combined with a story's index by scanning the whole
	// primary key, 25 ms a story page on 100,000 articles.
	q := `SELECT ` + articleCols + ` FROM articles a WHERE TRUE`
	if f.AfterID > 0 {
		q += ` AND a.id > ` + p.add(f.AfterID)
	}
	if len(f.IDs) > 0 {
		q += ` AND a.id = ANY(` + p.add(f.IDs) + `)`
	}
	q += articleConds(&p, f.StoryID, f.ThreadID, f.Outlet, f.Dates) + ` ORDER BY a.id`
	if f.Limit > 0 {
		q += ` LIMIT ` + p.add(f.Limit)
	}
	rows, err := s.pool.Query(ctx, q, p...)
	if err != nil {
		return fmt.Errorf("read articles: %w", err)
	}
	var fnErr error
	err = eachRow(rows, func() error {
		a, err := scanArticle(rows)
		if err != nil {
			return err
		}
		fnErr = fn(a)
		return fnErr
	})
	if fnErr != nil {
		return fnErr
	}
	if err != nil {
		return fmt.Errorf("read articles: %w", err)
	}
	return nil
}

// Counts implements storage.Reader.
func (s *Store) Counts(ctx context.Context) (storage.Counts, error) {
	var c storage.Counts
	err := s.pool.QueryRow(ctx, `SELECT
		(SELECT COUNT(*) FROM articles),
		(SELECT COUNT(*) FROM articles WHERE duplicate_of != 0),
		(SELECT COUNT(*) FROM stories),
		(SELECT COUNT(DISTINCT thread_id) FROM stories WHERE thread_id != 0)`).Scan(&c.Articles, &c.Duplicates, &c.Stories, &c.Threads)
	if err != nil {
		return c, fmt.Errorf("count: %w", err)
	}
	return c, nil
}
