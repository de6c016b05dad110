// Package pipeline runs Parallax end to end: source → extract → analyze →
// dedupe → cluster → store. It keeps the incremental state of the stages that
// learn from the corpus (boilerplate line statistics, the near-copy index and
// the online story clusterer) in the store, so a later run adds to what an
// earlier run built instead of recomputing the corpus.
package pipeline

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash/maphash"
	"log/slog"
	"math"
	"runtime"
	"slices"
	"strconv"
	"sync"
	"time"

	"github.com/parallax-news/parallax/internal/analyze"
	"github.com/parallax-news/parallax/internal/cluster"
	"github.com/parallax-news/parallax/internal/codec"
	"github.com/parallax-news/parallax/internal/dedupe"
	"github.com/parallax-news/parallax/internal/extract"
	"github.com/parallax-news/parallax/internal/model"
	"github.com/parallax-news/parallax/internal/source"
	"github.com/parallax-news/parallax/internal/storage"
)

// Analyzer finds entities, quotes and claims in one article. It must be safe
// for concurrent use.
type Analyzer interface {
	Analyze(a *model.Article) model.Analysis
	// Version names the analysis; stored results of another version are
	// stale until Reanalyze recomputes them.
	Version() string
}

// Progress is told how far the run is; the CLI shows it as a bar.
type Progress interface {
	Add(n int64)
}

// Options configure a Pipeline. Zero values pick defaults.
type Options struct {
	// BatchSize is the number of articles committed per transaction.
	BatchSize int
	// BatchBytes ends a batch early once its inputs hold this many bytes
	// (0: 64 MB), so that large pages do not make a batch hold gigabytes.
	// An HTML item given without its body counts the compressed page and
	// the text Ahead holds for it.
	// (16 MB cost 10% more CPU a page on real web pages for 15% less
	// peak memory: each commit has a fixed cost.)
	BatchBytes int
	// Workers is the number of goroutines extracting and analysing.
	Workers  int
	Logger   *slog.Logger
	Progress Progress
	// Analyzer, when set, runs entity, quote and claim analysis.
	Analyzer Analyzer
	// Cluster configures story clustering.
	Cluster cluster.Config
	// Ahead, when set, holds extraction and analysis done ahead of the
	// run by other processes (see Ahead).
	Ahead Ahead
	// RegistryCache bounds the entity registry nodes (and groups) kept in
	// memory between batches; 0 means 65,536.
	RegistryCache int
	// Checkpoint is how many articles a run commits between saves of the
	// learned state (0: 20,000; negative: only at the end); saves are at
	// least three batches apart. Each save lets the near-copy index and
	// the clusterer drop what left their window from memory.
	Checkpoint int
}

// Report sums up one run.
type Report struct {
	Read       int             `json:"read"`
	Added      int             `json:"added"`
	Known      int             `json:"known"`
	Duplicates int             `json:"duplicates"`
	Failed     int             `json:"failed"`
	Errors     []*source.Error `json:"-"`
	// Warnings are inputs stored short of the full treatment (a page
	// extracted the cheap way) or left out for a reason other than a
	// fault (an id met earlier in the run).
	Warnings []*source.Error `json:"-"`
	Elapsed  time.Duration   `json:"-"`
}

// Pipeline runs ingest batches against a store.
type Pipeline struct {
	store storage.Store
	opts  Options
	log   *slog.Logger
	lines *extract.LineStats
	dedup *dedupe.Index
	clust *cluster.Clusterer
	upTo  int64 // last article id folded into the state
	// rebuilt is set when the state is being rebuilt from the stored
	// articles: its next save clears every part of the old one.
	rebuilt bool
	// threadsCurrent is set when the stored threads cover every change
	// the clusterer does not list as changed (see finish); threadFull is
	// the number of stories when threads were last computed in full.
	threadsCurrent bool
	threadFull     int
	// seen holds the external ids met in this run, stored or on their
	// way, with the place of their first record: an id repeated in the
	// input is skipped, and reported, even when its first copy is not
	// committed yet. Only the goroutine reading the input touches it.
	// Past maxSeen ids, the older ones move to seenOld, kept as hashes
	// without their place, so that a long run's memory stays small.
	// repMu guards the run's report.
	seen     map[string]string
	seenOld  map[uint64]struct{}
	seenSeed maphash.Seed
	repMu    sync.Mutex
	// rm keeps the stored read model (entities, claims) up to date; nil
	// without an analyzer or while the stored analysis is stale.
	rm *readModel
	// A checkpoint stored by the commit stage (see Run), for the
	// near-copy and clustering stages to mark saved before their next
	// batch: savedSeg and savedClust, guarded by savedMu. sinceSave
	// counts the articles prepared since the last checkpoint, and
	// batchesSince the batches.
	savedMu      sync.Mutex
	savedSeg     *dedupe.Segment
	savedClust   bool
	sinceSave    int
	batchesSince int
}

// checkpointSpacing is the fewest batches between two checkpoints of a
// run. The near-copy stage saves the index three batches ahead of the
// commit (the clustering stage two), and each stage must learn that its
// last save was stored before it saves again: until then the clusterer
// reads the buckets it saved from that save, not from the store.
const checkpointSpacing = 3

// markSaved applies a stored checkpoint to the near-copy index (dedup)
// or the clusterer (clust); each stage calls it for its own part.
func (p *Pipeline) markSaved(dedup, clust bool) {
	p.savedMu.Lock()
	defer p.savedMu.Unlock()
	if dedup && p.savedSeg != nil {
		p.dedup.MarkSaved(*p.savedSeg)
		p.savedSeg = nil
	}
	if clust && p.savedClust {
		p.clust.MarkSaved()
		p.savedClust = false
	}
}

// Open loads the pipeline's state from the store, replaying articles stored
// after the state was last saved. When the stored analysis was made by
// another analyzer version, Open does not recompute it: Stale reports it,
// and Reanalyze (which Run requires first) recomputes it in batches.
func Open(ctx context.Context, st storage.Store, opts Options) (*Pipeline, error) {
	if opts.BatchSize <= 0 {
		opts.BatchSize = 2000
	}
	if opts.Workers <= 0 {
		opts.Workers = runtime.GOMAXPROCS(0)
	}
	if opts.BatchBytes <= 0 {
		opts.BatchBytes = 64 << 20
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	if opts.Cluster == (cluster.Config{}) {
		opts.Cluster = cluster.DefaultConfig()
	}
	if opts.Checkpoint == 0 {
		opts.Checkpoint = 20000
	}
	p := &Pipeline{store: st, opts: opts, log: opts.Logger}
	if opts.Analyzer != nil {
		stale, _, err := p.Stale(ctx)
		if err != nil {
			return nil, err
		}
		if !stale {
			if p.rm, err = loadReadModel(ctx, st, math.MaxInt64, opts.RegistryCache); err != nil {
				return nil, err
			}
			p.rm.parallel = p.parallel
		}
	}
	t0 := time.Now()
	if err := p.loadState(ctx); err != nil {
		return nil, err
	}
	stories, copies := p.Memory()
	logStage(p.log, "state loaded", t0, "stories", stories, "near_copy_articles", copies)
	t0 = time.Now()
	if err := p.completeFinish(ctx); err != nil {
		return nil, err
	}
	logStage(p.log, "open completed", t0)
	return p, nil
}

// Repair opens a pipeline on st that rebuilds the learned state from the
// stored articles, and marks the stored analysis for re-analysis from
// scratch (run Reanalyze next).
func Repair(ctx context.Context, st storage.Store, opts Options) (*Pipeline, error) {
	clear := &storage.Batch{ClearState: append(slices.Clone(stateParts), stateLines, stateUpTo, stateVersion, stateReanalyzed, stateBatch, stateBatchLines, stateThreads)}
	if err := st.Commit(ctx, clear); err != nil {
		return nil, fmt.Errorf("repair: %w", err)
	}
	return Open(ctx, st, opts)
}

// ErrStale is returned by Run when the stored analysis must be recomputed
// by Reanalyze first.
var ErrStale = fmt.Errorf("the stored analysis was made by another analyzer version: %w", storage.ErrStale)

// Stale reports whether the stored analysis was made by another version of
// the pipeline's analyzer (or by none while articles are stored), and the
// version stored ("" for none).
func (p *Pipeline) Stale(ctx context.Context) (bool, string, error) {
	return AnalysisStale(ctx, p.store, p.opts.Analyzer.Version())
}

// AnalysisStale reports whether the analysis stored in st was made by
// another version than version, and the version stored ("" for none). A
// store without articles is never stale.
func AnalysisStale(ctx context.Context, st storage.Store, version string) (bool, string, error) {
	stored, err := storage.LoadState(ctx, st, stateVersion)
	if err != nil {
		return false, "", err
	}
	if string(stored) == version {
		// A store made before the entity registry was stored with the
		// analysis is re-analysed to store it.
		if ok, err := hasRegistry(ctx, st); ok || err != nil {
			return false, version, err
		}
	}
	any := false
	if err := st.Articles(ctx, storage.ArticleFilter{Limit: 1}, func(*model.Article) error {
		any = true
		return nil
	}); err != nil {
		return false, "", err
	}
	return any, string(stored), nil
}

// Reanalyze recomputes the stored analysis and read model of every article
// with the pipeline's analyzer, a batch per transaction, telling progress
// the number of articles done and the total. An interrupted run resumes
// after the last batch it committed.
func (p *Pipeline) Reanalyze(ctx context.Context, progress func(done, total int)) error {
	an := p.opts.Analyzer
	if an == nil {
		return errors.New("reanalyze: no analyzer")
	}
	var after int64
	b, err := storage.LoadState(ctx, p.store, stateReanalyzed)
	if err != nil {
		return fmt.Errorf("reanalyze: %w", err)
	}
	if b != nil {
		after, _ = strconv.ParseInt(string(b), 10, 64)
	}
	// The registry starts from the new analysis of the articles done so
	// far (none on a fresh start).
	if p.rm, err = loadReadModel(ctx, p.store, after, p.opts.RegistryCache); err != nil {
		return err
	}
	p.rm.parallel = p.parallel
	reset := after == 0
	c, err := p.store.Counts(ctx)
	if err != nil {
		return err
	}
	done := 0
	if after > 0 {
		if err := p.store.Articles(ctx, storage.ArticleFilter{}, func(a *model.Article) error {
			if a.ID > after {
				return errDone
			}
			done++
			return nil
		}); err != nil && !errors.Is(err, errDone) {
			return err
		}
	}
	for {
		var arts []*model.Article
		if err := p.store.Articles(ctx, storage.ArticleFilter{AfterID: after, Limit: p.opts.BatchSize}, func(a *model.Article) error {
			arts = append(arts, a)
			return nil
		}); err != nil {
			return fmt.Errorf("reanalyze: %w", err)
		}
		if len(arts) == 0 {
			break
		}
		res := make([]model.Analysis, len(arts))
		p.parallel(len(arts), func(i int) {
			res[i] = an.Analyze(arts[i])
			res[i].ArticleID = arts[i].ID
		})
		after = arts[len(arts)-1].ID
		b := &storage.Batch{State: map[string][]byte{stateReanalyzed: fmt.Appendf(nil, "%d", after)}}
		b.ReadModel.ResetClaims, reset = reset, false
		if err := p.rm.apply(ctx, b, arts, res); err != nil {
			return fmt.Errorf("reanalyze: %w", err)
		}
		if err := p.store.Commit(ctx, b); err != nil {
			return fmt.Errorf("reanalyze: %w", err)
		}
		done += len(arts)
		if progress != nil {
			progress(done, c.Articles)
		}
	}
	return p.store.Commit(ctx, &storage.Batch{State: map[string][]byte{stateVersion: []byte(an.Version()), stateReanalyzed: nil}})
}

// errDone stops a stream early.
var errDone = errors.New("done")

// Ingest reads the given files and folders and runs the whole pipeline. A
// path that cannot be listed is reported in the Report's errors; the
// others are still read.
func (p *Pipeline) Ingest(ctx context.Context, paths []string) (Report, error) {
	files, errs := source.Files(paths)
	return p.IngestFiles(ctx, files, errs)
}

// IngestFiles runs the pipeline over already listed files; listed are the
// problems met while listing them, reported with the others.
func (p *Pipeline) IngestFiles(ctx context.Context, files []source.File, listed []*source.Error) (Report, error) {
	rep := Report{Errors: listed}
	var mu sync.Mutex
	rd := &source.Reader{
		OnError: func(e *source.Error) {
			mu.Lock()
			rep.Errors = append(rep.Errors, e)
			mu.Unlock()
			p.log.Debug("skipped input", "path", e.Path, "line", e.Line, "err", e.Err)
		},
	}
	if p.opts.Progress != nil {
		rd.OnProgress = p.opts.Progress.Add
	}
	return p.Run(ctx, func(fn func(source.Item) error) error {
		return rd.ReadFiles(ctx, files, fn)
	}, &rep)
}

// Run runs the pipeline over the items that produce yields. rep collects
// the figures (and may already hold input errors); it is also returned.
//
// Batches flow through four stages that overlap: preparing batch k+1
// (skipping known articles, cleaning, analysing and signing them in
// parallel) runs while the near-copies of batch k are marked, batch k-1 is
// clustered and batch k-2 committed. The last three keep batch order.
func (p *Pipeline) Run(ctx context.Context, produce func(func(source.Item) error) error, rep *Report) (Report, error) {
	return p.RunFlushing(ctx, func(yield func(source.Item) error, _ func() error) error { return produce(yield) }, rep)
}

// RunFlushing is Run for a producer that waits for its input at times:
// besides yielding items it may call flush, which hands the items yielded
// since the last batch on as a batch at once, instead of when the batch is
// full, so that the later stages work on them while the producer waits.
func (p *Pipeline) RunFlushing(ctx context.Context, produce func(yield func(source.Item) error, flush func() error) error, rep *Report) (Report, error) {
	if rep == nil {
		rep = &Report{}
	}
	start := time.Now()
	if p.opts.Analyzer != nil && p.rm == nil {
		return *rep, ErrStale
	}
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	p.seen, p.seenOld, p.seenSeed = map[string]string{}, map[uint64]struct{}{}, maphash.MakeSeed()
	p.setLoader(ctx)
	p.sinceSave, p.batchesSince = 0, checkpointSpacing

	// Unbuffered: a stage hands a batch on when the next takes it, so
	// at most one batch a stage is held (five with the one being read)
	// instead of one more waiting between each two stages. The ordered
	// stages are the slower, so a batch waiting in a buffer finished no
	// sooner; it only kept its articles and analyses in memory longer.
	prepared := make(chan *work)
	deduped := make(chan *work)
	clustered := make(chan *work)
	var wg sync.WaitGroup
	wg.Add(3)
	go func() { // near-copies, in order
		defer wg.Done()
		defer close(deduped)
		for w := range prepared {
			if ctx.Err() != nil {
				continue
			}
			p.markSaved(true, false)
			p.dedupe(w, rep)
			deduped <- w
		}
	}()
	go func() { // stories, in order
		defer wg.Done()
		defer close(clustered)
		for w := range deduped {
			if ctx.Err() != nil {
				continue
			}
			p.markSaved(false, true)
			if err := p.cluster(ctx, w); err != nil {
				cancel(err)
				continue
			}
			clustered <- w
		}
	}()
	go func() { // commit, in order
		defer wg.Done()
		for w := range clustered {
			if ctx.Err() != nil {
				continue
			}
			if err := p.commit(ctx, w, rep); err != nil {
				cancel(err)
			}
		}
	}()

	batch := make([]source.Item, 0, p.opts.BatchSize)
	size := 0
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		w, err := p.prepare(ctx, batch, rep)
		batch, size = make([]source.Item, 0, p.opts.BatchSize), 0
		if err != nil {
			return err
		}
		if w != nil {
			select {
			case prepared <- w:
			case <-ctx.Done():
				return context.Cause(ctx)
			}
		}
		return nil
	}
	err := produce(func(it source.Item) error {
		p.repMu.Lock()
		rep.Read++
		p.repMu.Unlock()
		batch = append(batch, it)
		size += p.itemBytes(it)
		if len(batch) >= p.opts.BatchSize || size >= p.opts.BatchBytes {
			return flush()
		}
		return nil
	}, flush)
	if err == nil {
		err = flush()
	}
	close(prepared)
	wg.Wait()
	p.markSaved(true, true)
	logStage(p.log, "articles committed", start, "added", rep.Added)
	if err == nil {
		// A failed commit, or the caller giving up.
		err = context.Cause(ctx)
	}
	if err == nil {
		// The search indexes are merged while the threads are
		// computed: the merge is the store's work on its writing
		// connection, the threads the clusterer's in memory (their
		// reads go through the reading connections), so the two run
		// on two cores, and the finish's commit waits for the merge.
		// Neither changes what the other writes.
		var tidied chan error
		if t, ok := p.store.(storage.SearchTidier); ok && rep.Added > 0 {
			// Bounded by the run's size: a bulk load ends merged, a
			// small later run does a little of the work.
			pages := tidyPagesPerArticle * rep.Added
			tidied = make(chan error, 1)
			go func() {
				t0 := time.Now()
				err := t.TidySearch(ctx, pages)
				logStage(p.log, "search indexes merged", t0, "pages", pages)
				tidied <- err
			}()
		}
		t0 := time.Now()
		err = p.finish(ctx, false)
		logStage(p.log, "threads finished", t0)
		if tidied != nil {
			err = errors.Join(err, <-tidied)
		}
	}
	rep.Failed = len(rep.Errors)
	rep.Elapsed = time.Since(start)
	return *rep, err
}

// tidyPagesPerArticle is the search-index merging a run may do for each
// article it added (see storage.SearchTidier): about ten times the index
// pages an article's text takes, so that a bulk load ends with its index
// merged.
const tidyPagesPerArticle = 4

// Hash returns the content hash stored with an article.
func Hash(title, body string) string {
	h := sha256.New()
	h.Write([]byte(title))
	h.Write([]byte{0})
	h.Write([]byte(body))
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// work is one batch on its way through the stages.
type work struct {
	arts     []*model.Article
	docs     []cluster.Doc
	sigs     []dedupe.Signature
	analyses []model.Analysis
	// stored holds the analyses as the store keeps them, with their
	// character offsets (see addChars), when the run has a read model
	stored []storage.Analysis
	batch  *storage.Batch
	// raw holds the raw pages of the batch's HTML articles.
	raw []storage.RawPage
	// lines encodes the line hashes the batch's documents taught the
	// line statistics: per document, a count and the hashes.
	lines []byte
	// checkpoint is set on a batch committed with a save of the state:
	// seg and cstate, as of the end of the batch (up to upTo).
	checkpoint bool
	seg        dedupe.Segment
	cstate     cluster.State
	upTo       int64
	start      time.Time
	timings    []any
}

// prepare skips articles already stored or met earlier in the run, learns recurring
// lines, cleans and analyses the batch in parallel and reserves its ids.
// It returns nil when nothing in the batch is new.
func (p *Pipeline) prepare(ctx context.Context, items []source.Item, rep *Report) (*work, error) {
	w := &work{start: time.Now()}
	if r, ok := p.opts.Ahead.(AheadReleaser); ok {
		// Whatever happens to the batch's items, the run is done with
		// what was prepared ahead for them once they are prepared here.
		defer func() {
			for _, it := range items {
				if it.HTML && it.Article.Hash != "" {
					r.Release(it.Article.ExternalID, it.Article.Hash)
				}
			}
		}()
	}
	// Ids met earlier in the run are left out before the store is asked:
	// their batch may commit in between, and then neither would see them.
	ask := make([]string, 0, len(items))
	for _, it := range items {
		if id := it.Article.ExternalID; p.firstSeen(id) == "" {
			ask = append(ask, id)
		}
	}
	known, _, err := p.store.Known(ctx, ask, nil)
	if err != nil {
		return nil, err
	}
	fresh := items[:0:0]
	for _, it := range items {
		id := it.Article.ExternalID
		if first := p.firstSeen(id); first != "" {
			if first == seenEarlier {
				p.warn(rep, it.Article.Source, fmt.Errorf("duplicate id %q (met earlier in this run): not read again", id))
			} else {
				p.warn(rep, it.Article.Source, fmt.Errorf("duplicate id %q (first at %s): not read again", id, first))
			}
			continue
		}
		p.see(id, cmp.Or(it.Article.Source, "?"))
		if known[id] {
			continue
		}
		fresh = append(fresh, it)
	}
	p.repMu.Lock()
	rep.Known += len(items) - len(fresh)
	p.repMu.Unlock()
	if len(fresh) == 0 {
		return nil, nil
	}

	// Learn recurring lines from this batch before cleaning it, and keep
	// what was learned to store with the batch. A plain text is split
	// into lines once, in parallel, for both.
	texts := make([]*extract.Text, len(fresh))
	hashes := make([][]uint64, len(fresh))
	p.parallel(len(fresh), func(i int) {
		if !fresh[i].HTML {
			texts[i] = extract.SplitText(fresh[i].Body)
			hashes[i] = texts[i].Hashes()
		}
	})
	lw := codec.NewWriter(64)
	for i, it := range fresh {
		if !it.HTML {
			hs := hashes[i]
			p.lines.AddHashes(hs)
			lw.Len(len(hs))
			for _, h := range hs {
				lw.Uint64(h)
			}
		}
	}
	w.lines = lw.Bytes()
	arts := make([]*model.Article, len(fresh))
	failed := make([]error, len(fresh))
	warned := make([]string, len(fresh))
	cleaner := &extract.Cleaner{Stats: p.lines}
	t := time.Now()
	raws := make([]storage.RawPage, len(fresh))
	p.parallel(len(fresh), func(i int) {
		it := fresh[i]
		a := it.Article
		a.Hash = itemHash(it)
		arts[i], warned[i], failed[i] = p.extractItem(ctx, cleaner, a, it, texts[i])
		texts[i] = nil
		if it.HTML && failed[i] == nil {
			raws[i] = p.rawPageOf(it, a.Hash)
		}
	})
	// The pages are kept compressed from here on: let their text go
	// while the batch is analysed and waits for the later stages.
	for i := range items {
		items[i].Body = ""
	}
	for i := range fresh {
		fresh[i].Body = ""
	}
	kept := arts[:0]
	keptRaw := raws[:0]
	for i, a := range arts {
		if warned[i] != "" {
			p.warn(rep, fresh[i].Article.Source, errors.New(warned[i]))
		}
		if failed[i] != nil {
			p.repMu.Lock()
			rep.Errors = append(rep.Errors, &source.Error{Path: fresh[i].Article.Source, Err: failed[i]})
			p.repMu.Unlock()
			p.log.Debug("skipped article", "source", fresh[i].Article.Source, "err", failed[i])
			continue
		}
		kept = append(kept, a)
		keptRaw = append(keptRaw, raws[i])
	}
	arts = kept
	w.timings = append(w.timings, "extract", time.Since(t))
	if len(arts) == 0 {
		return nil, nil
	}
	t = time.Now()
	first, err := p.store.ReserveArticleIDs(ctx, len(arts))
	if err != nil {
		return nil, err
	}
	w.timings = append(w.timings, "reserve", time.Since(t))
	for i, a := range arts {
		a.ID = first + int64(i)
		if keptRaw[i].Data != nil {
			keptRaw[i].ArticleID = a.ID
			w.raw = append(w.raw, keptRaw[i])
		}
	}
	if p.opts.Analyzer != nil {
		t = time.Now()
		w.analyses = make([]model.Analysis, len(arts))
		if p.rm != nil {
			w.stored = make([]storage.Analysis, len(arts))
		}
		p.parallel(len(arts), func(i int) {
			w.analyses[i] = p.analyze(arts[i])
			w.analyses[i].ArticleID = arts[i].ID
			if w.stored != nil {
				w.stored[i].Analysis = w.analyses[i]
				addChars(arts[i].Text, &w.stored[i])
			}
		})
		for _, a := range arts {
			if len(a.Text) > analyze.MaxTextBytes {
				p.warn(rep, a.Source, fmt.Errorf("only the first %d MB of its %d-byte text are analysed for entities, quotes and claims", analyze.MaxTextBytes>>20, len(a.Text)))
			}
		}
		w.timings = append(w.timings, "analyze", time.Since(t))
	}
	// Near-copy signatures and clustering features need no shared state:
	// compute them here, in parallel, ahead of the ordered stages.
	t = time.Now()
	w.sigs = make([]dedupe.Signature, len(arts))
	w.docs = make([]cluster.Doc, len(arts))
	signers := make(chan *dedupe.Signer, p.opts.Workers)
	for range p.opts.Workers {
		signers <- p.dedup.NewSigner()
	}
	p.parallel(len(arts), func(i int) {
		sg := <-signers
		w.sigs[i] = sg.Sign(arts[i].Text)
		signers <- sg
		w.docs[i] = clusterDoc(arts[i])
	})
	p.clust.Count(w.docs)
	w.timings = append(w.timings, "features", time.Since(t))
	w.arts = arts
	if p.opts.Checkpoint > 0 {
		p.sinceSave += len(arts)
		if p.batchesSince++; p.sinceSave >= p.opts.Checkpoint && p.batchesSince >= checkpointSpacing {
			w.checkpoint, p.sinceSave, p.batchesSince = true, 0, 0
		}
	}
	return w, nil
}

// maxSeen is how many ids of a run are kept with their place; firstSeen
// returns seenEarlier for the others.
const (
	maxSeen     = 100000
	seenEarlier = "\x00earlier"
)

// firstSeen returns the place where the run first met id ("" if not).
func (p *Pipeline) firstSeen(id string) string {
	if place := p.seen[id]; place != "" {
		return place
	}
	if _, ok := p.seenOld[maphash.String(p.seenSeed, id)]; ok {
		return seenEarlier
	}
	return ""
}

// see records that the run met id at place.
func (p *Pipeline) see(id, place string) {
	if len(p.seen) >= maxSeen {
		for old := range p.seen {
			p.seenOld[maphash.String(p.seenSeed, old)] = struct{}{}
		}
		clear(p.seen)
	}
	p.seen[id] = place
}

// warn adds a warning about the input at place (a file, or file:line) to
// the run's report.
func (p *Pipeline) warn(rep *Report, place string, err error) {
	p.repMu.Lock()
	rep.Warnings = append(rep.Warnings, &source.Error{Path: place, Err: err})
	p.repMu.Unlock()
	p.log.Debug("warning", "source", place, "err", err)
}

// dedupe marks the batch's near-copies of earlier articles and of each
// other.
func (p *Pipeline) dedupe(w *work, rep *Report) {
	t := time.Now()
	dups := 0
	for i, a := range w.arts {
		a.DuplicateOf = p.dedup.AddDated(a.ID, a.Published, w.sigs[i])
		if a.DuplicateOf != 0 {
			dups++
		}
		w.docs[i].DuplicateOf = a.DuplicateOf
		w.docs[i].OriginalDay, _ = p.dedup.Day(a.DuplicateOf)
	}
	w.sigs = nil
	if w.checkpoint {
		w.seg = p.dedup.SaveSegment()
	}
	w.timings = append(w.timings, "dedupe", time.Since(t))
	p.repMu.Lock()
	rep.Duplicates += dups
	p.repMu.Unlock()
}

// cluster assigns a deduplicated batch to stories and prepares what is
// stored of it.
func (p *Pipeline) cluster(ctx context.Context, w *work) error {
	t := time.Now()
	if err := p.originalStories(ctx, w.docs); err != nil {
		return err
	}
	assign, err := p.clust.AddBatchErr(w.docs)
	if err != nil {
		return err
	}
	w.timings = append(w.timings, "cluster", time.Since(t))
	for _, a := range w.arts {
		a.StoryID = assign[a.ID]
		delete(assign, a.ID)
	}
	p.upTo = w.arts[len(w.arts)-1].ID
	// The batch is stored with what it taught the line statistics and a
	// record of its bounds for a replay (see replay).
	first := w.arts[0].ID
	w.batch = &storage.Batch{Articles: w.arts, Raw: w.raw, Moves: assign, State: map[string][]byte{
		stateName(stateBatchLines, first): w.lines,
		stateName(stateBatch, first):      fmt.Appendf(nil, "%d", p.upTo),
	}}
	w.lines = nil
	w.docs = nil
	w.raw = nil
	if w.checkpoint {
		w.cstate = p.clust.SaveState()
		w.upTo = p.upTo
	}
	return nil
}

// commit stores a clustered batch in one transaction. A store that can
// stores the batch's articles while the read model is computed.
func (p *Pipeline) commit(ctx context.Context, w *work, rep *Report) error {
	t := time.Now()
	if err := p.orientCopies(ctx, w.arts, w.batch); err != nil {
		return err
	}
	complete := func() error {
		if p.rm != nil {
			t := time.Now()
			if err := p.rm.apply(ctx, w.batch, w.arts, w.analyses); err != nil {
				return err
			}
			w.timings = append(w.timings, "readmodel", time.Since(t))
		}
		if w.checkpoint {
			// The state as of this batch, saved with it. The line
			// statistics are not: the batch records of line hashes
			// stay, and the next full save folds them in.
			w.batch.ClearState = []string{stateBatch}
			addState(w.batch, w.seg, w.cstate)
			w.batch.State[stateUpTo] = fmt.Appendf(nil, "%d", w.upTo)
		}
		return nil
	}
	if p.rm != nil && len(w.stored) > 0 {
		// the analyses as stored, with the offsets prepare added: the
		// read model completes them (and an OverlappedWriter may write
		// what they hold meanwhile)
		w.batch.Analysis = w.stored
	}
	if ow, ok := p.store.(storage.OverlappedWriter); ok {
		if err := ow.CommitWhile(ctx, w.batch, complete); err != nil {
			return err
		}
	} else {
		if err := complete(); err != nil {
			return err
		}
		if err := p.store.Commit(ctx, w.batch); err != nil {
			return err
		}
	}
	if w.checkpoint {
		seg := w.seg
		p.savedMu.Lock()
		p.savedSeg, p.savedClust = &seg, true
		p.savedMu.Unlock()
		w.seg, w.cstate = dedupe.Segment{}, cluster.State{}
	}
	p.repMu.Lock()
	rep.Added += len(w.arts)
	p.repMu.Unlock()
	p.log.Debug("batch", append(w.timings, "articles", len(w.arts), "commit", time.Since(t), "total", time.Since(w.start))...)
	return nil
}

// parallel runs fn(0..n-1) on the configured number of workers.
func (p *Pipeline) parallel(n int, fn func(i int)) {
	w := min(p.opts.Workers, n)
	var wg sync.WaitGroup
	next := make(chan int, n)
	for i := range n {
		next <- i
	}
	close(next)
	for range w {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				fn(i)
			}
		}()
	}
	wg.Wait()
}

// rawPage returns what is kept of an HTML item's page: the page
// compressed, where it came from and what the input stated besides it.
func rawPage(it source.Item) storage.RawPage {
	a := &it.Article
	return storage.RawPage{
		URL:         it.Fetch.URL,
		ContentType: it.Fetch.ContentType,
		Fetched:     it.Fetch.Date,
		Given: storage.RawGiven{Title: a.Title, URL: a.URL, Outlet: a.Outlet, Author: a.Author,
			Language: a.Language, Published: a.Published},
		Data: storage.CompressPageString(it.Body),
	}
}
