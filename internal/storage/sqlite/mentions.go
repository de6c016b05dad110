package sqlite

import (
	"slices"
	"strconv"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/model"
)

// appendMentions appends ms as the JSON array a mention_lists row holds
// (see migrationMentionLists): [start, end, text, type, role, key] each.
func appendMentions(b []byte, ms []model.Mention) []byte {
	b = append(b, '[')
	for i, m := range ms {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, '[')
		b = strconv.AppendInt(b, int64(m.Start), 10)
		b = append(b, ',')
		b = strconv.AppendInt(b, int64(m.End), 10)
		for _, s := range [...]string{m.Text, string(m.Type), m.Role, m.Key} {
			b = append(b, ',')
			b = appendJSONString(b, s)
		}
		b = append(b, ']')
	}
	return append(b, ']')
}

const hexDigits = "0123456789abcdef"

// appendJSONString appends s as a JSON string. Bytes that are not valid
// UTF-8 are written as U+FFFD, as encoding/json writes them.
func appendJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' && c < utf8.RuneSelf {
			i++
			continue
		}
		if c < utf8.RuneSelf {
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i++
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// mentionKeys returns the distinct non-empty entity keys of ms, sorted.
func mentionKeys(ms []model.Mention) []string {
	keys := make([]string, 0, len(ms))
	for _, m := range ms {
		if m.Key != "" {
			keys = append(keys, m.Key)
		}
	}
	slices.Sort(keys)
	return slices.Compact(keys)
}
