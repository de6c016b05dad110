package cluster

import "testing"

func TestNamesApart(t *testing.T) {
	c := New(DefaultConfig())
	for _, tt := range []struct {
		name         string
		all, names   float64 // sums of the similarities of the pairs, whole and of names
		sizeA, sizeB int
		storyB       bool // b holds an earlier story
		gate         float64
		want         bool
	}{
		{"two pairs naming other things", 1, 0.08, 2, 2, false, 0.04, true},
		{"two pairs sharing names", 1, 0.4, 2, 2, false, 0.04, false},
		{"at the gate", 1, 0.16, 2, 2, false, 0.04, false},
		{"a single article and a new cluster are not tested", 1, 0, 1, 5, false, 0.04, false},
		{"a single article joining a story naming other things", 1, 0.1, 1, 5, true, 0.04, true},
		{"a single article joining a story sharing names", 1, 0.3, 1, 5, true, 0.04, false},
		{"a single article and a story of one sharing names", 0.3, 0.2, 1, 1, true, 0.04, false},
		{"two single articles sharing names", 0.3, 0.2, 1, 1, false, 0.04, false},
		{"two single articles from one template", 0.36, 0.066, 1, 1, false, 0.04, true},
		{"two single articles sharing no names, short texts", 0.2, 0, 1, 1, false, 0, false},
		{"a story and a pair", 1, 0.1, 5, 2, false, 0.04, true},
		{"gate off", 1, 0, 3, 3, false, 0, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			a, b := &node{size: tt.sizeA}, &node{size: tt.sizeB}
			if tt.storyB {
				b.stories = []int64{1}
			}
			s := sims{all: tt.all, names: tt.names}
			if got := c.namesApart(s, a, b, tt.gate); got != tt.want {
				t.Errorf("namesApart(%v, %d, %d, %v) = %v, want %v", s, tt.sizeA, tt.sizeB, tt.gate, got, tt.want)
			}
			if got := c.namesApart(s, b, a, tt.gate); got != tt.want {
				t.Errorf("namesApart(%v, %d, %d, %v) swapped = %v, want %v", s, tt.sizeB, tt.sizeA, tt.gate, got, tt.want)
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
