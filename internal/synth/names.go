package synth

import "strings"

// The word lists below are the generator's vocabulary. They are read-only;
// every name in the corpus is assembled from them, so nothing refers to a
// real person, place or outlet except by coincidence.

var (
	onsets = []string{"b", "br", "d", "dr", "f", "g", "gr", "h", "k", "kh", "kr", "l", "m", "n", "p", "r", "s", "st", "sv", "t", "tr", "v", "z", "ch", "y", "j", "", "", "sh", "vl"}
	vowels = []string{"a", "e", "i", "o", "u", "a", "e", "o", "ou", "ye", "ia", "ei"}
	codas  = []string{"", "", "", "n", "r", "l", "s", "k", "m", "t", "v", "sk", "nd", "ks", "ch"}

	femaleEnds  = []string{"a", "ina", "ela", "ara", "ia", "ette", "ana", "ika"}
	maleEnds    = []string{"", "an", "or", "ek", "o", "im", "en", "as"}
	surnameEnds = []string{"ovic", "enko", "sen", "ski", "ard", "ani", "uk", "chuk", "ides", "berg", "ar", "ez", "elli", "ov", "ander", "yan", "is", "mann", "ola", "esku"}

	placeEnds   = []string{"mouth", "ford", "vik", "grad", "ton", "burg", "ara", "ova", "haven", "dal", "stad", "port", "field", "ica", "mere", "wick"}
	placeForms  = []string{"%", "%", "%", "%", "%", "Port %", "Upper %", "San %", "Novo %", "% Bay"}
	regionForms = []string{"the % Valley", "% Province", "the % region", "the % Coast", "% County", "the % Highlands", "the % Basin"}
	countryEnds = []string{"ia", "land", "ora", "mark", "enia", "aria", "esh"}

	outletFirst  = []string{"Harbor", "Northgate", "Valley", "Coastline", "Meridian", "Lantern", "Eastbay", "Summit", "Riverside", "Granite", "Pinecrest", "Beacon", "Crescent", "Ironbridge", "Silverline", "Hollow", "Westfield", "Kestrel", "Amber", "Cedar", "Tidewater", "Foxglove", "Lakeshore", "Redstone"}
	outletSecond = []string{"Ledger", "Tribune", "Wire", "Courier", "Post", "Review", "Observer", "Herald", "Gazette", "Chronicle", "Dispatch", "Times", "Journal", "Monitor", "Sentinel", "Record", "Daily", "Bulletin"}
)

func capitalize(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}

// syllables returns n syllables run together, lower case.
func syllables(r *rng, n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteString(pick(r, onsets))
		b.WriteString(pick(r, vowels))
		if i < n-1 || r.chance(0.5) {
			b.WriteString(pick(r, codas))
		}
	}
	return b.String()
}

// person is a generated person.
type person struct {
	first, last string
	female      bool
}

func newPerson(r *rng) person {
	p := person{female: r.chance(0.5)}
	if p.female {
		p.first = capitalize(syllables(r, 1+r.intn(2)) + pick(r, femaleEnds))
	} else {
		p.first = capitalize(syllables(r, 1+r.intn(2)) + pick(r, maleEnds))
	}
	switch x := r.intn(100); {
	case x < 7:
		// An Arabic-style family name with an inner apostrophe, which
		// outlets spell three ways (’, ' or none).
		p.last = pick(r, []string{"Al-", "El-"}) + capitalize(syllables(r, 1)) + "’" + syllables(r, 1)
	case x < 12:
		p.last = capitalize(syllables(r, 1)) + "-" + capitalize(syllables(r, 1)+pick(r, surnameEnds))
	default:
		p.last = capitalize(syllables(r, 1+r.intn(2)) + pick(r, surnameEnds))
	}
	return p
}

func newPlace(r *rng) string {
	stem := capitalize(syllables(r, 1+r.intn(2)) + pick(r, placeEnds))
	return strings.Replace(pick(r, placeForms), "%", stem, 1)
}

func newRegion(r *rng) string {
	stem := capitalize(syllables(r, 2))
	return strings.Replace(pick(r, regionForms), "%", stem, 1)
}

func newCountry(r *rng) string {
	return capitalize(syllables(r, 1+r.intn(2)) + pick(r, countryEnds))
}

// translit spells a name the way an outlet with the given style would:
// style 0 keeps it, 1 and 2 apply two different romanization habits (the
// way "Yevhen" becomes "Jevhen" or "Kovalchuk" becomes "Kovaltchuk").
func translit(name string, style int) string {
	if style > 0 && style < len(translitReplacers) {
		name = translitReplacers[style].Replace(name)
	}
	return name
}

// translitReplacers holds the romanization habits used by translit, built
// once; a *strings.Replacer is immutable and safe for concurrent use.
var translitReplacers = [...]*strings.Replacer{
	nil,
	strings.NewReplacer("’", "'", "ks", "x", "Ye", "Je", "ye", "je", "Kh", "H", "kh", "h"),
	strings.NewReplacer("’", "", "ch", "tch", "ou", "u", "Y", "I", "sh", "sch"),
}

// acronym builds the initials of an organization's long name ("National
// Audit Office" -> "NAO"); it returns "" when that would be too short.
func acronym(long string) string {
	var b strings.Builder
	for _, w := range strings.Fields(long) {
		switch w {
		case "of", "and", "the", "for", "on", "in", "&":
			continue
		}
		if c := w[0]; c >= 'A' && c <= 'Z' {
			b.WriteByte(c)
		}
	}
	if b.Len() < 3 {
		return ""
	}
	return b.String()
}

// slugify lower-cases s and joins its words with hyphens, for ids and URLs.
func slugify(dst []byte, s string, max int) []byte {
	dash := false
	n := 0
	for i := 0; i < len(s) && n < max; i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		default:
			if n > 0 && !dash {
				dash = true
			}
			continue
		}
		if dash {
			dst = append(dst, '-')
			dash = false
		}
		dst = append(dst, c)
		n++
	}
	return dst
}
