package eval

import (
	"math"
	"testing"
)

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func check(t *testing.T, what string, got, want Scores) {
	t.Helper()
	if !near(got.Precision, want.Precision) || !near(got.Recall, want.Recall) || !near(got.F1, want.F1) {
		t.Errorf("%s = %+v, want %+v", what, got, want)
	}
}

func f1(p, r float64) float64 { return 2 * p * r / (p + r) }

func TestScores(t *testing.T) {
	gold := map[string]string{"a": "X", "b": "X", "c": "X", "d": "Y", "e": "Y"}
	tests := []struct {
		name     string
		gold     map[string]string
		pred     map[string]string
		bcubed   Scores
		pairwise Scores
	}{
		{
			name:     "perfect",
			gold:     gold,
			pred:     map[string]string{"a": "1", "b": "1", "c": "1", "d": "2", "e": "2"},
			bcubed:   Scores{1, 1, 1},
			pairwise: Scores{1, 1, 1},
		},
		{
			// One cluster of all five: BCubed precision (3·3/5 + 2·2/5)/5 =
			// 13/25, recall 1; pairs: 10 predicted, 3+1 = 4 correct.
			name:     "all in one",
			gold:     gold,
			pred:     map[string]string{"a": "1", "b": "1", "c": "1", "d": "1", "e": "1"},
			bcubed:   Scores{13.0 / 25, 1, f1(13.0/25, 1)},
			pairwise: Scores{4.0 / 10, 1, f1(0.4, 1)},
		},
		{
			// All singletons: BCubed precision 1, recall (3·1/3 + 2·1/2)/5 =
			// 2/5; no predicted pair, so pairwise precision 1, recall 0.
			name:     "singletons",
			gold:     gold,
			pred:     map[string]string{"a": "1", "b": "2", "c": "3", "d": "4", "e": "5"},
			bcubed:   Scores{1, 2.0 / 5, f1(1, 0.4)},
			pairwise: Scores{1, 0, 0},
		},
		{
			// {a,b} {c,d,e}: precision a,b: 1; c: 1/3; d,e: 2/3 → (2+1/3+4/3)/5
			// = 11/15. Recall a,b: 2/3; c: 1/3; d,e: 1 → (4/3+1/3+2)/5 = 11/15.
			// Pairs: pred {ab, cd, ce, de} = 4, correct ab, de = 2; gold 4.
			name:     "split and mix",
			gold:     gold,
			pred:     map[string]string{"a": "1", "b": "1", "c": "2", "d": "2", "e": "2"},
			bcubed:   Scores{11.0 / 15, 11.0 / 15, 11.0 / 15},
			pairwise: Scores{0.5, 0.5, 0.5},
		},
		{
			// Missing items become singletons; extra items are ignored.
			name:     "missing and extra",
			gold:     map[string]string{"a": "X", "b": "X"},
			pred:     map[string]string{"a": "1", "z": "1"},
			bcubed:   Scores{1, 0.5, f1(1, 0.5)},
			pairwise: Scores{1, 0, 0},
		},
		{
			name:     "empty gold",
			gold:     map[string]string{},
			pred:     map[string]string{"a": "1"},
			bcubed:   Scores{},
			pairwise: Scores{},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			check(t, "BCubed", BCubed(tc.gold, tc.pred), tc.bcubed)
			check(t, "Pairwise", Pairwise(tc.gold, tc.pred), tc.pairwise)
		})
	}
}
