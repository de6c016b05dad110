package compare

import "testing"

func TestCompatible(t *testing.T) {
	cases := []struct {
		a, b string
		want bool
	}{
		{"2022-12", "2022-12-04", true},
		{"2022-12-04", "2022-12-05", false},
		{"2024-W10", "2024-03-07", true},
		{"2024-W10", "2024-03-11", false},
		{"2024-W10-WE", "2024-03-09", true},
		{"2024-W10-WE", "2024-03-08", false},
		{"2024-Q1", "2024-03", true},
		{"2024-Q1", "2024-04-01", false},
		{"2023-WI", "2024-02-10", true},
		{"2023-WI", "2023-11-30", false},
		{"199", "1995", true},
		{"2024", "2024-H2", true},
	}
	for _, c := range cases {
		if got := compatible(c.a, c.b); got != c.want {
			t.Errorf("compatible(%q, %q) = %v, want %v", c.a, c.b, got, c.want)
		}
		if got := compatible(c.b, c.a); got != c.want {
			t.Errorf("compatible(%q, %q) = %v, want %v", c.b, c.a, got, c.want)
		}
	}
}
