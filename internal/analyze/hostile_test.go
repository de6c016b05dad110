package analyze

import (
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/analyze/sentence"
	"github.com/parallax-news/parallax/internal/model"
)

// lcg is a small deterministic generator for the test texts.
type lcg uint64

func (r *lcg) next(n int) int {
	*r = *r*6364136223846793005 + 1442695040888963407
	return int(uint64(*r>>33) % uint64(n))
}

var syllables = []string{"ka", "kle", "mi", "ter", "van", "do", "ru", "sel", "bra", "nik", "ob", "tal", "vuk", "zu", "pem", "gar"}

// inventedName returns a capitalised invented word of two or three syllables.
func inventedName(r *lcg) string {
	var b strings.Builder
	for i, n := 0, 2+r.next(2); i < n; i++ {
		b.WriteString(syllables[r.next(len(syllables))])
	}
	w := b.String()
	return strings.ToUpper(w[:1]) + w[1:]
}

// peopleText returns n short sentences naming invented people, in
// paragraphs of ten sentences: the shape that made entity folding
// quadratic.
func peopleText(n int) string {
	r := lcg(7)
	var b strings.Builder
	verbs := []string{"met", "called", "thanked", "criticised", "said", "denied"}
	for i := 0; i < n; i++ {
		first, last := inventedName(&r), inventedName(&r)
		other := inventedName(&r)
		switch v := verbs[r.next(len(verbs))]; v {
		case "said", "denied":
			b.WriteString(first + " " + last + " " + v + " that " + other + " had left.")
		default:
			b.WriteString(first + " " + last + " " + v + " " + other + ".")
		}
		if i%10 == 9 {
			b.WriteString("\n")
		} else {
			b.WriteString(" ")
		}
	}
	return b.String()
}

// unpunctuatedText returns about n bytes of words with no punctuation and
// no line break: one sentence as long as the text.
func unpunctuatedText(n int) string {
	r := lcg(11)
	words := []string{"the", "minister", "said", "that", "officials", "denied", "reports", "of", "a", "deal", "with", "spokesman", "who", "told", "reporters", "he", "accused"}
	var b strings.Builder
	for b.Len() < n {
		if r.next(5) == 0 {
			b.WriteString(inventedName(&r))
		} else {
			b.WriteString(words[r.next(len(words))])
		}
		b.WriteByte(' ')
	}
	return b.String()
}

// unbalancedQuotesText returns about n bytes of sentences whose quotation
// marks mostly do not pair: openings without closings, closings without
// openings, straight and curly marks mixed.
func unbalancedQuotesText(n int) string {
	r := lcg(13)
	marks := []string{"“", "”", "\"", "'", "‘", "’", "«", "»"}
	var b strings.Builder
	for b.Len() < n {
		b.WriteString(marks[r.next(len(marks))])
		b.WriteString(inventedName(&r) + " said the plan " + marks[r.next(len(marks))] + "would fail, he added")
		if r.next(3) == 0 {
			b.WriteString(marks[r.next(len(marks))])
		}
		b.WriteString(". ")
		if r.next(8) == 0 {
			b.WriteString("\n")
		}
	}
	return b.String()
}

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
		text := peopleText(n)
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
		text := unpunctuatedText(1 << 20)
		an := a.Analyze(&model.Article{ID: 2, Text: text})
		checkAnalysis(t, text, an)
		if len(an.Mentions) == 0 {
			t.Error("no mentions in a text full of capitalised names")
		}
	})
	t.Run("unbalanced quote marks", func(t *testing.T) {
		text := unbalancedQuotesText(1 << 20)
		an := a.Analyze(&model.Article{ID: 3, Text: text})
		checkAnalysis(t, text, an)
		for _, q := range an.Quotes {
			if len(q.Text) > 2*sentence.MaxLen {
				t.Fatalf("quote of %d bytes from unpaired marks", len(q.Text))
			}
		}
	})
}
