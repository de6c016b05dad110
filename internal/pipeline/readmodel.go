package pipeline

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"maps"
	"slices"
	"strings"
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
	// known holds every entity key added to the registry, canon the
	// entity (canonical name) of each as last stored, and touched the keys
	// mentioned since.
	known   map[string]bool
	canon   map[string]string
	touched map[string]bool
}

// loadReadModel rebuilds the entity registry from the stored mentions of
// articles up to through (0: all) and loads the stored entity ids.
func loadReadModel(ctx context.Context, st storage.Store, through int64) (*readModel, error) {
	rm := &readModel{store: st, reg: entity.NewRegistry(), keyID: map[string]int64{}, digest: map[int64]string{}, known: map[string]bool{}, canon: map[string]string{}, touched: map[string]bool{}}
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
	// What is stored is up to date with the registry: start tracking
	// changes from here.
	for k := range rm.known {
		rm.canon[k] = rm.reg.Canonical(k)
	}
	rm.touched = map[string]bool{}
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
			rm.touched[k] = true
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
// character offsets; it is fastest when called with offsets in order.
func runeOffsets(text string) func(int) int {
	lastB, lastC := 0, 0
	return func(b int) int {
		b = max(0, min(b, len(text)))
		if b < lastB {
			lastB, lastC = 0, 0
		}
		lastC += utf8.RuneCountInString(text[lastB:b])
		lastB = b
		return lastC
	}
}

// entities refolds the registry and adds the entity rows and keys that
// changed to b. Only entities that hold a key mentioned in the batch, or a
// key whose entity changed, are rebuilt. An entity keeps the id of the
// entities it absorbed (the smallest), so ids stay stable as articles are
// added.
func (rm *readModel) entities(ctx context.Context, b *storage.Batch) error {
	// The entity (canonical name) of every key now, and the keys whose
	// entity changed.
	canon := make(map[string]string, len(rm.known))
	var changed []string
	for k := range rm.known {
		c := rm.reg.Canonical(k)
		canon[k] = c
		if old, ok := rm.canon[k]; ok && old != c {
			changed = append(changed, k)
		}
	}
	byCanon := map[string][]string{}
	for k, c := range canon {
		byCanon[c] = append(byCanon[c], k)
	}
	// Affected keys: those touched by the batch, and every key of an
	// entity that changed, before and after.
	affected := map[string]bool{}
	for k := range rm.touched {
		affected[k] = true
	}
	oldBy := map[string][]string{}
	if len(changed) > 0 {
		for k, c := range rm.canon {
			oldBy[c] = append(oldBy[c], k)
		}
	}
	for _, k := range changed {
		affected[k] = true
		for _, j := range oldBy[rm.canon[k]] {
			affected[j] = true
		}
	}
	for k := range affected {
		for _, j := range byCanon[canon[k]] {
			affected[j] = true
		}
	}
	rm.canon, rm.touched = canon, map[string]bool{}
	ch := &b.ReadModel
	ch.Keys = map[string]int64{}
	// A key that left the registry (re-analysis) is dropped.
	for k := range rm.keyID {
		if !rm.known[k] {
			affected[k] = true
			ch.Keys[k] = 0
		}
	}
	if len(affected) == 0 {
		return nil
	}
	ents := rm.reg.EntitiesOf(slices.Sorted(maps.Keys(affected)))
	// Larger entities choose their id first.
	slices.SortStableFunc(ents, func(x, y model.Entity) int {
		if x.Mentions != y.Mentions {
			return y.Mentions - x.Mentions
		}
		return strings.Compare(x.Canonical, y.Canonical)
	})
	taken := map[int64]bool{}
	ids := make([]int64, len(ents))
	var need []int
	for i, e := range ents {
		best := int64(0)
		for _, k := range byCanon[e.Canonical] {
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
			taken[ids[i]] = true
		}
	}
	// Ids the affected keys had that no entity keeps are dropped.
	for k := range affected {
		if id := rm.keyID[k]; id != 0 && !taken[id] {
			if _, ok := rm.digest[id]; ok {
				delete(rm.digest, id)
				ch.DropEntities = append(ch.DropEntities, id)
			}
		}
		if !rm.known[k] {
			delete(rm.keyID, k)
		}
	}
	slices.Sort(ch.DropEntities)
	for i, e := range ents {
		id := ids[i]
		for _, k := range byCanon[e.Canonical] {
			if rm.keyID[k] != id {
				rm.keyID[k] = id
				ch.Keys[k] = id
			}
		}
		row := entityRow(id, e)
		if rm.digest[id] != row.Digest {
			// The lookup names change only with the aliases.
			if aliasesOf(rm.digest[id]) == aliasesOf(row.Digest) {
				row.Names = nil
			}
			rm.digest[id] = row.Digest
			ch.Entities = append(ch.Entities, row)
		}
	}
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
	row.Names = []string{}
	for n := range names {
		row.Names = append(row.Names, n)
	}
	slices.Sort(row.Names)
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%q", e.Canonical, e.Aliases)
	nameDigest := hex.EncodeToString(h.Sum(nil)[:8])
	fmt.Fprintf(h, "\x00%s\x00%d\x00%d\x00%q", e.Type, e.Mentions, row.ArticleCount, e.Roles)
	row.Digest = nameDigest + "." + hex.EncodeToString(h.Sum(nil)[:8])
	return row
}

// aliasesOf returns the part of an entity row digest that covers its name
// and aliases.
func aliasesOf(digest string) string {
	name, _, _ := strings.Cut(digest, ".")
	return name
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
