package postgres

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"syscall"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

func TestUnavailable(t *testing.T) {
	for _, c := range []struct {
		name string
		err  error
		want bool
	}{
		{"nil", nil, false},
		{"connection reset", fmt.Errorf("claim job: %w", &net.OpError{Op: "read", Net: "tcp", Err: syscall.ECONNRESET}), true},
		{"connection refused", &net.OpError{Op: "dial", Net: "tcp", Err: syscall.ECONNREFUSED}, true},
		{"unexpected EOF", fmt.Errorf("failed to receive message: %w", io.ErrUnexpectedEOF), true},
		{"closed connection", fmt.Errorf("renew job 1: %w", pgconn.ErrConnClosed), true},
		{"admin shutdown", &pgconn.PgError{Code: "57P01"}, true},
		{"starting up", fmt.Errorf("open: %w", &pgconn.PgError{Code: "57P03"}), true},
		{"too many connections", &pgconn.PgError{Code: "53300"}, true},
		{"connection failure", &pgconn.PgError{Code: "08006"}, true},
		{"unique violation", fmt.Errorf("commit: %w", &pgconn.PgError{Code: "23505"}), false},
		{"syntax error", &pgconn.PgError{Code: "42601"}, false},
		{"no rows", pgx.ErrNoRows, false},
		{"lease lost", fmt.Errorf("prepare job 1: %w", ErrLeaseLost), false},
		{"canceled", context.Canceled, false},
		{"other", errors.New("decode prepared items: bad input"), false},
	} {
		if got := Unavailable(c.err); got != c.want {
			t.Errorf("%s: Unavailable(%v) = %v, want %v", c.name, c.err, got, c.want)
		}
	}
}

// TestConnectDefaults checks that a connection gets a connect timeout
// unless its connection string sets one.
func TestConnectDefaults(t *testing.T) {
	for _, c := range []struct {
		dsn  string
		want string
	}{
		{"postgres://u@127.0.0.1:5432/db", connectTimeout.String()},
		{"postgres://u@127.0.0.1:5432/db?connect_timeout=3", "3s"},
		{"host=127.0.0.1 user=u connect_timeout=0", "0s"},
	} {
		cc, err := pgx.ParseConfig(c.dsn)
		if err != nil {
			t.Fatal(err)
		}
		connectDefaults(c.dsn, cc)
		if got := cc.ConnectTimeout.String(); got != c.want {
			t.Errorf("%s: connect timeout %s, want %s", c.dsn, got, c.want)
		}
	}
}
