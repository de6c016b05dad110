// Command parallax is a news story engine: it ingests articles from many
// outlets, folds near-copies, clusters them into stories and threads, and
// shows who said what.
package main

import (
	"context"
	"os"
	"os/signal"
	"runtime/debug"

	"github.com/parallax-news/parallax/internal/cli"
)

// memoryLimit is the soft limit on the Go heap unless GOMEMLIMIT says
// otherwise: long ingests then collect garbage harder instead of growing.
const memoryLimit = 1280 << 20

func main() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := cli.Execute(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
