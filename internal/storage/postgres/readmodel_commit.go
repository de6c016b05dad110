package postgres

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"

	"github.com/jackc/pgx/v5/pgtype"

	"github.com/parallax-news/parallax/internal/storage"
)

// clearClaims queues the deletion of the claims a change to the read
// model replaces, and clears their stances' claims.
func clearClaims(q *sendQueue, rm *storage.ReadModel) {
	if rm.ResetClaims {
		q.add("reset claims", `UPDATE stances SET claim_id = 0 WHERE claim_id != 0`)
		q.add("reset claims", `DELETE FROM claims`)
	}
	if len(rm.ClaimStories) > 0 {
		q.add("clear claims", `UPDATE stances SET claim_id = 0 WHERE claim_id IN (SELECT id FROM claims WHERE story_id = ANY($1))`, rm.ClaimStories)
		q.add("clear claims", `DELETE FROM claims WHERE story_id = ANY($1)`, rm.ClaimStories)
	}
}

// commitReadModel queues a change to the stored entities and claims, in
// the order the SQLite store applies it, after clearClaims: dropped
// entities, replaced entities, keys, then the claims of the listed
// stories. With local, the search vectors localVector can compute are
// made here; with hints, the rows the writer says are new are inserted as
// new (see fresh.go). The stances of the articles of stored were stored
// with their claims.
func commitReadModel(q *sendQueue, rm *storage.ReadModel, local, hints bool, stored map[int64]bool) error {
	if rm.ResetEntities {
		q.add("reset entities", `TRUNCATE entities, entity_search, entity_keys, entity_names`)
	}
	if len(rm.DropEntities) > 0 {
		q.add("drop entities", `DELETE FROM entities WHERE id = ANY($1)`, rm.DropEntities)
		q.add("drop entities", `DELETE FROM entity_search WHERE id = ANY($1)`, rm.DropEntities)
		q.add("drop entities", deleteEntityNames, rm.DropEntities)
	}
	if err := storeEntities(q, rm.Entities, local, hints); err != nil {
		return err
	}
	var newKeys map[string]bool
	if hints {
		newKeys = rm.NewKeys
	}
	if err := storeKeys(q, rm.Keys, newKeys); err != nil {
		return err
	}
	return storeClaims(q, rm, stored)
}

// storeEntities queues the inserts or replacements of entity rows, and of
// the lookup names of those whose Names are not nil; of rows repeating an
// id, the last wins. With local, the search vectors localVector can
// compute are sent ready made (the server uses them only for entities
// whose text changed). With hints, rows marked New are inserted without
// looking for stored ones.
func storeEntities(q *sendQueue, es []storage.EntityRow, local, hints bool) error {
	if len(es) == 0 {
		return nil
	}
	last := map[int64]int{}
	for i, e := range es {
		last[e.ID] = i
	}
	var old, fresh entityArrays
	var vb vectorBuilder
	for i, e := range es {
		if last[e.ID] != i {
			continue
		}
		to := &old
		if e.New && hints {
			to = &fresh
		}
		if err := to.add(e, local, &vb); err != nil {
			return err
		}
	}
	old.upsert(q)
	return fresh.insert(q)
}

// entityArrays holds entity rows as the array parameters of the
// statements storing them.
type entityArrays struct {
	ids, mentions, articles               []int64
	names, types, aliases, roles, digests []string
	vecs                                  []pgtype.TSVector
	// renamed are the ids whose lookup names are replaced by nameNames
	// (parallel to nameIDs).
	renamed, nameIDs []int64
	nameNames        []string
}

func (a *entityArrays) add(e storage.EntityRow, local bool, vb *vectorBuilder) error {
	al, err := json.Marshal(nonNil(e.Aliases))
	if err != nil {
		return fmt.Errorf("store entity %d: %w", e.ID, err)
	}
	ro, err := json.Marshal(nonNil(e.Roles))
	if err != nil {
		return fmt.Errorf("store entity %d: %w", e.ID, err)
	}
	a.ids = append(a.ids, e.ID)
	a.names = append(a.names, e.Canonical)
	a.types = append(a.types, string(e.Type))
	a.mentions = append(a.mentions, int64(e.Mentions))
	a.articles = append(a.articles, int64(e.ArticleCount))
	a.aliases = append(a.aliases, string(al))
	a.roles = append(a.roles, string(ro))
	a.digests = append(a.digests, e.Digest)
	var v pgtype.TSVector
	if local {
		v, _ = vb.vector(e.Canonical, pgtype.TSVectorWeightA, string(al), pgtype.TSVectorWeightB)
	}
	a.vecs = append(a.vecs, v)
	if e.Names != nil {
		a.renamed = append(a.renamed, e.ID)
	}
	for _, n := range e.Names {
		a.nameIDs = append(a.nameIDs, e.ID)
		a.nameNames = append(a.nameNames, n)
	}
	return nil
}

// deleteEntityNames deletes the lookup names of the entities $1. The rows
// are found through the index by entity, an entity at a time (OFFSET 0
// keeps the lookups in a loop), and deleted by their row address: with
// entity_id = ANY the server read the whole table, which grows with the
// store, once a batch named a few hundred entities.
const deleteEntityNames = `DELETE FROM entity_names WHERE ctid = ANY(ARRAY(
	SELECT n.ctid FROM unnest($1::bigint[]) AS d(id) CROSS JOIN LATERAL (SELECT ctid FROM entity_names WHERE entity_id = d.id OFFSET 0) n))`

// upsert queues the inserts or replacements of the rows, their search
// vectors and lookup names.
func (a *entityArrays) upsert(q *sendQueue) {
	if len(a.ids) == 0 {
		return
	}
	q.add("store entities", upsertEntities, a.ids, a.names, a.types, a.mentions, a.articles, a.aliases, a.roles, a.digests, a.vecs)
	if len(a.renamed) > 0 {
		q.add("store entity names", deleteEntityNames, a.renamed)
	}
	if len(a.nameIDs) > 0 {
		q.add("store entity names", `INSERT INTO entity_names(name, entity_id) SELECT * FROM unnest($1::text[], $2::bigint[]) ON CONFLICT DO NOTHING`,
			a.nameNames, a.nameIDs)
	}
}

// The tables of entities, their search vectors, lookup names and keys.
var (
	entitiesTable = newTable("entities", []string{"id", "name", "type", "mentions", "articles", "aliases", "roles", "digest"},
		[]string{"bigint", "text", "text", "int", "int", "text", "text", "text"})
	entitySearchTable = newTable("entity_search", []string{"id", "fts"}, []string{"bigint", "tsvector"})
	entityNamesTable  = newTable("entity_names", []string{"name", "entity_id"}, []string{"text", "bigint"})
	entityKeysTable   = newTable("entity_keys", []string{"key", "entity_id"}, []string{"text", "bigint"})
)

// insert stores the rows, all new, their search vectors and lookup names
// with plain inserts (no later statement of a commit reads or changes
// them); the server makes the vectors not made here.
func (a *entityArrays) insert(q *sendQueue) error {
	if len(a.ids) == 0 {
		return nil
	}
	if err := q.insertLast("store entities", true, entitiesTable, len(a.ids), a.ids, a.names, a.types, a.mentions, a.articles, a.aliases, a.roles, a.digests); err != nil {
		return err
	}
	var madeIDs, ids []int64
	var made []pgtype.TSVector
	var names, aliases []string
	for i, v := range a.vecs {
		if v.Valid {
			madeIDs, made = append(madeIDs, a.ids[i]), append(made, v)
			continue
		}
		ids, names, aliases = append(ids, a.ids[i]), append(names, a.names[i]), append(aliases, a.aliases[i])
	}
	if err := q.insertLast("store entities", true, entitySearchTable, len(madeIDs), madeIDs, made); err != nil {
		return err
	}
	if len(ids) > 0 {
		q.addHinted("store entities", insertEntityVectors, ids, names, aliases)
	}
	return q.insertLast("store entity names", true, entityNamesTable, len(a.nameIDs), a.nameNames, a.nameIDs)
}

// upsertKeys stores entity keys ($1) with their entity ids ($2).
const upsertKeys = `INSERT INTO entity_keys(key, entity_id) SELECT * FROM unnest($1::text[], $2::bigint[])
	ON CONFLICT (key) DO UPDATE SET entity_id = excluded.entity_id`

// storeKeys queues the mapping of entity keys to entity ids (0 deletes the
// key); keys in fresh are inserted without looking for stored ones.
func storeKeys(q *sendQueue, keys map[string]int64, fresh map[string]bool) error {
	var del, set, add []string
	var ids, addIDs []int64
	for _, k := range slices.Sorted(maps.Keys(keys)) {
		switch id := keys[k]; {
		case id == 0:
			del = append(del, k)
		case fresh[k]:
			add = append(add, k)
			addIDs = append(addIDs, id)
		default:
			set = append(set, k)
			ids = append(ids, id)
		}
	}
	if len(del) > 0 {
		q.add("store entity keys", `DELETE FROM entity_keys WHERE key = ANY($1)`, del)
	}
	if len(set) > 0 {
		q.add("store entity keys", upsertKeys, set, ids)
	}
	return q.insertLast("store entity keys", true, entityKeysTable, len(add), add, addIDs)
}

// storeClaims queues the inserts of rm.Claims, which replace the claims
// clearClaims deleted, and the links of their stances but those of the
// articles of stored (stored with their claims).
func storeClaims(q *sendQueue, rm *storage.ReadModel, stored map[int64]bool) error {
	if len(rm.Claims) == 0 {
		return nil
	}
	var ids, stories, counts []int64
	var texts []string
	var claimIDs, articleIDs, seqs []int64
	// (a stance listed twice keeps its last claim, as one statement
	// updating a row twice might not)
	last := stanceClaims(rm.Claims)
	for _, c := range rm.Claims {
		ids, stories, texts, counts = append(ids, c.ID), append(stories, c.StoryID), append(texts, c.Text), append(counts, int64(len(c.Stances)))
		for _, r := range c.Stances {
			k := stanceRef{r.ArticleID, int64(r.Seq)}
			if id, ok := last[k]; !ok || id != c.ID || stored[r.ArticleID] {
				continue
			}
			delete(last, k)
			claimIDs = append(claimIDs, c.ID)
			articleIDs = append(articleIDs, r.ArticleID)
			seqs = append(seqs, int64(r.Seq))
		}
	}
	if err := q.insert("store claims", false, claimsTable, len(ids), ids, stories, texts, counts); err != nil {
		return err
	}
	if len(claimIDs) > 0 {
		q.add("link claim stances", `UPDATE stances st SET claim_id = v.c FROM unnest($1::bigint[], $2::bigint[], $3::int[]) AS v(c, a, s)
			WHERE st.article_id = v.a AND st.seq = v.s`, claimIDs, articleIDs, seqs)
	}
	return nil
}

// claimsTable holds the claims.
var claimsTable = newTable("claims", []string{"id", "story_id", "text", "stances"}, []string{"bigint", "bigint", "text", "int"})

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
