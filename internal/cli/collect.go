package cli

import (
	"bytes"
	"context"
	"fmt"
	"mime"
	"os"
	"runtime/debug"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/go-json-experiment/json"
	"github.com/spf13/cobra"
	"golang.org/x/net/html/charset"

	"github.com/parallax-news/parallax/internal/collect/canon"
	"github.com/parallax-news/parallax/internal/collect/fetcher"
	"github.com/parallax-news/parallax/internal/pipeline"
	"github.com/parallax-news/parallax/internal/source"
	"github.com/parallax-news/parallax/internal/storage/open"
)

// fetchFlags are the politeness settings of commands that go to the web.
type fetchFlags struct {
	contact      string
	allowPrivate bool
	delay        time.Duration
	timeout      time.Duration
	maxBody      int64
	workers      int
	warcDir      string
	memoryLimit  int64
}

// defaultMemoryLimit is the heap size past which fetch and watch collect
// garbage harder: without it a run over real web pages, whose extraction
// allocates about twenty times each page's size, lets the heap grow to
// three times what it holds live (1.3 GB on the shared development pages).
// Since pages are extracted as they arrive (pageExtractor), the live heap
// of a long run on those pages stays under about 200 MB. The Go runtime
// then holds about the limit, and SQLite's memory (fetchCacheBytes) and
// the binary come on top of it, outside the limit: with 350 MB a run of
// 100,000 pages peaked at 522 MB for the whole process. 320 MB, with the
// smaller fetchCacheBytes, lowered a 10,000-page run's peak by 37 MiB for
// about 1 ms more of collection a page; lower limits cost more.
const defaultMemoryLimit = 320 << 20

// fetchCacheBytes is the page cache of the store's writing connection in
// fetch and watch (open.Options.CacheBytes; each reading connection gets
// a quarter). They commit some hundred articles a batch, not thousands as
// ingest does, so SQLite's default 64 MiB would mostly hold pages no later
// batch reads, outside the Go heap that --memory-limit bounds. The pure-Go
// SQLite's allocator maps a 64 KiB region for each cached page of 16 KiB
// (the page size of stores Parallax makes), and such regions are reused
// from allocations that touched more of them, so the cache's resident
// memory is more than this: halving it from 16 MiB cut what SQLite maps
// by about 40 MB.
const fetchCacheBytes = 8 << 20

// fetchGCPercent is the GOGC of fetch and watch under their soft memory
// limit. Extracting a real page allocates some megabytes, nearly all of it
// garbage at once, while what stays live is smaller (40–190 MB on the
// shared development pages): at GOGC=100 the heap was collected each time
// it doubled, long before the limit. At 400 it is collected when it nears
// the limit: 67 collections instead of 178 over the 990 development pages,
// the same peak (388 against 387 MB; the run's busiest stretch reaches the
// limit either way), CPU 75.6 against 77.7 ms a page side by side at load
// average 45 (within what that load lets one see).
const fetchGCPercent = 400

// limitMemory sets the process's soft memory limit (runtime/debug) from
// --memory-limit, unless GOMEMLIMIT is set or the flag is 0, and with it
// GOGC to fetchGCPercent unless GOGC is set.
func (f *fetchFlags) limitMemory() {
	if f.memoryLimit > 0 && os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(f.memoryLimit)
		if os.Getenv("GOGC") == "" {
			debug.SetGCPercent(fetchGCPercent)
		}
	}
}

func (f *fetchFlags) register(c *cobra.Command) {
	c.Flags().StringVar(&f.contact, "contact", "", "URL or address where site owners can reach you; sent in the User-Agent")
	c.Flags().BoolVar(&f.allowPrivate, "allow-private", false, "allow loopback and private addresses (refused by default)")
	c.Flags().DurationVar(&f.delay, "delay", time.Second, "minimum time between two requests to one host (robots.txt Crawl-delay can raise it)")
	c.Flags().DurationVar(&f.timeout, "timeout", time.Minute, "time allowed for one page's body")
	c.Flags().Int64Var(&f.maxBody, "max-body", 16<<20, "largest page accepted, in bytes")
	c.Flags().IntVar(&f.workers, "workers", 8, "pages fetched at once (never more than one per host)")
	c.Flags().StringVar(&f.warcDir, "warc-dir", "", "also write every fetched page to rotating .warc.gz files in this folder")
	c.Flags().Int64Var(&f.memoryLimit, "memory-limit", defaultMemoryLimit, "soft limit of the heap in bytes: past it garbage is collected more often (0: none; the GOMEMLIMIT variable overrides it)")
}

func (f *fetchFlags) fetcher() *fetcher.Fetcher {
	delay := f.delay
	if delay == 0 {
		delay = -1 // the fetcher's zero means its default
	}
	return fetcher.New(fetcher.Options{
		Contact:      f.contact,
		AllowPrivate: f.allowPrivate,
		MinDelay:     delay,
		BodyTimeout:  f.timeout,
		MaxBody:      f.maxBody,
	})
}

func (a *app) fetchCmd() *cobra.Command {
	var ff fetchFlags
	cmd := &cobra.Command{
		Use:   "fetch URL...",
		Short: "Fetch article pages politely (robots.txt, per-host delay) and ingest them",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			st, err := a.open(open.Options{CacheBytes: fetchCacheBytes})
			if err != nil {
				return err
			}
			defer st.Close()
			ex := newPageExtractor(st)
			p, err := a.openPipeline(st, ex.options(pipeline.Options{Logger: a.log, Analyzer: newAnalyzer()}))
			if err != nil {
				return err
			}
			ff.limitMemory()
			f := ff.fetcher()
			defer f.Close()
			keep, done, err := a.archiver(&ff)
			if err != nil {
				return err
			}
			defer done()
			var failed []*source.Error
			rep, err := p.Run(a.ctx, func(yield func(source.Item) error) error {
				return fetchPages(a.ctx, f, args, ff.workers, ex, keep, yield, func(e *source.Error) {
					a.log.Debug("fetch failed", "url", e.Path, "err", e.Err)
					failed = append(failed, e)
				})
			}, nil)
			rep.Errors = append(rep.Errors, failed...)
			rep.Failed += len(failed)
			printProblems(a.stderr, rep)
			if err != nil {
				return err
			}
			fmt.Fprintf(a.stderr, "fetched %d URLs: %d pages read, %d added, %d already stored, %d near-copies, %d failed (%.1fs)\n",
				len(args), rep.Read, rep.Added, rep.Known, rep.Duplicates, len(failed), rep.Elapsed.Seconds())
			if len(failed) > 0 {
				a.partial = true
			}
			return nil
		},
	}
	ff.register(cmd)
	return cmd
}

// fetchPages fetches urls with up to workers requests at once and yields
// each page, in completion order, from the calling goroutine. Failures go
// to fail, also from the calling goroutine; keep, when set, receives every
// fetched response (from the workers). ex, when set, extracts each page
// in the workers before it is yielded (see pageExtractor).
func fetchPages(ctx context.Context, f *fetcher.Fetcher, urls []string, workers int, ex *pageExtractor, keep func(*fetcher.Response), yield func(source.Item) error, fail func(*source.Error)) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	type result struct {
		item source.Item
		err  *source.Error
	}
	jobs := make(chan string)
	results := make(chan result)
	var wg sync.WaitGroup
	for range max(workers, 1) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for u := range jobs {
				res, err := f.Fetch(ctx, fetcher.Request{URL: u, Accept: "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5"})
				var r result
				if err == nil && keep != nil {
					keep(res)
				}
				if err != nil {
					r.err = &source.Error{Path: u, Err: err}
				} else if it, err := pageItem(res, u); err != nil {
					r.err = &source.Error{Path: u, Err: err}
				} else {
					if ex != nil {
						ex.prepare(ctx, &it)
					}
					r.item = it
				}
				select {
				case results <- r:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() {
		defer close(jobs)
		for _, u := range urls {
			select {
			case jobs <- u:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() { wg.Wait(); close(results) }()
	for r := range results {
		if r.err != nil {
			fail(r.err)
			continue
		}
		if err := yield(r.item); err != nil {
			return err
		}
	}
	return ctx.Err()
}

// pageItem turns a fetched page into an input item: its body decoded to
// UTF-8 by its declared charset when it is not UTF-8 already, its id and
// URL the page's canonical URL, its fetch time kept as metadata.
func pageItem(res *fetcher.Response, requested string) (source.Item, error) {
	if ct := res.Header.Get("Content-Type"); ct != "" {
		mt, _, _ := mime.ParseMediaType(ct)
		if mt != "text/html" && mt != "application/xhtml+xml" {
			return source.Item{}, fmt.Errorf("not an HTML page (%s)", ct)
		}
	}
	body := res.Body
	if !utf8.Valid(body) {
		r, err := charset.NewReader(bytes.NewReader(body), res.Header.Get("Content-Type"))
		if err == nil {
			var b bytes.Buffer
			if _, err := b.ReadFrom(r); err == nil {
				body = b.Bytes()
			}
		}
	}
	u, err := canon.FromHTML(body, res.URL)
	if err != nil {
		return source.Item{}, fmt.Errorf("page URL: %w", err)
	}
	var it source.Item
	it.Body, it.HTML = string(body), true
	it.Article.ExternalID = u
	it.Article.URL = u
	it.Article.Source = requested
	fetched, _ := json.Marshal(res.FetchedAt.UTC().Format(time.RFC3339))
	it.Article.Meta = map[string]string{"fetched": string(fetched)}
	it.Fetch = source.Fetch{URL: res.URL, ContentType: res.Header.Get("Content-Type"), Date: res.FetchedAt.UTC()}
	return it, nil
}
