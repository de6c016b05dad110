package analyze

import (
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/analyze/sentence"
	"github.com/parallax-news/parallax/internal/hostile"
	"github.com/parallax-news/parallax/internal/model"
)

// checkAnalysis checks what holds for any text: spans inside the text,
// mentions in order without overlap, sentences no longer than the limit.
func checkAnalysis(t *testing.T, text string, an model.Analysis) {
	t.Helper()
	for _, sp := range sentence.Split(text) {
		if sp.End-sp.Start > sentence.MaxLen {
			t.Fatalf("sentence %v longer than %d bytes", sp, sentence.MaxLen)
		}
	}
	prev := 0
	for _, m := range an.Mentions {
		if m.Start < prev || m.End > len(text) || m.Start >= m.End || text[m.Start:m.End] != m.Text {
			t.Fatalf("mention %+v out of order or off the text", m)
		}
		prev = m.End
	}
	for _, q := range an.Quotes {
		if q.Start < 0 || q.End > len(text) || q.Start >= q.End || text[q.Start:q.End] != q.Text {
			t.Fatalf("quote %+v off the text", q)
		}
		if strings.Contains(q.Text, "\n") {
			t.Fatalf("quote %q runs across paragraphs", q.Text)
		}
	}
	for _, s := range an.Stances {
		if s.Start < 0 || s.End > len(text) || s.Start >= s.End || s.Holder == "" || s.Proposition == "" {
			t.Fatalf("stance %+v off the text or empty", s)
		}
		if len(s.Proposition) > sentence.MaxLen {
			t.Fatalf("proposition of %d bytes", len(s.Proposition))
		}
	}
}

// TestHostileTexts analyses generated texts of the shapes that used to make
// analysis quadratic and checks that the results are sane. Speed is
// measured by BenchmarkStages, not here.
func TestHostileTexts(t *testing.T) {
	if testing.Short() {
		t.Skip("large generated texts")
	}
	a := New()
	t.Run("30k sentences naming invented people", func(t *testing.T) {
		const n = 30000
		text := string(hostile.People(n))
		an := a.Analyze(&model.Article{ID: 1, Text: text})
		checkAnalysis(t, text, an)
		persons, keys := 0, map[string]bool{}
		for _, m := range an.Mentions {
			if m.Type == model.Person {
				persons++
				keys[m.Key] = true
			}
		}
		// every sentence opens with a two-word invented name
		if persons < n {
			t.Errorf("%d person mentions for %d sentences naming a person", persons, n)
		}
		if len(keys) < n/2 {
			t.Errorf("%d distinct people: invented names folded together", len(keys))
		}
		// "X Y said that Z had left." and "X Y denied that …": a stance
		// each, held by the person named in that sentence
		said := strings.Count(text, " said that ") + strings.Count(text, " denied that ")
		if len(an.Stances) < said*9/10 || len(an.Stances) > said {
			t.Errorf("%d stances for %d reporting sentences", len(an.Stances), said)
		}
		// the holder is the person who opens the sentence (under the key
		// that person's name folds to)
		keyAt := map[int]string{}
		for _, m := range an.Mentions {
			keyAt[m.Start] = m.Key
		}
		// (when the first word is a common one, "Love Xyz", only the
		// surname is a mention: it folds to an earlier Xyz)
		for _, s := range an.Stances {
			if k, ok := keyAt[s.Start]; ok && k != s.Holder {
				t.Fatalf("stance in %q held by %q, not by %q", s.Text, s.Holder, k)
			}
		}
	})
	t.Run("1 MB paragraph without punctuation", func(t *testing.T) {
		text := string(hostile.Unpunctuated(1 << 20))
		an := a.Analyze(&model.Article{ID: 2, Text: text})
		checkAnalysis(t, text, an)
		if len(an.Mentions) == 0 {
			t.Error("no mentions in a text full of capitalised names")
		}
	})
	t.Run("unbalanced quote marks", func(t *testing.T) {
		text := string(hostile.UnbalancedQuotes(1 << 20))
		an := a.Analyze(&model.Article{ID: 3, Text: text})
		checkAnalysis(t, text, an)
		for _, q := range an.Quotes {
			if len(q.Text) > 2*sentence.MaxLen {
				t.Fatalf("quote of %d bytes from unpaired marks", len(q.Text))
			}
		}
	})
}

// TestLongTextAnalysedUpToLimit: analysis reads the first MaxTextBytes of
// a longer text, cut at white space, and finds nothing past it.
func TestLongTextAnalysedUpToLimit(t *testing.T) {
	if testing.Short() {
		t.Skip("large generated texts")
	}
	text := string(hostile.People(200000))
	if len(text) <= MaxTextBytes {
		t.Fatalf("generated %d bytes, want more than %d", len(text), MaxTextBytes)
	}
	a := New()
	d := a.Document(&model.Article{ID: 1, Text: text})
	if len(d.Text) > MaxTextBytes || len(d.Text) < MaxTextBytes/2 || !strings.HasPrefix(text, d.Text) {
		t.Fatalf("analysed %d of %d bytes, want a prefix of at most %d", len(d.Text), len(text), MaxTextBytes)
	}
	if next := text[len(d.Text)]; next != ' ' && next != '\n' && next != '\t' {
		t.Errorf("cut before %q, not at white space", next)
	}
	an := d.Analysis()
	checkAnalysis(t, text, an)
	if len(an.Mentions) == 0 {
		t.Fatal("nothing found in the analysed part")
	}
	if last := an.Mentions[len(an.Mentions)-1]; last.End > len(d.Text) {
		t.Errorf("mention %+v past the analysed part", last)
	}
	for _, tc := range []struct{ text, want string }{
		{"short text", "short text"},
		{strings.Repeat("é", MaxTextBytes), strings.Repeat("é", MaxTextBytes/2)},
	} {
		if got := analysedText(tc.text); got != tc.want {
			t.Errorf("analysedText of %d bytes gave %d bytes, want %d", len(tc.text), len(got), len(tc.want))
		}
	}
}
