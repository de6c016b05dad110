package postgres_test

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/storage/postgres"
	"github.com/parallax-news/parallax/internal/storage/postgres/pgtest"
)

// TestQueueLeases walks jobs through the queue: claims in order, a lease
// that runs out hands the job to another worker and takes the first
// worker's say away, too many attempts fail a job, and the ordered step
// sees only the prepared jobs before the first unprepared one.
func TestQueueLeases(t *testing.T) {
	ctx := context.Background()
	q, err := postgres.OpenQueue(ctx, pgtest.DSN(t), postgres.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer q.Close()
	ids, err := q.Enqueue(ctx, "k", []byte("a"), []byte("b"), []byte("c"))
	if err != nil || len(ids) != 3 {
		t.Fatalf("enqueue: %v %v", ids, err)
	}
	claim := func(who string, lease time.Duration, max int) *postgres.Job {
		t.Helper()
		j, err := q.Claim(ctx, who, lease, max)
		if err != nil {
			t.Fatal(err)
		}
		return j
	}
	a := claim("w1", 200*time.Millisecond, 2)
	b := claim("w2", time.Minute, 2)
	if a == nil || b == nil || a.ID != ids[0] || b.ID != ids[1] || string(a.Payload) != "a" || a.Attempt != 1 {
		t.Fatalf("claims: %+v %+v", a, b)
	}
	if err := q.Prepare(ctx, b, []byte("B")); err != nil {
		t.Fatal(err)
	}
	// Job a is still being prepared: nothing is ready for the ordered step.
	// One job is prepared, one running, one queued.
	for _, prepared := range []bool{false, true} {
		if open, err := q.Unfinished(ctx, prepared); err != nil || !open {
			t.Errorf("unfinished jobs (prepared too: %v): %v %v, want true", prepared, open, err)
		}
	}
	if ready, open, err := q.Ready(ctx, 10); err != nil || len(ready) != 0 || !open {
		t.Fatalf("ready while the first job runs: %d jobs, open %v, %v", len(ready), open, err)
	}
	time.Sleep(300 * time.Millisecond)
	// a's lease ran out: another worker takes it, and a's worker has no
	// say on it any more.
	a2 := claim("w3", time.Minute, 2)
	if a2 == nil || a2.ID != a.ID || a2.Attempt != 2 {
		t.Fatalf("expired job not taken again: %+v", a2)
	}
	if err := q.Renew(ctx, a, time.Minute); !errors.Is(err, postgres.ErrLeaseLost) {
		t.Errorf("renew of a lost lease: %v, want ErrLeaseLost", err)
	}
	if err := q.Prepare(ctx, a, []byte("old")); !errors.Is(err, postgres.ErrLeaseLost) {
		t.Errorf("prepare under a lost lease: %v, want ErrLeaseLost", err)
	}
	if err := q.Prepare(ctx, a2, []byte("A")); err != nil {
		t.Fatal(err)
	}
	ready, open, err := q.Ready(ctx, 10)
	if err != nil || !open || len(ready) != 2 || string(ready[0].Prepared) != "A" || string(ready[1].Prepared) != "B" {
		t.Fatalf("ready: %+v open %v %v", ready, open, err)
	}
	// The ready ids after a job the ordered step took already, at most
	// limit of them; more ready than that, or the queued third job,
	// count as others.
	for _, tt := range []struct {
		after int64
		limit int
		want  []int64
	}{
		{0, 10, ids[:2]},
		{0, 1, ids[:1]},
		{ids[0], 10, ids[1:2]},
		{ids[1], 10, nil},
	} {
		got, others, err := q.ReadyIDs(ctx, tt.after, tt.limit)
		if err != nil || !slices.Equal(got, tt.want) || !others {
			t.Errorf("ReadyIDs(after %d, limit %d) = %v, others %v, %v; want %v, others true", tt.after, tt.limit, got, others, err, tt.want)
		}
	}
	if err := q.Done(ctx, []int64{ready[0].ID, ready[1].ID}, []string{"", "one problem"}); err != nil {
		t.Fatal(err)
	}
	// The third job's worker dies twice: the job fails.
	for attempt := 1; attempt <= 2; attempt++ {
		if c := claim("w", 10*time.Millisecond, 2); c == nil || c.ID != ids[2] || c.Attempt != attempt {
			t.Fatalf("attempt %d: %+v", attempt, c)
		}
		time.Sleep(50 * time.Millisecond)
	}
	if c := claim("w", time.Minute, 2); c != nil {
		t.Fatalf("a job that failed twice was taken again: %+v", c)
	}
	jobs, err := q.Jobs(ctx, ids)
	if err != nil {
		t.Fatal(err)
	}
	states := []string{jobs[0].State, jobs[1].State, jobs[2].State}
	if states[0] != postgres.JobDone || states[1] != postgres.JobDone || states[2] != postgres.JobFailed || jobs[1].Result != "one problem" || jobs[2].Error == "" {
		t.Errorf("final jobs: %+v %+v %+v", jobs[0], jobs[1], jobs[2])
	}
	if _, open, err := q.Ready(ctx, 10); err != nil || open {
		t.Errorf("jobs left open: %v %v", open, err)
	}
	for _, prepared := range []bool{false, true} {
		if open, err := q.Unfinished(ctx, prepared); err != nil || open {
			t.Errorf("unfinished jobs (prepared too: %v) after all are done or failed: %v %v", prepared, open, err)
		}
	}
}

// TestQueuePurgeDone checks that purging deletes only the jobs done longer
// ago than asked: neither recent done jobs nor failed or open ones.
func TestQueuePurgeDone(t *testing.T) {
	ctx := context.Background()
	q, err := postgres.OpenQueue(ctx, pgtest.DSN(t), postgres.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer q.Close()
	ids, err := q.Enqueue(ctx, "k", []byte("done"), []byte("done"), []byte("failed"), []byte("prepared"), []byte("queued"))
	if err != nil {
		t.Fatal(err)
	}
	var prepared []int64
	for range 4 {
		j, err := q.Claim(ctx, "w", time.Minute, 3)
		if err != nil || j == nil {
			t.Fatalf("claim: %+v %v", j, err)
		}
		if string(j.Payload) == "failed" {
			if err := q.Release(ctx, j, "bad input"); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err := q.Prepare(ctx, j, []byte("p")); err != nil {
			t.Fatal(err)
		}
		prepared = append(prepared, j.ID)
	}
	if err := q.Done(ctx, prepared[:2], []string{"", ""}); err != nil {
		t.Fatal(err)
	}
	time.Sleep(100 * time.Millisecond)
	for _, c := range []struct {
		older time.Duration
		want  int64
	}{
		{time.Hour, 0}, // done too recently
		{time.Millisecond, 2},
		{time.Millisecond, 0}, // already gone
	} {
		n, err := q.PurgeDone(ctx, c.older)
		if err != nil || n != c.want {
			t.Errorf("purge done jobs older than %v: %d, %v; want %d", c.older, n, err, c.want)
		}
	}
	jobs, err := q.Jobs(ctx, ids)
	if err != nil {
		t.Fatal(err)
	}
	var states []string
	for _, j := range jobs {
		states = append(states, j.State)
	}
	if want := []string{postgres.JobFailed, postgres.JobPrepared, postgres.JobQueued}; !slices.Equal(states, want) {
		t.Errorf("jobs left: %v, want %v", states, want)
	}
	// Only prepared jobs left: unfinished for the ordered step alone.
	for _, j := range jobs[2:] {
		if j.State == postgres.JobQueued {
			c, err := q.Claim(ctx, "w", time.Minute, 3)
			if err != nil || c == nil || c.ID != j.ID {
				t.Fatalf("claim: %+v %v", c, err)
			}
			if err := q.Prepare(ctx, c, []byte("p")); err != nil {
				t.Fatal(err)
			}
		}
	}
	for _, c := range []struct{ prepared, want bool }{{false, false}, {true, true}} {
		if open, err := q.Unfinished(ctx, c.prepared); err != nil || open != c.want {
			t.Errorf("unfinished jobs (prepared too: %v) with prepared ones left: %v %v, want %v", c.prepared, open, err, c.want)
		}
	}
}
