package quote

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/analyze/resolve"
	"github.com/parallax-news/parallax/internal/model"
)

func (f *finder) fromMention(m, lo, hi int) speaker {
	sp := speaker{ment: m, mention: f.spanText(lo, hi), lo: lo, hi: hi, ok: true}
	if mt := f.ms[m].Text; mt != "" {
		sp.mention = mt
	}
	sp.name = f.mentName(m)
	// "the DPP asked": the person named before with the role those
	// letters stand for ("Deputy Public Prosecutor Ann Roe")
	// (not letters the recogniser tied to a body's full name: "the MEA
	// said" after "Ministry of External Affairs spokesperson X" is the
	// ministry)
	if f.ms[m].Type != model.Person && !f.spelledBody(m) {
		if p := f.acronymHolder(m); p >= 0 {
			sp.ment, sp.name = p, f.mentName(p)
		}
	}
	if p := f.honorificHolder(m); p >= 0 {
		sp.ment, sp.name = p, f.mentName(p)
	}
	if n := f.kinFullName(sp.ment); n != "" {
		sp.name = n
	}
	return sp
}

// spelledBody reports whether mention m is an organization the recogniser
// tied to a longer name of its own, as letters standing for a body spelled
// out elsewhere in the text ("ISMD" for "Inter-Services Media
// Directorate"), no title among its words.
func (f *finder) spelledBody(m int) bool {
	k := f.ms[m].Key
	if f.ms[m].Type != model.Organization || len(k) <= len(f.mentText(m)) || !strings.Contains(k, " ") {
		return false
	}
	// not a title spelled out ("DSP" for "Deputy Superintendent of
	// Police")
	for w := range strings.FieldsSeq(k) {
		if lookup(strings.ToLower(w)).class&lxRole != 0 {
			return false
		}
	}
	return true
}

// kinFullName returns the full name of a relative the text names by a
// given name alone after a kinship word and a possessive ("His son,
// Dwight, 44, works the crowd"): that given name and the family name of
// the person the possessive stands for ("Dwight Vanderploeg"). It returns
// "" for any other mention.
func (f *finder) kinFullName(m int) string {
	if m < 0 || !f.validMent(m) || f.ms[m].Type != model.Person && f.ms[m].Type != model.Other {
		return ""
	}
	name := f.mentName(m)
	if name == "" || strings.ContainsAny(name, " -.") || name[0] < 'A' || name[0] > 'Z' {
		return ""
	}
	// the first mention of that name
	first := -1
	for i := 0; i < len(f.ms) && f.ms[i].Start <= f.ms[m].Start; i++ {
		if f.validMent(i) && f.mentName(i) == name {
			first = i
			break
		}
	}
	if first < 0 {
		return ""
	}
	s := f.tokAt(f.ms[first].Start)
	if s < 3 || !f.isPunct(s-1, ',') || !sameSurnameKin(f.word(s-2)) {
		return ""
	}
	p := -1
	switch {
	case f.isWord(s-3, "his") || f.isWord(s-3, "her"):
		p = f.possessor(s-3, pronounGender(f.word(s-3)))
	case f.toks[s-3].kind == kWord && f.toks[s-3].flags&fPoss != 0 && f.toks[s-3].ment >= 0 && f.toks[s-3].q < 0 &&
		!f.isWord(s-2, "wife") && !f.isWord(s-2, "husband"):
		// "Marchetti's brother, Vince": the one the possessive names
		// (a spouse after a surname alone may keep their own)
		p = int(f.toks[s-3].ment)
	}
	if p < 0 || !f.fullPerson(p) {
		return ""
	}
	full := f.mentName(p)
	i := strings.LastIndexByte(full, ' ')
	if i < 0 || full[:i] == name {
		return ""
	}
	return name + full[i:]
}

// sameSurnameKin reports whether lower-case w is a relation that usually
// shares the family's name: a child, a spouse, a sibling.
func sameSurnameKin(w string) bool {
	switch w {
	case "son", "daughter", "wife", "husband", "brother", "sister", "grandson", "granddaughter", "mother", "father":
		return true
	}
	return false
}

// honorificHolder returns the person named before mention m whom m, a
// style of address ("His Highness", "Her Excellency"), stands for: the
// nearest whose role holds that style ("His Highness Sheikh X"; "H.E."
// for an excellency) and whose sex, when known, is not other than the
// possessive before it says, or -1.
func (f *finder) honorificHolder(m int) int {
	// Both styles end in an ASCII letter, which only itself and its
	// upper case lower-case to (see lowerToASCII): a key that ends in
	// another ASCII byte holds neither, without lower-casing it.
	if k := f.ms[m].Key; k == "" || k[len(k)-1] < utf8.RuneSelf && k[len(k)-1]|0x20 != 's' && k[len(k)-1]|0x20 != 'y' {
		return -1
	}
	var style string
	switch w := strings.ToLower(f.ms[m].Key); {
	case strings.HasSuffix(w, "highness"):
		style = "Highness"
	case strings.HasSuffix(w, "excellency"):
		style = "Excellency"
	default:
		return -1
	}
	g := genderUnknown
	if ws := strings.Fields(f.mentText(m)); len(ws) > 1 {
		g = pronounGender(ws[0])
	} else if t := f.tokAt(f.ms[m].Start); t > 0 {
		g = pronounGender(f.word(t - 1))
	}
	return f.res.Nearest(f.ms[m].Start, 50000, resolve.Person, func(i int) bool {
		if f.ms[i].Type != model.Person || !f.validMent(i) || f.inQuotation(f.ms[i].Start) {
			return false
		}
		if g != genderUnknown && i < len(f.gender) && f.gender[i] != genderUnknown && f.gender[i] != g {
			return false
		}
		return hasWordFold(f.ms[i].Role, style) || style == "Excellency" && hasWordFold(f.ms[i].Role, "H.E.")
	})
}

// acronymHolder returns the person named before mention m whom m's
// capital letters (two to five of them) stand for (see acronymPerson), or
// -1.
func (f *finder) acronymHolder(m int) int {
	return f.acronymPerson(f.mentText(m), f.ms[m].Start)
}

// acronymPerson returns the person named before byte pos whom the
// acronym a (two to five capital letters) stands for, or -1: one whose
// role's capitalised words have a's letters as their initials, "DPP" of
// "Deputy Public Prosecutor"; one whose role holds a as its rank, with
// nothing after it but capitalised titles ("Kotwali SHO Inspector X …
// said the SHO"); or one written with a as a title just before the name,
// behind brackets, a comma or an honorific ("Deputy Superintendent of
// Police (DSP) X", "the local MLA, Shri X"), whatever the recogniser
// typed that name.
func (f *finder) acronymPerson(a string, pos int) int {
	if len(a) < 2 || len(a) > 5 {
		return -1
	}
	for i := 0; i < len(a); i++ {
		if a[i] < 'A' || a[i] > 'Z' {
			return -1
		}
	}
	for i := sort.Search(len(f.ms), func(i int) bool { return f.ms[i].Start >= pos }) - 1; i >= 0 && pos-f.ms[i].Start <= 50000; i-- {
		if !f.validMent(i) || f.inQuotation(f.ms[i].Start) {
			continue
		}
		switch f.ms[i].Type {
		case model.Person:
			if roleInitials(f.ms[i].Role, a) || roleRank(f.ms[i].Role, a) || f.acronymTitled(i, a) {
				return i
			}
		case model.Other:
			// the title says an untyped name is a person's
			if f.acronymTitled(i, a) {
				return i
			}
		}
	}
	return -1
}

// roleRank reports whether acronym a is a word of role followed only by
// capitalised words ("Kesarpur Kotwali SHO Inspector"), not a body the
// role belongs to ("KHB chief executive").
func roleRank(role, a string) bool {
	ws := strings.Fields(role)
	for i, w := range ws {
		if w != a {
			continue
		}
		for _, r := range ws[i+1:] {
			if r[0] < 'A' || r[0] > 'Z' {
				return false
			}
		}
		return true
	}
	return false
}

// acronymTitled reports whether person mention m is written just after
// the acronym a, with only brackets, commas and capitalised words the
// recogniser left out of any name between ("(DSP) Harpreet Sandhu",
// "MLA, Shri Omkar Dubey").
func (f *finder) acronymTitled(m int, a string) bool {
	t := f.tokAt(f.ms[m].Start)
	for k := t - 1; k >= 0 && k >= t-4; k-- {
		tk := &f.toks[k]
		switch {
		case tk.kind == kWord && f.word(k) == a:
			return true
		case f.isPunct(k, '(') || f.isPunct(k, ')') || f.isPunct(k, ','):
		case tk.kind == kWord && tk.flags&fCap != 0 && tk.ment < 0 && tk.q < 0:
		default:
			return false
		}
	}
	return false
}

// roleInitials reports whether the capitalised words of role, in order,
// begin with the letters of acronym a and are as many.
func roleInitials(role, a string) bool {
	n := 0
	for w := range strings.FieldsSeq(role) {
		if w[0] < 'A' || w[0] > 'Z' {
			continue
		}
		if n >= len(a) || w[0] != a[n] {
			return false
		}
		n++
	}
	return n == len(a)
}

// mediumPhrase reports whether mention is "the" and a noun of a written
// text ("the readout", "the statement").
func mediumPhrase(mention string) bool {
	the, w, ok := strings.Cut(mention, " ")
	return ok && strings.EqualFold(the, "the") && lookup(strings.ToLower(w)).class&lxMedium != 0
}

// fromPronoun resolves the pronoun at token t; one standing for a style
// of address ("His Highness … He stressed") stands for the person so
// styled.
func (f *finder) fromPronoun(t int) speaker {
	sp := f.pronounSpeaker(t)
	if sp.ment >= 0 {
		if p := f.honorificHolder(sp.ment); p >= 0 {
			sp.ment, sp.name = p, f.mentName(p)
		}
		if n := f.kinFullName(sp.ment); n != "" {
			sp.name = n
		}
	}
	return sp
}

// pronounSpeaker resolves the pronoun at token t to the mention it
// stands for.
func (f *finder) pronounSpeaker(t int) speaker {
	w := strings.ToLower(f.word(t))
	sp := speaker{ment: -1, mention: f.word(t), lo: t, hi: t + 1, ok: true}
	var want model.EntityType
	g := genderUnknown
	switch w {
	case "he", "him":
		want, g = model.Person, genderMale
	case "she", "her":
		want, g = model.Person, genderFemale
	case "they", "them":
		want = model.Organization
	case "it":
		// "The Bakers' Union rejects that reading. In a statement, it
		// said …": the body the sentence before (or this one) opens with.
		u := sort.Search(len(f.units), func(i int) bool { return f.units[i].hi > t })
		// "X released a brief statement. “…,” it read": the one who
		// issued what the pronoun stands for
		if u >= 1 && u < len(f.units) && (f.isWord(t+1, "read") || f.isWord(t+1, "reads")) {
			if m := f.statementIssuer(u - 1); m >= 0 {
				sp.ment, sp.name = m, f.mentName(m)
				return sp
			}
		}
		// "“…,” the readout said. It added that …": the issuer of the
		// text the sentence before quoted
		if u >= 1 && u < len(f.units) && f.units[u].lo == t {
			if ls, ok := f.lastSpeakerOfUnit(u - 1); ok && ls.name != "" && mediumPhrase(ls.mention) {
				sp.ment, sp.name = ls.ment, ls.name
				return sp
			}
		}
		// "The letter, signed by the director, Ann Roe, says: “…” ¶ It
		// adds that …": the signer of the text a sentence just before
		// opens with
		if u >= 1 && u < len(f.units) && f.units[u].lo == t {
			for v := u - 1; v >= 0 && v >= u-3; v-- {
				if lo := f.units[v].lo; f.isWord(lo, "the") && f.toks[lo].q < 0 && lo+1 < f.units[v].hi && f.has(lo+1, lxMedium) {
					if m := f.signerIn(f.units[v]); m >= 0 {
						sp.ment, sp.name = m, f.mentName(m)
						return sp
					}
					break
				}
			}
		}
		for _, v := range []int{u, u - 1} {
			if v >= 0 && v < len(f.units) && f.units[v].lo < t {
				if m := f.orgLead(v, t); m >= 0 {
					sp.ment, sp.name = m, f.mentName(m)
					return sp
				}
			}
		}
		// "The operator, Network Rail Services, has confirmed … . “…,”
		// it said": the body named as a speaker in this sentence, the
		// one before or a few lines before, with no person named since
		if b := f.bodySp; f.bodySpAt >= 0 && f.bodySpAt < int(f.toks[t].start) && u < len(f.units) {
			if v := f.unitOf(f.bodySpAt); v >= 0 && (u-v <= 1 || int(f.toks[t].start)-f.bodySpAt < 500) &&
				!f.personBetween(f.bodySpAt, int(f.toks[t].start)) {
				sp.ment, sp.name = b.ment, b.name
			}
		}
		// "Halloway’s campaign said … . “…,” it said": the campaign
		// this sentence or the one before opens with
		for _, v := range []int{u, u - 1} {
			if sp.ment >= 0 || sp.name != "" || v < 0 || v >= len(f.units) || f.units[v].lo >= t {
				continue
			}
			if cs, ok := f.campaignLead(v, t); ok {
				sp.name = cs.name
				return sp
			}
		}
		// "Tarvand's defence ministry denied the report. “…,” it said":
		// a country's body the sentence before (or this one) opens with,
		// though the recogniser named no body there
		// (also when a body spoke before that sentence: "“…,” the
		// joint statement said. … the foreign ministry rejected the
		// protest. “…,” it said")
		for _, v := range []int{u, u - 1} {
			if v >= 0 && v < len(f.units) && f.units[v].lo < t && (sp.ment < 0 && sp.name == "" || int(f.toks[f.units[v].lo].start) > f.bodySpAt) {
				if name := f.bodyLeadPhrase(v); name != "" && !f.personBetween(int(f.toks[f.units[v].lo].start), int(f.toks[t].start)) {
					sp.ment, sp.name = -1, name
					break
				}
			}
		}
		return sp
	default:
		return sp
	}
	pos := int(f.toks[t].start)
	// "The secretary said she agreed “…”": the holder of the role that
	// says it, reporting what she herself thinks
	if c, r := t-1, t-2; want == model.Person && r > 0 && f.isCue(c) && f.toks[c].lex.cue.flags&cuePart == 0 &&
		f.has(r, lxRole) && f.toks[r].ment < 0 && f.isWord(r-1, "the") {
		if rs := f.fromRole(r, r-1); rs.ment >= 0 && f.genderFits(rs.ment, g) {
			sp.ment, sp.name = rs.ment, rs.name
			return sp
		}
	}
	// "The next caller, who gave his name only as Dave. “…,” he said":
	// the one who gave the name, in this sentence or the one before, with
	// no person named since
	if want == model.Person && g != genderUnknown {
		if k := f.nameGivenBefore(t, g); k >= 0 {
			sp.ment, sp.name = k, f.mentName(k)
			return sp
		}
	}
	// "Her mother spoke briefly. ¶ “…,” she said": the relative that
	// sentence opens with, named with that relation before
	if want == model.Person && g != genderUnknown {
		if k := f.kinLeadNamed(t, g); k >= 0 {
			sp.ment, sp.name = k, f.mentName(k)
			if n := f.kinFullName(k); n != "" {
				sp.name = n
			}
			return sp
		}
	}
	m := -1
	if want == model.Person {
		m = f.unitPersonSubject(t)
		if !f.genderFits(m, g) {
			m = -1
		}
	}
	if m < 0 {
		m = f.nearest(pos, want, "", g)
		// A speaker named just before, even one the recogniser could not
		// type, is a better antecedent than a person named after it in
		// passing or inside a relative clause.
		if c, at := f.lastSp, f.lastSpAt; want == model.Person && c >= 0 && at < pos && pos-at < 1500 &&
			f.genderFits(c, g) && (m < 0 || f.ms[m].Start < at || f.inRelative(f.ms[m].Start) ||
			f.reportedSubject(f.ms[m].Start, f.ms[c].Start) || f.inOpeningPhrase(f.ms[m].Start, t) ||
			f.inReportedClause(f.ms[m].Start, f.ms[c].End) ||
			f.fullPerson(c) && f.mentName(c) != f.mentName(m) && f.namedAfterLead(m, at, pos, g)) {
			m = c
		}
		// The subject of the sentence before ("Liam, who …, shrugged it
		// off. “…,” he said") outranks anyone named earlier, and anyone
		// that sentence names after it ("Roe was less diplomatic about
		// the penalty that brought Rovers level. “…,” he said").
		if ps, at := f.prevUnitSubject(); want == model.Person && ps >= 0 && ps != m && f.genderFits(ps, g) &&
			!(m >= 0 && m == f.lastSp && f.fullPerson(m) && f.mentName(ps) != f.mentName(m) && f.namedAfterLead(ps, f.lastSpAt, pos, g)) &&
			(m < 0 || f.ms[m].Start < max(f.ms[ps].Start, at) || f.inOpeningPhrase(f.ms[m].Start, t) ||
				f.ms[m].Start > f.ms[ps].Start && f.mentName(m) != f.mentName(ps) && f.unitOf(f.ms[m].Start) == f.unitOf(f.ms[ps].Start)) {
			m = ps
		}
		// "For Sithebe, Friday is a long way off. “…,” she said": the
		// person the sentence before is about, named in its opening
		// "For X," with no other person in it.
		if want == model.Person {
			if p := f.forTopic(t, g); p >= 0 {
				m = p
			}
		}
		// "Mrs Roe's great-grandson Ollie presented her with a cake.
		// “…,” she said": the one the subject is a relative of, whom
		// the sentence names again as its object
		if want == model.Person && g != genderUnknown {
			if p := f.possessorLead(t, g); p >= 0 {
				m = p
			}
		}
		// "Roe asked the senator what she would do. “…,” she said": the
		// one asked answers.
		if ps, _ := f.prevUnitSubject(); want == model.Person && ps >= 0 && ps == m {
			if o := f.askedObject(ps); o >= 0 && o != ps && f.genderFits(o, g) {
				m = o
			}
		}
		// "He has written to the minister, Ann Roe, asking her to act.
		// “…,” he said": the sentence before opens with this pronoun,
		// so anyone it names after it is not who the pronoun means.
		if at := f.prevPronounLead(t, g); want == model.Person && at >= 0 && m >= 0 && f.ms[m].Start > at {
			if c := f.lastSp; c >= 0 && f.ms[c].Start < at && at-f.ms[c].Start < 1500 && f.genderFits(c, g) {
				m = c
			} else {
				m = f.nearest(at, want, "", g)
			}
		}
		// "She declined to say whether the president had spoken with the
		// prime minister, Arvid Solheimsen. ¶ … “…,” she replied": one
		// the text gave no gender, named after the same pronoun leading
		// their sentence, is not who that pronoun goes on to mean
		if want == model.Person && g != genderUnknown && m >= 0 && m != f.lastSp && f.noGender(m) {
			if c := f.lastSp; c >= 0 && f.ms[c].Start < f.ms[m].Start && pos-f.ms[c].Start < 3000 && f.pronounLed(m, g) &&
				(f.gender != nil && f.gender[c] == g || f.readAs(f.mentName(c)) == g) {
				m = c
			}
		}
		// "Ann Roe has run the ferry for years. She is a quiet woman.
		// “…,” she says": with nobody else to read it as, the subject
		// of the sentence before the one this pronoun opens
		// So too when the one the pronoun would otherwise mean was named
		// before that subject: "That student, Ann Roe, is now a
		// co-author. She recalled … . “…,” she said".
		// So too after a participle's phrase, when the one the pronoun
		// would otherwise mean is named after that subject in its
		// sentence: "Roe testified that he took cash from Ann Marr's
		// husband. Asked why, he paused. ¶ “…,” he said".
		if at := f.prevPronounLead(t, g); want == model.Person && at >= 0 {
			if v := f.unitOf(at); v >= 1 {
				if s := f.leadSubject(v - 1); s >= 0 && f.genderFits(s, g) && (m < 0 || f.ms[m].Start < f.ms[s].Start && f.mentName(m) != f.mentName(s)) {
					m = s
				}
			}
		} else if at := f.pronounLeadBefore(t, g, true); want == model.Person && at >= 0 {
			if v := f.unitOf(at); v >= 1 {
				if s := f.leadSubject(v - 1); s >= 0 && f.genderFits(s, g) && m >= 0 && f.mentName(m) != f.mentName(s) &&
					(f.ms[m].Start < f.ms[s].Start || f.unitOf(f.ms[m].Start) == v-1 && f.ms[m].Start > f.ms[s].Start) {
					m = s
				}
			}
		}
		// "The judge rejected that. “…,” she said": the holder of the
		// role the sentence before opens with.
		roleAt := -1 // where the role that stands for m was written
		if want == model.Person {
			if r, at := f.prevRoleLead(pos); r >= 0 && f.genderFits(r, g) && (m < 0 || r == m || f.ms[m].Start < at) {
				m, roleAt = r, at
			}
		}
		// "A spokeswoman for Ashby Parish Council said … . “…,” she said":
		// the body she speaks for, with nobody named since
		if want == model.Person && g != genderUnknown {
			if b, at := f.spokesLead(t, g); b >= 0 && (m < 0 || f.ms[m].Start < at) {
				sp.ment, sp.name = b, f.mentName(b)
				return sp
			}
		}
		// "The driver, who asked not to be named, said … . “…,” he
		// said": someone the text keeps unnamed on purpose, after every
		// candidate, is who the pronoun means.
		if at := f.anonymousAt(t); want == model.Person && at >= 0 && (m < 0 || max(f.ms[m].Start, roleAt) < at) && !f.personBetween(at, pos) {
			return sp
		}
		// An unnamed speaker ("one senior nurse said …") introduced after
		// every candidate is the likelier antecedent: leave it unnamed.
		// A role the sentence before opens with ("The mayor is not
		// convinced.") names its holder after that speaker.
		if u := f.unnamedAt; want == model.Person && u >= 0 && u < pos && pos-u < 1500 && (m < 0 || max(f.ms[m].Start, roleAt) < u) {
			return sp
		}
		// A person the text gives this pronoun's gender ("His niece,
		// Ann Roe, runs the shop. … “…,” she said") outranks an earlier
		// one whose gender it never gave.
		if want == model.Person && g != genderUnknown && m >= 0 && f.gender != nil && f.gender[m] == genderUnknown {
			// (after the role standing for m: "The mayor was unconvinced.")
			if k := f.genderedAfter(max(f.ms[m].Start, roleAt), pos, g); k >= 0 && !f.inOpeningPhrase(f.ms[k].Start, t) &&
				!(m == f.lastSp && f.fullPerson(m) && f.mentName(k) != f.mentName(m) && f.namedAfterLead(k, f.lastSpAt, pos, g)) {
				m = k
			}
		}
		// With nobody else left once given names of the other gender
		// are ruled out ("Fergus Roe … His niece, Ann Roe, runs the
		// shop. “…,” she said"), the person the text gave this
		// pronoun's gender, not far back.
		if want == model.Person && g != genderUnknown && m < 0 && f.nameGender != nil {
			if k := f.genderedAfter(pos-1500, pos, g); k >= 0 && !f.inOpeningPhrase(f.ms[k].Start, t) {
				m = k
			}
		}
	}
	if want == model.Person && g != genderUnknown {
		// "She was fiercely private. … she replied: “…”": in a
		// paragraph opening with a pronoun of that gender and naming
		// nobody before it, the person the text is about, unless the
		// text gave that person the other gender, rather than a
		// candidate it gave no gender and did not call by this pronoun
		// before ("“…,” he recalled")
		if m < 0 || (f.gender == nil || f.gender[m] == genderUnknown) && f.readAs(f.mentName(m)) != g &&
			(m >= len(f.nameGender) || f.nameGender[m] != g) {
			if p := f.topicPerson(); p >= 0 && p != m && f.genderFits(p, g) && f.pronounParagraph(t, g) && !f.quotedJustBefore(m, t) {
				m = p
			}
		}
		// "I met a woman in her seventies who … . “…,” she told me":
		// someone the writer meets unnamed, after every candidate
		if at := f.indefiniteBefore(t, g); at >= 0 && (m < 0 || f.ms[m].Start < at) && !f.personBetween(at, pos) {
			return sp
		}
		// "His wife is more direct. “…,” she says": a relative the
		// sentence before opens with and leaves unnamed
		if at := f.kinLeadBefore(t, g); at >= 0 && (m < 0 || f.ms[m].Start < at) && !f.personBetween(at, pos) {
			return sp
		}
	}
	// "federal inspectors found what they called …": people named by a
	// plural noun before the pronoun in its sentence, with no body named
	// between, are who it means
	if (w == "they" || w == "them") && f.pluralPeopleBefore(t) {
		return sp
	}
	if (w == "they" || w == "them") && (m < 0 || pos-f.ms[m].Start > 300) {
		return sp // "they" far from any organization: officials, residents …
	}
	if m >= 0 {
		sp.ment = m
		sp.name = f.mentName(m)
		if want == model.Person && g != genderUnknown {
			f.noteReadAs(sp.name, g)
		}
	}
	return sp
}

// noteReadAs records that a pronoun of gender g was read as the person
// called name.
func (f *finder) noteReadAs(name string, g byte) {
	for i := range f.nPron {
		if f.pronGender[i].name == name {
			if f.pronGender[i].g != g {
				f.pronGender[i].g = genderUnknown
			}
			return
		}
	}
	if f.nPron < len(f.pronGender) {
		f.pronGender[f.nPron] = namedGender{name, g}
		f.nPron++
	}
}

// readAs returns the gender of the pronouns read so far as the person
// called name: genderUnknown when none was, or both were (or when name
// came after the first names recorded).
func (f *finder) readAs(name string) byte {
	for i := range f.nPron {
		if f.pronGender[i].name == name {
			return f.pronGender[i].g
		}
	}
	return genderUnknown
}

// nearest returns the nearest mention of type typ before byte pos (within
// about 3,000 bytes), preferring mentions in subject position, of a person
// whose gender fits g; with role non-empty (a role stem), the nearest person
// with that role within 50,000 bytes.
func (f *finder) nearest(pos int, typ model.EntityType, role string, g byte) int {
	if role != "" {
		return f.res.WithRole(pos, 50000, role)
	}
	kind := resolve.Organization
	if typ == model.Person {
		kind = resolve.Person
	}
	fallback := -1
	m := f.res.Nearest(pos, 3000, kind, func(i int) bool {
		if f.ms[i].Type != typ || !f.genderFits(i, g) || f.inQuotation(f.ms[i].Start) {
			return false // a name inside a quotation is not its speaker
		}
		if f.objectPosition(f.ms[i].Start) || f.possessive(i) {
			if fallback < 0 {
				fallback = i
			}
			return false
		}
		return true
	})
	if m < 0 {
		return fallback
	}
	return m
}

// unitOf returns the index of the unit holding byte pos, or -1.
func (f *finder) unitOf(pos int) int {
	t := f.tokAt(pos)
	u := sort.Search(len(f.units), func(i int) bool { return f.units[i].hi > t })
	if u >= len(f.units) || f.units[u].lo > t {
		return -1
	}
	return u
}

// possessive reports whether mention i is written in the possessive
// ("Leanne's brother"): it names someone else's relation, not a speaker.
func (f *finder) possessive(i int) bool {
	e := f.ms[i].End
	return e+1 < len(f.text) && (f.text[e] == '\'' && f.text[e+1] == 's' || strings.HasPrefix(f.text[e:], "’s"))
}

// objectPosition reports whether the mention starting at byte s follows a
// preposition or a conjunction (not a likely speaker for a pronoun).
func (f *finder) objectPosition(s int) bool {
	t := f.tokAt(s) - 1
	if t < 0 {
		return false
	}
	return f.has(t, lxPrep) || f.isWord(t, "and") || f.isWord(t, "or") || f.has(t, lxCue) && f.toks[t].lex.cue.flags&cueTell != 0
}

// fromRole resolves a role noun phrase ("the spokesman", tokens lo..t).
func (f *finder) fromRole(t, lo int) speaker {
	sp := speaker{ment: -1, mention: f.spanText(lo, t+1), lo: lo, hi: t + 1, ok: true}
	w := strings.ToLower(f.word(t))
	tk := &f.toks[t]
	pos := int(tk.start)
	// "The Kaishan Coast Guard released a video. … the coast guard
	// said": a definite phrase of lower-case words that all name an
	// organisation named before is that organisation, though its head
	// is also a role ("guard")
	if f.isWord(lo, "the") && t-lo >= 2 && tk.lex.class&lxRole != 0 {
		words := make([]string, 0, t-lo)
		for k := lo + 1; k <= t; k++ {
			if f.toks[k].kind != kWord || f.toks[k].flags&fLower == 0 || f.toks[k].ment >= 0 {
				words = words[:0]
				break
			}
			words = append(words, strings.ToLower(f.word(k)))
		}
		if len(words) >= 2 {
			if m := f.res.OrgCalled(pos, 5000, 0, words); m >= 0 && !f.inQuotation(f.ms[m].Start) {
				sp.ment, sp.name = m, f.mentName(m)
				return sp
			}
		}
	}
	if tk.lex.class&lxRole != 0 {
		// Only a definite phrase names a known person: not "one
		// assistant coach", "a spokesman", "another official".
		if lo < t && (f.isWord(lo, "a") || f.isWord(lo, "an") || f.isWord(lo, "one") || f.isWord(lo, "another") ||
			f.isWord(lo, "two") || f.isWord(lo, "three") || f.isWord(lo, "several") || f.isWord(lo, "some") || f.isWord(lo, "many")) {
			// "a campaign spokesperson said", "a Halloway campaign
			// spokesman said": the campaign
			if isSpokes(w) && f.isWord(t-1, "campaign") {
				if name := f.campaignOfSpokes(t, lo); name != "" {
					sp.name = name
					return sp
				}
			}
			// "a Westgrid spokesman"; for another role only a name typed
			// as a body ("an Acme executive", not "a Delaware judge")
			// (not a body's common noun before another role: "one
			// council diplomat" is a diplomat on the council)
			if o := f.spokesOrg(t); o >= 0 && (isSpokes(w) || f.ms[o].Type == model.Organization && f.toks[t-1].ment >= 0) {
				return f.fromMention(o, lo, t+1)
			}
			// "a spokesman for the company said": the body "the
			// company" stands for
			if n := t + 3; isSpokes(w) && f.isWord(t+1, "for") && f.isWord(t+2, "the") && n < len(f.toks) &&
				f.toks[n].kind == kWord && f.toks[n].ment < 0 && f.toks[n].flags&fLower != 0 && resolve.GenericOrgNoun(f.word(n)) {
				if o := f.fromRole(n, n-1); o.ment >= 0 && f.ms[o.ment].Type != model.Person {
					return f.fromMention(o.ment, lo, t+1)
				}
			}
			// "Acme said … . A spokesman said", "The GMB union said … .
			// A union spokesman said"
			if isSpokes(w) && t == lo+1 {
				if o := f.spokesOfPrev(pos, ""); o >= 0 {
					return f.fromMention(o, lo, t+1)
				}
			}
			// "Brolga Resources … said it had not been affected. “…,” a
			// company spokesman said": the firm the sentence before
			// reports
			if isSpokes(w) && t == lo+2 && (f.isWord(t-1, "company") || f.isWord(t-1, "firm")) {
				if o := f.spokesOfPrev(pos, ""); o >= 0 && f.ms[o].Type == model.Organization {
					return f.fromMention(o, lo, t+1)
				}
				// "Calder Aggregates Ltd owns the quarry. A company
				// spokesman said …": the one business named not far
				// before by a company form or trade
				if o := f.lastCompany(pos); o >= 0 {
					return f.fromMention(o, lo, t+1)
				}
			}
			// ("a fire service spokeswoman": one lower-case word before
			// the body's noun)
			if n := strings.ToLower(f.word(t - 1)); isSpokes(w) && (t == lo+2 || t == lo+3 && f.toks[t-2].kind == kWord && f.toks[t-2].flags&fLower != 0 && f.toks[t-2].ment < 0) &&
				f.toks[t-1].flags&fLower != 0 && bodyNoun(n) {
				if o := f.spokesOfPrev(pos, n); o >= 0 {
					return f.fromMention(o, lo, t+1)
				}
				// "The Department for Island Transport said … . A
				// department spokesman added": a body named in full
				// that the recogniser missed
				if b, ok := f.prevBodyName(n); ok {
					sp.name = b
					return sp
				}
			}
			// "the National Statistics Bureau said … . A bureau
			// official said": the one body named before by that word
			if (isSpokes(w) || w == "official") && t == lo+2 {
				if o := f.nounBody(t-1, pos); o >= 0 {
					return f.fromMention(o, lo, t+1)
				}
			}
			return sp
		}
		// "Ann Roe, 46, was testifying … “…,” the witness replied":
		// at a trial, the one giving evidence
		if w == "witness" && t == lo+1 && f.isWord(lo, "the") {
			if m := f.testifier(pos); m >= 0 {
				return f.fromMention(m, lo, t+1)
			}
		}
		// "The other diplomat said": someone besides the one named
		for k := max(lo-1, 0); k < t; k++ {
			if f.isWord(k, "other") {
				return sp
			}
		}
		// ("the congresswoman said" is a woman, whom the text may have
		// called "Rep." alone)
		m := f.nearest(pos, model.Person, resolve.RoleStem(w), tradeFemale(w))
		if m >= 0 && spokesOtherSex(f.ms[m].Role, w) {
			// "the spokeswoman said" is not the spokesman named since
			m = f.res.Nearest(pos, 50000, resolve.Person, func(i int) bool {
				return f.ms[i].Type == model.Person && resolve.HasRole(f.ms[i].Role, "spokes") && !spokesOtherSex(f.ms[i].Role, w)
			})
		}
		// "…, he said. “…,” the minister added": the one just quoted,
		// when the text gave them that role, rather than another holder
		// named after them
		if c := f.lastSp; m >= 0 && c >= 0 && c != m && f.isWord(lo, "the") && t == lo+1 && f.lastSpAt < pos && pos-f.lastSpAt < 400 &&
			f.ms[c].Type == model.Person && f.mentName(c) != f.mentName(m) && f.ms[m].Start < f.lastSpAt && f.nameHasRole(f.mentName(c), resolve.RoleStem(w), w) {
			m = c
		}
		if m < 0 {
			m = f.titled(pos, resolve.RoleStem(w), tradeFemale(w)) // "Sen. Jane Roe … the senator said"
		}
		if m < 0 {
			m = f.untypedWithRole(pos, resolve.RoleStem(w))
		}
		if m < 0 && clergyRole(w) && f.isWord(lo, "the") && t == lo+1 {
			m = f.clergyNamed(pos) // "Reverend Ann Roe … said the vicar"
		}
		// A person's role ties it to them: "Mr. Hovland's lawyer" is not
		// the lawyer named for someone else.
		p := lo - 1
		for k := lo; k < t; k++ {
			if f.toks[k].kind == kWord && f.toks[k].flags&fPoss != 0 {
				p = k // "Castlemoor's chairman"
			}
		}
		if m >= 0 && p >= 0 && f.toks[p].kind == kWord && f.toks[p].flags&fPoss != 0 && f.toks[p].flags&fCap != 0 &&
			f.toks[p].lex.class&(lxPossDet|lxPronoun) == 0 {
			if o := int(f.toks[p].ment); o < 0 || f.mentName(o) != f.mentName(m) {
				name := unPossessive(f.word(p))
				if !resolve.ContainsFold(f.ms[m].Role, name) {
					// the holder of that role whom the text ties to
					// them ("Gerald Manske, Vorland's chairman, …")
					if m = f.roleHolder(pos, resolve.RoleStem(w), name); m < 0 {
						return sp
					}
				}
			}
		}
		// A nationality word in the phrase ties the role to the one whose
		// role names that nation: "the Kaslani minister" is "his Kaslani
		// counterpart, X" or the "Minister of … of Kaslan", not a
		// foreign minister named before with no nation.
		if m >= 0 && !namesNationality(f.ms[m].Role) {
			for k := lo; k < t; k++ {
				nat := f.word(k)
				stem := nationalityStem(nat)
				if f.toks[k].kind != kWord || stem == "" {
					continue
				}
				roleStem := resolve.RoleStem(w)
				if o := f.res.Nearest(pos, 50000, resolve.Person, func(i int) bool {
					r := f.ms[i].Role
					return f.ms[i].Type == model.Person && !f.inQuotation(f.ms[i].Start) &&
						(hasWordFold(r, nat) || hasWordFold(r, stem)) && (resolve.ContainsFold(r, roleStem) || hasWordFold(r, "counterpart"))
				}); o >= 0 {
					m = o
				}
				break
			}
		}
		// A name in the phrase ties the role to it: "the Kelham
		// manager" is not the one named "Rovers manager".
		holder := m
		for k := lo; m >= 0 && k < t; k++ {
			// (or the country it is of: "the Darvanian minister" is the
			// "Minister of Foreign Affairs of the Republic of Darvan")
			if o := f.toks[k].ment; o >= 0 && f.toks[k].kind == kWord && f.ms[m].Role != "" &&
				!resolve.ContainsFold(f.ms[m].Role, f.mentText(int(o))) &&
				!(nationalityStem(f.word(k)) != "" && (!namesNationality(f.ms[m].Role) || hasWordFold(f.ms[m].Role, nationalityStem(f.word(k))))) {
				// (a nationality word ties the role only to a role that
				// names one: "the Tarsian minister" may be "Foreign
				// Minister X", not "the Kaslani minister")
				m = -1
			}
		}
		if m < 0 && holder >= 0 && f.isWord(lo, "the") {
			// "Foreign Minister Ann Roe, hosting her Valmark counterpart
			// Tom Hale, … “…,” the Valmark minister replied": the
			// counterpart of the role's holder, of the place named
			for k := lo + 1; k < t; k++ {
				if o := f.toks[k].ment; o >= 0 && f.toks[k].kind == kWord {
					name := f.mentText(int(o))
					m = f.res.Nearest(pos, 50000, resolve.Person, func(i int) bool {
						return f.ms[i].Type == model.Person && hasWordFold(f.ms[i].Role, "counterpart") &&
							resolve.ContainsFold(f.ms[i].Role, name) && f.mentName(i) != f.mentName(holder)
					})
					break
				}
			}
		}
		// Lower-case modifiers must be part of the role: "the assistant
		// coach" is not the coach.
		modFits := func(m int) bool {
			for k := lo; k < t; k++ {
				if f.toks[k].kind == kWord && f.toks[k].flags&fLower != 0 && f.toks[k].lex.class&(lxDet|lxPossDet) == 0 &&
					!resolve.ContainsFold(f.ms[m].Role, f.word(k)) && !judgingWord(f.word(k)) {
					return false
				}
			}
			return true
		}
		if m >= 0 && !modFits(m) {
			// "the deputy minister said" after "Sulmar's deputy
			// foreign minister, Idris Fallahan, …" and a foreign
			// minister named since: the nearest whose role has them all
			stem := resolve.RoleStem(w)
			m = f.res.Nearest(pos, 3000, resolve.Person, func(i int) bool {
				return f.ms[i].Type == model.Person && f.validMent(i) && !f.inQuotation(f.ms[i].Start) &&
					resolve.ContainsFold(f.ms[i].Role, stem) && modFits(i)
			})
			if m < 0 {
				return sp
			}
		}
		if m < 0 && isSpokes(w) && f.isWord(lo, "the") && t == lo+1 {
			// "the official representative of the ministry, X, said …
			// the spokesman said": translated copy's title for the
			// spokesman, when no one was called spokesman before
			// (a name the recogniser left untyped counts: the title
			// makes it a person's)
			rep := func(i int) bool { return !f.inQuotation(f.ms[i].Start) && officialRepresentative(f.ms[i].Role) }
			m = f.res.Nearest(pos, 5000, resolve.Person, rep)
			if o := f.res.Nearest(pos, 5000, resolve.Untyped, rep); o >= 0 && (m < 0 || f.ms[o].Start > f.ms[m].Start) {
				m = o
			}
			if m >= 0 && f.indefiniteRole(t, w) > f.ms[m].Start {
				m = -1
			}
		}
		if m < 0 && isSpokes(w) && f.isWord(lo, "the") {
			// "the spokesperson said" after "a spokesperson for the
			// Meteorological Service" or "a Westgrid spokesman": the
			// body that spokesperson speaks for
			for k := t - 1; k >= 0 && t-k < 400; k-- {
				if f.toks[k].kind == kWord && isSpokes(strings.ToLower(f.word(k))) {
					if o := f.spokesOrg(k); o >= 0 {
						sp.ment, sp.name = o, f.mentName(o)
					}
					return sp
				}
			}
		}
		if m < 0 && f.isWord(lo, "the") && t == lo+1 {
			m = f.introducedAs(t, w) // "The witness, Bernard Falkenrath, …"
		}
		if m < 0 && f.isWord(lo, "the") && t == lo+1 && f.roleFits(-1, w) {
			// "Fergus Roe, who has skippered the ferry for years, …
			// “…,” the skipper said": the person whose own sentence
			// gives them the role with its verb.
			m = f.res.Nearest(pos, 20000, resolve.Person, func(i int) bool {
				return f.ms[i].Type == model.Person && !f.inQuotation(f.ms[i].Start) && f.describedWith(i, w)
			})
		}
		if m < 0 && f.isWord(lo, "the") && t == lo+1 {
			// "Jonas Petrauskis-Hale, 58, a travel writer, … “…,” the
			// writer said": the person an appositive gives that noun
			m = f.res.Nearest(pos, 20000, resolve.Person, func(i int) bool {
				return f.ms[i].Type == model.Person && !f.inQuotation(f.ms[i].Start) && f.appositiveNoun(i, w)
			})
		}
		if m < 0 {
			// "Its chief said", "the company's boss said": the head of
			// the body that word stands for
			if d := f.headOfBody(lo, t, w, pos); d >= 0 {
				return f.fromMention(d, lo, t+1)
			}
			// Nobody is named in that role before: a definite phrase
			// ("“…,” the minister told MPs", "said the conservative
			// politician") stands for the person just quoted or named,
			// unless another role is theirs. A role named later in the
			// article is not used: never guess.
			// "said the purchasing director of a large computer maker":
			// a role at an employer the text leaves unnamed keeps its
			// holder unnamed too
			if (f.isWord(t+1, "of") || f.isWord(t+1, "at")) && (f.isWord(t+2, "a") || f.isWord(t+2, "an") || f.isWord(t+2, "one")) {
				return sp
			}
			if (f.isWord(lo, "the") || f.isWord(lo-1, "the") && f.has(lo, lxDet)) && !f.possInside(lo, t) {
				// "An adviser to the delegation, speaking on condition
				// of anonymity, said … . “…,” the adviser said": the
				// one introduced unnamed by that role after anyone named
				at := f.indefiniteRole(t, w)
				// "A customs official told reporters … . “…,” the
				// official said": the body that official was of
				if t == lo+1 && (isSpokes(w) || w == "official") {
					if o := f.nounBodyRole(t, w); o >= 0 {
						return f.fromMention(o, lo, t+1)
					}
				}
				if j := f.justNamed(lo, t+1); j.ment >= 0 && f.roleFits(j.ment, w) &&
					(f.unnamedAt < 0 || f.unnamedAt < f.ms[j.ment].Start) && (at < 0 || at < f.ms[j.ment].Start) {
					return j
				}
			}
			return sp
		}
		// "Another analyst, who declined to be identified, called it
		// “…”. “…,” the analyst said": the one introduced unnamed by
		// that role after the holder named before
		if u := f.unnamedAt; u > f.ms[m].Start && u < pos && f.isWord(lo, "the") && t == lo+1 && f.unnamedRole(u, w) {
			return sp
		}
		sp.ment = m
		sp.name = f.mentName(m)
		return sp
	}
	// "the ministry", "the company": the nearest organization naming it.
	if !f.isWord(lo, "the") || strings.HasSuffix(w, "s") {
		return sp
	}
	if i := f.res.OrgNamed(pos, 50000, w); i >= 0 {
		sp.ment = i
		sp.name = f.mentName(i)
		return sp
	}
	if t == lo+1 && orgNoun(w) {
		// "a ship run by the charity Tide Line … the charity said":
		// the name that noun was given before it
		if m := f.classedName(pos, w); m >= 0 {
			sp.ment, sp.name = m, f.mentName(m)
			return sp
		}
		// "The LPD responded within the hour. “…,” the party said":
		// the body the sentence before opens with
		if m := f.prevLeadBody(w); m >= 0 {
			sp.ment, sp.name = m, f.mentName(m)
			return sp
		}
		// "what the Royal Palace described as … the palace said": a
		// body the recogniser left untyped whose name ends in the noun
		if m := f.res.Nearest(pos, 5000, resolve.Untyped, func(i int) bool {
			if f.inQuotation(f.ms[i].Start) {
				return false
			}
			name := f.mentName(i)
			return strings.Contains(name, " ") && resolve.NounFor(w, name[strings.LastIndexByte(name, ' ')+1:])
		}); m >= 0 {
			sp.ment, sp.name = m, f.mentName(m)
			return sp
		}
	}
	// "the union": a labour body named just before under another noun
	// ("the Association of Flight Crews", "the Brotherhood of X").
	if w == "union" && t == lo+1 {
		m := f.res.Nearest(pos, 1500, resolve.Organization, func(i int) bool {
			return f.ms[i].Type == model.Organization && labourBody(f.ms[i].Key)
		})
		if m >= 0 {
			sp.ment, sp.name = m, f.mentName(m)
			return sp
		}
	}
	// A generic organization noun ("the company") names the nearest
	// organization before it.
	if orgNoun(w) && resolve.GenericOrgNoun(w) && t == lo+1 {
		// "The steelmaker Halvorsen Stahl will cut …, the company said":
		// the name this sentence opens with, after a dateline.
		if m := f.describedLead(t); m >= 0 {
			sp.ment, sp.name = m, f.mentName(m)
			return sp
		}
		m := f.nearest(pos, model.Organization, "", genderUnknown)
		if m >= 0 && f.employerOrg(m) {
			// "said X, an analyst at Y. … the company said": the
			// analyst's firm is not the company the story is about.
			m = f.res.Nearest(pos, 1500, resolve.Organization, func(i int) bool {
				return f.ms[i].Type == model.Organization && !f.inQuotation(f.ms[i].Start) && !f.employerOrg(i)
			})
		}
		if m >= 0 && (pos-f.lastNamed(m, pos) >= 1500 || f.dateline(m) || !bodyFits(f.mentName(m), w)) {
			m = -1
		}
		// "The building is owned by Cedar Run Property Group. In a
		// statement, the company said": the one business the sentence
		// before names by a company form, even as an object
		if m < 0 && (w == "company" || w == "firm") {
			m = f.lastCompany(pos)
		}
		// "Dunford Rovers said … . The club said": a club the
		// recogniser typed as a person, named after any organisation
		if w == "club" || w == "team" {
			if c := f.nearestFirm(pos, w); c >= 0 && f.clubName(c) && (m < 0 || f.ms[c].Start > f.ms[m].Start) {
				sp.ment, sp.name = c, f.mentName(c)
				return sp
			}
		}
		// a body named as a speaker after that organisation, whatever
		// the recogniser typed it ("Tessaline, which had argued …,
		// said it was “…”. “…,” the company said")
		if b := f.bodySp; f.bodySpAt >= 0 && f.bodySpAt < pos && pos-f.bodySpAt < 1500 && bodyFits(b.name, w) &&
			(m < 0 || f.ms[m].Start < f.bodySpAt) && (b.ment < 0 || f.ms[b.ment].Type != model.Organization || b.ment == m) {
			sp.ment, sp.name = b.ment, b.name
			return sp
		}
		if m < 0 {
			// "Tessaline Power warned … . “…,” the utility said": a
			// business the recogniser typed as a person or left untyped
			m = f.nearestFirm(pos, w)
		}
		if m >= 0 {
			sp.ment = m
			sp.name = f.mentName(m)
		}
	}
	return sp
}

// lastNamed returns the byte offset of the last mention of m's name before
// byte pos outside quotations, in any position ("Wexcombe's disk-controller
// business"): how far back the text last spoke of it.
func (f *finder) lastNamed(m, pos int) int {
	at, name := f.ms[m].Start, f.mentName(m)
	for i := f.res.Started(pos); i > m && f.ms[i].Start > at; i-- {
		if f.ms[i].Start < pos && f.validMent(i) && !f.inQuotation(f.ms[i].Start) && f.mentName(i) == name {
			return f.ms[i].Start
		}
	}
	return at
}

// employerOrg reports whether organisation mention m is named as where
// someone who comments on a company works ("an analyst at Y", "a
// portfolio manager at Brisbane, Ferrell & Co.", "who follows the
// industry for Y"): the firm of a commentator, not one that speaks
// itself.
func (f *finder) employerOrg(m int) bool {
	s := f.tokAt(f.ms[m].Start)
	k := s - 1
	// past a firm's first name the recogniser left out ("Brisbane,")
	for k >= 0 && k > s-4 && (f.isPunct(k, ',') || f.toks[k].kind == kWord && f.toks[k].flags&fCap != 0) {
		k--
	}
	// "in New York Stock Exchange composite trading": a market, not a
	// speaker
	if e := f.mentEndTok(m); e >= 0 && (f.isWord(e, "trading") || f.isWord(e, "composite") && f.isWord(e+1, "trading")) {
		return true
	}
	if !(f.isWord(k, "at") || f.isWord(k, "with") || f.isWord(k, "for") || f.isWord(k, "of")) {
		return false
	}
	// "Bartholomew Rudnick of Whitlow & Partners": a person's firm
	if f.isWord(k, "of") && k-1 >= 0 && f.toks[k-1].ment >= 0 && f.toks[k-1].kind == kWord &&
		(f.ms[f.toks[k-1].ment].Type == model.Person || f.ms[f.toks[k-1].ment].Type == model.Other) {
		return true
	}
	for j := k - 1; j >= 0 && j >= k-5; j-- {
		if f.toks[j].kind != kWord || f.toks[j].q >= 0 {
			return false
		}
		switch strings.ToLower(f.word(j)) {
		case "analyst", "analysts", "economist", "economists", "strategist", "strategists", "trader", "traders",
			"manager", "managers", "professor", "consultant", "researcher", "follows", "tracks", "covers":
			return true
		}
	}
	return false
}

// mentEndTok returns the token after mention m, or -1.
func (f *finder) mentEndTok(m int) int {
	e := f.tokAt(f.ms[m].End)
	if e >= len(f.toks) {
		return -1
	}
	return e
}

// dateline reports whether mention m is an upper-case place opening its
// paragraph before a dash ("BRENNTAL (Tagespost) —"), not a body.
func (f *finder) dateline(m int) bool {
	t := f.tokAt(f.ms[m].Start)
	if t >= len(f.toks) {
		return false
	}
	if f.isPunct(t-1, '(') {
		return f.datelineAgency(t)
	}
	if !f.opensParagraph(t) || strings.ToUpper(f.word(t)) != f.word(t) {
		return false
	}
	for k := f.mentEnd(t); k < len(f.toks) && k < t+14 && (!f.isEndPunct(k) || f.abbrevPoint(k)); k++ {
		if f.datelineEnd(k) {
			return true
		}
	}
	return false
}

// datelineAgency reports whether the name at token t, after an opening
// bracket, is the agency of a dateline: "LARKSPUR FALLS, July 14
// (Meridian Wire) - Tessaline Power warned …", the bracket closing before
// the dash that ends the dateline and the paragraph opening with an
// upper-case place a few tokens before.
func (f *finder) datelineAgency(t int) bool {
	e := f.mentEnd(t)
	if !f.isPunct(e, ')') || !(f.datelineDash(e+1) || f.isPunct(e+1, '-')) {
		return false
	}
	for s := t - 2; s >= 0 && s >= t-12; s-- {
		if f.isEndPunct(s) && !f.abbrevPoint(s) {
			return false
		}
		if f.opensParagraph(s) {
			return f.toks[s].kind == kWord && f.toks[s].flags&fCap != 0 && strings.ToUpper(f.word(s)) == f.word(s)
		}
	}
	return false
}

// firmName reports whether mention m, which the recogniser typed as a
// person or left untyped, is the name of a business: a name of two words
// or more whose last word names a trade or a company form ("Tessaline
// Power", "Kestrelmoor Brewing", "Holloway Urban Estates"), or a name the
// text gives a parent company ("Tessaline, a unit of Oskarvale Holdings,
// …"), and never one with a gender.
func (f *finder) firmName(m int) bool {
	if !f.validMent(m) || f.ms[m].Type != model.Person && f.ms[m].Type != model.Other ||
		f.gender != nil && f.gender[m] != genderUnknown || f.readAs(f.mentName(m)) != genderUnknown {
		return false
	}
	name := f.mentName(m)
	if i := strings.LastIndexByte(name, ' '); i > 0 && firmWord(name[i+1:]) {
		return true
	}
	if !f.parentsDone {
		f.parentsDone = true
		for i := range f.ms {
			if f.validMent(i) && (f.ms[i].Type == model.Person || f.ms[i].Type == model.Other) && f.unitOfParent(f.mentEndTok(i)) {
				f.parents = append(f.parents, i)
			}
		}
	}
	first, _, _ := strings.Cut(name, " ")
	for _, i := range f.parents {
		if n := f.mentName(i); n == first || strings.HasPrefix(n, first+" ") {
			return true
		}
	}
	return false
}

// nearestFirm returns the nearest mention before byte pos, at most 1,500
// bytes before it and outside quotations, of a business the recogniser
// did not type as an organisation (see firmName) that the generic noun w
// may stand for and that is not named as a commentator's employer (see
// employerOrg); or -1.
func (f *finder) nearestFirm(pos int, w string) int {
	for i := sort.Search(len(f.ms), func(i int) bool { return f.ms[i].Start >= pos }) - 1; i >= 0; i-- {
		if pos-f.ms[i].Start > 1500 {
			break
		}
		if !f.inQuotation(f.ms[i].Start) && (f.firmName(i) || (w == "club" || w == "team") && f.clubName(i)) &&
			bodyFits(f.mentName(i), w) && !f.employerOrg(i) {
			return i
		}
	}
	return -1
}

// clubName reports whether mention m, which the recogniser typed as a
// person or left untyped, names a sports club by its last word ("Dunford
// Rovers", "Ashton Vale United"), which "the club" may stand for.
func (f *finder) clubName(m int) bool {
	if !f.validMent(m) || f.ms[m].Type != model.Person && f.ms[m].Type != model.Other {
		return false
	}
	name := f.mentName(m)
	i := strings.LastIndexByte(name, ' ')
	if i < 0 {
		return false
	}
	switch name[i+1:] {
	case "Rovers", "United", "Athletic", "Wanderers", "Albion", "Rangers", "FC", "Hotspur", "Harriers", "Dynamo", "Thistle":
		return true
	}
	return false
}

// unitOfParent reports whether an appositive naming a parent company opens
// at the comma t: ", a unit of", ", a subsidiary of", ", a division of".
func (f *finder) unitOfParent(t int) bool {
	if t < 0 || !f.isPunct(t, ',') || !(f.isWord(t+1, "a") || f.isWord(t+1, "an") || f.isWord(t+1, "the")) {
		return false
	}
	switch strings.ToLower(f.word(t + 2)) {
	case "unit", "subsidiary", "division", "arm", "affiliate":
		return f.isWord(t+3, "of")
	}
	return false
}

// firmWord reports whether w, the last word of a name, names a trade or a
// company form rather than a family.
func firmWord(w string) bool {
	switch strings.TrimSuffix(w, ".") {
	case "Power", "Energy", "Energi", "Electric", "Utilities", "Brewing", "Brewery", "Breweries", "Marine", "Capital",
		"Estates", "Properties", "Holdings", "Industries", "Therapeutics", "Pharmaceuticals", "Pharma", "Biotech",
		"Systems", "Technologies", "Motors", "Airlines", "Airways", "Foods", "Mining", "Chemicals", "Logistics",
		"Shipping", "Securities", "Insurance", "Telecom", "Software", "Inc", "Corp", "Ltd", "Plc", "PLC", "LLC",
		"GmbH", "AG", "SpA", "Brands", "Construction", "Engineering", "Works", "Limited", "Group", "Maritime", "Tankers":
		return true
	}
	return false
}

// abbrevPoint reports whether token k is the full stop of a short
// capitalised abbreviation such as a state's ("Md.", "Fla.", "Calif.").
func (f *finder) abbrevPoint(k int) bool {
	return f.isPunct(k, '.') && k > 0 && f.toks[k-1].kind == kWord && f.toks[k-1].flags&fCap != 0 &&
		f.toks[k-1].end-f.toks[k-1].start <= 5
}

// datelineDash reports whether token k is the dash that ends a dateline:
// an em or en dash, or a double hyphen ("PORT ELLIS, Md. -- The …").
func (f *finder) datelineDash(k int) bool {
	return f.isPunct(k, '—') || f.isPunct(k, '–') || f.isPunct(k, '-') && f.isPunct(k+1, '-')
}

// datelineEnd reports whether token k ends a dateline: its dash, or a
// single hyphen right after the agency's bracket ("KESHVAN, March 14
// (Meridian Wire) - Qedaria's foreign ministry …").
func (f *finder) datelineEnd(k int) bool {
	return f.datelineDash(k) || f.isPunct(k, '-') && f.isPunct(k-1, ')')
}

// describedLead returns the name (not a person's) that the unit holding
// token t opens with after "The" and lower-case words that describe it
// ("The steelmaker Halvorsen Stahl will …"), past a dateline, or -1.
func (f *finder) describedLead(t int) int {
	u := sort.Search(len(f.units), func(i int) bool { return f.units[i].hi > t })
	if u >= len(f.units) {
		return -1
	}
	k := f.pastDateline(f.units[u].lo, t)
	if !f.isWord(k, "the") {
		return -1
	}
	n := k + 1
	for n < t && n < k+4 && f.toks[n].kind == kWord && f.toks[n].flags&fLower != 0 && f.toks[n].lex.class == 0 {
		n++
	}
	if n == k+1 || n >= t || f.toks[n].kind != kWord || f.toks[n].ment < 0 || f.mentStart(n) != n {
		return -1
	}
	m := int(f.toks[n].ment)
	if e := f.mentEnd(n); !f.validMent(m) || f.ms[m].Type == model.Person || f.ms[m].Type == model.Place ||
		e >= t || f.toks[e].kind != kWord || f.toks[e].flags&fLower == 0 || f.has(e, lxPrep) {
		return -1
	}
	return m
}

// introducedAs returns the person an earlier sentence introduces by role
// noun w before their name, "The witness, Bernard Falkenrath, 34, is …",
// looking back from token t; or -1.
func (f *finder) introducedAs(t int, w string) int {
	for k := t - 2; k >= 0 && k > t-3000; k-- {
		if !f.isWord(k, "the") || !f.isWord(k+1, w) || f.toks[k].q >= 0 {
			continue
		}
		c := k + 2
		// "The Governor of Velmora State, Prince Reza Halloran, …": the
		// role's place or body in capitalised words before the comma
		if f.isWord(c, "of") {
			j := c + 1
			for j < len(f.toks) && j < c+6 && f.toks[j].kind == kWord && f.toks[j].flags&fCap != 0 && f.toks[j].q < 0 {
				j++
			}
			if j > c+1 {
				c = j
			}
		}
		if !f.isPunct(c, ',') {
			continue
		}
		n := c + 1
		// past a title the recogniser left out of the name ("Prince")
		for n < len(f.toks) && n < c+3 && f.toks[n].ment < 0 && f.has(n, lxRole) && f.toks[n].flags&fCap != 0 {
			n++
		}
		if n >= len(f.toks) {
			continue
		}
		if m := f.toks[n].ment; m >= 0 && f.toks[n].kind == kWord && (f.ms[m].Type == model.Person || f.ms[m].Type == model.Other) &&
			f.mentStart(n) == n &&
			f.isPunct(f.mentEnd(n), ',') {
			return int(m)
		}
	}
	return -1
}

// testifier returns the person named last before the verb of the last
// sentence before byte pos (within maxTestifierBack bytes) that says
// someone testified ("Ann Roe, 46, was testifying on the third day", "…
// portrayed Ann Roe as a liar who is testifying to save herself"), or -1.
func (f *finder) testifier(pos int) int {
	for k := f.tokAt(pos) - 1; k >= 0 && pos-int(f.toks[k].start) < maxTestifierBack; k-- {
		switch strings.ToLower(f.word(k)) {
		case "testifying", "testified", "testifies", "testify":
		default:
			continue
		}
		if f.toks[k].kind != kWord || f.toks[k].q >= 0 {
			continue
		}
		u := f.unitOf(int(f.toks[k].start))
		if u < 0 {
			continue
		}
		for j := k - 1; j >= f.units[u].lo; j-- {
			if m := f.toks[j].ment; m >= 0 && f.toks[j].kind == kWord && f.ms[m].Type == model.Person && f.toks[j].flags&fPoss == 0 {
				return int(m)
			}
		}
	}
	return -1
}

// maxTestifierBack bounds how far back "the witness" looks for the
// sentence that says who testified.
const maxTestifierBack = 6000

// roleFits reports whether role noun w may stand for the person of mention
// m named just before: w is an office or a trade, not a word for people
// the text need not name ("the insider"; "the official" only for one
// named with a public office), and the text gives them no role, or one
// naming w, or w is "politician". With m < 0 it reports only whether w is
// such an office or trade.
func (f *finder) roleFits(m int, w string) bool {
	switch w {
	case "official":
		// "Deputy Foreign Minister X told the agency … . “…,” the
		// official was quoted as saying": one named with a public office
		return m >= 0 && (publicOffice(f.ms[m].Role) || f.officeBefore(m))
	case "source", "insider", "witness", "resident", "homeowner", "aide", "aides", "staffer",
		"spokesman", "spokeswoman", "spokesperson", "spokespeople":
		return false // words for people the text need not name
	case "star", "hero", "heroine", "legend", "celebrity", "icon":
		return true // words of fame, for anyone famous whatever their trade ("the chef" is "the star")
	case "diplomat", "envoy":
		// "the ministry's spokesman, X, … “…,” the diplomat said": one
		// named with a post in foreign affairs
		return m >= 0 && (f.ms[m].Role == "" || diplomaticRole(f.ms[m].Role))
	}
	// "boss" stands for any head ("Their boss, X, …"; "the Kelham
	// manager")
	if m < 0 {
		return true
	}
	r := f.ms[m].Role
	if playingPosition(w) && (resolve.ContainsFold(r, "captain") || resolve.ContainsFold(r, "skipper")) {
		return true // a captain plays somewhere: "Rovers captain X … said the loose forward"
	}
	return r == "" || resolve.ContainsFold(r, w) || w == "politician" || w == "boss" || resolve.ContainsFold(r, "boss") ||
		(w == "chief" || w == "head") && headRole(r)
}

// headRole reports whether role r is the head of a body, club or firm
// ("Gallery director", "managing director", "chief executive", "owner"),
// for which "the chief" and "the head" stand as "the boss" does ("Gallery
// director X … “…,” the gallery chief says").
func headRole(r string) bool {
	for _, w := range []string{"chief", "head", "director", "manager", "chair", "president", "executive", "ceo", "founder", "owner", "leader", "principal"} {
		if resolve.ContainsFold(r, w) {
			return true
		}
	}
	return false
}

// diplomaticRole reports whether role r is a post in foreign affairs: a
// spokesperson, minister, ambassador, envoy, consul, negotiator or
// representative, or any post of a foreign ministry.
func diplomaticRole(r string) bool {
	for _, w := range []string{"diplomat", "envoy", "ambassador", "consul", "minister", "spokes", "representative", "negotiator", "foreign"} {
		if resolve.ContainsFold(r, w) {
			return true
		}
	}
	return false
}

// officialRepresentative reports whether role r is the title translated
// copy gives a ministry's spokesperson ("official representative of the
// ministry", "press secretary").
func officialRepresentative(r string) bool {
	return resolve.ContainsFold(r, "official representative") || resolve.ContainsFold(r, "press secretary")
}

// officeBefore reports whether the capitalised title words right before
// mention m name a public office ("Deputy Foreign Minister for Political
// Affairs Dr. Khalifa Saeed Al-Nuaimi").
func (f *finder) officeBefore(m int) bool {
	s := f.tokAt(f.ms[m].Start)
	for k := s - 1; k >= 0 && k >= s-10; k-- {
		switch {
		case f.isPunct(k, '.'):
			continue
		case f.toks[k].kind != kWord || f.toks[k].q >= 0:
			return false
		case f.toks[k].flags&fCap == 0 && !f.isWord(k, "for") && !f.isWord(k, "of"):
			return false
		case publicOffice(f.word(k)):
			return true
		}
	}
	return false
}

// namesNationality reports whether role r holds a nationality word
// ("Kaslani Foreign Minister").
func namesNationality(r string) bool {
	for _, w := range strings.Fields(r) {
		if nationalityStem(w) != "" {
			return true
		}
	}
	return false
}

// publicOffice reports whether role r is an office of government or
// diplomacy, whose holder "the official" may stand for.
func publicOffice(r string) bool {
	for _, w := range [...]string{"minister", "ambassador", "envoy", "secretary", "governor", "commissioner", "spokes", "undersecretary"} {
		if resolve.ContainsFold(r, w) {
			return true
		}
	}
	return false
}

// playingPosition reports whether w names a position a player holds on a
// team, which a team's captain also holds.
func playingPosition(w string) bool {
	switch w {
	case "forward", "striker", "midfielder", "defender", "goalkeeper", "keeper", "winger", "fullback", "full-back",
		"halfback", "half-back", "centre", "center", "prop", "hooker", "lock", "flanker", "fly-half", "scrum-half",
		"batsman", "batter", "bowler", "opener", "all-rounder", "wicketkeeper", "pitcher", "catcher", "shortstop",
		"left-hander", "right-hander", "paceman", "spinner", "seamer", "leg-spinner", "off-spinner",
		"quarterback", "receiver", "guard", "point guard", "playmaker", "sweeper", "centre-back", "center-back":
		return true
	}
	return false
}

// unitPersonSubject returns the person mention that is the subject of a cue
// earlier in the current unit than token t ("Shaaban said …, he added"), or -1.
func (f *finder) unitPersonSubject(t int) int {
	for c := max(f.cur.lo, t-60); c < t && c < f.cur.hi; c++ {
		if !f.isCue(c) || c == 0 {
			continue
		}
		k := c - 1
		for k > f.cur.lo && f.has(k, lxAdv) {
			k--
		}
		if k >= f.cur.lo && f.toks[k].ment >= 0 && f.toks[k].kind == kWord {
			m := int(f.toks[k].ment)
			if f.ms[m].Type == model.Person && !f.has(f.mentStart(k)-1, lxPrep) {
				return m
			}
		}
	}
	return -1
}

// inRelative reports whether the mention starting at byte s lies inside a
// relative clause or appositive opened by ", who" or ", which" in its
// sentence and not yet closed by a comma.
func (f *finder) inRelative(s int) bool {
	t := f.tokAt(s) - 1
	for k := t; k >= 0 && k > t-16; k-- {
		if f.isEndPunct(k) || f.toks[k].kind == kMark || f.isPunct(k, ',') && !f.has(k+1, lxRel) {
			return false
		}
		if f.has(k, lxRel) && f.isPunct(k-1, ',') {
			return true
		}
	}
	return false
}

// prevUnitSubject returns the person (or untyped name) that opens the unit
// before the current one as its subject, or -1, and the byte offset where
// that unit starts.
func (f *finder) prevUnitSubject() (int, int) {
	u := f.prevUnit()
	if u < 0 {
		return -1, 0
	}
	return f.leadSubject(u), int(f.toks[f.units[u].lo].start)
}

// leadSubject returns the person (or untyped name) that opens unit u as its
// subject, or -1: "Liam, who …, shrugged", "But Gary insists", past a role
// phrase before the name ("Rovers boss Steph Iwobi was", "His mum Brenda,
// 58, says", "The causeway's chief engineer, Priya Ramaswamy, who …, is").
func (f *finder) leadSubject(u int) int {
	un := f.units[u]
	t := un.lo
	switch {
	case f.isWord(t, "but"), f.isWord(t, "and"), f.isWord(t, "yet"), f.isWord(t, "still"), f.isWord(t, "so"):
		t++ // "But Gary insists …"
	}
	// A dateline: "LOS ALMENDROS - At nine o'clock, Ann Roe unlocks …"
	if f.toks[t].kind == kWord && f.toks[t].flags&fCap != 0 && len(f.word(t)) > 1 && noLower(f.word(t)) {
		for k := t + 1; k < un.hi && k < t+8; k++ {
			if f.toks[k].kind == kWord && noLower(f.word(k)) || f.isPunct(k, ',') || f.isPunct(k, '.') {
				continue
			}
			if f.isPunct(k, '—') || f.isPunct(k, '–') || f.isPunct(k, '-') && int(f.toks[k].start) > 0 && f.text[f.toks[k].start-1] == ' ' {
				t = k + 1
			}
			break
		}
	}
	// An opening place or time phrase: "At the café opposite the
	// factory, Martine Vasseur, who …, holds back her tears.", or a
	// source: "According to a transcript, Gaines then slowed down."
	// (past a title's points: "Under questioning by Assistant U.S.
	// Attorney Ann Roe, Mr. X described …")
	if f.has(t, lxPrep) || f.isWord(t, "according") && f.isWord(t+1, "to") {
		for k := t + 1; k < un.hi && k < t+14; k++ {
			if f.toks[k].kind != kWord && !f.isPunct(k, ',') && !f.abbrevPoint(k) && !f.innerPoint(k) || f.toks[k].q >= 0 {
				break
			}
			if f.isPunct(k, ',') {
				t = k + 1
				break
			}
		}
	}
	// A given name the recogniser missed, of a person named before in
	// full: "Sean, 35, who met Kerry at school, admits …", "Ingrid,
	// overhearing, rolls her eyes".
	if t+2 < un.hi && f.toks[t].kind == kWord && f.toks[t].ment < 0 && f.toks[t].flags&fCap != 0 && f.toks[t].lex.class == 0 &&
		f.isPunct(t+1, ',') && (f.toks[t+2].flags&fDigit != 0 || f.has(t+2, lxRel) ||
		f.toks[t+2].kind == kWord && f.toks[t+2].flags&fLower != 0 && strings.HasSuffix(f.word(t+2), "ing") && f.isPunct(t+3, ',')) {
		return f.namedBefore(f.word(t), int(f.toks[t].start))
	}
	// A short opening phrase of place or time with no name in it, set
	// off by a comma before a name: "Two doors down, Ann Roe was woken
	// …", "Last night, Ann Roe …"
	for k := t + 1; k < un.hi && k <= t+4; k++ {
		if f.toks[k-1].kind != kWord || f.toks[k-1].ment >= 0 || f.toks[k-1].q >= 0 || f.has(k-1, lxPronoun) {
			break
		}
		if f.isPunct(k, ',') {
			if k+1 < un.hi && f.toks[k+1].kind == kWord && f.toks[k+1].ment >= 0 && f.mentStart(k+1) == k+1 {
				t = k + 1
			}
			break
		}
	}
	// The role phrase: determiners, role nouns, possessives ("the
	// causeway's"), a name before a role noun ("Rovers boss"), a modifier
	// before a role noun or the name ("ex-champ"), and the comma of an
	// appositive name after a role noun.
	for start := t; t < un.hi && t < start+8; t++ {
		tk := &f.toks[t]
		if tk.kind == kWord && tk.ment >= 0 {
			// "Valentine's Kitchens collapsed": a name a person owns is
			// a business or a thing, not the subject a pronoun means
			if p := t - 1; t > start && f.toks[p].flags&fPoss != 0 && f.toks[p].ment >= 0 &&
				f.ms[f.toks[p].ment].Type == model.Person && f.ms[tk.ment].Type == model.Other {
				return -1
			}
			e := f.mentEnd(t)
			if e < un.hi && (f.has(e, lxRole) || f.toks[e-1].flags&fPoss != 0) {
				t = e - 1
				continue
			}
			// "The Democratic vice-presidential nominee", "Eindhaven
			// sporting director": a name as a modifier of a role noun
			if r := e; f.ms[tk.ment].Type != model.Person && (f.isWord(t-1, "the") || t == start) {
				for r < un.hi && r < e+2 && f.toks[r].kind == kWord && f.toks[r].ment < 0 && f.toks[r].flags&fLower != 0 &&
					f.toks[r].lex.class == 0 {
					r++
				}
				if r > e && r < un.hi && f.has(r, lxRole) {
					t = r - 1
					continue
				}
			}
			break
		}
		if f.isPunct(t, ',') && t > start && f.toks[t-1].kind == kWord && f.toks[t-1].ment < 0 && t+1 < un.hi && f.toks[t+1].ment >= 0 {
			continue
		}
		// "Her long-time collaborator, the structural engineer Desmond
		// Roe, remembers": a second role phrase in apposition
		if f.isPunct(t, ',') && t > start && f.has(t-1, lxRole) && f.toks[t-1].ment < 0 && f.isWord(t+1, "the") {
			continue
		}
		if f.isPunct(t, '.') && t > start && f.titleAbbrev(t-1) {
			continue // "Gov. Ann Roe toured …"
		}
		// "The United Nations envoy for the region, Farida Roe,
		// welcomed": a role's complement up to the comma before the name
		if (f.isWord(t, "for") || f.isWord(t, "of")) && t > start && f.has(t-1, lxRole) {
			if j := f.roleComplementEnd(t, un.hi); j > 0 {
				t = j // past the comma, to the name
				continue
			}
		}
		if tk.kind != kWord || tk.q >= 0 {
			return -1
		}
		// "That student, Ann Roe, is now a co-author": "that" opening
		// the sentence before a lower-case noun is a determiner
		thatDet := t > start && t-1 == start && f.isWord(t-1, "that")
		switch {
		case f.titleAbbrev(t):
		case t == start && f.isWord(t, "that") && t+2 < un.hi && f.toks[t+1].kind == kWord && f.toks[t+1].flags&fLower != 0 &&
			f.toks[t+1].lex.class&^lxCommon == 0 && (f.isPunct(t+2, ',') || f.has(t+2, lxRole)):
		case thatDet && tk.lex.class&^lxCommon == 0 && tk.flags&fLower != 0 && t+2 < un.hi && f.isPunct(t+1, ',') && f.toks[t+2].ment >= 0:
		case t+1 < un.hi && f.toks[t+1].ment >= 0 && hasSuffixFold(f.word(t), "-year-old"):
			// "Eight-year-old Martina, asked …, does not hesitate."
		case tk.lex.class&(lxDet|lxPossDet|lxRole) != 0 && tk.lex.class&(lxPronoun|lxCue) == 0,
			tk.flags&fPoss != 0 && tk.lex.class&lxPronoun == 0,
			f.isWord(t, "and") && t > start && f.has(t-1, lxRole):
		case tk.lex.class&^lxCommon == 0 && tk.flags&fLower != 0 &&
			(f.has(t+1, lxRole) || f.kinWord(t+1) || t > start && f.has(t-1, lxDet|lxPossDet|lxRole) && t+1 < un.hi &&
				(f.toks[t+1].ment >= 0 || f.isPunct(t+1, ',') && t+2 < un.hi && f.toks[t+2].ment >= 0) ||
				f.isWord(t-1, "and") && t+1 < un.hi && f.toks[t+1].ment >= 0 ||
				t == start && t+1 < un.hi && f.toks[t+1].ment >= 0 && f.mentEnd(t+1)-t > 2):
			// "In Farnby, shopkeeper Rajesh Mistry was sweeping"
		case tk.flags&fCap != 0 && tk.lex.class&(lxPronoun|lxCue) == 0 && t > start && f.has(t-1, lxDet|lxPossDet) && f.has(t+1, lxRole):
			// "The Presiding Officer, Ann Roe, intervened"
		case tk.flags&fCap != 0 && tk.lex.class&(lxPronoun|lxCue|lxDet) == 0 && t == start && f.has(t+1, lxRole) && t+2 < un.hi &&
			f.toks[t+2].ment >= 0 && f.toks[t+2].flags&fCap != 0:
			// "City boss Ann Roe refused": a club's short name the
			// recogniser left out, before a role noun and the name
		case tk.flags&fCap != 0 && tk.lex.class == 0 && tk.ment < 0 && t == start && strings.IndexByte(f.word(t), '-') > 0 && t+2 < un.hi &&
			f.toks[t+1].kind == kWord && f.toks[t+1].flags&fLower != 0 && f.toks[t+1].lex.class&^lxCommon == 0 && f.toks[t+2].ment >= 0:
			// "Season-ticket holder Ann Roe, 61, was calmer": a
			// compound describing the one named after it
		case t == start+1 && tk.flags&fLower != 0 && tk.lex.class&^lxCommon == 0 && f.toks[start].flags&fCap != 0 &&
			strings.IndexByte(f.word(start), '-') > 0 && t+1 < un.hi && f.toks[t+1].ment >= 0:
		case f.kinWord(t) && t+1 < un.hi && (f.toks[t+1].ment >= 0 || f.isPunct(t+1, ',') ||
			f.isWord(t+1, "of") && f.has(t+2, lxDet|lxPossDet)):
			// "his long-suffering wife Donna", "The son of another
			// resident, Ed Roe, told …"
		case f.isWord(t, "of") && t > start && f.kinWord(t-1):
		default:
			return -1
		}
	}
	if t >= un.hi || f.toks[t].kind != kWord || f.toks[t].ment < 0 {
		return -1
	}
	e := f.mentEnd(t)
	m := int(f.toks[t].ment)
	if f.toks[e-1].flags&fPoss != 0 || f.ms[m].Type != model.Person && f.ms[m].Type != model.Other {
		return -1
	}
	if f.ms[m].Type == model.Other && f.isWord(t-1, "the") && t-1 >= un.lo {
		return -1 // "The Mariners led by 17": a team or a body, not a person
	}
	// The mention must be the subject: a verb, a comma or a cue follows it.
	if e < un.hi && (f.isPunct(e, ',') || f.toks[e].kind == kWord && f.toks[e].flags&fLower != 0 && !f.has(e, lxPrep)) {
		return m
	}
	// or the body they work for and the comma closing an appositive: "The
	// developer, Curtis Vane of Vane Properties, has been patient".
	if e+1 < un.hi && (f.isWord(e, "of") || f.isWord(e, "at") || f.isWord(e, "from")) && t > un.lo && f.isPunct(t-1, ',') {
		b := e + 1
		if f.isWord(b, "the") {
			b++ // "The moderator, Ann Roe of the Horizon News Network, tried"
		}
		if b < un.hi && f.toks[b].ment >= 0 && f.toks[b].kind == kWord && f.isPunct(f.mentEnd(b), ',') {
			return m
		}
	}
	return -1
}

// kinWord reports whether token t is a lower-case word that gives a
// person's gender ("wife", "dad", "spokeswoman"): in "his long-suffering
// wife Donna" the words before it describe the person named after it.
func (f *finder) kinWord(t int) bool {
	return t >= 0 && t < len(f.toks) && f.toks[t].kind == kWord && f.toks[t].flags&fLower != 0 &&
		f.toks[t].lex.gender != genderUnknown
}

// namedBefore returns the last person mention before byte pos whose first
// or last word is w (a given name or a surname alone), or -1.
func (f *finder) namedBefore(w string, pos int) int {
	for m := len(f.ms) - 1; m >= 0; m-- {
		if f.ms[m].Start >= pos || f.ms[m].Type != model.Person || !f.validMent(m) {
			continue
		}
		words := strings.Fields(f.mentText(m))
		if len(words) >= 2 && (words[0] == w || words[len(words)-1] == w) {
			return m
		}
	}
	return -1
}

// noteSpeaker remembers sp as the last named speaker when it is a person or
// a name the recogniser left untyped, and where an unnamed one was
// introduced ("a senior nurse", "the girl's mum").
func (f *finder) noteSpeaker(sp speaker) {
	f.noteBody(sp)
	if sp.ment >= 0 && sp.ment < len(f.ms) && (f.ms[sp.ment].Type == model.Person || f.ms[sp.ment].Type == model.Other) {
		// "“…,” the monarch said": the role phrase names the speaker
		// here, however far back their name stands, and so does a
		// pronoun read as them after it ("“…,” he said")
		byRole := sp.ment == f.lastSp && f.lastSpAt > f.ms[sp.ment].Start
		f.lastSp, f.lastSpAt = sp.ment, f.ms[sp.ment].Start
		if sp.lo < sp.hi && sp.hi <= len(f.toks) && (byRole || (f.has(sp.hi-1, lxRole) || f.kinNoun(sp.hi-1)) && f.toks[sp.hi-1].ment < 0) {
			f.lastSpAt = max(f.lastSpAt, int(f.toks[sp.lo].start))
		}
		// a named speaker after the unnamed one is the latest voice
		if f.unnamedAt >= 0 && sp.lo < sp.hi && sp.lo < len(f.toks) && int(f.toks[sp.lo].start) > f.unnamedAt {
			f.unnamedAt = -1
		}
		return
	}
	if sp.ok && sp.ment < 0 && sp.name == "" && sp.lo < sp.hi && sp.hi <= len(f.toks) &&
		(f.has(sp.hi-1, lxRole|lxCommon) || f.toks[sp.hi-1].kind == kWord && f.toks[sp.hi-1].lex.gender != genderUnknown ||
			// "another parent, who asked not to be named,": an
			// indefinite phrase of a lower-case noun
			(f.isWord(sp.lo, "another") || f.isWord(sp.lo, "a") || f.isWord(sp.lo, "an")) && sp.hi-sp.lo <= 3 &&
				f.toks[sp.hi-1].kind == kWord && f.toks[sp.hi-1].flags&fLower != 0 && f.toks[sp.hi-1].lex.class&^lxCommon == 0) {
		f.unnamedAt = int(f.toks[sp.lo].start)
	}
}

// noteBody remembers sp as the last body named as a speaker when it is
// one: an organisation, or a capitalised name that is not a person's
// ("Tessaline, which had argued …, said", "Belmora said" with Belmora
// typed as a place, "Halvorsen Brightline said in its release").
// itsAfter reports whether "its" follows token k within the verb phrase
// after a speaker, before any name or punctuation ("said in its
// release", "said its board"), or whether the phrase reports a statement
// or filing by "it" ("said in a statement to the stock exchange that
// it would"): the speaker is a body.
func (f *finder) itsAfter(k int) bool {
	filed := false
	for j := k; j < len(f.toks) && j < k+10; j++ {
		if f.toks[j].kind != kWord || f.toks[j].ment >= 0 && !filed || f.toks[j].q >= 0 {
			return false
		}
		switch {
		case j < k+4 && f.isWord(j, "its"):
			return true
		case f.isWord(j, "statement") || f.isWord(j, "filing"):
			filed = true
		case filed && f.isWord(j, "it") && f.isWord(j-1, "that"):
			return true
		}
	}
	return false
}

func (f *finder) noteBody(sp speaker) {
	if sp.name == "" || sp.lo >= sp.hi || sp.hi > len(f.toks) {
		return
	}
	if sp.ment >= 0 {
		if sp.ment >= len(f.ms) || f.ms[sp.ment].Type == model.Person && !f.firmName(sp.ment) && !f.itsAfter(sp.hi) ||
			f.ms[sp.ment].Type == model.Other && f.gender != nil && f.gender[sp.ment] != genderUnknown {
			return
		}
		// "Priyanka Huxtable, a meteorologist with X, says": a name
		// the recogniser left untyped that an appositive gives a trade
		if f.ms[sp.ment].Type == model.Other && f.roleAppositive(f.mentEndTok(sp.ment)) {
			return
		}
		// "Halvard Quist of Brenning & Partners said": someone at a firm
		if n := sp.hi; f.ms[sp.ment].Type == model.Other && (f.isWord(n, "of") || f.isWord(n, "at")) && n+1 < len(f.toks) &&
			f.toks[n+1].ment >= 0 && f.ms[f.toks[n+1].ment].Type == model.Organization {
			return
		}
	} else if f.isWord(sp.hi-1, "campaign") && strings.HasSuffix(sp.name, " campaign") {
		// "Halloway’s campaign said": the campaign it names
	} else {
		k := sp.lo
		if f.isWord(k, "the") {
			k++
		}
		if k >= sp.hi || f.toks[k].kind != kWord || f.toks[k].flags&fCap == 0 || f.has(k, lxPronoun|lxRole) || sp.name != f.spanText(k, sp.hi) {
			return
		}
	}
	f.bodySp, f.bodySpAt = sp, int(f.toks[sp.lo].start)
}

// roleAppositive reports whether an appositive giving a person's trade
// opens at the comma t: ", a meteorologist with …", ", the agency's
// chief economist,".
func (f *finder) roleAppositive(t int) bool {
	if t < 0 || !f.isPunct(t, ',') || !f.has(t+1, lxDet) {
		return false
	}
	for k := t + 2; k < len(f.toks) && k <= t+5; k++ {
		if f.toks[k].kind != kWord || f.toks[k].q >= 0 {
			return false
		}
		if f.has(k, lxRole) && f.toks[k].flags&fLower != 0 && !isSpokes(strings.ToLower(f.word(k))) {
			return true
		}
		if f.has(k, lxPrep|lxCue) {
			return false
		}
	}
	return false
}

// topicPerson returns the first mention of the person a text is about:
// the one named in its first two paragraphs whose name the text repeats
// most, at least three times and more often than anyone else's; or -1.
func (f *finder) topicPerson() int {
	if f.topicDone {
		return f.topic
	}
	f.topicDone, f.topic = true, -1
	if len(f.paras) < 2 {
		return -1
	}
	lead := int(f.toks[f.paras[1].hi-1].end)
	best, bestN, second := -1, 0, 0
	seen := 0 // the first maxTopicNames people of the lead are counted
	for i := range f.ms {
		if f.ms[i].Type != model.Person || !f.validMent(i) || f.ms[i].Start >= lead {
			continue
		}
		if seen++; seen > maxTopicNames {
			break
		}
		n := f.mentName(i)
		dup := false
		for j := range i {
			if f.ms[j].Type == model.Person && f.validMent(j) && f.ms[j].Start < lead && f.mentName(j) == n {
				dup = true
				break
			}
		}
		if dup {
			continue
		}
		c := 0
		for j := range f.ms {
			if f.ms[j].Type == model.Person && f.validMent(j) && f.mentName(j) == n {
				c++
			}
		}
		switch {
		case c > bestN:
			best, bestN, second = i, c, bestN
		case c > second:
			second = c
		}
	}
	if bestN >= 3 && bestN > second {
		f.topic = best
	}
	return f.topic
}

// maxTopicNames bounds the mentions topicPerson counts the name of, so
// that its work stays linear in the text.
const maxTopicNames = 16

// pronounParagraph reports whether the paragraph of the pronoun at token
// t opens with a third-person singular pronoun of gender g ("She was …",
// "Her final book …") and names no person before t.
func (f *finder) pronounParagraph(t int, g byte) bool {
	i := sort.Search(len(f.paras), func(i int) bool { return f.paras[i].hi > t })
	if i >= len(f.paras) {
		return false
	}
	lo := f.paras[i].lo
	// past a short opening phrase of place or time naming nobody: "In
	// 1966 she took a posting …", "By then, he …"
	if f.has(lo, lxPrep|lxTime) && f.toks[lo].ment < 0 {
		for k := lo + 1; k < t && k < lo+6; k++ {
			if f.toks[k].ment >= 0 || f.toks[k].q >= 0 || f.toks[k].kind == kWord && f.toks[k].flags&fCap != 0 && f.toks[k].lex.class&lxPronoun == 0 {
				break
			}
			if f.isWord(k, "she") || f.isWord(k, "he") {
				lo = k
				break
			}
		}
	}
	switch strings.ToLower(f.word(lo)) {
	case "she", "he", "her", "his":
		if pronounGender(f.word(lo)) != g || (lo == f.paras[i].lo) == (f.toks[lo].flags&fLower != 0) {
			return false
		}
	default:
		return false
	}
	for k := lo; k < t; k++ {
		if m := f.toks[k].ment; m >= 0 && f.toks[k].kind == kWord && f.ms[m].Type == model.Person {
			return false
		}
	}
	return true
}

// pronounUnit returns the index of the unit holding token t, or -1.
func (f *finder) pronounUnit(t int) int {
	u := sort.Search(len(f.units), func(i int) bool { return f.units[i].hi > t })
	if u >= len(f.units) || f.units[u].lo > t {
		return -1
	}
	return u
}

// possessorLead returns the person of gender g whose relative or
// associate the sentence before the one holding pronoun t opens with, in
// the possessive ("Mrs Roe's great-grandson Ollie presented her with a
// cake"), when that subject is not of gender g and an object pronoun of
// gender g follows in that sentence; or -1.
func (f *finder) possessorLead(t int, g byte) int {
	u := f.pronounUnit(t)
	if u < 1 {
		return -1
	}
	v := f.units[u-1]
	k := v.lo
	if f.courtesyTitle(k) && f.toks[k].ment < 0 {
		k++ // "Mrs Roe's"
		if f.isPunct(k, '.') {
			k++
		}
	}
	if k >= v.hi || f.toks[k].kind != kWord || f.toks[k].ment < 0 || f.toks[k].q >= 0 {
		return -1
	}
	e := f.mentEnd(k)
	p := int(f.toks[k].ment)
	if f.toks[e-1].flags&fPoss == 0 || f.ms[p].Type != model.Person || !f.genderFits(p, g) || f.gender == nil || f.gender[p] != g {
		return -1
	}
	n := e
	if n < v.hi && f.toks[n].kind == kWord && f.toks[n].flags&fLower != 0 && f.toks[n].lex.gender != genderUnknown && f.toks[n].lex.gender != g {
		n++ // "her grandson"
	} else if n < v.hi && f.kinNoun(n) && kinGender(strings.ToLower(f.word(n))) != g && kinGender(strings.ToLower(f.word(n))) != genderUnknown {
		n++ // "great-grandson"
	} else {
		return -1
	}
	if n < v.hi && f.toks[n].ment >= 0 && f.genderFits(int(f.toks[n].ment), g) && (f.gender == nil || f.gender[f.toks[n].ment] == g) {
		return -1
	}
	obj := "her"
	if g == genderMale {
		obj = "him"
	}
	for j := n + 1; j < v.hi; j++ {
		if f.toks[j].q < 0 && f.isWord(j, obj) && (f.isPunct(j+1, '.') || f.isPunct(j+1, ',') || f.has(j+1, lxPrep|lxDet)) {
			return p
		}
	}
	return -1
}

// pluralPeopleBefore reports whether a lower-case plural noun for people
// ("inspectors", "officials", "residents") stands before token t in its
// sentence with no name between them.
func (f *finder) pluralPeopleBefore(t int) bool {
	u := f.pronounUnit(t)
	if u < 0 {
		return false
	}
	for k := t - 1; k >= f.units[u].lo && k >= t-6; k-- {
		tk := &f.toks[k]
		if tk.q >= 0 || tk.ment >= 0 {
			return false
		}
		if tk.kind != kWord || tk.flags&fLower == 0 && k != f.units[u].lo {
			continue // ("Inspectors found what they called …")
		}
		w := strings.ToLower(f.word(k))
		if len(w) < 6 || !strings.HasSuffix(w, "s") || strings.HasSuffix(w, "ss") {
			continue
		}
		if f.has(k, lxRole) || isPeoplePlural(w) {
			return true
		}
	}
	return false
}

// isPeoplePlural reports whether lower-case w is a plural noun for
// people by its ending ("inspectors", "officials", "residents",
// "economists", "campaigners").
func isPeoplePlural(w string) bool {
	for _, sfx := range [...]string{"ors", "ers", "ists", "ians", "ents", "icials", "atives"} {
		if strings.HasSuffix(w, sfx) {
			return true
		}
	}
	return false
}

// kinLeadBefore returns the byte offset of the sentence before the one
// holding pronoun t, in the same paragraph, when it opens with a
// possessive and a noun for a relative or person of gender g and names no
// person ("His wife is more direct."); or -1.
func (f *finder) kinLeadBefore(t int, g byte) int {
	u := f.pronounUnit(t)
	if u < 1 || f.opensParagraph(f.units[u].lo) && f.units[u].lo == t {
		return -1
	}
	v := f.units[u-1]
	if f.paraOf(v.lo) != f.paraOf(t) {
		return -1
	}
	k := v.lo
	if !f.has(k, lxPossDet) || f.toks[k].q >= 0 {
		return -1
	}
	for n := k + 1; n < v.hi && n <= k+3 && f.toks[n].kind == kWord && f.toks[n].flags&fLower != 0; n++ {
		if ng := nounGender(f.toks[n].lex.gender, strings.ToLower(f.word(n))); ng != genderUnknown {
			if ng != g {
				return -1
			}
			for j := n + 1; j < v.hi; j++ {
				if m := f.toks[j].ment; m >= 0 && f.toks[j].q < 0 && f.ms[m].Type == model.Person {
					return -1 // "His wife, Ann Roe, is more direct"
				}
			}
			return int(f.toks[k].start)
		}
	}
	return -1
}

// indefiniteBefore returns the byte offset of an unnamed person the
// writer introduces ("a woman in her seventies", "a boy of about
// twelve", "One of them, who …,") in the sentence of the pronoun at token t, before it, or in
// the one before, when that person's gender fits g; or -1. An
// appositive ("Ann Roe, a mother of three,"), a predicate ("she is a
// nurse") or a relation ("who has a son") describes someone named
// instead.
func (f *finder) indefiniteBefore(t int, g byte) int {
	u := f.pronounUnit(t)
	if u < 0 {
		return -1
	}
	lo := f.units[max(u-1, 0)].lo
	at := -1
	for v := max(u-1, 0); v <= u; v++ {
		// "One of them, who …, put it starkly": a member of a group
		// opening the sentence
		if k := f.units[v].lo; k+2 < t && f.word(k) == "One" && f.isWord(k+1, "of") && (f.isWord(k+2, "them") || f.isWord(k+2, "us")) {
			at = int(f.toks[k].start)
		}
	}
	for k := lo; k+1 < t; k++ {
		if f.toks[k].q >= 0 || !(f.isWord(k, "a") || f.isWord(k, "an") || f.isWord(k, "another") && f.toks[k].flags&fCap != 0) || k > 0 && (f.isPunct(k-1, ',') || f.has(k-1, lxAux) ||
			f.isWord(k-1, "as") || f.isWord(k-1, "has") || f.isWord(k-1, "have") || f.isWord(k-1, "had") || f.isWord(k-1, "of") ||
			f.isWord(k-1, "with") || f.toks[k-1].kind == kWord && f.toks[k-1].lex.class&lxCue != 0) || f.saidAfterClause(k, t) {
			continue
		}
		for n := k + 1; n < t && n <= k+3 && f.toks[n].kind == kWord && f.toks[n].flags&fLower != 0 && f.toks[n].q < 0; n++ {
			if ng := nounGender(f.toks[n].lex.gender, strings.ToLower(f.word(n))); ng != genderUnknown {
				if ng == g {
					at = int(f.toks[k].start)
				}
				break
			}
		}
	}
	// "Near the end of the night, a fifth-grader … stepped up, standing
	// on her toes": a subject for a person by a noun that gives no sex,
	// and a possessive of this one after it in the same sentence
	for v := max(u-1, 0); v <= u; v++ {
		k := f.units[v].lo
		for j := k; !(f.isWord(k, "a") || f.isWord(k, "an") || f.isWord(k, "another")) && j < f.units[v].hi && j < k+8 && f.toks[j].q < 0 && f.toks[j].ment < 0; j++ {
			if f.isPunct(j, ',') {
				k = j + 1 // past an opening phrase
				break
			}
		}
		if k+1 >= t || f.toks[k].q >= 0 || !(f.isWord(k, "a") || f.isWord(k, "an") || f.isWord(k, "another")) || int(f.toks[k].start) <= at {
			continue
		}
		for n := k + 1; n < t && n <= k+3 && f.toks[n].kind == kWord && f.toks[n].flags&fLower != 0; n++ {
			if f.personLike(n) {
				if f.possessiveOfAfter(n, t, g) {
					at = int(f.toks[k].start)
				}
				break
			}
		}
	}
	return at
}

// saidAfterClause reports whether token k lies in a clause that a short
// attribution after a comma, before token t, reports ("A man aged 64 was
// killed when debris fell, the governor said."): one described there is
// talked about, not a speaker.
func (f *finder) saidAfterClause(k, t int) bool {
	u := f.unitOf(int(f.toks[k].start))
	if u < 0 {
		return false
	}
	hi := min(f.units[u].hi, t)
	for c := k + 1; c < hi; c++ {
		if f.toks[c].kind == kMark {
			return false
		}
		if !f.isCue(c) || f.toks[c].flags&fLower == 0 {
			continue
		}
		for p := c - 1; p > k && p >= c-5; p-- {
			if f.isPunct(p, ',') {
				return p+1 < c && f.isEndPunct(c+1)
			}
			if f.toks[p].kind != kWord {
				return false
			}
		}
		return false
	}
	return false
}

// personLike reports whether the lower-case word at token n is a noun for
// a person: a role, a word of family or life stage, one of the everyday
// nouns for people in local news ("resident", "commuter"), or one ending
// as nouns for people do ("fifth-grader", "cyclist", "historian").
func (f *finder) personLike(n int) bool {
	w := strings.ToLower(f.word(n))
	if f.has(n, lxRole) || describerNoun(w) {
		return true
	}
	switch w {
	case "resident", "parent", "neighbour", "neighbor", "patient", "passenger", "commuter", "shopper", "villager",
		"customer", "worker", "driver", "rider", "volunteer", "teacher", "witness", "bystander", "local", "tenant":
		return true
	}
	if i := strings.LastIndexByte(w, '-'); i >= 0 {
		w = w[i+1:]
	}
	if len(w) < 5 {
		return false
	}
	for _, sfx := range [...]string{"grader", "ist", "ian"} {
		if strings.HasSuffix(w, sfx) {
			return true
		}
	}
	return false
}

// possessiveOfAfter reports whether "his" or "her" of gender g stands
// after token n in its sentence, before token t, with no person named
// between, or "he" or "she" of gender g right after a reporting verb.
func (f *finder) possessiveOfAfter(n, t int, g byte) bool {
	u := f.pronounUnit(n)
	if u < 0 {
		return false
	}
	for k := n + 1; k < f.units[u].hi && k < t; k++ {
		if m := f.toks[k].ment; m >= 0 && f.ms[m].Type == model.Person {
			return false
		}
		if f.toks[k].q < 0 && f.has(k, lxPossDet) && (f.isWord(k, "his") || f.isWord(k, "her")) {
			return pronounGender(strings.ToLower(f.word(k))) == g
		}
		// "Another resident … said she would move": the one saying it
		if f.toks[k].q < 0 && (f.isWord(k, "he") || f.isWord(k, "she")) && f.isCue(k-1) {
			return pronounGender(strings.ToLower(f.word(k))) == g
		}
	}
	return false
}

// nounGender returns the gender of a noun for a person: lg, the gender
// the lexicon records, or that of "woman", "man", "girl" or "boy".
func nounGender(lg byte, w string) byte {
	if lg != genderUnknown {
		return lg
	}
	switch w {
	case "woman", "girl", "lass":
		return genderFemale
	case "man", "boy", "lad", "gentleman":
		return genderMale
	}
	return genderUnknown
}

// personBetween reports whether a person is named between bytes lo and
// hi outside quotations.
func (f *finder) personBetween(lo, hi int) bool {
	for i := f.res.Started(hi - 1); i >= 0 && f.ms[i].Start > lo; i-- {
		if f.ms[i].Type == model.Person && f.validMent(i) && !f.inQuotation(f.ms[i].Start) {
			return true
		}
	}
	return false
}

// bodyFits reports whether a body named name may be the one a generic
// noun w ("the company") stands for: a company is not a name ending in
// the noun of a public body ("Markets and Competition Authority").
func bodyFits(name, w string) bool {
	switch w {
	case "company", "firm", "carrier", "airline", "retailer", "automaker", "insurer", "bank", "utility", "group",
		"manufacturer":
	default:
		return true
	}
	last := name[strings.LastIndexByte(name, ' ')+1:]
	for _, w := range publicBodyWords {
		if strings.EqualFold(last, w) {
			return false
		}
	}
	return true
}

// publicBodyWords end the names of bodies that are not companies: the
// body nouns (see bodyNoun) and a few more.
var publicBodyWords = [...]string{"ministry", "prefecture", "authority", "committee", "board", "federation", "department",
	"police", "council", "agency", "commission", "regulator", "inspectorate", "directorate", "secretariat", "embassy", "mission",
	"government", "administration", "union", "association", "service", "court", "tribunal", "club", "league", "party",
	"university", "hospital", "trust", "foundation", "institute", "charity", "office", "school", "college",
	"centre", "center", "clinic", "daily", "times", "herald", "gazette", "tribune", "television", "radio"}

// labourBody reports whether an organisation's name says it is a body of
// workers that "the union" may stand for: an association, brotherhood,
// guild or federation.
func labourBody(name string) bool {
	for _, w := range strings.Fields(name) {
		switch strings.ToLower(w) {
		case "association", "brotherhood", "guild", "federation":
			return true
		}
	}
	return false
}

// orgNoun reports whether w is a noun that stands for a named organization.
func orgNoun(w string) bool {
	switch w {
	case "company", "firm", "ministry", "agency", "department", "bank", "league", "club",
		"council", "committee", "commission", "government", "administration", "network",
		"union", "party", "embassy", "mission", "regulator", "newspaper", "carrier", "automaker",
		"retailer", "airline", "insurer", "university", "hospital", "utility", "authority", "board",
		"federation", "association", "charity", "foundation", "institute", "trust", "operator",
		"group", "team", "manufacturer", "palace", "co-op", "cooperative":
		return true
	}
	return false
}

// spokesLead returns the organisation a sentence right before the one
// holding pronoun t opens with as its speaker's employer, "A spokeswoman
// for X said" or "A spokesman for the X said", when the spokesperson's
// word fits gender g; or -1. at is where that body is named, or where the
// spokesperson is when the text names the body before and here only by
// its noun ("A spokeswoman for the council said").
func (f *finder) spokesLead(t int, g byte) (m, at int) {
	u := sort.Search(len(f.units), func(i int) bool { return f.units[i].hi > t })
	if u <= 0 || u >= len(f.units) {
		return -1, 0
	}
	k := f.units[u-1].lo
	// "His spokeswoman said later … . “…,” she said": the person the
	// possessive stands for
	if (f.isWord(k, "his") || f.isWord(k, "her")) && isSpokes(strings.ToLower(f.word(k+1))) {
		if lg := f.toks[k+1].lex.gender; lg != genderUnknown && lg != g {
			return -1, 0
		}
		p := f.possessor(k, pronounGender(f.word(k)))
		if p < 0 {
			return -1, 0
		}
		return p, f.ms[p].Start
	}
	if !f.isWord(k, "a") && !f.isWord(k, "an") && !f.isWord(k, "the") {
		return -1, 0
	}
	// "A bureau spokesman said …": the body of that noun named last
	// before
	if w := strings.ToLower(f.word(k + 1)); k+2 < f.units[u-1].hi && f.toks[k+1].kind == kWord && f.toks[k+1].flags&fLower != 0 &&
		f.toks[k+1].ment < 0 && (orgNoun(w) || bodyNoun(w)) && isSpokes(strings.ToLower(f.word(k+2))) {
		if lg := f.toks[k+2].lex.gender; lg != genderUnknown && lg != g {
			return -1, 0
		}
		if b := f.lastBodyOf(w, int(f.toks[k].start)); b >= 0 {
			return b, int(f.toks[k].start)
		}
		return -1, 0
	}
	// the lexicon's gender of the word: "spokeswoman" is a woman's,
	// "spokesperson" anyone's
	if lg := f.toks[k+1].lex.gender; !isSpokes(strings.ToLower(f.word(k+1))) || lg != genderUnknown && lg != g {
		return -1, 0
	}
	o := k + 3
	if !f.isWord(k+2, "for") {
		return -1, 0
	}
	if f.isWord(o, "the") {
		o++
	}
	if o >= f.units[u-1].hi {
		return -1, 0
	}
	if w := f.word(o); f.toks[o].ment < 0 && f.isWord(o-1, "the") && f.toks[o].flags&fLower != 0 && orgNoun(w) && !f.isWord(o+1, "of") {
		// "A spokeswoman for the council said …": the body of that
		// noun named last before
		return f.lastBodyOf(w, int(f.toks[o].start)), int(f.toks[k].start)
	}
	if f.toks[o].ment < 0 || f.mentStart(o) != o {
		return -1, 0
	}
	m = int(f.toks[o].ment)
	if !f.validMent(m) || f.ms[m].Type != model.Organization {
		return -1, 0
	}
	return m, f.ms[m].Start
}

// lastBodyOf returns the last organisation named before byte pos whose
// name holds noun w ("Ashgrove Borough Council" for "council"), or -1.
func (f *finder) lastBodyOf(w string, pos int) int {
	for m := len(f.ms) - 1; m >= 0; m-- {
		if f.ms[m].Start >= pos || !f.validMent(m) || f.ms[m].Type != model.Organization {
			continue
		}
		for n := range strings.FieldsSeq(f.mentName(m)) {
			if strings.EqualFold(n, w) {
				return m
			}
		}
	}
	return -1
}

// noLower reports whether w has no lower-case letter ("RÍO", "ALMENDROS").
func noLower(w string) bool {
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
	}
	return true
}

// hasSuffixFold reports whether w ends with the lower-case ASCII suffix
// suf, ignoring case.
func hasSuffixFold(w, suf string) bool {
	return len(w) >= len(suf) && strings.EqualFold(w[len(w)-len(suf):], suf)
}

// possessor returns the person that the possessive pronoun at token k, of
// gender g, stands for ("His spokeswoman said"): the subject of the
// sentence before, else the last person named as a speaker not far back,
// else the nearest person before it; or -1.
func (f *finder) possessor(k int, g byte) int {
	pos := int(f.toks[k].start)
	if u := f.unitOf(pos); u >= 1 {
		if s := f.leadSubject(u - 1); s >= 0 && (f.ms[s].Type == model.Person || f.ms[s].Type == model.Other) && f.genderFits(s, g) {
			return s
		}
	}
	if c := f.lastSp; c >= 0 && f.ms[c].Start < pos && pos-f.ms[c].Start < 1500 && f.ms[c].Type == model.Person && f.genderFits(c, g) {
		return c
	}
	return f.nearest(pos, model.Person, "", g)
}

// isSpokes reports whether lower-case word w names a spokesperson.
func isSpokes(w string) bool {
	switch w {
	case "spokesman", "spokeswoman", "spokesperson":
		return true
	}
	return false
}

// spokesOrg returns the organisation the spokesperson word at token t
// speaks for ("spokesman for the Bakers' Union", "a Westgrid spokesman"),
// or -1.
func (f *finder) spokesOrg(t int) int {
	org := func(k int) int {
		if k < 0 || k >= len(f.toks) || f.toks[k].kind != kWord {
			return -1
		}
		m := int(f.toks[k].ment)
		if !f.validMent(m) || f.ms[m].Type != model.Organization && f.ms[m].Type != model.Other {
			return -1
		}
		return m
	}
	if k := t + 1; f.isWord(k, "for") {
		k++
		if f.isWord(k, "the") {
			k++
		}
		if m := org(k); m >= 0 && f.mentStart(k) == k {
			return m
		}
	}
	if m := org(t - 1); m >= 0 && f.mentEnd(t-1) == t {
		return m
	}
	// "a Halvorsen spokeswoman": the body named before whose name holds
	// the person's surname she speaks for ("Halvorsen Partners L.P."),
	// else that person
	if k := t - 1; k >= 0 && f.toks[k].kind == kWord && f.toks[k].flags&fCap != 0 && f.toks[k].ment >= 0 && f.mentEnd(k) == t {
		if p := int(f.toks[k].ment); f.validMent(p) && f.ms[p].Type == model.Person {
			w := f.word(k)
			if m := f.res.Nearest(int(f.toks[k].start), 50000, resolve.Organization, func(i int) bool {
				return f.ms[i].Type == model.Organization && !f.inQuotation(f.ms[i].Start) && hasWordFold(f.ms[i].Text, w)
			}); m >= 0 {
				return m
			}
			return p // "a Tillford spokeswoman": the person's own
		}
	}
	// "a fund spokesman", "a Commission spokeswoman": a word of the name
	// of a body named before ("the Dorrington Pension Fund", "the
	// European Commission").
	if k := t - 1; k >= 1 && f.toks[k].kind == kWord && f.toks[k].ment < 0 && f.has(k-1, lxDet) &&
		f.toks[k].lex.class&(lxCue|lxPrep|lxPronoun|lxRole|lxDet|lxPossDet|lxAux) == 0 {
		if w := strings.ToLower(f.word(k)); plainWord(w) && len(w) > 2 {
			if m := f.res.Nearest(int(f.toks[k].start), 50000, resolve.Organization, func(i int) bool {
				return hasWordFold(f.ms[i].Key, w) || hasWordFold(f.ms[i].Text, w)
			}); m >= 0 {
				return m
			}
		}
	}
	return -1
}

// possInside reports whether a word in the possessive lies between tokens
// lo and t ("the county's chief fire officer"): the role of a body named
// there, whose holder the text introduces rather than names again.
func (f *finder) possInside(lo, t int) bool {
	for k := lo; k < t; k++ {
		if f.toks[k].flags&fPoss != 0 && f.toks[k].lex.class&lxPronoun == 0 {
			return true
		}
	}
	return false
}

// titleAbbrev reports whether token k is an abbreviated title or courtesy
// title written with a full stop after it ("Gov.", "Sen.", "Ms.").
func (f *finder) titleAbbrev(k int) bool {
	if k < 0 || k+1 >= len(f.toks) || f.toks[k].kind != kWord || !f.isPunct(k+1, '.') {
		return false
	}
	switch strings.ToLower(f.word(k)) {
	case "mr", "ms", "mrs", "mx", "messrs", "mmes", "dr", "prof", "gov", "sen", "rep", "gen", "col", "lt",
		"sgt", "capt", "maj", "cmdr", "adm", "det", "insp", "supt", "rev", "cpl", "pvt", "atty", "supv":
		return true
	}
	return false
}

// titled returns the nearest person mention before byte pos (within
// 50,000 bytes) written after an abbreviated title whose role stem is stem
// ("Gov. Ann Roe" for "governor"), which the recogniser may not keep as
// the mention's role, or -1.
//
// A role noun of gender g ("the congresswoman") means, of those, the
// nearest the text gave that gender, else the nearest it gave no other.
func (f *finder) titled(pos int, stem string, g byte) int {
	if stem == "" {
		return -1
	}
	holds := func(i int) bool {
		if f.ms[i].Type != model.Person || !f.genderFits(i, g) {
			return false
		}
		s := f.ms[i].Start
		t := f.tokAt(s)
		return t >= 2 && f.titleAbbrev(t-2) && resolve.RoleStem(strings.ToLower(f.word(t-2))) == stem
	}
	if g != genderUnknown {
		if m := f.res.Nearest(pos, 50000, resolve.Person, func(i int) bool {
			return holds(i) && (i < len(f.gender) && f.gender[i] == g || i < len(f.nameGender) && f.nameGender[i] == g)
		}); m >= 0 {
			return m
		}
	}
	return f.res.Nearest(pos, 50000, resolve.Person, holds)
}

// untypedWithRole returns the nearest mention before byte pos (within
// 50,000 bytes) of a name of two words or more that the recogniser left
// untyped but gave a role with the role stem stem ("a foreign ministry
// spokesman, Kuanysh Rakhimzhanov, said … . “…,” the spokesman said"),
// or -1.
func (f *finder) untypedWithRole(pos int, stem string) int {
	if stem == "" {
		return -1
	}
	return f.res.Nearest(pos, 50000, resolve.Untyped, func(i int) bool {
		return f.validMent(i) && strings.Contains(f.mentName(i), " ") && !f.inQuotation(f.ms[i].Start) && resolve.HasRole(f.ms[i].Role, stem)
	})
}

// spokesOtherSex reports whether the role description role names a
// spokesperson of the other sex than the role noun w does: a
// "spokesman for the Assembly" is not "the spokeswoman".
func spokesOtherSex(role, w string) bool {
	switch w {
	case "spokeswoman":
		return hasWordFold(role, "spokesman")
	case "spokesman":
		return hasWordFold(role, "spokeswoman")
	}
	return false
}

// clergyRole reports whether w is the office of a member of the clergy.
func clergyRole(w string) bool {
	switch w {
	case "vicar", "priest", "rector", "pastor", "chaplain", "curate", "cleric":
		return true
	}
	return false
}

// clergyNamed returns the nearest person mention before byte pos (within
// 5,000 bytes) named with a clergy title ("Reverend Ann Roe", "Rev. Ann
// Roe", "Father Tom Hale", "Hojatoleslam Ali Roe"), or -1.
func (f *finder) clergyNamed(pos int) int {
	return f.res.Nearest(pos, 5000, resolve.Person, func(i int) bool {
		if f.ms[i].Type != model.Person || f.inQuotation(f.ms[i].Start) {
			return false
		}
		s := f.ms[i].Start
		t := f.tokAt(s)
		for k := t; k >= 0 && k >= t-2; k-- {
			switch f.word(k) {
			case "Reverend", "Rev", "Revd", "Father", "Pastor", "Canon", "Vicar", "Hojatoleslam", "Ayatollah":
				return k == t || k == t-1 || f.isPunct(k+1, '.')
			}
		}
		return false
	})
}

// spokesOfPrev returns the organisation that a bare "a spokesman" (with
// noun, "a union spokesman": a body that sentence calls so) at byte pos
// speaks for when the sentence before, in the same paragraph, reports
// what that organisation said ("Acme said its outlook was unchanged. “…,”
// a spokesman said"), or -1. The speaker of that sentence counts when it
// is an organisation or a word of an organisation's name the recogniser
// took for someone's ("Acme" of "Acme Corp").
func (f *finder) spokesOfPrev(pos int, noun string) int {
	u := f.prevUnit()
	if u < 0 {
		return -1
	}
	// "The Fenn Trust said it was … ." ¶ "“…,” a spokeswoman said": a
	// paragraph opening with the spokesperson's quotation may take the
	// body that the paragraph before ends by reporting
	across := f.opensParagraph(f.cur.lo)
	if across && (f.toks[f.cur.lo].q < 0 || f.toks[f.cur.lo].kind != kMark) {
		return -1
	}
	sp, ok := f.lastSpeakerOfUnit(u)
	if across {
		if !ok || sp.name == "" || noun != "" && !hasWordFold(sp.name, noun) {
			return -1
		}
		o := sp.ment
		if o < 0 {
			o = f.res.OrgNamed(pos, 3000, sp.name)
		}
		if o < 0 || f.ms[o].Type != model.Organization {
			return -1
		}
		return o
	}
	if !ok {
		// "The Department for Ports insisted the plan stood. A
		// spokesman said …": the body that sentence opens with as the
		// subject of a reporting verb, though it quotes nothing
		k := f.units[u].lo
		if f.isWord(k, "the") {
			k++
		}
		if m := f.orgLead(u, f.units[u].hi); m >= 0 && f.isCue(f.mentEnd(k)) &&
			(noun == "" || hasWordFold(f.ms[m].Text, noun)) {
			return m
		}
		// "Stannard declined to comment on the rent. A spokeswoman
		// said …": the one who would not comment, by their spokeswoman
		if m := int(f.toks[k].ment); noun == "" && k < f.units[u].hi && f.toks[k].kind == kWord && m >= 0 && f.mentStart(k) == k &&
			f.validMent(m) && f.ms[m].Type != model.Place {
			e := f.mentEnd(k)
			if f.isPunct(e, ',') && (f.has(e+1, lxRel) || f.has(e+1, lxDet)) {
				// past an appositive: "Harwick Estates, which owns the
				// building, declined"
				for j := e + 1; j < f.units[u].hi && j < e+24; j++ {
					if f.toks[j].q >= 0 || f.isEndPunct(j) {
						break
					}
					if f.isPunct(j, ',') {
						e = j + 1
						break
					}
				}
			}
			if f.isWord(e, "declined") || f.isWord(e, "refused") || f.isWord(e, "did") && f.isWord(e+1, "not") {
				return m
			}
		}
		return -1
	}
	if sp.name == "" || noun != "" && !hasWordFold(sp.mention, noun) && !hasWordFold(sp.name, noun) {
		return -1
	}
	if o := f.res.OrgNamed(pos, 3000, sp.name); o >= 0 {
		return o
	}
	// a body the recogniser left untyped ("The Northern Crossings
	// Partnership said …")
	if !strings.Contains(sp.name, " ") {
		return -1
	}
	for i := f.res.Started(pos); i >= 0 && pos-f.ms[i].Start <= 3000; i-- {
		if f.ms[i].Type == model.Other && f.validMent(i) && f.mentName(i) == sp.name {
			return i
		}
	}
	return -1
}

// prevBodyName returns the name of the body, unknown to the recogniser,
// that the last attribution of the sentence before the current one
// credits, when noun is a word of it ("Department for Island
// Transport" for "department"); a sentence opening a paragraph has none.
func (f *finder) prevBodyName(noun string) (string, bool) {
	u := f.prevUnit()
	if u < 0 || f.opensParagraph(f.cur.lo) {
		return "", false
	}
	sp, ok := f.lastSpeakerOfUnit(u)
	if !ok || sp.ment >= 0 || !strings.Contains(sp.name, " ") {
		return "", false
	}
	for w := range strings.FieldsSeq(sp.name) {
		if strings.EqualFold(w, noun) && w != strings.ToLower(w) {
			return sp.name, true
		}
	}
	return "", false
}

// unnamedRole reports whether the unnamed speaker introduced at byte u
// ("another analyst", "one senior trader") is named by role noun w.
func (f *finder) unnamedRole(u int, w string) bool {
	k := f.tokAt(u)
	for j := k; j >= 0 && j < len(f.toks) && j < k+4; j++ {
		if f.toks[j].kind != kWord {
			return false
		}
		if strings.EqualFold(f.word(j), w) {
			return true
		}
	}
	return false
}

// indefiniteRole returns the byte offset of the last phrase "a w" or "an
// w" (w a role noun) outside quotations before token t, at most 1,500
// bytes before it, or -1.
func (f *finder) indefiniteRole(t int, w string) int {
	pos := int(f.toks[t].start)
	for k := t - 1; k > 0 && pos-int(f.toks[k].start) < 1500; k-- {
		if f.toks[k].q < 0 && f.isWord(k, w) && f.toks[k].flags&fLower != 0 {
			// "a Kelmari official", "a senior government official"
			j := k - 1
			for j > 0 && j >= k-2 && f.toks[j].kind == kWord && f.toks[j].q < 0 && (f.toks[j].flags&fCap != 0 && f.toks[j].ment >= 0 || roleQualifier(f.word(j))) {
				j--
			}
			if f.isWord(j, "a") || f.isWord(j, "an") || f.isWord(j, "another") || f.isWord(j, "one") {
				return int(f.toks[j].start)
			}
		}
	}
	return -1
}

// nounBody returns the organisation that the lower-case noun at token k
// of "a bureau official" or "a customs spokesman" stands for: the one
// organisation named outside quotations in the 3,000 bytes before byte
// pos whose name holds that word ("National Statistics Bureau", "General
// Customs Administration"), or -1 when none or two bodies of different
// names hold it, or the word is not a body's.
func (f *finder) nounBody(k, pos int) int {
	if k < 0 || f.toks[k].kind != kWord || f.toks[k].ment >= 0 || f.toks[k].flags&fLower == 0 {
		return -1
	}
	n := strings.ToLower(f.word(k))
	if !bodyNoun(n) && !orgNoun(n) && n != "bureau" && n != "registry" && n != "customs" {
		return -1
	}
	m, name := -1, ""
	for i := f.res.Started(pos); i >= 0 && pos-f.ms[i].Start <= 3000; i-- {
		if f.ms[i].Type != model.Organization || f.inQuotation(f.ms[i].Start) || !hasWordFold(f.mentName(i), n) {
			continue
		}
		if m < 0 {
			m, name = i, f.mentName(i) // the last one named
		} else if f.mentName(i) != name {
			return -1
		}
	}
	return m
}

// nounBodyRole returns the body of the last "a bureau official" (role w
// after a body's noun, see nounBody) outside quotations in the 1,500
// bytes before token t, or -1.
func (f *finder) nounBodyRole(t int, w string) int {
	pos := int(f.toks[t].start)
	for k := t - 1; k > 1 && pos-int(f.toks[k].start) < 1500; k-- {
		if f.toks[k].q < 0 && f.isWord(k, w) && f.toks[k].flags&fLower != 0 {
			if f.isWord(k-2, "a") || f.isWord(k-2, "an") {
				return f.nounBody(k-1, int(f.toks[k-2].start))
			}
			return -1
		}
	}
	return -1
}

// roleQualifier reports whether w may stand between "a" and a role noun
// that introduces someone unnamed ("a senior official", "a Western
// diplomat").
func roleQualifier(w string) bool {
	switch strings.ToLower(w) {
	case "senior", "junior", "government", "ministry", "military", "security", "western", "european", "foreign",
		"second", "third", "fourth", "council":
		return true
	}
	return false
}

// bodyLeadPhrase returns the name of a country's body that unit u opens
// with as its subject, written as a phrase the recogniser named no body
// in ("Tarvand's defence ministry denied", "The Tarvish foreign ministry
// issued"): the phrase without "the", as written, or "".
func (f *finder) bodyLeadPhrase(u int) string {
	un := f.units[u]
	k := f.pastDateline(un.lo, un.hi)
	if n := f.pastOpeningPlace(un); n > k {
		// "In the Droskian capital, Vel Marit, the foreign ministry
		// rejected …": the body after a phrase of place
		k = n
		e := k + 1
		for e < un.hi && e < k+4 && f.toks[e].kind == kWord && f.toks[e].flags&fLower != 0 && f.toks[e].lex.class == 0 &&
			!bodyNoun(f.word(e)) && plainWord(f.word(e)) {
			e++
		}
		if e+1 < un.hi && f.toks[e].kind == kWord && f.toks[e].flags&fLower != 0 && bodyNoun(f.word(e)) &&
			f.toks[e+1].kind == kWord && f.toks[e+1].flags&fLower != 0 && f.verbLike(e+1) && !f.has(e+1, lxPrep) {
			return f.orgPhrase(f.spanText(k, e+1), k)
		}
	}
	if f.isWord(k, "the") {
		k++
	}
	lo := k
	if k >= un.hi || f.toks[k].kind != kWord || f.toks[k].flags&fCap == 0 || f.toks[k].lex.class != 0 ||
		f.toks[k].ment >= 0 && f.ms[f.toks[k].ment].Type == model.Person {
		return ""
	}
	if f.toks[k].flags&fPoss == 0 && lo == f.pastDateline(un.lo, un.hi) {
		return "" // "Tarvish foreign ministry" needs its "the"
	}
	k++
	for n := 0; k < un.hi && n < 2 && f.toks[k].kind == kWord && f.toks[k].flags&fLower != 0 && f.toks[k].lex.class == 0 &&
		!bodyNoun(f.word(k)) && plainWord(f.word(k)); n++ {
		k++
	}
	// "Calvera's foreign ministry on Wednesday summoned …": past a day
	v := k + 1
	if f.isWord(v, "on") && v+1 < un.hi && weekday(f.word(v+1)) {
		v += 2
	}
	if k+1 >= un.hi || f.toks[k].kind != kWord || f.toks[k].flags&fLower == 0 || !bodyNoun(f.word(k)) || v >= un.hi ||
		f.toks[v].kind != kWord || f.toks[v].flags&fLower == 0 || !f.verbLike(v) || f.has(v, lxPrep) {
		return ""
	}
	return f.spanText(lo, k+1)
}

// weekday reports whether w names a day of the week.
func weekday(w string) bool {
	switch w {
	case "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday":
		return true
	}
	return false
}

// pastOpeningPlace returns the "the" that opens the subject after a phrase
// of place opening unit un and a place set off after it ("In the Droskian
// capital, Vel Marit, the …", "In Tavria's capital, the …"), or un.lo.
func (f *finder) pastOpeningPlace(un unit) int {
	k := un.lo
	if !f.has(k, lxPrep) || f.toks[k].flags&fCap == 0 || f.isWord(k, "according") {
		return k
	}
	for j := k + 1; j < un.hi && j < k+10; j++ {
		if f.toks[j].q >= 0 || f.isCue(j) || f.has(j, lxPronoun) {
			return k
		}
		if f.isPunct(j, ',') {
			n := j + 1
			if n < un.hi && f.toks[n].kind == kWord && f.toks[n].ment >= 0 && f.mentStart(n) == n && f.isPunct(f.mentEnd(n), ',') {
				n = f.mentEnd(n) + 1
			}
			if f.isWord(n, "the") {
				return n
			}
			return k
		}
	}
	return k
}

// noGender reports whether the text gave person mention m no gender: no
// gendered word, no known given name, no pronoun read as them.
func (f *finder) noGender(m int) bool {
	return (f.gender == nil || f.gender[m] == genderUnknown) && (m >= len(f.nameGender) || f.nameGender[m] == genderUnknown) &&
		f.readAs(f.mentName(m)) == genderUnknown
}

// pronounLed reports whether the unit holding mention m opens with the
// pronoun of gender g before it ("She declined to say whether … Arvid
// Solheimsen").
func (f *finder) pronounLed(m int, g byte) bool {
	u := f.unitOf(f.ms[m].Start)
	if u < 0 {
		return false
	}
	k := f.units[u].lo
	if f.isWord(k, "but") || f.isWord(k, "and") {
		k++
	}
	w := "he"
	if g == genderFemale {
		w = "she"
	}
	return f.isWord(k, w) && int(f.toks[k].start) < f.ms[m].Start
}

// prevPronounLead returns the byte offset of the pronoun of gender g
// that opens the sentence before the one holding token t, in the same
// paragraph ("He has written to …", "But she insists …"), or -1.
func (f *finder) prevPronounLead(t int, g byte) int {
	return f.pronounLeadBefore(t, g, false)
}

// pronounLeadBefore is prevPronounLead, also after a participle's phrase
// that opens the sentence ("Asked by the prosecutor why he had taken the
// risk, he paused"); across a paragraph's start too when across is set
// and the sentence holding t opens its paragraph.
func (f *finder) pronounLeadBefore(t int, g byte, across bool) int {
	if g == genderUnknown {
		return -1
	}
	u := sort.Search(len(f.units), func(i int) bool { return f.units[i].hi > t })
	if u <= 0 || u >= len(f.units) || f.opensParagraph(f.units[u].lo) && !across {
		return -1
	}
	k := f.units[u-1].lo
	if f.isWord(k, "but") || f.isWord(k, "and") {
		k++
	}
	w := "he"
	if g == genderFemale {
		w = "she"
	}
	if !f.isWord(k, w) && across {
		k = f.pastParticiplePhrase(k, f.units[u-1].hi)
	}
	if k < 0 || !f.isWord(k, w) {
		return -1
	}
	return int(f.toks[k].start)
}

// pastParticiplePhrase returns the token after the comma that ends a
// participle's phrase opening a sentence at token k ("Asked by Ann Roe
// why he had taken the risk, he paused"), no further than token hi and
// with no quotation or name of a person's in the phrase but the
// participle's agent, or -1.
func (f *finder) pastParticiplePhrase(k, hi int) int {
	if k >= hi || f.toks[k].kind != kWord || f.toks[k].flags&fCap == 0 {
		return -1
	}
	w := strings.ToLower(f.word(k))
	if !(strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing")) || f.toks[k].ment >= 0 || f.has(k, lxPrep) {
		return -1
	}
	for j := k + 1; j < hi && j < k+20; j++ {
		if f.toks[j].q >= 0 {
			return -1
		}
		if f.isPunct(j, ',') {
			return j + 1
		}
	}
	return -1
}

// genderedAfter returns the last person (or untyped name) mention between
// bytes lo and pos, outside quotations, whose gender the text gives as g,
// or -1.
func (f *finder) genderedAfter(lo, pos int, g byte) int {
	for i := len(f.ms) - 1; i >= 0; i-- {
		s := f.ms[i].Start
		if s >= pos {
			continue
		}
		if s <= lo {
			break
		}
		if i < len(f.gender) && f.gender[i] == g && (f.ms[i].Type == model.Person || f.ms[i].Type == model.Other) &&
			f.validMent(i) && !f.inQuotation(s) && !f.possessiveMention(i) {
			return i
		}
	}
	return -1
}

// possessiveMention reports whether mention i is written as a possessive
// ("coming to Mr. Roe's sales"): a modifier, not someone who acts.
func (f *finder) possessiveMention(i int) bool {
	t := f.tokAt(f.ms[i].Start)
	if t >= len(f.toks) || f.toks[t].ment != int32(i) {
		return false
	}
	e := f.mentEnd(t) - 1
	return e >= 0 && f.toks[e].flags&fPoss != 0
}

// orgPhrase returns the name of the body that the unnamed speaker phrase
// mention stands for when the text names it only with common nouns: "The
// health ministry" gives "the health ministry", "Police" gives "police",
// and "a ministry official" or "a board spokeswoman" give the body named
// so before token before ("the energy ministry … a ministry official
// said"). Otherwise it
// returns "": a bare "the ministry" names nobody in particular.
func (f *finder) orgPhrase(mention string, before int) string {
	words := strings.Fields(mention)
	if len(words) > 0 {
		switch strings.ToLower(words[0]) {
		case "the", "a", "an":
			words = words[1:]
		case "its", "their":
			// "Its defence ministry", after the country it stands
			// for: named as "the defence ministry" is after it
			if len(words) >= 3 {
				words = words[1:]
			}
		default:
			// "Halvaria's defence ministry": a country's body, named
			// as "the defence ministry" is after it
			if n, ok := strings.CutSuffix(strings.ReplaceAll(words[0], "’", "'"), "'s"); ok && len(words) >= 3 &&
				n != strings.ToLower(n) && lookup(strings.ToLower(n)).class&lxRole == 0 {
				words = words[1:]
			} else if ok && len(words) == 2 && n != strings.ToLower(n) && lookup(strings.ToLower(n)).class&lxRole == 0 &&
				plainWord(strings.ToLower(n)) && bodyNoun(strings.ToLower(words[1])) && words[1] == strings.ToLower(words[1]) {
				// "Kestria's embassy": a country's one body, by its name
				return n + "'s " + words[1]
			}
		}
	}
	// "the self-styled defence ministry" of a breakaway authority: the
	// body by its name, without the writer's doubt
	for len(words) > 2 && selfStyled(strings.ToLower(words[0])) {
		words = words[1:]
	}
	if len(words) == 0 || len(words) > 4 {
		return ""
	}
	// "the governor's office", "the mayor's office": an office named by
	// its holder's title
	if len(words) == 2 && strings.ToLower(words[1]) == "office" && words[0] == strings.ToLower(words[0]) {
		if r, ok := strings.CutSuffix(strings.ReplaceAll(words[0], "’", "'"), "'s"); ok && lookup(r).class&lxRole != 0 && plainWord(r) {
			return "the " + r + "'s office"
		}
	}
	capFirst := false // "Marovian foreign ministry"
	for i, w := range words {
		lw := strings.ToLower(w)
		if i > 0 && lw != w || lookup(lw).class&(lxCue|lxPronoun|lxPossDet|lxPrep|lxRel|lxAux) != 0 || !plainWord(lw) {
			return ""
		}
		switch lw {
		case "same", "other", "former", "latter", "new", "this", "that", "each", "every":
			return ""
		}
		if i == 0 && lw != w && nationalityStem(w) != "" {
			capFirst = true
			continue
		}
		words[i] = lw
	}
	head := words[len(words)-1]
	if bodyNoun(head) {
		if len(words) >= 2 && capFirst {
			// a country's body goes by its nationality word, as written
			return strings.Join(words, " ")
		}
		words[0] = strings.ToLower(words[0])
		if len(words) >= 2 {
			return "the " + strings.Join(words, " ")
		}
		if head == "police" {
			return head
		}
		// "Kelmar's defence ministry said …" ¶ "“…,” the ministry said":
		// the last "… ministry" named before.
		return f.lastBody(head, before, true)
	}
	if len(words) != 2 || !bodyNoun(words[0]) || !(isSpokes(head) || head == "official" || head == "officials") {
		return ""
	}
	if words[0] == "police" {
		return "police" // "a police spokesman"
	}
	// "a ministry official": the last "the … ministry" named before.
	return f.lastBody(words[0], before, false)
}

// selfStyled reports whether w is an adjective by which a writer doubts
// the title a body gives itself ("self-styled", "so-called").
func selfStyled(w string) bool {
	switch w {
	case "self-styled", "so-called", "self-proclaimed", "self-declared":
		return true
	}
	return false
}

// lastBody returns the last "the … noun" (with poss, also "X's … noun")
// named before token before, lower-cased with "the", or "".
func (f *finder) lastBody(noun string, before int, poss bool) string {
	for k := min(before, len(f.toks)) - 1; k > 0 && before-k < 600; k-- {
		if f.toks[k].kind != kWord || !f.isWord(k, noun) || f.toks[k].flags&fLower == 0 ||
			k+1 < len(f.toks) && f.toks[k+1].kind == kWord && f.toks[k+1].flags&fLower != 0 && !f.verbLike(k+1) && !f.has(k+1, lxPrep) {
			continue // not "the fatal police shooting"
		}
		lo := k
		for lo-1 >= 0 && k-lo < 3 && f.toks[lo-1].kind == kWord && f.toks[lo-1].flags&fLower != 0 && !f.isWord(lo-1, "the") &&
			f.toks[lo-1].lex.class == 0 {
			lo--
		}
		if lo < k && (f.isWord(lo-1, "the") || poss && lo-1 >= 0 && f.toks[lo-1].kind == kWord &&
			(f.toks[lo-1].flags&fPoss != 0 || f.isWord(lo-1, "its") || f.isWord(lo-1, "their"))) {
			return "the " + strings.ToLower(f.spanText(lo, k+1))
		}
		// "the Varnese trade ministry": its nationality word as written
		if n := lo - 1; n >= 1 && f.toks[n].kind == kWord && f.toks[n].flags&fCap != 0 && f.isWord(n-1, "the") &&
			nationalityStem(f.word(n)) != "" {
			return f.word(n) + " " + strings.ToLower(f.spanText(lo, k+1))
		}
		// "the Veldmark foreign ministry", "the Kesh embassy": a
		// country's name before the body, which is named as "the
		// foreign ministry", or with the name when the noun is alone
		// ("Kesh embassy")
		if n := lo - 1; n >= 1 && f.toks[n].kind == kWord && f.toks[n].ment >= 0 && f.mentStart(n) == n && f.isWord(n-1, "the") &&
			f.toks[n].flags&fPoss == 0 && f.ms[f.toks[n].ment].Type != model.Person {
			if lo == k {
				return f.word(n) + " " + strings.ToLower(f.word(k))
			}
			return "the " + strings.ToLower(f.spanText(lo, k+1))
		}
		// and so when the recogniser named no one there ("the Tarvish
		// embassy")
		if n := lo - 1; lo == k && n >= 1 && f.toks[n].kind == kWord && f.toks[n].flags&fCap != 0 && f.toks[n].flags&fPoss == 0 &&
			f.isWord(n-1, "the") && f.toks[n].lex.class == 0 && plainWord(strings.ToLower(f.word(n))) {
			return f.word(n) + " " + strings.ToLower(f.word(k))
		}
		// "Kestria's embassy in Washington said": the country's
		// possessive as written
		if n := lo - 1; poss && lo == k && n >= 0 && f.toks[n].kind == kWord && f.toks[n].flags&fCap != 0 && f.toks[n].flags&fPoss != 0 &&
			(n == 0 || !f.isWord(n-1, "the")) && (f.toks[n].ment < 0 || f.ms[f.toks[n].ment].Type != model.Person) &&
			f.toks[n].lex.class&(lxRole|lxPossDet|lxPronoun) == 0 {
			return f.spanText(n, k+1)
		}
	}
	return ""
}

// plainWord reports whether w is made of lower-case letters and hyphens.
func plainWord(w string) bool {
	for _, r := range w {
		if !(r >= 'a' && r <= 'z' || r == '-') {
			return false
		}
	}
	return w != ""
}

// bodyNoun reports whether w is a noun naming a public or private body
// that speaks through statements ("ministry", "prefecture", "police").
func bodyNoun(w string) bool {
	switch w {
	case "ministry", "prefecture", "authority", "committee", "board", "federation", "department", "police",
		"council", "agency", "commission", "regulator", "inspectorate", "directorate", "secretariat", "embassy",
		"government", "administration", "union", "association", "service", "mission", "bureau":
		return true
	}
	return false
}

// orgLead returns the organization that opens unit u as the subject of a
// verb, before token t ("The Bakers' Union rejects …"), or -1.
func (f *finder) orgLead(u, t int) int {
	un := f.units[u]
	k := un.lo
	if f.isWord(k, "the") {
		k++
	}
	if k > un.lo && k < un.hi && k < t && f.toks[k].kind == kWord && f.toks[k].ment < 0 && f.toks[k].flags&fLower != 0 {
		// "The weather service has extended …": a body named before,
		// called by its common noun
		e := k
		for e < un.hi && e < k+3 && f.toks[e].kind == kWord && f.toks[e].flags&fLower != 0 && f.toks[e].ment < 0 &&
			f.toks[e].lex.class&(lxAux|lxCue|lxPrep|lxRel|lxAdv) == 0 {
			e++
		}
		if e == k || e >= t || !(orgNoun(strings.ToLower(f.word(e-1))) || f.isWord(e-1, "service") || f.isWord(e-1, "society")) {
			return -1
		}
		words := make([]string, 0, e-k)
		for x := k; x < e; x++ {
			words = append(words, strings.ToLower(f.word(x)))
		}
		return f.res.OrgCalled(int(f.toks[k].start), 50000, 0, words)
	}
	if k >= un.hi || k >= t || f.toks[k].kind != kWord || f.toks[k].ment < 0 || f.mentStart(k) != k {
		return -1
	}
	m := int(f.toks[k].ment)
	e := f.mentEnd(k)
	if !f.validMent(m) || f.ms[m].Type != model.Organization || e >= un.hi || e >= t || f.toks[e-1].flags&fPoss != 0 {
		return -1
	}
	if f.isPunct(e, '(') && f.isPunct(e+2, ')') && e+3 < un.hi && e+3 < t {
		e += 3 // past its acronym: "The Office for School Standards (OSS) visited"
	}
	if f.isPunct(e, ',') && f.has(e+1, lxDet) {
		// past an appositive: "The Consumer Tech Alliance, an industry
		// group, welcomed …"
		for j := e + 2; j < un.hi && j < t && j < e+10; j++ {
			if f.toks[j].q >= 0 || f.toks[j].kind == kWord && f.toks[j].ment >= 0 {
				break
			}
			if f.isPunct(j, ',') {
				e = j + 1
				break
			}
		}
		if e >= un.hi || e >= t {
			return -1
		}
	}
	if f.toks[e].kind != kWord || f.toks[e].flags&fLower == 0 || f.has(e, lxPrep|lxRel) || f.isWord(e, "and") || f.isWord(e, "or") {
		return -1
	}
	return m
}

// inReportedClause reports whether byte s lies in the clause that a cue
// reports after the speaker ending at byte spEnd, in the same sentence: in
// "Ann Roe said records showed Smith had lied", Smith is talked about,
// not talking.
func (f *finder) inReportedClause(s, spEnd int) bool {
	if spEnd >= s || s-spEnd > 400 {
		return false
	}
	t0 := f.tokAt(spEnd)
	for t := t0; t < len(f.toks) && t < t0+3 && int(f.toks[t].start) < s; t++ {
		if f.isEndPunct(t) || f.toks[t].kind == kMark || f.toks[t].kind == kWord && f.toks[t].ment >= 0 {
			return false
		}
		if f.isCue(t) {
			for k := t + 1; k < len(f.toks) && int(f.toks[k].start) < s; k++ {
				if f.isEndPunct(k) || f.toks[k].kind == kMark {
					return false
				}
			}
			return true
		}
	}
	return false
}

// reportedSubject reports whether the mention starting at byte s opens the
// clause that a cue right before it reports, after the speaker named at
// byte sp: in "Judge Ann Roe said Smith had lied", Smith is not who speaks
// next.
func (f *finder) reportedSubject(s, sp int) bool {
	t := f.tokAt(s)
	if t <= 0 || t >= len(f.toks) || sp >= s {
		return false
	}
	p := t - 1
	if f.isWord(p, "that") {
		p--
	}
	if p < 0 || !f.isCue(p) || int(f.toks[p].start) < sp {
		return false
	}
	e := f.mentEnd(t)
	return e < len(f.toks) && f.toks[e].kind == kWord && f.toks[e].flags&fLower != 0 && !f.has(e, lxPrep|lxRel)
}

// roleHolder returns the nearest person before byte pos whose role has
// stem and names name ("Gerald Manske, Vorland's chairman" for stem
// "chairman" and name "Vorland"), or -1.
func (f *finder) roleHolder(pos int, stem, name string) int {
	return f.res.Nearest(pos, 50000, resolve.Person, func(i int) bool {
		return f.ms[i].Type == model.Person && resolve.HasRole(f.ms[i].Role, stem) && resolve.ContainsFold(f.ms[i].Role, name)
	})
}

// prevRoleLead returns the person holding the role that the unit before
// the one at byte pos opens with as its subject ("The judge rejected
// that."), or -1, and the byte offset of that unit.
func (f *finder) prevRoleLead(pos int) (int, int) {
	u := sort.Search(len(f.units), func(i int) bool { return int(f.toks[f.units[i].lo].start) > pos }) - 2
	if u < 0 {
		return -1, 0
	}
	un := f.units[u]
	t := un.lo
	// "Vorland's chairman said …": the holder of the role the text ties
	// to that name
	if f.toks[t].kind == kWord && f.toks[t].flags&fPoss != 0 && f.toks[t].flags&fCap != 0 && t+2 < un.hi && f.has(t+1, lxRole) &&
		f.toks[t+1].flags&fLower != 0 && f.verbLike(t+2) && !f.has(t+2, lxPrep|lxRel|lxRole) {
		name := unPossessive(f.word(t))
		at := int(f.toks[t].start)
		return f.roleHolder(at, resolve.RoleStem(strings.ToLower(f.word(t+1))), name), at
	}
	// "The King replied in kind": a capitalised office no name follows
	if !f.isWord(t, "the") || t+2 >= un.hi || !f.has(t+1, lxRole) || f.toks[t+1].flags&fLower == 0 && f.toks[t+1].ment >= 0 {
		return -1, 0
	}
	if n := t + 2; f.toks[n].kind != kWord || f.toks[n].flags&fLower == 0 || f.has(n, lxPrep|lxRel|lxRole) || f.isWord(n, "and") {
		return -1, 0
	}
	at := int(f.toks[t].start)
	m := f.nearest(at, model.Person, resolve.RoleStem(strings.ToLower(f.word(t+1))), genderUnknown)
	return m, at
}

// quotedJustBefore reports whether m is the last speaker named, in the
// paragraph right before the one that pronoun t opens as the subject of a
// verb of saying ("“…,” Al-Dhaheri said. ¶ He also called for “…”"): the
// pronoun goes on with that speaker, not with the person the article is
// about.
func (f *finder) quotedJustBefore(m, t int) bool {
	if m < 0 || m != f.lastSp || f.lastSpAt < 0 || !f.opensParagraph(t) {
		return false
	}
	// the pronoun is the subject of a verb of saying: "He pointed out",
	// "She also called for"
	c := t + 1
	for c < len(f.toks) && c < t+3 && f.has(c, lxAdv) {
		c++
	}
	if c >= len(f.toks) || !f.isCue(c) {
		return false
	}
	p := sort.Search(len(f.paras), func(i int) bool { return f.paras[i].hi > t })
	if p < 1 || p >= len(f.paras) {
		return false
	}
	prev := f.paras[p-1]
	return prev.lo < len(f.toks) && prev.hi > 0 && f.lastSpAt >= int(f.toks[prev.lo].start) && f.lastSpAt < int(f.toks[prev.hi-1].end)
}

// fullPerson reports whether mention m is a person's, or a name of two
// words or more the recogniser left untyped ("Hadiza Bello-Umar").
func (f *finder) fullPerson(m int) bool {
	return f.ms[m].Type == model.Person || f.ms[m].Type == model.Other && strings.Contains(f.mentName(m), " ")
}

// namedAfterLead reports whether mention m lies in the sentence right
// before the one at byte pos, after the speaker phrase at byte at that
// opens it (past an opening adverb: "Later, the Petroleum Minister told
// reporters that he had “great respect” for Mr. Roe. “…,” he said"): one
// the speaker talked about, not the one who goes on. A pronoun of the
// other sex than g between them ("X says she has been coming to see Mr.
// Roe") tells the speaker is not who g means.
func (f *finder) namedAfterLead(m, at, pos int, g byte) bool {
	u := f.unitOf(at)
	if u < 0 || f.unitOf(pos) != u+1 || f.unitOf(f.ms[m].Start) != u || f.ms[m].Start <= at {
		return false
	}
	k := f.units[u].lo
	if f.toks[k].kind == kWord && f.toks[k].ment < 0 && f.isPunct(k+1, ',') {
		k += 2 // "Later,"
	}
	if f.tokAt(at) != k {
		return false
	}
	for x := k; x < f.units[u].hi && int(f.toks[x].start) < f.ms[m].Start; x++ {
		if pg := pronounGender(f.word(x)); f.toks[x].kind == kWord && pg != genderUnknown && g != genderUnknown && pg != g {
			return false
		}
	}
	return true
}

// verbLike reports whether lower-case word t reads as the verb after a
// subject ("credits", "said", "has"), not as the noun of a compound.
func (f *finder) verbLike(t int) bool {
	w := f.word(t)
	return f.isCue(t) || f.has(t, lxAux) || strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss")
}

// inOpeningPhrase reports whether the mention starting at byte s lies in
// the participial phrase that opens the sentence of the pronoun at token t,
// before its comma: in "Asked whether Roe would stay, he laughed", Roe is
// not who laughed.
func (f *finder) inOpeningPhrase(s, t int) bool {
	lo := f.cur.lo
	if lo >= len(f.toks) || t < lo || t >= f.cur.hi || int(f.toks[lo].start) > s || s >= int(f.toks[t].start) {
		return false
	}
	w := strings.ToLower(f.word(lo))
	// "Asked by X, he said", "Under questioning by Mr. Moody, he
	// added": a name in an opening phrase is not the subject after it
	if f.toks[lo].kind != kWord || !(f.has(lo, lxCue) || strings.HasSuffix(w, "ing") || w == "pressed" || w == "questioned" || f.has(lo, lxPrep)) {
		return false
	}
	for k := lo + 1; k < t; k++ {
		if f.isPunct(k, ',') {
			return int(f.toks[k].start) > s
		}
	}
	return false
}

// roleComplementEnd returns the comma that ends the complement of a role
// noun opening at the preposition t ("for the region,", "of the
// committee,") when a name follows it, or -1.
func (f *finder) roleComplementEnd(t, hi int) int {
	for j := t + 1; j < hi && j <= t+5; j++ {
		if f.isPunct(j, ',') {
			// (the complement may end in a body's name: "The head of the
			// X Federation, Ann Roe, …")
			if j > t+1 && j+1 < hi && f.toks[j+1].kind == kWord && f.toks[j+1].ment >= 0 && f.toks[j-1].kind == kWord &&
				(f.toks[j-1].ment < 0 || f.ms[f.toks[j-1].ment].Type == model.Organization && f.ms[f.toks[j+1].ment].Type != model.Organization) {
				return j
			}
			return -1
		}
		if f.toks[j].kind != kWord || f.toks[j].q >= 0 || f.has(j, lxCue|lxPronoun|lxRel|lxThat) {
			return -1
		}
	}
	return -1
}

// askedObject returns the person that the subject ps of the unit before
// the current one asks there ("Roe asked the senator what …", "Roe
// pressed Smith on …"), or -1.
func (f *finder) askedObject(ps int) int {
	u := f.prevUnit()
	if u < 0 {
		return -1
	}
	un := f.units[u]
	for t := un.lo; t < un.hi && t < un.lo+12; t++ {
		if int(f.toks[t].ment) != ps {
			continue
		}
		v := f.mentEnd(t)
		switch strings.ToLower(f.word(v)) {
		case "asked", "pressed", "questioned", "quizzed", "challenged":
		default:
			return -1
		}
		o := v + 1
		if o < un.hi && f.toks[o].kind == kWord && f.toks[o].ment >= 0 && f.mentStart(o) == o {
			if m := int(f.toks[o].ment); f.validMent(m) && (f.ms[m].Type == model.Person || f.ms[m].Type == model.Other) {
				return m
			}
			return -1
		}
		if f.isWord(o, "the") && o+1 < un.hi && f.has(o+1, lxRole) && f.toks[o+1].flags&fLower != 0 {
			return f.fromRole(o+1, o).ment
		}
		return -1
	}
	return -1
}

// judgingWord reports whether w is an adjective that judges or ages the
// holder of a role without naming another role ("the veteran
// councillor", "the embattled minister"), unlike "assistant" or "deputy".
func judgingWord(w string) bool {
	switch w {
	case "veteran", "long-serving", "longtime", "long-time", "outspoken", "embattled", "beleaguered", "under-fire",
		"popular", "experienced", "seasoned", "combative", "usually", "normally", "visibly", "clearly", "emotional",
		"defiant", "furious", "tearful", "jubilant", "delighted", "frustrated", "angry":
		return true
	}
	return false
}

// describedWith reports whether the clause right after mention m, up to
// the next comma or the end of its sentence (160 bytes at most), holds the
// verb of role noun w ("who has skippered the ferry" for "skipper", "who
// coaches the under-12s" for "coach", "manages the side" for "manager").
func (f *finder) describedWith(m int, w string) bool {
	if len(w) < 4 {
		return false
	}
	end := min(f.ms[m].End+160, len(f.text))
	rest := strings.TrimPrefix(f.text[f.ms[m].End:end], ",")
	if i := strings.IndexAny(rest, ".!?,;:\n"); i >= 0 {
		rest = rest[:i]
	}
	verb := w
	if strings.HasSuffix(w, "er") && len(w) > 4 {
		verb = w[:len(w)-2] // "manager" -> "manag", "skipper" -> "skipp"
	}
	for rest != "" {
		i := strings.IndexFunc(rest, func(r rune) bool { return r >= 'a' && r <= 'z' })
		if i < 0 {
			break
		}
		rest = rest[i:]
		j := strings.IndexFunc(rest, func(r rune) bool { return !(r >= 'a' && r <= 'z') })
		if j < 0 {
			j = len(rest)
		}
		x := rest[:j]
		rest = rest[j:]
		if sfx, ok := strings.CutPrefix(x, verb); ok && x != verb {
			switch sfx {
			case "ed", "es", "s", "ing", "ered", "ering", "e", "ped", "ping":
				return true
			}
		}
	}
	return false
}

// hasWordFold reports whether name holds the word w, compared without
// case: a whole word, not a part of one ("Fund" in "Dorrington Pension
// Fund", not "fund" in "Refunders").
func hasWordFold(name, w string) bool {
	for _, x := range strings.FieldsFunc(name, func(r rune) bool { return r == ' ' || r == '-' || r == '\'' || r == '’' }) {
		if strings.EqualFold(x, w) {
			return true
		}
	}
	return false
}

// forTopic returns the person named in "For X," opening the sentence just
// before the one holding pronoun t, in the same paragraph, when that
// sentence names no other person and X's gender fits g; or -1.
func (f *finder) forTopic(t int, g byte) int {
	u := f.pronounUnit(t)
	if u < 1 || f.opensParagraph(f.units[u].lo) {
		return -1
	}
	pu := f.units[u-1]
	n := pu.lo + 1
	if !f.isWord(pu.lo, "for") || n >= pu.hi || f.toks[n].kind != kWord || f.toks[n].ment < 0 || f.mentStart(n) != n {
		return -1
	}
	m := int(f.toks[n].ment)
	if f.ms[m].Type != model.Person || !f.isPunct(f.mentEnd(n), ',') || !f.genderFits(m, g) {
		return -1
	}
	for k := f.mentEnd(n); k < pu.hi; k++ {
		if o := f.toks[k].ment; o >= 0 && f.toks[k].kind == kWord && f.ms[o].Type == model.Person && f.mentName(int(o)) != f.mentName(m) {
			return -1
		}
	}
	return m
}

// statementIssuer returns the person or body that unit v opens with as
// the subject of issuing a written text ("Kelvinside chairman Derek
// Halloway released a brief statement", "The club issued a letter"), or
// -1.
func (f *finder) statementIssuer(v int) int {
	un := f.units[v]
	verb := -1
	for k := un.lo; k < un.hi && verb < 0; k++ {
		switch strings.ToLower(f.word(k)) {
		case "statement", "letter", "note", "message", "notice":
			if f.toks[k].kind != kWord || f.toks[k].q >= 0 {
				continue
			}
			for j := k - 1; j >= un.lo && j >= k-4; j-- {
				switch strings.ToLower(f.word(j)) {
				case "released", "issued", "published", "posted", "sent", "emailed", "put":
					if f.toks[j].kind == kWord {
						verb = j
					}
				}
			}
		}
	}
	if verb < 0 {
		return -1
	}
	// the name just before the verb: "… Derek Halloway released"
	if p := verb - 1; p >= un.lo && f.toks[p].kind == kWord && f.toks[p].ment >= 0 && f.toks[p].flags&fPoss == 0 {
		if m := int(f.toks[p].ment); f.ms[m].Type == model.Person || f.ms[m].Type == model.Organization {
			return m
		}
	}
	if m := f.leadSubject(v); m >= 0 {
		return m
	}
	return f.orgLead(v, un.hi)
}

// anonymousAt returns the byte offset of a phrase keeping a speaker
// unnamed ("who asked not to be named", "on condition of anonymity",
// "who declined to be named", "who declined to give his name") in the
// sentence of token t before it or in the sentence before, in the same
// paragraph; or -1.
func (f *finder) anonymousAt(t int) int {
	u := f.pronounUnit(t)
	if u < 0 {
		return -1
	}
	lo := f.units[u].lo
	if u > 0 && !f.opensParagraph(lo) {
		lo = f.units[u-1].lo
	}
	// "Another neighbor, who asked that his name not be used, said … .
	// ¶ “…,” he said": a paragraph opening with the quotation reaches
	// back to the last sentence of the paragraph before.
	if p := f.paraOf(t); p > 0 && p < len(f.paras) && f.toks[f.paras[p].lo].q >= 0 {
		if v := f.pronounUnit(f.paras[p].lo - 1); v >= 0 {
			lo = min(lo, f.units[v].lo)
		}
	}
	for k := t - 1; k >= lo; k-- {
		if f.toks[k].kind != kWord || f.toks[k].q >= 0 {
			continue
		}
		switch {
		case f.isWord(k, "identified") && (f.isWord(k+1, "herself") || f.isWord(k+1, "himself")) &&
			f.isWord(k+2, "only") && f.isWord(k+3, "as") && (f.isWord(k+4, "a") || f.isWord(k+4, "an")):
			// "who identified herself only as a grandmother of two"
			return int(f.toks[k].start)
		case f.isWord(k, "used") || f.isWord(k, "published") || f.isWord(k, "printed"):
			// "asked that his name not be used"
			if f.isWord(k-1, "be") && f.isWord(k-2, "not") && f.isWord(k-3, "name") && f.has(k-4, lxPossDet) {
				return int(f.toks[k-4].start)
			}
		case f.isWord(k, "named") || f.isWord(k, "identified"):
			// "asked not to be named", "declined to be identified"
			if f.isWord(k-1, "be") && f.isWord(k-2, "to") && (f.isWord(k-3, "not") || f.isWord(k-3, "declined") ||
				f.isWord(k-3, "refused") || f.isWord(k-3, "want")) {
				return int(f.toks[k-3].start)
			}
			// "on condition that he not be identified", "asked that
			// she not be named"
			if f.isWord(k-1, "be") && f.isWord(k-2, "not") && f.has(k-3, lxPronoun) {
				return int(f.toks[k-3].start)
			}
		case f.isWord(k, "anonymity"):
			if f.isWord(k-1, "of") && f.isWord(k-2, "condition") {
				return int(f.toks[k-2].start)
			}
		case f.isWord(k, "name"):
			// "declined to give his name", "would not give her name"
			if f.has(k-1, lxPossDet) && f.isWord(k-2, "give") && (f.isWord(k-3, "not") ||
				f.isWord(k-3, "to") && (f.isWord(k-4, "declined") || f.isWord(k-4, "refused") || f.isWord(k-4, "want") || f.isWord(k-4, "wish"))) {
				return int(f.toks[k-3].start)
			}
		}
	}
	return -1
}

// nameGivenBefore returns the mention of the name an unnamed person gave
// ("who gave his name only as Dave", "who gave her first name as Ana")
// in the sentence holding the pronoun t or the one before, when the
// possessive fits gender g and no person is named between it and t; or -1.
func (f *finder) nameGivenBefore(t int, g byte) int {
	u := sort.Search(len(f.units), func(i int) bool { return f.units[i].hi > t })
	if u >= len(f.units) {
		return -1
	}
	lo := f.units[max(u-1, 0)].lo
	for k := t - 1; k >= lo+4; k-- {
		if f.toks[k].kind != kWord || f.toks[k].ment < 0 || f.courtesyBefore(k) == k && !f.isWord(k-1, "as") && !f.identifiedAs(k) {
			continue
		}
		_, pg, ok := f.gaveNameAs(k)
		if !ok && f.identifiedAs(k) {
			ok, pg = true, g // ", identified only as Sergeant Nurlan,"
		}
		m := int(f.toks[k].ment)
		if !ok || pg != g || f.personBetween(f.ms[m].End, int(f.toks[t].start)) {
			return -1
		}
		return m
	}
	return -1
}

// courtesyBefore returns the token of a courtesy title written just
// before token s ("Mr Tay", "Ms. Lim"), or s when there is none.
func (f *finder) courtesyBefore(s int) int {
	k := s - 1
	if f.isPunct(k, '.') {
		k--
	}
	if k >= 0 && f.toks[k].kind == kWord && f.toks[k].ment < 0 {
		switch f.word(k) {
		case "Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Madam":
			return k
		}
	}
	return s
}

// gaveNameAs parses "gave his name as", "gave her first name only as" and
// the like, ending just before token s, the name given, or before a
// courtesy title written before it ("as Mr Tay"): it returns the
// token of "gave" and the gender of the possessive (genderUnknown for
// "their"), and false when the words before s are not such a phrase.
func (f *finder) gaveNameAs(s int) (gave int, g byte, ok bool) {
	k := f.courtesyBefore(s) - 1
	if !f.isWord(k, "as") {
		return 0, genderUnknown, false
	}
	k--
	if f.isWord(k, "only") {
		k--
	}
	if !f.isWord(k, "name") {
		return 0, genderUnknown, false
	}
	k--
	if f.isWord(k, "first") {
		k--
	}
	if !f.has(k, lxPossDet) || !f.isWord(k-1, "gave") {
		return 0, genderUnknown, false
	}
	return k - 1, pronounGender(f.word(k)), true
}

// lastCompany returns the organisation named outside quotations in the
// sentence before the one holding byte pos, or earlier in that one, whose
// name ends in a company form or trade ("Calder Aggregates Ltd"), when no
// other such business is named there and it is not named as a
// commentator's employer; or -1.
func (f *finder) lastCompany(pos int) int {
	u := f.unitOf(pos)
	if u < 1 {
		return -1
	}
	from := int(f.toks[f.units[u-1].lo].start)
	found := -1
	for i := sort.Search(len(f.ms), func(i int) bool { return f.ms[i].Start >= pos }) - 1; i >= 0; i-- {
		if f.ms[i].Start < from {
			break
		}
		if f.ms[i].Type != model.Organization || !f.validMent(i) || f.inQuotation(f.ms[i].Start) {
			continue
		}
		name := f.mentName(i)
		k := strings.LastIndexByte(name, ' ')
		if k < 0 || !firmWord(name[k+1:]) {
			continue
		}
		if found >= 0 && f.mentName(found) != name {
			return -1
		}
		if found < 0 {
			if f.employerOrg(i) {
				return -1
			}
			found = i
		}
	}
	return found
}

// appositiveNoun reports whether the appositive right after mention m,
// past an age, ends with the noun w: "Jonas Petrauskis-Hale, 58, a travel
// writer,".
func (f *finder) appositiveNoun(m int, w string) bool {
	end := min(f.ms[m].End+120, len(f.text))
	rest, ok := strings.CutPrefix(f.text[f.ms[m].End:end], ", ")
	if !ok {
		return false
	}
	if i := strings.IndexByte(rest, ','); i > 0 && i <= 3 && strings.Trim(rest[:i], "0123456789") == "" {
		rest = strings.TrimPrefix(rest[i:], ", ") // an age
	}
	art, rest, ok := strings.Cut(rest, " ")
	if !ok || art != "a" && art != "an" {
		return false
	}
	if i := strings.IndexAny(rest, ",.;:\n"); i >= 0 {
		rest = rest[:i]
	} else {
		return false
	}
	ws := strings.Fields(rest)
	return len(ws) > 0 && len(ws) <= 4 && ws[len(ws)-1] == w
}

// classedName returns the nearest name, at most 3,000 bytes before byte
// pos and outside quotations, that the text gives right after the common
// noun w and an article ("the charity Tide Line", "a brokerage, Altamar
// Valores"), which "the charity" then stands for; or -1.
func (f *finder) classedName(pos int, w string) int {
	for i := sort.Search(len(f.ms), func(i int) bool { return f.ms[i].Start >= pos }) - 1; i >= 0; i-- {
		if pos-f.ms[i].Start > 3000 {
			break
		}
		if !f.validMent(i) || f.ms[i].Type == model.Place || f.inQuotation(f.ms[i].Start) {
			continue
		}
		k := f.tokAt(f.ms[i].Start)
		if f.isPunct(k-1, ',') {
			k--
		}
		if k < 2 || !f.isWord(k-1, w) || !(f.isWord(k-2, "the") || f.isWord(k-2, "a") || f.isWord(k-2, "an")) {
			continue
		}
		return i
	}
	return -1
}

// prevLeadBody returns the organisation the sentence right before the
// current one opens with as its subject ("The LPD responded within the
// hour."), when its name carries no institution noun other than w ("the
// party" is not "the Foreign Ministry"); or -1.
func (f *finder) prevLeadBody(w string) int {
	u := f.prevUnit()
	if u < 0 {
		return -1
	}
	un := f.units[u]
	k := un.lo
	if f.isWord(k, "the") {
		k++
	}
	if k >= un.hi || f.toks[k].kind != kWord || f.toks[k].ment < 0 || f.mentStart(k) != k {
		return -1
	}
	m := int(f.toks[k].ment)
	if !f.validMent(m) || f.ms[m].Type != model.Organization || f.inQuotation(f.ms[m].Start) {
		return -1
	}
	e := f.mentEnd(k)
	if e >= un.hi || f.toks[e].kind != kWord || f.toks[e].flags&fLower == 0 || f.has(e, lxPrep|lxRel) {
		return -1
	}
	for _, n := range strings.Fields(strings.ToLower(f.mentName(m))) {
		if n == w {
			continue
		}
		for _, b := range publicBodyWords {
			if n == b {
				return -1
			}
		}
	}
	return m
}

// prevUnit returns the index of the unit (sentence) before the current
// one, or -1 when the current one is the first.
func (f *finder) prevUnit() int {
	return sort.Search(len(f.units), func(i int) bool { return f.units[i].lo >= f.cur.lo }) - 1
}

// nameHasRole reports whether a mention of the person called name has a
// role holding stem, not of a lower rank ("Assistant Secretary" for "the
// secretary") nor of the other sex than the role word w
// ("spokesman" for "the spokeswoman").
func (f *finder) nameHasRole(name, stem, w string) bool {
	for i := range f.ms {
		if r := f.ms[i].Role; f.ms[i].Type == model.Person && r != "" && resolve.HasRole(r, stem) && !spokesOtherSex(r, w) &&
			f.mentName(i) == name {
			return true
		}
	}
	return false
}

// identifiedAs reports whether the name at token s follows ", identified
// only as" (or "identified as"), set off after an unnamed person, with a
// capitalised title between ("identified only as Sergeant Nurlan").
func (f *finder) identifiedAs(s int) bool {
	k := s - 1
	for j := 0; j < 2 && k > 0 && f.toks[k].kind == kWord && f.toks[k].flags&fCap != 0 && f.toks[k].ment < 0 && f.has(k, lxRole); j++ {
		k--
	}
	k = f.courtesyBefore(k+1) - 1
	if !f.isWord(k, "as") {
		return false
	}
	k--
	if f.isWord(k, "only") {
		k--
	}
	return f.isWord(k, "identified") && (f.isPunct(k-1, ',') || f.isWord(k-1, "was") && f.isWord(k-2, "who"))
}

// headOfBody returns, for a head's role noun w ("chief", "boss", "head")
// at token t after a possessive of a body (tokens lo..t: "Its chief",
// "their boss", "the company's chief"), the person named as that body's
// head: one named in a sentence with the body the pronoun or noun stands
// for ("Greenline boss X said …"), else the nearest person within 3,000
// bytes whose role is a head's ("Managing director X"), or -1.
func (f *finder) headOfBody(lo, t int, w string, pos int) int {
	if w != "chief" && w != "boss" && w != "head" {
		return -1
	}
	o := -1
	switch {
	case t == lo+1 && (f.isWord(lo, "its") || f.isWord(lo, "their")):
		// the nearest name before: the body "its" stands for
		o = f.res.Started(pos)
		for o >= 0 && (f.inQuotation(f.ms[o].Start) || !f.validMent(o)) {
			o--
		}
		if o >= 0 && (pos-f.ms[o].Start > 1000 || f.ms[o].Type == model.Person && strings.IndexByte(f.mentText(o), ' ') >= 0) {
			return -1
		}
	case t == lo+2 && f.isWord(lo, "the") && f.toks[lo+1].kind == kWord && f.toks[lo+1].flags&fPoss != 0 &&
		f.toks[lo+1].flags&fLower != 0 && resolve.GenericOrgNoun(unPossessive(strings.ToLower(f.word(lo+1)))):
		// "the company's chief": the firm named nearest before
		o = f.res.Nearest(pos, 3000, resolve.Organization, func(i int) bool { return !f.inQuotation(f.ms[i].Start) })
	default:
		return -1
	}
	if o >= 0 {
		if d := f.namedWith(o, w, pos); d >= 0 && f.mentName(d) != f.mentName(o) {
			return d
		}
	}
	return f.res.Nearest(pos, 3000, resolve.Person, func(i int) bool {
		return f.ms[i].Type == model.Person && !f.inQuotation(f.ms[i].Start) && (headRole(f.ms[i].Role) || resolve.ContainsFold(f.ms[i].Role, "boss"))
	})
}
