package postgres_test

import (
	"bufio"
	"context"
	"encoding/json"
	"math/rand/v2"
	"os"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"

	"github.com/parallax-news/parallax/internal/storage/postgres"
	"github.com/parallax-news/parallax/internal/storage/postgres/pgtest"
	"github.com/parallax-news/parallax/internal/synth"
)

// TestLocalVectorReads checks which texts localVector computes itself and
// which it leaves to the server.
func TestLocalVectorReads(t *testing.T) {
	for _, c := range []struct {
		text string
		ok   bool
	}{
		{"", true},
		{"Plain words, numbers 12 and 1,500; a 10am start (really!) \"quoted\" it's 40% of $3.", true},
		{"Long-term co-op state-of-the-art ab-c1 x - y ab- cd (-cd", true},
		{"Curly ‘quotes’ “and” dashes – — and … an ellipsis, £5 at 20°", true},
		{"End of sentence.\nNext line. Last.", true},
		{"U.S. officials", false},
		{"end.The start", false},
		{"wait.. then", false},
		{"wait... then", false},
		{"1st-rate", false},
		{"x--y", false},
		{"a +5 change, 3.5 percent, -1.5, 01.01.2025, 90-day, 33-year-old, a-1, 2024-05-01", true},
		{"3.5x", false},
		{"-5.5.5", false},
		{"-5x", false},
		{"2024-05-01T10", false},
		{"1e5", false},
		{"ab-cd-1", false},
		{"a1-2", false},
		{"mail a@b.example", false},
		{"and/or", false},
		{"snake_case", false},
		{"AT&T", false},
		{"<b>tag</b>", false},
		{"Zoë Quill", false},
		{"tab\vvertical", false},
		{strings.Repeat("a", 1001), false},
		{strings.Repeat("word ", 300), false},
		{strings.Repeat("w", 1000), true},
	} {
		if _, ok := postgres.LocalVector(c.text, pgtype.TSVectorWeightA, "", pgtype.TSVectorWeightD); ok != c.ok {
			t.Errorf("LocalVector(%.40q) ok = %v, want %v", c.text, ok, c.ok)
		}
	}
}

// TestLocalVectorMatchesServer compares localVector with the server's
// expressions for articles (title A, text) and quotes (text A, speaker C)
// on hand-picked texts and on random ones made of the words and
// separators it reads and of others it must leave to the server.
func TestLocalVectorMatchesServer(t *testing.T) {
	ctx := context.Background()
	dsn := pgtest.DSN(t)
	openStore(t, dsn) // creates the schema
	conn := connect(t, dsn)

	pairs := [][2]string{
		{"Minister Quill resigns", "The minister resigned on Monday. Quill said: \"It's over.\" Quill left."},
		{"", "Only a text, no title; the title's words are none."},
		{"Title only", ""},
		{"Repeated repeated REPEATED", "repeated words repeated"},
		{"Long-term plan", "A long-term plan, a co-op and state-of-the-art x-ray-machine work."},
		{"Signs", "a +5 change, 3.5 percent, -1.5, +0000 01.01.2025, 1.2.3.4 90-day, 33-year-old, a-1-2, ab-1-cd 2024-05-01 12:30. 1,000.5 (1.5.2) 5-a-side 1.5-ab x 12-ab-1"},
		{"Numbers", "In 2024 about 1,500 people (12%) paid $30 for 10am tickets; 007 0x1f 1e5 1E5 2e e2 1a2b3c."},
		{"Marks", "‘Single’ “double” – en — em … £5 20° «guillemets» a§b a·b a•b no\u00a0break."},
		{"Hyphens", "ab- cd (-cd x - y ab -cd a-b-c-d-e-f-g-h-i-j-k-l-m"},
		{"Many", strings.Repeat("word other ", 120)},
		{"Limit", strings.Repeat("w", 1000) + " short"},
	}
	rng := rand.New(rand.NewPCG(7, 13))
	for i := range 6000 {
		safe := i%2 == 0
		pairs = append(pairs, [2]string{randomText(rng, 6, safe), randomText(rng, 25, safe)})
	}
	local := compareVectors(ctx, t, conn, pairs)
	// Most random texts hold something left to the server; enough must
	// not, or the comparison says little.
	t.Logf("%d of %d vectors computed locally", local, 2*len(pairs))
	if local < len(pairs)/4 {
		t.Errorf("only %d of %d vectors computed locally", local, 2*len(pairs))
	}
}

// TestLocalVectorNews compares localVector with the server's expression on
// articles: synthetic ones (their boilerplate holds dates, times and
// signed offsets) and, when ../shared is there, real news of ECB+.
func TestLocalVectorNews(t *testing.T) {
	ctx := context.Background()
	dsn := pgtest.DSN(t)
	openStore(t, dsn) // creates the schema
	conn := connect(t, dsn)
	var pairs [][2]string
	cfg := synth.DefaultConfig()
	cfg.Articles = 1000
	err := synth.Generate(cfg, func(a synth.Article) error {
		pairs = append(pairs, [2]string{a.Title, a.Text})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if local := compareVectors(ctx, t, conn, pairs); local < len(pairs) {
		t.Errorf("%d of %d synthetic articles' vectors computed locally, want all", local/2, len(pairs))
	}
	pairs = ecbPairs(t)
	local := compareVectors(ctx, t, conn, pairs)
	t.Logf("%d of %d ECB+ articles' vectors computed locally", local/2, len(pairs))
	if local < len(pairs)/2 {
		t.Errorf("only %d of %d ECB+ articles' vectors computed locally", local/2, len(pairs))
	}
}

// ecbPairs returns the title and text of each ECB+ dev article in the
// shared data, skipping the test when they are absent.
func ecbPairs(t *testing.T) [][2]string {
	t.Helper()
	f, err := os.Open("../../../../shared/eval/ecbplus-dev.jsonl")
	if err != nil {
		t.Skipf("no ECB+ articles (%v)", err)
	}
	defer f.Close()
	var pairs [][2]string
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var a struct{ Title, Text string }
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			t.Fatal(err)
		}
		pairs = append(pairs, [2]string{a.Title, a.Text})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return pairs
}

// compareVectors checks, for each pair of texts that localVector reads,
// that its vector is the server's for an article (title A, text) and a
// quote (text A, speaker C), and returns how many vectors it compared.
func compareVectors(ctx context.Context, t *testing.T, conn *pgx.Conn, pairs [][2]string) int {
	t.Helper()
	var local int
	for start := 0; start < len(pairs); start += 500 {
		end := min(start+500, len(pairs))
		var as, bs []string
		var vecs []pgtype.TSVector
		var idx []int
		for i, p := range pairs[start:end] {
			for _, w := range []pgtype.TSVectorWeight{pgtype.TSVectorWeightD, pgtype.TSVectorWeightC} {
				v, ok := postgres.LocalVector(p[0], pgtype.TSVectorWeightA, p[1], w)
				if !ok {
					continue
				}
				local++
				as, bs, vecs, idx = append(as, p[0]), append(bs, p[1]), append(vecs, v), append(idx, start+i)
				if w == pgtype.TSVectorWeightC {
					// Quotes: the speaker is weighted C.
					idx[len(idx)-1] = -(start + i) - 1
				}
			}
		}
		rows, err := conn.Query(ctx, `SELECT v.n, v.mine::text, CASE WHEN v.n >= 0
				THEN setweight(to_tsvector('simple', fold_accents(v.a)), 'A') || to_tsvector('simple', fold_accents(left(v.b, 200000)))
				ELSE setweight(to_tsvector('simple', fold_accents(v.a)), 'A') || setweight(to_tsvector('simple', fold_accents(v.b)), 'C') END::text
			FROM unnest($1::int[], $2::text[], $3::text[], $4::tsvector[]) AS v(n, a, b, mine)`, idx, as, bs, vecs)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var n int
			var mine, theirs string
			if err := rows.Scan(&n, &mine, &theirs); err != nil {
				t.Fatal(err)
			}
			if mine != theirs {
				if n < 0 {
					n = -n - 1
				}
				t.Errorf("texts %.200q / %.200q:\nlocal  %.500s\nserver %.500s", pairs[n][0], pairs[n][1], mine, theirs)
			}
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
	}
	return local
}

// comparePieceVectors checks that the vectors pieceVectors computes for
// pairs, as articles and as quotes, are the server's, and returns how
// many of the 2×len(pairs) it computed.
func comparePieceVectors(ctx context.Context, t *testing.T, conn *pgx.Conn, pairs [][2]string) int {
	t.Helper()
	var computed int
	for start := 0; start < len(pairs); start += 500 {
		part := pairs[start:min(start+500, len(pairs))]
		for _, quote := range []bool{false, true} {
			vecs, ok, err := postgres.PieceVectors(ctx, conn, part, quote)
			if err != nil {
				t.Fatal(err)
			}
			var as, bs []string
			var mine []pgtype.TSVector
			var idx []int
			for i, p := range part {
				if ok[i] {
					as, bs, mine, idx = append(as, p[0]), append(bs, p[1]), append(mine, vecs[i]), append(idx, start+i)
				}
			}
			computed += len(idx)
			expr := searchExpr
			if quote {
				expr = quoteExpr
			}
			rows, err := conn.Query(ctx, `SELECT v.n, v.mine::text, (`+expr+`)::text
				FROM unnest($1::int[], $2::text[], $3::text[], $4::tsvector[]) AS v(n, a, b, mine)`, idx, as, bs, mine)
			if err != nil {
				t.Fatal(err)
			}
			for rows.Next() {
				var n int
				var m, theirs string
				if err := rows.Scan(&n, &m, &theirs); err != nil {
					t.Fatal(err)
				}
				if m != theirs {
					t.Errorf("quote %v, texts %.200q / %.300q:\nlocal  %.800s\nserver %.800s", quote, pairs[n][0], pairs[n][1], m, theirs)
				}
			}
			if err := rows.Err(); err != nil {
				t.Fatal(err)
			}
		}
	}
	return computed
}

// The server's expressions of an article's and a quote's vector over the
// texts v.a and v.b.
const (
	searchExpr = `setweight(to_tsvector('simple', fold_accents(v.a)), 'A') || to_tsvector('simple', fold_accents(left(v.b, 200000)))`
	quoteExpr  = `setweight(to_tsvector('simple', fold_accents(v.a)), 'A') || setweight(to_tsvector('simple', fold_accents(v.b)), 'C')`
)

// TestPieceVectorMatchesServer compares the vectors commits compute in
// pieces with the server's for whole texts: hand-picked texts holding
// what the server reads differently in context (abbreviations, web and
// mail addresses, paths, signs, letters beyond ASCII), random texts made
// of such pieces, and real news when ../shared is there.
func TestPieceVectorMatchesServer(t *testing.T) {
	ctx := context.Background()
	dsn := pgtest.DSN(t)
	openStore(t, dsn) // creates the schema
	conn := connect(t, dsn)
	pairs := [][2]string{
		{"U.S. officials", "The U.S. envoy met officials in Washington, D.C. on Monday. See example.com/news and http://www.example.org/a/b?c=1 or mail desk@example.net."},
		{"Paths ./a ../b", "Files ~/notes.txt /etc/hosts ./run.sh ../up and/or a/b 24/7 2017/18 ..dots ... end... (see above).."},
		{"Zoë Ørsted", "Zoë met Ørsted in Kraków; the straße is długa. Привет, мир! Γειά σου. 東京都 は 大きい。 İstanbul ǅemal"},
		{"Signs", "-5 +5 -5.5.5 1.2.3 1e5 -1e-5 v1.2 3.5x 1st-rate x--y a-1 ab-cd-1 5K-Display COVID-19/Corona"},
		{"Marks", "„Quoted“ ‚single‘ »guillemets« AT&T Q&A &amp; &#39; snake_case @handle #tag ™ € ½ → ☺️"},
		{"Edges", " leading and trailing "},
		{"Edges", "\tTabs\tand\r\nbreaks.\n"},
		{"", "-"},
		{"", "."},
		{"end.", "start."},
		{"Tags", "a <b>bold</b> tag <!-- comment --> x"},
		{"Long", strings.Repeat("U.S. ", 300)},
		{"Word", strings.Repeat("w", 2100) + " and " + strings.Repeat("é", 1100)},
	}
	rng := rand.New(rand.NewPCG(11, 17))
	for range 6000 {
		pairs = append(pairs, [2]string{randomPieces(rng, 6), randomPieces(rng, 30)})
	}
	computed := comparePieceVectors(ctx, t, conn, pairs)
	t.Logf("%d of %d random and hand-picked vectors computed in pieces", computed, 2*len(pairs))
	if computed < len(pairs) {
		t.Errorf("only %d of %d vectors computed in pieces", computed, 2*len(pairs))
	}
	pairs = ecbPairs(t)
	computed = comparePieceVectors(ctx, t, conn, pairs)
	t.Logf("%d of %d ECB+ vectors computed in pieces", computed, 2*len(pairs))
	if computed < len(pairs) {
		t.Errorf("only %d of %d ECB+ vectors computed in pieces", computed, 2*len(pairs))
	}
}

// randomPieces makes a text of at most n pieces joined by spaces, tabs
// and line breaks or by nothing: words and numbers of the kinds
// randomText makes, and pieces the server reads in context.
func randomPieces(rng *rand.Rand, n int) string {
	odd := []string{
		"U.S.", "e.g.", "example.com", "www.example.org/path", "http://example.net/a?b=c", "https://x.io", "a@b.example",
		"@name", "/", "//", "./", "../", "~/", "~", "_", "&", "&amp;", "&#38;", "a/b", "24/7", "1.2.3", "1e5", "-1e-5",
		"v2.0", ".", "..", "...", "-", "--", "+", "+-", "'", "\"", "é", "É", "ß", "ø", "ł", "Привет", "мир", "Ёлка", "Γειά",
		"東京", "。", "，", "„", "“", "‚", "»", "«", "™", "€", "½", "→", "☺", "\ufe0f", "\u0301", "İ", "ǅ", "ﬁ", "Ⅻ", "²",
		"\v", "\f", "\u00a0", "\u2009", "\u3000", ":", "//x", "x:", "#", "%", "=", "?", "!", "(", ")", "[", "]",
	}
	var b strings.Builder
	for range 1 + rng.IntN(n) {
		switch k := rng.IntN(10); {
		case k < 3:
			b.WriteString(randomWord(rng, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"))
		case k < 4:
			b.WriteString(randomWord(rng, "0123456789"))
		case k < 5:
			b.WriteString(randomWord(rng, "abcdeEx0123456789-."))
		default:
			b.WriteString(odd[rng.IntN(len(odd))])
		}
		switch k := rng.IntN(10); {
		case k < 5:
			b.WriteByte(' ')
		case k < 6:
			b.WriteString([]string{"\n", "\t", "\r\n", "  "}[rng.IntN(4)])
		}
	}
	return b.String()
}

// randomText makes a text of at most n pieces: words in mixed case,
// numbers, mixed runs and separators, and unless safe some that
// localVector always leaves to the server.
func randomText(rng *rand.Rand, n int, safe bool) string {
	plain := []string{
		" ", "\n", ", ", ". ", ".\n", "; ", ": ", "!", "?", "(", ")", "[", "]", "\"", "'", "%", "$", "*", "#", "=", "|",
		" - ", "‘", "’", "“", "”", "–", "—", "…", "\u00a0", "£", "°", "«", "»", "•", "©", "®", "\t", ".”", ".’",
	}
	// Separators whose reading depends on what is around them.
	pieces := []string{".", "..", ".", "-", "--", "+", " -", " +", ".5", "-", "-", ":"}
	if !safe {
		pieces = append(pieces, "/", "@", "_", "&", "<", ">", "é", "~", "\v", "™", "€")
	}
	var b strings.Builder
	for range 1 + rng.IntN(n) {
		switch k := rng.IntN(10); {
		case k < 4:
			b.WriteString(randomWord(rng, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"))
		case k < 6:
			b.WriteString(randomWord(rng, "0123456789"))
		case k < 7:
			b.WriteString(randomWord(rng, "abcdeEx0123456789"))
		}
		switch k := rng.IntN(10); {
		case k < 5:
			b.WriteByte(' ')
		case k < 8:
			b.WriteString(plain[rng.IntN(len(plain))])
		default:
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
	}
	return b.String()
}

func randomWord(rng *rand.Rand, alphabet string) string {
	w := make([]byte, 1+rng.IntN(7))
	for i := range w {
		w[i] = alphabet[rng.IntN(len(alphabet))]
	}
	return string(w)
}

// BenchmarkLocalVector computes the vectors of synthetic articles.
func BenchmarkLocalVector(b *testing.B) {
	var arts []synth.Article
	cfg := synth.DefaultConfig()
	cfg.Articles = 200
	if err := synth.Generate(cfg, func(a synth.Article) error { arts = append(arts, a); return nil }); err != nil {
		b.Fatal(err)
	}
	size := 0
	for _, a := range arts {
		size += len(a.Title) + len(a.Text)
	}
	b.SetBytes(int64(size))
	var v postgres.VectorBuilder
	for b.Loop() {
		for _, a := range arts {
			if _, ok := v.Vector(a.Title, pgtype.TSVectorWeightA, a.Text, pgtype.TSVectorWeightD); !ok {
				b.Fatal("not computed locally")
			}
		}
	}
}

// TestVectorProbe checks the texts a store compares with the server's
// reading before it computes vectors itself: localVector reads them, they
// hold the separators it accepts beyond ASCII, the test server agrees
// with them, and a writer opened on it computes vectors itself.
func TestVectorProbe(t *testing.T) {
	title, text := postgres.VectorProbe()
	if _, ok := postgres.LocalVector(title, pgtype.TSVectorWeightA, text, pgtype.TSVectorWeightD); !ok {
		t.Fatalf("the probe is not read locally: %q / %q", title, text)
	}
	for _, want := range []string{"Ia“Ib", "1”2", "Ia’Ib", "Ia\u00a0Ib", "Ia—Ib", "Ia,Ib", "Ic. Id", "Ia-Ib", "Ie +If", "IJSSEL"} {
		if !strings.Contains(title+" "+text, want) {
			t.Errorf("the probe lacks %q", want)
		}
	}
	ctx := context.Background()
	dsn := pgtest.DSN(t)
	s := openStore(t, dsn)
	if !postgres.LocalVectors(s) {
		t.Error("a writer on the test server does not compute vectors itself")
	}
	conn := connect(t, dsn)
	if ok, err := postgres.LocalVectorsAgree(ctx, conn); err != nil || !ok {
		t.Errorf("LocalVectorsAgree = %v, %v; want true", ok, err)
	}
}
