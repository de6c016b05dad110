package extract

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestLinkedBlocks(t *testing.T) {
	page := `<html><body>
<p>A paragraph with <a href="/x">one link</a> among many more words of its own text.</p>
<h3><a href="/a">Ferry timetable changes for the winter</a></h3>
<ul><li><a href="/b">Storm closes the northern quay</a> <span>(3)</span></li></ul>
<div>Heading <br><a href="/c">A line after a break</a></div>
<p><a href="/d"><span>Nested</span> <em>inline</em> link</a></p>
</body></html>`
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	got := linkedBlocks(doc, nil)
	for _, k := range []string{"ferry timetable changes for the winter", "storm closes the northern quay 3", "a line after a break", "nested inline link"} {
		if !got[k] {
			t.Errorf("linkedBlocks misses %q: %v", k, got)
		}
	}
	for _, k := range []string{"heading", "a paragraph with one link among many more words of its own text"} {
		if got[k] {
			t.Errorf("linkedBlocks takes %q for a link", k)
		}
	}
	if want := linkedBlocks(doc, map[string]bool{"nested inline link": true}); len(want) != 1 {
		t.Errorf("linkedBlocks with want = %v, want only the one key asked", want)
	}
}

func TestDropLinkedTail(t *testing.T) {
	links := setOf("harbour fair cancelled after storm warning", "new ferry for the islands arrives in spring",
		"read the full report", "council budget approved", "https example org report")
	tests := []struct {
		name       string
		lines      []string
		keep, drop []string
	}{
		{
			name:  "heading in any language and linked headlines at the end",
			lines: []string{para, para + " Two.", "Schon gelesen?", "Harbour fair cancelled after storm warning", "New ferry for the islands arrives in spring"},
			keep:  []string{para + " Two."},
			drop:  []string{"Schon gelesen", "Harbour fair", "New ferry"},
		},
		{
			name:  "linked headlines without a heading",
			lines: []string{para, "Council budget approved"},
			keep:  []string{para},
			drop:  []string{"Council budget"},
		},
		{
			name:  "a sentence before the links is no heading",
			lines: []string{para, "The mayor spoke.", "Council budget approved"},
			keep:  []string{"The mayor spoke."},
			drop:  []string{"Council budget"},
		},
		{
			name:  "links mid-body stay",
			lines: []string{para, "Harbour fair cancelled after storm warning", para + " After."},
			keep:  []string{"Harbour fair", para + " After."},
		},
		{
			name:  "unlinked short lines at the end stay",
			lines: []string{para, "Opening hours", "Harbour office, open on weekdays"},
			keep:  []string{"Opening hours", "Harbour office"},
		},
		{
			name:  "a cited address stays",
			lines: []string{para, "Sources", "https://example.org/report"},
			keep:  []string{"Sources", "https://example.org/report"},
		},
		{
			name:  "a body of links only is left whole",
			lines: []string{"Harbour fair cancelled after storm warning", "Council budget approved"},
			keep:  []string{"Harbour fair", "Council budget"},
		},
		{
			name:  "a heading that would leave nothing stays with its links",
			lines: []string{"Elsewhere", "Council budget approved"},
			keep:  []string{"Elsewhere", "Council budget"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			asked := 0
			lookup := func(want map[string]bool) map[string]bool {
				asked++
				out := map[string]bool{}
				for k := range want {
					if links[k] {
						out[k] = true
					}
				}
				return out
			}
			got, _ := cleanBodyLines(strings.Join(tt.lines, "\n"), "", lookup)
			checkKept(t, got, tt.keep, tt.drop)
			if asked > 1 {
				t.Errorf("the page was asked %d times, want at most once", asked)
			}
		})
	}
}

func TestHTMLDropsLinkedTeasersAtTheEnd(t *testing.T) {
	page := `<!DOCTYPE html><html lang="de"><head><title>Neue Mauer für den Hafen</title></head><body>
<article><h1>Neue Mauer für den Hafen</h1>
<p>` + para + `</p>
<p>Die Mauer des Hafens wurde vor mehr als hundert Jahren gebaut und seitdem nie verstärkt, sagten die Techniker der Stadt, die sie im vergangenen Monat geprüft haben.</p>
<p>Die Arbeiten dauern zwei Jahre, und der Kai bleibt für die Fischer offen, wenn auch in den Wintermonaten mit kürzeren Zeiten als bisher üblich.</p>
<p>Die Stadt zahlt die Hälfte der Kosten, den Rest tragen Mittel des Landes, die im diesjährigen Haushalt für Bauten an der Küste schon bewilligt sind.</p>
<p>Schon gelesen?</p>
<p><a href="/fest">Hafenfest wegen Sturmwarnung abgesagt</a></p>
<p><a href="/faehre">Neue Fähre für die Inseln kommt im Frühjahr</a></p>
<p><a href="/markt">Wochenmarkt zieht an den Kai um</a></p>
</article></body></html>`
	res, err := HTML([]byte(page), "https://example.org/lokal/mauer")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(res.Text, "Die Stadt zahlt") || !strings.Contains(res.Text, "Die Mauer des Hafens") {
		t.Errorf("body lost article text:\n%s", res.Text)
	}
	for _, d := range []string{"Schon gelesen", "Hafenfest", "Neue Fähre", "Wochenmarkt"} {
		if strings.Contains(res.Text, d) {
			t.Errorf("body kept %q:\n%s", d, res.Text)
		}
	}
}

func TestDropLinkedHead(t *testing.T) {
	menu := []string{"News", "Local News", "Business", "Sports"}
	links := setOf("news", "local news", "business", "sports", "council budget approved")
	lookup := func(want map[string]bool) map[string]bool {
		got := make(map[string]bool)
		for k := range want {
			if links[k] {
				got[k] = true
			}
		}
		return got
	}
	tests := []struct {
		name       string
		lines      []string
		keep, drop []string
	}{
		{
			name:  "a menu of links before the article",
			lines: append(append([]string{}, menu...), para, para+" Two."),
			keep:  []string{para},
			drop:  menu,
		},
		{
			name:  "two links are no menu",
			lines: []string{"News", "Business", para},
			keep:  []string{"News", "Business", para},
		},
		{
			name:  "a body made only of links is left as it is",
			lines: menu,
			keep:  menu,
		},
		{
			name:  "lines that are not links stay",
			lines: []string{"Harbour", "Quay", "Ferries", para},
			keep:  []string{"Harbour", "Quay", "Ferries", para},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _ := cleanBodyLines(strings.Join(tt.lines, "\n"), "", lookup)
			have := setOf(strings.Split(got, "\n")...)
			for _, k := range tt.keep {
				if !have[k] {
					t.Errorf("dropped %q:\n%s", k, got)
				}
			}
			for _, d := range tt.drop {
				if have[d] {
					t.Errorf("kept %q:\n%s", d, got)
				}
			}
		})
	}
}
