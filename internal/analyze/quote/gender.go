package quote

import "strings"

// Grammatical gender of a person, as "he" and "she" refer to them.
const (
	genderUnknown byte = iota
	genderMale
	genderFemale
)

// genderWord returns the gender a title, kinship or role noun gives the
// person it names ("Mrs", "his daughter", "spokesman"), or genderUnknown.
func genderWord(w string) byte {
	switch strings.ToLower(strings.TrimSuffix(w, ".")) {
	case "mr", "sir", "lord", "king", "prince", "duke", "earl", "baron", "father", "dad", "husband",
		"son", "brother", "grandfather", "grandad", "grandson", "uncle", "nephew", "boyfriend",
		"spokesman", "chairman", "businessman", "councilman", "congressman", "actor", "policeman",
		"fireman", "sportsman", "headmaster", "monk", "widower", "stepfather", "fiance":
		return genderMale
	case "mrs", "ms", "miss", "dame", "lady", "queen", "princess", "duchess", "countess",
		"baroness", "mother", "mum", "mom", "wife", "daughter", "sister", "grandmother", "gran",
		"granny", "granddaughter", "aunt", "niece", "girlfriend", "spokeswoman", "chairwoman",
		"businesswoman", "councilwoman", "congresswoman", "actress", "policewoman",
		"headmistress", "nun", "widow", "stepmother", "fiancee", "fiancée":
		return genderFemale
	}
	return genderUnknown
}

// learnGenders reads the gender of each person the text introduces with a
// gendered word: in the mention's role or among the three tokens before it
// ("Her husband, Malcolm", "Proud dad Eddie Donnelly", "Mrs Tiller").
func (f *finder) learnGenders() {
	for t := range f.toks {
		m := int(f.toks[t].ment)
		if m < 0 || f.toks[t].kind != kWord || t > 0 && int(f.toks[t-1].ment) == m {
			continue
		}
		g := genderUnknown
		for _, w := range strings.Fields(f.ms[m].Role) {
			if g = genderWord(w); g != genderUnknown {
				break
			}
		}
		for k := t; g == genderUnknown && k < len(f.toks) && int(f.toks[k].ment) == m && k < t+2; k++ {
			g = genderWord(f.word(k)) // a title inside the mention: "Sir Geoffrey Pim"
		}
		for k := t - 1; g == genderUnknown && k >= 0 && k >= t-3 && !f.opensParagraph(k+1); k-- {
			if f.toks[k].kind != kWord {
				if f.isPunct(k, ',') || f.isPunct(k, '.') && f.courtesyTitle(k-1) {
					continue // "Her husband, Malcolm", "Mrs. Tiller"
				}
				break
			}
			g = genderWord(f.word(k))
		}
		if g != genderUnknown {
			f.setGender(m, g)
		}
	}
}

// setGender records gender g of the person of mention m unless one is known.
func (f *finder) setGender(m int, g byte) {
	if f.gender == nil {
		f.gender = map[string]byte{}
	}
	n := f.mentName(m)
	if _, ok := f.gender[n]; !ok {
		f.gender[n] = g
	}
}

// genderFits reports whether pronoun gender g may refer to mention m:
// m's gender is unknown or the same.
func (f *finder) genderFits(m int, g byte) bool {
	if m < 0 || g == genderUnknown || f.gender == nil {
		return true
	}
	h := f.gender[f.mentName(m)]
	return h == genderUnknown || h == g
}
