package postgres

// Entity search vectors are kept in a table of their own, entity_search,
// instead of a column generated in each entity's row: the read model
// rewrites an entity's row whenever its mention or article count changes,
// which is most of the rows of every batch, and each rewrite recomputed
// the generated vector (folding and parsing the name and aliases) and
// inserted a new entry in its GIN index although the text was the same.
// storeEntities writes an entity's vector only when the entity is new or
// its name or aliases changed, so count-only updates leave entity_search
// alone. Search reads the vectors joined to the entities, so results are
// unchanged.

// entityVector is the SQL expression of an entity's search vector: its
// name weighted above its aliases (a JSON array), both folded.
func entityVector(name, aliases string) string {
	return `setweight(to_tsvector('simple', fold_accents(` + name + `)), 'A') || setweight(to_tsvector('simple', fold_accents(` + aliases + `)), 'B')`
}

// migrationEntitySearch (schema version 12) moves the search vectors of
// entities from the generated column entities.fts to the table
// entity_search, keeping the stored vectors.
var migrationEntitySearch = `
CREATE TABLE entity_search (
	id  BIGINT PRIMARY KEY,
	fts tsvector NOT NULL
);
INSERT INTO entity_search(id, fts) SELECT id, fts FROM entities;
DROP INDEX entities_fts;
ALTER TABLE entities DROP COLUMN fts;
CREATE INDEX entity_search_fts ON entity_search USING GIN (fts);
`

// upsertEntities stores entity rows given as arrays of ids ($1), names
// ($2), types ($3), mention counts ($4), article counts ($5), aliases
// ($6), roles ($7), digests ($8) and search vectors made here ($9, null
// where localVector could not), and the search vectors of those that are
// new, renamed or given other aliases (each entity row has its vector:
// see Check), the server computing those not given. All parts of the
// statement see the rows as they were before it, so known reads each
// entity's stored name and aliases before the update, each through the
// index (OFFSET 0 keeps the lookups in a loop: with id = ANY the server
// read the whole table for a few hundred ids). A row equal to the stored
// one is not rewritten.
var upsertEntities = `WITH v AS (
	SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::int[], $5::int[], $6::text[], $7::text[], $8::text[], $9::tsvector[])
		AS v(id, name, type, mentions, articles, aliases, roles, digest, fts)
), known AS (
	SELECT e.id, e.name, e.aliases FROM unnest($1::bigint[]) AS u(id) CROSS JOIN LATERAL (SELECT id, name, aliases FROM entities WHERE id = u.id OFFSET 0) e
), up AS (
	INSERT INTO entities(id, name, type, mentions, articles, aliases, roles, digest) SELECT v.id, v.name, v.type, v.mentions, v.articles, v.aliases, v.roles, v.digest FROM v
	ON CONFLICT (id) DO UPDATE SET name = excluded.name, type = excluded.type, mentions = excluded.mentions, articles = excluded.articles,
		aliases = excluded.aliases, roles = excluded.roles, digest = excluded.digest
	WHERE (entities.name, entities.type, entities.mentions, entities.articles, entities.aliases, entities.roles, entities.digest)
		IS DISTINCT FROM (excluded.name, excluded.type, excluded.mentions, excluded.articles, excluded.aliases, excluded.roles, excluded.digest)
)
INSERT INTO entity_search(id, fts) SELECT v.id, COALESCE(v.fts, ` + entityVector("v.name", "v.aliases") + `) FROM v LEFT JOIN known k ON k.id = v.id
	WHERE k.id IS NULL OR k.name != v.name OR k.aliases != v.aliases
	ON CONFLICT (id) DO UPDATE SET fts = excluded.fts`

// insertEntityVectors stores the search vectors of new entities given as
// arrays of ids ($1), names ($2) and aliases ($3), made by the server.
var insertEntityVectors = `INSERT INTO entity_search(id, fts) SELECT v.id, ` + entityVector("v.name", "v.aliases") + `
	FROM unnest($1::bigint[], $2::text[], $3::text[]) AS v(id, name, aliases)`
