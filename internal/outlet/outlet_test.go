package outlet

import (
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/model"
)

const sample = `name,domains,country,language,owner,state_affiliated,notes
Valley Wire,valleywire.example; https://www.vw-news.example/,XA,en,Valley Cooperative,no,wire service
State Voice,statevoice.example,XB,en,Ministry of Information,yes,
Broken Row,not a domain,XA,en,,no,
No Answer,na.example,XA,en,,maybe,
,nameless.example,XA,en,,no,
`

func TestReadCSV(t *testing.T) {
	os, errs := ReadCSV(strings.NewReader(sample), "outlets.csv")
	if len(os) != 2 || len(errs) != 3 {
		t.Fatalf("got %d outlets, errors %v", len(os), errs)
	}
	for i, want := range []string{"outlets.csv:4:", "outlets.csv:5:", "outlets.csv:6:"} {
		if !strings.HasPrefix(errs[i].Error(), want) {
			t.Errorf("error %d = %q, want prefix %q", i, errs[i], want)
		}
	}
	vw := os[0]
	if vw.Name != "Valley Wire" || strings.Join(vw.Domains, " ") != "valleywire.example vw-news.example" || vw.StateAffiliated || vw.Owner != "Valley Cooperative" {
		t.Errorf("valley wire = %+v", vw)
	}
	if !os[1].StateAffiliated || os[1].Country != "XB" {
		t.Errorf("state voice = %+v", os[1])
	}
	if _, errs := ReadCSV(strings.NewReader("title,url\nx,y\n"), "bad.csv"); len(errs) != 1 || !strings.Contains(errs[0].Error(), "bad.csv:1") {
		t.Errorf("header without name: %v", errs)
	}
}

func TestLookup(t *testing.T) {
	os, _ := ReadCSV(strings.NewReader(sample), "outlets.csv")
	r := New(os)
	cases := []struct{ url, outlet, want string }{
		{"https://valleywire.example/2025/06/12/story", "", "Valley Wire"},
		{"http://www.news.vw-news.example/x", "", "Valley Wire"},
		{"https://statevoice.example.evil.example/x", "", ""},
		{"", "state voice", "State Voice"},
		{"https://other.example/", "Valley Wire", "Valley Wire"},
		{"::bad", "", ""},
	}
	for _, c := range cases {
		o, ok := r.Of(&model.Article{URL: c.url, Outlet: c.outlet})
		if o.Name != c.want || ok != (c.want != "") {
			t.Errorf("Of(%q, %q) = %q, %v; want %q", c.url, c.outlet, o.Name, ok, c.want)
		}
	}
	// A later outlet of the same name replaces the earlier one.
	r.Merge([]model.Outlet{{Name: "valley wire", Domains: []string{"new.example"}}})
	if r.Len() != 2 {
		t.Errorf("merge added a duplicate: %d outlets", r.Len())
	}
	if o, _ := r.ForURL("https://new.example/a"); o.Name != "valley wire" {
		t.Errorf("merged domains not used: %+v", o)
	}
	if _, ok := r.ForURL("https://valleywire.example/a"); ok {
		t.Errorf("replaced outlet's old domain still maps")
	}
	b, err := r.Encode()
	if err != nil {
		t.Fatal(err)
	}
	r2, err := Decode(b)
	if err != nil || r2.Len() != 2 {
		t.Fatalf("decode: %v", err)
	}
}

func FuzzReadCSV(f *testing.F) {
	f.Add(sample)
	f.Add("name\n\"unterminated\n")
	f.Add("name,domains\nA,a.example;b.example|c.example\n")
	f.Fuzz(func(t *testing.T, s string) {
		os, _ := ReadCSV(strings.NewReader(s), "f.csv")
		for _, o := range os {
			if o.Name == "" {
				t.Fatal("outlet without a name")
			}
		}
		r := New(os)
		owner := map[string]string{} // the last outlet listing a domain has it
		for _, o := range r.Outlets() {
			for _, d := range o.Domains {
				owner[d] = o.Name
			}
		}
		for _, o := range r.Outlets() {
			for _, d := range o.Domains {
				if got, ok := r.ForURL("https://" + d + "/"); !ok || got.Name != owner[d] && got.Name != o.Name {
					t.Fatalf("domain %q does not map back", d)
				}
			}
		}
	})
}
