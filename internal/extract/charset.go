package extract

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
)

// Decoding pages that are not valid UTF-8. A statistical guess at the
// encoding (what the DOM parser does) misreads pages that say what they
// are: a UTF-8 page with one stray byte, or a Windows-1250 page whose
// <meta charset> comes after its first kilobyte, both came out garbled.
// The page's own word is taken first, and the guess only when it gives
// none or a wrong one.

// charsetScan is how much of a page is searched for its declared
// encoding: more than the 1,024 bytes of the HTML prescan, since many
// pages declare it after long scripts or comments in their head.
const charsetScan = 64 << 10

// mostlyUTF8 is how many well-formed multi-byte UTF-8 sequences a page
// must have for each malformed one to be read as UTF-8 with stray bytes.
const mostlyUTF8 = 20

// decodeHTML returns a page as UTF-8 and true when its encoding is known:
// valid UTF-8 as it is; mostly valid UTF-8 (see mostlyUTF8) with its
// malformed bytes replaced by U+FFFD; else a page in the encoding its
// <meta> or XML declaration names, other than UTF-8, decoded from it. It
// returns raw and false when none of these holds, for the caller to guess.
func decodeHTML(raw []byte) ([]byte, bool) {
	if utf8.Valid(raw) {
		return raw, true
	}
	if good, bad := utf8Sequences(raw); bad*mostlyUTF8 <= good {
		return bytes.ToValidUTF8(raw, []byte("\uFFFD")), true
	}
	label := declaredCharset(raw[:min(len(raw), charsetScan)])
	if label == "" {
		return raw, false
	}
	enc, name := charset.Lookup(label)
	if enc == nil || name == "utf-8" {
		return raw, false
	}
	out, err := enc.NewDecoder().Bytes(raw)
	if err != nil {
		return raw, false
	}
	return bytes.ToValidUTF8(out, []byte("\uFFFD")), true
}

// utf8Sequences counts the well-formed multi-byte UTF-8 sequences of b and
// its malformed bytes.
func utf8Sequences(b []byte) (good, bad int) {
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			bad++
		} else {
			good++
		}
		i += size
	}
	return good, bad
}

// declaredCharset returns the first encoding label a page names: the
// charset of a <meta> element (charset="…" or content="…; charset=…") or
// the encoding of an XML declaration; "" when it names none.
func declaredCharset(head []byte) string {
	for i := 0; i < len(head); {
		j := indexFold(head[i:], "charset")
		k := -1
		if i == 0 { // an XML declaration comes first
			k = indexFold(head[:min(len(head), 256)], "encoding")
		}
		if j < 0 && k < 0 {
			return ""
		}
		var at int
		switch {
		case k >= 0 && (j < 0 || k < i+j):
			at = k + len("encoding")
		default:
			at = i + j + len("charset")
		}
		if label := labelAfter(head, at); label != "" {
			return label
		}
		i = at
	}
	return ""
}

// labelAfter reads `= "label"` (quotes optional) at b[at:], "" when
// there is no such assignment.
func labelAfter(b []byte, at int) string {
	for at < len(b) && (b[at] == ' ' || b[at] == '\t') {
		at++
	}
	if at >= len(b) || b[at] != '=' {
		return ""
	}
	at++
	for at < len(b) && (b[at] == ' ' || b[at] == '\t' || b[at] == '"' || b[at] == '\'') {
		at++
	}
	end := at
	for end < len(b) && end-at < 40 {
		c := b[end]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.' || c == ':') {
			break
		}
		end++
	}
	return strings.ToLower(string(b[at:end]))
}

// indexFold is the index of the lower-case ASCII word sub in b, ignoring
// the case of ASCII letters in b; -1 when it is not there.
func indexFold(b []byte, sub string) int {
	first := sub[0]
	for i := 0; i+len(sub) <= len(b); i++ {
		if c := b[i] | 0x20; c != first {
			continue
		}
		j := 1
		for ; j < len(sub); j++ {
			c := b[i+j]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			if c != sub[j] {
				break
			}
		}
		if j == len(sub) {
			return i
		}
	}
	return -1
}
