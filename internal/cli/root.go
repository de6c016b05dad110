// Package cli is the parallax command line: one cobra command per job, one
// file per group of commands, all sharing a store opened from --db.
package cli

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"runtime/debug"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/parallax-news/parallax/internal/storage"
	"github.com/parallax-news/parallax/internal/storage/open"
)

// Exit codes.
const (
	ExitOK      = 0
	ExitFailure = 1 // something failed (some inputs were skipped, or a command failed)
	ExitUsage   = 2 // the command line is wrong
	ExitStore   = 3 // the store is missing, not Parallax's, damaged, stale or locked
)

// app holds what every command shares; there is no global state.
type app struct {
	ctx      context.Context
	stdout   io.Writer
	stderr   io.Writer
	dbPath   string
	noWait   bool
	logLevel string
	quiet    bool
	log      *slog.Logger
	// partial is set by commands that finished but skipped some inputs.
	partial bool
}

// errUsage marks command-line mistakes.
type errUsage struct{ error }

func (e errUsage) Unwrap() error { return e.error }

// usage wraps an error as a command-line mistake.
func usage(err error) error {
	if err == nil {
		return nil
	}
	return errUsage{err}
}

// exitCode maps an error to the process exit code by its type.
func exitCode(err error) int {
	var u errUsage
	var locked *storage.LockedError
	switch {
	case errors.As(err, &u):
		return ExitUsage
	case errors.As(err, &locked), errors.Is(err, storage.ErrNoStore), errors.Is(err, storage.ErrNotParallax),
		errors.Is(err, storage.ErrDamaged), errors.Is(err, storage.ErrStale), errors.Is(err, storage.ErrTooNew):
		return ExitStore
	}
	return ExitFailure
}

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
	return exitCode(err)
}

// version is the module version this binary was built from.
func version() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
		v := bi.Main.Version
		for _, s := range bi.Settings {
			if s.Key == "vcs.revision" && len(s.Value) >= 12 {
				v += " (" + s.Value[:12] + ")"
			}
		}
		return v
	}
	return "(devel)"
}

func (a *app) rootCmd() *cobra.Command {
	root := &cobra.Command{
		Use:   "parallax",
		Short: "Parallax shows one news story from every angle",
		Long: `Parallax ingests news articles from many outlets, strips scraping boilerplate,
folds syndicated near-copies, clusters articles into stories (one real-world
event) and stories into threads (a saga over months).`,
		Version:       version(),
		SilenceUsage:  true,
		SilenceErrors: true,
		// Root runs only for an unknown command (cobra finds the others).
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) > 0 {
				return usage(fmt.Errorf("unknown command %q; run parallax --help", args[0]))
			}
			return cmd.Help()
		},
		PersistentPreRunE: func(cmd *cobra.Command, args []string) error {
			var lvl slog.Level
			if err := lvl.UnmarshalText([]byte(a.logLevel)); err != nil {
				return usage(fmt.Errorf("--log-level: %w", err))
			}
			a.log = slog.New(slog.NewTextHandler(a.stderr, &slog.HandlerOptions{Level: lvl}))
			return nil
		},
	}
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usage(err) })
	root.PersistentFlags().StringVar(&a.logLevel, "log-level", "warn", "log level: debug, info, warn, error")
	root.PersistentFlags().BoolVarP(&a.quiet, "quiet", "q", false, "no progress bar")
	writers := []*cobra.Command{a.analyzeCmd(), a.ingestCmd(), a.reanalyzeCmd(), a.repairCmd(), a.reprocessCmd(), a.fetchCmd(), a.watchCmd()}
	lists := []*cobra.Command{a.storiesCmd(), a.storyCmd(), a.threadsCmd(), a.entitiesCmd(), a.entityCmd(), a.quotesCmd(),
		a.claimsCmd(), a.searchCmd()}
	for _, c := range lists {
		a.buffered(c)
	}
	readers := append(lists, a.withCompareExports(a.exportCmd()), a.checkCmd(), a.compareCmd(), a.outletsCmd(), a.sourcesCmd(),
		a.serveCmd())
	for _, c := range writers {
		a.dbFlag(c)
		c.Flags().BoolVar(&a.noWait, "no-wait", false, "fail at once when another parallax process is writing to the store")
	}
	for _, c := range readers {
		a.dbFlag(c)
	}
	root.AddCommand(writers...)
	root.AddCommand(readers...)
	root.AddCommand(a.evalCmd(), a.benchCmd(), a.migrateCmd(), a.workerCmd())
	for _, c := range root.Commands() {
		wrapArgs(c)
	}
	return root
}

// buffered makes c write its standard output through a buffer flushed when
// it ends: a list prints thousands of short lines (a tabwriter writes
// every cell and padding on its own), each otherwise a system call. Only
// commands that print a finished answer are buffered, never ones that
// report progress or serve.
func (a *app) buffered(c *cobra.Command) {
	run := c.RunE
	c.RunE = func(cmd *cobra.Command, args []string) error {
		out := a.stdout
		bw := bufio.NewWriterSize(out, 64<<10)
		a.stdout = bw
		defer func() { a.stdout = out }()
		err := run(cmd, args)
		if ferr := bw.Flush(); err == nil && ferr != nil {
			err = fmt.Errorf("write output: %w", ferr)
		}
		return err
	}
}

// wrapArgs makes the argument checks of c and its subcommands report
// usage errors.
func wrapArgs(c *cobra.Command) {
	if check := c.Args; check != nil {
		c.Args = func(cmd *cobra.Command, args []string) error { return usage(check(cmd, args)) }
	}
	for _, sub := range c.Commands() {
		wrapArgs(sub)
	}
}

// dbFlag gives a command that uses the store its --db flag.
func (a *app) dbFlag(c *cobra.Command) {
	c.Flags().StringVar(&a.dbPath, "db", open.Default(), "store: a SQLite file, or a postgres:// URL (default from $"+open.EnvDB+"); a writing command creates and migrates it")
}

// openStore opens the store named by --db for a writing run: it is
// created if missing, and the run holds its writer lock until Close.
func (a *app) openStore() (storage.Store, error) {
	return a.open(open.Options{})
}

// open opens the store named by --db as opts say; a writer waits for
// another one unless --no-wait, and says whom it waits for.
func (a *app) open(opts open.Options) (open.Store, error) {
	if !opts.ReadOnly {
		opts.NoWait = a.noWait
		opts.OnWait = func(e *storage.LockedError) {
			from := ""
			if host, _ := os.Hostname(); e.Host != "" && e.Host != host {
				from = " from host " + e.Host
			}
			fmt.Fprintf(a.stderr, "waiting for another parallax process (pid %d) writing to %s%s\n", e.PID, e.Path, from)
		}
	}
	return open.Open(a.ctx, a.dbPath, opts)
}

// openReader opens the store named by --db for reading: nothing is created
// or written, and a missing store is an error.
func (a *app) openReader() (storage.Store, error) {
	return a.open(open.Options{ReadOnly: true})
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}
