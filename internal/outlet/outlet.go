// Package outlet is the outlet registry the user maintains: who publishes
// under which domains, from which country, in which language, owned by
// whom, and whether the outlet is state-affiliated. It reads the registry
// from CSV and maps articles to outlets by the domain of their URL.
package outlet

import (
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"slices"
	"strings"
	"unicode"

	"github.com/parallax-news/parallax/internal/model"
)

// StateName is the name of the registry's state blob in a store.
const StateName = "outlets"

// Registry is a set of outlets, looked up by name or URL. The zero value
// is empty and usable.
type Registry struct {
	outlets  []model.Outlet
	byName   map[string]int
	byDomain map[string]int
}

// New returns a registry of the given outlets; a later outlet replaces an
// earlier one of the same name (case-insensitive).
func New(outlets []model.Outlet) *Registry {
	r := &Registry{}
	r.Merge(outlets)
	return r
}

// Merge adds outlets, replacing those of the same name.
func (r *Registry) Merge(outlets []model.Outlet) {
	if r.byName == nil {
		r.byName = map[string]int{}
	}
	for _, o := range outlets {
		if i, ok := r.byName[strings.ToLower(o.Name)]; ok {
			r.outlets[i] = o
			continue
		}
		r.byName[strings.ToLower(o.Name)] = len(r.outlets)
		r.outlets = append(r.outlets, o)
	}
	r.byDomain = map[string]int{}
	for i, o := range r.outlets {
		for _, d := range o.Domains {
			r.byDomain[d] = i
		}
	}
}

// Outlets returns the registry's outlets in name order.
func (r *Registry) Outlets() []model.Outlet {
	out := slices.Clone(r.outlets)
	slices.SortFunc(out, func(a, b model.Outlet) int { return strings.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name)) })
	return out
}

// Len returns the number of outlets.
func (r *Registry) Len() int { return len(r.outlets) }

// ByName returns the outlet with the given name (any case).
func (r *Registry) ByName(name string) (model.Outlet, bool) {
	if i, ok := r.byName[strings.ToLower(strings.TrimSpace(name))]; ok && name != "" {
		return r.outlets[i], true
	}
	return model.Outlet{}, false
}

// ForURL returns the outlet publishing under the host of rawURL or of one
// of its parent domains ("www.example.org" is "example.org"'s).
func (r *Registry) ForURL(rawURL string) (model.Outlet, bool) {
	u, err := url.Parse(strings.TrimSpace(rawURL))
	if err != nil || u.Hostname() == "" {
		return model.Outlet{}, false
	}
	host := strings.ToLower(strings.TrimSuffix(u.Hostname(), "."))
	for host != "" {
		if i, ok := r.byDomain[host]; ok {
			return r.outlets[i], true
		}
		_, rest, found := strings.Cut(host, ".")
		if !found {
			break
		}
		host = rest
	}
	return model.Outlet{}, false
}

// Of returns the registry's outlet for an article: by the domain of its
// URL, else by its outlet name. A nil registry has no outlets.
func (r *Registry) Of(a *model.Article) (model.Outlet, bool) {
	if r == nil {
		return model.Outlet{}, false
	}
	if o, ok := r.ForURL(a.URL); ok {
		return o, true
	}
	return r.ByName(a.Outlet)
}

// Encode returns the registry as a state blob.
func (r *Registry) Encode() ([]byte, error) {
	b, err := json.Marshal(r.outlets)
	if err != nil {
		return nil, fmt.Errorf("outlet registry: %w", err)
	}
	return b, nil
}

// Decode reads a registry from a state blob.
func Decode(data []byte) (*Registry, error) {
	var os []model.Outlet
	if err := json.Unmarshal(data, &os); err != nil {
		return nil, fmt.Errorf("outlet registry: %w", err)
	}
	return New(os), nil
}

// columns are the CSV columns, in any order; only name is required.
var columns = []string{"name", "domains", "country", "language", "owner", "state_affiliated", "notes"}

// ReadCSV reads outlets from CSV with a header row naming the columns
// name, domains (separated by ";", "|" or spaces), country, language,
// owner, state_affiliated (yes/no, true/false, 1/0) and notes. A bad row is
// reported as an error naming file and line, and skipped.
func ReadCSV(r io.Reader, file string) ([]model.Outlet, []error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	cr.TrimLeadingSpace = true
	header, err := cr.Read()
	if err != nil {
		return nil, []error{fmt.Errorf("%s:1: no header row: %w", file, err)}
	}
	col := map[string]int{}
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
		h = strings.ReplaceAll(strings.ReplaceAll(h, "-", "_"), " ", "_")
		if slices.Contains(columns, h) {
			col[h] = i
		}
	}
	if _, ok := col["name"]; !ok {
		return nil, []error{fmt.Errorf("%s:1: the header has no \"name\" column (want %s)", file, strings.Join(columns, ","))}
	}
	var out []model.Outlet
	var errs []error
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", file, err))
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				continue
			}
			break
		}
		line, _ := cr.FieldPos(0)
		get := func(k string) string {
			if i, ok := col[k]; ok && i < len(rec) {
				return strings.TrimSpace(rec[i])
			}
			return ""
		}
		o := model.Outlet{Name: get("name"), Country: get("country"), Language: get("language"), Owner: get("owner"), Notes: get("notes")}
		if o.Name == "" {
			errs = append(errs, fmt.Errorf("%s:%d: no outlet name", file, line))
			continue
		}
		state, ok := parseBool(get("state_affiliated"))
		if !ok {
			errs = append(errs, fmt.Errorf("%s:%d: state_affiliated %q: want yes or no", file, line, get("state_affiliated")))
			continue
		}
		o.StateAffiliated = state
		domains, err := parseDomains(get("domains"))
		if err != nil {
			errs = append(errs, fmt.Errorf("%s:%d: %w", file, line, err))
			continue
		}
		o.Domains = domains
		out = append(out, o)
	}
	return out, errs
}

// parseBool reads yes/no answers; empty is no.
func parseBool(s string) (bool, bool) {
	switch strings.ToLower(s) {
	case "", "no", "n", "false", "0":
		return false, true
	case "yes", "y", "true", "1":
		return true, true
	}
	return false, false
}

// parseDomains reads a list of domains (or URLs) into lower-case host names.
func parseDomains(s string) ([]string, error) {
	var out []string
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == ';' || r == '|' || r == ' ' || r == ',' }) {
		d := strings.ToLower(f)
		if strings.Contains(d, "://") {
			u, err := url.Parse(d)
			if err != nil || u.Hostname() == "" {
				return nil, fmt.Errorf("domain %q is not a host name", f)
			}
			d = u.Hostname()
		}
		d = strings.TrimPrefix(strings.TrimSuffix(d, "."), "www.")
		if !validHost(d) {
			return nil, fmt.Errorf("domain %q is not a host name", f)
		}
		if !slices.Contains(out, d) {
			out = append(out, d)
		}
	}
	return out, nil
}

// validHost reports whether d is a host name of at least two labels of
// letters, digits and inner hyphens.
func validHost(d string) bool {
	labels := strings.Split(d, ".")
	if len(labels) < 2 {
		return false
	}
	for _, l := range labels {
		if l == "" || l[0] == '-' || l[len(l)-1] == '-' {
			return false
		}
		for _, r := range l {
			if !(r == '-' || unicode.IsLetter(r) || unicode.IsDigit(r)) {
				return false
			}
		}
	}
	return true
}
