package extract

import (
	"bytes"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
)

func TestDecodeHTML(t *testing.T) {
	enc := func(s string, e *charmap.Charmap) []byte {
		b, err := e.NewEncoder().Bytes([]byte(s))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	longHead := "<!-- " + strings.Repeat("x", 2000) + " -->"
	tests := []struct {
		name   string
		raw    []byte
		want   string // a part of the decoded page; "" when not decoded
		wantOK bool
	}{
		{"valid UTF-8", []byte("<p>Zażółć gęślą jaźń</p>"), "Zażółć gęślą jaźń", true},
		{
			"UTF-8 with one stray byte",
			append([]byte("<meta charset=\"utf-8\"><p>"+strings.Repeat("Sejm przybliżył się do głosowania. ", 8)), 0xc3, ' ', 'x'),
			"przybliżył się do głosowania", true,
		},
		{
			"Windows-1250 named after the first kilobyte",
			enc(`<html><head>`+longHead+`<meta http-equiv="Content-Type" content="text/html; charset=Windows-1250"></head><body><p>Unijne fundusze coraz bliżej</p>`, charmap.Windows1250),
			"Unijne fundusze coraz bliżej", true,
		},
		{
			"ISO-8859-1 in an XML declaration",
			enc(`<?xml version="1.0" encoding="ISO-8859-1"?><html><body><p>Übersicht der Straßen</p>`, charmap.ISO8859_1),
			"Übersicht der Straßen", true,
		},
		{
			"Windows-1252 named by meta charset",
			enc(`<meta charset='windows-1252'><p>Kurz vor der Versammlung: Verhältnis</p>`, charmap.Windows1252),
			"Verhältnis", true,
		},
		{
			"no name and not UTF-8: left to the guess",
			enc(`<p>Verhältnis und Größe</p>`, charmap.Windows1252),
			"", false,
		},
		{
			"claims UTF-8 but is not: left to the guess",
			enc(`<meta charset="utf-8"><p>Verhältnis und Größe</p>`, charmap.Windows1252),
			"", false,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := decodeHTML(tt.raw)
			if ok != tt.wantOK {
				t.Fatalf("ok = %v, want %v", ok, tt.wantOK)
			}
			if !ok {
				if !bytes.Equal(got, tt.raw) {
					t.Errorf("undecoded page changed")
				}
				return
			}
			if !strings.Contains(string(got), tt.want) {
				t.Errorf("decoded page %q lacks %q", got[max(0, len(got)-200):], tt.want)
			}
		})
	}
}

func TestDeclaredCharset(t *testing.T) {
	tests := []struct{ head, want string }{
		{`<meta charset="UTF-8" />`, "utf-8"},
		{`<META HTTP-EQUIV="Content-Type" CONTENT="text/html; CHARSET=iso-8859-2">`, "iso-8859-2"},
		{`<?xml version="1.0" encoding='windows-1251'?>`, "windows-1251"},
		{`<script>var charset;</script><meta charset=koi8-r>`, "koi8-r"},
		{`<p>no declaration</p>`, ""},
	}
	for _, tt := range tests {
		if got := declaredCharset([]byte(tt.head)); got != tt.want {
			t.Errorf("declaredCharset(%q) = %q, want %q", tt.head, got, tt.want)
		}
	}
}

// TestHTMLLegacyEncoding checks that an article in Windows-1250 that
// names its encoding late comes out in the right letters, title included.
func TestHTMLLegacyEncoding(t *testing.T) {
	body := strings.Repeat("<p>Posłowie przybliżyli Polskę do zatwierdzenia decyzji o zasobach własnych, a debata trwała do późnej nocy w Sejmie.</p>", 6)
	page := `<html><head><!-- ` + strings.Repeat("z", 1500) + ` --><meta http-equiv="Content-Type" content="text/html; charset=windows-1250"><title>Sejm zagłosował</title></head><body><article><h1>Sejm zagłosował</h1>` + body + `</article></body></html>`
	raw, err := charmap.Windows1250.NewEncoder().Bytes([]byte(page))
	if err != nil {
		t.Fatal(err)
	}
	res, err := HTML(raw, "")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(res.Text, "przybliżyli Polskę") || res.Title != "Sejm zagłosował" {
		t.Errorf("title %q, text %q", res.Title, res.Text[:min(len(res.Text), 120)])
	}
}

// TestHTMLStrayByte checks that a UTF-8 article with one malformed byte
// is read as UTF-8, not guessed to be in a legacy encoding.
func TestHTMLStrayByte(t *testing.T) {
	body := strings.Repeat("<p>Kolejne organizacje sprzeciwiają się skandalicznym atakom, a stowarzyszenie przyjęło specjalną uchwałę w obronie fundacji.</p>", 6)
	page := `<html><head><meta charset="UTF-8"><title>Sprzeciw wobec ataków</title></head><body><article><h1>Sprzeciw wobec ataków</h1>` + body + "<p>Koniec \xc3 tekstu.</p></article></body></html>"
	res, err := HTML([]byte(page), "")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(res.Text, "sprzeciwiają się skandalicznym") || res.Title != "Sprzeciw wobec ataków" {
		t.Errorf("title %q, text %q", res.Title, res.Text[:min(len(res.Text), 120)])
	}
}

func TestHTMLComposedText(t *testing.T) {
	decomposed := "Cafe\u0301 owners in Sa\u0303o Paulo"
	page := `<html><head><title>` + decomposed + `</title></head><body><article><h1>` + decomposed + `</h1>` +
		strings.Repeat("<p>The cafe\u0301 owners met on Tuesday to talk about the harbour rents, which have doubled in two years, and the council's plans.</p>", 5) +
		`</article></body></html>`
	res, err := HTML([]byte(page), "")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(res.Text, "The café owners met") || res.Title != "Café owners in São Paulo" {
		t.Errorf("title %q, text %q", res.Title, res.Text[:min(len(res.Text), 80)])
	}
}
