package geo

import (
	"encoding/json"
	"os"
	"testing"
)

func TestLookup(t *testing.T) {
	cases := []struct {
		word string
		code string
		kind Kind
	}{
		{"Bangladesh", "BD", KindName},
		{"people's republic of bangladesh", "BD", KindName},
		{"Dhaka", "BD", KindCapital},
		{"Bangladeshi", "BD", KindDemonym},
		{"Bangladeshis", "BD", KindDemonym},
		{"Chileans", "CL", KindDemonym},
		{"Santiago", "CL", KindCapital},
		{"Lima", "PE", KindCapital},
		{"Peruvian", "PE", KindDemonym},
		{"UAE", "AE", KindName},
		{"Bogota", "CO", KindCapital},
		{"Bogotá", "CO", KindCapital},
		{"Turkiye", "TR", KindName},
		{"Swiss", "CH", KindDemonym},
		{"Burma", "MM", KindName},
		{"United States of America", "US", KindName},
	}
	all := Countries()
	for _, c := range cases {
		found := false
		for _, r := range Lookup(c.word) {
			if all[r.Country].Code == c.code && r.Kind == c.kind {
				found = true
			}
		}
		if !found {
			t.Errorf("Lookup(%q) = %v, want %s kind %d", c.word, Lookup(c.word), c.code, c.kind)
		}
	}
	// two-letter codes are not names ("IN", "IT")
	for _, w := range []string{"IN", "IT", "NO", "Male"} {
		if rs := Lookup(w); len(rs) != 0 {
			t.Errorf("Lookup(%q) = %v, want nothing", w, rs)
		}
	}
	if n := len(Lookup("Congolese")); n != 2 {
		t.Errorf("Lookup(Congolese) names %d countries, want 2", n)
	}
}

// TestComplete checks the table against the data it must cover: every
// sovereign state has a capital and a demonym, and every ISO 3166-1 code
// that Debian's iso-codes lists (when installed) is in the table.
func TestComplete(t *testing.T) {
	all := Countries()
	sov := 0
	for _, c := range all {
		if !c.Sovereign {
			continue
		}
		sov++
		if len(c.Capitals) == 0 || len(c.Demonyms) == 0 {
			t.Errorf("%s %s: capitals %v, demonyms %v", c.Code, c.Name, c.Capitals, c.Demonyms)
		}
	}
	if sov < 193 {
		t.Errorf("%d sovereign states, want at least the 193 UN members", sov)
	}
	b, err := os.ReadFile("/usr/share/iso-codes/json/iso_3166-1.json")
	if err != nil {
		t.Skip("iso-codes not installed (/usr/share/iso-codes/json/iso_3166-1.json): ISO code check skipped")
	}
	var iso struct {
		Countries []struct {
			Alpha2 string `json:"alpha_2"`
			Name   string `json:"name"`
		} `json:"3166-1"`
	}
	if err := json.Unmarshal(b, &iso); err != nil {
		t.Fatal(err)
	}
	have := map[string]bool{}
	for _, c := range all {
		have[c.Code] = true
	}
	for _, c := range iso.Countries {
		if !have[c.Alpha2] {
			t.Errorf("ISO 3166-1 %s (%s) missing", c.Alpha2, c.Name)
		}
	}
}
