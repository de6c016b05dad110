package entity

import (
	"encoding/binary"
	"errors"
	"fmt"
	"strings"

	"github.com/parallax-news/parallax/internal/model"
)

// Node is the learned state of one entity key in a registry kept outside
// memory: what Registry keeps of a key, with the number of articles that
// mention it in place of their list, and the entity it was last stored
// under. A reader keeps Nodes in a store and folds, each time, only the
// nodes that share a fold group with what changed (see Groups and Fold).
type Node struct {
	n node
	// ID and Canonical are the key's stored entity and its canonical
	// name, as last stored (0 and "" before).
	ID        int64
	Canonical string
	// Stored are the groups the node was last stored in.
	Stored []string
}

// NewNode returns the node of a key first seen as the seq-th.
func NewNode(key string, seq int64) *Node {
	return &Node{n: *newNode(key, seq)}
}

// Key returns the node's entity key.
func (n *Node) Key() string { return n.n.key }

// Seq returns the order in which the key was first seen.
func (n *Node) Seq() int64 { return n.n.seq }

// Add counts one mention of the node; first tells whether it is its first
// mention in its article.
func (n *Node) Add(m model.Mention, first bool) { n.n.add(m, first) }

// Group kinds: a group's name starts with its kind.
const (
	groupFold     = 'f' // keys whose spellings meet
	groupSurname  = 's' // people with a surname, and the lone word
	groupInitials = 'i' // organisations with initials, and the acronym
	groupName     = 'a' // keys found under a name (lookup only)
)

// Groups returns the groups the node belongs to now. The fold groups
// (IsFoldGroup) link every node whose folding one node's decision reads:
// nodes sharing a spelling, people sharing a surname with the lone word,
// and organisations with the acronyms of their initials. The name groups
// list the names Canonical finds the node under.
func (n *Node) Groups() []string {
	nd := &n.n
	typ := nd.typ()
	out := []string{string(groupFold) + foldGroup(nd.key, nd.words)}
	switch {
	case typ == model.Person && len(nd.words) >= 2:
		out = append(out, string(groupSurname)+nd.words[len(nd.words)-1])
	case len(nd.words) == 1 && (typ == model.Person || typ == model.Other):
		out = append(out, string(groupSurname)+nd.words[0])
	}
	for _, in := range nd.initialsOf(typ) {
		if len(in) >= 3 {
			out = append(out, string(groupInitials)+in)
		}
	}
	if nd.isAcronym(typ) {
		out = append(out, string(groupInitials)+nd.key)
	}
	for _, a := range nd.lookupNames(typ) {
		out = append(out, string(groupName)+a)
	}
	return dedupe(out)
}

func dedupe(list []string) []string {
	seen := make(map[string]bool, len(list))
	w := 0
	for _, s := range list {
		if !seen[s] {
			seen[s] = true
			list[w] = s
			w++
		}
	}
	return list[:w]
}

// IsFoldGroup reports whether a group of Groups links nodes whose folding
// depends on one another (the others serve lookups by name).
func IsFoldGroup(g string) bool { return g != "" && g[0] != groupName }

// GroupIndex returns the name under which a store indexes the members of
// group g (a group of Groups): the phonetic key of the group's text, so
// that a node's groups that spell one name alike (its key's fold group,
// the name groups of its spellings, its surname group) share one index
// entry. Several groups share an index entry, so its members are only
// candidates for g: those whose Groups hold g. A group whose text has no
// phonetic key is indexed under its own name behind a 0x00 byte.
func GroupIndex(g string) string {
	if g == "" {
		return "\x00"
	}
	text := g[1:]
	if g[0] == groupFold && text != "" {
		text = text[1:] // the kind of fold key (see foldGroup)
	}
	k := phoneticKey(text)
	if k == "" || k[0] == 0 {
		return "\x00" + g
	}
	return k
}

// HomeIndex returns the index name (see GroupIndex) of key's fold group,
// the first of Groups: it depends on the key alone, so a store can keep a
// key's node under it and find the node from the key.
func HomeIndex(key string) string {
	return GroupIndex(string(groupFold) + foldGroup(key, strings.Fields(phoneticKey(key))))
}

// foldGroup returns foldMapKey as printable text.
func foldGroup(key string, words []string) string {
	k := foldMapKey(key, words)
	switch {
	case strings.HasPrefix(k, "\x01"):
		return "1" + k[1:]
	case strings.HasPrefix(k, "\x00"):
		return "0" + k[1:]
	}
	return "2" + k
}

// LookupGroups returns the groups Canonical consults for a name that is no
// key: the fold group of its spelling (whose first node gives the
// canonical name) and the name groups of the name and of its phonetic key
// (which give it when all their nodes are one entity), in that order.
func LookupGroups(name string) (fold string, names [2]string) {
	pk := phoneticKey(name)
	return string(groupFold) + foldGroup(name, strings.Fields(pk)), [2]string{string(groupName) + name, string(groupName) + pk}
}

// Folding is the resolution of a set of nodes (see Fold).
type Folding struct {
	f *folding
}

// Fold folds nodes, given in Seq order. When the set is closed under the
// fold groups of its nodes (each node's groups, now and as stored, hold no
// node outside the set) it folds as the whole corpus would.
func Fold(nodes []*Node) *Folding {
	ns := make([]*node, len(nodes))
	for i, n := range nodes {
		ns[i] = &n.n
	}
	return &Folding{f: fold(ns)}
}

// Root returns the index of the first node of node i's entity.
func (f *Folding) Root(i int) int { return f.f.find(i) }

// Canonical returns the canonical name of node i's entity.
func (f *Folding) Canonical(i int) string { return f.f.canon[i] }

// Entities returns the entities whose root (see Root) is in roots, as
// Registry.Entities describes them but with no Articles.
func (f *Folding) Entities(roots map[int]bool) []model.Entity {
	return f.f.entities(roots)
}

// Articles returns the number of articles mentioning node i's key.
func (f *Folding) Articles(i int) int { return f.f.nodes[i].nart }

// entity types in their stored order
var nodeTypes = [...]model.EntityType{model.Person, model.Organization, model.Place, model.Other}

// MarshalBinary encodes the node (its key aside).
func (n *Node) MarshalBinary() ([]byte, error) {
	nd := &n.n
	b := make([]byte, 0, 64)
	b = binary.AppendVarint(b, 1) // format
	b = binary.AppendVarint(b, nd.seq)
	b = binary.AppendVarint(b, n.ID)
	b = appendString(b, n.Canonical)
	b = binary.AppendVarint(b, int64(nd.mentions))
	b = binary.AppendVarint(b, int64(nd.full))
	b = binary.AppendVarint(b, int64(nd.nart))
	for _, v := range nd.votes {
		b = binary.AppendVarint(b, int64(v))
	}
	for _, list := range [][]string{nd.aliases, nd.roles, n.Stored} {
		b = binary.AppendVarint(b, int64(len(list)))
		for _, s := range list {
			b = appendString(b, s)
		}
	}
	return b, nil
}

func appendString(b []byte, s string) []byte {
	b = binary.AppendVarint(b, int64(len(s)))
	return append(b, s...)
}

// UnmarshalNode decodes the node of key encoded by MarshalBinary.
func UnmarshalNode(key string, data []byte) (*Node, error) {
	d := decoder{b: data}
	if v := d.int(); v != 1 {
		return nil, fmt.Errorf("entity node %q: unknown format %d", key, v)
	}
	n := NewNode(key, d.int())
	nd := &n.n
	n.ID = d.int()
	n.Canonical = d.str()
	nd.mentions, nd.full, nd.nart = int(d.int()), int(d.int()), int(d.int())
	for i := range nd.votes {
		nd.votes[i] = int(d.int())
	}
	for _, list := range []*[]string{&nd.aliases, &nd.roles, &n.Stored} {
		k := d.int()
		if k < 0 || k > int64(len(d.b)) {
			d.err = errors.New("bad list length")
			break
		}
		for range k {
			*list = append(*list, d.str())
		}
	}
	if d.err != nil {
		return nil, fmt.Errorf("entity node %q: %w", key, d.err)
	}
	return n, nil
}

type decoder struct {
	b   []byte
	err error
}

func (d *decoder) int() int64 {
	if d.err != nil {
		return 0
	}
	v, k := binary.Varint(d.b)
	if k <= 0 {
		d.err = errors.New("truncated")
		return 0
	}
	d.b = d.b[k:]
	return v
}

func (d *decoder) str() string {
	k := d.int()
	if d.err != nil {
		return ""
	}
	if k < 0 || k > int64(len(d.b)) {
		d.err = errors.New("truncated")
		return ""
	}
	s := string(d.b[:k])
	d.b = d.b[k:]
	return s
}
