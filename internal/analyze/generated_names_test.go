package analyze

import (
	"errors"
	"testing"

	"github.com/parallax-news/parallax/internal/model"
	"github.com/parallax-news/parallax/internal/synth"
)

// TestGeneratedGenericNames analyses the first 3,000 articles of the
// default synthetic corpus, whose templates open sentences with generic
// subjects ("Broadcasters said", "Nobody expected", "Geologists warned"):
// no person mention and no named speaker may be such a word, and the
// articles' own outlets are never persons.
func TestGeneratedGenericNames(t *testing.T) {
	// The generic subjects the generator's templates use, listed here and
	// not taken from the recogniser's own list, which the test checks.
	genericWord := func(s string) bool {
		switch s {
		case "Broadcasters", "Geologists", "Experts", "Nobody", "Forecasters", "Investors",
			"Unions", "Observers", "Analysts", "Residents", "Officials", "Economists":
			return true
		}
		return false
	}
	if testing.Short() {
		t.Skip("analyses 3,000 generated articles")
	}
	cfg := synth.DefaultConfig()
	cfg.Articles = 3000
	a := New()
	var persons, generic, speakers, outlets int
	err := synth.Generate(cfg, func(g synth.Article) error {
		res := a.Analyze(&model.Article{Title: g.Title, Text: g.Text, Outlet: g.Outlet})
		for _, m := range res.Mentions {
			if m.Type != model.Person {
				continue
			}
			persons++
			if genericWord(m.Text) {
				generic++
				t.Logf("%s: person %q", g.ID, m.Text)
			}
			if m.Text == g.Outlet {
				outlets++
				t.Logf("%s: outlet %q typed a person", g.ID, m.Text)
			}
		}
		for _, q := range res.Quotes {
			if q.Speaker != "" && genericWord(q.Speaker) {
				speakers++
				t.Logf("%s: speaker %q", g.ID, q.Speaker)
			}
		}
		if generic+speakers+outlets > 20 {
			return errors.New("too many to list")
		}
		return nil
	})
	if err != nil && generic+speakers+outlets <= 20 {
		t.Fatal(err)
	}
	if persons == 0 {
		t.Fatal("no person mentions at all: the corpus or the analyser changed")
	}
	if generic > 0 || speakers > 0 || outlets > 0 {
		t.Errorf("of %d person mentions: %d generic words, %d outlets; %d quotes credited to a generic word", persons, generic, outlets, speakers)
	}
}
