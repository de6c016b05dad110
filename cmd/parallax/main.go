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
// 200). What is live stays well under the limit (about 300 MB on a dense
// 1M-article stream, most of it batches in flight), so the limit only trims
// the collector's headroom: a 30,000-article one-month bench with analysis
// took 45.5 s of CPU and 975 MB with a 1,280 MiB limit, 45.4 s and 852 MB
// with 640 MiB. SQLite's caches and the program sit outside the heap.
const (
	memoryLimit = 640 << 20
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
