// Package worker shares the ingest of a PostgreSQL store between processes
// on one or several machines.
//
// `parallax ingest --enqueue` (Enqueue) reads the input and stores it in
// the store's job queue, a few dozen articles a job. Every `parallax
// worker` (Run) takes jobs with SELECT … FOR UPDATE SKIP LOCKED under a
// lease it renews while it works, and does the expensive, independent part
// of the pipeline in parallel: HTML extraction and analysis
// (pipeline.PrepareAhead). It stores the result with the job, which is
// then prepared.
//
// The steps that must see every article in input order (learning
// recurring lines, the near-copy index, clustering, committing each batch
// with the learned state) run in exactly one worker at a time: the one
// holding the store's writer lock, a session advisory lock that the
// server drops when the holder's connection ends. That worker runs the
// ordinary pipeline over the prepared jobs in job order, taking their
// extraction and analysis through pipeline.Ahead, and marks them done.
// The other workers look at the server's lock table five times a second
// and try the lock when it is free, so one of them takes over within a
// fraction of a second of the holder dying.
//
// Nothing is lost or doubled when a worker dies: a job whose lease runs
// out is taken again by another worker; a job prepared but not marked done
// is run again by the next holder of the lock, and the pipeline skips the
// articles already stored (ingest is idempotent by external id), so every
// article is stored and clustered once.
package worker

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"
	"unsafe"

	"github.com/parallax-news/parallax/internal/model"
	"github.com/parallax-news/parallax/internal/pipeline"
	"github.com/parallax-news/parallax/internal/source"
	"github.com/parallax-news/parallax/internal/storage"
	"github.com/parallax-news/parallax/internal/storage/postgres"
)

// KindItems is the kind of job holding input items to ingest.
const KindItems = "items"

// Config configures a worker. Zero values pick defaults.
type Config struct {
	// DSN is the store's connection string.
	DSN string
	// Analyzer runs entity, quote and claim analysis (nil: none).
	Analyzer pipeline.Analyzer
	// Jobs is the number of jobs prepared at once (default GOMAXPROCS).
	Jobs int
	// Lease is how long a job stays with its worker without a renewal
	// (default 15s); the worker renews it every third of that.
	Lease time.Duration
	// MaxAttempts is the number of times a job is taken before it is
	// failed (default 3).
	MaxAttempts int
	// NoOrder keeps the worker out of the ordered step: it only prepares.
	NoOrder bool
	// Drain makes the worker return once no job is left to do.
	Drain bool
	// Name names the worker in the jobs table (default host:pid).
	Name string
	// BatchSize is the pipeline's batch size in the ordered step.
	BatchSize int
	// GroupJobs caps the jobs one ordered run takes (default 40): the
	// run's end (threads, the learned state) is done once for them, and
	// they are marked done together.
	GroupJobs int
	// GroupWait is how long an ordered run waits for its next job to be
	// prepared before it ends (default 2s).
	GroupWait time.Duration
	Logger    *slog.Logger
	// OpenPipeline opens the pipeline of the ordered step (default
	// pipeline.Open); the CLI's brings a stale analysis up to date first.
	OpenPipeline func(ctx context.Context, st storage.Store, opts pipeline.Options) (*pipeline.Pipeline, error)
	// Poll is how often an idle worker looks for work and for the writer
	// lock (default 500ms).
	Poll time.Duration
	// KeepDone is how long done jobs stay in the queue (default 7 days;
	// negative: for ever). Every worker deletes those older, once per
	// PurgeEvery (default 1 minute) and when it drained the queue.
	KeepDone   time.Duration
	PurgeEvery time.Duration
	// IdleRelease is how long the ordered step holds the writer lock
	// without any job left before it lets it go (default 10s), so that
	// parallax ingest without --enqueue can write in between.
	IdleRelease time.Duration
}

func (c *Config) defaults() {
	if c.Jobs <= 0 {
		c.Jobs = runtime.GOMAXPROCS(0)
	}
	if c.Lease <= 0 {
		c.Lease = 15 * time.Second
	}
	if c.MaxAttempts <= 0 {
		c.MaxAttempts = 3
	}
	if c.Name == "" {
		host, _ := os.Hostname()
		c.Name = fmt.Sprintf("%s:%d", host, os.Getpid())
	}
	if c.GroupJobs <= 0 {
		c.GroupJobs = 40
	}
	if c.GroupWait <= 0 {
		c.GroupWait = 2 * time.Second
	}
	if c.Logger == nil {
		c.Logger = slog.New(slog.DiscardHandler)
	}
	if c.OpenPipeline == nil {
		c.OpenPipeline = pipeline.Open
	}
	if c.Poll <= 0 {
		c.Poll = 500 * time.Millisecond
	}
	if c.KeepDone == 0 {
		c.KeepDone = 7 * 24 * time.Hour
	}
	if c.PurgeEvery <= 0 {
		c.PurgeEvery = time.Minute
	}
	if c.IdleRelease <= 0 {
		c.IdleRelease = 10 * time.Second
	}
}

// Run works on the store's queue until ctx ends (or, with Drain, until no
// job is left). Lost connections, a restarting server and a lost lease
// are retried with backoff; Run returns only for ctx or a broken setup.
func Run(ctx context.Context, cfg Config) error {
	cfg.defaults()
	var q *postgres.Queue
	bo := backoff{}
	for {
		var err error
		if q, err = postgres.OpenQueue(ctx, cfg.DSN, postgres.Options{}); err == nil {
			break
		}
		if ctx.Err() != nil || errors.Is(err, storage.ErrNotParallax) || errors.Is(err, storage.ErrTooNew) {
			return err
		}
		cfg.Logger.Warn("store unreachable; retrying", "err", err)
		bo.wait(ctx)
	}
	defer q.Close()
	zc, err := newZCodec(cfg.Jobs)
	if err != nil {
		return err
	}
	defer zc.close()
	w := &worker{cfg: cfg, q: q, log: cfg.Logger.With("worker", cfg.Name), zc: zc}
	var wg sync.WaitGroup
	for i := range cfg.Jobs {
		// The ordered step takes about a core: the last preparing
		// goroutine gives way to it.
		yield := i == cfg.Jobs-1 && !cfg.NoOrder
		wg.Go(func() { w.prepareLoop(ctx, yield) })
	}
	if !cfg.NoOrder {
		wg.Go(func() { w.orderLoop(ctx) })
	}
	working, stop := context.WithCancel(ctx)
	purged := make(chan struct{})
	go func() {
		defer close(purged)
		w.purgeLoop(working)
	}()
	wg.Wait()
	stop()
	<-purged
	if ctx.Err() == nil { // drained: what the run finished may be old enough too
		w.purge(ctx)
	}
	return context.Cause(ctx)
}

// purgeLoop deletes the done jobs older than KeepDone now and every
// PurgeEvery until ctx ends.
func (w *worker) purgeLoop(ctx context.Context) {
	if w.cfg.KeepDone < 0 {
		return
	}
	t := time.NewTicker(w.cfg.PurgeEvery)
	defer t.Stop()
	for {
		w.purge(ctx)
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

func (w *worker) purge(ctx context.Context) {
	if w.cfg.KeepDone < 0 {
		return
	}
	n, err := w.q.PurgeDone(ctx, w.cfg.KeepDone)
	switch {
	case err != nil && ctx.Err() == nil:
		w.log.Warn("purging done jobs failed", "err", err)
	case n > 0:
		w.log.Info("purged done jobs", "jobs", n, "older than", w.cfg.KeepDone)
	}
}

type worker struct {
	cfg Config
	q   *postgres.Queue
	log *slog.Logger
	zc  *zCodec
	// ordering is set while this worker's ordered step has prepared
	// jobs to take: one of its preparing goroutines then leaves the jobs
	// to the others (and to the other workers), so that the ordered
	// step, which all wait for, is not slowed by preparing at its side.
	ordering atomic.Bool
	// failed is the first job of the last group the ordered steps failed
	// on, and how many times in a row (only the ordered-step goroutine
	// touches it).
	failed struct {
		id    int64
		times int
	}
}

// backoff waits longer after each failure in a row: 100ms doubling up to
// 5s.
type backoff struct{ d time.Duration }

func (b *backoff) wait(ctx context.Context) {
	b.d = min(max(2*b.d, 100*time.Millisecond), 5*time.Second)
	sleep(ctx, b.d)
}

func (b *backoff) reset() { b.d = 0 }

func sleep(ctx context.Context, d time.Duration) {
	select {
	case <-ctx.Done():
	case <-time.After(d):
	}
}

// left reports whether any job is queued or being prepared (prepared
// too, with ordered).
func (w *worker) left(ctx context.Context, ordered bool) (bool, error) {
	return w.q.Unfinished(ctx, ordered)
}

// prepareLoop takes jobs and prepares them, one at a time; with yield,
// it takes none while the ordered step has prepared jobs to take.
func (w *worker) prepareLoop(ctx context.Context, yield bool) {
	bo := backoff{}
	for ctx.Err() == nil {
		if yield && w.ordering.Load() {
			sleep(ctx, w.cfg.Poll/25)
			continue
		}
		j, err := w.q.Claim(ctx, w.cfg.Name, w.cfg.Lease, w.cfg.MaxAttempts)
		if err != nil {
			if ctx.Err() == nil {
				w.log.Warn("taking a job failed; retrying", "err", err)
			}
			bo.wait(ctx)
			continue
		}
		bo.reset()
		if j == nil {
			if w.cfg.Drain {
				left, err := w.left(ctx, false)
				if err == nil && !left {
					return
				}
			}
			sleep(ctx, w.cfg.Poll)
			continue
		}
		if err := w.prepare(ctx, j); err != nil && ctx.Err() == nil {
			w.log.Warn("preparing a job failed", "job", j.ID, "err", err)
			bo.wait(ctx)
		}
	}
}

// prepare extracts and analyses the items of one job under its lease and
// stores the result.
func (w *worker) prepare(ctx context.Context, j *postgres.Job) error {
	jctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	stop := make(chan struct{})
	defer close(stop)
	go func() { // heartbeat
		t := time.NewTicker(w.cfg.Lease / 3)
		defer t.Stop()
		for {
			select {
			case <-stop:
				return
			case <-t.C:
				if err := w.q.Renew(jctx, j, w.cfg.Lease); errors.Is(err, postgres.ErrLeaseLost) {
					cancel(err)
					return
				} else if err != nil && jctx.Err() == nil {
					// (A renewal cut short because the job
					// ended meanwhile is no failure.)
					w.log.Warn("renewing a lease failed", "job", j.ID, "err", err)
				}
			}
		}
	}()
	if j.Kind != KindItems {
		return w.q.Release(ctx, j, fmt.Sprintf("unknown job kind %q", j.Kind))
	}
	items, pages, err := decodeItems(w.zc, j.Payload)
	if err != nil {
		return w.q.Release(ctx, j, err.Error())
	}
	t := time.Now()
	prepared := make([]pipeline.Prepared, len(items))
	for i, it := range items {
		if jctx.Err() != nil {
			return context.Cause(jctx)
		}
		var page []byte
		if pages != nil {
			page = pages[i]
		}
		prepared[i] = pipeline.PrepareAheadPage(jctx, it, page, w.cfg.Analyzer)
		if prepared[i].HTML && prepared[i].Article != nil {
			prepared[i].Text = "" // the article's text
		}
	}
	pj := preparedJob{Items: slimItems(items, prepared), Prepared: prepared}
	// A page the payload holds as it is stored is left out: the ordered
	// step takes it from there.
	for i := range pages {
		if pages[i] != nil && prepared[i].Raw != nil {
			prepared[i].Raw = nil
			pj.PagesInPayload = true
		}
	}
	b, err := marshal(pj)
	if err != nil {
		return w.q.Release(ctx, j, fmt.Sprintf("encode the prepared items: %v", err))
	}
	// Compressed here, in parallel, the result costs the server no
	// compression of its own (it gives up on compressed data at once),
	// and less to write and send.
	b = w.zc.compress(b)
	// The result is stored under the lease even when the connection was
	// lost meanwhile (a server restart): the attempt is not given up for
	// the job to be taken, counted and prepared again, as long as the
	// lease is not lost (the heartbeat then ends jctx).
	bo := backoff{}
	for {
		err := w.q.Prepare(jctx, j, b)
		if err == nil {
			break
		}
		if jctx.Err() != nil {
			return errors.Join(err, context.Cause(jctx))
		}
		if !postgres.Unavailable(err) {
			return err
		}
		w.log.Warn("storing a prepared job failed; retrying", "job", j.ID, "err", err)
		bo.wait(jctx)
	}
	w.log.Debug("prepared", "job", j.ID, "items", len(items), "took", time.Since(t))
	return nil
}

// errDrained ends the ordered step of a draining worker; errIdle ends it
// after IdleRelease without work, which frees the writer lock for other
// writers (parallax ingest, watch) until jobs come.
var (
	errDrained = errors.New("no job left")
	errIdle    = errors.New("idle")
)

// orderLoop takes the writer lock whenever it is free and then runs the
// ordered step until it fails or ctx ends.
func (w *worker) orderLoop(ctx context.Context) {
	bo := backoff{}
	for ctx.Err() == nil {
		// Without work the lock is left to other writers.
		left, err := w.left(ctx, true)
		if err != nil {
			if ctx.Err() == nil {
				w.log.Warn("reading the queue failed; retrying", "err", err)
			}
			bo.wait(ctx)
			continue
		}
		if !left {
			if w.cfg.Drain {
				return
			}
			sleep(ctx, w.cfg.Poll)
			continue
		}
		// Whether another process holds the lock is read cheaply, on
		// the queue's connections, and often: the ordered step is taken
		// over soon after its holder dies, and a draining worker leaves
		// soon after the last job is stored.
		if held, err := w.q.WriterHeld(ctx); err == nil && held {
			bo.reset()
			sleep(ctx, w.cfg.Poll/5)
			continue
		}
		st, err := postgres.OpenWith(ctx, w.cfg.DSN, postgres.Options{NoWait: true})
		var locked *storage.LockedError
		switch {
		case errors.As(err, &locked):
			bo.reset()
			sleep(ctx, w.cfg.Poll/5)
			continue
		case err != nil:
			if ctx.Err() == nil {
				w.log.Warn("opening the store failed; retrying", "err", err)
			}
			bo.wait(ctx)
			continue
		}
		w.log.Info("took the ordered step")
		err = w.lead(ctx, st)
		st.Close()
		if errors.Is(err, errDrained) {
			return
		}
		if errors.Is(err, errIdle) {
			w.log.Info("idle: left the ordered step to other writers")
			sleep(ctx, w.cfg.Poll)
			continue
		}
		if ctx.Err() == nil {
			w.log.Warn("the ordered step stopped; taking it up again", "err", err)
			bo.wait(ctx)
		}
	}
}

// lead runs the ordered step while this worker holds the writer lock of
// st: it runs the pipeline over the prepared jobs in job order.
func (w *worker) lead(ctx context.Context, st storage.Store) error {
	ahead := &aheadSet{}
	opts := pipeline.Options{Logger: w.cfg.Logger, Analyzer: w.cfg.Analyzer, Ahead: ahead, BatchSize: w.cfg.BatchSize}
	p, err := w.cfg.OpenPipeline(ctx, st, opts)
	if err != nil {
		return err
	}
	last, err := w.q.LastArticle(ctx)
	if err != nil {
		return err
	}
	var idle time.Time // since when no job is left
	for {
		// Only whether the first unfinished job is prepared is read
		// while waiting: the run reads what was prepared, job by job.
		ids, others, err := w.q.ReadyIDs(ctx, 0, 1)
		if err != nil {
			return err
		}
		if len(ids) == 0 {
			if !others && w.cfg.Drain {
				return errDrained
			}
			if others {
				idle = time.Time{}
			} else if idle.IsZero() {
				idle = time.Now()
			} else if time.Since(idle) > w.cfg.IdleRelease {
				return errIdle
			}
			sleep(ctx, w.cfg.Poll/5)
			if ctx.Err() != nil {
				return context.Cause(ctx)
			}
			continue
		}
		idle = time.Time{}
		// The lock is held on a connection of its own; if it was lost
		// and another process wrote meanwhile, the pipeline's state is
		// behind the store: start over.
		if now, err := w.q.LastArticle(ctx); err != nil {
			return err
		} else if now != last {
			return fmt.Errorf("the store was written by another process (last article %d, expected %d)", now, last)
		}
		// A run that failed before is tried one job at a time, and a
		// job that fails alone again is failed with the reason, so
		// that one bad job cannot stop the ordered steps for good.
		limit := w.cfg.GroupJobs
		if w.failed.id == ids[0] && w.failed.times >= 2 {
			limit = 1
		}
		taken, err := w.runJobs(ctx, p, ahead, limit)
		if err != nil {
			if ctx.Err() != nil || !jobFault(err) {
				// A lost connection, a server restarting or the
				// writer lock taken by another process says nothing
				// about the job: it is not counted against it.
				return err
			}
			if w.failed.id != ids[0] {
				w.failed.id, w.failed.times = ids[0], 0
			}
			w.failed.times++
			if taken <= 1 && limit == 1 && w.failed.times > w.cfg.MaxAttempts {
				w.log.Error("the ordered steps failed on a job: failing it", "job", ids[0], "err", err)
				if ferr := w.q.FailPrepared(ctx, ids[0], err.Error()); ferr != nil {
					return errors.Join(err, ferr)
				}
			}
			return err
		}
		w.failed.id, w.failed.times = 0, 0
		if last, err = w.q.LastArticle(ctx); err != nil {
			return err
		}
	}
}

// jobFault reports whether err, which ended an ordered run, may come from
// the run's jobs: not when the connection to the server was lost or could
// not be made, nor when the writer lock was lost to another process. Only
// such failures count towards failing a job (see lead): a server restart
// and the reconnections after it fail several runs in a row, whatever
// their jobs hold.
func jobFault(err error) bool {
	var locked *storage.LockedError
	return !postgres.Unavailable(err) && !errors.As(err, &locked)
}

// preparedJob is what the workers store with a prepared job: its items,
// those whose preparation holds all the ordered step needs without their
// body (see slimItems), and what was prepared for them. The ordered step
// reads only this, not the job's payload.
type preparedJob struct {
	Items    []source.Item       `json:"items"`
	Prepared []pipeline.Prepared `json:"prepared"`
	// PagesInPayload: the compressed pages of the items whose extraction
	// holds an article were left out of Prepared (their Raw), as the
	// job's payload holds them (see EncodeItems).
	PagesInPayload bool `json:"pages_in_payload,omitempty"`
}

// slimItems returns items with the body of each HTML page left out when
// its preparation holds its extraction and compressed page, or why its
// extraction failed, and its content hash in Article.Hash instead (see
// pipeline.Ahead). The ordered step then neither reads nor hashes the
// pages.
func slimItems(items []source.Item, prs []pipeline.Prepared) []source.Item {
	out := make([]source.Item, len(items))
	for i, it := range items {
		pr := prs[i]
		if it.HTML && pr.ExternalID == it.Article.ExternalID && (pr.Err != "" || (pr.Article != nil && pr.Raw != nil)) {
			it.Body = ""
			it.Article.Hash = pr.Hash
		}
		out[i] = it
	}
	return out
}

// decodePrepared returns the items of a prepared job and what was
// prepared for them (a preparedJob, compressed by zCodec). Jobs prepared
// by earlier versions of the workers hold it uncompressed, or only what
// was prepared: then their items are read from their payload.
func (w *worker) decodePrepared(ctx context.Context, j *postgres.Job) ([]source.Item, []pipeline.Prepared, error) {
	if zstdFrame(j.Prepared) {
		b, err := w.zc.decompress(j.Prepared)
		if err != nil {
			return nil, nil, fmt.Errorf("job %d: decode prepared items: %w", j.ID, err)
		}
		var pj preparedJob
		if err := json.Unmarshal(b, &pj); err != nil {
			return nil, nil, fmt.Errorf("job %d: decode prepared items: %w", j.ID, err)
		}
		if pj.PagesInPayload {
			if err := w.pagesFromPayload(ctx, j, pj.Prepared); err != nil {
				return nil, nil, err
			}
		}
		return pj.Items, pj.Prepared, nil
	}
	if len(j.Prepared) > 0 && j.Prepared[0] == '{' { // stored uncompressed by an earlier version
		var pj preparedJob
		if err := json.Unmarshal(j.Prepared, &pj); err != nil {
			return nil, nil, fmt.Errorf("job %d: decode prepared items: %w", j.ID, err)
		}
		return pj.Items, pj.Prepared, nil
	}
	var prepared []pipeline.Prepared
	if err := json.Unmarshal(j.Prepared, &prepared); err != nil {
		return nil, nil, fmt.Errorf("job %d: decode prepared items: %w", j.ID, err)
	}
	payload, err := w.payload(ctx, j)
	if err != nil {
		return nil, nil, err
	}
	items, _, err := decodeItems(w.zc, payload)
	if err != nil {
		return nil, nil, fmt.Errorf("job %d: %w", j.ID, err)
	}
	return items, prepared, nil
}

// payload returns job j's payload: the one read with the job (see
// postgres.Queue.PreparedJobs), else read now.
func (w *worker) payload(ctx context.Context, j *postgres.Job) ([]byte, error) {
	if j.Payload != nil {
		return j.Payload, nil
	}
	payloads, err := w.q.Payloads(ctx, []int64{j.ID})
	if err != nil {
		return nil, err
	}
	return payloads[j.ID], nil
}

// pagesFromPayload gives each HTML item of job j whose extraction holds
// an article its compressed page from the job's payload (see
// preparedJob.PagesInPayload).
func (w *worker) pagesFromPayload(ctx context.Context, j *postgres.Job, prs []pipeline.Prepared) error {
	id := j.ID
	payload, err := w.payload(ctx, j)
	if err != nil {
		return err
	}
	pages, err := payloadPages(payload)
	if err != nil {
		return fmt.Errorf("job %d: %w", id, err)
	}
	if len(pages) != len(prs) {
		return fmt.Errorf("job %d: %d pages in the payload for %d prepared items", id, len(pages), len(prs))
	}
	for i := range prs {
		if pages[i] != nil && prs[i].HTML && prs[i].Article != nil && prs[i].Raw == nil {
			prs[i].Raw = pages[i]
		}
	}
	return nil
}

// runJobs runs the pipeline over the prepared jobs in job order, at most
// limit of them, and marks them done; it returns how many jobs it took.
//
// The run takes each job as soon as it is prepared: while the next one is
// being prepared, what was taken goes through the ordered stages (near
// copies, clustering, the commit) instead of waiting for a group of jobs
// to be ready. It ends after limit jobs, when no job is left, or when the
// next job is not prepared within GroupWait; then the run's end
// (threads, the saved state) is done once for all its jobs, and they are
// marked done.
func (w *worker) runJobs(ctx context.Context, p *pipeline.Pipeline, ahead *aheadSet, limit int) (int, error) {
	var ids []int64
	owner := map[string]int{} // item source → index of its job
	byID := map[string]int{}  // external id → index of its first job
	repeated := 0
	ahead.set(nil)
	defer ahead.set(nil)
	defer w.ordering.Store(false)
	// The ready jobs are polled often within a run: a poll reads a few
	// rows of the open jobs' index.
	poll := max(w.cfg.Poll/20, time.Millisecond)
	t := time.Now()
	rep, err := p.RunFlushing(ctx, func(yield func(source.Item) error, flush func() error) error {
		var after int64
		var waiting time.Time // since when the run waits for the next job
		for len(ids) < limit {
			ready, others, err := w.q.ReadyIDs(ctx, after, limit-len(ids))
			if err != nil {
				return err
			}
			var jobs []*postgres.Job
			if len(ready) > 0 {
				if jobs, err = w.q.PreparedJobs(ctx, ready); err != nil {
					return err
				}
				// Only the ordered step moves a job on from
				// prepared, so all are there; a gap would break
				// the order.
				for i, j := range jobs {
					if j.ID != ready[i] {
						jobs = jobs[:i]
						break
					}
				}
			}
			w.ordering.Store(len(jobs) > 0)
			if len(jobs) == 0 {
				if !others {
					return nil
				}
				if waiting.IsZero() {
					// The stages after work on what was
					// taken while the next job is prepared.
					if err := flush(); err != nil {
						return err
					}
					waiting = time.Now()
				} else if time.Since(waiting) > w.cfg.GroupWait {
					return nil
				}
				sleep(ctx, poll)
				if ctx.Err() != nil {
					return context.Cause(ctx)
				}
				continue
			}
			waiting = time.Time{}
			for _, j := range jobs {
				its, prs, err := w.decodePrepared(ctx, j)
				if err != nil {
					if len(ids) > 0 {
						// This job is tried again first in
						// a run of its own, and failed
						// alone if it fails again.
						return nil
					}
					return err
				}
				i := len(ids)
				ids = append(ids, j.ID)
				after = j.ID
				ahead.add(prs)
				for _, it := range its {
					// An article queued again in another job
					// (the same files queued twice) is left to
					// that job's turn, where it is already
					// stored; within one job, a repeated id is
					// the pipeline's to report.
					if first, ok := byID[it.Article.ExternalID]; ok && first != i {
						repeated++
						continue
					}
					byID[it.Article.ExternalID] = i
					owner[it.Article.Source] = i
					if err := yield(it); err != nil {
						return err
					}
				}
			}
		}
		return nil
	}, nil)
	if err != nil {
		return len(ids), err
	}
	if len(ids) == 0 {
		return 0, nil
	}
	results := make([]string, len(ids))
	for _, group := range [][]*source.Error{rep.Errors, rep.Warnings} {
		for _, e := range group {
			i, ok := owner[e.Path]
			if !ok {
				continue
			}
			results[i] += e.Error() + "\n"
		}
	}
	took, missed := ahead.counts()
	w.log.Info("stored jobs", "jobs", len(ids), "read", rep.Read, "added", rep.Added, "known", rep.Known+repeated,
		"near-copies", rep.Duplicates, "skipped", rep.Failed, "prepared ahead", took, "computed here", missed, "took", time.Since(t))
	return len(ids), w.q.Done(ctx, ids, results)
}

// aheadSet is the pipeline.Ahead of the ordered step: what the workers
// prepared for the jobs of the current run.
type aheadSet struct {
	mu         sync.Mutex
	ext        map[[2]string]pipeline.Prepared
	an         map[string]model.Analysis
	took, miss int
}

// set makes prs the whole set.
func (s *aheadSet) set(prs []pipeline.Prepared) {
	s.mu.Lock()
	s.ext = make(map[[2]string]pipeline.Prepared, len(prs))
	s.an = make(map[string]model.Analysis, len(prs))
	s.took, s.miss = 0, 0
	s.mu.Unlock()
	s.add(prs)
}

// add adds prs to the set.
func (s *aheadSet) add(prs []pipeline.Prepared) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, pr := range prs {
		if pr.HTML {
			s.ext[[2]string{pr.ExternalID, pr.Hash}] = pr
		}
		if pr.Analysed {
			text := pr.Text
			if pr.HTML && pr.Article != nil {
				text = pr.Article.Text
			}
			s.an[text] = pr.Analysis
		}
	}
}

// Extracted implements pipeline.Ahead.
func (s *aheadSet) Extracted(id, hash string) (pipeline.Prepared, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	pr, ok := s.ext[[2]string{id, hash}]
	return pr, ok
}

// Analysis implements pipeline.Ahead.
func (s *aheadSet) Analysis(text string) (model.Analysis, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	an, ok := s.an[text]
	if ok {
		s.took++
	} else {
		s.miss++
	}
	return an, ok
}

// counts returns how many analyses were taken from what was prepared and
// how many had to be made in the ordered step.
func (s *aheadSet) counts() (took, missed int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.took, s.miss
}

// itemsPayload is the payload of a KindItems job.
type itemsPayload struct {
	Items []source.Item `json:"items"`
}

// itemsMagic starts a job payload in the format EncodeItems writes: the
// uvarint length of the items' JSON compressed by zCodec, with the bodies
// left out, then each item's body as the uvarint length of its page
// compressed by storage.CompressPage and that page (length 0: the body is
// in the JSON). Neither a zstd frame nor JSON starts with it.
const itemsMagic = "PXI\x02"

// EncodeItems returns the payload of a job ingesting items. Each body is
// compressed on its own as a raw page is stored (storage.CompressPage),
// so that the worker preparing an HTML page keeps it as it came instead
// of compressing it again, and reads it without decoding it from JSON
// (together 2.9 s of the 22.8 s a worker took for 990 real pages); the
// rest is JSON, compressed. A body that is not valid UTF-8 stays in the
// JSON, which reads it as every earlier payload did. Compressed by the
// client, a payload costs the server no compression when it is queued nor
// decompression each time a worker takes its job (PostgreSQL's own
// compression of the JSON of 990 real pages, 64 jobs, took 4.1 s of
// server CPU to queue them and 0.7 s to take them; it gives up on
// compressed data at once), and it is smaller to store and send.
func EncodeItems(items []source.Item) ([]byte, error) {
	meta := make([]source.Item, len(items))
	pages := make([][]byte, len(items))
	size := 0
	for i, it := range items {
		if it.Body != "" && utf8.ValidString(it.Body) {
			pages[i] = storage.CompressPageString(it.Body)
			size += len(pages[i]) + binary.MaxVarintLen64
			it.Body = ""
		}
		meta[i] = it
	}
	b, err := marshal(itemsPayload{Items: meta})
	if err != nil {
		return nil, fmt.Errorf("encode job: %w", err)
	}
	zc, err := newZCodec(1)
	if err != nil {
		return nil, fmt.Errorf("encode job: %w", err)
	}
	defer zc.close()
	b = zc.compress(b)
	out := make([]byte, 0, len(itemsMagic)+binary.MaxVarintLen64+len(b)+size)
	out = append(out, itemsMagic...)
	out = binary.AppendUvarint(out, uint64(len(b)))
	out = append(out, b...)
	for _, p := range pages {
		out = binary.AppendUvarint(out, uint64(len(p)))
		out = append(out, p...)
	}
	return out, nil
}

// marshal returns the JSON encoding of v without HTML escaping: the pages
// and texts of jobs are full of <, > and &, which json.Marshal writes as
// six bytes each, so that the payloads grow by about a third and take
// longer to move and decode. Any JSON decoder reads the result.
func marshal(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

// decodeItems returns the items of a KindItems job's payload, written by
// EncodeItems or, queued by an earlier version, JSON compressed by zc or
// plain. pages holds the page of each item as EncodeItems compressed it
// (nil when it did not), parallel to items.
func decodeItems(zc *zCodec, b []byte) (items []source.Item, pages [][]byte, err error) {
	if !bytes.HasPrefix(b, []byte(itemsMagic)) {
		items, err := decodeJSONItems(zc, b)
		return items, nil, err
	}
	meta, pages, err := splitPayload(b)
	if err != nil {
		return nil, nil, err
	}
	if items, err = decodeJSONItems(zc, meta); err != nil {
		return nil, nil, err
	}
	if len(items) != len(pages) {
		return nil, nil, fmt.Errorf("decode job: %d items and %d pages", len(items), len(pages))
	}
	for i, p := range pages {
		if p == nil {
			continue
		}
		page, err := (&storage.RawPage{Data: p}).Page()
		if err != nil {
			return nil, nil, fmt.Errorf("decode job: item %d: %w", i, err)
		}
		if len(page) > 0 {
			// The page is not kept anywhere else: the body takes it
			// without a copy.
			items[i].Body = unsafe.String(&page[0], len(page))
		}
	}
	return items, pages, nil
}

// payloadPages returns the compressed pages of a payload written by
// EncodeItems (nil where an item has none), without decoding its items.
func payloadPages(b []byte) ([][]byte, error) {
	if !bytes.HasPrefix(b, []byte(itemsMagic)) {
		return nil, errors.New("decode job: the payload holds no pages")
	}
	_, pages, err := splitPayload(b)
	return pages, err
}

// splitPayload returns the compressed JSON of the items of a payload
// written by EncodeItems and their compressed pages.
func splitPayload(b []byte) (meta []byte, pages [][]byte, err error) {
	b = b[len(itemsMagic):]
	n, w := binary.Uvarint(b)
	if w <= 0 || n > uint64(len(b)-w) {
		return nil, nil, errors.New("decode job: damaged payload")
	}
	meta, b = b[w:w+int(n)], b[w+int(n):]
	for len(b) > 0 {
		n, w := binary.Uvarint(b)
		if w <= 0 || n > uint64(len(b)-w) {
			return nil, nil, errors.New("decode job: damaged payload")
		}
		var p []byte
		if n > 0 {
			p = b[w : w+int(n) : w+int(n)]
		}
		pages = append(pages, p)
		b = b[w+int(n):]
	}
	return meta, pages, nil
}

// decodeJSONItems returns the items of the JSON of a KindItems job's
// payload, compressed by zc or plain.
func decodeJSONItems(zc *zCodec, b []byte) ([]source.Item, error) {
	if zstdFrame(b) {
		var err error
		if b, err = zc.decompress(b); err != nil {
			return nil, fmt.Errorf("decode job: %w", err)
		}
	}
	var p itemsPayload
	if err := json.Unmarshal(b, &p); err != nil {
		return nil, fmt.Errorf("decode job: %w", err)
	}
	return p.Items, nil
}

// Problems returns the input problems recorded with finished jobs, one a
// line.
func Problems(jobs []*postgres.Job) []string {
	var out []string
	for _, j := range jobs {
		for _, l := range strings.Split(strings.TrimSpace(j.Result), "\n") {
			if l != "" {
				out = append(out, l)
			}
		}
		if j.State == postgres.JobFailed {
			out = append(out, fmt.Sprintf("job %d failed: %s", j.ID, j.Error))
		}
	}
	return out
}
