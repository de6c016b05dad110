// Command parallax is a news story engine: it ingests articles from many
// outlets, folds near-copies, clusters them into stories and threads, and
// shows who said what.
package main

import (
	"context"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"

	"github.com/parallax-news/parallax/internal/cli"
)

// memoryLimit is the soft limit on the Go heap unless GOMEMLIMIT says
// otherwise: long ingests then collect garbage harder instead of growing.
// Under it the collector may let the heap grow to three times what is live
// (GOGC=200, unless GOGC says otherwise), which saves much collection work
// on a pipeline that allocates per article.
const (
	memoryLimit = 1280 << 20
	gcPercent   = 200
)

func main() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
	}
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := cli.Execute(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
