package cli

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"time"

	"github.com/spf13/cobra"

	"github.com/parallax-news/parallax/internal/api"
	"github.com/parallax-news/parallax/internal/outlet"
	"github.com/parallax-news/parallax/internal/storage"
	"github.com/parallax-news/parallax/internal/ui"
	"github.com/parallax-news/parallax/internal/web"
)

func (a *app) serveCmd() *cobra.Command {
	var addr, token, examples string
	var demo bool
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Serve the store as web pages and a JSON API (read-only)",
		Long: `Serve the store read-only: web pages (stories, a story compared across its
outlets, articles, entities, quotes, claims, threads) and a JSON API under
/api/v1/ (described by /api/v1/openapi.json). Nothing is written to the
store; stories a concurrent ingest adds appear on the next request.

--demo ingests the example corpus (--examples, default ./examples) into a
fresh temporary store first and serves that. Listening on an address other
than the loopback interface needs --token: API clients send it as
"Authorization: Bearer TOKEN", browsers open the printed address once
(it carries ?token=, which sets a cookie).`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := web.CheckAddr(addr, token); err != nil {
				return usage(err)
			}
			if demo {
				dir, err := os.MkdirTemp("", "parallax-demo-")
				if err != nil {
					return err
				}
				defer os.RemoveAll(dir)
				if err := a.demoStore(filepath.Join(dir, "demo.db"), examples); err != nil {
					return err
				}
			}
			return a.withReadModel(func(st storage.Store) error { return a.serve(st, addr, token) })
		},
	}
	cmd.Flags().StringVar(&addr, "addr", "127.0.0.1:8080", "listen address (host:port); beyond loopback it needs --token")
	cmd.Flags().StringVar(&token, "token", "", "access token required of every request (bearer token, or ?token= once in a browser)")
	cmd.Flags().BoolVar(&demo, "demo", false, "ingest the example corpus into a fresh temporary store and serve it")
	cmd.Flags().StringVar(&examples, "examples", "examples", "with --demo: the folder of the example corpus")
	return cmd
}

// demoStore ingests the example corpus (and its outlets.csv) into a new
// store at path and points --db at it.
func (a *app) demoStore(path, examples string) error {
	if _, err := os.Stat(examples); err != nil {
		return usage(fmt.Errorf("--demo needs the example corpus: %w (run from the repository root, or pass --examples DIR)", err))
	}
	a.dbPath = path
	st, err := a.openStore()
	if err != nil {
		return err
	}
	defer st.Close()
	if err := a.ingest(st, []string{examples}); err != nil {
		return err
	}
	csvPath := filepath.Join(examples, "outlets.csv")
	f, err := os.Open(csvPath)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	defer f.Close()
	outs, errs := outlet.ReadCSV(f, csvPath)
	for _, e := range errs {
		fmt.Fprintln(a.stderr, "parallax:", e)
	}
	reg := outlet.New(outs)
	blob, err := reg.Encode()
	if err != nil {
		return err
	}
	return st.Commit(a.ctx, &storage.Batch{State: map[string][]byte{outlet.StateName: blob}})
}

// serve runs the server on st until the context ends.
func (a *app) serve(st storage.Store, addr, token string) error {
	outlets := func(ctx context.Context) (*outlet.Registry, error) { return a.loadOutlets(st) }
	d := api.NewData(st, outlets)
	d.StoreComparisons(newAnalyzer().Version(), func(ctx context.Context, cs []storage.StoredComparison) error {
		return a.withComparisonWriter(ctx, func(w storage.Comparisons) error { return w.PutComparisons(ctx, cs) })
	}, func(err error) { a.log.Debug("comparisons not stored", "err", err) })
	h := web.Handler(web.Config{Addr: addr, Token: token}, ui.New(d, a.log), api.New(d, a.log))
	srv := web.Server(addr, h)
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	u := url.URL{Scheme: "http", Host: ln.Addr().String(), Path: "/"}
	if token != "" {
		u.RawQuery = url.Values{"token": {token}}.Encode()
	}
	fmt.Fprintf(a.stdout, "serving %s read-only at %s (Ctrl-C stops)\n", a.dbPath, u.String())
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-a.ctx.Done():
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(ctx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve: shutdown: %w", err)
	}
	return nil
}
