package storage

import (
	"context"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/model"
)

// noRows is an empty result set.
type noRows struct{}

func (noRows) Next() bool        { return false }
func (noRows) Scan(...any) error { return nil }
func (noRows) Err() error        { return nil }

// TestReadAnalysisRowsNamesSparseIDs checks that a window whose articles
// are spread over a wide id range (a story's articles over a whole store)
// is read by naming the ids, and a dense window by its range alone.
func TestReadAnalysisRowsNamesSparseIDs(t *testing.T) {
	tests := []struct {
		name     string
		ids      []int64
		wantList string // "" when the query must not name ids
	}{
		{"dense", []int64{10, 11, 12, 14}, ""},
		{"sparse", []int64{7, 90000, 3}, "article_id IN (3,7,90000)"},
		{"one", []int64{42}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			byID := map[int64]*model.Analysis{}
			lo, hi := tt.ids[0], tt.ids[0]
			for _, id := range tt.ids {
				byID[id] = &model.Analysis{ArticleID: id}
				lo, hi = min(lo, id), max(hi, id)
			}
			var queries []string
			q := func(ctx context.Context, q string, a, b int64) (Rows, func(), error) {
				if a != lo || b != hi {
					t.Errorf("query range %d-%d, want %d-%d", a, b, lo, hi)
				}
				queries = append(queries, q)
				return noRows{}, func() {}, nil
			}
			if err := ReadAnalysisRows(context.Background(), q, lo, hi, byID); err != nil {
				t.Fatal(err)
			}
			if len(queries) != 3 {
				t.Fatalf("%d queries, want 3", len(queries))
			}
			for _, q := range queries {
				named := strings.Contains(q, "article_id IN (")
				switch {
				case tt.wantList == "" && named:
					t.Errorf("dense window names its ids: %s", q)
				case tt.wantList != "" && !strings.Contains(q, tt.wantList):
					t.Errorf("query %s: want it to contain %s", q, tt.wantList)
				}
			}
		})
	}
}
