package pipeline

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"maps"
	"slices"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/analyze/claim"
	"github.com/parallax-news/parallax/internal/analyze/entity"
	"github.com/parallax-news/parallax/internal/model"
	"github.com/parallax-news/parallax/internal/storage"
)

// readModel keeps the stored entities and claims up to date as batches are
// committed, so that reads never recompute the corpus: it folds each
// batch's mentions into the entity registry, gives the folded entities
// stable ids, and regroups the claims of the stories the batch touches.
// Only the goroutine committing batches uses it.
type readModel struct {
	store storage.Store
	reg   *entity.Registry
	// keyID maps every entity key in the registry to its stored entity.
	keyID map[string]int64
	// digest holds the stored entities' row digests.
	digest map[int64]string
	// known holds every entity key added to the registry.
	known map[string]bool
}

// loadReadModel rebuilds the entity registry from the stored mentions of
// articles up to through (0: all) and loads the stored entity ids.
func loadReadModel(ctx context.Context, st storage.Store, through int64) (*readModel, error) {
	rm := &readModel{store: st, reg: entity.NewRegistry(), keyID: map[string]int64{}, digest: map[int64]string{}, known: map[string]bool{}}
	if err := st.Mentions(ctx, through, func(_ int64, ext string, ms []model.Mention) error {
		rm.add(ext, ms)
		return nil
	}); err != nil {
		return nil, fmt.Errorf("load entities: %w", err)
	}
	if err := st.EntityKeys(ctx, func(k string, id int64) error {
		rm.keyID[k] = id
		return nil
	}); err != nil {
		return nil, fmt.Errorf("load entities: %w", err)
	}
	if err := st.EntityDigests(ctx, func(id int64, d string) error {
		rm.digest[id] = d
		return nil
	}); err != nil {
		return nil, fmt.Errorf("load entities: %w", err)
	}
	return rm, nil
}

// apply adds to b what its analyses and moves change in the read model:
// the analyses as stored (character offsets, resolved speaker and holder
// keys), the entities that changed, and the regrouped claims of every
// story b touches. arts are the articles analysed (new or re-analysed),
// parallel to as; newStories gives the story of each new article.
func (rm *readModel) apply(ctx context.Context, b *storage.Batch, arts []*model.Article, as []model.Analysis) error {
	for i, a := range as {
		rm.add(arts[i].ExternalID, a.Mentions)
	}
	b.Analysis = make([]storage.Analysis, len(as))
	for i, a := range as {
		b.Analysis[i] = rm.stored(arts[i].Text, a)
	}
	if err := rm.entities(ctx, b); err != nil {
		return err
	}
	return rm.claims(ctx, b, arts)
}

// add folds one article's mentions into the registry.
func (rm *readModel) add(ext string, ms []model.Mention) {
	rm.reg.Add(ext, ms)
	for _, m := range ms {
		if k := cmp.Or(m.Key, m.Text); k != "" {
			rm.known[k] = true
		}
	}
}

// stored returns an analysis as the store keeps it.
func (rm *readModel) stored(text string, a model.Analysis) storage.Analysis {
	conv := runeOffsets(text)
	out := storage.Analysis{Analysis: a}
	for _, q := range a.Quotes {
		out.QuoteChars = append(out.QuoteChars, model.Span{Start: conv(q.Start), End: conv(q.End)})
		out.SpeakerKeys = append(out.SpeakerKeys, rm.resolve(q.Speaker))
	}
	for _, s := range a.Stances {
		out.StanceChars = append(out.StanceChars, model.Span{Start: conv(s.Start), End: conv(s.End)})
		out.HolderKeys = append(out.HolderKeys, rm.resolve(s.Holder))
	}
	return out
}

// resolve returns the entity key a speaker or holder name stands for: the
// canonical name of its entity (itself an entity key), or the name.
func (rm *readModel) resolve(name string) string {
	if name == "" {
		return ""
	}
	if c := rm.reg.Canonical(name); c != "" {
		return c
	}
	return name
}

// runeOffsets returns a function converting byte offsets of text into
// character offsets.
func runeOffsets(text string) func(int) int {
	return func(b int) int {
		b = max(0, min(b, len(text)))
		return utf8.RuneCountInString(text[:b])
	}
}

// entities folds the registry and adds the entity rows and keys that
// changed to b. An entity keeps the id of the entities it absorbed (the
// smallest), so ids stay stable as articles are added.
func (rm *readModel) entities(ctx context.Context, b *storage.Batch) error {
	ents := rm.reg.Entities()
	// Group the registry's keys by entity (canonical name).
	members := map[string][]string{}
	for k := range rm.known {
		if c := rm.reg.Canonical(k); c != "" {
			members[c] = append(members[c], k)
		}
	}
	// A key that left the registry (re-analysis) is dropped.
	ch := &b.ReadModel
	ch.Keys = map[string]int64{}
	for k := range rm.keyID {
		if !rm.known[k] {
			delete(rm.keyID, k)
			ch.Keys[k] = 0
		}
	}
	// Larger entities choose their id first.
	slices.SortStableFunc(ents, func(x, y model.Entity) int { return y.Mentions - x.Mentions })
	taken := map[int64]bool{}
	ids := make([]int64, len(ents))
	var need []int
	for i, e := range ents {
		best := int64(0)
		for _, k := range members[e.Canonical] {
			if id := rm.keyID[k]; id != 0 && !taken[id] && (best == 0 || id < best) {
				best = id
			}
		}
		if best == 0 {
			need = append(need, i)
			continue
		}
		ids[i] = best
		taken[best] = true
	}
	if len(need) > 0 {
		first, err := rm.store.ReserveIDs(ctx, "entity", len(need))
		if err != nil {
			return err
		}
		for j, i := range need {
			ids[i] = first + int64(j)
		}
	}
	live := map[int64]bool{}
	for i, e := range ents {
		id := ids[i]
		live[id] = true
		for _, k := range members[e.Canonical] {
			if rm.keyID[k] != id {
				rm.keyID[k] = id
				ch.Keys[k] = id
			}
		}
		row := entityRow(id, e)
		if rm.digest[id] != row.Digest {
			rm.digest[id] = row.Digest
			ch.Entities = append(ch.Entities, row)
		}
	}
	for id := range rm.digest {
		if !live[id] {
			delete(rm.digest, id)
			ch.DropEntities = append(ch.DropEntities, id)
		}
	}
	slices.Sort(ch.DropEntities)
	return nil
}

// entityRow returns the stored row of an entity: its lookup names are the
// lookup keys of its name and every alias.
func entityRow(id int64, e model.Entity) storage.EntityRow {
	e.ID = id
	row := storage.EntityRow{Entity: e, ArticleCount: len(e.Articles)}
	row.Articles = nil
	names := map[string]bool{}
	for _, a := range append([]string{e.Canonical}, e.Aliases...) {
		for _, k := range entity.LookupKeys(a) {
			if k != "" {
				names[k] = true
			}
		}
	}
	for n := range names {
		row.Names = append(row.Names, n)
	}
	slices.Sort(row.Names)
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00%d\x00%d\x00%q\x00%q", e.Canonical, e.Type, e.Mentions, row.ArticleCount, e.Aliases, e.Roles)
	row.Digest = hex.EncodeToString(h.Sum(nil)[:12])
	return row
}

// claims regroups the claims of every story b touches: the stories of its
// new articles, and the stories articles move into and out of.
func (rm *readModel) claims(ctx context.Context, b *storage.Batch, arts []*model.Article) error {
	stories := map[int64]bool{}
	for _, a := range b.Articles {
		stories[a.StoryID] = true
	}
	for _, a := range arts {
		stories[a.StoryID] = true
	}
	moved := make([]int64, 0, len(b.Moves))
	for id, s := range b.Moves {
		moved = append(moved, id)
		stories[s] = true
	}
	slices.Sort(moved)
	// The stories moved articles leave lose their stances.
	if err := rm.store.StoryStances(ctx, nil, moved, func(r storage.StanceRow) error {
		stories[r.StoryID] = true
		return nil
	}); err != nil {
		return err
	}
	delete(stories, 0)
	if len(stories) == 0 {
		return nil
	}
	// Stored stances, with moved articles in their new story and
	// re-analysed articles' old stances replaced by the batch's.
	fresh := map[int64]bool{}
	for _, a := range b.Analysis {
		fresh[a.ArticleID] = true
	}
	type member struct {
		ref storage.StanceRef
		old int64 // claim id it had
		sm  model.StanceMention
	}
	byStory := map[int64][]member{}
	ids := slices.Sorted(maps.Keys(stories))
	if err := rm.store.StoryStances(ctx, ids, moved, func(r storage.StanceRow) error {
		if fresh[r.StanceRef.ArticleID] {
			return nil
		}
		s := r.StoryID
		if to, ok := b.Moves[r.StanceRef.ArticleID]; ok {
			s = to
		}
		if stories[s] {
			byStory[s] = append(byStory[s], member{ref: r.StanceRef, old: r.ClaimID, sm: r.StanceMention})
		}
		return nil
	}); err != nil {
		return err
	}
	storyOf := map[int64]int64{}
	for _, a := range arts {
		storyOf[a.ID] = a.StoryID
	}
	for _, a := range b.Analysis {
		for i, s := range a.Stances {
			st := storyOf[a.ArticleID]
			if to, ok := b.Moves[a.ArticleID]; ok {
				st = to
			}
			s.ArticleID = a.ArticleID
			byStory[st] = append(byStory[st], member{ref: storage.StanceRef{ArticleID: a.ArticleID, Seq: i}, sm: s})
		}
	}
	ch := &b.ReadModel
	ch.ClaimStories = ids
	taken := map[int64]bool{}
	var need []*storage.ClaimGroup
	for _, sid := range ids {
		ms := byStory[sid]
		slices.SortFunc(ms, func(x, y member) int {
			if x.ref.ArticleID != y.ref.ArticleID {
				return cmp.Compare(x.ref.ArticleID, y.ref.ArticleID)
			}
			return x.ref.Seq - y.ref.Seq
		})
		sms := make([]model.StanceMention, len(ms))
		where := map[stanceKey][]int{}
		for i, m := range ms {
			sms[i] = m.sm
			k := keyOf(m.sm)
			where[k] = append(where[k], i)
		}
		for _, g := range claim.Group(sms) {
			cg := storage.ClaimGroup{StoryID: sid, Text: g.Claim}
			votes := map[int64]int{}
			for _, s := range g.Stances {
				k := keyOf(s)
				if len(where[k]) == 0 {
					continue
				}
				i := where[k][0]
				where[k] = where[k][1:]
				cg.Stances = append(cg.Stances, ms[i].ref)
				if ms[i].old != 0 {
					votes[ms[i].old]++
				}
			}
			// Keep the id of the stored claim most of its stances had.
			best, bestN := int64(0), 0
			for id, n := range votes {
				if !taken[id] && (n > bestN || n == bestN && id < best) {
					best, bestN = id, n
				}
			}
			cg.ID = best
			if best != 0 {
				taken[best] = true
			}
			ch.Claims = append(ch.Claims, cg)
		}
	}
	for i := range ch.Claims {
		if ch.Claims[i].ID == 0 {
			need = append(need, &ch.Claims[i])
		}
	}
	if len(need) > 0 {
		first, err := rm.store.ReserveIDs(ctx, "claim", len(need))
		if err != nil {
			return err
		}
		for j, c := range need {
			c.ID = first + int64(j)
		}
	}
	return nil
}

// stanceKey identifies a stance mention among a story's.
type stanceKey struct {
	article    int64
	start, end int
	holder     string
}

func keyOf(s model.StanceMention) stanceKey {
	return stanceKey{s.ArticleID, s.Start, s.End, s.Holder}
}
