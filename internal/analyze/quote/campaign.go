package quote

import (
	"strings"

	"github.com/parallax-news/parallax/internal/analyze/resolve"
	"github.com/parallax-news/parallax/internal/model"
)

// campaignSubject reads a candidate's campaign as the speaker when the
// subject phrase ending at token t is one ("the Ruvalcaba campaign said",
// "Halloway’s campaign said in a statement", "her campaign said"): the
// campaign speaks as a company does, under the candidate's surname and
// "campaign" ("Ruvalcaba campaign"). Tokens before lo are outside the
// clause.
func (f *finder) campaignSubject(t, lo int) (speaker, bool) {
	if t-1 < lo || !f.isWord(t, "campaign") || f.toks[t].q >= 0 {
		return speaker{}, false
	}
	k := t - 1
	tk := &f.toks[k]
	if tk.kind != kWord || tk.q >= 0 {
		return speaker{}, false
	}
	p := -1
	s := k
	switch {
	case f.has(k, lxPossDet):
		// "her campaign said": the one the possessive stands for
		if g := pronounGender(f.word(k)); g != genderUnknown {
			p = f.possessor(k, g)
		}
	case tk.flags&fCap != 0 && tk.ment >= 0:
		s = f.mentStart(k)
		if typ := f.ms[tk.ment].Type; typ != model.Person && typ != model.Other {
			return speaker{}, false
		}
		// "Halloway’s campaign", "the Ruvalcaba campaign", not "a
		// Halloway campaign" (an ad, an event of it)
		if !strings.HasSuffix(f.word(k), "’s") && !strings.HasSuffix(f.word(k), "'s") && !(s-1 >= lo && f.isWord(s-1, "the")) {
			return speaker{}, false
		}
		p = int(tk.ment)
	}
	if p < 0 || f.ms[p].Type != model.Person && f.ms[p].Type != model.Other {
		return speaker{}, false
	}
	lo2 := s
	if s-1 >= lo && f.isWord(s-1, "the") {
		lo2 = s - 1
	}
	// "a person close to her campaign said", "an adviser to the
	// Ruvalcaba campaign said": the campaign is the object of another
	// subject, not the speaker
	if f.objectOfOther(lo2) {
		return speaker{}, false
	}
	name := campaignName(f.mentName(p))
	return speaker{ment: -1, name: name, mention: f.spanText(lo2, t+1), lo: lo2, hi: t + 1, ok: true}, true
}

// campaignName returns the name a candidate's campaign goes by, the
// candidate's surname and "campaign" ("Marisa Halloway" → "Halloway
// campaign").
func campaignName(person string) string {
	w := strings.Fields(unPossessive(person))
	if len(w) == 0 {
		return ""
	}
	return w[len(w)-1] + " campaign"
}

// campaignLead returns the campaign that unit u opens with as the
// subject of a verb ("Tillinghast’s campaign said Saturday that …"), when
// no person is named between its end and token t.
func (f *finder) campaignLead(u, t int) (speaker, bool) {
	un := f.units[u]
	k := f.pastDateline(un.lo, un.hi)
	for e := k + 1; e < un.hi && e < t && e <= k+3; e++ {
		if !f.isWord(e, "campaign") {
			continue
		}
		sp, ok := f.campaignSubject(e, k)
		if !ok || sp.lo != k || e+1 >= un.hi || !f.verbLike(e+1) || f.has(e+1, lxPrep) ||
			f.personBetween(int(f.toks[e].start), int(f.toks[t].start)) {
			return speaker{}, false
		}
		return sp, true
	}
	return speaker{}, false
}

// campaignOfSpokes returns the campaign an unnamed spokesperson of a
// campaign speaks for, tokens lo..t ("a campaign spokesperson", "a
// Halloway campaign spokesman"): the candidate named before "campaign",
// else, in a text that spoke of a campaign before, the one the sentence
// before opens with or the person last named; "" if none.
func (f *finder) campaignOfSpokes(t, lo int) string {
	c := t - 1
	if k := c - 1; k > lo && f.toks[k].kind == kWord && f.toks[k].flags&fCap != 0 && f.toks[k].ment >= 0 {
		if s := f.mentStart(k); s == lo+1 && (f.ms[f.toks[k].ment].Type == model.Person || f.ms[f.toks[k].ment].Type == model.Other) {
			return campaignName(f.mentName(int(f.toks[k].ment)))
		}
		return ""
	}
	if c != lo+1 {
		return ""
	}
	pos := int(f.toks[lo].start)
	if !strings.Contains(f.text[:pos], "campaign") && !strings.Contains(f.text[:pos], "Campaign") {
		return ""
	}
	p := -1
	if u := f.unitOf(pos); u >= 1 {
		if s := f.leadSubject(u - 1); s >= 0 && f.ms[s].Type == model.Person {
			p = s
		}
	}
	if p < 0 {
		p = f.nearest(pos, model.Person, "", genderUnknown)
	}
	if p < 0 || pos-f.ms[p].Start > 1500 {
		return ""
	}
	return campaignName(f.mentName(p))
}

// officeSubject reads an officeholder's office as the speaker when the
// subject phrase ending at token t is "his office" or "her office" and
// the one the possessive stands for holds a public office by title
// ("Gov. Ann Roe … his office said" is the governor's office); a person
// without such a title is left to the other readings.
func (f *finder) officeSubject(t, lo int) (speaker, bool) {
	k := t - 1
	if k < lo || !f.isWord(t, "office") || f.toks[t].q >= 0 || !(f.isWord(k, "his") || f.isWord(k, "her")) {
		return speaker{}, false
	}
	if f.objectOfOther(k) {
		return speaker{}, false
	}
	p := f.possessor(k, pronounGender(f.word(k)))
	if p < 0 || f.ms[p].Type != model.Person {
		return speaker{}, false
	}
	// the title the recogniser kept apart, right before the name
	// ("Gov. Russ Haverford")
	name := officeOf(f.ms[p].Role)
	if e := f.tokAt(f.ms[p].Start); name == "" {
		r := ""
		j := e
		for j-1 >= 0 && j > e-4 && (f.toks[j-1].kind == kWord && f.toks[j-1].flags&fCap != 0 || f.isPunct(j-1, '.')) {
			j--
		}
		if j < e {
			r = f.spanText(j, e)
		}
		// or kept inside the mention before the name
		if m := f.ms[p]; m.Key != "" && strings.HasSuffix(f.text[m.Start:m.End], m.Key) {
			r += " " + strings.TrimSuffix(f.text[m.Start:m.End], m.Key)
		}
		name = officeOf(strings.Join(strings.Fields(r), " "))
	}
	if name == "" {
		return speaker{}, false
	}
	return speaker{ment: -1, name: name, mention: f.spanText(k, t+1), lo: k, hi: t + 1, ok: true}, true
}

// officeOf returns the name of the office a holder of role r speaks
// through ("Gov." → "governor's office"), or "" for a role of no such
// office.
func officeOf(r string) string {
	l := strings.ToLower(r)
	for _, o := range [...]string{"attorney general", "district attorney", "prime minister", "secretary of state"} {
		if strings.Contains(l, o) {
			return o + "'s office"
		}
	}
	for _, o := range [...]string{"governor", "mayor", "president", "premier", "prefect", "senator"} {
		if resolve.HasRole(r, o) {
			return o + "'s office"
		}
	}
	return ""
}

// objectOfOther reports whether the phrase opening at token s is the
// object of another subject ("a person close to her campaign", "an
// adviser to his office"), a lower-case word before it other than a
// conjunction; "a spokesman for" the phrase is no other subject.
func (f *finder) objectOfOther(s int) bool {
	b := s - 1
	if b < 0 || f.toks[b].kind != kWord || f.toks[b].flags&fLower == 0 || f.isWord(b, "and") || f.isWord(b, "but") || f.isWord(b, "that") {
		return false
	}
	return !(f.isWord(b, "for") && b-1 >= 0 && isSpokes(strings.ToLower(f.word(b-1))))
}
