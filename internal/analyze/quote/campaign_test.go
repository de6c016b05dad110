package quote

import "testing"

func TestOfficeOf(t *testing.T) {
	tests := []struct{ role, want string }{
		{"Gov.", "governor's office"},
		{"Mayor", "mayor's office"},
		{"Attorney General", "attorney general's office"},
		{"Prime Minister", "prime minister's office"},
		{"Vice President", ""},
		{"Republican", ""},
		{"", ""},
	}
	for _, tc := range tests {
		if got := officeOf(tc.role); got != tc.want {
			t.Errorf("officeOf(%q) = %q, want %q", tc.role, got, tc.want)
		}
	}
}

func TestCampaignName(t *testing.T) {
	tests := []struct{ person, want string }{
		{"Marisa Halloway", "Halloway campaign"},
		{"Oakley-Darrow", "Oakley-Darrow campaign"},
		{"Tillinghast’s", "Tillinghast campaign"},
		{"", ""},
	}
	for _, tc := range tests {
		if got := campaignName(tc.person); got != tc.want {
			t.Errorf("campaignName(%q) = %q, want %q", tc.person, got, tc.want)
		}
	}
}
