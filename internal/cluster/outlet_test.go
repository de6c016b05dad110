package cluster

import (
	"fmt"
	"math"
	"testing"
	"time"
)

// Word hashes have their lowest bit clear, name hashes set (see isName).
const (
	tmplWord  uint64 = 0x1000
	eventWord uint64 = 0x2000
	otherWord uint64 = 0x3000
	tmplName  uint64 = 0x4001
)

// outletArticle is an article of the template table: its outlet, day and
// features.
type outletArticle struct {
	outlet string
	day    int32
	feats  []uint64
}

func vecOf(hs ...uint64) vec {
	v := make(vec, len(hs))
	for i, h := range hs {
		v[i] = feat{h, 0.5}
	}
	return v
}

func TestOutletTemplate(t *testing.T) {
	cfg := DefaultConfig()
	// n articles of outlet A on day 100, the first k of them carrying the
	// template word.
	outletA := func(n, k int) []outletArticle {
		var out []outletArticle
		for i := range n {
			fs := []uint64{otherWord + uint64(i+1)*2}
			if i < k {
				fs = append(fs, tmplWord)
			}
			out = append(out, outletArticle{"A", 100, fs})
		}
		return out
	}
	tests := []struct {
		name string
		docs []outletArticle
		feat uint64
		want bool
	}{
		{"three of five", outletA(5, 3), tmplWord, true},
		{"all of three", outletA(3, 3), tmplWord, true},
		{"two of two: too few", outletA(2, 2), tmplWord, false},
		{"three of ten: too small a share", outletA(10, 3), tmplWord, false},
		{"four of ten", outletA(10, 4), tmplWord, true},
		{"a word of one article", outletA(5, 3), otherWord + 2, false},
		{"another outlet carries it as often", append(outletA(5, 3),
			outletArticle{"B", 100, []uint64{tmplWord}}, outletArticle{"B", 100, []uint64{tmplWord}}, outletArticle{"B", 100, []uint64{tmplWord}}),
			tmplWord, false},
		{"a stray mention elsewhere", append(outletA(10, 10), outletArticle{"B", 100, []uint64{tmplWord}}), tmplWord, true},
		{"a name is no template", []outletArticle{{"A", 100, []uint64{tmplName}}, {"A", 100, []uint64{tmplName}}, {"A", 100, []uint64{tmplName}}},
			tmplName, false},
		{"older articles left the window", append([]outletArticle{{"A", 90, []uint64{tmplWord}}, {"A", 90, []uint64{tmplWord}}},
			outletArticle{"A", 100, []uint64{tmplWord}}, outletArticle{"A", 100, []uint64{otherWord}}, outletArticle{"A", 100, []uint64{otherWord + 2}}),
			tmplWord, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := newOutlets()
			for _, d := range tt.docs {
				o.add(d.outlet, d.day, vecOf(d.feats...), &cfg)
			}
			if got := o.template("A", &cfg)[tt.feat]; got != tt.want {
				t.Errorf("template has %#x = %v, want %v", tt.feat, got, tt.want)
			}
		})
	}
}

// TestOutletWindowBounded checks that an outlet keeps at most
// TemplateDocs articles and forgets outlets that left the window.
func TestOutletWindowBounded(t *testing.T) {
	cfg := DefaultConfig()
	o := newOutlets()
	for i := range 3 * cfg.TemplateDocs {
		o.add("A", 100, vecOf(tmplWord, otherWord+uint64(i)*2), &cfg)
	}
	o.add("B", 100, vecOf(tmplWord), &cfg)
	if n := len(o.byName["A"].docs); n != cfg.TemplateDocs {
		t.Errorf("outlet keeps %d articles, want %d", n, cfg.TemplateDocs)
	}
	if n := o.byName["A"].counts.get(tmplWord); n != int32(cfg.TemplateDocs) {
		t.Errorf("template word counted %d times, want %d", n, cfg.TemplateDocs)
	}
	if n := o.total.get(tmplWord); n != int32(cfg.TemplateDocs)+1 {
		t.Errorf("template word counted %d times in all, want %d", n, cfg.TemplateDocs+1)
	}
	o.expire(100+cfg.WindowDays+1, &cfg)
	if len(o.byName) != 0 || o.total.get(tmplWord) != 0 || o.feats != 0 {
		t.Errorf("after the window: %d outlets, template word counted %d times, %d words listed, want none", len(o.byName), o.total.get(tmplWord), o.feats)
	}
}

// TestOutletTemplateSimilarity checks the weighting in a batch: two
// articles of one outlet on different events that share its fixed
// framing are much less similar once the outlet's recent articles show
// the framing as its template, while their similarity with another
// outlet's article does not change; undated articles and articles
// without an outlet are weighed as before.
func TestOutletTemplateSimilarity(t *testing.T) {
	frame := "How the papers saw it. The left-leaning papers welcomed the move; the centrist press asked for detail; the right-leaning titles warned of the cost. "
	events := []string{
		"Harbour dredging contract awarded to Velmont Marine after tender in Oskarby.",
		"Teachers in Brannoch vote to accept a revised pay offer after strikes.",
		"Central bank of Ostrava holds interest rate at four percent for a third month.",
		"Fisheries minister Adela Korven resigns over a quota dispute in Lusk.",
	}
	day := time.Date(2025, 5, 10, 9, 0, 0, 0, time.UTC)
	docs := func(outlet string, dated bool) []Doc {
		var out []Doc
		for i, e := range events {
			d := Doc{ID: int64(i + 1), Title: fmt.Sprintf("Papers on the %d story", i+1), Text: frame + e, Outlet: outlet}
			if dated {
				d.Published = day.Add(time.Duration(i) * time.Hour)
			}
			out = append(out, d)
		}
		// Another outlet's report of the first event.
		other := Doc{ID: 9, Title: "Velmont Marine wins Oskarby dredging contract", Text: events[0] + " The work starts in June.", Outlet: "Other Wire"}
		if dated {
			other.Published = day
		}
		out = append(out, other)
		// Unrelated articles without an outlet, so that the framing is
		// rare in the corpus.
		topics := []string{"orchard", "glacier", "violin", "tramway", "lighthouse", "quarry", "vineyard", "observatory"}
		places := []string{"Tarnwick", "Elsby", "Moravel", "Quendon"}
		for i, tp := range topics {
			for j, pl := range places {
				out = append(out, Doc{ID: int64(100 + 10*i + j), Title: "New " + tp + " opens in " + pl,
					Text: "Residents of " + pl + " gathered as the " + tp + " opened to visitors on a bright morning."})
			}
		}
		return out
	}
	sims := func(cfg Config, ds []Doc) (same, cross float64) {
		c := New(cfg)
		items := c.vectorize(ds)
		return c.pairSim(items[0].v, items[1].v), c.pairSim(items[0].v, items[4].v)
	}
	off := DefaultConfig()
	off.TemplateMin = 0
	tests := []struct {
		name      string
		docs      []Doc
		discounts bool
	}{
		{"dated, one outlet", docs("Capital Roundup", true), true},
		{"undated", docs("Capital Roundup", false), false},
		{"no outlet", docs("", true), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			same0, cross0 := sims(off, tt.docs)
			if same0 < 0.1 || cross0 < 0.05 {
				t.Fatalf("without templates: similarity %.4f of two articles of one outlet, %.4f with another's; the framing should link the first, the event the second", same0, cross0)
			}
			same, cross := sims(DefaultConfig(), tt.docs)
			if math.Abs(cross-cross0) > 1e-6 {
				t.Errorf("similarity with another outlet's article %.4f, want %.4f as without templates", cross, cross0)
			}
			if !tt.discounts {
				if same != same0 {
					t.Errorf("similarity of two articles %.4f, want %.4f as without templates", same, same0)
				}
				return
			}
			if same > same0/3 {
				t.Errorf("similarity of two articles of one outlet on different events %.4f, want at most a third of %.4f", same, same0)
			}
		})
	}
}
