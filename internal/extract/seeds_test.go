package extract

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// sharedDir is the project's shared data folder, relative to this package.
const sharedDir = "../../../shared"

// seedsGold is the part of seeds-gold.json this package is checked against.
type seedsGold struct {
	// Boilerplate maps an article id to lines (or the start of lines) that
	// are page furniture and must not survive cleaning.
	Boilerplate map[string][]string `json:"boilerplate"`
	// Quotes are statements quoted in the articles: article text that must
	// survive cleaning.
	Quotes []struct {
		Article string `json:"article"`
		Quote   string `json:"quote"`
	} `json:"quotes"`
	// Dates holds, per article, the page date when the page shows one.
	Dates map[string]struct {
		PageDate string `json:"page_date"`
	} `json:"dates"`
}

// loadSeeds reads the seed articles (by id, the file-name prefix) and their
// gold, skipping the test when the shared folder is absent.
func loadSeeds(t *testing.T) (map[string]string, seedsGold) {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(sharedDir, "seeds", "*.txt"))
	goldPath := filepath.Join(sharedDir, "eval", "seeds-gold.json")
	goldData, err := os.ReadFile(goldPath)
	if len(files) == 0 || err != nil {
		t.Skipf("shared seeds not available (%s/seeds/*.txt, %s): skipping", sharedDir, goldPath)
	}
	var gold seedsGold
	if err := json.Unmarshal(goldData, &gold); err != nil {
		t.Fatalf("parse %s: %v", goldPath, err)
	}
	seeds := make(map[string]string, len(files))
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatalf("read seed: %v", err)
		}
		id, _, _ := strings.Cut(filepath.Base(f), "_")
		seeds[id] = string(data)
	}
	return seeds, gold
}

// foldQuote reduces text to lower-case letters and digits so that quotes
// match across typographic quote marks and elisions.
func foldQuote(s string) string { return lineKey(s) }

func TestSeeds(t *testing.T) {
	seeds, gold := loadSeeds(t)
	stats := NewLineStats()
	for _, text := range seeds {
		stats.Add(text)
	}
	if stats.Docs() != len(seeds) {
		t.Fatalf("Docs() = %d, want %d", stats.Docs(), len(seeds))
	}
	c := &Cleaner{Stats: stats}
	cleaned := make(map[string]Cleaned, len(seeds))
	for id, text := range seeds {
		cleaned[id] = c.Clean(text)
	}

	// Every gold boilerplate line is gone: no output line starts with it.
	total, gone := 0, 0
	for id, bps := range gold.Boilerplate {
		out, ok := cleaned[id]
		if !ok {
			t.Errorf("gold names article %s, not among the seeds", id)
			continue
		}
		lines := strings.Split(out.Text, "\n")
		for _, bp := range bps {
			total++
			key := lineKey(bp)
			found := false
			for _, l := range append(lines, out.Title) {
				if lk := lineKey(l); key != "" && strings.HasPrefix(lk, key) || key == "" && strings.TrimSpace(l) == strings.TrimSpace(bp) {
					found = true
				}
			}
			if found {
				t.Errorf("article %s: boilerplate %q survived cleaning", id, bp)
			} else {
				gone++
			}
		}
	}
	t.Logf("seeds boilerplate removed: %d/%d", gone, total)

	// Every gold quote still reads in the cleaned text of its article.
	kept := 0
	for _, q := range gold.Quotes {
		out := cleaned[q.Article]
		if strings.Contains(foldQuote(out.Title+"\n"+out.Text), foldQuote(q.Quote)) {
			kept++
		} else {
			t.Errorf("article %s: quote %q lost in cleaning", q.Article, q.Quote)
		}
	}
	t.Logf("seeds quotes kept: %d/%d", kept, len(gold.Quotes))

	// Every paragraph (a line of 12 words or more) that is neither the
	// headline nor gold boilerplate survives, unchanged but for
	// normalization.
	paras, paraKept := 0, 0
	for id, text := range seeds {
		kept := make(map[string]bool)
		for _, l := range strings.Split(cleaned[id].Text, "\n") {
			kept[lineKey(l)] = true
		}
	lines:
		for _, l := range splitLines(text) {
			if countWords(l) < 12 {
				continue
			}
			if tk := lineKey(cleaned[id].Title); tk != "" && strings.HasPrefix(lineKey(l), tk) {
				continue // the headline, reported as Title
			}
			for _, bp := range gold.Boilerplate[id] {
				if strings.HasPrefix(lineKey(l), lineKey(bp)) {
					continue lines
				}
			}
			paras++
			if kept[lineKey(l)] {
				paraKept++
			} else {
				t.Errorf("article %s: paragraph lost: %q", id, l)
			}
		}
	}
	t.Logf("seeds paragraphs kept: %d/%d", paraKept, paras)

	// Nothing but gold boilerplate (and titles) is removed; count the rest.
	for id, out := range cleaned {
		for _, r := range out.Removed {
			listed := false
			for _, bp := range gold.Boilerplate[id] {
				if strings.HasPrefix(lineKey(r), lineKey(bp)) {
					listed = true
				}
			}
			if !listed {
				t.Logf("article %s: also removed %q", id, r)
			}
		}
		// Removing must never eat most of an article.
		if len(out.Text) < len(seeds[id])/2 {
			t.Errorf("article %s: cleaned text is %d bytes of %d", id, len(out.Text), len(seeds[id]))
		}
		t.Logf("article %s: title %q, published %v, %d lines removed", id, out.Title, out.Published, len(out.Removed))
	}

	// The page date of a dateline row becomes Published.
	for id, d := range gold.Dates {
		if d.PageDate == "" {
			continue
		}
		if got := cleaned[id].Published.Format("2006-01-02"); got != d.PageDate {
			t.Errorf("article %s: Published = %s, want %s", id, got, d.PageDate)
		}
	}
}
