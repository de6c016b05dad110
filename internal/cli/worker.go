package cli

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"github.com/parallax-news/parallax/internal/pipeline"
	"github.com/parallax-news/parallax/internal/source"
	"github.com/parallax-news/parallax/internal/storage"
	"github.com/parallax-news/parallax/internal/storage/open"
	"github.com/parallax-news/parallax/internal/storage/postgres"
	"github.com/parallax-news/parallax/internal/worker"
)

// errNeedsPostgres refuses the shared-work commands on a SQLite store.
func (a *app) needPostgres(what string) error {
	if !open.IsPostgres(a.dbPath) {
		return usage(fmt.Errorf("%s needs a PostgreSQL store (--db postgres://…); a SQLite store is ingested by one process: run parallax ingest without --enqueue", what))
	}
	return nil
}

func (a *app) workerCmd() *cobra.Command {
	var cfg worker.Config
	cmd := &cobra.Command{
		Use:   "worker",
		Short: "Work on the job queue of a PostgreSQL store with other workers, on this or other machines",
		Long: `worker takes ingest jobs (queued by parallax ingest --enqueue) from a
PostgreSQL store and extracts and analyses their articles, in parallel with
every other worker of the store. One worker at a time, the holder of the
store's writer lock, also runs the steps that must see the articles in order
(near-copies, stories, committing the batches); when it stops, another
worker takes them over within a second. Jobs of a worker that died are taken
again when their lease runs out.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := a.needPostgres("parallax worker"); err != nil {
				return err
			}
			cfg.DSN = a.dbPath
			if cfg.KeepDone == 0 {
				cfg.KeepDone = -1 // --keep-done 0: for ever
			}
			cfg.Analyzer = newAnalyzer()
			cfg.Logger = a.log
			var mu sync.Mutex // one re-analysis message at a time
			cfg.OpenPipeline = func(ctx context.Context, st storage.Store, opts pipeline.Options) (*pipeline.Pipeline, error) {
				mu.Lock()
				defer mu.Unlock()
				return a.openPipeline(st, opts)
			}
			err := worker.Run(a.ctx, cfg)
			if errors.Is(err, context.Canceled) {
				return nil
			}
			return err
		},
	}
	a.dbFlag(cmd)
	cmd.Flags().IntVar(&cfg.Jobs, "jobs", 0, "jobs prepared at once (default: the number of CPUs)")
	cmd.Flags().DurationVar(&cfg.Lease, "lease", 15*time.Second, "how long a job stays with a worker that stopped renewing it")
	cmd.Flags().BoolVar(&cfg.NoOrder, "no-order", false, "only extract and analyse; never run the ordered steps")
	cmd.Flags().BoolVar(&cfg.Drain, "drain", false, "exit once no job is left")
	cmd.Flags().DurationVar(&cfg.KeepDone, "keep-done", 7*24*time.Hour, "delete jobs done longer ago than this (0: keep them)")
	cmd.Flags().IntVar(&cfg.BatchSize, "batch", 0, "articles per committed batch in the ordered step (default 2000)")
	return cmd
}

// enqueue reads paths into the store's job queue and, with wait, waits
// until the workers have stored them.
func (a *app) enqueue(paths []string, wait bool) error {
	if err := a.needPostgres("--enqueue"); err != nil {
		return err
	}
	q, err := postgres.OpenQueue(a.ctx, a.dbPath, postgres.Options{})
	if err != nil {
		return err
	}
	defer q.Close()
	files, listed := source.Files(paths)
	var problems []*source.Error
	problems = append(problems, listed...)
	rd := &source.Reader{OnError: func(e *source.Error) { problems = append(problems, e) }}
	t := time.Now()
	rep, err := worker.Enqueue(a.ctx, q, rd, files)
	for _, e := range problems {
		fmt.Fprintln(a.stderr, "skipped:", e)
	}
	if err != nil {
		return fmt.Errorf("enqueue: %w (%d jobs were queued)", err, len(rep.Jobs))
	}
	if len(problems) > 0 {
		a.partial = true
	}
	fmt.Fprintf(a.stderr, "queued %d articles from %d files in %d jobs (%.1fs)\n", rep.Items, len(files), len(rep.Jobs), time.Since(t).Seconds())
	if !wait || len(rep.Jobs) == 0 {
		return nil
	}
	jobs, err := worker.Wait(a.ctx, q, rep.Jobs, 250*time.Millisecond)
	if err != nil {
		return err
	}
	for _, p := range worker.Problems(jobs) {
		fmt.Fprintln(a.stderr, "skipped or warned:", p)
	}
	failed := 0
	for _, j := range jobs {
		if j.State == postgres.JobFailed {
			failed++
		}
	}
	if failed > 0 {
		a.partial = true
	}
	fmt.Fprintf(a.stderr, "the workers finished %d jobs, %d failed (%.1fs)\n", len(jobs), failed, time.Since(t).Seconds())
	return nil
}
