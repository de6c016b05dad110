package sqlite

// migrations are applied in order; migrations[i] moves the schema to version
// i+1. Never edit a released migration: append a new one.
var migrations = []string{
	// 1: articles, stories, threads, pipeline state, analysis results.
	`
CREATE TABLE articles (
	id           INTEGER PRIMARY KEY,
	external_id  TEXT NOT NULL UNIQUE,
	hash         TEXT NOT NULL,
	title        TEXT NOT NULL DEFAULT '',
	body         TEXT NOT NULL DEFAULT '',
	url          TEXT NOT NULL DEFAULT '',
	outlet       TEXT NOT NULL DEFAULT '',
	author       TEXT NOT NULL DEFAULT '',
	language     TEXT NOT NULL DEFAULT '',
	published    TEXT NOT NULL DEFAULT '',
	source       TEXT NOT NULL DEFAULT '',
	meta         TEXT NOT NULL DEFAULT '',
	story_id     INTEGER NOT NULL DEFAULT 0,
	duplicate_of INTEGER NOT NULL DEFAULT 0,
	ingested_at  TEXT NOT NULL
);
CREATE INDEX articles_hash ON articles(hash);
CREATE INDEX articles_story ON articles(story_id);

CREATE TABLE stories (
	id        INTEGER PRIMARY KEY,
	headline  TEXT NOT NULL DEFAULT '',
	thread_id INTEGER NOT NULL DEFAULT 0,
	articles  INTEGER NOT NULL DEFAULT 0,
	outlets   TEXT NOT NULL DEFAULT '[]',
	first     TEXT NOT NULL DEFAULT '',
	last      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX stories_thread ON stories(thread_id);

CREATE TABLE state (
	name TEXT PRIMARY KEY,
	data BLOB NOT NULL
);

CREATE TABLE counters (
	name  TEXT PRIMARY KEY,
	value INTEGER NOT NULL
);

CREATE TABLE mentions (
	article_id INTEGER NOT NULL,
	start      INTEGER NOT NULL,
	end        INTEGER NOT NULL,
	text       TEXT NOT NULL,
	type       TEXT NOT NULL,
	role       TEXT NOT NULL DEFAULT '',
	key        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX mentions_article ON mentions(article_id);

CREATE TABLE quotes (
	article_id      INTEGER NOT NULL,
	start           INTEGER NOT NULL,
	end             INTEGER NOT NULL,
	text            TEXT NOT NULL,
	kind            TEXT NOT NULL,
	speaker         TEXT NOT NULL DEFAULT '',
	speaker_mention TEXT NOT NULL DEFAULT '',
	cue             TEXT NOT NULL DEFAULT ''
);
CREATE INDEX quotes_article ON quotes(article_id);

CREATE TABLE stances (
	article_id  INTEGER NOT NULL,
	start       INTEGER NOT NULL,
	end         INTEGER NOT NULL,
	holder      TEXT NOT NULL DEFAULT '',
	stance      TEXT NOT NULL,
	qualifier   TEXT NOT NULL DEFAULT '',
	text        TEXT NOT NULL DEFAULT '',
	proposition TEXT NOT NULL DEFAULT ''
);
CREATE INDEX stances_article ON stances(article_id);
`,
	migration2,
	migration3,
	migration4,
	migrationSearch,
	migrationPages,
	migrationComparisons,
	migrationSearchBatch,
	migrationMentionLists,
	migrationStateWithoutRowid,
	migrationQuoteSearchBatch,
	migrationStateRowid,
	migrationSearchMerge16,
	migrationRegistryIndex,
	migrationRegistryFilter,
	migrationRegistryHome,
}

// migration2 makes the schema portable (no column named end), numbers each
// article's quotes and stances, keeps their character offsets and resolved
// entity keys, and adds the stored read model: entities, their keys and
// lookup names, and claims. (Tables keyed by more than an integer are
// WITHOUT ROWID: one b-tree instead of a table and an index.) The analysis rows of an older store lack what
// the read model needs: its analysis version is cleared, so reads report
// it stale until `parallax reanalyze` recomputes it.
const migration2 = `
CREATE TABLE mentions2 (
	article_id INTEGER NOT NULL,
	seq        INTEGER NOT NULL,
	start_at   INTEGER NOT NULL,
	end_at     INTEGER NOT NULL,
	text       TEXT NOT NULL,
	type       TEXT NOT NULL,
	role       TEXT NOT NULL DEFAULT '',
	key        TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (article_id, seq)
) WITHOUT ROWID;
INSERT INTO mentions2 SELECT article_id, ROW_NUMBER() OVER (PARTITION BY article_id ORDER BY start, rowid) - 1, start, "end", text, type, role, key FROM mentions;
DROP TABLE mentions;
ALTER TABLE mentions2 RENAME TO mentions;
CREATE INDEX mentions_key ON mentions(key);

CREATE TABLE quotes2 (
	article_id      INTEGER NOT NULL,
	seq             INTEGER NOT NULL,
	start_at        INTEGER NOT NULL,
	end_at          INTEGER NOT NULL,
	char_start      INTEGER NOT NULL DEFAULT 0,
	char_end        INTEGER NOT NULL DEFAULT 0,
	text            TEXT NOT NULL,
	kind            TEXT NOT NULL,
	speaker         TEXT NOT NULL DEFAULT '',
	speaker_mention TEXT NOT NULL DEFAULT '',
	cue             TEXT NOT NULL DEFAULT '',
	speaker_key     TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (article_id, seq)
) WITHOUT ROWID;
INSERT INTO quotes2 SELECT article_id, ROW_NUMBER() OVER (PARTITION BY article_id ORDER BY start, rowid) - 1, start, "end", 0, 0, text, kind, speaker, speaker_mention, cue, '' FROM quotes;
DROP TABLE quotes;
ALTER TABLE quotes2 RENAME TO quotes;
CREATE INDEX quotes_speaker ON quotes(speaker_key);

CREATE TABLE stances2 (
	article_id  INTEGER NOT NULL,
	seq         INTEGER NOT NULL,
	start_at    INTEGER NOT NULL,
	end_at      INTEGER NOT NULL,
	char_start  INTEGER NOT NULL DEFAULT 0,
	char_end    INTEGER NOT NULL DEFAULT 0,
	holder      TEXT NOT NULL DEFAULT '',
	stance      TEXT NOT NULL,
	qualifier   TEXT NOT NULL DEFAULT '',
	text        TEXT NOT NULL DEFAULT '',
	proposition TEXT NOT NULL DEFAULT '',
	holder_key  TEXT NOT NULL DEFAULT '',
	claim_id    INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (article_id, seq)
) WITHOUT ROWID;
INSERT INTO stances2 SELECT article_id, ROW_NUMBER() OVER (PARTITION BY article_id ORDER BY start, rowid) - 1, start, "end", 0, 0, holder, stance, qualifier, text, proposition, '', 0 FROM stances;
DROP TABLE stances;
ALTER TABLE stances2 RENAME TO stances;
CREATE INDEX stances_claim ON stances(claim_id);
CREATE INDEX stances_holder ON stances(holder_key);

CREATE TABLE entities (
	id       INTEGER PRIMARY KEY,
	name     TEXT NOT NULL,
	type     TEXT NOT NULL,
	mentions INTEGER NOT NULL DEFAULT 0,
	articles INTEGER NOT NULL DEFAULT 0,
	aliases  TEXT NOT NULL DEFAULT '[]',
	roles    TEXT NOT NULL DEFAULT '[]',
	digest   TEXT NOT NULL DEFAULT ''
);
CREATE INDEX entities_rank ON entities(mentions DESC, id);
CREATE TABLE entity_keys (
	key       TEXT PRIMARY KEY,
	entity_id INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX entity_keys_entity ON entity_keys(entity_id);
CREATE TABLE entity_names (
	name      TEXT NOT NULL,
	entity_id INTEGER NOT NULL,
	PRIMARY KEY (name, entity_id)
) WITHOUT ROWID;
CREATE INDEX entity_names_entity ON entity_names(entity_id);

CREATE TABLE claims (
	id       INTEGER PRIMARY KEY,
	story_id INTEGER NOT NULL,
	text     TEXT NOT NULL,
	stances  INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX claims_story ON claims(story_id, stances DESC, id);
CREATE INDEX claims_rank ON claims(stances DESC, id);

CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_outlet ON articles(lower(outlet));
CREATE INDEX stories_rank ON stories(articles DESC, id);

DELETE FROM state WHERE name = 'analysis.version';
`

// migration3 indexes the near-copies alone, so counting them reads no
// article bodies.
const migration3 = `CREATE INDEX articles_copies ON articles(duplicate_of) WHERE duplicate_of != 0;`

// migration4 keeps the raw page of each HTML article, compressed, for
// re-extraction (see storage.RawPage).
const migration4 = `
CREATE TABLE raw_pages (
	article_id   INTEGER PRIMARY KEY,
	url          TEXT NOT NULL DEFAULT '',
	content_type TEXT NOT NULL DEFAULT '',
	fetched      TEXT NOT NULL DEFAULT '',
	given        TEXT NOT NULL DEFAULT '{}',
	data         BLOB NOT NULL
);`

// migrationComparisons keeps computed story comparisons (see comparisons.go).
const migrationComparisons = `
CREATE TABLE comparisons (
	story_id    INTEGER PRIMARY KEY,
	version     TEXT NOT NULL,
	fingerprint TEXT NOT NULL,
	outlets     INTEGER NOT NULL,
	data        BLOB NOT NULL
);`

// migrationSearchBatch indexes a batch's new articles for search in one
// statement (indexArticles) instead of a trigger a row, and lets the
// article index hold a batch's terms in memory until it commits: its
// in-memory hash holds 32 MiB instead of 1 MiB, so a batch makes one
// segment on disk instead of dozens, and the index merges fewer and
// larger segments, 8 a level instead of 4.
const migrationSearchBatch = `
DROP TRIGGER articles_fts_insert;
INSERT INTO articles_fts(articles_fts, rank) VALUES ('hashsize', 33554432);
INSERT INTO articles_fts(articles_fts, rank) VALUES ('automerge', 8);
`

// migrationMentionLists keeps each article's mentions as one row, a JSON
// array of [start, end, text, type, role, key] in order, instead of a row
// a mention (about 28 an article, each in two b-trees), and the distinct
// entity keys an article mentions in a narrow index table, which is what
// reads look mentions up by. A view named mentions shows the lists as the
// rows they replace (with their position as seq), so the reads of whole
// analyses and the store copy read them as before; inserting into the view
// appends to an article's list.
const migrationMentionLists = `
CREATE TABLE mention_lists (
	article_id INTEGER PRIMARY KEY,
	data       TEXT NOT NULL
);
INSERT INTO mention_lists(article_id, data)
	SELECT article_id, json_group_array(json_array(start_at, end_at, text, type, role, key) ORDER BY seq)
	FROM mentions GROUP BY article_id;
CREATE TABLE mention_keys (
	key        TEXT NOT NULL,
	article_id INTEGER NOT NULL,
	PRIMARY KEY (key, article_id)
) WITHOUT ROWID;
INSERT INTO mention_keys(key, article_id) SELECT DISTINCT key, article_id FROM mentions WHERE key != '';
DROP TABLE mentions;
CREATE VIEW mentions AS SELECT l.article_id AS article_id, CAST(j.key AS INTEGER) AS seq,
	j.value ->> 0 AS start_at, j.value ->> 1 AS end_at, j.value ->> 2 AS text,
	j.value ->> 3 AS type, j.value ->> 4 AS role, j.value ->> 5 AS key
	FROM mention_lists l, json_each(l.data) j;
CREATE TRIGGER mentions_insert INSTEAD OF INSERT ON mentions BEGIN
	INSERT INTO mention_lists(article_id, data)
		VALUES (new.article_id, json_array(json_array(new.start_at, new.end_at, new.text, new.type, new.role, new.key)))
		ON CONFLICT(article_id) DO UPDATE SET data = json_insert(data, '$[#]', json_array(new.start_at, new.end_at, new.text, new.type, new.role, new.key));
	INSERT INTO mention_keys(key, article_id) SELECT new.key, new.article_id WHERE new.key != ''
		ON CONFLICT DO NOTHING;
END;
`

// migrationStateWithoutRowid keeps the pipeline state in one b-tree keyed
// by name instead of a table and an index on its names: a batch writes
// thousands of small rows (the entity registry's nodes and memberships),
// each one insert instead of two.
const migrationStateWithoutRowid = `
CREATE TABLE state2 (
	name TEXT PRIMARY KEY,
	data BLOB NOT NULL
) WITHOUT ROWID;
INSERT INTO state2(name, data) SELECT name, data FROM state;
DROP TABLE state;
ALTER TABLE state2 RENAME TO state;
`

// migrationQuoteSearchBatch indexes a batch's new quotes for search in one
// statement (indexQuotes) instead of a trigger a row, as
// migrationSearchBatch does for articles: the quote index wrote a segment
// at every statement of a batch's quotes and stances and spent as much
// again merging them.
const migrationQuoteSearchBatch = `
DROP TRIGGER quotes_fts_insert;
INSERT INTO quotes_fts(quotes_fts, rank) VALUES ('hashsize', 33554432);
INSERT INTO quotes_fts(quotes_fts, rank) VALUES ('automerge', 8);
`

// migrationStateRowid puts the pipeline state back in a table with a
// rowid. The state holds large blobs beside the small registry rows (the
// clusterer's head, window buckets, thread-index shards), and in a WITHOUT
// ROWID table every one of them sits in the key's b-tree, whose pages
// split and spill as they are rewritten: the 100k bench without analysis
// ran 1,884 articles/s with it and 2,548 with this migration (back to back,
// idle machine).
const migrationStateRowid = `
CREATE TABLE state2 (
	name TEXT PRIMARY KEY,
	data BLOB NOT NULL
);
INSERT INTO state2(name, data) SELECT name, data FROM state;
DROP TABLE state;
ALTER TABLE state2 RENAME TO state;
`

// migrationSearchMerge16 lets the article and quote indexes gather 16
// segments of a level before merging them instead of 8. Every merge
// rewrites what it merges, so a term is rewritten once a level it climbs,
// and the levels grow with the store (log₈ of its segments, a batch
// each): on the bench without analysis the merges took 6.4% of the CPU at
// 100k articles and 8.1% at 400k, the largest cost of the commit that
// grew with the store. With 16 a level, a quarter fewer rewrites; a run
// still ends with its indexes merged (TidySearch), and a search during a
// run reads at most 15 segments a level instead of 7.
const migrationSearchMerge16 = `
INSERT INTO articles_fts(articles_fts, rank) VALUES ('automerge', 16);
INSERT INTO quotes_fts(quotes_fts, rank) VALUES ('automerge', 16);
`

// migrationRegistryIndex changes no table. The entity registry's index of
// group members (state rows entity/m/ and entity/format, see the
// pipeline's read model) is kept up to date only by versions that know
// it: an older version writing to a store that holds it would add
// memberships the index never reads. The schema version moves so that
// older versions refuse such a store instead.
const migrationRegistryIndex = `SELECT 1;`

// migrationRegistryFilter changes no table. The entity registry's index
// of group members has a filter of the index names it holds rows under
// (state rows entity/x/ and entity/xformat, see the pipeline's read
// model), kept up to date only by versions that know it: an older
// version adding index rows without it would hide their members from
// the filter. The schema version moves so that older versions refuse
// such a store instead.
const migrationRegistryFilter = `SELECT 1;`

// migrationRegistryHome changes no table. The entity registry keeps each
// key's node in the index row of its fold group (state rows entity/m/,
// entity/format 3, see the pipeline's read model) instead of a row of its
// own: an older version would find none of those nodes. The schema
// version moves so that older versions refuse such a store instead.
const migrationRegistryHome = `SELECT 1;`
