package pipeline

// The learned state: what is saved with each batch and at the end of a
// run, how it is loaded, replayed and completed when a run was interrupted.

import (
	"bytes"
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

	stateDedupeHead    = "dedupe.head"
	stateDedupeSegment = "dedupe.segment/" // + segment number, 12 digits
	stateClusterHead   = "cluster.head"
	// stateClusterDF holds the clusterer's document frequencies as last
	// saved whole, and stateClusterDFAdd what was added to them at each
	// save since (see cluster.State.DF).
	stateClusterDF    = "cluster.df"
	stateClusterDFAdd = "cluster.dfadd/" // + addition number, 12 digits
	// stateClusterOutlets holds the outlets' recent articles as last
	// saved whole, and stateClusterOutletsLog what each save since did
	// to them (see cluster.State.Outlets).
	stateClusterOutlets    = "cluster.outlets"
	stateClusterOutletsLog = "cluster.outletslog/" // + log number, 12 digits
	stateClusterBucket     = "cluster.stories/"    // + bucket number, 12 digits
	stateClusterNames      = "cluster.names/"      // + bucket number, 12 digits
	// stateThreadIndex holds the thread index (cluster.ThreadLinks) by
	// shard, stateThreadDelta the delta of a shard against its base
	// stored under stateThreadIndex, when it has one (neither prefix
	// extends the other, so a read or a clear of one leaves the other
	// alone), and stateThreadFull the number of stories when threads
	// were last computed in full. stateThreadFull1 is the name it had when
	// the index had 8,192 shards: a store that has only that one has
	// its threads computed in full (and its index rewritten) at the
	// next finish, since the shards a name is in have changed.
	stateThreadIndex = "cluster.threads/"      // + shard number, 12 digits
	stateThreadDelta = "cluster.threadsdelta/" // + shard number, 12 digits
	stateThreadFull  = "cluster.threadsfull2"
	stateThreadFull1 = "cluster.threadsfull"
)

// threadRegrowth is the growth of the number of stories since threads
// were last computed in full beyond which a finish computes them in full
// again: an incremental finish weighs the stories it did not change with
// the name frequencies of when they were indexed, which drift as the
// archive grows.
const threadRegrowth = 1.5

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
	var haveIndex bool
	wg.Go(func() {
		// The head names the segments holding the recent window; older
		// ones are not read.
		var need []int64
		var err error
		haveIndex, err = p.store.ReadState(ctx, stateDedupeHead, func(b []byte) (err error) {
			p.dedup, need, err = dedupe.NewFromHead(b, dedupe.DefaultConfig())
			return corrupt(err)
		})
		for _, n := range need {
			if err != nil {
				break
			}
			// The index keeps the segment (it searches it in
			// place): take the store's copy rather than copy it.
			var found bool
			var b []byte
			b, found, err = storage.TakeState(ctx, p.store, stateName(stateDedupeSegment, n))
			switch {
			case err == nil && !found:
				err = corrupt(fmt.Errorf("segment %d missing", n))
			case err == nil:
				err = corrupt(p.dedup.AddSegment(b))
			}
		}
		fail("near-copy index", err)
	})
	wg.Go(func() {
		// The head names the buckets of active stories; dormant ones are
		// read back when an article reaches them.
		var need []int64
		var err error
		haveHead, err = p.store.ReadState(ctx, stateClusterHead, func(b []byte) (err error) {
			p.clust, need, err = cluster.NewFromHead(b, p.opts.Cluster)
			return corrupt(err)
		})
		if err == nil && haveHead && p.clust.SplitDF() {
			var found bool
			found, err = p.store.ReadState(ctx, stateClusterDF, func(b []byte) error {
				return corrupt(p.clust.AddDF(b))
			})
			if err == nil && !found {
				err = corrupt(errors.New("document frequencies missing"))
			}
			if err == nil {
				err = p.store.ReadStates(ctx, stateClusterDFAdd, func(_ string, b []byte) error {
					return corrupt(p.clust.AddDF(b))
				})
			}
		}
		if err == nil && haveHead {
			// The logs replay in the order saved, after the whole (a
			// store of the layout before has neither).
			_, err = p.store.ReadState(ctx, stateClusterOutlets, func(b []byte) error {
				return corrupt(p.clust.AddOutlets(b))
			})
			if err == nil {
				err = p.store.ReadStates(ctx, stateClusterOutletsLog, func(_ string, b []byte) error {
					return corrupt(p.clust.AddOutlets(b))
				})
			}
		}
		for _, n := range need {
			if err != nil {
				break
			}
			_, err = p.store.ReadState(ctx, stateName(stateClusterBucket, n), func(b []byte) error {
				return corrupt(p.clust.AddBucket(b))
			})
		}
		fail("clusterer", err)
	})
	wg.Wait()
	// The threads may be completed incrementally when they were saved
	// with the state (every change since is then known to the clusterer)
	// and the thread index is there.
	at, aerr := storage.LoadState(ctx, p.store, stateThreadFull)
	if aerr == nil && at != nil {
		p.threadFull, aerr = strconv.Atoi(string(at))
	}
	if aerr == nil {
		at, aerr = storage.LoadState(ctx, p.store, stateThreads)
		p.threadsCurrent = p.threadFull > 0 && p.upTo > 0 && string(at) == strconv.FormatInt(p.upTo, 10)
	}
	fail("threads position", aerr)
	err := errors.Join(errs...)
	var bad *corruptError
	switch {
	case err != nil && !errors.As(err, &bad):
		return err
	case err != nil:
		p.log.Warn("saved state unreadable; rebuilding it from the stored articles", "err", err)
	case p.upTo > 0 && (!haveHead || !haveIndex):
		// Articles were folded into a state this version does not read
		// (an earlier layout).
		p.log.Warn("saved state in an unknown layout; rebuilding it from the stored articles")
	default:
		p.setLoader(ctx)
		return p.replay(ctx)
	}
	// The state is derived from the stored articles: rebuild it rather
	// than refuse to open the store.
	p.lines = extract.NewLineStats()
	p.dedup = dedupe.New(dedupe.DefaultConfig())
	p.clust = cluster.New(p.opts.Cluster)
	p.upTo = 0
	p.rebuilt = true
	p.threadsCurrent = false
	p.setLoader(ctx)
	return p.replay(ctx)
}

// Memory reports what the learned state holds in memory: the stories of
// the clusterer, and the articles of the near-copy index.
func (p *Pipeline) Memory() (stories, nearCopy int) {
	return p.clust.Resident(), p.dedup.Len()
}

// setLoader lets the clusterer read dormant stories back from the store.
func (p *Pipeline) setLoader(ctx context.Context) {
	p.clust.SetLoader(func(buckets []int64) (map[int64][]byte, error) {
		out := make(map[int64][]byte, len(buckets))
		for _, b := range buckets {
			_, err := p.store.ReadState(ctx, stateName(stateClusterBucket, b), func(data []byte) error {
				out[b] = bytes.Clone(data)
				return nil
			})
			if err != nil {
				return nil, err
			}
		}
		return out, nil
	})
}

// originalStories fills in the stored story of each near-copy's undated
// original that the clusterer does not hold (its story went dormant) and
// that was stored before the batch. The clusterer finds a dated
// original's story through its day (cluster.Doc.OriginalDay) in its own
// state: the story stored for an article is that of the last commit,
// which a replay finds moved by batches after the one it replays and a
// run may find behind by the batches still being committed, so that
// asking the store would make the story a near-copy joins depend on
// whether the run was stopped and on timing.
func (p *Pipeline) originalStories(ctx context.Context, docs []cluster.Doc) error {
	if len(docs) == 0 {
		return nil
	}
	first := docs[0].ID
	for _, d := range docs {
		first = min(first, d.ID)
	}
	for i := range docs {
		d := &docs[i]
		if d.DuplicateOf == 0 || d.DuplicateOf >= first || !d.OriginalDay.IsZero() || p.clust.Story(d.DuplicateOf) != 0 {
			continue
		}
		a, err := p.store.Article(ctx, d.DuplicateOf)
		if errors.Is(err, storage.ErrNotFound) {
			continue
		}
		if err != nil {
			return err
		}
		d.OriginalStory = a.StoryID
	}
	return nil
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
	ends := map[int64]bool{}    // last article of each recorded batch
	starts := map[int64]int64{} // first article of each recorded batch → its last
	err := p.store.ReadStates(ctx, stateBatch, func(name string, b []byte) error {
		first, err1 := strconv.ParseInt(strings.TrimPrefix(name, stateBatch), 10, 64)
		last, err2 := strconv.ParseInt(string(b), 10, 64)
		if err := errors.Join(err1, err2); err != nil {
			return corrupt(fmt.Errorf("batch record %s: %w", name, err))
		}
		starts[first], ends[last] = last, true
		return nil
	})
	if err != nil {
		return fmt.Errorf("replay: %w", err)
	}
	var docs []cluster.Doc
	moves := map[int64]int64{}
	n := 0
	var ferr error
	flush := func() {
		if len(docs) > 0 && ferr == nil {
			var got map[int64]int64
			if ferr = p.originalStories(ctx, docs); ferr == nil {
				got, ferr = p.clust.AddBatchErr(docs)
			}
			maps.Copy(moves, got)
			docs = docs[:0]
		}
	}
	signer := p.dedup.NewSigner()
	since := 0
	var recorded int64 // last article of the recorded batch being replayed
	err = p.store.Articles(ctx, storage.ArticleFilter{AfterID: p.upTo}, func(a *model.Article) error {
		if last, ok := starts[a.ID]; ok {
			flush()
			recorded = last
		}
		a.DuplicateOf = p.dedup.AddDated(a.ID, a.Published, signer.Sign(a.Text))
		d := clusterDoc(a)
		d.OriginalDay, _ = p.dedup.Day(a.DuplicateOf)
		docs = append(docs, d)
		p.upTo = a.ID
		// A recorded batch is replayed whole, whatever the batch size
		// of this run.
		if n++; ends[a.ID] || a.ID > recorded && len(docs) == p.opts.BatchSize {
			flush()
			// Save as a run does, so that what left the window leaves
			// memory on a long replay too. The save clears the batch
			// records: those of the batches still to replay are
			// written again, so that a replay interrupted after it
			// goes on in the same batches.
			if p.opts.Checkpoint > 0 && n-since >= p.opts.Checkpoint && ferr == nil {
				since = n
				b := &storage.Batch{Moves: moves, State: map[string][]byte{}}
				for first, last := range starts {
					if first > p.upTo {
						b.State[stateName(stateBatch, first)] = fmt.Appendf(nil, "%d", last)
					}
				}
				ferr = p.saveState(ctx, b)
				moves = map[int64]int64{}
			}
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
	if ferr != nil {
		return fmt.Errorf("replay: %w", ferr)
	}
	p.log.Info("replayed articles stored after the last state save", "articles", n)
	return p.saveState(ctx, &storage.Batch{Moves: moves})
}

func clusterDoc(a *model.Article) cluster.Doc {
	return cluster.Doc{ID: a.ID, Title: a.Title, Text: a.Text, Published: a.Published, DuplicateOf: a.DuplicateOf, Outlet: a.Outlet}
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
	b.ClearState = append(b.ClearState, stateBatch, stateBatchLines)
	if p.rebuilt {
		b.ClearState = append(b.ClearState, stateParts...)
	}
	extra := b.State
	b.State = map[string][]byte{
		stateClusterHead: cs.Head,
		stateLines:       lb,
		stateUpTo:        fmt.Appendf(nil, "%d", p.upTo),
	}
	maps.Copy(b.State, extra)
	if b.Threads != nil {
		b.State[stateThreads] = fmt.Appendf(nil, "%d", p.upTo)
	}
	addState(b, seg, cs)
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

// addState adds what a save of the near-copy index and of the clusterer
// writes to the state blobs of a batch.
func addState(b *storage.Batch, seg dedupe.Segment, cs cluster.State) {
	st := b.State
	switch {
	case cs.DFFull:
		b.ClearState = append(b.ClearState, stateClusterDFAdd)
		st[stateClusterDF] = cs.DF
	case cs.DF != nil:
		st[stateName(stateClusterDFAdd, cs.DFSeq)] = cs.DF
	}
	switch {
	case cs.OutletsFull:
		b.ClearState = append(b.ClearState, stateClusterOutletsLog)
		st[stateClusterOutlets] = cs.Outlets
	case cs.Outlets != nil:
		st[stateName(stateClusterOutletsLog, cs.OutletsSeq)] = cs.Outlets
	}
	st[stateDedupeHead] = seg.Head
	st[stateClusterHead] = cs.Head
	for _, n := range seg.Drop {
		st[stateName(stateDedupeSegment, n)] = nil
	}
	if seg.Data != nil {
		st[stateName(stateDedupeSegment, seg.Seq)] = seg.Data
	}
	for bucket, data := range cs.Buckets {
		st[stateName(stateClusterBucket, bucket)] = data
	}
	for bucket, data := range cs.Names {
		st[stateName(stateClusterNames, bucket)] = data
	}
}

// finish computes threads and saves them with the state, in one
// transaction: a run interrupted before it leaves the threads behind the
// state's position, and the next Open completes it (in full).
//
// Threads are computed in full over every story (and the thread index
// written) when the state was rebuilt, when the previous finish did not
// complete, and when the number of stories grew by threadRegrowth since
// the last full computation; otherwise only the stories this process
// changed are linked, and their threads merged into the stored ones.
//
// completing is set when the finish completes that of an interrupted run
// (see completeFinish): its full computation then keeps the number of
// stories of the last full computation before it as the one growth is
// measured from, so that the next finish is full or incremental where the
// interrupted run's own finish would have been (a full one then gives the
// same threads as without the interruption).
func (p *Pipeline) finish(ctx context.Context, completing bool) error {
	if p.threadsCurrent && !p.rebuilt && float64(p.clust.Len()) < threadRegrowth*float64(p.threadFull) {
		return p.finishChanged(ctx)
	}
	from := max(p.clust.Len(), 1)
	if completing && !p.rebuilt {
		// 1 when threads were never computed in full: the next
		// finish computes them in full, as the first run's would have.
		from = max(p.threadFull, 1)
	}
	if err := p.finishAll(ctx, from); err != nil {
		return err
	}
	p.threadFull, p.threadsCurrent = from, true
	p.clust.ClearChanged()
	return nil
}

// finishAll computes threads over every story. Nothing it holds grows
// faster than the archive's story names: the threads are computed in
// flat arrays (cluster.FullThreads), the stored stories are read a page
// at a time to find those whose thread changes, and the thread index is
// encoded and written shard by shard inside the commit. from is saved as
// the number of stories growth is measured from (see finish).
func (p *Pipeline) finishAll(ctx context.Context, from int) error {
	t0 := time.Now()
	// Threads only read the clusterer, as does reading the stored
	// stories: they run side by side.
	var full *cluster.FullThreads
	var tThreads time.Duration
	var wg sync.WaitGroup
	var terr error
	wg.Go(func() {
		full, terr = p.clust.ThreadsFull(func(fn func(int64, []byte) error) error {
			return p.store.ReadStates(ctx, stateClusterNames, func(name string, b []byte) error {
				n, err := strconv.ParseInt(strings.TrimPrefix(name, stateClusterNames), 10, 64)
				if err != nil {
					return fmt.Errorf("names blob %s: %w", name, err)
				}
				return fn(n, b)
			})
		})
		tThreads = time.Since(t0)
	})
	stored, err := p.storedThreads(ctx)
	wg.Wait()
	if err = errors.Join(err, terr); err != nil {
		return err
	}
	b := &storage.Batch{Threads: map[int64]int64{}, State: map[string][]byte{}, ClearState: []string{stateThreadIndex, stateThreadDelta, stateThreadFull1}}
	b.State[stateThreadFull] = fmt.Appendf(nil, "%d", from)
	for _, st := range stored {
		if t := full.Thread(st[0]); t != st[1] {
			b.Threads[st[0]] = t
		}
	}
	b.StateStream = func(put func(string, []byte) error) error {
		return full.WriteIndex(func(shard int64, data []byte) error {
			return put(stateName(stateThreadIndex, shard), data)
		})
	}
	defer func() {
		p.log.Debug("finish", "threads", tThreads, "stories", full.Len(), "rethreaded", len(b.Threads), "total", time.Since(t0))
	}()
	return p.saveState(ctx, b)
}

// storedThreadsPage is the number of stories storedThreads reads a query.
const storedThreadsPage = 10000

// storedThreads returns the id and stored thread of every stored story,
// read a page at a time (a story's headline and outlets are not kept).
func (p *Pipeline) storedThreads(ctx context.Context) ([][2]int64, error) {
	var out [][2]int64
	f := storage.StoryFilter{Page: storage.Page{Limit: storedThreadsPage}}
	for {
		stories, next, err := p.store.Stories(ctx, f)
		if err != nil {
			return nil, err
		}
		for _, s := range stories {
			out = append(out, [2]int64{s.ID, s.ThreadID})
		}
		if next == "" {
			return out, nil
		}
		f.After = next
	}
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
	return p.finish(ctx, true)
}

// finishChanged links the stories changed since the last finish through
// the thread index and merges their threads into the stored ones: a
// thread joined to another takes the smaller name (its smallest story id,
// or the smaller of the two threads' names), and only the stories whose
// thread changes are written. Links are only added: a story that no
// longer shares names with its thread stays in it until the next full
// computation.
func (p *Pipeline) finishChanged(ctx context.Context) error {
	t0 := time.Now()
	var read, readBytes, readDeltas, readDeltaBytes int
	links, shards, err := p.clust.ThreadLinks(func(bucket int64) ([]byte, error) {
		return storage.LoadState(ctx, p.store, stateName(stateClusterNames, bucket))
	}, func(shards []int64, deltas bool, fn func(int64, []byte) error) error {
		prefix := stateThreadIndex
		if deltas {
			prefix = stateThreadDelta
		}
		names := make([]string, len(shards))
		for i, n := range shards {
			names[i] = stateName(prefix, n)
		}
		return p.store.ReadStatesNamed(ctx, names, func(name string, b []byte) error {
			n, err := strconv.ParseInt(strings.TrimPrefix(name, prefix), 10, 64)
			if err != nil {
				return fmt.Errorf("thread index shard %s: %w", name, err)
			}
			if deltas {
				readDeltas++
				readDeltaBytes += len(b)
			} else {
				read++
				readBytes += len(b)
			}
			return fn(n, b)
		})
	})
	if err != nil {
		return err
	}
	tLinks := time.Since(t0)
	// Stories and the threads they are in are joined; each group is one
	// thread, named by its smallest member.
	parent := map[int64]int64{}
	var find func(int64) int64
	find = func(x int64) int64 {
		q, ok := parent[x]
		if !ok || q == x {
			return x
		}
		r := find(q)
		parent[x] = r
		return r
	}
	union := func(a, b int64) {
		a, b = find(a), find(b)
		if a > b {
			a, b = b, a
		}
		if a != b {
			parent[b] = a
		}
	}
	// The stored thread of each linked story that still exists, read at
	// once.
	ends := make([]int64, 0, 2*len(links))
	for _, l := range links {
		ends = append(ends, l[0], l[1])
	}
	thread, err := storage.StoryThreads(ctx, p.store, ends)
	if err != nil {
		return err
	}
	joined := map[int64]bool{} // stories linked to a live story
	for _, l := range links {
		_, ok1 := thread[l[0]]
		_, ok2 := thread[l[1]]
		if ok1 && ok2 {
			union(l[0], l[1])
			joined[l[0]], joined[l[1]] = true, true
		}
	}
	for id, t := range thread {
		if t != 0 {
			union(id, t)
		}
	}
	b := &storage.Batch{Threads: map[int64]int64{}, State: map[string][]byte{}}
	for id, t := range thread {
		if t == 0 && !joined[id] {
			continue // linked only to stories merged away: alone
		}
		if r := find(id); r != t {
			b.Threads[id] = r
		}
	}
	// The other stories of threads renamed.
	renamed := map[int64]bool{}
	for _, t := range thread {
		if t != 0 && find(t) != t && !renamed[t] {
			renamed[t] = true
			stories, _, err := p.store.Stories(ctx, storage.StoryFilter{ThreadID: t})
			if err != nil {
				return err
			}
			for _, s := range stories {
				if _, ok := thread[s.ID]; !ok {
					b.Threads[s.ID] = find(t)
				}
			}
		}
	}
	var written, writtenDeltas, writtenBytes, writtenDeltaBytes int
	for n, data := range shards.Bases {
		b.State[stateName(stateThreadIndex, n)] = data
		written++
		writtenBytes += len(data)
	}
	for n, data := range shards.Deltas {
		b.State[stateName(stateThreadDelta, n)] = data
		writtenDeltas++
		writtenDeltaBytes += len(data)
	}
	tThreads := time.Since(t0)
	if err := p.saveState(ctx, b); err != nil {
		return err
	}
	p.log.Debug("finish (changed stories)", "stories", p.clust.Changed(), "links", len(links),
		"shards_read", read, "shard_bytes_read", readBytes, "deltas_read", readDeltas, "delta_bytes_read", readDeltaBytes,
		"shards_written", written, "shard_bytes_written", writtenBytes, "deltas_written", writtenDeltas, "delta_bytes_written", writtenDeltaBytes,
		"threads", len(b.Threads), "linking", tLinks, "threading", tThreads, "total", time.Since(t0))
	p.clust.ClearChanged()
	return nil
}
