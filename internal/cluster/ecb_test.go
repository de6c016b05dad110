package cluster

import (
	"bufio"
	"encoding/json"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/eval"
)

// ecbPath is the ECB+ development set, shared outside the repository.
const ecbPath = "../../../shared/eval/ecbplus-dev.jsonl"

type ecbDoc struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	Text  string `json:"text"`
	Story string `json:"story"`
}

func readECB(t testing.TB) []ecbDoc {
	f, err := os.Open(ecbPath)
	if err != nil {
		t.Skipf("ECB+ development set not available (%v); skipping", err)
	}
	defer f.Close()
	var out []ecbDoc
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for sc.Scan() {
		var d ecbDoc
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			t.Fatal(err)
		}
		out = append(out, d)
	}
	return out
}

// scoreECB clusters the documents in batches of batch and returns BCubed.
func scoreECB(t testing.TB, docs []ecbDoc, cfg Config, batch int, order []int) eval.Scores {
	c := New(cfg)
	ext := map[int64]string{}
	var pending []Doc
	flush := func() {
		c.AddBatch(pending)
		pending = pending[:0]
	}
	for k, i := range order {
		d := docs[i]
		id := int64(k + 1)
		ext[id] = d.ID
		pending = append(pending, Doc{ID: id, Title: d.Title, Text: d.Text})
		if len(pending) == batch {
			flush()
		}
	}
	flush()
	gold, pred := map[string]string{}, map[string]string{}
	for id, e := range ext {
		pred[e] = string(rune(c.Story(id)))
	}
	for _, d := range docs {
		gold[d.ID] = d.Story
	}
	return eval.BCubed(gold, pred)
}

// leads cuts every text to its sentences within the first n bytes, as in
// collections of headlines with short leads.
func leads(docs []ecbDoc, n int) []ecbDoc {
	out := slices.Clone(docs)
	for i := range out {
		tx := out[i].Text
		if len(tx) <= n {
			continue
		}
		cut := strings.LastIndexAny(tx[:n], ".!?")
		if cut < 50 {
			cut = n - 1
		}
		out[i].Text = tx[:cut+1]
	}
	return out
}

// TestECBPlusLeads scores the same events told in short texts. The
// cohesion factor's dependence on length (Config.ShortCohesion) was set
// on these cuts, so they check it rather than measure it.
func TestECBPlusLeads(t *testing.T) {
	docs := readECB(t)
	order := make([]int, len(docs))
	for i := range order {
		order[i] = i
	}
	for _, tt := range []struct {
		bytes int
		floor float64
	}{{300, 0.87}, {600, 0.89}, {1200, 0.89}} {
		s := scoreECB(t, leads(docs, tt.bytes), DefaultConfig(), len(docs), order)
		t.Logf("texts cut to %d bytes: BCubed P=%.3f R=%.3f F1=%.3f", tt.bytes, s.Precision, s.Recall, s.F1)
		if s.F1 < tt.floor {
			t.Errorf("texts cut to %d bytes: BCubed F1 = %.3f, want >= %.2f", tt.bytes, s.F1, tt.floor)
		}
	}
}

func TestECBPlus(t *testing.T) {
	docs := readECB(t)
	fwd := make([]int, len(docs))
	rev := make([]int, len(docs))
	for i := range docs {
		fwd[i] = i
		rev[i] = len(docs) - 1 - i
	}
	tests := []struct {
		name  string
		batch int
		order []int
		floor float64
	}{
		{"one batch", len(docs), fwd, 0.89},
		{"reversed", len(docs), rev, 0.89},
		{"online, batches of 50", 50, fwd, 0.85},
		{"online, batches of 10", 10, rev, 0.84},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := scoreECB(t, docs, DefaultConfig(), tt.batch, tt.order)
			t.Logf("BCubed P=%.3f R=%.3f F1=%.3f", s.Precision, s.Recall, s.F1)
			if s.F1 < tt.floor {
				t.Errorf("BCubed F1 = %.3f, want >= %.2f", s.F1, tt.floor)
			}
		})
	}
}
