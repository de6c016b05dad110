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
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"os"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
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
	defer conn.Close(context.Background())
	b := make([]byte, 6)
	rand.Read(b)
	schema := "test_" + hex.EncodeToString(b)
	if _, err := conn.Exec(ctx, `CREATE SCHEMA `+schema); err != nil {
		t.Fatalf("create test schema: %v", err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		conn, err := pgx.Connect(ctx, server)
		if err != nil {
			t.Errorf("drop test schema %s: %v", schema, err)
			return
		}
		defer conn.Close(context.Background())
		if _, err := conn.Exec(ctx, `DROP SCHEMA `+schema+` CASCADE`); err != nil {
			t.Errorf("drop test schema %s: %v", schema, err)
		}
	})
	return WithSchema(t, server, schema)
}

// WithSchema returns server's connection string with search_path set to
// schema.
func WithSchema(t testing.TB, server, schema string) string {
	t.Helper()
	u, err := url.Parse(server)
	if err != nil {
		t.Fatalf("test server %q: %v", server, err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}
