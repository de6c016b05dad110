package tokenize

import (
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestTokens(t *testing.T) {
	tests := []struct {
		name string
		in   string
		opts Options
		want []string
	}{
		{"basic", "Hello, World!", Options{}, []string{"hello", "world"}},
		{"apostrophe fold", "Kan’ani said Kanani doesn't", Options{}, []string{"kanani", "said", "kanani", "doesnt"}},
		{"possessive", "Iran's and Iran’s ties", Options{}, []string{"iran", "and", "iran", "ties"}},
		{"numbers", "a 7.1 quake, 30,000 hurt. End.", Options{}, []string{"a", "7.1", "quake", "30000", "hurt", "end"}},
		{"hyphen splits", "Amir-Abdollahian", Options{}, []string{"amir", "abdollahian"}},
		{"unicode", "Ünïcode Straße ЖУК", Options{}, []string{"ünïcode", "straße", "жук"}},
		{"stopwords", "The man is in the house", Options{Stopwords: true}, []string{"man", "house"}},
		{"stem", "fires fired firing fire countries", Options{Stem: true}, []string{"fir", "fir", "fir", "fir", "country"}},
		{"minlen", "a bb ccc", Options{MinLen: 2}, []string{"bb", "ccc"}},
		{"empty", "  ,.;  ", Options{}, nil},
		{"trailing apostrophe", "the players' union", Options{}, []string{"the", "players", "union"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := New(tc.opts).Append(nil, tc.in)
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("tokens(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestStem(t *testing.T) {
	tests := []struct{ in, want string }{
		{"checks", "check"},
		{"checked", "check"},
		{"checking", "check"},
		{"running", "run"},
		{"falling", "fall"},
		{"killed", "kill"},
		{"stories", "story"},
		{"classes", "class"},
		{"news", "news"},
		{"crisis", "crisis"},
		{"virus", "virus"},
		{"bus", "bus"},
		{"agreed", "agreed"},
		{"houses", "hous"},
		{"house", "hous"},
		{"2013", "2013"},
		{"café", "café"},
	}
	for _, tc := range tests {
		if got := StemString(tc.in); got != tc.want {
			t.Errorf("Stem(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestStopword(t *testing.T) {
	for _, w := range []string{"the", "and", "doesnt"} {
		if !IsStopword(w) {
			t.Errorf("IsStopword(%q) = false", w)
		}
	}
	for _, w := range []string{"lohan", "quake", ""} {
		if IsStopword(w) {
			t.Errorf("IsStopword(%q) = true", w)
		}
	}
}

func phraseTexts(s string) []string {
	var out []string
	for _, p := range Phrases(nil, s) {
		out = append(out, p.Text)
	}
	return out
}

func TestPhrases(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"multiword at start", "Lindsay Lohan has checked into the Betty Ford Center.", []string{"Lindsay Lohan", "Betty Ford Center"}},
		{"single at start dropped", "Police said the man fled to Texas.", []string{"Texas"}},
		{"leading article dropped", "The Pentagon said on Monday that NATO agreed.", []string{"Pentagon", "NATO"}},
		{"acronym at start", "CIA said so.", []string{"CIA"}},
		{"connector", "He joined the Bank of America in Paris.", []string{"Bank of America", "Paris"}},
		{"initial", "Brian G. Nichols was sentenced.", []string{"Brian G. Nichols"}},
		{"hyphen", "minister Hossein Amir-Abdollahian spoke", []string{"Hossein Amir-Abdollahian"}},
		{"calendar split", "officials in Tehran on Sunday December said", []string{"Tehran"}},
		{"title line skipped", "Lindsay Lohan Checks Into Rehab At Betty Ford\nShe went to Promises on Tuesday.", []string{"Promises"}},
		{"shouting skipped", "FALLOUT CONTINUES AFTER BRAZEN ESCAPE\nthe US said", []string{"US"}},
		{"apostrophe name", "spokesman Nasser Kan’ani said", []string{"Nasser Kan’ani"}},
		{"sentence boundary", "It rained in Paris. Berlin was dry. Then Rome.", []string{"Paris", "Rome"}},
		{"comma ends phrase", "in Rancho Mirage, Calif, today", []string{"Rancho Mirage", "Calif"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := phraseTexts(tc.in)
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("Phrases(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestPhraseOffsets(t *testing.T) {
	s := "x said Betty Ford Center ok"
	ps := Phrases(nil, s)
	if len(ps) != 1 {
		t.Fatalf("got %d phrases", len(ps))
	}
	p := ps[0]
	if s[p.Start:p.End] != p.Text || p.Words != 3 || p.Acronym {
		t.Errorf("bad phrase %+v", p)
	}
}

func TestKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Nasser Kan’ani", "nasser kanani"},
		{"Bank of  America", "bank of america"},
		{"CIA", "cia"},
		{"", ""},
	}
	for _, tc := range tests {
		if got := Key(tc.in); got != tc.want {
			t.Errorf("Key(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestEachNoAlloc(t *testing.T) {
	tk := New(Options{Stem: true, Stopwords: true})
	text := strings.Repeat("The quick brown fox jumped over the lazy dogs’ kennels. ", 20)
	n := 0
	allocs := testing.AllocsPerRun(20, func() {
		tk.Each(text, func(tok []byte) { n += len(tok) })
	})
	if allocs > 0 {
		t.Errorf("Each allocates %.1f times per run", allocs)
	}
	var hs []uint64
	allocs = testing.AllocsPerRun(20, func() { hs = tk.AppendHashes(hs[:0], text) })
	if allocs > 0 {
		t.Errorf("AppendHashes allocates %.1f times per run", allocs)
	}
}

func FuzzTokenize(f *testing.F) {
	for _, s := range []string{"Hello, World!", "Kan’ani's 7.1", "Ünïcode ЖУК", "a''b", "1.2.3,4", "\xff\xfe", "O'Brien-Smith Jr. said"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		tk := New(Options{Stem: true, Stopwords: true})
		tk.Each(s, func(tok []byte) {
			if len(tok) == 0 {
				t.Fatalf("empty token from %q", s)
			}
			if utf8.ValidString(s) && !utf8.Valid(tok) {
				t.Fatalf("invalid UTF-8 token %q from %q", tok, s)
			}
		})
		plain := Tokens(s)
		for _, tok := range plain {
			if strings.ContainsAny(tok, " \n\t'’") {
				t.Fatalf("token %q of %q holds a separator", tok, s)
			}
		}
		for _, p := range Phrases(nil, s) {
			if p.Start < 0 || p.End > len(s) || p.Start >= p.End || s[p.Start:p.End] != p.Text {
				t.Fatalf("bad phrase %+v in %q", p, s)
			}
			if p.Words < 1 {
				t.Fatalf("phrase with %d words", p.Words)
			}
		}
		_ = Key(s)
	})
}

var benchText = strings.Repeat("After skipping out on entering a Newport Beach rehabilitation facility and facing the prospect of arrest for violating her probation, Lindsay Lohan has checked into the Betty Ford Center to begin a 90-day court-mandated stay. ", 10)

func BenchmarkEach(b *testing.B) {
	tk := New(Options{Stem: true, Stopwords: true})
	b.SetBytes(int64(len(benchText)))
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		tk.Each(benchText, func(tok []byte) { n += len(tok) })
	}
}

func BenchmarkAppendHashes(b *testing.B) {
	tk := New(Options{})
	b.SetBytes(int64(len(benchText)))
	b.ReportAllocs()
	var hs []uint64
	for b.Loop() {
		hs = tk.AppendHashes(hs[:0], benchText)
	}
}

func BenchmarkPhrases(b *testing.B) {
	b.SetBytes(int64(len(benchText)))
	b.ReportAllocs()
	var ps []Phrase
	tk := New(Options{})
	for b.Loop() {
		ps = tk.Phrases(ps[:0], benchText)
	}
}

// TestASCIICase checks the shortcut of lineWords: among ASCII runes,
// unicode's upper and lower cases are exactly A-Z and a-z.
func TestASCIICase(t *testing.T) {
	for r := rune(0); r < utf8.RuneSelf; r++ {
		if got, want := 'A' <= r && r <= 'Z', unicode.IsUpper(r); got != want {
			t.Errorf("%q: upper %v, unicode says %v", r, got, want)
		}
		if got, want := 'a' <= r && r <= 'z', unicode.IsLower(r); got != want {
			t.Errorf("%q: lower %v, unicode says %v", r, got, want)
		}
	}
}
