package synth

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"runtime"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/codec"
)

func cfgWith(n int, seed int64, mod func(*Config)) Config {
	cfg := DefaultConfig()
	cfg.Articles, cfg.Seed = n, seed
	if mod != nil {
		mod(&cfg)
	}
	return cfg
}

func writeAll(t testing.TB, cfg Config) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteJSONL(&buf, cfg); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func collect(t testing.TB, cfg Config) []Article {
	t.Helper()
	var out []Article
	if err := Generate(cfg, func(a Article) error {
		out = append(out, a)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestDeterministic(t *testing.T) {
	for _, tc := range []struct {
		name string
		cfg  Config
	}{
		{"default", cfgWith(1500, 1, nil)},
		{"other seed", cfgWith(700, -42, nil)},
		{"heavy syndication", cfgWith(600, 7, func(c *Config) { c.SyndicationRate, c.BoilerplateRate = 0.4, 1 })},
		{"no boilerplate", cfgWith(600, 7, func(c *Config) { c.BoilerplateRate, c.Outlets = 0, 3 })},
	} {
		t.Run(tc.name, func(t *testing.T) {
			prev := runtime.GOMAXPROCS(1)
			a := writeAll(t, tc.cfg)
			runtime.GOMAXPROCS(prev)
			b := writeAll(t, tc.cfg)
			if !bytes.Equal(a, b) {
				t.Fatal("two runs with the same config differ")
			}
		})
	}
}

func TestSeedsDiffer(t *testing.T) {
	a := writeAll(t, cfgWith(200, 1, nil))
	b := writeAll(t, cfgWith(200, 2, nil))
	if bytes.Equal(a, b) {
		t.Fatal("seeds 1 and 2 gave the same corpus")
	}
	if bytes.Equal(a[:2000], b[:2000]) {
		t.Fatal("seeds 1 and 2 start identically")
	}
}

type line struct {
	ID, Title, Text, URL, Outlet, Published, Story *string
}

func TestJSONLines(t *testing.T) {
	for _, n := range []int{0, 1, 2, 3, 7, 10, 11, 100, 2500} {
		cfg := cfgWith(n, int64(n), nil)
		data := writeAll(t, cfg)
		sc := bufio.NewScanner(bytes.NewReader(data))
		sc.Buffer(nil, 1<<20)
		ids, urls := map[string]bool{}, map[string]bool{}
		stories := map[string]int{}
		count := 0
		for sc.Scan() {
			count++
			b := sc.Bytes()
			if !json.Valid(b) || !utf8.Valid(b) {
				t.Fatalf("n=%d line %d: invalid JSON or UTF-8: %.200s", n, count, b)
			}
			var l struct {
				ID        *string `json:"id"`
				Title     *string `json:"title"`
				Text      *string `json:"text"`
				URL       *string `json:"url"`
				Outlet    *string `json:"outlet"`
				Published *string `json:"published"`
				Story     *string `json:"story"`
			}
			dec := json.NewDecoder(bytes.NewReader(b))
			dec.DisallowUnknownFields()
			if err := dec.Decode(&l); err != nil {
				t.Fatalf("n=%d line %d: %v", n, count, err)
			}
			for name, f := range map[string]*string{"id": l.ID, "title": l.Title, "text": l.Text, "url": l.URL, "outlet": l.Outlet, "published": l.Published, "story": l.Story} {
				if f == nil || strings.TrimSpace(*f) == "" {
					t.Fatalf("n=%d line %d: field %s missing or empty", n, count, name)
				}
			}
			if _, err := time.Parse(time.RFC3339, *l.Published); err != nil {
				t.Fatalf("n=%d line %d: published: %v", n, count, err)
			}
			if ids[*l.ID] || urls[*l.URL] {
				t.Fatalf("n=%d line %d: duplicate id %q or url %q", n, count, *l.ID, *l.URL)
			}
			ids[*l.ID], urls[*l.URL] = true, true
			stories[*l.Story]++
		}
		if err := sc.Err(); err != nil {
			t.Fatal(err)
		}
		if count != n {
			t.Fatalf("got %d lines, want %d", count, n)
		}
		for s, k := range stories {
			if n >= cfg.MinPerEvent && (k < cfg.MinPerEvent || k > cfg.MaxPerEvent) {
				t.Errorf("n=%d: story %s has %d articles, want %d..%d", n, s, k, cfg.MinPerEvent, cfg.MaxPerEvent)
			}
		}
	}
}

func TestStoryShape(t *testing.T) {
	for _, tc := range []struct {
		name string
		cfg  Config
	}{
		{"default", cfgWith(6000, 3, nil)},
		{"big events", cfgWith(3000, 4, func(c *Config) { c.MinPerEvent, c.MaxPerEvent, c.MeanPerEvent = 8, 20, 12 })},
		{"singletons", cfgWith(500, 5, func(c *Config) { c.MinPerEvent, c.MaxPerEvent, c.MeanPerEvent = 1, 1, 1 })},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cfg := tc.cfg
			arts := collect(t, cfg)
			if len(arts) != cfg.Articles {
				t.Fatalf("got %d articles, want %d", len(arts), cfg.Articles)
			}
			type agg struct {
				n          int
				first      time.Time
				last       time.Time
				titles     map[string]bool
				outlets    map[string]bool
				firstTitle string
			}
			stories := map[string]*agg{}
			start := cfg.Start
			end := start.AddDate(0, cfg.SpanMonths, 0).Add(time.Duration(cfg.MaxSpreadDays*24+13) * time.Hour)
			var prev time.Time
			for i, a := range arts {
				if a.Published.Before(prev) {
					t.Fatalf("article %d published before its predecessor", i)
				}
				prev = a.Published
				if a.Published.Before(start) || a.Published.After(end) {
					t.Fatalf("article %s published %v outside %v..%v", a.ID, a.Published, start, end)
				}
				s := stories[a.Story]
				if s == nil {
					s = &agg{first: a.Published, titles: map[string]bool{}, outlets: map[string]bool{}}
					stories[a.Story] = s
				}
				s.n++
				s.last = a.Published
				s.titles[a.Title] = true
				s.outlets[a.Outlet] = true
			}
			mean := float64(len(arts)) / float64(len(stories))
			if mean < cfg.MeanPerEvent*0.75 || mean > cfg.MeanPerEvent*1.25 {
				t.Errorf("mean story size %.2f, configured %.1f", mean, cfg.MeanPerEvent)
			}
			multiTitle := 0
			for id, s := range stories {
				if s.n < cfg.MinPerEvent || s.n > cfg.MaxPerEvent {
					t.Errorf("story %s has %d articles", id, s.n)
				}
				if d := s.last.Sub(s.first); d > time.Duration(cfg.MaxSpreadDays*24)*time.Hour {
					t.Errorf("story %s spread over %v", id, d)
				}
				if len(s.outlets) != s.n {
					t.Errorf("story %s: %d articles from %d outlets", id, s.n, len(s.outlets))
				}
				if len(s.titles) > 1 {
					multiTitle++
				}
			}
			if cfg.MaxPerEvent > 1 && multiTitle < len(stories)*9/10 {
				t.Errorf("only %d of %d stories have varied headlines", multiTitle, len(stories))
			}
		})
	}
}

func TestNearCopies(t *testing.T) {
	for _, rate := range []float64{0, 0.1, 0.3} {
		cfg := cfgWith(8000, 11, func(c *Config) { c.SyndicationRate = rate })
		arts := collect(t, cfg)
		byID := map[string]*Article{}
		copies := 0
		for i := range arts {
			a := &arts[i]
			byID[a.ID] = a
			if a.CopyOf == "" {
				continue
			}
			copies++
			src := byID[a.CopyOf]
			if src == nil {
				t.Fatalf("%s copies %s, which was not emitted before it", a.ID, a.CopyOf)
			}
			if src.Story != a.Story || src.Outlet == a.Outlet {
				t.Fatalf("%s: copy of %s from another story or the same outlet", a.ID, src.ID)
			}
			// The wire lead and a later paragraph must appear verbatim.
			paras := bodyParas(src.Text)
			for _, p := range []string{paras[0], paras[len(paras)/2]} {
				if !strings.Contains(a.Text, p) {
					t.Fatalf("%s lacks wire paragraph %q of %s", a.ID, p, src.ID)
				}
			}
		}
		got := float64(copies) / float64(len(arts))
		if got < rate*0.7 || got > rate*1.3+0.002 {
			t.Errorf("rate %.2f: %.3f of articles are near-copies", rate, got)
		}
	}
}

// bodyParas returns the paragraphs of the wire text that are long enough
// to be story sentences rather than boilerplate.
func bodyParas(text string) []string {
	var out []string
	for _, p := range strings.Split(text, "\n\n") {
		if len(p) > 120 && !strings.Contains(p, "\n") {
			out = append(out, p)
		}
	}
	return out
}

func TestContent(t *testing.T) {
	// Templated reports are short by design; TestTemplated checks them.
	arts := collect(t, cfgWith(3000, 9, func(c *Config) { c.TemplatedRate = 0 }))
	total := 0
	features := map[string]int{"“": 0, "”": 0, "\\\"": 0, " said that ": 0, "Back to top": 0, "All rights reserved": 0, "Share on": 0, " — ": 0, "According to ": 0}
	related := 0
	for _, a := range arts {
		total += len(a.Text)
		if len(a.Text) < 1500 || len(a.Text) > 7000 {
			t.Errorf("%s: text of %d bytes", a.ID, len(a.Text))
		}
		for f := range features {
			if f == "\\\"" {
				if strings.Count(a.Text, "\"") >= 2 {
					features[f]++
				}
			} else if strings.Contains(a.Text, f) {
				features[f]++
			}
		}
		for _, h := range relatedHeads {
			if strings.Contains(a.Text, h+"\n") {
				related++
				break
			}
		}
	}
	if avg := total / len(arts); avg < 2000 || avg > 5000 {
		t.Errorf("average text %d bytes, want 2000..5000", avg)
	}
	for f, n := range features {
		if n < len(arts)/20 {
			t.Errorf("feature %q in only %d of %d articles", f, n, len(arts))
		}
	}
	if related < len(arts)/10 {
		t.Errorf("related-articles boilerplate in only %d articles", related)
	}
}

func TestVocabulary(t *testing.T) {
	words := map[string]int{}
	arts := collect(t, cfgWith(2000, 12, nil))
	for _, a := range arts {
		for _, w := range strings.FieldsFunc(a.Text, func(r rune) bool {
			return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z')
		}) {
			words[strings.ToLower(w)]++
		}
	}
	if len(words) < 5000 {
		t.Errorf("only %d distinct words in 2000 articles", len(words))
	}
}

func TestValidate(t *testing.T) {
	for _, mod := range []func(*Config){
		func(c *Config) { c.Articles = -1 },
		func(c *Config) { c.MinPerEvent = 0 },
		func(c *Config) { c.MaxPerEvent = 2 },
		func(c *Config) { c.MeanPerEvent = 11 },
		func(c *Config) { c.SpanMonths = 0 },
		func(c *Config) { c.Outlets = 0 },
		func(c *Config) { c.SyndicationRate = 0.9 },
		func(c *Config) { c.BoilerplateRate = -0.1 },
		func(c *Config) { c.MaxSpreadDays = -1 },
	} {
		cfg := DefaultConfig()
		mod(&cfg)
		if err := WriteJSONL(io.Discard, cfg); err == nil {
			t.Errorf("config %+v accepted", cfg)
		}
	}
	if err := DefaultConfig().Validate(); err != nil {
		t.Fatal(err)
	}
}

func TestStopsOnError(t *testing.T) {
	n := 0
	stop := io.ErrShortWrite
	err := Generate(cfgWith(1000, 1, nil), func(Article) error {
		n++
		if n == 10 {
			return stop
		}
		return nil
	})
	if err != stop || n != 10 {
		t.Fatalf("err=%v after %d articles", err, n)
	}
}

func TestAppendJSONString(t *testing.T) {
	for _, s := range []string{"", "plain", "a \"quote\" \\ back", "tab\tnl\ncr\r\x01\x1f", "“curly” — é ’"} {
		b := codec.AppendJSONString(nil, s)
		var got string
		if err := json.Unmarshal(b, &got); err != nil || got != s {
			t.Errorf("%q -> %s -> %q, %v", s, b, got, err)
		}
	}
}

type countWriter struct{ n int64 }

func (w *countWriter) Write(p []byte) (int, error) { w.n += int64(len(p)); return len(p), nil }

func BenchmarkWriteJSONL(b *testing.B) {
	cfg := cfgWith(2000, 1, nil)
	var cw countWriter
	if err := WriteJSONL(&cw, cfg); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(cw.n)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := WriteJSONL(io.Discard, cfg); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(cfg.Articles)*float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}

func TestMentions(t *testing.T) {
	g := newGen(cfgWith(100, 1, nil))
	ev := g.newEvent(0, 100)
	p := ev.people[0]
	for st := range g.outlets {
		o := &g.outlets[st]
		r := newRNG(1, 99, uint64(st))
		c := &ctx{ev: ev, o: o, r: &r}
		first := string(g.mention(nil, 0, false, c))
		if !strings.HasSuffix(first, p.first[o.style]+" "+p.last[o.style]) {
			t.Fatalf("first mention %q lacks the full name", first)
		}
		for range 5 {
			later := string(g.mention(nil, 0, false, c))
			if strings.Contains(later, p.first[o.style]) || !strings.HasSuffix(later, p.last[o.style]) {
				t.Fatalf("later mention %q, want surname form", later)
			}
		}
	}
	if translit("Yevhen Kovalchuk", 1) == translit("Yevhen Kovalchuk", 2) || translit("Al-Ka’bi", 0) == translit("Al-Ka’bi", 2) {
		t.Fatal("transliteration styles do not differ")
	}
}

func TestTemplatesExpand(t *testing.T) {
	g := newGen(cfgWith(100, 1, nil))
	ev := g.newEvent(0, 100)
	var all []string
	for i := range eventTypes {
		et := &eventTypes[i]
		for _, l := range [][]string{et.headlines, et.leads, et.facts, et.quotes, et.claims, et.background, et.witness} {
			all = append(all, l...)
		}
	}
	for _, l := range [][]string{fillerForms, otherHeadlineForms, quoteForms, claimForms, witnessForms} {
		all = append(all, l...)
	}
	for i, tmpl := range all {
		for seed := range 20 {
			r := newRNG(int64(seed), 7, uint64(i))
			c := &ctx{ev: ev, o: &g.outlets[seed%len(g.outlets)], r: &r, aux: "a quote about {PLACE}", speaker: seed % 3}
			out := string(g.expand(nil, tmpl, c))
			if strings.ContainsAny(out, "{}[]|") || strings.Contains(out, "  ") || !utf8.ValidString(out) {
				t.Fatalf("template %q expanded to %q", tmpl, out)
			}
		}
	}
}

// TestValidUTF8 checks every field of a large corpus for broken
// characters; trimming straight-quoted wire copies once cut a character in
// two.
func TestValidUTF8(t *testing.T) {
	if testing.Short() {
		t.Skip("large corpus")
	}
	cfg := DefaultConfig()
	cfg.Articles = 40000
	bad := 0
	err := Generate(cfg, func(a Article) error {
		for _, s := range []string{a.ID, a.Title, a.Text, a.URL, a.Outlet, a.Story} {
			if !utf8.ValidString(s) {
				bad++
				if bad <= 3 {
					t.Errorf("%s: invalid UTF-8", a.ID)
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if bad > 0 {
		t.Errorf("%d fields with invalid UTF-8", bad)
	}
}

// TestTemplated checks that templated events share their wording and
// differ in their names: two events of one template have most words in
// common, and the words they do not share include capitalised names.
func TestTemplated(t *testing.T) {
	arts := collect(t, cfgWith(4000, 5, nil))
	first := map[string]Article{} // first article of each templated story
	var order []string
	for _, a := range arts {
		if !Templated(a.Story) {
			continue
		}
		if len(a.Text) < 250 || len(a.Text) > 2500 {
			t.Errorf("%s: templated text of %d bytes", a.ID, len(a.Text))
		}
		if _, ok := first[a.Story]; !ok {
			first[a.Story] = a
			order = append(order, a.Story)
		}
	}
	if n := len(order); n < 100 || n > 250 {
		t.Fatalf("%d templated stories of about 670, want about a fifth", n)
	}
	words := func(s string) map[string]bool {
		m := map[string]bool{}
		for _, w := range strings.Fields(s) {
			m[strings.Trim(w, ".,;:“”\"'")] = true
		}
		return m
	}
	// Pairs of stories with the same leading template words.
	pairs, alike := 0, 0
	for i := 0; i+1 < len(order) && pairs < 50; i++ {
		a, b := first[order[i]], first[order[i+1]]
		wa, wb := words(a.Text), words(b.Text)
		both, names := 0, 0
		for w := range wa {
			if wb[w] {
				both++
			} else if w != "" && w[0] >= 'A' && w[0] <= 'Z' {
				names++
			}
		}
		share := float64(both) / float64(min(len(wa), len(wb)))
		if share < 0.3 {
			continue // different templates
		}
		pairs++
		if share >= 0.4 && names >= 3 {
			alike++
		}
	}
	if pairs < 10 || alike < pairs*7/10 {
		t.Errorf("%d of %d pairs of one template share most words but not their names", alike, pairs)
	}
}
