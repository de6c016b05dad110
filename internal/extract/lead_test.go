package extract

import (
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
