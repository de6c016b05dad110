package postgres

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"
)

// Statements that do not depend on each other's results are sent
// together, in one round trip (pgx.Batch), instead of each waiting for the
// one before. A batch of articles is committed in a few dozen statements,
// one after the other, and each costs a round trip on top of its work: in
// one traced run of a worker with one core on 990 real pages (load
// average 5), statements with nothing to do (savepoints, SET LOCAL) took
// 15–20 ms each while the worker prepared pages beside the commit, as the
// answer waits for the scheduler to run the committing goroutine again,
// and under 1 ms when it did not.

// stmt is one statement of a pipelined group: its SQL, its arguments and
// what it does, for errors.
type stmt struct {
	sql  string
	args []any
	what string
}

// execAll runs stmts in order on tx, all sent before any answer is read.
// The first that fails ends the group (tx is then aborted, as it would be
// after that statement alone).
func execAll(ctx context.Context, tx pgx.Tx, stmts ...stmt) error {
	switch len(stmts) {
	case 0:
		return nil
	case 1:
		if _, err := tx.Exec(ctx, stmts[0].sql, stmts[0].args...); err != nil {
			return fmt.Errorf("%s: %w", stmts[0].what, err)
		}
		return nil
	}
	var b pgx.Batch
	for _, s := range stmts {
		b.Queue(s.sql, s.args...)
	}
	br := tx.SendBatch(ctx, &b)
	for _, s := range stmts {
		if _, err := br.Exec(); err != nil {
			br.Close()
			return fmt.Errorf("%s: %w", s.what, err)
		}
	}
	if err := br.Close(); err != nil {
		return fmt.Errorf("%s: %w", stmts[len(stmts)-1].what, err)
	}
	return nil
}
