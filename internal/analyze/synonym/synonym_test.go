package synonym

import "testing"

func TestOf(t *testing.T) {
	tests := []struct {
		a, b string
		same bool
	}{
		{"supply", "provide", true},
		{"furnish", "supply", true},
		{"supplied", "provide", true},
		{"forbid", "prohibit", true},
		{"forbade", "prohibit", true},
		{"build", "construct", true},
		{"court", "tribunal", true},
		{"flood", "inundation", true},
		{"supply", "attack", false},
		{"court", "flood", false},
	}
	for _, tc := range tests {
		ra, oka := Of(tc.a)
		rb, okb := Of(tc.b)
		if same := oka && okb && ra == rb; same != tc.same {
			t.Errorf("Of(%q) = %q, Of(%q) = %q: same group %v, want %v", tc.a, ra, tc.b, rb, same, tc.same)
		}
	}
	if _, ok := Of("zzzz"); ok {
		t.Error("Of(zzzz) found a group")
	}
}

// TestGroupsPartition checks that every word is in one group only and each
// group has at least two words.
func TestGroupsPartition(t *testing.T) {
	seen := map[string]bool{}
	if len(Groups()) < 1000 {
		t.Errorf("%d groups, want at least 1000", len(Groups()))
	}
	for _, g := range Groups() {
		if len(g) < 2 {
			t.Errorf("group %v has one word", g)
		}
		for _, w := range g {
			if seen[w] {
				t.Errorf("%q in two groups", w)
			}
			seen[w] = true
		}
	}
}
