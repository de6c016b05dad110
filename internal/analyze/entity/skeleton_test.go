package entity

import "testing"

func TestSameSkeleton(t *testing.T) {
	words := []string{"", "a", "b", "mohammad", "muhammed", "mhmmd", "amir", "omar", "emre",
		"zoe", "zoë", "zo", "z", "jose", "josé", "jse", "x\xffy", "x\xfey", "xy", "x\uFFFDy", "aeiou", "a", "ae"}
	for _, a := range words {
		for _, b := range words {
			want := skeleton(a) == skeleton(b)
			if got := sameSkeleton(a, b); got != want {
				t.Errorf("sameSkeleton(%q, %q) = %v, want %v (skeletons %q, %q)", a, b, got, want, skeleton(a), skeleton(b))
			}
		}
	}
}

// BenchmarkSameFirst compares first-name variants as the folding of full
// names does, pair by pair.
func BenchmarkSameFirst(b *testing.B) {
	names := []string{"mohammad", "muhammed", "mahmoud", "maria", "mario", "marius", "daniel", "danielle", "dana", "dan"}
	b.ReportAllocs()
	for b.Loop() {
		for _, x := range names {
			for _, y := range names {
				sameFirst(x, y)
			}
		}
	}
}
