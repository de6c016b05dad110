package postgres

import (
	"context"
	"errors"
	"fmt"
	"os"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/parallax-news/parallax/internal/storage"
)

// writerLockKey is the session advisory lock that makes one writer per
// store (per schema).
const writerLockKey = `hashtextextended('parallax.writer.' || current_schema(), 0)`

// writerLock is the one-writer-per-store lock: a session advisory lock held
// on a connection of its own for the whole writing run, with the holder's
// pid and host recorded in the writer table for the message a second
// writer shows. The server drops the lock when the holder's connection
// ends, even when the process is killed.
type writerLock struct {
	conn *pgx.Conn
	cfg  *pgx.ConnConfig
	name string
}

// lockWriter connects and takes the writer lock of the store, waiting for
// another holder unless opts.NoWait.
func lockWriter(ctx context.Context, cfg *pgx.ConnConfig, name string, opts Options) (*writerLock, error) {
	cfg.RuntimeParams["application_name"] = "parallax writer"
	conn, err := pgx.ConnectConfig(ctx, cfg)
	if err != nil {
		return nil, err
	}
	var schema *string
	if err := conn.QueryRow(ctx, `SELECT current_schema()`).Scan(&schema); err != nil || schema == nil {
		conn.Close(context.Background())
		if err == nil {
			err = fmt.Errorf("no schema of the search path (%s) exists; create it first: %w", cfg.RuntimeParams["search_path"], storage.ErrNoStore)
		}
		return nil, fmt.Errorf("writer lock: %w", err)
	}
	told := false
	for {
		var ok bool
		if err := conn.QueryRow(ctx, `SELECT pg_try_advisory_lock(`+writerLockKey+`)`).Scan(&ok); err != nil {
			conn.Close(context.Background())
			return nil, fmt.Errorf("writer lock: %w", err)
		}
		if ok {
			return &writerLock{conn: conn, cfg: cfg, name: name}, nil
		}
		le := holder(ctx, conn, name)
		if opts.NoWait {
			conn.Close(context.Background())
			return nil, le
		}
		if !told && opts.OnWait != nil {
			opts.OnWait(le)
			told = true
		}
		select {
		case <-ctx.Done():
			conn.Close(context.Background())
			return nil, fmt.Errorf("waiting for the writer lock: %w", context.Cause(ctx))
		case <-time.After(250 * time.Millisecond):
		}
	}
}

// holder reads who holds the lock, as far as the writer table tells.
func holder(ctx context.Context, conn *pgx.Conn, name string) *storage.LockedError {
	le := &storage.LockedError{Path: name}
	var pid int
	var host string
	err := conn.QueryRow(ctx, `SELECT pid, host FROM writer`).Scan(&pid, &host)
	var pgErr *pgconn.PgError
	switch {
	case err == nil:
		le.PID, le.Host = pid, host
	case errors.As(err, &pgErr), errors.Is(err, pgx.ErrNoRows):
		// No writer table yet (the holder is creating the store) or no
		// row: the holder is unknown.
	}
	return le
}

// check makes sure the lock is still held before a write. When its
// connection was lost (the server restarted, or the connection was
// ended), the server has freed the lock: it is taken again on a new
// connection, or, when another process took it meanwhile, the write is
// refused with a *storage.LockedError.
func (l *writerLock) check(ctx context.Context) error {
	if l == nil {
		return nil
	}
	if l.conn != nil && !l.conn.IsClosed() {
		if pt, ok := l.cfg.Tracer.(pingTracer); ok {
			pt.TracePing()
		}
		if l.conn.Ping(ctx) == nil {
			return nil
		}
	}
	if l.conn != nil {
		l.conn.Close(context.Background())
		l.conn = nil
	}
	nl, err := lockWriter(ctx, l.cfg.Copy(), l.name, Options{NoWait: true})
	if err != nil {
		return fmt.Errorf("the writer lock was lost and cannot be taken again: %w", err)
	}
	l.conn = nl.conn
	return l.record(ctx)
}

// checkAsync runs check on a goroutine of its own and returns a function
// that waits for its result (the same at every call).
func (l *writerLock) checkAsync(ctx context.Context) func() error {
	done := make(chan error, 1)
	go func() { done <- l.check(ctx) }()
	return sync.OnceValue(func() error { return <-done })
}

// record writes this process as the holder.
func (l *writerLock) record(ctx context.Context) error {
	host, _ := os.Hostname()
	_, err := l.conn.Exec(ctx, `INSERT INTO writer(only_row, pid, host, since) VALUES (TRUE, $1, $2, now())
		ON CONFLICT (only_row) DO UPDATE SET pid = excluded.pid, host = excluded.host, since = excluded.since`, os.Getpid(), host)
	if err != nil {
		return fmt.Errorf("writer lock: record holder: %w", err)
	}
	return nil
}

// release drops the lock by ending its connection.
func (l *writerLock) release() error {
	if l == nil || l.conn == nil {
		return nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	host, _ := os.Hostname()
	l.conn.Exec(ctx, `DELETE FROM writer WHERE pid = $1 AND host = $2`, os.Getpid(), host)
	return l.conn.Close(ctx)
}
