package entity

import (
	"testing"

	"github.com/parallax-news/parallax/internal/model"
)

func TestGroupIndex(t *testing.T) {
	tests := []struct {
		group, want string
	}{
		{"f2jane ortiz", "jane ortiz"},
		{"aJane Ortiz", "jane ortiz"},
		{"ajane ortiz", "jane ortiz"},
		{"sortiz", "ortiz"},
		{"aOrtiz", "ortiz"},
		{"f0ortiz", "ortiz"},
		{"f1NDP", "ndp"},
		{"iNDP", "ndp"},
		{"a–", "\x00a–"},
		{"f", "\x00f"},
		{"", "\x00"},
	}
	for _, tt := range tests {
		if got := GroupIndex(tt.group); got != tt.want {
			t.Errorf("GroupIndex(%q) = %q, want %q", tt.group, got, tt.want)
		}
	}
}

// TestGroupIndexShared checks that a person's groups (the spelling, the
// aliases and their phonetic keys, the surname) fall under two index
// names: the full name and the surname.
func TestGroupIndexShared(t *testing.T) {
	n := NewNode("Jane Ortiz", 1)
	n.Add(model.Mention{Text: "Jane Ortiz", Key: "Jane Ortiz", Type: model.Person}, true)
	n.Add(model.Mention{Text: "JANE ORTIZ", Key: "Jane Ortiz", Type: model.Person}, false)
	gs := n.Groups()
	index := map[string]bool{}
	for _, g := range gs {
		index[GroupIndex(g)] = true
	}
	if len(gs) < 4 || len(index) != 2 || !index["jane ortiz"] || !index["ortiz"] {
		t.Errorf("groups %q fall under index names %v, want jane ortiz and ortiz", gs, index)
	}
}

// TestHomeIndex checks that HomeIndex, computed from the key alone, is the
// index name of the first group of the key's node whatever the node has
// seen since.
func TestHomeIndex(t *testing.T) {
	tests := []struct {
		key      string
		mentions []model.Mention
	}{
		{"Jane Ortiz", []model.Mention{{Text: "Jane Ortiz", Type: model.Person}, {Text: "JANE ORTIZ", Type: model.Person}}},
		{"Ortiz", []model.Mention{{Text: "Ortiz", Type: model.Person}}},
		{"NDP", []model.Mention{{Text: "NDP", Type: model.Organization}}},
		{"New Democratic Party", []model.Mention{{Text: "New Democratic Party", Type: model.Organization}}},
		{"Ünal Kaya", []model.Mention{{Text: "Ünal Kaya", Type: model.Person}}},
		{"–", []model.Mention{{Text: "–", Type: model.Other}}},
		{"Zidal Bay", nil},
	}
	for _, tt := range tests {
		n := NewNode(tt.key, 1)
		for i, m := range tt.mentions {
			m.Key = tt.key
			n.Add(m, i == 0)
		}
		gs := n.Groups()
		if !IsFoldGroup(gs[0]) || gs[0][0] != groupFold {
			t.Fatalf("%q: first group %q is not its fold group", tt.key, gs[0])
		}
		if got, want := HomeIndex(tt.key), GroupIndex(gs[0]); got != want {
			t.Errorf("HomeIndex(%q) = %q, want %q", tt.key, got, want)
		}
	}
}
