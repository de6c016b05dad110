package postgres

import (
	"context"
	"fmt"
	"slices"

	"github.com/jackc/pgx/v5"

	"github.com/parallax-news/parallax/internal/model"
	"github.com/parallax-news/parallax/internal/storage"
)

// migrationMentionLists keeps each article's mentions as one row, its
// mention list (see storage.AppendMentionList) as text, instead of a row
// a mention (about 130 an article of a real page, each in the table and
// two indexes), and the distinct entity keys an article mentions in a
// narrow (key, article) table, which is what reads look mentions up by.
// The list is text, not json or jsonb, so that storing it parses nothing,
// and is not compressed (STORAGE EXTERNAL): the server's compression of
// the lists of real pages (about 7 KB each, 2.1 times smaller compressed)
// took 2.3 times the server CPU of storing them uncompressed (one backend's
// CPU, 1,881 lists copied four times each way at a load average of 40:
// 250 against 107 ticks), and uncompressed they still take less room than
// the rows a mention and their two indexes did.
// A view named mentions shows the lists as the rows they replace (with
// their position as seq), for the reads of whole analyses.
const migrationMentionLists = `
CREATE TABLE mention_lists (
	article_id BIGINT PRIMARY KEY,
	data       TEXT NOT NULL
);
ALTER TABLE mention_lists ALTER COLUMN data SET STORAGE EXTERNAL;
INSERT INTO mention_lists(article_id, data)
	SELECT article_id, json_agg(json_build_array(start_at, end_at, text, type, role, key) ORDER BY seq)::text
	FROM mentions GROUP BY article_id;
CREATE TABLE mention_keys (
	key        TEXT NOT NULL,
	article_id BIGINT NOT NULL,
	PRIMARY KEY (key, article_id)
);
INSERT INTO mention_keys(key, article_id) SELECT DISTINCT key, article_id FROM mentions WHERE key != '';
DROP TABLE mentions;
CREATE VIEW mentions AS SELECT l.article_id, (e.n - 1)::integer AS seq,
	(e.v ->> 0)::integer AS start_at, (e.v ->> 1)::integer AS end_at, e.v ->> 2 AS text,
	e.v ->> 3 AS type, e.v ->> 4 AS role, e.v ->> 5 AS key
	FROM mention_lists l, json_array_elements(l.data::json) WITH ORDINALITY AS e(v, n);
`

// mentionsTables are the tables that hold the logical table mentions.
var mentionsTables = []string{"mention_lists", "mention_keys"}

// mentionRows collects the mention lists and keys of articles, column by
// column.
type mentionRows struct {
	listIDs, keyIDs []int64
	lists, keys     []string
	buf             []byte
}

// add adds the mentions ms of article id (none: nothing).
func (r *mentionRows) add(id int64, ms []model.Mention) {
	if len(ms) == 0 {
		return
	}
	r.buf = storage.AppendMentionList(r.buf[:0], ms)
	r.listIDs, r.lists = append(r.listIDs, id), append(r.lists, string(r.buf))
	for _, k := range storage.MentionKeys(ms) {
		r.keys, r.keyIDs = append(r.keys, k), append(r.keyIDs, id)
	}
}

// mentionListsTable and mentionKeysTable hold the mentions.
var (
	mentionListsTable = newTable("mention_lists", []string{"article_id", "data"}, []string{"bigint", "text"})
	mentionKeysTable  = newTable("mention_keys", []string{"key", "article_id"}, []string{"text", "bigint"})
)

// store stores the collected rows, which no later statement of a commit
// reads or changes.
func (r *mentionRows) store(q *sendQueue) error {
	if err := q.insertLast("store mentions", false, mentionListsTable, len(r.listIDs), r.listIDs, r.lists); err != nil {
		return err
	}
	return q.insertLast("store mentions", false, mentionKeysTable, len(r.keys), r.keys, r.keyIDs)
}

// clearMentions queues the deletion of the stored mentions of the
// articles ids: their keys, found through their lists (the keys' index is
// by key), then the lists.
func clearMentions(q *sendQueue, ids []int64) {
	q.add("clear mentions", `DELETE FROM mention_keys m USING (
		SELECT DISTINCT l.article_id, e.v ->> 5 AS key FROM mention_lists l, json_array_elements(l.data::json) AS e(v) WHERE l.article_id = ANY($1)
	) AS d WHERE m.key = d.key AND m.article_id = d.article_id`, ids)
	q.add("clear mentions", `DELETE FROM mention_lists WHERE article_id = ANY($1)`, ids)
}

// eachMentionList calls fn with the mentions of each article with a
// mention list and an id at most through, in id order, and its external
// id.
func (s *Store) eachMentionList(ctx context.Context, through int64, fn func(articleID int64, externalID string, ms []model.Mention) error) error {
	rows, err := s.pool.Query(ctx, `SELECT l.article_id, a.external_id, l.data FROM mention_lists l JOIN articles a ON a.id = l.article_id WHERE l.article_id <= $1 ORDER BY l.article_id`, through)
	if err != nil {
		return fmt.Errorf("read mentions: %w", err)
	}
	var id int64
	var ext string
	var data []byte
	var ms []model.Mention
	return eachRowCall(rows, "read mentions", func() error {
		if err := rows.Scan(&id, &ext, &data); err != nil {
			return err
		}
		ms, err = storage.AppendParsedMentionList(nil, data)
		if err != nil {
			return fmt.Errorf("article %d: %w", id, err)
		}
		return nil
	}, func() error { return fn(id, ext, ms) })
}

// copyOutMentions is CopyOut of the logical table mentions: the rows of
// the mention lists, in (article_id, seq) order.
func (s *Store) copyOutMentions(ctx context.Context, cols []string, fn func(row []any) error) error {
	vals := make([]func(id int64, seq int, m *model.Mention) any, len(cols))
	for i, c := range cols {
		switch c {
		case "article_id":
			vals[i] = func(id int64, _ int, _ *model.Mention) any { return id }
		case "seq":
			vals[i] = func(_ int64, seq int, _ *model.Mention) any { return int64(seq) }
		case "start_at":
			vals[i] = func(_ int64, _ int, m *model.Mention) any { return int64(m.Start) }
		case "end_at":
			vals[i] = func(_ int64, _ int, m *model.Mention) any { return int64(m.End) }
		case "text":
			vals[i] = func(_ int64, _ int, m *model.Mention) any { return m.Text }
		case "type":
			vals[i] = func(_ int64, _ int, m *model.Mention) any { return string(m.Type) }
		case "role":
			vals[i] = func(_ int64, _ int, m *model.Mention) any { return m.Role }
		case "key":
			vals[i] = func(_ int64, _ int, m *model.Mention) any { return m.Key }
		default:
			return fmt.Errorf("copy out mentions: no column %s", c)
		}
	}
	row := make([]any, len(cols))
	err := s.eachMentionList(ctx, 1<<63-1, func(id int64, _ string, ms []model.Mention) error {
		for seq := range ms {
			for i, v := range vals {
				row[i] = v(id, seq, &ms[seq])
			}
			if err := fn(row); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("copy out mentions: %w", err)
	}
	return nil
}

// copyInMentions is CopyIn of rows of the logical table mentions, given
// in (article_id, seq) order: each article's rows become a mention list,
// appended to the article's stored list when an earlier call held its
// first rows, and its keys are added.
func copyInMentions(ctx context.Context, tx pgx.Tx, cols []string, rows [][]any) error {
	at := map[string]int{}
	for _, c := range []string{"article_id", "start_at", "end_at", "text", "type", "role", "key"} {
		i := slices.Index(cols, c)
		if i < 0 {
			return fmt.Errorf("copy into mentions: no %s column", c)
		}
		at[c] = i
	}
	num := func(v any) (int64, error) {
		switch x := v.(type) {
		case int64:
			return x, nil
		case int32:
			return int64(x), nil
		case int:
			return int64(x), nil
		}
		return 0, fmt.Errorf("%v is a %T, not an integer", v, v)
	}
	str := func(v any) string {
		switch x := v.(type) {
		case string:
			return x
		case []byte:
			return string(x)
		}
		return fmt.Sprint(v)
	}
	var ids []int64
	var lists []string
	var keyIDs []int64
	var keys []string
	var ms []model.Mention
	var buf []byte
	flush := func(id int64) {
		if len(ms) == 0 {
			return
		}
		buf = storage.AppendMentionList(buf[:0], ms)
		ids, lists = append(ids, id), append(lists, string(buf))
		for _, k := range storage.MentionKeys(ms) {
			keyIDs, keys = append(keyIDs, id), append(keys, k)
		}
		ms = ms[:0]
	}
	var cur int64
	for _, r := range rows {
		id, err := num(r[at["article_id"]])
		if err != nil {
			return fmt.Errorf("copy into mentions: article_id %w", err)
		}
		start, err := num(r[at["start_at"]])
		if err != nil {
			return fmt.Errorf("copy into mentions: start_at %w", err)
		}
		end, err := num(r[at["end_at"]])
		if err != nil {
			return fmt.Errorf("copy into mentions: end_at %w", err)
		}
		if id != cur {
			flush(cur)
			cur = id
		}
		ms = append(ms, model.Mention{Span: model.Span{Start: int(start), End: int(end)}, Text: str(r[at["text"]]),
			Type: model.EntityType(str(r[at["type"]])), Role: str(r[at["role"]]), Key: str(r[at["key"]])})
	}
	flush(cur)
	// Joining two JSON arrays as text: the stored one without its
	// closing bracket, the new one without its opening one.
	if _, err := tx.Exec(ctx, `INSERT INTO mention_lists(article_id, data) SELECT * FROM unnest($1::bigint[], $2::text[])
		ON CONFLICT (article_id) DO UPDATE SET data = left(mention_lists.data, -1) || ',' || substr(excluded.data, 2)`, ids, lists); err != nil {
		return fmt.Errorf("copy into mentions: %w", err)
	}
	if _, err := tx.Exec(ctx, `INSERT INTO mention_keys(key, article_id) SELECT * FROM unnest($1::text[], $2::bigint[]) ON CONFLICT DO NOTHING`, keys, keyIDs); err != nil {
		return fmt.Errorf("copy into mentions: %w", err)
	}
	return nil
}
