// Package api serves a Parallax store as a JSON API under /api/v1/, with
// cursor paging, filters as query parameters and errors as JSON, and holds
// the read service (Data) that the web pages share with it. Everything is
// read through storage.Reader; nothing here writes to the store or runs
// the pipeline.
package api

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/parallax-news/parallax/internal/analyze/entity"
	"github.com/parallax-news/parallax/internal/compare"
	"github.com/parallax-news/parallax/internal/compare/stored"
	"github.com/parallax-news/parallax/internal/model"
	"github.com/parallax-news/parallax/internal/outlet"
	"github.com/parallax-news/parallax/internal/storage"
)

// Page size limits of every list.
const (
	DefaultLimit = 50
	MaxLimit     = 500
)

// BadRequestError is a request whose parameters are wrong; it maps to
// HTTP status 400.
type BadRequestError struct{ Msg string }

func (e *BadRequestError) Error() string { return e.Msg }

// badRequest returns a BadRequestError with a formatted message.
func badRequest(format string, args ...any) error {
	return &BadRequestError{Msg: fmt.Sprintf(format, args...)}
}

// Data reads what the API and the web pages show. It is safe for
// concurrent use.
type Data struct {
	r       storage.Reader
	outlets func(context.Context) (*outlet.Registry, error)
	cache   *comparisonCache
	memo    memo
	// analysisVersion, put and onPutError say how comparisons are kept
	// (see StoreComparisons).
	analysisVersion string
	put             func(context.Context, []storage.StoredComparison) error
	onPutError      func(error)
}

// StoreComparisons says which analysis version the store's analysis was
// made by (stored comparisons are current only for it) and how new
// comparisons are stored: put (nil: through the reader, which refuses
// when read-only), with failures reported to onPutError (nil: ignored).
// Call it before serving.
func (d *Data) StoreComparisons(analysisVersion string, put func(context.Context, []storage.StoredComparison) error, onPutError func(error)) {
	d.analysisVersion, d.put, d.onPutError = analysisVersion, put, onPutError
}

// NewData returns a read service over r. outlets loads the outlet registry
// that comparisons name outlets by (nil: none).
func NewData(r storage.Reader, outlets func(context.Context) (*outlet.Registry, error)) *Data {
	return &Data{r: r, outlets: outlets, cache: newComparisonCache(256)}
}

// Reader returns the store the service reads.
func (d *Data) Reader() storage.Reader { return d.r }

// StoryQuery selects a page of stories.
type StoryQuery struct {
	From, To    string // YYYY-MM-DD, inclusive
	Outlet      string
	MinOutlets  int
	MinArticles int
	Thread      int64
	// Entity selects the stories that mention an entity: its id, or a
	// name or spelling of it (see ResolveEntity).
	Entity string
	// Latest orders the stories latest first instead of largest first.
	Latest bool
	// Exclusive, with Outlet, selects the stories no other outlet has.
	Exclusive bool
	Limit     int
	After     string
}

// ListQuery is the paging and filters common to the lists of quotes,
// claims and articles.
type ListQuery struct {
	Story, Thread int64
	// Entity is the speaker (quotes) or holder (claims).
	Entity   int64
	Outlet   string
	From, To string
	Limit    int
	After    string
}

// EntityQuery selects a page of entities.
type EntityQuery struct {
	Type  model.EntityType
	Name  string
	Limit int
	After string
}

// ParseStoryQuery reads a StoryQuery from query parameters from, to,
// outlet, exclusive (with outlet: only the stories no other outlet has),
// min_outlets, min_articles, thread, entity, order (largest or latest),
// limit and after.
func ParseStoryQuery(v url.Values) (StoryQuery, error) {
	var q StoryQuery
	var err error
	if q.From, q.To, err = parseDates(v); err != nil {
		return q, err
	}
	q.Outlet = strings.TrimSpace(v.Get("outlet"))
	if q.MinOutlets, err = parseInt(v, "min_outlets", 0, 10000); err != nil {
		return q, err
	}
	if q.MinArticles, err = parseInt(v, "min_articles", 0, 1<<30); err != nil {
		return q, err
	}
	if q.Thread, err = parseID(v, "thread"); err != nil {
		return q, err
	}
	q.Entity = strings.TrimSpace(v.Get("entity"))
	if len(q.Entity) > 200 {
		return q, badRequest("entity is longer than 200 bytes")
	}
	switch e := v.Get("exclusive"); e {
	case "", "0", "false":
	case "1", "true":
		if q.Outlet == "" {
			return q, badRequest("exclusive needs an outlet")
		}
		q.Exclusive = true
	default:
		return q, badRequest("exclusive %q: want 1 or 0", clip(e, 20))
	}
	switch o := v.Get("order"); o {
	case "", "largest":
	case "latest":
		q.Latest = true
	default:
		return q, badRequest("order %q: want largest or latest", clip(o, 40))
	}
	q.Limit, q.After, err = parsePage(v)
	return q, err
}

// ParseListQuery reads a ListQuery from query parameters story, thread,
// entity (or speaker/holder), outlet, from, to, limit and after.
func ParseListQuery(v url.Values, entityParam string) (ListQuery, error) {
	var q ListQuery
	var err error
	if q.From, q.To, err = parseDates(v); err != nil {
		return q, err
	}
	q.Outlet = strings.TrimSpace(v.Get("outlet"))
	if q.Story, err = parseID(v, "story"); err != nil {
		return q, err
	}
	if q.Thread, err = parseID(v, "thread"); err != nil {
		return q, err
	}
	if entityParam != "" {
		if q.Entity, err = parseID(v, entityParam); err != nil {
			return q, err
		}
	}
	q.Limit, q.After, err = parsePage(v)
	return q, err
}

// ParseEntityQuery reads an EntityQuery from query parameters type, name,
// limit and after.
func ParseEntityQuery(v url.Values) (EntityQuery, error) {
	var q EntityQuery
	switch t := model.EntityType(v.Get("type")); t {
	case "", model.Person, model.Organization, model.Place, model.Other:
		q.Type = t
	default:
		return q, badRequest("type %q: want person, organization, place or other", t)
	}
	q.Name = strings.TrimSpace(v.Get("name"))
	if len(q.Name) > 200 {
		return q, badRequest("name is longer than 200 bytes")
	}
	var err error
	q.Limit, q.After, err = parsePage(v)
	return q, err
}

// ParseID parses a record id from a path segment.
func ParseID(s string) (int64, error) {
	id, err := strconv.ParseInt(s, 10, 64)
	if err != nil || id <= 0 {
		return 0, badRequest("id %q is not a positive number", clip(s, 40))
	}
	return id, nil
}

func parseDates(v url.Values) (from, to string, err error) {
	for _, p := range []struct {
		name string
		dst  *string
	}{{"from", &from}, {"to", &to}} {
		s := strings.TrimSpace(v.Get(p.name))
		if s == "" {
			continue
		}
		if _, err := time.Parse(time.DateOnly, s); err != nil {
			return "", "", badRequest("%s %q: want a date as YYYY-MM-DD", p.name, clip(s, 40))
		}
		*p.dst = s
	}
	if from != "" && to != "" && from > to {
		return "", "", badRequest("from %s is after to %s", from, to)
	}
	return from, to, nil
}

func parseInt(v url.Values, name string, lo, hi int) (int, error) {
	s := strings.TrimSpace(v.Get(name))
	if s == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < lo || n > hi {
		return 0, badRequest("%s %q: want a whole number from %d to %d", name, clip(s, 40), lo, hi)
	}
	return n, nil
}

func parseID(v url.Values, name string) (int64, error) {
	s := strings.TrimSpace(v.Get(name))
	if s == "" {
		return 0, nil
	}
	id, err := strconv.ParseInt(s, 10, 64)
	if err != nil || id <= 0 {
		return 0, badRequest("%s %q: want a positive id", name, clip(s, 40))
	}
	return id, nil
}

// parsePage reads limit (default DefaultLimit, at most MaxLimit) and the
// cursor after, which the stores make of numbers and dots.
func parsePage(v url.Values) (int, string, error) {
	limit, err := parseInt(v, "limit", 1, MaxLimit)
	if err != nil {
		return 0, "", err
	}
	if limit == 0 {
		limit = DefaultLimit
	}
	after := v.Get("after")
	if len(after) > 100 || strings.Trim(after, "0123456789.-") != "" {
		return 0, "", badRequest("after %q is not a page cursor", clip(after, 40))
	}
	return limit, after, nil
}

// clip cuts s to n bytes for an error message.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}

// Stories returns one page of stories, largest (or latest) first; none
// when q names an entity the store does not know. MinOutlets is applied
// after the store's filters, so a page may be read from several store
// pages; it then holds at most 2·Limit−1 stories.
func (d *Data) Stories(ctx context.Context, q StoryQuery) ([]model.Story, string, error) {
	f := storage.StoryFilter{MinArticles: max(q.MinArticles, q.MinOutlets), ThreadID: q.Thread, Outlet: q.Outlet,
		Dates: storage.DateRange{From: q.From, To: q.To}, Latest: q.Latest, Exclusive: q.Exclusive, Page: storage.Page{Limit: q.Limit, After: q.After}}
	if q.Entity != "" {
		e, err := d.ResolveEntity(ctx, q.Entity)
		if err != nil {
			return nil, "", fmt.Errorf("stories: %w", err)
		}
		if e == nil {
			return nil, "", nil
		}
		f.EntityID = e.ID
	}
	var out []model.Story
	for range 20 {
		page, next, err := d.r.Stories(ctx, f)
		if err != nil {
			return nil, "", fmt.Errorf("stories: %w", err)
		}
		for _, s := range page {
			if len(s.Outlets) >= q.MinOutlets {
				out = append(out, s)
			}
		}
		if next == "" || len(out) >= q.Limit {
			return out, next, nil
		}
		f.After = next
	}
	return out, f.After, nil
}

// Story returns one story with its articles in id order.
func (d *Data) Story(ctx context.Context, id int64) (model.Story, []*model.Article, error) {
	s, err := d.r.Story(ctx, id)
	if err != nil {
		return s, nil, fmt.Errorf("story %d: %w", id, err)
	}
	var arts []*model.Article
	err = d.r.Articles(ctx, storage.ArticleFilter{StoryID: id}, func(a *model.Article) error {
		arts = append(arts, a)
		return nil
	})
	if err != nil {
		return s, nil, fmt.Errorf("story %d: %w", id, err)
	}
	return s, arts, nil
}

// Comparison compares a story's articles; it returns nil and no error for
// a story of fewer than two articles. The comparison stored for the story
// is read while it is current; one made is stored (see StoreComparisons)
// and also kept in memory while the story stays the same.
func (d *Data) Comparison(ctx context.Context, s model.Story) (*model.Comparison, error) {
	if s.Articles < 2 {
		return nil, nil
	}
	key := comparisonKey{id: s.ID, articles: s.Articles, last: s.Last.UnixNano(), headline: s.Headline}
	if c := d.cache.get(key); c != nil {
		return c, nil
	}
	var reg *outlet.Registry
	if d.outlets != nil {
		var err error
		if reg, err = d.outlets(ctx); err != nil {
			return nil, fmt.Errorf("outlet registry: %w", err)
		}
	}
	src := stored.New(d.r, d.analysisVersion, compare.Options{Outlets: reg})
	src.Put, src.OnPutError = d.put, d.onPutError
	c, err := src.Story(ctx, s)
	if errors.Is(err, compare.ErrTooFew) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("compare story %d: %w", s.ID, err)
	}
	d.cache.put(key, c)
	return c, nil
}

// Article returns one article with its analysis.
func (d *Data) Article(ctx context.Context, id int64) (*model.Article, *model.Analysis, error) {
	art, err := d.r.Article(ctx, id)
	if err != nil {
		return nil, nil, fmt.Errorf("article %d: %w", id, err)
	}
	an := &model.Analysis{ArticleID: id}
	// The store reads analysis a window of articles at a time: the
	// article's story keeps that window small.
	errFound := errors.New("found")
	err = d.r.Analyses(ctx, storage.ArticleFilter{StoryID: art.StoryID, AfterID: id - 1, Limit: 1}, func(a *model.Article, x *model.Analysis) error {
		if a.ID == id && x != nil {
			an = x
		}
		return errFound
	})
	if err != nil && !errors.Is(err, errFound) {
		return nil, nil, fmt.Errorf("article %d: %w", id, err)
	}
	return art, an, nil
}

// NearCopies returns the articles of a's story that are near-copies of a
// or that a is a near-copy of.
func (d *Data) NearCopies(ctx context.Context, a *model.Article) ([]*model.Article, error) {
	if a.StoryID == 0 {
		return nil, nil
	}
	var out []*model.Article
	err := d.r.Articles(ctx, storage.ArticleFilter{StoryID: a.StoryID}, func(x *model.Article) error {
		if x.ID != a.ID && (x.DuplicateOf == a.ID || (a.DuplicateOf != 0 && (x.ID == a.DuplicateOf || x.DuplicateOf == a.DuplicateOf))) {
			out = append(out, x)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("near-copies of article %d: %w", a.ID, err)
	}
	return out, nil
}

// Articles returns one page of articles in id order; the cursor is the
// last article's id.
func (d *Data) Articles(ctx context.Context, q ListQuery) ([]*model.Article, string, error) {
	var after int64
	if q.After != "" {
		v, _, err := storage.ParseCursor(q.After, 1)
		if err != nil {
			return nil, "", &BadRequestError{Msg: err.Error()}
		}
		after = v[0]
	}
	f := storage.ArticleFilter{StoryID: q.Story, ThreadID: q.Thread, Outlet: q.Outlet,
		Dates: storage.DateRange{From: q.From, To: q.To}, AfterID: after, Limit: q.Limit + 1}
	var out []*model.Article
	if err := d.r.Articles(ctx, f, func(a *model.Article) error {
		out = append(out, a)
		return nil
	}); err != nil {
		return nil, "", fmt.Errorf("articles: %w", err)
	}
	out, more := storage.TrimPage(out, q.Limit)
	next := ""
	if more {
		next = storage.Cursor(out[len(out)-1].ID)
	}
	return out, next, nil
}

// Entities returns one page of entities, most mentioned first; a name
// selects the entities known under any spelling of it.
func (d *Data) Entities(ctx context.Context, q EntityQuery) ([]model.Entity, string, error) {
	f := storage.EntityFilter{Type: q.Type, Page: storage.Page{Limit: q.Limit, After: q.After}}
	if q.Name != "" {
		f.Names = entity.LookupKeys(q.Name)
		if len(f.Names) == 0 {
			return nil, "", nil
		}
	}
	es, next, err := d.r.Entities(ctx, f)
	if err != nil {
		return nil, "", fmt.Errorf("entities: %w", err)
	}
	return es, next, nil
}

// ResolveEntity finds the entity a filter names: s is an entity id, or
// else a name or spelling of one, looked up by its folded forms
// (entity.LookupKeys) as the registry folds every spelling it records, so
// that all spellings of an entity find it. When a name is shared, the
// most mentioned entity is chosen. It returns nil when none is found.
func (d *Data) ResolveEntity(ctx context.Context, s string) (*model.Entity, error) {
	s = strings.TrimSpace(s)
	if id, err := strconv.ParseInt(s, 10, 64); err == nil && id > 0 {
		e, err := d.r.Entity(ctx, id)
		if errors.Is(err, storage.ErrNotFound) {
			return nil, nil
		}
		if err != nil {
			return nil, fmt.Errorf("entity %d: %w", id, err)
		}
		return &e, nil
	}
	names := entity.LookupKeys(s)
	if len(names) == 0 {
		return nil, nil
	}
	es, _, err := d.r.Entities(ctx, storage.EntityFilter{Names: names, Page: storage.Page{Limit: 1}})
	if err != nil {
		return nil, fmt.Errorf("entity %q: %w", clip(s, 60), err)
	}
	if len(es) == 0 {
		return nil, nil
	}
	return &es[0], nil
}

// Entity returns one entity.
func (d *Data) Entity(ctx context.Context, id int64) (model.Entity, error) {
	e, err := d.r.Entity(ctx, id)
	if err != nil {
		return e, fmt.Errorf("entity %d: %w", id, err)
	}
	return e, nil
}

// EntityArticles returns a page of the articles mentioning an entity.
func (d *Data) EntityArticles(ctx context.Context, id int64, limit int, after string) ([]storage.ArticleRef, string, error) {
	refs, next, err := d.r.EntityArticles(ctx, id, storage.Page{Limit: limit, After: after})
	if err != nil {
		return nil, "", fmt.Errorf("articles of entity %d: %w", id, err)
	}
	return refs, next, nil
}

// EntityIDs maps entity keys (as analysis folds mentions) to the stored
// entity found under them, when there is one.
func (d *Data) EntityIDs(ctx context.Context, keys []string) (map[string]int64, error) {
	out := map[string]int64{}
	for _, k := range keys {
		if _, ok := out[k]; ok || len(out) >= 200 {
			continue
		}
		names := entity.LookupKeys(k)
		if len(names) == 0 {
			continue
		}
		es, _, err := d.r.Entities(ctx, storage.EntityFilter{Names: names, Page: storage.Page{Limit: 1}})
		if err != nil {
			return nil, fmt.Errorf("entity %q: %w", k, err)
		}
		if len(es) > 0 {
			out[k] = es[0].ID
		}
	}
	return out, nil
}

// Quotes returns one page of quotes.
func (d *Data) Quotes(ctx context.Context, q ListQuery) ([]storage.QuoteRow, string, error) {
	rows, next, err := d.r.Quotes(ctx, storage.QuoteFilter{StoryID: q.Story, ThreadID: q.Thread, SpeakerID: q.Entity, Outlet: q.Outlet,
		Dates: storage.DateRange{From: q.From, To: q.To}, Page: storage.Page{Limit: q.Limit, After: q.After}})
	if err != nil {
		return nil, "", fmt.Errorf("quotes: %w", err)
	}
	return rows, next, nil
}

// Claims returns one page of claims, the most widely held first.
func (d *Data) Claims(ctx context.Context, q ListQuery) ([]storage.ClaimRow, string, error) {
	rows, next, err := d.r.Claims(ctx, storage.ClaimFilter{StoryID: q.Story, ThreadID: q.Thread, EntityID: q.Entity, Outlet: q.Outlet,
		Dates: storage.DateRange{From: q.From, To: q.To}, Page: storage.Page{Limit: q.Limit, After: q.After}})
	if err != nil {
		return nil, "", fmt.Errorf("claims: %w", err)
	}
	return rows, next, nil
}

// Threads returns one page of threads, largest first, with their stories.
func (d *Data) Threads(ctx context.Context, limit int, after string) ([]model.Thread, string, error) {
	// Threads change only when articles are added (and the counts with
	// them): a page is kept while they stay the same.
	type page struct {
		ts   []model.Thread
		next string
	}
	v, err := d.memo.get(ctx, d.r, fmt.Sprintf("threads:%d:%s", limit, after), func() (any, error) {
		ts, next, err := d.r.Threads(ctx, storage.ThreadFilter{Page: storage.Page{Limit: limit, After: after}})
		return page{ts, next}, err
	})
	if err != nil {
		return nil, "", fmt.Errorf("threads: %w", err)
	}
	p := v.(page)
	return p.ts, p.next, nil
}

// comparisonKey identifies one state of a story.
type comparisonKey struct {
	id, last int64
	articles int
	headline string
}

// comparisonCache keeps the latest comparisons, evicting the oldest.
type comparisonCache struct {
	mu    sync.Mutex
	size  int
	order []comparisonKey
	m     map[comparisonKey]*model.Comparison
}

func newComparisonCache(size int) *comparisonCache {
	return &comparisonCache{size: size, m: map[comparisonKey]*model.Comparison{}}
}

func (c *comparisonCache) get(k comparisonKey) *model.Comparison {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.m[k]
}

func (c *comparisonCache) put(k comparisonKey, v *model.Comparison) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.m[k]; ok {
		return
	}
	c.m[k] = v
	c.order = append(c.order, k)
	if len(c.order) > c.size {
		delete(c.m, c.order[0])
		c.order = slices.Delete(c.order, 0, 1)
	}
}
