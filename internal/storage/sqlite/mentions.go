package sqlite

import (
	"slices"
	"strconv"

	"github.com/parallax-news/parallax/internal/codec"
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
			b = codec.AppendJSONString(b, s)
		}
		b = append(b, ']')
	}
	return append(b, ']')
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
