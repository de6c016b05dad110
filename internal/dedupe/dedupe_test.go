package dedupe

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/tokenize"
)

// vocab is a made-up vocabulary for synthetic articles.
var vocab = strings.Fields(`the a of to in and said on for with was by at from that
police minister council river flood bank rate strike union court judge
report contract port harbor city town mayor election vote market prices
storm quake fire rescue hospital school company shares profit loss
government opposition protest march border army troops talks deal
Tuesday Monday officials residents workers drivers teachers doctors
announced warned denied confirmed rejected approved blocked opened closed`)

// article returns a pseudo-random article of n words from seed.
func article(seed uint64, n int) string {
	r := rand.New(rand.NewPCG(seed, 7))
	var b strings.Builder
	for i := range n {
		if i > 0 {
			if i%17 == 0 {
				b.WriteString(".\n")
			} else {
				b.WriteByte(' ')
			}
		}
		b.WriteString(vocab[r.IntN(len(vocab))])
	}
	return b.String()
}

// words returns the first n words of s.
func words(s string, n int) string {
	f := strings.Fields(s)
	return strings.Join(f[:min(n, len(f))], " ")
}

// edit replaces every step-th word of s by "EDITED".
func edit(s string, step int) string {
	f := strings.Fields(s)
	for i := step / 2; i < len(f); i += step {
		f[i] = fmt.Sprintf("edited%d", i)
	}
	return strings.Join(f, " ")
}

func TestAdd(t *testing.T) {
	orig := article(1, 400)
	other := article(2, 400)
	short := article(3, 20)
	tests := []struct {
		name string
		text string
		want int64 // expected dupOf for the second article, original id 1
	}{
		{"exact copy", orig, 1},
		{"new headline", "Markets rally after surprise decision\n" + orig, 1},
		{"light edits", edit(orig, 40), 1},
		{"trimmed to 70%", words(orig, 280), 1},
		{"trimmed to 40%", words(orig, 160), 0},
		{"heavy edits", edit(orig, 4), 0},
		{"different article", other, 0},
		{"empty", "", 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			x := New(DefaultConfig())
			if got := x.Add(1, orig); got != 0 {
				t.Fatalf("first Add = %d, want 0", got)
			}
			if got := x.Add(2, tc.text); got != tc.want {
				t.Errorf("Add = %d, want %d", got, tc.want)
			}
		})
	}
	shortTests := []struct {
		name string
		a, b string
		want int64
	}{
		{"short identical", short, short, 1},
		{"short one word changed", short, strings.Replace(short, " ", " different ", 1), 0},
		{"tiny identical", "Police arrest a man.", "Police arrest a man.", 0},
		{"short prefix of long", words(orig, 25), orig, 0},
	}
	for _, tc := range shortTests {
		t.Run(tc.name, func(t *testing.T) {
			x := New(DefaultConfig())
			x.Add(1, tc.a)
			if got := x.Add(2, tc.b); got != tc.want {
				t.Errorf("Add = %d, want %d", got, tc.want)
			}
		})
	}
}

func TestRootAndReAdd(t *testing.T) {
	x := New(DefaultConfig())
	a := article(10, 300)
	b := edit(a, 30)
	c := edit(b, 25)
	if got := x.Add(1, a); got != 0 {
		t.Fatalf("Add(a) = %d", got)
	}
	if got := x.Add(2, b); got != 1 {
		t.Fatalf("Add(b) = %d, want 1", got)
	}
	if got := x.Add(3, c); got != 1 {
		t.Fatalf("Add(c) = %d, want root 1", got)
	}
	if got := x.Add(2, "whatever"); got != 1 {
		t.Errorf("re-Add(b) = %d, want 1", got)
	}
	if got := x.Add(1, "whatever"); got != 0 {
		t.Errorf("re-Add(a) = %d, want 0", got)
	}
	if r, ok := x.Root(3); !ok || r != 1 {
		t.Errorf("Root(3) = %d, %v", r, ok)
	}
	if x.Len() != 3 {
		t.Errorf("Len = %d", x.Len())
	}
}

// TestDay: the index gives the publication day of the articles it holds.
func TestDay(t *testing.T) {
	x := New(DefaultConfig())
	noon := time.Date(2024, 3, 9, 12, 30, 0, 0, time.FixedZone("east", 5*3600))
	x.AddDated(1, noon, x.signOf(article(1, 200)))
	x.AddDated(2, time.Time{}, x.signOf(article(2, 200)))
	for _, c := range []struct {
		id   int64
		want time.Time
		ok   bool
	}{
		{1, time.Date(2024, 3, 9, 0, 0, 0, 0, time.UTC), true},
		{2, time.Time{}, false}, // undated
		{3, time.Time{}, false}, // never added
	} {
		if got, ok := x.Day(c.id); ok != c.ok || !got.Equal(c.want) {
			t.Errorf("Day(%d) = %v, %v; want %v, %v", c.id, got, ok, c.want, c.ok)
		}
	}
}

func TestSaveLoad(t *testing.T) {
	x := New(DefaultConfig())
	for i := range 50 {
		x.Add(int64(i+1), article(uint64(100+i), 200))
	}
	seg := x.SaveSegment()
	saved := seg.Data
	for n := 0; n < len(saved); n += 1 + n/7 {
		if _, err := NewFromSegments(seg.Head, map[int64][]byte{seg.Seq: saved[:n]}); err == nil {
			t.Errorf("load of the first %d of %d bytes succeeded", n, len(saved))
		}
	}
	for n := 0; n < len(seg.Head); n += 1 + n/7 {
		if _, err := NewFromSegments(seg.Head[:n], map[int64][]byte{seg.Seq: saved}); err == nil {
			t.Errorf("load of the first %d of %d head bytes succeeded", n, len(seg.Head))
		}
	}
	y, err := NewFromSegments(seg.Head, map[int64][]byte{seg.Seq: saved})
	if err != nil {
		t.Fatal(err)
	}
	if y.Len() != x.Len() {
		t.Fatalf("Len %d after load, want %d", y.Len(), x.Len())
	}
	for i := range 50 {
		text := edit(article(uint64(100+i), 200), 50)
		if got := y.Add(int64(1000+i), text); got != int64(i+1) {
			t.Errorf("after load, copy of %d gave %d", i+1, got)
		}
	}
	if _, err := NewFromSegments(seg.Head, map[int64][]byte{seg.Seq: []byte("garbage")}); err == nil {
		t.Error("load of garbage succeeded")
	}
}

// TestWindow adds a year of dated articles, a few a day, and checks that
// the index keeps the last weeks only, in memory and in what a load
// reads, while copies of recent articles are still found.
func TestWindow(t *testing.T) {
	cfg := DefaultConfig()
	x := New(cfg)
	day0 := time.Date(2025, 1, 1, 9, 0, 0, 0, time.UTC)
	stored := map[int64][]byte{}
	var head []byte
	save := func() {
		seg := x.SaveSegment()
		if seg.Data != nil {
			stored[seg.Seq] = seg.Data
		}
		for _, n := range seg.Drop {
			delete(stored, n)
		}
		head = seg.Head
		x.MarkSaved(seg)
	}
	const perDay, days = 20, 365
	for i := range perDay * days {
		x.AddDated(int64(i+1), day0.AddDate(0, 0, i/perDay), x.signOf(article(uint64(i), 120)))
		if i%(perDay*10) == perDay*10-1 {
			save()
		}
	}
	save()
	window := perDay * (cfg.WindowDays + 1)
	if x.Len() > 3*window {
		t.Errorf("%d articles in memory after a year, want at most %d (three windows)", x.Len(), 3*window)
	}
	_, need, err := NewFromHead(head, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if len(need) > 4 {
		t.Errorf("a load reads %d segments of %d stored, want those of the last weeks", len(need), len(stored))
	}
	y, err := NewFromSegments(head, stored)
	if err != nil {
		t.Fatal(err)
	}
	if y.Len() > window || y.Len() < window-perDay {
		t.Errorf("%d articles loaded, want the window's %d", y.Len(), window)
	}
	// Each article loaded has the sketch, names and keys it had.
	for _, d := range y.docs {
		i, ok := x.byID[d.id]
		if !ok {
			t.Fatalf("article %d loaded but not in the index saved", d.id)
		}
		e := x.docs[i]
		var bx, by []uint32
		if !slices.Equal(y.run(&d, &by), x.run(&e, &bx)) {
			t.Fatalf("article %d: sketch differs after a load", d.id)
		}
		if !slices.Equal(y.keysOf(&d, nil), x.keysOf(&e, nil)) {
			t.Fatalf("article %d: LSH keys differ after a load", d.id)
		}
	}
	last := day0.AddDate(0, 0, days-1)
	// A copy of an article of the last days is found, in the index and
	// after a load; one of an article months old is not (it left).
	for _, tc := range []struct {
		orig int
		want bool
	}{{perDay*days - 5, true}, {perDay * (days - 10), true}, {perDay * 100, false}} {
		text := edit(article(uint64(tc.orig), 120), 30)
		for name, ix := range map[string]*Index{"index": x, "loaded": y} {
			got := ix.AddDated(int64(1_000_000+tc.orig), last, ix.signOf(text))
			if (got == int64(tc.orig+1)) != tc.want {
				t.Errorf("%s: copy of article %d gave %d, want found %v", name, tc.orig+1, got, tc.want)
			}
		}
	}
}

// signOf signs a text for x.
func (x *Index) signOf(text string) Signature { return x.NewSigner().Sign(text) }

func TestJaccardEstimate(t *testing.T) {
	tests := []struct {
		a, b []uint32
		k    int
		want float64
	}{
		{[]uint32{1, 2, 3, 4}, []uint32{1, 2, 3, 4}, 8, 1},
		{[]uint32{1, 2, 3, 4}, []uint32{3, 4, 5, 6}, 8, 2.0 / 6},
		{[]uint32{1, 2}, []uint32{3, 4}, 8, 0},
		{[]uint32{1, 2, 3, 4}, []uint32{1, 2, 5, 6}, 2, 1}, // only the 2 smallest count
		{nil, nil, 4, 0},
	}
	for _, tc := range tests {
		if got := jaccard(tc.a, tc.b, tc.k); got != tc.want {
			t.Errorf("jaccard(%v, %v, %d) = %v, want %v", tc.a, tc.b, tc.k, got, tc.want)
		}
	}
	if got := containment([]uint32{1, 2, 3}, []uint32{1, 2, 3, 4, 5}, 8); got != 1 {
		t.Errorf("containment = %v, want 1", got)
	}
	if got := containment([]uint32{1, 9}, []uint32{1, 2, 3}, 3); got != 1 {
		t.Errorf("containment past the sketch = %v, want 1", got)
	}
}

// TestExamples checks the near-copy of the example corpus, when present.
func TestExamples(t *testing.T) {
	dir := "../../examples/news"
	read := func(name string) string {
		b, err := os.ReadFile(filepath.Join(dir, name+".txt"))
		if err != nil {
			t.Skipf("example corpus not available: %v", err)
		}
		return string(b)
	}
	x := New(DefaultConfig())
	names := []string{"valley-wire-0724", "meridian-post-0724", "coastline-courier-0724", "valley-wire-0612", "harbor-ledger-0612"}
	for i, n := range names {
		got := x.Add(int64(i+1), read(n))
		want := int64(0)
		if n == "coastline-courier-0724" {
			want = 1
		}
		if got != want {
			t.Errorf("%s: dupOf = %d, want %d", n, got, want)
		}
	}
}

// BenchmarkAdd measures Add on an index already holding n distinct
// articles; one article in ten added is a lightly edited copy.
func BenchmarkAdd(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			x := New(DefaultConfig())
			for i := range n {
				x.Add(int64(i+1), article(uint64(i), 400))
			}
			texts := make([]string, 1000)
			for i := range texts {
				if i%10 == 0 {
					texts[i] = edit(article(uint64(i*7), 400), 40)
				} else {
					texts[i] = article(uint64(n+i), 400)
				}
			}
			b.ResetTimer()
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				x.Add(int64(n+1+i), texts[i%len(texts)])
				i++
			}
		})
	}
}

func BenchmarkSketch(b *testing.B) {
	x := New(DefaultConfig()).NewSigner()
	text := article(1, 600)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		x.Sign(text)
	}
}

// TestSignatureMatchesAdd checks that signing in advance gives the same
// answers as Add.
func TestSignatureMatchesAdd(t *testing.T) {
	a, b := New(DefaultConfig()), New(DefaultConfig())
	sg := b.NewSigner()
	texts := []string{article(1, 300), article(2, 300), article(1, 300) + "\nA closing line added by a second outlet.", article(3, 40)}
	for i, text := range texts {
		id := int64(i + 1)
		if got, want := b.AddSignature(id, sg.Sign(text)), a.Add(id, text); got != want {
			t.Errorf("text %d: AddSignature = %d, Add = %d", id, got, want)
		}
	}
	if got := b.AddSignature(3, Signature{}); got != 1 {
		t.Errorf("re-adding 3 = %d, want its first answer 1", got)
	}
}

// TestSegments saves the index after every few additions, each save
// writing only the new documents (and rewriting the window when segments
// pile up), and checks that the segments load into an index that answers
// as the original does.
func TestSegments(t *testing.T) {
	x := New(DefaultConfig())
	stored := map[int64][]byte{}
	var head []byte
	saves, compactions := 0, 0
	save := func() {
		seg := x.SaveSegment()
		if seg.Data != nil {
			stored[seg.Seq] = seg.Data
		}
		for _, n := range seg.Drop {
			delete(stored, n)
		}
		if len(seg.Drop) > 0 {
			compactions++
		}
		head = seg.Head
		x.MarkSaved(seg)
		saves++
	}
	for i := range 120 {
		x.Add(int64(i+1), article(uint64(100+i), 200))
		if i%3 == 2 {
			save()
		}
	}
	if seg := x.SaveSegment(); seg.Data != nil {
		t.Errorf("nothing added, yet a segment of %d bytes to write", len(seg.Data))
	}
	if compactions == 0 || len(stored) > maxSegments {
		t.Errorf("%d saves: %d compactions, %d segments stored", saves, compactions, len(stored))
	}
	y, err := NewFromSegments(head, stored)
	if err != nil {
		t.Fatal(err)
	}
	if y.Len() != x.Len() {
		t.Fatalf("Len %d after load, want %d", y.Len(), x.Len())
	}
	for i := range 120 {
		text := edit(article(uint64(100+i), 200), 50)
		if got, want := y.Add(int64(1000+i), text), x.Add(int64(1000+i), text); got != want || got != int64(i+1) {
			t.Errorf("copy of %d: %d after load, %d without", i+1, got, want)
		}
	}
	// A segment made with other LSH settings cannot be added.
	cfg := DefaultConfig()
	cfg.Bands, cfg.Rows = 16, 6
	z := New(cfg)
	for i := range 3 {
		z.Add(int64(5000+i), article(uint64(900+i), 200))
	}
	y0, err := NewFromSegments(head, stored)
	if err != nil {
		t.Fatal(err)
	}
	other := z.SaveSegment().Data
	if err := y0.AddSegment(other); err == nil {
		t.Error("a segment with another configuration loaded")
	}
}

// templatedText fills one invented results template with a subject.
func templatedText(team, other, ground, scorer, coach string, a, b, crowd int) string {
	return fmt.Sprintf("%s beat %s %d-%d at the %s on Saturday, moving up the table in the northern league after a difficult month.\n\n"+
		"Striker %s scored twice for %s before half-time, and the visitors never recovered from the early setback.\n\n"+
		"A crowd of %d watched the match at the %s, where the home side has not lost since the spring.\n\n"+
		"%s coach %s said his team had not done enough in either half and would need to improve quickly.\n\n"+
		"%s play their next match at home on Saturday, when they face the league leaders.",
		team, other, a, b, ground, scorer, team, crowd, ground, other, coach, team)
}

func TestNamesMatter(t *testing.T) {
	orig := templatedText("Harlow United", "Dunmere City", "Kestrel Park", "Tomas Varga", "Ilse Brandt", 3, 1, 21400)
	tests := []struct {
		name string
		text string
		want bool // near-copy of orig
	}{
		{"same template, other teams and numbers", templatedText("Pellham Rovers", "Ossington Town", "Marsh Lane", "Eli Sandoval", "Ruth Okafor", 2, 0, 9800), false},
		{"same template, same ground, other visitors and score", templatedText("Harlow United", "Brackwater Athletic", "Kestrel Park", "Tomas Varga", "Noel Pruitt", 1, 0, 18750), false},
		{"syndicated copy with a wire line added", "LONDON (Northgate Wire) —\n" + orig, true},
		{"syndicated copy with its ending trimmed", orig[:strings.LastIndex(orig, "\n\n")], true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := New(DefaultConfig())
			x.Add(1, orig)
			got := x.Add(2, tt.text) == 1
			if got != tt.want {
				t.Errorf("near-copy = %v, want %v", got, tt.want)
			}
		})
	}
}

func FuzzAppendNames(f *testing.F) {
	f.Add("Harlow United beat Dunmere City 3-1. “We won,” said Ilse Brandt.\nLONDON — The 2,400 fans")
	f.Add("\xff\xfe É Ünal 12")
	f.Fuzz(func(t *testing.T, text string) {
		names := bottomNames(appendNames(nil, text), 64)
		if len(names) > 64 || !slices.IsSorted(names) {
			t.Errorf("names %v: not a sorted sample of at most 64", names)
		}
		if !namesAgree(names, names, 64) {
			t.Errorf("a text's names disagree with themselves")
		}
	})
}

func TestLowerHash(t *testing.T) {
	for _, s := range []string{"", "a", "Zorvath", "MERIDEL", "3,200", "Ölberg", "naïve-ÉCOLE", "AbCdEfGhIjKlMnOpQrStUvWxYz"} {
		low := []byte(s)
		for k, c := range low {
			if c >= 'A' && c <= 'Z' {
				low[k] = c + 'a' - 'A'
			}
		}
		if got, want := lowerHash(s), tokenize.Hash(low); got != want {
			t.Errorf("lowerHash(%q) = %x, want %x", s, got, want)
		}
	}
}

// TestSaveLeavesWindowToNextUse checks that a save does not rebuild the
// index when articles left the window: they are not saved, and they leave
// memory when the index is next used, whichever use that is, so that the
// index then holds what a load of the save holds.
func TestSaveLeavesWindowToNextUse(t *testing.T) {
	cfg := DefaultConfig()
	day0 := time.Date(2025, 1, 1, 9, 0, 0, 0, time.UTC)
	const perDay, days = 10, 40
	uses := []struct {
		name string
		use  func(x *Index)
	}{
		{"AddDated", func(x *Index) {
			x.AddDated(1_000_000, day0.AddDate(0, 0, days-1), x.signOf(article(999, 120)))
		}},
		{"Day", func(x *Index) { x.Day(1) }},
		{"Root", func(x *Index) { x.Root(1) }},
		{"Len", func(x *Index) { x.Len() }},
		{"SaveSegment", func(x *Index) { x.MarkSaved(x.SaveSegment()) }},
	}
	for _, u := range uses {
		t.Run(u.name, func(t *testing.T) {
			x := New(cfg)
			for i := range perDay * days {
				x.AddDated(int64(i+1), day0.AddDate(0, 0, i/perDay), x.signOf(article(uint64(i), 120)))
			}
			held := len(x.docs)
			seg := x.SaveSegment()
			if len(x.docs) != held {
				t.Fatalf("the save rebuilt the index: %d articles held, %d before", len(x.docs), held)
			}
			y, err := NewFromSegments(seg.Head, map[int64][]byte{seg.Seq: seg.Data})
			if err != nil {
				t.Fatal(err)
			}
			window := perDay * (cfg.WindowDays + 1)
			if y.Len() != window {
				t.Fatalf("%d articles saved, want the window's %d", y.Len(), window)
			}
			x.MarkSaved(seg)
			u.use(x)
			want := window
			if u.name == "AddDated" {
				want++
			}
			if len(x.docs) != want {
				t.Errorf("%d articles held after %s, want %d", len(x.docs), u.name, want)
			}
			if _, ok := x.Day(1); ok {
				t.Error("an article that left the window still has a day")
			}
		})
	}
}
