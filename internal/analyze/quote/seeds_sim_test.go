package quote

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/model"
)

// seedEnts simulate the entity recognizer on the seed articles, so that the
// quote finder can be measured on them independently of it.
var seedEnts = []ent{
	person("Foreign Ministry spokesman", "Nasser Kanaani", "Nasser Kan’ani", "Kan’ani", "Nasser Kanani", "Kanani", "Kanaani", "Naser Kanaani"),
	person("CIA Director", "William Burns", "Burns"),
	person("Foreign Minister", "Hossein Amir-Abdollahian", "Amir-Abdollahian"),
	person("spokesman", "John Kirby"),
	person("National Security Advisor", "Jake Sullivan"),
	person("Special Envoy", "Robert Malley", "Malley"),
	person("Supreme Leader", "Ali Khamenei", "Khamenei"),
	person("President", "Vladimir Putin", "Putin"),
	person("", "Ebrahim Raisi", "Raisi"),
	person("", "Sergei Lavrov"),
	person("", "Recep Tayyip Erdogan"),
	person("President", "Donald Trump"),
	org("Central Intelligence Agency", "CIA"),
	org("National Security Council"),
	org("Foreign Ministry"),
	place("Iran", "Islamic Republic of Iran", "Islamic Republic"),
	place("Russia", "Russian Federation"),
	place("United States", "US"),
	place("Washington"), place("Tehran"), place("Moscow"), place("Ukraine"),
}

// TestDebugSeeds prints what Find reports on the seeds (QUOTE_DEBUG=1).
func TestDebugSeeds(t *testing.T) {
	if os.Getenv("QUOTE_DEBUG") == "" {
		t.Skip("set QUOTE_DEBUG=1")
	}
	files, _ := filepath.Glob("../../../../shared/seeds/*.txt")
	for _, fn := range files {
		b, _ := os.ReadFile(fn)
		fmt.Println("=====", filepath.Base(fn))
		for _, q := range findWith(string(b), seedEnts) {
			fmt.Printf("[%s] %q (%s / %s) <<%s>>\n", q.Kind, q.Speaker, q.SpeakerMention, q.Cue, q.Text)
		}
	}
}

// TestSeedsSimulatedMentions scores Find on the seed gold with simulated
// mentions: a gold quote counts when a found quote covers half of it and
// names its speaker.
func TestSeedsSimulatedMentions(t *testing.T) {
	files, _ := filepath.Glob("../../../../shared/seeds/*.txt")
	gb, err := os.ReadFile("../../../../shared/eval/seeds-gold.json")
	if len(files) == 0 || err != nil {
		t.Skip("seeds not present")
	}
	var g struct {
		Quotes []struct{ Article, Speaker, Quote string }
	}
	if err := json.Unmarshal(gb, &g); err != nil {
		t.Fatal(err)
	}
	texts := map[string]string{}
	found := map[string][]model.Quote{}
	for _, fn := range files {
		b, _ := os.ReadFile(fn)
		id := filepath.Base(fn)[:3]
		texts[id] = string(b)
		found[id] = findWith(string(b), seedEnts)
	}
	right := 0
	for _, gq := range g.Quotes {
		s := strings.Index(texts[gq.Article], gq.Quote)
		e := s + len(gq.Quote)
		ok := false
		var got []string
		for _, q := range found[gq.Article] {
			lo, hi := max(s, q.Start), min(e, q.End)
			if 2*(hi-lo) >= e-s {
				got = append(got, q.Speaker)
				ok = ok || q.Speaker == gq.Speaker
			}
		}
		if ok {
			right++
		} else {
			t.Logf("miss %s %s %q got %q", gq.Article, gq.Speaker, gq.Quote, got)
		}
	}
	t.Logf("simulated mentions: %d/%d right", right, len(g.Quotes))
	if right < 25 {
		t.Errorf("right %d < 25", right)
	}
}
