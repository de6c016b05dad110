// Command parallax is a news story engine: it ingests articles from many
// outlets, folds near-copies, clusters them into stories and threads, and
// shows who said what.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"

	"github.com/parallax-news/parallax/internal/cli"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := cli.Execute(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	if code != 0 {
		fmt.Fprint(os.Stderr, "")
	}
	os.Exit(code)
}
