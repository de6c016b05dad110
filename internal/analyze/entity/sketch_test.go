package entity

import "testing"

// TestWordSketch checks that a sketch holds every word added (it may
// hold others: only a word of another first byte or length modulo 32 is
// certainly out).
func TestWordSketch(t *testing.T) {
	added := []string{"harbour", "bridge", "mayor", "", "é", "northbridge"}
	var s wordSketch
	for _, w := range added {
		s.add(w)
	}
	for _, w := range added {
		if !s.mayHold(w) {
			t.Errorf("mayHold(%q) = false after add", w)
		}
	}
	tests := []struct {
		w    string
		want bool
	}{
		{"harbour", true},
		{"hallway", true}, // same first byte and length: not told apart
		{"harbours", false},
		{"said", false},
		{"bridges", false},
		{"x", false},
	}
	for _, tt := range tests {
		if got := s.mayHold(tt.w); got != tt.want {
			t.Errorf("mayHold(%q) = %v, want %v", tt.w, got, tt.want)
		}
	}
}
