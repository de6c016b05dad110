package pipeline

// The learned state: what is saved with each batch and at the end of a
// run, how it is loaded, replayed and completed when a run was interrupted.

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/parallax-news/parallax/internal/cluster"
	"github.com/parallax-news/parallax/internal/codec"
	"github.com/parallax-news/parallax/internal/dedupe"
	"github.com/parallax-news/parallax/internal/extract"
	"github.com/parallax-news/parallax/internal/model"
	"github.com/parallax-news/parallax/internal/storage"
)

// Names of the state blobs kept in the store. The near-copy index is kept
// as segments of the articles added between two saves, and the clusterer as
// a head and buckets of stories, so that a save writes what changed.
const (
	stateLines   = "extract.lines"
	stateUpTo    = "pipeline.upto"
	stateVersion = "analysis.version"
	// stateReanalyzed is the last article re-analysed by an unfinished
	// re-analysis.
	stateReanalyzed = "analysis.reanalyzed"

	// stateBatch records each batch committed since the last state save,
	// so that a replay after an interruption clusters the same batches:
	// + first article id, 12 digits; the value is the last article id.
	stateBatch = "pipeline.batch/"
	// stateBatchLines records, with each batch committed since the last
	// state save, the recurring-line hashes its documents taught the line
	// statistics (+ first article id, 12 digits), so that an open learns
	// them again on top of the saved statistics.
	stateBatchLines = "pipeline.lines/"
	// stateThreads is the position (see stateUpTo) at which threads were
	// last computed; an open that finds it behind completes the
	// interrupted finish.
	stateThreads = "pipeline.threads"

	stateDedupeSegment = "dedupe.segment/" // + index of its first document, 12 digits
	stateClusterHead   = "cluster.head"
	stateClusterBucket = "cluster.stories/" // + bucket number, 12 digits
)

// stateParts are the name prefixes of the near-copy index and the
// clusterer, cleared when the state is rebuilt (which also removes blobs
// of layouts this version no longer reads).
var stateParts = []string{"dedupe.", "cluster."}

// stateName returns the name of numbered part n under prefix.
func stateName(prefix string, n int64) string { return fmt.Sprintf("%s%012d", prefix, n) }

func (p *Pipeline) loadState(ctx context.Context) error {
	p.lines = extract.NewLineStats()
	p.dedup = dedupe.New(dedupe.DefaultConfig())
	p.clust = cluster.New(p.opts.Cluster)
	var wg sync.WaitGroup
	var mu sync.Mutex
	var errs []error
	fail := func(what string, err error) {
		if err != nil {
			mu.Lock()
			errs = append(errs, fmt.Errorf("load %s: %w", what, err))
			mu.Unlock()
		}
	}
	var haveHead bool
	// The parts are independent, and the near-copy index and the clusterer
	// take seconds each on a large store: decode them side by side.
	wg.Go(func() {
		_, err := p.store.ReadState(ctx, stateLines, func(b []byte) error {
			return corrupt(p.lines.UnmarshalBinary(b))
		})
		if err == nil {
			err = p.store.ReadStates(ctx, stateBatchLines, func(name string, b []byte) error {
				return corrupt(learnLines(p.lines, b))
			})
		}
		fail("line statistics", err)
		_, err = p.store.ReadState(ctx, stateUpTo, func(b []byte) (err error) {
			p.upTo, err = strconv.ParseInt(string(b), 10, 64)
			return corrupt(err)
		})
		fail("position", err)
	})
	wg.Go(func() {
		fail("near-copy index", p.store.ReadStates(ctx, stateDedupeSegment, func(_ string, b []byte) error {
			return corrupt(p.dedup.AddSegment(b))
		}))
	})
	wg.Go(func() {
		var err error
		haveHead, err = p.store.ReadState(ctx, stateClusterHead, func(b []byte) (err error) {
			p.clust, err = cluster.NewFromHead(b, p.opts.Cluster)
			return corrupt(err)
		})
		if err == nil && haveHead {
			err = p.store.ReadStates(ctx, stateClusterBucket, func(_ string, b []byte) error {
				return corrupt(p.clust.AddBucket(b))
			})
		}
		fail("clusterer", err)
	})
	wg.Wait()
	err := errors.Join(errs...)
	var bad *corruptError
	switch {
	case err != nil && !errors.As(err, &bad):
		return err
	case err != nil:
		p.log.Warn("saved state unreadable; rebuilding it from the stored articles", "err", err)
	case p.upTo > 0 && !haveHead:
		// Articles were folded into a state this version does not read
		// (an earlier layout).
		p.log.Warn("saved state in an unknown layout; rebuilding it from the stored articles")
	default:
		return p.replay(ctx)
	}
	// The state is derived from the stored articles: rebuild it rather
	// than refuse to open the store.
	p.lines = extract.NewLineStats()
	p.dedup = dedupe.New(dedupe.DefaultConfig())
	p.clust = cluster.New(p.opts.Cluster)
	p.upTo = 0
	p.rebuilt = true
	return p.replay(ctx)
}

// learnLines adds to s the documents a batch record of line hashes holds
// (see work.lines).
func learnLines(s *extract.LineStats, b []byte) error {
	r := codec.NewReader(b)
	for r.Remaining() > 0 && r.Err() == nil {
		hs := make([]uint64, r.Len(8))
		for i := range hs {
			hs[i] = r.Uint64()
		}
		if r.Err() == nil {
			s.AddHashes(hs)
		}
	}
	if err := r.Err(); err != nil {
		return fmt.Errorf("line hashes of a batch: %w", err)
	}
	return nil
}

// corruptError marks a saved state that could be read but not decoded.
type corruptError struct{ err error }

func (e *corruptError) Error() string { return e.err.Error() }
func (e *corruptError) Unwrap() error { return e.err }

// corrupt wraps a decoding error (nil stays nil).
func corrupt(err error) error {
	if err == nil {
		return nil
	}
	return &corruptError{err}
}

// replay folds articles stored after the last state save (a run that was
// interrupted, or a state being rebuilt) into the near-copy index and the
// clusterer, a batch at a time, and saves the state.
//
// The batches are those the articles were committed in, as recorded with
// each commit, so that the replayed state is the one the interrupted run
// held; articles without a record (a state rebuilt from scratch) go in
// batches of the configured size.
func (p *Pipeline) replay(ctx context.Context) error {
	ends := map[int64]bool{}   // last article of each recorded batch
	starts := map[int64]bool{} // first article of each recorded batch
	err := p.store.ReadStates(ctx, stateBatch, func(name string, b []byte) error {
		first, err1 := strconv.ParseInt(strings.TrimPrefix(name, stateBatch), 10, 64)
		last, err2 := strconv.ParseInt(string(b), 10, 64)
		if err := errors.Join(err1, err2); err != nil {
			return corrupt(fmt.Errorf("batch record %s: %w", name, err))
		}
		starts[first], ends[last] = true, true
		return nil
	})
	if err != nil {
		return fmt.Errorf("replay: %w", err)
	}
	var docs []cluster.Doc
	moves := map[int64]int64{}
	n := 0
	flush := func() {
		if len(docs) > 0 {
			maps.Copy(moves, p.clust.AddBatch(docs))
			docs = docs[:0]
		}
	}
	err = p.store.Articles(ctx, storage.ArticleFilter{AfterID: p.upTo}, func(a *model.Article) error {
		if starts[a.ID] {
			flush()
		}
		a.DuplicateOf = p.dedup.Add(a.ID, a.Text)
		docs = append(docs, clusterDoc(a))
		p.upTo = a.ID
		if n++; ends[a.ID] || len(docs) == p.opts.BatchSize {
			flush()
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("replay: %w", err)
	}
	if n == 0 && !p.rebuilt {
		return nil
	}
	flush()
	p.log.Info("replayed articles stored after the last state save", "articles", n)
	return p.saveState(ctx, &storage.Batch{Moves: moves})
}

func clusterDoc(a *model.Article) cluster.Doc {
	return cluster.Doc{ID: a.ID, Title: a.Title, Text: a.Text, Published: a.Published, DuplicateOf: a.DuplicateOf}
}

// saveState commits b with what changed in the state since the last save.
func (p *Pipeline) saveState(ctx context.Context, b *storage.Batch) error {
	// The encodings are independent: run them side by side.
	var seg dedupe.Segment
	var cs cluster.State
	var wg sync.WaitGroup
	wg.Go(func() { seg = p.dedup.SaveSegment() })
	wg.Go(func() { cs = p.clust.SaveState() })
	lb, err := p.lines.MarshalBinary()
	wg.Wait()
	if err != nil {
		return fmt.Errorf("save line statistics: %w", err)
	}
	// The batch records are only needed until the state is saved.
	b.ClearState = []string{stateBatch, stateBatchLines}
	if p.rebuilt {
		b.ClearState = append(b.ClearState, stateParts...)
	}
	b.State = map[string][]byte{
		stateClusterHead: cs.Head,
		stateLines:       lb,
		stateUpTo:        fmt.Appendf(nil, "%d", p.upTo),
	}
	if b.Threads != nil {
		b.State[stateThreads] = fmt.Appendf(nil, "%d", p.upTo)
	}
	for _, first := range seg.Drop {
		b.State[stateName(stateDedupeSegment, int64(first))] = nil
	}
	if seg.Data != nil {
		b.State[stateName(stateDedupeSegment, int64(seg.First))] = seg.Data
	}
	for bucket, data := range cs.Buckets {
		b.State[stateName(stateClusterBucket, bucket)] = data
	}
	if p.opts.Analyzer != nil && p.rm != nil {
		b.State[stateVersion] = []byte(p.opts.Analyzer.Version())
		if len(b.Moves) > 0 {
			if err := p.rm.apply(ctx, b, nil, nil); err != nil {
				return err
			}
		}
	}
	if err := p.store.Commit(ctx, b); err != nil {
		return err
	}
	p.dedup.MarkSaved(seg)
	p.clust.MarkSaved()
	p.rebuilt = false
	return nil
}

// finish recomputes threads and saves them with the state, in one
// transaction: a run interrupted before it leaves the threads behind the
// state's position, and the next Open completes it.
func (p *Pipeline) finish(ctx context.Context) error {
	t0 := time.Now()
	// Threads only read the clusterer, as does reading the stored
	// stories: they run side by side.
	var threads map[int64]int64
	var tThreads time.Duration
	var wg sync.WaitGroup
	wg.Go(func() {
		threads = p.clust.Threads()
		tThreads = time.Since(t0)
	})
	stories, _, err := p.store.Stories(ctx, storage.StoryFilter{})
	wg.Wait()
	if err != nil {
		return err
	}
	b := &storage.Batch{Threads: map[int64]int64{}}
	for _, s := range stories {
		if t := threads[s.ID]; t != s.ThreadID {
			b.Threads[s.ID] = t
		}
	}
	defer func() {
		p.log.Debug("finish", "threads", tThreads, "total", time.Since(t0))
	}()
	return p.saveState(ctx, b)
}

// completeFinish runs the finish of a run that was interrupted before it
// (threads behind the state's position).
func (p *Pipeline) completeFinish(ctx context.Context) error {
	at, err := storage.LoadState(ctx, p.store, stateThreads)
	if err != nil {
		return err
	}
	if p.upTo == 0 || string(at) == strconv.FormatInt(p.upTo, 10) {
		return nil
	}
	p.log.Info("completing the threads of an interrupted run")
	return p.finish(ctx)
}
