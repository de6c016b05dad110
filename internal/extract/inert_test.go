package extract

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestDropInert(t *testing.T) {
	tests := []struct {
		name, page, want string
	}{
		{
			name: "scripts, styles and comments go, JSON-LD stays",
			page: `<html><head><title>Harbour works</title><style>p{color:red}</style>` +
				`<script>var tracker = 1;</script><script type="application/ld+json">{"@type":"NewsArticle"}</script></head>` +
				`<body><!-- ad slot --><p>The new quay opens in May.</p></body></html>`,
			want: `<html><head><title>Harbour works</title><script type="application/ld+json">{"@type":"NewsArticle"}</script></head>` +
				`<body><p>The new quay opens in May.</p></body></html>`,
		},
		{
			name: "drawings and noscript fallbacks go, their neighbours' text stays",
			page: `<html><head></head><body><p>Before <svg><title>icon</title><path d="M0 0"></path></svg>after.</p>` +
				`<noscript><img src="pixel.gif"></noscript><p>Next line.</p></body></html>`,
			want: `<html><head></head><body><p>Before after.</p><p>Next line.</p></body></html>`,
		},
		{
			name: "nested inert elements inside kept ones",
			page: `<html><head></head><body><div><article><h1>Vote count</h1><script type="text/javascript">x()</script>` +
				`<p>Turnout rose.</p><style>.a{}</style></article></div></body></html>`,
			want: `<html><head></head><body><div><article><h1>Vote count</h1><p>Turnout rose.</p></article></div></body></html>`,
		},
		{
			name: "a page without any keeps everything",
			page: `<html><head><title>Plain</title></head><body><p>Only text.</p></body></html>`,
			want: `<html><head><title>Plain</title></head><body><p>Only text.</p></body></html>`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := html.Parse(strings.NewReader(tt.page))
			if err != nil {
				t.Fatal(err)
			}
			dropInert(doc)
			var b strings.Builder
			if err := html.Render(&b, doc); err != nil {
				t.Fatal(err)
			}
			if got := b.String(); got != tt.want {
				t.Errorf("dropInert:\n got %s\nwant %s", got, tt.want)
			}
		})
	}
}
