package extract

import (
	"fmt"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// leadPage builds a page with the given head and body markup.
func leadPage(head, body string) string {
	return "<!DOCTYPE html><html><head><title>Harbour bridge reopens</title>" + head +
		"</head><body>" + body + "</body></html>"
}

const leadDesc = "The Velmora harbour bridge reopened on Tuesday after two years of repairs that cost the city far more than planned."

func TestLeadParagraph(t *testing.T) {
	tests := []struct {
		name string
		page string
		want string
	}{
		{
			name: "standfirst in the header repeats the description",
			page: leadPage(`<meta name="description" content="`+leadDesc+`">`,
				`<header><h1>Harbour bridge reopens</h1><div class="intro"><p><strong>The Velmora harbour bridge</strong> reopened on Tuesday after two years of repairs that cost the city far more than planned.</p></div></header><article><p>Body.</p></article>`),
			want: leadDesc,
		},
		{
			name: "description cut short with an ellipsis",
			page: leadPage(`<meta property="og:description" content="The Velmora harbour bridge reopened on Tuesday after two years of repairs…">`,
				`<div class="summary">`+leadDesc+`</div>`),
			want: leadDesc,
		},
		{
			name: "the same words as a link to the article are a teaser",
			page: leadPage(`<meta name="description" content="`+leadDesc+`">`,
				`<div class="more"><a href="/bridge">`+leadDesc+`</a></div>`),
			want: "",
		},
		{
			name: "a caption is not a lead",
			page: leadPage(`<meta name="description" content="`+leadDesc+`">`,
				`<figure><img src="b.jpg"><figcaption>`+leadDesc+`</figcaption></figure>`),
			want: "",
		},
		{
			name: "a container holding much more than the description",
			page: leadPage(`<meta name="description" content="`+leadDesc+`">`,
				`<div>`+leadDesc+`<br>`+strings.Repeat("Other words about the works on the harbour. ", 40)+`</div>`),
			want: "",
		},
		{
			name: "a short description is no paragraph",
			page: leadPage(`<meta name="description" content="News from Velmora">`,
				`<p>News from Velmora</p>`),
			want: "",
		},
		{
			name: "no description",
			page: leadPage(``, `<p>`+leadDesc+`</p>`),
			want: "",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := html.Parse(strings.NewReader(tc.page))
			if err != nil {
				t.Fatal(err)
			}
			if got := leadParagraph(doc); got != tc.want {
				t.Errorf("leadParagraph = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestWithLead(t *testing.T) {
	tests := []struct {
		name, body, lead, want string
	}{
		{"missing lead goes first", "Second paragraph.", leadDesc, leadDesc + "\nSecond paragraph."},
		{"lead already in the body", "Intro\n" + strings.ReplaceAll(leadDesc, " ", "  ") + "\nMore.", leadDesc, "Intro\n" + strings.ReplaceAll(leadDesc, " ", "  ") + "\nMore."},
		{"no lead", "Body.", "", "Body."},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := withLead(tc.body, tc.lead); got != tc.want {
				t.Errorf("withLead = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestHTMLKeepsLead(t *testing.T) {
	para := strings.Repeat("Engineers replaced the cables and the deck of the old crossing, and traffic returned slowly during the morning. ", 4)
	page := leadPage(`<meta name="description" content="`+leadDesc+`">`,
		`<header><h1>Harbour bridge reopens</h1><p class="standfirst">`+leadDesc+`</p></header>`+
			`<main><article><p>`+para+`</p><p>`+para+`</p><p>`+para+`</p></article></main>`)
	res, err := HTML([]byte(page), "")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(res.Text, leadDesc+"\n") {
		t.Errorf("text does not start with the lead:\n%s", res.Text)
	}
	if strings.Count(res.Text, leadDesc) != 1 {
		t.Errorf("lead %d times in text:\n%s", strings.Count(res.Text, leadDesc), res.Text)
	}
}

func TestHeadedLead(t *testing.T) {
	const lead = "Residents of the old quarter will vote in March on whether the tram line should cross the market square."
	const first = "The council published the plans for the new tram line on Monday evening after a long debate."
	body := first + "\nA second paragraph of the article follows here."
	tests := []struct {
		name string
		page string
		want string
	}{
		{
			name: "intro block between headline and body",
			page: leadPage(``, `<article><h1>Tram vote</h1><div class="article__intro"><p>`+lead+`</p></div><p>`+first+`</p></article>`),
			want: lead,
		},
		{
			name: "itemprop description",
			page: leadPage(``, `<h1>Tram vote</h1><div itemprop="description">`+lead+`</div><p>`+first+`</p>`),
			want: lead,
		},
		{
			name: "camel-case class",
			page: leadPage(``, `<h1>Tram vote</h1><p class="storyLeadText">`+lead+`</p><p>`+first+`</p>`),
			want: lead,
		},
		{
			name: "teaser after the body is another article's",
			page: leadPage(``, `<h1>Tram vote</h1><p>`+first+`</p><div class="teaser-text">`+lead+`</div>`),
			want: "",
		},
		{
			name: "no headline",
			page: leadPage(``, `<div class="intro">`+lead+`</div><p>`+first+`</p>`),
			want: "",
		},
		{
			name: "the site's tagline in the banner",
			page: leadPage(``, `<header role="banner"><h1>Town blog</h1><p class="site-description">`+lead+`</p></header><p>`+first+`</p>`),
			want: "",
		},
		{
			name: "a block of several rows is not taken whole",
			page: leadPage(``, `<h1>Tram vote</h1><div class="teaser"><p>Press office</p><p>By A. Writer</p><p>`+lead+`</p></div><p>`+first+`</p>`),
			want: lead,
		},
		{
			name: "lead already in the body",
			page: leadPage(``, `<h1>Tram vote</h1><p class="lead">`+first+`</p>`),
			want: "",
		},
		{
			name: "a paragraph between headline and body",
			page: leadPage(``, `<h1>Tram vote</h1><div class="stage"><p>`+lead+`</p></div><p>`+first+`</p>`),
			want: lead,
		},
		{
			name: "a short row between headline and body is no lead",
			page: leadPage(``, `<h1>Tram vote</h1><p>By A. Writer, 3 March</p><p>`+first+`</p>`),
			want: "",
		},
		{
			name: "a paragraph not ending like a sentence",
			page: leadPage(``, `<h1>Tram vote</h1><p>`+strings.TrimSuffix(lead, ".")+` and more</p><p>`+first+`</p>`),
			want: "",
		},
		{
			name: "a furniture paragraph between headline and body",
			page: leadPage(``, `<h1>Tram vote</h1><p class="image-credit">`+lead+`</p><p>`+first+`</p>`),
			want: "",
		},
		{
			name: "a paragraph after the body started",
			page: leadPage(``, `<h1>Tram vote</h1><p>`+first+`</p><p>`+lead+`</p>`),
			want: "",
		},
		{
			name: "class words that only contain a lead word",
			page: leadPage(``, `<h1>Tram vote</h1><div class="leaderboard">`+lead+`</div><p>`+first+`</p>`),
			want: "",
		},
	}
	var far strings.Builder
	for i := range maxLeadProbes + 1 {
		fmt.Fprintf(&far, "<p>Row %d of a long table of other matters.</p>", i)
	}
	tests = append(tests, struct {
		name string
		page string
		want string
	}{
		name: "the body starts too far after the headline",
		page: leadPage(``, `<h1>Tram vote</h1><p>`+lead+`</p>`+far.String()+`<p>`+first+`</p>`),
		want: "",
	})
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := html.Parse(strings.NewReader(tc.page))
			if err != nil {
				t.Fatal(err)
			}
			if got := headedLead(doc, body); got != tc.want {
				t.Errorf("headedLead = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestHasLeadWord(t *testing.T) {
	tests := []struct {
		class string
		want  bool
	}{
		{"article__lead", true},
		{"c-article-head__subtitle", true},
		{"teaser-text", true},
		{"storyLeadText", true},
		{"STANDFIRST", true},
		{"entry-excerpt col2", true},
		{"leaderboard", false},
		{"introjs-overlay", false},
		{"misleading", false},
		{"", false},
	}
	for _, tc := range tests {
		if got := hasLeadWord(tc.class); got != tc.want {
			t.Errorf("hasLeadWord(%q) = %v, want %v", tc.class, got, tc.want)
		}
	}
}

func TestHTMLKeepsStandfirstWhenDescriptionIsBody(t *testing.T) {
	para := strings.Repeat("Engineers replaced the cables and the deck of the old crossing, and traffic returned slowly during the morning. ", 4)
	page := leadPage(`<meta name="description" content="`+strings.TrimSpace(para)+`">`,
		`<main><article><h1>Harbour bridge reopens</h1><div class="teaser-text"><p>`+leadDesc+`</p></div>`+
			`<p>`+para+`</p><p>`+para+`</p><p>`+para+`</p></article></main>`)
	res, err := HTML([]byte(page), "")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(res.Text, leadDesc+"\n") {
		t.Errorf("text does not start with the standfirst:\n%s", res.Text)
	}
}

func TestNormSpace(t *testing.T) {
	for _, s := range []string{
		"", " ", "a", "a b", " a", "a ", "a  b", "a\tb", "a\nb\n", "\r\n a \v\f b ",
		"héllo wörld", "a\u00a0b", "a\u0085b", "a\u2003 b", "a \u3000", "\u2028x\u2029",
		"bad\xffbyte here", "\xff", "  \xff  \xfe ", "a b c d", "one\u200bword",
	} {
		want := strings.Join(strings.Fields(s), " ")
		if got := normSpace(s); got != want {
			t.Errorf("normSpace(%q) = %q, want %q", s, got, want)
		}
		if got := spaceNormal(s); got != (want == s) {
			t.Errorf("spaceNormal(%q) = %v, want %v", s, got, want == s)
		}
	}
}
