package quote

import "testing"

// TestKinBase checks the folding of relation nouns and their gender.
func TestKinBase(t *testing.T) {
	tests := []struct {
		w    string
		base string
		g    byte
	}{
		{"mum", "mother", genderFemale},
		{"mom", "mother", genderFemale},
		{"dad", "father", genderMale},
		{"great-grandson", "great-grandson", genderMale},
		{"great-great-granny", "great-great-grandmother", genderFemale},
		{"cousin", "cousin", genderUnknown},
		{"neighbour", "", genderUnknown},
		{"great-", "", genderUnknown},
	}
	for _, tt := range tests {
		if got := kinBase(tt.w); got != tt.base {
			t.Errorf("kinBase(%q) = %q, want %q", tt.w, got, tt.base)
		}
		if tt.base != "" {
			if got := kinGender(tt.w); got != tt.g {
				t.Errorf("kinGender(%q) = %d, want %d", tt.w, got, tt.g)
			}
		}
	}
}
