package pipeline

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"
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
//
// The registry lives in the store, a node per entity key and an index of
// the groups' members (see entity.Node.Groups and entity.GroupIndex),
// written with the batch that changes them. A batch refolds only the nodes linked by
// fold groups to the keys it mentions, read on demand through a bounded
// cache: its cost follows the batch, not the archive. Only the goroutine
// committing batches uses it.
type readModel struct {
	store storage.Store
	// through is the last article whose mentions the registry holds
	// (those after it are being re-analysed); math.MaxInt64 when it holds
	// every stored article.
	through int64
	// seq is the order of the next new key.
	seq int64
	// fresh: the stored registry is being rebuilt from scratch and is not
	// read; reset: the next batch clears it.
	fresh, reset bool
	nodes        genCache[string, *entity.Node]
	groups       genCache[string, *[]string]
	// states holds the stored state of entities as the batches read or
	// wrote them (see packedState): an entity the batch refolds is read
	// from the store only when it is not here. Only the read model
	// writes entity rows, so what it wrote is what the store holds.
	states genCache[int64, packedState]
	// joined holds the keys that joined groups not in the cache in this
	// batch (group → keys), merged in if the batch reads them.
	joined map[string][]string
	// legacy: the store may hold memberships as written before the index
	// of entityFormat (a row per membership under stateEntityGroup),
	// which are read as well; unmarked: the store holds no registry yet,
	// and the next batch marks it as holding the index only; packed: a
	// key's node is stored in its home index row (entityFormat), not in
	// a row of its own (entityFormatSplit, and stores before it).
	legacy, unmarked, packed bool
	// filter tells the index names the index has no rows under (nil:
	// the store's registry has no filter); filterAdds lists the index
	// names the batch writes rows under; filterNext the filter's shards
	// those change, stored with the batch and taken up at its end (till
	// then the filter tells what the store holds).
	filter     *groupFilter
	filterAdds []string
	filterNext map[uint16][]uint32
	// absent holds keys the batch looked up and the store does not hold.
	absent map[string]bool
	// created holds the keys whose nodes the batch created: no batch
	// stored them before, so their rows are inserted without a look for
	// stored ones (storage.Batch.NewState, ReadModel.NewKeys).
	created map[string]bool
	// parallel runs fn(0..n-1) on the pipeline's workers (nil: in turn).
	parallel func(n int, fn func(i int))
}

// each runs fn(0..n-1), on the pipeline's workers when it has them.
func (rm *readModel) each(n int, fn func(i int)) {
	if rm.parallel == nil || n < 2 {
		for i := range n {
			fn(i)
		}
		return
	}
	rm.parallel(n, fn)
}

// State names of the stored registry: a node per key, an index of the
// groups' members, and the next key's order.
//
// The index holds a row per key and index name of its groups (see
// entity.GroupIndex): a key's groups mostly spell one or two names alike,
// so a new key adds one or two rows instead of a row per group. A group's
// members are the keys of its index rows whose stored groups hold it.
// Stores written before stateEntityFormat held a row per membership
// (stateEntityGroup); those rows are read as well until the registry is
// rebuilt, and those of a key whose groups change are replaced.
//
// A key's node is kept in the index row of its fold group, the first of
// its groups, whose index name depends on the key alone (its home,
// entity.HomeIndex): a new key writes one row fewer, and reading a
// group's index rows reads the nodes of most of its members with them.
// The other index rows hold member. Registries written before
// (entityFormatSplit) keep a row per node under stateEntityNode, and are
// read and written so until they are rebuilt.
const (
	stateEntityNode   = "entity/n/"     // + key (entityFormatSplit)
	stateEntityMember = "entity/m/"     // + entity.GroupIndex(group) + "\x1f" + key
	stateEntityGroup  = "entity/g/"     // + group + "\x1f" + key (before stateEntityFormat)
	stateEntityFormat = "entity/format" // entityFormat when the registry has no stateEntityGroup rows
	stateEntitySeq    = "entity/seq"    // decimal
	registryCache     = 1 << 16         // nodes (and groups) kept between batches, per generation
)

// entityFormat is the content of stateEntityFormat: the index, with each
// key's node in its home row; entityFormatSplit: the index, with a row
// per node apart.
const (
	entityFormat      = "3"
	entityFormatSplit = "2"
)

// member is the content of an index row (not empty: some stores copy an
// empty blob as none).
var member = []byte{1}

// loadReadModel opens the stored registry of the articles up to through
// (0: none, math.MaxInt64: all), to be read through a cache of the given
// size (0: the default). It reads nothing proportional to the
// archive: nodes are read when a batch needs them.
func loadReadModel(ctx context.Context, st storage.Store, through int64, cache int) (*readModel, error) {
	if cache <= 0 {
		cache = registryCache
	}
	rm := &readModel{store: st, through: through, seq: 1}
	rm.nodes.max, rm.groups.max, rm.states.max = cache, cache, cache
	if through == 0 {
		rm.fresh, rm.reset = true, true
		return rm, nil
	}
	registry, err := st.ReadState(ctx, stateEntitySeq, func(b []byte) error {
		n, err := strconv.ParseInt(string(b), 10, 64)
		rm.seq = n
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("load entities: %w", err)
	}
	marked, err := st.ReadState(ctx, stateEntityFormat, func(b []byte) error {
		switch string(b) {
		case entityFormat:
			rm.packed = true
		case entityFormatSplit:
		default:
			return fmt.Errorf("unknown entity registry format %q", b)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("load entities: %w", err)
	}
	rm.legacy, rm.unmarked = registry && !marked, !registry
	filtered, err := st.ReadState(ctx, stateEntityFilterMark, func(b []byte) error {
		if string(b) != filterFormat {
			return fmt.Errorf("unknown entity group filter format %q", b)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("load entities: %w", err)
	}
	if filtered && !rm.legacy {
		rm.filter = newGroupFilter(false)
	}
	return rm, nil
}

// hasRegistry reports whether st holds a stored registry (stores made
// before it was stored must be re-analysed).
func hasRegistry(ctx context.Context, st storage.Store) (bool, error) {
	return st.ReadState(ctx, stateEntitySeq, func([]byte) error { return nil })
}

// genCache keeps recently used values: two generations of at most max
// entries each (beyond a batch's own), the older dropped as a whole.
type genCache[K comparable, V any] struct {
	cur, old map[K]V
	max      int
}

func (c *genCache[K, V]) get(k K) (V, bool) {
	if v, ok := c.cur[k]; ok {
		return v, true
	}
	v, ok := c.old[k]
	if ok {
		c.put(k, v)
	}
	return v, ok
}

func (c *genCache[K, V]) put(k K, v V) {
	if c.cur == nil {
		c.cur = map[K]V{}
	}
	c.cur[k] = v
}

// drop removes k from the cache.
func (c *genCache[K, V]) drop(k K) {
	delete(c.cur, k)
	delete(c.old, k)
}

// rotate bounds the cache between batches.
func (c *genCache[K, V]) rotate() {
	if len(c.cur) > c.max {
		c.old, c.cur = c.cur, map[K]V{}
	}
}

func (c *genCache[K, V]) clear() { c.cur, c.old = nil, nil }

// node returns the registry node of key, or nil when there is none.
func (rm *readModel) node(ctx context.Context, key string) (*entity.Node, error) {
	if n, ok := rm.nodes.get(key); ok {
		return n, nil
	}
	if rm.fresh || rm.absent[key] {
		return nil, nil
	}
	var n *entity.Node
	if _, err := rm.store.ReadState(ctx, rm.nodeName(key), func(b []byte) error {
		var err error
		n, err = entity.UnmarshalNode(key, b)
		return err
	}); err != nil {
		return nil, fmt.Errorf("load entity %q: %w", key, err)
	}
	if n != nil {
		rm.nodes.put(key, n)
	}
	return n, nil
}

// nodeName returns the name of the state row holding key's node.
func (rm *readModel) nodeName(key string) string {
	if !rm.packed {
		return stateEntityNode + key
	}
	return homeName(key)
}

// homeName returns the name of key's home index row (see stateEntityMember).
func homeName(key string) string {
	return stateEntityMember + entity.HomeIndex(key) + "\x1f" + key
}

// isMember reports whether data is the content of an index row that holds
// no node.
func isMember(data []byte) bool { return len(data) == 1 && data[0] == member[0] }

// group returns the keys of a group's nodes; the list may be changed in
// place.
func (rm *readModel) group(ctx context.Context, g string) (*[]string, error) {
	if ks, ok := rm.groups.get(g); ok {
		return ks, nil
	}
	if err := rm.loadGroups(ctx, []string{g}); err != nil {
		return nil, err
	}
	ks, _ := rm.groups.get(g)
	return ks, nil
}

// loadGroups reads the groups of gs that are not in the cache, in one
// read of their index rows and one of the nodes those name, into the
// cache.
func (rm *readModel) loadGroups(ctx context.Context, gs []string) error {
	read := map[string]*[]string{}
	// byIndex lists the groups of gs read through each index name.
	byIndex := map[string][]string{}
	var prefixes []string
	filter := rm.filter
	if rm.fresh || rm.legacy {
		filter = nil
	}
	ixOf := make(map[string]string, len(gs))
	if filter != nil {
		ixs := make([]string, 0, len(gs))
		for _, g := range gs {
			if _, ok := rm.groups.get(g); !ok && ixOf[g] == "" {
				ixOf[g] = entity.GroupIndex(g)
				ixs = append(ixs, ixOf[g])
			}
		}
		if err := filter.load(ctx, rm.store, ixs); err != nil {
			return err
		}
	}
	for _, g := range gs {
		if _, ok := rm.groups.get(g); ok || read[g] != nil {
			continue
		}
		read[g] = new([]string)
		ix, ok := ixOf[g]
		if !ok {
			ix = entity.GroupIndex(g)
		}
		if filter != nil && !filter.has(ix) {
			// no key was ever indexed under ix: the group holds
			// only the keys that join it in this batch
			continue
		}
		if byIndex[ix] == nil {
			prefixes = append(prefixes, stateEntityMember+ix+"\x1f")
		}
		byIndex[ix] = append(byIndex[ix], g)
		if rm.legacy {
			prefixes = append(prefixes, stateEntityGroup+g+"\x1f")
		}
	}
	if len(read) == 0 {
		return nil
	}
	if !rm.fresh {
		// candidates holds the keys of each group's rows, which are
		// its members if their stored groups still hold it.
		candidates := map[string][]string{}
		var keys []string
		if err := rm.store.ReadStatesPrefixed(ctx, prefixes, func(name string, data []byte) error {
			// name is a prefix of gs, then the key
			rest, indexed := strings.CutPrefix(name, stateEntityMember)
			if !indexed {
				rest = name[len(stateEntityGroup):]
			}
			for i := range len(rest) {
				if rest[i] != '\x1f' {
					continue
				}
				head, k := rest[:i], rest[i+1:]
				if indexed && byIndex[head] != nil {
					for _, g := range byIndex[head] {
						candidates[g] = append(candidates[g], k)
					}
				} else if !indexed && read[head] != nil {
					candidates[head] = append(candidates[head], k)
				} else {
					continue
				}
				keys = append(keys, k)
				if indexed && rm.packed && !isMember(data) {
					// k's home row: its node, read with it
					if _, ok := rm.nodes.get(k); !ok {
						k = strings.Clone(k)
						n, err := entity.UnmarshalNode(k, data)
						if err != nil {
							return err
						}
						rm.nodes.put(k, n)
					}
				}
				return nil
			}
			return nil
		}); err != nil {
			return fmt.Errorf("load entity groups: %w", err)
		}
		if err := rm.loadNodes(ctx, keys); err != nil {
			return err
		}
		for g, ks := range candidates {
			if rm.legacy {
				slices.Sort(ks)
				ks = slices.Compact(ks)
			}
			for _, k := range ks {
				n, err := rm.node(ctx, k)
				if err != nil {
					return err
				}
				if n != nil && slices.Contains(n.Stored, g) {
					*read[g] = append(*read[g], k)
				}
			}
		}
	}
	for g, ks := range read {
		for _, k := range rm.joined[g] {
			if !slices.Contains(*ks, k) {
				*ks = append(*ks, k)
			}
		}
		rm.groups.put(g, ks)
	}
	return nil
}

// preloadNames reads what resolving the speakers and holders of as needs
// (see resolve) in a few reads: their nodes, then the groups their
// spellings fall in and those groups' nodes.
func (rm *readModel) preloadNames(ctx context.Context, as []model.Analysis) error {
	if rm.fresh {
		return nil
	}
	seen := map[string]bool{}
	var names []string
	for _, a := range as {
		for _, q := range a.Quotes {
			if q.Speaker != "" && !seen[q.Speaker] {
				seen[q.Speaker] = true
				names = append(names, q.Speaker)
			}
		}
		for _, st := range a.Stances {
			if st.Holder != "" && !seen[st.Holder] {
				seen[st.Holder] = true
				names = append(names, st.Holder)
			}
		}
	}
	if err := rm.loadNodes(ctx, names); err != nil {
		return err
	}
	// the names no node is keyed by: first their fold groups, then the
	// name groups of those whose fold group holds no node
	var left []string
	for _, name := range names {
		if n, ok := rm.nodes.get(name); !ok || n == nil {
			left = append(left, name)
		}
	}
	for stage := range 2 {
		var groups []string
		byName := map[string][]string{}
		for _, name := range left {
			fold, more := entity.LookupGroups(name)
			if stage == 0 {
				byName[name] = []string{fold}
			} else {
				byName[name] = more[:]
			}
			groups = append(groups, byName[name]...)
		}
		if err := rm.loadGroups(ctx, groups); err != nil {
			return err
		}
		var members []string
		for _, g := range groups {
			if ks, ok := rm.groups.get(g); ok {
				members = append(members, *ks...)
			}
		}
		if err := rm.loadNodes(ctx, members); err != nil {
			return err
		}
		next := left[:0]
		for _, name := range left {
			held := false
			for _, g := range byName[name] {
				if ks, ok := rm.groups.get(g); ok {
					for _, k := range *ks {
						if _, ok := rm.nodes.get(k); ok {
							held = true
						}
					}
				}
			}
			if !held {
				next = append(next, name)
			}
		}
		left = next
	}
	return nil
}

// loadNodes reads the stored nodes of the keys of ks that are not in the
// cache, in one read, into the cache, and notes those the store does not
// hold.
func (rm *readModel) loadNodes(ctx context.Context, ks []string) error {
	if rm.fresh {
		return nil
	}
	var names []string
	keyOf := map[string]string{}
	for _, k := range ks {
		if _, ok := rm.nodes.get(k); !ok && !rm.absent[k] {
			name := rm.nodeName(k)
			if _, ok := keyOf[name]; !ok {
				keyOf[name] = k
				names = append(names, name)
			}
		}
	}
	if len(names) == 0 {
		return nil
	}
	found := map[string]bool{}
	if err := rm.store.ReadStatesNamed(ctx, names, func(name string, b []byte) error {
		k, ok := keyOf[name]
		if !ok {
			return fmt.Errorf("entity row %q was not asked for", name)
		}
		found[k] = true
		if _, ok := rm.nodes.get(k); ok {
			return nil
		}
		n, err := entity.UnmarshalNode(k, b)
		if err != nil {
			return err
		}
		rm.nodes.put(k, n)
		return nil
	}); err != nil {
		return fmt.Errorf("load entities: %w", err)
	}
	if rm.absent == nil {
		rm.absent = map[string]bool{}
	}
	for _, k := range keyOf {
		if !found[k] {
			rm.absent[k] = true
		}
	}
	return nil
}

// apply adds to b what its analyses and moves change in the read model:
// the analyses as stored (character offsets, resolved speaker and holder
// keys), the entities that changed, and the regrouped claims of every
// story b touches. arts are the articles analysed (new or re-analysed),
// parallel to as; newStories gives the story of each new article.
func (rm *readModel) apply(ctx context.Context, b *storage.Batch, arts []*model.Article, as []model.Analysis) error {
	if len(as) > 0 {
		// What the batch changes is stored when it commits, before the
		// next batch.
		defer func() {
			rm.joined, rm.absent, rm.created = nil, nil, nil
			if rm.filter != nil {
				rm.filter.set(rm.filterNext)
			}
			rm.filterAdds, rm.filterNext = nil, nil
		}()
		if err := rm.fold(ctx, b, as); err != nil {
			return err
		}
		if err := rm.preloadNames(ctx, as); err != nil {
			return err
		}
		if len(b.Analysis) == 0 {
			b.Analysis = storedAnalyses(as)
		}
		for i := range as {
			if err := rm.stored(ctx, arts[i].Text, &b.Analysis[i]); err != nil {
				return err
			}
		}
		if rm.through != math.MaxInt64 {
			rm.through = max(rm.through, arts[len(arts)-1].ID)
		}
		rm.fresh = false
		rm.nodes.rotate()
		rm.groups.rotate()
		rm.states.rotate()
	}
	return rm.claims(ctx, b, arts)
}

// fold adds the batch's mentions to the registry, refolds what they
// touch and adds the changed registry nodes and entities to b.
func (rm *readModel) fold(ctx context.Context, b *storage.Batch, as []model.Analysis) error {
	if b.State == nil {
		b.State = map[string][]byte{}
	}
	resetting := rm.reset
	if rm.reset {
		// A re-analysis from scratch: the registry and entities start
		// afresh with this batch, which keeps the ids its keys had.
		b.ClearState = append(b.ClearState, stateEntityNode, stateEntityMember, stateEntityGroup, stateEntityFilter)
		rm.legacy, rm.unmarked = false, true
		b.ReadModel.ResetEntities = true
		rm.nodes.clear()
		rm.groups.clear()
		rm.states.clear()
		rm.reset = false
	}
	if rm.unmarked {
		// a registry without rows: its index is covered by a filter
		// from its first row on
		b.State[stateEntityFormat] = []byte(entityFormat)
		b.State[stateEntityFilterMark] = []byte(filterFormat)
		rm.filter = newGroupFilter(true)
		rm.unmarked, rm.packed = false, true
	}
	keys, err := rm.preload(ctx, as)
	if err != nil {
		return err
	}
	// the maps below hold about a row per distinct key of the batch:
	// sized once, not grown as rows come
	rm.created = make(map[string]bool, keys)
	rm.joined = make(map[string][]string, keys)
	touched := make([]*entity.Node, 0, keys)
	// batchArts lists, per key, the batch's articles mentioning it.
	batchArts := make(map[string][]int, keys)
	for i, a := range as {
		for _, m := range a.Mentions {
			k := cmp.Or(m.Key, m.Text)
			if k == "" {
				continue
			}
			n, err := rm.node(ctx, k)
			if err != nil {
				return err
			}
			if n == nil {
				// a copy: a mention's key may be a slice of its
				// article's text, which the cached node would
				// otherwise keep in memory
				k = strings.Clone(k)
				n = entity.NewNode(k, rm.seq)
				rm.seq++
				rm.nodes.put(k, n)
				rm.created[k] = true
			}
			arts := batchArts[k]
			first := len(arts) == 0 || arts[len(arts)-1] != i
			if len(arts) == 0 {
				touched = append(touched, n)
			}
			if first {
				batchArts[k] = append(arts, i)
			}
			n.Add(m, first)
		}
	}
	// What the batch writes, sized once instead of grown row by row: a
	// batch of 2,000 articles touched about 9,700 keys, most of them
	// created, and wrote about 2.3 state rows and one entity key a key.
	b.State = withRoom(b.State, 5*len(touched)/2)
	if len(rm.created) > 0 {
		b.NewState = withRoom(b.NewState, 5*len(rm.created)/2)
		b.ReadModel.Keys = withRoom(b.ReadModel.Keys, len(rm.created))
	}
	b.State[stateEntitySeq] = strconv.AppendInt(nil, rm.seq, 10)
	if resetting {
		keys := make([]string, len(touched))
		byKey := make(map[string]*entity.Node, len(touched))
		for i, n := range touched {
			keys[i] = n.Key()
			byKey[n.Key()] = n
		}
		if err := rm.store.EntityKeyIDs(ctx, keys, func(k string, id int64) error {
			byKey[k].ID = id
			return nil
		}); err != nil {
			return err
		}
	}
	if err := rm.entities(ctx, b, touched, batchArts, resetting); err != nil {
		return err
	}
	return rm.writeFilter(ctx, b)
}

// writeFilter adds to b the filter's shards that change with the index
// names the batch writes rows under (see filterNext).
func (rm *readModel) writeFilter(ctx context.Context, b *storage.Batch) error {
	adds := rm.filterAdds
	rm.filterAdds = nil
	if rm.filter == nil || len(adds) == 0 {
		return nil
	}
	if err := rm.filter.load(ctx, rm.store, adds); err != nil {
		return err
	}
	rm.filterNext = rm.filter.with(adds)
	writeShards(b.State, rm.filterNext)
	return nil
}

// preload reads the stored nodes of the keys as mentions that are not in
// the cache, in one read (see loadNodes), and returns how many keys as
// mentions.
func (rm *readModel) preload(ctx context.Context, as []model.Analysis) (int, error) {
	n := 0
	for _, a := range as {
		n += len(a.Mentions)
	}
	seen := make(map[string]bool, n)
	var keys []string
	for _, a := range as {
		for _, m := range a.Mentions {
			if k := cmp.Or(m.Key, m.Text); k != "" && !seen[k] {
				seen[k] = true
				keys = append(keys, k)
			}
		}
	}
	return len(keys), rm.loadNodes(ctx, keys)
}

// withRoom returns a copy of m with room for n more entries.
func withRoom[K comparable, V any](m map[K]V, n int) map[K]V {
	out := make(map[K]V, len(m)+n)
	maps.Copy(out, m)
	return out
}

// storedAnalyses returns the analyses as to be stored, before the read
// model adds what it resolves (see stored).
func storedAnalyses(as []model.Analysis) []storage.Analysis {
	out := make([]storage.Analysis, len(as))
	for i, a := range as {
		out[i].Analysis = a
	}
	return out
}

// addChars sets the character offsets of the quotes and stances of out
// into text, the article's. They depend on nothing else, so a batch's
// are computed as it is prepared, in parallel, instead of in the ordered
// commit (see stored).
func addChars(text string, out *storage.Analysis) {
	conv := runeOffsets(text)
	a := &out.Analysis
	if len(a.Quotes) > 0 {
		out.QuoteChars = make([]model.Span, len(a.Quotes))
		for i, q := range a.Quotes {
			out.QuoteChars[i] = model.Span{Start: conv(q.Start), End: conv(q.End)}
		}
	}
	if len(a.Stances) > 0 {
		out.StanceChars = make([]model.Span, len(a.Stances))
		for i, s := range a.Stances {
			out.StanceChars[i] = model.Span{Start: conv(s.Start), End: conv(s.End)}
		}
	}
}

// stored completes an analysis as the store keeps it: its quotes' and
// stances' character offsets, unless addChars set them, and resolved
// keys. It changes no field of the embedded model.Analysis, which a
// store may be writing meanwhile (see storage.OverlappedWriter).
func (rm *readModel) stored(ctx context.Context, text string, out *storage.Analysis) error {
	a := &out.Analysis
	if len(out.QuoteChars) != len(a.Quotes) || len(out.StanceChars) != len(a.Stances) {
		addChars(text, out)
	}
	out.SpeakerKeys = slices.Grow(out.SpeakerKeys[:0], len(a.Quotes))
	for _, q := range a.Quotes {
		k, err := rm.resolve(ctx, q.Speaker)
		if err != nil {
			return err
		}
		out.SpeakerKeys = append(out.SpeakerKeys, k)
	}
	out.HolderKeys = slices.Grow(out.HolderKeys[:0], len(a.Stances))
	for _, s := range a.Stances {
		k, err := rm.resolve(ctx, s.Holder)
		if err != nil {
			return err
		}
		out.HolderKeys = append(out.HolderKeys, k)
	}
	return nil
}

// resolve returns the entity key a speaker or holder name stands for: the
// canonical name of its entity (itself an entity key), or the name. As the
// registry's Canonical does, it tries the name as a key, then the first
// key spelt like it, then the entity all keys written as it (or as its
// phonetic key) belong to.
func (rm *readModel) resolve(ctx context.Context, name string) (string, error) {
	if name == "" {
		return "", nil
	}
	n, err := rm.node(ctx, name)
	if err != nil {
		return "", err
	}
	if n != nil {
		return cmp.Or(n.Canonical, name), nil
	}
	fold, names := entity.LookupGroups(name)
	ks, err := rm.group(ctx, fold)
	if err != nil {
		return "", err
	}
	var first *entity.Node
	for _, k := range *ks {
		n, err := rm.node(ctx, k)
		if err != nil {
			return "", err
		}
		if n != nil && (first == nil || n.Seq() < first.Seq()) {
			first = n
		}
	}
	if first != nil {
		return cmp.Or(first.Canonical, name), nil
	}
	for _, g := range names {
		ks, err := rm.group(ctx, g)
		if err != nil {
			return "", err
		}
		var one *entity.Node
		for _, k := range *ks {
			n, err := rm.node(ctx, k)
			if err != nil {
				return "", err
			}
			if n == nil {
				continue
			}
			if one != nil && n.ID != one.ID {
				one = nil
				break
			}
			one = n
		}
		if one != nil {
			return cmp.Or(one.Canonical, name), nil
		}
	}
	return name, nil
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

// entities refolds the nodes linked to the touched ones and adds to b the
// nodes, memberships, entity rows and keys that changed. Only entities
// that hold a touched key, or a key whose entity changed, are rebuilt. An
// entity keeps the id of the entities it absorbed (the smallest), so ids
// stay stable as articles are added.
//
// When resetting, the stored entities are about to be deleted: every
// entity is written, and the ids its keys had serve only to keep them.
func (rm *readModel) entities(ctx context.Context, b *storage.Batch, touched []*entity.Node, batchArts map[string][]int, resetting bool) error {
	if len(touched) == 0 {
		return nil
	}
	// Memberships that changed; the groups a touched node left still
	// link it to what it folded with.
	before := make(map[string][]string, len(touched))
	write := make(map[*entity.Node]bool, len(touched))
	for _, n := range touched {
		write[n] = true
		gs := n.Groups()
		if slices.Equal(gs, n.Stored) {
			continue
		}
		before[n.Key()] = n.Stored
		for _, g := range gs {
			if slices.Contains(n.Stored, g) {
				continue
			}
			if ks, ok := rm.groups.get(g); ok {
				*ks = append(*ks, n.Key())
			} else {
				rm.joined[g] = append(rm.joined[g], n.Key())
			}
		}
		for _, g := range n.Stored {
			if slices.Contains(gs, g) {
				continue
			}
			if ks, ok := rm.groups.get(g); ok {
				if i := slices.Index(*ks, n.Key()); i >= 0 {
					*ks = slices.Delete(*ks, i, i+1)
				}
			}
			if rm.legacy {
				b.State[stateEntityGroup+g+"\x1f"+n.Key()] = nil
			}
		}
		rm.index(b, n.Key(), n.Stored, gs)
		n.Stored = gs
	}
	// The nodes linked to the touched ones by fold groups, now or before,
	// found a step at a time: the nodes and groups of each step are read
	// in one read each.
	inSet := make(map[string]bool, 2*len(touched))
	nodes := make([]*entity.Node, 0, 2*len(touched))
	seenGroup := make(map[string]bool, 2*len(touched))
	step := make([]string, 0, len(touched))
	for _, n := range touched {
		step = append(step, n.Key())
	}
	for len(step) > 0 {
		if err := rm.loadNodes(ctx, step); err != nil {
			return err
		}
		var groups []string
		for _, k := range step {
			if inSet[k] {
				continue
			}
			n, err := rm.node(ctx, k)
			if err != nil {
				return err
			}
			if n == nil {
				return fmt.Errorf("entity key %q is in a group but has no node", k)
			}
			inSet[k] = true
			nodes = append(nodes, n)
			for _, gs := range [][]string{n.Stored, before[k]} {
				for _, g := range gs {
					if entity.IsFoldGroup(g) && !seenGroup[g] {
						seenGroup[g] = true
						groups = append(groups, g)
					}
				}
			}
		}
		if err := rm.loadGroups(ctx, groups); err != nil {
			return err
		}
		step = step[:0:0]
		for _, g := range groups {
			ks, err := rm.group(ctx, g)
			if err != nil {
				return err
			}
			for _, j := range *ks {
				if !inSet[j] {
					step = append(step, j)
				}
			}
		}
	}
	slices.SortFunc(nodes, func(x, y *entity.Node) int { return cmp.Compare(x.Seq(), y.Seq()) })
	f := entity.Fold(nodes)
	idx := make(map[string]int, len(nodes))
	byRoot := make(map[int][]int, len(nodes))
	for i, n := range nodes {
		idx[n.Key()] = i
		r := f.Root(i)
		byRoot[r] = append(byRoot[r], i)
	}
	// Affected keys: those touched by the batch, and every key of an
	// entity that changed, before and after.
	affected := make(map[int]bool, len(touched))
	for _, n := range touched {
		affected[idx[n.Key()]] = true
	}
	oldBy := make(map[string][]int, len(nodes))
	var changed []int
	for i, n := range nodes {
		oldBy[n.Canonical] = append(oldBy[n.Canonical], i)
		if n.Canonical != "" && n.Canonical != f.Canonical(i) {
			changed = append(changed, i)
		}
	}
	for _, i := range changed {
		affected[i] = true
		for _, j := range oldBy[nodes[i].Canonical] {
			affected[j] = true
		}
	}
	roots := map[int]bool{}
	for i := range affected {
		roots[f.Root(i)] = true
	}
	ents := f.Entities(roots)
	rootOf := make(map[string]int, len(roots))
	for r := range roots {
		rootOf[f.Canonical(r)] = r
	}
	// Larger entities choose their id first (sorted through their
	// indexes, cheaper to move than entities).
	order := make([]int, len(ents))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(i, j int) int {
		x, y := &ents[i], &ents[j]
		if x.Mentions != y.Mentions {
			return y.Mentions - x.Mentions
		}
		return strings.Compare(x.Canonical, y.Canonical)
	})
	byOrder := make([]model.Entity, len(ents))
	for i, k := range order {
		byOrder[i] = ents[k]
	}
	ents = byOrder
	// The stored entities of their keys, and how many keys each has here.
	stored := map[int64]entityState{}
	keysOf := map[int64]int{}
	var oldIDs []int64
	for i, n := range nodes {
		if n.ID == 0 {
			continue
		}
		if roots[f.Root(i)] {
			oldIDs = append(oldIDs, n.ID)
		}
		keysOf[n.ID]++
	}
	slices.Sort(oldIDs)
	oldIDs = slices.Compact(oldIDs)
	if resetting {
		oldIDs = nil
	}
	// the states cached are those stored; the others are read
	unread := oldIDs[:0]
	for _, id := range oldIDs {
		if s, ok := rm.states.get(id); ok {
			stored[id] = s.unpack()
		} else {
			unread = append(unread, id)
		}
	}
	if err := rm.store.EntityStates(ctx, unread, func(id int64, d string, n int) error {
		stored[id] = entityState{d, n}
		rm.cacheState(id, stored[id])
		return nil
	}); err != nil {
		return err
	}
	taken := map[int64]bool{}
	ids := make([]int64, len(ents))
	var need []int
	for i, e := range ents {
		best := int64(0)
		for _, j := range byRoot[rootOf[e.Canonical]] {
			if id := nodes[j].ID; id != 0 && !taken[id] && (best == 0 || id < best) {
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
	ch := &b.ReadModel
	if ch.Keys == nil {
		ch.Keys = map[string]int64{}
	}
	reserved := make(map[int64]bool, len(need))
	for _, i := range need {
		reserved[ids[i]] = true
	}
	// Ids the affected keys had that no entity keeps are dropped.
	dropped := map[int64]bool{}
	for i := range affected {
		if id := nodes[i].ID; id != 0 && !taken[id] && !dropped[id] {
			if _, ok := stored[id]; ok {
				dropped[id] = true
				ch.DropEntities = append(ch.DropEntities, id)
				rm.states.drop(id)
			}
		}
	}
	slices.Sort(ch.DropEntities)
	members := make([][]int, len(ents))
	for i, e := range ents {
		members[i] = byRoot[rootOf[e.Canonical]]
	}
	var counts []int
	if resetting {
		// Every article of the registry is in the batch.
		counts = make([]int, len(ents))
		for i, ms := range members {
			counts[i] = len(batchArticles(nodes, ms, batchArts))
		}
	} else {
		var err error
		if counts, err = rm.articleCounts(ctx, nodes, members, batchArts, stored, keysOf); err != nil {
			return err
		}
	}
	// at most one row an entity: grown once, not doubled as rows come
	ch.Entities = slices.Grow(ch.Entities, len(ents))
	for i, e := range ents {
		id := ids[i]
		members, n := members[i], counts[i]
		for _, j := range members {
			nd := nodes[j]
			if nd.ID != id || resetting {
				nd.ID = id
				ch.Keys[nd.Key()] = id
				if rm.created[nd.Key()] {
					if ch.NewKeys == nil {
						ch.NewKeys = map[string]bool{}
					}
					ch.NewKeys[nd.Key()] = true
				}
				write[nd] = true
			}
			if nd.Canonical != e.Canonical {
				nd.Canonical = e.Canonical
				write[nd] = true
			}
		}
		row := entityRow(id, e, n)
		row.New = reserved[id]
		rm.cacheState(id, entityState{row.Digest, n})
		if old := stored[id].digest; old != row.Digest {
			// The lookup names change only with the aliases.
			if aliasesOf(old) != aliasesOf(row.Digest) {
				row.Names = lookupNames(e)
			}
			ch.Entities = append(ch.Entities, row)
		}
	}
	for n := range write {
		data, err := n.MarshalBinary()
		if err != nil {
			return err
		}
		name := rm.nodeName(n.Key())
		b.State[name] = data
		rm.markNew(b, n.Key(), name)
	}
	return nil
}

// markNew notes state row name of key in b.NewState when the batch
// created key: no batch stored the row before.
func (rm *readModel) markNew(b *storage.Batch, key, name string) {
	if !rm.created[key] {
		return
	}
	if b.NewState == nil {
		b.NewState = map[string]bool{}
	}
	b.NewState[name] = true
}

// index adds to b the index rows of key that change when its groups go
// from stored to now. With legacy rows about, the key's groups may be
// indexed by those alone, so every index row of now is written.
func (rm *readModel) index(b *storage.Batch, key string, stored, now []string) {
	// a node has a handful of groups: lists, not sets (a name listed
	// twice is written twice, alike)
	var buf [16]string
	ixs := buf[:0]
	for _, g := range stored {
		ixs = append(ixs, entity.GroupIndex(g))
	}
	for _, g := range now {
		ixs = append(ixs, entity.GroupIndex(g))
	}
	before, after := ixs[:len(stored)], ixs[len(stored):]
	// the home row holds the node, written with it (see entities)
	home := ""
	if rm.packed {
		home = entity.HomeIndex(key)
	}
	for _, ix := range after {
		if rm.legacy || !slices.Contains(before, ix) {
			if ix != home {
				name := stateEntityMember + ix + "\x1f" + key
				b.State[name] = member
				rm.markNew(b, key, name)
			}
			if rm.filter != nil {
				rm.filterAdds = append(rm.filterAdds, ix)
			}
		}
	}
	for _, ix := range before {
		if ix != home && !slices.Contains(after, ix) {
			b.State[stateEntityMember+ix+"\x1f"+key] = nil
		}
	}
}

// batchArticles returns the batch's articles that mention the keys of
// members (indexes into nodes).
func batchArticles(nodes []*entity.Node, members []int, batchArts map[string][]int) map[int]bool {
	batch := map[int]bool{}
	for _, j := range members {
		for _, a := range batchArts[nodes[j].Key()] {
			batch[a] = true
		}
	}
	return batch
}

// entityState is what a batch reads of a stored entity.
type entityState struct {
	digest   string
	articles int
}

// packedState is an entityState as the read model caches it: the two
// halves of the digest (see entityDigest) as bytes. It holds no
// pointer, so the collector does not scan the cache's entries.
type packedState struct {
	name, row [8]byte
	articles  int
}

// pack returns s packed, and false when its digest is not of the form
// entityDigest makes.
func (s entityState) pack() (packedState, bool) {
	p := packedState{articles: s.articles}
	name, row, ok := strings.Cut(s.digest, ".")
	if !ok || len(name) != 2*len(p.name) || len(row) != 2*len(p.row) {
		return p, false
	}
	if _, err := hex.Decode(p.name[:], []byte(name)); err != nil {
		return p, false
	}
	if _, err := hex.Decode(p.row[:], []byte(row)); err != nil {
		return p, false
	}
	// upper case hex decodes too, but would not read back alike
	return p, p.unpack() == s
}

// unpack returns the entityState p packs.
func (p packedState) unpack() entityState {
	b := make([]byte, 0, 4*len(p.name)+1)
	b = hex.AppendEncode(b, p.name[:])
	b = append(b, '.')
	b = hex.AppendEncode(b, p.row[:])
	return entityState{string(b), p.articles}
}

// cacheState notes that the store holds state s of entity id; a state
// that cannot be packed is dropped from the cache, to be read again.
func (rm *readModel) cacheState(id int64, s entityState) {
	if p, ok := s.pack(); ok {
		rm.states.put(id, p)
	} else {
		rm.states.drop(id)
	}
}

// articleCounts returns, for each entity made of members[i] (indexes
// into nodes), the number of articles that mention its keys: the stored
// count of the entity they were when they were all of it, plus the
// batch's articles; otherwise (entities merged or split) the stored
// mentions counted, every such entity's in one call to the store.
func (rm *readModel) articleCounts(ctx context.Context, nodes []*entity.Node, members [][]int, batchArts map[string][]int, stored map[int64]entityState, keysOf map[int64]int) ([]int, error) {
	counts := make([]int, len(members))
	var groups [][]string
	var of []int
	for i, ms := range members {
		counts[i] = len(batchArticles(nodes, ms, batchArts))
		ids := map[int64]int{}
		for _, j := range ms {
			if id := nodes[j].ID; id != 0 {
				ids[id]++
			}
		}
		if len(ids) == 0 {
			continue
		}
		if len(ids) == 1 {
			var id int64
			var k int
			for id, k = range ids {
			}
			if s, ok := stored[id]; ok && k == keysOf[id] {
				counts[i] += s.articles
				continue
			}
		}
		keys := make([]string, 0, len(ms))
		for _, j := range ms {
			keys = append(keys, nodes[j].Key())
		}
		groups = append(groups, keys)
		of = append(of, i)
	}
	if len(groups) == 0 {
		return counts, nil
	}
	err := rm.store.KeyArticleCounts(ctx, groups, rm.through, func(g, n int) error {
		counts[of[g]] += n
		return nil
	})
	return counts, err
}

// entityRow returns the stored row of an entity, without its lookup
// names (see lookupNames).
func entityRow(id int64, e model.Entity, articles int) storage.EntityRow {
	e.ID = id
	row := storage.EntityRow{Entity: e, ArticleCount: articles}
	row.Articles = nil
	row.Digest = entityDigest(e, articles)
	return row
}

// lookupNames returns the lookup names of an entity: the lookup keys of
// its name and every alias, sorted.
func lookupNames(e model.Entity) []string {
	names := map[string]bool{}
	for _, a := range append([]string{e.Canonical}, e.Aliases...) {
		for _, k := range entity.LookupKeys(a) {
			if k != "" {
				names[k] = true
			}
		}
	}
	out := make([]string, 0, len(names))
	for n := range names {
		out = append(out, n)
	}
	slices.Sort(out)
	return out
}

// entityDigest returns the digest of an entity row: that of its name and
// aliases, a dot, then that of the whole row. It hashes what
//
//	fmt.Fprintf(h, "%s\x00%q", e.Canonical, e.Aliases)
//	fmt.Fprintf(h, "\x00%s\x00%d\x00%d\x00%q", e.Type, e.Mentions, articles, e.Roles)
//
// writes, without fmt.
func entityDigest(e model.Entity, articles int) string {
	b := make([]byte, 0, 256)
	b = append(b, e.Canonical...)
	b = append(b, 0)
	b = appendQuotedList(b, e.Aliases)
	h := sha256.New()
	h.Write(b)
	var sum [sha256.Size]byte
	out := make([]byte, 0, 33)
	out = hex.AppendEncode(out, h.Sum(sum[:0])[:8])
	b = append(b[:0], 0)
	b = append(b, e.Type...)
	b = append(b, 0)
	b = strconv.AppendInt(b, int64(e.Mentions), 10)
	b = append(b, 0)
	b = strconv.AppendInt(b, int64(articles), 10)
	b = append(b, 0)
	b = appendQuotedList(b, e.Roles)
	h.Write(b)
	out = append(out, '.')
	out = hex.AppendEncode(out, h.Sum(sum[:0])[:8])
	return string(out)
}

// appendQuotedList appends a list of strings as fmt's %q prints it:
// ["a" "b"].
func appendQuotedList(b []byte, list []string) []byte {
	b = append(b, '[')
	for i, s := range list {
		if i > 0 {
			b = append(b, ' ')
		}
		b = strconv.AppendQuote(b, s)
	}
	return append(b, ']')
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
	// Each story's stances are grouped on their own, the stories at once;
	// the claims' ids are then chosen in order.
	grouped := make([][]claim.Claim, len(ids))
	rm.each(len(ids), func(i int) {
		ms := byStory[ids[i]]
		slices.SortFunc(ms, func(x, y member) int {
			if x.ref.ArticleID != y.ref.ArticleID {
				return cmp.Compare(x.ref.ArticleID, y.ref.ArticleID)
			}
			return x.ref.Seq - y.ref.Seq
		})
		sms := make([]model.StanceMention, len(ms))
		for i, m := range ms {
			sms[i] = m.sm
		}
		grouped[i] = claim.Group(sms)
	})
	taken := map[int64]bool{}
	var need []*storage.ClaimGroup
	for si, sid := range ids {
		ms := byStory[sid]
		where := make(map[stanceKey][]int, len(ms))
		for i, m := range ms {
			k := keyOf(m.sm)
			where[k] = append(where[k], i)
		}
		for _, g := range grouped[si] {
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
