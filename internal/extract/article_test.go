package extract

import (
	"context"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/model"
)

func TestCapLines(t *testing.T) {
	long := strings.Repeat("a line\n", MaxLines+5)
	tests := []struct {
		name, in  string
		wantLines int // lines kept; -1 for the input unchanged
		warning   string
	}{
		{"short", "one\ntwo\n", -1, ""},
		{"at the limit", strings.Repeat("x\n", MaxLines-1) + "x", -1, ""},
		{"blank tail", strings.Repeat("x\n", MaxLines) + "\n\n  \n", -1, ""},
		{"long", long, MaxLines, "only the first 100000 of its 100005 lines"},
		{"shortest cut", strings.Repeat("x\n", MaxLines) + "x", MaxLines, "only the first 100000 of its 100001 lines"},
		{"MaxLines lines, the last with CRLF", strings.Repeat("x\n", MaxLines-1) + "x\r\n", -1, ""},
		{"carriage returns", strings.Repeat("a\r", MaxLines+1) + "b", MaxLines, "of its 100002 lines"},
		{"line separators", strings.Repeat("a\u2028", MaxLines) + "b", MaxLines, "of its 100001 lines"},
		{"CRLF counts once", strings.Repeat("a\r\n", MaxLines-1) + "b", -1, ""},
		{"blank lines do not count", strings.Repeat("a\n \t\n\n", MaxLines-1) + "b\n\n", -1, ""},
	}
	for _, tt := range tests {
		got, warning := CapLines(tt.in)
		switch {
		case tt.wantLines < 0 && got != tt.in:
			t.Errorf("%s: changed", tt.name)
		case tt.wantLines >= 0 && len(splitLines(got)) != tt.wantLines:
			t.Errorf("%s: %d lines kept, want %d", tt.name, len(splitLines(got)), tt.wantLines)
		case !strings.Contains(warning, tt.warning) || tt.warning == "" && warning != "":
			t.Errorf("%s: warning %q, want %q", tt.name, warning, tt.warning)
		}
	}
}

func TestArticle(t *testing.T) {
	ctx := context.Background()
	c := &Cleaner{}
	tests := []struct {
		name           string
		in             model.Article
		body           string
		html           bool
		title, outlet  string
		textHas, warns string
	}{
		{"text keeps its own title", model.Article{Title: "Bridge reopens", URL: "https://www.example.org/a"},
			"Bridge reopens\n" + bodyA1, false, "Bridge reopens", "example.org", bodyA1, ""},
		{"another first line stays text", model.Article{Title: "Given headline"},
			"Different first line here\n" + bodyA1, false, "Given headline", "", "Different first line here", ""},
		{"html fills what the record lacks", model.Article{}, string(testPage()), true, "", "", "", ""},
		{"a very long text is cut", model.Article{Title: "Long"},
			strings.Repeat(bodyA2+"\n", MaxLines+10), false, "Long", "", bodyA2, "only the first"},
	}
	for _, tt := range tests {
		a, warning, err := Article(ctx, c, tt.in, tt.body, tt.html)
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if tt.title != "" && a.Title != tt.title || tt.html && a.Title == "" {
			t.Errorf("%s: title %q", tt.name, a.Title)
		}
		if a.Outlet != tt.outlet && !tt.html {
			t.Errorf("%s: outlet %q, want %q", tt.name, a.Outlet, tt.outlet)
		}
		if !strings.Contains(a.Text, tt.textHas) || strings.TrimSpace(a.Text) == "" {
			t.Errorf("%s: text %.100q lacks %q", tt.name, a.Text, tt.textHas)
		}
		if !strings.Contains(warning, tt.warns) || tt.warns == "" && warning != "" {
			t.Errorf("%s: warning %q, want %q", tt.name, warning, tt.warns)
		}
	}
	if _, _, err := Article(ctx, c, model.Article{}, "<html><body></body></html>", true); err == nil {
		t.Error("an empty page gave an article")
	}
}

func TestSameTitleAndHost(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		same bool
	}{
		{"Bridge reopens", "bridge  reopens!", true},
		{"“Bridge” reopens", "Bridge reopens", true},
		{"Bridge reopens", "Bridge closes", false},
	} {
		if got := sameTitle(tt.a, tt.b); got != tt.same {
			t.Errorf("sameTitle(%q, %q) = %v", tt.a, tt.b, got)
		}
	}
	for in, want := range map[string]string{
		"https://www.Example.org/a?b": "example.org",
		"http://news.example.com#x":   "news.example.com",
		"example.net/path":            "example.net",
	} {
		if got := hostOf(in); got != want {
			t.Errorf("hostOf(%q) = %q, want %q", in, got, want)
		}
	}
}
