package cli

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/parallax-news/parallax/internal/eval"
	"github.com/parallax-news/parallax/internal/model"
	"github.com/parallax-news/parallax/internal/pipeline"
	"github.com/parallax-news/parallax/internal/storage"
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
	Analysis       bool        `json:"analysis"`
	Dir            string      `json:"kept_in,omitempty"`
}

func (a *app) benchCmd() *cobra.Command {
	var sizes []int
	var seed int64
	var noAnalysis, keep bool
	var cpuProfile, memProfile string
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
			for _, n := range sizes {
				res, err := runBench(a, n, seed, !noAnalysis, keep)
				if err != nil {
					return err
				}
				if err := enc.Encode(res); err != nil {
					return err
				}
				if memProfile != "" {
					f, err := os.Create(memProfile)
					if err != nil {
						return err
					}
					err = pprof.Lookup("allocs").WriteTo(f, 0)
					f.Close()
					if err != nil {
						return err
					}
				}
			}
			return nil
		},
	}
	cmd.Flags().IntSliceVar(&sizes, "articles", []int{10000}, "corpus size(s) in articles")
	cmd.Flags().Int64Var(&seed, "seed", 1, "generator seed")
	cmd.Flags().BoolVar(&noAnalysis, "no-analysis", false, "skip entity, quote and claim analysis")
	cmd.Flags().BoolVar(&keep, "keep", false, "keep each run's corpus and store in a temporary folder (its path is reported)")
	cmd.Flags().StringVar(&cpuProfile, "cpuprofile", "", "write a CPU profile (pprof) of the run to this file")
	cmd.Flags().StringVar(&memProfile, "memprofile", "", "write a heap profile (pprof) at the end of the last run to this file")
	return cmd
}

func runBench(a *app, n int, seed int64, analysis, keep bool) (benchResult, error) {
	res := benchResult{Articles: n, Analysis: analysis}
	dir, err := os.MkdirTemp("", "parallax-bench-")
	if err != nil {
		return res, err
	}
	if keep {
		res.Dir = dir
	} else {
		defer os.RemoveAll(dir)
	}
	corpus := filepath.Join(dir, "corpus.jsonl")
	t0 := time.Now()
	f, err := os.Create(corpus)
	if err != nil {
		return res, err
	}
	bw := bufio.NewWriterSize(f, 1<<20)
	cfg := synth.DefaultConfig()
	cfg.Articles, cfg.Seed = n, seed
	if err := synth.WriteJSONL(bw, cfg); err != nil {
		f.Close()
		return res, fmt.Errorf("generate corpus: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return res, err
	}
	if err := f.Close(); err != nil {
		return res, err
	}
	res.GenerateSec = time.Since(t0).Seconds()
	if fi, err := os.Stat(corpus); err == nil {
		res.Bytes = fi.Size()
	}
	runtime.GC()

	st, err := sqlite.Open(a.ctx, filepath.Join(dir, "bench.db"))
	if err != nil {
		return res, err
	}
	defer st.Close()
	opts := pipeline.Options{Logger: a.log}
	if analysis {
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

	gold, err := readGold(corpus)
	if err != nil {
		return res, err
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
		return res, err
	}
	res.Stories, res.GoldStories = len(stories), len(goldStories)
	res.BCubed = eval.BCubed(gold, pred)
	return res, nil
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
