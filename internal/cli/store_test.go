package cli

import (
	"bufio"
	"bytes"
	"context"
	"database/sql"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/storage"
	"github.com/parallax-news/parallax/internal/storage/sqlite"
)

// TestMain lets the tests start this binary again as a second process
// that holds a store's writer lock, as a writing run does, until its
// standard input closes.
func TestMain(m *testing.M) {
	if path := os.Getenv("PARALLAX_TEST_HOLD"); path != "" {
		st, err := sqlite.Open(context.Background(), path)
		if err != nil {
			os.Stderr.WriteString(err.Error() + "\n")
			os.Exit(1)
		}
		os.Stdout.WriteString("locked\n")
		bufio.NewReader(os.Stdin).ReadString('\n')
		st.Close()
		os.Exit(0)
	}
	// The later run of bench --then starts this binary as parallax.
	if len(os.Args) > 2 && os.Args[1] == "bench" && os.Args[2] == "--later-db" {
		os.Exit(Execute(context.Background(), os.Args[1:], os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

func TestReadsOnMissingStore(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "typo.db")
	for _, args := range [][]string{{"stories"}, {"story", "1"}, {"threads"}, {"entities"}, {"entity", "Kovalchuk"}, {"quotes"}, {"claims"},
		{"export", "assignments"}, {"export", "entities"}, {"check"}} {
		code, out, errs := run(t, append(args, "--db", db)...)
		if code != ExitStore || !strings.Contains(errs, "no Parallax store at "+db) || out != "" {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want exit %d and \"no Parallax store at %s\"", args, code, out, errs, ExitStore, db)
		}
		if _, err := os.Stat(db); err == nil {
			t.Fatalf("%v created %s", args, db)
		}
	}
}

func TestOtherDatabaseIsRefusedUntouched(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "app.sqlite")
	h, err := sql.Open("sqlite", db)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := h.Exec(`CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO users(name) VALUES ('ada')`); err != nil {
		t.Fatal(err)
	}
	h.Close()
	before, _ := os.ReadFile(db)
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte("Bridge opens\nThe new bridge in Osterby opened on Monday.\n"), 0o644)
	for _, args := range [][]string{{"ingest", filepath.Join(dir, "a.txt")}, {"stories"}, {"entities"}} {
		code, _, errs := run(t, append(args, "--db", db)...)
		if code != ExitStore || !strings.Contains(errs, "another program") {
			t.Errorf("%v on another program's database: exit %d, %s", args, code, errs)
		}
	}
	if after, _ := os.ReadFile(db); !bytes.Equal(before, after) {
		t.Error("the other database was modified")
	}
}

func TestVersionAndFlags(t *testing.T) {
	code, out, _ := run(t, "--version")
	if code != 0 || !strings.HasPrefix(out, "parallax version ") {
		t.Errorf("--version: exit %d, %q", code, out)
	}
	// bench and eval use stores of their own: they have no --db.
	for _, args := range [][]string{{"bench", "--db", "x.db"}, {"eval", "clusters", "--db", "x.db", "gold.jsonl"}} {
		if code, _, errs := run(t, args...); code != ExitUsage || !strings.Contains(errs, "unknown flag: --db") {
			t.Errorf("%v: exit %d, %s", args, code, errs)
		}
	}
	if code, _, _ := run(t, "stories", "--limit", "x"); code != ExitUsage {
		t.Errorf("bad flag value: exit %d, want %d", code, ExitUsage)
	}
	if code, _, _ := run(t, "story"); code != ExitUsage {
		t.Errorf("missing argument: exit %d, want %d", code, ExitUsage)
	}
}

func TestSpeakerLookupMatchesEntity(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	if code, _, errs := run(t, "ingest", "-q", "--db", db, "../../examples"); code != 0 {
		t.Fatalf("ingest: %s", errs)
	}
	_, ent, _ := run(t, "entity", "Kovalchuk", "--db", db)
	canon, _, _ := strings.Cut(ent, " (")
	var want []string
	for _, l := range strings.Split(ent, "\n") {
		if strings.HasPrefix(l, "  [") {
			want = append(want, l)
		}
	}
	if len(want) == 0 {
		t.Fatalf("entity Kovalchuk lists no quotes:\n%s", ent)
	}
	// Surname, full name, another case: the same quotes.
	for _, name := range []string{"Kovalchuk", canon, strings.ToUpper(canon)} {
		code, out, errs := run(t, "quotes", "--speaker", name, "--db", db)
		if n := strings.Count(out, "“"); code != 0 || n != len(want) || strings.Count(out, canon) != n {
			t.Errorf("quotes --speaker %q: exit %d, %d quotes by %s, want %d\n%s%s", name, code, n, canon, len(want), out, errs)
		}
	}
	if code, _, errs := run(t, "quotes", "--speaker", "Nobody Atall", "--db", db); code != ExitFailure || !strings.Contains(errs, "no entity named") {
		t.Errorf("unknown speaker: exit %d, %s", code, errs)
	}
	// Paging: two pages of quotes are the whole list.
	_, all, _ := run(t, "quotes", "--db", db)
	_, p1, e1 := run(t, "quotes", "--limit", "3", "--db", db)
	after := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(e1), "more: --after"))
	_, p2, _ := run(t, "quotes", "--after", after, "--db", db)
	if p1+p2 != all || strings.Count(p1, "“") != 3 {
		t.Errorf("pages of quotes do not add up: %d + %d of %d (cursor %q)", len(p1), len(p2), len(all), after)
	}
}

func TestStaleAnalysisIsReported(t *testing.T) {
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "x.db")
	if code, _, errs := run(t, "ingest", "-q", "--db", db, "../../examples/news"); code != 0 {
		t.Fatalf("ingest: %s", errs)
	}
	// Mark the stored analysis as another version's.
	st, err := sqlite.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Commit(ctx, &storage.Batch{State: map[string][]byte{"analysis.version": []byte("analyze-0")}}); err != nil {
		t.Fatal(err)
	}
	st.Close()
	code, _, errs := run(t, "entities", "--db", db)
	if code != ExitStore || !strings.Contains(errs, "stale") || !strings.Contains(errs, "parallax reanalyze --db "+db) {
		t.Errorf("entities on a stale store: exit %d, %s", code, errs)
	}
	// Stories do not depend on the analysis.
	if code, _, _ := run(t, "stories", "--db", db); code != 0 {
		t.Errorf("stories on a stale store: exit %d", code)
	}
	if code, _, errs := run(t, "reanalyze", "-q", "--db", db); code != 0 {
		t.Fatalf("reanalyze: exit %d, %s", code, errs)
	}
	if code, out, errs := run(t, "entities", "--db", db); code != 0 || !strings.Contains(out, "Kovalchuk") {
		t.Errorf("entities after reanalyze: exit %d, %s%s", code, out, errs)
	}
}

func TestCheckAndRepair(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	if code, _, errs := run(t, "ingest", "-q", "--db", db, "../../examples"); code != 0 {
		t.Fatalf("ingest: %s", errs)
	}
	_, before, _ := run(t, "export", "assignments", "--db", db)
	_, quotes, _ := run(t, "export", "quotes", "--db", db)
	if code, out, errs := run(t, "check", "--db", db); code != 0 || !strings.Contains(out, "no damage found") {
		t.Errorf("check: exit %d, %s%s", code, out, errs)
	}
	if code, out, errs := run(t, "repair", "-q", "--db", db); code != 0 || !strings.Contains(out, "repaired") {
		t.Fatalf("repair: exit %d, %s%s", code, out, errs)
	}
	_, after, _ := run(t, "export", "assignments", "--db", db)
	_, quotes2, _ := run(t, "export", "quotes", "--db", db)
	if before != after || quotes != quotes2 {
		t.Errorf("repair changed a sound store:\n%s\n%s", before, after)
	}
}

// TestOneWriter runs a second real process that holds the store's writer
// lock: a writer with --no-wait fails at once naming its pid, a writer
// without waits and says so, and readers never wait.
func TestOneWriter(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "x.db")
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte("Bridge opens\nThe new bridge in Osterby opened on Monday after two years of work.\n"), 0o644)
	if code, _, errs := run(t, "ingest", "-q", "--db", db, filepath.Join(dir, "a.txt")); code != 0 {
		t.Fatalf("ingest: %s", errs)
	}
	holder := exec.Command(os.Args[0])
	holder.Env = append(os.Environ(), "PARALLAX_TEST_HOLD="+db)
	stdin, _ := holder.StdinPipe()
	stdout, _ := holder.StdoutPipe()
	holder.Stderr = os.Stderr
	if err := holder.Start(); err != nil {
		t.Fatal(err)
	}
	defer holder.Wait()
	defer stdin.Close()
	if line, _ := bufio.NewReader(stdout).ReadString('\n'); line != "locked\n" {
		t.Fatalf("holder said %q", line)
	}
	pid := strconv.Itoa(holder.Process.Pid)

	start := time.Now()
	code, _, errs := run(t, "ingest", "--no-wait", "-q", "--db", db, filepath.Join(dir, "a.txt"))
	if want := "another parallax process (pid " + pid + ") is writing to " + db; code != ExitStore || !strings.Contains(errs, want) {
		t.Errorf("--no-wait: exit %d, %q; want %q", code, errs, want)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("--no-wait took %v", d)
	}
	if code, out, _ := run(t, "stories", "--db", db); code != 0 || !strings.Contains(out, "Bridge opens") {
		t.Errorf("a reader while another process writes: exit %d, %q", code, out)
	}

	// A writer that waits says so, and goes on when the lock is freed.
	var mu sync.Mutex
	var errb bytes.Buffer
	w := &lockedWriter{mu: &mu, w: &errb}
	done := make(chan int)
	go func() {
		done <- Execute(context.Background(), []string{"ingest", "-q", "--db", db, filepath.Join(dir, "a.txt")}, &bytes.Buffer{}, w)
	}()
	want := "waiting for another parallax process (pid " + pid + ") writing to " + db
	for deadline := time.Now().Add(20 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		mu.Lock()
		s := errb.String()
		mu.Unlock()
		if strings.Contains(s, want) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the waiting writer did not say %q: %q", want, s)
		}
	}
	select {
	case code := <-done:
		t.Fatalf("the waiting writer finished (exit %d) while the lock was held", code)
	default:
	}
	stdin.Close()
	if code := <-done; code != 0 {
		mu.Lock()
		t.Errorf("the waiting writer: exit %d, %s", code, errb.String())
		mu.Unlock()
	}
}

type lockedWriter struct {
	mu *sync.Mutex
	w  *bytes.Buffer
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}
