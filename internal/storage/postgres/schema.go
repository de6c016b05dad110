package postgres

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/parallax-news/parallax/internal/storage"
)

// migrations are applied in order; migrations[i] moves the schema to version
// i+1. Never edit a released migration: append a new one.
//
// Text that is compared by range or sorted by bytes (external ids, dates,
// state names) uses the "C" collation, so that order is byte order on every
// server whatever its locale. Dates are RFC 3339 text in UTC, as in the
// SQLite store, so that both stores filter and sort them the same way.
var migrations = []string{
	// 1: articles, stories, threads, pipeline state, analysis results and
	// the stored read model (entities, their keys and names, claims).
	`
CREATE TABLE articles (
	id           BIGINT PRIMARY KEY,
	external_id  TEXT COLLATE "C" NOT NULL UNIQUE,
	hash         TEXT COLLATE "C" NOT NULL,
	title        TEXT NOT NULL DEFAULT '',
	body         TEXT NOT NULL DEFAULT '',
	url          TEXT NOT NULL DEFAULT '',
	outlet       TEXT NOT NULL DEFAULT '',
	author       TEXT NOT NULL DEFAULT '',
	language     TEXT NOT NULL DEFAULT '',
	published    TEXT COLLATE "C" NOT NULL DEFAULT '',
	source       TEXT NOT NULL DEFAULT '',
	meta         TEXT NOT NULL DEFAULT '',
	story_id     BIGINT NOT NULL DEFAULT 0,
	duplicate_of BIGINT NOT NULL DEFAULT 0,
	ingested_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX articles_hash ON articles(hash);
CREATE INDEX articles_story ON articles(story_id);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_outlet ON articles(lower(outlet));

CREATE TABLE stories (
	id        BIGINT PRIMARY KEY,
	headline  TEXT NOT NULL DEFAULT '',
	thread_id BIGINT NOT NULL DEFAULT 0,
	articles  INTEGER NOT NULL DEFAULT 0,
	outlets   TEXT NOT NULL DEFAULT '[]',
	first     TEXT COLLATE "C" NOT NULL DEFAULT '',
	last      TEXT COLLATE "C" NOT NULL DEFAULT ''
);
CREATE INDEX stories_thread ON stories(thread_id);
CREATE INDEX stories_rank ON stories(articles DESC, id);

CREATE TABLE state (
	name TEXT COLLATE "C" PRIMARY KEY,
	data BYTEA NOT NULL
);

CREATE TABLE counters (
	name  TEXT PRIMARY KEY,
	value BIGINT NOT NULL
);

CREATE TABLE mentions (
	article_id BIGINT NOT NULL,
	seq        INTEGER NOT NULL,
	start_at   INTEGER NOT NULL,
	end_at     INTEGER NOT NULL,
	text       TEXT NOT NULL,
	type       TEXT NOT NULL,
	role       TEXT NOT NULL DEFAULT '',
	key        TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (article_id, seq)
);
CREATE INDEX mentions_key ON mentions(key);

CREATE TABLE quotes (
	article_id      BIGINT NOT NULL,
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
);
CREATE INDEX quotes_speaker ON quotes(speaker_key);

CREATE TABLE stances (
	article_id  BIGINT NOT NULL,
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
	claim_id    BIGINT NOT NULL DEFAULT 0,
	PRIMARY KEY (article_id, seq)
);
CREATE INDEX stances_claim ON stances(claim_id);
CREATE INDEX stances_holder ON stances(holder_key);

CREATE TABLE entities (
	id       BIGINT PRIMARY KEY,
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
	entity_id BIGINT NOT NULL
);
CREATE INDEX entity_keys_entity ON entity_keys(entity_id);
CREATE TABLE entity_names (
	name      TEXT NOT NULL,
	entity_id BIGINT NOT NULL,
	PRIMARY KEY (name, entity_id)
);
CREATE INDEX entity_names_entity ON entity_names(entity_id);

CREATE TABLE claims (
	id       BIGINT PRIMARY KEY,
	story_id BIGINT NOT NULL,
	text     TEXT NOT NULL,
	stances  INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX claims_story ON claims(story_id, stances DESC, id);
CREATE INDEX claims_rank ON claims(stances DESC, id);

CREATE TABLE writer (
	only_row BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (only_row),
	pid      INTEGER NOT NULL,
	host     TEXT NOT NULL,
	since    TIMESTAMPTZ NOT NULL DEFAULT now()
);
`,
	// 2: the raw page of each HTML article, compressed, for re-extraction
	// (see storage.RawPage).
	`
CREATE TABLE raw_pages (
	article_id   BIGINT PRIMARY KEY,
	url          TEXT NOT NULL DEFAULT '',
	content_type TEXT NOT NULL DEFAULT '',
	fetched      TEXT NOT NULL DEFAULT '',
	given        TEXT NOT NULL DEFAULT '{}',
	data         BYTEA NOT NULL
);
`,
	// 3: the work queue shared by the workers of a store (see Queue).
	`
CREATE TABLE jobs (
	id          BIGSERIAL PRIMARY KEY,
	kind        TEXT NOT NULL,
	payload     BYTEA NOT NULL,
	state       TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'running', 'prepared', 'done', 'failed')),
	attempts    INTEGER NOT NULL DEFAULT 0,
	lease_until TIMESTAMPTZ,
	worker      TEXT NOT NULL DEFAULT '',
	prepared    BYTEA,
	error       TEXT NOT NULL DEFAULT '',
	result      TEXT NOT NULL DEFAULT '',
	created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
	done_at     TIMESTAMPTZ
);
CREATE INDEX jobs_open ON jobs(id) WHERE state IN ('queued', 'running', 'prepared');
`,
	migrationSearch,
	migrationPages,
	migrationComparisons,
	migrationFold,
	migrationEntityStories,
	migrationFoldPlain,
	migrationArticleSearch,
	migrationFoldInline + migrationCompressedStorage,
	migrationEntitySearch,
	migrationRegistryIndex,
	migrationMentionLists,
	migrationRegistryFilter,
	migrationPayloadStorage,
	migrationRegistryHome,
}

// SchemaVersion returns the schema version this package migrates to.
func SchemaVersion() int { return len(migrations) }

// ourTables are tables every Parallax schema has; a schema with other
// tables and none of these belongs to another program.
const ourTables = `('schema_migrations', 'articles', 'state')`

// migrate brings the schema up to date in one transaction. A transaction
// advisory lock keyed on the schema makes concurrent opens wait for each
// other, so two processes opening a new store at once migrate it once.
func migrate(ctx context.Context, conn interface {
	Begin(context.Context) (pgx.Tx, error)
}) error {
	tx, err := conn.Begin(ctx)
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	defer tx.Rollback(ctx)
	if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock(hashtextextended('parallax.migrate.' || current_schema(), 0))`); err != nil {
		return fmt.Errorf("migrate: lock: %w", err)
	}
	v, err := schemaVersion(ctx, tx)
	if err != nil {
		return err
	}
	if v > len(migrations) {
		return fmt.Errorf("migrate: store has schema version %d, this parallax knows up to %d; upgrade parallax: %w", v, len(migrations), storage.ErrTooNew)
	}
	if v == len(migrations) {
		return nil
	}
	if _, err := tx.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())`); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	for i := v; i < len(migrations); i++ {
		if _, err := tx.Exec(ctx, migrations[i]); err != nil {
			return fmt.Errorf("migrate to %d: %w", i+1, err)
		}
		if _, err := tx.Exec(ctx, `INSERT INTO schema_migrations(version) VALUES ($1)`, i+1); err != nil {
			return fmt.Errorf("migrate to %d: %w", i+1, err)
		}
	}
	if err := tx.Commit(ctx); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	return nil
}

// querier runs queries: a pool, a connection or a transaction.
type querier interface {
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
}

// schemaVersion reads the schema version of the current schema: 0 for an
// empty schema, an ErrNotParallax error for another program's tables, and
// an error when there is no current schema.
func schemaVersion(ctx context.Context, q querier) (int, error) {
	var schema *string
	var tables, ours int
	err := q.QueryRow(ctx, `SELECT current_schema(),
		(SELECT COUNT(*) FROM pg_tables WHERE schemaname = current_schema()),
		(SELECT COUNT(*) FROM pg_tables WHERE schemaname = current_schema() AND tablename IN `+ourTables+`)`).Scan(&schema, &tables, &ours)
	if err != nil {
		return 0, fmt.Errorf("read schema version: %w", err)
	}
	switch {
	case schema == nil:
		return 0, fmt.Errorf("the search path names no existing schema: %w", storage.ErrNoStore)
	case tables == 0:
		return 0, nil
	case ours < 3:
		return 0, fmt.Errorf("schema %s holds tables of another program; it was left untouched: %w", *schema, storage.ErrNotParallax)
	}
	var v int
	if err := q.QueryRow(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&v); err != nil {
		return 0, fmt.Errorf("read schema version: %w", err)
	}
	return v, nil
}

// migrationEntityStories makes the read of the stories mentioning an
// entity an index-only one: mentions by key carry their article, articles
// by id their story (as SQLite's indexes of its WITHOUT ROWID mentions
// table and its articles' rowid do). The stories page filtered by the most
// mentioned entity of a 20,000-article store went from 380-690 ms to
// 64-205 ms of query time (load average 29-40).
const migrationEntityStories = `
CREATE INDEX mentions_key_article ON mentions(key) INCLUDE (article_id);
DROP INDEX mentions_key;
CREATE INDEX articles_story_of ON articles(id) INCLUDE (story_id);
`

// migrationComparisons keeps computed story comparisons (see
// comparisons.go).
const migrationComparisons = `
CREATE TABLE comparisons (
	story_id    BIGINT PRIMARY KEY,
	version     TEXT NOT NULL,
	fingerprint TEXT NOT NULL,
	outlets     INTEGER NOT NULL,
	data        BYTEA NOT NULL
);`

// migrationRegistryIndex changes no table. The entity registry's index of
// group members (state rows entity/m/ and entity/format, see the
// pipeline's read model) is kept up to date only by versions that know
// it: an older version writing to a store that holds it would add
// memberships the index never reads. The schema version moves so that
// older versions refuse such a store instead.
const migrationRegistryIndex = `COMMENT ON TABLE state IS 'pipeline state, with the entity registry''s index of group members'`

// migrationRegistryFilter changes no table. The entity registry's index
// of group members has a filter of the index names it holds rows under
// (state rows entity/x/ and entity/xformat, see the pipeline's read
// model), kept up to date only by versions that know it: an older
// version adding index rows without it would hide their members from
// the filter. The schema version moves so that older versions refuse
// such a store instead.
const migrationRegistryFilter = `COMMENT ON TABLE state IS 'pipeline state, with the entity registry''s index of group members and its filter'`

// migrationRegistryHome changes no table. The entity registry keeps each
// key's node in the index row of its fold group (state rows entity/m/,
// entity/format 3, see the pipeline's read model) instead of a row of its
// own: an older version would find none of those nodes. The schema
// version moves so that older versions refuse such a store instead.
const migrationRegistryHome = `COMMENT ON TABLE state IS 'pipeline state, with the entity registry''s index of group members (holding each key''s node in its home row) and its filter'`
