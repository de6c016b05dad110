package feed

import (
	"errors"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

const rssFeed = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel>
<title>Valley Courier</title><link>https://courier.example/</link><ttl>30</ttl>
<item><title>Bridge reopens after repairs</title><link>/news/bridge-reopens?utm_source=rss</link>
<guid isPermaLink="false">c-101</guid><pubDate>Tue, 05 May 2026 09:30:00 EST</pubDate>
<description>&lt;p&gt;The &lt;b&gt;bridge&lt;/b&gt; is open.&lt;/p&gt;</description></item>
<item><title>Council votes on budget</title><link>https://courier.example/news/budget</link><pubDate>2026-05-04T18:00:00+02:00</pubDate></item>
<item><title>Untitled flash</title></item>
</channel></rss>`

func TestParseRSS(t *testing.T) {
	f, err := Parse([]byte(rssFeed), "application/rss+xml", "https://courier.example/feeds/all.xml")
	if err != nil {
		t.Fatal(err)
	}
	if f.Title != "Valley Courier" || f.TTL != 30*time.Minute || len(f.Items) != 3 {
		t.Fatalf("feed %q ttl %v items %d", f.Title, f.TTL, len(f.Items))
	}
	first := f.Items[0]
	if first.Link != "https://courier.example/news/bridge-reopens?utm_source=rss" || first.URL != "https://courier.example/news/bridge-reopens" {
		t.Errorf("link %q url %q", first.Link, first.URL)
	}
	if want := time.Date(2026, 5, 5, 14, 30, 0, 0, time.UTC); !first.Published.Equal(want) {
		t.Errorf("published %v, want %v (EST is UTC-5)", first.Published, want)
	}
	if first.Summary != "The bridge is open." || first.Key != first.URL || first.GUID != "c-101" {
		t.Errorf("summary %q key %q guid %q", first.Summary, first.Key, first.GUID)
	}
	if want := time.Date(2026, 5, 4, 16, 0, 0, 0, time.UTC); !f.Items[1].Published.Equal(want) {
		t.Errorf("second published %v", f.Items[1].Published)
	}
	if k := f.Items[2].Key; !strings.HasPrefix(k, "hash:") || f.Items[2].URL != "" {
		t.Errorf("item without link or guid: key %q", k)
	}
}

func TestParseAtomAndJSON(t *testing.T) {
	atom := `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://atom.example/blog/">
<title>Harbour Notes</title><entry><title type="html">Ferry &lt;em&gt;times&lt;/em&gt; change</title>
<link href="posts/ferry"/><id>tag:atom.example,2026:1</id><updated>2026-04-01T08:00:00Z</updated></entry></feed>`
	f, err := Parse([]byte(atom), "application/atom+xml", "https://atom.example/feed")
	if err != nil {
		t.Fatal(err)
	}
	it := f.Items[0]
	if it.Title != "Ferry times change" || it.URL != "https://atom.example/blog/posts/ferry" || it.Published.IsZero() {
		t.Errorf("atom item %+v", it)
	}
	jsonFeed := `{"version":"https://jsonfeed.org/version/1.1","title":"Hill Daily","items":[
{"id":"7","url":"https://hill.example/a/7","title":"Road closed","date_published":"2026-04-02T10:00:00-05:00"}]}`
	f, err = Parse([]byte(jsonFeed), "application/feed+json", "https://hill.example/feed.json")
	if err != nil {
		t.Fatal(err)
	}
	if it := f.Items[0]; it.URL != "https://hill.example/a/7" || it.Published != time.Date(2026, 4, 2, 15, 0, 0, 0, time.UTC) {
		t.Errorf("json item %+v", it)
	}
}

func rssWith(title string) string {
	return `<rss version="2.0"><channel><title>x</title><item><title>` + title + `</title><link>https://a.example/1</link></item></channel></rss>`
}

func TestCharsets(t *testing.T) {
	cyr, _ := charmap.Windows1251.NewEncoder().String(`<?xml version="1.0" encoding="UTF-8"?>` + rssWith("Новости города"))
	latin, _ := charmap.ISO8859_1.NewEncoder().String(`<?xml version="1.0" encoding="ISO-8859-1"?>` + rssWith("Café reopens"))
	w1252, _ := charmap.Windows1252.NewEncoder().String(`<?xml version="1.0" encoding="utf-8"?>` + rssWith("Café owners’ café reopens"))
	greek, _ := charmap.Windows1253.NewEncoder().String(rssWith("Ειδήσεις της πόλης"))
	latinNoDecl, _ := charmap.ISO8859_1.NewEncoder().String(rssWith("Café reopens"))
	u16le, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String(`<?xml version="1.0" encoding="UTF-16"?>` + rssWith("Café reopens"))
	u16be, _ := unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM).NewEncoder().String(`<?xml version="1.0" encoding="UTF-16"?>` + rssWith("Café reopens"))
	tests := []struct {
		name, body, contentType, want string
	}{
		{"windows-1251 claiming UTF-8", cyr, "text/xml; charset=utf-8", "Новости города"},
		{"windows-1252 claiming UTF-8", w1252, "text/xml; charset=utf-8", "Café owners’ café reopens"},
		{"windows-1253 undeclared", greek, "", "Ειδήσεις της πόλης"},
		{"encoding only in the XML header", latin, "text/xml", "Café reopens"},
		{"charset only in Content-Type", latinNoDecl, "application/rss+xml; charset=ISO-8859-1", "Café reopens"},
		{"UTF-8 labelled latin-1", `<?xml version="1.0" encoding="ISO-8859-1"?>` + rssWith("Café reopens"), "text/xml; charset=iso-8859-1", "Café reopens"},
		{"UTF-16LE with BOM", u16le, "", "Café reopens"},
		{"UTF-16BE without BOM", u16be, "text/xml", "Café reopens"},
		{"UTF-8 BOM", "\xef\xbb\xbf" + rssWith("Café reopens"), "", "Café reopens"},
		{"HTML entities in XML", rssWith("Caf&eacute; &amp; bar&nbsp;reopen &mdash; at last"), "", "Café & bar reopen — at last"},
		{"double-escaped entity", rssWith("Caf&amp;eacute; reopens"), "", "Café reopens"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := Parse([]byte(tt.body), tt.contentType, "https://a.example/feed")
			if err != nil {
				t.Fatal(err)
			}
			if len(f.Items) != 1 || f.Items[0].Title != tt.want {
				t.Fatalf("items %+v, want title %q", f.Items, tt.want)
			}
		})
	}
}

func TestChangedGUIDKeepsKey(t *testing.T) {
	v1 := `<rss version="2.0"><channel><item><title>Storm hits coast</title><link>https://s.example/storm?utm_medium=rss</link><guid>a1</guid></item></channel></rss>`
	v2 := `<rss version="2.0"><channel><item><title>Storm hits coast, thousands without power</title><link>https://s.example/storm/</link><guid>a1-rev2</guid></item></channel></rss>`
	f1, err1 := Parse([]byte(v1), "", "https://s.example/rss")
	f2, err2 := Parse([]byte(v2), "", "https://s.example/rss")
	if err1 != nil || err2 != nil {
		t.Fatal(err1, err2)
	}
	if f1.Items[0].Key != f2.Items[0].Key {
		t.Errorf("keys differ after a GUID and headline edit: %q vs %q", f1.Items[0].Key, f2.Items[0].Key)
	}
	noLink := `<rss version="2.0"><channel><item><title>Wire flash</title><guid isPermaLink="false">w-9</guid></item></channel></rss>`
	f3, _ := Parse([]byte(noLink), "", "https://s.example/rss")
	if f3.Items[0].Key != "guid:w-9" {
		t.Errorf("key %q, want the GUID", f3.Items[0].Key)
	}
	permalink := `<rss version="2.0"><channel><item><title>T</title><guid>https://s.example/p/1</guid></item></channel></rss>`
	f4, _ := Parse([]byte(permalink), "", "https://s.example/rss")
	if f4.Items[0].URL != "https://s.example/p/1" {
		t.Errorf("permalink GUID not used as link: %+v", f4.Items[0])
	}
}

func TestNotFeeds(t *testing.T) {
	tests := []struct {
		name, body string
		notFeed    bool
	}{
		{"HTML page", `<!DOCTYPE html><html><head><title>Home</title></head><body>hi</body></html>`, true},
		{"plain text", "hello there", true},
		{"empty", "", true},
		{"truncated XML", `<rss version="2.0"><channel><item><title>Cut`, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := Parse([]byte(tt.body), "", "https://a.example/feed")
			if tt.notFeed {
				if !errors.Is(err, ErrNotFeed) {
					t.Errorf("err = %v, want ErrNotFeed", err)
				}
				return
			}
			if err == nil && len(f.Items) > 0 && f.Items[0].Title != "Cut" {
				t.Errorf("truncated feed gave %+v", f.Items)
			}
		})
	}
}

func TestParseDate(t *testing.T) {
	utc := func(y int, mo time.Month, d, h, mi int) time.Time { return time.Date(y, mo, d, h, mi, 0, 0, time.UTC) }
	tests := []struct {
		in   string
		want time.Time
	}{
		{"Tue, 05 May 2026 09:30:00 EST", utc(2026, 5, 5, 14, 30)},
		{"Tue, 5 May 2026 09:30:00 PDT", utc(2026, 5, 5, 16, 30)},
		{"Tue, 05 May 2026 09:30:00 GMT", utc(2026, 5, 5, 9, 30)},
		{"Tue, 05 May 2026 09:30 +0200", utc(2026, 5, 5, 7, 30)},
		{"Tue, 05 May 26 09:30:00 +0000", utc(2026, 5, 5, 9, 30)},
		{"Wed, 05 May 2026 09:30:00 CEST", utc(2026, 5, 5, 7, 30)},
		{"05 May 2026 09:30:00 +0000", utc(2026, 5, 5, 9, 30)},
		{"2026-05-05T09:30:00Z", utc(2026, 5, 5, 9, 30)},
		{"2026-05-05T09:30:00.123+01:00", time.Date(2026, 5, 5, 8, 30, 0, 123e6, time.UTC)},
		{"2026-05-05T09:30:00+0100", utc(2026, 5, 5, 8, 30)},
		{"2026-05-05 09:30:00", utc(2026, 5, 5, 9, 30)},
		{"2026-05-05", utc(2026, 5, 5, 0, 0)},
		{"May 5, 2026", utc(2026, 5, 5, 0, 0)},
		{"May 5, 2026 9:30 AM EDT", utc(2026, 5, 5, 13, 30)},
		{"Tuesday, 5 May 2026 09:30:00 MSK", utc(2026, 5, 5, 6, 30)},
		{"  Tue,  05   May 2026 09:30:00 UT ", utc(2026, 5, 5, 9, 30)},
	}
	for _, tt := range tests {
		got, ok := ParseDate(tt.in)
		if !ok || !got.Equal(tt.want) {
			t.Errorf("ParseDate(%q) = %v, %v; want %v", tt.in, got, ok, tt.want)
		}
	}
	for _, bad := range []string{"", "yesterday", "32/13/2026", "Tue, 05 May 2026 09:30:00 XYZ"} {
		if got, ok := ParseDate(bad); ok {
			t.Errorf("ParseDate(%q) = %v, want failure", bad, got)
		}
	}
}

func TestDiscover(t *testing.T) {
	page := `<html><head><title>Courier</title>
<link rel="stylesheet" href="/s.css">
<link rel="alternate" type="application/rss+xml" title="All" href="/feeds/all.xml">
<link rel="alternate" type="application/atom+xml" href="https://courier.example/atom">
<link rel="alternate" type="application/rss+xml" href="/feeds/all.xml">
<link rel="alternate" hreflang="fr" href="/fr/">
<link rel="alternate" type="application/feed+json" href="feed.json">
</head><body><link rel="alternate" type="application/rss+xml" href="/late.xml"></body></html>`
	got := Discover([]byte(page), "https://courier.example/section/")
	want := []string{"https://courier.example/feeds/all.xml", "https://courier.example/atom", "https://courier.example/section/feed.json"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("Discover = %v, want %v", got, want)
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte(rssFeed), "text/xml")
	f.Add([]byte(`{"version":"https://jsonfeed.org/version/1","items":[{"id":"1","url":"/a"}]}`), "")
	f.Add([]byte(`<feed xmlns="http://www.w3.org/2005/Atom"><entry><link href="x"/></entry></feed>`), "text/xml; charset=utf-16")
	f.Add([]byte("\xff\xfe<\x00r\x00s\x00s\x00"), "")
	f.Fuzz(func(t *testing.T, body []byte, ct string) {
		feed, err := Parse(body, ct, "https://fuzz.example/feed")
		if err != nil {
			return
		}
		for _, it := range feed.Items {
			if it.Key == "" {
				t.Fatalf("item without key: %+v", it)
			}
			if it.Link != "" && !isURL(it.Link) {
				t.Fatalf("non-http link %q", it.Link)
			}
		}
	})
}

func FuzzParseDate(f *testing.F) {
	f.Add("Tue, 05 May 2026 09:30:00 EST")
	f.Add("2026-05-05T09:30:00Z")
	f.Fuzz(func(t *testing.T, s string) {
		if got, ok := ParseDate(s); ok && got.Location() != time.UTC {
			t.Fatalf("ParseDate(%q) not in UTC", s)
		}
	})
}
