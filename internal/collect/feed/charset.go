package feed

import (
	"bytes"
	"fmt"
	"mime"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	utf16 "golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// xmlDecl matches an XML declaration and its encoding attribute.
var (
	xmlDecl     = regexp.MustCompile(`^\s*<\?xml[^>]*\?>`)
	xmlEncoding = regexp.MustCompile(`(?i)encoding\s*=\s*["']([^"']*)["']`)
)

// ToUTF8 decodes an XML or JSON document to UTF-8, whatever its servers
// claimed, and rewrites its XML declaration to say so. In order:
// a byte-order mark or the NUL pattern of UTF-16; valid UTF-8 (a label
// saying otherwise is wrong: other encodings of non-ASCII text are almost
// never valid UTF-8); the encoding in the XML declaration, then the
// Content-Type charset, unless they claim UTF-8; else the encoding
// whose decoding reads most like words.
func ToUTF8(body []byte, contentType string) ([]byte, error) {
	if u, ok := fromUTF16(body); ok {
		body = u
	}
	body = bytes.TrimPrefix(body, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(body) {
		enc, err := guessEncoding(body, contentType)
		if err != nil {
			return nil, err
		}
		decoded, _, err := transform.Bytes(enc.NewDecoder(), body)
		if err != nil {
			return nil, fmt.Errorf("decode: %w", err)
		}
		body = bytes.ToValidUTF8(decoded, []byte("\uFFFD"))
	}
	return declareUTF8(body), nil
}

// fromUTF16 decodes UTF-16 text recognised by its BOM or by NULs around
// the first '<' or '{'.
func fromUTF16(b []byte) ([]byte, bool) {
	if len(b) < 2 {
		return nil, false
	}
	var enc encoding.Encoding
	switch {
	case b[0] == 0xff && b[1] == 0xfe:
		enc = utf16.UTF16(utf16.LittleEndian, utf16.ExpectBOM)
	case b[0] == 0xfe && b[1] == 0xff:
		enc = utf16.UTF16(utf16.BigEndian, utf16.ExpectBOM)
	case b[0] == 0 && (b[1] == '<' || b[1] == '{'):
		enc = utf16.UTF16(utf16.BigEndian, utf16.IgnoreBOM)
	case (b[0] == '<' || b[0] == '{') && b[1] == 0:
		enc = utf16.UTF16(utf16.LittleEndian, utf16.IgnoreBOM)
	default:
		return nil, false
	}
	out, _, err := transform.Bytes(enc.NewDecoder(), b)
	if err != nil {
		return nil, false
	}
	return out, true
}

// guessEncoding picks the encoding of text that is not valid UTF-8.
func guessEncoding(body []byte, contentType string) (encoding.Encoding, error) {
	var labels []string
	if m := xmlDecl.Find(body); m != nil {
		if e := xmlEncoding.FindSubmatch(m); e != nil {
			labels = append(labels, string(e[1]))
		}
	}
	if _, params, err := mime.ParseMediaType(contentType); err == nil {
		labels = append(labels, params["charset"])
	}
	for _, l := range labels {
		l = strings.ToLower(strings.TrimSpace(l))
		if l == "" || l == "utf-8" || l == "utf8" {
			continue
		}
		if enc, _ := charset.Lookup(l); enc != nil {
			return enc, nil
		}
	}
	return detect(body), nil
}

// candidates are the single-byte encodings tried on text that is not
// UTF-8 and names no other encoding; the first wins ties.
var candidates = []string{"windows-1252", "windows-1251", "windows-1250", "windows-1253", "koi8-r", "windows-1256"}

// detect picks the candidate under which the text's non-ASCII words
// read most plausibly.
func detect(body []byte) encoding.Encoding {
	sample := body
	if len(sample) > 64<<10 {
		sample = sample[:64<<10]
	}
	var best encoding.Encoding
	bestScore := 0
	for i, name := range candidates {
		enc, _ := charset.Lookup(name)
		decoded, _, err := transform.Bytes(enc.NewDecoder(), sample)
		if err != nil {
			continue
		}
		if score := plausibility(string(decoded)); i == 0 || score > bestScore {
			best, bestScore = enc, score
		}
	}
	return best
}

// plausibility scores decoded text: +1 for each word with non-ASCII
// letters that reads like a real word (letters of one script, no capital
// after a small letter, and in Latin script mostly ASCII letters), −1 for
// each that does not.
func plausibility(s string) int {
	score := 0
	var word []rune
	flush := func() {
		if len(word) > 0 {
			score += wordScore(word)
		}
		word = word[:0]
	}
	for _, r := range s {
		if unicode.IsLetter(r) {
			word = append(word, r)
		} else {
			flush()
		}
	}
	flush()
	return score
}

var scripts = []*unicode.RangeTable{unicode.Latin, unicode.Cyrillic, unicode.Greek, unicode.Arabic, unicode.Hebrew}

func wordScore(w []rune) int {
	nonASCII := 0
	for _, r := range w {
		if r >= 0x80 {
			nonASCII++
		}
	}
	if nonASCII == 0 {
		return 0
	}
	var script *unicode.RangeTable
	for _, t := range scripts {
		if unicode.Is(t, w[0]) {
			script = t
		}
	}
	if script == nil {
		return -1
	}
	for i, r := range w {
		if !unicode.Is(script, r) {
			return -1
		}
		if i > 0 && unicode.IsUpper(r) && unicode.IsLower(w[i-1]) {
			return -1
		}
	}
	if script == unicode.Latin && nonASCII*2 > len(w) {
		return -1
	}
	return 1
}

// declareUTF8 rewrites the encoding of an XML declaration to UTF-8.
func declareUTF8(b []byte) []byte {
	loc := xmlDecl.FindIndex(b)
	if loc == nil {
		return b
	}
	decl := xmlEncoding.ReplaceAll(b[loc[0]:loc[1]], []byte(`encoding="UTF-8"`))
	out := make([]byte, 0, len(b)+len(decl)-(loc[1]-loc[0]))
	out = append(out, decl...)
	return append(out, b[loc[1]:]...)
}
