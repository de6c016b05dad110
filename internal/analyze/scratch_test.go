package analyze

import (
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/parallax-news/parallax/internal/model"
)

// TestAnalyzeReusesScratch checks that Analyze, which works in memory
// reused from earlier calls, finds what Document finds in memory of its
// own, whatever the articles analysed before: long ones leave their
// tokens behind in the buffers a shorter one then reads.
func TestAnalyzeReusesScratch(t *testing.T) {
	long := strings.Repeat(`“We will not sign this agreement,” said Marta Velasquez, the union's chair. `+
		`The ministry denied that it had cut the budget. Orvel Dunmore admitted the plan was late.`+"\n", 40)
	hand := []*model.Article{
		{ID: 1001, Text: long, Outlet: "Harbor Ledger"},
		{ID: 1002, Text: `Tesmar Quill said: "The bridge opens in May." Critics accused the council of hiding the cost.`},
		{ID: 1003, Text: ""},
		{ID: 1004, Text: `'Not now,' she said. He didn't deny that the vote was delayed.`},
		{ID: 1005, Text: long[:len(long)/3]},
		{ID: 1006, Text: `No quotes here, only Pellworth Mining and the city of Arnsby.`},
	}
	arts := append(hand, synthArticles(t, 200)...)
	an := New()
	want := make([]model.Analysis, len(arts))
	for i, a := range arts {
		want[i] = New().Document(a).Analysis()
	}
	var quotes, stances int
	for _, a := range want {
		quotes += len(a.Quotes)
		stances += len(a.Stances)
	}
	if quotes == 0 || stances == 0 {
		t.Fatalf("the texts hold %d quotes and %d stances: too few to compare", quotes, stances)
	}
	tests := []struct {
		name  string
		order func(i int) int
	}{
		{"in order", func(i int) int { return i }},
		{"reversed", func(i int) int { return len(arts) - 1 - i }},
		{"long and short alternating", func(i int) int {
			if i%2 == 0 {
				return 0
			}
			return i
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for i := range arts {
				j := tt.order(i)
				if got := an.Analyze(arts[j]); !reflect.DeepEqual(got, want[j]) {
					t.Fatalf("article %d: Analyze differs from Document:\n got %+v\nwant %+v", arts[j].ID, got, want[j])
				}
			}
		})
	}
	t.Run("concurrent", func(t *testing.T) {
		var wg sync.WaitGroup
		errs := make(chan int64, len(arts))
		for w := range 4 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := w; i < len(arts); i += 2 {
					if got := an.Analyze(arts[i]); !reflect.DeepEqual(got, want[i]) {
						errs <- arts[i].ID
						return
					}
				}
			}()
		}
		wg.Wait()
		close(errs)
		for id := range errs {
			t.Errorf("article %d: Analyze differs from Document when run concurrently", id)
		}
	})
}
