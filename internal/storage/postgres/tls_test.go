package postgres

import (
	"testing"

	"github.com/jackc/pgx/v5"
)

// TestPlainLoopback checks that TLS is dropped only for a server on this
// machine and only when the connection string says nothing about it.
func TestPlainLoopback(t *testing.T) {
	t.Setenv("PGSSLMODE", "")
	for _, tc := range []struct {
		dsn     string
		wantTLS bool
	}{
		{"postgres://u@127.0.0.1/db", false},
		{"postgres://u@localhost:5433/db", false},
		{"postgres://u@[::1]/db", false},
		{"host=127.0.0.1 user=u dbname=db", false},
		{"postgres://u@127.0.0.1/db?sslmode=require", true},
		{"postgres://u@127.0.0.1/db?sslmode=prefer", true},
		{"host=127.0.0.1 sslmode=verify-full sslrootcert=system", true},
		{"postgres://u@db.example/db", true},
		{"postgres://u@127.0.0.1,db.example/db", true},
	} {
		cc, err := pgx.ParseConfig(tc.dsn)
		if err != nil {
			t.Fatalf("%s: %v", tc.dsn, err)
		}
		plainLoopback(tc.dsn, cc)
		if got := cc.TLSConfig != nil; got != tc.wantTLS {
			t.Errorf("%s: TLS %v, want %v", tc.dsn, got, tc.wantTLS)
		}
		if !tc.wantTLS {
			for _, fb := range cc.Fallbacks {
				if fb.TLSConfig != nil {
					t.Errorf("%s: a fallback still uses TLS", tc.dsn)
				}
			}
		}
	}
}
