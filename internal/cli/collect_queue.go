package cli

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"time"

	"github.com/parallax-news/parallax/internal/collect/fetcher"
	"github.com/parallax-news/parallax/internal/collect/sources"
	"github.com/parallax-news/parallax/internal/source"
	"github.com/parallax-news/parallax/internal/storage"
	"github.com/parallax-news/parallax/internal/storage/postgres"
	"github.com/parallax-news/parallax/internal/worker"
)

// withWriter opens the store for writing, runs fn and closes it: the
// writer lock is held only for fn.
func (a *app) withWriter(fn func(st storage.Store) error) error {
	st, err := a.openStore()
	if err != nil {
		return err
	}
	defer st.Close()
	return fn(st)
}

// watchRoundQueued is one round of watch --enqueue: like watchRound, but
// the new pages go to the store's job queue for the workers, and the
// writer lock is held only to read and to save the sources' state, not
// while polling and fetching, so the workers can store what earlier
// rounds queued. Items are marked as taken once queued.
func (a *app) watchRoundQueued(q *postgres.Queue, f *fetcher.Fetcher, ff *fetchFlags, keep func(*fetcher.Response)) (time.Time, error) {
	var l *sources.List
	if err := a.withWriter(func(st storage.Store) error {
		var err error
		l, err = loadSources(a.ctx, st)
		return err
	}); err != nil {
		return time.Time{}, err
	}
	due := l.Due(time.Now())
	if len(due) == 0 {
		return l.NextDue(), nil
	}
	found := pollDue(a.ctx, f, due, ff.workers)
	urls := slices.Sorted(maps.Keys(found))
	rd, err := a.openReader()
	if err != nil {
		return time.Time{}, err
	}
	known, _, err := rd.Known(a.ctx, urls, nil)
	rd.Close()
	if err != nil {
		return time.Time{}, err
	}
	var todo []string
	for _, u := range urls {
		if known[u] {
			found[u].src.MarkSeen(found[u].key)
		} else {
			todo = append(todo, u)
		}
	}
	var failed []*source.Error
	var batch []source.Item
	queued, jobs := 0, 0
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		b, err := worker.EncodeItems(batch)
		if err != nil {
			return err
		}
		if _, err := q.Enqueue(a.ctx, worker.KindItems, b); err != nil {
			return err
		}
		queued += len(batch)
		jobs++
		batch = batch[:0]
		return nil
	}
	runErr := fetchPages(a.ctx, f, todo, ff.workers, nil, keep, func(it source.Item) error {
		batch = append(batch, it)
		if len(batch) >= worker.JobItems {
			return flush()
		}
		return nil
	}, func(e *source.Error) {
		a.log.Warn("fetch failed", "url", e.Path, "err", e.Err)
		failed = append(failed, e)
	})
	if runErr == nil {
		runErr = flush()
	}
	if runErr == nil {
		retry := map[string]bool{}
		for _, e := range failed {
			var fe *fetcher.Error
			if errors.As(e.Err, &fe) && !fe.Permanent() {
				retry[e.Path] = true
			}
		}
		for _, u := range todo {
			if !retry[u] {
				found[u].src.MarkSeen(found[u].key)
			}
		}
	}
	// Sources added, removed or edited meanwhile are kept: only the state
	// of the sources polled in this round is written over.
	var next time.Time
	err = a.withWriter(func(st storage.Store) error {
		fresh, err := loadSources(a.ctx, st)
		if err != nil {
			return err
		}
		for _, s := range due {
			if fs := fresh.Get(s.URL); fs != nil {
				*fs = *s
			}
		}
		next = fresh.NextDue()
		return saveSources(a.ctx, st, fresh)
	})
	if err != nil {
		return time.Time{}, errors.Join(runErr, err)
	}
	a.log.Info("watch round", "sources", len(due), "new", len(todo), "queued", queued, "jobs", jobs, "failed", len(failed))
	fmt.Fprintf(a.stderr, "polled %d sources: %d new items, %d queued for the workers, %d failed\n", len(due), len(todo), queued, len(failed))
	return next, runErr
}
