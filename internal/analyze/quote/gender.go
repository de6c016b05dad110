package quote

import "strings"

// Grammatical gender of a person, as "he" and "she" refer to them.
const (
	genderUnknown byte = iota
	genderMale
	genderFemale
)

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
		for w := range strings.SplitSeq(f.ms[m].Role, " ") {
			if g = lookup(strings.TrimSuffix(w, ".")).gender; g != genderUnknown {
				break
			}
		}
		for k := t; g == genderUnknown && k < len(f.toks) && int(f.toks[k].ment) == m && k < t+2; k++ {
			g = f.toks[k].lex.gender // a title inside the mention: "Sir Geoffrey Pim"
		}
		for k := t - 1; g == genderUnknown && k >= 0 && k >= t-3 && !f.opensParagraph(k+1); k-- {
			if f.toks[k].kind != kWord {
				if f.isPunct(k, ',') || f.isPunct(k, '.') && f.courtesyTitle(k-1) {
					continue // "Her husband, Malcolm", "Mrs. Tiller"
				}
				break
			}
			g = f.toks[k].lex.gender
			if base, _, ok := strings.Cut(f.word(k), "-of-"); ok && g == genderUnknown {
				g = lookup(strings.ToLower(base)).gender // "Mum-of-three Leanne"
			}
		}
		if g == genderUnknown {
			g = f.appositiveGender(f.mentEnd(t))
		}
		if g != genderUnknown {
			f.setGender(m, g)
		}
	}
}

// appositiveGender returns the gender an appositive after a name gives,
// the appositive opening with the comma at token e: "Ross Lennie, Morag's
// son,", "Ann Roe, a spokeswoman for X,", "Tom Hale, her husband,".
func (f *finder) appositiveGender(e int) byte {
	if !f.isPunct(e, ',') {
		return genderUnknown
	}
	for k := e + 1; k < len(f.toks) && k <= e+3; k++ {
		tk := &f.toks[k]
		if tk.kind != kWord || tk.q >= 0 {
			return genderUnknown
		}
		if tk.flags&fLower != 0 && tk.lex.gender != genderUnknown {
			return tk.lex.gender
		}
		// only determiners and possessives come before the word
		if tk.lex.class&(lxDet|lxPossDet) == 0 && tk.flags&fPoss == 0 {
			return genderUnknown
		}
	}
	return genderUnknown
}

// setGender records gender g of the person of mention m, and of every
// mention of the same name, unless one is known.
func (f *finder) setGender(m int, g byte) {
	if f.gender == nil {
		f.gender = make([]byte, len(f.ms))
	}
	if f.gender[m] != genderUnknown {
		return
	}
	n := f.mentName(m)
	for i := range f.ms {
		if f.gender[i] == genderUnknown && f.ms[i].Type == f.ms[m].Type && f.validMent(i) && f.mentName(i) == n {
			f.gender[i] = g
		}
	}
}

// genderFits reports whether pronoun gender g may refer to mention m:
// m's gender is unknown or the same.
func (f *finder) genderFits(m int, g byte) bool {
	if m < 0 || m >= len(f.gender) || g == genderUnknown {
		return true
	}
	return f.gender[m] == genderUnknown || f.gender[m] == g
}
