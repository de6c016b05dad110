package quote

import (
	"strings"

	"github.com/parallax-news/parallax/internal/analyze/entity"
	"github.com/parallax-news/parallax/internal/model"
)

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
			if f.has(k, lxPrep) {
				break // "a spokeswoman for Veradyne": the word before is someone else's
			}
			g = f.toks[k].lex.gender
			if g == genderUnknown && f.toks[k].flags&fLower != 0 && k+1 < len(f.toks) && f.isPunct(k+1, ',') {
				g = nounGender(g, f.word(k)) // "The man, Elwyn Roe,"
			}
			if base, _, ok := strings.Cut(f.word(k), "-of-"); ok && g == genderUnknown {
				g = lookup(strings.ToLower(base)).gender // "Mum-of-three Leanne"
			}
			if g == genderUnknown && f.toks[k].flags&fLower != 0 && strings.HasPrefix(f.word(k), "great-") {
				g = kinGender(f.word(k)) // "her great-grandson Ollie"
			}
		}
		if g == genderUnknown {
			g = f.appositiveGender(f.mentEnd(t))
		}
		// "Roe said in her opening remarks", "Roe wrote on his
		// account": the possessive after the verb of saying the name is
		// the subject of
		if e := f.mentEnd(t); g == genderUnknown && e+2 < len(f.toks) && f.toks[e].kind == kWord && f.toks[e].flags&fLower != 0 &&
			f.isCue(e) && f.has(e+1, lxPrep) && f.toks[e+2].kind == kWord && f.toks[e+2].q < 0 {
			if w := f.word(e + 2); w == "his" || w == "her" {
				g = pronounGender(w)
			}
		}
		if ng := givenGender(f.mentName(m)); ng != genderUnknown && (f.ms[m].Type == model.Person || f.ms[m].Type == model.Other) {
			if f.nameGender == nil {
				f.nameGender = make([]byte, len(f.ms))
			}
			f.nameGender[m] = ng
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
	if m < 0 || g == genderUnknown {
		return true
	}
	if f.clubName(m) {
		return false // "he" is never a club the recogniser took for a person
	}
	if m < len(f.gender) && f.gender[m] != genderUnknown {
		return f.gender[m] == g
	}
	return m >= len(f.nameGender) || f.nameGender[m] == genderUnknown || f.nameGender[m] == g
}

// learnPronounGenders reads the gender of a person the text never gives
// a gendered word from the pronouns that refer to them: in a sentence
// naming one person outside its quotations, a possessive "his" or "her"
// after the name and before any reporting verb ("Ann Roe, who …, has
// died at her home"), or, with the person the sentence's subject, a "He"
// or "She" opening the next sentence. A gendered noun before the
// possessive ("her husband", "a woman") leaves it open, as does a second
// person, and a pronoun after a reporting verb ("said she had") may be
// someone else's.
func (f *finder) learnPronounGenders() {
	for u, un := range f.units {
		m, mt := -1, -1
		for t := un.lo; t < un.hi && m != -2; t++ {
			tk := &f.toks[t]
			// (one named after the verb of saying is no matter: the
			// possessive is read before it, "Roe, who has made his
			// record the center of his campaign, said Ann Lee had …")
			if m >= 0 && tk.kind == kWord && tk.q < 0 && f.isCue(t) {
				break
			}
			if tk.kind != kWord || tk.q >= 0 || tk.ment < 0 {
				continue
			}
			k := int(tk.ment)
			if f.ms[k].Type != model.Person && f.ms[k].Type != model.Other || !f.validMent(k) || f.clubName(k) {
				continue // a club is not "his" or "her"
			}
			switch {
			case m < 0:
				m, mt = k, t
			case f.mentName(k) != f.mentName(m):
				m = -2
			}
		}
		if m < 0 || f.gender != nil && f.gender[m] != genderUnknown {
			continue
		}
		g := genderUnknown
		for t := f.mentEnd(mt); t < un.hi && g == genderUnknown; t++ {
			tk := &f.toks[t]
			if tk.kind != kWord || tk.q >= 0 {
				continue
			}
			if tk.lex.gender != genderUnknown || tk.lex.class&lxCue != 0 || personNoun(f.word(t)) {
				break // "her husband", "said she", "a woman in her seventies": someone else
			}
			if w := f.word(t); (w == "his" || w == "her") && t+1 < un.hi && f.toks[t+1].kind == kWord &&
				f.toks[t+1].flags&fLower != 0 && f.toks[t+1].lex.class&^lxCommon == 0 {
				g = pronounGender(w) // "her home", not "accuses her of"
				if u > 0 && f.pronounOpens(u-1, g) {
					// "Her colleagues disagree. Dr Roe, who supervised
					// her doctorate, says …": the sentence before opens
					// with that pronoun for someone else, who keeps it
					g = genderUnknown
					break
				}
			}
		}
		if g == genderUnknown && u+1 < len(f.units) && f.leadSubject(u) == m {
			if n := f.units[u+1].lo; f.toks[n].kind == kWord && f.toks[n].q < 0 && f.toks[n].flags&fCap != 0 {
				switch f.word(n) {
				case "He", "She":
					g = pronounGender(f.word(n))
				}
			}
		}
		// a given name of the other gender: the pronoun is someone
		// else's ("The critic Lionel Roe described her library")
		if g != genderUnknown && (m >= len(f.nameGender) || f.nameGender[m] == genderUnknown || f.nameGender[m] == g) {
			f.setGender(m, g)
		}
	}
}

// pronounOpens reports whether unit u opens with a third-person pronoun
// or possessive of gender g ("She", "Her colleagues") outside quotation
// marks.
func (f *finder) pronounOpens(u int, g byte) bool {
	t := f.units[u].lo
	if f.toks[t].kind != kWord || f.toks[t].q >= 0 || f.toks[t].flags&fCap == 0 {
		return false
	}
	switch f.word(t) {
	case "He", "His", "She", "Her":
		return pronounGender(f.word(t)) == g
	}
	return false
}

// pronounGender returns the gender of third-person singular pronoun w, or
// genderUnknown.
func pronounGender(w string) byte {
	switch strings.ToLower(w) {
	case "he", "his", "him", "himself":
		return genderMale
	case "she", "her", "hers", "herself":
		return genderFemale
	}
	return genderUnknown
}

// personNoun reports whether w is a noun for a person whose gender the
// lexicon does not record ("woman", "boy").
func personNoun(w string) bool {
	switch w {
	case "man", "woman", "boy", "girl", "men", "women", "boys", "girls", "gentleman", "lad", "lass":
		return true
	}
	return false
}

// tradeFemale returns genderFemale for w, a role noun in "-woman"
// ("congresswoman", "chairwoman"), and genderUnknown for any other: a
// role in "-man" is written for women too ("chairman").
func tradeFemale(w string) byte {
	if len(w) > 5 && strings.HasSuffix(w, "woman") {
		return genderFemale
	}
	return genderUnknown
}

// tradeGender returns the gender of w, a noun of seven letters or more
// for someone by their trade that ends in "-woman" or "-man" ("the
// businesswoman", "the retired postman"), or genderUnknown.
func tradeGender(w string) byte {
	switch {
	case len(w) < 7:
		return genderUnknown
	case strings.HasSuffix(w, "woman"):
		return genderFemale
	case strings.HasSuffix(w, "man"):
		return genderMale
	}
	return genderUnknown
}

// givenGender returns the gender that the first word of name, a person's
// name of two words or more ("Lionel Foxborough"), has as a given name
// used almost only for men or only for women; genderUnknown for other
// names, a lone word and names given to both.
func givenGender(name string) byte {
	first, rest, ok := strings.Cut(name, " ")
	if !ok || rest == "" || len(first) < 2 || first[0] < 'A' || first[0] > 'Z' {
		return genderUnknown
	}
	// lower-case into a buffer: no allocation for the map look-up
	var buf [24]byte
	if len(first) > len(buf) {
		return genderUnknown
	}
	for i := 0; i < len(first); i++ {
		c := first[i]
		if c >= 0x80 {
			return sexGender(entity.GivenNameSex(strings.ToLower(first))) // "Begoña": rare
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	if g := sexGender(entity.GivenNameSex(string(buf[:len(first)]))); g != genderUnknown {
		return g
	}
	return surnameGender(rest)
}

// surnameGender returns genderFemale when the family name at the end of
// rest has a Slavic woman's ending ("Zhuravleva", "Prilutskaya",
// "Nowacka"), else genderUnknown. The man's form ("Rudakovsky",
// "Sokolowski") tells nothing: families abroad keep it for women too.
func surnameGender(rest string) byte {
	last := rest
	if i := strings.LastIndexByte(rest, ' '); i >= 0 {
		last = rest[i+1:]
	}
	for part := range strings.SplitSeq(last, "-") {
		// Every ending below ends in "a", and only an ASCII "a" or "A"
		// lower-cases to it (see lowerToASCII): skip lower-casing a
		// part that ends otherwise.
		if n := len(part); n == 0 || part[n-1]|0x20 != 'a' {
			continue
		}
		w := strings.ToLower(part)
		if len(w) < 5 || w[0] < 'a' || w[0] > 'z' {
			continue
		}
		// (not the Spanish "-ueva" of "Villanueva", "Cueva")
		if strings.HasSuffix(w, "ova") || strings.HasSuffix(w, "eva") && !strings.HasSuffix(w, "ueva") || strings.HasSuffix(w, "skaya") ||
			strings.HasSuffix(w, "ska") || strings.HasSuffix(w, "cka") {
			return genderFemale
		}
	}
	return genderUnknown
}

// sexGender maps the entity package's 'm' and 'f' to a gender.
func sexGender(s byte) byte {
	switch s {
	case 'm':
		return genderMale
	case 'f':
		return genderFemale
	}
	return genderUnknown
}
