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
}
