package postgres

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// migrationPayloadStorage (schema version 16) stores the payloads of
// jobs without the server's own compression, as migrationCompressedStorage
// does for what was prepared for them: a payload holds pages the client
// compressed with zstd, which pglz went through to the end (the text
// around them matches, so it did not give up early) and then stored
// uncompressed anyway: storing the 40 jobs of 990 pages took the server
// about 0.6 s of CPU with it, 0.12 s without. Payloads stored before
// keep their storage.
const migrationPayloadStorage = `ALTER TABLE jobs ALTER COLUMN payload SET STORAGE EXTERNAL;`

// Job states. A job is queued, then running under a worker's lease, then
// prepared (its result waits for the ordered step), then done; a job
// whose worker died returns to the queue when its lease runs out, and one
// that failed too often is failed.
const (
	JobQueued   = "queued"
	JobRunning  = "running"
	JobPrepared = "prepared"
	JobDone     = "done"
	JobFailed   = "failed"
)

// ErrLeaseLost is returned when a worker reports on a job whose lease it no
// longer holds: the lease ran out and another worker may have taken the
// job.
var ErrLeaseLost = errors.New("job lease lost")

// Queue is the work queue of a store, in its jobs table: any number of
// processes on any number of machines enqueue jobs and take them with
// SELECT … FOR UPDATE SKIP LOCKED, each under a lease they renew while
// they work. It needs no writer lock: it is used alongside the one writer.
type Queue struct {
	name string
	pool *pgxpool.Pool
}

// Job is a job taken from the queue.
type Job struct {
	ID      int64
	Kind    string
	Payload []byte
	// Attempt counts the times the job was taken, this one included; it
	// names the lease.
	Attempt int
	// Prepared is the result of the parallel step (for the ordered step).
	Prepared []byte
	State    string
	Error    string
	Result   string
}

// OpenQueue connects to the queue of the store at dsn. A store whose
// schema is behind this parallax is migrated first, which waits for the
// store's writer (opts.OnWait and opts.NoWait apply to that wait only).
func OpenQueue(ctx context.Context, dsn string, opts Options) (*Queue, error) {
	name := redact(dsn)
	cfg, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("open queue %s: %w", name, err)
	}
	cfg.MaxConns = 8
	if opts.MaxConns > 0 {
		cfg.MaxConns = opts.MaxConns
	}
	cfg.ConnConfig.RuntimeParams["application_name"] = "parallax queue"
	connectDefaults(dsn, cfg.ConnConfig)
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("open queue %s: %w", name, err)
	}
	q := &Queue{name: name, pool: pool}
	v, err := schemaVersion(ctx, pool)
	if err == nil && v < len(migrations) {
		var s *Store
		if s, err = OpenWith(ctx, dsn, opts); err == nil {
			err = s.Close()
		}
	}
	if err != nil {
		pool.Close()
		return nil, fmt.Errorf("open queue %s: %w", name, err)
	}
	return q, nil
}

// fail returns err, first closing the pool's connections when err says the
// server was lost (see Unavailable): after a server restart every idle
// connection is dead, and each would fail one more statement, a lease
// renewal among them, before the pool made a new one.
func (q *Queue) fail(err error) error {
	if Unavailable(err) {
		q.pool.Reset()
	}
	return err
}

// Close closes the queue's connections.
func (q *Queue) Close() { q.pool.Close() }

// Enqueue adds one job of kind per payload, in order, and returns their
// ids.
func (q *Queue) Enqueue(ctx context.Context, kind string, payloads ...[]byte) ([]int64, error) {
	ids := make([]int64, 0, len(payloads))
	err := pgx.BeginFunc(ctx, q.pool, func(tx pgx.Tx) error {
		for _, p := range payloads {
			var id int64
			if err := tx.QueryRow(ctx, `INSERT INTO jobs(kind, payload) VALUES ($1, $2) RETURNING id`, kind, p).Scan(&id); err != nil {
				return err
			}
			ids = append(ids, id)
		}
		return nil
	})
	if err != nil {
		return nil, q.fail(fmt.Errorf("enqueue: %w", err))
	}
	return ids, nil
}

// Claim takes the oldest job that is queued, or whose worker's lease ran
// out, under a lease of the given length for worker; it returns nil when
// there is none. A job already taken maxAttempts times whose lease ran out
// is failed instead (its input kills workers). It is one statement: the
// jobs failed and the job taken are disjoint, so both are done in one
// round trip.
func (q *Queue) Claim(ctx context.Context, worker string, lease time.Duration, maxAttempts int) (*Job, error) {
	j := &Job{State: JobRunning}
	err := q.pool.QueryRow(ctx, `WITH failed AS (
			UPDATE jobs SET state = 'failed', error = 'its worker stopped during each of ' || attempts || ' attempts', lease_until = NULL
			WHERE state = 'running' AND lease_until < now() AND attempts >= $3
		)
		UPDATE jobs SET state = 'running', attempts = attempts + 1, worker = $1,
			lease_until = now() + make_interval(secs => $2)
		WHERE id = (SELECT id FROM jobs WHERE state = 'queued' OR (state = 'running' AND lease_until < now() AND attempts < $3)
			ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED)
		RETURNING id, kind, payload, attempts`, worker, lease.Seconds(), maxAttempts).Scan(&j.ID, &j.Kind, &j.Payload, &j.Attempt)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, q.fail(fmt.Errorf("claim job: %w", err))
	}
	return j, nil
}

// Renew extends the lease on j; ErrLeaseLost means another worker may have
// taken it.
func (q *Queue) Renew(ctx context.Context, j *Job, lease time.Duration) error {
	return q.leased(ctx, j, "renew", `UPDATE jobs SET lease_until = now() + make_interval(secs => $3)
		WHERE id = $1 AND attempts = $2 AND state = 'running'`, lease.Seconds())
}

// Prepare stores the result of j's parallel step and hands it to the
// ordered step.
func (q *Queue) Prepare(ctx context.Context, j *Job, result []byte) error {
	return q.leased(ctx, j, "prepare", `UPDATE jobs SET state = 'prepared', prepared = $3, lease_until = NULL, error = ''
		WHERE id = $1 AND attempts = $2 AND state = 'running'`, result)
}

// Release gives j back to the queue at once (the worker stops), or fails
// it with why when why is not empty.
func (q *Queue) Release(ctx context.Context, j *Job, why string) error {
	if why != "" {
		return q.leased(ctx, j, "fail", `UPDATE jobs SET state = 'failed', error = $3, lease_until = NULL
			WHERE id = $1 AND attempts = $2 AND state = 'running'`, why)
	}
	return q.leased(ctx, j, "release", `UPDATE jobs SET state = 'queued', lease_until = NULL
		WHERE id = $1 AND attempts = $2 AND state = 'running'`, nil)
}

func (q *Queue) leased(ctx context.Context, j *Job, what, sql string, arg any) error {
	args := []any{j.ID, j.Attempt}
	if arg != nil {
		args = append(args, arg)
	}
	tag, err := q.pool.Exec(ctx, sql, args...)
	if err != nil {
		return q.fail(fmt.Errorf("%s job %d: %w", what, j.ID, err))
	}
	if tag.RowsAffected() == 0 {
		return fmt.Errorf("%s job %d: %w", what, j.ID, ErrLeaseLost)
	}
	return nil
}

// Ready returns the prepared jobs that come first among the unfinished
// ones, in id order, at most limit of them: the jobs the ordered step can
// take next without passing over a job still being prepared. The second
// result reports whether other jobs are unfinished. The jobs come with
// what was prepared for them and their payload, which holds the
// compressed pages that what was prepared leaves out.
func (q *Queue) Ready(ctx context.Context, limit int) ([]*Job, bool, error) {
	ids, others, err := q.ReadyIDs(ctx, 0, limit)
	if err != nil || len(ids) == 0 {
		return nil, others, err
	}
	jobs, err := q.PreparedJobs(ctx, ids)
	return jobs, others, err
}

// ReadyIDs is Ready without what was prepared, among the jobs after the
// job id after only: the ids of the jobs. It reads the open jobs' index,
// not their results, so that a caller waiting for more jobs to be ready
// can poll it cheaply. The ordered step passes the last job it took, so
// that the jobs it runs and has not marked done yet are not read again.
func (q *Queue) ReadyIDs(ctx context.Context, after int64, limit int) ([]int64, bool, error) {
	rows, err := q.pool.Query(ctx, `SELECT id, state FROM jobs WHERE state IN ('queued', 'running', 'prepared') AND id > $1
		ORDER BY id LIMIT $2`, after, limit+1)
	if err != nil {
		return nil, false, q.fail(fmt.Errorf("ready jobs: %w", err))
	}
	var ids []int64
	others := false
	err = eachRow(rows, func() error {
		var id int64
		var state string
		if err := rows.Scan(&id, &state); err != nil {
			return err
		}
		if others || state != JobPrepared || len(ids) == limit {
			others = true
		} else {
			ids = append(ids, id)
		}
		return nil
	})
	if err != nil {
		return nil, false, q.fail(fmt.Errorf("ready jobs: %w", err))
	}
	return ids, others, nil
}

// PreparedJobs returns the jobs of ids that are still prepared, in id
// order, with what was prepared for them and their payload, read in the
// same query: the ordered step takes each page from the payload (one
// round trip for the jobs, not one more for each).
func (q *Queue) PreparedJobs(ctx context.Context, ids []int64) ([]*Job, error) {
	rows, err := q.pool.Query(ctx, `SELECT id, kind, attempts, prepared, payload FROM jobs WHERE id = ANY($1) AND state = 'prepared' ORDER BY id`, ids)
	if err != nil {
		return nil, q.fail(fmt.Errorf("prepared jobs: %w", err))
	}
	var jobs []*Job
	err = eachRow(rows, func() error {
		j := &Job{State: JobPrepared}
		if err := rows.Scan(&j.ID, &j.Kind, &j.Attempt, &j.Prepared, &j.Payload); err != nil {
			return err
		}
		jobs = append(jobs, j)
		return nil
	})
	if err != nil {
		return nil, q.fail(fmt.Errorf("prepared jobs: %w", err))
	}
	return jobs, nil
}

// Payloads returns the payloads of the given jobs by id.
func (q *Queue) Payloads(ctx context.Context, ids []int64) (map[int64][]byte, error) {
	rows, err := q.pool.Query(ctx, `SELECT id, payload FROM jobs WHERE id = ANY($1)`, ids)
	if err != nil {
		return nil, q.fail(fmt.Errorf("read job payloads: %w", err))
	}
	out := make(map[int64][]byte, len(ids))
	err = eachRow(rows, func() error {
		var id int64
		var p []byte
		if err := rows.Scan(&id, &p); err != nil {
			return err
		}
		out[id] = p
		return nil
	})
	if err != nil {
		return nil, q.fail(fmt.Errorf("read job payloads: %w", err))
	}
	return out, nil
}

// Done marks prepared jobs done with their results (parallel to ids),
// dropping what was prepared for them.
func (q *Queue) Done(ctx context.Context, ids []int64, results []string) error {
	if _, err := q.pool.Exec(ctx, `UPDATE jobs j SET state = 'done', result = v.r, prepared = NULL, done_at = now()
		FROM unnest($1::bigint[], $2::text[]) AS v(id, r) WHERE j.id = v.id AND j.state = 'prepared'`, ids, results); err != nil {
		return q.fail(fmt.Errorf("finish jobs: %w", err))
	}
	return nil
}

// PurgeDone deletes the jobs done more than olderThan ago and returns how
// many it deleted. Failed jobs are kept: they say what went wrong.
func (q *Queue) PurgeDone(ctx context.Context, olderThan time.Duration) (int64, error) {
	tag, err := q.pool.Exec(ctx, `DELETE FROM jobs WHERE state = 'done' AND done_at < now() - make_interval(secs => $1)`, olderThan.Seconds())
	if err != nil {
		return 0, q.fail(fmt.Errorf("purge done jobs: %w", err))
	}
	return tag.RowsAffected(), nil
}

// FailPrepared fails a prepared job the ordered step could not store.
func (q *Queue) FailPrepared(ctx context.Context, id int64, why string) error {
	if _, err := q.pool.Exec(ctx, `UPDATE jobs SET state = 'failed', error = $2, prepared = NULL, done_at = now()
		WHERE id = $1 AND state = 'prepared'`, id, why); err != nil {
		return q.fail(fmt.Errorf("fail job %d: %w", id, err))
	}
	return nil
}

// Jobs returns the state, error and result of the given jobs (without
// payloads), in id order.
func (q *Queue) Jobs(ctx context.Context, ids []int64) ([]*Job, error) {
	rows, err := q.pool.Query(ctx, `SELECT id, kind, state, attempts, error, result FROM jobs WHERE id = ANY($1) ORDER BY id`, ids)
	if err != nil {
		return nil, q.fail(fmt.Errorf("read jobs: %w", err))
	}
	var jobs []*Job
	err = eachRow(rows, func() error {
		j := &Job{}
		if err := rows.Scan(&j.ID, &j.Kind, &j.State, &j.Attempt, &j.Error, &j.Result); err != nil {
			return err
		}
		jobs = append(jobs, j)
		return nil
	})
	if err != nil {
		return nil, q.fail(fmt.Errorf("read jobs: %w", err))
	}
	return jobs, nil
}

// Counts returns the number of jobs in each state.
func (q *Queue) Counts(ctx context.Context) (map[string]int, error) {
	rows, err := q.pool.Query(ctx, `SELECT state, COUNT(*) FROM jobs GROUP BY state`)
	if err != nil {
		return nil, q.fail(fmt.Errorf("count jobs: %w", err))
	}
	c := map[string]int{}
	err = eachRow(rows, func() error {
		var s string
		var n int
		if err := rows.Scan(&s, &n); err != nil {
			return err
		}
		c[s] = n
		return nil
	})
	if err != nil {
		return nil, q.fail(fmt.Errorf("count jobs: %w", err))
	}
	return c, nil
}

// Unfinished reports whether any job is queued or running, or, with
// prepared, prepared too. It reads the open jobs' index only, however many
// finished jobs the queue keeps.
func (q *Queue) Unfinished(ctx context.Context, prepared bool) (bool, error) {
	states := []string{JobQueued, JobRunning}
	if prepared {
		states = append(states, JobPrepared)
	}
	var open bool
	if err := q.pool.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM jobs WHERE state IN ('queued', 'running', 'prepared') AND state = ANY($1))`, states).Scan(&open); err != nil {
		return false, q.fail(fmt.Errorf("look for unfinished jobs: %w", err))
	}
	return open, nil
}

// LastArticle returns the largest stored article id (0 for none): the
// ordered step compares it with what it committed last to tell whether
// another process wrote to the store meanwhile.
func (q *Queue) LastArticle(ctx context.Context) (int64, error) {
	var id int64
	if err := q.pool.QueryRow(ctx, `SELECT COALESCE(MAX(id), 0) FROM articles`).Scan(&id); err != nil {
		return 0, q.fail(fmt.Errorf("last article: %w", err))
	}
	return id, nil
}

// WriterHeld reports whether a process holds the store's writer lock. It
// reads the server's lock table on a pooled connection, so that workers
// waiting for the ordered step can look often without connecting: taking
// the lock needs a connection of its own (see lockWriter).
func (q *Queue) WriterHeld(ctx context.Context) (bool, error) {
	var held bool
	err := q.pool.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted AND objsubid = 1
		AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
		AND ((classid::bigint << 32) | objid::bigint) = `+writerLockKey+`)`).Scan(&held)
	if err != nil {
		return false, q.fail(fmt.Errorf("look for the writer: %w", err))
	}
	return held, nil
}
