package quote

import (
	"strings"

	"github.com/parallax-news/parallax/internal/model"
)

// describedThenNamed names the speaker the text first describes and names
// only afterwards: "A woman who lives above the shop said she heard
// shouting. “…,” she said. ¶ The woman, Ann Roe, 58, said …". A sentence
// opening with "The", a noun that gives a sex, a comma and a name the
// text has not used before, and reporting speech, names the quotations
// just before it that a pronoun of that sex or a description attributes,
// back to the first named speaker, when an indefinite phrase ("A woman
// who …", "Another parent, a father of three,") or a description with
// nobody named ("the daughter told the court") introduced them.
func (f *finder) describedThenNamed() {
	for u := 1; u < len(f.units); u++ {
		t := f.units[u].lo
		if t+3 >= f.units[u].hi || !f.isWord(t, "the") || f.toks[t].q >= 0 || !f.isPunct(t+2, ',') {
			continue
		}
		nt := &f.toks[t+1]
		if nt.kind != kWord || nt.flags&fLower == 0 || nt.ment >= 0 {
			continue
		}
		g := nounGender(nt.lex.gender, strings.ToLower(f.word(t+1)))
		m := -1
		if n := &f.toks[t+3]; n.kind == kWord && n.ment >= 0 && f.mentStart(t+3) == t+3 {
			m = int(n.ment)
		}
		if m < 0 || !f.validMent(m) || f.ms[m].Type != model.Person || !f.firstNamed(m) || !f.cueAfter(f.mentEnd(t+3), f.units[u].hi) {
			continue
		}
		// a noun that gives no sex ("The neighbor, Ann Roe,") must be
		// the one the indefinite phrase introduced ("A neighbor who …")
		noun := ""
		if g == genderUnknown {
			noun = strings.ToLower(f.word(t + 1))
		}
		f.nameDescribed(u, m, g, noun)
	}
}

// firstNamed reports whether mention m is the first of its name.
func (f *finder) firstNamed(m int) bool {
	name := f.mentName(m)
	for i := 0; i < m; i++ {
		if f.validMent(i) && f.ms[i].Start < f.ms[m].Start && f.mentName(i) == name {
			return false
		}
	}
	return true
}

// cueAfter reports whether a reporting verb stands outside quotations
// among tokens lo..hi-1.
func (f *finder) cueAfter(lo, hi int) bool {
	for k := lo; k < hi; k++ {
		if f.toks[k].q < 0 && f.isCue(k) {
			return true
		}
	}
	return false
}

// nameDescribed gives mention m to the quotations before unit u that
// describedThenNamed reads as m's (see there); g is the sex the noun
// naming m gives.
func (f *finder) nameDescribed(u, m int, g byte, noun string) {
	last := -1 // the earliest quotation taken
	unnamed := false
	p := f.paraOf(f.units[u].lo)
	for i := len(f.quots) - 1; i >= 0; i-- {
		q := &f.quots[i]
		if q.unit >= u {
			continue
		}
		if p-f.paraOf(f.units[q.unit].lo) > 3 || !q.attributed {
			break
		}
		w, rest, _ := strings.Cut(q.spMention, " ")
		lw := strings.ToLower(w)
		switch {
		case rest == "" && (lw == "he" || lw == "she") && (pronounGender(lw) == g || g == genderUnknown && noun != ""):
			g = pronounGender(lw)
		case rest != "" && (lw == "the" || lw == "a" || lw == "an" || lw == "another") && !strings.ContainsAny(rest, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") && q.spName == "":
			h := strings.ToLower(rest[strings.LastIndexByte(rest, ' ')+1:])
			if ng := nounGender(lookup(h).gender, h); ng != genderUnknown && ng != g {
				i = -1
				continue
			}
			unnamed = true
		default:
			i = -1 // a named speaker, or one of the other sex
			continue
		}
		last = i
	}
	if last < 0 {
		return
	}
	if noun != "" {
		if !f.indefiniteLeadOf(f.quots[last].unit, noun) && !f.indefiniteLeadOf(f.quots[last].unit-1, noun) {
			return
		}
	} else if !unnamed && !f.indefiniteLead(f.quots[last].unit) && !f.indefiniteLead(f.quots[last].unit-1) {
		return
	}
	for i := last; i < len(f.quots) && f.quots[i].unit < u; i++ {
		q := &f.quots[i]
		q.speaker, q.spName = m, f.mentName(m)
	}
}

// indefiniteLead reports whether unit u opens with an indefinite phrase
// of lower-case words for a person the text does not name ("A woman who
// lives …", "Another parent, a father of three, …").
func (f *finder) indefiniteLead(u int) bool {
	if u < 0 || u >= len(f.units) {
		return false
	}
	k := f.units[u].lo
	if f.toks[k].q >= 0 || !(f.isWord(k, "a") || f.isWord(k, "an") || f.isWord(k, "another")) {
		return false
	}
	for n := k + 1; n < f.units[u].hi && n <= k+3; n++ {
		tk := &f.toks[n]
		if tk.kind != kWord || tk.flags&fLower == 0 || tk.ment >= 0 {
			return false
		}
		if f.isWord(n+1, "who") || f.isPunct(n+1, ',') || nounGender(tk.lex.gender, strings.ToLower(f.word(n))) != genderUnknown {
			return true
		}
	}
	return false
}

// indefiniteLeadOf reports whether unit u opens with "A", "An" or
// "Another" and lower-case noun w within its first three words ("A
// neighbor who lives across the street").
func (f *finder) indefiniteLeadOf(u int, w string) bool {
	if u < 0 || u >= len(f.units) {
		return false
	}
	k := f.units[u].lo
	if f.toks[k].q >= 0 || !(f.isWord(k, "a") || f.isWord(k, "an") || f.isWord(k, "another")) {
		return false
	}
	for n := k + 1; n < f.units[u].hi && n <= k+3 && f.toks[n].kind == kWord && f.toks[n].flags&fLower != 0 && f.toks[n].ment < 0; n++ {
		if f.isWord(n, w) {
			return true
		}
	}
	return false
}
