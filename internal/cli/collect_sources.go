package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"
	"sync"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/parallax-news/parallax/internal/collect/canon"
	"github.com/parallax-news/parallax/internal/collect/feed"
	"github.com/parallax-news/parallax/internal/collect/fetcher"
	"github.com/parallax-news/parallax/internal/collect/schedule"
	"github.com/parallax-news/parallax/internal/collect/sources"
	"github.com/parallax-news/parallax/internal/storage"
)

// feedAccept asks for feeds and sitemaps first, HTML (to discover feeds)
// after.
const feedAccept = "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.5, */*;q=0.1"

// loadSources reads the source list from the store.
func loadSources(ctx context.Context, st storage.Store) (*sources.List, error) {
	l := &sources.List{}
	_, err := st.ReadState(ctx, sources.StateName, func(data []byte) error {
		var err error
		l, err = sources.Decode(data)
		return err
	})
	return l, err
}

// saveSources writes the source list to the store in one transaction.
func saveSources(ctx context.Context, st storage.Store, l *sources.List) error {
	data, err := l.Encode()
	if err != nil {
		return err
	}
	return st.Commit(ctx, &storage.Batch{State: map[string][]byte{sources.StateName: data}})
}

func (a *app) sourcesCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "sources",
		Short: "List the feeds and sitemaps watched, with their state",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.readSources(func(l *sources.List) error { return printSources(a, l) })
		},
	}
	for _, c := range []*cobra.Command{a.sourcesAddCmd(), a.sourcesRemoveCmd(), a.sourcesRetryCmd(), a.sourcesImportCmd(), a.sourcesExportCmd()} {
		a.dbFlag(c)
		cmd.AddCommand(c)
	}
	return cmd
}

// sourcesAddCmd is `sources add URL...`.
func (a *app) sourcesAddCmd() *cobra.Command {
	var ff fetchFlags
	add := &cobra.Command{
		Use:   "add URL...",
		Short: "Watch feeds, news sitemaps, or sites whose feed is named in their HTML",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.editSources(func(l *sources.List) error {
				ff.limitMemory()
				f := ff.fetcher()
				defer f.Close()
				failed := 0
				for _, u := range args {
					url, kind, title, err := identify(a.ctx, f, u)
					switch {
					case err != nil:
						fmt.Fprintf(a.stderr, "skipped: %s: %v\n", u, err)
						failed++
					case !l.Add(url, kind, title, time.Now()):
						fmt.Fprintf(a.stderr, "already watched: %s\n", url)
					default:
						fmt.Fprintf(a.stderr, "added %s %s\n", kind, url)
					}
				}
				if failed > 0 {
					a.partial = true
				}
				return nil
			})
		},
	}
	ff.register(add)
	return add
}

// sourcesRemoveCmd is `sources remove URL...`.
func (a *app) sourcesRemoveCmd() *cobra.Command {
	remove := &cobra.Command{
		Use:   "remove URL...",
		Short: "Stop watching sources (their articles stay stored)",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.editSources(func(l *sources.List) error {
				for _, u := range args {
					if !l.Remove(u) {
						return fmt.Errorf("no source %s", u)
					}
				}
				return nil
			})
		},
	}
	return remove
}

// sourcesRetryCmd is `sources retry [URL...]`.
func (a *app) sourcesRetryCmd() *cobra.Command {
	retry := &cobra.Command{
		Use:   "retry [URL...]",
		Short: "Make sources due now and resume paused ones (all when no URL is given)",
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.editSources(func(l *sources.List) error {
				var p schedule.Policy
				for _, s := range l.Sources {
					if len(args) == 0 || slices.Contains(args, s.URL) {
						s.Schedule = p.Retry(s.Schedule, time.Now())
					}
				}
				return nil
			})
		},
	}
	return retry
}

// sourcesImportCmd is `sources import FILE.opml`.
func (a *app) sourcesImportCmd() *cobra.Command {
	importCmd := &cobra.Command{
		Use:   "import FILE.opml",
		Short: "Watch the feeds of an OPML subscription list (without fetching them now)",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			data, err := os.ReadFile(args[0])
			if err != nil {
				return err
			}
			outlines, err := sources.ParseOPML(data)
			if err != nil {
				return fmt.Errorf("%s: %w", args[0], err)
			}
			return a.editSources(func(l *sources.List) error {
				added := 0
				for _, o := range outlines {
					u, err := canon.URL(o.URL)
					if err != nil {
						fmt.Fprintf(a.stderr, "skipped: %s: %s: %v\n", args[0], o.URL, err)
						a.partial = true
						continue
					}
					if l.Add(u, o.Kind, o.Title, time.Now()) {
						added++
					}
				}
				fmt.Fprintf(a.stderr, "imported %d of %d sources from %s\n", added, len(outlines), args[0])
				return nil
			})
		},
	}
	return importCmd
}

// sourcesExportCmd is `sources export`.
func (a *app) sourcesExportCmd() *cobra.Command {
	exportCmd := &cobra.Command{
		Use:   "export",
		Short: "Print the sources as an OPML subscription list",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.readSources(func(l *sources.List) error {
				out, err := l.OPML()
				if err != nil {
					return err
				}
				_, err = a.stdout.Write(out)
				return err
			})
		},
	}
	return exportCmd
}

// readSources loads the list from a store opened for reading and hands it
// to read.
func (a *app) readSources(read func(*sources.List) error) error {
	st, err := a.openReader()
	if err != nil {
		return err
	}
	defer st.Close()
	l, err := loadSources(a.ctx, st)
	if err != nil {
		return err
	}
	return read(l)
}

// editSources loads the list, lets edit change it and saves it.
func (a *app) editSources(edit func(*sources.List) error) error {
	st, err := a.openStore()
	if err != nil {
		return err
	}
	defer st.Close()
	l, err := loadSources(a.ctx, st)
	if err != nil {
		return err
	}
	if err := edit(l); err != nil {
		return err
	}
	return saveSources(a.ctx, st, l)
}

// identify fetches a URL and tells what source it is: a feed, a news
// sitemap, or a page naming its feed (the first one named is taken).
func identify(ctx context.Context, f *fetcher.Fetcher, u string) (string, sources.Kind, string, error) {
	for range 2 {
		res, err := f.Fetch(ctx, fetcher.Request{URL: u, Accept: feedAccept})
		if err != nil {
			return "", "", "", err
		}
		ct := res.Header.Get("Content-Type")
		parsed, ferr := feed.Parse(res.Body, ct, res.URL)
		if ferr == nil {
			return res.URL, sources.Feed, parsed.Title, nil
		}
		if _, err := feed.ParseSitemap(res.Body, ct, res.URL); err == nil {
			return res.URL, sources.Sitemap, "", nil
		}
		found := feed.Discover(res.Body, res.URL)
		if len(found) == 0 {
			return "", "", "", fmt.Errorf("neither a feed nor a sitemap, and no feed is named in the page (%v)", ferr)
		}
		u = found[0]
	}
	return "", "", "", errors.New("the feed named by the page is not a feed")
}

func printSources(a *app, l *sources.List) error {
	tw := tabwriter.NewWriter(a.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "URL\tKIND\tITEMS\tLAST POLL\tNEXT DUE\tERRORS\tLAST ERROR")
	for _, s := range l.Sources {
		last, next := "-", s.Schedule.NextDue.Local().Format("2006-01-02 15:04")
		if !s.Schedule.LastPoll.IsZero() {
			last = s.Schedule.LastPoll.Local().Format("2006-01-02 15:04")
		}
		if s.Schedule.Paused {
			next = "paused (sources retry)"
		}
		fmt.Fprintf(tw, "%s\t%s\t%d\t%s\t%s\t%.1f\t%s\n", s.URL, s.Kind, s.Items, last, next, s.Schedule.Failures,
			clip(strings.ReplaceAll(s.Schedule.LastError, "\n", " "), 80))
	}
	return tw.Flush()
}

// maxChildSitemaps is how many sitemaps of a sitemap index are read per
// poll (news indexes list the newest first).
const maxChildSitemaps = 10

// candidate is an item URL found in a source, not taken yet.
type candidate struct {
	src *sources.Source
	key string
}

// poll fetches one due source and updates its state; it returns the new
// items' URLs (canonical) with the source and key each came with.
func poll(ctx context.Context, f *fetcher.Fetcher, s *sources.Source) map[string]candidate {
	var p schedule.Policy
	now := time.Now()
	res, err := f.Fetch(ctx, fetcher.Request{URL: s.URL, ETag: s.ETag, LastModified: s.LastModified, Accept: feedAccept})
	if err != nil {
		var fe *fetcher.Error
		if errors.As(err, &fe) {
			weight := fe.Weight()
			if fe.Permanent() {
				weight = 3
			}
			s.Schedule = p.Failure(s.Schedule, now, weight, fe.RetryAfter, err.Error())
		}
		return nil
	}
	fresh := schedule.FreshFor(res.Header, now)
	if res.NotModified {
		s.Schedule = p.Success(s.Schedule, now, schedule.Poll{NotModified: true, FreshFor: fresh})
		return nil
	}
	s.ETag, s.LastModified = res.ETag, res.LastModified
	type entry struct {
		url, key  string
		published time.Time
	}
	var entries []entry
	ct := res.Header.Get("Content-Type")
	switch s.Kind {
	case sources.Sitemap:
		sm, err := feed.ParseSitemap(res.Body, ct, res.URL)
		if err != nil {
			s.Schedule = p.Failure(s.Schedule, now, 1, 0, err.Error())
			return nil
		}
		children := sm.Sitemaps
		if len(children) > maxChildSitemaps {
			children = children[:maxChildSitemaps]
		}
		for _, c := range children {
			res, err := f.Fetch(ctx, fetcher.Request{URL: c, Accept: feedAccept})
			if err != nil {
				continue // the index itself answered; a child is tried next time
			}
			if child, err := feed.ParseSitemap(res.Body, res.Header.Get("Content-Type"), res.URL); err == nil {
				sm.Entries = append(sm.Entries, child.Entries...)
			}
		}
		for _, e := range sm.Entries {
			entries = append(entries, entry{e.URL, e.URL, e.Published})
		}
	default:
		fd, err := feed.Parse(res.Body, ct, res.URL)
		if err != nil {
			s.Schedule = p.Failure(s.Schedule, now, 1, 0, err.Error())
			return nil
		}
		fresh = max(fresh, fd.TTL)
		for _, it := range fd.Items {
			entries = append(entries, entry{it.URL, it.Key, it.Published})
		}
	}
	out := map[string]candidate{}
	var dates []time.Time
	for _, e := range entries {
		dates = append(dates, e.published)
		if e.url == "" || s.HasSeen(e.key) {
			continue
		}
		if c, err := canon.URL(e.url); err == nil {
			out[c] = candidate{s, e.key}
		}
	}
	s.Schedule = p.Success(s.Schedule, now, schedule.Poll{Published: dates, NewItems: len(out), FreshFor: fresh})
	return out
}

// pollDue polls the due sources, several at once, and returns their new
// items.
func pollDue(ctx context.Context, f *fetcher.Fetcher, due []*sources.Source, workers int) map[string]candidate {
	var mu sync.Mutex
	all := map[string]candidate{}
	jobs := make(chan *sources.Source)
	var wg sync.WaitGroup
	for range max(workers, 1) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for s := range jobs {
				found := poll(ctx, f, s)
				mu.Lock()
				for u, c := range found {
					if _, ok := all[u]; !ok {
						all[u] = c
					}
				}
				mu.Unlock()
			}
		}()
	}
	for _, s := range due {
		jobs <- s
	}
	close(jobs)
	wg.Wait()
	return all
}
