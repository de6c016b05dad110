package postgres

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"slices"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"

	"github.com/parallax-news/parallax/internal/storage"
)

// commitReadModel applies a change to the stored entities and claims, in
// the order the SQLite store applies it: dropped entities, replaced
// entities, keys, then the claims of the listed stories. With local, the
// search vectors localVector can compute are made here.
func commitReadModel(ctx context.Context, tx pgx.Tx, rm *storage.ReadModel, local bool) error {
	if rm.ResetClaims {
		for _, q := range []string{`UPDATE stances SET claim_id = 0 WHERE claim_id != 0`, `DELETE FROM claims`} {
			if _, err := tx.Exec(ctx, q); err != nil {
				return fmt.Errorf("reset claims: %w", err)
			}
		}
	}
	if rm.ResetEntities {
		if _, err := tx.Exec(ctx, `TRUNCATE entities, entity_search, entity_keys, entity_names`); err != nil {
			return fmt.Errorf("reset entities: %w", err)
		}
	}
	if len(rm.DropEntities) > 0 {
		if err := execAll(ctx, tx,
			stmt{`DELETE FROM entities WHERE id = ANY($1)`, []any{rm.DropEntities}, "drop entities"},
			stmt{`DELETE FROM entity_search WHERE id = ANY($1)`, []any{rm.DropEntities}, "drop entities"},
			stmt{`DELETE FROM entity_names WHERE entity_id = ANY($1)`, []any{rm.DropEntities}, "drop entities"}); err != nil {
			return err
		}
	}
	if err := storeEntities(ctx, tx, rm.Entities, local); err != nil {
		return err
	}
	if err := storeKeys(ctx, tx, rm.Keys, rm.NewKeys); err != nil {
		return err
	}
	return storeClaims(ctx, tx, rm)
}

// storeEntities inserts or replaces entity rows, and the lookup names of
// those whose Names are not nil; of rows repeating an id, the last wins.
// With local, the search vectors localVector can compute are sent ready
// made (the server uses them only for entities whose text changed). Rows
// marked New are inserted without looking for stored ones (see
// insertFresh).
func storeEntities(ctx context.Context, tx pgx.Tx, es []storage.EntityRow, local bool) error {
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
		if e.New {
			to = &fresh
		}
		if err := to.add(e, local, &vb); err != nil {
			return err
		}
	}
	if err := old.upsert(ctx, tx); err != nil {
		return err
	}
	if len(fresh.ids) == 0 {
		return nil
	}
	return insertFresh(ctx, tx, fresh.insert(ctx), func(tx pgx.Tx) error { return fresh.upsert(ctx, tx) })
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

// upsert inserts or replaces the rows, their search vectors and lookup
// names, in one round trip.
func (a *entityArrays) upsert(ctx context.Context, tx pgx.Tx) error {
	if len(a.ids) == 0 {
		return nil
	}
	stmts := []stmt{{upsertEntities, []any{a.ids, a.names, a.types, a.mentions, a.articles, a.aliases, a.roles, a.digests, a.vecs}, "store entities"}}
	if len(a.renamed) > 0 {
		stmts = append(stmts, stmt{`DELETE FROM entity_names WHERE entity_id = ANY($1)`, []any{a.renamed}, "store entity names"})
	}
	if len(a.nameIDs) > 0 {
		stmts = append(stmts, stmt{`INSERT INTO entity_names(name, entity_id) SELECT * FROM unnest($1::text[], $2::bigint[]) ON CONFLICT DO NOTHING`,
			[]any{a.nameNames, a.nameIDs}, "store entity names"})
	}
	return execAll(ctx, tx, stmts...)
}

// insert returns a function inserting the rows, their search vectors and
// lookup names, all new, with COPY (see copyFreshPairs); the server makes
// the vectors not made here.
func (a *entityArrays) insert(ctx context.Context) func(pgx.Tx) error {
	return func(tx pgx.Tx) error {
		rows := pgx.CopyFromSlice(len(a.ids), func(i int) ([]any, error) {
			return []any{a.ids[i], a.names[i], a.types[i], a.mentions[i], a.articles[i], a.aliases[i], a.roles[i], a.digests[i]}, nil
		})
		if _, err := tx.CopyFrom(ctx, pgx.Identifier{"entities"}, []string{"id", "name", "type", "mentions", "articles", "aliases", "roles", "digest"}, rows); err != nil {
			return fmt.Errorf("store entities: %w", err)
		}
		var made []int
		var ids []int64
		var names, aliases []string
		for i, v := range a.vecs {
			if v.Valid {
				made = append(made, i)
				continue
			}
			ids, names, aliases = append(ids, a.ids[i]), append(names, a.names[i]), append(aliases, a.aliases[i])
		}
		if len(made) > 0 {
			vecs := pgx.CopyFromSlice(len(made), func(i int) ([]any, error) { return []any{a.ids[made[i]], a.vecs[made[i]]}, nil })
			if _, err := tx.CopyFrom(ctx, pgx.Identifier{"entity_search"}, []string{"id", "fts"}, vecs); err != nil {
				return fmt.Errorf("store entities: %w", err)
			}
		}
		if len(ids) > 0 {
			if _, err := tx.Exec(ctx, insertEntityVectors, ids, names, aliases); err != nil {
				return fmt.Errorf("store entities: %w", err)
			}
		}
		if len(a.nameIDs) > 0 {
			src := pgx.CopyFromSlice(len(a.nameIDs), func(i int) ([]any, error) { return []any{a.nameNames[i], a.nameIDs[i]}, nil })
			if _, err := tx.CopyFrom(ctx, pgx.Identifier{"entity_names"}, []string{"name", "entity_id"}, src); err != nil {
				return fmt.Errorf("store entity names: %w", err)
			}
		}
		return nil
	}
}

// upsertKeys stores entity keys ($1) with their entity ids ($2).
const upsertKeys = `INSERT INTO entity_keys(key, entity_id) SELECT * FROM unnest($1::text[], $2::bigint[])
	ON CONFLICT (key) DO UPDATE SET entity_id = excluded.entity_id`

// storeKeys maps entity keys to entity ids (0 deletes the key); keys in
// fresh are inserted without looking for stored ones (see insertFresh).
func storeKeys(ctx context.Context, tx pgx.Tx, keys map[string]int64, fresh map[string]bool) error {
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
	var stmts []stmt
	if len(del) > 0 {
		stmts = append(stmts, stmt{`DELETE FROM entity_keys WHERE key = ANY($1)`, []any{del}, "store entity keys"})
	}
	if len(set) > 0 {
		stmts = append(stmts, stmt{upsertKeys, []any{set, ids}, "store entity keys"})
	}
	if err := execAll(ctx, tx, stmts...); err != nil {
		return err
	}
	if len(add) > 0 {
		err := copyFreshPairs(ctx, tx, "entity_keys", [2]string{"key", "entity_id"}, add, addIDs, upsertKeys)
		if err != nil {
			return fmt.Errorf("store entity keys: %w", err)
		}
	}
	return nil
}

// storeClaims replaces the claims of rm.ClaimStories by rm.Claims and links
// their stances.
func storeClaims(ctx context.Context, tx pgx.Tx, rm *storage.ReadModel) error {
	if len(rm.ClaimStories) > 0 {
		if err := execAll(ctx, tx,
			stmt{`UPDATE stances SET claim_id = 0 WHERE claim_id IN (SELECT id FROM claims WHERE story_id = ANY($1))`, []any{rm.ClaimStories}, "clear claims"},
			stmt{`DELETE FROM claims WHERE story_id = ANY($1)`, []any{rm.ClaimStories}, "clear claims"}); err != nil {
			return err
		}
	}
	if len(rm.Claims) == 0 {
		return nil
	}
	rows := make([][]any, 0, len(rm.Claims))
	var claimIDs, articleIDs, seqs []int64
	for _, c := range rm.Claims {
		rows = append(rows, []any{c.ID, c.StoryID, c.Text, len(c.Stances)})
		for _, r := range c.Stances {
			claimIDs = append(claimIDs, c.ID)
			articleIDs = append(articleIDs, r.ArticleID)
			seqs = append(seqs, int64(r.Seq))
		}
	}
	if err := copyRows(ctx, tx, "claims", []string{"id", "story_id", "text", "stances"}, rows); err != nil {
		return err
	}
	if len(claimIDs) > 0 {
		if _, err := tx.Exec(ctx, `UPDATE stances st SET claim_id = v.c FROM unnest($1::bigint[], $2::bigint[], $3::int[]) AS v(c, a, s)
			WHERE st.article_id = v.a AND st.seq = v.s`, claimIDs, articleIDs, seqs); err != nil {
			return fmt.Errorf("link claim stances: %w", err)
		}
	}
	return nil
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
