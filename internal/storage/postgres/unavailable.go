package postgres

import (
	"errors"
	"io"
	"net"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

// connectTimeout bounds each new connection (its dial, TLS and startup)
// when the connection string sets no connect_timeout: a server that is
// starting up or unreachable then fails the attempt instead of holding
// the caller, which retries.
const connectTimeout = 15 * time.Second

// connectDefaults applies connectTimeout to cc unless dsn sets
// connect_timeout (0 included: no limit). pgconn bounds the whole
// connection process by it, dial and fallbacks included, so the dialer
// ParseConfig made (with its keep-alive) is left as it is.
func connectDefaults(dsn string, cc *pgx.ConnConfig) {
	if strings.Contains(dsn, "connect_timeout") || cc.ConnectTimeout != 0 {
		return
	}
	cc.ConnectTimeout = connectTimeout
}

// Unavailable reports whether err comes from the connection to the server
// or from the server's state rather than from the statement: the
// connection was lost or could not be made, or the server is shutting
// down, starting up or out of connections. The same statement may succeed
// once the server is back; retrying it is the caller's choice.
func Unavailable(err error) bool {
	if err == nil {
		return false
	}
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		switch pgErr.Code {
		case "57P01", // admin_shutdown
			"57P02", // crash_shutdown
			"57P03", // cannot_connect_now (starting up, shutting down)
			"53300": // too_many_connections
			return true
		}
		return strings.HasPrefix(pgErr.Code, "08") // connection_exception
	}
	var connectErr *pgconn.ConnectError
	var netErr net.Error
	return errors.As(err, &connectErr) || errors.As(err, &netErr) ||
		errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) ||
		errors.Is(err, pgconn.ErrConnClosed) || errors.Is(err, net.ErrClosed)
}
