// Package cli is the parallax command line: one cobra command per job, all
// sharing a store opened from --db.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/parallax-news/parallax/internal/storage"
	"github.com/parallax-news/parallax/internal/storage/sqlite"
)

// Exit codes.
const (
	ExitOK      = 0
	ExitFailure = 1 // something failed (some inputs were skipped, or a command failed)
	ExitUsage   = 2
)

// app holds what every command shares; there is no global state.
type app struct {
	ctx      context.Context
	stdout   io.Writer
	stderr   io.Writer
	dbPath   string
	logLevel string
	quiet    bool
	log      *slog.Logger
	// partial is set by commands that finished but skipped some inputs.
	partial bool
}

// errUsage marks command-line mistakes.
type errUsage struct{ error }

// Execute runs the command line and returns the process exit code.
func Execute(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	a := &app{ctx: ctx, stdout: stdout, stderr: stderr}
	root := a.rootCmd()
	root.SetArgs(args)
	root.SetOut(stdout)
	root.SetErr(stderr)
	err := root.ExecuteContext(ctx)
	switch {
	case err == nil && a.partial:
		return ExitFailure
	case err == nil:
		return ExitOK
	}
	fmt.Fprintln(stderr, "parallax:", err)
	var u errUsage
	if errors.As(err, &u) || strings.HasPrefix(err.Error(), "unknown command") || strings.Contains(err.Error(), "flag") || strings.Contains(err.Error(), "arg(s)") {
		return ExitUsage
	}
	return ExitFailure
}

func (a *app) rootCmd() *cobra.Command {
	root := &cobra.Command{
		Use:   "parallax",
		Short: "Parallax shows one news story from every angle",
		Long: `Parallax ingests news articles from many outlets, strips scraping boilerplate,
folds syndicated near-copies, clusters articles into stories (one real-world
event) and stories into threads (a saga over months).`,
		SilenceUsage:  true,
		SilenceErrors: true,
		PersistentPreRunE: func(cmd *cobra.Command, args []string) error {
			var lvl slog.Level
			if err := lvl.UnmarshalText([]byte(a.logLevel)); err != nil {
				return errUsage{fmt.Errorf("--log-level: %w", err)}
			}
			a.log = slog.New(slog.NewTextHandler(a.stderr, &slog.HandlerOptions{Level: lvl}))
			return nil
		},
	}
	root.PersistentFlags().StringVar(&a.dbPath, "db", "parallax.db", "SQLite store file (created and migrated automatically)")
	root.PersistentFlags().StringVar(&a.logLevel, "log-level", "warn", "log level: debug, info, warn, error")
	root.PersistentFlags().BoolVarP(&a.quiet, "quiet", "q", false, "no progress bar")
	root.AddCommand(a.analyzeCmd(), a.ingestCmd(), a.storiesCmd(), a.storyCmd(), a.threadsCmd(), a.withCompareExports(a.exportCmd()), a.evalCmd(), a.benchCmd(),
		a.entitiesCmd(), a.entityCmd(), a.quotesCmd(), a.claimsCmd())
	return root
}

// openStore opens the store named by --db.
func (a *app) openStore() (storage.Store, error) {
	return sqlite.Open(a.ctx, a.dbPath)
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}
