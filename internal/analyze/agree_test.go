package analyze

import (
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/model"
)

// TestQuoteAndClaimAgree checks that the quote finder and the claim finder
// credit a statement to the same speaker: a title with no person of that
// role named before it stays unresolved in both, never the person named
// after it.
func TestQuoteAndClaimAgree(t *testing.T) {
	tests := []struct {
		name, text, statement, notSpeaker string
	}{
		{"title before a later name",
			"The ministry spokesman said “the dam is safe.” Farmer John Smith, who lives below the dam, said the water had risen all week.",
			"the dam is safe", "John Smith"},
		{"title before a name in the same sentence",
			"The senator denied that Gen. Ruiz had ordered the strike on Jan. 5 near the border.",
			"Ruiz had ordered the strike", "Ruiz"},
		{"title before a name in the next sentence",
			"A company spokeswoman said the plant would reopen on Monday. Union leader Maria Costa said workers had not been told.",
			"the plant would reopen", "Maria Costa"},
	}
	a := New()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			an := a.Analyze(&model.Article{ID: 1, Text: tc.text})
			for _, q := range an.Quotes {
				if strings.Contains(q.Text, tc.statement) && q.Speaker == tc.notSpeaker {
					t.Errorf("quote %q credited to %q", q.Text, q.Speaker)
				}
			}
			found := false
			for _, s := range an.Stances {
				if !strings.Contains(s.Proposition, tc.statement) {
					continue
				}
				found = true
				if s.Holder == tc.notSpeaker {
					t.Errorf("claim %q credited to %q", s.Proposition, s.Holder)
				}
			}
			if !found {
				t.Errorf("no claim %q in %+v", tc.statement, an.Stances)
			}
		})
	}
}
