package cluster

import (
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/eval"
)

func TestExplore(t *testing.T) {
	if os.Getenv("EXPLORE") == "" {
		t.Skip()
	}
	raw := readECBRecords(t)
	ecb := eval.DenseMonth(raw, devStart, 30, 1)
	syn := synthRecords(t, denseSynth(4800, 7))
	syn9 := synthRecords(t, denseSynth(4800, 9))
	tpl := templatedOnly(syn9)
	order := make([]int, len(raw))
	for i := range order {
		order[i] = i
	}
	docs := readECB(t)
	all := byDate(ecb, syn)
	for _, spec := range strings.Split(os.Getenv("EXPLORE"), ";") {
		cfg := DefaultConfig()
		for _, kv := range strings.Split(spec, ",") {
			k, v, _ := strings.Cut(kv, "=")
			f, _ := strconv.ParseFloat(v, 64)
			switch k {
			case "ns":
				cfg.NameShare = f
			case "nw":
				cfg.NumberWeight = f
			case "nt":
				cfg.NameTail = f
			case "th":
				cfg.Threshold = f
			case "dd":
				cfg.DecayDays = f
			case "w":
				cfg.WindowDays = int32(f)
			case "coh":
				cfg.Cohesion = f
			}
		}
		e := scoreECB(t, docs, cfg, len(docs), order)
		e50 := scoreECB(t, docs, cfg, 50, order)
		pred := clusterRecords(cfg, all, 2000)
		a, b, c := scoreOn(all, pred), scoreOn(ecb, pred), scoreOn(syn, pred)
		tp := scoreOn(tpl, clusterRecords(cfg, syn9, 2000))
		t.Logf("%-20s ecb %.3f (P%.3f) ecb50 %.3f | mixed %.3f ecbpart %.3f syn %.3f | tpl %.3f (P%.3f R%.3f)", spec, e.F1, e.Precision, e50.F1, a.F1, b.F1, c.F1, tp.F1, tp.Precision, tp.Recall)
	}
}
