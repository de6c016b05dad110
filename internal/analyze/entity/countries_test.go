package entity

import (
	"testing"

	"github.com/parallax-news/parallax/internal/model"
)

// TestCountryTable checks that countries, their other names and their
// capitals from the generated table are places with the country's key, and
// that nationality words are not entities.
func TestCountryTable(t *testing.T) {
	tests := []struct {
		text string
		want map[string]string // mention text → key
		not  []string
	}{
		{"Floodwater reached the outskirts of Dhaka on Tuesday, and Bangladeshi officials said Bangladesh would ask for help.",
			map[string]string{"Dhaka": "Dhaka", "Bangladesh": "Bangladesh"}, []string{"Bangladeshi"}},
		{"Peruvian growers said the ban announced in Santiago broke the trade pact between Chile and Peru.",
			map[string]string{"Santiago": "Santiago", "Chile": "Chile", "Peru": "Peru"}, []string{"Peruvian"}},
		{"Officials in Bogotá and the Republic of Colombia disagreed with the UAE.",
			map[string]string{"Bogotá": "Bogotá", "Republic of Colombia": "Colombia", "UAE": "United Arab Emirates"}, nil},
		{"Talks moved from Ankara to Türkiye's coast, Turkish negotiators said.",
			map[string]string{"Ankara": "Ankara", "Türkiye": "Turkey"}, []string{"Turkish"}},
	}
	for _, tc := range tests {
		ms := find(tc.text)
		for text, key := range tc.want {
			m, ok := mentionOf(ms, text)
			if !ok {
				t.Errorf("%q: no mention %q in %v", tc.text, text, ms)
				continue
			}
			if m.Type != model.Place || m.Key != key {
				t.Errorf("%q: %q is %s with key %q, want place %q", tc.text, text, m.Type, m.Key, key)
			}
		}
		for _, s := range tc.not {
			if _, ok := mentionOf(ms, s); ok {
				t.Errorf("%q: %q must not be a mention", tc.text, s)
			}
		}
	}
}
