package extract

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// linePage is an invented article page: three paragraphs in the story's
// container, a paragraph of links in a "related" box, and a credit in a
// figure caption.
const linePage = `<html><body><main><article><div class="story-body">
<p>The harbour council of Velmora voted on Tuesday to close the old ferry pier for repairs.</p>
<p>Councillor Ada Brenn said the pier had carried ferries to Lusk Island for ninety years.</p>
<p>Repairs to the Velmora pier will start in March and cost about two million crowns.</p>
</div>
<figure><figcaption class="photo-credit">Photo: Tam Orel</figcaption></figure>
</article></main>
<div class="related-stories"><p><a href="/a">Lusk Island ferry fares rise</a> <a href="/b">New bridge plan</a></p></div>
</body></html>`

func parsePage(t *testing.T, page string) *html.Node {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func TestLineFeatures(t *testing.T) {
	doc := parsePage(t, linePage)
	lines := []string{
		"The harbour council of Velmora voted on Tuesday to close the old ferry pier for repairs.",
		"Councillor Ada Brenn said the pier had carried ferries to Lusk Island for ninety years.",
		"Repairs to the Velmora pier will start in March and cost about two million crowns.",
		"Photo: Tam Orel",
		"Lusk Island ferry fares rise New bridge plan",
	}
	keys := make([]string, len(lines))
	words := make([]map[string]bool, len(lines))
	want := map[string]bool{}
	for i, l := range lines {
		keys[i], words[i] = lineKey(l), contentWords(l)
		want[keys[i]] = true
	}
	blocks, total := pageBlocks(doc, want)
	if len(blocks) != len(lines) {
		t.Fatalf("pageBlocks found %d of the %d lines' blocks", len(blocks), len(lines))
	}
	c := newBodyContext(keys, words, blocks, "Velmora closes its ferry pier", total)
	feats := make([][]float64, len(lines))
	for i, l := range lines {
		feats[i] = lineFeatures(l, words[i], blocks[keys[i]], c, true)
		if len(feats[i]) != numFeatures {
			t.Fatalf("line %d: %d features, want %d", i, len(feats[i]), numFeatures)
		}
	}
	tests := []struct {
		name    string
		line    int
		feature int
		want    float64
	}{
		{"a paragraph is a p", 0, featTagP, 1},
		{"a paragraph ends a sentence", 0, featEndPunct, 1},
		{"a paragraph has no links", 0, featLinked, 0},
		{"a paragraph is in the article", 0, featFlags + 4, 1},       // flagArticle
		{"a paragraph shares its container", 1, featSameParent, 0.5}, // two of the four other lines
		{"the caption is a caption", 3, featFlags + 1, 1},            // flagCaption
		{"the caption is not a p", 3, featTagP, 0},
		{"the related links are links", 4, featAllLinked, 1},
		{"the related links are aside", 4, featFlags, 1}, // flagAside
		{"the related links are outside the article", 4, featFlags + 4, 0},
		{"the related links share no container", 4, featSameParent, 0},
	}
	for _, tt := range tests {
		if got := feats[tt.line][tt.feature]; got != tt.want {
			t.Errorf("%s: feature %d of line %d = %v, want %v", tt.name, tt.feature, tt.line, got, tt.want)
		}
	}
	// Words the headline shares: "velmora", "ferry" of the first line's
	// content words.
	if got := feats[0][featTitleOverlap]; got <= 0 || got >= 1 {
		t.Errorf("title overlap of the first line = %v, want between 0 and 1", got)
	}
}

func TestDropScoredLines(t *testing.T) {
	doc := parsePage(t, linePage)
	body := strings.Join([]string{
		"The harbour council of Velmora voted on Tuesday to close the old ferry pier for repairs.",
		"Councillor Ada Brenn said the pier had carried ferries to Lusk Island for ninety years.",
		"Lusk Island ferry fares rise New bridge plan",
	}, "\n")
	// One split: lines whose block is mostly links score high.
	byLinks := &lineModel{Rate: 1, Cut: 0.5, Trees: [][]treeNode{{
		{Feature: featAllLinked, Threshold: 0.5, Left: 1, Right: 2},
		{Feature: -1, Value: -3},
		{Feature: -1, Value: 3},
	}}}
	// A model that scores every line high.
	all := &lineModel{Rate: 1, Cut: 0.5, Trees: [][]treeNode{{{Feature: -1, Value: 3}}}}
	tests := []struct {
		name        string
		model       *lineModel
		wantText    string
		wantDropped int
	}{
		{"links dropped", byLinks, body[:strings.LastIndexByte(body, '\n')], 1},
		{"no model", nil, body, 0},
		{"never everything", all, body, 0},
	}
	for _, tt := range tests {
		text, dropped := dropScoredLines(body, "Velmora closes its ferry pier", doc, tt.model)
		if text != tt.wantText || len(dropped) != tt.wantDropped {
			t.Errorf("%s: got %q and %d dropped, want %q and %d", tt.name, text, len(dropped), tt.wantText, tt.wantDropped)
		}
	}
}

// TestBoilerplateModelShape checks the generated model: every split reads
// a feature lineFeatures computes and points at nodes of its tree, and the
// cut is a probability.
func TestBoilerplateModelShape(t *testing.T) {
	m := boilerplateModel
	if len(m.Trees) == 0 {
		t.Fatal("boilerplateModel has no trees")
	}
	if m.Cut <= 0.5 || m.Cut >= 1 {
		t.Errorf("cut %v, want a probability over 0.5", m.Cut)
	}
	for i, tree := range m.Trees {
		for j, n := range tree {
			if n.Feature < 0 {
				continue
			}
			if n.Feature >= numFeatures || n.Left <= j || n.Right <= j || n.Left >= len(tree) || n.Right >= len(tree) {
				t.Errorf("tree %d node %d: %+v out of range (%d features, %d nodes)", i, j, n, numFeatures, len(tree))
			}
		}
	}
}
