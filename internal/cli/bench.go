package cli

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"runtime/trace"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/parallax-news/parallax/internal/eval"
	"github.com/parallax-news/parallax/internal/model"
	"github.com/parallax-news/parallax/internal/pipeline"
	"github.com/parallax-news/parallax/internal/storage"
	"github.com/parallax-news/parallax/internal/storage/open"
	"github.com/parallax-news/parallax/internal/storage/postgres"
	"github.com/parallax-news/parallax/internal/storage/sqlite"
	"github.com/parallax-news/parallax/internal/synth"
)

type benchResult struct {
	Articles       int         `json:"articles"`
	Bytes          int64       `json:"input_bytes"`
	GenerateSec    float64     `json:"generate_seconds"`
	IngestSec      float64     `json:"ingest_seconds"`
	ArticlesPerSec float64     `json:"articles_per_second"`
	PeakRSSMiB     float64     `json:"peak_rss_mib"`
	Stories        int         `json:"stories"`
	GoldStories    int         `json:"gold_stories"`
	NearCopies     int         `json:"near_copies"`
	BCubed         eval.Scores `json:"bcubed"`
	// TemplatedBCubed scores the articles of templated events alone
	// (reports written from one template about different subjects).
	TemplatedBCubed eval.Scores `json:"templated_bcubed"`
	Analysis        bool        `json:"analysis"`
	Months          int         `json:"months"`
	// Then and ThenSec: articles held back from the corpus and ingested
	// into the finished store by a second run in a new process (its
	// start and the opening of the pipeline included), as a later ingest
	// of new articles would; ThenRSSMiB is that process's peak RSS.
	Then       int     `json:"then_articles,omitempty"`
	ThenSec    float64 `json:"then_seconds,omitempty"`
	ThenRSSMiB float64 `json:"then_peak_rss_mib,omitempty"`
	Dir        string  `json:"kept_in,omitempty"`
	// Store is the PostgreSQL store kept with --keep.
	Store string `json:"kept_store,omitempty"`
	// On names the store kind: "sqlite" or "postgres".
	On string `json:"store"`
}

// benchOptions are the settings of one bench run besides its size.
type benchOptions struct {
	seed int64
	// months is the span of the corpus's dates.
	months   int
	analysis bool
	keep     bool
	then     int
	// server is a PostgreSQL server to run on ("": a SQLite file).
	server string
	// heapProfile is a file to write the live heap to once the main
	// ingest is done, with the pipeline's state still held ("": none).
	heapProfile string
}

func (a *app) benchCmd() *cobra.Command {
	var sizes []int
	var opts benchOptions
	var noAnalysis bool
	var cpuProfile, memProfile, traceFile string
	var laterDB, laterInput string
	cmd := &cobra.Command{
		Use:   "bench",
		Short: "Measure whole-pipeline throughput, memory and quality on a deterministic synthetic corpus",
		Long: `Generate a deterministic synthetic corpus (events told by several outlets with
paraphrase, syndicated copies and boilerplate, spread over months) as JSONL,
ingest it end to end into a fresh SQLite store and report articles per second,
peak resident memory and the clustering quality reached (BCubed against the
generator's events). Give --articles more than once to compare sizes.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			enc := json.NewEncoder(a.stdout)
			if cpuProfile != "" {
				f, err := os.Create(cpuProfile)
				if err != nil {
					return err
				}
				defer f.Close()
				if err := pprof.StartCPUProfile(f); err != nil {
					return err
				}
				defer pprof.StopCPUProfile()
			}
			if traceFile != "" {
				f, err := os.Create(traceFile)
				if err != nil {
					return err
				}
				defer f.Close()
				if err := trace.Start(f); err != nil {
					return fmt.Errorf("trace: %w", err)
				}
				defer trace.Stop()
			}
			if laterDB != "" {
				// The later run of --then, in its own process.
				return benchLater(a, laterDB, laterInput, !noAnalysis, opts.heapProfile)
			}
			opts.analysis = !noAnalysis
			for _, n := range sizes {
				res, err := runBench(a, n, opts)
				if err != nil {
					return err
				}
				if err := enc.Encode(res); err != nil {
					return err
				}
			}
			if memProfile != "" {
				f, err := os.Create(memProfile)
				if err != nil {
					return err
				}
				defer f.Close()
				return pprof.Lookup("allocs").WriteTo(f, 0)
			}
			return nil
		},
	}
	cmd.Flags().IntSliceVar(&sizes, "articles", []int{10000}, "corpus size(s) in articles")
	cmd.Flags().Int64Var(&opts.seed, "seed", 1, "generator seed")
	cmd.Flags().IntVar(&opts.months, "months", 12, "spread the corpus's dates over this many months (fewer: a denser stream)")
	cmd.Flags().BoolVar(&noAnalysis, "no-analysis", false, "skip entity, quote and claim analysis")
	cmd.Flags().IntVar(&opts.then, "then", 0, "hold back this many of the newest articles and ingest them afterwards into the finished store, as a later run")
	cmd.Flags().StringVar(&opts.server, "postgres", "", "run on this PostgreSQL server (postgres://…), in a new schema dropped afterwards unless --keep, instead of a SQLite file")
	cmd.Flags().BoolVar(&opts.keep, "keep", false, "keep each run's corpus and store in a temporary folder (its path is reported) and, with --then, a copy of the store as the later run found it (before-later.db)")
	cmd.Flags().StringVar(&cpuProfile, "cpuprofile", "", "write a CPU profile (pprof) of the run to this file")
	cmd.Flags().StringVar(&traceFile, "trace", "", "write a Go execution trace of the run to this file (go tool trace -pprof=sched FILE shows where goroutines waited for a processor)")
	cmd.Flags().StringVar(&memProfile, "memprofile", "", "write a heap profile (pprof, allocations) at the end to this file")
	cmd.Flags().StringVar(&laterDB, "later-db", "", "")
	cmd.Flags().StringVar(&laterInput, "later-input", "", "")
	cmd.Flags().MarkHidden("later-db")
	cmd.Flags().MarkHidden("later-input")
	cmd.Flags().StringVar(&opts.heapProfile, "heapprofile", "", "write the live heap (pprof) to this file right after the main ingest, the pipeline's state still held")
	return cmd
}

func runBench(a *app, n int, o benchOptions) (benchResult, error) {
	res := benchResult{Articles: n, Analysis: o.analysis, Then: o.then, On: "sqlite", Months: o.months}
	if o.server != "" {
		res.On = "postgres"
	}
	dir, err := os.MkdirTemp("", "parallax-bench-")
	if err != nil {
		return res, err
	}
	if o.keep {
		res.Dir = dir
	} else {
		defer os.RemoveAll(dir)
	}
	corpus, later := filepath.Join(dir, "corpus.jsonl"), filepath.Join(dir, "later.jsonl")
	t0 := time.Now()
	if err := generate(corpus, later, n, o); err != nil {
		return res, fmt.Errorf("generate corpus: %w", err)
	}
	res.GenerateSec = time.Since(t0).Seconds()
	if fi, err := os.Stat(corpus); err == nil {
		res.Bytes = fi.Size()
	}
	runtime.GC()

	st, db, err := openBenchStore(a, dir, o, &res)
	if err != nil {
		return res, err
	}
	defer st.Close() // after release too: a second Close does no harm
	opts := pipeline.Options{Logger: a.log}
	if o.analysis {
		opts.Analyzer = newAnalyzer()
	}
	p, err := pipeline.Open(a.ctx, st, opts)
	if err != nil {
		return res, err
	}
	rep, err := p.Ingest(a.ctx, []string{corpus})
	if err != nil {
		return res, err
	}
	res.IngestSec = rep.Elapsed.Seconds()
	res.ArticlesPerSec = float64(rep.Added) / rep.Elapsed.Seconds()
	res.PeakRSSMiB = peakRSSMiB()
	res.NearCopies = rep.Duplicates
	if o.heapProfile != "" {
		if err := writeHeapProfile(o.heapProfile); err != nil {
			return res, err
		}
		runtime.KeepAlive(p)
	}
	if err := scoreBench(a, st, corpus, &res); err != nil {
		return res, err
	}
	if o.then > 0 {
		// A later run: a new process opens the store, loads the saved
		// state and adds the held-back articles. It needs the writer
		// lock this process holds.
		if err := release(st); err != nil {
			return res, err
		}
		if o.keep && o.server == "" {
			// Keep the store as the later run finds it, so that the
			// later run can be repeated on copies (--later-db).
			if err := copyFile(db, filepath.Join(dir, "before-later.db")); err != nil {
				return res, err
			}
		}
		if err := runLater(a, db, later, o, &res); err != nil {
			return res, err
		}
	}
	return res, nil
}

// runLater runs the later run of --then in a new process and records its
// wall time and peak RSS.
func runLater(a *app, db, later string, o benchOptions, res *benchResult) error {
	exe, err := os.Executable()
	if err != nil {
		return err
	}
	args := []string{"bench", "--later-db", db, "--later-input", later}
	if !o.analysis {
		args = append(args, "--no-analysis")
	}
	cmd := exec.CommandContext(a.ctx, exe, args...)
	cmd.Stderr = a.stderr
	t := time.Now()
	out, err := cmd.Output()
	if err != nil {
		return fmt.Errorf("later run: %w", err)
	}
	res.ThenSec = time.Since(t).Seconds()
	// The process reports its own peak: the rusage of a child counts
	// the memory it shared with this process before it started.
	var rep struct {
		PeakRSSMiB float64 `json:"peak_rss_mib"`
	}
	if err := json.Unmarshal(out, &rep); err != nil {
		return fmt.Errorf("later run: %w", err)
	}
	res.ThenRSSMiB = rep.PeakRSSMiB
	return nil
}

// benchLater is the later run of --then: it ingests input into the store
// db, and writes the live heap to heapProfile afterwards unless it is "".
func benchLater(a *app, db, input string, analysis bool, heapProfile string) error {
	st, err := open.Open(a.ctx, db, open.Options{})
	if err != nil {
		return err
	}
	defer st.Close()
	opts := pipeline.Options{Logger: a.log}
	if analysis {
		opts.Analyzer = newAnalyzer()
	}
	p, err := pipeline.Open(a.ctx, st, opts)
	if err != nil {
		return err
	}
	if _, err = p.Ingest(a.ctx, []string{input}); err != nil {
		return err
	}
	if heapProfile != "" {
		if err := writeHeapProfile(heapProfile); err != nil {
			return err
		}
		runtime.KeepAlive(p)
	}
	return json.NewEncoder(a.stdout).Encode(map[string]float64{"peak_rss_mib": peakRSSMiB()})
}

// openBenchStore opens a new store for a bench run: a SQLite file in dir,
// or a new schema on o.server (dropped when the store closes, unless
// o.keep).
// It also returns how another process names the store (--db).
func openBenchStore(a *app, dir string, o benchOptions, res *benchResult) (storage.Store, string, error) {
	if o.server == "" {
		path := filepath.Join(dir, "bench.db")
		st, err := sqlite.Open(a.ctx, path)
		return st, path, err
	}
	if !postgres.IsURL(o.server) {
		return nil, "", usage(fmt.Errorf("--postgres %q: not a postgres:// or postgresql:// URL", o.server))
	}
	dsn, drop, err := postgres.NewSchema(a.ctx, o.server, "parallax_bench_")
	if err != nil {
		return nil, "", err
	}
	st, err := postgres.Open(a.ctx, dsn)
	if err != nil {
		drop(a.ctx)
		return nil, "", err
	}
	if o.keep {
		res.Store = st.Name()
		return st, dsn, nil
	}
	return &droppedStore{Store: st, drop: drop}, dsn, nil
}

// droppedStore drops its schema when closed.
type droppedStore struct {
	*postgres.Store
	drop     func(context.Context) error
	released bool
}

func (d *droppedStore) Close() error {
	var err error
	if !d.released {
		err = d.Store.Close()
	}
	return errors.Join(err, d.drop(context.Background()))
}

// release closes a bench store, keeping what it holds, so that another
// process may write to it; its Close then only drops what is to be
// dropped.
func release(st storage.Store) error {
	if d, ok := st.(*droppedStore); ok {
		d.released = true
		return d.Store.Close()
	}
	return st.Close()
}

// generate writes the synthetic corpus of n articles to corpus, and the
// o.then articles that follow them to later.
func generate(corpus, later string, n int, o benchOptions) error {
	f, err := os.Create(corpus)
	if err != nil {
		return err
	}
	defer f.Close()
	g, err := os.Create(later)
	if err != nil {
		return err
	}
	defer g.Close()
	bf, bg := bufio.NewWriterSize(f, 1<<20), bufio.NewWriterSize(g, 1<<20)
	cfg := synth.DefaultConfig()
	cfg.Articles, cfg.Seed = n+o.then, o.seed
	if o.months > 0 {
		cfg.SpanMonths = o.months
	}
	if err := synth.WriteJSONL(&lineSplit{first: bf, rest: bg, n: n}, cfg); err != nil {
		return err
	}
	if err := errors.Join(bf.Flush(), bg.Flush()); err != nil {
		return err
	}
	return errors.Join(f.Close(), g.Close())
}

// lineSplit writes its first n lines to first and the rest to rest.
type lineSplit struct {
	first, rest io.Writer
	n           int
}

func (w *lineSplit) Write(p []byte) (int, error) {
	total := len(p)
	for w.n > 0 && len(p) > 0 {
		i := bytes.IndexByte(p, '\n')
		if i < 0 {
			_, err := w.first.Write(p)
			return total, err
		}
		if _, err := w.first.Write(p[:i+1]); err != nil {
			return 0, err
		}
		p = p[i+1:]
		w.n--
	}
	if len(p) > 0 {
		if _, err := w.rest.Write(p); err != nil {
			return 0, err
		}
	}
	return total, nil
}

// scoreBench fills in the stories found and their BCubed scores against
// the generator's events.
func scoreBench(a *app, st storage.Reader, corpus string, res *benchResult) error {
	gold, err := readGold(corpus)
	if err != nil {
		return err
	}
	pred := map[string]string{}
	stories, goldStories := map[string]bool{}, map[string]bool{}
	if err := st.Articles(a.ctx, storage.ArticleFilter{}, func(ar *model.Article) error {
		s := strconv.FormatInt(ar.StoryID, 10)
		pred[ar.ExternalID] = s
		stories[s] = true
		goldStories[gold[ar.ExternalID]] = true
		return nil
	}); err != nil {
		return err
	}
	res.Stories, res.GoldStories = len(stories), len(goldStories)
	res.BCubed = eval.BCubed(gold, pred)
	tgold := map[string]string{}
	for id, s := range gold {
		if synth.Templated(s) {
			tgold[id] = s
		}
	}
	res.TemplatedBCubed = eval.BCubed(tgold, pred)
	return nil
}

// writeHeapProfile collects garbage and writes the live heap to path.
func writeHeapProfile(path string) error {
	runtime.GC()
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := pprof.Lookup("heap").WriteTo(f, 0); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// peakRSSMiB reads the process's peak resident set size (Linux), or 0.
func peakRSSMiB() float64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, _ := strconv.ParseFloat(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 64)
			return kb / 1024
		}
	}
	return 0
}

// copyFile copies the file src to dst, which it creates or truncates.
func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return fmt.Errorf("copy %s: %w", src, err)
	}
	return out.Close()
}
