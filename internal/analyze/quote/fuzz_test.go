package quote

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/analyze/sentence"
	"github.com/parallax-news/parallax/internal/model"
)

// fuzzMentions makes plausible mentions from capitalised words, so that the
// fuzzer also exercises speaker resolution.
func fuzzMentions(text string) []model.Mention {
	var ms []model.Mention
	types := []model.EntityType{model.Person, model.Organization, model.Place}
	n := 0
	for i := 0; i < len(text); {
		c := text[i]
		if c >= 'A' && c <= 'Z' && (i == 0 || text[i-1] == ' ') {
			j := i + 1
			for j < len(text) && (text[j] >= 'a' && text[j] <= 'z') {
				j++
			}
			ms = append(ms, model.Mention{Span: model.Span{Start: i, End: j}, Text: text[i:j],
				Type: types[n%3], Role: []string{"spokesman", "", "coach"}[n%3], Key: text[i:j]})
			n++
			i = j
			continue
		}
		i++
	}
	return ms
}

func FuzzFind(f *testing.F) {
	for _, c := range findCases {
		f.Add(c.text)
	}
	f.Add("“unclosed quote, he said.\n“Another” ‘one’ \"three\" «four» „five“")
	f.Add("He said “nested ‘inner “deep” quote’ here,” Smith said.")
	f.Add(`"'"'"'"'"“”“”‘’‘’«»»«„“‚‘`)
	f.Add("Smith said, “a\n\n\n“b\n“c")
	f.Add("\xff\xfe“bad utf8 \xe2\x80” said Smith \xe2")
	f.Add(strings.Repeat("“A quote that goes on, ", 2000))
	f.Add(strings.Repeat("Smith said that the ", 500) + "end.")
	// A 1 MB paragraph with quotations, cues and apostrophes.
	f.Add(strings.Repeat("“We’ll win,” he said, and Smith told CNN that ‘it isn't over' ", 15000)[:1<<20])
	f.Add("according to\naccording to X,\n, said\nsaid the\n“”\n“ ”")
	f.Add("— “a” — said\n—\n— —\n—said—.\nQ:\nA:\nQ: x\nA. y\nDev “Big” Marlow\n‘x y z’: Smith")
	f.Add("— " + strings.Repeat("we won — said X — “and” ", 5000))
	if files, _ := filepath.Glob("../../../../shared/seeds/*.txt"); len(files) > 0 {
		for _, fn := range files {
			if b, err := os.ReadFile(fn); err == nil {
				f.Add(string(b))
			}
		}
	}
	f.Fuzz(func(t *testing.T, text string) {
		qs := find(text, sentence.Split(text), fuzzMentions(text))
		checkQuotes(t, text, qs)
		checkQuotes(t, text, find(text, sentence.Split(text), nil))
		// Garbage in sents and mentions must not panic either.
		bad := []model.Span{{Start: -5, End: 3}, {Start: len(text) + 10, End: 2}}
		badM := []model.Mention{{Span: model.Span{Start: -1, End: len(text) + 5}, Type: model.Person},
			{Span: model.Span{Start: len(text) / 2, End: len(text)/2 + 1}, Type: model.Person}}
		checkQuotes(t, text, find(text, bad, badM))
	})
}

// FuzzTokenize checks the tokeniser and mark pairing on their own.
func FuzzTokenize(f *testing.F) {
	f.Add("Rock 'n' roll 'til the '90s, the players’ union said “no.”")
	f.Add("’n’ 'n ' n' ‘til ’em ‘")
	f.Fuzz(func(t *testing.T, text string) {
		toks := tokenize(text, 0, len(text), nil, nil)
		prev := 0
		for _, tk := range toks {
			if int(tk.start) < prev || tk.end <= tk.start || int(tk.end) > len(text) {
				t.Fatalf("bad token %d..%d after %d", tk.start, tk.end, prev)
			}
			prev = int(tk.end)
		}
		pairs, _ := pairMarks(text, toks, 0, len(toks), nil, nil)
		for _, p := range pairs {
			if p.open < 0 || p.open >= len(toks) || p.close >= len(toks) || p.close >= 0 && p.close <= p.open {
				t.Fatalf("bad pair %+v", p)
			}
		}
		last := -1
		for _, p := range Pairs(text) {
			if p.Open <= last || p.Open >= len(text) || p.Close >= len(text) || p.Close >= 0 && p.Close <= p.Open {
				t.Fatalf("bad mark pair %+v after %d", p, last)
			}
			last = max(p.Open, p.Close)
		}
	})
}

// TestLongParagraph runs Find on a 1 MB paragraph.
func TestLongParagraph(t *testing.T) {
	text := strings.Repeat("“We will win,” he said, and Smith told reporters that “it ", 20000)
	text = text[:1<<20]
	qs := Find(text, sentence.Split(text), fuzzMentions(text))
	checkQuotes(t, text, qs)
}
