package cluster

import (
	"fmt"
	"testing"
)

// blind3Path is a third hand-written stream (testdata/blind-stream3.jsonl),
// written and committed before anything was run on it: 93 invented
// articles on 36 events over five days, in the order they arrive (some
// publication times out of order), by nine invented outlets in different
// house styles (wire, broadsheet, tabloid, two regionals, translated
// state media, a business wire, a partisan site, a live blog) and two
// articles without an outlet. Events of one kind share a day or a week
// and are written from one template (two fires, two trials opening in
// one court, two transfers of one club, three weather warnings, two
// product recalls, two company results); the same mayor appears at a
// flood, a budget vote and a bin strike within four days; one hospital
// has a doctors' strike and then a data breach; one minister presents a
// spring statement and has his office vandalised; one president is
// re-elected and signs a pipeline deal; one airport has an emergency
// landing and then a baggage failure; one company reports results and
// then has an outage; a by-election is held in the flooded valley. A
// flood and the bridge closure found after it are two stories of one
// thread (field "thread"); two wire texts are syndicated under new
// headlines; a morning briefing and a week's review, each touching many
// events, are stories of their own. Its gold is in the field "story",
// which clustering never reads.
const blind3Path = "testdata/blind-stream3.jsonl"

// TestDevBlindStream3 scores the third blind stream as one batch and in
// batches of 10. First run, before any change: the whole stream as one
// batch BCubed P=0.778 R=1.000 F1=0.875, in batches of 10 P=0.638
// R=1.000 F1=0.779; both syndicated copies folded, no template copy
// folded. Recall is perfect; every error is a merge.
//
// As one batch: the two trials opening in one court form one story; so
// do the two recalls from one template, the snow and the thunderstorm
// warnings, the bank's results and the spring statement (which raises
// the bank levy and names the bank), the telecom company's results and
// its outage three days later, the emergency landing and the baggage
// failure at one airport, and the derby with both transfers of one
// club. The morning briefing joins the storm and the week's review the
// pipeline deal.
//
// In batches of 10 the mayor's stories grow by single articles: the
// flood takes the bin strike, the budget vote and the bridge closure
// (which fails the thread check below); the doctors' strike joins the
// storm through the morning briefing that names both.
//
// Kept: a new pair of articles joining an earlier story is held to the
// cohesion test with half its own similarity as its cohesion
// (Config.PairCohesion), and joins an earlier story of one article only
// at 0.4 times its own similarity (Config.PairCohesion1); and two single
// articles whose names make less than a fifth of their similarity stay
// apart where the name gate applies (Config.NameRatio). Batches of 10
// went to P=0.728 R=1.000 F1=0.843 (the whole stream did not move): the
// doctors' strike's first two reports no longer join the storm through
// the briefing, nor the baggage failure's the emergency landing, nor
// the record signing's the derby, nor the yoghurt recall's the granola
// recall of one template; the two banks' results stay apart. The pair rule alone gave 0.815 at 0.5 and 0.6
// and 0.839 at 0.7 and 1.0, but at 0.7 the synthetic month dropped from
// 0.992 to 0.991 and at 1.0 ECB+ online in batches of 50 and 10 from
// 0.902 and 0.880 to 0.899 and 0.872; with the name ratio, 0.6 gave
// 0.833 and lowered the 20k bench's story F1 by one article's recall,
// and 0.5 did not. The second blind stream in batches of 10 went from
// 0.850 to 0.860 (the ratio alone did not move it; PairCohesion1 did),
// ECB+ dev leads in the mixed month (DenseShort) from 0.960 to 0.962.
//
// Tried and dropped: names read as places (after "in", "at", "near",
// "from", or a dateline) weighing half (0.893 / 0.779 here, but the
// first blind stream drops from 0.980 / 0.991 to 0.966 / 0.968: places
// are what tell two events of one kind apart) or a quarter (worse);
// a name ratio of 0.25 or 0.3 (the first blind stream in batches drops
// to 0.982, the second to 0.836); the name gate at 0.01 to 0.03 for a
// single article joining a new pair (0.860 to 0.885 on the second
// stream in batches, but ECB+ dev, DenseShort and YearsApart lose
// recall, the first stream in batches falls to 0.971); a single new
// article joining a new pair held to Cohesion1 times the pair's
// similarity (the whole stream 0.893, ECB+ leads up by up to 0.004, but
// the 20k bench's story recall falls by one article; at 1.5 times the
// first stream drops to 0.971 as one batch); the pair rule applied to
// new clusters as well as earlier stories (whole stream 0.926 to 0.940,
// but ECB+ dev and its leads drop by up to 0.005); and a floor of 0.005
// to 0.02 on the name gate for short texts (no change here, ECB+ leads
// at 300 bytes drop from 0.899 to 0.896).
//
// Left: in batches of 10 the flood still takes the bin strike, the
// budget vote and the bridge closure (one mayor, one river, and the
// flood fund in the budget), the doctors' strike takes the data breach
// at the same hospital, the captain's transfer joins the derby he
// missed, the two trials of one court merge, the snow warning joins the
// storm's of one template, the spring statement joins a company's
// results, and the roundups join one of their events. As one batch, the same-template pairs and the stories of one
// airport, company or court still merge. The floors sit a little below
// the figures.
func TestDevBlindStream3(t *testing.T) {
	recs := readBlindFile(t, blind3Path)
	byTitle := make(map[string]string, len(recs))
	for _, r := range recs {
		byTitle[r.Title] = r.ID
	}
	// Each pair is one wire text under two headlines; either may arrive
	// first.
	syndicated := [][2]string{
		{"Strike at the Royal: 410 operations postponed as doctors walk out", "Junior doctors walk out at Westbrook Royal Infirmary"},
		{"Plane makes emergency landing at Ardley Airport after engine failure", "Castral Air flight lands safely at Ardley after engine fails"},
	}
	templated := []string{
		"Fire in Pennock tower block kills three",
		"Man goes on trial accused of murdering business partner",
		"Castral Telecom Q1 net profit down 9% to 410 mln crowns; misses forecasts",
		"Halden Dairy recalls yoghurts over listeria, food agency says",
		"Yellow thunderstorm warning for the south on Friday",
		"Pennock United agree 18 mln crown fee for Ardley captain Joss Renwick",
	}
	const (
		floodTitle  = "River Tarn bursts banks in Ardley, hundreds of homes flooded"
		bridgeTitle = "Tarn Bridge to stay shut for months after flood damage found"
	)
	need := []string{floodTitle, bridgeTitle}
	need = append(need, templated...)
	for _, sc := range syndicated {
		need = append(need, sc[0], sc[1])
	}
	for _, title := range need {
		if byTitle[title] == "" {
			t.Fatalf("no article titled %q", title)
		}
	}
	flood, bridge := byTitle[floodTitle], byTitle[bridgeTitle]
	for _, tt := range []struct {
		batch int
		floor float64
	}{{len(recs), 0.86}, {10, 0.83}} {
		t.Run(fmt.Sprintf("batches of %d", tt.batch), func(t *testing.T) {
			pred, dupOf := runBlind(t, "blind3", recs, tt.batch, tt.floor)
			// A syndicated copy under its own headline is folded into
			// the wire text; a wire template filled in for another
			// event is not.
			for _, sc := range syndicated {
				a, b := byTitle[sc[0]], byTitle[sc[1]]
				if dupOf[a] != b && dupOf[b] != a {
					t.Errorf("syndicated copies %s and %s not folded together", a, b)
				}
			}
			for _, title := range templated {
				if o, ok := dupOf[byTitle[title]]; ok {
					t.Errorf("template copy %s with other names folded into %s as a near-copy", byTitle[title], o)
				}
			}
			// The bridge closure found three days after the flood is a
			// story of its own. In batches of 10 it still joins the
			// flood, which has grown by single articles (see above).
			if tt.batch == len(recs) && pred[bridge] == pred[flood] {
				t.Errorf("bridge closure %s put in the story of the flood %s", bridge, flood)
			}
		})
	}
}
