package extract

import (
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func FuzzClean(f *testing.F) {
	for _, s := range []string{
		"",
		"\n\n\r\n",
		benchArticle(),
		"Wednesday , March 22 2023\n\nTitle of a story\n\n" + bodyA1 + "\n< /p>\nCheck Also\nOther story\n",
		"Title | Section\n\nSpread the love\n\nTitle | Section\n" + bodyB1 + "\nPrevious Article\nNext Article",
		"&amp;&lt;p&gt;\u2028x\u00a0\u00a0y\u200b\tz\x00\x7f",
		"\xff\xfe broken \xc3 bytes\n" + bodyB2,
		"Related Articles\nA\nB\nC",
		"<p>" + bodyA1 + "</p><br/><div class=x>" + bodyA2 + "</div>",
		"Published: 31/04/2023\nUpdated 2023-02-30 25:61\n12.12.2012 12:12 pm",
	} {
		f.Add(s)
	}
	stats := NewLineStats()
	for i := 0; i < 4; i++ {
		stats.Add("Spread the love\nCity News Network\n" + bodyA1)
	}
	c := &Cleaner{Stats: stats}
	f.Fuzz(func(t *testing.T, in string) {
		out := c.Clean(in)
		if !utf8.ValidString(out.Text) || !utf8.ValidString(out.Title) {
			t.Fatalf("invalid UTF-8 out of %q", in)
		}
		if strings.ContainsAny(out.Title, "\n\r") {
			t.Fatalf("title %q spans lines", out.Title)
		}
		if utf8.ValidString(in) && (len(out.Text) > len(in) || len(out.Title) > len(in)) {
			t.Fatalf("output longer than input: %d+%d > %d", len(out.Title), len(out.Text), len(in))
		}
		// Text is a subsequence of the normalized input lines: cleaning
		// only removes lines, never rewrites or reorders them.
		norm := splitLines(in)
		j := 0
		if out.Text != "" {
			for _, l := range strings.Split(out.Text, "\n") {
				if l == "" || l != strings.TrimSpace(l) {
					t.Fatalf("empty or untrimmed line %q", l)
				}
				for _, r := range l {
					if unicode.Is(unicode.Cc, r) {
						t.Fatalf("control character %U in %q", r, l)
					}
				}
				for j < len(norm) && norm[j] != l {
					j++
				}
				if j == len(norm) {
					t.Fatalf("output line %q is not an input line (in order)", l)
				}
				j++
			}
		}
		kept := len(norm) - len(out.Removed)
		if out.Text != "" && strings.Count(out.Text, "\n")+1 > kept {
			t.Fatalf("%d lines out, %d in, %d removed", strings.Count(out.Text, "\n")+1, len(norm), len(out.Removed))
		}
		if !out.Published.IsZero() && (out.Published.Year() < 1900 || out.Published.Year() > 2200) {
			t.Fatalf("implausible date %v", out.Published)
		}
	})
}

func FuzzHTML(f *testing.F) {
	for _, s := range []string{
		"",
		"<",
		"<html></html>",
		string(testPage()),
		"<p>" + bodyA1 + "</p><p>" + bodyA2 + "</p>",
		"<html lang=\"x-\x00\"><body><article><p>" + bodyB1 + "</article></div></span>",
		"<meta property=\"article:published_time\" content=\"9999-99-99T99:99:99Z\"><p>" + bodyB2 + "</p>",
		"\xef\xbb\xbf<html><head><meta charset=\"iso-8859-1\"></head><body><p>caf\xe9 " + bodyB3 + "</p></body></html>",
		strings.Repeat("<div>", 300) + bodyA3,
	} {
		f.Add([]byte(s), "https://example.org/story")
	}
	f.Fuzz(func(t *testing.T, raw []byte, pageURL string) {
		res, err := HTML(raw, pageURL)
		if err != nil {
			if !reflect.DeepEqual(res, Result{}) {
				t.Fatalf("error %v with a non-empty result", err)
			}
			return
		}
		if strings.TrimSpace(res.Text) == "" {
			t.Fatalf("no error but empty text")
		}
		for name, s := range map[string]string{"text": res.Text, "title": res.Title, "author": res.Author, "site": res.SiteName} {
			if !utf8.ValidString(s) {
				t.Fatalf("%s is not valid UTF-8: %q", name, s)
			}
		}
		if strings.ContainsAny(res.Title, "\n\r") {
			t.Fatalf("title %q spans lines", res.Title)
		}
	})
}

// FuzzCheapHTML checks the linear passes that bound a page's work: the
// measure, the flattening and the cheap extraction never panic, give valid
// UTF-8 text, and the flattened page is no deeper than MaxHTMLDepth.
func FuzzCheapHTML(f *testing.F) {
	for _, s := range []string{
		"",
		string(testPage()),
		strings.Repeat("<div>", 300) + bodyA3 + strings.Repeat("</div>", 299),
		strings.Repeat("<p><li><td>", 200) + bodyB1,
		"<html lang=\"pt\"><head><title>T</title><meta property=\"og:site_name\" content=\"S\"></head><body><nav>x</nav><p>" + bodyA1 + "</p></body></html>",
		"<script><p>not text</p></script><style>p{}</style><p>caf\xe9</p>",
		"<svg><div><p>inside</svg></div>after",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		if measure(flatten(raw)).deep {
			t.Fatalf("still deeper than %d after flattening", MaxHTMLDepth)
		}
		res := cheapHTML(raw, "")
		for name, s := range map[string]string{"text": res.Text, "title": res.Title, "site": res.SiteName} {
			if !utf8.ValidString(s) {
				t.Fatalf("%s is not valid UTF-8: %q", name, s)
			}
		}
		if strings.ContainsAny(res.Title, "\n\r") {
			t.Fatalf("title %q spans lines", res.Title)
		}
	})
}
