package storage

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"

	"github.com/parallax-news/parallax/internal/codec"
	"github.com/parallax-news/parallax/internal/model"
)

// The SQL stores keep an article's mentions as one row: a JSON array of
// [start, end, text, type, role, key] arrays in order (a mention list),
// beside a narrow (key, article) index of the distinct entity keys it
// mentions, instead of a row a mention.

// AppendMentionList appends ms to b as a mention list.
func AppendMentionList(b []byte, ms []model.Mention) []byte {
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

// mentionEntry is one entry of a mention list.
type mentionEntry model.Mention

// UnmarshalJSON reads an entry [start, end, text, type, role, key].
func (m *mentionEntry) UnmarshalJSON(b []byte) error {
	var start, end int
	var typ string
	// an array's elements are decoded into in place (the pointers), and
	// those the entry lacks are set to nil
	fields := [...]any{&start, &end, &m.Text, &typ, &m.Role, &m.Key}
	if err := json.Unmarshal(b, &fields); err != nil {
		return err
	}
	if fields[len(fields)-1] == nil {
		return fmt.Errorf("mention list entry %s has fewer than %d fields", b, len(fields))
	}
	m.Start, m.End, m.Type = start, end, model.EntityType(typ)
	return nil
}

// AppendParsedMentionList appends the mentions of the mention list data
// to ms.
func AppendParsedMentionList(ms []model.Mention, data []byte) ([]model.Mention, error) {
	var entries []mentionEntry
	if err := json.Unmarshal(data, &entries); err != nil {
		return ms, fmt.Errorf("mention list: %w", err)
	}
	for _, e := range entries {
		ms = append(ms, model.Mention(e))
	}
	return ms, nil
}

// MentionKeys returns the distinct non-empty entity keys of ms, sorted.
func MentionKeys(ms []model.Mention) []string {
	keys := make([]string, 0, len(ms))
	for _, m := range ms {
		if m.Key != "" {
			keys = append(keys, m.Key)
		}
	}
	slices.Sort(keys)
	return slices.Compact(keys)
}
