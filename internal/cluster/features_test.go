package cluster

import (
	"slices"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/tokenize"
)

// TestNamedText checks that the phrases found in namedText's cut of a
// text that start in the lead are those of the whole text, offsets
// included, wherever the lead ends: inside a line, on a line break, in a
// title-case line or a shouting run that goes on past it.
func TestNamedText(t *testing.T) {
	long := strings.Repeat("Plain words follow here and Marta Quill speaks. ", 20)
	tests := []struct {
		name    string
		text    string
		leadEnd int
		some    bool // the lead holds a phrase
	}{
		{"inside a line", "Officials in Dorvania said on Monday that Ilse Varnholt met Teodor Brask.\nLater Ilse Varnholt left.", 40, true},
		{"on a break", "Ilse Varnholt met Teodor Brask in Quellin.\nThe Port Authority of Dorvania replied.", 43, true},
		{"before a break", "Ilse Varnholt met Teodor Brask in Quellin.\nThe Port Authority of Dorvania replied.", 42, true},
		// cut at the lead, the line would look like a title and give no phrase
		{"in a title line", "Port Authority Fines Dorvania shipping group over delays\nIlse Varnholt spoke.", 20, true},
		// cut at the lead, two capitals words would not be shouting
		{"in a shouting run", "Then BREAKING NEWS TODAY from Ilse Varnholt and Teodor Brask.\nMore from Quellin.", 18, false},
		{"no break", "Ilse Varnholt met Teodor Brask in Quellin and Marta Quill stayed home.", 25, true},
		{"whole text", "Ilse Varnholt met Teodor Brask.\nMarta Quill stayed.", 51, true},
		{"long tail", "Marta Quill of Dorvania Port said so.\n" + long + "\n" + long, 30, true},
		{"empty lead", "\nMarta Quill of Dorvania Port said so.", 0, false},
	}
	var tk tokenize.Tokenizer
	inLead := func(ps []tokenize.Phrase, leadEnd int) []tokenize.Phrase {
		return slices.DeleteFunc(ps, func(p tokenize.Phrase) bool { return p.Start >= leadEnd })
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := inLead(tk.Phrases(nil, tt.text), tt.leadEnd)
			cut := namedText(tt.text, tt.leadEnd, 0)
			if !strings.HasPrefix(tt.text, cut) || len(cut) < tt.leadEnd {
				t.Fatalf("namedText(%q, %d) = %q: not a prefix covering the lead", tt.text, tt.leadEnd, cut)
			}
			got := inLead(tk.Phrases(nil, cut), tt.leadEnd)
			if !slices.Equal(got, want) {
				t.Errorf("phrases in the lead of the cut = %v, want %v", got, want)
			}
			if (len(want) > 0) != tt.some {
				t.Errorf("phrases in the lead of %q: %v, want some: %v", tt.text, want, tt.some)
			}
			if full := namedText(tt.text, tt.leadEnd, 0.5); full != tt.text {
				t.Errorf("with names after the lead weighed, namedText = %q, want the whole text", full)
			}
		})
	}
}

// TestCountTailNames checks that an article's counts do not change when
// text after its lead's lines changes names only, as long as names after
// the lead weigh nothing, and do when they weigh.
func TestCountTailNames(t *testing.T) {
	lead := "Ilse Varnholt met Teodor Brask in Quellin on Monday to sign the port deal.\n"
	tailA := "Later the Dorvania Shipping Group said Marta Quill would chair it."
	tailB := "Later the Norvel Shipping Group said Pieter Oslan would chair it."
	cfg := DefaultConfig()
	cfg.LeadBytes = len(lead) - 10
	namesOf := func(cfg Config, text string) []feat {
		d := Doc{Title: "Port deal signed", Text: text}
		cs := newCounter(&cfg).count(&d)
		return slices.SortedFunc(slices.Values(cs.names), byHash)
	}
	if a, b := namesOf(cfg, lead+tailA), namesOf(cfg, lead+tailB); !slices.Equal(a, b) {
		t.Errorf("NameTail 0: tail names changed the name counts: %v against %v", a, b)
	}
	cfg.NameTail = 0.5
	if a, b := namesOf(cfg, lead+tailA), namesOf(cfg, lead+tailB); slices.Equal(a, b) {
		t.Errorf("NameTail 0.5: tail names did not change the name counts (%v)", a)
	}
}
