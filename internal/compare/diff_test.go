package compare

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/analyze/sentence"
	"github.com/parallax-news/parallax/internal/model"
)

func TestDiffWords(t *testing.T) {
	cases := []struct {
		a, b  string
		diff  string // ops joined: "=kept -dropped +added"
		flags string // kinds joined
	}{
		{"acts independently and seeks no permission from anyone", "acts independently and does not seek permission from anyone",
			"=acts independently and -seeks no +does not seek =permission from anyone", ""},
		{"We will respond to any attack", "We will not respond to any attack", "=We will +not =respond to any attack", "negation"},
		{"the strike killed 14 people", "the strike killed 12 people", "=the strike killed -14 +12 =people", "number"},
		{"the ministry supplied drones", "the ministry reportedly supplied drones", "=the ministry +reportedly =supplied drones", "hedge"},
		{"Iran said it supplied drones", "Iran admitted it supplied drones", "=Iran -said +admitted =it supplied drones", "verb"},
		// Where one outlet cut the quote is no change.
		{"The water came in minutes. People had no time to take anything", "People had no time to take anything, she said",
			"=People had no time to take anything", ""},
		{"", "anything", "", ""},
	}
	for _, c := range cases {
		ops, flags := diffWords(c.a, c.b)
		var d, f []string
		for _, op := range ops {
			d = append(d, op.Op+op.Text)
		}
		for _, fl := range flags {
			f = append(f, fl.Kind)
		}
		if strings.Join(d, " ") != c.diff || strings.Join(f, " ") != c.flags {
			t.Errorf("diff(%q, %q):\n got  %q flags %q\n want %q flags %q", c.a, c.b, strings.Join(d, " "), strings.Join(f, " "), c.diff, c.flags)
		}
	}
}

func TestClauses(t *testing.T) {
	text := "Cooperation is expanding within the framework of shared interests, and is not against any third country; talks continue. The dam gave way, killing 14 people, including two children."
	var got []string
	for _, s := range sentence.Split(text) {
		for _, c := range clauses(text, s.Start, s.End) {
			got = append(got, text[c.Start:c.End])
		}
	}
	want := []string{"Cooperation is expanding within the framework of shared interests", "is not against any third country", "talks continue.",
		"The dam gave way", "killing 14 people, including two children."}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("clauses:\n got  %q\n want %q", got, want)
	}
}

func TestCompareTooFew(t *testing.T) {
	a := &model.Article{ID: 1, ExternalID: "a", Text: "One article alone."}
	for _, docs := range [][]Doc{nil, {{Article: a}}} {
		if _, err := Compare(context.Background(), model.Story{ID: 3}, docs, Options{}); !errors.Is(err, ErrTooFew) {
			t.Errorf("%d articles: err %v, want ErrTooFew", len(docs), err)
		}
	}
	// Articles without analysis or text still compare.
	b := &model.Article{ID: 2, ExternalID: "b", Text: ""}
	c, err := Compare(context.Background(), model.Story{ID: 3}, []Doc{{Article: a}, {Article: b}}, Options{})
	if err != nil || len(c.Articles) != 2 {
		t.Fatalf("compare without analysis: %v", err)
	}
}

func TestScareQuotes(t *testing.T) {
	a := &model.Article{ID: 1, ExternalID: "a", Text: "The minister called the report a \u201cwitch hunt\u201d on Monday. \u201cWe will not resign,\u201d the minister said."}
	b := &model.Article{ID: 2, ExternalID: "b", Text: "Critics dismissed the \u201creform\u201d as cosmetic."}
	an := &model.Analysis{ArticleID: 1, Quotes: []model.Quote{{Span: model.Span{Start: 63, End: 83}, Text: "We will not resign,", Kind: model.Direct, Speaker: "the minister"}}}
	c, err := Compare(context.Background(), model.Story{ID: 1}, []Doc{{Article: a, Analysis: an}, {Article: b}}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range c.ScareQuotes {
		got = append(got, s.ID+":"+s.Text)
	}
	if strings.Join(got, "|") != "a:witch hunt|b:reform" {
		t.Errorf("scare quotes %q, want a:witch hunt and b:reform", got)
	}
}
