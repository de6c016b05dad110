package extract

import (
	"strings"
	"testing"
	"time"
)

// Invented example articles: every sentence here is written for these tests.
const (
	bodyA1 = "The city council voted on Thursday to extend the night bus network to the northern suburbs."
	bodyA2 = "Councillors said the new routes would start in September and cost about two million a year."
	bodyA3 = "“People who work late deserve a safe way home,” the transport chair told reporters after the vote."
	bodyB1 = "A small bakery in the old quarter has won the regional bread prize for the third year running."
	bodyB2 = "Its owner, who started baking at fourteen, credits a sourdough starter kept alive since 1998."
	bodyB3 = "Judges praised the crust and said the loaves kept well for several days."
)

func TestClean(t *testing.T) {
	tests := []struct {
		name      string
		in        string
		title     string
		published time.Time
		keep      []string // lines that must be in Text, in this order
		gone      []string // lines that must be removed (listed in Removed)
	}{
		{
			name:  "title, share buttons and prev/next",
			in:    "Night buses to reach northern suburbs | City News\n\nSpread the love\n\n" + bodyA1 + "\n\n< /p>\n\n" + bodyA2 + "\n" + bodyA3 + "\n\nPrevious Article\nNext Article\n",
			title: "Night buses to reach northern suburbs",
			keep:  []string{bodyA1, bodyA2, bodyA3},
			gone:  []string{"Spread the love", "Previous Article", "Next Article"},
		},
		{
			name:  "repeated title and category label",
			in:    "Local\n\nBakery wins bread prize again\n\n\n" + bodyB1 + "\n\n" + bodyB2 + "\n\nBakery wins bread prize again\n\n" + bodyB3 + "\n\nShow More\n\nRelated Articles\n\nBack to top button\nVerified by MonsterInsights",
			title: "Bakery wins bread prize again",
			keep:  []string{bodyB1, bodyB2, bodyB3},
			gone:  []string{"Local", "Show More", "Related Articles", "Back to top button", "Verified by MonsterInsights"},
		},
		{
			name:      "dateline row and check-also teaser",
			in:        "Wednesday , March 22 2023\n\nBakery wins bread prize again\n\n" + bodyB1 + "\n\n" + bodyB2 + "\n\nCheck Also\n\nHarbour festival postponed by storm\n\n21-03-2023 PORTVILLE: Organisers of the harbour festival said on Tuesday that …",
			title:     "Bakery wins bread prize again",
			published: time.Date(2023, 3, 22, 0, 0, 0, 0, time.UTC),
			keep:      []string{bodyB1, bodyB2},
			gone:      []string{"Wednesday , March 22 2023", "Check Also", "Harbour festival postponed by storm", "21-03-2023 PORTVILLE: Organisers of the harbour festival said on Tuesday that …"},
		},
		{
			name:  "two-segment breadcrumb above the headline",
			in:    "Home » Justice\nBakery wins bread prize again\n" + bodyB1 + "\n" + bodyB2,
			title: "Bakery wins bread prize again",
			keep:  []string{bodyB1, bodyB2},
			gone:  []string{"Home » Justice"},
		},
		{
			name:  "headline with a bar is not a breadcrumb",
			in:    "Bakery | Why the loaves keep winning\n" + bodyB1 + "\n" + bodyB2,
			title: "Bakery | Why the loaves keep winning",
			keep:  []string{bodyB1, bodyB2},
		},
		{
			name:      "published and updated rows",
			in:        "Updated: 05/06/2024 09:30\nPublished: 04/06/2024 18:05\n" + bodyA1 + "\n" + bodyA2,
			published: time.Date(2024, 6, 4, 18, 5, 0, 0, time.UTC),
			keep:      []string{bodyA1, bodyA2},
			gone:      []string{"Updated: 05/06/2024 09:30", "Published: 04/06/2024 18:05"},
		},
		{
			name:      "only an update row",
			in:        bodyA1 + "\nLast updated March 3, 2021 at 6:01 pm\n" + bodyA2,
			published: time.Date(2021, 3, 3, 18, 1, 0, 0, time.UTC),
			keep:      []string{bodyA1, bodyA2},
			gone:      []string{"Last updated March 3, 2021 at 6:01 pm"},
		},
		{
			name: "no title when the text starts with a paragraph",
			in:   bodyA1 + "\n" + bodyA2 + "\n" + bodyA3,
			keep: []string{bodyA1, bodyA2, bodyA3},
		},
		{
			name: "leftover tags, entities and share rows",
			in:   bodyA1 + "</p>\n<p>" + bodyA2 + "\nShare this article\nFacebook Twitter WhatsApp Email\n3 min read\nTom &amp; Jerry Street was closed for the works, the council said.",
			keep: []string{bodyA1, bodyA2, "Tom & Jerry Street was closed for the works, the council said."},
			gone: []string{"Share this article", "Facebook Twitter WhatsApp Email", "3 min read"},
		},
		{
			name: "credits, sign-up and copyright",
			in:   bodyB1 + "\nPhoto: Anna Berg / Valley Times\n" + bodyB2 + "\nSign up for our newsletter to get the morning briefing in your inbox.\n© 2024 Valley Times. All rights reserved.\n" + bodyB3,
			keep: []string{bodyB1, bodyB2, bodyB3},
			gone: []string{"Photo: Anna Berg / Valley Times", "Sign up for our newsletter to get the morning briefing in your inbox.", "© 2024 Valley Times. All rights reserved."},
		},
		{
			name: "sentences mentioning furniture words stay",
			in:   "The museum will share its archive with schools, the director said.\nNext year the festival moves to the river bank.\nRelated events will be announced in the spring, organisers said.\nShare prices fell sharply on Monday after the announcement.",
			keep: []string{
				"The museum will share its archive with schools, the director said.",
				"Next year the festival moves to the river bank.",
				"Related events will be announced in the spring, organisers said.",
				"Share prices fell sharply on Monday after the announcement.",
			},
		},
		{
			name: "a dated sentence is not a date row",
			in:   "On March 22, 2023 the bridge was closed for inspection.\n" + bodyA1,
			keep: []string{"On March 22, 2023 the bridge was closed for inspection.", bodyA1},
		},
		{
			name: "empty input",
			in:   " \n\n\t\n",
		},
	}
	var c Cleaner
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := c.Clean(tt.in)
			if got.Title != tt.title {
				t.Errorf("Title = %q, want %q", got.Title, tt.title)
			}
			if !got.Published.Equal(tt.published) {
				t.Errorf("Published = %v, want %v", got.Published, tt.published)
			}
			lines := strings.Split(got.Text, "\n")
			if got.Text == "" {
				lines = nil
			}
			if strings.Join(lines, "\n") != strings.Join(tt.keep, "\n") {
				t.Errorf("Text lines:\n got %q\nwant %q", lines, tt.keep)
			}
			for _, g := range tt.gone {
				found := false
				for _, r := range got.Removed {
					if r == g {
						found = true
					}
				}
				if !found {
					t.Errorf("Removed %q lacks %q", got.Removed, g)
				}
			}
		})
	}
}

// TestCleanLearned checks that lines recurring across documents are
// dropped, and recurring sentences are not.
func TestCleanLearned(t *testing.T) {
	const (
		footer  = "Valley Times Media Group"
		promo   = "Download our app for live scores"
		wire    = "The agency contributed reporting to this article from the capital."
		article = "The regional orchestra announced a free concert in the central park next Saturday."
	)
	stats := NewLineStats()
	for i := 0; i < 6; i++ {
		stats.Add("Headline number " + string(rune('A'+i)) + " about the valley\n" + bodyB1 + "\n" + footer + "\n" + promo + "\n" + wire)
	}
	c := &Cleaner{Stats: stats}
	got := c.Clean("Orchestra plans a park concert\n" + article + "\n" + footer + "\n" + promo + "\n" + wire)
	want := article + "\n" + wire
	if got.Text != want {
		t.Errorf("Text = %q, want %q", got.Text, want)
	}
	if got.Title != "Orchestra plans a park concert" {
		t.Errorf("Title = %q", got.Title)
	}
	// Below MinDocs nothing is learned.
	few := NewLineStats()
	few.Add(footer + "\n" + bodyA1)
	few.Add(footer + "\n" + bodyA2)
	got = (&Cleaner{Stats: few}).Clean(bodyA3 + "\n" + footer)
	if got.Text != bodyA3+"\n"+footer {
		t.Errorf("with 2 documents, Text = %q", got.Text)
	}
}

// TestCleanConcurrent runs Clean from many goroutines over shared stats
// (go test -race checks it).
func TestCleanConcurrent(t *testing.T) {
	stats := NewLineStats()
	for i := 0; i < 5; i++ {
		stats.Add("Spread the love\n" + bodyA1 + "\nCity News Network")
	}
	c := &Cleaner{Stats: stats}
	in := "City News Network\n" + bodyA1 + "\n" + bodyA2
	want := c.Clean(in)
	done := make(chan Cleaned)
	for i := 0; i < 8; i++ {
		go func() {
			var last Cleaned
			for j := 0; j < 50; j++ {
				last = c.Clean(in)
			}
			done <- last
		}()
	}
	for i := 0; i < 8; i++ {
		if got := <-done; got.Text != want.Text || got.Title != want.Title {
			t.Errorf("concurrent Clean = %+v, want %+v", got, want)
		}
	}
}

// benchArticle builds a ~5 KB invented article with typical noise.
func benchArticle() string {
	var b strings.Builder
	b.WriteString("Wednesday , March 22 2023\n\nNight buses to reach northern suburbs | City News\n\nSpread the love\n\n")
	for b.Len() < 4600 {
		for _, l := range []string{bodyA1, bodyA2, bodyA3, bodyB1, bodyB2, bodyB3} {
			b.WriteString(l)
			b.WriteString("\n\n")
		}
	}
	b.WriteString("< /p>\nShow More\n\nRelated Articles\n\nBack to top button\nVerified by MonsterInsights\n")
	return b.String()
}

func BenchmarkClean(b *testing.B) {
	stats := NewLineStats()
	for i := 0; i < 50; i++ {
		stats.Add(benchArticle())
	}
	c := &Cleaner{Stats: stats}
	in := benchArticle()
	b.SetBytes(int64(len(in)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		c.Clean(in)
	}
}
