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
// Under it the collector lets the heap grow to twice what is live (GOGC=100,
// unless GOGC says otherwise): the learned state held in memory is the
// recent window, so what is live is small and collecting it cheap (a 20k
// ingest took 13.7 s of CPU and 359 MB at GOGC=100, 14.3 s and 540 MB at
// 200).
const (
	memoryLimit = 1280 << 20
	gcPercent   = 100
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
