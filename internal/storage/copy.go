package storage

import "context"

// Copier moves a store's rows in bulk, table by table, to copy a whole
// store into another implementation (`parallax migrate`). Tables and
// columns are named as in Tables; values are int64, string or []byte.
type Copier interface {
	// CopyOut streams every row of table in primary key order; row is
	// only valid during the call.
	CopyOut(ctx context.Context, table string, cols []string, fn func(row []any) error) error
	// CopyIn adds rows to table in one transaction.
	CopyIn(ctx context.Context, table string, cols []string, rows [][]any) error
}

// Table is one table of the logical schema every store keeps.
type Table struct {
	Name string
	Cols []string
}

// Tables lists the logical schema: every table and column a store keeps,
// in an order that copies rows before the rows naming them.
var Tables = []Table{
	{"articles", []string{"id", "external_id", "hash", "title", "body", "url", "outlet", "author", "language", "published", "source", "meta", "story_id", "duplicate_of", "ingested_at"}},
	{"stories", []string{"id", "headline", "thread_id", "articles", "outlets", "first", "last"}},
	{"state", []string{"name", "data"}},
	{"counters", []string{"name", "value"}},
	{"mentions", []string{"article_id", "seq", "start_at", "end_at", "text", "type", "role", "key"}},
	{"quotes", []string{"article_id", "seq", "start_at", "end_at", "char_start", "char_end", "text", "kind", "speaker", "speaker_mention", "cue", "speaker_key"}},
	{"stances", []string{"article_id", "seq", "start_at", "end_at", "char_start", "char_end", "holder", "stance", "qualifier", "text", "proposition", "holder_key", "claim_id"}},
	{"entities", []string{"id", "name", "type", "mentions", "articles", "aliases", "roles", "digest"}},
	{"entity_keys", []string{"key", "entity_id"}},
	{"entity_names", []string{"name", "entity_id"}},
	{"claims", []string{"id", "story_id", "text", "stances"}},
	{"raw_pages", []string{"article_id", "url", "content_type", "fetched", "given", "data"}},
	{"boilerplate", []string{"article_id", "lines"}},
}
