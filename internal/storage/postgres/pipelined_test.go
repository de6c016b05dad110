package postgres_test

import (
	"context"
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
