package extract

import (
	"regexp"
	"strings"
	"testing"
)

// The regular expressions stripTags and stripFragments replace, as the
// reference they must agree with.
var (
	refTag      = regexp.MustCompile(`(?i)<\s*/?\s*(?:p|br|div|span|a|b|i|u|em|strong|li|ul|ol|h[1-6]|img|figure|figcaption|blockquote|iframe|script|style|noscript|table|tbody|thead|tr|td|th|sup|sub|small|section|article|header|footer|nav|aside|hr|font|center|pre|code|source|video|audio|picture|label|button|input|form|svg|path|meta|link|html|body|head|title|cite|q|s|del|ins|mark|abbr|time|dl|dt|dd)\b[^<>]*?/?\s*>`)
	refFragment = regexp.MustCompile(`(?i)(?:^|\s)/?(?:p|br|div|span|strong|em|li|ul|ol|h[1-6]|a|b|i|u|td|tr|figure|figcaption|blockquote)\s*/?>|<\s*/?\s*(?:p|br|div|span|strong|em|li|a|b|i)\s*$|<\s*/\s*>`)
)

func refStrip(s string) string {
	return refFragment.ReplaceAllLiteralString(refTag.ReplaceAllLiteralString(s, " "), " ")
}

// comparable reports whether the reference's Unicode case folding cannot
// differ from the ASCII folding of stripTags on s (ſ folds to s, K to k).
func comparable(s string) bool { return !strings.ContainsAny(s, "ſK") }

func TestStripTags(t *testing.T) {
	for _, in := range []string{
		"<p>Text</p>", "< /p >x", "<P CLASS=x>y</P>", "<br/>a<br />b", "<a href=\"x\">link</a>",
		"a < b > c", "<pre>x</pre><prex>", "<p<p>x", "1 < 2 and 3 > 2", "<p data-x='a>b'>x",
		"text /p> more p> and</div", "x p>", "/p>start", "p> start", "x/p>", "< / >", "</>", "< />",
		"end <p", "end </div ", "end < / b", "end <pre", "<<<<", ">>>>", "<p>>", "p>p>", " p> p>",
		"<b><i>x</i></b>", "<figcaption>c</figcaption>", "<blockquotes>x", "<h7>x</h7> <h6>y</h6>",
		"x<br>", "tail p/>", "a\t/li\t>", "<\tp\t>",
	} {
		if got, want := stripFragments(stripTags(in)), refStrip(in); got != want {
			t.Errorf("strip(%q) = %q, want %q", in, got, want)
		}
	}
}

// FuzzStripTags checks the linear tag passes against the regular
// expressions they replace.
func FuzzStripTags(f *testing.F) {
	for _, s := range []string{"<p>x</p>", "a p> b", "end <p", "< / >", "<a href=x>y</a> /li>"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		if len(in) > 4096 || !comparable(in) {
			return
		}
		if got, want := stripFragments(stripTags(in)), refStrip(in); got != want {
			t.Fatalf("strip(%q) = %q, want %q", in, got, want)
		}
	})
}
