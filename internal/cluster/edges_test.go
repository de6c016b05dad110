package cluster

import (
	"testing"

	"github.com/parallax-news/parallax/internal/synth"
)

// TestEdgesScorePairsOnce checks that the edges of a batch carry, for
// each article and each of its nearest articles, the similarity the
// article itself would compute with the other, while each pair of
// articles is scored only once: through the index over the batch (a
// large batch) and pair by pair (a small one).
func TestEdgesScorePairsOnce(t *testing.T) {
	scfg := synth.DefaultConfig()
	scfg.Articles = 1600
	scfg.SpanMonths = 1
	var docs []Doc
	err := synth.Generate(scfg, func(a synth.Article) error {
		docs = append(docs, Doc{ID: int64(len(docs) + 1), Title: a.Title, Text: a.Text, Published: a.Published})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		allPairs int
	}{
		{"index", 100},
		{"all pairs", 1000},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := DefaultConfig()
			cfg.AllPairs = tt.allPairs
			c := New(cfg)
			c.AddBatch(clone(docs[:800]))
			b := &batch{c: c, items: c.vectorize(clone(docs[800:1400]))}
			if err := c.wake(b.items); err != nil {
				t.Fatal(err)
			}
			b.joinNearCopies()
			if small := len(b.free) <= cfg.AllPairs; small != (tt.allPairs == 1000) {
				t.Fatalf("%d free articles: small batch = %v", len(b.free), small)
			}
			docEdges, _ := b.edges()
			pairs := map[[2]int]bool{}
			var pr probe
			edges := 0
			for _, i := range b.free {
				it := &b.items[i]
				pr.load(it.v)
				if len(docEdges[i]) == 0 {
					t.Fatalf("article %d has no edges", i)
				}
				for _, cd := range docEdges[i] {
					j := int(cd.id)
					o := &b.items[j]
					want, wantNames := b.sim(&pr, it, o.v, o.when())
					if cd.s != want || cd.n != wantNames {
						t.Fatalf("edge %d-%d: similarity %v (names %v), want %v (names %v)", i, j, cd.s, cd.n, want, wantNames)
					}
					pairs[[2]int{min(i, j), max(i, j)}] = true
					edges++
				}
			}
			want := len(pairs)
			if tt.allPairs == 1000 {
				want = len(b.free) * (len(b.free) - 1) / 2
			}
			if b.pairSims != want {
				t.Errorf("%d pair similarities scored for %d edges, want %d", b.pairSims, edges, want)
			}
			if tt.allPairs == 100 && len(pairs) == edges {
				t.Errorf("no pair found from both sides among %d edges", edges)
			}
		})
	}
}

// clone copies docs, so that each clusterer counts its own.
func clone(docs []Doc) []Doc { return append([]Doc(nil), docs...) }
