// Package pgtest gives tests a PostgreSQL store of their own: a fresh
// schema on the test server, named in the connection string's search_path
// and dropped when the test ends.
//
// The server is PARALLAX_TEST_PG (default postgres://postgres@127.0.0.1:5432/test).
// When it cannot be reached a test is skipped with a message, unless the
// environment variable CI is set: then the test fails, so that CI never
// passes without having run the PostgreSQL tests.
package pgtest

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/parallax-news/parallax/internal/storage/postgres"
)

// DefaultServer is the test server used when PARALLAX_TEST_PG is unset.
const DefaultServer = "postgres://postgres@127.0.0.1:5432/test"

// Server returns the connection string of the test server.
func Server() string {
	if s := os.Getenv("PARALLAX_TEST_PG"); s != "" {
		return s
	}
	return DefaultServer
}

// DSN creates a new schema on the test server and returns a connection
// string whose search_path names it; the schema is dropped with everything
// in it when t ends.
func DSN(t testing.TB) string {
	t.Helper()
	server := Server()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, server)
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("PostgreSQL test server %s is not reachable (CI is set, so this fails instead of skipping): %v", server, err)
		}
		t.Skipf("PostgreSQL test server %s is not reachable, skipping (set PARALLAX_TEST_PG to run): %v", server, err)
	}
	conn.Close(context.Background())
	dsn, drop, err := postgres.NewSchema(ctx, server, "test_")
	if err != nil {
		t.Fatalf("test schema: %v", err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		if err := drop(ctx); err != nil {
			t.Error(err)
		}
	})
	return dsn
}
