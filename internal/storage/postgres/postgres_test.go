package postgres_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/parallax-news/parallax/internal/model"
	"github.com/parallax-news/parallax/internal/storage"
	"github.com/parallax-news/parallax/internal/storage/postgres"
	"github.com/parallax-news/parallax/internal/storage/postgres/pgtest"
)

func TestIsURL(t *testing.T) {
	for s, want := range map[string]bool{
		"postgres://u@h/db": true, "postgresql://h/db?sslmode=disable": true,
		"parallax.db": false, "/tmp/postgres://x": false, "": false, "mysql://h/db": false,
	} {
		if got := postgres.IsURL(s); got != want {
			t.Errorf("postgres.IsURL(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestRedact(t *testing.T) {
	got := postgres.Redact("postgres://ann:secret@db.example:5432/news?sslmode=require")
	if got != "postgres://ann:xxxxx@db.example:5432/news?sslmode=require" {
		t.Errorf("redact = %q", got)
	}
}

func TestOneWriter(t *testing.T) {
	ctx := context.Background()
	dsn := pgtest.DSN(t)
	first, err := postgres.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	// A second writer that will not wait learns who holds the lock.
	_, err = postgres.OpenWith(ctx, dsn, postgres.Options{NoWait: true})
	var le *storage.LockedError
	if !errors.As(err, &le) {
		t.Fatalf("second writer: err = %v, want a LockedError", err)
	}
	host, _ := os.Hostname()
	if le.PID != os.Getpid() || le.Host != host {
		t.Errorf("holder = pid %d on %q, want pid %d on %q", le.PID, le.Host, os.Getpid(), host)
	}
	// A waiting writer is told once, and gets the lock when the first
	// one closes.
	var mu sync.Mutex
	told := 0
	done := make(chan error, 1)
	go func() {
		s, err := postgres.OpenWith(ctx, dsn, postgres.Options{OnWait: func(*storage.LockedError) { mu.Lock(); told++; mu.Unlock() }})
		if err == nil {
			err = s.Close()
		}
		done <- err
	}()
	time.Sleep(600 * time.Millisecond)
	select {
	case err := <-done:
		t.Fatalf("second writer opened while the first held the lock: %v", err)
	default:
	}
	// Readers do not wait.
	r, err := postgres.OpenWith(ctx, dsn, postgres.Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("reader while a writer holds the lock: %v", err)
	}
	r.Close()
	first.Close()
	if err := <-done; err != nil {
		t.Fatalf("waiting writer: %v", err)
	}
	if told != 1 {
		t.Errorf("OnWait called %d times, want 1", told)
	}
	// A cancelled wait gives up.
	openStore(t, dsn) // holds the writer lock until the test ends
	cctx, cancel := context.WithTimeout(ctx, 300*time.Millisecond)
	defer cancel()
	if _, err := postgres.OpenWith(cctx, dsn, postgres.Options{}); err == nil {
		t.Error("a writer whose context ends while waiting: want an error")
	}
}

func TestReadOnly(t *testing.T) {
	ctx := context.Background()
	dsn := pgtest.DSN(t)
	if _, err := postgres.OpenWith(ctx, dsn, postgres.Options{ReadOnly: true}); !errors.Is(err, storage.ErrNoStore) {
		t.Fatalf("reading an empty schema: err = %v, want ErrNoStore", err)
	}
	w, err := postgres.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Commit(ctx, &storage.Batch{Articles: []*model.Article{{ID: 1, ExternalID: "a", Hash: "h", Text: "t", StoryID: 1}}}); err != nil {
		t.Fatal(err)
	}
	w.Close()
	r, err := postgres.OpenWith(ctx, dsn, postgres.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if c, err := r.Counts(ctx); err != nil || c.Articles != 1 {
		t.Errorf("Counts = %+v, %v", c, err)
	}
	if err := r.Commit(ctx, &storage.Batch{}); !errors.Is(err, storage.ErrReadOnly) {
		t.Errorf("Commit on a reader: err = %v, want ErrReadOnly", err)
	}
	if _, err := r.ReserveArticleIDs(ctx, 1); !errors.Is(err, storage.ErrReadOnly) {
		t.Errorf("ReserveArticleIDs on a reader: err = %v, want ErrReadOnly", err)
	}
	// Reopening for writing keeps everything and migrates nothing twice.
	w2 := openStore(t, dsn)
	if next, err := w2.ReserveArticleIDs(ctx, 1); err != nil || next != 2 {
		t.Errorf("next id after reopen = %d, %v; want 2", next, err)
	}
}

func TestMissingSchema(t *testing.T) {
	dsn, err := postgres.WithSchema(pgtest.DSN(t), "no_such_schema_here")
	if err != nil {
		t.Fatal(err)
	}
	for _, ro := range []bool{false, true} {
		_, err := postgres.OpenWith(context.Background(), dsn, postgres.Options{ReadOnly: ro})
		if !errors.Is(err, storage.ErrNoStore) {
			t.Errorf("read-only %v on a missing schema: err = %v, want ErrNoStore", ro, err)
		}
	}
}

func TestForeignSchemaUntouched(t *testing.T) {
	ctx := context.Background()
	dsn := pgtest.DSN(t)
	conn := connect(t, dsn)
	if _, err := conn.Exec(ctx, `CREATE TABLE invoices (id int)`); err != nil {
		t.Fatal(err)
	}
	for _, ro := range []bool{false, true} {
		if _, err := postgres.OpenWith(ctx, dsn, postgres.Options{ReadOnly: ro, NoWait: true}); !errors.Is(err, storage.ErrNotParallax) {
			t.Errorf("read-only %v: err = %v, want ErrNotParallax", ro, err)
		}
	}
	var n int
	if err := conn.QueryRow(ctx, `SELECT COUNT(*) FROM pg_tables WHERE schemaname = current_schema()`).Scan(&n); err != nil || n != 1 {
		t.Errorf("tables in the foreign schema: %d, %v; want 1", n, err)
	}
}

func TestConcurrentMigrations(t *testing.T) {
	ctx := context.Background()
	dsn := pgtest.DSN(t)
	const n = 4
	errs := make(chan error, n)
	for range n {
		go func() {
			conn, err := pgx.Connect(ctx, dsn)
			if err != nil {
				errs <- err
				return
			}
			defer conn.Close(ctx)
			errs <- postgres.Migrate(ctx, conn)
		}()
	}
	for range n {
		if err := <-errs; err != nil {
			t.Errorf("concurrent migrate: %v", err)
		}
	}
	conn := connect(t, dsn)
	var versions int
	if err := conn.QueryRow(ctx, `SELECT COUNT(*) FROM schema_migrations`).Scan(&versions); err != nil || versions != postgres.SchemaVersion() {
		t.Errorf("schema_migrations rows = %d, %v; want %d", versions, err, postgres.SchemaVersion())
	}
}

func TestCheckAndRebuild(t *testing.T) {
	ctx := context.Background()
	dsn := pgtest.DSN(t)
	s := openStore(t, dsn)
	arts := []*model.Article{
		{ID: 1, ExternalID: "a", Hash: "h1", Title: "One", Text: "t", StoryID: 1},
		{ID: 2, ExternalID: "b", Hash: "h2", Title: "Two", Text: "t", StoryID: 1, DuplicateOf: 1},
	}
	if err := s.Commit(ctx, &storage.Batch{Articles: arts}); err != nil {
		t.Fatal(err)
	}
	if problems, err := s.Check(ctx); err != nil || len(problems) != 0 {
		t.Fatalf("Check on a sound store = %v, %v", problems, err)
	}
	conn := connect(t, dsn)
	if _, err := conn.Exec(ctx, `UPDATE stories SET articles = 5, headline = 'x'; INSERT INTO articles(id, external_id, hash, title, story_id, duplicate_of) VALUES (3, 'c', 'h3', 'Orphaned', 0, 9);
		INSERT INTO article_search(id, fts) VALUES (7, to_tsvector('simple', 'lost'));
		INSERT INTO entities(id, name, type) VALUES (5, 'Orla Venn', 'person'); INSERT INTO entity_search(id, fts) VALUES (8, to_tsvector('simple', 'gone'))`); err != nil {
		t.Fatal(err)
	}
	problems, err := s.Check(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"1 articles without a story", "1 stories whose article count is wrong", "1 near-copies of a missing article", "1 articles without a search vector", "1 entities without a search vector"}
	if len(problems) != len(want) {
		t.Fatalf("Check = %q, want %q", problems, want)
	}
	for i := range want {
		if problems[i] != want[i] {
			t.Errorf("Check[%d] = %q, want %q", i, problems[i], want[i])
		}
	}
	if err := s.Rebuild(ctx); err != nil {
		t.Fatal(err)
	}
	st, err := s.Story(ctx, 1)
	if err != nil || st.Articles != 2 || st.Headline != "One" {
		t.Errorf("story 1 after Rebuild = %+v, %v", st, err)
	}
	if problems, err := s.Check(ctx); err != nil || len(problems) != 2 {
		t.Errorf("Check after Rebuild = %q, %v; want the article without a story and the near-copy of a missing article", problems, err)
	}
	hits, _, err := s.Search(ctx, storage.SearchFilter{Query: "orphaned"})
	if err != nil || len(hits) != 1 || hits[0].Article.ID != 3 {
		t.Errorf("search for the article given its vector by Rebuild = %+v, %v", hits, err)
	}
	var orphans int
	if err := conn.QueryRow(ctx, `SELECT COUNT(*) FROM article_search WHERE id = 7`).Scan(&orphans); err != nil || orphans != 0 {
		t.Errorf("vectors of no article after Rebuild = %d, %v; want 0", orphans, err)
	}
	hits, _, err = s.Search(ctx, storage.SearchFilter{Query: "venn", Kind: storage.SearchEntities})
	if err != nil || len(hits) != 1 || hits[0].Entity.ID != 5 {
		t.Errorf("search for the entity given its vector by Rebuild = %+v, %v", hits, err)
	}
	if err := conn.QueryRow(ctx, `SELECT COUNT(*) FROM entity_search WHERE id = 8`).Scan(&orphans); err != nil || orphans != 0 {
		t.Errorf("vectors of no entity after Rebuild = %d, %v; want 0", orphans, err)
	}
}

func TestLostWriterLock(t *testing.T) {
	ctx := context.Background()
	dsn := pgtest.DSN(t)
	s := openStore(t, dsn)
	admin := connect(t, dsn)
	kill := func() {
		t.Helper()
		if _, err := admin.Exec(ctx, `SELECT pg_terminate_backend($1)`, int64(postgres.LockBackend(s))); err != nil {
			t.Fatal(err)
		}
		time.Sleep(100 * time.Millisecond)
	}
	batch := func(id int64) *storage.Batch {
		return &storage.Batch{Articles: []*model.Article{{ID: id, ExternalID: fmt.Sprint(id), Hash: fmt.Sprint(id), Text: "t", StoryID: id}}}
	}
	// The lock's connection ends (as when the server restarts): the next
	// batch takes the lock again and is stored.
	kill()
	if err := s.Commit(ctx, batch(1)); err != nil {
		t.Fatalf("commit after the lock's connection ended: %v", err)
	}
	if _, err := postgres.OpenWith(ctx, dsn, postgres.Options{NoWait: true}); err == nil {
		t.Fatal("the lock was not taken again")
	}
	// Another writer takes the lock while it is free: the first one must
	// not write any more.
	kill()
	other, err := postgres.OpenWith(ctx, dsn, postgres.Options{NoWait: true})
	if err != nil {
		t.Fatalf("a second writer while the lock was free: %v", err)
	}
	defer other.Close()
	var le *storage.LockedError
	if err := s.Commit(ctx, batch(2)); !errors.As(err, &le) {
		t.Errorf("commit after another writer took the lock: err = %v, want a LockedError", err)
	}
	if err := other.Commit(ctx, batch(3)); err != nil {
		t.Errorf("the new holder's commit: %v", err)
	}
}

// TestPrefixEnd checks the upper bound of the names starting with a
// prefix: every name starting with it sorts in [prefix, end) in byte
// order, and no other name does.
func TestPrefixEnd(t *testing.T) {
	for _, c := range []struct {
		p, want string
		ok      bool
	}{
		{"", "", false},
		{"entity.node/", "entity.node0", true},
		{"a\x7f", "a\u0080", true},
		{"é", "ê", true},
		{"x\uD7FF", "x\uE000", true},
		{"x\U0010FFFF", "y", true},
		{"\U0010FFFF\U0010FFFF", "", false},
	} {
		got, ok := postgres.PrefixEnd(c.p)
		if got != c.want || ok != c.ok {
			t.Errorf("PrefixEnd(%q) = %q, %v; want %q, %v", c.p, got, ok, c.want, c.ok)
		}
	}
	names := []string{"", "a", "a\x7f", "a\u0080", "ab", "é", "é\U0010FFFF", "ê", "x\uD7FF", "x\uD7FFz", "x\uE000", "x\U0010FFFF", "x\U0010FFFFa", "y"}
	for _, p := range names {
		end, ok := postgres.PrefixEnd(p)
		for _, n := range names {
			in := n >= p && (!ok || n < end)
			if in != strings.HasPrefix(n, p) {
				t.Errorf("prefix %q, end %q: name %q in the range: %v, starts with the prefix: %v", p, end, n, in, !in)
			}
		}
	}
}

// TestFoldAccents checks that the server's fold_accents, with its fast
// path for plain text, folds as the decomposition it replaces and as the
// Go folding that unfolds snippets.
func TestFoldAccents(t *testing.T) {
	ctx := context.Background()
	conn := connect(t, pgtest.DSN(t))
	if err := postgres.Migrate(ctx, conn); err != nil {
		t.Fatal(err)
	}
	for _, in := range []string{
		"plain words, 12.5% more\tand a line\nbreak",
		"“Curly” quotes — and dashes – ‘here’…",
		"¿Qué? São Paulo and Zoë Ångström",
		"Sa\u0303o, decomposed",
		"한국어 and Ωhm and \u2000 en quad",
		"¡Hola! ¼ ½ « » © ®",
		"",
	} {
		var got, old string
		err := conn.QueryRow(ctx, `SELECT fold_accents($1), regexp_replace(normalize($1, NFD), '[`+string(rune(0x300))+`-`+string(rune(0x36F))+`]', '', 'g')`, in).Scan(&got, &old)
		if err != nil {
			t.Fatal(err)
		}
		if got != old || got != postgres.Fold(in) {
			t.Errorf("fold_accents(%q) = %q; decomposed %q, Go %q", in, got, old, postgres.Fold(in))
		}
	}
	// A null text folds to null, and the server inlines the function:
	// its plan shows the body's expression, not a call.
	var null *string
	if err := conn.QueryRow(ctx, `SELECT fold_accents(NULL::text)`).Scan(&null); err != nil || null != nil {
		t.Errorf("fold_accents(NULL) = %v, %v; want NULL", null, err)
	}
	for _, q := range []string{
		`SELECT fold_accents(name) FROM entities`,
		`SELECT to_tsvector('simple', fold_accents(left(name, 200000))) FROM entities`,
	} {
		rows, err := conn.Query(ctx, `EXPLAIN VERBOSE `+q)
		if err != nil {
			t.Fatal(err)
		}
		var plan strings.Builder
		for rows.Next() {
			var line string
			if err := rows.Scan(&line); err != nil {
				t.Fatal(err)
			}
			plan.WriteString(line + "\n")
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(plan.String(), "fold_accents") {
			t.Errorf("fold_accents is not inlined in %s:\n%s", q, plan.String())
		}
	}
}

// TestArticleSearchMigration stores articles and quotes at the schema
// before their search vectors had tables of their own and checks that
// after the migration they are found as before, and that new articles,
// edits, new quotes and re-analysed ones are too; entities are found
// as before, counted, renamed and dropped.
func TestArticleSearchMigration(t *testing.T) {
	ctx := context.Background()
	dsn := pgtest.DSN(t)
	conn := connect(t, dsn)
	if err := postgres.MigrateTo(ctx, conn, postgres.BeforeArticleSearch()); err != nil {
		t.Fatal(err)
	}
	if _, err := conn.Exec(ctx, `INSERT INTO articles(id, external_id, hash, title, body, story_id) VALUES
		(1, 'a', 'h1', 'Harbour talks in Velmora', 'The ministers met at the café on the quay.', 1),
		(2, 'b', 'h2', 'Grain prices', 'Farmers in Ostrava sold early.', 2);
		INSERT INTO quotes(article_id, seq, start_at, end_at, text, kind, speaker) VALUES
		(1, 0, 0, 10, 'The harbour stays open', 'direct', 'Ilse Brandvik'),
		(2, 0, 0, 10, 'Prices will hold', 'direct', 'Tomas Quell');
		INSERT INTO entities(id, name, type, mentions, aliases) VALUES
		(1, 'Ilse Brandvik', 'person', 3, '["I. Brandvik"]'), (2, 'Velmora Port Board', 'organization', 2, '[]')`); err != nil {
		t.Fatal(err)
	}
	s := openStore(t, dsn)
	if err := s.Commit(ctx, &storage.Batch{
		Articles: []*model.Article{{ID: 3, ExternalID: "c", Hash: "h3", Title: "Quay reopens", Text: "The cafe reopened on Monday.", StoryID: 1}},
		Updates:  []*model.Article{{ID: 2, ExternalID: "b", Title: "Grain prices fall", Text: "Farmers in Brno sold late."}},
		Analysis: []storage.Analysis{
			{Analysis: model.Analysis{ArticleID: 2, Quotes: []model.Quote{{Text: "Prices will fall", Kind: "direct", Speaker: "Tomas Quell"}}}},
			{Analysis: model.Analysis{ArticleID: 3, Quotes: []model.Quote{{Text: "The quay is ours again", Kind: "direct", Speaker: "Ilse Brandvik"}, {Text: "Open all night", Kind: "direct", Speaker: "Ada Pell"}}}},
		},
	}); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		query string
		want  []int64
	}{
		{"velmora", []int64{1}},
		{"cafe", []int64{1, 3}},
		{"café", []int64{1, 3}},
		{"quay", []int64{1, 3}},
		{"ostrava", nil},
		{"brno", []int64{2}},
		{"grain fall", []int64{2}},
	} {
		hits, _, err := s.Search(ctx, storage.SearchFilter{Query: c.query})
		if err != nil {
			t.Fatalf("search %q: %v", c.query, err)
		}
		var got []int64
		for _, h := range hits {
			got = append(got, h.Article.ID)
		}
		slices.Sort(got)
		if !slices.Equal(got, c.want) {
			t.Errorf("search %q = %v, want %v", c.query, got, c.want)
		}
	}
	for _, c := range []struct {
		query string
		want  []string
	}{
		{"harbour", []string{"1/0"}},
		{"brandvik", []string{"1/0", "3/0"}},
		{"hold", nil},
		{"prices fall", []string{"2/0"}},
		{"pell night", []string{"3/1"}},
	} {
		hits, _, err := s.Search(ctx, storage.SearchFilter{Query: c.query, Kind: storage.SearchQuotes})
		if err != nil {
			t.Fatalf("search quotes %q: %v", c.query, err)
		}
		var got []string
		for _, h := range hits {
			got = append(got, fmt.Sprintf("%d/%d", h.Quote.ArticleID, h.Quote.Seq))
		}
		slices.Sort(got)
		if !slices.Equal(got, c.want) {
			t.Errorf("search quotes %q = %v, want %v", c.query, got, c.want)
		}
	}
	entities := func(when string, want map[string][]int64) {
		t.Helper()
		for query, w := range want {
			hits, _, err := s.Search(ctx, storage.SearchFilter{Query: query, Kind: storage.SearchEntities})
			if err != nil {
				t.Fatalf("%s: search entities %q: %v", when, query, err)
			}
			var got []int64
			for _, h := range hits {
				got = append(got, h.Entity.ID)
			}
			slices.Sort(got)
			if !slices.Equal(got, w) {
				t.Errorf("%s: search entities %q = %v, want %v", when, query, got, w)
			}
		}
	}
	entities("migrated", map[string][]int64{"brandvik": {1}, "velmora board": {2}, "quell": nil})
	row := func(id int64, name string, mentions int, aliases ...string) storage.EntityRow {
		return storage.EntityRow{Entity: model.Entity{ID: id, Canonical: name, Type: model.EntityType("person"), Aliases: aliases, Mentions: mentions}, Digest: fmt.Sprint(name, mentions)}
	}
	if err := s.Commit(ctx, &storage.Batch{ReadModel: storage.ReadModel{Entities: []storage.EntityRow{
		row(1, "Ilse Brandvik", 9, "I. Brandvik"), row(3, "Tomas Quell", 1),
	}}}); err != nil {
		t.Fatal(err)
	}
	entities("counted", map[string][]int64{"brandvik": {1}, "quell": {3}})
	// A count-only update leaves the entity's search vector as it was.
	var before, after string
	if err := conn.QueryRow(ctx, `SELECT xmin::text FROM entity_search WHERE id = 3`).Scan(&before); err != nil {
		t.Fatal(err)
	}
	if err := s.Commit(ctx, &storage.Batch{ReadModel: storage.ReadModel{Entities: []storage.EntityRow{row(3, "Tomas Quell", 2)}}}); err != nil {
		t.Fatal(err)
	}
	if err := conn.QueryRow(ctx, `SELECT xmin::text FROM entity_search WHERE id = 3`).Scan(&after); err != nil || after != before {
		t.Errorf("entity 3's search vector after a count-only update written by %s, %v; want unchanged (%s)", after, err, before)
	}
	if e, err := s.Entity(ctx, 3); err != nil || e.Mentions != 2 {
		t.Errorf("entity 3 after a count-only update = %+v, %v; want 2 mentions", e, err)
	}
	if err := s.Commit(ctx, &storage.Batch{ReadModel: storage.ReadModel{
		Entities:     []storage.EntityRow{row(1, "Ilse Brandvik-Orr", 10, "I. Brandvik")},
		DropEntities: []int64{2},
	}}); err != nil {
		t.Fatal(err)
	}
	entities("renamed", map[string][]int64{"orr": {1}, "brandvik": {1}, "velmora": nil})
	var differ int
	if err := conn.QueryRow(ctx, `SELECT COUNT(*) FROM entity_search s JOIN entities e ON e.id = s.id
		WHERE s.fts != setweight(to_tsvector('simple', fold_accents(e.name)), 'A') || setweight(to_tsvector('simple', fold_accents(e.aliases)), 'B')`).Scan(&differ); err != nil || differ != 0 {
		t.Errorf("entity vectors unlike the server's own = %d, %v; want 0", differ, err)
	}
	var cols int
	if err := conn.QueryRow(ctx, `SELECT COUNT(*) FROM information_schema.columns WHERE table_schema = current_schema() AND table_name IN ('articles', 'quotes', 'entities') AND column_name = 'fts'`).Scan(&cols); err != nil || cols != 0 {
		t.Errorf("fts columns of articles, quotes and entities after the migration = %d, %v; want 0", cols, err)
	}
	if problems, err := s.Check(ctx); err != nil || len(problems) != 0 {
		t.Errorf("Check after the migration = %q, %v", problems, err)
	}
}

// openStore opens the store at dsn for a test, closed when the test ends.
func openStore(t *testing.T, dsn string) *postgres.Store {
	t.Helper()
	s, err := postgres.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// connect opens a plain connection to dsn for a test, closed when the
// test ends.
func connect(t *testing.T, dsn string) *pgx.Conn {
	t.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close(ctx) })
	return conn
}

// TestCompressedStorage checks that the values the client compresses
// (raw pages, the payloads of jobs and what was prepared for them) are
// stored as given, without the server compressing them again: given
// compressible data here, the server leaves it as it is.
func TestCompressedStorage(t *testing.T) {
	ctx := context.Background()
	dsn := pgtest.DSN(t)
	s := openStore(t, dsn)
	// Compressible data, to see whether the server compresses it.
	data := []byte(strings.Repeat("the harbour stays open; ", 1000))
	if err := s.Commit(ctx, &storage.Batch{
		Articles: []*model.Article{{ID: 1, ExternalID: "a", Hash: "h1", Title: "Harbour", Text: "The harbour stays open."}},
		Raw:      []storage.RawPage{{ArticleID: 1, Data: data}},
	}); err != nil {
		t.Fatal(err)
	}
	q, err := postgres.OpenQueue(ctx, dsn, postgres.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer q.Close()
	if _, err := q.Enqueue(ctx, "items", data); err != nil {
		t.Fatal(err)
	}
	j, err := q.Claim(ctx, "w", time.Minute, 3)
	if err != nil || j == nil {
		t.Fatalf("claim = %v, %v", j, err)
	}
	if err := q.Prepare(ctx, j, data); err != nil {
		t.Fatal(err)
	}
	conn := connect(t, dsn)
	for _, c := range []struct {
		query      string
		compressed bool
	}{
		{`SELECT pg_column_compression(data), length(data) FROM raw_pages`, false},
		{`SELECT pg_column_compression(prepared), length(prepared) FROM jobs`, false},
		{`SELECT pg_column_compression(payload), length(payload) FROM jobs`, false},
	} {
		var method *string
		var n int
		if err := conn.QueryRow(ctx, c.query).Scan(&method, &n); err != nil {
			t.Fatalf("%s: %v", c.query, err)
		}
		if (method != nil) != c.compressed || n != len(data) {
			t.Errorf("%s: compression %v, %d bytes; want compressed %v, %d bytes", c.query, method, n, c.compressed, len(data))
		}
	}
}
