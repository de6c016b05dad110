package cluster

import (
	"math"
	"testing"
)

func TestCohesionFor(t *testing.T) {
	c := New(DefaultConfig())
	cfg := c.cfg
	batch := func(lens ...int) []item {
		its := make([]item, len(lens))
		for i, n := range lens {
			its[i].v = make(vec, n)
		}
		return its
	}
	mid := cfg.Cohesion + 0.5*(cfg.ShortCohesion-cfg.Cohesion)
	geo := int(math.Round(math.Sqrt(float64(cfg.LongFeatures * cfg.ShortFeatures))))
	tests := []struct {
		name string
		its  []item
		want float64
	}{
		{"empty batch", nil, cfg.Cohesion},
		{"full articles", batch(300, 160, 140), cfg.Cohesion},
		{"short leads", batch(10, 20, 25, 400), cfg.ShortCohesion},
		{"halfway on a log scale", batch(geo), mid},
	}
	for _, tt := range tests {
		if got := c.cohesionFor(tt.its); math.Abs(got-tt.want) > 0.002 {
			t.Errorf("%s: cohesion %.4f, want %.4f", tt.name, got, tt.want)
		}
	}
	if cfg.ShortCohesion >= cfg.Cohesion {
		t.Errorf("ShortCohesion %.2f should be below Cohesion %.2f", cfg.ShortCohesion, cfg.Cohesion)
	}
}
