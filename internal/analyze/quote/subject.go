package quote

import (
	"sort"
	"strings"

	"github.com/parallax-news/parallax/internal/analyze/entity"
	"github.com/parallax-news/parallax/internal/analyze/resolve"
	"github.com/parallax-news/parallax/internal/model"
)

// subjectBefore parses the subject of the cue at token c, looking back no
// further than token lo.
func (f *finder) subjectBefore(c, lo int) speaker {
	t := c - 1
	for t >= lo && (f.has(t, lxAdv) && !f.has(t, lxPronoun)) && f.toks[t].ment < 0 {
		t--
	}
	// "the governor's office had called": the perfect's auxiliary
	if t > lo && f.toks[c].lex.cue.flags&cueNaming != 0 && (f.isWord(t, "had") || f.isWord(t, "has") || f.isWord(t, "have")) {
		t--
		for t >= lo && (f.has(t, lxAdv) && !f.has(t, lxPronoun)) && f.toks[t].ment < 0 {
			t--
		}
	}
	// "the Ruvalcaba campaign said", "her campaign said": the campaign
	if sp, ok := f.campaignSubject(t, lo); ok {
		return sp
	}
	// "Gov. Ann Roe … his office said": the governor's office
	if sp, ok := f.officeSubject(t, lo); ok {
		return sp
	}
	// "Some analysts, however, called": a sentence adverb set off by
	// commas between the subject and the verb
	if t-2 >= lo && f.isPunct(t, ',') && f.isPunct(t-2, ',') && f.toks[t-1].kind == kWord && setOffAdverb(f.word(t-1)) {
		t -= 3
	}
	// "A spokesman for Nettlecombe County Council, the local authority,
	// said": a body's common noun set off by commas after its name
	if t-4 >= lo && f.isPunct(t, ',') {
		for j := t - 2; j >= lo+1 && j >= t-5; j-- {
			if f.isPunct(j, ',') {
				if f.isWord(j+1, "the") && (bodyNoun(strings.ToLower(f.word(t-1))) || orgNoun(strings.ToLower(f.word(t-1)))) &&
					f.toks[j-1].kind == kWord && f.toks[j-1].ment >= 0 && f.ms[f.toks[j-1].ment].Type == model.Organization {
					ok := true
					for x := j + 2; x < t; x++ {
						ok = ok && f.toks[x].kind == kWord && f.toks[x].flags&fLower != 0 && f.toks[x].ment < 0
					}
					if ok {
						t = j - 1
					}
				}
				break
			}
			if f.toks[j].kind != kWord {
				break
			}
		}
	}
	// "Its report, published yesterday, said": a participle set off by
	// commas after the noun of a written text
	if t-3 >= lo && f.isPunct(t, ',') {
		for j := t - 2; j >= lo+1 && j >= t-6; j-- {
			if f.toks[j].kind != kWord && !f.isPunct(j, ',') || f.toks[j].q >= 0 {
				break
			}
			if f.isPunct(j, ',') {
				if w := f.word(j + 1); f.toks[j+1].flags&fLower != 0 && strings.HasSuffix(w, "ed") && f.has(j-1, lxMedium) && f.toks[j-1].flags&fLower != 0 {
					t = j - 1
				}
				break
			}
		}
	}
	// "Veskara's government, based in Moravsk, condemned": a participle
	// giving where a body is, set off after a subject that is no name
	if t-3 >= lo && f.isPunct(t, ',') {
		for j := t - 2; j >= lo+1 && j >= t-7; j-- {
			if f.toks[j].kind != kWord && !f.isPunct(j, ',') || f.toks[j].q >= 0 {
				break
			}
			if f.isPunct(j, ',') {
				if f.toks[j+1].flags&fLower != 0 && placedParticiple(f.word(j+1)) && f.has(j-1, lxCommon|lxRole) && f.toks[j-1].flags&fLower != 0 {
					t = j - 1
				}
				break
			}
		}
	}
	t = f.skipPartyTag(t, lo)
	t = f.skipAcronymTag(t, lo)
	t = f.skipDashAside(t, lo)
	if t == c-1 && (f.isPunct(c+1, ':') || c+1 < len(f.toks) && f.toks[c+1].kind == kMark || f.isEndPunct(c+1)) {
		t = f.skipAgeRelative(t, lo) // "…, added: “…”"
	}
	// "the writer herself said", "Roe himself said": the reflexive
	// stresses the one named before it
	if t-1 >= lo && f.toks[t].kind == kWord && f.toks[t-1].kind == kWord && !f.has(t-1, lxPronoun) {
		switch r := strings.ToLower(f.word(t)); r {
		case "himself", "herself":
			// of the reflexive's sex: "The writer himself said" is not
			// the wife quoted just before
			g := pronounGender(strings.TrimSuffix(r, "self"))
			sp, ok := f.npEndingAt(t-1, lo)
			if !ok {
				break
			}
			if sp.ment >= 0 && !f.genderFits(sp.ment, g) || sp.ment >= 0 && f.readAs(f.mentName(sp.ment)) != genderUnknown && f.readAs(f.mentName(sp.ment)) != g {
				sp.ment, sp.name = -1, ""
			}
			sp.hi = t + 1
			return sp
		case "itself", "themselves":
			t--
		}
	}
	// "a spokesman for the Electronic Industries Association of Japan in
	// Washington said": the subject before the place it speaks from
	// (whatever the recogniser typed the place as: "in Portland said")
	if t > lo && f.toks[t].kind == kWord && f.toks[t].ment >= 0 && f.toks[t].flags&fCap != 0 && f.mentEnd(t) == t+1 {
		if s := f.mentStart(t); s-2 >= lo && (f.isWord(s-1, "in") || f.isWord(s-1, "at")) && f.toks[s-2].kind == kWord &&
			f.toks[s-2].ment >= 0 && f.ms[f.toks[s-2].ment].Type == model.Organization && f.mentEnd(s-2) == s-1 {
			t = s - 2
		}
	}
	// "Hallworth Industries Inc. said", "a spokesman for Corbin Co.
	// said": the point of a company form that ends the name
	if t > lo {
		t = f.pastNamePoint(t)
	}
	if t < lo {
		return speaker{ment: -1}
	}
	if sp, ok := f.nameGivenAs(t, lo); ok {
		return sp
	}
	// "remarks by X, who told lawmakers that the bloc “…”": the one the
	// relative pronoun stands for
	if f.isWord(t, "who") {
		if m, e := f.whoAntecedent(t, lo); m >= 0 {
			return f.fromMention(m, f.mentStart(e-1), e)
		}
		// a given name alone: "his wife, Jolene, a former teacher, who
		// told the crowd"
		if m, s, e := f.relAntecedent(t-1, lo); m >= 0 && f.isPunct(t-1, ',') {
			return f.fromMention(m, s, e)
		}
	}
	// "a former supplier, Delmarva Housewares Co., which claims the
	// retailer canceled orders “…”": the body the relative pronoun
	// stands for
	if f.isWord(t, "which") && f.isPunct(t-1, ',') && t-2 >= lo {
		if p := f.pastNamePoint(t - 2); p >= lo && f.toks[p].kind == kWord && f.toks[p].ment >= 0 && f.ms[f.toks[p].ment].Type == model.Organization {
			return f.fromMention(int(f.toks[p].ment), f.mentStart(p), t-1)
		}
	}
	// "the Treasurer, Ann Roe, whose department warned", "the Rail
	// Institute, whose report in August described": the one the
	// possessive relative stands for, speaking through its office or text
	if sp, ok := f.whoseSubject(t, lo); ok {
		return sp
	}
	// "A source close to the player said", "sources close to the
	// talks said": an unnamed source, whoever it is close to
	if sp, ok := f.sourceCloseTo(t, lo); ok {
		return sp
	}
	// "A man near the front shouted", "One woman in the queue said": an
	// unnamed person.
	if sp, ok := f.indefiniteSubject(t, lo); ok {
		return sp
	}
	// "the company's board described", "Corbin's board said": the body
	// whose board (or management) speaks.
	if p := f.ownerApart(t - 1); p >= lo && p < t-1 && f.toks[t].ment < 0 && f.toks[t].flags&fLower != 0 {
		// "Hallworth Industries Inc.'s board", "Halvorsen Industries'
		// board": the possessive written apart from the name
		switch strings.ToLower(f.word(t)) {
		case "board", "management", "directors", "leadership":
			if o := f.toks[p].ment; o >= 0 && f.ms[o].Type == model.Organization {
				return f.fromMention(int(o), f.mentStart(p), t+1)
			}
		}
	}
	// "Mr Roe's family described him as …": the family, by the family
	// name of the one whose family it is
	if t-1 >= lo && f.isWord(t, "family") && f.toks[t].ment < 0 && f.toks[t-1].flags&fPoss != 0 && f.toks[t-1].ment >= 0 {
		if m := int(f.toks[t-1].ment); f.ms[m].Type == model.Person {
			name := f.mentName(m)
			if k := strings.LastIndexByte(name, ' '); k >= 0 {
				name = name[k+1:]
			}
			s := f.mentStart(t - 1)
			return speaker{ment: -1, name: name + " family", mention: f.spanText(s, t+1), lo: s, hi: t + 1, ok: true}
		}
	}
	if t-1 >= lo && f.toks[t].ment < 0 && f.toks[t-1].flags&fPoss != 0 && f.toks[t].flags&fLower != 0 {
		switch strings.ToLower(f.word(t)) {
		case "board", "management", "directors", "leadership":
			if o := f.toks[t-1].ment; o >= 0 && f.ms[o].Type != model.Person && f.ms[o].Type != model.Place {
				return f.fromMention(int(o), f.mentStart(t-1), t+1)
			}
			if n := strings.ToLower(f.word(t - 1)); f.isWord(t-2, "the") && t-2 >= lo {
				n = unPossessive(n)
				pos := int(f.toks[t-1].start)
				m := f.res.OrgNamed(pos, 50000, n)
				if m < 0 && orgNoun(n) && resolve.GenericOrgNoun(n) {
					if m = f.nearest(pos, model.Organization, "", genderUnknown); m >= 0 && (pos-f.ms[m].Start > 1500 || f.dateline(m)) {
						m = -1
					}
				}
				if m >= 0 {
					return speaker{ment: m, name: f.mentName(m), mention: f.spanText(t-2, t+1), lo: t - 2, hi: t + 1, ok: true}
				}
			}
		}
	}
	// "the ISMD statement said", "the Kelmar Oil report says": the body
	// whose name qualifies the text
	if t-1 >= lo && f.has(t, lxMedium) && f.toks[t].flags&fLower != 0 && f.toks[t-1].kind == kWord && f.toks[t-1].ment >= 0 &&
		f.toks[t-1].flags&fPoss == 0 && f.ms[f.toks[t-1].ment].Type == model.Organization && f.mentEnd(t-1) == t {
		if s := f.mentStart(t - 1); s-1 >= lo && f.isWord(s-1, "the") {
			return f.fromMention(int(f.toks[t-1].ment), s-1, t+1)
		}
	}
	if sp, ok := f.mediumSubject(t, lo); ok {
		return sp
	}
	if sp, ok := f.itsMedium(t, lo); ok {
		return sp
	}
	if sp, ok := f.jointText(t, lo); ok {
		return sp
	}
	// "Colm in Harwood writes", "Priti in Lowerbridge emails": a name
	// given with where the one named lives.
	if p := f.beforePlace(t, lo); p >= 0 {
		if m := f.toks[p].ment; m >= 0 && (f.ms[m].Type == model.Person || f.ms[m].Type == model.Other) {
			if s := f.mentStart(p); s >= lo && !f.has(s-1, lxPrep) {
				return f.fromMention(int(m), s, p+1)
			}
		} else if m < 0 && (p == lo || !f.has(p-1, lxPrep)) {
			// an unmarked name, or a body or group ("Police in
			// Harwood said", "Residents in Harwood said")
			if sp, ok := f.npEndingAt(p, lo); ok && (sp.name != "" || f.toks[p].lex.class&(lxRole|lxCommon) != 0) {
				return sp
			}
		}
	}
	// "Halvaria's defence ministry on Thursday denied": a time phrase
	// between the cue and a subject that names no one by a mention.
	if k := f.timePhraseStart(t, lo); k > lo && f.toks[k-1].ment < 0 && f.toks[k-1].kind == kWord && orgNoun(strings.ToLower(f.word(k-1))) {
		if sp, ok := f.npEndingAt(k-1, lo); ok && (sp.name != "" || sp.mention != "") {
			return sp
		}
	}
	if sp, ok := f.groupOf(t, lo); ok {
		return sp
	}
	if sp, ok := f.npEndingAt(t, lo); ok {
		return sp
	}
	// "Its coalition partner, the Farmers' Union, described": a body
	// named in an appositive.
	if f.isPunct(t, ',') && t-1 >= lo && f.toks[t-1].kind == kWord && f.toks[t-1].ment >= 0 {
		o := int(f.toks[t-1].ment)
		if s := f.mentStart(t - 1); f.ms[o].Type == model.Organization && f.isWord(s-1, "the") && s-2 >= lo && f.isPunct(s-2, ',') {
			return f.fromMention(o, s, t)
		}
	}
	// "Shaaban in his briefing said", "X on Sunday said": skip a short
	// prepositional or time phrase back to a mention.
	for k := t; k >= lo && k >= t-6; k-- {
		tk := &f.toks[k]
		if tk.kind != kWord || tk.q >= 0 {
			break
		}
		if tk.ment >= 0 {
			if k < t && f.has(k+1, lxPrep) || f.has(k+1, lxTime) || f.has(k+1, lxMonth) {
				s := f.mentStart(k)
				if !f.has(s-1, lxPrep) {
					return f.fromMention(int(tk.ment), s, k+1)
				}
			}
			break
		}
		if f.has(k, lxCue) {
			break
		}
	}
	// "The new chairperson, President X of Teranga, said", "The fund's
	// biggest investor, Ann Roe of Holbrook Partners, said": a person
	// given with the country they lead or the body they work for, set
	// off after the subject.
	if f.isPunct(t, ',') && t-1 >= lo && f.toks[t-1].kind == kWord && f.toks[t-1].ment >= 0 {
		if pl := f.mentStart(t - 1); f.isWord(pl-1, "of") && pl-2 >= lo && f.toks[pl-2].kind == kWord && f.toks[pl-2].ment >= 0 &&
			f.ms[f.toks[t-1].ment].Type != model.Person {
			if m := int(f.toks[pl-2].ment); f.ms[m].Type == model.Person || f.ms[m].Type == model.Other {
				s := f.mentStart(pl - 2)
				k := s - 1
				for k >= lo && k >= s-5 && (f.toks[k].kind == kWord && f.toks[k].flags&fCap != 0 || f.abbrevPoint(k) ||
					k < s-1 && f.isWord(k, "former")) {
					k-- // "President", "Dr.", "former Rep.": a title before the name
				}
				if k >= lo && f.isPunct(k, ',') {
					return f.fromMention(m, s, pl-1)
				}
			}
		}
	}
	// Appositive: "The law's author, state Sen. X, said" (not "X, the
	// Conservative MP for Severn Vale, said": a name after a determiner
	// describes; nor "X, a spokeswoman for Veradyne, said": a name after
	// a preposition is where X works).
	if f.isPunct(t, ',') && t-1 >= lo && f.toks[t-1].ment >= 0 && f.toks[t-1].kind == kWord && !f.has(f.mentStart(t-1)-1, lxDet|lxPrep) {
		m := int(f.toks[t-1].ment)
		if f.ms[m].Type == model.Person || f.ms[m].Type == model.Other {
			s := f.mentStart(t - 1)
			// "The paper, which is owned by a businessman close to Prime
			// Minister X, added": a name after a preposition ends a
			// relative clause; it is not set off as the subject.
			r := s - 1
			for r > lo && s-r <= 4 && f.toks[r].kind == kWord && f.toks[r].flags&fCap != 0 && f.toks[r].ment < 0 {
				r--
			}
			ofClause := r < s-1 && f.has(r, lxPrep) && f.toks[r].flags&fLower != 0 && f.relBefore(r, lo)
			if ofClause {
				return f.appositiveSubject(t, lo)
			}
			if f.isPunct(s-1, ',') || f.has(s-1, lxRole) || s-1 >= 0 && f.toks[s-1].flags&fCap != 0 && f.isPunct(s-1, '.') {
				return f.fromMention(m, s, t)
			}
			for k := s - 1; k >= lo && k >= s-4; k-- {
				// "X, who was visiting Vellmark, called": a name ending
				// a relative clause is not the subject
				if f.has(k, lxRel) {
					return f.appositiveSubject(t, lo)
				}
				// "X, the subcommittee's ranking Republican, called": a
				// lone word not known as a person's name after a
				// determiner describes the one before it ("Her teacher,
				// the pianist Ann Roe, said" names her)
				if f.has(k, lxDet) && f.ms[m].Type != model.Person && t-s == 1 {
					return f.appositiveSubject(t, lo)
				}
				if f.isPunct(k, ',') {
					return f.fromMention(m, s, t)
				}
			}
			// "The ministry's spokesman, Maj. Gen. Arsen Tevosyan,
			// told": abbreviated ranks between the comma and the name
			k := s - 1
			for k-1 >= lo && k >= s-8 && f.isPunct(k, '.') && f.toks[k-1].kind == kWord && f.toks[k-1].flags&fCap != 0 {
				k -= 2
			}
			if k < s-1 && f.isPunct(k, ',') {
				return f.fromMention(m, s, t)
			}
		}
	}
	// Appositive: "Dana Holt, the spokesman for X, said", "The official,
	// who spoke on condition of anonymity, said".
	if f.isPunct(t, ',') {
		return f.appositiveSubject(t, lo)
	}
	return speaker{ment: -1}
}

// inMediumPhrase reports whether the phrase from token n to the comma at
// token t gives a written text as the means ("in a letter to the
// authority dated Oct. 3", "in its annual report"), at most 16 tokens.
func (f *finder) inMediumPhrase(n, t int) bool {
	return t-n <= 16 && f.isWord(n, "in") && (f.has(n+1, lxDet|lxPossDet)) && f.has(n+2, lxMedium) && f.toks[n+2].flags&fLower != 0
}

// appositiveSubject finds the subject before an appositive that ends at the
// comma t: "John Smith, the spokesman for X, said", "The official, who spoke
// on condition of anonymity, said", "Dana Holt, who worked there for years
// in Dayton, Ohio, until it closed, said". Inner commas of a relative clause
// (places, dates, a second clause) are read through.
func (f *finder) appositiveSubject(t, lo int) speaker {
	rel := false  // an inner comma was passed inside a relative clause
	deep := false // an inner comma was passed after a place or an age
	for k := t - 1; k >= lo && k >= t-56; k-- {
		if f.toks[k].q >= 0 || f.isEndPunct(k) && !f.innerPoint(k) {
			break
		}
		if !f.isPunct(k, ',') {
			if k < t-40 && !rel && !deep {
				break
			}
			continue
		}
		n := k + 1 // first token of the appositive
		// "The Dean of Tessel, the Very Rev. Ann Roe, said": a name
		// styled as a cleric's, set off after the office, speaks
		if m, s := f.styledCleric(n, t); m >= 0 {
			return f.fromMention(m, s, t)
		}
		// "The company, in its most recent quarterly report, said": a
		// prepositional phrase set off after the subject that opens the
		// sentence.
		if f.has(n, lxPrep) && t-k > 6 && t-k <= 12 && k-1 >= lo && f.toks[k-1].ment < 0 && f.has(k-1, lxCommon) {
			if sp, ok := f.npEndingAt(k-1, lo); ok && sp.ok && sp.lo == lo {
				return sp
			}
		}
		// "A bureau official, speaking at a briefing, said": "speaking"
		// and where or how, set off after a role or a body's noun that
		// opens the sentence
		if f.isWord(n, "speaking") && t-k <= 14 && k-1 >= lo && f.toks[k-1].ment < 0 && f.has(k-1, lxRole|lxCommon) {
			if sp, ok := f.npEndingAt(k-1, lo); ok && sp.ok && sp.lo == lo {
				return sp
			}
		}
		// "Skyhaven, based in Tulare Bay, Calif., said": a participle
		// giving where a body is, after the subject's name
		if placedParticiple(strings.ToLower(f.word(n))) && f.toks[n].kind == kWord && k-1 >= lo {
			if sp, ok := f.npEndingAt(k-1, lo); ok && sp.ok && (sp.ment >= 0 || sp.name != "") && sp.lo == lo {
				return sp
			}
			break
		}
		if !(f.has(n, lxRel|lxDet|lxPossDet|lxRole) || f.toks[n].flags&(fCap|fDigit) != 0 ||
			// an age given with "now" or "aged": "Zhanar, now 26, said"
			(f.isWord(n, "now") || f.isWord(n, "aged")) && n+2 == t && f.toks[n+1].flags&fDigit != 0 ||
			f.toks[n].kind == kWord && strings.HasSuffix(f.word(n), "ing") ||
			f.toks[n].kind == kWord && setOffParticiple(f.word(n)) || // ", asked about …,"
			f.spellingNote(n, t) || // ", also spelt X in some media,"
			f.bareRole(n, t) || // ", chemicals analyst for Y,": a role without an article
			f.has(n, lxPrep) && t-k <= 6 || // ", for his part,"
			// "Governor X, in a broadcast on state radio, called": a
			// longer prepositional phrase right after a person's name
			f.has(n, lxPrep) && t-k <= 10 && k-1 >= lo && f.toks[k-1].kind == kWord && f.toks[k-1].ment >= 0 &&
				f.ms[f.toks[k-1].ment].Type == model.Person ||
			// "The Federal Transit Administration, in a letter to the
			// authority dated Oct. 3, said": the text a person or body
			// wrote in, set off after its name
			f.inMediumPhrase(n, t) && k-1 >= lo && f.toks[k-1].kind == kWord && f.toks[k-1].ment >= 0 &&
				(f.ms[f.toks[k-1].ment].Type == model.Person || f.ms[f.toks[k-1].ment].Type == model.Organization)) {
			if f.relBefore(k, lo) {
				rel = true
				continue // ", until it closed": a later part of a relative clause
			}
			break
		}
		if f.toks[n].ment >= 0 && f.toks[n].kind == kWord && f.mentEnd(n) == t {
			if m := int(f.toks[n].ment); f.ms[m].Type != model.Place {
				return f.fromMention(m, n, t) // "The farmers' union, X, said"
			}
		}
		// "A reader, Jenny in St Austin, emails": a name given with
		// where the one named lives
		if f.toks[n].ment >= 0 && f.toks[n].kind == kWord && f.beforePlace(t-1, n) == f.mentEnd(n)-1 {
			if m := int(f.toks[n].ment); f.ms[m].Type == model.Person || f.ms[m].Type == model.Other {
				return f.fromMention(m, n, f.mentEnd(n))
			}
		}
		if k-1 < lo {
			break
		}
		// "Rep. X, R-Idaho, chairman of Y, said": the name before the
		// party tag
		if p := f.skipPartyTag(k, lo); p != k && p >= lo {
			k = p + 1
		}
		if p := f.pastNamePoint(k - 1); p != k-1 && p >= lo {
			k = p + 1 // "X Inc., which …, said"
		}
		if f.toks[k-1].ment >= 0 && f.toks[k-1].kind == kWord {
			m := int(f.toks[k-1].ment)
			// a name typed as a place that opens the sentence before a
			// relative clause is a body speaking: "Tessaline, which had
			// argued …, said"
			placeSubject := f.ms[m].Type == model.Place && f.has(n, lxRel) && !deep && f.mentStart(k-1) == lo &&
				(f.isWord(n, "which") || f.isWord(n, "that")) && !f.dateline(m)
			if f.ms[m].Type != model.Place || placeSubject {
				s := f.mentStart(k - 1)
				// Past inner commas, the head must open the subject.
				// "Mr. X, 67, who …, said": a courtesy title's point
				head := !deep || s == lo || f.isPunct(s-1, ',') || f.has(s-1, lxRole|lxDet) || f.toks[s-1].flags&fCap != 0 ||
					f.abbrevPoint(s-1) && (s-2 == lo || f.has(s-2, lxTitle))
				if !f.has(s-1, lxPrep) && head {
					return f.fromMention(m, s, k)
				}
				// "Ann Roe of Holbrook Partners, who covers the
				// industry, said": the person the body is given for
				if p, ok := f.personOfBody(m, s, lo); ok && !deep {
					return p
				}
				// "X, a deputy from the holy city of Sarabad, who …,
				// said": a name the recogniser left untyped after a
				// preposition is where someone is from, as a place is
				// (or before a second description: "X, the ambassador
				// of Khorvat, one of the members opposed to it, said")
				if f.ms[m].Type == model.Other && f.has(s-1, lxPrep) && (f.has(n, lxRel) || f.has(n, lxDet) && n+1 < t && !f.isWord(n+1, "who")) {
					deep = true
					continue
				}
				break
			}
			if f.relBefore(k, lo) {
				rel = true
				continue // "in Dayton, Ohio, until": a place inside the clause
			}
			// "Sen. Ann Roe of Ohio, who is running second, said": the
			// person given with the state or country they come from
			if p, ok := f.personOfPlace(m, f.mentStart(k-1), lo); ok && !deep && f.has(n, lxRel) {
				return p
			}
			deep = true
			continue // "a nurse from Dayton, Ohio, who …"
		} else if k-3 >= lo && f.isWord(k-1, "old") && f.isWord(k-2, "years") && f.toks[k-3].flags&fDigit != 0 && f.isPunct(k-4, ',') {
			deep = true
			continue // an age in full: "Mr. X, 67 years old, whose …, said"
		} else if f.has(n, lxRel) && (f.toks[k-1].flags&fDigit == 0 || f.toks[k-1].kind != kWord) {
			// "Zoran Petrik, the director of the public broadcaster,
			// who has opposed the merger, told": a role set off after
			// a name, which is the subject
			sp, ok := f.npEndingAt(k-1, lo)
			if !ok || sp.ment < 0 && sp.name == "" {
				if n, ok := f.nameBeforeRole(k, lo); ok {
					return n
				}
			}
			if ok {
				return sp
			}
		} else if f.relBefore(k, lo) {
			rel = true
			continue
		} else if f.has(n, lxDet) && !deep && f.toks[k-1].kind == kWord && f.toks[k-1].flags&fLower != 0 && f.has(k-1, lxRole) {
			// "The minister, a Christian Democrat who has been in office
			// since January, said": a description set off after a role
			// that opens the sentence
			if sp, ok := f.npEndingAt(k-1, lo); ok && sp.lo == lo {
				return sp
			}
			// "X, the ambassador, one of the members …, said": a second
			// description after a role set off after a name
			j := k - 1
			for j > lo && f.toks[j].kind == kWord && f.toks[j].flags&fLower != 0 && f.toks[j].ment < 0 && f.toks[j].q < 0 {
				j--
			}
			if f.isPunct(j, ',') && j > lo && f.toks[j-1].ment >= 0 && f.ms[f.toks[j-1].ment].Type == model.Person {
				deep = true
				continue
			}
		} else if f.toks[k-1].flags&fDigit != 0 && f.toks[k-1].kind == kWord {
			deep = true
			continue // an age: "X, 61, a nurse, said"
		} else if f.toks[n].flags&fDigit != 0 && (n+1 == t || deep && f.isPunct(n+1, ',')) && (f.has(k-1, lxRole) || f.personNoun(k-1)) {
			if sp, ok := f.npEndingAt(k-1, lo); ok {
				return sp // "The former world champ, 44, told", "The star, 47, who …, fumed"
			}
		}
		break
	}
	return speaker{ment: -1}
}

// personOfBody returns the person named right before "of" or "at" and
// the name of body m starting at token s ("Ann Roe of Holbrook
// Partners"), when that person's name opens the subject at token lo or
// follows a comma, a role or a determiner.
func (f *finder) personOfBody(m, s, lo int) (speaker, bool) {
	if f.ms[m].Type != model.Organization || s-2 < lo || !(f.isWord(s-1, "of") || f.isWord(s-1, "at")) {
		return speaker{}, false
	}
	e := s - 2
	if f.toks[e].kind != kWord || f.toks[e].ment < 0 || f.mentEnd(e) != e+1 {
		return speaker{}, false
	}
	p := int(f.toks[e].ment)
	if f.ms[p].Type != model.Person && f.ms[p].Type != model.Other {
		return speaker{}, false
	}
	ps := f.mentStart(e)
	if ps < lo || !(ps == lo || f.isPunct(ps-1, ',') || f.has(ps-1, lxRole|lxDet) || f.isWord(ps-1, "but") || f.isWord(ps-1, "and")) {
		return speaker{}, false
	}
	return f.fromMention(p, ps, e+1), true
}

// personOfPlace returns the person named right before "of" and the name
// of place m starting at token s ("Sen. Ann Roe of Ohio"), when that
// person's name opens the subject at token lo or follows a comma, a role,
// a determiner or a title's point.
func (f *finder) personOfPlace(m, s, lo int) (speaker, bool) {
	if f.ms[m].Type != model.Place || s-2 < lo || !f.isWord(s-1, "of") {
		return speaker{}, false
	}
	e := s - 2
	if f.toks[e].kind != kWord || f.toks[e].ment < 0 || f.mentEnd(e) != e+1 || f.ms[f.toks[e].ment].Type != model.Person {
		return speaker{}, false
	}
	p := int(f.toks[e].ment)
	ps := f.mentStart(e)
	if ps < lo || !(ps == lo || f.isPunct(ps-1, ',') || f.has(ps-1, lxRole|lxDet) || f.abbrevPoint(ps-1)) {
		return speaker{}, false
	}
	return f.fromMention(p, ps, e+1), true
}

// beforePlace returns the token before "in" or "from" and a place that
// ends at token t ("Colm in Harwood", "Jo from Leeds"), not before token
// lo, or -1.
func (f *finder) beforePlace(t, lo int) int {
	if t < lo || t >= len(f.toks) || f.toks[t].kind != kWord || f.toks[t].ment < 0 || f.mentEnd(t) != t+1 {
		return -1
	}
	s := f.mentStart(t)
	if s-2 < lo || !(f.isWord(s-1, "in") || f.isWord(s-1, "from")) || f.toks[s-2].kind != kWord || f.toks[s-2].q >= 0 {
		return -1
	}
	// "The Valderran embassy in Al-Qiran said": after a body's noun the
	// name is where the body is, whatever the recogniser typed it.
	if f.ms[f.toks[t].ment].Type != model.Place &&
		!(f.isWord(s-1, "in") && f.toks[s-2].ment < 0 && f.toks[s-2].flags&fLower != 0 && postNoun(strings.ToLower(f.word(s-2)))) {
		return -1
	}
	return s - 2
}

// postNoun reports whether lower-case w names a body that a country keeps
// in a city ("embassy", "consulate", "mission").
func postNoun(w string) bool {
	switch w {
	case "embassy", "consulate", "mission", "delegation", "office", "bureau":
		return true
	}
	return false
}

// placedParticiple reports whether w is a participle that opens an
// appositive saying where a body is or who owns it ("based in",
// "headquartered in").
func placedParticiple(w string) bool {
	switch w {
	case "based", "headquartered", "located", "owned", "controlled":
		return true
	}
	return false
}

// statePoint reports whether token k is the point of an abbreviated place
// name inside a sentence ("based in Palliser, N.J., said", "of Harwick,
// Del., said"): a short capitalised abbreviation after a comma, with a
// comma after the point.
func (f *finder) statePoint(k int) bool {
	return f.abbrevPoint(k) && f.isPunct(k+1, ',') && f.isPunct(k-2, ',')
}

// innerPoint reports whether token k is a point inside a sentence: a
// state's (see statePoint) or that of an abbreviated title or saint's
// name before a capitalised word ("at St. Cuthbert's Hospital", "with
// Dr. Ann Roe").
func (f *finder) innerPoint(k int) bool {
	if f.statePoint(k) || f.isPunct(k, '.') && f.isPunct(k+1, ',') {
		return true // a point before a comma ends a word, not a sentence: "Y Securities Inc., said"
	}
	if f.isPunct(k, '.') && k > 0 && k+1 < len(f.toks) && f.toks[k+1].flags&fDigit != 0 && f.has(k-1, lxMonth) {
		return true // "dated Oct. 3"
	}
	if !f.isPunct(k, '.') || k+1 >= len(f.toks) || f.toks[k+1].kind != kWord || f.toks[k+1].flags&fCap == 0 {
		return false
	}
	if f.titleAbbrev(k - 1) {
		return true
	}
	switch f.word(k - 1) {
	case "St", "Mt", "Ft", "Ste":
		return k > 0 && f.toks[k-1].kind == kWord
	}
	return false
}

// relBefore reports whether a comma and a relative pronoun ("who",
// "which") come before token k within the appositive window.
func (f *finder) relBefore(k, lo int) bool {
	for j := k - 1; j >= lo && j > k-32; j-- {
		if f.toks[j].q >= 0 || f.isEndPunct(j) && !f.innerPoint(j) {
			return false
		}
		if f.has(j, lxRel) && f.isPunct(j-1, ',') {
			return true
		}
	}
	return false
}

// npEndingAt parses a subject noun phrase whose last token is t.
func (f *finder) npEndingAt(t, lo int) (speaker, bool) {
	if t < 0 || t < lo || t >= len(f.toks) {
		return speaker{}, false
	}
	tk := &f.toks[t]
	if tk.kind != kWord || tk.q >= 0 {
		return speaker{}, false
	}
	if tk.ment >= 0 {
		s := f.mentStart(t)
		if s < lo {
			s = lo
		}
		if sp, ok := f.agentOf(s, t); ok {
			return sp, true // "a spokesman for the Department", "a source close to X"
		}
		// "Inspector Ann Roe of Kingsmere Police said", "… of the
		// Traffic Unit said": the person before the body they work for.
		d := s - 1
		// "Hadiza Bello-Umar of the group Watchlight International
		// said": a body named after its kind is a body, whatever the
		// recogniser typed it.
		if g := d - 1; g-1 >= lo && f.isWord(g, "the") && f.toks[d].kind == kWord && f.toks[d].flags&fLower != 0 && kindOfBody(f.word(d)) &&
			(f.isWord(g-1, "of") || f.isWord(g-1, "at") || f.isWord(g-1, "from")) && g-2 >= lo && f.toks[g-2].kind == kWord && f.toks[g-2].ment >= 0 {
			if p := g - 2; f.ms[f.toks[p].ment].Type == model.Person || f.ms[f.toks[p].ment].Type == model.Other {
				if ps := f.mentStart(p); ps >= lo && !f.has(ps-1, lxPrep) {
					return f.fromMention(int(f.toks[p].ment), ps, p+1), true
				}
			}
		}
		// ("Jonas Roe of the Social Left said": a body the recogniser
		// left untyped, after a person's name)
		if f.isWord(d, "the") && (f.ms[tk.ment].Type == model.Organization || f.ms[tk.ment].Type == model.Other &&
			f.isWord(d-1, "of") && d-2 >= lo && f.toks[d-2].ment >= 0 && f.ms[f.toks[d-2].ment].Type == model.Person) {
			d--
		}
		if p := d - 1; p >= lo && (f.isWord(d, "of") || f.isWord(d, "at") || f.isWord(d, "from")) &&
			f.toks[p].kind == kWord && f.toks[p].ment >= 0 && f.mentStart(p) >= lo &&
			(f.ms[f.toks[p].ment].Type == model.Person || f.ms[f.toks[p].ment].Type == model.Other &&
				f.ms[tk.ment].Type == model.Organization && p > f.mentStart(p) && !f.has(f.mentStart(p)-1, lxPrep)) &&
			(f.ms[tk.ment].Type != model.Person || f.ms[f.toks[p].ment].Role != "") {
			// (a name the recogniser left untyped counts before a firm:
			// "Halvard Quist of Brenning & Partners said")
			// (a body the recogniser took for a person counts after a
			// titled name: "Sergeant Ann Roe of Kingsmere Roads Unit")
			return f.fromMention(int(f.toks[p].ment), f.mentStart(p), p+1), true
		}
		if f.has(s-1, lxDet) && f.has(s-2, lxPrep) {
			return speaker{ment: -1, ok: true}, true // "residents in the Heights said"
		}
		if s == t && f.isWord(s-1, "the") && s-1 >= lo && nationalityNoun(f.word(t)) {
			return f.justNamed(s-1, t+1), true // "the Welshman said"
		}
		if f.has(s-1, lxPrep) && !f.isWord(s-1, "to") || f.isWord(s-1, "to") && !f.isWord(s-2, "according") {
			if f.has(s-1, lxPrep) {
				return speaker{ment: -1, ok: true}, true
			}
		}
		// "One senior Conservative said", "a Labour backbencher": a lone
		// capitalised word after an indefinite determiner and lower-case
		// modifiers names a kind of person (a party's member), not one.
		if s == t && !strings.Contains(f.ms[tk.ment].Key, " ") {
			d := s - 1
			for d >= lo && d > s-4 && f.toks[d].kind == kWord && f.toks[d].flags&fLower != 0 && f.toks[d].q < 0 &&
				f.toks[d].lex.class&(lxCue|lxPrep|lxPronoun|lxDet|lxPossDet|lxThat|lxRel) == 0 {
				d--
			}
			if d >= lo && (d < s-1 && (f.isWord(d, "a") || f.isWord(d, "an")) || f.isWord(d, "one") || f.isWord(d, "another")) {
				return speaker{ment: -1, mention: f.spanText(d, t+1), lo: d, hi: t + 1, ok: true}, true
			}
		}
		return f.fromMention(int(tk.ment), s, t+1), true
	}
	if tk.lex.class&lxPronoun != 0 {
		return f.fromPronoun(t), true
	}
	// "Prime Minister X's office said", "a statement from X's office
	// said": a person's office speaks for them.
	if f.isWord(t, "office") && t-1 >= lo && f.toks[t-1].kind == kWord && f.toks[t-1].flags&fPoss != 0 && f.toks[t-1].ment >= 0 {
		if m := int(f.toks[t-1].ment); f.ms[m].Type == model.Person {
			s := f.mentStart(t - 1)
			for k := s; s-1 >= lo && k-s < 3 && f.toks[s-1].kind == kWord && f.toks[s-1].flags&fCap != 0 && f.toks[s-1].ment < 0 &&
				f.toks[s-1].lex.class&(lxDet|lxPrep) == 0; {
				s-- // "Prime Minister"
			}
			if !f.has(s-1, lxPrep) || f.isWord(s-1, "from") {
				sp := f.fromMention(m, s, t+1)
				sp.mention = f.spanText(s, t+1)
				return sp, true
			}
		}
	}
	// "the daily wrote", "The paper, which …, added": the outlet named
	// before.
	if f.isWord(t-1, "the") && t-1 >= lo && f.toks[t].flags&fLower != 0 && pressNoun(strings.ToLower(f.word(t))) {
		if m := f.outletBefore(t); m >= 0 {
			return f.fromMention(m, t-1, t+1), true
		}
	}
	// "the agency's own letter says": the body named before by that noun
	if sp, ok := f.bodyMedium(t, lo); ok {
		return sp, true
	}
	// "Several said the price was too high. One, who asked not to be
	// identified, called it “…”": one of those just described.
	if (f.isWord(t, "one") || f.isWord(t, "another")) && t == lo && f.toks[t].flags&fCap != 0 && f.isPunct(t+1, ',') {
		return speaker{ment: -1, mention: f.word(t), lo: t, hi: t + 1, ok: true}, true
	}
	// "one of them said": an unnamed member of a group.
	if (f.isWord(t, "them") || f.isWord(t, "us") || f.isWord(t, "those")) && f.isWord(t-1, "of") && t-2 >= lo && f.toks[t-2].kind == kWord {
		return speaker{ment: -1, mention: f.spanText(t-2, t+1), lo: t - 2, hi: t + 1, ok: true}, true
	}
	// "the former said", "the latter added": one of the last two people
	// named, in the order the text introduced them.
	if f.isWord(t-1, "the") && t-1 >= lo && (f.isWord(t, "former") || f.isWord(t, "latter")) {
		sp := speaker{ment: -1, mention: f.spanText(t-1, t+1), lo: t - 1, hi: t + 1, ok: true}
		if m := f.formerLatter(int(f.toks[t-1].start), f.isWord(t, "latter")); m >= 0 {
			sp.ment, sp.name = m, f.mentName(m)
		}
		return sp, true
	}
	// "the 46-year-old said": an age standing for the person just named.
	if f.isWord(t-1, "the") && strings.HasSuffix(strings.ToLower(f.word(t)), "-year-old") {
		return f.justNamed(t-1, t+1), true
	}
	// "the 33-year-old quick said": an age and a noun of what they do
	if t-2 >= lo && tk.ment < 0 && tk.flags&fLower != 0 && f.isWord(t-2, "the") && hasSuffixFold(f.word(t-1), "-year-old") &&
		tk.lex.class&(lxCue|lxAux|lxPrep|lxRel) == 0 {
		return f.justNamed(t-2, t+1), true
	}
	if isSpokes(strings.ToLower(f.word(t))) && t-1 >= lo && f.toks[t-1].kind == kWord {
		// "a Westgrid spokesman said", and "a Halvorsen spokeswoman"
		// for the body named for that person
		if o, p := f.spokesOrg(t), int(f.toks[t-1].ment); o >= 0 && p >= 0 && (p == o || f.ms[p].Type == model.Person) &&
			!f.has(f.mentStart(t-1)-1, lxPrep) {
			return f.fromMention(o, f.mentStart(t-1), t+1), true
		}
	}
	if tk.lex.class&(lxRole|lxCommon) != 0 && t-1 >= lo && f.toks[t-1].ment >= 0 && f.toks[t-1].kind == kWord &&
		(f.ms[f.toks[t-1].ment].Type == model.Organization || f.ms[f.toks[t-1].ment].Type == model.Other) &&
		f.toks[t-1].flags&fPoss == 0 && collectiveRole(f.word(t)) {
		s := f.mentStart(t - 1)
		if !f.has(s-1, lxPrep) {
			return f.fromMention(int(f.toks[t-1].ment), s, t), true // "Harbour Lights bosses say"
		}
	}
	// "the Wexmoor analysts wrote": the firm whose staff of analysts
	// speak together, whatever the recogniser typed its short name
	if firmStaff(f.word(t)) && t-1 >= lo && f.toks[t-1].ment >= 0 && f.toks[t-1].kind == kWord && f.toks[t-1].flags&fPoss == 0 {
		if s := f.mentStart(t - 1); s-1 >= lo && f.isWord(s-1, "the") && f.toks[s].flags&fCap != 0 {
			return f.fromMention(int(f.toks[t-1].ment), s-1, t+1), true
		}
	}
	// "His spokeswoman said": the spokesperson of the person the
	// possessive stands for speaks for them.
	if tk.lex.class&lxRole != 0 && isSpokes(strings.ToLower(f.word(t))) && t-1 >= lo && (f.isWord(t-1, "his") || f.isWord(t-1, "her")) {
		sp := speaker{ment: -1, mention: f.spanText(t-1, t+1), lo: t - 1, hi: t + 1, ok: true}
		if m := f.possessor(t-1, pronounGender(f.word(t-1))); m >= 0 {
			sp.ment, sp.name = m, f.mentName(m)
		}
		return sp, true
	}
	// "Jaxon's spokesman said": a person's spokesperson speaks for them.
	if tk.lex.class&lxRole != 0 && isSpokes(strings.ToLower(f.word(t))) && t-1 >= lo && f.toks[t-1].ment >= 0 &&
		f.toks[t-1].kind == kWord && f.toks[t-1].flags&fPoss != 0 && f.ms[f.toks[t-1].ment].Type == model.Person {
		if s := f.mentStart(t - 1); s >= lo && !f.has(s-1, lxPrep) {
			sp := f.fromMention(int(f.toks[t-1].ment), s, t+1)
			return sp, true
		}
	}
	if tk.lex.class&(lxRole|lxCommon) != 0 {
		// Walk back over the noun phrase to its determiner.
		k := t
		for k-1 >= lo && k > t-5 && f.toks[k-1].kind == kWord && f.toks[k-1].q < 0 &&
			f.toks[k-1].lex.class&(lxCue|lxPrep|lxPronoun|lxThat|lxRel) == 0 && f.toks[k-1].ment < 0 {
			k--
			if f.has(k, lxDet|lxPossDet) {
				break
			}
		}
		if f.toks[k].ment >= 0 {
			return speaker{}, false
		}
		// "A source close to the chef said": someone unnamed near the
		// one the role stands for
		if f.isWord(k-1, "to") && f.isWord(k-2, "close") && k-3 >= lo && f.toks[k-3].kind == kWord {
			s := k - 3
			for s-1 >= lo && f.toks[s-1].kind == kWord && f.toks[s-1].flags&fLower != 0 && f.toks[s-1].q < 0 && !f.has(s-1, lxCue|lxPrep) {
				s--
			}
			return speaker{ment: -1, mention: f.spanText(s, t+1), lo: s, hi: t + 1, ok: true}, true
		}
		// "The Belmaran interior ministry said": a nationality word the
		// recogniser could not type opens the body's name.
		if k-1 >= lo && f.toks[k-1].kind == kWord && f.toks[k-1].ment >= 0 && bodyNoun(strings.ToLower(f.word(t))) {
			if n, s := int(f.toks[k-1].ment), f.mentStart(k-1); f.ms[n].Type == model.Other && s == k-1 &&
				f.isWord(s-1, "the") && s-1 >= lo && nationalityStem(f.word(s)) != "" {
				// the body named before in full, of that country
				// ("Ministry of Foreign Affairs of Marovia")
				words := make([]string, 0, t-k+1)
				for x := k; x <= t; x++ {
					words = append(words, strings.ToLower(f.word(x)))
				}
				if o := f.res.OrgCalled(int(f.toks[s].start), 50000, 0, words); o >= 0 &&
					resolve.ContainsFold(f.ms[o].Key, nationalityStem(f.word(s))) {
					return f.fromMention(o, s-1, t+1), true
				}
				return speaker{ment: -1, mention: f.spanText(s-1, t+1), lo: s - 1, hi: t + 1, ok: true}, true
			}
		}
		// "the Ashdown boss said": the person named in the same sentence
		// as Ashdown, in that role or in none.
		if k == t && k-1 >= lo && f.toks[k-1].kind == kWord && f.toks[k-1].ment >= 0 && f.toks[k-1].flags&fPoss == 0 {
			// "the Rovers boss" for a club the recogniser took for a
			// person: the one named with "his Kilbarra Rovers side"
			if n := int(f.toks[k-1].ment); f.ms[n].Type == model.Person && f.clubName(n) && f.isWord(f.mentStart(k-1)-1, "the") && f.mentStart(k-1)-1 >= lo {
				if d := f.ownSideBoss(n, strings.ToLower(f.word(t)), int(f.toks[t].start)); d >= 0 {
					s := f.mentStart(k-1) - 1
					sp := f.fromMention(d, s, t+1)
					sp.mention = f.spanText(s, t+1)
					return sp, true
				}
			}
			// "the Greenline chief" for a one-word firm the recogniser took
			// for a person: the head named with it ("Greenline boss X")
			if n := int(f.toks[k-1].ment); f.ms[n].Type == model.Person && strings.IndexByte(f.mentText(n), ' ') < 0 &&
				f.isWord(f.mentStart(k-1)-1, "the") && f.mentStart(k-1)-1 >= lo {
				if w := strings.ToLower(f.word(t)); w == "chief" || w == "boss" || w == "head" {
					d := f.headIntroduced(n, int(f.toks[t].start))
					if d < 0 {
						d = f.namedWith(n, w, int(f.toks[t].start))
					}
					if d >= 0 && f.mentName(d) != f.mentName(n) {
						s := f.mentStart(k-1) - 1
						return speaker{ment: d, name: f.mentName(d), mention: f.spanText(s, t+1), lo: s, hi: t + 1, ok: true}, true
					}
				}
			}
			if n := int(f.toks[k-1].ment); f.ms[n].Type != model.Person && f.isWord(f.mentStart(k-1)-1, "the") && f.mentStart(k-1)-1 >= lo {
				s := f.mentStart(k-1) - 1
				if f.ms[n].Type == model.Organization && bodyNoun(strings.ToLower(f.word(t))) {
					sp := f.fromMention(n, s, t+1) // "the GMB Food Workers union said"
					sp.mention = f.spanText(s, t+1)
					return sp, true
				}
				// ("the Rovers chief" is "boss X" before anyone named with
				// Rovers)
				if w := strings.ToLower(f.word(t)); w == "chief" || w == "boss" || w == "head" {
					if d := f.headIntroduced(n, int(f.toks[t].start)); d >= 0 {
						return speaker{ment: d, name: f.mentName(d), mention: f.spanText(s, t+1), lo: s, hi: t + 1, ok: true}, true
					}
				}
				if d := f.namedWith(n, strings.ToLower(f.word(t)), int(f.toks[t].start)); d >= 0 {
					return speaker{ment: d, name: f.mentName(d), mention: f.spanText(s, t+1), lo: s, hi: t + 1, ok: true}, true
				}
				sp := f.fromRole(t, s)
				if sp.ment >= 0 && f.mentName(sp.ment) == f.mentName(n) {
					sp.ment, sp.name = -1, "" // the team is not its boss
				}
				return sp, true
			}
		}
		return f.fromRole(t, k), true
	}
	// "her mother said", "the younger sister said": the relative the
	// text introduced with that relation
	if sp, ok := f.kinPhrase(t, lo); ok {
		return sp, true
	}
	// "The shaken pensioner added", "the tearful mum-of-two said": a
	// word that describes the person just named or quoted.
	if sp, ok := f.describedPerson(t, lo); ok {
		return sp, true
	}
	// A plural or common noun after a determiner: "some nurses said".
	if tk.flags&fLower != 0 && tk.lex.class == 0 {
		k := t
		for k-1 >= lo && k > t-3 && f.toks[k-1].kind == kWord && f.toks[k-1].lex.class&(lxDet|lxPossDet) == 0 &&
			f.toks[k-1].lex.class == 0 && (f.toks[k-1].flags&fLower != 0 || f.placeWord(k-1)) {
			k-- // "some nurses", "one London dealer"
		}
		if f.has(k-1, lxDet|lxPossDet) && (k-1 == lo || !f.has(k-2, lxPrep)) {
			return speaker{ment: -1, mention: f.spanText(k-1, t+1), lo: k - 1, hi: t + 1, ok: true}, true
		}
		// A role noun with a place of work: "a trader at a big dealer
		// said", "one analyst at a regional brokerage said".
		d := t
		for d-1 >= lo && d > t-3 && f.toks[d-1].kind == kWord && f.toks[d-1].flags&fLower != 0 && f.toks[d-1].q < 0 &&
			f.toks[d-1].lex.class&(lxCue|lxPrep|lxPronoun|lxThat|lxRel|lxDet|lxPossDet) == 0 {
			d--
		}
		if f.has(d-1, lxDet) && f.has(d-2, lxPrep) && !f.isWord(d-2, "of") && d-3 >= lo && f.has(d-3, lxRole|lxCommon) &&
			f.toks[d-3].flags&fLower != 0 && f.toks[d-3].ment < 0 {
			if sp, ok := f.npEndingAt(d-3, lo); ok && sp.ok {
				// Those who speak for a body named by a common noun
				// phrase speak for it: "officials with the weather
				// service said" (the National Weather Service).
				if hw := strings.ToLower(f.word(d - 3)); (isSpokes(hw) || hw == "officials" || hw == "spokespeople") &&
					(f.isWord(d-2, "for") || f.isWord(d-2, "with") || f.isWord(d-2, "at") || f.isWord(d-2, "from")) {
					words := make([]string, 0, t-d+1)
					for k := d; k <= t; k++ {
						words = append(words, strings.ToLower(f.word(k)))
					}
					if o := f.res.OrgCalled(int(f.toks[d].start), 50000, 1500, words); o >= 0 {
						return f.fromMention(o, sp.lo, t+1), true
					}
				}
				if sp.ment < 0 && sp.name == "" && sp.lo < sp.hi {
					sp.mention, sp.hi = f.spanText(sp.lo, t+1), t+1
				}
				return sp, true
			}
		}
	}
	// "The Department for Island Transport said": a body's full name the
	// recogniser missed, its noun first.
	if sp, ok := f.bodyName(t, lo); ok {
		return sp, true
	}
	// "the Ohio Republican said", "a California Democrat said": a party's
	// member described, the one just named or an unnamed one
	if s, def, ok := f.partyDescribed(t, lo); ok {
		if def {
			return f.partyJustNamed(s, t+1), true
		}
		return speaker{ment: -1, mention: f.spanText(s, t+1), lo: s, hi: t + 1, ok: true}, true
	}
	// A capitalised name the recogniser missed: "Shaaban said".
	if tk.flags&fCap != 0 && tk.lex.class == 0 {
		k := t
		for k-1 >= lo && k > t-3 && f.toks[k-1].kind == kWord && f.toks[k-1].flags&fCap != 0 &&
			f.toks[k-1].lex.class == 0 && f.toks[k-1].ment < 0 && f.toks[k-1].q < 0 {
			k--
		}
		if f.has(k-1, lxPrep) {
			return speaker{ment: -1, ok: true}, true
		}
		if k == t && f.isWord(t-1, "the") && t-1 >= lo && nationalityNoun(f.word(t)) {
			return f.justNamed(t-1, t+1), true // "the Welshman said"
		}
		name := f.spanText(k, t+1)
		if k == t && k == lo && len(name) < 3 {
			return speaker{}, false
		}
		if k == t && f.isWord(t-1, "the") && t-1 >= lo {
			// "“…,” the CFO said" after "Chief Financial Officer X"
			if p := f.acronymPerson(name, int(f.toks[t].start)); p >= 0 {
				return speaker{ment: p, name: f.mentName(p), mention: f.spanText(t-1, t+1), lo: t - 1, hi: t + 1, ok: true}, true
			}
		}
		if k == t && entity.GenericWord(name) {
			// "Geologists said", "Nobody said": a described speaker
			return speaker{ment: -1, mention: name, lo: k, hi: t + 1, ok: true}, true
		}
		return speaker{ment: -1, name: name, mention: name, lo: k, hi: t + 1, ok: true}, true
	}
	return speaker{}, false
}

// bodyName reads the name of a body that ends at token t and opens with
// a capitalised body noun, "for" or "of" after it and capitalised words
// to the end ("the Department for Island Transport", "the Office of Rail
// Safety"), when nothing but "the" comes before it in the clause.
func (f *finder) bodyName(t, lo int) (speaker, bool) {
	if f.toks[t].kind != kWord || f.toks[t].flags&fCap == 0 || f.toks[t].lex.class != 0 {
		return speaker{}, false
	}
	k := t
	for k-1 >= lo && k > t-6 && f.toks[k-1].kind == kWord && f.toks[k-1].q < 0 &&
		(f.toks[k-1].flags&fCap != 0 && f.toks[k-1].lex.class == 0 || f.isWord(k-1, "and")) {
		k--
	}
	of := k - 1
	if !(f.isWord(of, "for") || f.isWord(of, "of")) || of-1 < lo || f.toks[of-1].flags&fCap == 0 ||
		!bodyNoun(strings.ToLower(f.word(of-1))) && !institutionNoun(strings.ToLower(f.word(of-1))) {
		return speaker{}, false
	}
	s := of - 1
	// "The Costaluna Chamber of Commerce said": the recogniser named the
	// words before "of" alone, a place's name opening the body's.
	if m := f.toks[s].ment; m >= 0 && f.ms[m].Type != model.Person && f.ms[m].Type != model.Place {
		s = f.mentStart(s)
	}
	if s > lo && !(s-1 == lo && f.isWord(s-1, "the")) {
		return speaker{}, false
	}
	name := f.spanText(s, t+1)
	return speaker{ment: -1, name: name, mention: name, lo: s, hi: t + 1, ok: true}, true
}

// institutionNoun reports whether w, capitalised, heads the name of an
// institution written with "of" or "for" after it ("Chamber of
// Commerce", "Office of Rail Safety", "Institute for Fiscal Studies").
func institutionNoun(w string) bool {
	switch w {
	case "office", "chamber", "institute", "bureau", "academy", "court", "tribunal", "bank", "fund", "league", "society", "foundation", "movement":
		return true
	}
	return false
}

// agentOf reads the subject phrase whose last words are the mention at
// tokens s..t when a person speaking for the one named opens it: "a
// spokesman for the Department for Culture" speaks for the Department; "a
// source close to promoter Gina Tarrant", "a friend of X" are unnamed.
func (f *finder) agentOf(s, t int) (speaker, bool) {
	if sp, ok := f.observersFrom(s, t); ok {
		return sp, true
	}
	k := s - 1
	for k >= 0 && f.toks[k].kind == kWord && f.toks[k].flags&fLower != 0 && f.has(k, lxRole) && !f.has(k, lxDet) {
		k-- // "close to promoter X"
	}
	if f.isWord(k, "the") {
		k--
	}
	if !(f.isWord(k, "for") || f.isWord(k, "to") || f.isWord(k, "of") || f.isWord(k, "at")) {
		return speaker{}, false
	}
	prep := k
	h := k - 1
	if f.isWord(h, "close") {
		h--
	}
	if h < 0 || f.toks[h].kind != kWord || f.toks[h].flags&fLower == 0 || !agentNoun(f.word(h)) {
		return speaker{}, false
	}
	d := h - 1
	if d >= 0 && f.toks[d].kind == kWord && f.toks[d].flags&fLower != 0 && f.toks[d].lex.class == 0 {
		d-- // "a senior source", "a close friend"
	}
	if !(f.isWord(d, "a") || f.isWord(d, "an") || f.isWord(d, "one") || f.isWord(d, "another")) {
		return speaker{}, false
	}
	m := int(f.toks[t].ment)
	if spokes := strings.HasPrefix(strings.ToLower(f.word(h)), "spokes"); spokes && f.isWord(prep, "for") &&
		(f.ms[m].Type == model.Organization || f.ms[m].Type == model.Other) {
		return f.fromMention(m, s, t+1), true
	}
	return speaker{ment: -1, mention: f.spanText(d, t+1), lo: d, hi: t + 1, ok: true}, true
}

// observersFrom reads a body's delegation opening the subject whose
// body's name spans tokens s..t: "Observers from the X said", "Monitors of
// the X reported", the body speaking through the group it sent.
func (f *finder) observersFrom(s, t int) (speaker, bool) {
	m := int(f.toks[t].ment)
	if f.ms[m].Type != model.Organization {
		return speaker{}, false
	}
	k := s - 1
	if f.isWord(k, "the") {
		k--
	}
	if !f.isWord(k, "from") && !f.isWord(k, "of") {
		return speaker{}, false
	}
	h := k - 1
	if h < 0 || f.toks[h].kind != kWord || f.toks[h].q >= 0 {
		return speaker{}, false
	}
	switch strings.ToLower(f.word(h)) {
	case "observers", "monitors", "inspectors":
	default:
		return speaker{}, false
	}
	// the group opens its sentence or follows only a determiner
	if d := h - 1; d >= 0 && f.toks[d].kind == kWord && !f.has(d, lxDet) && f.toks[d].flags&fCap == 0 {
		return speaker{}, false
	}
	return f.fromMention(m, h, t+1), true
}

// agentNoun reports whether w names someone who speaks for, or close to,
// another: "spokesman", "source", "friend", "aide".
func agentNoun(w string) bool {
	for _, n := range [...]string{"spokesman", "spokeswoman", "spokesperson", "source", "insider", "friend",
		"pal", "aide", "adviser", "advisor", "associate", "confidant", "relative", "representative"} {
		if eqLower(w, n) {
			return true
		}
	}
	return false
}

// justNamed returns the speaker that a description at tokens lo..hi-1
// ("the 46-year-old", "the Welshman") stands for: the last person named as
// a speaker, else the last person named, within about 1,500 bytes.
func (f *finder) justNamed(lo, hi int) speaker {
	sp := speaker{ment: -1, mention: f.spanText(lo, hi), lo: lo, hi: hi, ok: true}
	pos := int(f.toks[lo].start)
	// "Pensioner Alan Roe, 81, … “…,” the 81-year-old said": the one
	// the text gave that age
	for k := lo; k < hi; k++ {
		if w := f.word(k); f.toks[k].kind == kWord && hasSuffixFold(w, "-year-old") {
			if m := f.personAged(pos, w[:len(w)-len("-year-old")]); m >= 0 {
				sp.ment, sp.name = m, f.mentName(m)
				return sp
			}
		}
	}
	// "Callum Roe of Australia qualified fastest. “…,” the Australian
	// said": the one named as from that country
	if hi-lo == 2 && nationalityNoun(f.word(lo+1)) {
		if m := f.personFrom(pos, f.word(lo+1)); m >= 0 {
			sp.ment, sp.name = m, f.mentName(m)
			return sp
		}
	}
	// The subject of the sentence before ("Stolz also defended herself
	// … „…“, the 54-year-old emphasised") outranks a speaker named earlier.
	if ps, at := f.prevUnitSubject(); ps >= 0 && f.ms[ps].Start < pos && pos-at < 1500 &&
		(f.lastSp < 0 || f.ms[f.lastSp].Start < f.ms[ps].Start) {
		sp.ment, sp.name = ps, f.mentName(ps)
		return sp
	}
	if c := f.lastSp; c >= 0 && f.ms[c].Start < pos && pos-f.ms[c].Start < 1500 {
		sp.ment, sp.name = c, f.mentName(c)
		return sp
	}
	for m := len(f.ms) - 1; m >= 0; m-- {
		if f.ms[m].End > pos || f.ms[m].Type != model.Person && f.ms[m].Type != model.Other || !f.validMent(m) {
			continue
		}
		// a name inside a quotation is not its speaker, nor is a lone
		// word the recogniser left untyped ("at the Kettlewick gauge"),
		// nor a dateline ("PORT ELLIS, Md. --")
		if f.inQuotation(f.ms[m].Start) || f.ms[m].Type == model.Other && !strings.Contains(f.mentName(m), " ") || f.dateline(m) {
			continue
		}
		if pos-f.ms[m].Start < 1500 {
			sp.ment, sp.name = m, f.mentName(m)
		}
		break
	}
	return sp
}

// nationalityNoun reports whether w is a noun naming a person by where
// they come from, which "the" before it makes a reference to someone
// already named ("said the Welshman", "the Pole added").
func nationalityNoun(w string) bool {
	if w == "" || w[0] < 'A' || w[0] > 'Z' {
		return false
	}
	if len(w) > 5 && strings.EqualFold(w[len(w)-3:], "man") || len(w) > 5 && strings.EqualFold(w[len(w)-5:], "woman") {
		return true // Welshman, Frenchwoman, Yorkshireman
	}
	// Icelander, Queenslander; Gibraltarian, Tasmanian (not "the
	// Guardian", whose -dian is a newspaper's)
	if len(w) > 7 && (hasSuffixFold(w, "lander") || hasSuffixFold(w, "ian") && !hasSuffixFold(w, "dian")) {
		return true
	}
	for _, n := range nationalityNouns {
		if eqLower(w, n) {
			return true
		}
	}
	return false
}

// partyDescribed reads a description of a party's member that ends at
// token t, from token lo on ("the Ohio Republican", "a California
// Democrat", "the Senate Republican", "the Republican"): it returns the token of the article that
// opens it, whether that article is "the", and whether there is one.
func (f *finder) partyDescribed(t, lo int) (int, bool, bool) {
	if t < lo || t >= len(f.toks) || f.toks[t].kind != kWord || f.toks[t].q >= 0 || !entity.PartyMember(f.word(t)) {
		return 0, false, false
	}
	k := t
	for k-1 >= lo && k > t-4 && f.toks[k-1].kind == kWord && f.toks[k-1].q < 0 &&
		(f.toks[k-1].flags&fCap != 0 && (f.toks[k-1].ment < 0 && f.toks[k-1].lex.class == 0 || f.toks[k-1].ment >= 0 && f.ms[f.toks[k-1].ment].Type != model.Person) ||
			f.toks[k-1].flags&fLower != 0 && f.toks[k-1].ment < 0 && f.toks[k-1].lex.class&^(lxRole|lxCommon) == 0) {
		k-- // "the Ohio Republican", "a leading Democrat", "one senior House Republican"
	}
	if k-1 < lo {
		return 0, false, false
	}
	switch {
	case f.isWord(k-1, "the"):
		return k - 1, true, true
	case f.isWord(k-1, "a") || f.isWord(k-1, "an") || f.isWord(k-1, "one") || f.isWord(k-1, "another"):
		return k - 1, false, true
	}
	return 0, false, false
}

// partyJustNamed returns the speaker that a definite description of a
// party's member at tokens lo..hi-1 stands for: the person the text
// described so before ("Sen. Ann Roe, a Kansas Republican, … the Kansas
// Republican said"), else the one just named (see justNamed).
func (f *finder) partyJustNamed(lo, hi int) speaker {
	words := f.spanText(lo+1, hi)
	pos := int(f.toks[lo].start)
	for m := len(f.ms) - 1; m >= 0; m-- {
		if f.ms[m].End > pos || f.ms[m].Type != model.Person || !f.validMent(m) {
			continue
		}
		if pos-f.ms[m].End > 3000 {
			break
		}
		if rest := f.text[f.ms[m].End:]; strings.HasPrefix(rest, ", a "+words) || strings.HasPrefix(rest, ", an "+words) {
			return speaker{ment: m, name: f.mentName(m), mention: f.spanText(lo, hi), lo: lo, hi: hi, ok: true}
		}
	}
	return f.justNamed(lo, hi)
}

// nationalityNouns are the nouns of nationality that nationalityNoun knows
// besides those ending in -man and -woman.
var nationalityNouns = [...]string{"briton", "scot", "pole", "dane", "swede", "finn", "turk", "spaniard",
	"kiwi", "aussie", "australian", "american", "canadian", "italian", "german", "brazilian", "argentine",
	"argentinian", "belgian", "norwegian", "russian", "ukrainian", "kenyan", "nigerian", "ghanaian",
	"portuguese", "japanese", "chinese", "croat", "serb", "czech", "slovak", "hungarian", "austrian",
	"swiss", "mexican", "colombian", "chilean", "indian", "pakistani", "jamaican", "egyptian", "moroccan",
	"algerian", "tunisian", "greek", "londoner", "dubliner", "berliner", "glaswegian", "northerner", "southerner"}

// subjectAfter parses an inverted subject after the cue at c ("said
// Foreign Ministry spokesman Hassan Shaban"), up to token hi.
func (f *finder) subjectAfter(c, hi int) speaker {
	t := c + 1
	k := t
	for ; k < hi && k < t+9; k++ {
		tk := &f.toks[k]
		if f.isPunct(k, '.') && k > t && (f.has(k-1, lxRole) || f.titleAbbrev(k-1)) && f.toks[k-1].flags&fCap != 0 && k+1 < hi && f.toks[k+1].flags&fCap != 0 {
			continue // "said Lt. Carla Mendes", "said Capt. X", "said Ms. X"
		}
		if tk.kind != kWord || tk.q >= 0 {
			break
		}
		if tk.ment >= 0 {
			m := int(tk.ment)
			e := f.mentEnd(k)
			if e > hi {
				e = hi
			}
			if e == k+1 && k == t+1 && f.isWord(t, "the") && nationalityNoun(f.word(k)) && f.tailOK(e, hi) {
				return f.justNamed(t, e) // "said the Welshman"
			}
			if (f.ms[m].Type != model.Person || f.has(e, lxRole) && f.toks[e].flags&fLower != 0) &&
				e < hi && f.toks[e].kind == kWord && f.toks[e].lex.class&lxRel == 0 {
				// "said Iran’s foreign minister X", "said Foreign Ministry
				// spokesman X", "said Rovers manager X": keep looking.
				k = e - 1
				continue
			}
			if !f.tailOK(e, hi) {
				return speaker{ment: -1}
			}
			return f.fromMention(m, t, e)
		}
		if tk.lex.class&lxRole != 0 {
			if f.isPunct(k+1, '.') && k+2 < hi && f.toks[k+2].ment >= 0 && f.toks[k+2].kind == kWord {
				continue // an abbreviated title: "said Lt. X"
			}
			if sp, ok := f.roleThenName(k, hi); ok {
				return sp // "said the chairman of the union, X, in …"
			}
			e := k + 1
			if !(e < hi && f.toks[e].kind == kWord && f.toks[e].ment >= 0) {
				if f.tailOK(e, hi) && !(e < hi && f.has(e, lxRole)) {
					return f.fromRole(k, t)
				}
			}
			continue
		}
		// "laughs the baker", "confides the 66-year-old florist": the
		// person just named or quoted.
		if k > t && k <= t+3 && f.isWord(t, "the") && f.tailOK(k+1, hi) && !f.isPunct(k+1, '-') && f.personNoun(k) {
			if sp, ok := f.describedPerson(k, t); ok {
				return sp
			}
		}
		// "sighs her neighbour, Ann Roe": a word for a person, then the name.
		if k > t && k <= t+3 && f.has(t, lxDet|lxPossDet) && tk.kind == kWord && tk.flags&fLower != 0 && f.isPunct(k+1, ',') {
			if sp, ok := f.roleThenName(k, hi); ok {
				return sp
			}
		}
		if k > t && k <= t+3 && f.has(t, lxDet) && tk.kind == kWord && tk.flags&fLower != 0 && tk.lex.class == 0 &&
			f.modifierWords(t+1, k) && f.tailOK(k+1, hi) && !f.isPunct(k+1, '-') {
			// "said one driver as queues built", "said a local driver.",
			// "called a government backbencher"
			return speaker{ment: -1, mention: f.spanText(t, k+1), lo: t, hi: k + 1, ok: true}
		}
		// "said the 23-year-old.": an age standing for the person just
		// named, as it does before the verb.
		if k == t+1 && f.isWord(t, "the") && hasSuffixFold(f.word(k), "-year-old") && f.tailOK(k+1, hi) && !f.isPunct(k+1, '-') {
			return f.justNamed(t, k+1)
		}
		if tk.lex.class&(lxDet|lxPossDet) != 0 || tk.flags&fCap != 0 || strings.HasSuffix(f.word(k), "-year-old") ||
			tk.lex.class&(lxCue|lxAux|lxThat|lxPrep|lxPronoun|lxRel|lxNeg|lxTime) == 0 && tk.flags&fLower != 0 &&
				k+1 < hi && f.toks[k+1].kind == kWord {
			continue
		}
		if f.isWord(k, "of") && k > t {
			if sp, ok := f.roleThenName(k, hi); ok {
				return sp // "said one of the authors, Professor X"
			}
		}
		if k > t && f.has(k-1, lxMedium) && f.toks[k-1].flags&fLower != 0 {
			if sp, ok := f.mediumSource(t, k, hi); ok {
				return sp // "reads the note of the ministry"
			}
		}
		break
	}
	// "“…,” said the Ohio Republican."
	if k > t && k <= hi && f.tailOK(k, hi) {
		if s, def, ok := f.partyDescribed(k-1, t); ok && s == t {
			if def {
				return f.partyJustNamed(t, k)
			}
			return speaker{ment: -1, mention: f.spanText(t, k), lo: t, hi: k, ok: true}
		}
	}
	// "“…,” said Smith." with an unrecognised name.
	if k > t && k <= hi && f.tailOK(k, hi) {
		lo := t
		for lo < k && f.toks[lo].flags&fCap == 0 {
			lo++
		}
		if lo < k && f.toks[k-1].flags&fCap != 0 && f.toks[k-1].lex.class == 0 {
			if lo == k-1 && lo == t+1 && f.isWord(t, "the") && nationalityNoun(f.word(lo)) {
				return f.justNamed(t, k) // "said the Welshman"
			}
			name := f.spanText(lo, k)
			if lo == k-1 && lo == t+1 && f.isWord(t, "the") {
				// "said the CFO" after "Chief Financial Officer X"
				if p := f.acronymPerson(name, int(f.toks[t].start)); p >= 0 {
					return speaker{ment: p, name: f.mentName(p), mention: f.spanText(t, k), lo: t, hi: k, ok: true}
				}
			}
			if lo == k-1 && entity.GenericWord(name) {
				return speaker{ment: -1, mention: name, lo: t, hi: k, ok: true}
			}
			return speaker{ment: -1, name: name, mention: name, lo: t, hi: k, ok: true}
		}
	}
	return speaker{ment: -1}
}

// roleThenName finds the name given after an inverted role phrase whose
// role noun is token k: "said the chairman of the drivers' union, X".
func (f *finder) roleThenName(k, hi int) (speaker, bool) {
	for j := k + 1; j < hi && j < k+10; j++ {
		if f.toks[j].q >= 0 || f.isEndPunct(j) || f.isCue(j) {
			break
		}
		if !f.isPunct(j, ',') {
			continue
		}
		n := j + 1
		// ", public defender X", ", defence barrister X": a lower-case
		// role before the name
		r := n
		for r < hi && r < n+3 && f.toks[r].kind == kWord && f.toks[r].ment < 0 && f.toks[r].q < 0 && f.toks[r].flags&fLower != 0 &&
			f.toks[r].lex.class&(lxCue|lxPrep|lxPronoun|lxThat|lxRel|lxDet|lxPossDet) == 0 {
			r++
		}
		if r > n && r < hi && f.has(r-1, lxRole) && f.toks[r].kind == kWord && f.toks[r].ment >= 0 {
			n = r
		}
		for n+1 < hi && f.toks[n].ment < 0 && (f.has(n, lxRole) || f.toks[n].lex.gender != genderUnknown || f.titleAbbrev(n)) &&
			f.toks[n].flags&fCap != 0 {
			if f.toks[n+1].ment >= 0 {
				n++ // a title before the name: ", Professor X", ", Sir X"
			} else if f.isPunct(n+1, '.') && n+2 < hi && f.toks[n+2].ment >= 0 {
				n += 2 // ", Dr. X"
			} else {
				break
			}
		}
		if n >= hi || f.toks[n].kind != kWord || f.toks[n].ment < 0 {
			break
		}
		m := int(f.toks[n].ment)
		if f.ms[m].Type != model.Person && f.ms[m].Type != model.Other {
			break
		}
		e := min(f.mentEnd(n), hi)
		if !f.tailOK(e, hi) {
			break
		}
		return f.fromMention(m, n, e), true
	}
	return speaker{}, false
}

// tailOK reports whether what follows an inverted subject ending at token e
// may end an attribution: end, punctuation, a quotation mark, a preposition,
// a time word or a relative pronoun.
func (f *finder) tailOK(e, hi int) bool {
	if e >= hi {
		return true
	}
	tk := &f.toks[e]
	switch tk.kind {
	case kPunct:
		return tk.r != '-' && tk.r != '&'
	case kMark:
		return true
	}
	// "warned Delahunt would “…”": the name opens the clause reported,
	// it does not say it
	switch strings.ToLower(f.word(e)) {
	case "would", "will", "could", "can", "should", "might", "may", "must", "had", "has", "have", "was", "is", "were", "did", "does":
		return false
	}
	if tk.lex.class&(lxPrep|lxTime|lxRel|lxMonth|lxAdv|lxCue) != 0 && tk.lex.class&lxDet == 0 || f.isWord(e, "who") {
		return true
	}
	// "specifies the mayor prudently."
	if tk.kind == kWord && tk.flags&fLower != 0 && tk.lex.class == 0 && strings.HasSuffix(f.word(e), "ly") && len(f.word(e)) > 4 &&
		e+1 < len(f.toks) && (e+1 >= hi || f.toks[e+1].kind == kPunct || f.toks[e+1].kind == kMark) {
		return true
	}
	// a subordinate clause: "said one resident as hundreds were evacuated"
	switch strings.ToLower(f.word(e)) {
	case "as", "while", "when", "because", "although", "though", "whereas", "until", "if":
		return true
	}
	return false
}

// courtesyTitle reports whether token k is a courtesy title written before
// a surname ("Mr", "Ms", "Mrs", "Mx"), which an abbreviation point may
// follow ("said Ms. Holt").
func (f *finder) courtesyTitle(k int) bool {
	if k < 0 || k >= len(f.toks) || f.toks[k].kind != kWord {
		return false
	}
	switch strings.ToLower(f.word(k)) {
	case "mr", "ms", "mrs", "mx", "messrs", "mmes":
		return true
	}
	return false
}

// collectiveRole reports whether w is a plural noun for the people who
// speak for an organization ("Harbour Lights bosses", "Apple executives");
// not "officials" or "leaders", which a place names as often ("U.S.
// officials").
func collectiveRole(w string) bool {
	for _, r := range [...]string{"bosses", "chiefs", "executives", "spokespeople", "spokesmen", "spokeswomen"} {
		if eqLower(w, r) {
			return true
		}
	}
	return false
}

// firmStaff reports whether w is a plural noun of the staff of a firm
// that writes or speaks as one ("analysts", "economists", "strategists").
func firmStaff(w string) bool {
	return eqLower(w, "analysts") || eqLower(w, "economists") || eqLower(w, "strategists")
}

// inQuotation reports whether the token starting at byte s lies inside a
// quotation.
func (f *finder) inQuotation(s int) bool {
	t := f.tokAt(s)
	return t < len(f.toks) && int(f.toks[t].start) == s && f.toks[t].q >= 0
}

// formerLatter returns a mention of one of the last two people named
// before byte pos outside quotations: the one the text named first (latter
// false) or second (latter true); -1 unless two are found within 1,500
// bytes.
func (f *finder) formerLatter(pos int, latter bool) int {
	var names []string
	last := map[string]int{}
	for m := len(f.ms) - 1; m >= 0 && len(names) < 2; m-- {
		if f.ms[m].End > pos || f.ms[m].Type != model.Person || !f.validMent(m) || f.inQuotation(f.ms[m].Start) {
			continue
		}
		if pos-f.ms[m].Start > 1500 {
			break
		}
		n := f.mentName(m)
		if _, ok := last[n]; !ok {
			last[n] = m
			names = append(names, n)
		}
	}
	if len(names) < 2 {
		return -1
	}
	first := map[string]int{}
	for m := range f.ms {
		if n := f.mentName(m); f.ms[m].Type == model.Person && (n == names[0] || n == names[1]) {
			if _, ok := first[n]; !ok {
				first[n] = f.ms[m].Start
			}
		}
	}
	a, b := names[1], names[0] // a named before b
	if first[a] > first[b] {
		a, b = b, a
	}
	if latter {
		return last[b]
	}
	return last[a]
}

// plainWords reports whether tokens [lo, hi) are lower-case words the
// lexicon does not know (adjectives and nouns: "local", "long-haul").
func (f *finder) plainWords(lo, hi int) bool {
	for k := lo; k < hi; k++ {
		if f.toks[k].kind != kWord || f.toks[k].flags&fLower == 0 || f.toks[k].lex.class != 0 || f.toks[k].q >= 0 {
			return false
		}
	}
	return true
}

// modifierWords reports whether tokens [lo, hi) are lower-case words that
// may describe a person's noun after a determiner: words the lexicon does
// not know ("local") or nouns of bodies used as modifiers ("government",
// "council").
func (f *finder) modifierWords(lo, hi int) bool {
	for k := lo; k < hi; k++ {
		if f.toks[k].kind != kWord || f.toks[k].flags&fLower == 0 || f.toks[k].lex.class&^lxCommon != 0 || f.toks[k].q >= 0 {
			return false
		}
	}
	return true
}

// skipAcronymTag returns the token before a bracketed acronym that ends at
// token t and follows the name it shortens ("The official Norhan News
// Agency (NNA) said"), or t when there is none.
func (f *finder) skipAcronymTag(t, lo int) int {
	if !f.isPunct(t, ')') || !f.isPunct(t-2, '(') || t-3 < lo {
		return t
	}
	a, n := f.toks[t-1], f.toks[t-3]
	if a.kind != kWord || a.q >= 0 || a.flags&fCap == 0 || n.kind != kWord || n.ment < 0 || f.mentEnd(t-3) != t-2 {
		return t
	}
	w := f.word(t - 1)
	if len(w) < 2 || strings.ToUpper(w) != w {
		return t
	}
	return t - 3
}

// skipDashAside returns the token before an aside set off by dashes that
// ends at token t, right after the one it describes ("al-Sufi — whose
// name is also spelt Al Soufi — said", "Okonkwo — who chairs the
// committee — said"), or t when there is none: an aside of lower-case
// words first, no quotation in it, after a word.
func (f *finder) skipDashAside(t, lo int) int {
	if !f.isDashPunct(t) {
		return t
	}
	for k := t - 1; k > lo && k >= t-maxDashAside; k-- {
		if f.toks[k].kind == kMark || f.toks[k].q >= 0 || f.isEndPunct(k) {
			return t
		}
		if f.isDashPunct(k) {
			if k+1 < t && f.toks[k+1].kind == kWord && f.toks[k+1].flags&fLower != 0 && f.toks[k-1].kind == kWord {
				return k - 1
			}
			return t
		}
	}
	return t
}

// skipAgeRelative returns the token that ends an age standing for a
// person before a relative clause set off by commas that ends at token t
// ("The 31-year-old, who played his 250th game, added"), or t.
func (f *finder) skipAgeRelative(t, lo int) int {
	if !f.isPunct(t, ',') {
		return t
	}
	for k := t - 1; k-2 >= lo && k >= t-maxDashAside; k-- {
		if f.toks[k].kind == kMark || f.isEndPunct(k) {
			return t
		}
		if f.isPunct(k, ',') {
			if f.isWord(k+1, "who") && hasSuffixFold(f.word(k-1), "-year-old") && f.isWord(k-2, "the") {
				return k - 1
			}
			return t
		}
	}
	return t
}

// maxDashAside bounds the tokens of an aside set off by dashes between a
// subject and its verb.
const maxDashAside = 40

// skipPartyTag returns the token before a party-and-state tag that ends at
// token t, as American copy writes it after a legislator's name ("Rep. X
// (R-Ariz.) told", "Rep. X (D., Mo.) said", "Rep. X, D-Texas, called",
// "Rep. X (D., Mo.), chairman of Y, told"), or t when there is none.
func (f *finder) skipPartyTag(t, lo int) int {
	// "X KC told", "X SC said": a counsel's rank or an honour written
	// right after the name, without commas
	if t-1 >= lo && f.toks[t].kind == kWord && f.toks[t-1].kind == kWord && f.toks[t-1].ment >= 0 &&
		(f.ms[f.toks[t-1].ment].Type == model.Person || f.ms[f.toks[t-1].ment].Type == model.Other) {
		// (not after an article: "the Conservative MP said", "the
		// Stockport MP said" are an MP described, not named)
		if w := f.word(t); len(w) > 1 && len(w) <= 4 && upperASCII(w) && entity.PostNominal(strings.ToLower(w)) &&
			!f.has(f.mentStart(t-1)-1, lxDet) {
			return t - 1
		}
	}
	if f.isPunct(t, ')') {
		for k := t - 1; k >= lo && k >= t-12; k-- {
			if f.isPunct(k, '(') {
				if f.partyTag(k+1) || f.partyStateTag(k+1, t) || f.memberTag(k, t) {
					return k - 1
				}
				break
			}
		}
		return t
	}
	if f.isPunct(t, ',') && f.isPunct(t-1, ')') {
		if p := f.skipPartyTag(t-1, lo); p != t-1 {
			return p
		}
		return t
	}
	if f.isPunct(t, ',') {
		k := t - 1
		if f.isPunct(k, '.') {
			k--
		}
		if f.partyTag(k) && f.isPunct(k-1, ',') && k-2 >= lo {
			return k - 2
		}
		// "Kelechi Amodu, SAN, said", "X, KC, told": a counsel's rank
		// or an honour set off after the name
		if k == t-1 && k-2 >= lo && f.isPunct(k-1, ',') && f.toks[k].kind == kWord && f.toks[k-2].kind == kWord &&
			f.toks[k-2].ment >= 0 && (f.ms[f.toks[k-2].ment].Type == model.Person || f.ms[f.toks[k-2].ment].Type == model.Other) {
			if w := f.word(k); w == strings.ToUpper(w) && entity.PostNominal(strings.ToLower(w)) {
				return k - 2
			}
		}
	}
	return t
}

// partyStateTag reports whether tokens [t, end) are a party initial and a
// state apart, as older American copy writes them in parentheses: "D.,
// Mo." (tokens D . , Mo .), "R., N.Y.", "D., Texas", "R., New Mexico".
// memberTag reports whether the brackets at tokens open and end hold
// the party and seat of the person named right before them, capitalised
// words and commas ("Kavitha Raghunandan (People's Front, Kottur)").
func (f *finder) memberTag(open, end int) bool {
	if open < 1 || end-open < 2 || f.toks[open-1].kind != kWord || f.toks[open-1].ment < 0 ||
		f.ms[f.toks[open-1].ment].Type != model.Person && f.ms[f.toks[open-1].ment].Type != model.Other {
		return false
	}
	for k := open + 1; k < end; k++ {
		if f.isPunct(k, ',') && k > open+1 && k < end-1 {
			continue
		}
		if f.toks[k].kind != kWord || f.toks[k].flags&fCap == 0 {
			return false
		}
	}
	return true
}

func (f *finder) partyStateTag(t, end int) bool {
	if end-t < 4 || f.toks[t].kind != kWord || !f.isPunct(t+1, '.') || !f.isPunct(t+2, ',') {
		return false
	}
	switch f.word(t) {
	case "D", "R", "I":
	default:
		return false
	}
	for k := t + 3; k < end; k++ {
		if f.isPunct(k, '.') && k > t+3 {
			continue
		}
		if f.toks[k].kind != kWord || f.toks[k].flags&fCap == 0 {
			return false
		}
	}
	return true
}

// partyTag reports whether token t is a party initial joined to a state
// ("R-Ariz", "D-Texas", "I-Vt").
func (f *finder) partyTag(t int) bool {
	if t < 0 || t >= len(f.toks) || f.toks[t].kind != kWord {
		return false
	}
	w := f.word(t)
	if len(w) < 4 || w[1] != '-' || w[2] < 'A' || w[2] > 'Z' {
		return false
	}
	switch w[0] {
	case 'R', 'D', 'I':
		return true
	}
	return false
}

// indefiniteSubject reads tokens ending at t as an indefinite phrase naming
// a person the text does not name ("A man near the front", "one woman in
// the queue"), opening the unit (from lo) or following a comma, and
// returns that unnamed speaker.
func (f *finder) indefiniteSubject(t, lo int) (speaker, bool) {
	person := false
	for k := t; k >= lo && k > t-8; k-- {
		tk := &f.toks[k]
		if tk.kind != kWord || tk.ment >= 0 || tk.q >= 0 || f.isCue(k) || tk.flags&fLower == 0 && k > lo {
			return speaker{}, false
		}
		w := strings.ToLower(f.word(k))
		switch w {
		case "man", "woman", "voice", "person", "fan", "heckler", "protester", "protestor", "spectator", "onlooker",
			"supporter", "someone", "boy", "girl":
			person = true
		}
		if tk.lex.class&(lxRole|lxCommon) != 0 || tk.lex.gender != genderUnknown && tk.flags&fLower != 0 {
			return speaker{}, false // "a spokesman", "one official": a role's rules
		}
		switch w {
		case "a", "an", "one", "another":
			if person && (k == lo || f.isPunct(k-1, ',')) && k < t {
				return speaker{ment: -1, mention: f.spanText(k, t+1), lo: k, hi: t + 1, ok: true}, true
			}
			return speaker{}, false
		}
	}
	return speaker{}, false
}

// describedPerson reads "the" and at most two lower-case adjectives before
// a noun that newspapers use to describe someone already named ("The
// shaken pensioner added", "the proud dad said", "the mother-of-two told
// us") ending at token t, as the person just named or quoted, when the
// noun's gender fits them and no unnamed speaker came between.
func (f *finder) describedPerson(t, lo int) (speaker, bool) {
	if f.toks[t].flags&fLower == 0 || f.toks[t].kind != kWord {
		return speaker{}, false
	}
	w := f.word(t)
	if !f.personNoun(t) {
		return speaker{}, false
	}
	k := t - 1
	for k >= lo && k > t-3 && f.toks[k].kind == kWord && (f.toks[k].flags&fLower != 0 || strings.HasSuffix(f.word(k), "-year-old")) &&
		f.toks[k].lex.class == 0 && f.toks[k].ment < 0 {
		if f.toks[k].flags&fPoss != 0 {
			return speaker{}, false // "the little girl's mum": someone else's
		}
		k--
	}
	if k < lo || !f.isWord(k, "the") || k-1 >= lo && f.has(k-1, lxPrep) {
		return speaker{}, false
	}
	g := lookup(w).gender
	if base, _, ok := strings.Cut(w, "-of-"); ok {
		g = lookup(base).gender
	}
	if g == genderUnknown {
		g = tradeGender(w) // "the businesswoman", "the retired postman"
	}
	j := f.justNamed(k, t+1)
	// "A volunteer who had searched … said he was relieved. “…,” the
	// volunteer said": the one introduced unnamed by that noun after
	// anyone named
	if at := f.indefiniteRole(t, w); j.ment >= 0 && at > f.ms[j.ment].Start {
		return speaker{ment: -1, mention: f.spanText(k, t+1), lo: k, hi: t + 1, ok: true}, true
	}
	if j.ment >= 0 && f.genderFits(j.ment, g) && (f.unnamedAt < 0 || f.unnamedAt < f.ms[j.ment].Start) && f.roleFits(j.ment, w) {
		return j, true
	}
	// "Season-ticket holder Ann Roe, 58, was more philosophical. “…,”
	// said the retired postwoman": the one person the sentence before
	// names, when the one just quoted is of the other sex
	if j.ment >= 0 && !f.genderFits(j.ment, g) {
		if m := f.onePersonOfUnit(f.prevUnit()); m >= 0 && f.genderFits(m, g) && (f.unnamedAt < 0 || f.unnamedAt < f.ms[m].Start) {
			sp := f.fromMention(m, k, t+1)
			sp.mention = f.spanText(k, t+1)
			return sp, true
		}
	}
	// "laughs the baker" after the mayor spoke: the person whose own
	// sentence gives the trade ("Ann Roe will bake her last loaf").
	pos := int(f.toks[k].start)
	for d := f.res.Started(pos); d >= 0 && pos-f.ms[d].Start < 20000; d-- {
		if (f.ms[d].Type == model.Person || f.ms[d].Type == model.Other && strings.IndexByte(f.mentName(d), ' ') >= 0) &&
			f.validMent(d) && !f.inQuotation(f.ms[d].Start) && f.describedWith(d, w) {
			if !f.genderFits(d, g) {
				break
			}
			sp := f.fromMention(d, k, t+1)
			sp.mention = f.spanText(k, t+1)
			return sp, true
		}
	}
	return speaker{ment: -1, mention: f.spanText(k, t+1), lo: k, hi: t + 1, ok: true}, true
}

// namedWith returns the person named, within 3,000 bytes before pos, in
// a sentence that also names the body or team of mention n, whose role
// fits role noun w ("Ashdown had led …, and their manager, Ann Roe, felt
// …" for "the Ashdown boss"), or -1.
func (f *finder) namedWith(n int, w string, pos int) int {
	key := f.mentName(n)
	for d := f.res.Started(pos); d >= 0 && pos-f.ms[d].Start < 3000; d-- {
		if f.ms[d].Type != model.Person || !f.validMent(d) || f.inQuotation(f.ms[d].Start) || !f.roleFits(d, w) {
			continue
		}
		u := f.unitOf(f.ms[d].Start)
		if u < 0 {
			continue
		}
		lo := int(f.toks[f.units[u].lo].start)
		for o := d - 1; o >= 0 && f.ms[o].Start >= lo; o-- {
			if f.mentName(o) == key {
				return d
			}
		}
	}
	return -1
}

// headIntroduced returns the nearest person named within 3,000 bytes
// before pos right after a head's word ("informed boss Kenny X", "Greenline
// boss X", "manager X"), unless a name other than that of body n comes
// before the word ("Kelham manager Y" for "the Ashdown boss"), or -1: the
// one "the Rovers chief" stands for.
func (f *finder) headIntroduced(n, pos int) int {
	key := f.mentName(n)
	for d := f.res.Started(pos); d >= 0 && pos-f.ms[d].Start < 3000; d-- {
		if f.ms[d].Type != model.Person || !f.validMent(d) || f.inQuotation(f.ms[d].Start) || f.mentName(d) == key {
			continue
		}
		b := f.tokAt(f.ms[d].Start) - 1
		if b < 0 || f.toks[b].kind != kWord || f.toks[b].flags&fLower == 0 {
			continue
		}
		switch strings.ToLower(f.word(b)) {
		case "boss", "manager", "chief", "head", "director", "chairman", "chairwoman", "owner", "coach":
		default:
			continue
		}
		if b > 0 && f.toks[b-1].kind == kWord && f.toks[b-1].ment >= 0 && f.mentName(int(f.toks[b-1].ment)) != key {
			continue
		}
		return d
	}
	return -1
}

// ownSideBoss returns the person named, within 3,000 bytes before pos,
// in a sentence that calls club n theirs ("Ann Roe saw his Kelham Rovers
// side lose") when w, a head's role noun, stands for them ("the Rovers
// boss"), passing over one named with another role ("Rovers skipper X",
// "referee Y"), or -1.
func (f *finder) ownSideBoss(n int, w string, pos int) int {
	if w != "boss" && w != "manager" && w != "coach" {
		return -1
	}
	key := f.mentName(n)
	for d := f.res.Started(pos); d >= 0 && pos-f.ms[d].Start < 3000; d-- {
		if f.ms[d].Type != model.Person || !f.validMent(d) || f.inQuotation(f.ms[d].Start) || f.clubName(d) || !f.roleFits(d, w) {
			continue
		}
		if b := f.tokAt(f.ms[d].Start) - 1; b >= 0 && f.toks[b].kind == kWord && f.has(b, lxRole) {
			switch strings.ToLower(f.word(b)) {
			case "boss", "manager", "coach", "head":
			default:
				continue
			}
		}
		u := f.unitOf(f.ms[d].Start)
		if u < 0 {
			continue
		}
		hi := int(f.toks[f.units[u].hi-1].end)
		for o := d + 1; o < len(f.ms) && f.ms[o].Start < hi; o++ {
			if f.mentName(o) != key {
				continue
			}
			if b := f.tokAt(f.ms[o].Start) - 1; b >= 0 && (f.isWord(b, "his") || f.isWord(b, "her") || f.isWord(b, "their")) {
				return d
			}
		}
	}
	return -1
}

// personNoun reports whether lower-case word t is a noun for a person
// that newspapers use to refer back to someone named: a describer noun
// (see describerNoun) or a trade or a state ending as most do ("baker",
// "hairdresser", "docker", "survivor", "florist", "librarian",
// "resident").
func (f *finder) personNoun(t int) bool {
	tk := &f.toks[t]
	if tk.kind != kWord || tk.flags&fLower == 0 || tk.lex.class&(lxMedium|lxCue|lxAux|lxPrep|lxDet|lxPossDet|lxPronoun|lxTime|lxMonth) != 0 {
		return false
	}
	w := f.word(t)
	if describerNoun(w) {
		return true
	}
	if len(w) < 5 || !plainWord(w) || strings.IndexByte(w, '-') >= 0 {
		return false
	}
	switch w {
	case "member", "number", "leader", "letter", "matter", "paper", "border", "order", "other", "corner",
		"center", "centre", "winner", "murder", "offer", "answer", "error", "mirror", "weather", "water",
		"monitor", "sector", "factor", "doctor", "editor", "visitor", "actor", "mother", "father", "brother",
		"sister", "daughter", "neighbor", "neighbour", "partner", "counter", "chapter", "quarter", "manner",
		"banner", "dinner", "powder", "ledger", "register", "river", "silver", "timber", "summer", "winter",
		"shelter", "theater", "theatre", "poster", "finger", "anchor", "harbour", "harbor", "tenant", "parent",
		"student", "patient", "client", "agent", "moment", "comment", "statement", "current", "percent",
		"attendee", "participant", "bystander", "guest":
		// common nouns, or people whom "the" does not make the one just
		// named ("the doctor", "the neighbour", "the student")
		return false
	}
	for _, sfx := range [...]string{"er", "ist", "ian", "ee"} {
		if strings.HasSuffix(w, sfx) {
			return true
		}
	}
	// a trade in "-man" or "-woman" ("the retired postman", "the
	// fisherman", "the businesswoman")
	return tradeGender(w) != genderUnknown && tk.lex.class&lxRole == 0
}

// describerNoun reports whether lower-case w is a noun that describes a
// person named before it rather than introducing someone new: family
// words, ages of life and the labels of human-interest stories
// ("pensioner", "mum-of-three").
func describerNoun(w string) bool {
	if base, n, ok := strings.Cut(w, "-of-"); ok && n != "" {
		w = base // "mum-of-three", "father-of-two"
	}
	switch w {
	case "pensioner", "mum", "mom", "dad", "mother", "father", "gran", "granny", "grandmother", "grandfather",
		"grandad", "grandma", "grandpa", "widow", "widower", "teenager", "teen", "schoolboy", "schoolgirl",
		"youngster", "pupil", "student", "victim", "survivor", "star", "hero", "heroine", "fan", "retiree",
		"newlywed", "bride", "groom", "toddler", "nurse", "carer", "tot", "lad", "lass":
		return true
	}
	return false
}

// mediumSource reads the body that issued a written text, after the text's
// noun and the word "of", "from" or "by" at token k: "reads the note of
// the ministry", "said a statement from the Harbour Board". The speaker
// phrase starts at token t and must end the clause (before hi). A body
// named by its noun alone ("the ministry") is the latest organisation
// named with that noun within 50,000 bytes.
func (f *finder) mediumSource(t, k, hi int) (speaker, bool) {
	if !f.isWord(k, "of") && !f.isWord(k, "from") && !f.isWord(k, "by") {
		return speaker{}, false
	}
	n := k + 1
	if f.isWord(n, "the") {
		n++
	}
	if n >= hi || f.toks[n].kind != kWord {
		return speaker{}, false
	}
	if m := f.toks[n].ment; m >= 0 {
		e := f.mentEnd(n)
		if f.ms[m].Type != model.Organization || e > hi || !f.tailOK(e, hi) {
			return speaker{}, false
		}
		return f.fromMention(int(m), t, e), true
	}
	w := strings.ToLower(f.word(n))
	if f.toks[n].flags&fLower == 0 || !orgNoun(w) || !f.tailOK(n+1, hi) {
		return speaker{}, false
	}
	m := f.res.OrgNamed(int(f.toks[n].start), 50000, w)
	if m < 0 {
		// no body of that noun is named: the phrase stands for it ("the
		// ministry", read as the last "the … ministry")
		return speaker{ment: -1, mention: f.spanText(k+1, n+1), lo: t, hi: n + 1, ok: true}, true
	}
	return speaker{ment: m, name: f.mentName(m), mention: f.spanText(t, n+1), lo: t, hi: n + 1, ok: true}, true
}

// inAMedium reports whether unit un gives a written text of noun w as
// the means of what its subject did: "in a statement", "in a letter".
func (f *finder) inAMedium(un unit, w string) bool {
	for k := un.lo + 2; k < un.hi; k++ {
		if f.toks[k].q < 0 && f.isWord(k, w) && (f.isWord(k-1, "a") || f.isWord(k-1, "an")) && f.isWord(k-2, "in") {
			return true
		}
	}
	return false
}

// mediumSubject returns the speaker of a written text named as the subject
// by its noun alone at token t ("the communiqué states", "the statement
// said"): whoever the unit before, or the one before it, quoted as issuing
// a text of that noun ("The ministry said in a communiqué that …").
func (f *finder) mediumSubject(t, lo int) (speaker, bool) {
	if t-1 < lo || !f.isWord(t-1, "the") || !f.has(t, lxMedium) || f.toks[t].flags&fLower == 0 ||
		t-2 >= lo && f.toks[t-2].kind != kMark && !f.isPunct(t-2, ',') {
		return speaker{}, false
	}
	w := strings.ToLower(f.word(t))
	// "the prospectus says": the business that issued it, named as the
	// subject where the text first names the document
	// ("The document also warns": the last such document named)
	if dw := w; docWord(w) || w == "document" {
		for k := t - 1; w == "document" && k >= 0 && dw == w; k-- {
			if f.toks[k].kind == kWord && f.toks[k].q < 0 && docWord(strings.ToLower(f.word(k))) {
				dw = strings.ToLower(f.word(k))
			}
		}
		if m := f.docIssuer(dw, t); m >= 0 && docWord(dw) {
			return f.fromMention(m, t-1, t+1), true
		}
	}
	u := f.prevUnit()
	for v := u; v >= 0 && v >= u-maxMediumLookback; v-- {
		un := f.units[v]
		named := false
		for k := un.lo; k < un.hi; k++ {
			if f.toks[k].kind == kWord && f.toks[k].q < 0 && strings.ToLower(f.word(k)) == w {
				named = true
				if v < u-1 {
					// "Y Foods will add 140 jobs, the company said in a
					// statement. … The statement described …": further
					// back, only a body quoted as issuing a statement
					if w != "statement" && w != "release" {
						return speaker{}, false
					}
					if sp, ok := f.lastSpeakerOfUnit(v); ok && f.orgName(sp.name) {
						sp.mention, sp.lo, sp.hi = f.spanText(t-1, t+1), t-1, t+1
						return sp, true
					}
					return speaker{}, false
				}
				// "According to a readout from the Kaslani foreign
				// ministry, …": the body the text came from
				if sp, ok := f.mediumFrom(k+1, un.hi); ok {
					sp.mention, sp.lo, sp.hi = f.spanText(t-1, t+1), t-1, t+1
					return sp, true
				}
				break
			}
		}
		if !named {
			continue
		}
		// "The letter, signed by the foreign minister, X, …": its signer
		if m := f.signerIn(un); m >= 0 {
			return speaker{ment: m, name: f.mentName(m), mention: f.spanText(t-1, t+1), lo: t - 1, hi: t + 1, ok: true}, true
		}
		sp, ok := f.lastSpeakerOfUnit(v)
		// "Analysts at Kestrel Marlow wrote in a note …": the body the
		// writers work at, when the writers are not named
		if m, name := f.staffOfLead(v); (m >= 0 || name != "") && (!ok || sp.name == "") {
			if m >= 0 {
				name = f.mentName(m)
			}
			return speaker{ment: m, name: name, mention: f.spanText(t-1, t+1), lo: t - 1, hi: t + 1, ok: true}, true
		}
		if ok {
			sp.mention, sp.lo, sp.hi = f.spanText(t-1, t+1), t-1, t+1
			return sp, true
		}
		// "Mayor Ann Roe praised the vote in a statement.": the subject
		// of the sentence that gives the text, or of issuing it
		if m := f.leadSubject(v); m >= 0 && (f.ms[m].Type == model.Person || f.ms[m].Type == model.Organization) && f.inAMedium(un, w) {
			return speaker{ment: m, name: f.mentName(m), mention: f.spanText(t-1, t+1), lo: t - 1, hi: t + 1, ok: true}, true
		}
		if m := f.statementIssuer(v); m >= 0 {
			return speaker{ment: m, name: f.mentName(m), mention: f.spanText(t-1, t+1), lo: t - 1, hi: t + 1, ok: true}, true
		}
		// a body named by a phrase ("The Varnese trade ministry said in a
		// communiqué that …")
		us, ue := int(f.toks[un.lo].start), int(f.toks[un.hi-1].end)
		for i := len(f.out) - 1; i >= 0; i-- {
			if o := f.out[i]; o.Start >= us && o.End <= ue && o.SpeakerMention != "" {
				if name := f.orgPhrase(o.SpeakerMention, un.lo); name != "" {
					return speaker{ment: -1, name: name, mention: f.spanText(t-1, t+1), lo: t - 1, hi: t + 1, ok: true}, true
				}
				break
			}
		}
		// or the speaker of a quotation there ("“…,” the ministry said
		// in a statement")
		for i := len(f.quots) - 1; i >= 0; i-- {
			if q := f.quots[i]; q.unit == v && q.attributed && q.spMention != "" {
				if name := f.orgPhrase(q.spMention, un.lo); name != "" {
					return speaker{ment: -1, name: name, mention: f.spanText(t-1, t+1), lo: t - 1, hi: t + 1, ok: true}, true
				}
				break
			}
		}
		return speaker{}, false
	}
	// "The spokesman urged residents to “…”. “…,” the message said":
	// what the sentence before, in the same paragraph, quoted someone as
	// writing
	if u >= 0 && u < len(f.units) && !f.opensParagraph(f.cur.lo) && (w == "message" || w == "post" || w == "statement") {
		if sp, ok := f.lastSpeakerOfUnit(u); ok && sp.ment >= 0 && f.ms[sp.ment].Type == model.Person {
			sp.mention, sp.lo, sp.hi = f.spanText(t-1, t+1), t-1, t+1
			return sp, true
		}
	}
	return speaker{}, false
}

// maxMediumLookback bounds how many sentences back "the statement" may
// find the body that issued it.
const maxMediumLookback = 8

// orgName reports whether the text names an organisation name.
func (f *finder) orgName(name string) bool {
	if name == "" {
		return false
	}
	for m := range f.ms {
		if f.ms[m].Type == model.Organization && f.validMent(m) && f.mentName(m) == name {
			return true
		}
	}
	return false
}

// jointText reads a summit's text named as the subject at token t ("the
// joint statement said", "The final communique called for"), which no
// single speaker issued, as the body whose leaders or ministers the report
// has met ("Leaders of the seven-nation X Council agreed …"): the latest
// such body named before, within 5,000 bytes.
func (f *finder) jointText(t, lo int) (speaker, bool) {
	if t < lo || f.toks[t].kind != kWord || f.toks[t].flags&fLower == 0 {
		return speaker{}, false
	}
	switch strings.ToLower(f.word(t)) {
	case "statement", "communique", "communiqué", "declaration":
	default:
		return speaker{}, false
	}
	d := t - 1
	joint := false
	if f.isWord(d, "joint") || f.isWord(d, "final") || f.isWord(d, "closing") {
		joint = true
		d--
	}
	if d < lo || !f.isWord(d, "the") || !joint && strings.ToLower(f.word(t)) == "statement" {
		return speaker{}, false
	}
	pos := int(f.toks[t].start)
	for k := d - 1; k >= 3; k-- {
		if pos-int(f.toks[k].start) > 5000 {
			break
		}
		tk := f.toks[k]
		if tk.kind != kWord || tk.ment < 0 || tk.q >= 0 || f.mentStart(k) != k || f.ms[tk.ment].Type != model.Organization {
			continue
		}
		// "Leaders of the seven-nation X", "foreign ministers of X"
		j := k - 1
		for j > k-4 && j >= 1 && f.toks[j].kind == kWord && f.toks[j].flags&fLower != 0 && !f.isWord(j, "of") {
			j--
		}
		if !f.isWord(j, "of") {
			continue
		}
		switch strings.ToLower(f.word(j - 1)) {
		case "leaders", "ministers", "heads", "members", "delegates", "envoys", "governors":
			m := int(tk.ment)
			return speaker{ment: m, name: f.mentName(m), mention: f.spanText(d, t+1), lo: d, hi: t + 1, ok: true}, true
		}
	}
	return speaker{}, false
}

// signerIn returns the person named after "signed by" or "written by" in
// unit un, past a role set off before the name ("signed by the foreign
// minister, X,"), or -1.
func (f *finder) signerIn(un unit) int {
	for k := un.lo; k+1 < un.hi; k++ {
		if !(f.isWord(k, "signed") || f.isWord(k, "written")) || !f.isWord(k+1, "by") || f.toks[k].q >= 0 {
			continue
		}
		for j := k + 2; j < un.hi && j <= k+9; j++ {
			tk := f.toks[j]
			if tk.q >= 0 || f.isEndPunct(j) {
				return -1
			}
			if tk.kind == kWord && tk.ment >= 0 {
				if m := int(tk.ment); f.ms[m].Type == model.Person {
					return m
				}
				if f.ms[tk.ment].Type == model.Organization {
					return -1
				}
				j = f.mentEnd(j) - 1
				continue
			}
			if tk.kind == kWord && tk.flags&fLower == 0 && !f.has(j, lxRole) {
				return -1
			}
		}
		return -1
	}
	return -1
}

// mediumFrom returns the body named right after "from" at token k,
// before token hi, as the issuer of a text ("a readout from the Kaslani
// foreign ministry", "a statement from Tessaline Power").
func (f *finder) mediumFrom(k, hi int) (speaker, bool) {
	if !f.isWord(k, "from") || k+1 >= hi {
		return speaker{}, false
	}
	n := k + 1
	if m := f.toks[n].ment; m >= 0 && f.toks[n].kind == kWord && f.ms[m].Type == model.Organization && f.toks[f.mentEnd(n)-1].flags&fPoss == 0 {
		return speaker{ment: int(m), name: f.mentName(int(m)), ok: true}, true
	}
	if !f.isWord(n, "the") {
		return speaker{}, false
	}
	e := n + 1
	for e < hi && e < n+5 && f.toks[e].kind == kWord && f.toks[e].q < 0 && !bodyNoun(strings.ToLower(f.word(e))) {
		e++
	}
	if e >= hi || !f.isWord(e, strings.ToLower(f.word(e))) || !bodyNoun(strings.ToLower(f.word(e))) {
		return speaker{}, false
	}
	if name := f.orgPhrase(f.spanText(n, e+1), n); name != "" {
		return speaker{ment: -1, name: name, ok: true}, true
	}
	return speaker{}, false
}

// bodyMedium reads "the agency's (own) letter", "the ministry's
// statement", the subject phrase ending at token t, as the organisation
// named before that the noun stands for ("the Environment Agency").
func (f *finder) bodyMedium(t, lo int) (speaker, bool) {
	if !f.has(t, lxMedium) || f.toks[t].flags&fLower == 0 {
		return speaker{}, false
	}
	p := t - 1
	if f.isWord(p, "own") {
		p--
	}
	if p-1 < lo || f.toks[p].kind != kWord || f.toks[p].flags&(fPoss|fLower) != fPoss|fLower || f.toks[p].ment >= 0 || !f.isWord(p-1, "the") {
		return speaker{}, false
	}
	n := strings.ToLower(f.word(p))
	n = unPossessive(n)
	if !orgNoun(n) {
		return speaker{}, false
	}
	if m := f.res.OrgNamed(int(f.toks[p].start), 50000, n); m >= 0 {
		return speaker{ment: m, name: f.mentName(m), mention: f.spanText(p-1, t+1), lo: p - 1, hi: t + 1, ok: true}, true
	}
	return speaker{}, false
}

// nationalityStem returns capitalised word w without the ending of a
// nationality adjective ("Belmar" of "Belmaran", "Ostrav" of "Ostravian",
// "Kelmar" of "Kelmari", "Varn" of "Varnese"), or "" when w has none.
func nationalityStem(w string) string {
	if len(w) < 5 || w[0] < 'A' || w[0] > 'Z' {
		return ""
	}
	for _, suf := range [...]string{"ian", "an", "ese", "ish", "i"} {
		if st, ok := strings.CutSuffix(w, suf); ok && len(st) >= 3 {
			return st
		}
	}
	return ""
}

// nameGivenAs parses a subject that ends, at token t, with the name an
// unnamed person gave ("A clerk at the store, who gave her name only as
// Yesenia, said", "one fan, who was identified only as Trev,"): that name
// is the speaker.
func (f *finder) nameGivenAs(t, lo int) (speaker, bool) {
	if !f.isPunct(t, ',') || t-1 < lo || f.toks[t-1].kind != kWord || f.toks[t-1].ment < 0 {
		return speaker{}, false
	}
	s := f.mentStart(t - 1)
	var k int
	if gave, _, ok := f.gaveNameAs(s); ok && f.isWord(gave-1, "who") {
		k = gave - 1 // "who gave her (first) name (only) as"
	} else {
		k = s - 1
		if !f.isWord(k, "as") {
			return speaker{}, false
		}
		k--
		if f.isWord(k, "only") {
			k--
		}
		// "who was identified only as X", ", identified only as X,"
		if !f.isWord(k, "identified") || !(f.isWord(k-1, "was") || f.isWord(k-1, "is")) || !f.isWord(k-2, "who") {
			if !f.identifiedAs(s) {
				return speaker{}, false
			}
			k = s - 1
		}
		k -= 2 // "who was identified only as"
	}
	if k < lo || !f.isPunct(k-1, ',') && !f.indefiniteNoun(k-1, lo) {
		return speaker{}, false
	}
	return f.fromMention(int(f.toks[t-1].ment), s, t), true
}

// indefiniteNoun reports whether token n ends an indefinite noun phrase
// of a lower-case noun and at most one word before it after "a" or "an",
// not before token lo ("a student who gave her name only as Farah").
func (f *finder) indefiniteNoun(n, lo int) bool {
	if n < lo || f.toks[n].kind != kWord || f.toks[n].flags&fLower == 0 || f.toks[n].lex.class&(lxCue|lxPrep|lxDet|lxPronoun) != 0 {
		return false
	}
	for k := n - 1; k >= lo && k >= n-2; k-- {
		if f.isWord(k, "a") || f.isWord(k, "an") {
			return true
		}
		if f.toks[k].kind != kWord || f.toks[k].flags&fLower == 0 {
			return false
		}
	}
	return false
}

// personFrom returns the last person (or name the recogniser left untyped)
// named within about 1,500 bytes before pos as from the country that
// nationality noun w stands for ("Callum Roe of Australia" for "the
// Australian"), with no one else named since; or -1.
func (f *finder) personFrom(pos int, w string) int {
	stem := nationalityStem(w)
	if stem == "" {
		return -1
	}
	for m := f.res.Started(pos - 1); m >= 0 && pos-f.ms[m].Start < 1500; m-- {
		if f.ms[m].End > pos || f.inQuotation(f.ms[m].Start) || !f.validMent(m) {
			continue
		}
		if f.ms[m].Type != model.Person && f.ms[m].Type != model.Other {
			continue
		}
		e := f.mentEndTok(m)
		if e < 0 || !f.isWord(e, "of") || e+1 >= len(f.toks) || f.toks[e+1].ment < 0 {
			return -1
		}
		if c := int(f.toks[e+1].ment); f.ms[c].Type == model.Place && strings.HasPrefix(f.ms[c].Key, stem) {
			return m
		}
		return -1
	}
	return -1
}

// bareRole reports whether the appositive that starts at token n and
// ends before the comma t opens with a role and its lower-case modifiers
// but no article: "X, chemicals analyst for Y, called", "X, senior vice
// president, said", "X, cabinet member for housing, said".
func (f *finder) bareRole(n, t int) bool {
	for k := n; k < t && k < n+3; k++ {
		if f.toks[k].kind != kWord || f.toks[k].flags&fLower == 0 || f.toks[k].ment >= 0 {
			return false
		}
		if f.has(k, lxRole) || f.isWord(k, "member") { // "cabinet member for housing"
			return k > n
		}
	}
	return false
}

// pastNamePoint returns the last word of an organisation's name when token
// t is the point of a company form ending it ("Hallworth Industries Inc.",
// "Corbin Co."), and t otherwise.
func (f *finder) pastNamePoint(t int) int {
	if t < 1 || !f.isPunct(t, '.') {
		return t
	}
	w := &f.toks[t-1]
	if w.kind != kWord || w.ment < 0 || w.end != f.toks[t].start || f.mentEnd(t-1) != t || f.ms[w.ment].Type != model.Organization {
		return t
	}
	return t - 1
}

// ownerApart returns the last word of the name whose possessive ends at
// token t when the possessive is written apart from it: "Inc.'s" (an
// apostrophe and s after a company form's point), "Industries'" (a bare
// apostrophe after a plural), "Inc. 's" (tokenized text, whose clitic
// marks the word before the point); -1 otherwise.
func (f *finder) ownerApart(t int) int {
	if t < 1 {
		return -1
	}
	attached := func(a, b int) bool { return a >= 0 && f.toks[a].end == f.toks[b].start }
	p := -1
	switch {
	case f.toks[t].kind == kWord && f.word(t) == "s" && t >= 2 && attached(t-1, t) && f.toks[t-1].r == '\'' && attached(t-2, t-1):
		p = t - 2 // "Inc.'s"
	case f.toks[t].kind != kWord && f.toks[t].r == '\'' && attached(t-1, t) && f.toks[t-1].kind == kWord &&
		strings.HasSuffix(f.word(t-1), "s"):
		return t - 1 // "Industries'"
	case f.isPunct(t, '.') && f.toks[t-1].kind == kWord && f.toks[t-1].flags&fPoss != 0 && attached(t-1, t):
		return t - 1 // "Inc. 's" read as Inc's
	}
	if p >= 1 && f.isPunct(p, '.') && attached(p-1, p) && f.toks[p-1].kind == kWord {
		return p - 1
	}
	if p >= 0 && f.toks[p].kind == kWord {
		return p
	}
	return -1
}

// timePhraseStart returns the preposition opening a time phrase that ends
// at token t ("on Thursday", "late on Sunday", "on 11 June"), or -1.
func (f *finder) timePhraseStart(t, lo int) int {
	k := t
	for k >= lo && k > t-4 && (f.has(k, lxTime) || f.has(k, lxMonth) || f.toks[k].kind == kWord && f.toks[k].flags&fDigit != 0) {
		k--
	}
	if k < lo || !f.isWord(k, "on") {
		return -1
	}
	if f.has(k-1, lxTime) {
		k-- // "late on Sunday"
	}
	return k
}

// setOffAdverb reports whether w is a sentence adverb a writer sets off
// by commas between a subject and its verb ("Analysts, however, said").
func setOffAdverb(w string) bool {
	switch strings.ToLower(w) {
	case "however", "meanwhile", "too", "though", "also", "moreover", "nonetheless", "nevertheless", "instead", "likewise", "privately", "publicly":
		return true
	}
	return false
}

// pressNoun reports whether lower-case w is a noun that stands for a
// newspaper named before ("the daily", "the paper").
func pressNoun(w string) bool {
	switch w {
	case "newspaper", "paper", "daily", "weekly", "tabloid":
		return true
	}
	return false
}

// outletMasthead reports whether name ends with a word newspapers take
// for their title ("Haolin Daily", "Morning Courier").
func outletMasthead(name string) bool {
	ws := strings.Fields(name)
	if len(ws) < 2 {
		return false
	}
	switch strings.ToLower(ws[len(ws)-1]) {
	case "daily", "times", "post", "herald", "gazette", "tribune", "journal", "courier", "kurier", "chronicle",
		"observer", "telegraph", "examiner", "ledger", "standard", "weekly", "mail", "news":
		return true
	}
	return false
}

// outletBefore returns the newspaper that "the daily" or "the paper" at
// token t stands for, or -1: the nearest name before it (within 3,000
// bytes) introduced by a press noun ("the pro-government daily Ranny
// Kurier"), followed by one in apposition ("Glos Ludu, a left-leaning
// daily,") or written with a masthead word ("the state-run Haolin Daily");
// for a noun other than "paper", also a name that opens a sentence of the
// same paragraph before ("The left-leaning Glos Ludu took the opposite
// view. …, the newspaper wrote").
func (f *finder) outletBefore(t int) int {
	pos := int(f.toks[t].start)
	para := sort.Search(len(f.paras), func(i int) bool { return f.paras[i].hi > t })
	loose := !f.isWord(t, "paper")
	for i := sort.Search(len(f.ms), func(i int) bool { return f.ms[i].Start >= pos }) - 1; i >= 0 && pos-f.ms[i].Start <= 3000; i-- {
		if !f.validMent(i) || f.inQuotation(f.ms[i].Start) || f.ms[i].Type == model.Place || f.dateline(i) {
			continue
		}
		s := f.tokAt(f.ms[i].Start)
		if s >= len(f.toks) || f.toks[s].ment != int32(i) {
			continue
		}
		if outletMasthead(f.mentText(i)) {
			return i
		}
		k := s - 1
		for k >= 0 && s-k <= 3 && f.toks[k].kind == kWord && f.toks[k].flags&fLower != 0 && !pressNoun(strings.ToLower(f.word(k))) &&
			f.toks[k].lex.class&(lxDet|lxPrep|lxCue|lxRel|lxPronoun) == 0 {
			k-- // "pro-government", "business", "left-leaning"
		}
		if k >= 0 && f.toks[k].kind == kWord && pressNoun(strings.ToLower(f.word(k))) {
			return i
		}
		if e := f.mentEnd(s); f.isPunct(e, ',') && (f.isWord(e+1, "a") || f.isWord(e+1, "the")) {
			for x := e + 2; x < len(f.toks) && x < e+6 && f.toks[x].kind == kWord; x++ {
				if pressNoun(strings.ToLower(f.word(x))) {
					return i
				}
			}
		}
		if loose && f.ms[i].Type != model.Person && para < len(f.paras) && s >= f.paras[para].lo {
			if u := f.unitOf(f.ms[i].Start); u >= 0 && (f.units[u].lo == s || f.units[u].lo == k && f.isWord(k, "the")) {
				return i
			}
		}
	}
	return -1
}

// setOffParticiple reports whether w opens a participle clause set off
// after a speaker's name ("X, asked about the editorials, said", "X,
// reached by telephone, said").
func setOffParticiple(w string) bool {
	switch w {
	case "asked", "pressed", "questioned", "reached", "contacted", "interviewed", "approached",
		"seen", "regarded", "considered", "quoted", "cited":
		return true
	}
	return false
}

// spellingNote reports whether the appositive from token n to the comma
// t gives another spelling of the name before it: a participle of
// spelling or rendering, after at most one adverb, then a capitalised
// word (", also spelt Zhelanow in some media,", ", sometimes written
// Arvanitaki,").
func (f *finder) spellingNote(n, t int) bool {
	switch strings.ToLower(f.word(n)) {
	case "also", "sometimes", "often", "usually", "commonly", "elsewhere":
		n++
	}
	if n+1 >= t || f.toks[n].kind != kWord {
		return false
	}
	switch strings.ToLower(f.word(n)) {
	case "spelt", "spelled", "written", "transliterated", "rendered", "romanised", "romanized":
	default:
		return false
	}
	n++
	if f.isWord(n, "as") {
		n++
	}
	return n < t && f.toks[n].kind == kWord && f.toks[n].flags&fCap != 0
}

// kindOfBody reports whether lower-case w names a kind of body that its
// name may follow ("the group Watchlight International", "the charity
// Safe Harbour").
func kindOfBody(w string) bool {
	switch w {
	case "group", "organisation", "organization", "charity", "movement", "coalition", "campaign", "network", "alliance", "association", "party", "union", "firm", "company":
		return true
	}
	return false
}

// whoAntecedent returns the person that ", who" at token t stands for and
// the token after their name: the name right before the comma ("X, who
// told"), or before an appositive set off before it ("X, the Friday
// prayer leader of Daryabad, who urged"); -1 when neither is a person's
// name at or after token lo.
// unnamedAntecedent returns the unnamed person a relative "who" at token
// t stands for, an indefinite phrase right before its comma ("one of the
// attendees, who", "a neighbour, who"), or false.
func (f *finder) unnamedAntecedent(t, lo int) (speaker, bool) {
	e := t - 1
	if !f.isPunct(e, ',') || e-1 < lo || f.toks[e-1].kind != kWord || f.toks[e-1].ment >= 0 || f.toks[e-1].flags&fLower == 0 {
		return speaker{}, false
	}
	for j := e - 1; j >= lo && j >= e-5; j-- {
		if f.toks[j].kind != kWord || f.toks[j].ment >= 0 || f.toks[j].q >= 0 || f.toks[j].flags&fLower == 0 && j > lo {
			return speaker{}, false
		}
		switch strings.ToLower(f.word(j)) {
		case "a", "an", "one", "another":
			// not a name's apposition ("his wife, Jolene, a former
			// teacher, who")
			if j == e-1 || f.isPunct(j-1, ',') || j-1 >= 0 && f.toks[j-1].ment >= 0 {
				return speaker{}, false
			}
			return speaker{ment: -1, mention: f.spanText(j, e), lo: j, hi: e, ok: true}, true
		}
	}
	return speaker{}, false
}

// whoseSubject reads a subject ending at token t that is a noun of an
// office or a text after "whose" ("whose department", "whose report in
// August"), after a comma and a person or organisation, as that person or
// organisation.
func (f *finder) whoseSubject(t, lo int) (speaker, bool) {
	for j := t; j-3 >= lo && j > t-5; j-- {
		if f.toks[j].kind != kWord || f.toks[j].q >= 0 {
			return speaker{}, false
		}
		if !f.isWord(j-1, "whose") {
			continue
		}
		w := strings.ToLower(f.word(j))
		if f.toks[j].flags&fLower == 0 || f.toks[j].ment >= 0 || !(f.has(j, lxMedium) || orgNoun(w) || isSpokes(w) || w == "office") ||
			j < t && !f.has(j+1, lxPrep|lxTime) || !f.isPunct(j-2, ',') {
			return speaker{}, false
		}
		k := j - 3
		if f.toks[k].kind != kWord || f.toks[k].ment < 0 || !f.validMent(int(f.toks[k].ment)) {
			return speaker{}, false
		}
		m := int(f.toks[k].ment)
		if typ := f.ms[m].Type; typ != model.Person && typ != model.Organization {
			return speaker{}, false
		}
		sp := f.fromMention(m, f.mentStart(k), k+1)
		sp.lo, sp.hi = f.mentStart(k), t+1
		return sp, true
	}
	return speaker{}, false
}

func (f *finder) whoAntecedent(t, lo int) (int, int) {
	if !f.isPunct(t-1, ',') || t-2 < lo {
		return -1, 0
	}
	if f.toks[t-2].kind == kWord && f.toks[t-2].ment >= 0 {
		if m := int(f.toks[t-2].ment); f.fullPerson(m) {
			return m, t - 1
		}
	}
	for j := t - 2; j >= lo && j > t-16; j-- {
		if f.toks[j].q >= 0 || f.isEndPunct(j) && !f.innerPoint(j) || f.has(j, lxRel) || f.isCue(j) {
			break
		}
		if !f.isPunct(j, ',') {
			continue
		}
		if j-1 >= lo && f.toks[j-1].kind == kWord && f.toks[j-1].ment >= 0 && f.has(j+1, lxDet|lxPossDet) {
			if m := int(f.toks[j-1].ment); f.fullPerson(m) {
				return m, j
			}
		}
		break
	}
	return -1, 0
}

// placeWord reports whether token k is a one-word name of a place
// ("London" in "one London dealer").
func (f *finder) placeWord(k int) bool {
	m := int(f.toks[k].ment)
	return m >= 0 && f.toks[k].kind == kWord && f.ms[m].Type == model.Place && f.mentStart(k) == k && f.mentEnd(k) == k+1
}

// relAntecedent returns the person mention (and its token span) that a
// relative clause opening after the comma at token c is about: the name
// right before the comma, or before an appositive set off by commas
// ("his wife, Jolene, a former teacher, who …"), not before token lo;
// else -1.
func (f *finder) relAntecedent(c, lo int) (int, int, int) {
	person := func(k int) int {
		if k < lo || f.toks[k].kind != kWord || f.toks[k].ment < 0 || f.toks[k].q >= 0 || f.mentEnd(k) != k+1 {
			return -1
		}
		m := int(f.toks[k].ment)
		if !f.validMent(m) || f.ms[m].Type != model.Person || f.toks[k].flags&fPoss != 0 {
			return -1
		}
		return m
	}
	if m := person(c - 1); m >= 0 {
		return m, f.mentStart(c - 1), c
	}
	// past one appositive of lower-case words, "a former teacher"
	for k := c - 1; k > lo && k >= c-8; k-- {
		if f.toks[k].kind != kWord || f.toks[k].q >= 0 {
			if f.isPunct(k, ',') {
				if m := person(k - 1); m >= 0 && k < c-1 && f.has(k+1, lxDet|lxPossDet) {
					return m, f.mentStart(k - 1), k
				}
			}
			return -1, 0, 0
		}
		if f.toks[k].ment >= 0 {
			return -1, 0, 0
		}
	}
	return -1, 0, 0
}

// groupOf reads an unnamed group or one of them as the subject ending at
// token t: a plural noun of people with where they work or whom they act
// for ("Lawyers for the investors called", "Analysts at the big
// brokerage houses said"), or "one" or "another" before a relative
// clause set off by commas ("One, who asked not to be identified,
// called it").
func (f *finder) groupOf(t, lo int) (speaker, bool) {
	if f.isPunct(t, ',') {
		for k := t - 1; k > lo && k > t-16; k-- {
			if f.toks[k].kind != kWord && !f.isPunct(k, ',') || f.toks[k].q >= 0 {
				break
			}
			if f.isPunct(k, ',') {
				if (f.isWord(k+1, "who") || f.isWord(k+1, "speaking")) && k-1 == lo && (f.isWord(k-1, "one") || f.isWord(k-1, "another")) {
					return speaker{ment: -1, mention: f.word(k - 1), lo: k - 1, hi: k, ok: true}, true
				}
				break
			}
		}
		return speaker{}, false
	}
	for p := t - 1; p > lo && p >= t-6; p-- {
		tk := &f.toks[p]
		if tk.kind != kWord || tk.q >= 0 || tk.lex.class&(lxCue|lxPronoun|lxRel|lxThat|lxAux) != 0 {
			return speaker{}, false
		}
		if !(f.isWord(p, "for") || f.isWord(p, "at") || f.isWord(p, "with") || f.isWord(p, "from")) {
			continue
		}
		h := p - 1
		w := strings.ToLower(f.word(h))
		if f.toks[h].kind != kWord || f.toks[h].ment >= 0 || len(w) < 4 || !strings.HasSuffix(w, "s") ||
			lookup(w).class&(lxRole|lxCommon) == 0 && lookup(strings.TrimSuffix(w, "s")).class&lxRole == 0 {
			return speaker{}, false
		}
		// the head opens the clause, or follows a determiner opening it
		// ("Some lawyers for …")
		if !(h == lo || h-1 == lo && f.has(lo, lxDet)) {
			return speaker{}, false
		}
		// "“…,” analysts at Penbury wrote": the firm they work at, one
		// name up to the verb, whatever the recogniser typed it
		if n := p + 1; firmStaff(w) && (f.isWord(p, "at") || f.isWord(p, "from")) && n <= t && f.toks[n].ment >= 0 && f.mentStart(n) == n &&
			f.mentEnd(n) == t+1 && f.toks[t].flags&fPoss == 0 {
			return f.fromMention(int(f.toks[n].ment), lo, t+1), true
		}
		// the body named after it speaks through them: "lawyers for
		// Corbin Co." are left to the body's own reading
		// and so are "officials with the weather service"
		for k := p + 1; k <= t; k++ {
			if f.toks[k].ment >= 0 && f.ms[f.toks[k].ment].Type != model.Place {
				return speaker{}, false
			}
			if n := strings.ToLower(f.word(k)); f.toks[k].kind == kWord && (orgNoun(n) || bodyNoun(n)) {
				return speaker{}, false
			}
		}
		return speaker{ment: -1, mention: f.spanText(lo, t+1), lo: lo, hi: t + 1, ok: true}, true
	}
	return speaker{}, false
}

// nameBeforeRole reads the subject before an appositive that opens with
// "the" and ends at the comma k ("Zoran Petrik, the director of the
// public broadcaster,"): the person named right before it, opening the
// unit (from lo) or after a role, a determiner or a capitalised word.
func (f *finder) nameBeforeRole(k, lo int) (speaker, bool) {
	for j := k - 1; j > lo && j >= k-12; j-- {
		if f.toks[j].kind != kWord || f.toks[j].q >= 0 {
			if !f.isPunct(j, ',') {
				return speaker{}, false
			}
			if !f.isWord(j+1, "the") || j+1 >= k-1 {
				return speaker{}, false
			}
			e := j - 1
			if e < lo || f.toks[e].kind != kWord || f.toks[e].ment < 0 || f.mentEnd(e) != j {
				return speaker{}, false
			}
			m := int(f.toks[e].ment)
			if f.ms[m].Type != model.Person && f.ms[m].Type != model.Other {
				return speaker{}, false
			}
			// not "Speaking to The Arbiter, the …": the object of a
			// preposition
			if s := f.mentStart(e); s == lo || f.isWord(s-1, "the") && s-1 == lo ||
				f.has(s-1, lxRole) || f.toks[s-1].flags&fCap != 0 && !f.has(s-1, lxDet) {
				return f.fromMention(m, s, j), true
			}
			return speaker{}, false
		}
	}
	return speaker{}, false
}

// staffOfLead returns the body named in the plural noun of people that
// opens unit u as its subject, with where they work ("Analysts at Kestrel
// Marlow wrote", "Economists from Perrin Vale Bank said"): its mention,
// or -1 and the name itself when the recogniser left it unmarked; or -1
// and "".
func (f *finder) staffOfLead(u int) (int, string) {
	un := f.units[u]
	h := un.lo
	w := strings.ToLower(f.word(h))
	if h+2 >= un.hi || f.toks[h].kind != kWord || f.toks[h].ment >= 0 || f.toks[h].q >= 0 || len(w) < 4 || !strings.HasSuffix(w, "s") ||
		lookup(w).class&(lxRole|lxCommon) == 0 && lookup(strings.TrimSuffix(w, "s")).class&lxRole == 0 {
		return -1, ""
	}
	if !f.isWord(h+1, "at") && !f.isWord(h+1, "from") {
		return -1, ""
	}
	n := h + 2
	if f.toks[n].kind != kWord || f.toks[n].q >= 0 {
		return -1, ""
	}
	if f.toks[n].ment < 0 {
		// a run of capitalised words the recogniser did not mark, then
		// the verb
		e := n
		for e < un.hi && e < n+5 && f.toks[e].kind == kWord && f.toks[e].ment < 0 && f.toks[e].flags&fCap != 0 && f.toks[e].lex.class == 0 {
			e++
		}
		if e == n || e >= un.hi || f.toks[e].kind != kWord || f.toks[e].flags&fLower == 0 || f.has(e, lxPrep|lxRel) {
			return -1, ""
		}
		return -1, f.spanText(n, e)
	}
	if f.mentStart(n) != n {
		return -1, ""
	}
	m := int(f.toks[n].ment)
	e := f.mentEnd(n)
	// a name the recogniser took for a person's or a place's is a firm's
	// after the staff of firms ("Analysts at Brennick Harrow")
	firmStaff := w == "analysts" || w == "economists" || w == "strategists"
	if f.ms[m].Type == model.Place && !firmStaff || f.ms[m].Type == model.Person && !firmStaff || e >= un.hi || f.toks[e-1].flags&fPoss != 0 ||
		f.toks[e].kind != kWord || f.toks[e].flags&fLower == 0 || f.has(e, lxPrep|lxRel) {
		return -1, ""
	}
	return m, ""
}

// styledCleric returns the mention, and its first token, of a name ending
// right before token t and styled from token n as a cleric's ("the Very
// Rev. Ann Roe", "the Most Rev. Ann Roe", "the Rev. Ann Roe"); or -1.
func (f *finder) styledCleric(n, t int) (int, int) {
	if !f.isWord(n, "the") {
		return -1, 0
	}
	k := n + 1
	if f.isWord(k, "very") || f.isWord(k, "right") || f.isWord(k, "most") {
		k++
	}
	switch {
	case f.isWord(k, "rev") && f.isPunct(k+1, '.'):
		k += 2
	case f.isWord(k, "reverend"):
		k++
	default:
		return -1, 0
	}
	if k >= t || f.toks[k].kind != kWord || f.toks[k].ment < 0 || f.mentStart(k) != k || f.mentEnd(k) != t {
		return -1, 0
	}
	m := int(f.toks[k].ment)
	if f.ms[m].Type != model.Person && f.ms[m].Type != model.Other {
		return -1, 0
	}
	return m, k
}

// docWord reports whether lower-case w names a document a business files
// or issues when it sells securities ("prospectus", "memorandum").
func docWord(w string) bool {
	switch w {
	case "prospectus", "memorandum":
		return true
	}
	return false
}

// docIssuer returns the business that issued the document named w before
// token t: the body named as the subject of the first sentence that names
// a document by that word ("Brannock Stores Inc. filed to sell shares,
// according to a preliminary prospectus"), when it is the only body
// named before the word in that sentence outside a prepositional phrase;
// or -1.
func (f *finder) docIssuer(w string, t int) int {
	for _, un := range f.units {
		if un.lo >= t {
			break
		}
		at := -1
		for k := un.lo; k < un.hi && k < t; k++ {
			if f.toks[k].kind == kWord && f.toks[k].q < 0 && f.toks[k].flags&fLower != 0 && strings.ToLower(f.word(k)) == w {
				at = k
				break
			}
		}
		if at < 0 {
			continue
		}
		m := -1
		for k := un.lo; k < at; k++ {
			o := f.toks[k].ment
			if o < 0 || f.toks[k].q >= 0 || k > un.lo && f.toks[k-1].ment == o {
				continue
			}
			if f.ms[o].Type != model.Organization || f.has(k-1, lxPrep) {
				continue
			}
			if m >= 0 && f.mentName(m) != f.mentName(int(o)) {
				return -1
			}
			m = int(o)
		}
		return m
	}
	return -1
}

// itsMedium reads "Its report", "Its statement", a subject opening its
// sentence with "its" and a noun of a written text at token t, as the
// body that the sentence before opens with ("The Office for School
// Standards visited the school in October. Its report said …").
func (f *finder) itsMedium(t, lo int) (speaker, bool) {
	if t-1 != lo || !f.isWord(t-1, "its") || !f.has(t, lxMedium) || f.toks[t].flags&fLower == 0 {
		return speaker{}, false
	}
	u := sort.Search(len(f.units), func(i int) bool { return f.units[i].hi > t }) - 1
	if u < 0 || u >= len(f.units) {
		return speaker{}, false
	}
	if m := f.orgLead(u, f.units[u].hi); m >= 0 {
		return speaker{ment: m, name: f.mentName(m), mention: f.spanText(t-1, t+1), lo: t - 1, hi: t + 1, ok: true}, true
	}
	return speaker{}, false
}

// onePersonOfUnit returns the first mention of the one person that unit
// u names outside quotations, or -1 (none, or two people).
func (f *finder) onePersonOfUnit(u int) int {
	if u < 0 || u >= len(f.units) {
		return -1
	}
	first := -1
	for k := f.units[u].lo; k < f.units[u].hi; k++ {
		m := int(f.toks[k].ment)
		if f.toks[k].kind != kWord || m < 0 || f.toks[k].q >= 0 || !f.validMent(m) || f.ms[m].Type != model.Person {
			continue
		}
		if first >= 0 && f.mentName(m) != f.mentName(first) {
			return -1
		}
		if first < 0 {
			first = m
		}
	}
	return first
}

// sourceCloseTo parses a subject ending at token t as "a source close to
// …" ("A source close to the player", "people close to the talks",
// "a friend close to the family"): an unnamed speaker.
func (f *finder) sourceCloseTo(t, lo int) (speaker, bool) {
	for k := t - 1; k-1 >= lo && k > t-8; k-- {
		if f.toks[k].kind != kWord || f.toks[k].q >= 0 || f.isCue(k) {
			return speaker{}, false
		}
		// "a pal of the defender said", "a friend of the couple said":
		// an unnamed friend, whoever they are a friend of
		if f.isWord(k, "of") && k-2 >= lo && (f.isWord(k-2, "a") || f.isWord(k-2, "one") || f.isWord(k-2, "another")) &&
			(k-2 == lo || f.isPunct(k-3, ',') || k-3 == lo && (f.isWord(k-3, "but") || f.isWord(k-3, "and"))) {
			switch strings.ToLower(f.word(k - 1)) {
			case "pal", "friend", "mate", "confidant", "confidante":
				return speaker{ment: -1, mention: f.spanText(k-2, t+1), lo: k - 2, hi: t + 1, ok: true}, true
			}
		}
		if !f.isWord(k, "close") || !f.isWord(k+1, "to") {
			continue
		}
		switch strings.ToLower(f.word(k - 1)) {
		case "source", "sources", "friend", "friends", "insider", "insiders", "person", "people", "ally", "allies":
		default:
			return speaker{}, false
		}
		s := k - 1
		if s-1 >= lo && f.has(s-1, lxDet) {
			s--
		}
		if s > lo && !f.isPunct(s-1, ',') {
			return speaker{}, false
		}
		return speaker{ment: -1, mention: f.spanText(s, t+1), lo: s, hi: t + 1, ok: true}, true
	}
	return speaker{}, false
}

// upperASCII reports whether w is written in upper-case ASCII letters
// only ("KC", "OBE").
func upperASCII(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < 'A' || w[i] > 'Z' {
			return false
		}
	}
	return true
}

// personAged returns the person named last within 3,000 bytes before pos
// whom the text gives age n in figures right after the name ("Alan Roe,
// 81,", "Alan Roe (81)", "Alan Roe, aged 81,") or right before it ("81-year-old
// Alan Roe"), or -1.
func (f *finder) personAged(pos int, n string) int {
	if n == "" || len(n) > 3 || strings.Trim(n, "0123456789") != "" {
		return -1
	}
	for m := f.res.Started(pos); m >= 0 && pos-f.ms[m].Start < 3000; m-- {
		if f.ms[m].Type != model.Person || !f.validMent(m) || f.ms[m].End > pos || f.inQuotation(f.ms[m].Start) {
			continue
		}
		after := f.text[f.ms[m].End:min(len(f.text), f.ms[m].End+12)]
		after = strings.TrimPrefix(strings.TrimPrefix(after, ", aged "), ", ")
		after = strings.TrimPrefix(after, " (")
		if strings.HasPrefix(after, n) && (len(after) == len(n) || strings.IndexByte(",) ", after[len(n)]) >= 0) {
			return m
		}
		before := f.text[max(0, f.ms[m].Start-len(n)-10):f.ms[m].Start]
		if strings.HasSuffix(before, n+"-year-old ") && (len(before) == len(n)+10 || !isDigitByte(before[len(before)-len(n)-11])) {
			return m
		}
	}
	return -1
}

// isDigitByte reports whether b is an ASCII digit.
func isDigitByte(b byte) bool { return b >= '0' && b <= '9' }
