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
