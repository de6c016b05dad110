package pipeline

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/parallax-news/parallax/internal/extract"
	"github.com/parallax-news/parallax/internal/model"
	"github.com/parallax-news/parallax/internal/source"
	"github.com/parallax-news/parallax/internal/storage"
)

// stateReprocess holds the position of a reprocess run, so that an
// interrupted run resumes where it stopped.
const stateReprocess = "reprocess.run"

// ReprocessFilter selects the stored articles Reprocess reads again; a
// zero filter selects every article.
type ReprocessFilter struct {
	// IDs selects these articles (store ids) when not empty.
	IDs []int64
	// Outlet selects one outlet's articles (any case).
	Outlet string
	// Since selects articles published on or after this day (YYYY-MM-DD).
	Since string
}

// key identifies the selection, to tell a run resumed from a new one.
func (f ReprocessFilter) key() string {
	ids := slices.Clone(f.IDs)
	slices.Sort(ids)
	h := sha256.New()
	fmt.Fprintf(h, "%q\x00%q\x00%v", strings.ToLower(f.Outlet), f.Since, slices.Compact(ids))
	return hex.EncodeToString(h.Sum(nil)[:8])
}

// ReprocessReport sums up a Reprocess run.
type ReprocessReport struct {
	// Read counts the selected articles looked at, Pages those with a
	// stored raw page, Changed those whose extraction changed (stored
	// again and re-analysed).
	Read, Pages, Changed int
	// Errors are the articles whose page could not be read or extracted
	// again; they are left as stored.
	Errors []*source.Error
	// Resumed tells that the run went on from an interrupted one.
	Resumed bool
}

// reprocessRun is the stored position of a run.
type reprocessRun struct {
	Filter  string `json:"filter"`
	After   int64  `json:"after"`
	Changed int    `json:"changed"`
}

// Reprocess extracts the selected stored articles again from their stored
// raw pages (articles without one, such as plain-text inputs, are
// skipped), stores the articles whose title, text, metadata or removed
// boilerplate lines changed (the lines replacing those stored) and
// re-analyses them, a batch per transaction. progress, when set, is
// told the number of articles looked at.
//
// Each article keeps its story and near-copy mark: a new extraction of the
// same page is the same report, and reassigning stories would renumber
// what users have bookmarked. The stories' summaries, the analysis, the
// entities and the claims follow the new texts. The near-copy index and
// the clusterer keep what they learned from the old texts until
// `parallax repair` rebuilds them.
//
// Reprocess is idempotent (an unchanged extraction writes nothing) and an
// interrupted run with the same selection resumes after its last
// committed batch. Entity rows are brought fully up to date at the end of
// a run: until then those of an interrupted run may count the old and the
// new mentions of its changed articles.
func (p *Pipeline) Reprocess(ctx context.Context, f ReprocessFilter, progress func(done int)) (ReprocessReport, error) {
	var rep ReprocessReport
	if p.opts.Analyzer != nil && p.rm == nil {
		return rep, ErrStale
	}
	run := reprocessRun{Filter: f.key()}
	b, err := storage.LoadState(ctx, p.store, stateReprocess)
	if err != nil {
		return rep, fmt.Errorf("reprocess: %w", err)
	}
	if b != nil {
		var prev reprocessRun
		if err := json.Unmarshal(b, &prev); err != nil {
			return rep, fmt.Errorf("reprocess: stored position: %w", err)
		}
		if prev.Filter == run.Filter {
			run, rep.Resumed = prev, true
		} else if prev.Changed > 0 {
			// Another selection was interrupted: finish its entities.
			if err := p.refreshEntities(ctx, nil); err != nil {
				return rep, err
			}
		}
	}
	ids := slices.Clone(f.IDs)
	slices.Sort(ids)
	ids = slices.Compact(ids)
	for {
		arts, err := p.reprocessBatch(ctx, f, ids, run.After)
		if err != nil {
			return rep, fmt.Errorf("reprocess: %w", err)
		}
		if len(arts) == 0 {
			break
		}
		changed, err := p.reextract(ctx, arts, &rep)
		if err != nil {
			return rep, fmt.Errorf("reprocess: %w", err)
		}
		run.After = arts[len(arts)-1].ID
		run.Changed += len(changed)
		pos, _ := json.Marshal(run)
		batch := &storage.Batch{Updates: changed, State: map[string][]byte{stateReprocess: pos}}
		if len(changed) > 0 && p.opts.Analyzer != nil {
			res := make([]model.Analysis, len(changed))
			p.parallel(len(changed), func(i int) {
				res[i] = p.opts.Analyzer.Analyze(changed[i])
				res[i].ArticleID = changed[i].ID
			})
			if err := p.rm.apply(ctx, batch, changed, res); err != nil {
				return rep, fmt.Errorf("reprocess: %w", err)
			}
		}
		if err := p.store.Commit(ctx, batch); err != nil {
			return rep, fmt.Errorf("reprocess: %w", err)
		}
		rep.Read += len(arts)
		rep.Changed += len(changed)
		if progress != nil {
			progress(rep.Read)
		}
	}
	done := &storage.Batch{State: map[string][]byte{stateReprocess: nil}}
	if run.Changed > 0 && p.opts.Analyzer != nil {
		return rep, p.refreshEntities(ctx, done)
	}
	return rep, p.store.Commit(ctx, done)
}

// reprocessBatch returns the next batch of selected articles after id
// after.
func (p *Pipeline) reprocessBatch(ctx context.Context, f ReprocessFilter, ids []int64, after int64) ([]*model.Article, error) {
	var arts []*model.Article
	if len(f.IDs) > 0 {
		i, _ := slices.BinarySearch(ids, after+1)
		for _, id := range ids[i:min(i+p.opts.BatchSize, len(ids))] {
			a, err := p.store.Article(ctx, id)
			if errors.Is(err, storage.ErrNotFound) {
				continue
			}
			if err != nil {
				return nil, err
			}
			arts = append(arts, a)
		}
		if len(arts) == 0 && i+p.opts.BatchSize < len(ids) {
			// A whole batch of unknown ids: go on after it.
			return p.reprocessBatch(ctx, f, ids, ids[i+p.opts.BatchSize-1])
		}
		return arts, nil
	}
	err := p.store.Articles(ctx, storage.ArticleFilter{Outlet: f.Outlet, Dates: storage.DateRange{From: f.Since}, AfterID: after, Limit: p.opts.BatchSize},
		func(a *model.Article) error {
			arts = append(arts, a)
			return nil
		})
	return arts, err
}

// reextract extracts arts again from their raw pages and returns those
// whose extraction changed, with the new fields.
func (p *Pipeline) reextract(ctx context.Context, arts []*model.Article, rep *ReprocessReport) ([]*model.Article, error) {
	ids := make([]int64, len(arts))
	for i, a := range arts {
		ids[i] = a.ID
	}
	raw := map[int64]*storage.RawPage{}
	if err := p.store.RawPages(ctx, ids, func(r *storage.RawPage) error {
		raw[r.ArticleID] = r
		return nil
	}); err != nil {
		return nil, err
	}
	out := make([]*model.Article, len(arts))
	same := make([]bool, len(arts))
	errs := make([]error, len(arts))
	p.parallel(len(arts), func(i int) {
		r := raw[arts[i].ID]
		if r == nil {
			return
		}
		out[i], same[i], errs[i] = reextractOne(ctx, arts[i], r)
	})
	var changed []*model.Article
	for i, a := range arts {
		if raw[a.ID] != nil {
			rep.Pages++
		}
		if errs[i] != nil {
			rep.Errors = append(rep.Errors, &source.Error{Path: cmp.Or(a.Source, a.ExternalID), Err: errs[i]})
			continue
		}
		if out[i] == nil {
			continue
		}
		if same[i] {
			// The fields are as stored: the article changed only if the
			// lines the cleaning removed did (the removed-lines view).
			stored, err := p.store.Boilerplate(ctx, a.ID)
			if err != nil {
				return nil, err
			}
			if slices.Equal(stored, out[i].Removed) {
				continue
			}
		}
		changed = append(changed, out[i])
	}
	return changed, ctx.Err()
}

// reextractOne extracts a stored article again from its raw page. It
// returns the article with the new fields and removed lines, and whether
// its stored fields (not the removed lines, which articles are read
// without) are all unchanged.
func reextractOne(ctx context.Context, a *model.Article, r *storage.RawPage) (*model.Article, bool, error) {
	page, err := r.Page()
	if err != nil {
		return nil, false, err
	}
	g := r.Given
	in := model.Article{ExternalID: a.ExternalID, Title: g.Title, URL: g.URL, Outlet: g.Outlet, Author: g.Author,
		Language: g.Language, Published: g.Published, Source: a.Source}
	got, _, err := extract.Article(ctx, nil, in, string(page), true)
	if err != nil {
		return nil, false, err
	}
	same := got.Title == a.Title && got.Text == a.Text && got.URL == a.URL && got.Outlet == a.Outlet &&
		got.Author == a.Author && got.Language == a.Language && got.Published.Equal(a.Published)
	n := *a
	n.Title, n.Text, n.URL, n.Outlet, n.Author, n.Language, n.Published = got.Title, got.Text, got.URL, got.Outlet, got.Author, got.Language, got.Published
	n.Removed = got.Removed
	return &n, same, nil
}

// refreshEntities rebuilds the entity registry from the stored mentions
// and stores it and every entity row, with b (a new batch when nil). It
// holds the whole registry in memory once, as a re-analysis does.
func (p *Pipeline) refreshEntities(ctx context.Context, b *storage.Batch) error {
	if b == nil {
		b = &storage.Batch{State: map[string][]byte{stateReprocess: nil}}
	}
	if p.opts.Analyzer == nil {
		return p.store.Commit(ctx, b)
	}
	// The registry is folded again from every stored mention, in one
	// batch that keeps the entity ids of the keys.
	rm, err := loadReadModel(ctx, p.store, 0, p.opts.RegistryCache)
	if err != nil {
		return err
	}
	rm.parallel = p.parallel
	var as []model.Analysis
	if err := p.store.Mentions(ctx, math.MaxInt64, func(id int64, _ string, ms []model.Mention) error {
		as = append(as, model.Analysis{ArticleID: id, Mentions: ms})
		return nil
	}); err != nil {
		return fmt.Errorf("reprocess: entities: %w", err)
	}
	rm.joined = map[string][]string{}
	if err := rm.fold(ctx, b, as); err != nil {
		return fmt.Errorf("reprocess: entities: %w", err)
	}
	if err := p.store.Commit(ctx, b); err != nil {
		return fmt.Errorf("reprocess: %w", err)
	}
	if p.rm, err = loadReadModel(ctx, p.store, math.MaxInt64, p.opts.RegistryCache); err != nil {
		return err
	}
	p.rm.parallel = p.parallel
	return nil
}
