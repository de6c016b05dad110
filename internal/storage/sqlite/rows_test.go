package sqlite

import (
	"context"
	"database/sql"
	"path/filepath"
	"slices"
	"testing"
)

func TestRowWriterSizes(t *testing.T) {
	for _, tc := range []struct {
		per, n int
		want   []int
	}{
		{per: 64, n: 0, want: nil},
		{per: 64, n: 1, want: []int{1}},
		{per: 64, n: 64, want: []int{64}},
		{per: 64, n: 130, want: []int{64, 64, 1, 1}},
		{per: 64, n: 100, want: []int{64, 16, 16, 4}},
		{per: 4096, n: 4095, want: []int{1024, 1024, 1024, 256, 256, 256, 64, 64, 64, 16, 16, 16, 4, 4, 4, 1, 1, 1}},
		{per: 1, n: 3, want: []int{1, 1, 1}},
	} {
		w := &rowWriter{per: tc.per}
		if got := w.sizes(tc.n); !slices.Equal(got, tc.want) {
			t.Errorf("per %d: sizes(%d) = %v, want %v", tc.per, tc.n, got, tc.want)
		}
	}
}

// TestRowWriterCache writes rows through cached statements in several
// transactions, one of them rolled back, and checks what is stored and
// that the statements are prepared once for the store.
func TestRowWriterCache(t *testing.T) {
	ctx := context.Background()
	db := rowsDB(t, `CREATE TABLE t(a INTEGER PRIMARY KEY, b TEXT NOT NULL)`)
	var c stmtCache
	defer c.close()
	next := 0
	write := func(n int, commit bool) {
		t.Helper()
		tx, err := db.BeginTx(ctx, nil)
		if err != nil {
			t.Fatal(err)
		}
		defer tx.Rollback()
		w := newRowWriter(ctx, tx, &c, `INSERT INTO t(a, b)`, ``, 2)
		w.per = 16
		defer w.close()
		for i := range n {
			if err := w.add(next+i, "row"); err != nil {
				t.Fatal(err)
			}
		}
		if err := w.flush(); err != nil {
			t.Fatal(err)
		}
		w.close()
		if !commit {
			return
		}
		if err := tx.Commit(); err != nil {
			t.Fatal(err)
		}
		next += n
		c.prepare(ctx, db)
	}
	write(37, true) // 16, 16, 4, 1
	if len(c.stmts) != 3 || len(c.missing) != 0 {
		t.Fatalf("after the first transaction %d statements cached, %d missing; want 3, 0", len(c.stmts), len(c.missing))
	}
	write(21, false) // 16, 4, 1: from the cache, then rolled back
	write(22, true)  // 16, 4, 1, 1
	if len(c.stmts) != 3 {
		t.Errorf("%d statements cached, want 3", len(c.stmts))
	}
	var n, sum int
	if err := db.QueryRowContext(ctx, `SELECT count(*), coalesce(sum(a), 0) FROM t`).Scan(&n, &sum); err != nil {
		t.Fatal(err)
	}
	if want := 59; n != want || sum != want*(want-1)/2 {
		t.Errorf("stored %d rows summing to %d, want %d rows 0..%d", n, sum, want, want-1)
	}
}

// TestRowWriterCacheCancelled checks that statements a cancelled run
// could not prepare are left to the transactions.
func TestRowWriterCacheCancelled(t *testing.T) {
	ctx := context.Background()
	db := rowsDB(t, `CREATE TABLE t(a INTEGER PRIMARY KEY)`)
	var c stmtCache
	defer c.close()
	for round, cancelled := range []bool{true, false} {
		tx, err := db.BeginTx(ctx, nil)
		if err != nil {
			t.Fatal(err)
		}
		w := newRowWriter(ctx, tx, &c, `INSERT OR FAIL INTO t(a)`, ``, 1)
		for i := range 5 {
			if err := w.add(round*10 + i); err != nil {
				t.Fatal(err)
			}
		}
		if err := w.flush(); err != nil {
			t.Fatal(err)
		}
		w.close()
		if err := tx.Commit(); err != nil {
			t.Fatal(err)
		}
		pctx, cancel := context.WithCancel(ctx)
		if cancelled {
			cancel()
		}
		c.prepare(pctx, db)
		cancel()
		// five rows of one value: statements of 4 rows and of 1
		if want := map[bool]int{true: 0, false: 2}[cancelled]; len(c.stmts) != want || len(c.missing) != 0 {
			t.Errorf("round %d: %d statements cached, %d missing; want %d, 0", round, len(c.stmts), len(c.missing), want)
		}
	}
	var n int
	if err := db.QueryRowContext(ctx, `SELECT count(*) FROM t`).Scan(&n); err != nil || n != 10 {
		t.Errorf("stored %d rows (%v), want 10", n, err)
	}
}

// rowsDB opens a new database of one connection, closed at the test's
// end, and runs create in it.
func rowsDB(t *testing.T, create string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", filepath.Join(t.TempDir(), "rows.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	db.SetMaxOpenConns(1)
	if _, err := db.ExecContext(context.Background(), create); err != nil {
		t.Fatal(err)
	}
	return db
}
