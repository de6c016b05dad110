package analyze

import (
	"reflect"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/model"
)

// TestDocument checks that a Document holds every stage's results over one
// sentence split, and that Analyze returns the same as its Analysis.
func TestDocument(t *testing.T) {
	text := "Officials order evacuations\n" +
		"The regional governor, Mara Tellin, said on Monday that the levee would hold. “The pumps are working,” she told reporters.\n" +
		"Farmers accused the agency of opening the gates too late. The agency denied it."
	a := New()
	art := &model.Article{ID: 7, Text: text}
	d := a.Document(art)
	if d.ArticleID != 7 || d.Text != text {
		t.Fatalf("document of %d with text %q", d.ArticleID, d.Text)
	}
	if len(d.Sentences) != 5 {
		t.Errorf("%d sentences, want 5: %v", len(d.Sentences), d.Sentences)
	}
	if len(d.QuoteMarks) != 1 || !strings.HasPrefix(text[d.QuoteMarks[0].Open:], "“The pumps") {
		t.Errorf("quote marks %+v", d.QuoteMarks)
	}
	inSentence := func(s model.Span) bool {
		for _, sp := range d.Sentences {
			if sp.Start <= s.Start && s.End <= sp.End {
				return true
			}
		}
		return false
	}
	for _, m := range d.Mentions {
		if !inSentence(m.Span) {
			t.Errorf("mention %q outside the sentences", m.Text)
		}
	}
	for _, s := range d.Stances {
		if s.ArticleID != 7 || !inSentence(s.Span) {
			t.Errorf("stance %+v not of a sentence of article 7", s)
		}
	}
	if len(d.Quotes) == 0 || len(d.Stances) == 0 {
		t.Errorf("%d quotes, %d stances", len(d.Quotes), len(d.Stances))
	}
	if got := a.Analyze(art); !reflect.DeepEqual(got, d.Analysis()) {
		t.Errorf("Analyze differs from Document.Analysis:\n%+v\n%+v", got, d.Analysis())
	}
}
