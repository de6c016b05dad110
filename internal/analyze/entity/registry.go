package entity

import (
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/model"
)

// Registry folds entity mentions across the articles of a corpus: keys that
// are spelling variants of one name, surname-only keys of a unique full
// name, and acronyms of a unique expansion become one entity. It holds
// every key in memory; a reader of a large archive folds persisted Nodes
// with Fold instead. It is safe for concurrent use.
type Registry struct {
	mu    sync.Mutex
	nodes []*node
	byKey map[string]int
	// resolution, recomputed after Add
	dirty bool
	f     *folding
	// byAlias maps surface forms and surnames to a node (-1: ambiguous).
	byAlias map[string]int
}

// node is one in-article key seen in the corpus.
type node struct {
	key      string
	seq      int64 // order first seen
	votes    typeVotes
	aliases  []string
	roles    []string
	mentions int
	full     int // mentions written exactly as the key
	nart     int // articles mentioning it
	articles []string
	artSet   map[string]bool
	words    []string // phonetic key words
}

func newNode(key string, seq int64) *node {
	return &node{key: key, seq: seq, words: strings.Fields(phoneticKey(key))}
}

// typeVotes counts mentions by entity type, in the order of nodeTypes; a
// type outside it is not counted (no decision reads it).
type typeVotes [len(nodeTypes)]int

// typeIndex returns the index of t in nodeTypes, or -1.
func typeIndex(t model.EntityType) int {
	switch t {
	case model.Person:
		return 0
	case model.Organization:
		return 1
	case model.Place:
		return 2
	case model.Other:
		return 3
	}
	return -1
}

// of returns the votes for t.
func (v *typeVotes) of(t model.EntityType) int {
	if i := typeIndex(t); i >= 0 {
		return v[i]
	}
	return 0
}

// add counts one mention of the node; first tells whether it is the
// first in its article.
func (n *node) add(m model.Mention, first bool) {
	if i := typeIndex(m.Type); i >= 0 {
		n.votes[i]++
	}
	n.mentions++
	if m.Text == n.key {
		n.full++
	}
	n.aliases = addUnique(n.aliases, m.Text)
	if m.Role != "" {
		n.roles = addUnique(n.roles, m.Role)
	}
	if first {
		n.nart++
	}
}

// NewRegistry returns an empty Registry.
func NewRegistry() *Registry {
	return &Registry{byKey: map[string]int{}}
}

// addUnique adds s to list unless it holds it. The string kept is a copy:
// a mention's text is a slice of its article's text, and a node outlives
// the article (the pipeline keeps recent nodes between batches), so
// keeping the slice would keep the whole article in memory.
func addUnique(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, strings.Clone(s))
}

// Add adds the mentions of one article.
func (g *Registry) Add(articleExternalID string, ms []model.Mention) {
	g.mu.Lock()
	defer g.mu.Unlock()
	for _, m := range ms {
		key := m.Key
		if key == "" {
			key = m.Text
		}
		if key == "" {
			continue
		}
		i, ok := g.byKey[key]
		if !ok {
			i = len(g.nodes)
			g.byKey[key] = i
			n := newNode(key, int64(i))
			n.artSet = map[string]bool{}
			g.nodes = append(g.nodes, n)
		}
		n := g.nodes[i]
		first := !n.artSet[articleExternalID]
		n.add(m, first)
		if first {
			n.artSet[articleExternalID] = true
			n.articles = append(n.articles, articleExternalID)
		}
	}
	g.dirty = true
}

// typ returns the node's majority type, preferring named types to Other.
func (n *node) typ() model.EntityType {
	best, bestN := model.Other, 0
	for _, t := range []model.EntityType{model.Person, model.Organization, model.Place} {
		if v := n.votes.of(t); v > bestN {
			best, bestN = t, v
		}
	}
	return best
}

// folding is the resolution of a set of nodes: which fold into one entity
// and under which canonical name.
type folding struct {
	nodes  []*node
	root   []int
	types  []model.EntityType
	canon  []string
	byFold map[string]int
}

func (g *folding) find(i int) int {
	for g.root[i] != i {
		g.root[i] = g.root[g.root[i]]
		i = g.root[i]
	}
	return i
}

func (g *folding) union(a, b int) {
	a, b = g.find(a), g.find(b)
	if a != b {
		if b < a {
			a, b = b, a
		}
		g.root[b] = a
	}
}

// compatible reports whether two types may name one entity.
func compatible(a, b model.EntityType) bool {
	return a == b || a == model.Other || b == model.Other
}

// sameFirst reports whether two first-name keys are variants of one name.
func sameFirst(a, b string) bool {
	if a == b {
		return true
	}
	if len(a) == 1 || len(b) == 1 {
		return a[0] == b[0]
	}
	return sameSkeleton(a, b)
}

// sameSkeleton reports whether skeleton(a) == skeleton(b) without building
// either: the folding compares the first names of every pair of full names
// that share a surname, which made skeleton's strings most of its cost.
func sameSkeleton(a, b string) bool {
	i, j := 0, 0
	for {
		ra, ni := skeletonNext(a, i)
		rb, nj := skeletonNext(b, j)
		if ra != rb {
			return false
		}
		if ra < 0 {
			return true
		}
		i, j = ni, nj
	}
}

// skeletonNext returns the next rune of skeleton(k) read from byte i of k
// on, and the byte after it; -1 at the end. Invalid bytes read as
// utf8.RuneError, as ranging over k does.
func skeletonNext(k string, i int) (rune, int) {
	for i < len(k) {
		r, n := utf8.DecodeRuneInString(k[i:])
		if i == 0 || !strings.ContainsRune("aeiou", r) {
			return r, i + n
		}
		i += n
	}
	return -1, i
}

// compatibleNames reports whether two person names (phonetic key words,
// same surname) may name one person: word by word compatible when of equal
// length ("George W. Bush" is not "George H. Bush"), otherwise the shorter
// is a sub-sequence of the longer with a compatible first name.
func compatibleNames(a, b []string) bool {
	if len(a) == len(b) {
		for i := range a {
			if !sameFirst(a[i], b[i]) {
				return false
			}
		}
		return true
	}
	return sameFirst(a[0], b[0]) && (subseq(a, b) || subseq(b, a))
}

// resolve recomputes the folding. g.mu must be held.
func (g *Registry) resolve() {
	if !g.dirty && g.f != nil {
		return
	}
	g.f = fold(g.nodes)
	g.byAlias = map[string]int{}
	setAlias := func(a string, i int) {
		if j, ok := g.byAlias[a]; ok && (j < 0 || g.f.find(j) != g.f.find(i)) {
			g.byAlias[a] = -1
			return
		}
		g.byAlias[a] = i
	}
	for i, nd := range g.nodes {
		for _, a := range nd.lookupNames(g.f.types[i]) {
			setAlias(a, i)
		}
	}
	g.dirty = false
}

// lookupNames returns the names under which Canonical finds a node of type
// typ besides its key: its surface forms, their phonetic keys and, for a
// person, the surname.
func (n *node) lookupNames(typ model.EntityType) []string {
	out := make([]string, 0, 2*len(n.aliases)+1)
	for _, a := range n.aliases {
		out = append(out, a, phoneticKey(a))
	}
	if typ == model.Person && len(n.words) >= 2 {
		out = append(out, n.words[len(n.words)-1])
	}
	return out
}

// fold resolves nodes, given in the order they were first seen. Every
// decision for a node reads only nodes sharing one of its fold groups (see
// Node.Groups), so a set of nodes closed under those groups folds as it
// does within the whole corpus.
func fold(nodes []*node) *folding {
	n := len(nodes)
	g := &folding{nodes: nodes, root: make([]int, n), types: make([]model.EntityType, n)}
	for i := range g.root {
		g.root[i] = i
	}
	types := g.types
	for i, nd := range nodes {
		types[i] = nd.typ()
	}
	// same phonetic key
	byFold := map[string]int{}
	for i, nd := range nodes {
		k := foldMapKey(nd.key, nd.words)
		if j, ok := byFold[k]; ok && compatible(types[i], types[j]) {
			g.union(i, j)
		} else if !ok {
			byFold[k] = i
		}
	}
	// persons sharing a surname and a compatible first name; longer names
	// that contain shorter ones
	bySurname := map[string][]int{}
	for i, nd := range nodes {
		if types[i] == model.Person && len(nd.words) >= 2 {
			s := nd.words[len(nd.words)-1]
			bySurname[s] = append(bySurname[s], i)
		}
	}
	for _, list := range bySurname {
		// full first names first; names with an initial ("J. Smith") join
		// only when one entity fits, so they never bridge two people
		for x := 0; x < len(list); x++ {
			a := nodes[list[x]].words
			if len(a[0]) == 1 {
				continue
			}
			for y := 0; y < x; y++ {
				b := nodes[list[y]].words
				if len(b[0]) > 1 && compatibleNames(a, b) {
					g.union(list[x], list[y])
				}
			}
		}
		for x := 0; x < len(list); x++ {
			a := nodes[list[x]].words
			if len(a[0]) != 1 {
				continue
			}
			r := -1
			for y := 0; y < len(list); y++ {
				if y == x || !compatibleNames(a, nodes[list[y]].words) {
					continue
				}
				ry := g.find(list[y])
				if r >= 0 && ry != r {
					r = -2
					break
				}
				r = ry
			}
			if r >= 0 {
				g.union(list[x], r)
			}
		}
	}
	// single-word keys: join the unique person with that surname
	for i, nd := range nodes {
		if len(nd.words) != 1 || (types[i] != model.Person && types[i] != model.Other) {
			continue
		}
		list := bySurname[nd.words[0]]
		r := -1
		for _, j := range list {
			if !sameSurname(nd.key, nodes[j].key) {
				// a lone word must be spelt as the surname, not just
				// sound like it ("Lions" is not "Lyons")
				continue
			}
			rj := g.find(j)
			if r >= 0 && rj != r {
				r = -2
				break
			}
			r = rj
		}
		if r >= 0 {
			g.union(i, r)
		}
	}
	// acronyms: join the unique organisation whose initials they spell or
	// which was written with them in brackets
	byInitials := map[string][]int{}
	for j, o := range nodes {
		for _, in := range o.initialsOf(types[j]) {
			byInitials[in] = append(byInitials[in], j)
		}
	}
	for i, nd := range nodes {
		if !nd.isAcronym(types[i]) {
			continue
		}
		r := -1
		for _, j := range byInitials[nd.key] {
			rj := g.find(j)
			if r >= 0 && rj != r {
				r = -2
				break
			}
			r = rj
		}
		if r >= 0 {
			g.union(i, r)
		}
	}
	// canonical names
	best := map[int]int{}
	for i := range nodes {
		r := g.find(i)
		b, ok := best[r]
		if !ok || g.better(i, b) {
			best[r] = i
		}
	}
	g.canon = make([]string, n)
	for i := range nodes {
		g.canon[i] = nodes[best[g.find(i)]].key
	}
	g.byFold = byFold
	return g
}

// initialsOf returns the acronyms an organisation of type typ may be
// written as: its initials and the acronyms it was written with in
// brackets (none for other nodes).
func (o *node) initialsOf(typ model.EntityType) []string {
	if len(o.words) < 2 || (typ != model.Organization && typ != model.Other) || o.votes.of(model.Person) > 0 {
		return nil
	}
	in := initials(o.key)
	out := []string{in}
	for _, a := range o.aliases {
		if a != in && isAllCapsWord(a) && !strings.Contains(a, " ") {
			out = append(out, a)
		}
	}
	return out
}

// isAcronym reports whether a node of type typ is an acronym that may join
// its expansion (two letters are too ambiguous).
func (n *node) isAcronym(typ model.EntityType) bool {
	return isAllCapsWord(n.key) && !strings.Contains(n.key, " ") && (typ == model.Organization || typ == model.Other) && len(n.key) >= 3
}

// better reports whether node a is a better canonical name than node b:
// for people the most complete name, then the most widely used form.
func (g *folding) better(a, b int) bool {
	na, nb, types := g.nodes[a], g.nodes[b], g.types
	if types[a] == model.Person || types[b] == model.Person {
		if len(na.words) != len(nb.words) {
			return len(na.words) > len(nb.words)
		}
	} else {
		ca, cb := isAllCapsWord(na.key), isAllCapsWord(nb.key)
		if ca != cb {
			return cb
		}
	}
	if na.nart != nb.nart {
		return na.nart > nb.nart
	}
	if na.full != nb.full {
		return na.full > nb.full
	}
	if na.mentions != nb.mentions {
		return na.mentions > nb.mentions
	}
	aa, ab := isASCII(na.key), isASCII(nb.key)
	if aa != ab {
		return aa
	}
	return na.key < nb.key
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// Canonical returns the corpus-level canonical name for an in-article entity
// key (or a spelling variant of one), or "" when the key is unknown.
func (g *Registry) Canonical(key string) string {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.resolve()
	if i, ok := g.byKey[key]; ok {
		return g.f.canon[i]
	}
	pk := phoneticKey(key)
	if i, ok := g.f.byFold[foldMapKey(key, strings.Fields(pk))]; ok {
		return g.f.canon[i]
	}
	if i, ok := g.byAlias[key]; ok && i >= 0 {
		return g.f.canon[i]
	}
	if i, ok := g.byAlias[pk]; ok && i >= 0 {
		return g.f.canon[i]
	}
	return ""
}

// Entities returns the folded entities, each with its canonical name,
// type, aliases (every distinct surface form and key), roles, mention count
// and the external ids of the articles that mention it. The order is by
// canonical name.
func (g *Registry) Entities() []model.Entity {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.resolve()
	return g.f.entities(nil)
}

// EntitiesOf returns the folded entities that hold any of the given keys,
// as Entities describes them; unknown keys are ignored. It lets a caller
// that tracks which keys changed refresh only their entities.
func (g *Registry) EntitiesOf(keys []string) []model.Entity {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.resolve()
	roots := map[int]bool{}
	for _, k := range keys {
		if i, ok := g.byKey[k]; ok {
			roots[g.f.find(i)] = true
		}
	}
	return g.f.entities(roots)
}

// entities builds the entities whose root is in roots (nil: all).
func (g *folding) entities(roots map[int]bool) []model.Entity {
	// sized for the entities asked for, so that appending never copies
	// them (an entity is large)
	idx := make(map[int]int, len(roots))
	types := g.types
	out := make([]model.Entity, 0, len(roots))
	votes := make([]typeVotes, 0, len(roots))
	type seenKey struct {
		kind byte
		s    string
	}
	seen := make([]map[seenKey]bool, 0, len(roots))
	add := func(k int, list *[]string, kind byte, s string) {
		key := seenKey{kind, s}
		if !seen[k][key] {
			seen[k][key] = true
			*list = append(*list, s)
		}
	}
	for i, nd := range g.nodes {
		r := g.find(i)
		if roots != nil && !roots[r] {
			continue
		}
		k, ok := idx[r]
		if !ok {
			k = len(out)
			idx[r] = k
			out = append(out, model.Entity{Canonical: g.canon[i]})
			votes = append(votes, typeVotes{})
			seen = append(seen, map[seenKey]bool{})
		}
		e := &out[k]
		add(k, &e.Aliases, 'a', nd.key)
		if types[i] == model.Person {
			// a person is also named by surname alone
			if ws := strings.Fields(nd.key); len(ws) >= 2 {
				add(k, &e.Aliases, 'a', ws[len(ws)-1])
			}
		}
		for _, a := range nd.aliases {
			add(k, &e.Aliases, 'a', a)
		}
		for _, ro := range nd.roles {
			// "Foreign Ministry spokesman" and "foreign ministry spokesman"
			// are one role
			if key := (seenKey{'r', strings.ToLower(ro)}); !seen[k][key] {
				seen[k][key] = true
				e.Roles = append(e.Roles, ro)
			}
		}
		for _, a := range nd.articles {
			add(k, &e.Articles, 'd', a)
		}
		e.Mentions += nd.mentions
		for t, v := range nd.votes {
			votes[k][t] += v
		}
	}
	for k := range out {
		e := &out[k]
		e.Type = model.Other
		bestN := 0
		for _, t := range []model.EntityType{model.Person, model.Organization, model.Place} {
			if v := votes[k].of(t); v > bestN {
				e.Type, bestN = t, v
			}
		}
		sort.Strings(e.Aliases)
		sort.Strings(e.Roles)
		sort.Strings(e.Articles)
	}
	// sorted through their indexes: a stable sort moves an entity many
	// times, an index is cheaper to move
	order := make([]int, len(out))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(i, j int) int { return strings.Compare(out[i].Canonical, out[j].Canonical) })
	sorted := make([]model.Entity, len(out))
	for i, k := range order {
		sorted[i] = out[k]
	}
	return sorted
}

// sameSurname reports whether single is spelt as the last word of full,
// up to case, diacritics, apostrophes and doubled letters.
func sameSurname(single, full string) bool {
	i := strings.LastIndexByte(full, ' ')
	return lightKey(single) == lightKey(full[i+1:])
}

// foldMapKey is the key under which spelling variants of an entity key
// meet: the phonetic key for names of several words, the light key for
// lone words, and the key itself for acronyms ("CNN" is not "CN").
func foldMapKey(key string, words []string) string {
	if isAllCapsWord(key) && !strings.Contains(key, " ") {
		return "\x01" + key
	}
	if len(words) == 1 {
		return "\x00" + lightKey(key)
	}
	return strings.Join(words, " ")
}
