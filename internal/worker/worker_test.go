package worker_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"maps"
	"math/rand/v2"
	"net"
	"os"
	"os/exec"
	"os/signal"
	"os/user"
	"path/filepath"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/parallax-news/parallax/internal/analyze"
	"github.com/parallax-news/parallax/internal/eval"
	"github.com/parallax-news/parallax/internal/model"
	"github.com/parallax-news/parallax/internal/pipeline"
	"github.com/parallax-news/parallax/internal/source"
	"github.com/parallax-news/parallax/internal/storage"
	"github.com/parallax-news/parallax/internal/storage/postgres"
	"github.com/parallax-news/parallax/internal/storage/postgres/pgtest"
	"github.com/parallax-news/parallax/internal/storage/sqlite"
	"github.com/parallax-news/parallax/internal/synth"
	"github.com/parallax-news/parallax/internal/worker"
)

// childEnv names the store a re-executed test binary works on as a worker
// process (see TestMain).
const childEnv = "PARALLAX_TEST_WORKER_DSN"

// benchEnv makes such a worker use the defaults of parallax worker.
const benchEnv = "PARALLAX_TEST_WORKER_BENCH"

// profileEnv names a directory where each worker process writes its CPU
// profile (worker-PID.pprof), for measuring BenchmarkWorkers.
const profileEnv = "PARALLAX_TEST_WORKER_PROFILE"

func TestMain(m *testing.M) {
	if dsn := os.Getenv(childEnv); dsn != "" {
		os.Exit(child(dsn))
	}
	os.Exit(m.Run())
}

// child runs one worker process until its queue is drained.
func child(dsn string) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	cfg := childConfig(dsn, slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: childLevel()})))
	if os.Getenv(benchEnv) != "" {
		// The defaults of parallax worker, draining.
		cfg = worker.Config{DSN: dsn, Analyzer: cfg.Analyzer, Jobs: 1, Drain: true, Logger: cfg.Logger}
	}
	if dir := os.Getenv(profileEnv); dir != "" {
		f, err := os.Create(filepath.Join(dir, fmt.Sprintf("worker-%d.pprof", os.Getpid())))
		if err == nil && pprof.StartCPUProfile(f) == nil {
			defer func() {
				pprof.StopCPUProfile()
				f.Close()
			}()
		}
	}
	err := worker.Run(ctx, cfg)
	if err != nil {
		fmt.Fprintln(os.Stderr, "worker:", err)
		return 1
	}
	return 0
}

// childConfig is the configuration of the test workers: one job at a
// time, short leases and polls.
func childConfig(dsn string, log *slog.Logger) worker.Config {
	return worker.Config{DSN: dsn, Analyzer: analyze.New(), Jobs: 1, Lease: time.Second, Drain: true,
		Poll: 100 * time.Millisecond, GroupJobs: 4, GroupWait: 200 * time.Millisecond, Logger: log}
}

// corpus returns n synthetic articles as input items, in publication
// order, with their gold stories.
func corpus(t testing.TB, n int) []source.Item {
	t.Helper()
	cfg := synth.DefaultConfig()
	cfg.Articles = n
	var items []source.Item
	err := synth.Generate(cfg, func(a synth.Article) error {
		items = append(items, source.Item{Article: model.Article{ExternalID: a.ID, Title: a.Title, URL: a.URL,
			Outlet: a.Outlet, Published: a.Published, Source: "corpus:" + a.ID}, Body: a.Text})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return items
}

// enqueue queues items, per jobs of size.
func enqueue(t testing.TB, q *postgres.Queue, items []source.Item, size int) []int64 {
	t.Helper()
	var ids []int64
	for i := 0; i < len(items); i += size {
		b, err := worker.EncodeItems(items[i:min(i+size, len(items))])
		if err != nil {
			t.Fatal(err)
		}
		got, err := q.Enqueue(context.Background(), worker.KindItems, b)
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, got...)
	}
	return ids
}

// baseline ingests items in one process, without faults, and returns the
// story of each article by external id.
func baseline(t *testing.T, items []source.Item) map[string]string {
	t.Helper()
	return stories(t, ingestLocal(t, items))
}

// ingestLocal ingests items in one process into a new SQLite store, with
// analysis, and returns the store, closed when the test ends.
func ingestLocal(t *testing.T, items []source.Item) *sqlite.Store {
	t.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "base.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	p, err := pipeline.Open(ctx, st, pipeline.Options{Analyzer: analyze.New()})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.Run(ctx, func(yield func(source.Item) error) error {
		for _, it := range items {
			if err := yield(it); err != nil {
				return err
			}
		}
		return nil
	}, nil); err != nil {
		t.Fatal(err)
	}
	return st
}

// stories returns the story of every stored article by external id.
func stories(t *testing.T, st storage.Reader) map[string]string {
	t.Helper()
	out := map[string]string{}
	if err := st.Articles(context.Background(), storage.ArticleFilter{}, func(a *model.Article) error {
		if _, dup := out[a.ExternalID]; dup {
			t.Errorf("article %s stored twice", a.ExternalID)
		}
		out[a.ExternalID] = fmt.Sprint(a.StoryID)
		if a.StoryID == 0 {
			t.Errorf("article %s has no story", a.ExternalID)
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return out
}

// checkStore checks that the store holds each of items once, in a story,
// that it is consistent, that every job is done, and that the stories
// match want (BCubed F1 ≥ 0.99).
func checkStore(t *testing.T, dsn string, items []source.Item, want map[string]string) {
	t.Helper()
	ctx := context.Background()
	st, err := postgres.OpenWith(ctx, dsn, postgres.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	got := stories(t, st)
	uniq := map[string]bool{}
	for _, it := range items {
		uniq[it.Article.ExternalID] = true
		if _, ok := got[it.Article.ExternalID]; !ok {
			t.Errorf("article %s was not stored", it.Article.ExternalID)
		}
	}
	if len(got) != len(uniq) {
		t.Errorf("%d articles stored, want %d", len(got), len(uniq))
	}
	problems, err := st.Check(ctx)
	if err != nil || len(problems) > 0 {
		t.Errorf("store check: %v %v", problems, err)
	}
	q, err := postgres.OpenQueue(ctx, dsn, postgres.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer q.Close()
	c, err := q.Counts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(c) != 1 || c[postgres.JobDone] == 0 {
		t.Errorf("jobs by state %v, want all done", c)
	}
	if want != nil {
		s := eval.BCubed(want, got)
		t.Logf("stories against the run without faults: BCubed P %.4f R %.4f F1 %.4f", s.Precision, s.Recall, s.F1)
		if s.F1 < 0.99 {
			t.Errorf("BCubed F1 %.4f against the run without faults, want ≥ 0.99", s.F1)
		}
	}
}

// proc is a worker process.
type proc struct {
	cmd  *exec.Cmd
	log  *bytes.Buffer
	done chan error
}

func startWorker(t testing.TB, dsn string, env ...string) *proc {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(append(os.Environ(), childEnv+"="+dsn), env...)
	p := &proc{cmd: cmd, log: &bytes.Buffer{}, done: make(chan error, 1)}
	cmd.Stdout, cmd.Stderr = io.Discard, &syncWriter{w: p.log}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { p.done <- cmd.Wait() }()
	return p
}

type syncWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (s *syncWriter) Write(b []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.w.Write(b)
}

// leader returns the pid of the process holding the store's writer lock
// (0 when none is recorded).
func leader(t *testing.T, dsn string) int {
	t.Helper()
	conn, err := pgx.Connect(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(context.Background())
	var pid int
	if err := conn.QueryRow(context.Background(), `SELECT pid FROM writer`).Scan(&pid); err != nil && err != pgx.ErrNoRows {
		t.Fatal(err)
	}
	return pid
}

// progress returns the number of jobs prepared or done, of jobs done (stored
// by the ordered steps) and of jobs. A run has ended only when every job is
// done: prepared jobs still wait for the ordered steps.
func progress(t *testing.T, q *postgres.Queue) (advanced, done, total int) {
	t.Helper()
	c, err := q.Counts(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range c {
		total += n
	}
	return c[postgres.JobDone] + c[postgres.JobPrepared], c[postgres.JobDone], total
}

// TestKillWorkers kills worker processes with SIGKILL, the one running the
// ordered steps among them, while three of them ingest one corpus, and
// starts new ones in their place: every article must be stored once, in a
// story, and the stories must match a run without faults.
func TestKillWorkers(t *testing.T) {
	dsn := pgtest.DSN(t)
	ctx := context.Background()
	items := corpus(t, 300)
	want := baseline(t, items)
	q, err := postgres.OpenQueue(ctx, dsn, postgres.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer q.Close()
	enqueue(t, q, items, 5)

	var procs []*proc
	for range 3 {
		procs = append(procs, startWorker(t, dsn))
	}
	defer func() {
		for _, p := range procs {
			p.cmd.Process.Kill()
		}
	}()
	// Kill at 15%, 30%, 45% and 60% of the jobs done: the writer-lock
	// holder (the ordered steps) and a worker chosen at random in turn.
	kills, killedLeader := 0, 0
	rng := rand.New(rand.NewPCG(1, 2))
	// A turn for the holder waits for one to hold the lock (between
	// ordered runs nobody does) for up to waitLeader.
	const waitLeader = 5 * time.Second
	var waitSince time.Time
	for kills < 4 {
		done, stored, total := progress(t, q)
		if stored == total {
			break
		}
		if done*100 < (kills+1)*15*total {
			time.Sleep(20 * time.Millisecond)
			continue
		}
		victim := -1
		if kills%2 == 0 {
			if pid := leader(t, dsn); pid != 0 {
				for i, p := range procs {
					if p.cmd.Process.Pid == pid {
						victim = i
						killedLeader++
					}
				}
			}
		}
		if victim < 0 && kills%2 == 0 {
			if waitSince.IsZero() {
				waitSince = time.Now()
			}
			if time.Since(waitSince) < waitLeader {
				time.Sleep(10 * time.Millisecond)
				continue
			}
		}
		waitSince = time.Time{}
		if victim < 0 {
			victim = rng.IntN(len(procs))
		}
		procs[victim].cmd.Process.Kill()
		<-procs[victim].done
		t.Logf("killed worker %d at %d of %d jobs done", procs[victim].cmd.Process.Pid, done, total)
		procs[victim] = startWorker(t, dsn)
		kills++
	}
	for _, p := range procs {
		if err := <-p.done; err != nil {
			t.Errorf("worker %d: %v\n%s", p.cmd.Process.Pid, err, p.log)
		}
	}
	procs = nil
	if kills < 3 || killedLeader == 0 {
		t.Errorf("%d kills, %d of the ordered-step holder: the run ended too soon to test faults", kills, killedLeader)
	}
	checkStore(t, dsn, items, want)
}

// TestOrderedStepTakeover kills the worker holding the ordered steps (the
// writer lock) in the middle of the run: another worker must take them
// over, and no batch may be clustered twice or left out, which a run that
// carries on from the state left behind would show.
func TestOrderedStepTakeover(t *testing.T) {
	dsn := pgtest.DSN(t)
	ctx := context.Background()
	items := corpus(t, 240)
	first, rest := items[:180], items[180:]
	want := baseline(t, items)
	q, err := postgres.OpenQueue(ctx, dsn, postgres.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer q.Close()
	enqueue(t, q, first, 5)
	procs := []*proc{startWorker(t, dsn), startWorker(t, dsn)}
	defer func() {
		for _, p := range procs {
			p.cmd.Process.Kill()
		}
	}()
	var killed int
	for killed == 0 {
		done, stored, total := progress(t, q)
		if stored == total {
			t.Fatal("the run ended before the ordered-step holder could be killed")
		}
		pid := leader(t, dsn)
		if done*3 < total || pid == 0 {
			time.Sleep(20 * time.Millisecond)
			continue
		}
		for _, p := range procs {
			if p.cmd.Process.Pid == pid {
				p.cmd.Process.Kill()
				<-p.done
				killed = pid
			}
		}
	}
	start := time.Now()
	for {
		if pid := leader(t, dsn); pid != 0 && pid != killed {
			t.Logf("worker %d took over the ordered steps %v after %d was killed", pid, time.Since(start).Round(time.Millisecond), killed)
			break
		}
		// The other worker may take over, finish the queue and let go
		// of the lock between two looks: every job done shows it did.
		if _, stored, total := progress(t, q); stored == total {
			t.Logf("the ordered steps were finished by another worker %v after %d was killed", time.Since(start).Round(time.Millisecond), killed)
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	for _, p := range procs {
		if p.cmd.Process.Pid == killed {
			continue
		}
		if err := <-p.done; err != nil {
			t.Errorf("worker %d: %v\n%s", p.cmd.Process.Pid, err, p.log)
		}
	}
	procs = nil
	checkStore(t, dsn, first, nil)
	// Carry on in one process from the state the workers left.
	st, err := postgres.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	p, err := pipeline.Open(ctx, st, pipeline.Options{Analyzer: analyze.New()})
	if err != nil {
		t.Fatal(err)
	}
	rep, err := p.Run(ctx, func(yield func(source.Item) error) error {
		for _, it := range rest {
			if err := yield(it); err != nil {
				return err
			}
		}
		return nil
	}, nil)
	st.Close()
	if err != nil || rep.Added != len(rest) {
		t.Fatalf("carrying on: %d of %d added, %v", rep.Added, len(rest), err)
	}
	checkStore(t, dsn, items, want)
}

// TestSameFilesTwice queues the same input twice at once, from two
// connections, for in-process workers: each article is stored once.
func TestSameFilesTwice(t *testing.T) {
	dsn := pgtest.DSN(t)
	ctx := context.Background()
	items := corpus(t, 120)
	want := baseline(t, items)
	dir := t.TempDir()
	var jl bytes.Buffer
	for _, it := range items {
		fmt.Fprintf(&jl, `{"id":%q,"title":%q,"text":%q,"outlet":%q,"published":%q}`+"\n",
			it.Article.ExternalID, it.Article.Title, it.Body, it.Article.Outlet, it.Article.Published.Format(time.RFC3339))
	}
	if err := os.WriteFile(filepath.Join(dir, "news.jsonl"), jl.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	files, errs := source.Files([]string{dir})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	var wg sync.WaitGroup
	jobs := make([][]int64, 2)
	for i := range 2 {
		wg.Go(func() {
			q, err := postgres.OpenQueue(ctx, dsn, postgres.Options{})
			if err != nil {
				t.Error(err)
				return
			}
			defer q.Close()
			rep, err := worker.Enqueue(ctx, q, &source.Reader{}, files)
			if err != nil {
				t.Error(err)
			}
			jobs[i] = rep.Jobs
		})
	}
	wg.Wait()
	for i := range 2 {
		wg.Go(func() {
			if err := worker.Run(ctx, childConfig(dsn, slog.New(slog.DiscardHandler))); err != nil {
				t.Errorf("worker %d: %v", i, err)
			}
		})
	}
	wg.Wait()
	q, err := postgres.OpenQueue(ctx, dsn, postgres.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer q.Close()
	for _, ids := range jobs {
		got, err := worker.Wait(ctx, q, ids, time.Millisecond)
		if err != nil {
			t.Fatal(err)
		}
		if p := worker.Problems(got); len(p) > 0 {
			t.Errorf("problems: %v", p)
		}
	}
	checkStore(t, dsn, items, want)
}

// TestServerRestart restarts the PostgreSQL server while two worker
// processes ingest: they must reconnect and finish the work. The server is
// one of the test's own, started in a temporary directory with the local
// PostgreSQL installation, so that the restart disturbs no other test.
func TestServerRestart(t *testing.T) {
	server, restart := privateServer(t)
	dsn, drop, err := postgres.NewSchema(context.Background(), server, "test_")
	if err != nil {
		t.Fatal(err)
	}
	defer drop(context.Background())
	ctx := context.Background()
	items := corpus(t, 240)
	want := baseline(t, items)
	q, err := postgres.OpenQueue(ctx, dsn, postgres.Options{})
	if err != nil {
		t.Fatal(err)
	}
	enqueue(t, q, items, 5)
	procs := []*proc{startWorker(t, dsn), startWorker(t, dsn)}
	defer func() {
		for _, p := range procs {
			p.cmd.Process.Kill()
		}
	}()
	for {
		done, stored, total := progress(t, q)
		if stored == total {
			t.Fatal("the run ended before the server could be restarted")
		}
		if done*4 >= total {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	q.Close()
	start := time.Now()
	restart()
	t.Logf("restarted the server in %v", time.Since(start).Round(time.Millisecond))
	start = time.Now()
	for _, p := range procs {
		if err := <-p.done; err != nil {
			t.Errorf("worker %d: %v\n%s", p.cmd.Process.Pid, err, p.log)
		}
		if !bytes.Contains(p.log.Bytes(), []byte("retrying")) && !bytes.Contains(p.log.Bytes(), []byte("taking it up again")) {
			t.Errorf("worker %d saw no failure: was the server restarted?\n%s", p.cmd.Process.Pid, p.log)
		}
	}
	procs = nil
	t.Logf("the workers finished %v after the restart", time.Since(start).Round(time.Millisecond))
	checkStore(t, dsn, items, want)
}

// privateServer starts a PostgreSQL server in a temporary directory on a
// free port (as the postgres user when running as root) and returns its
// URL and a function restarting it; the server is stopped and removed
// when t ends. It skips t when no PostgreSQL installation is found.
func privateServer(t *testing.T) (string, func()) {
	t.Helper()
	bins, _ := filepath.Glob("/usr/lib/postgresql/*/bin/initdb")
	if len(bins) == 0 {
		t.Skip("no PostgreSQL installation (/usr/lib/postgresql/*/bin/initdb) to start a server of the test's own")
	}
	bin := filepath.Dir(bins[len(bins)-1])
	dir, err := os.MkdirTemp("", "parallax-pg-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	var prefix []string
	if os.Geteuid() == 0 {
		u, err := user.Lookup("postgres")
		if err != nil {
			t.Skipf("running as root, and no postgres user to run a server as: %v", err)
		}
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		if err := os.Chown(dir, uid, gid); err != nil {
			t.Fatal(err)
		}
		prefix = []string{"runuser", "-u", "postgres", "--"}
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := l.Addr().(*net.TCPAddr).Port
	l.Close()
	data := filepath.Join(dir, "data")
	pg := func(name string, args ...string) {
		t.Helper()
		cmd := append(append(prefix[:len(prefix):len(prefix)], filepath.Join(bin, name)), args...)
		if out, err := exec.Command(cmd[0], cmd[1:]...).CombinedOutput(); err != nil {
			t.Fatalf("%s: %v\n%s", strings.Join(cmd, " "), err, out)
		}
	}
	pg("initdb", "-D", data, "--auth=trust", "--username=postgres", "--no-sync", "--no-instructions")
	opts := fmt.Sprintf("-p %d -k %s -c listen_addresses=127.0.0.1 -c fsync=off", port, dir)
	pg("pg_ctl", "-D", data, "-o", opts, "-l", filepath.Join(dir, "log"), "-w", "start")
	t.Cleanup(func() { pg("pg_ctl", "-D", data, "-m", "immediate", "-w", "stop") })
	restart := func() {
		pg("pg_ctl", "-D", data, "-o", opts, "-l", filepath.Join(dir, "log"), "-m", "fast", "-w", "restart")
	}
	return fmt.Sprintf("postgres://postgres@127.0.0.1:%d/postgres", port), restart
}

// BenchmarkWorkers measures the pages per second that one and two worker
// processes (one core each: GOMAXPROCS=1, one job at a time) ingest from
// the queue, from the first job taken to the last stored. The pages are
// the .html and .html.gz files under $PARALLAX_BENCH_HTML, or 300
// generated ones. Besides pages/s it reports the workers' CPU per page
// (all, and the busier worker's) and, when the server runs on this
// machine and its processes can be read, the server's (see serverCPU;
// only meaningful on a server of the benchmark's own).
func BenchmarkWorkers(b *testing.B) {
	ctx := context.Background()
	var pages []source.Item
	if dir := os.Getenv("PARALLAX_BENCH_HTML"); dir != "" {
		files, errs := source.Files([]string{dir})
		if len(errs) > 0 {
			b.Fatal(errs)
		}
		if err := (&source.Reader{}).ReadFiles(ctx, files, func(it source.Item) error {
			pages = append(pages, it)
			return nil
		}); err != nil {
			b.Fatal(err)
		}
	} else {
		for _, it := range corpus(b, 300) {
			a := synth.Article{ID: it.Article.ExternalID, Title: it.Article.Title, Text: it.Body, URL: it.Article.URL,
				Outlet: it.Article.Outlet, Published: it.Article.Published}
			pages = append(pages, source.Item{Article: model.Article{ExternalID: a.ID, Source: it.Article.Source}, Body: string(synth.HTML(a)), HTML: true})
		}
	}
	for _, n := range []int{1, 2} {
		b.Run(fmt.Sprintf("workers=%d", n), func(b *testing.B) {
			var cpu, busiestTotal, serverCPUTotal time.Duration
			for range b.N {
				b.StopTimer()
				dsn := pgtest.DSN(b)
				q, err := postgres.OpenQueue(ctx, dsn, postgres.Options{})
				if err != nil {
					b.Fatal(err)
				}
				enqueue(b, q, pages, worker.JobItems)
				q.Close()
				server := serverCPU(b, dsn)
				b.StartTimer()
				var procs []*proc
				var busiest time.Duration
				for range n {
					procs = append(procs, startWorker(b, dsn, "GOMAXPROCS=1", benchEnv+"=1"))
				}
				for _, p := range procs {
					if err := <-p.done; err != nil {
						b.Fatalf("worker: %v\n%s", err, p.log)
					}
					used := p.cmd.ProcessState.UserTime() + p.cmd.ProcessState.SystemTime()
					cpu += used
					busiest = max(busiest, used)
					if dir := os.Getenv(profileEnv); dir != "" {
						os.WriteFile(filepath.Join(dir, fmt.Sprintf("worker-%d.log", p.cmd.Process.Pid)), p.log.Bytes(), 0o644)
					}
				}
				b.StopTimer()
				if server != nil {
					serverCPUTotal += server()
				}
				busiestTotal += busiest
				b.StartTimer()
			}
			b.ReportMetric(float64(len(pages)*b.N)/b.Elapsed().Seconds(), "pages/s")
			b.ReportMetric(cpu.Seconds()*1000/float64(len(pages)*b.N), "worker-cpu-ms/page")
			// The busier worker's CPU: with a core each, it bounds how
			// fast the work divides between them.
			b.ReportMetric(busiestTotal.Seconds()*1000/float64(len(pages)*b.N), "busiest-worker-cpu-ms/page")
			if serverCPUTotal > 0 {
				b.ReportMetric(serverCPUTotal.Seconds()*1000/float64(len(pages)*b.N), "server-cpu-ms/page")
			}
		})
	}
}

// serverCPU returns a function reporting the CPU time the PostgreSQL
// server behind dsn used since serverCPU was called: its postmaster's and
// all its processes', the ones ended meanwhile included. It returns nil
// when the server's processes cannot be read (another machine, another
// user). The figure counts every client of the server, so it is the
// benchmark's own only on a server nobody else uses.
func serverCPU(t testing.TB, dsn string) func() time.Duration {
	t.Helper()
	conn, err := pgx.Connect(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(context.Background())
	var backend int
	if err := conn.QueryRow(context.Background(), "SELECT pg_backend_pid()").Scan(&backend); err != nil {
		t.Fatal(err)
	}
	st, err := procStat(backend)
	if err != nil {
		return nil
	}
	postmaster, err := strconv.Atoi(st[1])
	if err != nil {
		return nil
	}
	before, err := processTreeCPU(postmaster)
	if err != nil {
		return nil
	}
	return func() time.Duration {
		after, err := processTreeCPU(postmaster)
		if err != nil {
			t.Fatal(err)
		}
		return after - before
	}
}

// procStat returns the fields of /proc/PID/stat after the command name,
// from the state on (field 3 of proc(5) is index 0).
func procStat(pid int) ([]string, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return nil, err
	}
	i := bytes.LastIndexByte(b, ')')
	if i < 0 {
		return nil, fmt.Errorf("/proc/%d/stat: no command name", pid)
	}
	return strings.Fields(string(b[i+1:])), nil
}

// processTreeCPU returns the CPU time (user and system) of process pid,
// of its children ended and waited for, and of its live children.
func processTreeCPU(pid int) (time.Duration, error) {
	const clockTick = 100 // USER_HZ on Linux
	ticks := func(f []string, from, to int) (int64, error) {
		var n int64
		for i := from; i <= to; i++ {
			v, err := strconv.ParseInt(f[i], 10, 64)
			if err != nil {
				return 0, err
			}
			n += v
		}
		return n, nil
	}
	st, err := procStat(pid)
	if err != nil {
		return 0, err
	}
	total, err := ticks(st, 11, 14) // utime, stime, cutime, cstime
	if err != nil {
		return 0, err
	}
	entries, err := os.ReadDir("/proc")
	if err != nil {
		return 0, err
	}
	for _, e := range entries {
		child, err := strconv.Atoi(e.Name())
		if err != nil || child == pid {
			continue
		}
		cst, err := procStat(child)
		if err != nil || cst[1] != strconv.Itoa(pid) {
			continue // gone meanwhile, or not a child
		}
		n, err := ticks(cst, 11, 12)
		if err != nil {
			return 0, err
		}
		total += n
	}
	return time.Duration(total) * time.Second / clockTick, nil
}

// TestIdleLeavesLock checks that a worker without work leaves the store's
// writer lock to other writers (parallax ingest in its own process), and
// takes the ordered steps up again when jobs come.
func TestIdleLeavesLock(t *testing.T) {
	dsn := pgtest.DSN(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	items := corpus(t, 60)
	q, err := postgres.OpenQueue(ctx, dsn, postgres.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer q.Close()
	first := enqueue(t, q, items[:30], 5)
	cfg := childConfig(dsn, slog.New(slog.DiscardHandler))
	cfg.Drain, cfg.IdleRelease = false, 200*time.Millisecond
	done := make(chan error, 1)
	go func() { done <- worker.Run(ctx, cfg) }()
	if _, err := worker.Wait(ctx, q, first, 20*time.Millisecond); err != nil {
		t.Fatal(err)
	}
	// The worker lets the lock go: a writer of its own gets it.
	st, err := postgres.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	p, err := pipeline.Open(ctx, st, pipeline.Options{Analyzer: analyze.New()})
	if err != nil {
		t.Fatal(err)
	}
	if rep, err := p.Run(ctx, func(yield func(source.Item) error) error {
		for _, it := range items[30:45] {
			if err := yield(it); err != nil {
				return err
			}
		}
		return nil
	}, nil); err != nil || rep.Added != 15 {
		t.Fatalf("ingest beside the idle worker: %d added, %v", rep.Added, err)
	}
	st.Close()
	// Jobs again: the worker takes the ordered steps up again.
	if _, err := worker.Wait(ctx, q, enqueue(t, q, items[45:], 5), 20*time.Millisecond); err != nil {
		t.Fatal(err)
	}
	cancel()
	if err := <-done; !errors.Is(err, context.Canceled) {
		t.Errorf("worker: %v", err)
	}
	checkStore(t, dsn, items, baseline(t, items))
}

// TestBadPreparedJob gives the ordered steps a job whose prepared result
// cannot be read: after a few tries that job alone is failed with the
// reason, and the jobs around it are stored.
func TestBadPreparedJob(t *testing.T) {
	dsn := pgtest.DSN(t)
	ctx := context.Background()
	items := corpus(t, 30)
	q, err := postgres.OpenQueue(ctx, dsn, postgres.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer q.Close()
	ids := enqueue(t, q, items, 10)
	j, err := q.Claim(ctx, "test", time.Minute, 3)
	if err != nil || j == nil || j.ID != ids[0] {
		t.Fatalf("claim: %+v %v", j, err)
	}
	if err := q.Prepare(ctx, j, []byte("not a prepared job")); err != nil {
		t.Fatal(err)
	}
	if err := worker.Run(ctx, childConfig(dsn, slog.New(slog.DiscardHandler))); err != nil {
		t.Fatal(err)
	}
	jobs, err := q.Jobs(ctx, ids)
	if err != nil {
		t.Fatal(err)
	}
	if jobs[0].State != postgres.JobFailed || !strings.Contains(jobs[0].Error, "decode prepared items") {
		t.Errorf("bad job: %s, %q; want failed with the reason", jobs[0].State, jobs[0].Error)
	}
	for _, j := range jobs[1:] {
		if j.State != postgres.JobDone {
			t.Errorf("job %d: %s, want done", j.ID, j.State)
		}
	}
	st, err := postgres.OpenWith(ctx, dsn, postgres.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	got := stories(t, st)
	if len(got) != 20 {
		t.Errorf("%d articles stored, want the 20 of the good jobs", len(got))
	}
	for _, it := range items[:10] {
		if _, ok := got[it.Article.ExternalID]; ok {
			t.Errorf("article %s of the failed job was stored", it.Article.ExternalID)
		}
	}
}

// failingCommits is a store whose first commits fail with err.
type failingCommits struct {
	storage.Store
	err  error
	left *atomic.Int32
}

func (s failingCommits) Commit(ctx context.Context, b *storage.Batch) error {
	if s.left.Add(-1) >= 0 {
		return fmt.Errorf("commit: %w", s.err)
	}
	return s.Store.Commit(ctx, b)
}

// TestOrderedStepLostConnection fails the ordered step's commits several
// times in a row as a server restart does (lost connections, the server
// shutting down, the writer lock taken meanwhile by another process):
// those failures say nothing about the jobs, which must all be stored,
// none failed.
func TestOrderedStepLostConnection(t *testing.T) {
	for _, c := range []struct {
		name string
		err  error
	}{
		{"connection reset", &net.OpError{Op: "read", Net: "tcp", Err: syscall.ECONNRESET}},
		{"unexpected EOF", fmt.Errorf("failed to receive message: %w", io.ErrUnexpectedEOF)},
		{"server shutting down", &pgconn.PgError{Severity: "FATAL", Code: "57P01", Message: "terminating connection due to administrator command"}},
		{"writer lock taken", fmt.Errorf("the writer lock was lost and cannot be taken again: %w", &storage.LockedError{Path: "test", PID: 1})},
	} {
		t.Run(c.name, func(t *testing.T) {
			dsn := pgtest.DSN(t)
			ctx := context.Background()
			items := corpus(t, 20)
			q, err := postgres.OpenQueue(ctx, dsn, postgres.Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer q.Close()
			ids := enqueue(t, q, items, 10)
			cfg := childConfig(dsn, slog.New(slog.DiscardHandler))
			// More failures in a row than the default MaxAttempts (3)
			// allows for a job at fault: it is failed at the fourth.
			left := &atomic.Int32{}
			left.Store(5)
			cfg.OpenPipeline = func(ctx context.Context, st storage.Store, opts pipeline.Options) (*pipeline.Pipeline, error) {
				return pipeline.Open(ctx, failingCommits{Store: st, err: c.err, left: left}, opts)
			}
			if err := worker.Run(ctx, cfg); err != nil {
				t.Fatal(err)
			}
			if n := left.Load(); n >= 0 {
				t.Fatalf("%d injected failures left unused", n+1)
			}
			jobs, err := q.Jobs(ctx, ids)
			if err != nil {
				t.Fatal(err)
			}
			for _, j := range jobs {
				if j.State != postgres.JobDone {
					t.Errorf("job %d: %s (%s), want done", j.ID, j.State, j.Error)
				}
			}
			checkStore(t, dsn, items, nil)
		})
	}
}

// TestKeepDone checks that workers delete the jobs done longer ago than
// Config.KeepDone, keep them for a long retention, and that waiting for
// purged jobs ends.
func TestKeepDone(t *testing.T) {
	for _, c := range []struct {
		keep     time.Duration
		wantDone bool
	}{
		{time.Nanosecond, false},
		{time.Hour, true},
		{-1, true},
	} {
		t.Run(c.keep.String(), func(t *testing.T) {
			dsn := pgtest.DSN(t)
			ctx := context.Background()
			items := corpus(t, 20)
			q, err := postgres.OpenQueue(ctx, dsn, postgres.Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer q.Close()
			ids := enqueue(t, q, items, 5)
			cfg := childConfig(dsn, slog.New(slog.DiscardHandler))
			cfg.KeepDone, cfg.PurgeEvery = c.keep, 50*time.Millisecond
			if err := worker.Run(ctx, cfg); err != nil {
				t.Fatal(err)
			}
			counts, err := q.Counts(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if done := counts[postgres.JobDone] == len(ids); done != c.wantDone || len(counts) > 1 {
				t.Errorf("jobs by state after the run: %v; want all %d done kept: %v", counts, len(ids), c.wantDone)
			}
			wctx, cancel := context.WithTimeout(ctx, time.Minute)
			defer cancel()
			if _, err := worker.Wait(wctx, q, ids, 10*time.Millisecond); err != nil {
				t.Errorf("wait for the finished jobs: %v", err)
			}
			st, err := postgres.OpenWith(ctx, dsn, postgres.Options{ReadOnly: true})
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			if got := stories(t, st); len(got) != len(items) {
				t.Errorf("%d articles stored, want %d", len(got), len(items))
			}
		})
	}
}

// TestHTMLPages checks that HTML pages stored by workers, whose ordered
// step reads the pages' extraction and compressed copy without the pages
// themselves, are stored as one process stores them: the same content
// hash, text and raw page. The first job is prepared the way workers of
// the previous version did (what was prepared only, the items read from
// the payload).
func TestHTMLPages(t *testing.T) {
	dsn := pgtest.DSN(t)
	ctx := context.Background()
	var pages []source.Item
	for _, it := range corpus(t, 40) {
		a := synth.Article{ID: it.Article.ExternalID, Title: it.Article.Title, Text: it.Body, URL: it.Article.URL,
			Outlet: it.Article.Outlet, Published: it.Article.Published}
		pages = append(pages, source.Item{Article: model.Article{ExternalID: a.ID, Source: it.Article.Source}, Body: string(synth.HTML(a)), HTML: true})
	}
	pages = append(pages, source.Item{Article: model.Article{ExternalID: "empty", Source: "corpus:empty"}, Body: "<html><body></body></html>", HTML: true})
	base := ingestLocal(t, pages)

	q, err := postgres.OpenQueue(ctx, dsn, postgres.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer q.Close()
	ids := enqueue(t, q, pages, 10)
	j, err := q.Claim(ctx, "old", time.Minute, 3)
	if err != nil || j == nil || j.ID != ids[0] {
		t.Fatalf("claim: %+v %v", j, err)
	}
	var old []pipeline.Prepared
	for _, it := range pages[:10] {
		old = append(old, pipeline.PrepareAhead(ctx, it, analyze.New()))
	}
	b, err := json.Marshal(old)
	if err != nil {
		t.Fatal(err)
	}
	if err := q.Prepare(ctx, j, b); err != nil {
		t.Fatal(err)
	}
	if err := worker.Run(ctx, childConfig(dsn, slog.New(slog.DiscardHandler))); err != nil {
		t.Fatal(err)
	}
	jobs, err := worker.Wait(ctx, q, ids, time.Millisecond)
	if err != nil {
		t.Fatal(err)
	}
	probs := worker.Problems(jobs)
	if len(probs) != 1 || !strings.Contains(probs[0], "corpus:empty") {
		t.Errorf("problems %q, want the empty page's only", probs)
	}

	st, err := postgres.OpenWith(ctx, dsn, postgres.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	type stored struct {
		hash, title, text string
		page              []byte
	}
	read := func(r interface {
		storage.Reader
		storage.RawReader
	}) map[string]stored {
		out := map[string]stored{}
		byID := map[int64]string{}
		if err := r.Articles(ctx, storage.ArticleFilter{}, func(a *model.Article) error {
			out[a.ExternalID] = stored{hash: a.Hash, title: a.Title, text: a.Text}
			byID[a.ID] = a.ExternalID
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		if err := r.RawPages(ctx, slices.Collect(maps.Keys(byID)), func(rp *storage.RawPage) error {
			page, err := rp.Page()
			if err != nil {
				return err
			}
			s := out[byID[rp.ArticleID]]
			s.page = page
			out[byID[rp.ArticleID]] = s
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		return out
	}
	want, got := read(base), read(st)
	if len(want) != len(pages)-1 || len(got) != len(want) {
		t.Fatalf("%d articles stored by the workers, %d by one process, want %d", len(got), len(want), len(pages)-1)
	}
	for id, w := range want {
		g := got[id]
		if g.hash != w.hash || g.title != w.title || g.text != w.text || !bytes.Equal(g.page, w.page) {
			t.Errorf("article %s: stored by workers %q %q (%d bytes of text, %d of page), by one process %q %q (%d, %d)",
				id, g.hash, g.title, len(g.text), len(g.page), w.hash, w.title, len(w.text), len(w.page))
		}
	}
}

// childLevel is the log level of the worker processes: debug when their
// logs are kept for measuring (see profileEnv).
func childLevel() slog.Level {
	if os.Getenv(profileEnv) != "" {
		return slog.LevelDebug
	}
	return slog.LevelInfo
}
