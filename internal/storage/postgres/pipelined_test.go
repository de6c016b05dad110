package postgres_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/parallax-news/parallax/internal/storage/postgres"
	"github.com/parallax-news/parallax/internal/storage/postgres/pgtest"
)

// TestExecAllRunsInOrderAndNamesTheFailure runs groups of statements sent
// together: they apply in order, and the error names the one that
// failed.
func TestExecAllRunsInOrderAndNamesTheFailure(t *testing.T) {
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, pgtest.DSN(t))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	for _, tt := range []struct {
		name    string
		stmts   [][2]string
		want    string // rows of t after a group that did not fail
		wantErr string // what the error names ("" for none)
	}{
		{"none", nil, "", ""},
		{"one", [][2]string{{`INSERT INTO t VALUES ('a')`, "add a"}}, "a", ""},
		{"in order", [][2]string{{`INSERT INTO t VALUES ('a')`, "add a"}, {`UPDATE t SET v = v || 'b'`, "append b"}, {`INSERT INTO t VALUES ('c')`, "add c"}}, "ab c", ""},
		{"second fails", [][2]string{{`INSERT INTO t VALUES ('a')`, "add a"}, {`INSERT INTO t VALUES ('a')`, "add a again"}, {`INSERT INTO t VALUES ('c')`, "add c"}}, "", "add a again"},
		{"last fails", [][2]string{{`INSERT INTO t VALUES ('a')`, "add a"}, {`SELECT 1/0`, "divide"}}, "", "divide"},
	} {
		tx, err := conn.Begin(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := tx.Exec(ctx, `CREATE TEMP TABLE t (v TEXT PRIMARY KEY) ON COMMIT DROP`); err != nil {
			t.Fatal(err)
		}
		err = postgres.ExecAll(ctx, tx, tt.stmts...)
		switch {
		case tt.wantErr == "" && err != nil:
			t.Errorf("%s: %v", tt.name, err)
		case tt.wantErr != "" && (err == nil || !strings.HasPrefix(err.Error(), tt.wantErr+":")):
			t.Errorf("%s: error %v, want one naming %q", tt.name, err, tt.wantErr)
		}
		if err == nil {
			var got string
			if err := tx.QueryRow(ctx, `SELECT COALESCE(string_agg(v, ' ' ORDER BY v), '') FROM t`).Scan(&got); err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("%s: rows %q, want %q", tt.name, got, tt.want)
			}
		}
		tx.Rollback(ctx)
	}
}

// TestSendQueue runs statements and inserts through a commit's queue: they
// apply in order, whether an insert is queued or sent with COPY (at
// CopyMinRows rows) and whether a COPY waits for the end; a failure names
// the statement, and a hinted insert that finds a stored row says so.
func TestSendQueue(t *testing.T) {
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, pgtest.DSN(t))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	rows := func(from, n int) (keys []string, vals []int64) {
		for i := range n {
			keys = append(keys, fmt.Sprintf("k%06d", from+i))
			vals = append(vals, int64(from+i))
		}
		return keys, vals
	}
	cols, types := []string{"k", "v"}, []string{"text", "bigint"}
	big := postgres.CopyMinRows
	for _, tt := range []struct {
		name string
		run  func(q *postgres.SendQueue) error
		// want: the number of rows of t and the sum of v after a run
		// that did not fail.
		wantRows, wantSum int64
		wantErr           string // what the error names ("" for none)
		wantStale         bool   // the error is ErrStaleHint
	}{
		{"queued inserts in order", func(q *postgres.SendQueue) error {
			k, v := rows(0, 10)
			if err := q.Insert("add", false, false, "t", cols, types, 10, k, v); err != nil {
				return err
			}
			q.Add("double", false, `UPDATE t SET v = v * 2`)
			return nil
		}, 10, 90, "", false},
		{"copy in place keeps the order", func(q *postgres.SendQueue) error {
			k, v := rows(0, big)
			q.Add("clear", false, `DELETE FROM t`)
			if err := q.Insert("add", false, false, "t", cols, types, big, k, v); err != nil {
				return err
			}
			q.Add("drop first", false, `DELETE FROM t WHERE k = 'k000000'`)
			return nil
		}, int64(big) - 1, int64(big) * int64(big-1) / 2, "", false},
		{"copy left for the end", func(q *postgres.SendQueue) error {
			k, v := rows(0, big)
			if err := q.Insert("add", false, true, "t", cols, types, big, k, v); err != nil {
				return err
			}
			// Runs before the COPY: it finds no row yet.
			q.Add("drop first", false, `DELETE FROM t WHERE k = 'k000000'`)
			return nil
		}, int64(big), int64(big) * int64(big-1) / 2, "", false},
		{"failure named", func(q *postgres.SendQueue) error {
			q.Add("add a", false, `INSERT INTO t VALUES ('a', 1)`)
			q.Add("divide", false, `SELECT 1/0`)
			q.Add("add b", false, `INSERT INTO t VALUES ('b', 2)`)
			return nil
		}, 0, 0, "divide", false},
		{"queued hinted insert finds a row", func(q *postgres.SendQueue) error {
			q.Add("add a", false, `INSERT INTO t VALUES ('a', 1)`)
			q.Add("add a again", true, `INSERT INTO t VALUES ('a', 2)`)
			return nil
		}, 0, 0, "add a again", true},
		{"copied hinted insert finds a row", func(q *postgres.SendQueue) error {
			k, v := rows(0, big)
			q.Add("add one", false, `INSERT INTO t VALUES ('k000005', 5)`)
			return q.Insert("add many", true, true, "t", cols, types, big, k, v)
		}, 0, 0, "add many", true},
		{"unhinted duplicate", func(q *postgres.SendQueue) error {
			q.Add("add a", false, `INSERT INTO t VALUES ('a', 1)`)
			q.Add("add a again", false, `INSERT INTO t VALUES ('a', 2)`)
			return nil
		}, 0, 0, "add a again", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			tx, err := conn.Begin(ctx)
			if err != nil {
				t.Fatal(err)
			}
			defer tx.Rollback(ctx)
			if _, err := tx.Exec(ctx, `CREATE TEMP TABLE t (k TEXT PRIMARY KEY, v BIGINT NOT NULL) ON COMMIT DROP`); err != nil {
				t.Fatal(err)
			}
			q := postgres.NewSendQueue(ctx, conn)
			err = tt.run(q)
			if err == nil {
				err = q.Send()
			}
			switch {
			case tt.wantErr == "" && err != nil:
				t.Fatal(err)
			case tt.wantErr != "" && (err == nil || !strings.HasPrefix(err.Error(), tt.wantErr+":")):
				t.Fatalf("error %v, want one naming %q", err, tt.wantErr)
			case errors.Is(err, postgres.ErrStaleHint) != tt.wantStale:
				t.Fatalf("error %v: stale hint %v, want %v", err, !tt.wantStale, tt.wantStale)
			}
			if err != nil {
				return
			}
			var n, sum int64
			if err := tx.QueryRow(ctx, `SELECT count(*), COALESCE(sum(v), 0) FROM t`).Scan(&n, &sum); err != nil {
				t.Fatal(err)
			}
			if n != tt.wantRows || sum != tt.wantSum {
				t.Errorf("%d rows summing to %d, want %d summing to %d", n, sum, tt.wantRows, tt.wantSum)
			}
		})
	}
}
