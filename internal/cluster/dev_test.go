package cluster

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/dedupe"
	"github.com/parallax-news/parallax/internal/eval"
	"github.com/parallax-news/parallax/internal/synth"
)

// Development streams that look like a real feed: dated, many stories a
// day, events of one kind on one subject days or years apart. The figures
// they log are development figures (the settings were tuned on them), not
// held-out ones.

// devStart is the first day of the development streams.
var devStart = time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)

// readECBRecords reads ECB+ dev as gold records, or skips.
func readECBRecords(t testing.TB) []eval.Record {
	recs, err := eval.ReadRecords(ecbPath)
	if err != nil {
		t.Skipf("ECB+ development set not available (%v); skipping", err)
	}
	return recs
}

// synthRecords generates a synthetic stream as gold records.
func synthRecords(t testing.TB, cfg synth.Config) []eval.Record {
	var out []eval.Record
	err := synth.Generate(cfg, func(a synth.Article) error {
		out = append(out, eval.Record{ID: a.ID, Title: a.Title, Text: a.Text, Outlet: a.Outlet, Published: a.Published, Story: a.Story})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// denseSynth is a month of synthetic news with about 27 stories a day.
func denseSynth(n int, seed int64) synth.Config {
	cfg := synth.DefaultConfig()
	cfg.Articles, cfg.Seed, cfg.Start, cfg.SpanMonths = n, seed, devStart, 1
	return cfg
}

// clusterRecords folds near-copies and clusters records in their order,
// in batches of batch, as the pipeline does, and returns each record's
// story as a label.
func clusterRecords(cfg Config, recs []eval.Record, batch int) map[string]string {
	c := New(cfg)
	dd := dedupe.New(dedupe.DefaultConfig())
	var pending []Doc
	for i := 0; i < len(recs); i += batch {
		pending = pending[:0]
		for k, r := range recs[i:min(i+batch, len(recs))] {
			id := int64(i + k + 1)
			pending = append(pending, Doc{ID: id, Title: r.Title, Text: r.Text, Published: r.Published, Outlet: r.Outlet, DuplicateOf: dd.Add(id, r.Text)})
		}
		c.AddBatch(pending)
	}
	pred := make(map[string]string, len(recs))
	for i, r := range recs {
		pred[r.ID] = fmt.Sprint(c.Story(int64(i + 1)))
	}
	return pred
}

// byDate merges record sets into one stream sorted by date.
func byDate(sets ...[]eval.Record) []eval.Record {
	var all []eval.Record
	for _, s := range sets {
		all = append(all, s...)
	}
	slices.SortStableFunc(all, func(a, b eval.Record) int { return a.Published.Compare(b.Published) })
	return all
}

// scoreOn is BCubed of pred over the records of one set.
func scoreOn(recs []eval.Record, pred map[string]string) eval.Scores {
	return eval.BCubed(eval.Gold(recs), pred)
}

func TestDevDenseMonth(t *testing.T) {
	ecb := eval.DenseMonth(readECBRecords(t), devStart, 30, 1)
	syn := synthRecords(t, denseSynth(4800, 7))
	tests := []struct {
		name  string
		recs  []eval.Record
		batch int
		floor float64
	}{
		{"ECB+ dev dated over a month, batches of 100", ecb, 100, 0.95},
		{"synthetic month, 27 stories a day, batches of 2000", syn, 2000, 0.95},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := scoreOn(tt.recs, clusterRecords(DefaultConfig(), tt.recs, tt.batch))
			t.Logf("dev BCubed P=%.3f R=%.3f F1=%.3f", s.Precision, s.Recall, s.F1)
			if s.F1 < tt.floor {
				t.Errorf("BCubed F1 = %.3f, want >= %.2f", s.F1, tt.floor)
			}
		})
	}
	t.Run("mixed", func(t *testing.T) {
		all := byDate(ecb, syn)
		pred := clusterRecords(DefaultConfig(), all, 2000)
		for _, part := range []struct {
			name  string
			recs  []eval.Record
			floor float64
		}{{"all", all, 0.95}, {"ECB+ part", ecb, 0.95}, {"synthetic part", syn, 0.95}} {
			s := scoreOn(part.recs, pred)
			t.Logf("dev BCubed on %s: P=%.3f R=%.3f F1=%.3f", part.name, s.Precision, s.Recall, s.F1)
			if s.F1 < part.floor {
				t.Errorf("%s: BCubed F1 = %.3f, want >= %.2f", part.name, s.F1, part.floor)
			}
		}
	})
}

// shortRecords cuts every text to its sentences within the first n bytes
// (see leads).
func shortRecords(recs []eval.Record, n int) []eval.Record {
	docs := make([]ecbDoc, len(recs))
	for i, r := range recs {
		docs[i] = ecbDoc{ID: r.ID, Title: r.Title, Text: r.Text, Story: r.Story}
	}
	docs = leads(docs, n)
	out := slices.Clone(recs)
	for i := range out {
		out[i].Text = docs[i].Text
	}
	return out
}

// TestDevDenseShort: the dense month with ECB+ texts cut to their first
// 300 bytes, as in feeds of headlines with short leads, mixed into the
// synthetic month.
func TestDevDenseShort(t *testing.T) {
	ecb := eval.DenseMonth(shortRecords(readECBRecords(t), 300), devStart, 30, 1)
	syn := synthRecords(t, denseSynth(4800, 7))
	pred := clusterRecords(DefaultConfig(), byDate(ecb, syn), 2000)
	s := scoreOn(ecb, pred)
	t.Logf("ECB+ dev leads in the mixed month: dev BCubed P=%.3f R=%.3f F1=%.3f", s.Precision, s.Recall, s.F1)
	if s.F1 < 0.93 {
		t.Errorf("BCubed F1 = %.3f, want >= 0.93", s.F1)
	}
}

func TestDevYearsApart(t *testing.T) {
	ecb := eval.YearsApart(readECBRecords(t), devStart.AddDate(-10, 0, 0), 3, 1)
	for _, batch := range []int{len(ecb), 50} {
		s := scoreOn(ecb, clusterRecords(DefaultConfig(), ecb, batch))
		t.Logf("ECB+ dev, a topic's events years apart, batches of %d: dev BCubed P=%.3f R=%.3f F1=%.3f", batch, s.Precision, s.Recall, s.F1)
		if s.F1 < 0.95 || s.Precision < 0.99 {
			t.Errorf("batches of %d: BCubed P = %.3f F1 = %.3f, want P >= 0.99, F1 >= 0.95", batch, s.Precision, s.F1)
		}
	}
}

// templatedOnly keeps the records of templated stories.
func templatedOnly(recs []eval.Record) []eval.Record {
	var out []eval.Record
	for _, r := range recs {
		if synth.Templated(r.Story) {
			out = append(out, r)
		}
	}
	return out
}

func TestDevTemplated(t *testing.T) {
	syn := synthRecords(t, denseSynth(4800, 9))
	tpl := templatedOnly(syn)
	for _, tt := range []struct {
		name  string
		recs  []eval.Record
		floor float64
	}{{"templated stories alone", tpl, 0.95}, {"within the whole month", syn, 0.95}} {
		pred := clusterRecords(DefaultConfig(), tt.recs, 2000)
		s := scoreOn(tpl, pred)
		t.Logf("%s: dev BCubed on templated stories P=%.3f R=%.3f F1=%.3f (%d articles)", tt.name, s.Precision, s.Recall, s.F1, len(tpl))
		if s.F1 < tt.floor {
			t.Errorf("%s: BCubed F1 = %.3f, want >= %.2f", tt.name, s.F1, tt.floor)
		}
	}
}
