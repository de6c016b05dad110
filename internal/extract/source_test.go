package extract

import "testing"

func TestBylineSource(t *testing.T) {
	tests := []struct {
		line, author, outlet string
	}{
		{"By Hana Welling | The Meridian Post", "Hana Welling", "The Meridian Post"},
		{"By Jane Doe", "Jane Doe", ""},
		{"By Jane Doe, Staff Writer", "Jane Doe", ""},
		{"By Jane Doe - 5 min read", "Jane Doe", ""},
		{"Written by Omar al-Rashid • Gulf Courier", "Omar al-Rashid", "Gulf Courier"},
		{"By Jane Doe and John Roe | Reuters", "Jane Doe and John Roe", "Reuters"},
		{"The minister said by Tuesday it would pass.", "", ""},
	}
	for _, tt := range tests {
		a, o := bylineSource(tt.line)
		if a != tt.author || o != tt.outlet {
			t.Errorf("bylineSource(%q) = %q, %q; want %q, %q", tt.line, a, o, tt.author, tt.outlet)
		}
	}
}

func TestCopyrightOutlet(t *testing.T) {
	tests := []struct{ line, want string }{
		{"© 2024 Valley Times. All rights reserved.", "Valley Times"},
		{"Copyright © 2019-2024 The Harbour Ledger", "The Harbour Ledger"},
		{"(c) Northgate Tribune 2025", "Northgate Tribune"},
		{"© 2024. All rights reserved.", ""},
		{"© 2025 Northgate Tribune | Terms | Privacy", "Northgate Tribune"},
		{"Copyright law was changed in 2021, the court said.", ""},
		{"The copyright belongs to the author.", ""},
	}
	for _, tt := range tests {
		if got := copyrightOutlet(tt.line); got != tt.want {
			t.Errorf("copyrightOutlet(%q) = %q, want %q", tt.line, got, tt.want)
		}
	}
}

func TestCleanNamesSource(t *testing.T) {
	var c Cleaner
	got := c.Clean("Bakery wins bread prize again\nBy Hana Welling | The Meridian Post\n" + bodyB1 + "\n" + bodyB2 + "\n© 2025 Meridian Media Group. All rights reserved.")
	if got.Author != "Hana Welling" || got.Outlet != "The Meridian Post" {
		t.Errorf("Author, Outlet = %q, %q", got.Author, got.Outlet)
	}
	got = c.Clean(bodyB1 + "\n" + bodyB2 + "\n© 2025 Valley Times. All rights reserved.")
	if got.Author != "" || got.Outlet != "Valley Times" {
		t.Errorf("copyright only: Author, Outlet = %q, %q", got.Author, got.Outlet)
	}
}
