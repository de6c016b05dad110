package extract

import (
	"bytes"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestDeclaredBody(t *testing.T) {
	long := strings.Repeat("The ferry to the islands runs again from the old quay. ", 6)
	tests := []struct {
		name string
		page string
		want string // a part of the key; "" when none is declared
	}{
		{
			name: "an article object",
			page: `<script type="application/ld+json">{"@type":"NewsArticle","articleBody":"` + long + `"}</script>`,
			want: "the ferry to the islands runs again",
		},
		{
			name: "inside a graph, with markup and references",
			page: `<script type="application/ld+json">{"@graph":[{"@type":"WebPage"},{"@type":"Article","articleBody":"<p>Harbour &amp; quay.</p> ` + long + `"}]}</script>`,
			want: "harbour quay the ferry",
		},
		{
			name: "a summary too short",
			page: `<script type="application/ld+json">{"articleBody":"The ferry runs again."}</script>`,
		},
		{
			name: "invalid JSON",
			page: `<script type="application/ld+json">{"articleBody":"` + long + `",</script>`,
		},
		{
			name: "another script type",
			page: `<script type="text/javascript">var x = {"articleBody":"` + long + `"};</script>`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := html.Parse(strings.NewReader("<html><head>" + tt.page + "</head><body><p>Text.</p></body></html>"))
			if err != nil {
				t.Fatal(err)
			}
			got := declaredBody(doc)
			if tt.want == "" {
				if got != "" {
					t.Errorf("declaredBody = %q, want none", got)
				}
				return
			}
			if !strings.Contains(got, tt.want) {
				t.Errorf("declaredBody = %q, want it to hold %q", got, tt.want)
			}
		})
	}
}

func TestTrimToDeclared(t *testing.T) {
	p1 := "The council voted on Tuesday to rebuild the old harbour wall after two winters of storms."
	p2 := "The ferry company said it would return to the quay as soon as the wall was safe again."
	p3 := "Work is to begin in March and to last until the end of the summer season, the council said."
	declared := lineKey(strings.Join([]string{p1, p2, p3}, " "))
	tests := []struct {
		name    string
		lines   []string
		want    []string
		dropped []string
	}{
		{
			name:    "teasers and a product box after the declared text go",
			lines:   []string{p1, p2, p3, "More news", "Storm closes mountain pass", "Headphones, 24.99 €"},
			want:    []string{p1, p2, p3},
			dropped: []string{"More news", "Storm closes mountain pass", "Headphones, 24.99 €"},
		},
		{
			name:  "a body that does not agree with the declared text is left",
			lines: []string{p1, "A long paragraph the declared text does not hold, about the bridge over the river and its repairs.", "Another one the declared text leaves out, about the road to the airport and its traffic.", "More news"},
			want:  []string{p1, "A long paragraph", "Another one", "More news"},
		},
		{
			name:  "a body the declared text holds to its end is left",
			lines: []string{"Lead paragraph set apart from the text.", p1, p2, p3},
			want:  []string{"Lead paragraph", p1, p3},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, dropped := trimToDeclared(strings.Join(tt.lines, "\n"), declared, nil)
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("%q missing from %q", w, got)
				}
			}
			if strings.Join(dropped, "\n") != strings.Join(tt.dropped, "\n") {
				t.Errorf("dropped %q, want %q", dropped, tt.dropped)
			}
		})
	}
}

func TestTrimToDeclaredInnerLinks(t *testing.T) {
	p1 := "The council voted on Tuesday to rebuild the old harbour wall after two winters of storms."
	p2 := "The ferry company said it would return to the quay as soon as the wall was safe again."
	p3 := "Work is to begin in March and to last until the end of the summer season, the council said."
	declared := lineKey(strings.Join([]string{p1, p2, p3}, " "))
	teaser := "Storm closes mountain pass for the winter"
	subheading := "Repairs in the spring"
	links := func(want map[string]bool) map[string]bool {
		got := make(map[string]bool)
		if k := lineKey(teaser); want[k] {
			got[k] = true
		}
		return got
	}
	got, dropped := trimToDeclared(strings.Join([]string{p1, teaser, p2, subheading, p3}, "\n"), declared, links)
	if want := strings.Join([]string{p1, p2, subheading, p3}, "\n"); got != want {
		t.Errorf("trimToDeclared = %q, want %q", got, want)
	}
	if len(dropped) != 1 || dropped[0] != teaser {
		t.Errorf("dropped %q, want only the linked teaser", dropped)
	}
}

func TestHTMLTrimsToDeclaredBody(t *testing.T) {
	paras := []string{
		"The council voted on Tuesday to rebuild the old harbour wall, after two winters of storms had left the quay closed to the ferries that serve the islands.",
		"The ferry company said it would return to the quay as soon as the wall was declared safe, and that it expected to run a reduced timetable until then.",
		"Work is to begin in March and to last until the end of the summer season, the council said, at a cost it put at four million over two years.",
		"Residents of the islands, who have had to travel by the longer route through the northern port, welcomed the vote but asked for a firm date.",
	}
	var page bytes.Buffer
	page.WriteString(`<html><head><title>Harbour wall to be rebuilt</title><script type="application/ld+json">{"@type":"NewsArticle","headline":"Harbour wall to be rebuilt","articleBody":"`)
	page.WriteString(strings.Join(paras, " "))
	page.WriteString(`"}</script></head><body><article><h1>Harbour wall to be rebuilt</h1>`)
	for _, p := range paras {
		page.WriteString("<p>" + p + "</p>")
	}
	page.WriteString(`<p>Topic:</p><p>New pictures of the islands</p><p>Headphones with forty hours of play, now 24.99 € instead of 30.99 €</p></article></body></html>`)
	res, err := HTML(page.Bytes(), "")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(res.Text, paras[3]) {
		t.Errorf("last paragraph missing from %q", res.Text)
	}
	for _, furniture := range []string{"New pictures of the islands", "Headphones"} {
		if strings.Contains(res.Text, furniture) {
			t.Errorf("%q left in %q", furniture, res.Text)
		}
	}
}
