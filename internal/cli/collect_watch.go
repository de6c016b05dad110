package cli

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"
	"time"

	"github.com/spf13/cobra"

	"github.com/parallax-news/parallax/internal/collect/archive"
	"github.com/parallax-news/parallax/internal/collect/fetcher"
	"github.com/parallax-news/parallax/internal/pipeline"
	"github.com/parallax-news/parallax/internal/source"
	"github.com/parallax-news/parallax/internal/storage"
	"github.com/parallax-news/parallax/internal/storage/open"
	"github.com/parallax-news/parallax/internal/storage/postgres"
)

// archiver opens the --warc-dir writer when set; keep is nil otherwise.
func (a *app) archiver(ff *fetchFlags) (keep func(*fetcher.Response), done func(), err error) {
	if ff.warcDir == "" {
		return nil, func() {}, nil
	}
	w, err := archive.NewWriter(ff.warcDir, 0)
	if err != nil {
		return nil, nil, err
	}
	keep = func(res *fetcher.Response) {
		if err := w.Write(res); err != nil {
			a.log.Error("WARC write failed", "url", res.URL, "err", err)
		}
	}
	done = func() {
		if err := w.Close(); err != nil {
			a.log.Error("closing the WARC file", "err", err)
		}
	}
	return keep, done, nil
}

func (a *app) watchCmd() *cobra.Command {
	var ff fetchFlags
	var once, enqueue bool
	cmd := &cobra.Command{
		Use:   "watch [--once]",
		Short: "Poll the sources when due, fetch their new articles and ingest them, until interrupted",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			var round func() (time.Time, error)
			ff.limitMemory()
			f := ff.fetcher()
			defer f.Close()
			keep, done, err := a.archiver(&ff)
			if err != nil {
				return err
			}
			defer done()
			if enqueue {
				if err := a.needPostgres("watch --enqueue"); err != nil {
					return err
				}
				q, err := postgres.OpenQueue(a.ctx, a.dbPath, postgres.Options{})
				if err != nil {
					return err
				}
				defer q.Close()
				round = func() (time.Time, error) { return a.watchRoundQueued(q, f, &ff, keep) }
			} else {
				st, err := a.open(open.Options{CacheBytes: fetchCacheBytes})
				if err != nil {
					return err
				}
				defer st.Close()
				ex := newPageExtractor(st)
				p, err := a.openPipeline(st, ex.options(pipeline.Options{Logger: a.log, Analyzer: newAnalyzer()}))
				if err != nil {
					return err
				}
				round = func() (time.Time, error) { return a.watchRound(st, p, ex, f, &ff, keep) }
			}
			for {
				next, err := round()
				if err != nil || once || a.ctx.Err() != nil {
					if errors.Is(err, context.Canceled) {
						return nil
					}
					return err
				}
				wait := min(max(time.Until(next), time.Second), time.Minute)
				if next.IsZero() {
					wait = time.Minute
				}
				select {
				case <-time.After(wait):
				case <-a.ctx.Done():
					return nil
				}
			}
		},
	}
	ff.register(cmd)
	cmd.Flags().BoolVar(&once, "once", false, "do one round (poll what is due, fetch, ingest) and exit, for cron")
	cmd.Flags().BoolVar(&enqueue, "enqueue", false, "PostgreSQL store: queue the fetched pages for the store's workers (parallax worker) instead of ingesting them here")
	return cmd
}

// watchRound polls the due sources, fetches and ingests their new items
// and saves the sources' state; it returns when the next source is due.
// Items are marked as taken only once their batch is stored, so a stop
// (or a crash) fetches at most the batch in flight again.
func (a *app) watchRound(st storage.Store, p *pipeline.Pipeline, ex *pageExtractor, f *fetcher.Fetcher, ff *fetchFlags, keep func(*fetcher.Response)) (time.Time, error) {
	l, err := loadSources(a.ctx, st)
	if err != nil {
		return time.Time{}, err
	}
	due := l.Due(time.Now())
	if len(due) == 0 {
		return l.NextDue(), nil
	}
	found := pollDue(a.ctx, f, due, ff.workers)
	urls := slices.Sorted(maps.Keys(found))
	known, _, err := st.Known(a.ctx, urls, nil)
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
	rep, runErr := p.Run(a.ctx, func(yield func(source.Item) error) error {
		return fetchPages(a.ctx, f, todo, ff.workers, ex, keep, yield, func(e *source.Error) {
			a.log.Warn("fetch failed", "url", e.Path, "err", e.Err)
			failed = append(failed, e)
		})
	}, nil)
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
	// The state is saved even when the run was interrupted: polls done
	// are not repeated, and items not marked are fetched next time.
	saveCtx, cancel := context.WithTimeout(context.WithoutCancel(a.ctx), 30*time.Second)
	defer cancel()
	if err := saveSources(saveCtx, st, l); err != nil {
		return time.Time{}, errors.Join(runErr, err)
	}
	for _, w := range rep.Warnings {
		a.log.Warn("ingest warning", "input", w.Path, "err", w.Err)
	}
	a.log.Info("watch round", "sources", len(due), "new", len(todo), "added", rep.Added, "known", rep.Known+len(urls)-len(todo), "failed", len(failed))
	fmt.Fprintf(a.stderr, "polled %d sources: %d new items, %d added, %d near-copies, %d failed\n",
		len(due), len(todo), rep.Added, rep.Duplicates, len(failed))
	return l.NextDue(), runErr
}
