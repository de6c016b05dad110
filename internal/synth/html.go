package synth

import (
	"html"
	"strings"
	"time"
)

// HTML renders a as a news page the way a site serves it: the headline,
// byline row and paragraphs inside an <article>, framed by navigation,
// related links and a footer that extraction has to leave out. Blank-line
// and single-line breaks of the text both start a new paragraph.
func HTML(a Article) []byte {
	var b strings.Builder
	esc := html.EscapeString
	b.WriteString("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>")
	b.WriteString(esc(a.Title) + " | " + esc(a.Outlet))
	b.WriteString("</title>\n<meta property=\"og:site_name\" content=\"" + esc(a.Outlet) + "\">\n")
	b.WriteString("<meta property=\"og:title\" content=\"" + esc(a.Title) + "\">\n")
	b.WriteString("<meta property=\"og:url\" content=\"" + esc(a.URL) + "\">\n")
	b.WriteString("<meta property=\"article:published_time\" content=\"" + a.Published.Format(time.RFC3339) + "\">\n")
	b.WriteString("</head><body>\n<header><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a> <a href=\"/business\">Business</a> <a href=\"/sport\">Sport</a></nav></header>\n")
	b.WriteString("<main><article>\n<h1>" + esc(a.Title) + "</h1>\n")
	b.WriteString("<p class=\"byline\"><time datetime=\"" + a.Published.Format(time.RFC3339) + "\">" + a.Published.Format("2 January 2006") + "</time></p>\n")
	for _, p := range strings.Split(a.Text, "\n") {
		if p = strings.TrimSpace(p); p != "" {
			b.WriteString("<p>" + esc(p) + "</p>\n")
		}
	}
	b.WriteString("</article>\n<aside><h2>Most read</h2><ul><li><a href=\"/a\">Markets close higher</a></li><li><a href=\"/b\">Weather for the weekend</a></li></ul></aside></main>\n")
	b.WriteString("<footer><p>© " + esc(a.Outlet) + ". All rights reserved.</p><a href=\"/privacy\">Privacy</a></footer>\n</body></html>\n")
	return []byte(b.String())
}
