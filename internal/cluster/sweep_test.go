package cluster

import (
	"os"
	"testing"
)

// TestSweep prints BCubed F1 over a grid of settings; it runs only when
// CLUSTER_SWEEP is set, as a tuning aid.
func TestSweep(t *testing.T) {
	if os.Getenv("CLUSTER_SWEEP") == "" {
		t.Skip("set CLUSTER_SWEEP=1 to run the tuning sweep")
	}
	docs := readECB(t)
	fwd := make([]int, len(docs))
	for i := range docs {
		fwd[i] = i
	}
	for _, nt := range []float64{0.2, 0.3, 0.45} {
		for _, ns := range []float64{0.03, 0.045, 0.06} {
			for _, co := range []float64{0.54, 0.58, 0.62} {
				cfg := DefaultConfig()
				cfg.Cohesion1, cfg.Threshold, cfg.Cohesion = nt, ns, co
				a := scoreECB(t, docs, cfg, len(docs), fwd)
				t.Logf("nt=%.2f ns=%.2f co=%.2f one=%.3f (P%.3f R%.3f)", nt, ns, co, a.F1, a.Precision, a.Recall)
			}
		}
	}
}
