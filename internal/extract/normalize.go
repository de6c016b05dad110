package extract

import (
	"html"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// splitLines turns raw text into normalized, non-empty lines (see
// appendNormalized); all line-break conventions are accepted.
func splitLines(text string) []string {
	lines := make([]string, 0, strings.Count(text, "\n")+1)
	for len(text) > 0 {
		seg := text
		if i := strings.IndexByte(text, '\n'); i >= 0 {
			seg, text = text[:i], text[i+1:]
		} else {
			text = ""
		}
		seg = strings.TrimSuffix(seg, "\r")
		if plainLine(seg) {
			// Most lines need no work: keep them as they are.
			if seg != "" {
				lines = append(lines, seg)
			}
			continue
		}
		lines = appendNormalized(lines, seg)
	}
	return lines
}

// plainLine reports whether a line is already normalized: trimmed, single
// spaces, no controls, invisible format characters, invalid UTF-8, markup
// or entities.
func plainLine(s string) bool {
	if s == "" {
		return true
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	prevSpace := false
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c < 0x20 || c == 0x7f || c == '&' || c == '<' || c == '>':
				return false
			case c == ' ':
				if prevSpace {
					return false
				}
				prevSpace = true
			default:
				prevSpace = false
			}
			i++
			continue
		}
		prevSpace = false
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if r < 0xA1 || r == 0xAD || r == utf8.RuneError || r == '\ufffe' || r == '\uffff' ||
			unicode.IsSpace(r) || unicode.In(r, unicode.Zs, unicode.Cf, unicode.Co) {
			return false
		}
	}
	return true
}

// appendNormalized normalizes one raw line and appends the non-empty
// lines it yields (it may hold Unicode line separators): invalid UTF-8
// becomes U+FFFD, control and invisible format characters are dropped, runs
// of white space become one space, HTML entities and leftover tags are
// resolved, and each line is trimmed.
func appendNormalized(lines []string, text string) []string {
	var b strings.Builder
	b.Grow(len(text))
	space := false // a space is pending before the next visible character
	flush := func() {
		if b.Len() > 0 {
			if l := fixLine(b.String()); l != "" {
				lines = append(lines, l)
			}
			b.Reset()
		}
		space = false
	}
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case c == '\n' || c == '\r' || c == '\f' || c == '\v':
				flush()
			case c == ' ' || c == '\t':
				space = b.Len() > 0
			case c < 0x20 || c == 0x7f:
				// control character: drop
			default:
				if space {
					b.WriteByte(' ')
					space = false
				}
				b.WriteByte(c)
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		switch {
		case r == '\u2028' || r == '\u2029' || r == '\u0085':
			flush()
		case r == utf8.RuneError && size == 1:
			if space {
				b.WriteByte(' ')
				space = false
			}
			b.WriteRune(utf8.RuneError)
		case unicode.IsSpace(r) || unicode.Is(unicode.Zs, r):
			space = b.Len() > 0
		case r == '\u200c' || r == '\u200d':
			// zero-width (non-)joiners carry meaning in several scripts
			b.WriteRune(r)
		case unicode.Is(unicode.Cc, r) || unicode.Is(unicode.Cf, r) || unicode.Is(unicode.Co, r) ||
			unicode.Is(unicode.Cs, r) || r == '\ufffe' || r == '\uffff':
			// control, invisible format, private-use: drop
		default:
			if space {
				b.WriteByte(' ')
				space = false
			}
			b.WriteRune(r)
		}
	}
	flush()
	return lines
}

// Leftover markup in scraped text (tags: see stripTags).
var (
	// rxEntity matches an HTML character reference.
	rxEntity = regexp.MustCompile(`&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});`)
)

// fixLine resolves entities and strips leftover tags from one line that has
// already had its white space collapsed. It returns "" when nothing is left.
func fixLine(l string) string {
	changed := false
	if strings.IndexByte(l, '&') >= 0 && rxEntity.MatchString(l) {
		l = html.UnescapeString(l)
		changed = true
	}
	if strings.IndexByte(l, '>') >= 0 || strings.IndexByte(l, '<') >= 0 {
		l = stripFragments(stripTags(l))
		changed = true
	}
	if changed {
		l = collapseSpace(l)
	}
	return strings.TrimSpace(l)
}

// collapseSpace turns runs of white space (including no-break spaces that an
// entity may have produced) into single spaces and drops controls.
func collapseSpace(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case unicode.IsSpace(r) || unicode.Is(unicode.Zs, r):
			space = b.Len() > 0
		case r == '\u200c' || r == '\u200d':
			b.WriteRune(r)
		case unicode.Is(unicode.Cc, r) || unicode.Is(unicode.Cf, r) || unicode.Is(unicode.Co, r) || unicode.Is(unicode.Cs, r):
		default:
			if space {
				b.WriteByte(' ')
				space = false
			}
			b.WriteRune(r)
		}
	}
	return b.String()
}

// lineKey folds a line to lower-case letters and digits separated by single
// spaces: the form used to compare lines and look them up in phrase tables.
// Apostrophes vanish ("don't" → "dont"), other punctuation separates words.
func lineKey(s string) string {
	b := make([]byte, 0, len(s))
	space := false
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch c = keyASCII[c]; c {
			case 0:
				continue // apostrophe
			case ' ':
				space = len(b) > 0
				continue
			}
			if space {
				b = append(b, ' ')
				space = false
			}
			b = append(b, c)
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == '’' || r == '‘' || r == 'ʼ':
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r):
			if space {
				b = append(b, ' ')
				space = false
			}
			b = utf8.AppendRune(b, unicode.ToLower(r))
		default:
			space = len(b) > 0
		}
	}
	if len(b) == 0 {
		return ""
	}
	// b is never written again: share its bytes instead of copying them.
	return unsafe.String(unsafe.SliceData(b), len(b))
}

// keyASCII maps an ASCII byte to its form in a line key: lower-case letters
// and digits, 0 for a dropped apostrophe, a space for any other separator.
var keyASCII = func() (t [utf8.RuneSelf]byte) {
	for c := range t {
		switch {
		case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
			t[c] = byte(c)
		case 'A' <= c && c <= 'Z':
			t[c] = byte(c) + 'a' - 'A'
		case c == '\'':
			t[c] = 0
		default:
			t[c] = ' '
		}
	}
	return t
}()

// countWords counts space-separated words in a normalized line.
func countWords(s string) int {
	if s == "" {
		return 0
	}
	return strings.Count(s, " ") + 1
}

// endsSentence reports whether a line ends like a sentence: a full stop,
// question or exclamation mark, possibly followed by closing quotes or
// brackets.
func endsSentence(s string) bool {
	for len(s) > 0 {
		r, size := utf8.DecodeLastRuneInString(s)
		switch r {
		case '"', '\'', '”', '’', '»', ')', ']', '›', '*', ' ':
			s = s[:len(s)-size]
			continue
		case '.', '!', '?', '。', '！', '？', '…', '؟', '।':
			return true
		}
		return false
	}
	return false
}

// endsEllipsis reports whether a line is cut off with an ellipsis, as
// teasers for other stories are.
func endsEllipsis(s string) bool {
	s = strings.TrimRight(s, " \"'”’)]")
	return strings.HasSuffix(s, "…") || strings.HasSuffix(s, "...") || strings.HasSuffix(s, "[…]") || strings.HasSuffix(s, "[...]")
}

// hasLetterOrDigit reports whether s contains any letter or digit.
func hasLetterOrDigit(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}
