// Package geo is a table of the world's countries and territories: each
// one's names, capital cities and demonyms (the nationality words). It is
// generated from the world-countries data package (ODbL-1.0, see
// countries_gen.go) and only read at run time.
package geo

//go:generate go run ./internal/gencountries -out countries_gen.go

import "strings"

// Country is one country or territory.
type Country struct {
	// Code is the ISO 3166-1 alpha-2 code ("BD").
	Code string
	// Name is the common English name ("Bangladesh").
	Name string
	// Official is the official name ("People's Republic of Bangladesh").
	Official string
	// Sovereign is true for independent states and UN members.
	Sovereign bool
	// Capitals are the capital cities, each followed by its spelling
	// without diacritics when that differs ("Bogotá", "Bogota").
	Capitals []string
	// Demonyms are the English nationality words, singular and plural
	// ("Bangladeshi", "Bangladeshis"); a word ending in a sibilant is its
	// own plural ("Swiss", "Chinese").
	Demonyms []string
	// Aliases are the other names: the official name, alternative
	// spellings and short forms ("UAE"), and spellings without diacritics.
	Aliases []string
}

// Countries returns every country and territory, ordered by code. The
// slice is a copy; its elements share their string slices with the table,
// which callers must not modify.
func Countries() []Country {
	out := make([]Country, len(countries))
	copy(out, countries[:])
	return out
}

// Kind says what a word names relative to its country.
type Kind uint8

// Kinds of country words.
const (
	// KindName is the country's name or one of its aliases.
	KindName Kind = iota + 1
	// KindCapital is one of its capital cities.
	KindCapital
	// KindDemonym is one of its nationality words.
	KindDemonym
)

// Ref is a country word's country (its index in Countries) and kind.
type Ref struct {
	Country int
	Kind    Kind
}

// index maps a lower-case name, capital or demonym to its references.
var index = func() map[string][]Ref {
	m := make(map[string][]Ref, len(countries)*8)
	add := func(s string, r Ref) {
		k := strings.ToLower(s)
		for _, x := range m[k] {
			if x == r {
				return
			}
		}
		m[k] = append(m[k], r)
	}
	for i, c := range countries {
		add(c.Name, Ref{i, KindName})
		for _, a := range c.Aliases {
			add(a, Ref{i, KindName})
		}
		for _, a := range c.Capitals {
			add(a, Ref{i, KindCapital})
		}
		for _, a := range c.Demonyms {
			add(a, Ref{i, KindDemonym})
		}
	}
	return m
}()

// Lookup returns the countries a word or phrase names (case-insensitive,
// words separated by single spaces): by name or alias, by capital, or by
// demonym. A word may name several countries ("Congolese", "Dominican"),
// and a territory may share its capital's name with its own. The result
// must not be modified.
func Lookup(s string) []Ref { return index[strings.ToLower(s)] }
