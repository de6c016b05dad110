package worker

import (
	"context"
	"fmt"
	"time"

	"github.com/parallax-news/parallax/internal/source"
	"github.com/parallax-news/parallax/internal/storage/postgres"
)

// Job size limits: a job holds at most JobItems articles or about
// JobBytes of input, so that work spreads over the workers and a job lost
// with its worker is cheap to redo.
const (
	JobItems = 25
	JobBytes = 2 << 20
)

// EnqueueReport sums up an enqueue.
type EnqueueReport struct {
	Items int
	Jobs  []int64
}

// Enqueue reads files and adds their articles to q as ingest jobs, in
// input order; rd reports the inputs it cannot read.
func Enqueue(ctx context.Context, q *postgres.Queue, rd *source.Reader, files []source.File) (EnqueueReport, error) {
	var rep EnqueueReport
	var batch []source.Item
	size := 0
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		b, err := EncodeItems(batch)
		if err != nil {
			return err
		}
		ids, err := q.Enqueue(ctx, KindItems, b)
		if err != nil {
			return err
		}
		rep.Jobs = append(rep.Jobs, ids...)
		rep.Items += len(batch)
		batch, size = batch[:0], 0
		return nil
	}
	err := rd.ReadFiles(ctx, files, func(it source.Item) error {
		batch = append(batch, it)
		size += len(it.Body)
		if len(batch) >= JobItems || size >= JobBytes {
			return flush()
		}
		return nil
	})
	if err == nil {
		err = flush()
	}
	return rep, err
}

// Wait waits until the given jobs are done or failed, checking every poll,
// and returns them. A job no longer in the queue was done and purged
// (see Config.KeepDone); it is not returned.
func Wait(ctx context.Context, q *postgres.Queue, ids []int64, poll time.Duration) ([]*postgres.Job, error) {
	for {
		jobs, err := q.Jobs(ctx, ids)
		if err != nil {
			return nil, err
		}
		finished := len(ids) - len(jobs) // purged
		for _, j := range jobs {
			if j.State == postgres.JobDone || j.State == postgres.JobFailed {
				finished++
			}
		}
		if finished == len(ids) {
			return jobs, nil
		}
		select {
		case <-ctx.Done():
			return nil, fmt.Errorf("waiting for %d of %d jobs: %w", len(ids)-finished, len(ids), context.Cause(ctx))
		case <-time.After(poll):
		}
	}
}
