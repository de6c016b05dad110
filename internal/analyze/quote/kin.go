package quote

import (
	"strings"

	"github.com/parallax-news/parallax/internal/model"
)

// kinBase returns the relation lower-case w names, with the forms of one
// relation folded together ("mum", "mom" and "mother" are "mother") and a
// "great-" prefix kept ("great-grandson"), or "" when w names none.
func kinBase(w string) string {
	rest := w
	for strings.HasPrefix(rest, "great-") {
		rest = rest[len("great-"):]
	}
	base := ""
	switch rest {
	case "mother", "mum", "mom", "mam":
		base = "mother"
	case "father", "dad":
		base = "father"
	case "grandmother", "gran", "granny", "grandma", "nan", "nana":
		base = "grandmother"
	case "grandfather", "grandad", "granddad", "grandpa":
		base = "grandfather"
	case "brother", "sister", "son", "daughter", "wife", "husband", "grandson", "granddaughter",
		"aunt", "uncle", "niece", "nephew", "cousin", "stepmother", "stepfather", "stepson", "stepdaughter",
		"fiance", "fiancé", "fiancee", "fiancée", "twin":
		base = rest
	}
	if base == "" {
		return ""
	}
	return w[:len(w)-len(rest)] + base
}

// kinGender returns the gender a relation noun gives its holder, "great-"
// prefixes aside, or genderUnknown ("cousin").
func kinGender(w string) byte {
	for strings.HasPrefix(w, "great-") {
		w = w[len("great-"):]
	}
	return lookup(w).gender
}

// ageWord reports whether lower-case w ranks relatives by age ("the
// younger sister", "her eldest son").
func ageWord(w string) bool {
	switch w {
	case "younger", "older", "elder", "youngest", "oldest", "eldest", "big", "little", "baby", "twin":
		return true
	}
	return false
}

// kinPhrase reads a relation noun phrase ending at token t ("her mother",
// "Marchetti's brother", "the younger sister", "his father") as the
// relative the text introduced with that relation before: the one named
// with it ("her mother, Connie Marchetti"; "Ann Roe, her sister,"), or an
// unnamed speaker when the latest sentence to introduce that relation
// left them unnamed ("The boy's father, reached by phone, said …"). An
// age word in the phrase matches the relative introduced with it under
// another noun of the same gender ("Her younger daughter, Ann Roe" for
// "the younger sister"). ok is false when the phrase is no relation or
// the text introduced no such relative.
func (f *finder) kinPhrase(t, lo int) (speaker, bool) {
	if t < 0 || t >= len(f.toks) || f.toks[t].kind != kWord || f.toks[t].flags&fLower == 0 || f.toks[t].ment >= 0 {
		return speaker{}, false
	}
	w := strings.ToLower(f.word(t))
	base := kinBase(w)
	if base == "" {
		return speaker{}, false
	}
	// the determiner: "the", "his", "her", "their" or a possessive name
	k := t - 1
	var ages []string
	for k >= lo && k > t-3 && f.toks[k].kind == kWord && f.toks[k].flags&(fLower|fPoss) == fLower && f.toks[k].ment < 0 && f.toks[k].lex.class == 0 {
		a := strings.ToLower(f.word(k))
		if !ageWord(a) {
			return speaker{}, false
		}
		ages = append(ages, a)
		k--
	}
	if k < lo || f.toks[k].kind != kWord || !(f.isWord(k, "the") || f.has(k, lxPossDet) || f.toks[k].flags&fPoss != 0) {
		return speaker{}, false
	}
	s := k
	if f.toks[k].ment >= 0 {
		s = max(f.mentStart(k), lo)
	} else if f.toks[k].flags&fPoss != 0 && k-1 >= lo && f.isWord(k-1, "the") {
		s = k - 1 // "the boy's father"
	}
	if f.has(s-1, lxPrep) && s-1 >= lo {
		return speaker{}, false // "to her mother"
	}
	sp := speaker{ment: -1, mention: f.spanText(s, t+1), lo: s, hi: t + 1, ok: true}
	pos := int(f.toks[s].start)
	u := f.unitOf(pos)
	if u < 0 {
		return speaker{}, false
	}
	own := int(f.toks[f.units[u].lo].start)
	g := kinGender(w)
	fallback := -1
	for j := s - 1; j >= 0 && pos-int(f.toks[j].start) < 20000; j-- {
		tk := &f.toks[j]
		if tk.kind != kWord || tk.q >= 0 || tk.ment >= 0 || tk.flags&fLower == 0 {
			continue
		}
		v := strings.ToLower(f.word(j))
		vb := kinBase(v)
		if vb == "" {
			continue
		}
		same := vb == base
		if !same && len(ages) > 0 && g != genderUnknown && kinGender(v) == g {
			for _, a := range ages {
				if f.isWord(j-1, a) || f.isWord(j-2, a) {
					same = true
				}
			}
		}
		if !same {
			continue
		}
		if m := f.kinNamed(j); m >= 0 {
			// "her daughter" is the one introduced so, not "her younger
			// daughter", who the text tells apart from her
			if len(ages) == 0 && (ageWord(strings.ToLower(f.word(j-1))) || ageWord(strings.ToLower(f.word(j-2)))) {
				if fallback < 0 {
					fallback = m
				}
				continue
			}
			return f.kinSpeaker(sp, m), true
		}
		// an unnamed relative opening an earlier sentence ("The boy's
		// father, reached by phone, said …")
		if int(tk.start) < own && f.kinLeads(j) {
			if fallback >= 0 {
				break
			}
			return sp, true
		}
	}
	if fallback >= 0 {
		return f.kinSpeaker(sp, fallback), true
	}
	return speaker{}, false
}

// kinSpeaker returns sp as mention m, with the family name the text
// gives a relative named by a given name alone.
func (f *finder) kinSpeaker(sp speaker, m int) speaker {
	sp.ment, sp.name = m, f.mentName(m)
	if n := f.kinFullName(m); n != "" {
		sp.name = n
	}
	return sp
}

// kinNamed returns the person the relation noun at token j is given to
// by name: the name set after it ("her mother, Connie Roe", "his
// great-grandson Ollie") or before it ("Connie Roe, her mother,"), when
// a possessive stands before the noun; or -1.
func (f *finder) kinNamed(j int) int {
	p := j - 1
	for p >= 0 && p > j-3 && f.toks[p].kind == kWord && f.toks[p].flags&fLower != 0 && f.toks[p].lex.class == 0 && f.toks[p].ment < 0 {
		p-- // "her younger daughter"
	}
	if p < 0 || !(f.has(p, lxPossDet) || f.toks[p].kind == kWord && f.toks[p].flags&fPoss != 0 && f.toks[p].ment >= 0) {
		return -1
	}
	person := func(n int) int {
		if n < 0 || n >= len(f.toks) || f.toks[n].kind != kWord || f.toks[n].q >= 0 {
			return -1
		}
		m := int(f.toks[n].ment)
		if m < 0 || !f.validMent(m) || f.ms[m].Type != model.Person && f.ms[m].Type != model.Other || f.possessive(m) {
			return -1
		}
		return m
	}
	n := j + 1
	if f.isPunct(n, ',') {
		n++
	}
	if m := person(n); m >= 0 && f.mentStart(n) == n {
		return m
	}
	// "Connie Roe, her mother, said"
	s := p
	if f.toks[p].ment >= 0 {
		s = f.mentStart(p)
	}
	if f.isPunct(s-1, ',') && f.isPunct(j+1, ',') {
		if m := person(s - 2); m >= 0 {
			return m
		}
	}
	return -1
}

// kinLeads reports whether the relation noun at token j heads the phrase
// its sentence opens with ("His father, who did not give his name, …",
// "The boy's father said …").
func (f *finder) kinLeads(j int) bool {
	u := f.pronounUnit(j)
	if u < 0 {
		return false
	}
	k := f.units[u].lo
	if f.isWord(k, "the") {
		k++
	}
	if f.toks[k].ment >= 0 && f.toks[k].flags&fPoss == 0 {
		k = f.mentEnd(k) - 1
		if f.toks[k].flags&fPoss == 0 {
			return false
		}
	}
	if !f.has(k, lxPossDet) && f.toks[k].flags&fPoss == 0 {
		return false
	}
	for n := k + 1; n < j; n++ {
		if f.toks[n].kind != kWord || f.toks[n].flags&fLower == 0 {
			return false
		}
	}
	return j-k <= 3
}

// kinLeadNamed returns the relative of gender g that the sentence before
// the one holding pronoun t opens with, by a relation the text gave
// their name with before ("Her mother, Ann Roe, … . ¶ Her mother spoke
// briefly. ¶ “…,” she said"), when that sentence names no other person;
// or -1.
func (f *finder) kinLeadNamed(t int, g byte) int {
	u := f.pronounUnit(t)
	if u < 1 {
		return -1
	}
	v := f.units[u-1]
	k := v.lo
	if f.isWord(k, "the") {
		k++
	}
	if k >= v.hi || f.toks[k].q >= 0 || !f.has(k, lxPossDet) && f.toks[k].flags&fPoss == 0 {
		return -1
	}
	if f.toks[k].ment >= 0 {
		k = f.mentEnd(k) - 1
	}
	n := k + 1
	for n < v.hi && n <= k+3 && f.toks[n].kind == kWord && f.toks[n].flags&fLower != 0 && kinBase(strings.ToLower(f.word(n))) == "" {
		n++
	}
	if n >= v.hi || f.toks[n].kind != kWord || f.toks[n].flags&fLower == 0 || kinGender(strings.ToLower(f.word(n))) != g {
		return -1
	}
	sp, ok := f.kinPhrase(n, v.lo)
	if !ok || sp.ment < 0 || !f.genderFits(sp.ment, g) {
		return -1
	}
	for j := n + 1; j < v.hi; j++ {
		if m := f.toks[j].ment; m >= 0 && f.toks[j].q < 0 && f.ms[m].Type == model.Person && f.mentName(int(m)) != f.mentName(sp.ment) {
			return -1
		}
	}
	if f.personBetween(int(f.toks[v.hi-1].start), int(f.toks[t].start)) {
		return -1
	}
	return sp.ment
}

// kinNoun reports whether token t is a lower-case relation noun ("her
// mother", "the younger sister"): a phrase ending in it names the
// speaker where it stands, however far back their name is.
func (f *finder) kinNoun(t int) bool {
	return t >= 0 && t < len(f.toks) && f.toks[t].kind == kWord && f.toks[t].flags&fLower != 0 && kinBase(strings.ToLower(f.word(t))) != ""
}
