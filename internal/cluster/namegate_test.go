package cluster

import "testing"

func TestNamesApart(t *testing.T) {
	for _, tt := range []struct {
		name         string
		names        float64 // sum of the name similarities of the pairs
		sizeA, sizeB int
		storyB       bool // b holds an earlier story
		gate         float64
		want         bool
	}{
		{"two pairs naming other things", 0.08, 2, 2, false, 0.04, true},
		{"two pairs sharing names", 0.4, 2, 2, false, 0.04, false},
		{"at the gate", 0.16, 2, 2, false, 0.04, false},
		{"a single article and a new cluster are not tested", 0, 1, 5, false, 0.04, false},
		{"a single article joining a story naming other things", 0.1, 1, 5, true, 0.04, true},
		{"a single article joining a story sharing names", 0.3, 1, 5, true, 0.04, false},
		{"a single article and a story of one are not tested", 0, 1, 1, true, 0.04, false},
		{"a story and a pair", 0.1, 5, 2, false, 0.04, true},
		{"gate off", 0, 3, 3, false, 0, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			a, b := &node{size: tt.sizeA}, &node{size: tt.sizeB}
			if tt.storyB {
				b.stories = []int64{1}
			}
			if got := namesApart(tt.names, a, b, tt.gate); got != tt.want {
				t.Errorf("namesApart(%v, %d, %d, %v) = %v, want %v", tt.names, tt.sizeA, tt.sizeB, tt.gate, got, tt.want)
			}
			if got := namesApart(tt.names, b, a, tt.gate); got != tt.want {
				t.Errorf("namesApart(%v, %d, %d, %v) swapped = %v, want %v", tt.names, tt.sizeB, tt.sizeA, tt.gate, got, tt.want)
			}
		})
	}
}

func TestGateFor(t *testing.T) {
	c := New(DefaultConfig())
	batch := func(features ...int) []item {
		its := make([]item, len(features))
		for i, n := range features {
			its[i].v = make(vec, n)
		}
		return its
	}
	least := c.cfg.NameGateFeatures
	for _, tt := range []struct {
		name  string
		items []item
		want  float64
	}{
		{"long texts", batch(least+40, least+10, least), c.cfg.NameGate},
		{"short texts", batch(least-20, least-1, least+50), 0},
		{"empty batch", nil, 0},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := c.gateFor(tt.items); got != tt.want {
				t.Errorf("gateFor = %v, want %v", got, tt.want)
			}
		})
	}
}
