package extract

import (
	"bytes"
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/parallax-news/parallax/internal/hostile"
)

// treeDepth returns the deepest element nesting of a parsed page.
func treeDepth(n *html.Node) int {
	deepest := 0
	type item struct {
		n *html.Node
		d int
	}
	stack := []item{{n, 0}}
	for len(stack) > 0 {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		deepest = max(deepest, it.d)
		for c := it.n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode {
				stack = append(stack, item{c, it.d + 1})
			}
		}
	}
	return deepest
}

// TestHostilePages runs the pages of issue reports through HTML: each gives
// its text with a warning saying what was done short of a full extraction.
func TestHostilePages(t *testing.T) {
	tests := []struct {
		name     string
		page     []byte
		warning  string // "" for none
		wantText string
	}{
		{"10,000 nested divs", hostile.NestedDivs(10_000), "flattened", "nested far too deep"},
		{"100,000 nested divs", hostile.NestedDivs(100_000), "100005 elements", "nested far too deep"},
		{"1M paragraphs", hostile.ManyParagraphs(1_000_000), "1000005 elements", "w999"},
		{"1 MB of prose", hostile.ProseHTML(1 << 20), "KB of text", "Tokara Bay"},
		{"150 runs of 120 nested divs", hostile.DeepRuns(150, 120), "element and ancestor pairs", "Run 149 "},
		{"a normal page", testPage(), "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// What the page's shape decides, however loaded the
			// machine.
			res, err := HTMLContext(context.Background(), tt.page, "https://example.org/a")
			if err != nil {
				t.Fatal(err)
			}
			if tt.warning == "" && res.Warning != "" || !strings.Contains(res.Warning, tt.warning) {
				t.Errorf("warning %q, want %q", res.Warning, tt.warning)
			}
			if !strings.Contains(res.Text, tt.wantText) {
				t.Errorf("text lacks %q: %.200q", tt.wantText, res.Text)
			}
			if res.Title == "" {
				t.Error("no title")
			}
		})
	}
}

func TestFlatten(t *testing.T) {
	page := hostile.NestedDivs(1000)
	if s := measure(page); !s.deep || s.elements != 1005 {
		t.Fatalf("shape %+v", s)
	}
	flat := flatten(page)
	doc, err := html.Parse(bytes.NewReader(flat))
	if err != nil {
		t.Fatal(err)
	}
	if d := treeDepth(doc); d > MaxHTMLDepth+1 {
		t.Errorf("depth %d after flattening, want at most %d", d, MaxHTMLDepth+1)
	}
	if !bytes.Contains(flat, []byte("nested far too deep")) || measure(flat).deep {
		t.Errorf("flattened page lost its text or is still deep")
	}
	// A page within the limits is left as it is.
	shallow := testPage()
	if measure(shallow).deep || !bytes.Equal(flatten(shallow), shallow) {
		t.Error("a shallow page was changed")
	}
}

// TestNesterMatchesParser checks the token-level nesting measure against
// the parser's tree on pages that lean on implied end tags.
func TestNesterMatchesParser(t *testing.T) {
	pages := []string{
		strings.Repeat("<p>para", 500),
		strings.Repeat("<ul><li>a<li>b</ul>", 300),
		strings.Repeat("<table><tr><td>a<td>b<tr><td>c</table>", 200),
		strings.Repeat("<div><span>x</span><br><img src=x>", 200) + strings.Repeat("</div>", 200),
	}
	for _, p := range pages {
		doc, err := html.Parse(strings.NewReader(p))
		if err != nil {
			t.Fatal(err)
		}
		real := treeDepth(doc) - 2 // html and body
		var n nester
		deepest := 0
		z := html.NewTokenizer(strings.NewReader(p))
		for tt := z.Next(); tt != html.ErrorToken; tt = z.Next() {
			name, _ := z.TagName()
			switch tt {
			case html.StartTagToken, html.SelfClosingTagToken:
				deepest = max(deepest, n.start(string(name), tt == html.SelfClosingTagToken))
			case html.EndTagToken:
				n.end(string(name))
			}
		}
		if deepest < real || deepest > real+4 {
			t.Errorf("%.30q…: measured depth %d, parser's %d", p, deepest, real)
		}
	}
}

// TestHTMLWork checks the work a page is given by its shape: the sum of
// its elements' depths decides, flattened elements not counted.
func TestHTMLWork(t *testing.T) {
	tests := []struct {
		name string
		page []byte
		work int
		full bool
	}{
		{"flat", []byte("<html><body><p>a</p><p>b<br>c</p></body></html>"), 1 + 2 + 3 + 3 + 3, true},
		{"implied ends", []byte("<ul><li>a<li>b</ul>"), 1 + 2 + 2, true},
		{"deep, flattened", hostile.NestedDivs(1000), 1 + 2 + 3 + 2 + (3+128)*126/2, true},
		{"many runs of deep divs", hostile.DeepRuns(80, 120), 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := measure(tt.page)
			if tt.work > 0 && s.work != tt.work {
				t.Errorf("work %d, want %d", s.work, tt.work)
			}
			if full := s.work <= MaxHTMLWork; full != tt.full {
				t.Errorf("work %d within %d: %v, want %v", s.work, MaxHTMLWork, full, tt.full)
			}
		})
	}
}

func TestHTMLCancelled(t *testing.T) {
	page := testPage()
	// A run cancelled: an error, no result.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if res, err := HTMLContext(ctx, page, ""); !errors.Is(err, context.Canceled) || !reflect.DeepEqual(res, Result{}) {
		t.Errorf("cancelled: %v, %+v", err, res)
	}
	// A deadline past: an error too, whatever the page.
	ctx, cancel = context.WithDeadline(context.Background(), time.Now().Add(-time.Second))
	defer cancel()
	if res, err := HTMLContext(ctx, page, ""); !errors.Is(err, context.DeadlineExceeded) || !reflect.DeepEqual(res, Result{}) {
		t.Errorf("past deadline: %v, %+v", err, res)
	}
	// Not cancelled: the full extraction.
	if res, err := HTMLContext(context.Background(), page, ""); err != nil || res.Warning != "" {
		t.Errorf("not cancelled: %v, warning %q", err, res.Warning)
	}
}

func TestCheapHTML(t *testing.T) {
	page := `<!DOCTYPE html><html lang="pt-BR"><head><title>Dam holds after the storm | River Daily</title>
<meta property="og:site_name" content="River Daily">
<meta property="article:published_time" content="2024-03-02T08:15:00+01:00">
<style>p { color: red }</style><script>var x = "<p>not text</p>";</script></head>
<body><header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
<article><h1>Dam holds after the storm</h1>
<p>The dam above the valley held through the night, engineers said on Saturday.</p>
<p>Water levels fell by <b>two metres</b> by noon &amp; roads reopened.</p>
<table><tr><td>Level</td><td>12 m</td></tr></table></article>
<aside>Most read: other stories</aside><footer>© 2024 River Daily</footer></body></html>`
	res := cheapHTML([]byte(page), "https://example.org/dam")
	want := Result{
		Title:     "Dam holds after the storm",
		SiteName:  "River Daily",
		Language:  "pt-BR",
		URL:       "https://example.org/dam",
		Published: time.Date(2024, 3, 2, 7, 15, 0, 0, time.UTC),
		Text: "The dam above the valley held through the night, engineers said on Saturday.\n" +
			"Water levels fell by two metres by noon & roads reopened.\nLevel 12 m",
	}
	res.Removed = nil // the dropped lines are cleanBody's, tested there
	if !reflect.DeepEqual(res, want) {
		t.Errorf("cheapHTML =\n%+v\nwant\n%+v", res, want)
	}
}

func TestHTMLTooLarge(t *testing.T) {
	page := append([]byte("<p>"), bytes.Repeat([]byte("x"), MaxDocumentBytes)...)
	_, err := HTML(page, "")
	if !errors.Is(err, ErrTooLarge) || errors.Is(err, ErrNoHTML) || !strings.Contains(err.Error(), "32 MB") {
		t.Errorf("error %v, want ErrTooLarge naming the 32 MB limit", err)
	}
	if strings.Count(err.Error(), "extract HTML") != 1 {
		t.Errorf("error %q repeats its prefix", err)
	}
}

func TestTagName(t *testing.T) {
	for _, name := range []string{"div", "p", "svg", "my-widget", "x", "foreignobject", ""} {
		if got := tagName([]byte(name)); got != name {
			t.Errorf("tagName(%q) = %q", name, got)
		}
	}
}
